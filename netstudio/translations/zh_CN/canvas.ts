<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BlockCommands</name>
    <message>
        <source>This project already has a network &apos;{network}&apos;: choose another name</source>
        <translation>这个项目里已经有名为“{network}”的网络：请换一个名称</translation>
    </message>
    <message>
        <source>Rename network {old} to {new}</source>
        <extracomment>Block nodes naming a renamed network, with the old and new name. The training section before and after, when its GAN names a renamed network.</extracomment>
        <translation>把网络 {old} 重命名为 {new}</translation>
    </message>
    <message>
        <source>&apos;{network}&apos; is the main network (the one that trains): make another network the main one first (Set as Main Network)</source>
        <translation>“{network}”是主网络（训练的就是它）：请先把另一个网络设为主网络（设为主网络）</translation>
    </message>
    <message>
        <source>&apos;{network}&apos; is the GAN&apos;s generator and discriminator (Training panel, Generative adversarial: Generator, Discriminator): choose another network there first</source>
        <translation>“{network}”是 GAN 的生成器和判别器（训练面板，生成对抗：生成器、判别器）：请先在那里选择另一个网络</translation>
    </message>
    <message>
        <source>&apos;{network}&apos; is the GAN&apos;s generator (Training panel, Generative adversarial: Generator): choose another network there first</source>
        <translation>“{network}”是 GAN 的生成器（训练面板，生成对抗：生成器）：请先在那里选择另一个网络</translation>
    </message>
    <message>
        <source>&apos;{network}&apos; is the GAN&apos;s discriminator (Training panel, Generative adversarial: Discriminator): choose another network there first</source>
        <translation>“{network}”是 GAN 的判别器（训练面板，生成对抗：判别器）：请先在那里选择另一个网络</translation>
    </message>
    <message>
        <source>A Block in {users} uses &apos;{network}&apos;: delete or ungroup that block first</source>
        <translation>{users} 中有一个 Block（模块）节点使用了“{network}”：请先删除该模块或取消组合</translation>
    </message>
    <message>
        <source>Delete {network}</source>
        <translation>删除 {network}</translation>
    </message>
    <message>
        <source>Make {network} the main one</source>
        <translation>把 {network} 设为主网络</translation>
    </message>
    <message>
        <source>Make block {network}</source>
        <translation>生成模块 {network}</translation>
    </message>
    <message>
        <source>Ungroup {block}</source>
        <translation>取消组合 {block}</translation>
    </message>
</context>
<context>
    <name>BlockEditing</name>
    <message>
        <source>New Network</source>
        <translation>新建网络</translation>
    </message>
    <message>
        <source>Name of the new network:</source>
        <translation>新网络的名称：</translation>
    </message>
    <message>
        <source>Add network {network}</source>
        <translation>添加网络 {network}</translation>
    </message>
    <message>
        <source>Name of the copy of {network}:</source>
        <translation>{network} 副本的名称：</translation>
    </message>
    <message>
        <source>Duplicate Network</source>
        <translation>创建网络副本</translation>
    </message>
    <message>
        <source>Duplicate {network}</source>
        <translation>创建 {network} 的副本</translation>
    </message>
    <message>
        <source>Cannot add the network: {reason}</source>
        <translation>无法添加网络：{reason}</translation>
    </message>
    <message>
        <source>New name of {network}:</source>
        <translation>{network} 的新名称：</translation>
    </message>
    <message>
        <source>Rename Network</source>
        <translation>重命名网络</translation>
    </message>
    <message>
        <source>Cannot rename {network}: {reason}</source>
        <translation>无法重命名 {network}：{reason}</translation>
    </message>
    <message>
        <source>Cannot delete {network}: {reason}</source>
        <translation>无法删除 {network}：{reason}</translation>
    </message>
    <message>
        <source>Deleted the network {network} (Undo brings it back)</source>
        <translation>已删除网络 {network}（撤销可以恢复它）</translation>
    </message>
    <message>
        <source>{network} is the main network now: it is what trains</source>
        <translation>{network} 现在是主网络：训练的就是它</translation>
    </message>
    <message>
        <source>Cannot make a block: {reason}</source>
        <translation>无法生成模块：{reason}</translation>
    </message>
    <message>
        <source>Make Block</source>
        <translation>生成模块</translation>
    </message>
    <message>
        <source>Name of the block&apos;s network:</source>
        <translation>模块所用网络的名称：</translation>
    </message>
    <message>
        <source>Cannot ungroup: select one Block node first</source>
        <translation>无法取消组合：请先选中一个 Block（模块）节点</translation>
    </message>
    <message>
        <source>Cannot ungroup: {reason}</source>
        <translation>无法取消组合：{reason}</translation>
    </message>
    <message>
        <source>Ungrouped {network} (no other block used its network, so it went too)</source>
        <translation>已取消组合 {network}（没有其他模块使用它的网络，所以该网络也一并删除了）</translation>
    </message>
    <message>
        <source>Ungrouped {network}</source>
        <translation>已取消组合 {network}</translation>
    </message>
