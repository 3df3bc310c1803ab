"""A classifier whose last layer gives more scores than the data has classes is refused.

Such a network trains, but predicts classes the data does not have: the report and the
confusion matrix then silently leave those samples out. The trainer (first batch) and the
start check (`check_compatibility`) both refuse it, naming the fix.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from netstudio.training.compat import check_compatibility
from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import DataConfig
from netstudio.training.sources import load_data
from netstudio.training.trainer import Trainer


def _two_class_csv(path: Path) -> DataConfig:
    rows = ["x,y,label"] + [f"{i % 7},{i % 5},{'yes' if i % 2 else 'no'}" for i in range(60)]
    path.write_text("\n".join(rows) + "\n")
    return DataConfig(source="csv", params={"file": path.name}, root=str(path.parent))


def test_a_csv_task_with_five_outputs_for_two_classes_is_refused(
    tmp_path: Path, chain_graph: Callable
) -> None:
    data = load_data(_two_class_csv(tmp_path / "two.csv"))
    assert data.num_classes == 2
    graph = chain_graph([2], [("Linear", "fc", {"out_features": 5})])
    config = TrainingConfig.model_validate({"epochs": 1, "device": "cpu", "batch_size": 16})
    result = Trainer(graph, data, config).run()
    assert result.status == "failed" and not result.epochs
    failure = result.failure
    assert failure.kind == "shape" and failure.node_id == "output"
    assert "gives 5 values per sample, but the data has 2 classes" in failure.message
    assert "set the last layer to 2 units" in failure.message


def test_the_start_check_refuses_more_scores_than_classes() -> None:
    (problem,) = check_compatibility((2, 5), "classification", "cross_entropy", num_classes=2)
    assert "the data has 2 classes but the output gives 5 values" in problem
    assert "set the last Linear to 2 units" in problem
    assert check_compatibility((2, 2), "classification", "cross_entropy", num_classes=2) == []
