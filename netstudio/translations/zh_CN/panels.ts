<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>FieldMarks</name>
    <message>
        <source>{value} is beyond what this field can hold (at most {limit}); it is kept until you enter another number</source>
        <extracomment>The objectName of the error icon a marked text or number field shows (`mark_problem`). A widget property: the fields inside a widget that has it edit the project (`holds_project_fields`).</extracomment>
        <translation>{value} 超出了此字段能容纳的范围（最多 {limit}）；在你输入其他数字之前会一直保留</translation>
    </message>
    <message>
        <source>{value} is beyond what this field can hold (at least {limit}); it is kept until you enter another number</source>
        <translation>{value} 超出了此字段能容纳的范围（至少 {limit}）；在你输入其他数字之前会一直保留</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>{kind} from {low} to {high}{unit}</source>
        <translation>介于 {low} 和 {high}{unit} 之间的{kind}</translation>
    </message>
    <message>
        <source>greater than {low}</source>
        <translation>大于 {low}</translation>
    </message>
    <message>
        <source>of at least {low}</source>
        <translation>不小于 {low}</translation>
    </message>
    <message>
        <source>less than {high}</source>
        <comment>after &apos;greater than&apos; or &apos;at least&apos;</comment>
        <translation>小于 {high}</translation>
    </message>
    <message>
        <source>at most {high}</source>
        <comment>after &apos;greater than&apos; or &apos;at least&apos;</comment>
        <translation>不大于 {high}</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first}且{second}</translation>
    </message>
    <message>
        <source>less than {high}</source>
        <translation>小于 {high}</translation>
    </message>
    <message>
        <source>of at most {high}</source>
        <translation>不大于 {high}</translation>
    </message>
    <message>
        <source>{kind} {bounds}{unit}</source>
        <translation>{bounds}{unit} 的{kind}</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Select a layer on the canvas to see and edit its parameters.

Add layers from the Layers palette: drag one onto the canvas, or double-click it.</source>
        <translation>在画布上选择一个层，即可查看和编辑它的参数。

从“层”面板添加层：把层拖到画布上，或双击它。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln layer(s) selected.</source>
        <extracomment>A short message for the status bar (what Fit to data did, or why it could not). The nodes selected when several are (the multi-selection page shows them). The value each field last showed from the node (a refused entry stays on show until the node&apos;s value changes). Shown under each node&apos;s page: its preview enlarged and its health (the window sets it; see `node_insight`).</extracomment>
        <translation>
            <numerusform>已选择 %Ln 个层。</numerusform>
        </translation>
    </message>
    <message>
        <source>The node&apos;s name, unique in the network (F2 renames)</source>
        <translation>节点的名称，在网络中唯一（F2 重命名）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>{doc}

In PyTorch: {name}</source>
        <extracomment>The tooltip of a parameter&apos;s label: what it does, then its PyTorch keyword.</extracomment>
        <translation>{doc}