</context>
<context>
    <name>BlockPaste</name>
    <message>
        <source>cannot paste the network &apos;{network}&apos;: {reason}</source>
        <translation>无法粘贴网络“{network}”：{reason}</translation>
    </message>
</context>
<context>
    <name>BlockPlans</name>
    <message>
        <source>Select the layers to make into a block first</source>
        <translation>请先选中要组成模块的层</translation>
    </message>
    <message>
        <source>{node} cannot go into a block (a block&apos;s inputs and outputs are the wires into and out of the selection): leave the Input and Output nodes out</source>
        <translation>{node} 不能放进模块（模块的输入和输出就是连入和连出选区的连线）：请不要选中输入（Input）和输出（Output）节点</translation>
    </message>
    <message>
        <source>No wire comes into the selection: a block takes its inputs from the wires coming in and gives its outputs to the wires going out; select wired layers</source>
        <translation>没有连线连入选区：模块从连入的连线获得输入，并把输出交给连出的连线；请选中已连线的层</translation>
    </message>
    <message>
        <source>No wire leaves the selection: a block takes its inputs from the wires coming in and gives its outputs to the wires going out; select wired layers</source>
        <translation>没有连线从选区连出：模块从连入的连线获得输入，并把输出交给连出的连线；请选中已连线的层</translation>
    </message>
    <message>
        <source>{node} takes from the selection and feeds it again, so one block cannot stand for the selection: select it too, or fewer layers</source>
        <translation>{node} 从选区取得输入又再输出回选区，所以一个模块无法代替这些层：请把它也选中，或少选一些层</translation>
    </message>
    <message>
        <source>{node} is not a block: select a Block node to ungroup</source>
        <translation>{node} 不是模块：请选中一个 Block（模块）节点再取消组合</translation>
    </message>
    <message>
        <source>{node} uses the network &apos;{network}&apos;, which this project does not have</source>
        <translation>{node} 使用的网络“{network}”在这个项目中不存在</translation>
    </message>
    <message>
        <source>{node} chains {repeat} copies of &apos;{network}&apos;, which has {inputs} Input(s) and {outputs} Output(s), so its copies cannot be wired one after the other: set its repeat to 1 first</source>
        <translation>{node} 串联了 {repeat} 个“{network}”副本，而该网络有 {inputs} 个输入（Input）节点和 {outputs} 个输出（Output）节点，各个副本无法首尾相连：请先把它的重复次数设为 1</translation>
    </message>
</context>
<context>
    <name>BlockTexts</name>
    <message numerus="yes">
        <source>Made the block {name} of %Ln layer(s): double-click it to open its network</source>
        <translation>
            <numerusform>已用 %Ln 个层生成模块 {name}：双击它可打开它的网络</numerusform>
        </translation>
    </message>
    <message>
        <source>{paste} with the network {names}</source>
        <translation>{paste}，连同网络 {names}</translation>
    </message>
    <message>
        <source>{paste} with the networks {names}</source>
        <translation>{paste}，连同网络 {names}</translation>
    </message>
</context>
<context>
    <name>CanvasEditing</name>
    <message>
        <source>Added unwired: {reason}</source>
        <extracomment>A port a new layer is wired to: (node id, port name, whether the port is an input).</extracomment>
        <translation>已添加，但未连线：{reason}</translation>
    </message>
    <message>
        <source>Cannot add {layer}: {reason}</source>
        <translation>无法添加 {layer}：{reason}</translation>
    </message>
    <message>
        <source>Add layer</source>
        <translation>添加层</translation>
    </message>
    <message>
        <source>Add a layer feeding {port}</source>
        <translation>添加一层，连到 {port}</translation>
    </message>
    <message>
        <source>Add a layer after {port}</source>
        <translation>在 {port} 之后添加一层</translation>
    </message>
    <message>
        <source>Add a layer after {node}</source>
        <translation>在 {node} 之后添加一层</translation>
    </message>
    <message>
        <source>The clipboard holds no layers to paste</source>
        <translation>剪贴板里没有可粘贴的层</translation>
    </message>
    <message>
        <source>Auto-layout</source>
        <translation>自动布局</translation>
    </message>
