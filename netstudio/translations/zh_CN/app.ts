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
        <translation>从层面板把层拖到画布上，再从一个输出端口拖到一个输入端口，把它们连起来。</translation>
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
        <source>✗ %n error(s)</source>
        <translation>
            <numerusform>✗ %n 个错误</numerusform>
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
        <source>starts from loaded weights (%n tensor(s))</source>
        <translation>
            <numerusform>从加载的权重开始（%n 个张量）</numerusform>
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
        <source>Froze %n layer(s) before {name}</source>
        <translation>
            <numerusform>已冻结 {name} 之前的 %n 个层</numerusform>
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
</TS>
