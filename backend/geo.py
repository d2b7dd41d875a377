"""Georeferencing helpers on GDAL: pixel centres and their latitude/longitude."""
from __future__ import annotations

import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()
osr.UseExceptions()


def lonlat_transform(crs_wkt: str) -> osr.CoordinateTransformation:
    """Transformation from a CRS (WKT) to EPSG:4326, in (longitude, latitude) order."""
    source = osr.SpatialReference()
    source.ImportFromWkt(crs_wkt)
    source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    target = osr.SpatialReference()
    target.ImportFromEPSG(4326)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return osr.CoordinateTransformation(source, target)


def pixel_to_map(geotransform, col, row):
    """Map coordinates of pixel position(s) (col, row), in pixels from the top-left corner."""
    x = geotransform[0] + np.asarray(col) * geotransform[1] + np.asarray(row) * geotransform[2]
    y = geotransform[3] + np.asarray(col) * geotransform[4] + np.asarray(row) * geotransform[5]
    return x, y


def to_lonlat(crs_wkt: str, x, y):
    """(lon, lat) in degrees of map coordinates x, y (arrays) in the CRS ``crs_wkt``."""
    x, y = np.atleast_1d(np.asarray(x, float)), np.atleast_1d(np.asarray(y, float))
    points = lonlat_transform(crs_wkt).TransformPoints(np.stack([x, y], axis=1).tolist())
    points = np.asarray(points, float)
    return points[:, 0], points[:, 1]


def raster_centre_lonlat(dataset: gdal.Dataset) -> tuple[float, float]:
    """(lon, lat) in degrees of the centre of a raster's full extent."""
    x, y = pixel_to_map(dataset.GetGeoTransform(), dataset.RasterXSize / 2, dataset.RasterYSize / 2)
    lon, lat = to_lonlat(dataset.GetProjection(), x, y)
    return float(lon[0]), float(lat[0])