</context>
<context>
    <name>CanvasScene</name>
    <message>
        <source>Cannot connect: {reason}</source>
        <extracomment>A short message for the status bar: why a wire was refused, what was done. A node was double-clicked (the window offers to rename it). A wire drawn from a port was dropped on empty canvas: (node id, port name, whether the port is an input, scene point). The window offers quick-add with the layer connected. The wire a dragged free node would be inserted into, lit up while it is over it. Moved nodes land on the grid. Which way the network flows (the project&apos;s ``view.flow``). Every node&apos;s rectangle and every wire&apos;s, to find those in an area quickly. The nodes being dragged: wires do not go round them until they are dropped (a free node dropped on a wire goes into it). Dragged nodes that moved since their wires last followed (once per mouse move). Nodes moved since the wires were last settled, and the wires waiting (see BURST). The nodes drawn above the others because they are selected.</extracomment>
        <translation>无法连接：{reason}</translation>
    </message>
    <message>
        <source>Cannot insert into the wire: {reason}</source>
        <translation>无法插入到连线中：{reason}</translation>
    </message>
</context>
<context>
    <name>CanvasView</name>
    <message>
        <source>Graph canvas</source>
        <extracomment>MIME type of a layer dragged from the palette; the payload is the layer&apos;s type id. The smallest zoom at which a whole network may open fitted: its text still reads. The zoom a network too large to fit legibly opens at, and a found layer is shown at when the view was zoomed out further than `LEGIBLE_ZOOM`. The room left between the start of a network opened at `OPEN_ZOOM` and the canvas&apos;s edge. A layer type id was dropped at a scene position. The zoom factor changed (1.0 = 100 %). Tab was pressed: open quick-add at this scene point (the cursor&apos;s, else the centre). The overview map was shown (True) or hidden (False). Space is held: a left drag pans instead of selecting.</extracomment>
        <translation>网络画布</translation>
    </message>
    <message>
        <source>Drag a layer from the Layers palette onto the canvas
(or double-click it), then drag from an output port to an input port to wire it.</source>
        <extracomment>The graph events the view follows (the hint, the overview), while a scene is shown. The person&apos;s word on the overview: True shown, False hidden, None (not said): shown when a network opens larger than the view.</extracomment>
        <translation>从“层”面板把一个层拖到画布上（或双击它），
然后从一个输出端口拖到一个输入端口，把它们连接起来。</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find a layer by name or type</source>
        <extracomment>How much of a layer that does not match still shows while a search is typed. The margin from the canvas&apos;s edges. Which of `matches` is shown (-1: none).</extracomment>
        <translation>按名称或类型查找层</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一个匹配（Shift+Enter）</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>下一个匹配（Enter、F3）</translation>
    </message>
    <message>
        <source>Close (Escape)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>没有匹配</translation>
    </message>
    <message>
        <source>{count} found</source>
        <translation>找到 {count} 个</translation>
    </message>
    <message>
        <source>{current} of {count}</source>
        <comment>the match shown, of all found</comment>
        <translation>第 {current}/{count} 个</translation>
    </message>
</context>
<context>
    <name>NetworkEditor</name>
    <message>
        <source>&apos;{network}&apos; has no port {ports} that this block&apos;s wires are on: remove those wires first</source>
        <translation>“{network}”没有这个模块的连线所接的端口 {ports}：请先删除这些连线</translation>
    </message>
    <message>
        <source>this project has no network &apos;{network}&apos;</source>
        <translation>这个项目中没有网络“{network}”</translation>
    </message>
