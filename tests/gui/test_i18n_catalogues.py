"""The catalogues: complete (nothing unfinished or left over), faithful to their sources
(fields, plural counts and shortcut letters kept), up to date with the sources, and compiled
into the .qm files that ship (`python -m netstudio.translations update` fixes the last two)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from netstudio.translations.catalogues import (
    AREAS,
    LANGUAGES,
    PACKAGE,
    SOURCE_LANGUAGE,
    area_of,
    catalogue,
    stale,
)

FIELD = re.compile(r"\{\w*\}")
#: A plural's count: %Ln, written with the locale's digit grouping.
PLURAL = re.compile(r"%L?n")


def _messages(language: str) -> list[tuple[str, str, ET.Element]]:
    found = []
    for area in AREAS:
        root = ET.parse(catalogue(language, area)).getroot()
        for context in root.iter("context"):
            for message in context.iter("message"):
                where = f"{language}/{area}.ts: {context.findtext('name')}"
                found.append((where, message.findtext("source") or "", message))
    return found


def _translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def test_every_catalogue_is_finished_with_nothing_obsolete() -> None:
    """Every entry of every catalogue translated: none unfinished, obsolete or vanished (a
    string gone from the sources is dropped by `update`, never kept)."""
    bad = []
    for language in (*LANGUAGES, SOURCE_LANGUAGE):
        for where, source, message in _messages(language):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "missing"
            if kind is not None or not all(_translations(message)):
                bad.append(f"{where}: {source!r} ({kind or 'empty'})")
    assert not bad, "unfinished or obsolete entries:\n" + "\n".join(bad)


def test_translations_keep_fields_plurals_and_shortcut_letters() -> None:
    bad = []
    for language in LANGUAGES:
        for where, source, message in _messages(language):
            for text in _translations(message):
                if sorted(FIELD.findall(text)) != sorted(FIELD.findall(source)):
                    bad.append(f"{where}: {text!r} has not the fields of {source!r}")
                if PLURAL.findall(source) != PLURAL.findall(text):
                    bad.append(f"{where}: {text!r} and {source!r} differ in %Ln")
                if "%n" in source:  # %Ln: the count in the locale's digits ("1,293")
                    bad.append(f"{where}: {source!r} counts with %n: write %Ln")
                if re.search(r"&\w", source) and not re.search(r"\(&\w\)", text):
                    bad.append(f"{where}: {text!r} has no shortcut letter like (&F)")
    assert not bad, "\n".join(bad)


def test_english_has_its_plural_forms() -> None:
    """English is the source language; its catalogue holds each %Ln string's two forms."""
    plurals = [m for _, _, m in _messages(SOURCE_LANGUAGE)]
    assert plurals, "no plural strings in the English catalogue"
    for message in plurals:
        one, many = _translations(message)
        assert "%Ln" in one and "%Ln" in many and one != many


def test_every_gui_source_belongs_to_an_area() -> None:
    orphans = [p for p in (PACKAGE / "gui").rglob("*.py") if area_of(p) is None]
    assert not orphans, f"add these to an area in netstudio/translations/catalogues.py: {orphans}"
    assert area_of(PACKAGE / "gui" / "main_window.py") == "app"
    assert area_of(PACKAGE / "core" / "validation.py") == "messages"
    assert area_of(PACKAGE / "gui" / "training" / "panel.py") == "training"


def test_catalogues_and_compiled_files_are_up_to_date() -> None:
    """pyside6-lupdate over the sources changes no catalogue, and pyside6-lrelease of the
    catalogues gives the shipped .qm byte for byte (about 2 s: both tools, all areas)."""
    behind = stale()
    assert not behind, (
        f"stale: {behind}: run `python -m netstudio.translations update`, translate what is "
        "unfinished, and run it again"
    )


def test_the_wheel_ships_the_compiled_catalogues() -> None:
    text = (PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert '"translations/*.qm"' in text
    for language in (*LANGUAGES, SOURCE_LANGUAGE):
        assert Path(PACKAGE / "translations" / f"netstudio_{language}.qm").is_file()
