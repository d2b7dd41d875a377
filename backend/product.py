"""Landsat 8/9 Collection 2 Level-2 products as USGS delivers them, read in place.

A product is one GeoTIFF per band, named ``<product id>_<band>.TIF`` (``…_SR_B1.TIF`` …
``…_SR_B7.TIF``, ``…_QA_PIXEL.TIF``, thermal and QA bands), and its MTL metadata file
(``…_MTL.txt``, ``.xml`` or ``.json``, read by :mod:`backend.mtl`), in a folder or still inside
the ``.tar`` as downloaded. The user gives any of: the MTL file, the folder, the tar.
:func:`open_product` finds the files by USGS's naming, checks them against the MTL (each file
the MTL lists must be named for the band it is listed as, and its date must be the product
id's), refuses what the model cannot read, and :func:`stack` makes one GDAL VRT of
SR_B1…SR_B7 (and QA_PIXEL as an 8th band) without copying a pixel; a tar is read through
GDAL's ``/vsitar/``.
"""
from __future__ import annotations

import copy
import gzip
import os
import stat
import tarfile
import xml.etree.ElementTree as ElementTree  # nosec B405 # only the VRTs GDAL writes (_vrt_tree); MTL: mtl.py
import zlib
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from osgeo import gdal

from . import geo, landsat, mtl
from .errors import UserError
from .files import same_file
from .landsat import QA_PIXEL

MTL_SUFFIXES = ("_MTL.txt", "_MTL.xml", "_MTL.json")
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz")
#: GDAL metadata items a product's VRT carries, so that whoever opens it finds its MTL and id.
PRODUCT_ID_ITEM, MTL_ITEM = "LANDSAT_PRODUCT_ID", "LANDSAT_MTL"
#: Satellites and sensors whose Level-2 products have SR_B1…SR_B7 as the model expects:
#: Landsat 8 and 9, OLI with TIRS (LC) or OLI alone (LO).
SUPPORTED_SENSORS = ("LC08", "LC09", "LO08", "LO09")
TAR_BLOCK = 512


@dataclass
class Product:
    """A Level-2 product found on disk. Paths are GDAL paths (``/vsitar/…`` inside a tar).

    ``bands``: the 7 files of SR_B1…SR_B7, in that order; ``qa_pixel``: the QA_PIXEL file, or
    None when the product lacks it (then clouds cannot be masked); ``mtl``: the MTL file or None;
    ``found_by``: how the files were told apart, in words for the log.
    """

    product_id: str
    source: str  # what the user gave: the MTL file, the folder or the tar
    bands: list
    qa_pixel: str | None
    mtl: str | None
    members: tuple = ()  # every file of the product (thermal and QA bands too): none may be written over
    found_by: str = ""

    @property
    def files(self) -> list:
        return [*self.bands, *(p for p in (self.qa_pixel, self.mtl) if p)]


def is_product_path(path: str | Path) -> bool:
    """Whether ``path`` names a product rather than a raster: a folder, an MTL file or a tar."""
    text = str(path).lower()
    return (Path(path).is_dir() or text.endswith(tuple(s.lower() for s in MTL_SUFFIXES))
            or text.endswith(TAR_SUFFIXES))


@geo.with_gdal_exceptions
def open_product(path: str | Path) -> Product:
    """The product at ``path`` (its MTL file, its folder or its tar), or a :class:`UserError`
    that says what was found instead and what to do."""
    if not Path(path).exists():
        raise UserError(f"{path} does not exist; give a Landsat product's MTL file, its folder or its .tar")
    path = Path(path).absolute()  # its files are named so in a VRT written anywhere
    given_mtl = wanted = None
    if path.is_dir():
        location, names = str(path), _folder_names(path)
    elif path.name.lower().endswith(TAR_SUFFIXES):
        location, names = _tar_contents(path), _tar_names(path)
        _refuse_links(path)
    else:  # an MTL file: its product, in its folder; this MTL, whichever others lie beside it
        location, names, given_mtl = str(path.parent), _folder_names(path.parent), str(path)
        wanted = _product_id_in(path.name)
        if wanted is None:
            raise UserError(f"{path.name} is not named like a Landsat MTL file (<product id>_MTL.txt); give "
                            "the MTL file as USGS named it, or the product's folder")
    try:
        product_id = wanted or _only_product(names, path)
        check_kind(product_id)
        return _find_files(product_id, location, names, str(path), given_mtl)
    except UserError:
        if location.startswith("/vsitar/"):
            _refuse_damaged_tar(path)  # what looked wrong inside is a damaged tar: say that instead
        raise


