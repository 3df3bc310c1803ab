<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ConfusionModel</name>
    <message numerus="yes">
        <source>%Ln test sample(s) of {true} predicted as {predicted} ({share} of {true}, right); click to see them</source>
        <translation>
            <numerusform>%Ln test sample of {true} predicted as {predicted} ({share} of {true}, right); click to see them</numerusform>
            <numerusform>%Ln test samples of {true} predicted as {predicted} ({share} of {true}, right); click to see them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln test sample(s) of {true} predicted as {predicted} ({share} of {true}, wrong); click to see them</source>
        <translation>
            <numerusform>%Ln test sample of {true} predicted as {predicted} ({share} of {true}, wrong); click to see them</numerusform>
            <numerusform>%Ln test samples of {true} predicted as {predicted} ({share} of {true}, wrong); click to see them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reopen</name>
    <message numerus="yes">
        <source>%Ln test sample(s) could not be read and are left out of the figures: {error}</source>
        <translation>
            <numerusform>%Ln test sample could not be read and is left out of the figures: {error}</numerusform>
            <numerusform>%Ln test samples could not be read and are left out of the figures: {error}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunHistoryPanel</name>
    <message numerus="yes">
        <source>Wrote {rows} rows (%Ln run(s)) to {path}</source>
        <translation>
            <numerusform>Wrote {rows} rows (%Ln run) to {path}</numerusform>
            <numerusform>Wrote {rows} rows (%Ln runs) to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SampleView</name>
    <message numerus="yes">
        <source>{title}: %Ln sample(s) (the first {shown})</source>
        <translation>
            <numerusform>{title}: %Ln sample (the first {shown})</numerusform>
            <numerusform>{title}: %Ln samples (the first {shown})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{title}: %Ln sample(s)</source>
        <translation>
            <numerusform>{title}: %Ln sample</numerusform>
            <numerusform>{title}: %Ln samples</numerusform>
        </translation>
    </message>
</context>
</TS>
