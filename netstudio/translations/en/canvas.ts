<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BlockTexts</name>
    <message numerus="yes">
        <source>Made the block {name} of %Ln layer(s): double-click it to open its network</source>
        <translation>
            <numerusform>Made the block {name} of %Ln layer: double-click it to open its network</numerusform>
            <numerusform>Made the block {name} of %Ln layers: double-click it to open its network</numerusform>
        </translation>
    </message>
</context>
</TS>
