"""Two `netstudio tune` processes sharing one study in a PostgreSQL database of their own.

The test starts a throwaway cluster in a temporary folder with Debian's `initdb` and `pg_ctl`
(the `postgresql` package, which CI installs) and stops it at the end; it is skipped only
where those programs or the Python driver are missing. `initdb` refuses to run as root, so as
root the cluster belongs to the `postgres` (or `nobody`) user.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import optuna
import pytest

from netstudio.io import save_project
from tests.search.conftest import small_digits


def _newest_bin() -> Path:
    """Debian's PostgreSQL programs, of the newest version installed (15 on bookworm)."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0,
    )
    return found[-1].parent if found else Path("/usr/lib/postgresql/15/bin")


BIN = _newest_bin()


def _owner() -> str | None:
    """Who runs the cluster: this user, or as root a user that may (None: nobody can)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    pytest.skip("running as root and there is no 'postgres' or 'nobody' user to run initdb as")


def _as(owner: str | None, *command: str | Path) -> list[str]:
    args = [str(part) for part in command]
    return ["runuser", "-u", owner, "--", *args] if owner else args


@pytest.fixture
def postgres_url() -> Iterator[str]:
    if not (BIN / "initdb").is_file() or not (BIN / "pg_ctl").is_file():
        pytest.skip(f"PostgreSQL is not installed ({BIN}/initdb and pg_ctl are missing)")
    pytest.importorskip("psycopg", reason="the postgres extra (psycopg 3) is not installed")
    owner = _owner()
    folder = Path(tempfile.mkdtemp(prefix="netstudio-pg-"))  # not under root's private tmp
    data = folder / "data"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    try:
        if owner:
            shutil.chown(folder, owner)
        subprocess.run(
            _as(owner, BIN / "initdb", "-D", data, "-A", "trust", "-U", "postgres", "--no-sync"),
            check=True,
            capture_output=True,
        )
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            _as(
                owner,
                BIN / "pg_ctl",
                "-D",
                data,
                "-o",
                options,
                "-l",
                folder / "log",
                "-w",
                "start",
            ),
            check=True,
            capture_output=True,
        )
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        if data.is_dir():
            subprocess.run(
                _as(owner, BIN / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"),
                capture_output=True,
            )
        shutil.rmtree(folder, ignore_errors=True)


def test_two_processes_share_one_study_without_duplicate_trial_numbers(
    postgres_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "digits.net"
    save_project(small_digits(), path)
    env = os.environ | {"OMP_NUM_THREADS": "1"}
    command = [sys.executable, "-m", "netstudio", "tune", str(path), "--storage", postgres_url]
    workers = [
        subprocess.Popen([*command, "--trials", "2"], env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [worker.communicate(timeout=120)[0] for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0], outputs
    study = optuna.load_study(
        study_name="digits", storage=postgres_url.replace("postgresql://", "postgresql+psycopg://")
    )
    numbers = [trial.number for trial in study.trials]
    assert sorted(numbers) == [0, 1, 2, 3]
    printed = [line.split(" ·")[0] for out in outputs for line in out.splitlines()]
    assert sorted(line for line in printed if line.startswith("trial ")) == [
        f"trial {n}" for n in range(4)
    ]
