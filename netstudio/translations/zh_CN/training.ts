<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>CurveControls</name>
    <message>
        <source>Smoothing</source>
        <extracomment>The smoothing at start: the weight of the past in the smoothed per-batch loss.</extracomment>
        <translation>平滑</translation>
    </message>
    <message>
        <source>Smoothing of the per-batch loss: the weight of the past in its moving average (0 shows every batch as it is)</source>
        <translation>每批次损失的平滑程度：滑动平均中过去值所占的权重（0 表示按原样显示每个批次）</translation>
    </message>
    <message>
        <source>Log scale (loss)</source>
        <translation>对数刻度（损失）</translation>
    </message>
    <message>
        <source>Draw the losses on a logarithmic scale</source>
        <translation>用对数刻度绘制损失</translation>
    </message>
</context>
<context>
    <name>CurveMenu</name>
    <message>
        <source>Save Image as PNG…</source>
        <translation>将图像另存为 PNG…</translation>
    </message>
    <message>
        <source>Save “{plot}” Data as CSV…</source>
        <translation>将“{plot}”的数据另存为 CSV…</translation>
    </message>
    <message>
        <source>Save the curves</source>
        <translation>保存曲线</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>{path} could not be written: check that the folder exists and can be written to</source>
        <translation>无法写入 {path}：请检查文件夹是否存在且可写入</translation>
    </message>
    <message>
        <source>Cannot save the image</source>
        <translation>无法保存图像</translation>
    </message>
    <message>
        <source>Save “{plot}” data</source>
        <translation>保存“{plot}”的数据</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>{path}: {error}</source>
        <comment>a file and why it could not be written</comment>
        <translation>{path}：{error}</translation>
    </message>
    <message>
        <source>Cannot save the data</source>
        <translation>无法保存数据</translation>
    </message>
</context>
<context>
    <name>CurvesPanel</name>
    <message>
        <source>loss</source>
        <extracomment>At most this many redraws a second: twice the worker&apos;s rate (`BATCH_INTERVAL`), so that each update is drawn as it arrives, while bursts (a pause, the end of a run) are still throttled. Runs of up to this many epochs mark each epoch&apos;s value with a dot; longer runs draw plain lines (the dots would merge into a thick line, and redrawing them costs more than the lines). A GAN&apos;s figures per epoch: (buffer and `GanEpochMetrics` field, name in legends, plot). The curves a GAN run has no values for (its train loss is the G loss, drawn as such). Each plot&apos;s series: (name in legends and readouts, buffer, column name in a CSV export). The names are English, translated where shown (context &quot;CurvesPanel&quot;); the CSV columns stay English: a file&apos;s header is read by scripts.
----------
Each plot&apos;s y axis label (x is always the epoch).</extracomment>
        <translation>损失</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>平滑后</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>D loss</source>
        <translation>D 损失</translation>
    </message>
    <message>
        <source>G loss</source>
        <translation>G 损失</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Training loss per batch</source>
        <translation>每批次的训练损失</translation>
    </message>
    <message>
        <source>Loss per epoch</source>
        <translation>每轮的损失</translation>
    </message>
    <message>
        <source>Accuracy per epoch</source>
        <translation>每轮的准确率</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>D and G loss per epoch</source>
        <extracomment>The titles a GAN run gives its epoch plots.</extracomment>
        <translation>每轮的 D 与 G 损失</translation>
    </message>
    <message>
        <source>D(x) and D(G(z)) per epoch</source>
        <translation>每轮的 D(x) 与 D(G(z))</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>epoch</source>
        <extracomment>The side of the shown sample grid, in pixels. The plots the log-scale switch applies to. The plots that mark the epochs at which gradual unfreezing set more layers learning. The latest epoch&apos;s sample grid of a GAN run (hidden for other runs). The path of the grid shown (None: none yet). Whether the run shown is a GAN&apos;s (its titles, legends and sample grid). Each plot&apos;s y extent seen so far: lowest (at most 0), highest, lowest above 0. The plots and curves, once built (see `plots` and `curves`). The run&apos;s unfreezings so far: (epoch, label), and their lines on `UNFREEZING_PLOTS`. The project shown: the names of the nodes an unfreezing marker is labelled with.</extracomment>
        <translation>轮次</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>The samples of epoch {epoch}</source>
        <translation>第 {epoch} 轮生成的样本</translation>
    </message>
    <message>
        <source>unfroze {nodes}</source>
        <comment>gradual unfreezing: layers that began to learn</comment>
        <translation>解冻 {nodes}</translation>
    </message>
