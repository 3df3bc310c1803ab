"""The `.net` project file: reading (with versions and migrations), checking, atomic saving.

No Qt and no torch here: the command line and the tests read and write projects headless.
"""

from __future__ import annotations

from netstudio.io.errors import FileProblem, ProjectFileError
from netstudio.io.migrations import CURRENT_VERSION
from netstudio.io.project import Project
from netstudio.io.reader import graph_from_dict, load_project, loads_project
from netstudio.io.writer import dumps_project, graph_to_dict, project_to_dict, save_project

__all__ = [
    "CURRENT_VERSION",
    "FileProblem",
    "Project",
    "ProjectFileError",
    "dumps_project",
    "graph_from_dict",
    "graph_to_dict",
    "load_project",
    "loads_project",
    "project_to_dict",
    "save_project",
]
