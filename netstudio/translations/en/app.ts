<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CommandTexts</name>
    <message numerus="yes">
        <source>Delete %Ln node(s)</source>
        <translation>
            <numerusform>Delete %Ln node</numerusform>
            <numerusform>Delete %Ln nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln item(s)</source>
        <translation>
            <numerusform>Delete %Ln item</numerusform>
            <numerusform>Delete %Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln node(s)</source>
        <translation>
            <numerusform>Move %Ln node</numerusform>
            <numerusform>Move %Ln nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %Ln node(s)</source>
        <translation>
            <numerusform>Paste %Ln node</numerusform>
            <numerusform>Paste %Ln nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln run(s)</source>
        <translation>
            <numerusform>Delete %Ln run</numerusform>
            <numerusform>Delete %Ln runs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoadWeightsDialog</name>
    <message numerus="yes">
        <source>All %Ln tensor(s) of {source} match this network.</source>
        <translation>
            <numerusform>All %Ln tensor of {source} matches this network.</numerusform>
            <numerusform>All %Ln tensors of {source} match this network.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln tensor(s) of {source} match this network by name and shape; the others do not. Loading the matched ones is a partial load: the layers they belong to start from them, the others from fresh weights.</source>
        <translation>
            <numerusform>%Ln tensor of {source} matches this network by name and shape; the others do not. Loading the matched one is a partial load: the layer it belongs to starts from it, the others from fresh weights.</numerusform>
            <numerusform>%Ln tensors of {source} match this network by name and shape; the others do not. Loading the matched ones is a partial load: the layers they belong to start from them, the others from fresh weights.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Load %Ln tensor(s)</source>
        <translation>
            <numerusform>Load %Ln tensor</numerusform>
            <numerusform>Load %Ln tensors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Load matched %Ln tensor(s)</source>
        <translation>
            <numerusform>Load matched %Ln tensor</numerusform>
            <numerusform>Load matched %Ln tensors</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>✗ %Ln error(s)</source>
        <translation>
            <numerusform>✗ %Ln error</numerusform>
            <numerusform>✗ %Ln errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>starts from loaded weights (%Ln tensor(s))</source>
        <translation>
            <numerusform>starts from loaded weights (%Ln tensor)</numerusform>
            <numerusform>starts from loaded weights (%Ln tensors)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Froze %Ln layer(s) before {name}</source>
        <translation>
            <numerusform>Froze %Ln layer before {name}</numerusform>
            <numerusform>Froze %Ln layers before {name}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message numerus="yes">
        <source>%Ln part(s) of {file} could not be read:</source>
        <translation>
            <numerusform>%Ln part of {file} could not be read:</numerusform>
            <numerusform>%Ln parts of {file} could not be read:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{problem} (and %Ln more problem(s))</source>
        <translation>
            <numerusform>{problem} (and %Ln more problem)</numerusform>
            <numerusform>{problem} (and %Ln more problems)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved {file}, but %Ln run(s) could not be brought beside it:</source>
        <translation>
            <numerusform>Saved {file}, but %Ln run could not be brought beside it:</numerusform>
            <numerusform>Saved {file}, but %Ln runs could not be brought beside it:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WeightsLoader</name>
    <message numerus="yes">
        <source>Load %Ln tensor(s) from {source}</source>
        <translation>
            <numerusform>Load %Ln tensor from {source}</numerusform>
            <numerusform>Load %Ln tensors from {source}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %Ln tensor(s) from {source}: training starts from them</source>
        <translation>
            <numerusform>Loaded %Ln tensor from {source}: training starts from it</numerusform>
            <numerusform>Loaded %Ln tensors from {source}: training starts from them</numerusform>
        </translation>
    </message>
</context>
</TS>
