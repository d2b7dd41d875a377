"""A Landsat product's MTL metadata file, read safely whatever its format, and the fields we use.

USGS writes the MTL three ways: ODL text (``…_MTL.txt``: ``GROUP = …`` / ``FIELD = value``), XML
and JSON, each a few groups of fields, 15-25 KB and 2-3 levels deep. An MTL comes from outside
(a download, a folder someone handed over), so it is read within bounds:
- a file over :data:`MAX_BYTES`, or one that is not a plain file, is refused before it is read;
- nesting deeper than :data:`MAX_DEPTH` is refused before the text becomes dicts (``json`` and
  any walk of the tree would otherwise end in a RecursionError);
- XML is read by the small tokenizer below, not by a full XML parser: the standard library's
  parsers expand the entities a DOCTYPE declares (an "XML bomb" grows a few KB into gigabytes),
  and an MTL has no DOCTYPE, attributes or mixed content, so a DOCTYPE is refused and nothing is
  ever expanded beyond single-character references.
"""
from __future__ import annotations

import html
import json
import os
import re
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

from osgeo import gdal

from . import landsat
from .errors import UserError
from .landsat import QA_PIXEL

#: The largest MTL read: 100 times USGS's largest, so no real one is refused.
MAX_BYTES = 4 << 20
#: The deepest nesting of groups read (USGS's MTLs are 2-3 deep).
MAX_DEPTH = 16
#: What to do about a damaged MTL, the end of each refusal.
USE_OWN = "use the product's own MTL, or download the product again"


def read_text(path: str) -> str:
    """The text of the MTL ``path`` (also inside a tar, ``/vsitar/…``), at most :data:`MAX_BYTES`;
    bytes that are not UTF-8 become U+FFFD (the fields we read are ASCII)."""
    name = Path(path).name
    if path.startswith("/vsi"):
        data = _read_virtual(path)
    else:
        try:
            if not stat.S_ISREG(os.stat(path).st_mode):  # a folder, a FIFO, /dev/zero: never read
                raise UserError(f"the MTL {path} is not a file; give the product's own MTL file")
            with open(path, "rb") as f:
                data = f.read(MAX_BYTES + 1)  # the size stat gives can lie (/proc, a growing file)
        except OSError as exc:
            raise UserError(f"the MTL {path} cannot be read ({exc.strerror or exc}); check the file and "
                            "its permissions") from None
    if len(data) > MAX_BYTES:
        raise UserError(f"{name} is over {MAX_BYTES >> 20} MB, but a Landsat MTL file is about 20 KB: "
                        f"it is not an MTL or it is damaged; {USE_OWN}")
    return data.decode("utf-8", errors="replace")


def _read_virtual(path: str) -> bytes:
    """At most :data:`MAX_BYTES` + 1 bytes of a file on one of GDAL's virtual file systems."""
    try:
        handle = gdal.VSIFOpenL(path, "rb")
    except RuntimeError:  # with GDAL's exceptions on
        handle = None
    if handle is None:
        raise UserError(f"{path} cannot be read; the .tar is damaged: download the product again")
    try:
        return gdal.VSIFReadL(1, MAX_BYTES + 1, handle) or b""
    finally:
        gdal.VSIFCloseL(handle)


def read_mtl(path: str) -> dict:
    """An MTL file in any of its three formats as ``{group: {field: text}}`` (the top group
    LANDSAT_METADATA_FILE unwrapped; fields outside any group kept at the top); ``{}`` when it
    cannot be parsed. Refused (:class:`UserError`) when it is too big or too deep to be an MTL."""
    text, name, suffix = read_text(path), Path(path).name, path.lower().rsplit(".", 1)[-1]
    parse = {"json": _json_to_dict, "xml": _xml_to_dict}.get(suffix, _odl_to_dict)
    tree = parse(text, name)
    if not isinstance(tree, dict):
        return {}
    return tree.get("LANDSAT_METADATA_FILE", tree)


def _too_deep(name: str) -> UserError:
    return UserError(f"{name} nests groups more than {MAX_DEPTH} deep, but a Landsat MTL file is 3 deep: "
                     f"it is not an MTL or it is damaged; {USE_OWN}")


#: A JSON string (escapes included): its brackets are text, not structure.
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)


