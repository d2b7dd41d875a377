"""Landsat 8/9 Collection 2 Level-2 products as USGS delivers them, read in place.

A product is one GeoTIFF per band, named ``<product id>_<band>.TIF`` (``…_SR_B1.TIF`` …
``…_SR_B7.TIF``, ``…_QA_PIXEL.TIF``, thermal and QA bands), and its MTL metadata file
(``…_MTL.txt``, ``.xml`` or ``.json``), in a folder or still inside the ``.tar`` as downloaded.
The user gives any of: the MTL file, the folder, the tar. :func:`open_product` finds the files
(by the names the MTL lists, else by USGS's naming), refuses what the model cannot read, and
:func:`stack` makes one GDAL VRT of SR_B1…SR_B7 (and QA_PIXEL as an 8th band) without copying
a pixel; a tar is read through GDAL's ``/vsitar/``.
"""
from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

from osgeo import gdal

from . import geo, landsat
from .errors import UserError

MTL_SUFFIXES = ("_MTL.txt", "_MTL.xml", "_MTL.json")
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz")
QA_PIXEL = "QA_PIXEL"
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
    None when the product lacks it (then clouds cannot be masked); ``mtl``: the MTL file or None.
    """

    product_id: str
    source: str  # what the user gave: the MTL file, the folder or the tar
    bands: list
    qa_pixel: str | None
    mtl: str | None
    members: tuple = ()  # every file of the product (thermal and QA bands too): none may be written over

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
    if path.is_dir():
        location, names, wanted = str(path), sorted(os.listdir(path)), None
    elif path.name.lower().endswith(TAR_SUFFIXES):
        location, names, wanted = _tar_contents(path), _tar_names(path), None
    else:  # an MTL file: its product, in its folder
        location, names = str(path.parent), sorted(os.listdir(path.parent))
        wanted = _product_id_in(path.name)
        if wanted is None:
            raise UserError(f"{path.name} is not named like a Landsat MTL file (<product id>_MTL.txt); give "
                            "the MTL file as USGS named it, or the product's folder")
    product_id = wanted or _only_product(names, path)
    check_kind(product_id)
    found = _find_files(product_id, location, names, str(path))
    if is_product_path(path.name) and not path.name.lower().endswith(TAR_SUFFIXES) and not path.is_dir():
        found.mtl = str(path)  # this one, whichever other formats lie beside it
    check_mtl(found)
    return found


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


def _check_mtl_names(mtl: dict, path: str | None, product_id: str) -> None:
    said = mtl.get("PRODUCT_CONTENTS", {}).get("LANDSAT_PRODUCT_ID")
    if said and str(said).upper() != product_id:
        raise UserError(f"{Path(path).name} describes {said}, not {product_id}: the MTL does not belong with "
                        "these files; use the product's own MTL")


def check_mtl(found: Product) -> None:
    """Refuse an MTL that speaks of another product, or that lists one file for two bands."""
    if not found.mtl:
        return
    _check_mtl_names(read_mtl(found.mtl), found.mtl, found.product_id)
    files = [found.bands[i] for i in range(len(found.bands))]
    twice = sorted({Path(f).name for f in files if files.count(f) > 1})
    if twice:
        raise UserError(f"{Path(found.mtl).name} lists {', '.join(twice)} for more than one SR band; the MTL "
                        "is damaged: use the product's own MTL, or download the product again")


def _tar_contents(tar: Path) -> str:
    """The ``/vsitar/`` path of ``tar``, refused when the file is cut short (an interrupted
    download): a tar is whole 512-byte blocks."""
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


def _find_files(product_id: str, location: str, names: list, source: str) -> Product:
    """The product's files among ``names`` (paths relative to ``location``), by the names its
    MTL lists, else by USGS's naming; refused, naming them, when SR bands are missing."""
    by_name = {Path(n).name.upper(): f"{location}/{n}" for n in names}
    mtl_names = [f"{product_id}{suffix}".upper() for suffix in MTL_SUFFIXES]  # .txt first
    mtl = next((by_name[name] for name in mtl_names if name in by_name), None)
    contents = read_mtl(mtl) if mtl else {}
    _check_mtl_names(contents, mtl, product_id)
    listed = product_files(contents)
    wanted = {band: listed.get(band, f"{product_id}_{band}.TIF") for band in (*landsat.BANDS, QA_PIXEL)}
    missing = [band for band in landsat.BANDS if wanted[band].upper() not in by_name]
    if missing:
        files = ", ".join(wanted[b] for b in missing)
        hint = (" (the .tar may be cut short: download it again)" if location.startswith("/vsitar/")
                else ": download the product again, with all its SR bands")
        raise UserError(f"the product {product_id} in {source} lacks {', '.join(missing)} ({files}"
                        f"{', listed in its MTL' if mtl else ''}){hint}")
    members = tuple(path for name, path in by_name.items() if name.startswith(product_id))
    return Product(product_id=product_id, source=source,
                   bands=[by_name[wanted[b].upper()] for b in landsat.BANDS],
                   qa_pixel=by_name.get(wanted[QA_PIXEL].upper()), mtl=mtl, members=members)


