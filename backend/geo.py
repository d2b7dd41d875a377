"""Georeferencing helpers on GDAL: pixel centres and their latitude/longitude, and GDAL's
exceptions switched on only while the backend works."""
from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable

import numpy as np
from numpy.typing import ArrayLike
from osgeo import gdal, osr

from .errors import UserError


@contextmanager
def gdal_exceptions() -> Iterator[None]:
    """GDAL and OSR raise exceptions inside this block, and are put back as they were after.

    The backend relies on exceptions, but the switch is process-wide: turning it on for good
    would change how GDAL answers every other plugin and QGIS's own Python code.
    """
    previous = gdal.GetUseExceptions(), osr.GetUseExceptions()
    gdal.UseExceptions()
    osr.UseExceptions()
    try:
        yield
    finally:  # in reverse order: GDAL keeps the modules' error handlers on a stack
        if not previous[1]:
            osr.DontUseExceptions()
        if not previous[0]:
            gdal.DontUseExceptions()


def with_gdal_exceptions(function: Callable) -> Callable:
    """Decorator: run ``function`` inside :func:`gdal_exceptions`."""
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with gdal_exceptions():
            return function(*args, **kwargs)
    return wrapper


@with_gdal_exceptions
def lonlat_transform(crs_wkt: str) -> osr.CoordinateTransformation:
    """Transformation from a CRS (WKT) to EPSG:4326, in (longitude, latitude) order."""
    source = osr.SpatialReference()
    source.ImportFromWkt(crs_wkt)
    source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    target = osr.SpatialReference()
    target.ImportFromEPSG(4326)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return osr.CoordinateTransformation(source, target)


#: GDAL types that can hold Landsat Level-2 digital numbers (UInt16; wider or signed ones are
#: read, their values outside 0-65535 treated as no data).
INTEGER_TYPES = {gdal.GDT_UInt16, gdal.GDT_Int16, gdal.GDT_UInt32, gdal.GDT_Int32}

#: The grid QGIS gives a raster without georeferencing (rows go down, y up, 1 unit a pixel):
#: used for such rasters so that their outputs and sample positions match what QGIS shows.
PIXEL_GRID_TRANSFORM = (0.0, 1.0, 0.0, 0.0, 0.0, -1.0)


def raster_transform(dataset: gdal.Dataset) -> tuple[tuple, bool]:
    """(geotransform, georeferenced): GDAL's, or :data:`PIXEL_GRID_TRANSFORM` and False."""
    transform = dataset.GetGeoTransform(can_return_null=True)
    return (tuple(transform), True) if transform else (PIXEL_GRID_TRANSFORM, False)


@dataclass
class PixelGrid:
    """A raster's pixel grid, the one the backend reads it on: map ↔ pixel positions through its
    geotransform, rotation and shear included. Pixel positions are (column, row) in pixels from
    the top-left corner of the raster, so the centre of the top-left pixel is (0.5, 0.5)."""

    transform: tuple
    width: int
    height: int

    @classmethod
    @with_gdal_exceptions
    def of(cls, path: str) -> PixelGrid:
        dataset = gdal.Open(str(path))
        return cls(raster_transform(dataset)[0], dataset.RasterXSize, dataset.RasterYSize)

    def to_map(self, col: ArrayLike, row: ArrayLike) -> tuple:
        return pixel_to_map(self.transform, col, row)

    def to_pixel(self, x: ArrayLike, y: ArrayLike) -> tuple:
        inverse = gdal.InvGeoTransform(self.transform)
        return pixel_to_map(inverse, x, y)  # the inverse maps (x, y) as the forward maps (col, row)

    def contains(self, col: ArrayLike, row: ArrayLike) -> bool:
        return 0 <= col < self.width and 0 <= row < self.height


