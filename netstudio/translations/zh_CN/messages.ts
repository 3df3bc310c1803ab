<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Blocks</name>
    <message>
        <source>a network name must be text</source>
        <translation>网络名称必须是文本</translation>
    </message>
    <message>
        <source>a network needs a name</source>
        <translation>网络需要一个名称</translation>
    </message>
    <message>
        <source>a network name has at most {most} characters</source>
        <translation>网络名称最多 {most} 个字符</translation>
    </message>
    <message>
        <source>a network name is a word of letters, digits and &apos;_&apos; that does not start with a digit (like stage1)</source>
        <translation>网络名称是由字母、数字和 &apos;_&apos; 组成、不以数字开头的一个词（例如 stage1）</translation>
    </message>
    <message>
        <source>there is no network &apos;{network}&apos; in this project</source>
        <translation>这个项目中没有网络 &apos;{network}&apos;</translation>
    </message>
    <message>
        <source>network &apos;{into}&apos; cannot use itself as a block</source>
        <translation>网络 &apos;{into}&apos; 不能把自己用作模块</translation>
    </message>
    <message>
        <source>network &apos;{network}&apos; already uses &apos;{into}&apos; (through its blocks), so &apos;{into}&apos; cannot use it: that would repeat them without end</source>
        <translation>网络 &apos;{network}&apos; 已经（通过它的模块）用到了 &apos;{into}&apos;，所以 &apos;{into}&apos; 不能使用它：那样会无限重复</translation>
    </message>
    <message>
        <source>{node} uses the network &apos;{name}&apos;, which this project does not have (networks: {names}): choose one of its networks</source>
        <translation>{node} 使用的网络 &apos;{name}&apos; 不在这个项目中（现有网络：{names}）：请选择项目中的一个网络</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{node}: {refused}; remove this block</source>
        <translation>{node}：{refused}；请删除这个模块</translation>
    </message>
    <message>
        <source>{node} uses the network &apos;{name}&apos;, which uses itself through its blocks ({loop}): remove one of those blocks</source>
        <translation>{node} 使用的网络 &apos;{name}&apos; 通过它的模块用到了自己（{loop}）：请删除其中一个模块</translation>
    </message>
    <message>
        <source>{node} has no network</source>
        <translation>{node} 没有网络</translation>
    </message>
    <message>
        <source>{node}: its network &apos;{name}&apos; needs an Input and an Output node: add them in that network</source>
        <translation>{node}：它的网络 &apos;{name}&apos; 需要一个 Input 节点和一个 Output 节点：请在那个网络中添加</translation>
    </message>
    <message>
        <source>{node} chains {repeat} copies, each copy&apos;s outputs feeding the next one&apos;s inputs, but network &apos;{name}&apos; has {ins} Input(s) and {outs} Output(s): give it as many of each, or set repeat to 1</source>
        <translation>{node} 串联了 {repeat} 份副本，每份的输出接到下一份的输入，但网络 &apos;{name}&apos; 有 {ins} 个 Input 和 {outs} 个 Output：请让两者数量相同，或把 repeat 设为 1</translation>
    </message>
    <message>
        <source>block &apos;{block}&apos;</source>
        <translation>模块 &apos;{block}&apos;</translation>
    </message>
    <message>
        <source>block &apos;{block}&apos; (copy {copy})</source>
        <translation>模块 &apos;{block}&apos;（第 {copy} 份）</translation>
    </message>
    <message>
        <source>{where}, node &apos;{name}&apos;: {problem}</source>
        <translation>{where}，节点 &apos;{name}&apos;：{problem}</translation>
    </message>
    <message>
        <source>{where}: {problem}</source>
        <translation>{where}：{problem}</translation>
    </message>
    <message>
        <source>{problem} (and {more} more)</source>
        <translation>{problem}（还有 {more} 个）</translation>
    </message>
