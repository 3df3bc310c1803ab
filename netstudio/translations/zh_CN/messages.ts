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
        <source>{problem}, got {name}</source>
        <extracomment>A network name refused (problem: one of the four above), with the name given (&apos;3x&apos;).</extracomment>
        <translation>{problem}，当前为 {name}</translation>
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
        <translation>{node}：它的网络 &apos;{name}&apos; 需要一个输入（Input）节点和一个输出（Output）节点：请在那个网络中添加</translation>
    </message>
    <message>
        <source>{node} chains {repeat} copies, each copy&apos;s outputs feeding the next one&apos;s inputs, but network &apos;{name}&apos; has {ins} Input(s) and {outs} Output(s): give it as many of each, or set repeat to 1</source>
        <translation>{node} 串联了 {repeat} 个副本，每个副本的输出接到下一个副本的输入，但网络 &apos;{name}&apos; 有 {ins} 个输入（Input）节点和 {outs} 个输出（Output）节点：请让两者数量相同，或把 repeat 设为 1</translation>
    </message>
    <message>
        <source>block &apos;{block}&apos;</source>
        <translation>模块 &apos;{block}&apos;</translation>
    </message>
    <message>
        <source>block &apos;{block}&apos; (copy {copy})</source>
        <translation>模块 &apos;{block}&apos;（第 {copy} 个副本）</translation>
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
    <name>Checkpoints</name>
    <message>
        <source>{first}; {then}</source>
        <extracomment>Two clauses of one list, in order (&quot;missing fc1.bias; wrong shape …&quot;).</extracomment>
        <translation>{first}；{then}</translation>
    </message>
    <message>
        <source>cannot read the weights in {path}: the file is damaged or is not a safetensors weights file ({error})</source>
        <translation>无法读取 {path} 中的权重：文件已损坏，或不是 safetensors 权重文件（{error}）</translation>
    </message>
    <message>
        <source>missing {names}</source>
        <translation>缺少 {names}</translation>
    </message>
    <message>
        <source>not in the model {names}</source>
        <translation>模型中没有 {names}</translation>
    </message>
    <message>
        <source>wrong shape {shapes}</source>
        <translation>形状不符 {shapes}</translation>
    </message>
    <message>
        <source>{name} {saved} vs {own}</source>
        <extracomment>One weight of the wrong shape: &quot;fc1.weight (10, 4) vs (10, 8)&quot; (the file&apos;s, the model&apos;s).</extracomment>
        <translation>{name} {saved} 对 {own}</translation>
    </message>
    <message>
        <source>the weights in {path} do not fit this network ({parts}): they were saved from a different architecture</source>
        <translation>{path} 中的权重与此网络不匹配（{parts}）：它们保存自另一种网络结构</translation>
    </message>
    <message>
        <source>no checkpoint in {folder}: expected {weights} and {state} (a run folder&apos;s &apos;checkpoint&apos; sub-folder)</source>
        <translation>{folder} 中没有检查点：应有 {weights} 和 {state}（训练记录文件夹中的 &apos;checkpoint&apos; 子文件夹）</translation>
    </message>
    <message>
        <source>cannot read the training state in {path}: it is damaged, or holds objects other than tensors and plain values (such files are never loaded); train a new run</source>
        <translation>无法读取 {path} 中的训练状态：它已损坏，或含有张量和普通值以外的对象（这类文件绝不会被加载）；请重新训练</translation>
    </message>
    <message>
        <source>cannot read the training state in {path}: {error}; train a new run</source>
        <translation>无法读取 {path} 中的训练状态：{error}；请重新训练</translation>
    </message>
    <message>
        <source>the training state in {path} is damaged: {what}; it cannot be resumed, train a new run</source>
        <translation>{path} 中的训练状态已损坏：{what}；无法继续训练，请重新训练</translation>
    </message>
    <message>
        <source>it holds {kind}, not a dictionary</source>
        <translation>它是 {kind}，不是字典</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is missing</source>
        <translation>缺少 &apos;{key}&apos;</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is {kind}, not {expected}</source>
        <translation>&apos;{key}&apos; 是 {kind}，不是 {expected}</translation>
    </message>
    <message>
        <source>&apos;kinds&apos; is not the optimizer and schedule names</source>
        <translation>&apos;kinds&apos; 不是优化器和学习率调度的名称</translation>
    </message>
    <message>
        <source>&apos;optimizer&apos; is not an optimizer&apos;s state</source>
        <translation>&apos;optimizer&apos; 不是优化器的状态</translation>
    </message>
    <message>
        <source>&apos;schedule&apos; is not a learning-rate schedule&apos;s state</source>
        <translation>&apos;schedule&apos; 不是学习率调度的状态</translation>
    </message>
    <message>
        <source>&apos;history&apos; holds {count} epochs, &apos;epoch&apos; says {epoch}</source>
        <translation>&apos;history&apos; 含 {count} 个轮次，而 &apos;epoch&apos; 为 {epoch}</translation>
    </message>
    <message>
        <source>&apos;early&apos; is not early-stopping bookkeeping</source>
        <translation>&apos;early&apos; 不是早停的记录</translation>
    </message>
    <message>
        <source>&apos;rng&apos; is not random number generator state</source>
        <translation>&apos;rng&apos; 不是随机数生成器的状态</translation>
    </message>
    <message>
        <source>&apos;history&apos; entry {entry} is not one epoch&apos;s metrics</source>
        <translation>&apos;history&apos; 第 {entry} 项不是一个轮次的指标</translation>
    </message>
    <message>
        <source>&apos;history&apos; entry {entry} has unfrozen nodes that are not a list of node ids</source>
        <translation>&apos;history&apos; 第 {entry} 项的解冻节点不是节点 id 列表</translation>
    </message>
    <message>
        <source>&apos;history&apos; entry {entry} has no whole epoch number</source>
        <translation>&apos;history&apos; 第 {entry} 项没有整数轮次</translation>
    </message>
    <message>
        <source>&apos;history&apos; entry {entry} has a {name} of {kind}</source>
        <translation>&apos;history&apos; 第 {entry} 项的 {name} 是 {kind}</translation>
    </message>
    <message>
        <source>the checkpoint&apos;s random number generator state does not fit: {error}; train a new run</source>
        <translation>检查点的随机数生成器状态不匹配：{error}；请重新训练</translation>
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
        <translation>模块 &apos;{block}&apos;（第 {copy} 个副本）：{problem}</translation>
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
    <name>DataErrors</name>
    <message>
        <source>{first}; {then}</source>
        <extracomment>Two clauses of one line, in order (&quot;in memory: …; mean/std from …&quot;).</extracomment>
        <translation>{first}；{then}</translation>
    </message>
    <message>
        <source>unknown data source {source} (sources: {known})</source>
        <translation>未知的数据源 {source}（数据源：{known}）</translation>
    </message>
    <message>
        <source>unknown data source {source}; did you mean &apos;{close}&apos;? (sources: {known})</source>
        <translation>未知的数据源 {source}；是不是指 &apos;{close}&apos;？（数据源：{known}）</translation>
    </message>
    <message>
        <source>{source} has no parameter &apos;{key}&apos; (parameters: {parameters})</source>
        <translation>{source} 没有参数 &apos;{key}&apos;（参数：{parameters}）</translation>
    </message>
    <message>
        <source>{source} has no parameter &apos;{key}&apos;; did you mean &apos;{close}&apos;? (parameters: {parameters})</source>
        <translation>{source} 没有参数 &apos;{key}&apos;；是不是指 &apos;{close}&apos;？（参数：{parameters}）</translation>
    </message>
    <message>
        <source>{source} has no parameter &apos;{key}&apos; (parameters: none)</source>
        <translation>{source} 没有参数 &apos;{key}&apos;（它没有参数）</translation>
    </message>
    <message>
        <source>{source} reads {files} from the data folder {root}, which is relative to the project&apos;s file, and the project has not been saved yet</source>
        <translation>{source} 从数据文件夹 {root} 读取 {files}，该路径相对于项目文件，而项目尚未保存</translation>
    </message>
    <message>
        <source>{source} reads {files} from a data folder, and the project names none</source>
        <translation>{source} 从数据文件夹读取 {files}，但项目没有指定数据文件夹</translation>
    </message>
    <message>
        <source>{name}: no training examples are left after the splits</source>
        <translation>{name}：数据划分后没有剩下训练样本</translation>
    </message>
    <message>
        <source>{name}: a class index lies outside 0..{last}</source>
        <translation>{name}：有类别索引超出 0..{last}</translation>
    </message>
    <message>
        <source>{name}: {count} examples are too few to hold out {fraction} of them ({error})</source>
        <translation>{name}：{count} 个样本太少，无法留出其中的 {fraction}（{error}）</translation>
    </message>
    <message>
        <source>{file} line {line}, column &apos;{column}&apos;</source>
        <translation>{file} 第 {line} 行，&apos;{column}&apos; 列</translation>
    </message>
    <message>
        <source>CSV file {path} not found</source>
        <translation>找不到 CSV 文件 {path}</translation>
    </message>
    <message>
        <source>Could not read the CSV file {path}: {error}</source>
        <translation>无法读取 CSV 文件 {path}：{error}</translation>
    </message>
    <message>
        <source>{file} has no data rows</source>
        <translation>{file} 没有数据行</translation>
    </message>
    <message>
        <source>{file} line {line}: {count} values, expected {expected} (columns: {columns})</source>
        <translation>{file} 第 {line} 行：有 {count} 个值，应为 {expected} 个（列：{columns}）</translation>
    </message>
    <message>
        <source>{where}: &apos;{cell}&apos; is not a number</source>
        <translation>{where}：&apos;{cell}&apos; 不是数字</translation>
    </message>
    <message>
        <source>{where}: an empty cell is not a number</source>
        <translation>{where}：空单元格不是数字</translation>
    </message>
    <message>
        <source>{where}: &apos;{cell}&apos; is not a finite number</source>
        <translation>{where}：&apos;{cell}&apos; 不是有限数</translation>
    </message>
    <message>
        <source>{file}: a cell is not a number</source>
        <translation>{file}：有单元格不是数字</translation>
    </message>
    <message>
        <source>{file} has the columns {columns} but {other} has {theirs}</source>
        <translation>{file} 的列是 {columns}，而 {other} 的列是 {theirs}</translation>
    </message>
    <message>
        <source>{where}: the label is empty</source>
        <translation>{where}：标签为空</translation>
    </message>
    <message>
        <source>{where}: &apos;{value}&apos; is not a training class</source>
        <translation>{where}：&apos;{value}&apos; 不是训练集中的类别</translation>
    </message>
    <message>
        <source>{file}: column &apos;{column}&apos; has a single value; classification needs at least two classes</source>
        <translation>{file}：&apos;{column}&apos; 列只有一个值；分类至少需要两个类别</translation>
    </message>
    <message>
        <source>CSV: no file is set: the &apos;file&apos; parameter names the CSV file to read</source>
        <translation>CSV：未设置文件：&apos;file&apos; 参数指定要读取的 CSV 文件</translation>
    </message>
    <message>
        <source>CSV: the file {name} is a relative path, and there is no folder it is relative to (the project has not been saved yet)</source>
        <translation>CSV：文件 {name} 是相对路径，但没有可相对的文件夹（项目尚未保存）</translation>
    </message>
    <message>
        <source>{file} has no column &apos;{name}&apos; (columns: {columns})</source>
        <translation>{file} 没有 &apos;{name}&apos; 列（列：{columns}）</translation>
    </message>
    <message>
        <source>CSV: classification takes exactly one label column</source>
        <translation>CSV：分类只能有一个标签列</translation>
    </message>
    <message>
        <source>{file}: no feature columns are left besides the label</source>
        <translation>{file}：除标签外没有剩下特征列</translation>
    </message>
    <message>
        <source>CSV: column {names} cannot be both a feature and the label</source>
        <translation>CSV：{names} 列不能既是特征又是标签</translation>
    </message>
    <message>
        <source>one sub-folder per class (ROOT/cat/1.png, ROOT/dog/2.jpg, ...)</source>
        <translation>每个类别一个子文件夹（ROOT/cat/1.png, ROOT/dog/2.jpg, ...）</translation>
    </message>
    <message>
        <source>Image folder {folder} does not exist: expected {layout}</source>
        <translation>图像文件夹 {folder} 不存在：应为{layout}</translation>
    </message>
    <message>
        <source>{folder} holds one class sub-folder (&apos;{name}&apos;): classification needs at least two classes, so add a sub-folder for each other class ({layout})</source>
        <translation>{folder} 只有一个类别子文件夹（&apos;{name}&apos;）：分类至少需要两个类别，请为其他每个类别添加一个子文件夹（{layout}）</translation>
    </message>
    <message>
        <source>{test} has the classes {test_classes} but {train} has {classes}: both need the same class sub-folders</source>
        <translation>{test} 的类别是 {test_classes}，而 {train} 的类别是 {classes}：两者需要相同的类别子文件夹</translation>
    </message>
    <message>
        <source>No images found under {folder}: expected {layout} ({error})</source>
        <translation>{folder} 下没有找到图像：应为{layout}（{error}）</translation>
    </message>
    <message>
        <source>{path} is {width}×{height}, the first image is {first_width}×{first_height}: set resize to give them one size</source>
        <translation>{path} 为 {width}×{height}，而第一张图像为 {first_width}×{first_height}：请设置缩放尺寸，使它们大小一致</translation>
    </message>
    <message>
        <source>Could not read the image {path}: it declares more pixels than the {pixels} pixels that can be decoded safely; shrink it or take it out of the folder</source>
        <translation>无法读取图像 {path}：它声明的像素超过可安全解码的 {pixels} 像素；请缩小它，或将它移出文件夹</translation>
    </message>
    <message>
        <source>Could not read the image {path}: it declares more pixels than the number that can be decoded safely; shrink it or take it out of the folder</source>
        <translation>无法读取图像 {path}：它声明的像素超过可安全解码的数量；请缩小它，或将它移出文件夹</translation>
    </message>
    <message>
        <source>Could not read the image {path}: it is corrupt or not in an image format that can be read; replace it or take it out of the folder</source>
        <translation>无法读取图像 {path}：它已损坏，或不是可读取的图像格式；请替换它，或将它移出文件夹</translation>
    </message>
    <message>
        <source>Could not read the image {path} ({error}): replace it or take it out of the folder</source>
        <translation>无法读取图像 {path}（{error}）：请替换它，或将它移出文件夹</translation>
    </message>
    <message>
        <source>{count} of the {total} images under {folder} cannot be read, more than the {share} that are left out ({named}): {error}</source>
        <translation>{folder} 下的 {total} 张图像中有 {count} 张无法读取，超过了可跳过的 {share}（{named}）：{error}</translation>
    </message>
    <message>
        <source>left out 1 unreadable image of {total} under {folder} (up to {share} are left out): {named}</source>
        <translation>跳过了 {folder} 下 {total} 张图像中 1 张无法读取的图像（最多跳过 {share}）：{named}</translation>
    </message>
    <message>
        <source>left out {count} unreadable images of {total} under {folder} (up to {share} are left out): {named}</source>
        <translation>跳过了 {folder} 下 {total} 张图像中 {count} 张无法读取的图像（最多跳过 {share}）：{named}</translation>
    </message>
    <message>
        <source>None of the {count} images sampled for the normalisation statistics can be read: replace them, or take them out of the folder</source>
        <translation>为计算标准化统计量抽取的 {count} 张图像都无法读取：请替换它们，或将它们移出文件夹</translation>
    </message>
    <message>
        <source>mean/std from {sample} of {train} training images</source>
        <translation>均值/标准差取自 {train} 张训练图像中的 {sample} 张</translation>
    </message>
    <message>
        <source>Could not download {name} into {folder}: {error}. Without a network, put the files there by hand.</source>
        <translation>无法将 {name} 下载到 {folder}：{error}。没有网络时，请手动将文件放到那里。</translation>
    </message>
    <message>
        <source>{name}: {path} holds the label {label}, but {name} has only {classes} classes (0 to {last}): replace it with the original file</source>
        <translation>{name}：{path} 含有标签 {label}，但 {name} 只有 {classes} 个类别（0 到 {last}）：请用原始文件替换它</translation>
    </message>
    <message>
        <source>{name}: the files under {folder} are not valid IDX files ({error}): replace them with the original files</source>
        <translation>{name}：{folder} 下的文件不是有效的 IDX 文件（{error}）：请用原始文件替换它们</translation>
    </message>
    <message>
        <source>{file} (or {file}.gz)</source>
        <extracomment>One expected file, packed or not: &quot;train-images-idx3-ubyte (or train-images-idx3-ubyte.gz)&quot;.</extracomment>
        <translation>{file}（或 {file}.gz）</translation>
    </message>
    <message>
        <source>{name} not found under {folder}: expected {expected}. Put the files there</source>
        <translation>在 {folder} 下找不到 {name}：应有 {expected}。请将文件放到那里</translation>
    </message>
    <message>
        <source>{name}: {path} holds {images} images but {labels_file} holds {labels} labels: the two files do not belong together; replace them with a matching pair</source>
        <translation>{name}：{path} 有 {images} 张图像，而 {labels_file} 有 {labels} 个标签：这两个文件不配套；请换成配套的一对</translation>
    </message>
    <message>
        <source>{name}: could not read {path} ({error})</source>
        <translation>{name}：无法读取 {path}（{error}）</translation>
    </message>
    <message>
        <source>the file ends before image {index}</source>
        <extracomment>The error of `IDX_UNREADABLE` when an images file is cut short.</extracomment>
        <translation>文件在第 {index} 张图像之前就结束了</translation>
    </message>
    <message>
        <source>{name}: {path} is empty: replace it with the original file</source>
        <translation>{name}：{path} 为空：请用原始文件替换它</translation>
    </message>
    <message>
        <source>{name}: {path} is not an IDX file of {rank}-dimensional unsigned bytes (its header is {header}): replace it with the original file</source>
        <translation>{name}：{path} 不是 {rank} 维无符号字节的 IDX 文件（其文件头为 {header}）：请用原始文件替换它</translation>
    </message>
    <message>
        <source>{name}: {path} is not an IDX file of {rank}-dimensional unsigned bytes (its header is missing): replace it with the original file</source>
        <translation>{name}：{path} 不是 {rank} 维无符号字节的 IDX 文件（缺少文件头）：请用原始文件替换它</translation>
    </message>
    <message>
        <source>{name}: {path} ends inside its header ({size} bytes): replace it with the original file</source>
        <translation>{name}：{path} 在文件头内就结束了（{size} 字节）：请用原始文件替换它</translation>
    </message>
    <message>
        <source>{name}: {path} declares {shape} values ({expected} bytes with its header) but has {size} bytes: it is truncated or damaged; replace it with the original file</source>
        <translation>{name}：{path} 声明有 {shape} 个值（连同文件头 {expected} 字节），实际却有 {size} 字节：文件被截断或已损坏；请用原始文件替换它</translation>
    </message>
    <message>
        <source>Could not unpack {archive}: {error}</source>
        <translation>无法解压 {archive}：{error}</translation>
    </message>
    <message>
        <source>{name}: the files under {folder} do not match the official CIFAR-10 checksums ({error}). Replace them with the contents of {archive}</source>
        <translation>{name}：{folder} 下的文件与 CIFAR-10 官方校验和不符（{error}）。请用 {archive} 的内容替换它们</translation>
    </message>
    <message>
        <source>{name}: could not read {path} ({error}): check that the files can be read</source>
        <translation>{name}：无法读取 {path}（{error}）：请检查这些文件是否可读</translation>
    </message>
    <message>
        <source>{name} not found under {folder}: expected {files} (the contents of {archive}). Put the files there (or the archive in {root})</source>
        <translation>在 {folder} 下找不到 {name}：应有 {files}（{archive} 的内容）。请将文件放到那里（或将压缩包放到 {root}）</translation>
    </message>
    <message>
        <source>could not write the temporary copy of the data to stream it ({error}, in {folder}): free some disk space there, or raise the memory budget</source>
        <translation>无法写入用于流式读取的数据临时副本（{error}，位于 {folder}）：请释放那里的磁盘空间，或提高内存预算</translation>
    </message>
    <message>
        <source>{reason}; the numbers copied once to a temporary file</source>
        <translation>{reason}；数值已一次性复制到临时文件</translation>
    </message>
    <message>
        <source>{reason}; the images copied once to a temporary file</source>
        <translation>{reason}；图像已一次性复制到临时文件</translation>
    </message>
    <message>
        <source>the memory budget must be at least 1 MB, got {budget}</source>
        <translation>内存预算至少应为 1 MB，当前为 {budget}</translation>
    </message>
    <message>
        <source>in memory: {name} is always read whole</source>
        <translation>载入内存：{name} 总是整体读取</translation>
    </message>
    <message>
        <source>in memory: {name} is always read whole; the data needs ~{size} in memory</source>
        <translation>载入内存：{name} 总是整体读取；数据约需 {size} 内存</translation>
    </message>
    <message>
        <source>streaming from disk: the data settings ask for it</source>
        <translation>从磁盘流式读取：数据设置要求如此</translation>
    </message>
    <message>
        <source>streaming from disk: the data settings ask for it (the data needs ~{size} in memory)</source>
        <translation>从磁盘流式读取：数据设置要求如此（数据约需 {size} 内存）</translation>
    </message>
    <message>
        <source>in memory: the data settings turn streaming off</source>
        <translation>载入内存：数据设置关闭了流式读取</translation>
    </message>
    <message>
        <source>in memory: the data settings turn streaming off (the data needs ~{size} in memory)</source>
        <translation>载入内存：数据设置关闭了流式读取（数据约需 {size} 内存）</translation>
    </message>
    <message>
        <source>in memory: the data settings turn streaming off (the data needs ~{size} in memory, over the {budget} budget)</source>
        <translation>载入内存：数据设置关闭了流式读取（数据约需 {size} 内存，超出 {budget} 的预算）</translation>
    </message>
    <message>
        <source>streaming from disk: the data needs ~{size} in memory, over the {budget} budget</source>
        <translation>从磁盘流式读取：数据约需 {size} 内存，超出 {budget} 的预算</translation>
    </message>
    <message>
        <source>in memory: the data needs ~{size} in memory, within the {budget} budget</source>
        <translation>载入内存：数据约需 {size} 内存，在 {budget} 的预算之内</translation>
    </message>
    <message>
        <source>in memory: its size is not known</source>
        <translation>载入内存：数据大小未知</translation>
    </message>
    <message>
        <source>the decoded-image cache is off: its folder {folder} cannot be used ({error})</source>
        <translation>解码图像缓存已关闭：无法使用其文件夹 {folder}（{error}）</translation>
    </message>
    <message>
        <source>the decoded-image cache is off: the decoded images need ~{size} on disk and only {usable} can be used at {folder} (it keeps {share} of the disk free); every epoch decodes the images again</source>
        <translation>解码图像缓存已关闭：解码后的图像约需 {size} 磁盘空间，而 {folder} 只有 {usable} 可用（缓存会保留 {share} 的磁盘空闲）；每个轮次都会重新解码图像</translation>
    </message>
    <message>
        <source>decoded images cached on disk in {folder} (~{size})</source>
        <translation>解码后的图像缓存在磁盘上的 {folder}（约 {size}）</translation>
    </message>
    <message>
        <source>{what}: {done} / {total} files</source>
        <translation>{what}：{done} / {total} 个文件</translation>
    </message>
    <message>
        <source>{what}: {done} / {total} files · ETA {eta}</source>
        <translation>{what}：{done} / {total} 个文件 · 预计剩余 {eta}</translation>
    </message>
    <message>
        <source>{what}: {done} / {total} images</source>
        <translation>{what}：{done} / {total} 张图像</translation>
    </message>
    <message>
        <source>{what}: {done} / {total} images · ETA {eta}</source>
        <translation>{what}：{done} / {total} 张图像 · 预计剩余 {eta}</translation>
    </message>
    <message>
        <source>{what}: {done} / {total} rows</source>
        <translation>{what}：{done} / {total} 行</translation>
    </message>
    <message>
        <source>{what}: {done} / {total} rows · ETA {eta}</source>
        <translation>{what}：{done} / {total} 行 · 预计剩余 {eta}</translation>
    </message>
    <message>
        <source>decoding images</source>
        <translation>正在解码图像</translation>
    </message>
    <message>
        <source>reading {name}</source>
        <extracomment>Reading a source&apos;s files (&quot;MNIST&quot;, &quot;CIFAR-10&quot;) or one file (&quot;data.csv&quot;).</extracomment>
        <translation>正在读取 {name}</translation>
    </message>
    <message>
        <source>normalisation statistics</source>
        <translation>标准化统计量</translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message>
        <source>CUDA was asked for but no CUDA GPU is available here: choose the device auto or cpu</source>
        <translation>要求使用 CUDA，但这里没有可用的 CUDA GPU：请选择设备 auto 或 cpu</translation>
    </message>
    <message>
        <source>MPS was asked for but this machine has no Apple GPU: use cpu</source>
        <translation>要求使用 MPS，但这台机器没有 Apple GPU：请使用 cpu</translation>
    </message>
    <message>
        <source>unknown device {choice}: use auto, cpu, cuda or mps</source>
        <translation>未知的设备 {choice}：请使用 auto、cpu、cuda 或 mps</translation>
    </message>
