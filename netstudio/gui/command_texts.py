"""The undo command texts that hold a count ("Delete 3 nodes"), in the app's language.

Qt's plural forms (`%n`) are extracted by pyside6-lupdate from a QObject's ``self.tr`` only
(docs/translating.md), and an undo command is no QObject: `counted()` is one object for the
app, made on first use, that `netstudio.gui.commands` asks for these texts.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from netstudio.gui import i18n


class CommandTexts(QObject):
    """The command texts with a count, each in a sentence of its own."""

    def delete_nodes(self, count: int) -> str:
        return self.tr("Delete %Ln node(s)", "", count)

    def delete_items(self, count: int) -> str:
        return self.tr("Delete %Ln item(s)", "", count)

    def move_nodes(self, count: int) -> str:
        return self.tr("Move %Ln node(s)", "", count)

    def paste_nodes(self, count: int) -> str:
        return self.tr("Paste %Ln node(s)", "", count)

    def delete_runs(self, count: int) -> str:
        return self.tr("Delete %Ln run(s)", "", count)


_counted: CommandTexts | None = None


def counted() -> CommandTexts:
    """The texts with a count (one object for the app, made on first use). Without a language
    installed (a stack used without a window: tests, tools), English's plural forms are."""
    global _counted
    i18n.ensure_installed()
    if _counted is None:
        _counted = CommandTexts()
    return _counted
