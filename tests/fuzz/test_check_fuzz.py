"""`netstudio check` on a few hundred damaged projects: an answer for each, never a traceback
or a hang, and the file untouched."""

from __future__ import annotations

import contextlib
import io
import signal
import traceback
from collections.abc import Iterator
from pathlib import Path

from netstudio.cli import EXIT_INVALID, EXIT_OK, EXIT_UNREADABLE, run_check

#: Seconds one file may take: far above a real answer (milliseconds once torch is warm), far
#: below the minutes the hangs this guards against took.
DEADLINE = 20.0


class Hang(Exception):
    """A file took longer than `DEADLINE`."""


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise `Hang` in this (the main) thread when the block runs longer than `seconds`."""

    def expire(signum, frame) -> None:
        raise Hang(f"no answer within {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_check_answers_every_damaged_file(
    fuzz_cases: list[tuple[str, bytes]], tmp_path: Path, capsys
) -> None:
    path = tmp_path / "fuzzed.net"
    failures = []
    codes = {EXIT_OK: 0, EXIT_INVALID: 0, EXIT_UNREADABLE: 0}
    for label, data in fuzz_cases:
        path.write_bytes(data)
        out = io.StringIO()
        try:
            with deadline(DEADLINE):
                code = run_check(path, out)
        except BaseException as error:  # a hang, a crash, even a SystemExit: all are failures
            failures.append(f"{label}: {''.join(traceback.format_exception_only(error)).strip()}")
            continue
        printed = out.getvalue() + capsys.readouterr().err
        if code not in codes:
            failures.append(f"{label}: exit code {code}")
        elif "Traceback" in printed or "\x1b" in printed:
            failures.append(f"{label}: printed a traceback or a raw escape: {printed[-300:]!r}")
        else:
            codes[code] += 1
        if path.read_bytes() != data:
            failures.append(f"{label}: check changed the file")
        assert not [p.name for p in tmp_path.iterdir() if p.name != path.name], label
    assert not failures, f"{len(failures)} of {len(fuzz_cases)} files:\n" + "\n".join(failures)
    # The damage reaches every stage: some files still read, some are invalid, some unreadable.
    assert all(codes.values()), codes