</context>
<context>
    <name>DistributedRuns</name>
    <message>
        <source>another process of the distributed run stopped ({error}): its own error output says why; the run&apos;s figures so far are kept</source>
        <extracomment>A process of the run ended (or lost its connection) without saying why where this one could read it: its own error output says.</extracomment>
        <translation>分布式训练的另一个进程已停止（{error}）：原因见该进程自己的错误输出；这次训练到目前为止的指标已保留</translation>
    </message>
</context>
<context>
    <name>FitMessages</name>
    <message>
        <source>the Input</source>
        <extracomment>Who takes the data when the Input&apos;s label is not known.</extracomment>
        <translation>输入（Input）节点</translation>
    </message>
    <message>
        <source>1 value</source>
        <translation>1 个值</translation>
    </message>
    <message>
        <source>{count} values</source>
        <translation>{count} 个值</translation>
    </message>
    <message>
        <source>{label} takes {shape} ({want} values) but the data&apos;s samples are {data_shape} ({have} values): clear its shape to follow the data, or set it to {dims}</source>
        <translation>{label} 接受 {shape}（{want} 个值），但数据的样本是 {data_shape}（{have} 个值）：请清空它的形状以跟随数据，或把它设为 {dims}</translation>
    </message>
    <message>
        <source>Reconstruction compares the output with the input&apos;s {want} values but the output gives {have}: make the last layer give {want} values</source>
        <translation>重建会把输出与输入的 {want} 个值比较，但输出给出 {have}：请让最后一层给出 {want} 个值</translation>
    </message>
    <message>
        <source>{loss} needs class labels but the task is regression: choose MSE, L1 or Huber</source>
        <translation>{loss} 需要类别标签，但任务是回归：请选择 MSE、L1 或 Huber</translation>
    </message>
    <message>
        <source>{loss} needs one score per class: the data has {classes} classes but the output gives {have}: set the last Linear to {classes} units</source>
        <translation>{loss} 需要每个类别一个分数：数据有 {classes} 个类别，但输出给出 {have}：请把最后一个 Linear 设为 {classes} 个单元</translation>
    </message>
    <message>
        <source>{loss} needs one score per class: the data has {classes} classes but the output gives {have}: set the last Linear to {classes} units, or use bce_with_logits with 1 unit</source>
        <translation>{loss} 需要每个类别一个分数：数据有 {classes} 个类别，但输出给出 {have}：请把最后一个 Linear 设为 {classes} 个单元，或改用 bce_with_logits 配 1 个单元</translation>
    </message>
    <message>
        <source>{loss} needs one score per class: the data has {classes} classes but the output gives {have} (one unit cannot tell classes apart): set the last Linear to {classes} units</source>
        <translation>{loss} 需要每个类别一个分数：数据有 {classes} 个类别，但输出给出 {have}（一个单元无法区分类别）：请把最后一个 Linear 设为 {classes} 个单元</translation>
    </message>
    <message>
        <source>{loss} needs one score per class: the data has {classes} classes but the output gives {have} (one unit cannot tell classes apart): set the last Linear to {classes} units, or use bce_with_logits with 1 unit</source>
        <translation>{loss} 需要每个类别一个分数：数据有 {classes} 个类别，但输出给出 {have}（一个单元无法区分类别）：请把最后一个 Linear 设为 {classes} 个单元，或改用 bce_with_logits 配 1 个单元</translation>
    </message>
    <message>
        <source>{loss} compares one value per class: the data has {classes} classes but the output gives {have}: {fix}</source>
        <translation>{loss} 按每个类别一个值进行比较：数据有 {classes} 个类别，但输出给出 {have}：{fix}</translation>
    </message>
    <message>
        <source>set the last Linear to 1 unit (or 2, one per class)</source>
        <translation>请把最后一个 Linear 设为 1 个单元（或 2 个，每个类别一个）</translation>
    </message>
    <message>
        <source>set the last Linear to {classes} units, or use cross_entropy</source>
        <translation>请把最后一个 Linear 设为 {classes} 个单元，或改用 cross_entropy</translation>
    </message>
    <message>
        <source>The data has 1 target value per sample but the output gives {have}: set the last Linear to 1 unit</source>
        <translation>数据每个样本有 1 个目标值，但输出给出 {have}：请把最后一个 Linear 设为 1 个单元</translation>
    </message>
    <message>
        <source>The data has {count} target values per sample but the output gives {have}: set the last Linear to {count} units</source>
        <translation>数据每个样本有 {count} 个目标值，但输出给出 {have}：请把最后一个 Linear 设为 {count} 个单元</translation>
    </message>
    <message>
        <source>no node &apos;{id}&apos; in the network</source>
        <translation>网络中没有节点 &apos;{id}&apos;</translation>
    </message>
    <message>
        <source>{node} has no units to fit to the data: choose a Linear layer</source>
        <translation>{node} 没有可适配数据的单元：请选择一个 Linear 层</translation>
    </message>
    <message>
        <source>the network has no Linear layer to fit to the data: add one</source>
        <translation>网络中没有可适配数据的 Linear 层：请添加一个</translation>
    </message>
    <message>
        <source>the project&apos;s settings are not valid: {error}</source>
        <translation>项目的设置无效：{error}</translation>
    </message>
    <message>
        <source>the network reconstructs its input: its last layer gives the input&apos;s values back, not one value per class</source>
        <translation>这个网络重建它的输入：最后一层给出的是输入的值，而不是每个类别一个值</translation>
    </message>
    <message>
        <source>the data has {classes} classes</source>
        <translation>数据有 {classes} 个类别</translation>
    </message>
    <message>
        <source>the data has 1 target value per sample</source>
        <translation>数据每个样本有 1 个目标值</translation>
    </message>
    <message>
        <source>the data has {count} target values per sample</source>
        <translation>数据每个样本有 {count} 个目标值</translation>
    </message>
    <message>
        <source>nesterov needs the SGD optimizer with momentum above 0</source>
        <translation>nesterov 需要 SGD 优化器且动量大于 0</translation>
    </message>
    <message>
        <source>the generator and the discriminator must be two networks: name another one</source>
        <translation>生成器和判别器必须是两个不同的网络：请另选一个网络</translation>
    </message>
