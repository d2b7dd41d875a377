"""When a Landsat scene was acquired, read from what lies beside the raster.

Looked for in this order (the first that answers wins; an explicit date given by the user
overrides them all, and the QGIS plugin adds the layer's temporal properties before it):
1. the Landsat MTL next to the file (``*_MTL.txt``, ``*_MTL.xml`` or ``*_MTL.json``):
   DATE_ACQUIRED and SCENE_CENTER_TIME;
2. the Landsat product id in the file name (``LC08_L2SP_PPPRRR_YYYYMMDD_…``): the date only;
3. GDAL metadata tags (ACQUISITION_DATE, DATE_ACQUIRED, TIFFTAG_DATETIME, …).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

PRODUCT_ID = re.compile(r"L[COTEM]0[4-9]_L[12][A-Z]{2}_\d{6}_(\d{8})_\d{8}_\d{2}_[A-Z0-9]{2}")
TAG_KEYS = ("ACQUISITION_DATE", "DATE_ACQUIRED", "ACQUISITIONDATETIME", "DATETIME", "TIFFTAG_DATETIME")


@dataclass
class Acquisition:
    """An acquisition date (``when`` is a datetime in UTC when the time of day is known, else a
    date) and where it was found, in words for the user's log (and the file, when one was read)."""

    when: date | datetime | None
    source: str
    path: str | None = None

    @property
    def has_time(self) -> bool:
        return isinstance(self.when, datetime)

    def describe(self) -> str:
        if self.when is None:
            return "unknown"
        text = self.when.strftime("%Y-%m-%d %H:%M UTC") if self.has_time else self.when.isoformat()
        return f"{text} (from {self.source})"


_ISO_8601 = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?"
                       r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?", re.IGNORECASE)


def parse_when(text: str) -> date | datetime | None:
    """A date or date-time in the usual spellings: ISO 8601 (``2021-06-15``,
    ``2021-06-15T11:53:12+02:00``, ``…Z``, a space for the T), TIFF's ``2021:06:15 09:53:12`` and
    ``20210615``.

    A date alone gives a ``date`` (time of day unknown: the hour is encoded as missing); a
    date-time gives a naive ``datetime`` in UTC, its offset applied (none given: UTC). The
    CLI and the QGIS algorithms both read dates through here, so a text means the same in both.
    """
    text = text.strip().strip('"')
    iso = _ISO_8601.fullmatch(text)
    tiff = re.fullmatch(r"(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})", text)
    try:
        if iso and iso.group(4) is None:
            return date(*(int(v) for v in iso.groups()[:3]))
        if iso:
            year, month, day, hour, minute = (int(v) for v in iso.groups()[:5])
            second = int(iso.group(6) or 0)
            micro = int((iso.group(7) or "0")[:6].ljust(6, "0"))
            return as_utc(datetime(year, month, day, hour, minute, second, micro, tzinfo=_zone(iso.group(8))))
        if tiff:
            return datetime(*(int(v) for v in tiff.groups()))
        if re.fullmatch(r"\d{8}", text):
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:  # a month 13, a day 32
        return None
    return None


def _zone(offset: str | None) -> timezone:
    if offset is None or offset.upper() == "Z":
        return timezone.utc
    sign = -1 if offset[0] == "-" else 1
    digits = offset[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _combine(day: str, time_of_day: str | None) -> date | datetime | None:
    parsed = parse_when(day)
    if parsed is None:
        return None
    if time_of_day:
        match = re.match(r"\"?(\d{1,2}):(\d{2}):(\d{2})", time_of_day.strip())
        if match:
            hour, minute, second = (int(v) for v in match.groups())
            return datetime(parsed.year, parsed.month, parsed.day, hour, minute, second)
    return parsed


def from_mtl(raster: Path) -> Acquisition | None:
    """DATE_ACQUIRED and SCENE_CENTER_TIME of an MTL file beside ``raster``."""
    candidates = sorted(raster.parent.glob("*_MTL.txt")) + sorted(raster.parent.glob("*_MTL.xml")) \
        + sorted(raster.parent.glob("*_MTL.json"))
    # Prefer the MTL of this scene when several scenes share the folder.
    stem_id = PRODUCT_ID.search(raster.name)
    if stem_id:
        candidates.sort(key=lambda p: not p.name.startswith(stem_id.group(0)[:40]))
    for mtl in candidates:
        try:
            text = mtl.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if mtl.suffix == ".json":
            try:
                found = _find_json(json.loads(text))
            except ValueError:
                continue
            day, time_of_day = found
        else:
            day = _mtl_field(text, "DATE_ACQUIRED")
            time_of_day = _mtl_field(text, "SCENE_CENTER_TIME")
        when = _combine(day, time_of_day) if day else None
        if when is not None:
            return Acquisition(when, f"the MTL file {mtl.name}", path=str(mtl))
    return None


def _mtl_field(text: str, name: str) -> str | None:
    match = re.search(rf"{name}\s*=\s*(\S+)", text) or re.search(rf"<{name}>([^<]+)</{name}>", text)
    return match.group(1) if match else None


def _find_json(node) -> tuple[str | None, str | None]:
    if isinstance(node, dict):
        if "DATE_ACQUIRED" in node:
            return str(node["DATE_ACQUIRED"]), node.get("SCENE_CENTER_TIME")
        for value in node.values():
            found = _find_json(value)
            if found[0]:
                return found
    return None, None


def from_product_id(raster: Path) -> Acquisition | None:
    """The acquisition date in a Landsat product id in the file name (no time of day)."""
    match = PRODUCT_ID.search(raster.name)
    if not match:
        return None
    when = parse_when(match.group(1))
    return Acquisition(when, f"the Landsat product id in the file name {raster.name}") if when else None


def from_tags(tags: dict) -> Acquisition | None:
    """An acquisition date among GDAL metadata tags (``{"KEY": "value"}``)."""
    upper = {key.upper(): value for key, value in tags.items()}
    for key in TAG_KEYS:
        if key in upper:
            when = parse_when(str(upper[key]))
            if when is not None:
                return Acquisition(when, f"the GDAL metadata tag {key}")
    return None


def find_acquisition(raster: str | Path, tags: dict | None = None) -> Acquisition:
    """The first answer of MTL, product id, GDAL tags; ``Acquisition(None, …)`` when none has one."""
    raster = Path(raster)
    for answer in (from_mtl(raster), from_product_id(raster), from_tags(tags or {})):
        if answer is not None:
            return answer
    return Acquisition(None, "nowhere: no MTL file, no Landsat product id in the name, no date tag")


def as_utc(when: date | datetime | None) -> date | datetime | None:
    """Datetimes with a time zone are converted to naive UTC; others are returned as they are."""
    if isinstance(when, datetime) and when.tzinfo is not None:
        return when.astimezone(timezone.utc).replace(tzinfo=None)
    return when
