<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ConfusionModel</name>
    <message>
        <source>predicted: {name}</source>
        <translation>预测：{name}</translation>
    </message>
    <message>
        <source>true: {name}</source>
        <translation>真实：{name}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln test sample(s) of {true} predicted as {predicted} ({share} of {true}, right); click to see them</source>
        <translation>
            <numerusform>{true} 的 %Ln 个测试样本被预测为 {predicted}（占 {true} 的 {share}，正确）；点击查看这些样本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln test sample(s) of {true} predicted as {predicted} ({share} of {true}, wrong); click to see them</source>
        <translation>
            <numerusform>{true} 的 %Ln 个测试样本被预测为 {predicted}（占 {true} 的 {share}，错误）；点击查看这些样本</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfusionView</name>
    <message>
        <source>Predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>True class</source>
        <translation>真实类别</translation>
    </message>
</context>
<context>
    <name>Crosshair</name>
    <message>
        <source>epoch {epoch}</source>
        <extracomment>The series a plot shows, by plot key.</extracomment>
        <translation>第 {epoch} 轮</translation>
    </message>
</context>
<context>
    <name>DrawingPad</name>
    <message>
        <source>Draw with the mouse; the prediction follows as you draw</source>
        <translation>用鼠标在这里书写；预测结果随笔画实时更新</translation>
    </message>
</context>
<context>
    <name>EvaluationPanel</name>
    <message>
        <source>Confusion matrix (rows: true, columns: predicted)</source>
        <extracomment>Parts of the header, between which it puts &quot; · &quot; (a list of figures, not a sentence).</extracomment>
        <translation>混淆矩阵（行：真实类别，列：预测类别）</translation>
    </message>
    <message>
        <source>Per class</source>
        <translation>各类别指标</translation>
    </message>
    <message>
        <source>true value</source>
        <translation>真实值</translation>
    </message>
    <message>
        <source>predicted value</source>
        <translation>预测值</translation>
    </message>
    <message>
        <source>Train the network to see how it does: press F5. The confusion matrix, per-class scores and the misclassified samples appear here.</source>
        <translation>训练网络后即可查看它的表现：请按 F5。混淆矩阵、各类别指标和分错的样本会显示在这里。</translation>
    </message>
    <message>
        <source>the run ended before its test</source>
        <translation>训练在测试之前就结束了</translation>
    </message>
    <message>
        <source>{name} has no test predictions: {why}</source>
        <translation>{name} 没有测试集上的预测结果：{why}</translation>
    </message>
    <message>
        <source>macro F1 {f1}</source>
        <translation>宏平均 F1 {f1}</translation>
    </message>
    <message>
        <source>{count} test samples</source>
        <translation>{count} 个测试样本</translation>
    </message>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>support</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>True {true}, right</source>
        <translation>真实类别 {true}，预测正确</translation>
    </message>
    <message>
        <source>True {true}, predicted as {predicted}</source>
        <translation>真实类别 {true}，被预测为 {predicted}</translation>
    </message>
    <message>
        <source>test MSE {mse}</source>
        <translation>测试 MSE {mse}</translation>
    </message>
    <message>
        <source>MAE {mae}</source>
        <translation>MAE {mae}</translation>
    </message>
    <message>
        <source>R² {r2}</source>
        <translation>R² {r2}</translation>
    </message>
    <message>
        <source>inputs (top) and their reconstructions (below)</source>
        <translation>输入（上）及其重建结果（下）</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
</context>
<context>
    <name>EvaluationUi</name>
    <message>
        <source>Data preview</source>
        <translation>数据预览</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>训练记录</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>试一试</translation>
    </message>
</context>
<context>
    <name>Reopen</name>
    <message numerus="yes">
        <source>%Ln test sample(s) could not be read and are left out of the figures: {error}</source>
        <translation>
            <numerusform>%Ln 个测试样本无法读取，未计入这些数字：{error}</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} has no run folder recorded</source>
        <translation>{name} 没有记下训练记录文件夹</translation>
    </message>
    <message>
        <source>no weights in {folder}: expected {file} (was the run folder moved or deleted?)</source>
        <translation>{folder} 中没有权重：应有 {file}（训练记录文件夹是否被移动或删除了？）</translation>
    </message>
    <message>
        <source>no weights in {folder}: expected {file} or {other} (was the run folder moved or deleted?)</source>
        <translation>{folder} 中没有权重：应有 {file} 或 {other}（训练记录文件夹是否被移动或删除了？）</translation>
    </message>
    <message>
        <source>{name} ended before it trained an epoch, so it has no weights: train the network</source>
        <translation>{name} 在训练完第一个轮次之前就结束了，因此没有权重：请训练网络</translation>
    </message>
    <message>
        <source>{error}. Undo the changes to the network, or train it again.</source>
        <translation>{error}。请撤销对网络的修改，或重新训练。</translation>
    </message>
    <message>
        <source>{error}. Train the network again to get new weights.</source>
        <translation>{error}。请重新训练网络，得到新的权重。</translation>
    </message>
    <message>
        <source>the run&apos;s data could not be loaded: {error}</source>
        <translation>无法加载这次训练所用的数据：{error}</translation>
    </message>
    <message>
        <source>none of the test samples could be read: {error}</source>
        <translation>所有测试样本都无法读取：{error}</translation>
    </message>
