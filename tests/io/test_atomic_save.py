"""Saving replaces the file in one step: a failure at any point leaves the old file intact."""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path
from typing import Any

import pytest

from netstudio.core.graph import NetworkGraph
from netstudio.io import Project, dumps_project, load_project, save_project

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


@pytest.fixture
def project(mlp_graph: NetworkGraph) -> Project:
    return Project(mlp_graph, name="MNIST MLP")


@pytest.fixture
def saved(project: Project, tmp_path: Path) -> Path:
    """An older version of the project, saved: what a failed save must leave alone."""
    path = tmp_path / "model.net"
    path.write_bytes(b'{"format": "netstudio", "version": 1, "name": "old"}\n')
    return path


def fail(*args: Any, **kwargs: Any) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("step", ["replace", "fsync", "chmod"])
def test_a_failed_save_leaves_the_old_file(
    project: Project, saved: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    before = saved.read_bytes()
    monkeypatch.setattr(os, step, fail)
    with pytest.raises(
        OSError, match=r"cannot save .*model\.net: No space left on device"
    ) as caught:
        save_project(project, saved)
    monkeypatch.undo()
    assert caught.value.errno == errno.ENOSPC
    assert saved.read_bytes() == before
    assert sorted(p.name for p in saved.parent.iterdir()) == ["model.net"]  # no temp file left
    assert project.path is None  # not saved


def test_an_interrupted_save_leaves_no_temp_file(
    project: Project, saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(*args: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        save_project(project, saved)
    monkeypatch.undo()
    assert sorted(p.name for p in saved.parent.iterdir()) == ["model.net"]


def test_save_writes_the_canonical_text_and_remembers_the_path(
    project: Project, saved: Path
) -> None:
    save_project(project, saved)
    assert saved.read_text(encoding="utf-8") == dumps_project(project)
    assert project.path == saved
    project.name = "renamed"
    save_project(project)  # to where it was saved last
    assert load_project(saved).name == "renamed"


def test_save_without_a_path_asks_for_one(project: Project) -> None:
    with pytest.raises(ValueError, match="give a path"):
        save_project(project)


def test_save_into_a_missing_folder_is_a_clear_error(project: Project, tmp_path: Path) -> None:
    folder = tmp_path / "missing"
    with pytest.raises(OSError) as caught:
        save_project(project, folder / "model.net")
    assert str(caught.value) == (
        f"cannot save model.net in {folder}: there is no such folder; choose another folder"
    )


def test_save_into_a_file_as_if_a_folder_names_it(project: Project, tmp_path: Path) -> None:
    """A folder that cannot be written (here a file in its place: refused even to root)."""
    blocker = tmp_path / "notes.txt"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(OSError) as caught:
        save_project(project, blocker / "model.net")
    assert str(caught.value) == (
        f"cannot save model.net in {blocker}: that is a file, not a folder; choose another folder"
    )
    assert blocker.read_text(encoding="utf-8") == "not a folder" and project.path is None


def test_a_value_json_cannot_hold_is_refused_before_writing(project: Project, saved: Path) -> None:
    before = saved.read_bytes()
    project.graph.node("fc1").position = (float("nan"), 0.0)  # the graph itself refuses NaN
    with pytest.raises(ValueError, match="cannot store"):
        save_project(project, saved)
    assert saved.read_bytes() == before


@posix_only
def test_save_keeps_the_permissions_of_the_old_file(project: Project, saved: Path) -> None:
    saved.chmod(0o640)
    save_project(project, saved)
    assert stat.S_IMODE(saved.stat().st_mode) == 0o640


@posix_only
def test_a_new_file_gets_the_usual_permissions(project: Project, tmp_path: Path) -> None:
    umask = os.umask(0o022)
    os.umask(umask)
    path = tmp_path / "new.net"
    save_project(project, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask  # not mkstemp's 0o600


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_save_through_a_symlink_keeps_the_link(project: Project, saved: Path) -> None:
    link = saved.parent / "link.net"
    link.symlink_to(saved)
    save_project(project, link)
    assert link.is_symlink()
    assert saved.read_text(encoding="utf-8") == dumps_project(project)
