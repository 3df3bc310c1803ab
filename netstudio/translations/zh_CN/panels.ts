<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>file: {problem}</source>
        <extracomment>The number of errors and warnings changed: (errors, warnings). Problems found outside the document&apos;s analysis (a layer failing on the previews&apos; sample), shown after its own.</extracomment>
        <translation>文件：{problem}</translation>
    </message>
    <message>
        <source>Left out when the file was opened: {problem}</source>
        <translation>打开文件时被略过：{problem}</translation>
    </message>
    <message>
        <source>No problems: the network is valid.</source>
        <translation>没有问题：网络有效。</translation>
    </message>
</context>
</TS>
