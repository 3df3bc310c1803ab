<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>SearchCharts</name>
    <message>
        <source>trial</source>
        <extracomment>Completed trials before the parameter importances are worth computing. The plots, by name, and their curves, once built (`_build`). The parameter importances last computed ({} until enough trials completed). The running trial&apos;s title (&quot;&quot; before any), and the completed trials and goal shown.</extracomment>
        <translation>试验</translation>
    </message>
    <message>
        <source>best so far</source>
        <translation>目前最佳</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>this trial</source>
        <translation>本次试验</translation>
    </message>
    <message>
        <source>importance</source>
        <translation>重要性</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>trial {number}</source>
        <translation>试验 {number}</translation>
    </message>
</context>
<context>
    <name>SearchCommands</name>
    <message>
        <source>Stop searching {target}</source>
        <translation>停止搜索 {target}</translation>
    </message>
    <message>
        <source>Search {target}</source>
        <translation>搜索 {target}</translation>
    </message>
    <message>
        <source>Edit search of {target}</source>
        <translation>编辑 {target} 的搜索</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>&apos;{text}&apos; is not a whole number</source>
        <translation>“{text}”不是整数</translation>
    </message>
    <message>
        <source>Search {label}</source>
        <translation>搜索 {label}</translation>
    </message>
    <message>
        <source>Try values of &lt;b&gt;{label}&lt;/b&gt; (&lt;code&gt;{target}&lt;/code&gt;, now {value}) in the project&apos;s search.</source>
        <translation>在项目的超参数搜索中尝试 &lt;b&gt;{label}&lt;/b&gt;（&lt;code&gt;{target}&lt;/code&gt;，当前为 {value}）的不同取值。</translation>
    </message>
    <message>
        <source>unset</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>A range</source>
        <translation>一个范围</translation>
    </message>
    <message>
        <source>A list of values</source>
        <translation>一组取值</translation>
    </message>
    <message>
        <source>Log scale (as even for 1e-4…1e-3 as for 1e-2…1e-1)</source>
        <translation>对数刻度（1e-4…1e-3 与 1e-2…1e-1 同样均匀）</translation>
    </message>
    <message>
        <source>every whole number</source>
        <translation>每个整数</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>High</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>e.g. 32, 64, 128</source>
        <translation>例如 32, 64, 128</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Stop searching</source>
        <translation>停止搜索</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a list of numbers</source>
        <translation>“{text}”不是一组数字</translation>
    </message>
    <message>
        <source>{error}: give numbers such as 0.001 or 1e-4</source>
        <translation>{error}：请输入 0.001 或 1e-4 这样的数字</translation>
    </message>
    <message>
        <source>give both ends of the range</source>
        <translation>请给出范围的两端</translation>
    </message>
</context>
<context>
    <name>SearchFields</name>
    <message>
        <source>{low} … {high} (log), step {step}</source>
        <extracomment>The objectName of the context-menu entry.</extracomment>
        <translation>{low} … {high}（对数），步长 {step}</translation>
    </message>
    <message>
        <source>{low} … {high} (log)</source>
        <translation>{low} … {high}（对数）</translation>
    </message>
    <message>
        <source>{low} … {high}, step {step}</source>
        <translation>{low} … {high}，步长 {step}</translation>
    </message>
    <message>
        <source>{low} … {high}</source>
        <translation>{low} … {high}</translation>
    </message>