def pixel_to_map(geotransform: Sequence[float], col: ArrayLike, row: ArrayLike) -> tuple:
    """Map coordinates of pixel position(s) (col, row), in pixels from the top-left corner."""
    x = geotransform[0] + np.asarray(col) * geotransform[1] + np.asarray(row) * geotransform[2]
    y = geotransform[3] + np.asarray(col) * geotransform[4] + np.asarray(row) * geotransform[5]
    return x, y


@with_gdal_exceptions
def to_lonlat(crs_wkt: str, x: ArrayLike, y: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """(lon, lat) in degrees of map coordinates x, y (arrays) in the CRS ``crs_wkt``."""
    x, y = np.atleast_1d(np.asarray(x, float)), np.atleast_1d(np.asarray(y, float))
    points = lonlat_transform(crs_wkt).TransformPoints(np.stack([x, y], axis=1).tolist())
    points = np.asarray(points, float)
    return points[:, 0], points[:, 1]


@with_gdal_exceptions
def raster_centre_lonlat(dataset: gdal.Dataset) -> tuple[float, float]:
    """(lon, lat) in degrees of the centre of a raster's full extent."""
    x, y = pixel_to_map(dataset.GetGeoTransform(), dataset.RasterXSize / 2, dataset.RasterYSize / 2)
    lon, lat = to_lonlat(dataset.GetProjection(), x, y)
    return float(lon[0]), float(lat[0])


@with_gdal_exceptions
def check_latitudes(dataset: gdal.Dataset, name: str) -> None:
    """Refuse a raster that lies nowhere on Earth in its own CRS, as when UTM metres are labelled
    EPSG:4326: the model would encode such a latitude as if it were real. In a geographic CRS
    every corner must be a latitude within ±90° (a longitude within ±360°). In a projected CRS
    only the centre is checked: a real scene's corners may lie where its projection is not
    defined (the far side of an orthographic or polar view) and must not be refused for it."""
    crs, transform = dataset.GetProjection(), dataset.GetGeoTransform(can_return_null=True)
    if not crs or not transform:
        return  # no CRS: latitude is encoded as missing, and the run says so
    width, height = dataset.RasterXSize, dataset.RasterYSize
    geographic = bool(osr.SpatialReference(wkt=crs).IsGeographic())
    columns, rows = ([0, width, 0, width, width / 2], [0, 0, height, height, height / 2]) if geographic \
        else ([width / 2], [height / 2])
    x, y = pixel_to_map(transform, columns, rows)
    try:
        lon, lat = to_lonlat(crs, x, y)
    except RuntimeError:  # PROJ cannot take the point back to degrees at all
        lon = lat = np.array([np.inf])
    places = (np.abs(lat) <= 90) & (np.abs(lon) <= 360)  # NaN is no place either
    if places.all():
        return
    i = int(np.argmin(places))
    where = "a corner" if geographic else "its centre"
    raise UserError(f"{name} has {where} at latitude {lat[i]:,.0f}°, longitude {lon[i]:,.0f}° in its CRS "
                    f"({_crs_label(crs)}), which is no place on Earth: the raster's CRS seems wrong "
                    "(projected metres labelled as degrees?); assign the CRS its coordinates are in "
                    "(QGIS: Layer Properties › Source; GDAL: gdal_edit.py -a_srs) and run again")


def _crs_label(wkt: str) -> str:
    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    code = srs.GetAuthorityCode(None)
    return f"{srs.GetAuthorityName(None)}:{code}" if code else (srs.GetName() or "unnamed")


def grid_of(dataset: gdal.Dataset) -> tuple:
    """(width, height, geotransform, CRS as WKT): what two rasters must share to be stacked."""
    return (dataset.RasterXSize, dataset.RasterYSize, tuple(round(v, 6) for v in dataset.GetGeoTransform()),
            dataset.GetProjection())


def raster_tags(path: str) -> dict:
    """The GDAL metadata tags of a raster, or {} when it cannot be opened (the run then says why)."""
    try:
        with gdal_exceptions():
            return gdal.Open(path).GetMetadata() or {}
    except RuntimeError:
        return {}
