"""The words of blocks' errors (a network used as a layer: `netstudio.core.blocks`), as message
templates (`netstudio.core.messages`): the command line prints the English, the app shows them
translated. Fields: node, the block node's label ("Block 'b1'"); network, into and name,
network names; block, the block node's name.
"""

from __future__ import annotations

from netstudio.core.messages import QT_TRANSLATE_NOOP, Template

CONTEXT = "Blocks"

NAME_NOT_TEXT = Template(
    "blocks.name-not-text", CONTEXT, QT_TRANSLATE_NOOP("Blocks", "a network name must be text")
)
NAME_EMPTY = Template(
    "blocks.name-empty", CONTEXT, QT_TRANSLATE_NOOP("Blocks", "a network needs a name")
)
NAME_TOO_LONG = Template(
    "blocks.name-too-long",
    CONTEXT,
    QT_TRANSLATE_NOOP("Blocks", "a network name has at most {most} characters"),
)
NAME_NOT_A_WORD = Template(
    "blocks.name-not-a-word",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Blocks",
        "a network name is a word of letters, digits and '_' that does not start with a digit "
        "(like stage1)",
    ),
)
#: A network name refused (problem: one of the four above), with the name given ('3x').
NAME_REFUSED = Template(
    "blocks.name-refused", CONTEXT, QT_TRANSLATE_NOOP("Blocks", "{problem}, got {name}")
)
NO_SUCH_NETWORK = Template(
    "blocks.no-such-network",
    CONTEXT,
    QT_TRANSLATE_NOOP("Blocks", "there is no network '{network}' in this project"),
)
USES_ITSELF = Template(
    "blocks.uses-itself",
    CONTEXT,
    QT_TRANSLATE_NOOP("Blocks", "network '{into}' cannot use itself as a block"),
)
ALREADY_USES = Template(
    "blocks.already-uses",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Blocks",
        "network '{network}' already uses '{into}' (through its blocks), so '{into}' cannot use "
        "it: that would repeat them without end",
    ),
)
MISSING_NETWORK = Template(
    "blocks.missing-network",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Blocks",
        "{node} uses the network '{name}', which this project does not have (networks: "
        "{names}): choose one of its networks",
    ),
)
NONE = Template("blocks.no-networks", CONTEXT, QT_TRANSLATE_NOOP("Blocks", "none"))
REFUSED = Template(
    "blocks.refused", CONTEXT, QT_TRANSLATE_NOOP("Blocks", "{node}: {refused}; remove this block")
)
CYCLE = Template(
    "blocks.cycle",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Blocks",
        "{node} uses the network '{name}', which uses itself through its blocks ({loop}): "
        "remove one of those blocks",
    ),
)
NO_NETWORK = Template(
    "blocks.no-network", CONTEXT, QT_TRANSLATE_NOOP("Blocks", "{node} has no network")
)
NO_INPUT_OUTPUT = Template(
    "blocks.no-input-output",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Blocks",
        "{node}: its network '{name}' needs an Input and an Output node: add them in that network",
    ),
)
CHAIN_MISMATCH = Template(
    "blocks.chain-mismatch",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Blocks",
        "{node} chains {repeat} copies, each copy's outputs feeding the next one's inputs, but "
        "network '{name}' has {ins} Input(s) and {outs} Output(s): give it as many of each, or "
        "set repeat to 1",
    ),
)
IN_BLOCK = Template("blocks.in-block", CONTEXT, QT_TRANSLATE_NOOP("Blocks", "block '{block}'"))
IN_BLOCK_COPY = Template(
    "blocks.in-block-copy", CONTEXT, QT_TRANSLATE_NOOP("Blocks", "block '{block}' (copy {copy})")
)
INSIDE = Template(
    "blocks.inside-node",
    CONTEXT,
    QT_TRANSLATE_NOOP("Blocks", "{where}, node '{name}': {problem}"),
)
INSIDE_BLOCK = Template("blocks.inside", CONTEXT, QT_TRANSLATE_NOOP("Blocks", "{where}: {problem}"))
AND_MORE = Template(
    "blocks.and-more", CONTEXT, QT_TRANSLATE_NOOP("Blocks", "{problem} (and {more} more)")
)
