"""When a Landsat scene was acquired, read from what lies beside the raster.

Looked for in this order (the first that answers wins; an explicit date given by the user
overrides them all, and the QGIS plugin adds the layer's temporal properties after them):
1. the Landsat MTL (``*_MTL.txt``, ``*_MTL.xml`` or ``*_MTL.json``) of a product given as its
   MTL, folder or tar, or named by a product stack's metadata, or lying next to the file:
   DATE_ACQUIRED and SCENE_CENTER_TIME;
2. the Landsat product id in the file name (``LC08_L2SP_PPPRRR_YYYYMMDD_…``): the date only;
3. GDAL metadata tags (ACQUISITION_DATE, DATE_ACQUIRED, TIFFTAG_DATETIME, …).
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from . import landsat
from .errors import UserError

if TYPE_CHECKING:
    from .product import Product

log = logging.getLogger(__name__)

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
            year, month, day, hour, minute, second = (int(v) for v in tiff.groups())
            return datetime(year, month, day, hour, minute, second)
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


def from_mtl(raster: Path) -> Acquisition | None:
    """DATE_ACQUIRED and SCENE_CENTER_TIME of an MTL file beside ``raster``."""
    candidates = sorted(raster.parent.glob("*_MTL.txt")) + sorted(raster.parent.glob("*_MTL.xml")) \
        + sorted(raster.parent.glob("*_MTL.json"))
    # Prefer the MTL of this scene when several scenes share the folder.
    stem_id = landsat.PRODUCT_ID.search(raster.name)
    if stem_id:
        candidates.sort(key=lambda p: not p.name.startswith(stem_id.group(0)[:40]))
    for mtl in candidates:
        found = from_mtl_file(str(mtl))
        if found is not None:
            return found
    return None


def from_mtl_file(mtl: str) -> Acquisition | None:
    """DATE_ACQUIRED and SCENE_CENTER_TIME of the MTL file ``mtl`` (any of its formats, also
    inside a tar); None when it has no readable date."""
    from .mtl import acquisition, read_mtl

    try:
        when = acquisition(read_mtl(mtl), Path(mtl).name)
    except UserError:  # unreadable or damaged: the next source answers (a product's was checked already)
        return None
    return Acquisition(when, f"the MTL file {Path(mtl).name}", path=mtl) if when else None


def from_product(path: str) -> Acquisition | None:
    """The acquisition of a Landsat product given as its MTL file, folder or tar: its MTL, else
    its product id; None when ``path`` is no product (a :class:`UserError` says why it is not)."""
    from .product import is_product_path, open_product

    if not is_product_path(path):
        return None
    return acquisition_of(open_product(path))


def acquisition_of(found: Product) -> Acquisition | None:
    """The acquisition of an opened product: its MTL, else its product id (said when the MTL
    holds no readable date)."""
    answer = from_mtl_file(found.mtl) if found.mtl else None
    if found.mtl and answer is None:
        log.warning(f"the MTL file {Path(found.mtl).name} holds no readable DATE_ACQUIRED (it is empty or "
                    "damaged): the date comes from the product id, and the time of day is unknown")
    return answer or from_product_id(Path(found.product_id))


def from_product_id(raster: Path) -> Acquisition | None:
    """The acquisition date in a Landsat product id in the file name (no time of day)."""
    match = landsat.PRODUCT_ID.search(raster.name)
    if not match:
        return None
    when = parse_when(match.group("acquired"))
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
    """The first answer of: a Landsat product's MTL (``raster`` its MTL file, folder or tar, or a
    product's stack whose ``tags`` name its MTL), an MTL beside the raster, the product id in the
    name, GDAL tags; ``Acquisition(None, …)`` when none has one."""
    from .product import MTL_ITEM

    tags = tags or {}
    answers = (lambda: from_product(str(raster)),
               lambda: from_mtl_file(tags[MTL_ITEM]) if tags.get(MTL_ITEM) else None,
               lambda: from_mtl(Path(raster)), lambda: from_product_id(Path(raster)), lambda: from_tags(tags))
    for answer in answers:
        found = answer()
        if found is not None:
            return found
    return Acquisition(None, "nowhere: no MTL file, no Landsat product id in the name, no date tag")


def as_utc(when: date | datetime | None) -> date | datetime | None:
    """Datetimes with a time zone are converted to naive UTC; others are returned as they are."""
    if isinstance(when, datetime) and when.tzinfo is not None:
        return when.astimezone(timezone.utc).replace(tzinfo=None)
    return when
