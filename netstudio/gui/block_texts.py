"""The network and block texts that hold a count ("Made the block b of 3 layers"), in the app's
language.

Qt's plural forms are extracted by pyside6-lupdate from a QObject's ``self.tr`` only
(docs/translating.md); the block edits and their undo commands are no QObjects, so they ask
`counted()`, one object for the app made on first use (as `netstudio.gui.command_texts`).
"""

from __future__ import annotations

from PySide6.QtCore import QObject


class BlockTexts(QObject):
    """The block texts with a count, each a whole sentence."""

    def made_block(self, name: str, count: int) -> str:
        """The status after Model > Make Block."""
        text = self.tr(
            "Made the block {name} of %Ln layer(s): double-click it to open its network", "", count
        )
        return text.format(name=name)

    def paste_with_networks(self, paste: str, names: str, count: int) -> str:
        """The undo text of a paste that brings `count` networks its Blocks use. The count is
        not written, so no `%n` form: one sentence for one network, one for several."""
        if count == 1:
            text = self.tr("{paste} with the network {names}")
        else:
            text = self.tr("{paste} with the networks {names}")
        return text.format(paste=paste, names=names)


_counted: BlockTexts | None = None


def counted() -> BlockTexts:
    """The texts with a count (one object for the app, made on first use)."""
    global _counted
    if _counted is None:
        _counted = BlockTexts()
    return _counted
