"""Several rasters on one grid: where two dates overlap, and what a region's inputs cover together.

Two Landsat products of one path/row lie on the same UTM grid (pixel corners on the same 30 m
lattice) but rarely cover the same extent: one starts a few pixels east or south of the other.
Such rasters *share pixel edges*: same CRS, same pixel size, no rotation, and origins a whole
number of pixels apart. Their pixels then correspond one to one without any resampling, and a
pixel offset between them is exact: :func:`offset` says it, :func:`overlap` gives each raster's
window of the common ground, :func:`union` the grid that holds them all.

Rasters that do not share pixel edges (another CRS, another pixel size, a half-pixel shift, a
rotated grid) are refused by :func:`check_shared_edges` with a message that says how to bring
them onto one grid (``gdalwarp -tap`` or QGIS's Warp), since anything else would resample.

Positions are in pixels of the first ("reference") raster: x (columns) to the east, y (rows) to the
south, as GDAL reads windows.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from osgeo import gdal, osr

from . import geo
from .errors import UserError

#: How far (in pixels) two origins may be from a whole-pixel offset and still share edges: a
#: geotransform written in decimal text (a VRT, a world file) carries rounding of ~1e-9 px.
EDGE_TOLERANCE_PX = 1e-3


@dataclass(frozen=True)
class Frame:
    """Where a raster lies: its CRS (WKT), GDAL geotransform (north-up: no rotation terms) and size
    in pixels; ``name`` says which input it is in messages."""

    crs: str
    transform: tuple
    width: int
    height: int
    name: str = "the raster"

    @classmethod
    def of(cls, dataset: gdal.Dataset, name: str) -> Frame:
        transform, georeferenced = geo.raster_transform(dataset)
        if not georeferenced or not dataset.GetProjection():
            raise UserError(f"{name} has no georeferencing (no CRS or geotransform), so it cannot be put on "
                            "one grid with another raster; use the product as downloaded, or assign its CRS "
                            "and extent (QGIS: Raster › Projections › Assign Projection)")
        return cls(dataset.GetProjection(), tuple(transform), dataset.RasterXSize, dataset.RasterYSize, name)

    @property
    def pixel_size(self) -> tuple[float, float]:
        """(x, y) size of a pixel in CRS units; y is negative for a north-up raster."""
        return self.transform[1], self.transform[5]

    def shifted(self, x_px: int, y_px: int, width: int, height: int, name: str = "") -> Frame:
        """The frame of a ``width`` × ``height`` px window whose top-left pixel is (x_px, y_px) here."""
        x0, y0 = geo.pixel_to_map(self.transform, x_px, y_px)
        transform = (float(x0), self.transform[1], 0.0, float(y0), 0.0, self.transform[5])
        return Frame(self.crs, transform, width, height, name or self.name)


@dataclass(frozen=True)
class PixelWindow:
    """A window of a raster in its own pixels: top-left (x0, y0) and size, as GDAL's ReadAsArray takes it."""

    x0: int
    y0: int
    width: int
    height: int

    @property
    def srcwin(self) -> list[int]:
        """The window as ``gdal.Translate(srcWin=…)`` takes it."""
        return [self.x0, self.y0, self.width, self.height]


def _same_crs(a: str, b: str) -> bool:
    if a == b:
        return True
    first, second = osr.SpatialReference(wkt=a), osr.SpatialReference(wkt=b)
    return bool(first.IsSame(second))


def _crs_name(wkt: str) -> str:
    srs = osr.SpatialReference(wkt=wkt)
    code = srs.GetAuthorityCode(None)
    return f"{srs.GetAuthorityName(None)}:{code}" if code else (srs.GetName() or "an unnamed CRS")


def _how_to_align(reference: Frame) -> str:
    x, y = reference.pixel_size
    return (f"bring it onto {reference.name}'s grid first (GDAL: gdalwarp -t_srs {_crs_name(reference.crs)} "
            f"-tr {abs(x):g} {abs(y):g} -tap; QGIS: Raster › Projections › Warp with the same CRS and pixel "
            "size), or use the products as downloaded, which share the Landsat grid")


