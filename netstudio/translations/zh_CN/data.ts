<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AugmentBox</name>
    <message>
        <source>Augmentation (training images)</source>
        <extracomment>A field of the data section changed: its path, the value, and what it is in words.</extracomment>
        <translation>数据增强（训练图像）</translation>
    </message>
    <message>
        <source>Pad by this many pixels, then crop back at a random offset.</source>
        <extracomment>The same words as AugmentConfig&apos;s field descriptions (the file&apos;s reference).</extracomment>
        <translation>先按此像素数填充，再在随机位置裁剪回原尺寸。</translation>
    </message>
    <message>
        <source>crop padding</source>
        <translation>裁剪填充</translation>
    </message>
    <message>
        <source>flip</source>
        <translation>翻转</translation>
    </message>
    <message>
        <source>Mirror left-right</source>
        <translation>左右镜像翻转</translation>
    </message>
    <message>
        <source>Rotate by a random angle in [-degrees, +degrees].</source>
        <translation>按 [-角度, +角度] 内的随机角度旋转。</translation>
    </message>
    <message>
        <source>rotation</source>
        <translation>旋转</translation>
    </message>
    <message>
        <source>Crop padding</source>
        <translation>裁剪填充</translation>
    </message>
    <message>
        <source>Rotation ±</source>
        <translation>旋转 ±</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <comment>a field of the form, what is wrong with it</comment>
        <translation>{field}：{problem}</translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <source>classification</source>
        <extracomment>The sources&apos; settings&apos; choices that are words, shown translated in their combo boxes (`param_editors.ChoiceEditor`: context &quot;Choices&quot;; a layer&apos;s choices are PyTorch&apos;s values and have no entry, so they show as they are).</extracomment>
        <translation>分类</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
