<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>LrPreview</name>
    <message numerus="yes">
        <source>Learning rate from {start} to {end} over %n epoch(s)</source>
        <extracomment>The curves of the other parameter groups, by multiplier, and the unfreezing marks. The ×1 curve drawn last, and every group&apos;s curve by multiplier. Whether torch may be imported now (see module docstring).</extracomment>
        <translation>
            <numerusform>Learning rate from {start} to {end} over %n epoch</numerusform>
            <numerusform>Learning rate from {start} to {end} over %n epochs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StartChecks</name>
    <message numerus="yes">
        <source>The network has %n error(s) (first: {where}: {message}): fix the problems first (Model ▸ Check Network)</source>
        <translation>
            <numerusform>The network has %n error (first: {where}: {message}): fix the problems first (Model ▸ Check Network)</numerusform>
            <numerusform>The network has %n errors (first: {where}: {message}): fix the problems first (Model ▸ Check Network)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message numerus="yes">
        <source>Training on {device}: {parameters} parameters, {samples} samples, %n epoch(s) of {batches} batches, streaming from disk</source>
        <translation>
            <numerusform>Training on {device}: {parameters} parameters, {samples} samples, %n epoch of {batches} batches, streaming from disk</numerusform>
            <numerusform>Training on {device}: {parameters} parameters, {samples} samples, %n epochs of {batches} batches, streaming from disk</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Training on {device}: {parameters} parameters, {samples} samples, %n epoch(s) of {batches} batches</source>
        <translation>
            <numerusform>Training on {device}: {parameters} parameters, {samples} samples, %n epoch of {batches} batches</numerusform>
            <numerusform>Training on {device}: {parameters} parameters, {samples} samples, %n epochs of {batches} batches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished after %n epoch(s)</source>
        <translation>
            <numerusform>Finished after %n epoch</numerusform>
            <numerusform>Finished after %n epochs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n epoch(s)</source>
        <translation>
            <numerusform>Stopped after %n epoch</numerusform>
            <numerusform>Stopped after %n epochs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped early after %n epoch(s)</source>
        <translation>
            <numerusform>Stopped early after %n epoch</numerusform>
            <numerusform>Stopped early after %n epochs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Failed after %n epoch(s)</source>
        <translation>
            <numerusform>Failed after %n epoch</numerusform>
            <numerusform>Failed after %n epochs</numerusform>
        </translation>
    </message>
</context>
</TS>
