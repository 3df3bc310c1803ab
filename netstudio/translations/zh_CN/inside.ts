<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CanvasPreviews</name>
    <message>
        <source>no preview: {reason}</source>
        <extracomment>A vector&apos;s cells at most (longer vectors are averaged in bins), and a sequence&apos;s lines. The colour of a value that is not finite.</extracomment>
        <translation>无预览：{reason}</translation>
    </message>
    <message>
        <source>no finite values</source>
        <translation>没有有限值</translation>
    </message>
    <message>
        <source>{low} .. {high}</source>
        <translation>{low} .. {high}</translation>
    </message>
    <message>
        <source>{count} NaN</source>
        <translation>{count} 个 NaN</translation>
    </message>
    <message>
        <source>{count} inf</source>
        <translation>{count} 个 inf</translation>
    </message>
    <message>
        <source>{nan}, {inf}</source>
        <translation>{nan}，{inf}</translation>
    </message>
    <message>
        <source>{odd} · {span}</source>
        <comment>a card&apos;s alert</comment>
        <translation>{odd} · {span}</translation>
    </message>
    <message>
        <source>Previews: {reason}</source>
        <extracomment>Previews are on by default for networks with fewer nodes than this.</extracomment>
        <translation>预览：{reason}</translation>
    </message>
    <message>
        <source>the input in Try it</source>
        <translation>“试一试”中的输入</translation>
    </message>
    <message>
        <source>No previews: {reason}</source>
        <translation>无法预览：{reason}</translation>
    </message>
    <message>
        <source>No previews: the network has a cycle</source>
        <translation>无法预览：网络中有环路</translation>
    </message>
    <message>
        <source>the training split has no samples</source>
        <translation>训练集中没有样本</translation>
    </message>
    <message>
        <source>training sample {index} of {count}, label {label}</source>
        <translation>第 {index} 个训练样本（共 {count} 个），标签 {label}</translation>
    </message>
    <message>
        <source>training sample {index} of {count}</source>
        <translation>第 {index} 个训练样本（共 {count} 个）</translation>
    </message>
    <message>
        <source>a fixed uniform noise vector of {size} values (the GAN&apos;s generator)</source>
        <translation>一个固定的均匀分布噪声向量，含 {size} 个值（GAN 的生成器）</translation>
    </message>
    <message>
        <source>a fixed normal noise vector of {size} values (the GAN&apos;s generator)</source>
        <translation>一个固定的正态分布噪声向量，含 {size} 个值（GAN 的生成器）</translation>
    </message>
    <message>
        <source>Previews could not be computed: {reason}</source>
        <extracomment>New previews are on the cards (tests and the Inspector wait for it). Something to tell the person in the status bar. How many nodes the last job ran (the others were unchanged). The previews&apos; errors, as the Problems list shows them. After an edit, the snapshot is taken on the next turn of the event loop: the edit and its redraw do not wait for it, and a burst of edits makes one. The model whose weights the previews use (None: fresh ones).</extracomment>
        <translation>无法计算预览：{reason}</translation>
    </message>
</context>
<context>
    <name>HealthList</name>
    <message>
        <source>Train the network with Train &gt; Record Layer Health on: each layer&apos;s health appears here while it trains, with what to do about any that struggles.</source>
        <extracomment>What the list says before any run recorded health (English; shown translated).</extracomment>
        <translation>请在勾选“训练 &gt; 记录层的健康状况”后训练网络：训练时每一层的健康状况会显示在这里，训练不顺利的层还会附上应对办法。</translation>
    </message>
    <message>
        <source>{source}: epoch {epoch}</source>
        <comment>the run on show and its newest epoch</comment>
        <translation>{source}：第 {epoch} 轮</translation>
    </message>
    <message>
        <source>No warnings: every layer looks healthy.</source>
        <translation>没有警告：每一层看起来都很健康。</translation>
    </message>
</context>
<context>
    <name>HealthView</name>
    <message>
        <source>Activation std</source>
        <extracomment>The statistics a card can be coloured by: key, name (English: `statistic_name` says it in the app&apos;s language), and whether it spans decades (coloured on a log scale).</extracomment>
        <translation>激活值标准差</translation>
    </message>
    <message>
        <source>Zero fraction</source>
        <translation>零值比例</translation>
    </message>
    <message>
        <source>Gradient norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <source>Update ratio</source>
        <translation>更新比率</translation>
    </message>
    <message>
        <source>activation std</source>
        <extracomment>Each statistic&apos;s name in the middle of a sentence (&quot;Nodes coloured by zero fraction&quot;).</extracomment>
        <translation>激活值标准差</translation>
    </message>
    <message>
        <source>zero fraction</source>
        <translation>零值比例</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <source>update ratio</source>
        <translation>更新比率</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent}%</translation>
    </message>
    <message>
        <source>{statistic}: {value}</source>
        <comment>a card&apos;s tooltip</comment>
        <extracomment>The health on show changed (a new epoch, another run): lists and curves redraw. Where the health on show comes from (&quot;&quot; when none): for the list&apos;s heading. The statistic the cards are coloured by (None: not coloured). The colouring&apos;s range (low, high) as the legend shows it.</extracomment>
        <translation>{statistic}：{value}</translation>
    </message>
    <message>
        <source>Nodes coloured by {statistic} (log scale): the newest epoch&apos;s values</source>
        <translation>节点按{statistic}着色（对数刻度）：取最新一轮的数值</translation>
    </message>
    <message>
        <source>&lt;b&gt;{statistic}&lt;/b&gt; (log scale)&lt;br&gt;&lt;br&gt;{low} … {high}</source>
        <translation>&lt;b&gt;{statistic}&lt;/b&gt;（对数刻度）&lt;br&gt;&lt;br&gt;{low} … {high}</translation>
    </message>
    <message>
        <source>Nodes coloured by {statistic}: the newest epoch&apos;s values</source>
        <translation>节点按{statistic}着色：取最新一轮的数值</translation>
    </message>
    <message>
        <source>&lt;b&gt;{statistic}&lt;/b&gt;&lt;br&gt;&lt;br&gt;{low} … {high}</source>
        <translation>&lt;b&gt;{statistic}&lt;/b&gt;&lt;br&gt;&lt;br&gt;{low} … {high}</translation>
    </message>
</context>
<context>
    <name>InsideUi</name>
    <message>
        <source>Training health</source>
        <translation>训练健康状况</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>&amp;Colour Nodes By</source>
        <translation>节点着色依据(&amp;C)</translation>
    </message>
    <message>
        <source>Previews show training sample {index} on every layer</source>
        <translation>各层的预览现在显示第 {index} 个训练样本</translation>
    </message>
</context>
<context>
    <name>NodeInsight</name>
    <message>
        <source>Preview</source>
        <extracomment>The enlarged preview&apos;s width in pixels (its height follows its shape, at most this much).</extracomment>
        <translation>预览</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一个</translation>
    </message>
    <message>
        <source>Show the previous training sample on every layer</source>
        <translation>在每一层上显示上一个训练样本</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一个 ▶</translation>
    </message>
    <message>
        <source>Show the next training sample on every layer</source>
        <translation>在每一层上显示下一个训练样本</translation>
    </message>
    <message>
        <source>Training health</source>
        <translation>训练健康状况</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>{statistic} (log)</source>
        <translation>{statistic}（对数）</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>计算中…</translation>
    </message>
</context>
</TS>
