<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>HealthWarnings</name>
    <message>
        <source>{node}: {percent} % of outputs have been zero since epoch {epoch} — lower the learning rate or try LeakyReLU</source>
        <extracomment>Layers whose exact zeros mean a unit stopped learning. The warnings&apos; words (`netstudio.core.messages`: the CLI prints the English, the Training health list shows them translated). node: the node&apos;s name; percent: a figure without its percent sign (&quot;92&quot;, &quot;&gt;99&quot;); norm and times: numbers as `_number` and `_times` write them.</extracomment>
        <translation>{node}：自第 {epoch} 轮起，{percent}% 的输出一直为零——请降低学习率，或改用 LeakyReLU</translation>
    </message>
    <message>
        <source>{node}: gradient norm {norm} — exploding gradients: lower the learning rate or clip the gradients</source>
        <translation>{node}：梯度范数为 {norm}——梯度爆炸：请降低学习率，或进行梯度裁剪</translation>
    </message>
    <message>
        <source>{node}: gradient norm 0, no gradient reaches it (a dead ReLU after it?) — lower the learning rate, or add BatchNorm or a residual connection</source>
        <translation>{node}：梯度范数为 0，没有梯度传到这里（后面有失活的 ReLU？）——请降低学习率，或添加 BatchNorm（批归一化）层或残差连接</translation>
    </message>
    <message>
        <source>{node}: gradient norm {norm}, {times} smaller than {largest} — vanishing gradients: add BatchNorm or a residual connection</source>
        <translation>{node}：梯度范数为 {norm}，比 {largest} 小约 {times}——梯度消失：请添加 BatchNorm（批归一化）层或残差连接</translation>
    </message>
    <message>
        <source>{node}: each step changes its weights by {percent} % of their size (about 0.1 % is healthy) — lower the learning rate</source>
        <translation>{node}：每一步对权重的改动达到权重大小的 {percent}%（健康的水平约为 0.1%）——请降低学习率</translation>
    </message>
    <message>
        <source>{node}: {percent} % of outputs sit at the ends of its range, where it passes almost no gradient — add BatchNorm before it or use ReLU</source>
        <translation>{node}：{percent}% 的输出落在取值范围的两端，那里几乎传不过梯度——请在它之前添加 BatchNorm（批归一化）层，或改用 ReLU</translation>
    </message>
</context>
<context>
    <name>Previews</name>
    <message>
        <source>the network has {count} Inputs: give the sample as tensors by Input node id</source>
        <translation>网络有 {count} 个输入（Input）节点：请按 Input 节点的 id 分别给出样本的张量</translation>
    </message>
    <message>
        <source>the sample has no value for this Input</source>
        <translation>样本中没有这个输入（Input）节点的值</translation>
    </message>
    <message>
        <source>nothing arrives at its input</source>
        <translation>没有数据到达它的输入</translation>
    </message>
    <message>
        <source>its shape is not known</source>
        <translation>它的形状未知</translation>
    </message>
    <message>
        <source>its output is not a tensor</source>
        <translation>它的输出不是张量</translation>
    </message>
    <message>
        <source>block &apos;{node}&apos;: {error}</source>
        <translation>模块“{node}”：{error}</translation>
    </message>
    <message>
        <source>block &apos;{node}&apos; (copy {copy}): {error}</source>
        <translation>模块“{node}”（第 {copy} 个副本）：{error}</translation>
    </message>
    <message>
        <source>block &apos;{node}&apos;: its network gives no output for the sample</source>
        <translation>模块“{node}”：它的网络对这个样本没有输出</translation>
    </message>
    <message>
        <source>block &apos;{node}&apos; (copy {copy}): its network gives no output for the sample</source>
        <translation>模块“{node}”（第 {copy} 个副本）：它的网络对这个样本没有输出</translation>
    </message>
    <message>
        <source>{node}: the sample holds index {index} but num_embeddings is {size}: raise num_embeddings to at least {needed}, or check the data&apos;s token ids</source>
        <translation>{node}：样本中有索引 {index}，但 num_embeddings 只有 {size}：请把 num_embeddings 提高到至少 {needed}，或检查数据的词元编号</translation>
    </message>
    <message>
        <source>{node} fails on the sample: {reason}: check its parameters against the data</source>
        <translation>{node} 在这个样本上出错：{reason}：请对照数据检查它的参数</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>the network has no Input node: add one from the Input/Output category and wire it to the first layer</source>
        <translation>网络没有输入（Input）节点：请从“输入/输出”类别中添加一个，并把它连到第一层</translation>
    </message>
    <message>
        <source>the network has no Output node: add one and wire the last layer into it</source>
        <translation>网络没有输出（Output）节点：请添加一个，并把最后一层连到它</translation>
    </message>
    <message>
        <source>{node} is part of a cycle ({loop}): networks here must not loop; remove one of these wires</source>
        <translation>{node} 处在一个环路中（{loop}）：这里的网络不能有环路，请删除其中一条连线</translation>
    </message>
    <message>
        <source>the input of {node} is not connected: wire a layer&apos;s output into it</source>
        <translation>{node} 的输入没有连接：请把某一层的输出连到它</translation>
    </message>
    <message>
        <source>the input of {node} is not connected: wire a layer&apos;s output into it, or lower its number of inputs</source>
        <translation>{node} 的输入没有连接：请把某一层的输出连到它，或减少它的输入个数</translation>
    </message>
    <message>
        <source>input &apos;{port}&apos; of {node} is not connected: wire a layer&apos;s output into it</source>
        <translation>{node} 的输入“{port}”没有连接：请把某一层的输出连到它</translation>
    </message>
    <message>
        <source>input &apos;{port}&apos; of {node} is not connected: wire a layer&apos;s output into it, or lower its number of inputs</source>
        <translation>{node} 的输入“{port}”没有连接：请把某一层的输出连到它，或减少它的输入个数</translation>
    </message>
    <message>
        <source>input &apos;{port}&apos; of {node} has {count} wires; an input takes exactly one: remove the extra wires (use an Add or Concat to join branches)</source>
        <translation>{node} 的输入“{port}”有 {count} 条连线，而一个输入只能接一条：请删除多余的连线（用 Add 或 Concat 合并分支）</translation>
    </message>
    <message>
        <source>a wire goes into &apos;{port}&apos;, which {node} does not have: remove it</source>
        <translation>有一条连线连到了“{port}”，但 {node} 没有这个输入：请删除这条连线</translation>
    </message>
    <message>
        <source>{node} feeds nothing: wire it to a layer or delete it</source>
        <translation>{node} 没有连到任何层：请把它连到某一层，或删除它</translation>
    </message>
    <message>
        <source>{node} does not lead to any Output, so its result is unused: wire it onward or delete it</source>
        <translation>{node} 没有通向任何输出（Output），所以它的结果没有被使用：请把它继续往后连，或删除它</translation>
    </message>
    <message>
        <source>no Input reaches {node}: it never gets data</source>
        <translation>没有任何输入（Input）能到达 {node}：它永远得不到数据</translation>
    </message>
</context>
</TS>