</context>
<context>
    <name>DataMessages</name>
    <message>
        <source>choose the folder that holds them with the “…” button beside Folder in the Data panel</source>
        <extracomment>Each fix as the app says it; &quot;{where}&quot; is the Data panel, unless that is where it shows. The same fixes as the person reads them, whole clauses in both places: outside the Data panel (naming it), and in it. `data_error_shown` translates these.</extracomment>
        <translation>请在数据面板中用“文件夹”旁的“…”按钮选择存放它们的文件夹</translation>
    </message>
    <message>
        <source>choose the folder that holds them with the “…” button beside Folder</source>
        <translation>请用“文件夹”旁的“…”按钮选择存放它们的文件夹</translation>
    </message>
    <message>
        <source>tick “download” in the Data panel to fetch them when online</source>
        <translation>请在数据面板中勾选“下载”，联网时自动获取</translation>
    </message>
    <message>
        <source>tick “download” to fetch them when online</source>
        <translation>请勾选“下载”，联网时自动获取</translation>
    </message>
    <message>
        <source>choose the file with the “…” button beside File in the Data panel</source>
        <translation>请在数据面板中用“文件”旁的“…”按钮选择该文件</translation>
    </message>
    <message>
        <source>choose the file with the “…” button beside File</source>
        <translation>请用“文件”旁的“…”按钮选择该文件</translation>
    </message>
    <message>
        <source>save the project (File ▸ Save As…) in the folder its data folder is relative to</source>
        <translation>请把项目保存（文件 ▸ 另存为…）到其数据文件夹相对的那个文件夹中</translation>
    </message>
    <message>
        <source>{fixes}, or {fix}</source>
        <comment>one more way to fix it</comment>
        <translation>{fixes}，或{fix}</translation>
    </message>
    <message>
        <source>{message} {fixes}.</source>
        <comment>what is wrong, then how to fix it</comment>
        <translation>{message} {fixes}。</translation>
    </message>
    <message>
        <source>select a layer on the canvas and turn on Trainable in the Inspector (or Model ▸ Unfreeze Selected Layers)</source>
        <extracomment>Each fix of a failed run as the app says it (English; `training_failure_shown` translates).</extracomment>
        <translation>请在画布上选中一个层，在检查器中打开“可训练”（或用 模型 ▸ 解冻选中的层）</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>Source</source>
        <extracomment>A preview finished loading (or failed: the message); tests and the dock title listen. A preview read without PyTorch ended (drawn, failed, or left to PyTorch after all): the window starts loading torch then. Whether loading may start: the window says so once PyTorch has loaded behind it (importing torch from two threads at once is not safe). The preview being read is read without PyTorch (`early_preview`).</extracomment>
        <translation>数据源</translation>
    </message>
    <message>
        <source>The project&apos;s data settings are not valid: {problem}</source>
        <extracomment>Which way Train will read the data and why (`loading_line`, computed on a worker).</extracomment>
        <translation>项目的数据设置无效：{problem}</translation>
    </message>
    <message>
        <source>data.params must name {source}&apos;s settings, got {value}</source>
        <translation>data.params 应为 {source} 的设置，当前为 {value}</translation>
    </message>
    <message>
        <source>Change {what}</source>
        <comment>an edit of the Data panel, for Undo</comment>
        <translation>更改{what}</translation>
    </message>
    <message>
        <source>Use {source} data</source>
        <comment>for Undo</comment>
        <translation>使用 {source} 数据</translation>
    </message>
    <message>
        <source>Loading… (PyTorch is starting)</source>
        <translation>加载中…（PyTorch 正在启动）</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>{name}: {train} train / {rest} val and test, {shape}, {what}</source>
        <translation>{name}：训练 {train} / 验证和测试 {rest}，{shape}，{what}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln classes</source>
        <translation>
            <numerusform>%Ln 个类别</numerusform>
        </translation>
    </message>
    <message>
        <source>regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>{name}: {train} train / {val} val / {test} test, {shape}, {what}</source>
        <translation>{name}：训练 {train} / 验证 {val} / 测试 {test}，{shape}，{what}</translation>
    </message>
    <message>
        <source>Train: {reason}</source>
        <comment>how Train will read the data</comment>
        <extracomment>Where each shown sample is in the training split, row by row as `samples` (and one per table row); empty where it is not known (an image folder&apos;s sample). Images in the training split and in all (a streamed folder&apos;s plan line names them). Examples in the train, validation and test splits of a source read whole (None: an image folder&apos;s sample, which knows `train_count` and `total` only). The Data panel says `summary` (English, for logs) in the person&apos;s language from these.</extracomment>
        <translation>训练：{reason}</translation>
    </message>
    <message>
        <source>Change the fields marked in red to put this right.</source>
        <translation>请修改标红的字段来纠正。</translation>
    </message>
    <message>
        <source>{line}; {more}</source>
        <comment>one more clause of the line</comment>
        <translation>{line}；{more}</translation>
    </message>
</context>
<context>
    <name>DataPreview</name>
    <message>
        <source>Loading…</source>
        <extracomment>A sample was chosen for the previews: its index in the training split.
----------
Until the augmented images come (they need PyTorch, which an image folder&apos;s preview is drawn without).</extracomment>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>examples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Class balance (training split)</source>
        <translation>类别分布（训练集）</translation>
    </message>
    <message>
        <source>Augmentation (first: original)</source>
        <translation>数据增强（第一张为原图）</translation>
    </message>
    <message>
        <source>Targets (histogram)</source>
        <translation>目标值（直方图）</translation>
    </message>
    <message>
        <source>No augmented images: {error}</source>
        <translation>无法生成增强图像：{error}</translation>
    </message>
    <message>
        <source>Use for Previews</source>
        <translation>用于预览</translation>
    </message>
    <message>
        <source>Show training sample {number} on every layer&apos;s preview</source>
        <translation>在每一层的预览中显示训练样本 {number}</translation>
    </message>
    <message>
        <source>Samples (first {shown} classes of {total})</source>
        <translation>样本（{total} 个类别中的前 {shown} 个）</translation>
    </message>
    <message>
        <source>training sample {number}, {name}
Double-click to show it on every layer&apos;s preview</source>
        <translation>训练样本 {number}，{name}
