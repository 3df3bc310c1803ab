"""The Chinese catalogues use the glossary's terms, everywhere (issue 18: "consistent
everywhere"): for each term of `translations/glossary_zh_CN.md` that a source string uses, its
translation uses the glossary's Chinese (or one of the alternatives the row allows).

The glossary's `check` column says how a row is checked (its legend is in the glossary):
``✓`` as the first two columns say, ``✓ rules`` for the English forms and Chinese words spelled
out, ``✗ why`` not checked. No window: the catalogues are read as XML."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from netstudio.translations.catalogues import AREAS, FOLDER, catalogue

GLOSSARY = FOLDER / "glossary_zh_CN.md"
LANGUAGE = "zh_CN"

#: The glossary rows that are not checked (``✗`` in their check column, which says why): the
#: English as in the row's first column. Un-checking a row is a change here too, on purpose.
UNCHECKED_ROWS = frozenset(
    {
        "auto / none (a field left empty)",
        "head (the last layers a transfer trains)",
        "layer catalogue: categories",
        "loading progress (files / images / rows read)",
        "PyTorch keyword (a parameter's name)",
    }
)

ROW = re.compile(r"^\|(.*)\|\s*$")
#: A parenthesised sense in the English column, "(Keras, its own call())" too.
SENSE = re.compile(r"\s*\((?:[^()]|\([^()]*\))*\)")
#: What is not English words of the text: fields, %Ln, code (`…`, keras.Model(inputs, outputs),
#: call(), bias=False, data.params, num_embeddings, 'batch'), a path (data/MNIST/raw, train/).
FIELD = re.compile(
    r"\{\w*\}|%L?n|`[^`]*`|\b\w+(?:\.\w+)+\((?:[^()]|\([^()]*\))*\)|\b\w+\(\)|\b\w+=\S*"
    r"|\b\w+[._]\w[\w.]*\b|'\w+'|\b\w+(?:/\w+){2,}|\b\w+/(?!\w)"
)


@dataclass(frozen=True)
class Rule:
    """One English term (its forms as one pattern) and the Chinese its translation must use."""

    row: str
    english: str
    pattern: re.Pattern[str]
    chinese: tuple[re.Pattern[str], ...]  # empty: a sense that is exempt (masks, checks nothing)


@dataclass(frozen=True)
class Row:
    """One row of the glossary's term table, as written (its line number for the messages)."""

    english: str
    chinese: str
    check: str | None  # None: the row has no check cell (checked as ✓)
    line: int


def glossary_rows(text: str) -> list[Row]:
    """The term table's rows (the header and the rule line left out)."""
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        match = ROW.match(line)
        if not match:
            continue
        cells = [c.strip() for c in match.group(1).split("|")]
        if cells[0] in ("English", "---"):
            continue
        check = cells[3] if len(cells) > 3 and cells[3] else None
        rows.append(Row(cells[0], cells[1], check, number))
    return rows


def english_pattern(form: str) -> str:
    """A regex for one English form: words split by a space or a hyphen, ``word(s)``/``(es)``
    an optional ending, whole words only."""
    words = []
    for word in re.split(r"[\s-]+", form.strip()):
        optional = re.fullmatch(r"(.+?)\((\w+)\)", word)
        if optional:
            words.append(re.escape(optional.group(1)) + f"(?:{re.escape(optional.group(2))})?")
        else:
            words.append(re.escape(word))
    return r"(?<![\w-])" + r"[\s-]+".join(words) + r"(?![\w-])"


def chinese_pattern(word: str) -> re.Pattern[str]:
    """``…`` in a Chinese alternative stands for anything (第…轮: 第 3 轮, 第 {epoch} 轮)."""
    return re.compile(".*?".join(re.escape(part) for part in word.strip().split("…")))