def check_shared_edges(reference: Frame, other: Frame) -> None:
    """Refuse ``other`` unless it shares pixel edges with ``reference`` (module docstring)."""
    if not _same_crs(reference.crs, other.crs):
        raise UserError(f"{other.name} is in {_crs_name(other.crs)}, {reference.name} in "
                        f"{_crs_name(reference.crs)}: they are not on one grid; {_how_to_align(reference)}")
    for frame in (reference, other):
        if frame.transform[2] or frame.transform[4]:
            raise UserError(f"{frame.name} is on a rotated grid; {_how_to_align(reference)}")
    (ax, ay), (bx, by) = reference.pixel_size, other.pixel_size
    if abs(ax - bx) > 1e-9 * abs(ax) or abs(ay - by) > 1e-9 * abs(ay):
        raise UserError(f"{other.name} has pixels of {abs(bx):g} × {abs(by):g}, {reference.name} of "
                        f"{abs(ax):g} × {abs(ay):g} CRS units: they are not on one grid; "
                        f"{_how_to_align(reference)}")
    dx, dy = _fractional_offset(reference, other)
    if abs(dx - round(dx)) > EDGE_TOLERANCE_PX or abs(dy - round(dy)) > EDGE_TOLERANCE_PX:
        raise UserError(f"{other.name}'s pixels are shifted by a fraction of a pixel ({dx - round(dx):+.3f}, "
                        f"{dy - round(dy):+.3f} px) from {reference.name}'s: they do not share pixel edges; "
                        f"{_how_to_align(reference)}")


def _fractional_offset(reference: Frame, other: Frame) -> tuple[float, float]:
    return ((other.transform[0] - reference.transform[0]) / reference.transform[1],
            (other.transform[3] - reference.transform[3]) / reference.transform[5])


def offset(reference: Frame, other: Frame) -> tuple[int, int]:
    """(x, y) in whole pixels of ``other``'s top-left pixel in ``reference``'s grid (refused unless
    they share pixel edges): (3, -2) means ``other`` starts 3 px east and 2 px north of it."""
    check_shared_edges(reference, other)
    dx, dy = _fractional_offset(reference, other)
    return round(dx), round(dy)


def overlap(frames: Sequence[Frame], min_px: int = 1) -> tuple[Frame, list[PixelWindow]]:
    """The ground every frame covers, as a frame on the first one's grid, and each frame's window of
    it in its own pixels (so that window i of frame i and window j of frame j are the same pixels
    on the ground). Refuses frames that do not share pixel edges, or whose overlap is narrower
    than ``min_px`` pixels either way."""
    reference = frames[0]
    offsets = [offset(reference, frame) for frame in frames]
    x0 = max(dx for dx, _ in offsets)
    y0 = max(dy for _, dy in offsets)
    x1 = min(dx + frame.width for (dx, _), frame in zip(offsets, frames))
    y1 = min(dy + frame.height for (_, dy), frame in zip(offsets, frames))
    width, height = x1 - x0, y1 - y0
    if width < min_px or height < min_px:
        names = " and ".join(frame.name for frame in frames)
        common = ("do not overlap" if width <= 0 or height <= 0
                  else f"overlap by only {width} × {height} px")
        raise UserError(f"{names} {common}; the work needs at least {min_px} × {min_px} px of common ground: "
                        "choose rasters of the same place (the same Landsat path/row)")
    windows = [PixelWindow(x0 - dx, y0 - dy, width, height) for dx, dy in offsets]
    return reference.shifted(x0, y0, width, height, "the common ground"), windows


def union(frames: Sequence[Frame], align_px: int = 1) -> tuple[Frame, list[tuple[int, int]]]:
    """A frame on the first one's grid that covers every frame, and each frame's top-left pixel in
    it. With ``align_px`` > 1 its edges are moved outwards to whole multiples of ``align_px`` px
    from the first frame's origin, so that cells of ``align_px`` px of the first frame are cells of
    the union too. Refuses frames that do not share pixel edges."""
    reference = frames[0]
    offsets = [offset(reference, frame) for frame in frames]
    x0 = min(dx for dx, _ in offsets)
    y0 = min(dy for _, dy in offsets)
    x1 = max(dx + frame.width for (dx, _), frame in zip(offsets, frames))
    y1 = max(dy + frame.height for (_, dy), frame in zip(offsets, frames))
    x0, y0 = (x0 // align_px) * align_px, (y0 // align_px) * align_px
    x1, y1 = -(-x1 // align_px) * align_px, -(-y1 // align_px) * align_px
    frame = reference.shifted(x0, y0, x1 - x0, y1 - y0, "the union")
    return frame, [(dx - x0, dy - y0) for dx, dy in offsets]