</context>
<context>
    <name>DeviceCombo</name>
    <message>
        <source>The device the next run trains on: Auto picks the GPU when there is one, else the CPU (the Training panel&apos;s Device setting)</source>
        <translation>下一次训练使用的设备：“自动”在有 GPU 时选用 GPU，否则使用 CPU（即训练面板中的“设备”设置）</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>Change device</source>
        <translation>更改设备</translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message>
        <source>CPU</source>
        <extracomment>The device choices&apos; words are translated in the context &quot;Devices&quot;. A GPU&apos;s own name (&quot;NVIDIA H100 (80 GB)&quot;, from `netstudio.training.devices`) stays as it is.</extracomment>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>Apple GPU (MPS)</source>
        <translation>Apple GPU（MPS）</translation>
    </message>
    <message>
        <source>CUDA GPU — none here</source>
        <translation>CUDA GPU — 本机没有</translation>
    </message>
    <message>
        <source>{gpu} (first of {count})</source>
        <translation>{gpu}（共 {count} 块，使用第一块）</translation>
    </message>
    <message>
        <source>Apple GPU (MPS) — none here</source>
        <translation>Apple GPU（MPS）— 本机没有</translation>
    </message>
    <message>
        <source>Auto — {device}</source>
        <translation>自动 — {device}</translation>
    </message>
    <message>
        <source>This machine has no such device</source>
        <translation>本机没有这种设备</translation>
    </message>
</context>
<context>
    <name>EditLock</name>
    <message>
        <source>Editing is locked while training: Stop the run to change the network</source>
        <extracomment>The window&apos;s menu actions that edit the graph or replace the project.</extracomment>
        <translation>训练期间编辑已锁定：请先停止训练，再修改网络</translation>
    </message>
</context>
<context>
    <name>LrPreview</name>
    <message>
        <source>epoch</source>
        <extracomment>Batches per epoch the preview assumes (one-cycle schedules step per batch).</extracomment>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Learning rate per epoch</source>
        <translation>每轮的学习率</translation>
    </message>
    <message numerus="yes">
        <source>Learning rate from {start} to {end} over %Ln epoch(s)</source>
        <extracomment>The curves of the other parameter groups, by multiplier, and the unfreezing marks. The ×1 curve drawn last, and every group&apos;s curve by multiplier. Whether torch may be imported now (see module docstring).</extracomment>
        <translation>
            <numerusform>学习率在 %Ln 轮内从 {start} 变为 {end}</numerusform>
        </translation>
    </message>
    <message>
        <source>; layers with a multiplier: {multipliers}</source>
        <translation>；带学习率倍率的层：{multipliers}</translation>
    </message>
    <message>
        <source>Dashed lines: one more frozen layer learns from epoch {epochs}</source>
        <translation>虚线：从第 {epochs} 轮起，又有一个冻结层开始学习</translation>
    </message>
</context>
<context>
    <name>StartChecks</name>
    <message numerus="yes">
        <source>The network has %Ln error(s) (first: {where}: {message}): fix the problems first (Model ▸ Check Network)</source>
        <translation>
            <numerusform>网络有 %Ln 个错误（第一个：{where}：{message}）：请先解决这些问题（模型 ▸ 检查网络）</numerusform>
        </translation>
    </message>
    <message>
        <source>Training needs exactly one Input and one Output; this network has {inputs} and {outputs}: add or remove them</source>
        <translation>训练需要恰好一个输入（Input）节点和一个输出（Output）节点；此网络有 {inputs} 个输入和 {outputs} 个输出：请添加或删除</translation>
    </message>