双击可在每一层的预览中显示它</translation>
    </message>
    <message>
        <source>training sample {number}
Double-click to show it on every layer&apos;s preview</source>
        <translation>训练样本 {number}
双击可在每一层的预览中显示它</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标值</translation>
    </message>
</context>
<context>
    <name>DataSources</name>
    <message>
        <source>1,797 real handwritten digits, 8×8 pixels, 10 classes, bundled with scikit-learn: works offline and trains in seconds.</source>
        <extracomment>Every text of the sources shown in the Data panel (lupdate reads them from here).</extracomment>
        <translation>1,797 张真实手写数字，8×8 像素，10 个类别，随 scikit-learn 附带：无需联网，几秒即可训练完。</translation>
    </message>
    <message>
        <source>Interleaved spiral arms, one per class: not linearly separable.</source>
        <translation>相互交错的螺旋臂，每个类别一条：线性不可分。</translation>
    </message>
    <message>
        <source>Two interleaving half circles.</source>
        <translation>两个相互交错的半圆。</translation>
    </message>
    <message>
        <source>A small circle inside a large one.</source>
        <translation>大圆里套着一个小圆。</translation>
    </message>
    <message>
        <source>Points in the four quadrants; the class is whether x and y share a sign.</source>
        <translation>分布在四个象限的点；类别取决于 x 与 y 是否同号。</translation>
    </message>
    <message>
        <source>Isotropic Gaussian clusters, one per class.</source>
        <translation>各向同性的高斯簇，每个类别一簇。</translation>
    </message>
    <message>
        <source>Noisy sine, square and sawtooth waves (one value per step, random frequency, phase and amplitude): classify the shape. A sequence task for RNN, LSTM and GRU layers.</source>
        <translation>带噪声的正弦波、方波和锯齿波（每步一个值，频率、相位和幅度随机）：识别波形。适合 RNN、LSTM 和 GRU 层的序列任务。</translation>
    </message>
    <message>
        <source>70,000 handwritten digits, 28×28 grey, 10 classes.</source>
        <translation>70,000 张手写数字，28×28 灰度图，10 个类别。</translation>
    </message>
    <message>
        <source>70,000 Zalando clothing images, 28×28 grey, 10 classes (a harder drop-in for MNIST).</source>
        <translation>70,000 张 Zalando 服装图像，28×28 灰度图，10 个类别（可直接替换 MNIST，难度更高）。</translation>
    </message>
    <message>
        <source>70,000 cursive Japanese characters, 28×28 grey, 10 classes.</source>
        <translation>70,000 个日文草书字符，28×28 灰度图，10 个类别。</translation>
    </message>
    <message>
        <source>60,000 colour photos, 32×32, 10 classes (airplane, car, bird, ...).</source>
        <translation>60,000 张彩色照片，32×32，10 个类别（飞机、汽车、鸟……）。</translation>
    </message>
    <message>
        <source>Your own images, one sub-folder per class; train/ and test/ sub-folders give an official test split.</source>
        <translation>你自己的图像，每个类别一个子文件夹；有 train/ 和 test/ 子文件夹时，test/ 即为官方测试集。</translation>
    </message>
    <message>
        <source>A table of numbers: one row per example, a label column and feature columns.</source>
        <translation>一张数值表：每行一个样本，一列标签，其余为特征列。</translation>
    </message>
    <message>
        <source>Digits</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>The digits kept, each a class numbered in the order listed (e.g. 5, 6, 7, 8, 9 for a five-class task).</source>
        <translation>保留的数字，每个数字为一个类别，按列出的顺序编号（例如 5, 6, 7, 8, 9 构成五分类任务）。</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>Number of arms (classes).</source>
        <translation>螺旋臂的条数（类别数）。</translation>
    </message>
    <message>
        <source>Points per class</source>
        <translation>每类点数</translation>
    </message>
    <message>
        <source>Points on each arm.</source>
        <translation>每条螺旋臂上的点数。</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Standard deviation of the added noise.</source>
        <translation>所加噪声的标准差。</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Number of points in all.</source>
        <translation>点的总数。</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>半径比</translation>
    </message>
    <message>
        <source>Radius of the inner circle relative to the outer.</source>
        <translation>内圆半径与外圆半径之比。</translation>
    </message>
    <message>
        <source>Number of clusters (classes).</source>
        <translation>簇的个数（类别数）。</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>离散度</translation>
    </message>
    <message>
        <source>Standard deviation of each cluster.</source>
        <translation>每个簇的标准差。</translation>
    </message>
    <message>
        <source>Number of sequences in all.</source>
        <translation>序列的总数。</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>Steps in each sequence.</source>
        <translation>每个序列的步数。</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Fetch the files into the data folder when they are missing (needs a network).</source>
        <translation>文件缺失时下载到数据文件夹（需要联网）。</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Resize every image to this many pixels square; 0 keeps the size (all images must then have the same size).</source>
        <translation>把每张图像缩放为此像素数的正方形；0 表示保持原尺寸（此时所有图像必须尺寸相同）。</translation>
    </message>
    <message>
        <source>Grayscale</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>Read the images as one grey channel instead of RGB.</source>
        <translation>以单个灰度通道读取图像，而不是 RGB。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>CSV file, relative to the data folder.</source>
        <translation>CSV 文件，相对于数据文件夹。</translation>
    </message>
    <message>
        <source>Label column</source>
        <translation>标签列</translation>
    </message>
    <message>
        <source>Column holding the label (for regression, comma-separated target columns); empty means the last column.</source>
        <translation>存放标签的列（回归任务：以逗号分隔的目标列）；留空表示最后一列。</translation>
    </message>
    <message>
        <source>Feature columns</source>
        <translation>特征列</translation>
    </message>
    <message>
        <source>Comma-separated feature columns; empty means every other column.</source>
        <translation>以逗号分隔的特征列；留空表示其余所有列。</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>What to predict.</source>
        <translation>要预测什么。</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <source>Character between the values.</source>
        <translation>值之间的分隔字符。</translation>
    </message>
    <message>
        <source>Has header</source>
        <translation>有表头</translation>
    </message>
    <message>
        <source>The first row names the columns.</source>
        <translation>第一行是列名。</translation>
    </message>
    <message>
        <source>Test file</source>
        <translation>测试文件</translation>
    </message>
    <message>
        <source>CSV file with the test rows; empty holds out test_fraction of the file.</source>
        <translation>存放测试行的 CSV 文件；留空则从该文件中留出 test_fraction 比例作为测试集。</translation>
    </message>
    <message>
        <source>Digits (8×8)</source>
        <extracomment>The sources&apos; names that are words (a dataset&apos;s own name, MNIST or CIFAR-10, stays as it is).</extracomment>
        <translation>手写数字（8×8）</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>Two moons</source>
        <translation>双月牙</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>同心圆</translation>
    </message>
    <message>
        <source>Gaussian blobs</source>
        <translation>高斯团簇</translation>
    </message>
    <message>
        <source>Wave shapes</source>
        <translation>波形</translation>
    </message>
    <message>
        <source>Image folder</source>
        <translation>图像文件夹</translation>
    </message>
