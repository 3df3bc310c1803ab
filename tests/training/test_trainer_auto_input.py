"""An auto Input takes the shape of the data's samples when training, whatever the data."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import DataConfig
from netstudio.training.sources import load_data
from netstudio.training.trainer import Trainer

CONFIG = TrainingConfig(device="cpu", batch_size=32, epochs=1)


@pytest.mark.parametrize(
    ("data", "in_features"),
    [
        (DataConfig(), 64),  # digits: 1×8×8 images
        (DataConfig(source="spiral", params={"points_per_class": 30}), 2),
    ],
)
def test_an_auto_input_trains_on_the_data_it_is_given(
    chain_graph: Callable, data: DataConfig, in_features: int
) -> None:
    loaded = load_data(data)
    classes = len(loaded.classes)
    graph = chain_graph(
        None, [("Flatten", "flat", {}), ("Linear", "fc", {"out_features": classes})]
    )
    assert graph.node("input").params["shape"] is None
    trainer = Trainer(graph, loaded, CONFIG)
    result = trainer.run()
    assert result.status == "finished", result.failure
    assert trainer.model.fc.in_features == in_features
    assert graph.node("input").params["shape"] is None  # the project's graph keeps "auto"


def test_an_input_set_by_hand_fits_data_of_the_same_count_of_values() -> None:
    from netstudio.training.compat import check_input_shape

    assert check_input_shape((784,), (1, 28, 28)) == []  # the trainer reshapes
    (message,) = check_input_shape((784,), (1, 8, 8), "Input 'pixels'")
    assert message.startswith("Input 'pixels' takes 784 (784 values)")
    assert "1×8×8 (64 values)" in message and "set it to 1, 8, 8" in message
