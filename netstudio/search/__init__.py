"""Hyperparameter and structure search: the project's "search" section run as an Optuna study.

`config` is the section's typed model (what is searched, the budget, the objective, the
sampler and pruner); `targets` checks it against the project and applies a trial's values to
a copy of the project; `checks` is the one check of whether a search can run (the Search
panel, `netstudio tune` and `netstudio check` use it); `trial` trains one trial with the real trainer; `study` creates or
resumes the study in its storage and runs the trials; `cli` is `netstudio tune`.

No Qt anywhere here, and nothing heavy at import time: the file layer imports `config`, and
Optuna and torch load only when a search runs.
"""

from __future__ import annotations
