<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ExportMessages</name>
    <message>
        <source>the network is not valid, so it cannot be exported; fix these first:
{problems}</source>
        <translation>网络无效，无法导出；请先修正以下问题：
{problems}</translation>
    </message>
    <message>
        <source>{where}: {message}</source>
        <extracomment>One problem of the network: where (a node id, or &quot;graph&quot;) and what.</extracomment>
        <translation>{where}：{message}</translation>
    </message>
    <message>
        <source>{first}
{rest}</source>
        <extracomment>Two lines, one under the other: how a list of problems is put together.</extracomment>
        <translation>{first}
{rest}</translation>
    </message>
    <message>
        <source>unknown export format {format}: choose one of {formats}</source>
        <translation>未知的导出格式 {format}：请从 {formats} 中选择一种</translation>
    </message>
    <message>
        <source>only the python format can hold the training code</source>
        <translation>只有 python 格式能包含训练代码</translation>
    </message>
    <message>
        <source>weights file {weights} not found</source>
        <translation>找不到权重文件 {weights}</translation>
    </message>
    <message>
        <source>cannot write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <source>PyTorch 2 export failed: the network runs only with a fixed batch size, and a .pt2 file takes any: find the layer argument that holds the batch size (a Function&apos;s shape, say) and make it -1</source>
        <translation>PyTorch 2 导出失败：网络只能以固定的批大小运行，而 .pt2 文件要接受任意批大小：请找到写死了批大小的层参数（例如某个 Function 的 shape），把它改为 -1</translation>
    </message>
    <message>
        <source>PyTorch 2 export failed: {error}</source>
        <translation>PyTorch 2 导出失败：{error}</translation>
    </message>
    <message>
        <source>TorchScript tracing failed: {error}</source>
        <translation>TorchScript 追踪失败：{error}</translation>
    </message>
    <message>
        <source>TorchScript export failed: {error}</source>
        <translation>TorchScript 导出失败：{error}</translation>
    </message>
    <message>
        <source>ONNX export needs the onnxscript package: pip install &quot;netstudio[onnx]&quot;</source>
        <translation>导出 ONNX 需要 onnxscript 包：pip install &quot;netstudio[onnx]&quot;</translation>
    </message>
    <message>
        <source>ONNX export needs the onnxscript package: pip install &quot;netstudio[onnx]&quot; ({error})</source>
        <translation>导出 ONNX 需要 onnxscript 包：pip install &quot;netstudio[onnx]&quot;（{error}）</translation>
    </message>
    <message>
        <source>ONNX export failed: {error}</source>
        <translation>ONNX 导出失败：{error}</translation>
    </message>
    <message>
        <source>the exported ONNX model does not pass onnx.checker: {error}</source>
        <translation>导出的 ONNX 模型没有通过 onnx.checker 检查：{error}</translation>
    </message>
    <message>
        <source>the {what} model gives other outputs than the network</source>
        <extracomment>what: the format&apos;s name (&quot;PyTorch 2&quot;, &quot;TorchScript&quot;).</extracomment>
        <translation>导出的 {what} 模型与网络的输出不一致</translation>
    </message>
    <message>
        <source>{node}: its copies are built from different lists of values, which the exported class cannot take as arguments; export it as TorchScript or ONNX instead</source>
        <translation>{node}：它的各个副本由不同的值列表构建，导出的类无法把这些列表作为参数；请改为导出 TorchScript 或 ONNX</translation>
    </message>
    <message>
        <source>{node}: its {layer} is built from values that cannot be written as Python code ({error}); export it as TorchScript or ONNX instead</source>
        <extracomment>layer: a PyTorch class (Conv2d); error: `NOT_A_LITERAL`.</extracomment>
        <translation>{node}：它的 {layer} 由无法写成 Python 代码的值构建（{error}）；请改为导出 TorchScript 或 ONNX</translation>
    </message>
    <message>
        <source>{value} ({kind}) cannot be written as a literal</source>
        <extracomment>value: as Python writes it; kind: its Python type (Tensor).</extracomment>
        <translation>{value}（{kind}）无法写成字面量</translation>
    </message>
    <message>
        <source>{layer} was not built by its layer&apos;s build function</source>
        <translation>{layer} 不是由其层的构建函数创建的</translation>
    </message>
    <message>
        <source>two different definitions named {name} would be written to one file</source>
        <translation>会有两个不同的名为 {name} 的定义写入同一个文件</translation>
    </message>
    <message>
        <source>two different modules named {name} would be written to one file</source>
        <translation>会有两个不同的名为 {name} 的模块写入同一个文件</translation>
    </message>
    <message>
        <source>{module} uses the module {used} as a whole; only its functions and classes can be copied into an exported file</source>
        <translation>{module} 整体使用了模块 {used}；只有其中的函数和类可以复制到导出的文件中</translation>
    </message>
    <message>
        <source>{name} is not a message template; only its templates can be copied into an exported file</source>
        <translation>{name} 不是消息模板；只有模板可以复制到导出的文件中</translation>
    </message>
    <message>
        <source>the network&apos;s class would be named {name}, like another definition the exported file needs: rename that network (or the project)</source>
        <translation>网络的类将被命名为 {name}，与导出文件需要的另一个定义重名：请重命名该网络（或项目）</translation>
    </message>
    <message>
        <source>a block network&apos;s class would be named {name}, like another definition the exported file needs: rename that network (or the project)</source>
        <translation>一个模块网络的类将被命名为 {name}，与导出文件需要的另一个定义重名：请重命名该网络（或项目）</translation>
    </message>
    <message>
        <source>the weights do not fit the exported class</source>
        <translation>权重与导出的类不匹配</translation>
    </message>
    <message>
        <source>the Python code written for {file} would not run ({detail}), so nothing was written: please report this as a NetStudio bug, with the project</source>
        <extracomment>detail: where Python stopped reading (&quot;line 3: invalid syntax&quot;), Python&apos;s own words.</extracomment>
        <translation>为 {file} 生成的 Python 代码无法运行（{detail}），因此没有写入任何文件：请将此问题连同项目作为 NetStudio 的缺陷报告给我们</translation>
    </message>
    <message>
        <source>line {line}: {error}</source>
        <translation>第 {line} 行：{error}</translation>
    </message>
    <message>
        <source>a training script needs a network with exactly one Input and one Output</source>
        <translation>训练脚本需要网络恰好有一个输入（Input）节点和一个输出（Output）节点</translation>
    </message>
    <message>
        <source>the project&apos;s settings are not valid: {where}: {error}</source>
        <extracomment>where: the setting&apos;s path (optimizer.lr); error: pydantic&apos;s words.</extracomment>
        <translation>项目的设置无效：{where}：{error}</translation>
    </message>
    <message>
        <source>the data source {source} cannot be written into a training script (supported: {supported}); export the network without its training code and load the data yourself</source>
        <extracomment>source: the data source&apos;s id as Python writes it (&apos;csv&apos;); supported: their ids.</extracomment>
        <translation>数据源 {source} 无法写入训练脚本（支持：{supported}）；请导出不含训练代码的网络，并自行加载数据</translation>
    </message>
    <message>
        <source>the project&apos;s data settings are not valid: {error}</source>
        <translation>项目的数据设置无效：{error}</translation>
    </message>
