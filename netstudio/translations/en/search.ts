<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <source>Search stopped: %Ln trial(s); Search goes on with the study</source>
        <translation>
            <numerusform>Search stopped: %Ln trial; Search goes on with the study</numerusform>
            <numerusform>Search stopped: %Ln trials; Search goes on with the study</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Search ended: %Ln trial(s)</source>
        <translation>
            <numerusform>Search ended: %Ln trial</numerusform>
            <numerusform>Search ended: %Ln trials</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Search stopped: %Ln trial(s); best: trial {number}; Search goes on with the study</source>
        <translation>
            <numerusform>Search stopped: %Ln trial; best: trial {number}; Search goes on with the study</numerusform>
            <numerusform>Search stopped: %Ln trials; best: trial {number}; Search goes on with the study</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Search ended: %Ln trial(s); best: trial {number}</source>
        <translation>
            <numerusform>Search ended: %Ln trial; best: trial {number}</numerusform>
            <numerusform>Search ended: %Ln trials; best: trial {number}</numerusform>
        </translation>
    </message>
</context>
</TS>