</context>
<context>
    <name>SearchOffer</name>
    <message>
        <source>Search this…</source>
        <extracomment>The id of the node the Inspector shows (None: none). The Data panel: a parameter editor inside it sets the data source&apos;s parameter. The dialog open now (tests and the screenshot reach it here). The settings sections with their defaults filled in, until the next edit.</extracomment>
        <translation>搜索此项…</translation>
    </message>
    <message>
        <source>Try a range of values (or a list of choices) here in a search</source>
        <translation>在超参数搜索中为此处尝试一个取值范围（或一组选项）</translation>
    </message>
    <message>
        <source>searched: {domain}</source>
        <translation>搜索中：{domain}</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Searched</source>
        <extracomment>How often a watched study is read again (ms). Something to say in the status bar. Whether a search is running now. The trials shown, by number: the `trial` events (or the watched study&apos;s trials). The document whose search runs (its trials&apos; runs join only that one). Reads a watched study off the GUI thread.</extracomment>
        <translation>搜索项</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Change the selected range</source>
        <translation>修改所选的范围</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Stop searching it</source>
        <translation>不再搜索此项</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>as Training says</source>
        <translation>按训练面板设置</translation>
    </message>
    <message>
        <source>beside the project (&lt;name&gt;.tune.db)</source>
        <translation>项目旁边（&lt;name&gt;.tune.db）</translation>
    </message>
    <message>
        <source>Where the study is kept: empty for the file beside the project, or a database URL (postgresql://user@host/db) that several machines share</source>
        <translation>搜索记录（study）保存的位置：留空则使用项目旁边的文件，或填写多台机器共享的数据库 URL（postgresql://user@host/db）</translation>
    </message>
    <message>
        <source>the project&apos;s name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>试验次数</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>时间上限</translation>
    </message>
    <message>
        <source>Epochs a trial</source>
        <translation>每次试验的轮次</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Sampler</source>
        <translation>采样器</translation>
    </message>
    <message>
        <source>Pruner</source>
        <translation>剪枝器</translation>
    </message>
    <message>
        <source>Study database</source>
        <translation>搜索数据库</translation>
    </message>
    <message>
        <source>Study name</source>
        <translation>搜索名称</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Run the search (Ctrl+F5)</source>
        <translation>运行超参数搜索（Ctrl+F5）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>End the running trial</source>
        <translation>结束正在运行的试验</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Show the trials of the study in the database above</source>
        <translation>显示上面数据库中这次搜索的试验</translation>
    </message>
    <message>
        <source>Apply best</source>
        <translation>应用最佳</translation>
    </message>
    <message>
        <source>Write the best trial&apos;s values into the project</source>
        <translation>把最佳试验的取值写入项目</translation>
    </message>
    <message>
        <source>Change the search</source>
        <translation>修改超参数搜索</translation>
    </message>
    <message>
        <source>The search cannot start: {problem}</source>
        <translation>超参数搜索无法开始：{problem}</translation>
    </message>
    <message>
        <source>The search cannot start: save the project first (its study is kept beside it), or give a study database</source>
        <translation>超参数搜索无法开始：请先保存项目（搜索记录保存在项目旁边），或填写搜索数据库</translation>
    </message>
    <message>
        <source>Searching: study {name}…</source>
        <translation>正在搜索：{name}…</translation>
    </message>
    <message>
        <source>Stopping after this batch…</source>
        <translation>将在本批次后停止…</translation>
    </message>
    <message>
        <source>The search could not run: {error}</source>
        <translation>超参数搜索无法运行：{error}</translation>
    </message>
    <message numerus="yes">
        <source>Search stopped: %Ln trial(s); Search goes on with the study</source>
        <translation>
            <numerusform>搜索已停止：%Ln 次试验；再次搜索将接着这次搜索继续</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Search ended: %Ln trial(s)</source>
        <translation>
            <numerusform>搜索已结束：%Ln 次试验</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Search stopped: %Ln trial(s); best: trial {number}; Search goes on with the study</source>
        <translation>
            <numerusform>搜索已停止：%Ln 次试验；最佳：试验 {number}；再次搜索将接着这次搜索继续</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Search ended: %Ln trial(s); best: trial {number}</source>
        <translation>
            <numerusform>搜索已结束：%Ln 次试验；最佳：试验 {number}</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the study database to watch</source>
        <translation>请填写要查看的搜索数据库</translation>
    </message>
    <message>
        <source>Reading study {name}…</source>
        <translation>正在读取搜索 {name}…</translation>
    </message>
    <message>
        <source>Watching study {name}: {count} trials</source>
        <translation>正在查看搜索 {name}：{count} 次试验</translation>
    </message>
    <message>
        <source>Apply search trial {number}</source>
        <translation>应用搜索试验 {number}</translation>
    </message>
    <message>
        <source>Apply best: {error}</source>
        <translation>应用最佳：{error}</translation>
    </message>
    <message>
        <source>Applied trial {number}&apos;s values</source>
        <translation>已应用试验 {number} 的取值</translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <extracomment>The context of the choice lists&apos; words in the catalogue.</extracomment>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>Training accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <source>Up for accuracy, down for loss</source>
        <translation>准确率越高越好，损失越低越好</translation>
    </message>
    <message>
        <source>Maximise</source>
        <translation>最大化</translation>
    </message>
    <message>
        <source>Minimise</source>
        <translation>最小化</translation>
    </message>
    <message>
        <source>TPE (learns from earlier trials)</source>
        <extracomment>Optuna&apos;s sampler and pruner names (TPE, Hyperband) stay; their descriptions are translated.</extracomment>
        <translation>TPE（从之前的试验中学习）</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Grid (lists of choices only)</source>
        <translation>网格（仅限选项列表）</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>SearchProcess</name>
    <message>
        <source>the search worker could not start ({python})</source>
        <extracomment>How long a stopped search may take to finish its batch before it is ended outright (ms). A JSON line of the process: {&quot;event&quot;: &quot;study&quot; | &quot;started&quot; | &quot;epoch&quot; | &quot;trial&quot;, ...}. The process ended: (whether some trial completed, why it could not run: &quot;&quot; if it ran).</extracomment>
        <translation>超参数搜索的工作进程无法启动（{python}）</translation>
    </message>
</context>
<context>
    <name>SearchRecords</name>
    <message>
        <source>there is no study &apos;{name}&apos; in that database yet</source>
        <translation>该数据库中还没有名为“{name}”的搜索</translation>
    </message>
</context>
<context>
    <name>SearchTrialTable</name>
    <message>
        <source>Trial</source>
        <translation>试验</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>complete</source>
        <extracomment>How a trial stopped by Stop (the worker&apos;s interrupt) says so in its error. A trial&apos;s state (Optuna&apos;s, lower case) as the table shows it.</extracomment>
        <translation>已完成</translation>
    </message>
    <message>
        <source>pruned</source>
        <translation>已剪枝</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>stopped by Stop</source>
        <translation>被“停止”按钮停止</translation>
    </message>
</context>
<context>
    <name>SearchUi</name>
    <message>
        <source>Search</source>
        <extracomment>The Data panel&apos;s fixed number fields (by objectName) and the settings they set; the data source&apos;s own parameters are parameter editors, which offer &quot;Search this…&quot; themselves.</extracomment>
        <translation>搜索</translation>
    </message>
</context>
</TS>
