"""The words of a distributed run's failures (`netstudio.training.rank_failures`), as message
templates (`netstudio.core.messages`): the command line prints the English, the app would show
them translated.

Fields: epoch and batch, 1-based; error, the first line of the error behind it (a library's
own words, never translated).
"""

from __future__ import annotations

from netstudio.core.messages import QT_TRANSLATE_NOOP, Template

CONTEXT = "DistributedRuns"

#: A process of the run ended (or lost its connection) without saying why where this one
#: could read it: its own error output says.
PEER_STOPPED = Template(
    "distributed.peer-stopped",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DistributedRuns",
        "another process of the distributed run stopped ({error}): its own error output says "
        "why; the run's figures so far are kept",
    ),
)
