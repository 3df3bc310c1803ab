<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Inspector</name>
    <message numerus="yes">
        <source>%Ln layer(s) selected.</source>
        <extracomment>A short message for the status bar (what Fit to data did, or why it could not). The nodes selected when several are (the multi-selection page shows them). The value each field last showed from the node (a refused entry stays on show until the node&apos;s value changes). Shown under each node&apos;s page: its preview enlarged and its health (the window sets it; see `node_insight`).</extracomment>
        <translation>
            <numerusform>%Ln layer selected.</numerusform>
            <numerusform>%Ln layers selected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them have parameters;</source>
        <translation>
            <numerusform>%Ln of them has parameters;</numerusform>
            <numerusform>%Ln of them have parameters;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln is frozen.</source>
        <translation>
            <numerusform>%Ln is frozen.</numerusform>
            <numerusform>%Ln are frozen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryModel</name>
    <message numerus="yes">
        <source>%Ln layer(s), {weights} of weights; {frozen} frozen</source>
        <extracomment>The ids of the frozen nodes, and how many starting tensors the project has.</extracomment>
        <translation>
            <numerusform>%Ln layer, {weights} of weights; {frozen} frozen</numerusform>
            <numerusform>%Ln layers, {weights} of weights; {frozen} frozen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln layer(s), {weights} of weights</source>
        <translation>
            <numerusform>%Ln layer, {weights} of weights</numerusform>
            <numerusform>%Ln layers, {weights} of weights</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The project starts from loaded weights (%Ln tensor(s))</source>
        <translation>
            <numerusform>The project starts from loaded weights (%Ln tensor)</numerusform>
            <numerusform>The project starts from loaded weights (%Ln tensors)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TuningWords</name>
    <message numerus="yes">
        <source>starts from loaded weights (%Ln tensor(s))</source>
        <translation>
            <numerusform>starts from loaded weights (%Ln tensor)</numerusform>
            <numerusform>starts from loaded weights (%Ln tensors)</numerusform>
        </translation>
    </message>
</context>
</TS>
