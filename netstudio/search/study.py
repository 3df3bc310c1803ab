"""The study: where a search's trials are stored, and how the next values are chosen.

A study lives in an Optuna RDB storage: by default an SQLite file beside the project
(``<stem>.tune.db``), or any database SQLAlchemy reaches (``postgresql://user@host/db``, with
the ``postgres`` extra installed: psycopg 3), shared by as many `netstudio tune` processes on as many
machines as point at it. Opening a study that exists resumes it: new trials add to the old
ones and the sampler learns from all of them. Nothing here samples, prunes or stores on its
own: `sampler`, `pruner` and `open_study` only choose and set up Optuna's.

A process killed mid-trial leaves that trial "running" in the storage; the storage's heartbeat
marks it failed once it has been silent for `GRACE_SECONDS`, so a resumed or shared study is
never held up by it.
"""

from __future__ import annotations

import os
import re
import time
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netstudio.search import study_words as words
from netstudio.search.config import SearchConfig
from netstudio.search.targets import SearchError

if TYPE_CHECKING:
    import optuna

#: How often a running trial tells the storage it is alive, and how long a silent one is kept
#: running before it is taken for a killed process's and marked failed (seconds).
HEARTBEAT_SECONDS = 5
GRACE_SECONDS = 20
#: Median pruning: trials that run to the end before any is pruned, and epochs each trial
#: runs before it can be pruned (the first epoch's figures are too noisy to judge by).
MEDIAN_STARTUP_TRIALS = 3
MEDIAN_WARMUP_EPOCHS = 1


class StorageError(SearchError):
    """The study's database cannot be reached or used; the message names it (no password)."""


def default_storage(project_path: Path) -> str:
    """The SQLite study file beside the project: ``sqlite:///<folder>/<stem>.tune.db``."""
    path = project_path.resolve().with_name(project_path.stem + ".tune.db")
    return f"sqlite:///{path}"


def shown_url(url: str) -> str:
    """`url` with its password, if any, hidden: safe to print."""
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a URL SQLAlchemy reads: hide anything like user:password@
        return re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", url)


def sampler(config: SearchConfig, seed: int | None) -> optuna.samplers.BaseSampler:
    """Optuna's sampler for `config`, seeded with `seed` (see `open_study` for which)."""
    import optuna

    if config.sampler == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    if config.sampler == "grid":
        space = {p.target: p.domain.choices for p in config.parameters}  # lists only: config
        return optuna.samplers.GridSampler(space, seed=seed)
    return optuna.samplers.TPESampler(seed=seed)


def pruner(config: SearchConfig, epochs: int) -> optuna.pruners.BasePruner:
    """Optuna's pruner for `config`, for trials of `epochs` epochs."""
    import optuna

    if config.pruner == "median":
        return optuna.pruners.MedianPruner(
            n_startup_trials=MEDIAN_STARTUP_TRIALS, n_warmup_steps=MEDIAN_WARMUP_EPOCHS
        )
    if config.pruner == "hyperband":
        return optuna.pruners.HyperbandPruner(min_resource=1, max_resource=max(1, epochs))
    return optuna.pruners.NopPruner()


def open_storage(url: str) -> optuna.storages.RDBStorage:
    """Optuna's storage at `url`, its tables made when new; StorageError (one line naming the
    database, without its password) when it cannot be reached or used."""
    import optuna

    shown = shown_url(url)
    if url.startswith("postgresql://"):  # psycopg 3 (the postgres extra), whatever SQLAlchemy
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    attempts = 3  # processes that start together on a new database race to make its tables
    for attempt in range(attempts):
        try:
            with warnings.catch_warnings():  # the heartbeat is marked experimental
                warnings.simplefilter("ignore", optuna.exceptions.ExperimentalWarning)
                storage = optuna.storages.RDBStorage(
                    url, heartbeat_interval=HEARTBEAT_SECONDS, grace_period=GRACE_SECONDS
                )
            if url.startswith("sqlite"):
                _write_ahead(storage)
            return storage
        except ImportError as error:
            name = getattr(error, "name", None) or str(error)
            raise StorageError(words.NO_DRIVER(database=shown, driver=name)) from None
        except Exception as error:
            from sqlalchemy.exc import IntegrityError, ProgrammingError

            # Two processes making the same tables: the second finds them half made.
            racing = isinstance(error, (IntegrityError, ProgrammingError))
            if attempt + 1 < attempts and (racing or "already exists" in str(error)):
                time.sleep(0.5 + attempt)
                continue
            raise StorageError(
                words.UNREACHABLE(database=shown, reason=_reason(error, url))
            ) from None
    raise AssertionError("unreachable")  # the loop returns or raises


def _write_ahead(storage: optuna.storages.RDBStorage) -> None:
    """An SQLite study in write-ahead mode, synced at checkpoints rather than at every commit:
    a trial reports each epoch, and a synced commit costs tens of milliseconds on a busy disk
    (a second a trial, where the bar is 5 %). A crash of the process loses nothing committed;
    a power cut may lose the last reports. Write-ahead also lets processes on one machine read
    the study while another writes to it."""
    from sqlalchemy import event

    def configure(connection: Any, _record: Any) -> None:
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    event.listen(storage.engine, "connect", configure)
    storage.engine.dispose()  # the connections made so far were made without it


def _reason(error: BaseException, url: str) -> str:
    """The first line of a database error, without SQLAlchemy's background link and without
    the URL's password should the driver quote it."""
    cause = getattr(error, "orig", None) or error
    text = (str(cause).strip().splitlines() or [type(cause).__name__])[0]
    password = re.search(r"://[^:/@]*:([^@]*)@", url)
    if password and password.group(1):
        text = text.replace(password.group(1), "***")
    return text


def open_study(
    config: SearchConfig, storage: optuna.storages.RDBStorage, name: str, epochs: int
) -> optuna.Study:
    """The study `name` in `storage`, created when new, else resumed.

    The sampler's seed is the search's seed plus the number of trials the study already has
    (a resumed study goes on drawing new values rather than repeating its first ones), plus
    the process id on a shared database, where several workers start at once. A study that
    was made for another objective is refused (SearchError), so trials judged by different
    figures are never compared.
    """
    import optuna

    goal = config.objective.goal
    metric = config.objective.metric
    try:
        existing = optuna.load_study(study_name=name, storage=storage)
    except KeyError:
        existing = None
    if existing is not None:
        had = existing.user_attrs.get("metric")
        if (had is not None and had != metric) or existing.direction.name.lower() != goal:
            raise SearchError(
                words.OTHER_OBJECTIVE(
                    study=name,
                    had_goal=words.goal(existing.direction.name.lower()),
                    had=str(had),
                    goal=words.goal(goal),
                    metric=metric,
                )
            )
    count = len(existing.trials) if existing is not None else 0
    seed = config.seed
    if seed is not None:
        seed += count
        if not storage.url.startswith("sqlite"):
            seed += os.getpid()
        seed %= 2**32
    study = optuna.create_study(
        storage=storage,
        study_name=name,
        direction=goal,
        sampler=sampler(config, seed),
        pruner=pruner(config, epochs),
        load_if_exists=True,
    )
    if study.user_attrs.get("metric") is None:
        study.set_user_attr("metric", metric)
    return study