</context>
<context>
    <name>ImportMessages</name>
    <message>
        <source>reads a parameter or tensor attribute directly in forward: NetStudio layers own their weights; wrap it in a module (nn.Linear, nn.Conv2d ...) or compute it from the input</source>
        <extracomment>Stack frames of torch itself, left out when an error says where in the model an op is. The region being translated into its own network (names are local to it).</extracomment>
        <translation>在 forward 中直接读取了参数或张量属性：NetStudio 的层自己持有权重；请把它包装进一个模块（nn.Linear、nn.Conv2d ...），或由输入计算得到</translation>
    </message>
    <message>
        <source>is called with more than one tensor: pass it one input</source>
        <translation>调用时传入了多个张量：请只传入一个输入</translation>
    </message>
    <message>
        <source>turns tensor values into a Python value: the network would depend on the data it was traced with; keep the computation in tensors</source>
        <translation>把张量的值变成了 Python 值：网络会依赖追踪时所用的数据；请让计算保持在张量中</translation>
    </message>
    <message>
        <source>makes a tensor that does not come from the input</source>
        <translation>生成了一个不来自输入的张量</translation>
    </message>
    <message>
        <source>reshapes across the batch dimension: keep dimension 0</source>
        <translation>跨批次维度改变了形状：请保持第 0 维不变</translation>
    </message>
    <message>
        <source>uses the batch size as a number: a layer must work for any batch size; write it without x.size(0) (e.g. x.flatten(1) instead of x.view(x.size(0), -1))</source>
        <translation>把批大小当作数字使用：层必须适用于任意批大小；请不用 x.size(0) 来写（例如用 x.flatten(1) 代替 x.view(x.size(0), -1)）</translation>
    </message>
    <message>
        <source>returns something other than a tensor or a tuple of tensors</source>
        <translation>返回的不是张量，也不是张量元组</translation>
    </message>
    <message>
        <source>indexes a tuple of tensors with a non-number</source>
        <extracomment>Batch size of the example run. Dimension 0 of every tensor is this, and only this.</extracomment>
        <translation>用非数字作为张量元组的索引</translation>
    </message>
    <message>
        <source>uses the hidden state of a recurrent layer in a way NetStudio cannot follow: its RNN, LSTM and GRU layers pass on the output sequence, or the last step (read it as out[:, -1] or, one direction only, h[-1], with no other use of the sequence)</source>
        <translation>以 NetStudio 无法跟随的方式使用了循环层的隐藏状态：NetStudio 的 RNN、LSTM 和 GRU 层只传出输出序列或最后一步（请以 out[:, -1] 读取，或在单向时以 h[-1] 读取，且不再以其他方式使用该序列）</translation>
    </message>
    <message>
        <source>uses the cell state c of an LSTM: NetStudio&apos;s LSTM layer passes on its output sequence or last step only; use out[:, -1] or h[-1]</source>
        <translation>使用了 LSTM 的细胞状态 c：NetStudio 的 LSTM 层只传出输出序列或最后一步；请使用 out[:, -1] 或 h[-1]</translation>
    </message>
    <message>
        <source>{source}: {message}</source>
        <extracomment>&quot;{source}: {message}&quot;: most refusals start with the file or model they are about.</extracomment>
        <translation>{source}：{message}</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <translation>{path}：文件不存在</translation>
    </message>
    <message>
        <source>{path}: not a Python file (.py)</source>
        <translation>{path}：不是 Python 文件（.py）</translation>
    </message>
    <message>
        <source>{path}: cannot be loaded as a Python module</source>
        <translation>{path}：无法作为 Python 模块加载</translation>
    </message>
    <message>
        <source>{where}: syntax error: {error}</source>
        <extracomment>where: the file and line (&quot;model.py:3&quot;).</extracomment>
        <translation>{where}：语法错误：{error}</translation>
    </message>
    <message>
        <source>{where}: running the file failed: {kind}: {error}</source>
        <extracomment>kind: the Python exception&apos;s class (NameError).</extracomment>
        <translation>{where}：运行该文件失败：{kind}：{error}</translation>
    </message>
    <message>
        <source>{path}: there is no class &apos;{name}&apos;</source>
        <translation>{path}：没有名为 &apos;{name}&apos; 的类</translation>
    </message>
    <message>
        <source>{path}: there is no class &apos;{name}&apos; (its nn.Module classes: {classes})</source>
        <translation>{path}：没有名为 &apos;{name}&apos; 的类（文件中的 nn.Module 类：{classes}）</translation>
    </message>
    <message>
        <source>{path}: &apos;{name}&apos; is not an nn.Module class</source>
        <translation>{path}：&apos;{name}&apos; 不是 nn.Module 类</translation>
    </message>
    <message>
        <source>{path}: {name}() {error}: give its constructor arguments as a JSON object ({{&quot;hidden&quot;: 64}}), or give them defaults</source>
        <extracomment>error: Python&apos;s words on the arguments (&quot;missing a required argument: &apos;hidden&apos;&quot;).</extracomment>
        <translation>{path}：{name}() {error}：请以 JSON 对象给出构造函数的参数（{{&quot;hidden&quot;: 64}}），或为它们设置默认值</translation>
    </message>
    <message>
        <source>{path}: {call} failed: {kind}: {error}</source>
        <extracomment>call: the constructor call as Python writes it (Net(hidden=64)).</extracomment>
        <translation>{path}：{call} 失败：{kind}：{error}</translation>
    </message>
    <message>
        <source>{path}: {call} failed: {kind}: {error} (line {line})</source>
        <translation>{path}：{call} 失败：{kind}：{error}（第 {line} 行）</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a supported torchvision architecture; choose one of {supported}</source>
        <translation>&apos;{name}&apos; 不是受支持的 torchvision 架构；请从以下架构中选择：{supported}</translation>
    </message>
    <message>
        <source>{path}: these weights do not fit torchvision&apos;s {name}: {detail}</source>
        <translation>{path}：这些权重与 torchvision 的 {name} 不匹配：{detail}</translation>
    </message>
    <message>
        <source>{path}: no such weights file</source>
        <translation>{path}：权重文件不存在</translation>
    </message>
    <message>
        <source>{path}: cannot read weights: {error}</source>
        <translation>{path}：无法读取权重：{error}</translation>
    </message>
    <message>
        <source>{path}: does not hold a state dict (names → tensors)</source>
        <translation>{path}：不包含状态字典（名称 → 张量）</translation>
    </message>
    <message>
        <source>{source}: input shape {shape} needs positive sizes</source>
        <translation>{source}：输入形状 {shape} 的各维大小必须为正数</translation>
    </message>
    <message>
        <source>{source}: forward takes {count} tensors ({names}): NetStudio imports models with one input; give the others defaults</source>
        <extracomment>count: 2 or more; names: the forward&apos;s tensor arguments.</extracomment>
        <translation>{source}：forward 接受 {count} 个张量（{names}）：NetStudio 只导入有一个输入的模型；请为其他参数设置默认值</translation>
    </message>
    <message>
        <source>{source}: torch.fx cannot trace {module}{where}: {error}. Data-dependent control flow cannot be traced (an `if` or loop on tensor values); move it out of forward or make it depend on constructor settings only</source>
        <extracomment>where: `AT` or &quot;&quot;.</extracomment>
        <translation>{source}：torch.fx 无法追踪 {module}{where}：{error}。依赖数据的控制流（基于张量值的 `if` 或循环）无法追踪；请把它移出 forward，或让它只依赖构造函数的设置</translation>
    </message>
    <message>
        <source>{source}: running {module}.forward to trace it failed{where}: {kind}: {error}</source>
        <translation>{source}：为追踪而运行 {module}.forward 时失败{where}：{kind}：{error}</translation>
    </message>
    <message>
        <source> at {place}</source>
        <extracomment>&quot; at file:line&quot;: where in the person&apos;s code (follows a word directly).</extracomment>
        <translation>（位于 {place}）</translation>
    </message>
    <message>
        <source>{source}: {where} is an nn.{module}: Lazy modules have no sizes until run: use Conv2d/Linear, NetStudio fills the input sizes</source>
        <translation>{source}：{where} 是 nn.{module}：Lazy 模块在运行前没有大小：请使用 Conv2d/Linear，NetStudio 会自动填入输入大小</translation>
    </message>
    <message>
        <source>{source}: the model fails on an input of shape {shape}: {error}; check the input shape (one sample, without the batch dimension)</source>
        <translation>{source}：模型在形状为 {shape} 的输入上运行失败：{error}；请检查输入形状（单个样本，不含批次维度）</translation>
    </message>
    <message>
        <source>{source}: &apos;{node}&apos; ({what}){where} {message}</source>
        <extracomment>An fx node NetStudio cannot translate: node, its name; what, the call (self.fc: nn.Linear); where, `AT` or &quot;&quot;; message, one of the phrases or messages below.</extracomment>
        <translation>{source}：&apos;{node}&apos;（{what}）{where}{message}</translation>
    </message>
    <message>
        <source>cannot be imported: {error}</source>
        <translation>无法导入：{error}</translation>
    </message>
    <message>
        <source>cannot be imported: {error}; NetStudio calls public functions of torch, torch.nn.functional and operator, and tensor methods</source>
        <translation>无法导入：{error}；NetStudio 只调用 torch、torch.nn.functional 和 operator 的公开函数，以及张量的方法</translation>
    </message>
    <message>
        <source>{function} is not a torch or operator function</source>
        <extracomment>function: where the function was found and its name (mypkg.ops.swish).</extracomment>
        <translation>{function} 不是 torch 或 operator 的函数</translation>
    </message>
    <message>
        <source>has an argument NetStudio cannot store: {error}</source>
        <translation>有一个 NetStudio 无法保存的参数：{error}</translation>
    </message>
    <message>
        <source>nn.{module} with {setting} has no layer: {fix}</source>
        <extracomment>A module with a setting its layer lacks: setting, the setting (padding=&apos;same&apos;, or a phrase); fix, a phrase saying what to do.</extracomment>
        <translation>带有 {setting} 的 nn.{module} 没有对应的层：请{fix}</translation>
    </message>
    <message>
        <source>negative padding {padding}</source>
        <translation>负填充 {padding}</translation>
    </message>
    <message>
        <source>the input</source>
        <extracomment>What the input node was made from, in messages about it.</extracomment>
        <translation>输入</translation>
    </message>
    <message>
        <source>the model</source>
        <extracomment>The model as a whole, where a message names one of its modules.</extracomment>
        <translation>模型</translation>
    </message>
    <message>
        <source>{source}: {where} cannot become a {layer} layer: {error}</source>
        <translation>{source}：{where} 无法变成 {layer} 层：{error}</translation>
    </message>
    <message>
        <source>{source}: the model returns no tensor</source>
        <translation>{source}：模型没有返回张量</translation>
    </message>
    <message>
        <source>{source}: the imported network does not check out:
{problems}</source>
        <translation>{source}：导入的网络没有通过检查：
{problems}</translation>
    </message>
    <message>
        <source>  {where}: {message}</source>
        <extracomment>One problem of the imported network, indented under the line above.</extracomment>
        <translation>  {where}：{message}</translation>
    </message>
    <message>
        <source>  ... and {count} more</source>
        <extracomment>count: how many problems are not listed (1 or more).</extracomment>
        <translation>  ……还有 {count} 个</translation>
    </message>
    <message>
        <source>{first}
{rest}</source>
        <extracomment>Two lines, one under the other: how a list of problems is put together.</extracomment>
        <translation>{first}
{rest}</translation>
    </message>
    <message>
        <source>{source}: {layer} has no source tensor for &apos;{key}&apos; (the source layer has {listed})</source>
        <extracomment>listed: the tensors the source layer has, or `NONE`.</extracomment>
        <translation>{source}：{layer} 的 &apos;{key}&apos; 在源模型中没有对应的张量（源层有：{listed}）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{source}: {layer}: &apos;{key}&apos; is {shape} in the source but {wanted} in the layer</source>
        <translation>{source}：{layer}：&apos;{key}&apos; 在源模型中是 {shape}，而在层中是 {wanted}</translation>
    </message>
    <message>
        <source>{calls} calls of repeated submodules became Block nodes of {count} networks ({names}); each network opens in its own tab, and an edit there changes every copy</source>
        <translation>重复子模块的 {calls} 次调用变成了 {count} 个网络（{names}）的模块（Block）节点；每个网络在自己的标签页中打开，在那里所做的修改会作用于每个副本</translation>
    </message>
    <message>
        <source>self.{name} is used {count} times: each use became its own layer with a copy of the weights (they train separately)</source>
        <translation>self.{name} 被使用了 {count} 次：每次使用都变成了一个带有权重副本的独立层（它们分别训练）</translation>
    </message>
    <message>
        <source>the network has {inputs} Inputs and {outputs} Outputs; training needs one of each, so the project&apos;s data and training settings were left as they are</source>
        <translation>网络有 {inputs} 个输入（Input）节点和 {outputs} 个输出（Output）节点；训练需要各一个，因此项目的数据和训练设置保持不变</translation>
    </message>
    <message>
        <source>{data}&apos;s samples are {size} but the Input takes {wanted}: import the model again with an input shape of {shape}, or choose other data</source>
        <extracomment>data: a data source&apos;s name; size, wanted: sample sizes (1×28×28); shape: 1, 28, 28.</extracomment>
        <translation>{data} 的样本是 {size}，而输入（Input）节点接受 {wanted}：请以输入形状 {shape} 重新导入模型，或选择其他数据</translation>
    </message>
    <message>
        <source>the output&apos;s shape is not known, so the training task and loss were left at their defaults (classification, cross-entropy): check them before training</source>
        <translation>输出的形状未知，因此训练任务和损失函数保持默认值（分类、交叉熵）：请在训练前检查它们</translation>
    </message>
    <message>
        <source>the network gives {units} scores per sample but {data} has {classes} classes: {fix} before training (Model &gt; Fit Layer to Data in the app does it)</source>
        <extracomment>fix: `SET_OUT_FEATURES` or `GIVE_OUTPUTS`.</extracomment>
        <translation>网络为每个样本给出 {units} 个分数，但 {data} 有 {classes} 个类别：请在训练前{fix}（应用中的“模型 ▸ 让层适配数据”可以完成这一步）</translation>
    </message>
    <message>
        <source>set out_features of the Linear &apos;{layer}&apos; to {classes}</source>
        <translation>把 Linear &apos;{layer}&apos; 的 out_features 设为 {classes}</translation>
    </message>
    <message>
        <source>give its last layer {classes} outputs</source>
        <translation>让它的最后一层有 {classes} 个输出</translation>
    </message>
    <message>
        <source>the network&apos;s output is {size}, not one score per class: set the project&apos;s training task and loss (and data with matching targets) before training</source>
        <translation>网络的输出是 {size}，而不是每个类别一个分数：请在训练前设置项目的训练任务和损失函数（以及目标与之匹配的数据）</translation>
    </message>
    <message>
        <source>no built-in data has {what}: choose the project&apos;s data before training (your own image folder or CSV file), or import the model again with an input shape that built-in data has ({known})</source>
        <extracomment>what: `SAMPLES_OF` or `SAMPLES_OF_INPUT`; known: `SIZE_FOR` items, joined with &quot;, &quot;.</extracomment>
        <translation>没有内置数据的{what}：请在训练前为项目选择数据（你自己的图像文件夹或 CSV 文件），或以内置数据具有的输入形状重新导入模型（{known}）</translation>
    </message>
    <message>
        <source>samples of {size}</source>
        <translation>样本是 {size}</translation>
    </message>
    <message>
        <source>samples of the Input&apos;s shape</source>
        <translation>样本符合输入（Input）节点的形状</translation>
    </message>
    <message>
        <source>{size} for {data}</source>
        <translation>{data} 为 {size}</translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <extracomment>Items of a list, with the separator between them.</extracomment>
        <translation>{first}，{rest}</translation>
    </message>
    <message>
        <source>it is not a plain state dict of tensors; NetStudio reads tensors only and never runs code from a weights file: save the model&apos;s state_dict() with torch.save, or as safetensors</source>
        <translation>它不是只含张量的普通状态字典；NetStudio 只读取张量，从不运行权重文件中的代码：请用 torch.save 保存模型的 state_dict()，或保存为 safetensors</translation>
    </message>
    <message>
        <source>it is not a plain state dict of tensors ({detail}); NetStudio reads tensors only and never runs code from a weights file: save the model&apos;s state_dict() with torch.save, or as safetensors</source>
        <extracomment>detail: what PyTorch&apos;s safe loader refused, its own words.</extracomment>
        <translation>它不是只含张量的普通状态字典（{detail}）；NetStudio 只读取张量，从不运行权重文件中的代码：请用 torch.save 保存模型的 state_dict()，或保存为 safetensors</translation>
    </message>
    <message>
        <source>remove it and let the data source scale the images</source>
        <extracomment>What to use instead of common Keras layers that have no counterpart here. What to do instead of a Keras layer NetStudio has none for (phrases of the messages).</extracomment>
        <translation>删除它，由数据源来缩放图像</translation>
    </message>
    <message>
        <source>remove it and let the data source normalise the inputs</source>
        <translation>删除它，由数据源来标准化输入</translation>
    </message>
    <message>
        <source>replace it with a built-in layer (Lambda code is never loaded)</source>
        <translation>把它换成内置层（Lambda 的代码永远不会被加载）</translation>
    </message>
    <message>
        <source>use Conv2D with groups equal to the channels</source>
        <translation>改用分组数等于通道数的 Conv2D</translation>
    </message>
    <message>
        <source>use a Conv2D with groups followed by a 1×1 Conv2D</source>
        <translation>改用一个分组的 Conv2D，后接一个 1×1 Conv2D</translation>
    </message>
    <message>
        <source>build the sequence model in NetStudio (Conv1d) or import its PyTorch version</source>
        <translation>在 NetStudio 中搭建该序列模型（Conv1d），或导入它的 PyTorch 版本</translation>
    </message>
    <message>
        <source>build the recurrent model in NetStudio (LSTM) or import its PyTorch version</source>
        <translation>在 NetStudio 中搭建该循环模型（LSTM），或导入它的 PyTorch 版本</translation>
    </message>
    <message>
        <source>build the recurrent model in NetStudio (GRU) or import its PyTorch version</source>
        <translation>在 NetStudio 中搭建该循环模型（GRU），或导入它的 PyTorch 版本</translation>
    </message>
    <message>
        <source>build the recurrent model in NetStudio (RNN) or import its PyTorch version</source>
        <translation>在 NetStudio 中搭建该循环模型（RNN），或导入它的 PyTorch 版本</translation>
    </message>
    <message>
        <source>{source}: Keras layer &apos;{name}&apos; ({kind})</source>
        <extracomment>A Keras layer, named in a refusal: &quot;model.keras: Keras layer &apos;dense&apos; (Dense)&quot;.</extracomment>
        <translation>{source}：Keras 层 &apos;{name}&apos;（{kind}）</translation>
    </message>
    <message>
        <source>Keras layer &apos;{name}&apos;</source>
        <extracomment>A Keras layer or input, as the origin of a node in messages about it.</extracomment>
        <translation>Keras 层 &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>Keras input &apos;{name}&apos;</source>
        <translation>Keras 输入 &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>Keras is not installed: pip install &quot;netstudio[keras]&quot;</source>
        <translation>未安装 Keras：pip install &quot;netstudio[keras]&quot;</translation>
    </message>
    <message>
        <source>Keras is already running on its &apos;{backend}&apos; backend in this program; NetStudio reads Keras models on the PyTorch backend: set KERAS_BACKEND=torch before Keras is imported</source>
        <translation>本程序中的 Keras 已在其 &apos;{backend}&apos; 后端上运行；NetStudio 在 PyTorch 后端上读取 Keras 模型：请在导入 Keras 之前设置 KERAS_BACKEND=torch</translation>
    </message>
    <message>
        <source>{path}: Keras cannot load the model: {reason}</source>
        <translation>{path}：Keras 无法加载该模型：{reason}</translation>
    </message>
    <message>
        <source>it stores Python code (a Lambda layer or a custom object), which is never run from a file; replace it with built-in layers, or import the Python file that builds the model</source>
        <translation>它保存了 Python 代码（Lambda 层或自定义对象），而文件中的代码永远不会被运行；请换成内置层，或导入构建该模型的 Python 文件</translation>
    </message>
    <message>
        <source>{path}: not a Keras model file (.keras) or Python file (.py)</source>
        <translation>{path}：不是 Keras 模型文件（.keras），也不是 Python 文件（.py）</translation>
    </message>
    <message>
        <source>{source}: {kind} is not a Keras model</source>
        <translation>{source}：{kind} 不是 Keras 模型</translation>
    </message>
    <message>
        <source>{error}: NetStudio runs Keras 3 on PyTorch, without TensorFlow; write `import keras` and `from keras import layers` instead of tensorflow.keras</source>
        <extracomment>error: the refusal of the Python file (a `Message`).</extracomment>
        <translation>{error}：NetStudio 在 PyTorch 上运行 Keras 3，不使用 TensorFlow；请写 `import keras` 和 `from keras import layers`，而不是 tensorflow.keras</translation>
    </message>
    <message>
        <source>{path}: name the model variable or the function that builds it</source>
        <translation>{path}：请指明模型变量或构建模型的函数</translation>
    </message>
    <message>
        <source>{path}: name the model variable or the function that builds it (it has {found})</source>
        <extracomment>found: the file&apos;s model variables and functions (&quot;model, build()&quot;).</extracomment>
        <translation>{path}：请指明模型变量或构建模型的函数（文件中有：{found}）</translation>
    </message>
    <message>
        <source>{path}: there is no &apos;{name}&apos;</source>
        <translation>{path}：没有 &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>{path}: there is no &apos;{name}&apos; (it has {found})</source>
        <translation>{path}：没有 &apos;{name}&apos;（文件中有：{found}）</translation>
    </message>
    <message>
        <source>{path}: {name}() {error}: give its arguments defaults</source>
        <translation>{path}：{name}() {error}：请为它的参数设置默认值</translation>
    </message>
    <message>
        <source>{path}: {name}() failed: {kind}: {error}</source>
        <translation>{path}：{name}() 失败：{kind}：{error}</translation>
    </message>
    <message>
        <source>{path}: {name}() failed: {kind}: {error} (line {line})</source>
        <translation>{path}：{name}() 失败：{kind}：{error}（第 {line} 行）</translation>
    </message>
    <message>
        <source>{path}: &apos;{name}&apos; is a {kind}, not a Keras model or a function that returns one</source>
        <translation>{path}：&apos;{name}&apos; 是 {kind}，不是 Keras 模型，也不是返回模型的函数</translation>
    </message>
    <message>
        <source>images are channels-first in NetStudio: feed (N, C, H, W) where Keras took (N, H, W, C)</source>
        <translation>NetStudio 中的图像是通道在前：Keras 接受 (N, H, W, C) 的地方，请输入 (N, C, H, W)</translation>
    </message>
    <message>
        <source>{source}: {kind} is a subclassed Keras model (its own call()), which has no layer graph to read: build it with keras.Sequential or the functional API (keras.Input ... keras.Model(inputs, outputs))</source>
        <translation>{source}：{kind} 是子类化的 Keras 模型（有自己的 call()），没有可读取的层图：请用 keras.Sequential 或函数式 API（keras.Input ... keras.Model(inputs, outputs)）构建它</translation>
    </message>
    <message>
        <source>{source}: the model cannot take samples of shape {shape}: {reason}</source>
        <translation>{source}：模型无法接受形状为 {shape} 的样本：{reason}</translation>
    </message>
    <message>
        <source>{source}: {what} takes samples of shape {declared}, not {given}; leave out the input shape or give Keras&apos;s own (channels last)</source>
        <extracomment>what: the model (`import_messages.THE_MODEL`); declared, given: sample shapes.</extracomment>
        <translation>{source}：{what}接受形状为 {declared} 的样本，而不是 {given}；请不填输入形状，或给出 Keras 自己的形状（通道在后）</translation>
    </message>
    <message>
        <source>{source}: {what} has no input shape: give one sample&apos;s shape in Keras&apos;s order, e.g. 32,32,3 (or add keras.Input)</source>
        <translation>{source}：{what}没有输入形状：请按 Keras 的顺序给出单个样本的形状，例如 32,32,3（或添加 keras.Input）</translation>
    </message>
    <message>
        <source>{source}: {what} has no input shape ({declared}): give one sample&apos;s shape in Keras&apos;s order, e.g. 32,32,3 (or add keras.Input)</source>
        <translation>{source}：{what}没有完整的输入形状（{declared}）：请按 Keras 的顺序给出单个样本的形状，例如 32,32,3（或添加 keras.Input）</translation>
    </message>
    <message>
        <source>{source}: the model takes {count} inputs; NetStudio imports models with one input</source>
        <translation>{source}：模型接受 {count} 个输入；NetStudio 只导入有一个输入的模型</translation>
    </message>
    <message>
        <source>{where} returns several tensors</source>
        <translation>{where} 返回了多个张量</translation>
    </message>
    <message>
        <source>{where}: a model used as a layer is not imported; build the whole network in one Sequential or functional model</source>
        <translation>{where}：不导入被当作层使用的模型；请在一个 Sequential 或函数式模型中构建整个网络</translation>
    </message>
    <message>
        <source>{source}: &apos;{name}&apos;</source>
        <extracomment>An operation: &quot;model.keras: &apos;add&apos;&quot;.</extracomment>
        <translation>{source}：&apos;{name}&apos;</translation>
    </message>
    <message>
        <source>{source}: the operation &apos;{name}&apos; ({kind}, keras.ops) has no NetStudio layer: use Keras layers ({supported}); x + y and x * y of two tensors are imported</source>
        <translation>{source}：运算 &apos;{name}&apos;（{kind}，keras.ops）没有对应的 NetStudio 层：请使用 Keras 层（{supported}）；两个张量的 x + y 和 x * y 可以导入</translation>
    </message>
    <message>
        <source>{where} has no NetStudio layer: {instead} (NetStudio imports {supported})</source>
        <extracomment>instead: one of the phrases below (what to do instead).</extracomment>
        <translation>{where} 没有对应的 NetStudio 层：请{instead}（NetStudio 可导入 {supported}）</translation>
    </message>
    <message>
        <source>rebuild it from the layers NetStudio imports</source>
        <translation>用 NetStudio 可导入的层重新搭建它</translation>
    </message>
    <message>
        <source>{where}: data_format={value} is not imported; use the default channels_last</source>
        <translation>{where}：不导入 data_format={value}；请使用默认的 channels_last</translation>
    </message>
    <message>
        <source>{where}: padding=&apos;same&apos; pads one side more than the other for {size} images; use an odd kernel_size with strides 1, or padding=&apos;valid&apos;</source>
        <extracomment>size: the images&apos; height and width.</extracomment>
        <translation>{where}：对于 {size} 的图像，padding=&apos;same&apos; 在一侧比另一侧填充得多；请使用奇数的 kernel_size 且 strides 为 1，或使用 padding=&apos;valid&apos;</translation>
    </message>
    <message>
        <source>{where} on images {shape} is not imported: insert a Flatten or GlobalAveragePooling2D before it, or use a 1×1 Conv2D</source>
        <translation>{where} 作用在图像 {shape} 上，这不能导入：请在它前面插入 Flatten 或 GlobalAveragePooling2D，或改用 1×1 Conv2D</translation>
    </message>
    <message>
        <source>{where}: only the feature or channel axis of a flat vector or an image is normalised in NetStudio (here axis {axis} of {shape})</source>
        <translation>{where}：NetStudio 只对扁平向量的特征轴或图像的通道轴做归一化（这里是 {shape} 的轴 {axis}）</translation>
    </message>
    <message>
        <source>{where}: renorm=True is not imported</source>
        <translation>{where}：不导入 renorm=True</translation>
    </message>
    <message>
        <source>{where}: only ReLU(), ReLU(max_value=6) and ReLU(negative_slope=a) are imported; use those or a LeakyReLU</source>
        <translation>{where}：只导入 ReLU()、ReLU(max_value=6) 和 ReLU(negative_slope=a)；请使用这些或 LeakyReLU</translation>
    </message>
    <message>
        <source>{where}: softmax over several axes</source>
        <translation>{where}：在多个轴上做 softmax</translation>
    </message>
    <message>
        <source>Keras layer &apos;{name}&apos; kept its scale fixed; in NetStudio it is learned (starting from the same value)</source>
        <translation>Keras 层 &apos;{name}&apos; 的缩放是固定的；在 NetStudio 中它是可学习的（从相同的值开始）</translation>
    </message>
    <message>
        <source>Keras layer &apos;{name}&apos; kept its shift fixed; in NetStudio it is learned (starting from the same value)</source>
        <translation>Keras 层 &apos;{name}&apos; 的平移是固定的；在 NetStudio 中它是可学习的（从相同的值开始）</translation>
    </message>
    <message>
        <source>{where}: padding={mode} is not imported</source>
        <extracomment>mode: Keras&apos;s padding setting as Python writes it (&apos;causal&apos;).</extracomment>
        <translation>{where}：不导入 padding={mode}</translation>
    </message>
    <message>
        <source>{where}: padding=&apos;same&apos; averages fewer values at the borders, which AvgPool2d does not: use padding=&apos;valid&apos;</source>
        <translation>{where}：padding=&apos;same&apos; 在边缘处平均的值更少，而 AvgPool2d 不这样做：请使用 padding=&apos;valid&apos;</translation>
    </message>
    <message>
        <source>{where}: padding=&apos;same&apos; pads unevenly for this size; use padding=&apos;valid&apos; or a stride above 1</source>
        <translation>{where}：对于这个大小，padding=&apos;same&apos; 的填充不对称；请使用 padding=&apos;valid&apos; 或大于 1 的步幅</translation>
    </message>
    <message>
        <source>{where}: reshaping {shape} to {target} is not imported; NetStudio imports a Reshape of a flat vector or sequence, or to a flat vector</source>
        <translation>{where}：不导入把 {shape} 变形为 {target}；NetStudio 只导入对扁平向量或序列的 Reshape，或变形为扁平向量的 Reshape</translation>
    </message>
    <message>
        <source>{where}: {kind} needs two or more inputs of one shape and layout (got {shapes}); broadcasting and mixing flattened images with other vectors are not imported</source>
        <translation>{where}：{kind} 需要两个或更多形状和布局相同的输入（当前为 {shapes}）；不导入广播，也不导入把展平的图像与其他向量混合</translation>
    </message>
    <message>
        <source>{where}: inputs of different ranks</source>
        <translation>{where}：输入的维数不同</translation>
    </message>
    <message>
        <source>{where}: axis {axis} is not a feature axis of {shape}</source>
        <translation>{where}：轴 {axis} 不是 {shape} 的特征轴</translation>
    </message>
    <message>
        <source>{where}: output shape {shape} has unknown sizes</source>
        <translation>{where}：输出形状 {shape} 中有未知的大小</translation>
    </message>
    <message>
        <source>{where} needs images (height, width, channels), got {shape}</source>
        <translation>{where} 需要图像（高，宽，通道），当前为 {shape}</translation>
    </message>
    <message>
        <source>{where} uses a custom activation: use one of {activations}</source>
        <extracomment>activations: the names NetStudio imports.</extracomment>
        <translation>{where} 使用了自定义激活函数：请使用以下之一：{activations}</translation>
    </message>
    <message>
        <source>{where} uses the activation &apos;{activation}&apos;, which is not imported: use one of {activations}</source>
        <translation>{where} 使用了激活函数 &apos;{activation}&apos;，它不能导入：请使用以下之一：{activations}</translation>
    </message>
    <message>
        <source>give the padding as numbers</source>
        <translation>以数字给出填充</translation>
    </message>
    <message>
        <source>use zero padding</source>
        <translation>使用零填充</translation>
    </message>
    <message>
        <source>dilation or return_indices</source>
        <translation>膨胀或 return_indices</translation>
    </message>
    <message>
        <source>use dilation 1, no indices</source>
        <translation>使用膨胀 1，且不返回索引</translation>
    </message>
    <message>
        <source>count_include_pad=False or a divisor_override</source>
        <translation>count_include_pad=False 或 divisor_override</translation>
    </message>
    <message>
        <source>use defaults</source>
        <translation>使用默认值</translation>
    </message>
    <message>
        <source>a None output size</source>
        <translation>为 None 的输出大小</translation>
    </message>
    <message>
        <source>give both output sizes</source>
        <translation>给出两个输出大小</translation>
    </message>
    <message>
        <source>a None output size or return_indices</source>
        <translation>为 None 的输出大小或 return_indices</translation>
    </message>
    <message>
        <source>give both sizes, no indices</source>
        <translation>给出两个大小，且不返回索引</translation>
    </message>
    <message>
        <source>crop with a slice instead</source>
        <translation>改用切片来裁剪</translation>
    </message>
    <message>
        <source>keep the batch (0) first</source>
        <translation>保持批次维度（0）在最前</translation>
    </message>
    <message>
        <source>several normalised dimensions or bias=False</source>
        <translation>多个归一化维度或 bias=False</translation>
    </message>
    <message>
        <source>use the defaults</source>
        <translation>使用默认值</translation>
    </message>
    <message>
        <source>a size, per-axis scales or align_corners</source>
        <translation>size、按轴的缩放因子或 align_corners</translation>
    </message>
    <message>
        <source>use one scale_factor</source>
        <translation>使用单一的 scale_factor</translation>
    </message>
    <message>
        <source>give a momentum between 0 and 1</source>
        <translation>给出 0 到 1 之间的动量</translation>
    </message>
    <message>
        <source>keep the bias</source>
        <translation>保留偏置</translation>
    </message>
    <message>
        <source>keep the batch dimension (start_dim=1)</source>
        <translation>保留批次维度（start_dim=1）</translation>
    </message>
    <message>
        <source>unflatten a dimension after the batch</source>
        <translation>展开批次之后的某个维度</translation>
    </message>
    <message>
        <source>max_norm, scale_grad_by_freq or sparse</source>
        <translation>max_norm、scale_grad_by_freq 或 sparse</translation>
    </message>
    <message>
        <source>set batch_first=True (NetStudio is batch first)</source>
        <translation>设置 batch_first=True（NetStudio 批次在前）</translation>
    </message>
    <message>
        <source>leave proj_size at 0</source>
        <translation>让 proj_size 保持为 0</translation>
    </message>
    <message>
        <source>batch_first=False, a custom activation or layer_norm_eps</source>
        <translation>batch_first=False、自定义激活函数或 layer_norm_eps</translation>
    </message>
    <message>
        <source>keep the biases</source>
        <translation>保留偏置</translation>
    </message>
    <message>
        <source>give the dimension</source>
        <translation>给出维度</translation>
    </message>
    <message>
        <source>only one slope, or one per channel, is a PReLU layer</source>
        <translation>只有单一斜率或每个通道一个斜率才是 PReLU 层</translation>
    </message>
    <message>
        <source>only the threshold of a Softplus is read; no layer selects</source>
        <translation>只读取 Softplus 的阈值；没有层能做这种选择</translation>
    </message>
    <message>
        <source>only alpha = 1/6 and beta = 1/2 are PyTorch&apos;s Hardsigmoid</source>
        <translation>只有 alpha = 1/6 且 beta = 1/2 才是 PyTorch 的 Hardsigmoid</translation>
    </message>
    <message>
        <source>reading ONNX files needs the onnx package: pip install &quot;netstudio[onnx]&quot;</source>
        <translation>读取 ONNX 文件需要 onnx 包：pip install &quot;netstudio[onnx]&quot;</translation>
    </message>
    <message>
        <source>{path}: not a valid ONNX model: {error}</source>
        <translation>{path}：不是有效的 ONNX 模型：{error}</translation>
    </message>
    <message>
        <source>{path}: NetStudio has no layer for these ONNX ops: {listed}. Supported: {supported}</source>
        <extracomment>listed: &quot;Gather ×2, Loop ×1&quot;; supported: the op types NetStudio reads.</extracomment>
        <translation>{path}：NetStudio 没有与这些 ONNX 算子对应的层：{listed}。支持的算子：{supported}</translation>
    </message>
    <message>
        <source>{path}: NetStudio imports models with one input, this one has {names}</source>
        <extracomment>names: the inputs&apos; names, or `NONE`.</extracomment>
        <translation>{path}：NetStudio 只导入有一个输入的模型，而这个模型的输入是：{names}</translation>
    </message>
    <message>
        <source>{path}: input &apos;{name}&apos; has sizes {sizes}; every size but the batch must be fixed</source>
        <translation>{path}：输入 &apos;{name}&apos; 的大小为 {sizes}；除批次外，每一维的大小都必须固定</translation>
    </message>
    <message>
        <source>{path}: {what} reads &apos;{name}&apos; with the sequence first (steps, batch, features); NetStudio&apos;s layers take the batch first, so only a recurrent layer or a transpose back may read it</source>
        <extracomment>what: `NODE_NAME` or `OUTPUT`.</extracomment>
        <translation>{path}：{what} 以序列在前的方式（步，批次，特征）读取 &apos;{name}&apos;；NetStudio 的层要求批次在前，因此只有循环层或转置回来的操作可以读取它</translation>
    </message>
    <message>
        <source>{path}: {what} reads &apos;{name}&apos;, which is not computed from the input</source>
        <translation>{path}：{what} 读取的 &apos;{name}&apos; 不是由输入计算得到的</translation>
    </message>
    <message>
        <source>&apos;{node}&apos; ({op})</source>
        <translation>&apos;{node}&apos;（{op}）</translation>
    </message>
    <message>
        <source>output</source>
        <extracomment>The model&apos;s output, where a message names what reads a tensor.</extracomment>
        <translation>输出</translation>
    </message>
    <message>
        <source>{path}: ONNX node &apos;{node}&apos; ({op}): {why}</source>
        <extracomment>One ONNX node refused: why, a phrase or one of the messages below.</extracomment>
        <translation>{path}：ONNX 节点 &apos;{node}&apos;（{op}）：{why}</translation>
    </message>
    <message>
        <source>input {index} (&apos;{name}&apos;) must be a constant</source>
        <translation>输入 {index}（&apos;{name}&apos;）必须是常量</translation>
    </message>
    <message>
        <source>pads {pads} differ at the two ends of an axis</source>
        <translation>填充 {pads} 在同一轴的两端不同</translation>
    </message>
    <message>
        <source>only the {op} over height and width of (N, C, H, W) is a layer (global pooling); this one reduces axes {axes} of a rank {rank} tensor</source>
        <translation>只有在 (N, C, H, W) 的高和宽上做的 {op} 才是一个层（全局池化）；这个算子在 {rank} 维张量的轴 {axes} 上做归约</translation>
    </message>
    <message>
        <source>only zero padding of height and width of (N, C, H, W) is a layer (ZeroPad2d); this one is mode {mode}, value {value}, pads {pads}</source>
        <extracomment>mode: ONNX&apos;s padding mode (constant, reflect); value: the fill value.</extracomment>
        <translation>只有对 (N, C, H, W) 的高和宽做零填充才是一个层（ZeroPad2d）；这个算子的模式为 {mode}，值为 {value}，填充为 {pads}</translation>
    </message>
    <message>
        <source>a transpose {perm} has no layer; only the swap of batch and steps around a recurrent layer is read</source>
        <translation>转置 {perm} 没有对应的层；只读取循环层前后交换批次与步的转置</translation>
    </message>
    <message>
        <source>{op} with a constant is not supported</source>
        <translation>不支持带常量的 {op}</translation>
    </message>
    <message>
        <source>no layer clips to {bounds}</source>
        <extracomment>bounds: &quot;[0, 6]&quot;, &quot;[-∞, 1]&quot;.</extracomment>
        <translation>没有层能裁剪到 {bounds}</translation>
    </message>
    <message>
        <source>activations {found} differ from PyTorch&apos;s {pytorch}</source>
        <extracomment>found: the activations&apos; names in the file; pytorch: PyTorch&apos;s (Sigmoid, Tanh).</extracomment>
        <translation>激活函数 {found} 与 PyTorch 的 {pytorch} 不同</translation>
    </message>
    <message>
        <source>only alpha = beta = 1 and transA = 0 make a Linear layer</source>
        <translation>只有 alpha = beta = 1 且 transA = 0 才构成 Linear 层</translation>
    </message>
    <message>
        <source>only a matrix product with a constant 2-D weight is a Linear layer</source>
        <translation>只有与常量二维权重的矩阵乘积才是 Linear 层</translation>
    </message>
    <message>
        <source>auto_pad is not supported: export with explicit pads</source>
        <translation>不支持 auto_pad：请以显式的 pads 导出</translation>
    </message>
    <message>
        <source>training_mode is not supported</source>
        <translation>不支持 training_mode</translation>
    </message>
    <message>
        <source>only 1-D or 2-D pooling with equal pads at both ends</source>
        <translation>只支持两端填充相同的一维或二维池化</translation>
    </message>
    <message>
        <source>dilation and indices are not supported</source>
        <translation>不支持膨胀和索引</translation>
    </message>
    <message>
        <source>padding that is left out of the average is not supported</source>
        <translation>不支持不计入平均值的填充</translation>
    </message>
    <message>
        <source>its target shape is neither constant nor known</source>
        <translation>它的目标形状既不是常量，也无法推知</translation>
    </message>
    <message>
        <source>only axis 1 keeps the batch dimension</source>
        <translation>只有轴 1 能保留批次维度</translation>
    </message>
    <message>
        <source>joining along the batch dimension is not supported</source>
        <translation>不支持沿批次维度拼接</translation>
    </message>
    <message>
        <source>its output is read other than as the whole sequence of steps (through the exporter&apos;s Transpose and Reshape), which a recurrent layer cannot give</source>
        <extracomment>Gates per cell, and PyTorch&apos;s gate order as ONNX&apos;s blocks: LSTM i o f c → i f g(c) o, GRU z r h → r z n. The inputs that hold the initial states (zeros in every NetStudio recurrent layer). ONNX&apos;s default activations per direction, the only ones PyTorch&apos;s cells compute. Ops that pass the zeros of an initial state on unchanged in value.</extracomment>
        <translation>它的输出没有被当作完整的步序列来读取（经由导出器的 Transpose 和 Reshape），循环层无法提供这种输出</translation>
    </message>
    <message>
        <source>its input is not a batch-first tensor with batch and steps swapped (Transpose [1, 0, 2]); NetStudio&apos;s recurrent layers read (N, steps, features)</source>
        <translation>它的输入不是交换了批次与步的批次在前张量（Transpose [1, 0, 2]）；NetStudio 的循环层读取 (N, 步, 特征)</translation>
    </message>
    <message>
        <source>a layer that reads the sequence backwards only has no NetStudio layer</source>
        <translation>只反向读取序列的层没有对应的 NetStudio 层</translation>
    </message>
    <message>
        <source>layout 1 (batch first inside the op) is not read; export with layout 0</source>
        <translation>不读取 layout 1（算子内部批次在前）；请以 layout 0 导出</translation>
    </message>
    <message>
        <source>cell clipping has no NetStudio setting</source>
        <translation>NetStudio 没有细胞裁剪（clip）设置</translation>
    </message>
    <message>
        <source>coupled input and forget gates have no NetStudio setting</source>
        <translation>NetStudio 没有耦合输入门与遗忘门的设置</translation>
    </message>
    <message>
        <source>linear_before_reset = 0 is not PyTorch&apos;s GRU (it resets after the linear map)</source>
        <translation>linear_before_reset = 0 不是 PyTorch 的 GRU（PyTorch 在线性映射之后重置）</translation>
    </message>
    <message>
        <source>sequence lengths are not supported: every sequence has all its steps</source>
        <translation>不支持序列长度：每个序列都包含全部的步</translation>
    </message>
    <message>
        <source>peephole weights have no NetStudio setting</source>
        <translation>NetStudio 没有窥视孔（peephole）权重的设置</translation>
    </message>
    <message>
        <source>its initial state is not zero; NetStudio&apos;s recurrent layers start from zeros</source>
        <translation>它的初始状态不为零；NetStudio 的循环层从零开始</translation>
    </message>
    <message>
        <source>its final state is read; a recurrent layer passes on only its steps</source>
        <translation>它的最终状态被读取了；循环层只传出各步的输出</translation>
    </message>
</context>
</TS>
