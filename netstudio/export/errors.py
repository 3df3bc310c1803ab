"""The one error the exporters raise: what could not be exported, and what to do about it."""

from __future__ import annotations


class ExportError(Exception):
    """An export that cannot be done: an invalid network, weights that do not fit, a missing
    package, a data source a training script cannot read. The message is for people: it says
    what went wrong, where (node, file) and what to do."""
