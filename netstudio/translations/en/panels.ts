<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Inspector</name>
    <message numerus="yes">
        <source>%n layer(s) selected.</source>
        <extracomment>A short message for the status bar (what Fit to data did, or why it could not). The nodes selected when several are (the multi-selection page shows them). The value each field last showed from the node (a refused entry stays on show until the node&apos;s value changes). Shown under each node&apos;s page: its preview enlarged and its health (the window sets it; see `node_insight`).</extracomment>
        <translation>
            <numerusform>%n layer selected.</numerusform>
            <numerusform>%n layers selected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them have parameters;</source>
        <translation>
            <numerusform>%n of them has parameters;</numerusform>
            <numerusform>%n of them have parameters;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n is frozen.</source>
        <translation>
            <numerusform>%n is frozen.</numerusform>
            <numerusform>%n are frozen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryModel</name>
    <message numerus="yes">
        <source>%n layer(s), {weights} of weights; {frozen} frozen</source>
        <extracomment>The ids of the frozen nodes, and how many starting tensors the project has.</extracomment>
        <translation>
            <numerusform>%n layer, {weights} of weights; {frozen} frozen</numerusform>
            <numerusform>%n layers, {weights} of weights; {frozen} frozen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s), {weights} of weights</source>
        <translation>
            <numerusform>%n layer, {weights} of weights</numerusform>
            <numerusform>%n layers, {weights} of weights</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The project starts from loaded weights (%n tensor(s))</source>
        <translation>
            <numerusform>The project starts from loaded weights (%n tensor)</numerusform>
            <numerusform>The project starts from loaded weights (%n tensors)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TuningWords</name>
    <message numerus="yes">
        <source>starts from loaded weights (%n tensor(s))</source>
        <translation>
            <numerusform>starts from loaded weights (%n tensor)</numerusform>
            <numerusform>starts from loaded weights (%n tensors)</numerusform>
        </translation>
    </message>
</context>
</TS>