def rules_of(row: Row) -> list[Rule] | str:
    """The rules a row makes, or why it is not checked (a ``✗`` row), or raises ValueError."""
    check = row.check or "✓"
    if check.startswith("✗"):
        why = check[1:].strip()
        if not why:
            raise ValueError(f"line {row.line}: a ✗ row says why it is not checked")
        return why
    if not check.startswith("✓"):
        raise ValueError(f"line {row.line}: the check cell starts with ✓ or ✗, not {check!r}")
    spelled = check[1:].strip()
    if not spelled:  # as the first two columns say: "a / b" pairs with "甲 / 乙", plural allowed
        terms = [e.strip() for e in SENSE.sub("", row.english).split(" / ")]
        words = [c.strip() for c in row.chinese.split(" / ")]
        if len(terms) != len(words) or not all(terms):
            raise ValueError(
                f"line {row.line}: {row.english!r} does not pair with {row.chinese!r}: "
                "spell its rules out in the check column"
            )
        pairs = [
            (e + "(s)" if not e.endswith("s") else e, c) for e, c in zip(terms, words, strict=True)
        ]
        spelled = " ; ".join(f"{e} → {c}" for e, c in pairs)
    rules = []
    for part in spelled.split(" ; "):
        if part.startswith("not:"):  # other senses: matched so that nothing shorter is checked
            forms, chinese = part[len("not:") :], ""
        elif "→" in part:
            forms, chinese = part.split("→", 1)
        else:
            raise ValueError(f"line {row.line}: {part!r} is neither 'english → 中文' nor 'not: …'")
        chinese = re.sub(r"\s*\([^)]*\)", "", chinese)  # a note on the senses, for people
        alternatives = tuple(chinese_pattern(c) for c in chinese.split(" or ") if c.strip())
        if not chinese.strip() and not part.startswith("not:"):
            raise ValueError(f"line {row.line}: {part!r} names no Chinese")
        for form in re.split(r",(?![^()]*\))", forms):
            if not alternatives:  # "not: strides 1 (Keras's argument)": the note is for people
                form = re.sub(r"(?<=\S)\s+\([^)]*\)\s*$", "", form)
            if form.strip():
                pattern = re.compile(english_pattern(form), re.IGNORECASE)
                rules.append(Rule(row.english, form.strip(), pattern, alternatives))
    return rules


def glossary_rules(text: str) -> list[Rule]:
    """Every rule of the checked rows (a row that cannot be read raises ValueError)."""
    return [r for row in glossary_rows(text) if isinstance(rs := rules_of(row), list) for r in rs]


def identifiers(text: str) -> re.Pattern[str]:
    """The layer types the glossary says stay as they are where written with their capital
    (its line "- Layer types written with their capital …: Embedding, Flatten.")."""
    line = next(t for t in text.splitlines() if t.startswith("- Layer types written with"))
    rest = line + " " + text.split(line, 1)[1].split("\n\n", 1)[0]
    names = re.findall(r"[A-Z]\w+", rest.split(":", 1)[1])
    return re.compile(r"(?<![\w-])(?:" + "|".join(names) + r")(?![\w-])")


@dataclass(frozen=True)
class Entry:
    """One message of a catalogue: where it is, its English, its translation(s)."""

    where: str
    source: str
    translations: tuple[str, ...]


def entries(ts: Path, area: str) -> list[Entry]:
    """The messages of the catalogue `ts` (each plural form a translation of its own)."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = translation.findall("numerusform") if translation is not None else []
            texts = [f.text or "" for f in forms] or [
                translation.text or "" if translation is not None else ""
            ]
            where = f"{area}.ts, {context.findtext('name')}"
            found.append(Entry(where, message.findtext("source") or "", tuple(texts)))
    return found


def inconsistencies(
    rules: list[Rule], catalogue_entries: list[Entry], names: re.Pattern[str] | None = None
) -> list[str]:
    """Where a source uses a glossary term and its translation not the glossary's Chinese. A
    term inside a longer matched one ("batch" in "batch size") is the longer one's business."""
    found = []
    for entry in catalogue_entries:
        if not all(entry.translations):
            continue  # unfinished: test_i18n_catalogues says so
        # A term wholly inside a field or code ("{error}", "bias=False", "an Embedding") is not
        # a word of the text; a phrase around code ("nn.Module class") still is.
        code = [m.span() for m in FIELD.finditer(entry.source)]
        code += [m.span() for m in names.finditer(entry.source)] if names else []
        matches = [
            (m.start(), m.end(), r)
            for r in rules
            for m in r.pattern.finditer(entry.source)
            if not any(s <= m.start() and m.end() <= e for s, e in code)
        ]
        for start, end, rule in matches:
            inside = any(s <= start and end <= e and (e - s) > (end - start) for s, e, _ in matches)
            if inside or not rule.chinese:
                continue
            for text in entry.translations:
                if not any(c.search(text) for c in rule.chinese):
                    wanted = " or ".join(c.pattern.replace(".*?", "…") for c in rule.chinese)
                    found.append(
                        f"{entry.where}: {entry.source[start:end]!r} ({rule.row}) should read {wanted}:"
                        f" {entry.source!r} → {text!r}"
                    )
    return sorted(set(found))