</context>
<context>
    <name>RunHistoryPanel</name>
    <message>
        <source>accuracy</source>
        <extracomment>(label, key of EpochMetrics.to_dict(), axis label) of the metrics the overlay can show.</extracomment>
        <translation>准确率</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>Training accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <source>No runs yet: press F5 to train. Every run is kept here.</source>
        <extracomment>A run&apos;s weights were loaded: a FinishedRun for Evaluation and Try it.</extracomment>
        <translation>还没有训练记录：按 F5 开始训练。每次训练都会保存在这里。</translation>
    </message>
    <message>
        <source>Open weights</source>
        <translation>打开权重</translation>
    </message>
    <message>
        <source>Load the weights the selected run ended with (the Weights column says which) into the network, for Evaluation and Try it</source>
        <translation>把所选训练记录最终的权重（“权重”列说明是哪一轮的）载入网络，供“评估”和“试一试”使用</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Write the selected runs&apos; per-epoch metrics to a CSV file</source>
        <translation>把所选训练记录每一轮的指标写入 CSV 文件</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected runs from the history (undoable; their folders stay on disk)</source>
        <translation>从历史中移除所选训练记录（可撤销；它们的文件夹仍留在磁盘上）</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Export run metrics</source>
        <translation>导出训练指标</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message numerus="yes">
        <source>Wrote {rows} rows (%Ln run(s)) to {path}</source>
        <translation>
            <numerusform>已将 {rows} 行（%Ln 条训练记录）写入 {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening the weights of {name}…</source>
        <translation>正在打开 {name} 的权重…</translation>
    </message>
    <message>
        <source>Opened the weights of {name} ({weights}): see Evaluation and Try it</source>
        <translation>已打开 {name} 的权重（{weights}）：请查看“评估”和“试一试”</translation>
    </message>
    <message>
        <source>Opened the weights of {name}: see Evaluation and Try it</source>
        <translation>已打开 {name} 的权重：请查看“评估”和“试一试”</translation>
    </message>
    <message>
        <source>{opened} ({note})</source>
        <translation>{opened}（{note}）</translation>
    </message>
</context>
<context>
    <name>RunTableModel</name>
    <message>
        <source>Name</source>
        <extracomment>The table&apos;s context in the catalogue.</extracomment>
        <translation>名称</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Settings that differ</source>
        <translation>不同的设置</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Val acc</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>Test acc</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>试验</translation>
    </message>
    <message>
        <source>The weights the run ended with: its best epoch&apos;s (early stopping restored them) or its last epoch&apos;s. The figures, Open weights and Export use them.</source>
        <extracomment>What the figure columns mean, in their header tooltips.</extracomment>
        <translation>训练结束时的权重：最佳轮次的（早停恢复了它们）或最后一轮的。各项指标、“打开权重”和导出都使用这些权重。</translation>
    </message>
    <message>
        <source>Validation accuracy of those weights&apos; epoch</source>
        <translation>这些权重所在轮次的验证准确率</translation>
    </message>
    <message>
        <source>Test accuracy of those weights</source>
        <translation>这些权重的测试准确率</translation>
    </message>
    <message>
        <source>The search trial that made the run, and its study</source>
        <translation>产生这条训练记录的搜索试验及其所属搜索</translation>
    </message>
    <message>
        <source>finished</source>
        <extracomment>A run&apos;s status (as the record holds it) in words.</extracomment>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>early stopped</source>
        <translation>已早停</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>nan</source>
        <extracomment>Why a run failed (`FailureKind`), in a word.</extracomment>
        <translation>非有限值</translation>
    </message>
    <message>
        <source>shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>config</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>{number} of {study}</source>
        <extracomment>Short names of settings whose last key says too little (&quot;type&quot; of what?).</extracomment>
        <translation>{study} 的第 {number} 次</translation>
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
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>Run {number}</source>
        <translation>训练记录 {number}</translation>
    </message>
    <message>
        <source>{status} ({kind})</source>
        <translation>{status}（{kind}）</translation>
    </message>
    <message>
        <source>Trial {trial}, which tried:
{tried}</source>
        <translation>试验 {trial}，尝试了：
{tried}</translation>
    </message>
</context>
<context>
    <name>RunWeights</name>
    <message>
        <source>best, epoch {epoch}</source>
        <extracomment>The per-epoch figures a record keeps for its best and its last epoch. The weights of a run&apos;s best epoch (by the early-stopping metric).</extracomment>
        <translation>最佳轮次（第 {epoch} 轮）</translation>
    </message>
    <message>
        <source>last, epoch {epoch}</source>
        <extracomment>The weights a run had after its last epoch.</extracomment>
        <translation>最后一轮（第 {epoch} 轮）</translation>
    </message>
    <message>
        <source>This run</source>
        <translation>本次训练</translation>
    </message>
    <message>
        <source>Run {number}</source>
        <translation>训练记录 {number}</translation>
    </message>
    <message>
        <source>Trial {number} of {study}</source>
        <translation>{study} 的第 {number} 次试验</translation>
    </message>
    <message>
        <source>weights: {weights}</source>
        <translation>权重：{weights}</translation>
    </message>
    <message>
        <source>test accuracy {accuracy}</source>
        <translation>测试准确率 {accuracy}</translation>
    </message>
    <message>
        <source>This run trained no epoch: it has no weights</source>
        <translation>本次训练没有完成任何轮次：它没有权重</translation>
    </message>
    <message>
        <source>Best epoch {epoch}: validation accuracy {accuracy}, validation loss {loss}</source>
        <translation>最佳轮次（第 {epoch} 轮）：验证准确率 {accuracy}，验证损失 {loss}</translation>
    </message>
    <message>
        <source>Last epoch {epoch}: validation accuracy {accuracy}, validation loss {loss}</source>
        <translation>最后一轮（第 {epoch} 轮）：验证准确率 {accuracy}，验证损失 {loss}</translation>
    </message>
    <message>
        <source>The run ended with the best epoch&apos;s weights (epoch {epoch}): the test figures, Open weights and Export use them</source>
        <translation>训练结束时采用的是最佳轮次（第 {epoch} 轮）的权重：测试结果、“打开权重”和“导出”都使用这组权重</translation>
    </message>
    <message>
        <source>The run ended with the last epoch&apos;s weights (epoch {epoch}): the test figures, Open weights and Export use them</source>
        <translation>训练结束时采用的是最后一轮（第 {epoch} 轮）的权重：测试结果、“打开权重”和“导出”都使用这组权重</translation>
    </message>
</context>
<context>
    <name>SampleView</name>
    <message>
        <source>Click a cell of the matrix to see its test samples.</source>
        <extracomment>Unreadable samples named under the title; more are an ellipsis there (all in its tooltip).
----------
Reads the samples of a streamed split off the GUI thread (`busy` while it runs).</extracomment>
        <translation>点击矩阵中的单元格，查看其中的测试样本。</translation>
    </message>
    <message numerus="yes">
        <source>{title}: %Ln sample(s) (the first {shown})</source>
        <translation>
            <numerusform>{title}：%Ln 个样本（显示前 {shown} 个）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{title}: %Ln sample(s)</source>
        <translation>
            <numerusform>{title}：%Ln 个样本</numerusform>
        </translation>
    </message>
    <message>
        <source>{predicted} {confidence}
true {true}</source>
        <extracomment>Under a thumbnail: the predicted class and the confidence, then the true class.</extracomment>
        <translation>{predicted} {confidence}
真实 {true}</translation>
    </message>
    <message>
        <source>predicted {predicted} ({confidence}), true {true}</source>
        <translation>预测为 {predicted}（{confidence}），真实类别 {true}</translation>
    </message>
    <message>
        <source>true</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>confidence</source>
        <translation>置信度</translation>
    </message>
</context>
<context>
    <name>TryItPanel</name>
    <message>
        <source>Train a classifier (F5), or open a run&apos;s weights in Runs, then draw or type an input here to see what it predicts.</source>
        <extracomment>Between the parts of the line naming the run whose weights answer.</extracomment>
        <translation>训练一个分类器（F5），或在“训练记录”中打开某次训练的权重，然后在这里书写或输入数据，看看模型预测的是什么。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>打开图像…</translation>
    </message>
    <message>
        <source>Classify an image file (or drop one on this panel)</source>
        <translation>对一个图像文件分类（也可以把图像拖放到此面板上）</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Try it needs a trained classifier: train a classifier (F5), or open a run&apos;s weights in Runs, then draw or type an input here to see what it predicts.</source>
        <translation>“试一试”需要一个训练好的分类器：训练一个分类器（F5），或在“训练记录”中打开某次训练的权重，然后在这里书写或输入数据，看看模型预测的是什么。</translation>
    </message>
    <message>
        <source>Try it takes images or up to {count} feature values; this model&apos;s input is {shape}</source>
        <translation>“试一试”只接受图像或最多 {count} 个特征值；此模型的输入是 {shape}</translation>
    </message>
    <message>
        <source>Open an image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <source>Images ({patterns})</source>
        <extracomment>A file dialog&apos;s filter: keep the ASCII parentheses around {patterns}.</extracomment>
        <translation>图像 ({patterns})</translation>
    </message>
    <message>
        <source>Cannot read {file} as an image</source>
        <translation>无法将 {file} 读取为图像</translation>
    </message>
    <message>
        <source>Draw something…</source>
        <translation>写点什么吧…</translation>
    </message>
    <message>
        <source>The model failed on this input: {error}</source>
        <translation>模型处理这个输入时出错：{error}</translation>
    </message>
</context>
</TS>
