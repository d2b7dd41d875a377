"""A Landsat input opened for the model: where SR_B1…SR_B7 are, its QA_PIXEL, and which pixels are unused.

:func:`open_scene` opens a raster file, or a Landsat product as its MTL file, folder or tar
(``backend.product``), finds its bands (:func:`band_mapping`) and its QA_PIXEL
(:func:`find_qa_band`), and checks that the model can read it.

Invalid pixels are fill (0 in every band), a band's nodata value, and values that are not
Level-2 digital numbers (outside 0-65535 in an Int16 or 32-bit raster). A tile more than half
invalid gives no prediction (``backend.tiling.MAX_FILL_SHARE``); in the other tiles each invalid
pixel is given the mean of the tile's valid pixels in its band before encoding
(:func:`fill_invalid`), so the encoder never sees a nodata value as reflectance.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
from osgeo import gdal

from . import geo, landsat, pixel_quality
from .errors import UserError
from .geo import INTEGER_TYPES
from .options import SceneOptions
from .product import PRODUCT_ID_ITEM, Product, is_product_path, open_product, stack


@dataclass
class BandChoice:
    """1-based band numbers of SR_B1…SR_B7 in a raster, and how they were chosen (for the log)."""

    numbers: list[int]
    how: str


def band_mapping(dataset: gdal.Dataset, bands: list[int] | None) -> BandChoice:
    """Where SR_B1…SR_B7 are in ``dataset``.

    ``bands`` given: those 7 distinct band numbers. Otherwise by band description (``SR_B1`` or
    ``…_SR_B1``) when each SR band is named exactly once; bands 1-7 of a 7-band raster whose
    bands carry no Landsat names. Anything else (a named stack lacking an SR band, more than 7
    unnamed bands) is refused: which bands to feed must never be guessed.
    """
    count = dataset.RasterCount
    if bands:
        numbers = [int(b) for b in bands]
        if len(numbers) != landsat.NUM_BANDS:
            raise UserError(f"BANDS lists {len(numbers)} bands; the model needs 7 "
                            f"({', '.join(landsat.BANDS)}), in that order")
        bad = [b for b in numbers if not 1 <= b <= count]
        if bad:
            raise UserError(f"BANDS names band(s) {bad}, but the raster has bands 1-{count}")
        twice = sorted({b for b in numbers if numbers.count(b) > 1})
        if twice:
            raise UserError(f"BANDS gives band(s) {twice} more than once ({' '.join(map(str, numbers))}); "
                            f"the model needs 7 different bands, {', '.join(landsat.BANDS)} in that order")
        return BandChoice(numbers, "as given by BANDS")
    descriptions = [dataset.GetRasterBand(i).GetDescription().strip().upper() for i in range(1, count + 1)]
    landsat_named = [d for d in descriptions if landsat.LANDSAT_BAND_NAME.search(d)]
    if landsat_named:
        return _bands_by_name(descriptions)
    if count == landsat.NUM_BANDS:
        return BandChoice(list(range(1, count + 1)), "bands 1-7 in order (the bands carry no SR_B names)")
    if count < landsat.NUM_BANDS:
        raise UserError(f"the raster has {count} band(s); the model needs 7 ({landsat.BANDS[0]}…"
                        f"{landsat.BANDS[-1]}): use a Landsat 8/9 Level-2 surface-reflectance stack, or pick "
                        "the bands with BANDS")
    raise UserError(f"the raster has {count} bands without Landsat band names, so which 7 are "
                    f"{landsat.BANDS[0]}…{landsat.BANDS[-1]} cannot be told; give them with BANDS "
                    "(e.g. BANDS 1 2 3 4 5 6 7)")


def _bands_by_name(descriptions: list[str]) -> BandChoice:
    found: list[int] = []
    problems: list[str] = []
    for name in landsat.BANDS:
        matches = [i + 1 for i, d in enumerate(descriptions) if d == name or d.endswith("_" + name)]
        if len(matches) == 1:
            found.append(matches[0])
        else:
            problems.append(f"{name} is {'missing' if not matches else f'named {len(matches)} times'}")
    if problems:
        listed = ", ".join(d or "(unnamed)" for d in descriptions)
        raise UserError(f"the raster's bands are named {listed}: {'; '.join(problems)}. The model needs "
                        f"{', '.join(landsat.BANDS)}; pick the 7 bands with BANDS")
    return BandChoice(found, "by band names")


def check_raster(dataset: gdal.Dataset, bands: list[int], name: str) -> None:
    """Refuse rasters the model cannot read, saying what was found and what is expected."""
    data_type = dataset.GetRasterBand(bands[0]).DataType
    if data_type not in INTEGER_TYPES | {gdal.GDT_Float32, gdal.GDT_Float64} or data_type == gdal.GDT_Byte:
        found = gdal.GetDataTypeName(data_type)
        hint = ("8-bit values look like a rendered image, not Landsat data" if data_type == gdal.GDT_Byte
                else "that is no Landsat product's data type")
        raise UserError(f"{name} holds {found} pixels ({hint}); the model expects the UInt16 digital numbers "
                        "of Landsat 8/9 Collection 2 Level-2 surface reflectance (SR_B1…SR_B7, no scale "
                        "applied), or that reflectance as floats")
    size = landsat.PATCH_SIZE_PX
    if dataset.RasterXSize < size or dataset.RasterYSize < size:
        raise UserError(f"{name} is {dataset.RasterXSize} × {dataset.RasterYSize} px; the model needs at "
                        f"least {size} × {size} px (1.2 km at 30 m)")


@dataclass
class QaBand:
    """Where a scene's QA_PIXEL is: a band of some dataset, and how to name it in the log."""

    dataset: gdal.Dataset
    number: int
    description: str

    def read(self, x0: int, y0: int, width: int, height: int) -> np.ndarray:
        return self.dataset.GetRasterBand(self.number).ReadAsArray(x0, y0, width, height)