</context>
<context>
    <name>TrainingFields</name>
    <message>
        <source>Cross-entropy only</source>
        <translation>仅用于交叉熵</translation>
    </message>
    <message>
        <source>Huber only: where L2 turns into L1</source>
        <translation>仅用于 Huber：从 L2 转为 L1 的分界点</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>SGD and RMSprop</source>
        <translation>用于 SGD 和 RMSprop</translation>
    </message>
    <message>
        <source>SGD with momentum only</source>
        <translation>仅用于带动量的 SGD</translation>
    </message>
    <message>
        <source>Adam and AdamW</source>
        <translation>用于 Adam 和 AdamW</translation>
    </message>
    <message>
        <source>RMSprop smoothing</source>
        <translation>RMSprop 的平滑系数</translation>
    </message>
    <message>
        <source>Step: epochs between decays</source>
        <translation>阶梯：两次衰减之间的轮数</translation>
    </message>
    <message>
        <source>Step, multistep, exponential: decay factor</source>
        <translation>阶梯、多阶梯、指数：衰减系数</translation>
    </message>
    <message>
        <source>Multistep</source>
        <translation>多阶梯</translation>
    </message>
    <message>
        <source>Cosine: final learning rate</source>
        <translation>余弦：最终学习率</translation>
    </message>
    <message>
        <source>One-cycle peak (default: 10× lr)</source>
        <translation>单周期的峰值（默认：10× 学习率）</translation>
    </message>
    <message>
        <source>Reduce-on-plateau: epochs without improvement</source>
        <translation>平台期衰减：没有改善的轮数</translation>
    </message>
    <message>
        <source>Reduce-on-plateau: decay factor</source>
        <translation>平台期衰减：衰减系数</translation>
    </message>
    <message>
        <source>Epochs without improvement before stopping</source>
        <translation>停止前允许没有改善的轮数</translation>
    </message>
    <message>
        <source>Smallest change that counts as improvement</source>
        <translation>算作改善的最小变化</translation>
    </message>
    <message>
        <source>End with the best epoch&apos;s weights</source>
        <translation>结束时使用最佳轮次的权重</translation>
    </message>
    <message>
        <source>L2 penalty through the optimizer</source>
        <translation>通过优化器施加的 L2 惩罚</translation>
    </message>
    <message>
        <source>L1 penalty on the weights, added to the loss</source>
        <translation>对权重的 L1 惩罚，加到损失上</translation>
    </message>
    <message>
        <source>Clip the gradient norm to this</source>
        <translation>将梯度范数裁剪到此值</translation>
    </message>
    <message>
        <source>Frozen BatchNorm layers stay in eval</source>
        <translation>冻结的 BatchNorm 层保持评估模式</translation>
    </message>
    <message>
        <source>Epochs between two unfreezings</source>
        <translation>两次解冻之间的轮数</translation>
    </message>
    <message>
        <source>Network that makes samples</source>
        <translation>生成样本的网络</translation>
    </message>
    <message>
        <source>Network that judges</source>
        <translation>做出判别的网络</translation>
    </message>
    <message>
        <source>Values in one noise vector</source>
        <translation>一个噪声向量中的数值个数</translation>
    </message>
    <message>
        <source>Discriminator steps per generator step</source>
        <translation>生成器每训练一步，判别器训练的步数</translation>
    </message>
    <message>
        <source>The sample grid&apos;s rows (and columns)</source>
        <translation>样本网格的行数（也是列数）</translation>
    </message>
    <message>
        <source>Float16 autocast on CUDA</source>
        <translation>在 CUDA 上用 float16 自动混合精度</translation>
    </message>
    <message>
        <source>nothing</source>
        <extracomment>The fields&apos; words are translated in the context &quot;TrainingFields&quot; (the editors are QObjects of several classes: one context for all of them).</extracomment>
        <translation>空</translation>
    </message>
    <message>
        <source>{value} is not a number</source>
        <translation>{value} 不是数字</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a list of numbers</source>
        <translation>“{text}”不是一组数字</translation>
    </message>
    <message>
        <source>give {count} numbers, e.g. 0.9, 0.999</source>
        <translation>请给出 {count} 个数字，例如 0.9, 0.999</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a whole number from 1 to {high} (blank or 0: off). Not applied.</source>
        <translation>“{text}”不是 1 到 {high} 之间的整数（留空或 0：关闭）。未应用。</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Training — editing is locked until the run ends (Stop to end it)</source>
        <extracomment>The panel&apos;s words are translated in the context &quot;TrainingPanel&quot; (docs/translating.md); the constants below are English, translated where they are shown (`tr_text`).</extracomment>
        <translation>正在训练 — 训练结束前编辑已锁定（点“停止”可结束训练）</translation>
    </message>
    <message>
        <source>Ready: F5 trains this network</source>
        <translation>就绪：按 F5 训练此网络</translation>
    </message>
    <message>
        <source>The loss stopped being a number</source>
        <extracomment>A failed run&apos;s headline, by the failure&apos;s kind.</extracomment>
        <translation>损失变成了非数值（NaN 或无穷大）</translation>
    </message>
    <message>
        <source>Shapes do not fit</source>
        <translation>形状不匹配</translation>
    </message>
    <message>
        <source>Out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>The data could not be loaded</source>
        <translation>无法加载数据</translation>
    </message>
    <message>
        <source>Device not available</source>
        <translation>设备不可用</translation>
    </message>
    <message>
        <source>The settings cannot work</source>
        <translation>这些设置无法使用</translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation>训练已停止</translation>
    </message>
    <message>
        <source>streaming from disk</source>
        <extracomment>Said beside a run&apos;s progress when its data streams from disk (the Data panel says why).</extracomment>
        <translation>从磁盘流式读取</translation>
    </message>
    <message>
        <source>Loading the data — {progress}</source>
        <translation>正在加载数据 — {progress}</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{epochs} · batch {batch}/{batches} · {speed} samples/s · ETA {eta}</source>
        <translation>第 {epoch}/{epochs} 轮 · 批次 {batch}/{batches} · {speed} 样本/秒 · 剩余 {eta}</translation>
    </message>
    <message>
        <source>Cannot train yet:
{problems}</source>
        <extracomment>The project it shows changed (the new `Document`, or None); others follow it from here. The status without &quot;Paused — &quot; (the words of the run&apos;s state shown under it).</extracomment>
        <translation>还不能训练：
{problems}</translation>
    </message>
    <message>
        <source>Paused — {status}</source>
        <translation>已暂停 — {status}</translation>
    </message>
    <message>
        <source>Not started: see why above</source>
        <translation>未开始：原因见上方</translation>
    </message>
    <message>
        <source>Loading the data…</source>
        <translation>正在加载数据…</translation>
    </message>
    <message numerus="yes">
        <source>Training on {device}: {parameters} parameters, {samples} samples, %Ln epoch(s) of {batches} batches, streaming from disk</source>
        <translation>
            <numerusform>正在 {device} 上训练：{parameters} 个参数，{samples} 个样本，共 %Ln 轮，每轮 {batches} 个批次，从磁盘流式读取</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Training on {device}: {parameters} parameters, {samples} samples, %Ln epoch(s) of {batches} batches</source>
        <translation>
            <numerusform>正在 {device} 上训练：{parameters} 个参数，{samples} 个样本，共 %Ln 轮，每轮 {batches} 个批次</numerusform>
        </translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <comment>seconds the run took</comment>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>test accuracy {accuracy} (weights: {weights})</source>
        <translation>测试准确率 {accuracy}（权重：{weights}）</translation>
    </message>
    <message>
        <source>test accuracy {accuracy}</source>
        <translation>测试准确率 {accuracy}</translation>
    </message>
    <message>
        <source>test loss {loss} (weights: {weights})</source>
        <translation>测试损失 {loss}（权重：{weights}）</translation>
    </message>
    <message>
        <source>test loss {loss}</source>
        <translation>测试损失 {loss}</translation>
    </message>
    <message numerus="yes">
        <source>Finished after %Ln epoch(s)</source>
        <translation>
            <numerusform>训练 %Ln 轮后完成</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %Ln epoch(s)</source>
        <translation>
            <numerusform>训练 %Ln 轮后停止</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped early after %Ln epoch(s)</source>
        <translation>
            <numerusform>训练 %Ln 轮后早停</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Failed after %Ln epoch(s)</source>
        <translation>
            <numerusform>训练 %Ln 轮后失败</numerusform>
        </translation>
    </message>
    <message>
        <source>{kind}: {message}.</source>
        <comment>a failed run&apos;s headline and why</comment>
        <translation>{kind}：{message}。</translation>
    </message>
    <message>
        <source>At {node} (selected on the canvas).</source>
        <translation>出错位置：{node}（已在画布上选中）。</translation>
    </message>
