"""Saving a project brings its runs along: `relocate_runs` moves the runs of a project never
saved, copies those beside an old file, leaves a missing folder with a note, and never leaves
half a folder behind."""

from __future__ import annotations

import errno
from pathlib import Path

from netstudio.training import runs as runs_module
from netstudio.training.runs import record_run_folder, relocate_runs, runs_folder


def make_run(folder: Path) -> Path:
    """A finished run's folder: weights, metrics and a nested checkpoint."""
    (folder / "checkpoint").mkdir(parents=True)
    (folder / "last.safetensors").write_bytes(b"weights of " + folder.name.encode())
    (folder / "epochs.csv").write_text("epoch,train_loss\n1,0.5\n", encoding="utf-8")
    (folder / "checkpoint" / "state.safetensors").write_bytes(b"state")
    return folder


def files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_runs_of_an_unsaved_project_move_beside_its_first_file(tmp_path: Path) -> None:
    scratch = tmp_path / "app-data" / "runs"
    first = make_run(scratch / "20260101-101500")
    second = make_run(scratch / "20260101-102000")
    before = files(first)
    records = [
        {"id": first.name, "name": "Run 1", "run_dir": str(first), "status": "finished"},
        {"id": second.name, "name": "Run 2", "run_dir": str(second), "status": "stopped"},
        {"id": "x", "name": "Run 3", "run_dir": None, "status": "failed"},
    ]
    project = tmp_path / "work" / "my.net"
    project.parent.mkdir()

    done = relocate_runs(records, None, project, move_from=scratch)

    assert done.notes == []
    assert [r["run_dir"] for r in done.records] == [
        "my.runs/20260101-101500",
        "my.runs/20260101-102000",
        None,
    ]
    assert done.records[0] == {**records[0], "run_dir": "my.runs/20260101-101500"}
    assert records[0]["run_dir"] == str(first)  # the caller's records are not changed
    moved = tmp_path / "work" / "my.runs" / first.name
    assert files(moved) == before
    assert not first.exists() and not second.exists()  # moved, not copied
    assert record_run_folder(done.records[0], project) == moved
    assert [p.name for p in runs_folder(project).iterdir()] == sorted([first.name, second.name])


def test_save_as_copies_the_runs_and_the_old_project_keeps_its_own(tmp_path: Path) -> None:
    old = tmp_path / "a" / "old.net"
    run = make_run(tmp_path / "a" / "old.runs" / "20260101-101500")
    records = [{"id": run.name, "name": "Run 1", "run_dir": "old.runs/20260101-101500"}]
    new = tmp_path / "b" / "new.net"

    done = relocate_runs(records, old, new, move_from=tmp_path / "app-data")

    assert done.notes == []
    assert done.records[0]["run_dir"] == "new.runs/20260101-101500"
    assert files(tmp_path / "b" / "new.runs" / run.name) == files(run)
    assert record_run_folder(records[0], old) == run  # still there for the old file


def test_saving_again_to_the_same_file_changes_nothing(tmp_path: Path) -> None:
    project = tmp_path / "p.net"
    run = make_run(tmp_path / "p.runs" / "r1")
    records = [{"name": "Run 1", "run_dir": "p.runs/r1"}]
    done = relocate_runs(records, project, project, move_from=tmp_path / "scratch")
    assert done.records == records and done.notes == []
    assert sorted(p.name for p in (tmp_path / "p.runs").iterdir()) == ["r1"]
    assert files(run)


def test_a_missing_folder_is_left_as_it_is_with_a_note(tmp_path: Path) -> None:
    records = [{"name": "Run 7", "run_dir": str(tmp_path / "gone" / "r7")}]
    done = relocate_runs(records, None, tmp_path / "p.net")
    assert done.records == records
    assert len(done.notes) == 1 and "Run 7" in done.notes[0] and "missing" in done.notes[0]
    assert str(tmp_path / "gone" / "r7") in done.notes[0]


def test_a_taken_name_gets_the_next_free_one(tmp_path: Path) -> None:
    taken = make_run(tmp_path / "p.runs" / "r1")
    run = make_run(tmp_path / "scratch" / "r1")
    records = [{"name": "Run 2", "run_dir": str(run)}]
    done = relocate_runs(records, None, tmp_path / "p.net", move_from=tmp_path / "scratch")
    assert done.records[0]["run_dir"] == "p.runs/r1-2"
    assert files(tmp_path / "p.runs" / "r1-2") == {
        **files(taken),
        "last.safetensors": b"weights of r1",
    }
    assert (taken / "last.safetensors").read_bytes() == b"weights of r1"


def test_a_move_to_another_file_system_copies_then_deletes(tmp_path: Path, monkeypatch) -> None:
    scratch = tmp_path / "scratch"
    run = make_run(scratch / "r1")
    before = files(run)
    real_rename = Path.rename

    def rename(self: Path, target):
        if self == run:  # a rename across file systems fails like this
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    done = relocate_runs([{"run_dir": str(run)}], None, tmp_path / "p.net", move_from=scratch)
    assert done.records[0]["run_dir"] == "p.runs/r1" and done.notes == []
    assert files(tmp_path / "p.runs" / "r1") == before
    assert not run.exists()
    assert [p.name for p in (tmp_path / "p.runs").iterdir()] == ["r1"]  # no temporary left


def test_a_copy_that_fails_leaves_no_half_folder_and_keeps_the_record(
    tmp_path: Path, monkeypatch
) -> None:
    old = tmp_path / "a" / "old.net"
    run = make_run(tmp_path / "a" / "old.runs" / "r1")

    def copy_then_fail(src, dst, *args, **kwargs):
        Path(dst).mkdir(parents=True)  # the disk fills up halfway through the copy
        (Path(dst) / "last.safetensors").write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(runs_module.shutil, "copytree", copy_then_fail)
    records = [{"name": "Run 1", "run_dir": "old.runs/r1"}]
    done = relocate_runs(records, old, tmp_path / "b" / "new.net")
    assert done.records[0]["run_dir"] == str(run)  # absolute: it resolves from the new file too
    assert len(done.notes) == 1 and "No space left on device" in done.notes[0]
    left = list((tmp_path / "b" / "new.runs").iterdir())
    assert left == []  # neither a half copy nor its temporary name
    assert files(run)["last.safetensors"] == b"weights of r1"


def test_a_relative_run_dir_without_a_project_file_names_no_folder(tmp_path: Path) -> None:
    assert record_run_folder({"run_dir": "p.runs/r1"}, None) is None
    assert record_run_folder({"run_dir": None}, tmp_path / "p.net") is None
    assert record_run_folder({"run_dir": "p.runs/r1"}, tmp_path / "p.net") == (
        tmp_path / "p.runs" / "r1"
    )


def test_two_records_of_one_folder_both_follow_it(tmp_path: Path) -> None:
    run = make_run(tmp_path / "scratch" / "r1")
    records = [{"name": f"Run {i}", "run_dir": str(run)} for i in (1, 2)]
    done = relocate_runs(records, None, tmp_path / "p.net", move_from=tmp_path / "scratch")
    assert [r["run_dir"] for r in done.records] == ["p.runs/r1"] * 2 and done.notes == []
