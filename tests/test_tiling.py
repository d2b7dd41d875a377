"""Where the tiles of a scene go and which output cells each one gives values to: pure arithmetic,
no GDAL file, no QGIS."""
import pytest

from backend.tiling import Grid, cells_of_tile, tile_starts


@pytest.mark.parametrize("length, stride, align, starts", [
    (40, 20, 1, [0]),  # one tile fills the axis
    (100, 20, 1, [0, 20, 40, 60]),  # 60 + 40 = 100: the last ends at the edge
    (115, 20, 1, [0, 20, 40, 60, 75]),  # the last moved inward to end at the edge, never padded
    (115, 40, 4, [0, 40, 72]),  # moved inward to the last multiple of 4 px that fits (token cells)
    (90, 40, 1, [0, 40, 50]),
])
def test_tile_starts_cover_the_axis_and_end_at_its_edge(length, stride, align, starts):
    assert tile_starts(length, stride, align=align) == starts


def test_each_cell_goes_to_the_tiles_that_hold_its_centre():
    # 115 px at stride 20: 6 cells, the last 15 px wide (centre 107.5).
    assert [cells_of_tile(start, 20, 6, 115) for start in (0, 20, 40, 60, 75)] == [
        range(0, 2), range(1, 3), range(2, 4), range(3, 5), range(4, 6)]
    assert cells_of_tile(0, 40, 1, 40) == range(0, 1)
    assert cells_of_tile(200, 20, 6, 115) == range(0)  # no cell centre inside


def test_a_grid_of_tokens_gives_each_tile_its_10_by_10_cells():
    grid = Grid(xs=[0, 40], ys=[0], rows=10, cols=20, stride=40, width=80, height=40, token=True)
    assert grid.tiles == 2 and grid.cell_px == 4
    assert grid.cells(40, 0) == (slice(0, 10), slice(10, 20))
    assert grid.output_transform((500000.0, 30.0, 0.0, 7000020.0, 0.0, -30.0)) == (
        500000.0, 120.0, 0.0, 7000020.0, 0.0, -120.0)


def test_a_grid_of_strides_gives_each_tile_the_cells_whose_centre_it_holds():
    grid = Grid(xs=[0, 20, 40, 60, 75], ys=[0], rows=2, cols=6, stride=20, width=115, height=40)
    assert grid.cell_px == 20 and grid.cells(75, 0) == (slice(0, 2), slice(4, 6))