</context>
<context>
    <name>Graph</name>
    <message>
        <source>none</source>
        <extracomment>The ports of a node that has none, in &quot;(inputs: none)&quot;.</extracomment>
        <translation>无</translation>
    </message>
    <message>
        <source>there is no node &apos;{id}&apos;</source>
        <translation>没有节点 &apos;{id}&apos;</translation>
    </message>
    <message>
        <source>there is no node named &apos;{name}&apos;</source>
        <translation>没有名为 &apos;{name}&apos; 的节点</translation>
    </message>
    <message>
        <source>the graph has a cycle</source>
        <translation>网络图中有环路</translation>
    </message>
    <message>
        <source>there is no node or wire {item}</source>
        <translation>没有节点或连线 {item}</translation>
    </message>
    <message>
        <source>a node with id &apos;{id}&apos; already exists</source>
        <translation>id 为 &apos;{id}&apos; 的节点已存在</translation>
    </message>
    <message>
        <source>node id &apos;{id}&apos; may hold only letters, digits, &apos;_&apos;, &apos;-&apos; and &apos;.&apos;, and must start with a letter or &apos;_&apos;</source>
        <translation>节点 id &apos;{id}&apos; 只能包含字母、数字、&apos;_&apos;、&apos;-&apos; 和 &apos;.&apos;，并且必须以字母或 &apos;_&apos; 开头</translation>
    </message>
    <message>
        <source>{node} has no output port &apos;{port}&apos; (outputs: {ports})</source>
        <translation>{node} 没有输出端口 &apos;{port}&apos;（输出端口：{ports}）</translation>
    </message>
    <message>
        <source>{node} has no input port &apos;{port}&apos; (inputs: {ports})</source>
        <translation>{node} 没有输入端口 &apos;{port}&apos;（输入端口：{ports}）</translation>
    </message>
    <message>
        <source>{node} cannot feed itself</source>
        <translation>{node} 不能连到它自己</translation>
    </message>
    <message>
        <source>input &apos;{port}&apos; of {node} is already wired from &apos;{wired_from}&apos;: remove that wire first</source>
        <translation>{node} 的输入 &apos;{port}&apos; 已经连着 &apos;{wired_from}&apos;：请先删除那条连线</translation>
    </message>
    <message>
        <source>wiring {source} into {target} would make a cycle: &apos;{target_name}&apos; already feeds &apos;{source_name}&apos;</source>
        <translation>把 {source} 连到 {target} 会形成环路：&apos;{target_name}&apos; 已经流向 &apos;{source_name}&apos;</translation>
    </message>
    <message>
        <source>there is no wire {edge}</source>
        <translation>没有连线 {edge}</translation>
    </message>
    <message>
        <source>position ({x}, {y}) is not a finite point</source>
        <translation>位置 ({x}, {y}) 不是有限的坐标点</translation>
    </message>
    <message>
        <source>unknown layer type {type}</source>
        <translation>未知的层类型 {type}</translation>
    </message>
    <message>
        <source>unknown layer type {type}; did you mean &apos;{close}&apos;?</source>
        <translation>未知的层类型 {type}；是不是指 &apos;{close}&apos;？</translation>
    </message>
