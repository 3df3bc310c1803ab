"""A node card's words in the app's language: its subtitle ("Conv2d · 32, 3×3, pad 1") and its
parameter count ("18.5 k").

The layer catalogue writes a subtitle headless, in English (`LayerSpec.describe`: the CLI and
the tests read it so). The card shows it translated here, term by term: the subtitle is a list
of short terms ("pad 1", "64 units", "no bias"), not a sentence, so each term is one whole
translatable text with its value as a field, and the terms keep their order. The type name
(Conv2d) and the values (3×3, p=0.5, nearest) are PyTorch's words and stay. A term this module
does not know is shown as it is: English, never wrong.

Short counts keep the engineering units k, M and G in every language, with the locale's
decimal sign: the Chinese tutorials and papers write parameter counts so ("参数量 25.6M"), and
万/亿 would step by 10⁴ where every other count in the app (the Summary's 235,146) groups by
10³, so the same network would read 23.5 万 on a card and 235,146 in the Summary.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from netstudio.core.catalogue import LayerSpec
from netstudio.gui import i18n

translate = QCoreApplication.translate


def _terms() -> list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]]:
    """The subtitle terms the catalogue writes, each with its translation (made per call:
    the language is installed after import)."""
    return [
        (re.compile(r"pad (\S+)"),
         lambda m: translate("NodeSubtitle", "pad {size}").format(size=m[1])),
        (re.compile(r"stride (\S+)"),
         lambda m: translate("NodeSubtitle", "stride {size}").format(size=m[1])),
        (re.compile(r"(\d+) units"),
         lambda m: translate("NodeSubtitle", "{count} units").format(count=m[1])),
        (re.compile(r"no bias"), lambda m: translate("NodeSubtitle", "no bias")),
        (re.compile(r"(\d+) groups"),
         lambda m: translate("NodeSubtitle", "{count} groups").format(count=m[1])),
        (re.compile(r"(\d+) slopes"),
         lambda m: translate("NodeSubtitle", "{count} slopes").format(count=m[1])),
        (re.compile(r"slope (\S+)"),
         lambda m: translate("NodeSubtitle", "slope {value}").format(value=m[1])),
        (re.compile(r"dim (\S+)"),
         lambda m: translate("NodeSubtitle", "dim {dim}").format(dim=m[1])),
        (re.compile(r"(\d+) heads"),
         lambda m: translate("NodeSubtitle", "{count} heads").format(count=m[1])),
        (re.compile(r"batch"),
         lambda m: translate("NodeSubtitle", "batch", "stochastic depth drops whole batches")),
        # A recurrent layer passes on every step, or the last one only (its "output").
        (re.compile(r"sequence"), lambda m: translate("NodeSubtitle", "sequence", "every step")),
        (re.compile(r"last"), lambda m: translate("NodeSubtitle", "last", "the last step only")),
        (re.compile(r"auto( .*)?"),
         lambda m: translate("NodeSubtitle", "auto") + (m[1] or "")),
    ]  # fmt: skip


def translate_detail(detail: str) -> str:
    """A subtitle's detail ("32, 3×3, pad 1") with its known terms translated."""
    if not detail:
        return detail
    terms = _terms()
    shown = []
    for part in detail.split(", "):
        for pattern, translation in terms:
            match = pattern.fullmatch(part)
            if match is not None:
                part = translation(match)
                break
        shown.append(part)
    return ", ".join(shown)


def subtitle(spec: LayerSpec, params: Mapping[str, Any]) -> str:
    """The subtitle of a node of `spec` with `params`, in the app's language: the type, then
    its key parameters (``Conv2d · 32, 3×3, pad 1``)."""
    english = spec.describe(params)
    return translate_subtitle(english, spec.name)


def translate_subtitle(english: str, type_name: str) -> str:
    """`english` (``{type_name} · {detail}``, as `LayerSpec.describe` writes it) translated."""
    head = f"{type_name} · "
    if not english.startswith(head):
        return english
    return head + translate_detail(english.removeprefix(head))


def short_count(value: int) -> str:
    """18,500 → "18.5 k"; 235,146 → "235 k"; 1,200,000 → "1.2 M" (node footers), with the
    locale's decimal sign (see module docstring: the units stay in every language)."""
    if value < 1000:
        return i18n.number(value)
    for unit, size in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if value >= size:
            scaled = value / size
            text = f"{scaled:.1f}" if scaled < 100 else f"{scaled:.0f}"
            text = text.removesuffix(".0").replace(".", i18n.locale().decimalPoint())
            return f"{text} {unit}"
    return i18n.number(value)
