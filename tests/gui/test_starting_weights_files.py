"""Save keeps a project's starting weights beside it, and never deletes a file it did not write.

A person saves a project that has no starting weights into a folder where a file of the
weights' name already exists (weights exported there earlier, say): that file is someone's
work and stays as it was.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from netstudio.gui.document import Document
from netstudio.io import load_project

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_save_as_beside_a_weights_file_of_that_name_leaves_it_alone(tmp_path: Path) -> None:
    source = Path(shutil.copy(EXAMPLES / "digits_mlp.net", tmp_path / "digits_mlp.net"))
    document = Document(load_project(source), analysis=False)
    assert document.starting_weights == {}  # nothing beside the example
    other = tmp_path / "other"
    other.mkdir()
    theirs = other / "mine.safetensors"
    theirs.write_bytes(b"weights a person exported here")
    document.save(other / "mine.net")
    assert theirs.read_bytes() == b"weights a person exported here"
    document.save(other / "mine.net")  # and saving again in place
    assert theirs.read_bytes() == b"weights a person exported here"
