"""Where a new layer goes: after the selected one along the flow, beside an existing successor
when it branches, or on the nearest free spot."""

from __future__ import annotations

from netstudio.core.placement import GAP, after, free_spot, overlaps

SIZE = (170.0, 90.0)


def test_a_free_spot_is_the_wanted_one_snapped_when_nothing_is_there() -> None:
    assert free_spot((103.0, 47.0), SIZE, []) == (100.0, 40.0)


def test_a_free_spot_moves_off_the_node_it_would_cover_and_stays_near() -> None:
    taken = [(0.0, 0.0, *SIZE)]
    spot = free_spot((0.0, 0.0), SIZE, taken)
    assert not overlaps((*spot, *SIZE), taken)
    # The nearest way off is below it (90 high + the gap), not somewhere far.
    assert abs(spot[0]) + abs(spot[1]) <= SIZE[1] + GAP + 20


def test_a_free_spot_in_a_crowded_row_is_off_every_node() -> None:
    taken = [(x * 200.0, 0.0, *SIZE) for x in range(-5, 6)]
    spot = free_spot((20.0, 10.0), SIZE, taken)
    assert not overlaps((*spot, *SIZE), taken)


def test_after_goes_one_column_right_in_line_with_the_node() -> None:
    anchor = (0.0, 0.0, *SIZE)
    x, y = after(anchor, SIZE, [anchor], "right")
    assert x >= SIZE[0] + GAP and y == 0.0


def test_after_goes_one_row_below_when_the_network_runs_down() -> None:
    anchor = (0.0, 0.0, *SIZE)
    x, y = after(anchor, SIZE, [anchor], "down")
    assert y >= SIZE[1] + GAP and x == 0.0


def test_a_branch_goes_beside_the_successor_not_on_it() -> None:
    anchor = (0.0, 0.0, *SIZE)
    first = after(anchor, SIZE, [anchor], "right")
    successor = (*first, *SIZE)
    branch = after(anchor, SIZE, [anchor, successor], "right")
    assert branch[0] == first[0]  # the same column
    assert not overlaps((*branch, *SIZE), [anchor, successor])
    assert branch[1] > first[1]  # below it first


def test_a_second_branch_goes_above_when_below_is_taken() -> None:
    anchor = (0.0, 0.0, *SIZE)
    first = after(anchor, SIZE, [anchor], "right")
    below = (first[0], first[1] + SIZE[1] + GAP, *SIZE)
    taken = [anchor, (*first, *SIZE), below]
    spot = after(anchor, SIZE, taken, "right")
    assert not overlaps((*spot, *SIZE), taken)
    assert spot[1] < first[1]
