"""A class raster (a land-cover map, or the strata of a sample) as accuracy assessment reads it.

Its classes are integer codes named by the band's GDAL category names (what the map writer
stores, with a colour table); a code without a name is named by its number. Pixels are counted a
block of rows at a time (memory stays flat whatever the size), and the area of a pixel comes from
the geotransform in the CRS's linear unit.

Areas need equal-area pixels: a raster in a geographic CRS (degrees) is refused for areas, with
what to do, rather than measured geodesically: its pixels shrink towards the poles, and an
estimate that weights every pixel alike would be biased. Reproject the map first.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from osgeo import gdal, osr

from .errors import UserError
from .geo import raster_transform, with_gdal_exceptions
from .progress import Progress

log = logging.getLogger(__name__)

#: Rows read at a time when pixels are counted or sampled.
BLOCK_ROWS = 512
#: Square metres in a hectare.
M2_PER_HA = 10_000.0


@dataclass
class ClassRaster:
    """A single-band integer raster of classes: ``names`` by code (code → name), ``nodata`` (or
    None), its grid (geotransform, width, height) and CRS (WKT, "" when it has none)."""

    path: str
    names: dict
    nodata: int | None
    transform: tuple
    width: int
    height: int
    crs: str
    colours: dict = field(default_factory=dict)  # code → (r, g, b) from the colour table

    @classmethod
    @with_gdal_exceptions
    def open(cls, path: str | Path, what: str = "the map") -> ClassRaster:
        """Open ``path`` or refuse it (``what`` names it in the message): it must be a one-band
        integer raster."""
        # A GDAL virtual path (/vsizip/…) is read as classify reads it: no file of that name exists.
        virtual = str(path).startswith("/vsi") and gdal.VSIStatL(str(path)) is not None
        if not (Path(path).is_file() or virtual):
            raise UserError(f"{what} {path} does not exist; give a land-cover GeoTIFF (e.g. from classify)")
        try:
            dataset = gdal.Open(str(path))
        except RuntimeError as exc:
            raise UserError(f"{what} {path} cannot be read as a raster ({exc})") from None
        band = dataset.GetRasterBand(1)
        if gdal.GetDataTypeName(band.DataType) not in ("Byte", "Int8", "UInt16", "Int16", "UInt32", "Int32"):
            raise UserError(f"{what} {path} holds {gdal.GetDataTypeName(band.DataType)} values; a class map "
                            "holds integer class codes (a land-cover GeoTIFF from classify is UInt8)")
        # GDAL 3.6 reads a GeoTIFF's .aux.xml (where the class names are) only once something such
        # as the geotransform is asked for; before that the category names come back as None.
        transform = _checked_transform(dataset, what, path)
        nodata = _integer_nodata(band, what, path)
        names = {code: name for code, name in _category_names(band).items() if code != nodata}
        if what == "the map":  # labels are matched to the map's names: each must be its own
            _refuse_names_alike(names, path)
        if dataset.RasterCount > 1:
            log.warning(f"{what} {path} has {dataset.RasterCount} bands: band 1 is read as the classes")
        return cls(str(path), names, nodata, transform, dataset.RasterXSize, dataset.RasterYSize,
                   dataset.GetProjection() or "", _colours(band))

    def name_of(self, code: int) -> str:
        """The class name of ``code``: its category name, else the code as text."""
        return self.names.get(int(code)) or str(int(code))

    @property
    def block_count(self) -> int:
        """How many blocks :meth:`blocks` yields: one pass's units of progress."""
        return -(-self.height // BLOCK_ROWS)

    @with_gdal_exceptions
    def blocks(self, progress: Progress | None = None) -> Iterator[tuple[int, np.ndarray]]:
        """(first row, (rows, width) int64 codes) for every block of :data:`BLOCK_ROWS` rows;
        ``progress`` is moved on (and asked whether to stop) after each."""
        dataset = gdal.Open(self.path)  # held: a band outlives no dataset
        band = dataset.GetRasterBand(1)
        for row0 in range(0, self.height, BLOCK_ROWS):
            rows = min(BLOCK_ROWS, self.height - row0)
            yield row0, band.ReadAsArray(0, row0, self.width, rows).astype(np.int64)
            if progress is not None:
                progress.update(1)
                progress.check()

    def pixel_counts(self, progress: Progress | None = None) -> dict:
        """Code → pixels, for every code that occurs other than nodata (negative codes are no class)."""
        counts: dict = {}
        for _, codes in self.blocks(progress):
            codes = codes[(codes >= 0) & (codes != (-1 if self.nodata is None else self.nodata))]
            # np.unique, not np.bincount: one pixel of code 4,000,000,000 (a UInt32 map) would
            # make bincount allocate 32 GB.
            found, numbers = np.unique(codes, return_counts=True)
            for code, number in zip(found.tolist(), numbers.tolist()):
                counts[code] = counts.get(code, 0) + number
        return dict(sorted(counts.items()))

    @with_gdal_exceptions
    def pixel_area_ha(self) -> float:
        """The area of one pixel in hectares; refused for a raster without a projected CRS."""
        srs = osr.SpatialReference()
        if not self.crs or srs.ImportFromWkt(self.crs) != 0 or srs.IsLocal():
            raise UserError(f"{self.path} has no coordinate reference system, so its pixels have no known "
                            "area; assign its CRS (gdal_edit.py -a_srs EPSG:…) and run again")
        if srs.IsGeographic():
            raise UserError(f"{self.path} is in a geographic CRS ({srs.GetName()}): its pixels are degrees, "
                            "whose area shrinks away from the equator, so areas are not estimated on it; "
                            "reproject the map to a projected CRS first, e.g. its UTM zone: gdalwarp -t_srs "
                            "EPSG:326NN -r near map.tif map_utm.tif")
        a, b, _, d, e = (self.transform[i] for i in (1, 2, 3, 4, 5))
        return abs(a * e - b * d) * srs.GetLinearUnits() ** 2 / M2_PER_HA

    @with_gdal_exceptions
    def codes_at(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(codes (n,) int64, inside (n,) bool) of the pixels under map positions (x, y) in the
        raster's CRS; the code is -1 where a position falls outside the raster. Only the rows
        that hold a position are read."""
        col, row = self.pixel_of(x, y)
        inside = (col >= 0) & (col < self.width) & (row >= 0) & (row < self.height)
        codes = np.full(len(col), -1, dtype=np.int64)
        dataset = gdal.Open(self.path)  # held: a band outlives no dataset
        band = dataset.GetRasterBand(1)
        for r in np.unique(row[inside]).tolist():
            here = inside & (row == r)
            codes[here] = band.ReadAsArray(0, r, self.width, 1)[0, col[here]]
        return codes, inside

    def pixel_of(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(columns, rows), (n,) int64 each: the pixel under each map position (x, y)."""
        inverse = gdal.InvGeoTransform(self.transform)
        x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
        with np.errstate(invalid="ignore", over="ignore"):  # NaN and far-off points are handled below
            col = inverse[0] + inverse[1] * x + inverse[2] * y
            row = inverse[3] + inverse[4] * x + inverse[5] * y
        # A point that did not transform (NaN) or lies absurdly far off is no pixel: -1, outside.
        usable = np.isfinite(col) & np.isfinite(row) & (np.abs(col) < 2 ** 53) & (np.abs(row) < 2 ** 53)
        col = np.floor(np.where(usable, col, -1)).astype(np.int64)
        row = np.floor(np.where(usable, row, -1)).astype(np.int64)
        return col, row


def _checked_transform(dataset: gdal.Dataset, what: str, path) -> tuple:
    """The geotransform, refused when there is none or its pixels have no size: every point would
    then be one spot, and no pixel would have an area."""
    transform, georeferenced = raster_transform(dataset)
    a, b, _, d, e = (transform[i] for i in (1, 2, 3, 4, 5))
    if not georeferenced or not all(np.isfinite(transform)) or a * e - b * d == 0:
        found = "no geotransform" if not georeferenced else f"the geotransform {tuple(transform)}"
        raise UserError(f"{what} {path} has {found}, so its pixels have no size or place; georeference it "
                        "(gdal_edit.py -a_ullr ULX ULY LRX LRY -a_srs EPSG:…) or use the map classify wrote")
    return transform


def _integer_nodata(band: gdal.Band, what: str, path) -> int | None:
    """The band's nodata as a class code; a nodata no integer equals (2.7, NaN) is refused rather
    than truncated, which would make a real class (2) nodata and leave the true nodata a class."""
    value = band.GetNoDataValue()
    if value is None:
        return None
    if not np.isfinite(value) or value != int(value):
        raise UserError(f"{what} {path} has nodata {value:g}, which no integer class code equals; set an "
                        "integer nodata (gdal_edit.py -a_nodata 255) or none (gdal_edit.py -unsetnodata)")
    return int(value)


def _refuse_names_alike(names: dict, path) -> None:
    """Refuse two codes named alike (ignoring case and spaces around): a label could not tell them
    apart, and the report, keyed by name, would merge them."""
    by_name: dict = {}
    for code, name in names.items():
        by_name.setdefault(name.casefold(), []).append(code)
    alike = [codes for codes in by_name.values() if len(codes) > 1]
    if alike:
        listed = "; ".join(" and ".join(f"{code} ({names[code]!r})" for code in codes) for codes in alike)
        raise UserError(f"the map {path} gives codes {listed} the same class name (ignoring case), so "
                        "labels could not tell them apart; give each class its own name (the map's "
                        "category names, e.g. in its .aux.xml) and run again")


def _category_names(band: gdal.Band) -> dict:
    """Code → name of the band's non-empty category names."""
    names = band.GetCategoryNames() or []
    return {code: name.strip() for code, name in enumerate(names) if name and name.strip()}


def _colours(band: gdal.Band) -> dict:
    """Code → (r, g, b) of the band's colour table (empty without one)."""
    table = band.GetColorTable()
    if table is None:
        return {}
    return {code: tuple(table.GetColorEntry(code)[:3]) for code in range(table.GetCount())}
