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
        <source>%n test sample(s) of {true} predicted as {predicted} ({share} of {true}, right); click to see them</source>
        <translation>
            <numerusform>{true} 的 %n 个测试样本被预测为 {predicted}（占 {true} 的 {share}，正确）；点击查看这些样本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n test sample(s) of {true} predicted as {predicted} ({share} of {true}, wrong); click to see them</source>
        <translation>
            <numerusform>{true} 的 %n 个测试样本被预测为 {predicted}（占 {true} 的 {share}，错误）；点击查看这些样本</numerusform>
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
    <message>
        <source>{name} has no run folder recorded</source>
        <translation>{name} 没有记录训练文件夹</translation>
    </message>
    <message>
        <source>no weights in {folder}: expected {file} (was the run folder moved or deleted?)</source>
        <translation>{folder} 中没有权重：应有 {file}（训练文件夹是否被移动或删除了？）</translation>
    </message>
    <message>
        <source>no weights in {folder}: expected {file} or {other} (was the run folder moved or deleted?)</source>
        <translation>{folder} 中没有权重：应有 {file} 或 {other}（训练文件夹是否被移动或删除了？）</translation>
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
        <translation>点击矩阵中的单元格，查看其中的测试样本。</translation>
    </message>
    <message numerus="yes">
        <source>{title}: %n sample(s) (the first {shown})</source>
        <translation>
            <numerusform>{title}：%n 个样本（显示前 {shown} 个）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{title}: %n sample(s)</source>
        <translation>
            <numerusform>{title}：%n 个样本</numerusform>
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