</context>
<context>
    <name>TrainingSession</name>
    <message>
        <source>A run is in progress: stop it first</source>
        <extracomment>How loading the run&apos;s data goes (`LoadingProgress`), before `run_started`. Why a requested start was refused (a list of messages, each with its fix). The window shows another project (the new `Document`): the last run is forgotten. A run&apos;s state is shown (`running_changed` was handled) and its thread starts when the slots return: the window lays out and paints now, not while the first batches run. The run in progress: its thread and worker (None between runs). The project, data and settings of the run in progress (or the last one). Runs record each layer&apos;s training health (Train &gt; Record Layer Health), within 3 % of the training time by the recorder&apos;s budget.</extracomment>
        <translation>正在训练：请先停止</translation>
    </message>
    <message>
        <source>No project is open</source>
        <translation>没有打开的项目</translation>
    </message>
    <message>
        <source>PyTorch is still loading: train once the shapes are shown</source>
        <translation>PyTorch 仍在加载：请等形状显示出来后再训练</translation>
    </message>
    <message>
        <source>The project&apos;s settings are not valid ({where}: {why}): fix them</source>
        <translation>项目的设置无效（{where}：{why}）：请修正</translation>
    </message>
    <message>
        <source>Cannot make the run folder: {error}: check the disk</source>
        <translation>无法创建训练记录文件夹：{error}：请检查磁盘</translation>
    </message>