</context>
<context>
    <name>MemoryBox</name>
    <message>
        <source>Automatic</source>
        <extracomment>The &quot;Stream from disk&quot; choices: the data section&apos;s value and what the person reads.</extracomment>
        <translation>自动</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>总是</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Auto</source>
        <extracomment>What the memory budget box shows for no budget of its own (its minimum, 0): half the memory available when Train starts.</extracomment>
        <translation>自动</translation>
    </message>
    <message>
        <source>Memory</source>
        <extracomment>A field of the data section changed: its path, the value, and what it is in words.</extracomment>
        <translation>内存</translation>
    </message>
    <message>
        <source>Memory (MB) the data may take when it is read into memory before training; over it, image folders stream from disk. Auto: half the memory available.</source>
        <translation>训练前把数据读入内存时最多可占用的内存（MB）；超出时，图像文件夹改为从磁盘流式读取。自动：可用内存的一半。</translation>
    </message>
    <message>
        <source>memory budget</source>
        <translation>内存预算</translation>
    </message>
    <message>
        <source>Read images from disk batch by batch instead of holding them all in memory. Automatic: when the data needs more than the memory budget.</source>
        <translation>逐批从磁盘读取图像，而不是全部放在内存中。自动：数据所需内存超过内存预算时。</translation>
    </message>
    <message>
        <source>streaming from disk</source>
        <translation>从磁盘流式读取</translation>
    </message>
    <message>
        <source>Cache decoded images on disk</source>
        <translation>在磁盘上缓存解码后的图像</translation>
    </message>
    <message>
        <source>When images stream from disk, keep each one decoded in the cache folder, so the epochs after the first read it back instead of decoding it again. Off when the disk has no room for them (the Data panel and the run&apos;s notes say so).</source>
        <translation>图像从磁盘流式读取时，把每张解码后的图像保存在缓存文件夹中，第一轮之后的轮次直接读回，无需再次解码。磁盘空间不足时自动关闭（数据面板和训练记录的备注会说明）。</translation>
    </message>
    <message>
        <source>decoded-image cache</source>
        <translation>解码图像缓存</translation>
    </message>
    <message>
        <source>Memory budget</source>
        <translation>内存预算</translation>
    </message>
    <message>
        <source>Stream from disk</source>
        <translation>从磁盘流式读取</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <comment>a field of the form, what is wrong with it</comment>
        <translation>{field}：{problem}</translation>
    </message>