@dataclass
class Window:
    """Pixels of a scene window as digital numbers, (7, H, W), and each pixel's reason code,
    (H, W) uint8 (0: used; else see ``pixel_quality.REASONS``)."""

    pixels: np.ndarray
    codes: np.ndarray
    not_numbers: np.ndarray  # (H, W) True where the values were no digital number

    @cached_property  # read once per tile: computed once per window
    def unused(self) -> np.ndarray:
        return self.codes > 0


@dataclass
class Scene:
    """An input raster opened for the model: where SR_B1…SR_B7 are, how invalid pixels are
    marked, and its grid (``transform`` is GDAL's geotransform, or QGIS's pixel grid
    ``geo.PIXEL_GRID_TRANSFORM`` when the raster has none, so outputs overlay their input).
    ``qa`` and ``mask``: the QA_PIXEL band and the flags it masks; ``scale``: "dn" or
    "reflectance"; ``product``: the Landsat product the raster was stacked from, if any;
    ``window``: the (x0, y0, width, height) px of the raster worked on (``SceneOptions.window``):
    reads, sizes and ``transform`` are then the window's."""

    path: str
    dataset: gdal.Dataset
    bands: BandChoice
    nodata: list[float | None]  # per band of ``bands``: the nodata value or None
    transform: tuple
    georeferenced: bool
    crs: str
    qa: QaBand | None = None
    mask: tuple[str, ...] = ()
    scale: str = "dn"
    product: Product | None = None
    window: tuple[int, int, int, int] | None = None

    @property
    def name(self) -> str:
        return self.product.product_id if self.product else Path(self.path).name

    @property
    def product_id(self) -> str | None:
        """The Landsat product the raster is, or was stacked from (a product's VRT says so)."""
        return self.product.product_id if self.product else self.dataset.GetMetadataItem(PRODUCT_ID_ITEM)

    @property
    def width(self) -> int:
        return self.window[2] if self.window else self.dataset.RasterXSize

    @property
    def height(self) -> int:
        return self.window[3] if self.window else self.dataset.RasterYSize

    @property
    def origin(self) -> tuple[int, int]:
        """(x, y) px of the window's top-left pixel in the raster; (0, 0) without a window."""
        return (self.window[0], self.window[1]) if self.window else (0, 0)

    @property
    def data_type(self) -> str:
        return gdal.GetDataTypeName(self.dataset.GetRasterBand(self.bands.numbers[0]).DataType)

    @property
    def files(self) -> list:
        """Every file GDAL reads for this raster (sidecars and a VRT's sources included)."""
        files = self.dataset.GetFileList() or [self.path]
        if self.qa is not None and self.qa.dataset is not self.dataset:
            files += self.qa.dataset.GetFileList() or []
        return files + ([self.product.mtl] if self.product and self.product.mtl else [])

    def read(self, x0: int, y0: int, width: int, height: int) -> np.ndarray:
        """(7, height, width) pixels of SR_B1…SR_B7 in the raster's own type and scale (x0, y0 in
        the window's pixels)."""
        dx, dy = self.origin
        try:
            with geo.gdal_exceptions():
                return self.dataset.ReadAsArray(x0 + dx, y0 + dy, width, height, band_list=self.bands.numbers)
        except RuntimeError as exc:
            raise UserError(f"{self.name}: the pixels of rows {y0}-{y0 + height - 1} cannot be read "
                            f"({str(exc).strip()}); the file is truncated or damaged, or a file it refers to "
                            "is missing: download or export it again") from None

    def read_window(self, x0: int, y0: int, width: int, height: int) -> Window:
        """The window's pixels as digital numbers and why each is not used (module docstring)."""
        raw = self.read(x0, y0, width, height)
        pixels, not_numbers = pixel_quality.to_digital_numbers(raw, self.scale)
        # 0 in every band is fill in either scale (a reflectance of 0 everywhere is no scene), and
        # so is 0 once reflectance is converted (-0.2): the second test only where they differ.
        invalid = not_numbers | fill_mask(raw, self.nodata)
        if self.scale == "reflectance":
            invalid |= fill_mask(pixels, [])
        dx, dy = self.origin
        qa = self.qa.read(x0 + dx, y0 + dy, width, height) if self.qa else None
        return Window(pixels, pixel_quality.reasons(qa, self.mask, invalid), not_numbers)


