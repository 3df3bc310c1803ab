"""Shared by the import tests: does an imported graph compute what its source computes?"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import torch

from netstudio.core.compiler import compile_graph
from netstudio.importing import ImportedModel


def compiled(imported: ImportedModel) -> torch.nn.Module:
    """The imported graph compiled, with the imported weights, in eval mode."""
    model = compile_graph(imported.project.graph)
    model.load_state_dict(imported.weights)
    return model.eval()


@pytest.fixture
def same_outputs() -> Callable[
    [ImportedModel, Callable[[torch.Tensor], torch.Tensor], torch.Tensor], None
]:
    """Check that the compiled import and `reference` agree (atol 1e-5) on input `x`."""

    def check(
        imported: ImportedModel, reference: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor
    ) -> None:
        with torch.no_grad():
            expected = reference(x)
            got = compiled(imported)(x)
        torch.testing.assert_close(got, expected, atol=1e-5, rtol=1e-5)

    return check