PyTorch 参数名：{name}</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>… (PyTorch is loading)</source>
        <translation>…（PyTorch 正在加载）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Trainable</source>
        <translation>可训练</translation>
    </message>
    <message>
        <source>Off: the layer is frozen, its weights do not change while the network trains (transfer learning: keep what a pretrained layer learned)</source>
        <translation>关闭：冻结该层，训练网络时它的权重不变（迁移学习：保留预训练层学到的东西）</translation>
    </message>
    <message>
        <source>This layer&apos;s learning rate as a multiple of the optimizer&apos;s (blank or 1: the same rate; more than 0, at most 1000). A pretrained layer often learns at 0.1.</source>
        <translation>该层的学习率，以优化器学习率的倍数表示（留空或 1：与之相同；大于 0，最多 1000）。预训练层常用 0.1。</translation>
    </message>
    <message>
        <source>LR ×</source>
        <translation>学习率 ×</translation>
    </message>
    <message>
        <source>Fit to data</source>
        <translation>适配数据</translation>
    </message>
    <message>
        <source>Give this layer as many units as the data has classes (or target values) and start it from fresh weights: the new head of a pretrained network</source>
        <translation>让该层的单元数等于数据的类别数（或目标值个数），并从新初始化的权重开始：作为预训练网络的新分类头</translation>
    </message>
    <message>
        <source>Freeze all</source>
        <translation>全部冻结</translation>
    </message>
    <message>
        <source>Freeze every selected layer that has parameters</source>
        <translation>冻结所有选中的、有参数的层</translation>
    </message>
    <message>
        <source>Unfreeze all</source>
        <translation>全部解冻</translation>
    </message>
    <message>
        <source>Let every selected layer learn again</source>
        <translation>让所有选中的层重新学习</translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them have parameters;</source>
        <translation>
            <numerusform>其中 %Ln 个有参数；</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln is frozen.</source>
        <translation>
            <numerusform>%Ln 个已冻结。</numerusform>
        </translation>
    </message>
    <message>
        <source>{parameters} {frozen}</source>
        <comment>how many have parameters, how many are frozen</comment>
        <translation>{parameters}{frozen}</translation>
    </message>
    <message>
        <source>Cannot fit {name} to the data: {reason}</source>
        <translation>无法让 {name} 适配数据：{reason}</translation>
    </message>
</context>
<context>
    <name>LayerPalette</name>
    <message>
        <source>Search layers…</source>
        <extracomment>A layer was chosen with double-click or Enter: add it where the person is working.</extracomment>
        <translation>搜索层…</translation>
    </message>
</context>
<context>
    <name>NumberBoxes</name>
    <message>
        <source>The field is empty</source>
        <translation>字段为空</translation>
    </message>
    <message>
        <source>&apos;{entry}&apos; is not a number</source>
        <translation>“{entry}”不是数字</translation>
    </message>
    <message>
        <source>{entry} is not a finite number</source>
        <translation>{entry} 不是有限的数</translation>
    </message>
    <message>
        <source>{entry} is not a whole number</source>
        <translation>{entry} 不是整数</translation>
    </message>
    <message>
        <source>{entry} is beyond what this field can hold (at least {limit}). Not applied.</source>
        <translation>{entry} 超出了此字段能容纳的范围（至少 {limit}）。未应用。</translation>
    </message>
    <message>
        <source>{entry} is beyond what this field can hold (at most {limit}). Not applied.</source>
        <translation>{entry} 超出了此字段能容纳的范围（最多 {limit}）。未应用。</translation>
    </message>
    <message>
        <source>{entry} is too small</source>
        <translation>{entry} 太小</translation>
    </message>
    <message>
        <source>{entry} is too large</source>
        <translation>{entry} 太大</translation>
    </message>
    <message>
        <source>{entry} is finer than this field holds (steps of {finest})</source>
        <translation>{entry} 的精度超出了此字段（步长为 {finest}）</translation>
    </message>
    <message>
        <source>&apos;{entry}&apos; cannot be read as a number</source>
        <translation>无法把“{entry}”读作数字</translation>
    </message>
    <message>
        <source>{what}: allowed is {allowed}. Not applied.</source>
        <translation>{what}：只允许{allowed}。未应用。</translation>
    </message>
</context>
<context>
    <name>ParamEditors</name>
    <message>
        <source>&apos;{name}&apos; takes numbers, e.g. {example}; &apos;{token}&apos; is not one</source>
        <translation>“{name}”需要数字，例如 {example}；“{token}”不是数字</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; takes one number, got {count}</source>
        <translation>“{name}”只接受一个数字，当前有 {count} 个</translation>
    </message>
    <message>
        <source>auto ({value})</source>
        <extracomment>The entry could not be taken: (parameter name, why, in words); &quot;&quot; when that is over. Why the value shown is not one the parameter takes, in words (&quot;&quot; when it is).</extracomment>
        <translation>自动（{value}）</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>file: {problem}</source>
        <extracomment>The number of errors and warnings changed: (errors, warnings). Problems found outside the document&apos;s analysis (a layer failing on the previews&apos; sample), shown after its own.</extracomment>
        <translation>文件：{problem}</translation>
    </message>
    <message>
        <source>Left out when the file was opened: {problem}</source>
        <translation>打开文件时被略过：{problem}</translation>
    </message>
    <message>
        <source>No problems: the network is valid.</source>
        <translation>没有问题：网络有效。</translation>
    </message>