def test_every_glossary_row_says_how_it_is_checked() -> None:
    """Each row is checked, or says why not (and is listed in UNCHECKED_ROWS)."""
    unchecked, problems = {}, []
    for row in glossary_rows(GLOSSARY.read_text(encoding="utf-8")):
        try:
            rules = rules_of(row)
        except ValueError as error:
            problems.append(str(error))
            continue
        if isinstance(rules, str):
            unchecked[row.english] = rules
    assert not problems, "\n".join(problems)
    listed = "\n".join(f"  {english}: {why}" for english, why in sorted(unchecked.items()))
    assert set(unchecked) == UNCHECKED_ROWS, f"the glossary's unchecked rows:\n{listed}"


def test_the_catalogues_use_the_glossary_terms() -> None:
    """Every catalogue says each glossary term the glossary's way."""
    text = GLOSSARY.read_text(encoding="utf-8")
    rules, names = glossary_rules(text), identifiers(text)
    checked = list(AREAS)
    found = [
        problem
        for area in checked
        for problem in inconsistencies(rules, entries(catalogue(LANGUAGE, area), area), names)
    ]
    assert not found, f"{len(found)} translations not in the glossary's terms:\n" + "\n".join(found)


SAMPLE = """\
| English | 简体中文 | notes | check |
| --- | --- | --- | --- |
| batch | 批次 | batch size: 批大小 | ✓ batch(es) → 批次 ; batch size → 批大小 |
| learning rate | 学习率 | | ✓ |
| epoch | 轮次 | | ✓ epoch(s) → 轮次 or 第…轮 ; not: epoch-wise |
| run | 训练记录 | | ✗ the verb too |
"""


def _entry(source: str, translation: str) -> Entry:
    return Entry("test.ts, Sample", source, (translation,))


def test_the_check_finds_a_term_translated_otherwise() -> None:
    rules = glossary_rules(SAMPLE)
    assert len(rules) == 5
    good = [
        _entry("Batch size", "批大小"),  # "batch" is inside "batch size": only 批大小 is needed
        _entry("Lower the learning-rate", "降低学习率"),
        _entry("%Ln batches of {batch}", "%Ln 个批次"),
        _entry("epoch {epoch}", "第 {epoch} 轮"),
        _entry("Run it with mode='batch' or 'batch', now {epoch}", "运行"),  # code, fields
        _entry("Epoch-wise", "逐轮"),  # an exempt sense
    ]
    assert inconsistencies(rules, good) == []
    bad = [_entry("Learning rates", "学习速率"), _entry("Batch size", "批量大小")]
    found = inconsistencies(rules, bad)
    assert len(found) == 2
    assert "'Learning rates' (learning rate) should read 学习率" in found[1]
    assert "'Batch size' (batch) should read 批大小" in found[0]


def test_a_row_that_cannot_be_checked_must_say_why() -> None:
    for cells in ("| run | 训练 | | ✗ |", "| a / b | 甲 | |", "| x | 乙 | | ✓ x |"):
        (row,) = glossary_rows(cells)
        try:
            rules_of(row)
        except ValueError:
            continue
        raise AssertionError(f"{cells} was accepted")


def test_layer_types_stay_and_the_words_are_checked() -> None:
    """The glossary's own rules: "Flatten" the layer stays, "flattens" the word is 展平."""
    text = GLOSSARY.read_text(encoding="utf-8")
    rules, names = glossary_rules(text), identifiers(text)
    kept = _entry("insert a Flatten before it", "请在它前面插入一个 Flatten")
    assert inconsistencies(rules, [kept], names) == []
    (found,) = inconsistencies(rules, [_entry("Flattens its input", "把输入拉平")], names)
    assert "'Flattens' (flatten / unflatten) should read 展平" in found