</context>
<context>
    <name>HealthWarnings</name>
    <message>
        <source>{node}: {percent} % of outputs have been zero since epoch {epoch} — lower the learning rate or try LeakyReLU</source>
        <extracomment>Layers whose exact zeros mean a unit stopped learning. The warnings&apos; words (`netstudio.core.messages`: the CLI prints the English, the Training health list shows them translated; health.json keeps their codes and arguments). node: the node&apos;s name; percent: a figure without its percent sign (&quot;92&quot;, &quot;&gt;99&quot;); norm and times: numbers as `_number` and `_times` write them.</extracomment>
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
    <name>Modules</name>
    <message>
        <source>inputs of shapes {shapes} cannot be multiplied: give them one rank, and each dimension the same size or 1</source>
        <translation>形状为 {shapes} 的输入不能相乘：请让它们的维数相同，并且每个维度大小相同或为 1</translation>
    </message>
    <message>
        <source>dims {dims} must order 0 .. {last}, each once, with 0 (the batch) first</source>
        <translation>dims {dims} 必须是 0 .. {last} 的一个排列，每个数出现一次，并且 0（批次维度）在最前</translation>
    </message>
    <message>
        <source>dims {dims} order {count} dimensions but the input has {rank} (the batch included): give one number per dimension</source>
        <translation>dims {dims} 排列的是 {count} 个维度，但输入有 {rank} 个维度（包括批次维度）：请为每个维度给出一个数</translation>
    </message>
    <message>
        <source>p must be in [0, 1] and mode &apos;row&apos; or &apos;batch&apos;, got {p}, {mode}</source>
        <translation>p 必须在 [0, 1] 之间，mode 必须是 &apos;row&apos; 或 &apos;batch&apos;，当前为 {p}, {mode}</translation>
    </message>
    <message>
        <source>{function}: an argument refers to input {index}, but there are only {inputs} input(s)</source>
        <translation>{function}：有一个参数引用了输入 {index}，但只有 {inputs} 个输入</translation>
    </message>
    <message>
        <source>function {function} is not allowed: use a public function of {namespaces} or a tensor method written &apos;method:&lt;name&gt;&apos;</source>
        <translation>不允许使用函数 {function}：请使用 {namespaces} 中的公开函数，或写成 &apos;method:&lt;name&gt;&apos; 的张量方法</translation>
    </message>
    <message>
        <source>tensors have no method {method}</source>
        <translation>张量没有方法 {method}</translation>
    </message>
    <message>
        <source>{namespace} has no function {function}</source>
        <translation>{namespace} 中没有函数 {function}</translation>
    </message>
    <message>
        <source>{what} is not valid JSON ({error} at column {column})</source>
        <translation>{what} 不是有效的 JSON（第 {column} 列：{error}）</translation>
    </message>
    <message>
        <source>{what} must be a JSON list</source>
        <translation>{what} 必须是 JSON 列表</translation>
    </message>
    <message>
        <source>{what} must be a JSON object</source>
        <translation>{what} 必须是 JSON 对象</translation>
    </message>
    <message>
        <source>{{&apos;$input&apos;: {value}}} must name an input by number</source>
        <translation>{{&apos;$input&apos;: {value}}} 必须用编号指明一个输入</translation>
    </message>
    <message>
        <source>{value} is not a torch dtype</source>
        <translation>{value} 不是 torch 的数据类型（dtype）</translation>
    </message>