# --------------------------------------------------------------------------- the MTL
def read_text(path: str) -> str:
    """A text file, also inside a tar (``/vsitar/…``)."""
    if not path.startswith("/vsi"):
        return Path(path).read_text(encoding="utf-8", errors="replace")
    handle = gdal.VSIFOpenL(path, "rb")
    if handle is None:
        raise UserError(f"{path} cannot be read")
    try:
        size = gdal.VSIStatL(path).size
        return gdal.VSIFReadL(1, size, handle).decode("utf-8", errors="replace")
    finally:
        gdal.VSIFCloseL(handle)


def read_mtl(path: str) -> dict:
    """An MTL file in any of its three formats as ``{group: {field: text}}`` (the top group
    LANDSAT_METADATA_FILE unwrapped; fields outside any group kept at the top); ``{}`` when it
    cannot be parsed."""
    text = read_text(path)
    try:
        if path.lower().endswith(".json"):
            tree = json.loads(text)
        elif path.lower().endswith(".xml"):
            root = ElementTree.fromstring(text)
            tree = {root.tag: _xml_to_dict(root)}
        else:
            tree = _odl_to_dict(text)
    except (ValueError, ElementTree.ParseError):
        return {}
    if not isinstance(tree, dict):
        return {}
    return tree.get("LANDSAT_METADATA_FILE", tree)


def _xml_to_dict(node: ElementTree.Element) -> dict:
    return {child.tag: _xml_to_dict(child) if len(child) else (child.text or "").strip() for child in node}


def _odl_to_dict(text: str) -> dict:
    """USGS's ODL text (``GROUP = …`` / ``FIELD = value`` / ``END_GROUP = …``) as nested dicts."""
    root: dict = {}
    stack = [root]
    for line in text.splitlines():
        key, _, value = (part.strip() for part in line.partition("="))
        if key == "GROUP":
            stack[-1][value] = {}
            stack.append(stack[-1][value])
        elif key == "END_GROUP" and len(stack) > 1:
            stack.pop()
        elif key and value and key != "END":
            stack[-1].setdefault(key, value.strip('"'))
    return root


def product_files(mtl: dict) -> dict:
    """Band name → file name as the MTL's PRODUCT_CONTENTS lists them (SR_B1…SR_B7, QA_PIXEL)."""
    contents = mtl.get("PRODUCT_CONTENTS", {})
    files = {band: contents.get(f"FILE_NAME_BAND_{band[-1]}") for band in landsat.BANDS}
    files[QA_PIXEL] = contents.get("FILE_NAME_QUALITY_L1_PIXEL")
    return {band: str(name) for band, name in files.items() if name}


def acquisition_fields(mtl: dict) -> tuple[str | None, str | None]:
    """DATE_ACQUIRED and SCENE_CENTER_TIME of a parsed MTL (None where absent): from
    IMAGE_ATTRIBUTES, where USGS puts them, else from wherever they are."""
    day, time_of_day = (_find_field(mtl.get("IMAGE_ATTRIBUTES", {}), key) or _find_field(mtl, key)
                        for key in ("DATE_ACQUIRED", "SCENE_CENTER_TIME"))
    return day, time_of_day


def _find_field(tree, key: str) -> str | None:
    if not isinstance(tree, dict):
        return None
    if tree.get(key) not in (None, ""):
        return str(tree[key])
    return next((found for value in tree.values() if (found := _find_field(value, key))), None)


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


#: What makes a VRT source more than a copy of its band's pixels: such a source stays complex.
_COMPUTING_TAGS = {"ScaleOffset", "ScaleRatio", "LUT", "Exponent", "ColorTableComponent", "UseMaskBand",
                   "SrcMin", "SrcMax", "DstMin", "DstMax"}


def split_sources(xml: str) -> str:
    """The VRT ``xml`` with each band's one whole-band SimpleSource cut into a top and a bottom
    half. GDAL hands the statistics and histograms asked of a VRT band with one source to that
    source's file, whose .aux.xml it then writes beside it: QGIS's stretch of a product layer
    would add files to the user's download folder. With two sources the VRT computes them itself
    and keeps them in its own .aux.xml; reading is as fast."""
    root = ElementTree.fromstring(xml)
    height = int(root.get("rasterYSize"))
    for band in root.iter("VRTRasterBand"):
        sources = band.findall("SimpleSource")
        if len(sources) != 1 or height < 2 or len(band.findall("ComplexSource")):
            continue
        source = sources[0]
        src, dst = source.find("SrcRect"), source.find("DstRect")
        if src is None or dst is None or src.attrib != dst.attrib or int(src.get("ySize")) != height:
            continue
        bottom = ElementTree.fromstring(ElementTree.tostring(source))
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
    root = ElementTree.fromstring(xml)
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


def grid_of(dataset: gdal.Dataset) -> tuple:
    """(width, height, geotransform, CRS as WKT): what two rasters must share to be stacked."""
    return (dataset.RasterXSize, dataset.RasterYSize, tuple(round(v, 6) for v in dataset.GetGeoTransform()),
            dataset.GetProjection())


def check_same_grid(files: list, names: list) -> None:
    """Refuse, naming the file, when one of ``files`` lies on another grid than the first."""
    grids = []
    for path, name in zip(files, names):
        try:
            dataset = gdal.Open(path)
        except RuntimeError as exc:
            raise UserError(f"{name} ({Path(path).name}) cannot be opened ({str(exc).strip()}); the file is "
                            "truncated or damaged: download the product again") from None
        grids.append(grid_of(dataset))
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