</context>
<context>
    <name>NetworkTabs</name>
    <message>
        <source>{network}: the main network, the one that trains</source>
        <extracomment>The mark of the main network&apos;s tab. The person chose to rename the shown network (double-click or F2).</extracomment>
        <translation>{network}：主网络，训练的就是它</translation>
    </message>
    <message>
        <source>{network}: used as a block (double-click a Block node to come here)</source>
        <translation>{network}：作为模块使用（双击 Block 节点可来到这里）</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <source>frozen: its weights do not change in training</source>
        <extracomment>Ports on the top and bottom edges (top-to-bottom flow) are at most this far apart. The smallest text a person can read, in screen pixels. Title, subtitle, footer and wire-label font sizes, in scene pixels. From this zoom the smallest text of a card (its footer) is legible: the card shows details. A block&apos;s text is at most this large on screen, and this large in scene pixels. The height of a card with one row of ports. A name may wrap after these characters, or where a lower-case letter meets a capital. `flash()`: this many blinks, each this many milliseconds on and as many off. The frozen mark&apos;s padlock, in scene pixels (in the header&apos;s right end). The layer is frozen (does not learn), and its learning-rate multiplier. Which way the network flows: where the ports sit. `drawn_text` by zoom, while the text stays the same. Previews are on: the card has room for one (see module docstring). What is odd about the preview (an error, NaN or inf), written in the error colour. The health badge&apos;s colour and number (None: no badge), and what the number is.</extracomment>
        <translation>已冻结：训练时它的权重不变</translation>
    </message>
    <message>
        <source>learning rate × {multiplier}</source>
        <translation>学习率 × {multiplier}</translation>
    </message>
    <message>
        <source>Preview: {preview}</source>
        <translation>预览：{preview}</translation>
    </message>
    <message>
        <source>preview…</source>
        <translation>预览…</translation>
    </message>
</context>
<context>
    <name>NodeSubtitle</name>
    <message>
        <source>auto</source>
        <extracomment>The canvas is this large in every direction, so there is always room to pan. The scene&apos;s rectangle reaches this far past the outermost node (see module docstring). After this many nodes moved in one edit (a layout or its undo moves them all), wires wait and are routed once each when the edit is done, not at every node&apos;s step.</extracomment>
        <translation>自动</translation>
    </message>
    <message>
        <source>pad {size}</source>
        <translation>填充 {size}</translation>
    </message>
    <message>
        <source>stride {size}</source>
        <translation>步幅 {size}</translation>
    </message>
    <message>
        <source>{count} units</source>
        <translation>{count} 个单元</translation>
    </message>
    <message>
        <source>no bias</source>
        <translation>无偏置</translation>
    </message>
    <message>
        <source>{count} groups</source>
        <translation>{count} 组</translation>
    </message>
    <message>
        <source>{count} slopes</source>
        <translation>{count} 个斜率</translation>
    </message>
    <message>
        <source>slope {value}</source>
        <translation>斜率 {value}</translation>
    </message>
    <message>
        <source>dim {dim}</source>
        <translation>维度 {dim}</translation>
    </message>
    <message>
        <source>{count} heads</source>
        <translation>{count} 个头</translation>
    </message>
    <message>
        <source>batch</source>
        <comment>stochastic depth drops whole batches</comment>
        <translation>整批</translation>
    </message>
    <message>
        <source>sequence</source>
        <comment>every step</comment>
        <translation>全序列</translation>
    </message>
    <message>
        <source>last</source>
        <comment>the last step only</comment>
        <translation>最后一步</translation>
    </message>
</context>
<context>
    <name>OverviewMap</name>
    <message>
        <source>Overview map</source>
        <extracomment>The map&apos;s largest size in pixels; it takes the network&apos;s proportions within these. Room around the drawing, inside the map&apos;s frame. The margin from the canvas&apos;s edges. The least size of a node, and of the outline of the view, in the map&apos;s pixels. How long network changes are gathered before the picture is redrawn (milliseconds).</extracomment>
        <translation>全局小地图</translation>
    </message>
    <message>
        <source>The whole network: click or drag to move the view there</source>
        <translation>整个网络：点击或拖动，把视图移到那里</translation>
    </message>
</context>
<context>
    <name>PortItem</name>
    <message>
        <source>input &apos;{port}&apos; · {shape}</source>
        <translation>输入“{port}” · {shape}</translation>
    </message>
    <message>
        <source>input &apos;{port}&apos;</source>
        <translation>输入“{port}”</translation>
    </message>
    <message>
        <source>output &apos;{port}&apos; · {shape}</source>
        <translation>输出“{port}” · {shape}</translation>
    </message>
    <message>
        <source>output &apos;{port}&apos;</source>
        <translation>输出“{port}”</translation>
    </message>
</context>
<context>
    <name>QuickAddPopup</name>
    <message>
        <source>Add layer</source>
        <extracomment>Closed without a choice.</extracomment>
        <translation>添加层</translation>
    </message>
    <message>
        <source>Type a layer name…</source>
        <translation>输入层的名称…</translation>
    </message>
</context>
</TS>
