<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CommandTexts</name>
    <message numerus="yes">
        <source>Delete %n node(s)</source>
        <translation>
            <numerusform>Delete %n node</numerusform>
            <numerusform>Delete %n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s)</source>
        <translation>
            <numerusform>Delete %n item</numerusform>
            <numerusform>Delete %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n node(s)</source>
        <translation>
            <numerusform>Move %n node</numerusform>
            <numerusform>Move %n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n node(s)</source>
        <translation>
            <numerusform>Paste %n node</numerusform>
            <numerusform>Paste %n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s)</source>
        <translation>
            <numerusform>Delete %n run</numerusform>
            <numerusform>Delete %n runs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoadWeightsDialog</name>
    <message numerus="yes">
        <source>All %n tensor(s) of {source} match this network.</source>
        <translation>
            <numerusform>All %n tensor of {source} matches this network.</numerusform>
            <numerusform>All %n tensors of {source} match this network.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s) of {source} match this network by name and shape; the others do not. Loading the matched ones is a partial load: the layers they belong to start from them, the others from fresh weights.</source>
        <translation>
            <numerusform>%n tensor of {source} matches this network by name and shape; the others do not. Loading the matched one is a partial load: the layer it belongs to starts from it, the others from fresh weights.</numerusform>
            <numerusform>%n tensors of {source} match this network by name and shape; the others do not. Loading the matched ones is a partial load: the layers they belong to start from them, the others from fresh weights.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Load %n tensor(s)</source>
        <translation>
            <numerusform>Load %n tensor</numerusform>
            <numerusform>Load %n tensors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Load matched %n tensor(s)</source>
        <translation>
            <numerusform>Load matched %n tensor</numerusform>
            <numerusform>Load matched %n tensors</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>✗ %n error(s)</source>
        <translation>
            <numerusform>✗ %n error</numerusform>
            <numerusform>✗ %n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>starts from loaded weights (%n tensor(s))</source>
        <translation>
            <numerusform>starts from loaded weights (%n tensor)</numerusform>
            <numerusform>starts from loaded weights (%n tensors)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Froze %n layer(s) before {name}</source>
        <translation>
            <numerusform>Froze %n layer before {name}</numerusform>
            <numerusform>Froze %n layers before {name}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message numerus="yes">
        <source>%n part(s) of {file} could not be read:</source>
        <translation>
            <numerusform>%n part of {file} could not be read:</numerusform>
            <numerusform>%n parts of {file} could not be read:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{problem} (and %n more problem(s))</source>
        <translation>
            <numerusform>{problem} (and %n more problem)</numerusform>
            <numerusform>{problem} (and %n more problems)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved {file}, but %n run(s) could not be brought beside it:</source>
        <translation>
            <numerusform>Saved {file}, but %n run could not be brought beside it:</numerusform>
            <numerusform>Saved {file}, but %n runs could not be brought beside it:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WeightsLoader</name>
    <message numerus="yes">
        <source>Load %n tensor(s) from {source}</source>
        <translation>
            <numerusform>Load %n tensor from {source}</numerusform>
            <numerusform>Load %n tensors from {source}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n tensor(s) from {source}: training starts from them</source>
        <translation>
            <numerusform>Loaded %n tensor from {source}: training starts from it</numerusform>
            <numerusform>Loaded %n tensors from {source}: training starts from them</numerusform>
        </translation>
    </message>
</context>
</TS>
