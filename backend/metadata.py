"""The metadata encoding, in one place: four cyclic (sin, cos) pairs per patch.

- week: ISO week number w of the acquisition date, angle w · 2π / 52
- hour: integer UTC hour h of the acquisition time, angle h · 2π / 24
- lat, lon: the patch centre in EPSG:4326, in radians
- each pair is (sin(angle), cos(angle)); a missing item is (0, 0), not (sin 0, cos 0).
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime

import numpy as np

MISSING = (0.0, 0.0)
#: The order the model's four metadata tokens take at the head of the sequence.
METADATA_ITEMS = ("week", "hour", "lat", "lon")


def _pair(angle: float | None) -> tuple[float, float]:
    if angle is None:
        return MISSING
    return (math.sin(angle), math.cos(angle))


def week_pair(when: date | None) -> tuple[float, float]:
    """(sin, cos) of ISO week · 2π/52 for a date or datetime; (0, 0) when unknown."""
    return _pair(None if when is None else when.isocalendar()[1] * 2 * math.pi / 52)


def hour_pair(when: date | datetime | None) -> tuple[float, float]:
    """(sin, cos) of the integer UTC hour · 2π/24; (0, 0) when the time of day is unknown.

    A plain ``date`` (no time of day) counts as unknown hour.
    """
    if when is None or not isinstance(when, datetime):
        return MISSING
    return _pair(when.hour * 2 * math.pi / 24)


def degrees_pair(degrees: float | None) -> tuple[float, float]:
    """(sin, cos) of a latitude or longitude given in degrees; (0, 0) when unknown."""
    return _pair(None if degrees is None else math.radians(degrees))


def encode_metadata(when: date | datetime | None, lat_deg: Sequence[float | None] | None = None,
                    lon_deg: Sequence[float | None] | None = None,
                    count: int | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The four (N, 2) float32 arrays (week, hour, lat, lon) for N patches.

    ``when`` is one acquisition date(-time) shared by the patches (a scene), or None.
    ``lat_deg``/``lon_deg`` hold each patch centre in degrees (None entries or None lists
    mean unknown). ``count`` gives N when no coordinates are given.
    """
    given = lat_deg if lat_deg is not None else lon_deg
    n = count if count is not None else len(given or ())
    week = np.tile(np.asarray(week_pair(when), np.float32), (n, 1))
    hour = np.tile(np.asarray(hour_pair(when), np.float32), (n, 1))
    lats = lat_deg if lat_deg is not None else [None] * n
    lons = lon_deg if lon_deg is not None else [None] * n
    lat = np.asarray([degrees_pair(v) for v in lats], np.float32).reshape(n, 2)
    lon = np.asarray([degrees_pair(v) for v in lons], np.float32).reshape(n, 2)
    return week, hour, lat, lon
