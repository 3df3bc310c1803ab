<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Layers</name>
    <message>
        <source>Where data enters the network; shape is one sample&apos;s shape, without the batch dimension: auto (left empty) follows the data&apos;s samples.</source>
        <translation>数据进入网络的地方；形状是单个样本的形状，不含批次维度：留空（自动）则跟随数据样本的形状。</translation>
    </message>
    <message>
        <source>shape of one sample, e.g. 784 or 3, 32, 32 (no batch dimension); left empty, the shape of the data&apos;s samples</source>
        <translation>单个样本的形状，如 784 或 3, 32, 32（不含批次维度）；留空则为数据样本的形状</translation>
    </message>
    <message>
        <source>element type: float32 for features and images, int64 for token ids</source>
        <translation>元素类型：特征和图像用 float32，词元编号用 int64</translation>
    </message>
    <message>
        <source>Where a result leaves the network; what reaches it is the model&apos;s prediction.</source>
        <translation>结果离开网络的地方；到达这里的就是模型的预测。</translation>
    </message>
    <message>
        <source>Fully connected layer: y = xWᵀ + b over the last dimension.</source>
        <translation>全连接层：在最后一个维度上计算 y = xWᵀ + b。</translation>
    </message>
    <message>
        <source>size of each input sample (filled from the input)</source>
        <translation>每个输入样本的大小（由输入自动填入）</translation>
    </message>
    <message>
        <source>size of each output sample (number of units)</source>
        <translation>每个输出样本的大小（单元数）</translation>
    </message>
    <message>
        <source>learn an additive bias</source>
        <translation>学习一个加性偏置</translation>
    </message>
    <message>
        <source>Flattens a range of dimensions into one (by default all but the batch).</source>
        <translation>把一段连续的维度展平为一个（默认展平批次以外的所有维度）。</translation>
    </message>
    <message>
        <source>first dimension to flatten (1 = the first after the batch)</source>
        <translation>展平的第一个维度（1 = 批次之后的第一个维度）</translation>
    </message>
    <message>
        <source>last dimension to flatten (-1 = the last)</source>
        <translation>展平的最后一个维度（-1 = 最后一个）</translation>
    </message>
    <message>
        <source>Splits one dimension into several, e.g. 784 into 1×28×28.</source>
        <translation>把一个维度拆成几个，例如把 784 拆成 1×28×28。</translation>
    </message>
    <message>
        <source>dimension to split (1 = the first after the batch)</source>
        <translation>要拆分的维度（1 = 批次之后的第一个维度）</translation>
    </message>
    <message>
        <source>sizes it is split into; their product must equal its size</source>
        <translation>拆分后的各维大小；它们的乘积必须等于原维度的大小</translation>
    </message>
    <message>
        <source>Gives each sample a new shape with the same number of elements.</source>
        <translation>给每个样本一个元素个数不变的新形状。</translation>
    </message>
    <message>
        <source>new shape of one sample (no batch dimension); one -1 is inferred</source>
        <translation>单个样本的新形状（不含批次维度）；可以有一个 -1，由其余维度推算</translation>
    </message>
    <message>
        <source>Reorders the dimensions, e.g. 0, 2, 3, 1 moves channels last (N, H, W, C).</source>
        <translation>重新排列各维度，例如 0, 2, 3, 1 把通道移到最后（N, H, W, C）。</translation>
    </message>
    <message>
        <source>new order of the dimensions, the batch (0) first and staying first</source>
        <translation>各维度的新顺序，批次维度（0）排在最前且保持不动</translation>
    </message>
    <message>
        <source>Adds borders of zeros around an image (N, C, H, W), e.g. to keep its size through a window that does not pad.</source>
        <translation>在图像（N, C, H, W）四周补零，例如让尺寸经过不填充的窗口后保持不变。</translation>
    </message>
    <message>
        <source>zeros added on the left, right, top and bottom</source>
        <translation>在左、右、上、下各补几圈零</translation>
    </message>
    <message>
        <source>Passes its input through unchanged (a placeholder or a branch point).</source>
        <translation>原样传递输入（用作占位或分支点）。</translation>
    </message>
    <message>
        <source>Looks up a learned vector for each integer token id.</source>
        <translation>为每个整数词元编号查出一个学到的向量。</translation>
    </message>
    <message>
        <source>vocabulary size: token ids run from 0 to this - 1</source>
        <translation>词表大小：词元编号从 0 到该值减 1</translation>
    </message>
    <message>
        <source>size of each token&apos;s vector</source>
        <translation>每个词元向量的长度</translation>
    </message>
    <message>
        <source>token id whose vector stays zero (none: no padding id)</source>
        <translation>向量始终为零的词元编号（无：没有填充编号）</translation>
    </message>
    <message>
        <source>1-D convolution: learned filters slid over a sequence (N, C, L).</source>
        <translation>一维卷积：学到的卷积核在序列（N, C, L）上滑动。</translation>
    </message>
    <message>
        <source>2-D convolution: learned filters slid over an image (N, C, H, W).</source>
        <translation>二维卷积：学到的卷积核在图像（N, C, H, W）上滑动。</translation>
    </message>
    <message>
        <source>3-D convolution: learned filters slid over a volume (N, C, D, H, W).</source>
        <translation>三维卷积：学到的卷积核在体数据（N, C, D, H, W）上滑动。</translation>
    </message>
    <message>
        <source>channels of the input (filled from the input)</source>
        <translation>输入的通道数（由输入自动填入）</translation>
    </message>
    <message>
        <source>number of filters (output channels)</source>
        <translation>卷积核的个数（输出通道数）</translation>
    </message>
    <message>
        <source>size of each filter</source>
        <translation>每个卷积核的大小</translation>
    </message>
    <message>
        <source>step between filter positions</source>
        <translation>卷积核每次移动的步幅</translation>
    </message>
    <message>
        <source>zeros added on each side</source>
        <translation>每一边补零的数量</translation>
    </message>
    <message>
        <source>spacing between filter taps</source>
        <translation>卷积核采样点之间的间距（膨胀）</translation>
    </message>
    <message>
        <source>split channels into groups (in and out channels must divide)</source>
        <translation>把通道分成若干组（输入和输出通道数都必须能被组数整除）</translation>
    </message>
    <message>
        <source>learn an additive bias per filter</source>
        <translation>每个卷积核学习一个加性偏置</translation>
    </message>
    <message>
        <source>how the border is padded</source>
        <translation>边界的填充方式</translation>
    </message>
    <message>
        <source>Transposed 2-D convolution (&apos;deconvolution&apos;): learned upsampling of an image.</source>
        <translation>转置二维卷积（“反卷积”）：学习式的图像上采样。</translation>
    </message>
    <message>
        <source>upsampling step</source>
        <translation>上采样的步幅</translation>
    </message>
    <message>
        <source>removed from each side of the output</source>
        <translation>从输出每一边裁掉的大小</translation>
    </message>
    <message>
        <source>extra size added to one side of the output</source>
        <translation>在输出的一侧额外增加的大小</translation>
    </message>
    <message>
        <source>split channels into groups</source>
        <translation>把通道分成若干组</translation>
    </message>
    <message>
        <source>Takes the largest value of each window of a sequence.</source>
        <translation>取序列每个窗口中的最大值。</translation>
    </message>
    <message>
        <source>Takes the average of each window of a sequence.</source>
        <translation>取序列每个窗口的平均值。</translation>
    </message>
    <message>
        <source>Takes the largest value of each window of an image.</source>
        <translation>取图像每个窗口中的最大值。</translation>
    </message>
    <message>
        <source>Takes the average of each window of an image.</source>
        <translation>取图像每个窗口的平均值。</translation>
    </message>
    <message>
        <source>window size</source>
        <translation>窗口大小</translation>
    </message>
    <message>
        <source>step between windows (none: the window size)</source>
        <translation>窗口之间的步幅（无：等于窗口大小）</translation>
    </message>
    <message>
        <source>padding on each side (at most half the window)</source>
        <translation>每一边的填充（最多为窗口的一半）</translation>
    </message>
    <message>
        <source>round the output size up instead of down</source>
        <translation>输出尺寸向上取整，而不是向下取整</translation>
    </message>
    <message>
        <source>Averages each channel down to a fixed output size, whatever the input size (global pooling).</source>
        <translation>把每个通道平均到固定的输出尺寸，与输入尺寸无关（全局池化）。</translation>
    </message>
    <message>
        <source>height and width of the output</source>
        <translation>输出的高和宽</translation>
    </message>
    <message>
        <source>Takes the largest value of each channel over windows that give a fixed output size, whatever the input size (global max pooling).</source>
        <translation>在能得到固定输出尺寸的窗口上取每个通道的最大值，与输入尺寸无关（全局最大池化）。</translation>
    </message>
    <message>
        <source>Enlarges a sequence, image or volume by a scale factor.</source>
        <translation>按缩放倍数放大序列、图像或体数据。</translation>
    </message>
    <message>
        <source>how many times larger</source>
        <translation>放大的倍数</translation>
    </message>
    <message>
        <source>interpolation (linear: 1-D, bilinear/bicubic: 2-D, trilinear: 3-D)</source>
        <translation>插值方式（linear：一维，bilinear/bicubic：二维，trilinear：三维）</translation>
    </message>
    <message>
        <source>Normalises each channel over the batch, then scales and shifts it.</source>
        <translation>在批次上对每个通道做归一化，再缩放和平移。</translation>
    </message>
    <message>
        <source>channels (filled from the input)</source>
        <translation>通道数（由输入自动填入）</translation>
    </message>
    <message>
        <source>added to the variance for stability</source>
        <translation>加到方差上，保持数值稳定</translation>
    </message>
    <message>
        <source>weight of the newest batch in the running statistics</source>
        <translation>运行统计量中最新批次所占的权重</translation>
    </message>
    <message>
        <source>learn a scale and shift</source>
        <translation>学习缩放和平移</translation>
    </message>
    <message>
        <source>keep running statistics for evaluation</source>
        <translation>保存运行统计量，供评估时使用</translation>
    </message>
    <message>
        <source>Normalises each sample over its last dimension.</source>
        <translation>对每个样本在最后一个维度上做归一化。</translation>
    </message>
    <message>
        <source>trailing dimensions to normalise (filled from the input)</source>
        <translation>要归一化的末尾维度（由输入自动填入）</translation>
    </message>
    <message>
        <source>Normalises each pixel of an image (N, C, H, W) over its channels: LayerNorm for images.</source>
        <translation>对图像（N, C, H, W）的每个像素在通道上做归一化：图像用的 LayerNorm。</translation>
    </message>
    <message>
        <source>learn a scale and shift per channel</source>
        <translation>为每个通道学习缩放和平移</translation>
    </message>
    <message>
        <source>Normalises groups of channels of each sample.</source>
        <translation>对每个样本的各组通道做归一化。</translation>
    </message>
    <message>
        <source>number of groups; must divide the channels</source>
        <translation>分组数；必须能整除通道数</translation>
    </message>
    <message>
        <source>max(0, x).</source>
        <translation>max(0, x)。</translation>
    </message>
    <message>
        <source>x for x &gt; 0, slope·x otherwise.</source>
        <translation>x &gt; 0 时为 x，否则为 slope·x。</translation>
    </message>
    <message>
        <source>slope for negative inputs</source>
        <translation>负输入的斜率</translation>
    </message>
    <message>
        <source>x for x &gt; 0, alpha·(exp(x) − 1) otherwise.</source>
        <translation>x &gt; 0 时为 x，否则为 alpha·(exp(x) − 1)。</translation>
    </message>
    <message>
        <source>value approached for large negative inputs</source>
        <translation>输入为很大的负数时输出趋近的值</translation>
    </message>
    <message>
        <source>Gaussian error linear unit, as in transformers.</source>
        <translation>高斯误差线性单元，Transformer 中常用。</translation>
    </message>
    <message>
        <source>exact, or the tanh approximation</source>
        <translation>精确计算，或用 tanh 近似</translation>
    </message>
    <message>
        <source>x·sigmoid(x) (swish).</source>
        <translation>x·sigmoid(x)（swish）。</translation>
    </message>
    <message>
        <source>1 / (1 + exp(−x)): squashes into (0, 1).</source>
        <translation>1 / (1 + exp(−x))：把值压缩到 (0, 1)。</translation>
    </message>
    <message>
        <source>Hyperbolic tangent: squashes into (−1, 1).</source>
        <translation>双曲正切：把值压缩到 (−1, 1)。</translation>
    </message>
    <message>
        <source>min(max(0, x), 6): a ReLU capped at 6 (MobileNet).</source>
        <translation>min(max(0, x), 6)：上限为 6 的 ReLU（MobileNet）。</translation>
    </message>
    <message>
        <source>x clipped to [min_val, max_val].</source>
        <translation>把 x 截断到 [min_val, max_val]。</translation>
    </message>
    <message>
        <source>lower bound of the output</source>
        <translation>输出的下限</translation>
    </message>
    <message>
        <source>upper bound of the output (above min_val)</source>
        <translation>输出的上限（大于 min_val）</translation>
    </message>
    <message>
        <source>x·ReLU6(x + 3) / 6: a cheap swish (MobileNetV3).</source>
        <translation>x·ReLU6(x + 3) / 6：计算量小的 swish（MobileNetV3）。</translation>
    </message>
    <message>
        <source>ReLU6(x + 3) / 6: a cheap sigmoid, into [0, 1] (MobileNetV3&apos;s gates).</source>
        <translation>ReLU6(x + 3) / 6：计算量小的 sigmoid，值在 [0, 1] 内（MobileNetV3 的门控）。</translation>
    </message>
    <message>
        <source>x·tanh(softplus(x)): a smooth ReLU.</source>
        <translation>x·tanh(softplus(x))：平滑的 ReLU。</translation>
    </message>
    <message>
        <source>log(1 + exp(beta·x)) / beta: a smooth ReLU, always positive.</source>
        <translation>log(1 + exp(beta·x)) / beta：平滑的 ReLU，输出恒为正。</translation>
    </message>
    <message>
        <source>sharpness of the bend at 0</source>
        <translation>在 0 处弯曲的陡峭程度</translation>
    </message>
    <message>
        <source>above this beta·x the output is x (for numerical stability)</source>
        <translation>beta·x 超过此值时输出直接为 x（为了数值稳定）</translation>
    </message>
    <message>
        <source>x for x &gt; 0, a·x otherwise, with the slope a learned (one, or one per channel).</source>
        <translation>x &gt; 0 时为 x，否则为 a·x，斜率 a 是学出来的（一个，或每个通道一个）。</translation>
    </message>
    <message>
        <source>learned slopes: 1 shared by all, or the number of channels (dimension 1)</source>
        <translation>学习的斜率个数：1 表示全部共用，或等于通道数（第 1 维）</translation>
    </message>
    <message>
        <source>starting value of the slopes</source>
        <translation>斜率的初始值</translation>
    </message>
    <message>
        <source>Turns scores into probabilities that sum to 1 along dim.</source>
        <translation>把分数变成沿 dim 维度和为 1 的概率。</translation>
    </message>
    <message>
        <source>Logarithm of softmax along dim (pair it with NLL loss).</source>
        <translation>沿 dim 维度的 softmax 取对数（与 NLL 损失函数配合使用）。</translation>
    </message>
    <message>
        <source>dimension that sums to 1 (-1 = the last)</source>
        <translation>和为 1 的维度（-1 = 最后一个）</translation>
    </message>
    <message>
        <source>While training, zeroes each element with probability p.</source>
        <translation>训练时，以概率 p 把每个元素置零。</translation>
    </message>
    <message>
        <source>probability of zeroing an element</source>
        <translation>把一个元素置零的概率</translation>
    </message>
    <message>
        <source>While training, zeroes whole channels with probability p.</source>
        <translation>训练时，以概率 p 把整个通道置零。</translation>
    </message>
    <message>
        <source>probability of zeroing a channel</source>
        <translation>把一个通道置零的概率</translation>
    </message>
    <message>
        <source>While training, drops a residual branch with probability p, for each sample (row) or the whole batch; put it on the branch before the Add (as EfficientNet does).</source>
        <translation>训练时，以概率 p 丢弃一条残差分支，对每个样本（row）或整个批次（batch）抽取；放在 Add 之前的分支上（EfficientNet 的做法）。</translation>
    </message>
    <message>
        <source>probability of dropping the branch</source>
        <translation>丢弃该分支的概率</translation>
    </message>
    <message>
        <source>row: a draw per sample; batch: one draw for the whole batch</source>
        <translation>row：每个样本抽取一次；batch：整个批次只抽取一次</translation>
    </message>
    <message>
        <source>Elman recurrent layer over a sequence (N, L, features); passes on the whole sequence or the last step.</source>
        <extracomment>Stacked layers of a recurrent layer. Shape inference runs each of them on the meta device (some milliseconds a layer), so this bound also bounds the time one edit takes to check.</extracomment>
        <translation>Elman 循环层，作用于序列（N, L, 特征）；输出整个序列或最后一步。</translation>
    </message>
    <message>
        <source>Long short-term memory layer over a sequence (N, L, features); passes on the whole sequence or the last step.</source>
        <translation>长短期记忆层，作用于序列（N, L, 特征）；输出整个序列或最后一步。</translation>
    </message>
    <message>
        <source>Gated recurrent unit layer over a sequence (N, L, features); passes on the whole sequence or the last step.</source>
        <translation>门控循环单元层，作用于序列（N, L, 特征）；输出整个序列或最后一步。</translation>
    </message>
    <message>
        <source>activation of the cell</source>
        <translation>循环单元的激活函数</translation>
    </message>
    <message>
        <source>features per step (filled from the input)</source>
        <translation>每一步的特征数（由输入自动填入）</translation>
    </message>
    <message>
        <source>features of the hidden state</source>
        <translation>隐藏状态的特征数</translation>
    </message>
    <message>
        <source>stacked layers</source>
        <translation>堆叠的层数</translation>
    </message>
    <message>
        <source>learn biases</source>
        <translation>学习偏置</translation>
    </message>
    <message>
        <source>dropout between stacked layers</source>
        <translation>堆叠层之间的丢弃率</translation>
    </message>
    <message>
        <source>also read the sequence backwards (doubles features)</source>
        <translation>同时反向读取序列（特征数加倍）</translation>
    </message>
    <message>
        <source>pass on every step (N, L, H) or only the last (N, H)</source>
        <translation>输出每一步（N, L, H），或只输出最后一步（N, H）</translation>
    </message>
    <message>
        <source>Multi-head self-attention over a sequence (N, L, embed_dim).</source>
        <translation>作用于序列（N, L, embed_dim）的多头自注意力。</translation>
    </message>
    <message>
        <source>attention heads; must divide embed_dim</source>
        <translation>注意力头数；必须能整除 embed_dim</translation>
    </message>
    <message>
        <source>dropout on attention weights</source>
        <translation>注意力权重上的丢弃率</translation>
    </message>
    <message>
        <source>learn projection biases</source>
        <translation>学习投影的偏置</translation>
    </message>
    <message>
        <source>Self-attention plus a feed-forward block, each with a residual and layer norm.</source>
        <translation>自注意力加前馈网络，两者各带残差连接和层归一化。</translation>
    </message>
    <message>
        <source>attention heads; must divide d_model</source>
        <translation>注意力头数；必须能整除 d_model</translation>
    </message>
    <message>
        <source>hidden size of the feed-forward block</source>
        <translation>前馈网络的隐藏层大小</translation>
    </message>
    <message>
        <source>dropout rate</source>
        <translation>丢弃率</translation>
    </message>
    <message>
        <source>feed-forward activation</source>
        <translation>前馈网络的激活函数</translation>
    </message>
    <message>
        <source>normalise before attention (pre-LN), not after</source>
        <translation>在注意力之前做归一化（pre-LN），而不是之后</translation>
    </message>
    <message>
        <source>number of inputs joined</source>
        <translation>合并的输入个数</translation>
    </message>
    <message>
        <source>Element-wise sum of its inputs (a residual connection); shapes must match.</source>
        <translation>对各输入逐元素求和（残差连接）；形状必须相同。</translation>
    </message>
    <message>
        <source>Joins its inputs along a dimension; the other dimensions must match.</source>
        <translation>沿一个维度拼接各输入；其余维度必须相同。</translation>
    </message>
    <message>
        <source>dimension to join along (1 = channels or features)</source>
        <translation>拼接所沿的维度（1 = 通道或特征）</translation>
    </message>
    <message>
        <source>Element-wise product of its inputs (gating): one rank, each dimension the same size or 1, so a (N, C, 1, 1) gate scales each channel (squeeze-and-excitation).</source>
        <translation>对各输入逐元素相乘（门控）：维数相同，每个维度大小相同或为 1，因此 (N, C, 1, 1) 的门控可以缩放每个通道（squeeze-and-excitation）。</translation>
    </message>
    <message>
        <source>Calls one torch function or tensor method on its inputs (an imported functional op with no layer of its own); constant arguments are JSON.</source>
        <translation>对输入调用一个 torch 函数或张量方法（导入的、没有对应层的函数式算子）；常量参数用 JSON 表示。</translation>
    </message>
    <message>
        <source>torch.*, torch.nn.functional.*, operator.* function, or method:&lt;name&gt; for a tensor method (method:mean)</source>
        <translation>torch.*、torch.nn.functional.*、operator.* 中的函数，或用 method:&lt;名称&gt; 表示张量方法（method:mean）</translation>
    </message>
    <message>
        <source>number of wired tensor inputs</source>
        <translation>连入的张量输入个数</translation>
    </message>
    <message>
        <source>positional arguments as a JSON list; {&quot;$input&quot;: 0} is the first input (without any, the inputs come first)</source>
        <translation>位置参数，写成 JSON 列表；{&quot;$input&quot;: 0} 表示第一个输入（不写时，输入排在最前）</translation>
    </message>
    <message>
        <source>keyword arguments as a JSON object</source>
        <translation>关键字参数，写成 JSON 对象</translation>
    </message>
    <message>
        <source>element of a tuple result to pass on (none: the whole result)</source>
        <translation>要传出的元组结果中的元素（无：传出整个结果）</translation>
    </message>
    <message>
        <source>Input/Output</source>
        <extracomment>The palette&apos;s categories (`netstudio.core.catalogue.CATEGORIES`).</extracomment>
        <translation>输入/输出</translation>
    </message>
    <message>
        <source>Core</source>
        <translation>核心层</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>卷积层</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>池化层</translation>
    </message>
    <message>
        <source>Normalization</source>
        <translation>归一化层</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>Recurrent</source>
        <translation>循环层</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Generic</source>
        <translation>通用</translation>
    </message>
    <message>
        <source>Another network of the project used as one layer, its copies chained one after the other: its inputs are that network&apos;s Input nodes, its outputs its Output nodes.</source>
        <extracomment>The Block&apos;s doc and parameter docs (`netstudio.core.blocks.BLOCK_SPEC`), kept with the rest of the catalogue&apos;s words.</extracomment>
        <translation>把项目中的另一个网络当作一层使用，它的多个副本首尾相连：输入是该网络的输入（Input）节点，输出是它的输出（Output）节点。</translation>
    </message>
    <message>
        <source>the network of this project the block stands for</source>
        <translation>本项目中由这个模块代表的网络</translation>
    </message>
    <message>
        <source>how many copies of the network to chain (each copy feeds the next)</source>
        <translation>串联的网络副本数（每个副本的输出接入下一个）</translation>
    </message>
    <message>
        <source>Shape</source>
        <extracomment>The parameters&apos; labels as the Inspector shows them (`ParamSpec.display_name`, capitalised): a parameter&apos;s name is PyTorch&apos;s keyword (``out_features``), its label words a person reads, so the label is translated and the name stays (a test holds this list to the catalogue).</extracomment>
        <translation>形状</translation>
    </message>
    <message>
        <source>Dtype</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <source>In features</source>
        <translation>输入特征数</translation>
    </message>
    <message>
        <source>Out features</source>
        <translation>输出特征数</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Start dim</source>
        <translation>起始维度</translation>
    </message>
    <message>
        <source>End dim</source>
        <translation>结束维度</translation>
    </message>
    <message>
        <source>Dim</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>Unflattened size</source>
        <translation>拆分后大小</translation>
    </message>
    <message>
        <source>Dims</source>
        <translation>维度顺序</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Num embeddings</source>
        <translation>词表大小</translation>
    </message>
    <message>
        <source>Embedding dim</source>
        <translation>嵌入维度</translation>
    </message>
    <message>
        <source>Padding idx</source>
        <translation>填充索引</translation>
    </message>
    <message>
        <source>In channels</source>
        <translation>输入通道数</translation>
    </message>
    <message>
        <source>Out channels</source>
        <translation>输出通道数</translation>
    </message>
    <message>
        <source>Kernel size</source>
        <translation>核大小</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>步幅</translation>
    </message>
    <message>
        <source>Dilation</source>
        <translation>膨胀</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>分组数</translation>
    </message>
    <message>
        <source>Padding mode</source>
        <translation>填充方式</translation>
    </message>
    <message>
        <source>Output padding</source>
        <translation>输出填充</translation>
    </message>
    <message>
        <source>Ceil mode</source>
        <translation>向上取整</translation>
    </message>
    <message>
        <source>Output size</source>
        <translation>输出尺寸</translation>
    </message>
    <message>
        <source>Scale factor</source>
        <translation>缩放倍数</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Num features</source>
        <translation>特征数</translation>
    </message>
    <message>
        <source>Eps</source>
        <translation>eps</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Affine</source>
        <translation>仿射变换</translation>
    </message>
    <message>
        <source>Track running stats</source>
        <translation>跟踪运行统计量</translation>
    </message>
    <message>
        <source>Normalized shape</source>
        <translation>归一化形状</translation>
    </message>
    <message>
        <source>Elementwise affine</source>
        <translation>逐元素仿射</translation>
    </message>
    <message>
        <source>Num channels</source>
        <translation>通道数</translation>
    </message>
    <message>
        <source>Num groups</source>
        <translation>分组数</translation>
    </message>
    <message>
        <source>Negative slope</source>
        <translation>负斜率</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>alpha</translation>
    </message>
    <message>
        <source>Approximate</source>
        <translation>近似方式</translation>
    </message>
    <message>
        <source>Min val</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Max val</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Beta</source>
        <translation>beta</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Num parameters</source>
        <translation>斜率个数</translation>
    </message>
    <message>
        <source>Init</source>
        <translation>初始值</translation>
    </message>
    <message>
        <source>P</source>
        <translation>概率 p</translation>
    </message>
    <message>
        <source>Input size</source>
        <translation>输入大小</translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation>隐藏层大小</translation>
    </message>
    <message>
        <source>Num layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>Nonlinearity</source>
        <translation>非线性函数</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>丢弃率</translation>
    </message>
    <message>
        <source>Bidirectional</source>
        <translation>双向</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Embed dim</source>
        <translation>嵌入维度</translation>
    </message>
    <message>
        <source>Num heads</source>
        <translation>注意力头数</translation>
    </message>
    <message>
        <source>D model</source>
        <translation>模型维度</translation>
    </message>
    <message>
        <source>Nhead</source>
        <translation>注意力头数</translation>
    </message>
    <message>
        <source>Dim feedforward</source>
        <translation>前馈维度</translation>
    </message>
    <message>
        <source>Norm first</source>
        <translation>先归一化</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入个数</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>Args</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>Kwargs</source>
        <translation>关键字参数</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>元素序号</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>重复次数</translation>
    </message>
</context>
</TS>