</context>
<context>
    <name>NodeNames</name>
    <message>
        <source>a node needs a name</source>
        <translation>节点需要一个名称</translation>
    </message>
    <message>
        <source>a node name must be one line of printable text</source>
        <translation>节点名称必须是一行可打印的文字</translation>
    </message>
    <message>
        <source>the name &apos;{start}…&apos; is longer than 64 characters</source>
        <translation>名称 &apos;{start}…&apos; 超过了 64 个字符</translation>
    </message>
    <message>
        <source>another node is already named &apos;{name}&apos;</source>
        <translation>已有另一个节点名为 &apos;{name}&apos;</translation>
    </message>
</context>
<context>
    <name>Parameters</name>
    <message>
        <source>{owner}: {problem}</source>
        <extracomment>A problem of a node&apos;s parameter, with the node it belongs to in front.</extracomment>
        <translation>{owner}：{problem}</translation>
    </message>
    <message>
        <source>&apos;{param}&apos; needs a value ({doc})</source>
        <translation>&apos;{param}&apos; 需要一个值（{doc}）</translation>
    </message>
    <message>
        <source>&apos;{param}&apos; must be true or false, got {value}</source>
        <translation>&apos;{param}&apos; 必须是 true 或 false，当前为 {value}</translation>
    </message>
    <message>
        <source>&apos;{param}&apos; must be one of {options}, got {value}</source>
        <translation>&apos;{param}&apos; 必须是 {options} 之一，当前为 {value}</translation>
    </message>
    <message>
        <source>&apos;{param}&apos; must be text, got {value}</source>
        <translation>&apos;{param}&apos; 必须是文字，当前为 {value}</translation>
    </message>
    <message>
        <source>&apos;{param}&apos; must be a whole number, got {value}</source>
        <translation>&apos;{param}&apos; 必须是整数，当前为 {value}</translation>
    </message>
    <message>
        <source>&apos;{param}&apos; must be a number, got {value}</source>
        <translation>&apos;{param}&apos; 必须是数字，当前为 {value}</translation>
    </message>
    <message>
        <source>&apos;{param}&apos; must be finite, got {value}</source>
        <translation>&apos;{param}&apos; 必须是有限的数，当前为 {value}</translation>
    </message>
    <message>
        <source>&apos;{param}&apos; must be at least {minimum}, got {value}</source>
        <translation>&apos;{param}&apos; 不能小于 {minimum}，当前为 {value}</translation>
    </message>
    <message>
        <source>&apos;{param}&apos; must be at least {minimum}, got {value}: choose a value from {low} to {high}</source>
        <translation>&apos;{param}&apos; 不能小于 {minimum}，当前为 {value}：请选择 {low} 到 {high} 之间的值</translation>
    </message>
    <message>
        <source>&apos;{param}&apos; must be at most {maximum}, got {value}</source>
        <translation>&apos;{param}&apos; 不能大于 {maximum}，当前为 {value}</translation>
    </message>
    <message>
        <source>&apos;{param}&apos; must be at most {maximum}, got {value}: choose a value from {low} to {high}</source>
        <translation>&apos;{param}&apos; 不能大于 {maximum}，当前为 {value}：请选择 {low} 到 {high} 之间的值</translation>
    </message>
    <message>
        <source>&apos;{param}&apos; must be a list of numbers, got {value}</source>
        <translation>&apos;{param}&apos; 必须是一组数字，当前为 {value}</translation>
    </message>
    <message>
        <source>&apos;{param}&apos; must have {length} values, got {count}</source>
        <translation>&apos;{param}&apos; 必须有 {length} 个值，当前有 {count} 个</translation>
    </message>
    <message>
        <source>&apos;{param}&apos; needs at least {length} value(s)</source>
        <translation>&apos;{param}&apos; 至少需要 {length} 个值</translation>
    </message>
    <message>
        <source>&apos;{param}&apos; takes at most {length} values, got {count}</source>
        <translation>&apos;{param}&apos; 最多接受 {length} 个值，当前有 {count} 个</translation>
    </message>
    <message>
        <source>{layer} has no parameter &apos;{param}&apos;; did you mean &apos;{close}&apos;? (parameters: {options})</source>
        <extracomment>A parameter name the layer type does not have; `close`: the nearest one it has.</extracomment>
        <translation>{layer} 没有参数 &apos;{param}&apos;；是不是指 &apos;{close}&apos;？（它的参数：{options}）</translation>
    </message>
    <message>
        <source>{layer} has no parameter &apos;{param}&apos; (parameters: {options})</source>
        <translation>{layer} 没有参数 &apos;{param}&apos;（它的参数：{options}）</translation>
    </message>
    <message>
        <source>{layer} has no parameter &apos;{param}&apos; (parameters: none)</source>
        <translation>{layer} 没有参数 &apos;{param}&apos;（它没有任何参数）</translation>
    </message>
    <message>
        <source>{owner}: input &apos;{port}&apos; still has a wire; remove it before lowering the number of inputs</source>
        <translation>{owner}：输入端口 &apos;{port}&apos; 上仍有连线：请先删除这条连线，再减少输入数</translation>
    </message>
