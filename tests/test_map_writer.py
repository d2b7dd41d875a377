"""The map writer's row window: sums of the tiles' values per cell, handed out as rows are final."""
import numpy as np
import pytest

from backend.map_writer import RowWindow


def test_rows_are_handed_out_once_as_the_mean_of_what_reached_them():
    window = RowWindow(values=2, cols=3)
    window.add(slice(0, 2), slice(0, 2), np.array([1.0, 10.0]))
    window.add(slice(1, 3), slice(1, 3), np.array([3.0, 30.0]))
    (row0, mean, hits), = list(window.take(2))
    assert row0 == 0 and window.base == 2
    assert hits.tolist() == [[1, 1, 0], [1, 2, 1]]
    assert mean[0].tolist() == [[1, 1, 0], [1, 2, 3]] and mean[1].tolist() == [[10, 10, 0], [10, 20, 30]]
    (row0, mean, hits), = list(window.take(3))  # the last row: only the second tile reached it
    assert row0 == 2 and hits.tolist() == [[0, 1, 1]] and mean[0].tolist() == [[0, 3, 3]]


def test_rows_no_tile_reached_come_out_empty_and_a_taken_row_takes_no_more_values():
    window = RowWindow(values=1, cols=2)
    window.add(slice(5, 6), slice(0, 2), np.array([4.0]))
    pieces = list(window.take(6))
    assert [p[0] for p in pieces] == [0, 5]  # rows 0-4 as one piece without hits, then row 5
    assert pieces[0][2].shape == (5, 2) and not pieces[0][2].any()
    assert pieces[1][1].tolist() == [[[4.0, 4.0]]]
    with pytest.raises(ValueError, match="row 3 was handed out already"):
        window.add(slice(3, 4), slice(0, 1), np.array([1.0]))


def test_a_token_keeps_out_of_the_cells_it_does_not_keep():
    window = RowWindow(values=1, cols=2)
    window.add(slice(0, 1), slice(0, 2), np.array([[[2.0, 5.0]]]), keep=np.array([[True, False]]))
    (_, mean, hits), = list(window.take(1))
    assert hits.tolist() == [[1, 0]] and mean.tolist() == [[[2.0, 0.0]]]