</context>
<context>
    <name>Compiler</name>
    <message>
        <source>{node} gets no input</source>
        <extracomment>Key of the compiler&apos;s record in ``GraphModule.meta``. Names the generated code imports or defines itself (torch.fx ``_custom_builtins``). A submodule call in generated code: ``self.fc1(`` or, for a block&apos;s copy, ``getattr(self.stage1, &quot;0&quot;)(``. The compiler&apos;s words (`netstudio.core.messages`): node is the node&apos;s label (&quot;Linear &apos;fc1&apos;&quot;).</extracomment>
        <translation>{node} 没有输入</translation>
    </message>
    <message>
        <source>block &apos;{block}&apos; (copy {copy}): {problem}</source>
        <translation>模块 &apos;{block}&apos;（第 {copy} 份）：{problem}</translation>
    </message>
    <message>
        <source>input &apos;{port}&apos; of {node} is empty</source>
        <translation>{node} 的输入 &apos;{port}&apos; 是空的</translation>
    </message>
    <message>
        <source>the graph cannot be compiled</source>
        <translation>无法编译这个图</translation>
    </message>
</context>
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
    <name>ProjectFiles</name>
    <message>
        <source>cannot read: {reason}</source>
        <translation>无法读取：{reason}</translation>
    </message>
    <message>
        <source>not a NetStudio project: not text</source>
        <translation>不是 NetStudio 项目：不是文本文件</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <source>not valid JSON at line {line} column {column}: {detail}</source>
        <translation>第 {line} 行第 {column} 列不是有效的 JSON：{detail}</translation>
    </message>
    <message>
        <source>the file ends too early (truncated?)</source>
        <translation>文件提前结束（被截断了？）</translation>
    </message>
    <message>
        <source>not valid JSON: {error}</source>
        <translation>不是有效的 JSON：{error}</translation>
    </message>
    <message>
        <source>not valid JSON: nested too deeply</source>
        <translation>不是有效的 JSON：嵌套太深</translation>
    </message>
    <message>
        <source>not a NetStudio project: the file holds {kind}, not a project object</source>
        <translation>不是 NetStudio 项目：文件中是{kind}，而不是项目对象</translation>
    </message>
    <message>
        <source>not a NetStudio project: it has no &quot;format&quot; key</source>
        <translation>不是 NetStudio 项目：它没有 &quot;format&quot; 键</translation>
    </message>
    <message>
        <source>not a NetStudio project: its &quot;format&quot; is {kind}, not &quot;netstudio&quot;</source>
        <translation>不是 NetStudio 项目：它的 &quot;format&quot; 是 {kind}，而不是 &quot;netstudio&quot;</translation>
    </message>
    <message>
        <source>another network ({first}) is already named &apos;{name}&apos;: give each network its own name</source>
        <translation>另一个网络（{first}）已经叫 &apos;{name}&apos;：请给每个网络起不同的名称</translation>
    </message>
    <message>
        <source>there is no network named &apos;{main}&apos; (networks: {names}): name the network that trains</source>
        <translation>没有名为 &apos;{main}&apos; 的网络（现有网络：{names}）：请指定用于训练的网络</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>missing: a NetStudio project names its file format version (&quot;version&quot;: {current})</source>
        <translation>缺失：NetStudio 项目要写明它的文件格式版本（&quot;version&quot;: {current}）</translation>
    </message>
    <message>
        <source>must be a whole number, got {kind}</source>
        <translation>必须是整数，收到的是 {kind}</translation>
    </message>
    <message>
        <source>written by a newer NetStudio (file format version {version}; this NetStudio reads versions up to {current}): update NetStudio to open it</source>
        <translation>由更新版本的 NetStudio 写入（文件格式版本 {version}；这个 NetStudio 最高只能读取版本 {current}）：请更新 NetStudio 后再打开</translation>
    </message>
    <message>
        <source>unknown file format version {version} (this NetStudio reads versions {oldest} to {current})</source>
        <translation>未知的文件格式版本 {version}（这个 NetStudio 能读取版本 {oldest} 到 {current}）</translation>
    </message>
</context>
<context>
    <name>Shapes</name>
    <message>
        <source>{node} cannot take input {input}: {error}</source>
        <translation>{node} 不能接受输入 {input}：{error}</translation>
    </message>
    <message>
        <source>{node} has {name} = {given} but its input gives {value}: clear {name} to fill it from the input, or change the layer before</source>
        <translation>{node} 的 {name} = {given}，但它的输入给出 {value}：请清空 {name} 以便从输入自动填写，或修改前面的层</translation>
    </message>
    <message>
        <source>{node}: {reason}: change its parameters</source>
        <translation>{node}：{reason}：请修改它的参数</translation>
    </message>
    <message>
        <source>{node} cannot take input {inputs}: {error}; change its parameters or the layers before it</source>
        <translation>{node} 不能接受输入 {inputs}：{error}；请修改它的参数或它前面的层</translation>
    </message>
    <message>
        <source>{node} changes the batch dimension: a layer must act on each sample separately; change its parameters (dimension 0 is the batch)</source>
        <translation>{node} 改变了批次维度：一个层必须对每个样本分别计算；请修改它的参数（第 0 维是批次）</translation>
    </message>
    <message>
        <source>{node} has the shape {shape} but gets {feed}: clear its shape to take what arrives, or change the layers before it</source>
        <translation>{node} 的形状是 {shape}，但收到的是 {feed}：请清空它的形状以接受传入的数据，或修改它前面的层</translation>
    </message>
    <message>
        <source>{node} takes its shape from the data, and the shape of the data&apos;s samples is not known: fix the data settings, or set the shape</source>
        <translation>{node} 的形状来自数据，但数据样本的形状未知：请修正数据设置，或设定形状</translation>
    </message>
    <message>
        <source>{node} expects {ranks} input, got {got}</source>
        <translation>{node} 需要 {ranks} 输入，收到的是 {got}</translation>
    </message>
    <message>
        <source>{node} expects {ranks} input, got {got}: {hint}</source>
        <translation>{node} 需要 {ranks} 输入，收到的是 {got}：{hint}</translation>
    </message>
    <message>
        <source>{first} or {last}</source>
        <extracomment>&quot;2-D, 3-D or 4-D&quot;: first, the ranks but the last joined with &quot;, &quot;.</extracomment>
        <translation>{first} 或 {last}</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <extracomment>&quot;(N, 4) and (N, 5)&quot;: two shapes (or more, nested).</extracomment>
        <translation>{first} 和 {second}</translation>
    </message>
    <message>
        <source>{node} needs inputs of one shape, got {shapes}: make the branches end in the same shape (e.g. a Linear or 1×1 Conv2d on one branch), or use Concat</source>
        <translation>{node} 需要形状相同的输入，收到的是 {shapes}：请让各分支以相同的形状结束（例如在一个分支上加 Linear 或 1×1 Conv2d），或改用 Concat</translation>
    </message>
    <message>
        <source>{node} needs floating-point input but gets {dtype} token ids: insert an Embedding before &apos;{name}&apos;, or set the Input&apos;s dtype to float32</source>
        <translation>{node} 需要浮点输入，但收到的是 {dtype} 词元 id：请在 &apos;{name}&apos; 前插入一个 Embedding，或把 Input 的 dtype 设为 float32</translation>
    </message>
    <message>
        <source>{node} needs integer token ids but gets {dtype}: set the Input&apos;s dtype to int64</source>
        <translation>{node} 需要整数词元 id，但收到的是 {dtype}：请把 Input 的 dtype 设为 int64</translation>
    </message>
    <message>
        <source>{node} would have {count} parameters ({gib} GiB as float32), more than the {most} one layer may have: make its sizes smaller</source>
        <translation>{node} 将有 {count} 个参数（按 float32 计 {gib} GiB），超过了单层最多 {most} 个参数的限制：请把它的尺寸改小</translation>
    </message>
    <message>
        <source>insert a Flatten before &apos;{name}&apos;</source>
        <extracomment>What to do when a layer gets input of the wrong rank (the layer catalogue&apos;s `rank_hint`s, written there with {name} and a shape such as &quot;(N, C, H, W)&quot;), as templates.</extracomment>
        <translation>请在 &apos;{name}&apos; 前插入一个 Flatten</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; needs {shape} input: set the Input shape to include channels, or insert an Unflatten or Reshape before it</source>
        <translation>&apos;{name}&apos; 需要 {shape} 输入：请让 Input 的形状包含通道，或在它前面插入 Unflatten 或 Reshape</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; needs {shape} input: insert an Unflatten or Reshape before it</source>
        <translation>&apos;{name}&apos; 需要 {shape} 输入：请在它前面插入 Unflatten 或 Reshape</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; needs (N, C, ...) input with 1 to 3 spatial dimensions</source>
        <translation>&apos;{name}&apos; 需要 (N, C, ...) 输入，带 1 到 3 个空间维度</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; needs {shape} input</source>
        <translation>&apos;{name}&apos; 需要 {shape} 输入</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; needs {shape} input: use {other} for other shapes</source>
        <translation>&apos;{name}&apos; 需要 {shape} 输入：其他形状请使用 {other}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; needs a sequence (N, L, features): insert a Reshape before it</source>
        <translation>&apos;{name}&apos; 需要序列 (N, L, features)：请在它前面插入 Reshape</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; needs a sequence (N, L, features): insert a Reshape or Embedding before it</source>
        <translation>&apos;{name}&apos; 需要序列 (N, L, features)：请在它前面插入 Reshape 或 Embedding</translation>
    </message>
</context>
<context>
    <name>TrainingFailures</name>
    <message>
        <source> in {node}</source>
        <extracomment>&quot; in Linear &apos;fc1&apos;&quot;: where in the network it happened (follows a verb: &quot;failed in …&quot;).</extracomment>
        <translation>（位于 {node}）</translation>
    </message>
    <message>
        <source> at epoch {epoch}</source>
        <extracomment>When it happened, in the training loop.</extracomment>
        <translation>（第 {epoch} 轮）</translation>
    </message>
    <message>
        <source> at epoch {epoch}, batch {batch}</source>
        <translation>（第 {epoch} 轮，第 {batch} 批次）</translation>
    </message>
    <message>
        <source> (it asked for {size} more)</source>
        <extracomment>How much the allocator asked for (&quot;3.7 GB&quot;).</extracomment>
        <translation>（还需要 {size}）</translation>
    </message>
    <message>
        <source>the CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>the loss became {value} at epoch {epoch}, batch {batch}</source>
        <translation>损失在第 {epoch} 轮、第 {batch} 批次变成了 {value}</translation>
    </message>
    <message>
        <source>the weights stopped being finite during epoch {epoch}</source>
        <translation>权重在第 {epoch} 轮中出现了非有限值</translation>
    </message>
    <message>
        <source>the weights are kept from the batch before</source>
        <translation>已保留上一批次的权重</translation>
    </message>
    <message>
        <source>the weights are restored to those at the start of epoch {epoch}</source>
        <translation>权重已恢复为第 {epoch} 轮开始时的值</translation>
    </message>
    <message>
        <source>{what}: {kept}. Lower the learning rate, add gradient clipping, or check the data for invalid values</source>
        <translation>{what}：{kept}。请降低学习率、加入梯度裁剪，或检查数据中是否有无效值</translation>
    </message>
    <message>
        <source>the {loss} loss failed{when}: {error}. Check that {node} matches the data&apos;s targets and the loss (e.g. one unit per class for cross-entropy)</source>
        <translation>{loss} 损失函数出错{when}：{error}。请检查 {node} 是否与数据的目标和损失函数相符（例如交叉熵需要每个类别一个单元）</translation>
    </message>
    <message>
        <source>the network failed{where}{when}: {error}. {hint}</source>
        <translation>网络运行出错{where}{when}：{error}。{hint}</translation>
    </message>
    <message>
        <source>The data holds token ids outside 0..{last}: raise num_embeddings to the vocabulary size</source>
        <translation>数据中有超出 0..{last} 的词元 id：请把 num_embeddings 提高到词表大小</translation>
    </message>
    <message>
        <source>Check {node}&apos;s parameters against the data it gets</source>
        <translation>请对照 {node} 收到的数据检查它的参数</translation>
    </message>
    <message>
        <source>Check that the Input&apos;s shape and dtype match the data</source>
        <translation>请检查 Input 的形状和 dtype 是否与数据相符</translation>
    </message>
    <message>
        <source>training stopped{where}{when}: {error_type}: {error}</source>
        <translation>训练已停止{where}{when}：{error_type}：{error}</translation>
    </message>
    <message>
        <source>ran out of memory on {device}{where}{when}{asked}: {shrink}</source>
        <translation>{device} 内存不足{where}{when}{asked}：请{shrink}</translation>
    </message>
    <message>
        <source>ran out of memory{asked}: {shrink}</source>
        <translation>内存不足{asked}：请{shrink}</translation>
    </message>
    <message>
        <source>ran out of memory {doing}{asked}: {shrink}</source>
        <translation>{doing}时内存不足{asked}：请{shrink}</translation>
    </message>
    <message>
        <source>lower the batch size ({size} now)</source>
        <translation>减小批大小（当前为 {size}）</translation>
    </message>
    <message>
        <source>lower the batch size ({size} now) or the {param} of {node} ({value} now)</source>
        <translation>减小批大小（当前为 {size}）或 {node} 的 {param}（当前为 {value}）</translation>
    </message>
    <message>
        <source>lower the batch size or use a smaller network</source>
        <translation>减小批大小或使用更小的网络</translation>
    </message>
    <message>
        <source>moving the network&apos;s weights ({size}) to {device}</source>
        <translation>把网络的权重（{size}）移到 {device}</translation>
    </message>
    <message>
        <source>moving the data to {device}</source>
        <translation>把数据移到 {device}</translation>
    </message>
    <message>
        <source>building the network</source>
        <translation>构建网络</translation>
    </message>
    <message>
        <source>building {node} on the CPU</source>
        <translation>在 CPU 上构建 {node}</translation>
    </message>
    <message>
        <source>use a smaller network</source>
        <translation>使用更小的网络</translation>
    </message>
    <message>
        <source>use a smaller network, or train on another device</source>
        <translation>使用更小的网络，或换一个设备训练</translation>
    </message>
    <message>
        <source>use less data (e.g. smaller images), or train on another device</source>
        <translation>使用更少的数据（例如更小的图像），或换一个设备训练</translation>
    </message>
    <message>
        <source>lower its {param} ({value} now)</source>
        <translation>减小它的 {param}（当前为 {value}）</translation>
    </message>
    <message>
        <source>make it smaller</source>
        <translation>把它改小</translation>
    </message>
    <message>
        <source>the network is not valid: {problem}</source>
        <translation>网络无效：{problem}</translation>
    </message>
    <message>
        <source>training needs a network with exactly one Input and one Output</source>
        <translation>训练需要一个恰好有一个 Input 和一个 Output 的网络</translation>
    </message>
    <message>
        <source>the data&apos;s samples are {have} ({values} values) but Input &apos;{name}&apos; expects {want}: set the Input shape to {shape}</source>
        <translation>数据的样本是 {have}（{values} 个值），但 Input &apos;{name}&apos; 需要 {want}：请把 Input 的形状设为 {shape}</translation>
    </message>
    <message>
        <source>the training split is empty: add data or lower the validation and test fractions</source>
        <translation>训练集是空的：请添加数据，或降低验证集比例和测试集比例</translation>
    </message>
    <message>
        <source>the network has no weights to train: add a layer that learns, such as Linear</source>
        <translation>网络没有可训练的权重：请添加一个会学习的层，例如 Linear</translation>
    </message>
    <message>
        <source>every layer that learns is frozen, so training would change nothing: unfreeze at least one layer</source>
        <translation>所有会学习的层都已冻结，训练不会改变任何东西：请至少解冻一层</translation>
    </message>
    <message>
        <source>cannot resume: {error}. A run resumes only with the network it trained: undo the changes to the network, or train a new run</source>
        <translation>无法继续训练：{error}。一次训练只能用它训练时的网络继续：请撤销对网络的修改，或开始新的训练</translation>
    </message>
    <message>
        <source>cannot resume from {folder}: it was saved with another optimizer or schedule ({saved}, not {kinds}); resume with the run&apos;s own settings</source>
        <translation>无法从 {folder} 继续训练：它保存时用的是另一个优化器或学习率调度（{saved}，而不是 {kinds}）；请用这次训练自己的设置继续</translation>
    </message>
    <message>
        <source>cannot resume from {folder}: it was saved with other fine-tuning settings (frozen layers, learning-rate multipliers or unfreezing); resume with the run&apos;s own settings</source>
        <translation>无法从 {folder} 继续训练：它保存时用的是另一套微调设置（冻结的层、学习率倍数或解冻）；请用这次训练自己的设置继续</translation>
    </message>
    <message>
        <source>cannot resume from {folder}: its optimizer or schedule state does not fit these settings ({error}); resume with the run&apos;s own settings</source>
        <translation>无法从 {folder} 继续训练：它的优化器或学习率调度状态与这些设置不符（{error}）；请用这次训练自己的设置继续</translation>
    </message>
    <message>
        <source>the data has regression targets but the loss is {loss}, which needs class labels: choose MSE, L1 or Huber</source>
        <translation>数据的目标是回归值，但损失函数是 {loss}，它需要类别标签：请选择 MSE、L1 或 Huber</translation>
    </message>
    <message>
        <source>a process reading the data stopped ({error}): the data so far is kept; if memory ran out, lower the batch size or the image size</source>
        <translation>读取数据的进程已停止（{error}）：已有的数据会保留；如果是内存不足，请减小批大小或图像尺寸</translation>
    </message>
    <message>
        <source>the GAN&apos;s {role} &apos;{name}&apos; is not valid: {problem}</source>
        <translation>GAN 的{role} &apos;{name}&apos; 无效：{problem}</translation>
    </message>
    <message>
        <source>generator</source>
        <translation>生成器</translation>
    </message>
    <message>
        <source>discriminator</source>
        <translation>判别器</translation>
    </message>
    <message>
        <source>a GAN run cannot be resumed yet: train a new run (it starts afresh)</source>
        <translation>GAN 训练暂时不能继续：请开始新的训练（从头开始）</translation>
    </message>
    <message>
        <source>{problem} (and {more} more)</source>
        <translation>{problem}（还有 {more} 个）</translation>
    </message>
    <message>
        <source>the {role} &apos;{name}&apos;&apos;s loss became {value} at epoch {epoch}, batch {batch}: lower the learning rates in training.gan, or add normalisation to the networks</source>
        <translation>{role} &apos;{name}&apos; 的损失在第 {epoch} 轮、第 {batch} 批次变成了 {value}：请降低 training.gan 中的学习率，或给网络加入归一化层</translation>
    </message>
    <message>
        <source>{where}: {problem}</source>
        <extracomment>&quot;fc1: …&quot;: a problem after the node id it is about (&quot;graph&quot; for the whole network).</extracomment>
        <translation>{where}：{problem}</translation>
    </message>
    <message>
        <source>{node} {problem}</source>
        <translation>{node} {problem}</translation>
    </message>
    <message>
        <source>{shape} values</source>
        <translation>{shape} 个值</translation>
    </message>
    <message>
        <source>one value</source>
        <translation>一个值</translation>
    </message>
    <message>
        <source>gives {shape} per sample, but reconstruction compares it with the input&apos;s {want} values: make the last layer give {want} values</source>
        <translation>每个样本输出 {shape}，但重建要把它与输入的 {want} 个值比较：请让最后一层输出 {want} 个值</translation>
    </message>
    <message>
        <source>gives {shape} per sample, but the data has {k} classes and {loss} needs one score per class: set the last layer to {k} units</source>
        <translation>每个样本输出 {shape}，但数据有 {k} 个类别，{loss} 需要每个类别一个分数：请把最后一层设为 {k} 个单元</translation>
    </message>
    <message>
        <source>gives {shape} per sample, but the data has {k} classes and {loss} compares one value per class: set the last layer to {k} units</source>
        <translation>每个样本输出 {shape}，但数据有 {k} 个类别，{loss} 对每个类别比较一个值：请把最后一层设为 {k} 个单元</translation>
    </message>
    <message>
        <source>gives {shape} per sample, but the data has {k} classes and {loss} compares one value per class: set the last layer to {k} units (or 1 unit for two classes)</source>
        <translation>每个样本输出 {shape}，但数据有 {k} 个类别，{loss} 对每个类别比较一个值：请把最后一层设为 {k} 个单元（两个类别时也可以是 1 个单元）</translation>
    </message>
    <message>
        <source>gives {shape} per sample, but the data has {want} target value per sample: set the last layer to {want} units</source>
        <translation>每个样本输出 {shape}，但数据每个样本有 {want} 个目标值：请把最后一层设为 {want} 个单元</translation>
    </message>
    <message>
        <source>gives {shape} per sample, but the data has {want} target values per sample: set the last layer to {want} units</source>
        <translation>每个样本输出 {shape}，但数据每个样本有 {want} 个目标值：请把最后一层设为 {want} 个单元</translation>
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