</context>
<context>
    <name>Previews</name>
    <message>
        <source>the network has {count} Inputs: give the sample as tensors by Input node id</source>
        <translation>网络有 {count} 个输入（Input）节点：请按输入（Input）节点 id 分别给出样本的张量</translation>
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
    <message>
        <source>the graph is nested too deeply</source>
        <translation>网络图嵌套得太深</translation>
    </message>
    <message>
        <source>the project holds a value a .net file cannot store: {error}</source>
        <translation>项目中有一个 .net 文件无法保存的值：{error}</translation>
    </message>
    <message>
        <source>the project holds text a .net file cannot store (a lone surrogate, half of a character pair) at {where}: retype that text</source>
        <translation>项目在 {where} 处有 .net 文件无法保存的文本（孤立的代理字符，即字符对的一半）：请重新输入这段文本</translation>
    </message>
    <message>
        <source>the project cannot be saved: {problem}: correct it and save again</source>
        <translation>无法保存项目：{problem}：请改正后再保存</translation>
    </message>
    <message>
        <source>the project cannot be saved: {problem} (and 1 more problem): correct it and save again</source>
        <translation>无法保存项目：{problem}（还有 1 个问题）：请改正后再保存</translation>
    </message>
    <message>
        <source>the project cannot be saved: {problem} (and {more} more problems): correct it and save again</source>
        <translation>无法保存项目：{problem}（还有 {more} 个问题）：请改正后再保存</translation>
    </message>
    <message>
        <source>{name} is not a JSON number</source>
        <translation>{name} 不是 JSON 数字</translation>
    </message>
    <message>
        <source>{text} is too large a number</source>
        <translation>{text} 这个数太大了</translation>
    </message>
    <message>
        <source>{path}: {message}</source>
        <translation>{path}：{message}</translation>
    </message>
    <message>
        <source>{file}: {problem}</source>
        <translation>{file}：{problem}</translation>
    </message>
    <message>
        <source>unreadable project file</source>
        <translation>无法读取的项目文件</translation>
    </message>
    <message>
        <source>{problem} (and 1 more problem)</source>
        <translation>{problem}（另有 1 个问题）</translation>
    </message>
    <message>
        <source>{problem} (and {count} more problems)</source>
        <translation>{problem}（另有 {count} 个问题）</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>一个对象</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>一个列表</translation>
    </message>
    <message>
        <source>missing: this key is required</source>
        <translation>缺少：此键是必需的</translation>
    </message>
    <message>
        <source>unknown key (keys here: {keys})</source>
        <translation>未知的键（此处的键：{keys}）</translation>
    </message>
    <message>
        <source>unknown key; did you mean &apos;{close}&apos;? (keys here: {keys})</source>
        <translation>未知的键；是不是指 &apos;{close}&apos;？（此处的键：{keys}）</translation>
    </message>
    <message>
        <source>unknown key (keys here: none)</source>
        <translation>未知的键（此处没有键）</translation>
    </message>
    <message>
        <source>must be text, got {value}</source>
        <translation>必须是文本，当前为 {value}</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>must be a whole number, got {value}</source>
        <translation>必须是整数，当前为 {value}</translation>
    </message>
    <message>
        <source>must be a number, got {value}</source>
        <translation>必须是数字，当前为 {value}</translation>
    </message>
    <message>
        <source>must be a finite number, got {value}</source>
        <translation>必须是有限数，当前为 {value}</translation>
    </message>
    <message>
        <source>must be true or false, got {value}</source>
        <translation>必须是 true 或 false，当前为 {value}</translation>
    </message>
    <message>
        <source>must be an object {{...}}, got {value}</source>
        <translation>必须是对象 {{...}}，当前为 {value}</translation>
    </message>
    <message>
        <source>must be a list [...], got {value}</source>
        <translation>必须是列表 [...]，当前为 {value}</translation>
    </message>
    <message>
        <source>needs {count} items, got {actual}</source>
        <translation>需要 {count} 项，当前为 {actual} 项</translation>
    </message>
    <message>
        <source>takes {count} items, got {actual}</source>
        <translation>最多 {count} 项，当前为 {actual} 项</translation>
    </message>
    <message>
        <source>must be {expected}, got {value}</source>
        <translation>必须是 {expected}，当前为 {value}</translation>
    </message>
    <message>
        <source>must be greater than {limit}, got {value}</source>
        <translation>必须大于 {limit}，当前为 {value}</translation>
    </message>
    <message>
        <source>must be at least {limit}, got {value}</source>
        <translation>必须至少为 {limit}，当前为 {value}</translation>
    </message>
    <message>
        <source>must be less than {limit}, got {value}</source>
        <translation>必须小于 {limit}，当前为 {value}</translation>
    </message>
    <message>
        <source>must be at most {limit}, got {value}</source>
        <translation>必须至多为 {limit}，当前为 {value}</translation>
    </message>
    <message>
        <source>{error}, got {value}</source>
        <extracomment>A check NetStudio has no sentence for: pydantic&apos;s (or a validator&apos;s) own words.</extracomment>
        <translation>{error}，当前为 {value}</translation>
    </message>
    <message>
        <source>another node ({first}) already has the id &apos;{id}&apos;</source>
        <translation>另一个节点（{first}）已使用 id &apos;{id}&apos;</translation>
    </message>
    <message>
        <source>another node ({first}) is already named &apos;{name}&apos;</source>
        <translation>另一个节点（{first}）已命名为 &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>a node with id &apos;{id}&apos; already exists</source>
        <translation>id 为 &apos;{id}&apos; 的节点已存在</translation>
    </message>
    <message>
        <source>there is no node &apos;{id}&apos;</source>
        <translation>没有节点 &apos;{id}&apos;</translation>
    </message>
    <message>
        <source>input &apos;{port}&apos; of {node} is already wired from &apos;{source}&apos;: an input takes one wire</source>
        <translation>{node} 的输入 &apos;{port}&apos; 已连接自 &apos;{source}&apos;：一个输入只能接一条连线</translation>
    </message>
    <message>
        <source>input &apos;{port}&apos; of {node} is already wired from &apos;{source}&apos; ({at}): an input takes one wire</source>
        <translation>{node} 的输入 &apos;{port}&apos; 已连接自 &apos;{source}&apos;（{at}）：一个输入只能接一条连线</translation>
    </message>
    <message>
        <source>the text &quot;{text}&quot; holds a lone surrogate ({code}), half of a character pair, which no file can store (NetStudio shows it as {replacement}): retype this text</source>
        <translation>文本“{text}”含有孤立的代理字符（{code}），即字符对的一半，任何文件都无法保存它（NetStudio 将其显示为 {replacement}）：请重新输入这段文本</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>RunFolders</name>
    <message>
        <source>a run</source>
        <extracomment>A run that has neither a name nor an id.</extracomment>
        <translation>一次训练</translation>
    </message>
    <message>
        <source>{name}: its run folder {where} is missing; its record is kept as is</source>
        <translation>{name}：它的训练记录文件夹 {where} 不见了；训练记录保持原样</translation>
    </message>
    <message>
        <source>{name}: its run folder {folder} could not be moved to {target} ({reason}); the project still names it where it is</source>
        <translation>{name}：它的训练记录文件夹 {folder} 无法移动到 {target}（{reason}）；项目仍指向它原来的位置</translation>
    </message>
    <message>
        <source>{name}: its run folder {folder} could not be copied to {target} ({reason}); the project still names it where it is</source>
        <translation>{name}：它的训练记录文件夹 {folder} 无法复制到 {target}（{reason}）；项目仍指向它原来的位置</translation>
    </message>