def _json_to_dict(text: str, name: str):
    depth = deepest = 0
    for bracket in re.findall(r"[\[\]{}]", _JSON_STRING.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    if deepest > MAX_DEPTH:
        raise _too_deep(name)
    try:
        return json.loads(text)
    except ValueError:
        return {}


def _odl_to_dict(text: str, name: str) -> dict:
    """USGS's ODL text (``GROUP = …`` / ``FIELD = value`` / ``END_GROUP = …``) as nested dicts."""
    root: dict = {}
    stack = [root]
    for line in text.splitlines():
        key, _, value = (part.strip() for part in line.partition("="))
        if key == "GROUP":
            if len(stack) > MAX_DEPTH:
                raise _too_deep(name)
            stack[-1][value] = {}
            stack.append(stack[-1][value])
        elif key == "END_GROUP" and len(stack) > 1:
            stack.pop()
        elif key and value and key != "END":
            stack[-1].setdefault(key, value.strip('"'))
    return root


#: An XML markup item: a tag, comment or declaration (group 1), text (group 2), or a stray "<" (group 3).
_XML_ITEM = re.compile(r"<([^<>]*)>|([^<]+)|(<)")


def _xml_to_dict(text: str, name: str) -> dict:
    """The MTL's XML (elements holding elements or text) as nested dicts; ``{}`` when it is not
    well formed. Refused with a DOCTYPE: see the module docstring."""
    if re.search(r"<!(DOCTYPE|ENTITY)", text, re.IGNORECASE):
        raise UserError(f"{name} declares a DOCTYPE or entities, which no Landsat MTL does: it is not an MTL "
                        f"or it was edited; {USE_OWN}")
    root: dict = {}
    stack: list[tuple[str, dict, list[str]]] = [("", root, [])]  # (tag, child elements, text parts)
    for match in _XML_ITEM.finditer(text):
        markup, chars, stray = match.groups()
        if chars is not None:
            stack[-1][2].append(chars)
        elif stray is not None:
            return {}
        elif markup.startswith(("!", "?")):  # only a comment or the <?xml …?> declaration
            if not re.fullmatch(r"!--.*--|\?.*\?", markup, re.DOTALL):
                return {}
        elif markup.startswith("/"):
            tag, children, parts = stack.pop() if len(stack) > 1 else ("", {}, [])
            if tag != markup[1:].strip():
                return {}
            stack[-1][1].setdefault(tag, children or html.unescape("".join(parts)).strip())
        elif len(stack) > MAX_DEPTH:
            raise _too_deep(name)
        elif markup.split() and not markup.endswith("/"):
            stack.append((markup.split()[0], {}, []))
        elif markup.split():  # <EMPTY/>
            stack[-1][1].setdefault(markup[:-1].split()[0], "")
    return root if len(stack) == 1 else {}


# --------------------------------------------------------------------------- the fields
def product_files(mtl: dict) -> dict:
    """Band name → file name as the MTL's PRODUCT_CONTENTS lists them (SR_B1…SR_B7, QA_PIXEL)."""
    contents = mtl.get("PRODUCT_CONTENTS", {})
    if not isinstance(contents, dict):
        return {}
    files = {band: contents.get(f"FILE_NAME_BAND_{band[-1]}") for band in landsat.BANDS}
    files[QA_PIXEL] = contents.get("FILE_NAME_QUALITY_L1_PIXEL")
    return {band: str(name) for band, name in files.items() if name}


def product_id(mtl: dict) -> str | None:
    """LANDSAT_PRODUCT_ID of a parsed MTL, or None."""
    contents = mtl.get("PRODUCT_CONTENTS", {})
    said = contents.get("LANDSAT_PRODUCT_ID") if isinstance(contents, dict) else None
    return str(said) if said else None


def acquisition_fields(mtl: dict) -> tuple[str | None, str | None]:
    """DATE_ACQUIRED and SCENE_CENTER_TIME of a parsed MTL (None where absent): from
    IMAGE_ATTRIBUTES, where USGS puts them, else from wherever they are."""
    day, time_of_day = (_find_field(mtl.get("IMAGE_ATTRIBUTES", {}), key) or _find_field(mtl, key)
                        for key in ("DATE_ACQUIRED", "SCENE_CENTER_TIME"))
    return day, time_of_day


def spacecraft(mtl: dict) -> str | None:
    """SPACECRAFT_ID of a parsed MTL (LANDSAT_8, LANDSAT_9 …), or None."""
    return _find_field(mtl.get("IMAGE_ATTRIBUTES", {}), "SPACECRAFT_ID") or _find_field(mtl, "SPACECRAFT_ID")


def _find_field(tree, key: str) -> str | None:
    if not isinstance(tree, dict):
        return None
    if tree.get(key) not in (None, ""):
        return str(tree[key])
    return next((found for value in tree.values() if (found := _find_field(value, key))), None)


def acquisition(mtl: dict, name: str) -> date | datetime | None:
    """When the scene was acquired, as the parsed MTL ``mtl`` (the file ``name``) says: a UTC
    datetime with SCENE_CENTER_TIME, else a date; None without DATE_ACQUIRED. Refused when a
    field is there but is no real date or time (a month 13, 99:99:99)."""
    day, time_of_day = acquisition_fields(mtl)
    if day is None:
        return None
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", day.strip().strip('"'))
    try:
        when = date(*(int(v) for v in match.groups())) if match else None
    except ValueError:
        when = None
    if when is None:
        raise UserError(f"{name} gives DATE_ACQUIRED = {day[:40]}, which is no date (USGS writes "
                        f"YYYY-MM-DD): the MTL is damaged; {USE_OWN}")
    if not time_of_day:
        return when
    # USGS writes "HH:MM:SS.fffffffZ"; a leap second (:60) is a real UTC time, so seconds are added.
    match = re.fullmatch(r"(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z?", time_of_day.strip().strip('"'))
    if not match or int(match[1]) > 23 or int(match[2]) > 59 or int(match[3]) > 60:
        raise UserError(f"{name} gives SCENE_CENTER_TIME = {time_of_day[:40]}, which is no time of day (USGS "
                        f"writes HH:MM:SS.fffffffZ): the MTL is damaged; {USE_OWN}")
    return datetime(when.year, when.month, when.day, int(match[1]), int(match[2])) + timedelta(
        seconds=int(match[3]))
