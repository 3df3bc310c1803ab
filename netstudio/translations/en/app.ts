<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
</TS>