</context>
<context>
    <name>SearchChecks</name>
    <message>
        <source>a {task} run records no {metric}: judge the trials by {loss}</source>
        <translation>训练任务为“{task}”时不会记录 {metric}：请改用 {loss} 评判试验</translation>
    </message>
    <message>
        <source>the data keeps no validation split (data.val_fraction is 0), so no run records {metric}: give the split a fraction, or judge the trials by another figure</source>
        <translation>数据没有留出验证集（验证集比例为 0），所以训练不会记录 {metric}：请在“数据”面板中给验证集比例设一个值，或改用其他指标评判试验</translation>
    </message>
    <message>
        <source>the data keeps no test split (data.test_fraction is 0), so no run records {metric}: give the split a fraction, or judge the trials by another figure</source>
        <translation>数据没有留出测试集（测试集比例为 0），所以训练不会记录 {metric}：请在“数据”面板中给测试集比例设一个值，或改用其他指标评判试验</translation>
    </message>
    <message>
        <source>regression</source>
        <extracomment>The tasks, as {task} names them in a sentence (the project&apos;s own word, translated).</extracomment>
        <translation>回归</translation>
    </message>
    <message>
        <source>reconstruction</source>
        <translation>重建</translation>
    </message>
    <message>
        <source>gan</source>
        <translation>GAN</translation>
    </message>
</context>
<context>
    <name>SearchConfig</name>
    <message>
        <source>a value to try is a number, text, or true/false</source>
        <translation>要尝试的值须是数字、文本或 true/false</translation>
    </message>
    <message>
        <source>a list of choices is not on a scale: remove &apos;log&apos;</source>
        <translation>一组选项没有刻度：请移除 &apos;log&apos;</translation>
    </message>
    <message>
        <source>a list of choices takes no step: remove it</source>
        <translation>一组选项不接受步长：请移除它</translation>
    </message>
    <message>
        <source>a log range takes no step: remove the step or make it linear</source>
        <translation>对数刻度的范围不接受步长：请移除步长，或改为线性范围</translation>
    </message>
    <message>
        <source>the step of an int range is a whole number</source>
        <translation>整数范围的步长须是整数</translation>
    </message>
    <message>
        <source>a list of choices has no {end} end: list its values</source>
        <translation>一组选项没有 {end} 端：请列出它的值</translation>
    </message>
    <message>
        <source>a range needs its {end} end</source>
        <extracomment>Reported as pydantic&apos;s &quot;missing&quot; (the file reader says so in its own words).</extracomment>
        <translation>范围需要它的 {end} 端</translation>
    </message>
    <message>
        <source>an int range takes whole numbers: make it a float range</source>
        <translation>整数范围只接受整数：请改为浮点数范围</translation>
    </message>
    <message>
        <source>the range {range} is empty: its low end must be at most its high end (did you mean {suggestion}?)</source>
        <translation>范围 {range} 是空的：下限不能大于上限（是不是指 {suggestion}？）</translation>
    </message>
    <message>
        <source>a log range needs both ends above 0: raise the low end, or make the range linear</source>
        <translation>对数刻度的范围要求下限和上限都大于 0：请调高下限，或改为线性范围</translation>
    </message>
    <message>
        <source>a range takes no list of values: remove it, or make the kind &apos;choice&apos;</source>
        <translation>范围不接受一组取值：请移除它，或把 kind 改为 &apos;choice&apos;</translation>
    </message>
    <message>
        <source>a list of choices needs at least one value</source>
        <translation>一组选项至少需要一个值</translation>
    </message>
    <message>
        <source>{value} is listed twice: list each choice once</source>
        <translation>{value} 列出了两次：每个选项只列一次</translation>
    </message>
    <message>
        <source>{target} names no parameter: write a node&apos;s id and its parameter (&apos;fc1.out_features&apos;) or a setting&apos;s path (&apos;training.optimizer.lr&apos;)</source>
        <translation>{target} 没有指明参数：请写出节点的 id 和它的参数（&apos;fc1.out_features&apos;），或设置项的路径（&apos;training.optimizer.lr&apos;）</translation>
    </message>
    <message>
        <source>the search has no budget: give a number of trials, seconds, or both</source>
        <translation>超参数搜索没有预算：请给出试验次数、秒数，或两者都给</translation>
    </message>
    <message>
        <source>{target} is searched twice: keep one of its entries</source>
        <translation>{target} 被搜索了两次：请只保留其中一项</translation>
    </message>
    <message>
        <source>{target}: the grid sampler tries lists of choices only, and this is a range: list the values to try, or choose the tpe or random sampler</source>
        <translation>{target}：网格采样器只尝试一组选项，而这是一个范围：请列出要尝试的值，或选择 tpe 或 random 采样器</translation>
    </message>
</context>
<context>
    <name>SearchStudy</name>
    <message>
        <source>minimize</source>
        <extracomment>An objective&apos;s direction as a verb, by its value in the project.</extracomment>
        <translation>最小化</translation>
    </message>
    <message>
        <source>maximize</source>
        <translation>最大化</translation>
    </message>
    <message>
        <source>cannot open the study database {database}: its driver ({driver}) is not installed; for PostgreSQL install netstudio[postgres]</source>
        <translation>无法打开搜索数据库 {database}：它的驱动（{driver}）没有安装；使用 PostgreSQL 请安装 netstudio[postgres]</translation>
    </message>
    <message>
        <source>cannot reach the study database {database}: {reason}</source>
        <translation>无法连接搜索数据库 {database}：{reason}</translation>
    </message>
    <message>
        <source>study &apos;{study}&apos; was made to {had_goal} {had}, not to {goal} {metric}: give another study name, or search for its own objective</source>
        <translation>搜索 &apos;{study}&apos; 建立时的目标是{had_goal} {had}，而不是{goal} {metric}：请换一个搜索名称，或按它原来的目标搜索</translation>
    </message>