</context>
<context>
    <name>SourceSettingsBox</name>
    <message>
        <source>Source</source>
        <extracomment>Parameters that name a file: they get a &quot;…&quot; button opening a file dialog. A field of the data section changed: its path in the section, the value, and what it is in words (for the undo text).</extracomment>
        <translation>数据源</translation>
    </message>
    <message>
        <source>the project&apos;s folder</source>
        <extracomment>The line under each editor that says why an entry was not taken. The project&apos;s file, to store picked paths relative to its folder (None: unsaved).</extracomment>
        <translation>项目所在文件夹</translation>
    </message>
    <message>
        <source>Choose the data folder</source>
        <translation>选择数据文件夹</translation>
    </message>
    <message>
        <source>{source}: {problem}</source>
        <comment>a data source, what is wrong with a setting</comment>
        <translation>{source}：{problem}</translation>
    </message>
    <message>
        <source>Choose the {setting}</source>
        <translation>选择{setting}</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>The folder that holds {files}</source>
        <translation>存放 {files} 的文件夹</translation>
    </message>
    <message>
        <source>{source} settings</source>
        <translation>{source} 设置</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>选择 CSV 文件</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>SplitsBox</name>
    <message>
        <source>Splits</source>
        <extracomment>A field of the data section changed: its path, the value, and what it is in words.</extracomment>
        <translation>数据划分</translation>
    </message>
    <message>
        <source>validation split</source>
        <translation>验证集比例</translation>
    </message>
    <message>
        <source>test split</source>
        <translation>测试集比例</translation>
    </message>
    <message>
        <source>Seeds the split and the toy sets&apos; points.</source>
        <translation>决定数据划分和玩具数据集的点的随机种子。</translation>
    </message>
    <message>
        <source>data seed</source>
        <translation>数据随机种子</translation>
    </message>
    <message>
        <source>Normalise (mean 0, std 1)</source>
        <translation>标准化（均值 0，标准差 1）</translation>
    </message>
    <message>
        <source>Per channel or feature, with the training split&apos;s statistics.</source>
        <translation>按通道或特征，使用训练集的统计量。</translation>
    </message>
    <message>
        <source>normalisation</source>
        <translation>标准化</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>{source} has its own test split</source>
        <translation>{source} 自带测试集</translation>
    </message>
    <message>
        <source>Held out for the final test, after training</source>
        <translation>留出用于训练后的最终测试</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <comment>a field of the form, what is wrong with it</comment>
        <translation>{field}：{problem}</translation>
    </message>
</context>
</TS>
