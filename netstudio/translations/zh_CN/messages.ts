<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