def _folder_names(folder: Path) -> list:
    try:
        return sorted(os.listdir(folder))
    except OSError as exc:
        raise UserError(f"the folder {folder} cannot be read ({exc.strerror or exc}); check its "
                        "permissions") from None


def _tar_names(tar: Path) -> list:
    """The files in a tar (paths inside it), or a refusal when it cannot be read through."""
    # GDAL would leave an index (<name>.properties) beside a gzipped tar: never write by an input.
    gdal.SetConfigOption("CPL_VSIL_GZIP_WRITE_PROPERTIES", "NO")
    try:
        names = gdal.ReadDirRecursive(f"/vsitar/{tar.absolute()}") or []
    except RuntimeError as exc:
        raise UserError(f"{tar.name} cannot be read through ({str(exc).strip()}): it is damaged or cut "
                        "short; download the product again") from None
    return [n for n in names if not n.endswith("/")]


def _refuse_damaged_tar(tar: Path) -> None:
    """Refuse ``tar`` when its headers show damage: GDAL silently stops listing at a damaged
    header, so a damaged tar would otherwise seem to hold no product, or to lack bands."""
    _tar_members(tar)


def _tar_members(tar: Path) -> list:
    """The headers of the members of ``tar``, read by seeking past each body; refused when a
    header is damaged."""
    opener = gzip.open if tar.name.lower().endswith((".gz", ".tgz")) else open
    offset, members = 0, []
    try:
        with opener(tar, "rb") as stream:
            while (block := stream.read(TAR_BLOCK)) and block != bytes(TAR_BLOCK):
                member = tarfile.TarInfo.frombuf(block, "utf-8", "surrogateescape")  # checks the checksum
                members.append(member)
                skip = -(-member.size // TAR_BLOCK) * TAR_BLOCK
                offset += TAR_BLOCK + skip
                stream.seek(skip, os.SEEK_CUR)
    except (tarfile.HeaderError, OSError, EOFError, zlib.error) as exc:
        raise UserError(f"{tar.name} is damaged at byte {offset:,} ({exc}): its files cannot all be read; "
                        "download the product again") from None
    return members


def _refuse_links(tar: Path) -> None:
    """Refuse a tar whose members are hard or symbolic links: GDAL reads a link member as an empty
    file ("not recognized", as if damaged), and USGS never packs links. An uncompressed tar only:
    its headers are read by seeking, where a .tar.gz would have to be decompressed once more."""
    if tar.name.lower().endswith((".gz", ".tgz")):
        return
    links = [m for m in _tar_members(tar) if m.islnk() or m.issym()]
    if links:
        shown = ", ".join(f"{Path(m.name).name} → {Path(m.linkname).name}" for m in links[:2])
        more = " …" if len(links) > 2 else ""
        raise UserError(f"{tar.name} holds links ({shown}{more}), which are not read: USGS packs none; "
                        "download the product again, or unpack it (tar -xf) and give the folder")


def _tar_contents(tar: Path) -> str:
    """The ``/vsitar/`` path of ``tar``, refused when the file is cut short (an interrupted
    download): a tar is whole 512-byte blocks."""
    with open(tar, "rb") as handle:
        compressed = handle.read(2) == b"\x1f\x8b"  # gzip's magic number
    if compressed and not tar.name.lower().endswith((".gz", ".tgz")):
        raise UserError(f"{tar.name} is compressed (gzip) though named .tar; name it {tar.stem}.tar.gz and "
                        "give that, or unpack it (tar -xzf) and give the folder")
    size = tar.stat().st_size
    if size == 0 or (not tar.name.lower().endswith((".gz", ".tgz")) and size % TAR_BLOCK):
        raise UserError(f"{tar.name} is truncated ({size:,} bytes, not whole 512-byte tar blocks): the "
                        "download was interrupted; download the product again")
    return f"/vsitar/{tar.absolute()}"


def _product_id_in(name: str) -> str | None:
    """The product id in a file name, in USGS's upper case whatever the name's case."""
    match = landsat.PRODUCT_ID.search(name.upper())
    return match.group(0) if match else None


def _only_product(names: list, where: Path) -> str:
    """The one product id among file ``names``; refused when there is none or more than one."""
    ids = sorted({pid for pid in map(_product_id_in, (Path(n).name for n in names)) if pid})
    if not ids:
        raise UserError(f"{where} holds no Landsat product: no file is named like "
                        "LC08_L2SP_204023_20200927_20201006_02_T1_SR_B1.TIF; give the folder or .tar of a "
                        "Landsat 8/9 Collection 2 Level-2 product as downloaded from USGS")
    if len(ids) > 1:
        how = "unpack it and give" if where.name.lower().endswith(TAR_SUFFIXES) else "give"
        raise UserError(f"{where} holds {len(ids)} Landsat products ({', '.join(ids)}); {how} the MTL file "
                        f"of the one to use, e.g. {ids[0]}_MTL.txt")
    return ids[0]


def check_kind(product_id: str) -> None:
    """Refuse products whose bands or scaling differ from Landsat 8/9 Collection 2 Level-2."""
    parts = landsat.PRODUCT_ID.fullmatch(product_id).groupdict()
    mission = parts["sensor"] + parts["satellite"]
    if mission not in SUPPORTED_SENSORS:
        raise UserError(f"{product_id} is a {_mission_name(mission)} product; the model reads Landsat 8 and "
                        "9 "
                        "(OLI) only: Landsat 4-7 have other bands and another surface-reflectance scaling. "
                        "Download a Landsat 8 or 9 Collection 2 Level-2 product")
    if parts["collection"] != "02":
        raise UserError(f"{product_id} is a Collection {int(parts['collection'])} product; its surface "
                        "reflectance has other file names and another scale. Download the Collection 2 "
                        "Level-2 product of the same scene")
    if parts["level"].startswith("L1"):
        raise UserError(f"{product_id} is a Level-1 product ({parts['level']}: top-of-atmosphere, no surface "
                        "reflectance); download the Level-2 product (L2SP) of the same scene from USGS "
                        "EarthExplorer")


def _mission_name(mission: str) -> str:
    satellite = int(mission[2:])
    sensor = {"LC": "OLI/TIRS", "LO": "OLI", "LE": "ETM+", "LM": "MSS",
              "LT": "TIRS only" if satellite >= 8 else "TM"}[mission[:2]]
    return f"Landsat {satellite} ({sensor})"


# --------------------------------------------------------------------------- the product's files
def _find_files(product_id: str, location: str, names: list, source: str, given_mtl: str | None) -> Product:
    """The product's files among ``names`` (paths relative to ``location``), by USGS's naming,
    checked against the MTL (``given_mtl``, else the product's own); refused, naming them, when
    SR bands are missing or a name is ambiguous."""
    by_name: dict = {}  # upper-case file name → every path of that name, whatever its case
    for name in names:
        by_name.setdefault(Path(name).name.upper(), []).append(f"{location}/{name}")
    mtl_path = given_mtl or _one_file(by_name, [f"{product_id}{s}".upper() for s in MTL_SUFFIXES], source)
    contents = mtl.read_mtl(mtl_path) if mtl_path else {}
    check_mtl(contents, mtl_path, product_id)
    wanted = {band: f"{product_id}_{band}.TIF".upper() for band in (*landsat.BANDS, QA_PIXEL)}
    missing = [band for band in landsat.BANDS if wanted[band] not in by_name]
    if missing:
        files = ", ".join(f"{product_id}_{b}.TIF" for b in missing)
        hint = (" (the .tar may be cut short: download it again)" if location.startswith("/vsitar/")
                else ": download the product again, with all its SR bands")
        listed = ", listed in its MTL" if mtl.product_files(contents) else ""
        raise UserError(f"the product {product_id} in {source} lacks {', '.join(missing)} ({files}{listed})"
                        f"{hint}")
    bands = [_one_file(by_name, [wanted[band]], source) for band in landsat.BANDS]
    qa_pixel = _one_file(by_name, [wanted[QA_PIXEL]], source)
    for band, path in zip((*landsat.BANDS, QA_PIXEL), (*bands, qa_pixel)):
        _check_plain_file(path, band)
    _refuse_one_file_twice(list(zip((*landsat.BANDS, QA_PIXEL), (*bands, qa_pixel))))
    found_by = "the product's files by their USGS names" + (
        f", as its MTL {Path(mtl_path).name} lists them" if mtl.product_files(contents)
        else f"; its MTL {Path(mtl_path).name} lists none" if mtl_path else "; it has no MTL file")
    members = tuple(path for name, paths in by_name.items() if name.startswith(product_id) for path in paths)
    return Product(product_id=product_id, source=source, bands=bands, mtl=mtl_path, members=members,
                   qa_pixel=qa_pixel, found_by=found_by)


def _check_plain_file(path: str | None, band: str) -> None:
    """Refuse a band "file" that is a folder, a device or a symbolic link going nowhere: GDAL
    would call it a damaged GeoTIFF, or (a FIFO) wait for ever."""
    if path is None or path.startswith("/vsi"):
        return
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise UserError(f"{band} ({Path(path).name}) cannot be read ({exc.strerror or exc}); give the "
                        "product's files as USGS delivered them") from None
    if not stat.S_ISREG(mode):
        kind = "a folder" if stat.S_ISDIR(mode) else "no plain file"
        raise UserError(f"{band} ({Path(path).name}) is {kind}, not a GeoTIFF; give the product's files as "
                        "USGS delivered them")


def _refuse_one_file_twice(files: list) -> None:
    """Refuse two bands (``files``: (band, path) pairs) that are one file, a symbolic or hard link
    of one to the other, by file identity: names differ, yet the model would read one band's
    pixels as two and paint another map without a word."""
    on_disk = [(band, path) for band, path in files if path and not path.startswith("/vsi")]
    for i, (band, path) in enumerate(on_disk):
        for other, other_path in on_disk[i + 1:]:
            if same_file(path, other_path):
                raise UserError(f"{band} ({Path(path).name}) and {other} ({Path(other_path).name}) are the "
                                "same file (one is a link to the other): the model would read one band as "
                                "two; give the product's own files (download it again)")


def _one_file(by_name: dict, candidates: list, source: str) -> str | None:
    """The file of the first of ``candidates`` (upper-case names) that is there, or None;
    refused when two files bear that name in different cases: which one is the product's
    cannot be told, and taking either would be a guess."""
    for name in candidates:
        paths = by_name.get(name, [])
        if len(paths) > 1:
            raise UserError(f"{source} holds both {Path(paths[0]).name} and {Path(paths[1]).name}: names "
                            "that differ only in case are ambiguous; remove or rename the file that is not "
                            "the product's own")
        if paths:
            return paths[0]
    return None


def check_mtl(contents: dict, path: str | None, product_id: str) -> None:
    """Refuse an MTL (``contents`` of the file ``path``) that speaks of another product, lists a
    file under a band its name does not bear, or dates the scene otherwise than the product id."""
    name = Path(path).name if path else ""
    said = mtl.product_id(contents)
    if said and said.upper() != product_id:
        raise UserError(f"{name} describes {said}, not {product_id}: the MTL does not belong with these "
                        "files; use the product's own MTL")
    check_dates(product_id, contents, name)
    listed = mtl.product_files(contents)
    twice = sorted({file for file in listed.values() if list(listed.values()).count(file) > 1})
    if twice:
        raise UserError(f"{name} lists {', '.join(twice)} for more than one band; the MTL is damaged: "
                        f"{mtl.USE_OWN}")
    for band, file in listed.items():
        if file.upper() != f"{product_id}_{band}.TIF":
            bears = landsat.LANDSAT_BAND_NAME.search(Path(file).stem.upper())
            but = (f"USGS names {band}'s file {product_id}_{band}.TIF" if bears and bears.group(2) == band
                   else f"that file's name says {bears.group(2) if bears else 'no band'}")
            raise UserError(f"{name} lists {file} as {band}, but {but}: the MTL is damaged or "
                            f"edited; {mtl.USE_OWN}")


def check_dates(product_id: str, contents: dict, mtl_name: str) -> None:
    """Refuse a product acquired after today, or whose MTL (``contents``, parsed) gives another
    acquisition date than its product id: one of them was edited or belongs to another scene."""
    acquired = landsat.PRODUCT_ID.fullmatch(product_id)["acquired"]
    try:
        day = date(int(acquired[:4]), int(acquired[4:6]), int(acquired[6:]))
    except ValueError:
        raise UserError(f"{product_id} names no real acquisition date ({acquired}); it is no USGS product "
                        "id: give the product as USGS delivered it") from None
    today = datetime.now(timezone.utc).date()
    if day > today:
        raise UserError(f"{product_id} says it was acquired on {day}, after today ({today}): the name was "
                        "edited or the computer's clock is wrong; give the product as USGS delivered it")
    check_id_facts(product_id, day, contents, mtl_name)
    when = mtl.acquisition(contents, mtl_name) if contents else None
    said = when.date() if isinstance(when, datetime) else when
    if said is not None and said != day:
        raise UserError(f"{mtl_name} gives DATE_ACQUIRED {said}, but the product id {product_id} says {day}: "
                        "the MTL belongs to another scene or was edited; use the product's own MTL")


def check_id_facts(product_id: str, day: date, contents: dict, mtl_name: str) -> None:
    """Refuse a product id (acquired on ``day``) that cannot be: acquired before its satellite's
    launch, processed before it was acquired, off the WRS-2 grid, or of another satellite than
    its MTL's SPACECRAFT_ID. Each one means an edited name or another product's MTL."""
    parts = landsat.PRODUCT_ID.fullmatch(product_id).groupdict()
    edited = "the name was edited: give the product as USGS delivered it"
    launched = date(*landsat.LAUNCHED.get(parts["satellite"], (1972, 7, 23)))
    satellite = int(parts["satellite"])
    if day < launched:
        raise UserError(f"{product_id} says it was acquired on {day}, before Landsat {satellite} was "
                        f"launched ({launched}); {edited}")
    processed = parts["processed"]
    try:
        processed_day = date(int(processed[:4]), int(processed[4:6]), int(processed[6:]))
    except ValueError:
        raise UserError(f"{product_id} names no real processing date ({processed}); {edited}") from None
    if processed_day < day:
        raise UserError(f"{product_id} says it was processed on {processed_day}, before it was acquired "
                        f"({day}); {edited}")
    path, row = int(parts["path_row"][:3]), int(parts["path_row"][3:])
    if not (1 <= path <= landsat.WRS2_PATHS and 1 <= row <= landsat.WRS2_ROWS):
        raise UserError(f"{product_id} names WRS-2 path {path}, row {row}: the grid has paths 1-"
                        f"{landsat.WRS2_PATHS} and rows 1-{landsat.WRS2_ROWS}; {edited}")
    said = mtl.spacecraft(contents) if contents else None
    if said and said.upper() != f"LANDSAT_{satellite}":
        raise UserError(f"{mtl_name} gives SPACECRAFT_ID {said}, but the product id {product_id} says "
                        f"Landsat {satellite}: the MTL belongs to another product or was edited; "
                        f"{mtl.USE_OWN}")


# --------------------------------------------------------------------------- the stack
@geo.with_gdal_exceptions
def stack(product: Product, path: str = "") -> gdal.Dataset:
    """A VRT of SR_B1…SR_B7 (and QA_PIXEL, band 8) named by band, carrying the product id and
    its MTL as metadata; in memory for ``path`` "", else written there (absolute source paths).
    Refused when a band's grid differs from SR_B1's (a stack would silently resample it)."""
    files = [*product.bands, *([product.qa_pixel] if product.qa_pixel else [])]
    names = [*landsat.BANDS, *([QA_PIXEL] if product.qa_pixel else [])]
    check_same_grid(files, names)
    try:
        vrt = gdal.BuildVRT("", files, separate=True)  # in memory: the file is written below, once
    except RuntimeError as exc:
        raise UserError(f"the bands of {product.product_id} cannot be read ({str(exc).strip()}); download "
                        "the "
                        "product again") from None
    if vrt is None:
        raise UserError(f"the bands of {product.product_id} cannot be stacked; download the product again")
    for number, name in enumerate(names, start=1):
        vrt.GetRasterBand(number).SetDescription(name)
    vrt.SetMetadataItem(PRODUCT_ID_ITEM, product.product_id)
    if product.mtl:
        vrt.SetMetadataItem(MTL_ITEM, product.mtl)
    xml = split_sources(simple_sources(vrt.GetMetadata("xml:VRT")[0]))
    if not path:
        return gdal.Open(xml)
    Path(path).write_text(xml, encoding="utf-8")
    return gdal.Open(path)


def _vrt_tree(xml: str) -> ElementTree.Element:
    """The VRT text GDAL wrote for us, parsed. GDAL writes no DOCTYPE; one here would mean the text
    is not GDAL's, and its entities are not expanded: it is refused before parsing."""
    if "<!DOCTYPE" in xml.upper() or "<!ENTITY" in xml.upper():
        raise UserError("the VRT GDAL wrote declares a DOCTYPE or entities, which GDAL never writes; "
                        "it is not read")
    return ElementTree.fromstring(xml)  # nosec B314 # GDAL's own VRT text, any DOCTYPE refused above


#: What makes a VRT source more than a copy of its band's pixels: such a source stays complex.
_COMPUTING_TAGS = {"ScaleOffset", "ScaleRatio", "LUT", "Exponent", "ColorTableComponent", "UseMaskBand",
                   "SrcMin", "SrcMax", "DstMin", "DstMax"}


def split_sources(xml: str) -> str:
    """The VRT ``xml`` with each band's one whole-band SimpleSource cut into a top and a bottom
    half. GDAL hands the statistics and histograms asked of a VRT band with one source to that
    source's file, whose .aux.xml it then writes beside it: QGIS's stretch of a product layer
    would add files to the user's download folder. With two sources the VRT computes them itself
    and keeps them in its own .aux.xml; reading is as fast."""
    root = _vrt_tree(xml)
    height = int(root.get("rasterYSize"))
    for band in root.iter("VRTRasterBand"):
        sources = band.findall("SimpleSource")
        if len(sources) != 1 or height < 2 or len(band.findall("ComplexSource")):
            continue
        source = sources[0]
        src, dst = source.find("SrcRect"), source.find("DstRect")
        if src is None or dst is None or src.attrib != dst.attrib or int(src.get("ySize")) != height:
            continue
        bottom = copy.deepcopy(source)
        band.insert(list(band).index(source) + 1, bottom)
        half = height // 2
        for element, (y_off, y_size) in ((source, (0, half)), (bottom, (half, height - half))):
            for rect in (element.find("SrcRect"), element.find("DstRect")):
                rect.set("yOff", str(y_off))
                rect.set("ySize", str(y_size))
    return ElementTree.tostring(root, encoding="unicode")


def simple_sources(xml: str) -> str:
    """The VRT ``xml`` with each ComplexSource that only copies its band's pixels made a
    SimpleSource, which GDAL reads about 4 times as fast (a whole scene: 8.7 s → 2.3 s,
    docs/benchmarks.md). BuildVRT writes ComplexSources even for plain copies. A source NODATA
    equal to its band's NoDataValue changes no pixel of a copy onto the same grid, so it goes."""
    root = _vrt_tree(xml)
    for band in root.iter("VRTRasterBand"):
        band_nodata = band.findtext("NoDataValue")
        for source in band.findall("ComplexSource"):
            nodata = source.find("NODATA")
            if {child.tag for child in source} & _COMPUTING_TAGS:
                continue
            if nodata is not None:
                if band_nodata is None or float(nodata.text) != float(band_nodata):
                    continue
                source.remove(nodata)
            source.tag = "SimpleSource"
    return ElementTree.tostring(root, encoding="unicode")


def check_same_grid(files: list, names: list) -> None:
    """Refuse, naming the file, when one of ``files`` lies on another grid than the first."""
    grids = []
    for path, name in zip(files, names):
        try:
            dataset = gdal.Open(path)
        except RuntimeError as exc:
            raise UserError(f"{name} ({Path(path).name}) cannot be opened ({str(exc).strip()}); the file is "
                            "truncated or damaged: download the product again") from None
        grids.append(geo.grid_of(dataset))
    for grid, path, name in zip(grids[1:], files[1:], names[1:]):
        if grid != grids[0]:
            raise UserError(f"{name} ({Path(path).name}) is {grid[0]} × {grid[1]} px on "
                            f"{_describe_grid(grid)}, but {names[0]} is {grids[0][0]} × {grids[0][1]} px on "
                            f"{_describe_grid(grids[0])}: they are not of the same product or were cropped "
                            "differently; use the files as USGS delivered them")


def _describe_grid(grid: tuple) -> str:
    transform = grid[2]
    return f"a grid with origin ({transform[0]:.1f}, {transform[3]:.1f}) and {transform[1]:g} m pixels"


@geo.with_gdal_exceptions
def write_stack(found: Product, vrt: str | Path) -> Path:
    """Write the stack of the product ``found`` (:func:`open_product`) as a VRT file at ``vrt``:
    at a temporary name beside it first, then renamed, so a failure leaves nothing and an
    earlier file as it was. Returns the VRT's path."""
    from .files import check_outputs, temporary_name, write_failure

    check_outputs([("the product's virtual raster", str(vrt), (".vrt",))],
                  [("the product", f) for f in found.files if not f.startswith("/vsi")])
    target = Path(vrt)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary_name(target, "part.vrt")
    try:
        dataset = stack(found, str(tmp))
        dataset.FlushCache()
        dataset = None  # closing writes the file
        tmp.replace(target)
    except (OSError, RuntimeError) as exc:
        raise UserError(write_failure(target, exc)) from None
    finally:
        tmp.unlink(missing_ok=True)
    return target
