"""Make the search example: `python examples/make_search_example.py`.

Writes ``digits_search.net`` beside this script: the digits MLP of ``digits_mlp.net`` with a
ready search space in its "search" section (the learning rate on a log scale, the width of
``fc1`` and the dropout probability), so `netstudio tune examples/digits_search.net` runs a
search at once, and running it again adds trials to the same study.
"""

from __future__ import annotations

from pathlib import Path

from netstudio.examples.make_examples import digits_mlp
from netstudio.io import Project, save_project

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE / "digits_search.net"


def digits_search() -> Project:
    project = digits_mlp()
    project.name = "Digits MLP search"
    project.description = (
        "The digits MLP with a ready search space: learning rate (log 1e-4 to 0.1), fc1's width "
        "(16 to 256) and the dropout probability (0 to 0.5). Run it with 'netstudio tune'."
    )
    project.search = {
        "objective": {"metric": "val_accuracy", "direction": "maximize"},
        "sampler": "tpe",
        "pruner": "median",
        "trials": 20,
        "epochs": 10,
        "seed": 0,
        "parameters": [
            {
                "target": "training.optimizer.lr",
                "domain": {"kind": "float", "low": 0.0001, "high": 0.1, "log": True},
            },
            {
                "target": "fc1.out_features",
                "domain": {"kind": "int", "low": 16, "high": 256, "log": True},
            },
            {"target": "dropout.p", "domain": {"kind": "float", "low": 0.0, "high": 0.5}},
        ],
    }
    return project


def main() -> None:
    save_project(digits_search(), EXAMPLE)
    print(f"wrote {EXAMPLE}")


if __name__ == "__main__":
    main()
