<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>LrPreview</name>
    <message numerus="yes">
        <source>Learning rate from {start} to {end} over %Ln epoch(s)</source>
        <extracomment>The curves of the other parameter groups, by multiplier, and the unfreezing marks. The ×1 curve drawn last, and every group&apos;s curve by multiplier. Whether torch may be imported now (see module docstring).</extracomment>
        <translation>
            <numerusform>Learning rate from {start} to {end} over %Ln epoch</numerusform>
            <numerusform>Learning rate from {start} to {end} over %Ln epochs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StartChecks</name>
    <message numerus="yes">
        <source>The network has %Ln error(s) (first: {where}: {message}): fix the problems first (Model ▸ Check Network)</source>
        <translation>
            <numerusform>The network has %Ln error (first: {where}: {message}): fix the problems first (Model ▸ Check Network)</numerusform>
            <numerusform>The network has %Ln errors (first: {where}: {message}): fix the problems first (Model ▸ Check Network)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message numerus="yes">
        <source>Training on {device}: {parameters} parameters, {samples} samples, %Ln epoch(s) of {batches} batches, streaming from disk</source>
        <translation>
            <numerusform>Training on {device}: {parameters} parameters, {samples} samples, %Ln epoch of {batches} batches, streaming from disk</numerusform>
            <numerusform>Training on {device}: {parameters} parameters, {samples} samples, %Ln epochs of {batches} batches, streaming from disk</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Training on {device}: {parameters} parameters, {samples} samples, %Ln epoch(s) of {batches} batches</source>
        <translation>
            <numerusform>Training on {device}: {parameters} parameters, {samples} samples, %Ln epoch of {batches} batches</numerusform>
            <numerusform>Training on {device}: {parameters} parameters, {samples} samples, %Ln epochs of {batches} batches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished after %Ln epoch(s)</source>
        <translation>
            <numerusform>Finished after %Ln epoch</numerusform>
            <numerusform>Finished after %Ln epochs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %Ln epoch(s)</source>
        <translation>
            <numerusform>Stopped after %Ln epoch</numerusform>
            <numerusform>Stopped after %Ln epochs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped early after %Ln epoch(s)</source>
        <translation>
            <numerusform>Stopped early after %Ln epoch</numerusform>
            <numerusform>Stopped early after %Ln epochs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Failed after %Ln epoch(s)</source>
        <translation>
            <numerusform>Failed after %Ln epoch</numerusform>
            <numerusform>Failed after %Ln epochs</numerusform>
        </translation>
    </message>
</context>
</TS>