</context>
<context>
    <name>TrainingSettingsForm</name>
    <message>
        <source>Classification</source>
        <extracomment>The form&apos;s words are translated in the context &quot;TrainingSettingsForm&quot;; the tables below hold English (the groups are keyed by their English titles), translated where shown.</extracomment>
        <translation>分类</translation>
    </message>
    <message>
        <source>Regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>Reconstruction</source>
        <translation>重建</translation>
    </message>
    <message>
        <source>Generative adversarial</source>
        <translation>生成对抗（GAN）</translation>
    </message>
    <message>
        <source>Normal (Gaussian)</source>
        <translation>正态（高斯）</translation>
    </message>
    <message>
        <source>Uniform (-1 to 1)</source>
        <translation>均匀（-1 到 1）</translation>
    </message>
    <message>
        <source>Non-saturating BCE</source>
        <translation>非饱和 BCE</translation>
    </message>
    <message>
        <source>Hinge</source>
        <translation>Hinge（合页损失）</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <extracomment>The groups a GAN run does not read (hidden for the task &quot;gan&quot;); the GAN&apos;s group shows then.</extracomment>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Learning-rate schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>Cross-entropy</source>
        <extracomment>The rows of the &quot;Task and loss&quot; group a GAN run does not read.</extracomment>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>NLL (log-probabilities)</source>
        <translation>NLL（输入对数概率）</translation>
    </message>
    <message>
        <source>BCE with logits</source>
        <translation>BCE（输入 logits）</translation>
    </message>
    <message>
        <source>BCE (probabilities)</source>
        <translation>BCE（输入概率）</translation>
    </message>
    <message>
        <source>MSE</source>
        <translation>MSE（均方误差）</translation>
    </message>
    <message>
        <source>L1 (MAE)</source>
        <translation>L1（MAE，平均绝对误差）</translation>
    </message>
    <message>
        <source>Huber</source>
        <translation>Huber</translation>
    </message>
    <message>
        <source>KL divergence</source>
        <translation>KL 散度</translation>
    </message>
    <message>
        <source>Constant</source>
        <extracomment>PyTorch&apos;s own class names: never translated.</extracomment>
        <translation>恒定</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>阶梯</translation>
    </message>
    <message>
        <source>Multi-step</source>
        <translation>多阶梯</translation>
    </message>
    <message>
        <source>Exponential</source>
        <translation>指数</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <source>One-cycle</source>
        <translation>单周期</translation>
    </message>
    <message>
        <source>Reduce on plateau</source>
        <translation>平台期衰减</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>Task and loss</source>
        <extracomment>Which fields show for which choice: path -&gt; (the choice&apos;s path, the values it shows for). (the new training section, what changed, for the undo history, whether the change was a typed entry: an undo step of its own, never merged with the one before) Each field&apos;s row: its form and the widget placed there (the field and its message line). The line under each field that says why an entry was not taken. The group boxes by title (the GAN&apos;s shows for its task only, the others without). The project&apos;s network names (the GAN&apos;s generator and discriminator are chosen among).</extracomment>
        <translation>任务与损失函数</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Label smoothing</source>
        <translation>标签平滑</translation>
    </message>
    <message>
        <source>Huber delta</source>
        <translation>Huber delta</translation>
    </message>
    <message>
        <source>Generator</source>
        <translation>生成器</translation>
    </message>
    <message>
        <source>Discriminator</source>
        <translation>判别器</translation>
    </message>
    <message>
        <source>Noise size</source>
        <translation>噪声维度</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>GAN loss</source>
        <translation>GAN 损失函数</translation>
    </message>
    <message>
        <source>D steps per G step</source>
        <translation>每步 G 对应的 D 步数</translation>
    </message>
    <message>
        <source>Generator LR</source>
        <translation>生成器学习率</translation>
    </message>
    <message>
        <source>Discriminator LR</source>
        <translation>判别器学习率</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Nesterov momentum</source>
        <translation>Nesterov 动量</translation>
    </message>
    <message>
        <source>Betas</source>
        <translation>Betas</translation>
    </message>
    <message>
        <source>Epsilon</source>
        <translation>Epsilon</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Alpha</translation>
    </message>
    <message>
        <source>Gradual unfreezing: every this many epochs one more frozen layer learns, from the one nearest the output back towards the input (blank or 0: off). Freeze layers with the Inspector&apos;s Trainable switch.</source>
        <translation>逐步解冻：每隔这么多轮，就多一个冻结层开始学习，从最靠近输出的层开始，逐步推向输入（留空或 0：关闭）。在检查器中用“可训练”开关冻结层。</translation>
    </message>
    <message>
        <source>Unfreeze every</source>
        <translation>解冻间隔（轮）</translation>
    </message>
    <message>
        <source>Frozen BatchNorm keeps its statistics</source>
        <translation>冻结的 BatchNorm 保留其统计量</translation>
    </message>
    <message>
        <source>A frozen BatchNorm layer keeps the running mean and variance it came with (it runs in evaluation mode while the rest trains). Untick to let it follow the new data.</source>
        <translation>冻结的 BatchNorm 层保留它原有的滑动均值和方差（其余部分训练时，它以评估模式运行）。取消勾选可让它随新数据更新。</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>调度方式</translation>
    </message>
    <message>
        <source>Step size</source>
        <translation>步长（轮）</translation>
    </message>
    <message>
        <source>Gamma</source>
        <translation>Gamma</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>里程碑（轮）</translation>
    </message>
    <message>
        <source>Final LR</source>
        <translation>最终学习率</translation>
    </message>
    <message>
        <source>Peak LR</source>
        <translation>峰值学习率</translation>
    </message>
    <message>
        <source>Patience</source>
        <translation>耐心值（轮）</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>衰减系数</translation>
    </message>
    <message>
        <source>Warm-up epochs</source>
        <translation>预热轮数</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Mixed precision (float16)</source>
        <translation>混合精度（float16）</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>L1 penalty</source>
        <translation>L1 惩罚</translation>
    </message>
    <message>
        <source>Clip gradients</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <source>Stop early</source>
        <translation>早停</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>监控指标</translation>
    </message>
    <message>
        <source>Min. change</source>
        <translation>最小变化</translation>
    </message>
    <message>
        <source>Restore the best epoch</source>
        <translation>恢复最佳轮次</translation>
    </message>
    <message>
        <source>{network} (no such network)</source>
        <translation>{network}（没有此网络）</translation>
    </message>
    <message>
        <source>Change {setting}</source>
        <comment>an undo step: a training setting</comment>
        <translation>更改{setting}</translation>
    </message>
</context>
<context>
    <name>TrainingUi</name>
    <message>
        <source>Curves</source>
        <extracomment>The words of the window&apos;s training part are translated in the context &quot;TrainingUi&quot;.</extracomment>
        <translation>曲线</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>Resume training</source>
        <translation>继续训练</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Pause training</source>
        <translation>暂停训练</translation>
    </message>
    <message>
        <source>{tip} ({keys})</source>
        <comment>a tooltip and its shortcut</comment>
        <translation>{tip}（{keys}）</translation>
    </message>
    <message>
        <source>{status} — editing locked</source>
        <translation>{status} — 编辑已锁定</translation>
    </message>
</context>
</TS>