def fill_mask(pixels: np.ndarray, nodata: list[float | None]) -> np.ndarray:
    """(bands, H, W) pixels → (H, W) True where a pixel is fill: 0 in every band, or any band's
    nodata value."""
    return np.all(pixels == landsat.FILL_VALUE, axis=0) | nodata_mask(pixels, nodata)


def nodata_mask(pixels: np.ndarray, nodata: list[float | None]) -> np.ndarray:
    """(bands, H, W) pixels → (H, W) True where any band holds its nodata value (None: none)."""
    found = np.zeros(pixels.shape[1:], bool)
    for band, value in zip(pixels, nodata):
        if value is not None:
            found |= np.isnan(band) if isinstance(value, float) and math.isnan(value) else band == value
    return found


def fill_invalid(tile: np.ndarray, invalid: np.ndarray) -> np.ndarray:
    """(7, 40, 40) pixels and their (40, 40) invalid mask → a UInt16 tile in which every invalid
    pixel holds its band's mean over the tile's valid pixels (there must be some)."""
    if not invalid.any():
        return tile.astype(np.uint16)
    means = np.rint(tile[:, ~invalid].mean(axis=1))
    return np.where(invalid[None], means[:, None, None], tile).astype(np.uint16)


def _existing_raster(path: str, what: str = "the input raster") -> None:
    """Refuse a path that is not a raster file, saying what it is instead (``what``: the file's
    role, named in the message)."""
    if path.startswith("/vsi"):  # GDAL's virtual file systems: /vsizip/, /vsitar/, /vsicurl/ …
        if gdal.VSIStatL(path) is None:
            raise UserError(f"{what} {path} does not exist (GDAL finds nothing at that virtual path)")
        return
    if not Path(path).exists():
        raise UserError(f"{path} does not exist; check the path of {what}")


def _open_input(path: str) -> tuple[gdal.Dataset, Product | None]:
    """The input's dataset: a raster file, or the stack of a Landsat product (MTL, folder, tar)."""
    if is_product_path(path) and not path.startswith("/vsi"):
        found = open_product(path)
        return stack(found), found
    _existing_raster(path)
    try:
        return gdal.Open(path), None
    except RuntimeError as exc:
        raise UserError(f"{Path(path).name} cannot be opened as a raster ({str(exc).strip()}); is the file "
                        "complete and a GeoTIFF or another format GDAL reads? A Landsat product is given as "
                        "its MTL file, its folder or its .tar") from None