</context>
<context>
    <name>SearchTargets</name>
    <message>
        <source>none</source>
        <extracomment>A list of names with nothing in it (&quot;its parameters: none&quot;).</extracomment>
        <translation>无</translation>
    </message>
    <message>
        <source>(none)</source>
        <extracomment>A setting path with nothing after ``data.params``.</extracomment>
        <translation>（无）</translation>
    </message>
    <message>
        <source>the search has no parameters: choose at least one value to search</source>
        <translation>超参数搜索没有参数：请至少选择一个要搜索的值</translation>
    </message>
    <message>
        <source>the project cannot be copied for a trial: {error}</source>
        <translation>无法为试验复制项目：{error}</translation>
    </message>
    <message>
        <source>{target}: {problem}</source>
        <extracomment>A problem of one target, with the target in front.</extracomment>
        <translation>{target}：{problem}</translation>
    </message>
    <message>
        <source>{target}: there is no node {node} — remove it from the search or pick another</source>
        <translation>{target}：没有节点 {node}——请把它从超参数搜索中移除，或另选一个</translation>
    </message>
    <message>
        <source>{target}: {owner} has no parameter &apos;{param}&apos; (its parameters: {names}) — remove it from the search or pick another</source>
        <translation>{target}：{owner} 没有参数 &apos;{param}&apos;（它的参数：{names}）——请把它从超参数搜索中移除，或另选一个</translation>
    </message>
    <message>
        <source>{target}: a float range gives values such as {value}, which it does not take ({reason}): use an int range or a list of choices</source>
        <translation>{target}：浮点数范围会给出 {value} 这样的值，而它不接受（{reason}）：请改用整数范围或一组选项</translation>
    </message>
    <message>
        <source>{target}: the low end {value} does not fit: {reason}</source>
        <translation>{target}：下限 {value} 不可用：{reason}</translation>
    </message>
    <message>
        <source>{target}: the high end {value} does not fit: {reason}</source>
        <translation>{target}：上限 {value} 不可用：{reason}</translation>
    </message>
    <message>
        <source>{target}: the choice {value} does not fit: {reason}</source>
        <translation>{target}：选项 {value} 不可用：{reason}</translation>
    </message>
    <message>
        <source>{setting} has no setting &apos;{key}&apos; (its settings: {names}) — remove it from the search or pick another</source>
        <translation>{setting} 没有设置项 &apos;{key}&apos;（它的设置项：{names}）——请把它从超参数搜索中移除，或另选一个</translation>
    </message>
    <message>
        <source>{setting} is a group of settings, not one value: search one of its settings ({names})</source>
        <translation>{setting} 是一组设置，不是单个值：请搜索其中的一项设置（{names}）</translation>
    </message>
    <message>
        <source>the data source is not known: {error}</source>
        <translation>数据源未知：{error}</translation>
    </message>
    <message>
        <source>the data source {source} has no parameter {param} (its parameters: {names}) — remove it from the search or pick another</source>
        <translation>数据源“{source}”没有参数 {param}（它的参数：{names}）——请把它从超参数搜索中移除，或另选一个</translation>
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
        <translation>{node} 需要浮点输入，但收到的是 {dtype} 类型的词元编号：请在 &apos;{name}&apos; 前插入一个 Embedding，或把输入（Input）节点的 dtype 设为 float32</translation>
    </message>
    <message>
        <source>{node} needs integer token ids but gets {dtype}: set the Input&apos;s dtype to int64</source>
        <translation>{node} 需要整数词元编号，但收到的是 {dtype}：请把输入（Input）节点的 dtype 设为 int64</translation>
    </message>
    <message>
        <source>{node} would have {count} parameters ({gib} GiB as float32), more than the {most} one layer may have: make its sizes smaller</source>
        <translation>{node} 将有 {count} 个参数（按 float32 计 {gib} GiB），超过了单层最多 {most} 个参数的限制：请把它的尺寸改小</translation>
    </message>
    <message>
        <source>insert a Flatten before &apos;{name}&apos;</source>
        <translation>请在 &apos;{name}&apos; 前插入一个 Flatten</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; needs {shape} input: set the Input shape to include channels, or insert an Unflatten or Reshape before it</source>
        <translation>&apos;{name}&apos; 需要 {shape} 输入：请让输入（Input）节点的形状包含通道，或在它前面插入 Unflatten 或 Reshape</translation>
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
    <name>StartingWeights</name>
    <message>
        <source>the folder {folder} holds no weights ({names}): choose the folder of a run that finished, or a weights file</source>
        <translation>文件夹 {folder} 中没有权重（{names}）：请选择一次已完成的训练的文件夹，或一个权重文件</translation>
    </message>
    <message>
        <source>{path} was not found</source>
        <translation>找不到 {path}</translation>
    </message>
    <message>
        <source>{file} is not a weights file NetStudio reads: choose a {kinds} file or a run folder</source>
        <translation>{file} 不是 NetStudio 能读取的权重文件：请选择 {kinds} 文件或一个训练记录文件夹</translation>
    </message>
    <message>
        <source>{file} cannot be read: it is damaged or is not a safetensors file ({error})</source>
        <translation>无法读取 {file}：它已损坏，或不是 safetensors 文件（{error}）</translation>
    </message>
    <message>
        <source>{file} cannot be read: it is damaged or is not a PyTorch weights file</source>
        <translation>无法读取 {file}：它已损坏，或不是 PyTorch 权重文件</translation>
    </message>
    <message>
        <source>{file} cannot be read: it is damaged or is not a PyTorch weights file ({error})</source>
        <translation>无法读取 {file}：它已损坏，或不是 PyTorch 权重文件（{error}）</translation>
    </message>
    <message>
        <source>{file} was refused: it holds Python objects other than tensors ({found}: a whole pickled model, or code), and loading those could run code; save the model&apos;s state_dict() with torch.save, or as .safetensors, and load that</source>
        <translation>已拒绝 {file}：它包含张量以外的 Python 对象（{found}：一个整体 pickle 的模型，或代码），加载它们可能会运行代码；请用 torch.save 保存模型的 state_dict()，或保存为 .safetensors，再加载那个文件</translation>
    </message>
    <message>
        <source>{file} holds no tensors by name (a state_dict): save the model&apos;s state_dict() and load that</source>
        <translation>{file} 中没有按名称存放的张量（state_dict）：请保存模型的 state_dict() 再加载它</translation>
    </message>
    <message>
        <source>the project&apos;s starting weights {problem}; load weights again (or delete the file to start from fresh weights)</source>
        <translation>项目的初始权重有问题：{problem}；请重新加载权重（或删除该文件，从新初始化的权重开始）</translation>
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
        <source>on rank {rank}, {failure}</source>
        <extracomment>A failure one process of a distributed run met, as every process reports it.</extracomment>
        <translation>在进程 rank {rank} 上，{failure}</translation>
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
        <translation>数据中有超出 0..{last} 的词元编号：请把 num_embeddings 提高到词表大小</translation>
    </message>
    <message>
        <source>Check {node}&apos;s parameters against the data it gets</source>
        <translation>请对照 {node} 收到的数据检查它的参数</translation>
    </message>
    <message>
        <source>Check that the Input&apos;s shape and dtype match the data</source>
        <translation>请检查输入（Input）节点的形状和 dtype 是否与数据相符</translation>
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
        <translation>训练需要一个恰好有一个输入（Input）节点和一个输出（Output）节点的网络</translation>
    </message>
    <message>
        <source>the data&apos;s samples are {have} ({values} values) but Input &apos;{name}&apos; expects {want}: set the Input shape to {shape}</source>
        <translation>数据的样本是 {have}（{values} 个值），但输入（Input）节点 &apos;{name}&apos; 需要 {want}：请把它的形状设为 {shape}</translation>
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
        <translation>{node} 没有通向任何输出（Output），所以它的结果没有被使用：请把它连到后面的层，或删除它</translation>
    </message>
    <message>
        <source>no Input reaches {node}: it never gets data</source>
        <translation>没有任何输入（Input）能到达 {node}：它永远得不到数据</translation>
    </message>
</context>
</TS>
