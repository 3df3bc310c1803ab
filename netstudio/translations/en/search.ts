<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <source>Search stopped: %n trial(s); Search goes on with the study</source>
        <translation>
            <numerusform>Search stopped: %n trial; Search goes on with the study</numerusform>
            <numerusform>Search stopped: %n trials; Search goes on with the study</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Search ended: %n trial(s)</source>
        <translation>
            <numerusform>Search ended: %n trial</numerusform>
            <numerusform>Search ended: %n trials</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Search stopped: %n trial(s); best: trial {number}; Search goes on with the study</source>
        <translation>
            <numerusform>Search stopped: %n trial; best: trial {number}; Search goes on with the study</numerusform>
            <numerusform>Search stopped: %n trials; best: trial {number}; Search goes on with the study</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Search ended: %n trial(s); best: trial {number}</source>
        <translation>
            <numerusform>Search ended: %n trial; best: trial {number}</numerusform>
            <numerusform>Search ended: %n trials; best: trial {number}</numerusform>
        </translation>
    </message>
</context>
</TS>