def find_qa_band(dataset: gdal.Dataset, qa_pixel: str | None, name: str) -> QaBand | None:
    """QA_PIXEL: the file ``qa_pixel`` (on the raster's grid), else a band of ``dataset`` named
    QA_PIXEL, else None; refused unless it is one band of UInt16 flags."""
    if not qa_pixel:
        for number in range(1, dataset.RasterCount + 1):
            if dataset.GetRasterBand(number).GetDescription().strip().upper().endswith("QA_PIXEL"):
                _check_qa_type(dataset, number, f"band {number} of {name}")
                return QaBand(dataset, number, f"QA_PIXEL (band {number} of {name})")
        return None
    _existing_raster(qa_pixel, "the QA_PIXEL file")
    try:
        qa = gdal.Open(qa_pixel)
    except RuntimeError as exc:
        raise UserError(f"QA_PIXEL {Path(qa_pixel).name} cannot be opened as a raster ({str(exc).strip()})"
                        ) from None
    if qa.RasterCount != 1:
        raise UserError(f"QA_PIXEL {Path(qa_pixel).name} has {qa.RasterCount} bands, not one; give the "
                        "product's …_QA_PIXEL.TIF as USGS delivers it")
    _check_qa_type(qa, 1, Path(qa_pixel).name)
    if geo.grid_of(qa)[:3] != geo.grid_of(dataset)[:3]:
        raise UserError(f"QA_PIXEL {Path(qa_pixel).name} is {qa.RasterXSize} × {qa.RasterYSize} px on "
                        f"another grid than {name} ({dataset.RasterXSize} × {dataset.RasterYSize} px): give "
                        "the QA_PIXEL of the same product, cropped as the bands were")
    return QaBand(qa, 1, f"QA_PIXEL ({Path(qa_pixel).name})")


def _check_qa_type(dataset: gdal.Dataset, number: int, what: str) -> None:
    """QA_PIXEL is 16 bits of flags: a Byte or float band would read as masks that are not."""
    data_type = dataset.GetRasterBand(number).DataType
    if data_type != gdal.GDT_UInt16:
        raise UserError(f"QA_PIXEL ({what}) holds {gdal.GetDataTypeName(data_type)} values, not the UInt16 "
                        "flags of a Collection 2 QA_PIXEL band; give the product's …_QA_PIXEL.TIF as USGS "
                        "delivers it")


@geo.with_gdal_exceptions
def open_scene(path: str, options: SceneOptions | None = None) -> Scene:
    """Open the input (a raster file, or a Landsat product as its MTL file, folder or tar) and
    check that the model can read it (see :class:`Scene`), as ``options`` say (its bands,
    qa_pixel, mask and input_scale; None: the defaults)."""
    options = options or SceneOptions()
    bands = options.bands
    dataset, product = _open_input(str(path))
    name = product.product_id if product else Path(path).name
    choice = band_mapping(dataset, bands)
    if product and not bands:  # the stack's bands are named by the files found: say how those were
        choice = BandChoice(choice.numbers, product.found_by)
    check_raster(dataset, choice.numbers, name)
    geo.check_latitudes(dataset, name)
    transform, georeferenced = geo.raster_transform(dataset)
    if options.window:
        transform = _window_transform(dataset, tuple(transform), options.window, name)
    nodata = [dataset.GetRasterBand(b).GetNoDataValue() for b in choice.numbers]
    return Scene(path=str(path), dataset=dataset, bands=choice, nodata=nodata, transform=transform,
                 georeferenced=georeferenced, crs=dataset.GetProjection() if georeferenced else "",
                 qa=find_qa_band(dataset, options.qa_pixel, name),
                 mask=pixel_quality.check_mask(options.mask),
                 scale=pixel_quality.resolve_scale(dataset, choice.numbers, options.input_scale, name),
                 product=product, window=options.window)


def _window_transform(dataset: gdal.Dataset, transform: tuple, window: tuple, name: str) -> tuple:
    """The geotransform of the window (x0, y0, width, height) px of ``dataset``; refused unless
    the window lies inside it and holds at least one tile."""
    x0, y0, width, height = (int(v) for v in window)
    size = landsat.PATCH_SIZE_PX
    if x0 < 0 or y0 < 0 or x0 + width > dataset.RasterXSize or y0 + height > dataset.RasterYSize \
            or width < size or height < size:
        raise UserError(f"the window of {width} × {height} px at ({x0}, {y0}) does not fit in {name} "
                        f"({dataset.RasterXSize} × {dataset.RasterYSize} px) or is under {size} × {size} "
                        "px; give a window inside the raster that holds one tile")
    left, top = geo.pixel_to_map(transform, x0, y0)
    return (float(left), transform[1], transform[2], float(top), transform[4], transform[5])
