<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>{tip} ({keys})</source>
        <comment>a tooltip and its shortcut</comment>
        <extracomment>The actions&apos; words are translated in the context &quot;Actions&quot; (docs/translating.md).</extracomment>
        <translation>{tip}（{keys}）</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the project under a new name</source>
        <translation>以新名称保存项目</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Close the project</source>
        <translation>关闭项目</translation>
    </message>
    <message>
        <source>&amp;Examples…</source>
        <translation>示例(&amp;E)…</translation>
    </message>
    <message>
        <source>Open one of the example projects</source>
        <translation>打开一个示例项目</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Bring in a PyTorch module (Python file or torchvision) or an ONNX file</source>
        <translation>导入 PyTorch 模块（Python 文件或 torchvision 模型）或 ONNX 文件</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the network as PyTorch code, TorchScript, ONNX or weights</source>
        <translation>将网络导出为 PyTorch 代码、TorchScript、ONNX 或权重</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit NetStudio</source>
        <translation>退出 NetStudio</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>Cut the selected layers</source>
        <translation>剪切选中的层</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected layers as .net JSON</source>
        <translation>将选中的层复制为 .net JSON</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Paste layers</source>
        <translation>粘贴层</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <source>Duplicate the selected layers</source>
        <translation>为选中的层创建副本</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected layers and wires</source>
        <translation>删除选中的层和连线</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Select every layer and wire</source>
        <translation>选中所有层和连线</translation>
    </message>
    <message>
        <source>&amp;Rename Layer</source>
        <translation>重命名层(&amp;R)</translation>
    </message>
    <message>
        <source>Rename the selected layer</source>
        <translation>重命名选中的层</translation>
    </message>
    <message>
        <source>&amp;Find Layer…</source>
        <translation>查找层(&amp;F)…</translation>
    </message>
    <message>
        <source>Find a layer on the canvas by name or type</source>
        <translation>按名称或类型在画布上查找层</translation>
    </message>
    <message>
        <source>&amp;Fit to View</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Show the whole network</source>
        <translation>显示整个网络</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>Zoom to 100 %</source>
        <translation>缩放到 100%</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>全局小地图(&amp;O)</translation>
    </message>
    <message>
        <source>Show the whole network in a small map in the canvas&apos;s corner</source>
        <translation>在画布一角用小地图显示整个网络</translation>
    </message>
    <message>
        <source>&amp;Previews</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <source>Show on each layer its output for one sample of the data</source>
        <translation>在每一层上显示它对数据中一个样本的输出</translation>
    </message>
    <message>
        <source>Colour the layers by their training health, the number written on each</source>
        <extracomment>View &gt; Colour Nodes By…: one of these is checked (the key None: no colours).</extracomment>
        <translation>按训练健康状况为各层着色，并在每层上写出数值</translation>
    </message>
    <message>
        <source>&amp;None</source>
        <translation>无(&amp;N)</translation>
    </message>
    <message>
        <source>Activation &amp;std</source>
        <translation>激活值标准差(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Zero fraction</source>
        <translation>零值比例(&amp;Z)</translation>
    </message>
    <message>
        <source>&amp;Gradient norm</source>
        <translation>梯度范数(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Update ratio</source>
        <translation>更新比率(&amp;U)</translation>
    </message>
    <message>
        <source>Draw the layers in their own colours</source>
        <translation>用各层自身的颜色绘制</translation>
    </message>
    <message>
        <source>Record Layer &amp;Health</source>
        <translation>记录层的健康状况(&amp;H)</translation>
    </message>
    <message>
        <source>While training, measure each layer&apos;s activations, gradients and updates now and then (at most 3 % of the training time)</source>
        <translation>训练时不时测量每一层的激活值、梯度和参数更新（最多占用 3% 的训练时间）</translation>
    </message>
    <message>
        <source>&amp;Snap to Grid</source>
        <translation>对齐网格(&amp;S)</translation>
    </message>
    <message>
        <source>Place moved layers on the grid</source>
        <translation>把移动的层放到网格上</translation>
    </message>
    <message>
        <source>Use the system&apos;s language when NetStudio has it, else English</source>
        <extracomment>View &gt; Language: the system&apos;s, or one NetStudio speaks, named in its own language.</extracomment>
        <translation>使用系统语言（NetStudio 支持时），否则使用英语</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>系统语言(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Reset Window Layout</source>
        <translation>重置窗口布局(&amp;R)</translation>
    </message>
    <message>
        <source>Put the panels back where they started</source>
        <translation>把各面板放回初始位置</translation>
    </message>
    <message>
        <source>&amp;Auto-layout</source>
        <translation>自动布局(&amp;A)</translation>
    </message>
    <message>
        <source>Arrange the layers left to right</source>
        <translation>从左到右排列各层</translation>
    </message>
    <message>
        <source>Auto-layout &amp;Top to Bottom</source>
        <translation>从上到下自动布局(&amp;T)</translation>
    </message>
    <message>
        <source>Arrange the layers top to bottom</source>
        <translation>从上到下排列各层</translation>
    </message>
    <message>
        <source>&amp;Check Network</source>
        <translation>检查网络(&amp;C)</translation>
    </message>
    <message>
        <source>Show the network&apos;s problems</source>
        <translation>显示网络的问题</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>摘要(&amp;S)</translation>
    </message>
    <message>
        <source>Show the model summary table</source>
        <translation>显示模型摘要表</translation>
    </message>
    <message>
        <source>&amp;Load Weights…</source>
        <translation>加载权重(&amp;L)…</translation>
    </message>
    <message>
        <source>Start training from weights in a file (.safetensors, .pth, .pt, .bin), matched to the layers by name and shape</source>
        <translation>从文件（.safetensors、.pth、.pt、.bin）中的权重开始训练，按名称和形状与各层匹配</translation>
    </message>
    <message>
        <source>Load Weights from a &amp;Run…</source>
        <translation>从训练记录加载权重(&amp;R)…</translation>
    </message>
    <message>
        <source>Start training from the weights of a finished run (its folder), of this project or another</source>
        <translation>从一次已完成训练（它的文件夹）的权重开始训练，可以是本项目的，也可以是其他项目的</translation>
    </message>
    <message>
        <source>&amp;Freeze Selected Layers</source>
        <translation>冻结选中的层(&amp;F)</translation>
    </message>
    <message>
        <source>Keep the selected layers&apos; weights as they are while the network trains</source>
        <translation>网络训练时保持选中层的权重不变</translation>
    </message>
    <message>
        <source>&amp;Unfreeze Selected Layers</source>
        <translation>解冻选中的层(&amp;U)</translation>
    </message>
    <message>
        <source>Let the selected layers learn again</source>
        <translation>让选中的层重新参与学习</translation>
    </message>
    <message>
        <source>Freeze Everything &amp;Before This Layer</source>
        <translation>冻结此层之前的所有层(&amp;B)</translation>
    </message>
    <message>
        <source>Freeze every layer with parameters that feeds the selected one</source>
        <translation>冻结所有向选中层输入数据、且带参数的层</translation>
    </message>
    <message>
        <source>Fit Layer to &amp;Data</source>
        <translation>让层适配数据(&amp;D)</translation>
    </message>
    <message>
        <source>Give the selected Linear layer as many units as the data has classes, and start it from fresh weights</source>
        <translation>让选中的 Linear 层的单元数等于数据的类别数，并从新的权重开始</translation>
    </message>
    <message>
        <source>&amp;New Network…</source>
        <translation>新建网络(&amp;N)…</translation>
    </message>
    <message>
        <source>Add a network to the project (a tab above the canvas)</source>
        <translation>向项目添加一个网络（画布上方的一个标签页）</translation>
    </message>
    <message>
        <source>R&amp;ename Network…</source>
        <translation>重命名网络(&amp;E)…</translation>
    </message>
    <message>
        <source>Rename the network shown (its tab)</source>
        <translation>重命名当前显示的网络（它的标签页）</translation>
    </message>
    <message>
        <source>Dupl&amp;icate Network…</source>
        <translation>创建网络副本(&amp;I)…</translation>
    </message>
    <message>
        <source>Copy the network shown into a new one</source>
        <translation>把当前显示的网络复制为一个新网络</translation>
    </message>
    <message>
        <source>Delete Net&amp;work</source>
        <translation>删除网络(&amp;W)</translation>
    </message>
    <message>
        <source>Delete the network shown (not the main one, nor one a Block uses)</source>
        <translation>删除当前显示的网络（主网络和被模块使用的网络除外）</translation>
    </message>
    <message>
        <source>Set as &amp;Main Network</source>
        <translation>设为主网络(&amp;M)</translation>
    </message>
    <message>
        <source>Make the network shown the one that trains</source>
        <translation>把当前显示的网络设为要训练的网络</translation>
    </message>
    <message>
        <source>Make Bloc&amp;k…</source>
        <translation>生成模块(&amp;K)…</translation>
    </message>
    <message>
        <source>Turn the selected layers into a network of their own, used by one Block node</source>
        <translation>把选中的层变成一个独立的网络，由一个 Block（模块）节点使用</translation>
    </message>
    <message>
        <source>Un&amp;group</source>
        <translation>取消组合(&amp;G)</translation>
    </message>
    <message>
        <source>Put the selected Block&apos;s layers back in its place</source>
        <translation>把选中模块里的层放回它原来的位置</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Train the network</source>
        <translation>训练网络</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Pause or resume training</source>
        <translation>暂停或继续训练</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Stop training after this batch</source>
        <translation>在这个批次之后停止训练</translation>
    </message>
    <message>
        <source>S&amp;earch</source>
        <translation>超参数搜索(&amp;E)</translation>
    </message>
    <message>
        <source>Search the values set out in the Search panel, trial by trial</source>
        <translation>逐个试验地搜索“搜索”面板中列出的取值</translation>
    </message>
    <message>
        <source>&amp;Getting Started</source>
        <translation>入门(&amp;G)</translation>
    </message>
    <message>
        <source>The four steps from an empty canvas to a trained network</source>
        <translation>从空白画布到训练好的网络的四个步骤</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Every keyboard shortcut and what it does</source>
        <translation>所有键盘快捷键及其作用</translation>
    </message>
    <message>
        <source>&amp;Layer Reference</source>
        <translation>层参考(&amp;L)</translation>
    </message>
    <message>
        <source>Every layer with its parameters, defaults and ranges</source>
        <translation>每一种层及其参数、默认值和取值范围</translation>
    </message>
    <message>
        <source>&amp;About NetStudio</source>
        <translation>关于 NetStudio(&amp;A)</translation>
    </message>
    <message>
        <source>About NetStudio</source>
        <translation>关于 NetStudio</translation>
    </message>
</context>
<context>
    <name>CommandTexts</name>
    <message numerus="yes">
        <source>Delete %Ln node(s)</source>
        <translation>
            <numerusform>删除 %Ln 个节点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln item(s)</source>
        <translation>
            <numerusform>删除 %Ln 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln node(s)</source>
        <translation>
            <numerusform>移动 %Ln 个节点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %Ln node(s)</source>
        <translation>
            <numerusform>粘贴 %Ln 个节点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln run(s)</source>
        <translation>
            <numerusform>删除 %Ln 条训练记录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Add {layer}</source>
        <translation>添加 {layer}</translation>
    </message>
    <message>
        <source>Delete {name}</source>
        <translation>删除 {name}</translation>
    </message>
    <message>
        <source>Connect {source} → {target}</source>
        <translation>连接 {source} → {target}</translation>
    </message>
    <message>
        <source>Disconnect {source} → {target}</source>
        <translation>断开 {source} → {target}</translation>
    </message>
    <message>
        <source>{layer} has no output to feed &apos;{port}&apos;</source>
        <translation>{layer} 没有可以连到“{port}”的输出</translation>
    </message>
    <message>
        <source>{layer} has no input to take &apos;{port}&apos;</source>
        <translation>{layer} 没有可以接收“{port}”的输入</translation>
    </message>
    <message>
        <source>Insert into wire</source>
        <translation>插入连线</translation>
    </message>
    <message>
        <source>{layer} needs an input and an output to sit in a wire</source>
        <translation>{layer} 需要一个输入和一个输出才能插入连线</translation>
    </message>
    <message>
        <source>{layer} is already wired: only a free node goes in a wire</source>
        <translation>{layer} 已经连了线：只有未连线的节点才能插入连线</translation>
    </message>
    <message>
        <source>Insert {name} into wire</source>
        <translation>把 {name} 插入连线</translation>
    </message>
    <message>
        <source>Move {name}</source>
        <translation>移动 {name}</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between parameter names</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Change {name} {parameters}</source>
        <comment>parameters: their names</comment>
        <translation>修改 {name} 的 {parameters}</translation>
    </message>
    <message>
        <source>Rename {old} to {new}</source>
        <translation>将 {old} 重命名为 {new}</translation>
    </message>
    <message>
        <source>cannot paste: {error}</source>
        <translation>无法粘贴：{error}</translation>
    </message>
    <message>
        <source>Change flow</source>
        <translation>更改布局方向</translation>
    </message>
    <message>
        <source>run</source>
        <comment>a run without a name</comment>
        <translation>训练记录</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Save changes?</source>
        <translation>保存更改？</translation>
    </message>
    <message>
        <source>“{name}” has changes that are not saved.
Save them before closing?</source>
        <translation>“{name}”有尚未保存的更改。
关闭前要保存吗？</translation>
    </message>
    <message>
        <source>Stop training?</source>
        <translation>停止训练？</translation>
    </message>
    <message>
        <source>A run is training. Stop it and close?</source>
        <translation>正在进行一次训练。要停止训练并关闭吗？</translation>
    </message>
    <message>
        <source>Its metrics so far and its latest weights are kept in the project&apos;s run history.</source>
        <translation>它到目前为止的指标和最新的权重会保留在项目的训练记录中。</translation>
    </message>
    <message>
        <source>Stop and Close</source>
        <translation>停止并关闭</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <source>NetStudio closed without saving the changes to “{name}”.
They were autosaved {when}. Restore them?</source>
        <translation>NetStudio 关闭时没有保存对“{name}”的更改。
这些更改已于 {when} 自动保存。要恢复吗？</translation>
    </message>
    <message>
        <source>Later keeps them for the next start; Discard deletes them.</source>
        <translation>“稍后”会把它们留到下次启动；“丢弃”会删除它们。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>Save over this file?</source>
        <translation>覆盖这个文件？</translation>
    </message>
    <message>
        <source>Save the restored work to {path}?</source>
        <translation>把恢复的工作保存到 {path}？</translation>
    </message>
    <message>
        <source>That file {warning}. Save There writes the work there; Save As… chooses another file.</source>
        <comment>the warning says what happened to the file: “is gone: it was moved or deleted…”</comment>
        <translation>该文件{warning}。“保存到原处”会把工作写到那里；“另存为…”可以另选一个文件。</translation>
    </message>
    <message>
        <source>Save There</source>
        <translation>保存到原处</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
</context>
<context>
    <name>Examples</name>
    <message>
        <source>CIFAR-10 CNN</source>
        <extracomment>Each example&apos;s name and description, as its file writes them (lupdate reads them here).</extracomment>
        <translation>CIFAR-10 卷积网络</translation>
    </message>
    <message>
        <source>Two convolution blocks and two dense layers for 32×32 colour images.</source>
        <translation>两个卷积块加两个全连接层，用于 32×32 的彩色图像。</translation>
    </message>
    <message>
        <source>Digits GAN</source>
        <translation>手写数字 GAN</translation>
    </message>
    <message>
        <source>A generative adversarial network on the bundled 8×8 digits: the generator turns 32 random numbers into a digit, the discriminator tells its digits from the real ones. Trains on a CPU in under a minute; the run folder keeps a grid of samples per epoch.</source>
        <translation>在自带的 8×8 手写数字上训练的生成对抗网络：生成器把 32 个随机数变成一个数字，判别器分辨它生成的数字和真实的数字。在 CPU 上不到一分钟即可训练完；训练记录文件夹中保存每一轮生成的样本网格。</translation>
    </message>
    <message>
        <source>Digits MLP</source>
        <translation>手写数字 MLP</translation>
    </message>
    <message>
        <source>scikit-learn&apos;s bundled 8×8 handwritten digits (real, offline): trains in seconds on a CPU.</source>
        <translation>scikit-learn 自带的 8×8 手写数字（真实数据，无需联网）：在 CPU 上几秒即可训练完。</translation>
    </message>
    <message>
        <source>Digits MLP search</source>
        <translation>手写数字 MLP 超参数搜索</translation>
    </message>
    <message>
        <source>The digits MLP with a ready search space: learning rate (log 1e-4 to 0.1), fc1&apos;s width (16 to 256) and the dropout probability (0 to 0.5). Run it from the Search panel: Train ▸ Search (Ctrl+F5).</source>
        <translation>带有现成搜索空间的手写数字 MLP：学习率（对数刻度，1e-4 到 0.1）、fc1 的宽度（16 到 256）和丢弃率（0 到 0.5）。在“搜索”面板中运行它：训练 ▸ 超参数搜索（Ctrl+F5）。</translation>
    </message>
    <message>
        <source>Fashion-MNIST CNN</source>
        <translation>Fashion-MNIST 卷积网络</translation>
    </message>
    <message>
        <source>A small two-block CNN for 28×28 pictures of clothing (10 kinds), with left-right flips as augmentation.</source>
        <translation>一个由两个卷积块组成的小型卷积网络，用于 28×28 的服装图片（10 类），以左右镜像翻转作为数据增强。</translation>
    </message>
    <message>
        <source>MNIST autoencoder</source>
        <translation>MNIST 自编码器</translation>
    </message>
    <message>
        <source>Squeezes each digit through 32 numbers and rebuilds it (784-128-32-128-784): the target is the input. Pixels stay in [0, 1] to match the Sigmoid output.</source>
        <translation>把每个数字压缩成 32 个数，再重建出来（784-128-32-128-784）：目标就是输入本身。像素保持在 [0, 1] 之间，与 Sigmoid 的输出相匹配。</translation>
    </message>
    <message>
        <source>MNIST GAN</source>
        <translation>MNIST GAN</translation>
    </message>
    <message>
        <source>A GAN on the real MNIST digits (28×28): the generator (64-256-512-784) turns 64 random numbers into a digit, the discriminator (784-512-256-1) tells its digits from the real ones. Needs the MNIST files under data/MNIST/raw; the run folder keeps a grid of samples per epoch.</source>
        <translation>在真实的 MNIST 手写数字（28×28）上训练的 GAN：生成器（64-256-512-784）把 64 个随机数变成一个数字，判别器（784-512-256-1）分辨它生成的数字和真实的数字。需要 data/MNIST/raw 下的 MNIST 文件；训练记录文件夹中保存每一轮生成的样本网格。</translation>
    </message>
    <message>
        <source>MNIST MLP</source>
        <translation>MNIST MLP</translation>
    </message>
    <message>
        <source>The classic 784-256-128-10 multilayer perceptron for handwritten digits.</source>
        <translation>经典的 784-256-128-10 多层感知机，用于识别手写数字。</translation>
    </message>
    <message>
        <source>Residual blocks</source>
        <translation>残差块</translation>
    </message>
    <message>
        <source>One residual block (convolution branch + identity skip, joined by Add) drawn once as its own network and used three times by a Block node, on the bundled 8×8 digits.</source>
        <translation>一个残差块（卷积分支加恒等跳跃连接，由 Add 汇合）作为单独的网络只画一次，由一个模块（Block）节点使用三次；在自带的 8×8 手写数字上训练。</translation>
    </message>
    <message>
        <source>Residual CNN</source>
        <translation>残差卷积网络</translation>
    </message>
    <message>
        <source>Two residual blocks (convolution branch + identity skip, joined by Add).</source>
        <translation>两个残差块（卷积分支加恒等跳跃连接，由 Add 汇合）。</translation>
    </message>
    <message>
        <source>Wave shapes LSTM</source>
        <translation>波形分类 LSTM</translation>
    </message>
    <message>
        <source>An LSTM reads a noisy wave step by step and tells a sine from a square from a sawtooth by its last hidden state. Generated in code; trains in seconds.</source>
        <translation>LSTM 逐步读取一段带噪声的波形，根据最后的隐藏状态分辨正弦波、方波和锯齿波。数据由代码生成；几秒即可训练完。</translation>
    </message>
    <message>
        <source>Spiral toy</source>
        <translation>螺旋分类入门</translation>
    </message>
    <message>
        <source>Three interleaved spiral arms: no straight line separates them, two hidden layers do. Generated in code; trains in seconds.</source>
        <translation>三条交错的螺旋臂：没有一条直线能把它们分开，两个隐藏层可以。数据由代码生成；几秒即可训练完。</translation>
    </message>
    <message>
        <source>Transfer learning: digits 5–9</source>
        <translation>迁移学习：数字 5–9</translation>
    </message>
    <message>
        <source>The two convolutions start from weights learnt on the digits 0–4 (transfer_digits.safetensors) and are frozen; only the head learns the digits 5–9, from 71 examples. Compare with the same network trained from scratch.</source>
        <translation>两个卷积层从在数字 0–4 上学到的权重（transfer_digits.safetensors）开始，并被冻结；只有分类头学习数字 5–9，仅用 71 个样本。可以与从零开始训练的同一个网络作比较。</translation>
    </message>
</context>
<context>
    <name>ExamplesDialog</name>
    <message>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>An example opens as a new, unsaved project; the file itself stays.</source>
        <translation>示例会作为一个新的、未保存的项目打开；示例文件本身保持不变。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Cannot open the example</source>
        <translation>无法打开示例</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>PyTorch code (.py)</source>
        <extracomment>(format id, what the person sees, file suffix, file-dialog filter); the texts in English, translated where they are shown.</extracomment>
        <translation>PyTorch 代码（.py）</translation>
    </message>
    <message>
        <source>Python files (*.py)</source>
        <translation>Python 文件 (*.py)</translation>
    </message>
    <message>
        <source>PyTorch 2 (torch.export, .pt2)</source>
        <translation>PyTorch 2（torch.export，.pt2）</translation>
    </message>
    <message>
        <source>PyTorch 2 programs (*.pt2)</source>
        <translation>PyTorch 2 程序 (*.pt2)</translation>
    </message>
    <message>
        <source>TorchScript (legacy)</source>
        <translation>TorchScript（旧版）</translation>
    </message>
    <message>
        <source>TorchScript files (*.pt)</source>
        <translation>TorchScript 文件 (*.pt)</translation>
    </message>
    <message>
        <source>ONNX (.onnx)</source>
        <translation>ONNX（.onnx）</translation>
    </message>
    <message>
        <source>ONNX files (*.onnx)</source>
        <translation>ONNX 文件 (*.onnx)</translation>
    </message>
    <message>
        <source>Weights (.safetensors)</source>
        <translation>权重（.safetensors）</translation>
    </message>
    <message>
        <source>safetensors files (*.safetensors)</source>
        <translation>safetensors 文件 (*.safetensors)</translation>
    </message>
    <message>
        <source>An ExportedProgram that torch.export.load reads back; it takes any batch size</source>
        <extracomment>What a format is for, where its label cannot say it.</extracomment>
        <translation>一个 ExportedProgram，可以用 torch.export.load 读回；它接受任意批大小</translation>
    </message>
    <message>
        <source>For programs that cannot read PyTorch 2 files yet: PyTorch deprecates TorchScript in favour of torch.export</source>
        <translation>供还不能读取 PyTorch 2 文件的程序使用：PyTorch 已弃用 TorchScript，推荐改用 torch.export</translation>
    </message>
    <message>
        <source>train it first (Train ▸ Train, F5), or choose “From a safetensors file…” under Weights</source>
        <extracomment>What to do when no run has weights, in the app&apos;s own words (translated where shown).</extracomment>
        <translation>请先训练（训练 ▸ 训练，F5），或在“权重”中选择“从 safetensors 文件加载…”</translation>
    </message>
    <message>
        <source>Export Network</source>
        <translation>导出网络</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Add data loading and the training loop</source>
        <translation>加入数据加载和训练循环</translation>
    </message>
    <message>
        <source>Running the file with Python trains the network with the project&apos;s settings, on one process or, under torchrun, on several processes or machines</source>
        <translation>用 Python 运行这个文件，就会按项目的设置训练网络：可以在单个进程上运行，也可以在 torchrun 下在多个进程或多台机器上运行</translation>
    </message>
    <message>
        <source>Freshly initialised (the project&apos;s seed)</source>
        <translation>全新初始化（使用项目的随机种子）</translation>
    </message>
    <message>
        <source>The latest run&apos;s trained weights</source>
        <translation>最近一次训练得到的权重</translation>
    </message>
    <message>
        <source>From a safetensors file…</source>
        <translation>从 safetensors 文件加载…</translation>
    </message>
    <message>
        <source>No run has trained weights yet: {hint}</source>
        <translation>还没有哪次训练留下训练好的权重：{hint}</translation>
    </message>
    <message>
        <source>The latest run&apos;s trained weights ({name})</source>
        <translation>最近一次训练得到的权重（{name}）</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Weights:</source>
        <translation>权重：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Trained weights</source>
        <translation>训练好的权重</translation>
    </message>
    <message>
        <source>From {file}</source>
        <translation>来自 {file}</translation>
    </message>
    <message>
        <source>Choose the file to export to.</source>
        <translation>请选择要导出到的文件。</translation>
    </message>
    <message>
        <source>Cannot export: no run has trained weights: {hint}.</source>
        <translation>无法导出：没有哪次训练留下训练好的权重：{hint}。</translation>
    </message>
    <message>
        <source>Cannot export: {error}</source>
        <translation>无法导出：{error}</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the names of the files written</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Exported to {files}</source>
        <translation>已导出到 {files}</translation>
    </message>
    <message>
        <source>Export failed: {error}</source>
        <translation>导出失败：{error}</translation>
    </message>
</context>
<context>
    <name>GettingStartedDialog</name>
    <message>
        <source>Getting started</source>
        <translation>入门</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no key is set for the action</comment>
        <translation>无</translation>
    </message>
    <message>
        <source>Add layers</source>
        <translation>添加层</translation>
    </message>
    <message>
        <source>Drag a layer from the &lt;b&gt;Layers&lt;/b&gt; panel onto the canvas, or double-click it there to place it in the middle of the view. With the canvas focused, press &lt;b&gt;Tab&lt;/b&gt; and type a few letters of a layer&apos;s name to add it where the mouse is.</source>
        <translation>把一个层从&lt;b&gt;层&lt;/b&gt;面板拖到画布上，或在面板里双击它，把它放到视图中央。画布获得焦点时，按 &lt;b&gt;Tab&lt;/b&gt; 并输入层名称的几个字母，就能在鼠标所在的位置添加它。</translation>
    </message>
    <message>
        <source>Wire them</source>
        <translation>连接各层</translation>
    </message>
    <message>
        <source>Drag from a layer&apos;s output port (on its right) to the next layer&apos;s input port (on its left). Every wire shows the shape of the tensor it carries; a wire dropped on empty canvas offers the layers that fit. &lt;b&gt;Model › Check Network&lt;/b&gt; lists what is still wrong.</source>
        <translation>从一个层的输出端口（在它右侧）拖到下一层的输入端口（在它左侧）。每条连线都显示它所传递的张量的形状；把连线拖放到画布空白处，会列出可以接上的层。&lt;b&gt;模型 › 检查网络&lt;/b&gt;会列出还有哪些问题。</translation>
    </message>
    <message>
        <source>Choose data</source>
        <translation>选择数据</translation>
    </message>
    <message>
        <source>In the &lt;b&gt;Data&lt;/b&gt; panel pick a &lt;b&gt;Source&lt;/b&gt; (a built-in data set, an image folder or a CSV file) and how it is split. The Input layer&apos;s shape is filled in from the data.</source>
        <translation>在&lt;b&gt;数据&lt;/b&gt;面板中选择一个&lt;b&gt;数据源&lt;/b&gt;（内置数据集、图像文件夹或 CSV 文件）以及划分方式。输入（Input）层的形状会根据数据自动填写。</translation>
    </message>
    <message>
        <source>Train</source>
        <comment>the fourth step</comment>
        <translation>训练</translation>
    </message>
    <message>
        <source>Set the epochs and optimiser in the &lt;b&gt;Training&lt;/b&gt; panel, then choose &lt;b&gt;Train › Train&lt;/b&gt; ({train}). Curves grow live; when the run ends, the &lt;b&gt;Runs&lt;/b&gt; and &lt;b&gt;Evaluation&lt;/b&gt; panels show how well it does. Press &lt;b&gt;{fit}&lt;/b&gt; on the canvas to see the whole network.</source>
        <translation>在&lt;b&gt;训练&lt;/b&gt;面板中设置轮次和优化器，然后选择&lt;b&gt;训练 › 训练&lt;/b&gt;（{train}）。曲线会实时增长；训练结束后，&lt;b&gt;训练记录&lt;/b&gt;和&lt;b&gt;评估&lt;/b&gt;面板会显示它的效果。在画布上按 &lt;b&gt;{fit}&lt;/b&gt; 可以看到整个网络。</translation>
    </message>
    <message>
        <source>The digits example is a small network that trains in seconds, offline: open it to see the four steps done.</source>
        <translation>手写数字示例是一个小型网络，无需联网，几秒钟就能训练完：打开它，看看这四个步骤完成后的样子。</translation>
    </message>
    <message>
        <source>Open the digits example</source>
        <translation>打开手写数字示例</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>&apos;{text}&apos; is not a shape: write sizes like 3, 224, 224</source>
        <translation>“{text}”不是一个形状：请像 3, 224, 224 这样写出各维大小</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a shape: every size must be 1 or more</source>
        <translation>“{text}”不是一个形状：每一维的大小都必须至少为 1</translation>
    </message>
    <message>
        <source>Import Network</source>
        <translation>导入网络</translation>
    </message>
    <message>
        <source>Python files (*.py)</source>
        <translation>Python 文件 (*.py)</translation>
    </message>
    <message>
        <source>the nn.Module class, e.g. Net</source>
        <translation>nn.Module 类，例如 Net</translation>
    </message>
    <message>
        <source>Python file:</source>
        <translation>Python 文件：</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>类：</translation>
    </message>
    <message>
        <source>Input shape:</source>
        <translation>输入形状：</translation>
    </message>
    <message>
        <source>The class is built without arguments and traced with torch.fx.</source>
        <translation>这个类会以无参数的方式创建，并用 torch.fx 追踪。</translation>
    </message>
    <message>
        <source>Python class</source>
        <translation>Python 类</translation>
    </message>
    <message>
        <source>Weights (*.safetensors *.pth *.pt)</source>
        <translation>权重 (*.safetensors *.pth *.pt)</translation>
    </message>
    <message>
        <source>optional: trained weights on this computer</source>
        <translation>可选：本机上训练好的权重</translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation>架构：</translation>
    </message>
    <message>
        <source>Weights:</source>
        <translation>权重：</translation>
    </message>
    <message>
        <source>torchvision</source>
        <comment>the tab: a torchvision architecture</comment>
        <translation>torchvision</translation>
    </message>
    <message>
        <source>ONNX files (*.onnx)</source>
        <translation>ONNX 文件 (*.onnx)</translation>
    </message>
    <message>
        <source>ONNX file:</source>
        <translation>ONNX 文件：</translation>
    </message>
    <message>
        <source>Its weights come along; needs pip install &quot;netstudio[onnx]&quot;.</source>
        <translation>权重会一并导入；需要先运行 pip install &quot;netstudio[onnx]&quot;。</translation>
    </message>
    <message>
        <source>ONNX</source>
        <comment>the tab: an ONNX file</comment>
        <translation>ONNX</translation>
    </message>
    <message>
        <source>Keras models (*.keras *.py)</source>
        <translation>Keras 模型 (*.keras *.py)</translation>
    </message>
    <message>
        <source>optional: the model&apos;s variable or function</source>
        <translation>可选：模型的变量名或函数名</translation>
    </message>
    <message>
        <source>optional: in Keras&apos;s order, e.g. 32, 32, 3</source>
        <translation>可选：按 Keras 的维度顺序，例如 32, 32, 3</translation>
    </message>
    <message>
        <source>Keras model:</source>
        <translation>Keras 模型：</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>A .keras file, or a Python file that builds the model; needs pip install &quot;netstudio[keras]&quot;.</source>
        <translation>一个 .keras 文件，或一个创建该模型的 Python 文件；需要先运行 pip install &quot;netstudio[keras]&quot;。</translation>
    </message>
    <message>
        <source>Keras model (.keras or .py)</source>
        <translation>Keras 模型（.keras 或 .py）</translation>
    </message>
    <message>
        <source>The data the imported project trains on</source>
        <translation>导入的项目用来训练的数据</translation>
    </message>
    <message>
        <source>where the imported project is saved (.net)</source>
        <translation>导入的项目保存到哪里（.net）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Train on:</source>
        <translation>训练数据：</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>保存为：</translation>
    </message>
    <message>
        <source>Matching the input</source>
        <translation>与输入匹配的数据</translation>
    </message>
    <message>
        <source>Matching the input ({data})</source>
        <translation>与输入匹配的数据（{data}）</translation>
    </message>
    <message>
        <source>Matching the input (no built-in data fits {shape})</source>
        <translation>与输入匹配的数据（没有适合 {shape} 的内置数据）</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Save the imported project as</source>
        <translation>将导入的项目保存为</translation>
    </message>
    <message>
        <source>NetStudio projects (*.net)</source>
        <translation>NetStudio 项目 (*.net)</translation>
    </message>
    <message>
        <source>Choose the Python file and type the class name.</source>
        <translation>请选择 Python 文件并输入类名。</translation>
    </message>
    <message>
        <source>Choose the .keras file or the Python file that builds the model.</source>
        <translation>请选择 .keras 文件，或创建该模型的 Python 文件。</translation>
    </message>
    <message>
        <source>Choose the ONNX file.</source>
        <translation>请选择 ONNX 文件。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Imported into {file}</source>
        <translation>已导入到 {file}</translation>
    </message>
    <message>
        <source>Import failed: {error}</source>
        <translation>导入失败：{error}</translation>
    </message>
    <message>
        <source> {note}.</source>
        <comment>one note on the imported project as a sentence, after the one before it</comment>
        <translation>{note}。</translation>
    </message>
    <message>
        <source>Imported into {file}.{notes}</source>
        <comment>the notes: what to set before training</comment>
        <translation>已导入到 {file}。{notes}</translation>
    </message>
</context>
<context>
    <name>LayerReference</name>
    <message>
        <source>whole number</source>
        <extracomment>What each kind of parameter takes, in words (looked up in the person&apos;s language).</extracomment>
        <translation>整数</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数</translation>
    </message>
    <message>
        <source>on/off</source>
        <translation>开/关</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>{low} 到 {high}</translation>
    </message>
    <message>
        <source>one of: {choices}</source>
        <translation>以下之一：{choices}</translation>
    </message>
    <message>
        <source>{count} whole numbers</source>
        <translation>{count} 个整数</translation>
    </message>
    <message>
        <source>{count} numbers</source>
        <translation>{count} 个数</translation>
    </message>
    <message>
        <source>{type}, or auto</source>
        <translation>{type}，或自动</translation>
    </message>
    <message>
        <source>{type}, or none</source>
        <translation>{type}，或无</translation>
    </message>
    <message>
        <source>auto</source>
        <comment>a default filled from the input</comment>
        <translation>自动</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no default value</comment>
        <translation>无</translation>
    </message>
    <message>
        <source>at least {low}</source>
        <translation>不小于 {low}</translation>
    </message>
    <message>
        <source>at most {high}</source>
        <translation>不大于 {high}</translation>
    </message>
    <message>
        <source>each {range}</source>
        <comment>each number of a list</comment>
        <translation>每个值：{range}</translation>
    </message>
    <message>
        <source> or </source>
        <comment>between two ranks: 2 or 3</comment>
        <translation> 或 </translation>
    </message>
    <message>
        <source>Takes tensors of {ranks} dimensions, the batch included.</source>
        <translation>接受 {ranks} 维的张量（含批次维度）。</translation>
    </message>
    <message>
        <source>Takes any number of inputs.</source>
        <translation>可接受任意数量的输入。</translation>
    </message>
    <message>
        <source>No parameters.</source>
        <translation>没有参数。</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
</context>
<context>
    <name>LayerReferenceDialog</name>
    <message>
        <source>Layer reference</source>
        <translation>层参考</translation>
    </message>
    <message>
        <source>Search layers and their docs…</source>
        <translation>搜索层及其说明…</translation>
    </message>
    <message>
        <source>No layer matches the search.</source>
        <translation>没有与搜索匹配的层。</translation>
    </message>
</context>
<context>
    <name>LoadWeightsDialog</name>
    <message>
        <source>{key}: {file_shape} in the file, {model_shape} here</source>
        <translation>{key}：文件中为 {file_shape}，这里为 {model_shape}</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>匹配</translation>
    </message>
    <message>
        <source>Another shape</source>
        <translation>形状不同</translation>
    </message>
    <message>
        <source>Missing from the file (they keep their values)</source>
        <translation>文件中没有（保留原来的值）</translation>
    </message>
    <message>
        <source>Not in this network (left out)</source>
        <translation>本网络中没有（不加载）</translation>
    </message>
    <message>
        <source>{title}: {count}</source>
        <comment>a kind of tensors and how many</comment>
        <translation>{title}：{count}</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <comment>more names than the list shows</comment>
        <translation>… 还有 {count} 个</translation>
    </message>
    <message>
        <source>(scalar)</source>
        <comment>a tensor with no dimensions</comment>
        <translation>（标量）</translation>
    </message>
    <message>
        <source>Weights (*.safetensors *.pth *.pt *.bin);;All files (*)</source>
        <translation>权重 (*.safetensors *.pth *.pt *.bin);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Load Weights</source>
        <translation>加载权重</translation>
    </message>
    <message numerus="yes">
        <source>All %Ln tensor(s) of {source} match this network.</source>
        <translation>
            <numerusform>{source} 的全部 %Ln 个张量都与本网络匹配。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln tensor(s) of {source} match this network by name and shape; the others do not. Loading the matched ones is a partial load: the layers they belong to start from them, the others from fresh weights.</source>
        <translation>
            <numerusform>{source} 中有 %Ln 个张量按名称和形状与本网络匹配，其余的不匹配。只加载匹配的张量是部分加载：它们所属的层从这些权重开始，其余的层从新初始化的权重开始。</numerusform>
        </translation>
    </message>
    <message>
        <source>No tensor of {source} matches this network by name and shape: nothing can be loaded (were the weights made for another network?).</source>
        <translation>{source} 中没有任何张量按名称和形状与本网络匹配：无法加载（这些权重是不是为另一个网络准备的？）。</translation>
    </message>
    <message>
        <source>Training starts from the loaded weights; Save keeps them beside the project. Edit ▸ Undo takes the load back.</source>
        <translation>训练将从加载的权重开始；保存时会把它们存放在项目旁边。编辑 ▸ 撤销 可以撤回这次加载。</translation>
    </message>
    <message numerus="yes">
        <source>Load %Ln tensor(s)</source>
        <translation>
            <numerusform>加载 %Ln 个张量</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Load matched %Ln tensor(s)</source>
        <translation>
            <numerusform>加载匹配的 %Ln 个张量</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Language</source>
        <extracomment>View &gt; Language&apos;s notice, shown in the language just chosen (`i18n.translate_in`).</extracomment>
        <translation>语言</translation>
    </message>
    <message>
        <source>NetStudio will speak this language from its next start. Your work stays open until you quit.</source>
        <translation>NetStudio 下次启动时将使用这种语言。在你退出之前，当前的工作会一直保持打开。</translation>
    </message>
    <message>
        <source>Layers</source>
        <extracomment>Every menu and toolbar action, by what it does (``menu_actions.train``). Model &gt; Load weights…: the report dialog and the undoable load. The network tabs above the canvas, and the network and block edits (issue 15). The Training panel, Curves dock, Train/Pause/Stop, the editing lock, run status. The Data panel; the Data preview, Runs, Evaluation and Try it docks. The Search panel and dock, Train &gt; Search, and &quot;Search this…&quot; on fields. Previews and training health: their dock, menus and the Inspector&apos;s part.</extracomment>
        <translation>层</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>shapes unavailable</source>
        <translation>无法推断形状</translation>
    </message>
    <message>
        <source>PyTorch could not be loaded: {error}</source>
        <translation>无法加载 PyTorch：{error}</translation>
    </message>
    <message>
        <source>Drag layers from the palette onto the canvas, then drag from an output port to an input port to wire them.</source>
        <translation>从层面板把层拖到画布上，再从一个输出端口拖到一个输入端口，把它们连接起来。</translation>
    </message>
    <message>
        <source>{file}{star} — {app}</source>
        <comment>the window title: file name, *, app name</comment>
        <translation>{file}{star} — {app}</translation>
    </message>
    <message>
        <source>working out shapes…</source>
        <translation>正在推断形状…</translation>
    </message>
    <message>
        <source>loading PyTorch…</source>
        <translation>正在加载 PyTorch…</translation>
    </message>
    <message numerus="yes">
        <source>✗ %Ln error(s)</source>
        <translation>
            <numerusform>✗ %Ln 个错误</numerusform>
        </translation>
    </message>
    <message>
        <source>{total} params ({frozen} frozen)</source>
        <translation>{total} 个参数（{frozen} 个已冻结）</translation>
    </message>
    <message>
        <source>{total} params</source>
        <translation>{total} 个参数</translation>
    </message>
    <message>
        <source>✓ valid · {params} · {size}</source>
        <translation>✓ 有效 · {params} · {size}</translation>
    </message>
    <message numerus="yes">
        <source>starts from loaded weights (%Ln tensor(s))</source>
        <translation>
            <numerusform>从加载的权重开始（%Ln 个张量）</numerusform>
        </translation>
    </message>
    <message>
        <source>{status} · {start}</source>
        <translation>{status} · {start}</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <comment>the zoom</comment>
        <translation>{percent}%</translation>
    </message>
    <message>
        <source>Problems ({count})</source>
        <translation>问题（{count}）</translation>
    </message>
    <message numerus="yes">
        <source>Froze %Ln layer(s) before {name}</source>
        <translation>
            <numerusform>已冻结 {name} 之前的 %Ln 个层</numerusform>
        </translation>
    </message>
    <message>
        <source>No layer with parameters comes before {name}</source>
        <translation>{name} 之前没有带参数的层</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>关于 {app}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{app}&lt;/b&gt;&lt;br&gt;Build, check and train neural networks visually; export plain PyTorch.</source>
        <translation>&lt;b&gt;{app}&lt;/b&gt;&lt;br&gt;以可视化方式搭建、检查和训练神经网络；导出纯 PyTorch 代码。</translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message>
        <source>{path}: {problem}</source>
        <comment>where in the file, what</comment>
        <translation>{path}：{problem}</translation>
    </message>
    <message>
        <source>NetStudio projects (*.net);;All files (*)</source>
        <translation>NetStudio 项目 (*.net);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message numerus="yes">
        <source>%Ln part(s) of {file} could not be read:</source>
        <translation>
            <numerusform>{file} 中有 %Ln 个部分无法读取：</numerusform>
        </translation>
    </message>
    <message>
        <source>(and {count} more: see Details)</source>
        <translation>（还有 {count} 个：请查看详情）</translation>
    </message>
    <message>
        <source>A node or wire that could not be read is left out; a setting that could not be read takes its default (see the Data and Training panels). Saving writes the project as it is now.</source>
        <translation>无法读取的节点或连线已被略去；无法读取的设置使用默认值（请查看数据和训练面板）。保存会按项目现在的样子写入文件。</translation>
    </message>
    <message>
        <source>Project opened with problems</source>
        <translation>项目已打开，但有问题</translation>
    </message>
    <message numerus="yes">
        <source>{problem} (and %Ln more problem(s))</source>
        <translation>
            <numerusform>{problem}（另有 %Ln 个问题）</numerusform>
        </translation>
    </message>
    <message>
        <source>{file}: {problem}</source>
        <comment>a file and what is wrong with it</comment>
        <translation>{file}：{problem}</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>Cannot save project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation>已保存 {file}</translation>
    </message>
    <message numerus="yes">
        <source>Saved {file}, but %Ln run(s) could not be brought beside it:</source>
        <translation>
            <numerusform>已保存 {file}，但有 %Ln 条训练记录无法移到它旁边：</numerusform>
        </translation>
    </message>
    <message>
        <source>Some runs stayed where they were</source>
        <translation>部分训练记录留在了原处</translation>
    </message>
    <message>
        <source>&amp;{number} {file}</source>
        <comment>a recent project: its number (the key) and name</comment>
        <translation>&amp;{number} {file}</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>没有最近的项目</translation>
    </message>
    <message>
        <source>Clear Recent Projects</source>
        <translation>清除最近的项目</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>is gone: it was moved or deleted after the autosave</source>
        <translation>已不存在：它在自动保存之后被移动或删除了</translation>
    </message>
    <message>
        <source>may hold another project now: this autosave does not say which file it came from</source>
        <translation>现在可能存放着另一个项目：这份自动保存没有记下它来自哪个文件</translation>
    </message>
    <message>
        <source>has changed since the autosave: another program or project may have written it</source>
        <translation>在自动保存之后被修改过：可能有别的程序或项目写入了它</translation>
    </message>
    <message>
        <source>dd MMM yyyy &apos;at&apos; HH:mm</source>
        <comment>a date and time (QDateTime format)</comment>
        <extracomment>A QDateTime format: d, MMM, yyyy, HH, mm are fields, words in single quotes.</extracomment>
        <translation>yyyy年M月d日 HH:mm</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>{file} cannot be read: {error}</source>
        <translation>无法读取 {file}：{error}</translation>
    </message>
    <message>
        <source>Restored unsaved work on {name}</source>
        <translation>已恢复 {name} 未保存的工作</translation>
    </message>
    <message>
        <source>Restored unsaved work on {name}; its file {warning}, so Save will ask first</source>
        <translation>已恢复 {name} 未保存的工作；它的文件{warning}，所以保存前会先询问</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Action</source>
        <extracomment>The columns&apos; headings (in English; shown in the app&apos;s language).</extracomment>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Search actions, keys or descriptions…</source>
        <translation>搜索操作、按键或说明…</translation>
    </message>
    <message>
        <source>{tip} (on the canvas)</source>
        <translation>{tip}（在画布上）</translation>
    </message>
</context>
<context>
    <name>WeightsLoader</name>
    <message>
        <source>Load Weights</source>
        <extracomment>The report dialog on show (None when none is).</extracomment>
        <translation>加载权重</translation>
    </message>
    <message>
        <source>Load Weights from a Run</source>
        <translation>从训练记录加载权重</translation>
    </message>
    <message>
        <source>PyTorch is still loading: load weights once the shapes are shown</source>
        <translation>PyTorch 仍在加载：请在显示形状后再加载权重</translation>
    </message>
    <message>
        <source>Cannot load weights</source>
        <translation>无法加载权重</translation>
    </message>
    <message>
        <source>The network cannot be built, so nothing can be matched: {error}
Fix the problems first (Model ▸ Check Network).</source>
        <translation>无法构建网络，因此无法匹配任何权重：{error}
请先解决问题（模型 ▸ 检查网络）。</translation>
    </message>
    <message>
        <source>{error}

Nothing was changed.</source>
        <translation>{error}

没有做任何更改。</translation>
    </message>
    <message numerus="yes">
        <source>Load %Ln tensor(s) from {source}</source>
        <translation>
            <numerusform>从 {source} 加载 %Ln 个张量</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %Ln tensor(s) from {source}: training starts from them</source>
        <translation>
            <numerusform>已从 {source} 加载 %Ln 个张量：训练将从它们开始</numerusform>
        </translation>
    </message>
</context>
</TS>