</context>
<context>
    <name>SummaryModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>MACs</source>
        <extracomment>Multiply-accumulate operations of one sample&apos;s forward pass.</extracomment>
        <translation>乘加运算</translation>
    </message>
    <message numerus="yes">
        <source>%Ln layer(s), {weights} of weights; {frozen} frozen</source>
        <extracomment>The ids of the frozen nodes, and how many starting tensors the project has.</extracomment>
        <translation>
            <numerusform>%Ln 个层，权重 {weights}；{frozen} 个已冻结</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln layer(s), {weights} of weights</source>
        <translation>
            <numerusform>%Ln 个层，权重 {weights}</numerusform>
        </translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Weights counted as float32 (4 bytes each)</source>
        <translation>权重按 float32 计（每个 4 字节）</translation>
    </message>
    <message>
        <source>{trainable} trainable, {frozen} frozen</source>
        <translation>{trainable} 个可训练，{frozen} 个已冻结</translation>
    </message>
    <message numerus="yes">
        <source>The project starts from loaded weights (%Ln tensor(s))</source>
        <translation>
            <numerusform>项目从载入的权重开始（%Ln 个张量）</numerusform>
        </translation>
    </message>
    <message>
        <source>Training starts from fresh weights</source>
        <translation>训练从新初始化的权重开始</translation>
    </message>
    <message>
        <source>Counting the MACs: they follow the shapes in a moment</source>
        <translation>正在计算乘加运算量：稍后随形状一起给出</translation>
    </message>
    <message>
        <source>{layer} · frozen</source>
        <translation>{layer} · 已冻结</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>TuningEdits</name>
    <message>
        <source>{count} layers</source>
        <extracomment>The largest learning-rate multiplier a layer takes (as `FineTuningConfig` allows).</extracomment>
        <translation>{count} 个层</translation>
    </message>
    <message>
        <source>Freeze {layers}</source>
        <translation>冻结 {layers}</translation>
    </message>
    <message>
        <source>Unfreeze {layers}</source>
        <translation>解冻 {layers}</translation>
    </message>
    <message>
        <source>Freeze everything before {name}</source>
        <translation>冻结 {name} 之前的所有层</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number: allowed is more than 0, at most 1000</source>
        <translation>“{text}”不是数字：允许大于 0、最多 1000</translation>
    </message>
    <message>
        <source>{text} is out of range: allowed is more than 0, at most 1000</source>
        <translation>{text} 超出范围：允许大于 0、最多 1000</translation>
    </message>
    <message>
        <source>Change {name} learning-rate multiplier</source>
        <translation>修改 {name} 的学习率倍数</translation>
    </message>
    <message>
        <source>{name} already has {units} units: {reason}</source>
        <translation>{name} 已有 {units} 个单元：{reason}</translation>
    </message>
    <message>
        <source>Fit {name} to the data</source>
        <translation>让 {name} 适配数据</translation>
    </message>
    <message>
        <source>{name} now has {units} units ({reason}); it starts from fresh weights</source>
        <translation>{name} 现在有 {units} 个单元（{reason}）；它从新的权重开始</translation>
    </message>
    <message>
        <source>{name} now has {units} units ({reason})</source>
        <translation>{name} 现在有 {units} 个单元（{reason}）</translation>
    </message>
    <message>
        <source>{total} params ({frozen} frozen)</source>
        <translation>{total} 个参数（{frozen} 个已冻结）</translation>
    </message>
    <message>
        <source>{total} params</source>
        <translation>{total} 个参数</translation>
    </message>
</context>
<context>
    <name>TuningWords</name>
    <message numerus="yes">
        <source>starts from loaded weights (%Ln tensor(s))</source>
        <translation>
            <numerusform>从载入的权重开始（%Ln 个张量）</numerusform>
        </translation>
    </message>
</context>
</TS>
