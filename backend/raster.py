"""The one inference core: a Landsat raster → tiles → encoder → probe → land-cover GeoTIFF.

The QGIS algorithms, the dialog (through them) and the CLI all call :func:`classify_raster` or
:func:`embed_raster`, which run these named steps:

1. :func:`open_scene`: the input, where SR_B1…SR_B7 are (:func:`band_mapping`), its grid;
2. :func:`check_paths`: no output is an input, every output can be written and fits on disk;
3. :func:`plan_grid`: tiles of 40 × 40 px every ``stride`` px, those that would cross the right or
   bottom edge moved inward (never padded); output cells of stride × stride input pixels,
   aligned to the input's grid, each averaging the tiles that contain its centre;
4. :func:`tile_batches`: the tiles, read one strip of 40 rows at a time (memory grows with the
   scene's width, never with the whole scene), with their invalid pixels handled; on a GPU read
   ahead by a thread of their own (:func:`read_ahead`) while the encoder works;
5. :func:`tile_metadata` and the encoder, the probe, then :class:`Accumulator`; the cells are
   one stride, or one 4 × 4 px token (:func:`token_resolution`, :func:`token_logits`);
6. :class:`MapOutputs`: GeoTIFFs written at temporary names, a block of rows at a time as the
   rows are final (memory stays flat in the scene's size), read back and checked (the class
   names in their .aux.xml sidecar too), then renamed into place. A failed or cancelled run
   leaves nothing behind and never replaces a good earlier output.

Invalid pixels are fill (0 in every band), a band's nodata value, and values that are not
Level-2 digital numbers (outside 0-65535 in an Int16 or 32-bit raster). A tile more than half
invalid gives no prediction (its cells are nodata, 255, in the class raster); in the other
tiles each invalid pixel is given the mean of the tile's valid pixels in its band before
encoding, so the encoder never sees a nodata value as reflectance.
"""
from __future__ import annotations

import logging
import math
from collections import Counter
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Sequence

import numpy as np
from osgeo import gdal

from . import geo, landsat, pixel_quality
from .classes import CLASS_NODATA
from .errors import UserError
from .files import check_free_space, check_outputs, remove_stale_temporaries
from .geo import INTEGER_TYPES
from .map_writer import TAKE_BYTES, GeoTiffWriter, RowWindow, file_bytes, held_bytes, move_into_place
from .metadata import encode_metadata
from .product import Product, is_product_path, open_product, stack
from .progress import LockedProgress, NullProgress, Progress, StageClock

if TYPE_CHECKING:
    import torch

    from .model import MoEMAE
    from .probe import LinearProbe

log = logging.getLogger(__name__)

#: GDAL's block cache during a classification: a row of blocks of an 8000-px-wide scene.
GDAL_CACHE_BYTES = 64 << 20
#: Largest part of the output grid (values × cells × 3 copies × 4 bytes) a run may hold in memory.
MAX_GRID_BYTES = 3 << 30
#: A tile with more than this share of invalid pixels gives no prediction.
MAX_FILL_SHARE = 0.5
#: Tiles per encoder call on the CPU: it encodes 16 at a time per core anyway, so a larger batch
#: would only hold memory and keep the progress bar still.
CPU_MAX_BATCH = 256
DN_MAX = 65535
TIFF_SUFFIXES = (".tif", ".tiff")


@dataclass
class ClassifyRequest:
    """Everything one classification needs. Paths are files; ``bands`` are 1-based band numbers
    of SR_B1…SR_B7 in the input (None: see :func:`band_mapping`)."""

    input: str
    output: str
    checkpoint: str
    probe: str | None  # None: write embeddings (D float32 bands) instead of classes
    bands: list | None = None
    stride: int = 20
    acquisition: date | datetime | None = None  # None: unknown (missing week and hour)
    use_metadata: bool = True
    device: str = "auto"
    batch_size: int = 256
    precision: str = "auto"
    probabilities: str | None = None
    pooling: str = "mean"  # embeddings only; a probe states its own
    normed: bool = False  # embeddings only
    also_reads: list = field(default_factory=list)  # (what, path) of other inputs, e.g. the MTL file
    acquisition_source: str = ""  # where ``acquisition`` was found, in words (recorded in the output)
    qa_pixel: str | None = None  # a QA_PIXEL file on the input's grid (a product brings its own)
    mask: tuple = landsat.DEFAULT_QA_MASK  # the QA_PIXEL flags that mask a pixel
    input_scale: str = "auto"  # "auto", "dn" or "reflectance": see backend.pixel_quality
    # "tile": a cell per stride; "token": a cell per 4 × 4 px token; "auto"; None: MAP_RESOLUTION_DEFAULT
    # for a map, EMBEDDING_RESOLUTION_DEFAULT for embeddings
    resolution: str | None = None


@dataclass
class ClassifyResult:
    output: str
    probabilities: str | None
    class_names: list
    colours: list
    tiles: int
    tiles_skipped_fill: int  # more than half unused (fill, no data, masked): no prediction
    grid: tuple  # (rows, cols) of the output
    device: str
    warnings: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)  # class name → cells
    tiles_patched: int = 0  # kept, with some unused pixels filled
    batch_size: int = 0
    skipped_by: dict = field(default_factory=dict)  # reason → tiles without prediction
    provenance: dict = field(default_factory=dict)  # what made the output: its GDAL metadata
    seconds: dict = field(default_factory=dict)  # stage → wall seconds (backend.progress.StageClock)

    def summary(self) -> str:
        """One line for the log: the output, its grid, and what became of the tiles."""
        reasons = ", ".join(f"{n} mostly {why}" for why, n in self.skipped_by.items())
        why = f" ({reasons})" if reasons else ""
        text = (f"wrote {self.output} ({self.grid[1]} × {self.grid[0]} cells); {self.tiles_skipped_fill} of "
                f"{self.tiles} tiles were more than half fill, no data or masked{why}: no prediction")
        if self.tiles_patched:
            text += (f"; {self.tiles_patched} more had some such pixels, given their tile's mean before "
                     "encoding")
        return text


# --------------------------------------------------------------------------- 1. the scene
@dataclass
class BandChoice:
    """1-based band numbers of SR_B1…SR_B7 in a raster, and how they were chosen (for the log)."""

    numbers: list
    how: str


def band_mapping(dataset: gdal.Dataset, bands: list | None) -> BandChoice:
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


def _bands_by_name(descriptions: list) -> BandChoice:
    found, problems = [], []
    for name in landsat.BANDS:
        matches = [i + 1 for i, d in enumerate(descriptions) if d == name or d.endswith("_" + name)]
        if len(matches) != 1:
            problems.append(f"{name} is {'missing' if not matches else f'named {len(matches)} times'}")
        found.append(matches[0] if matches else None)
    if problems:
        listed = ", ".join(d or "(unnamed)" for d in descriptions)
        raise UserError(f"the raster's bands are named {listed}: {'; '.join(problems)}. The model needs "
                        f"{', '.join(landsat.BANDS)}; pick the 7 bands with BANDS")
    return BandChoice(found, "by band names")


def check_raster(dataset: gdal.Dataset, bands: list, name: str) -> None:
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
    "reflectance"; ``product``: the Landsat product the raster was stacked from, if any."""

    path: str
    dataset: gdal.Dataset
    bands: BandChoice
    nodata: list  # per band of ``bands``: the nodata value or None
    transform: tuple
    georeferenced: bool
    crs: str
    qa: QaBand | None = None
    mask: tuple = ()
    scale: str = "dn"
    product: Product | None = None

    @property
    def name(self) -> str:
        return self.product.product_id if self.product else Path(self.path).name

    @property
    def product_id(self) -> str | None:
        """The Landsat product the raster is, or was stacked from (a product's VRT says so)."""
        from .product import PRODUCT_ID_ITEM

        return self.product.product_id if self.product else self.dataset.GetMetadataItem(PRODUCT_ID_ITEM)

    @property
    def width(self) -> int:
        return self.dataset.RasterXSize

    @property
    def height(self) -> int:
        return self.dataset.RasterYSize

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
        """(7, height, width) pixels of SR_B1…SR_B7 in the raster's own type and scale."""
        try:
            with geo.gdal_exceptions():
                return self.dataset.ReadAsArray(x0, y0, width, height, band_list=self.bands.numbers)
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
        qa = self.qa.read(x0, y0, width, height) if self.qa else None
        return Window(pixels, pixel_quality.reasons(qa, self.mask, invalid), not_numbers)


def fill_mask(pixels: np.ndarray, nodata: list) -> np.ndarray:
    """(bands, H, W) pixels → (H, W) True where a pixel is fill: 0 in every band, or any band's
    nodata value."""
    return np.all(pixels == landsat.FILL_VALUE, axis=0) | nodata_mask(pixels, nodata)


def nodata_mask(pixels: np.ndarray, nodata: list) -> np.ndarray:
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
    from .product import grid_of

    if grid_of(qa)[:3] != grid_of(dataset)[:3]:
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
def open_scene(path: str, bands: list | None = None, *, qa_pixel: str | None = None,
               mask: Sequence[str] = landsat.DEFAULT_QA_MASK, input_scale: str = "auto") -> Scene:
    """Open the input (a raster file, or a Landsat product as its MTL file, folder or tar) and
    check that the model can read it (see :class:`Scene`)."""
    dataset, product = _open_input(str(path))
    name = product.product_id if product else Path(path).name
    choice = band_mapping(dataset, bands)
    if product and not bands:  # the stack's bands are named by the files found: say how those were
        choice = BandChoice(choice.numbers, product.found_by)
    check_raster(dataset, choice.numbers, name)
    geo.check_latitudes(dataset, name)
    transform, georeferenced = geo.raster_transform(dataset)
    nodata = [dataset.GetRasterBand(b).GetNoDataValue() for b in choice.numbers]
    return Scene(path=str(path), dataset=dataset, bands=choice, nodata=nodata, transform=transform,
                 georeferenced=georeferenced, crs=dataset.GetProjection() if georeferenced else "",
                 qa=find_qa_band(dataset, qa_pixel, name), mask=pixel_quality.check_mask(mask),
                 scale=pixel_quality.resolve_scale(dataset, choice.numbers, input_scale, name),
                 product=product)


# --------------------------------------------------------------------------- 2. paths
def check_paths(request: ClassifyRequest, scene: Scene, what: str) -> None:
    """No output may be an input or another output; each must be a .tif in a writable folder.
    Temporary files that killed runs left beside the outputs are cleared."""
    inputs = [("the input raster", f) for f in scene.files] + [
        ("the model", request.checkpoint), ("the probe", request.probe), *request.also_reads]
    if scene.product:
        product = scene.product
        inputs += [("a file of the product", f) for f in product.members if not f.startswith("/vsi")]
        for path in (request.output, request.probabilities):
            if path and Path(path).name.upper().startswith(product.product_id):
                raise UserError(f"{Path(path).name} is named like a file of the product "
                                f"{product.product_id}: it would be taken for one of its bands; name the "
                                "output otherwise")
    outputs = [(what, request.output, TIFF_SUFFIXES),
               ("the probabilities raster", request.probabilities, TIFF_SUFFIXES)]
    check_outputs(outputs, inputs)
    for _, path, _ in outputs:
        if path:
            remove_stale_temporaries(path)


# --------------------------------------------------------------------------- 3. the grid
def tile_starts(length: int, stride: int, size: int = landsat.PATCH_SIZE_PX, align: int = 1) -> list:
    """Offsets of tiles along one axis: every ``stride`` px, the last one moved inward to end at
    the edge (at the last multiple of ``align`` px that fits, so token cells stay on one grid)."""
    starts = list(range(0, length - size + 1, stride))
    last = (length - size) // align * align
    if starts[-1] < last:
        starts.append(last)
    return starts


def cells_of_tile(start: int, stride: int, cells: int, length: int,
                  size: int = landsat.PATCH_SIZE_PX) -> range:
    """Output cells whose (clamped) centre lies inside the tile [start, start + size)."""
    first = max(0, math.floor((start - stride / 2) / stride))
    chosen = []
    for i in range(first, min(cells, (start + size) // stride + 2)):
        centre = (i * stride + min((i + 1) * stride, length)) / 2
        if start <= centre < start + size:
            chosen.append(i)
    return range(chosen[0], chosen[-1] + 1) if chosen else range(0)


@dataclass
class Grid:
    """Tile origins (``xs``, ``ys``, px) and the output grid of ``rows`` × ``cols`` cells."""

    xs: list
    ys: list
    rows: int
    cols: int
    stride: int
    width: int
    height: int
    token: bool = False  # cells of one token (4 × 4 px) instead of one stride

    @property
    def tiles(self) -> int:
        return len(self.xs) * len(self.ys)

    @property
    def cell_px(self) -> int:
        """Side of an output cell, in input pixels."""
        return landsat.TOKEN_PATCH_PX if self.token else self.stride

    def cells(self, x0: int, y0: int) -> tuple[slice, slice]:
        """The output cells a tile at (x0, y0) gives values to: in token mode its 10 × 10 tokens."""
        if self.token:
            side, span = landsat.TOKEN_PATCH_PX, landsat.PATCH_SIZE_PX // landsat.TOKEN_PATCH_PX
            return slice(y0 // side, y0 // side + span), slice(x0 // side, x0 // side + span)
        rows = cells_of_tile(y0, self.stride, self.rows, self.height)
        cols = cells_of_tile(x0, self.stride, self.cols, self.width)
        return slice(rows.start, rows.stop), slice(cols.start, cols.stop)

    def output_transform(self, transform: tuple) -> tuple:
        s = self.cell_px
        return (transform[0], transform[1] * s, transform[2] * s, transform[3], transform[4] * s,
                transform[5] * s)


def plan_grid(scene: Scene, stride: int, values_per_cell: int, token: bool = False) -> Grid:
    """The tiles and output cells at ``stride`` (cells of one stride, or ``token``: of one 4 × 4
    px token, the tiles then starting on multiples of 4 px); refuses a grid the machine cannot
    hold."""
    from .memory import available_memory_bytes

    side = landsat.TOKEN_PATCH_PX
    if not 1 <= stride <= landsat.PATCH_SIZE_PX:
        raise UserError(f"STRIDE must be between 1 and {landsat.PATCH_SIZE_PX} px, not {stride}")
    if token and stride % side:
        raise UserError(f"RESOLUTION token needs a STRIDE that is a multiple of {side} px (4, 8, … 40), so "
                        f"that every tile's tokens fall on one {side} × {side} px grid; not {stride}")
    width, height = scene.width, scene.height
    cell, align = (side, side) if token else (stride, 1)
    grid = Grid(xs=tile_starts(width, stride, align=align), ys=tile_starts(height, stride, align=align),
                rows=math.ceil(height / cell), cols=math.ceil(width / cell), stride=stride, width=width,
                height=height, token=token)
    # The open rows of the output grid are held in memory (sums, mean, the rows written): at most
    # a tile's height and the strips one batch of CPU_MAX_BATCH tiles spans. Refuse what cannot
    # fit rather than let the system kill the process (QGIS with it).
    # The writers hold a row of blocks of each output, and a piece of rows is handed to them.
    spanned = ((CPU_MAX_BATCH // len(grid.xs) + 2) * math.ceil(stride / cell)
               + landsat.PATCH_SIZE_PX // cell + 2)
    needed = (4 * values_per_cell * min(grid.rows, spanned) * grid.cols * 3 + 2 * TAKE_BYTES
              + held_bytes(values_per_cell, grid.cols, gdal.GDT_Float32)
              + held_bytes(1, grid.cols, gdal.GDT_Byte))
    available = available_memory_bytes()
    limit = MAX_GRID_BYTES if available is None else min(MAX_GRID_BYTES, available // 2)
    if needed > limit:
        raise UserError(f"a {grid.cols} × {grid.rows} output grid of {values_per_cell} values per cell needs "
                        f"about {needed / 2**30:.1f} GB, more than this run may use ({limit / 2**30:.1f} "
                        "GB); use a larger STRIDE or a smaller extent")
    return grid


def effective_batch_size(requested: int, device: torch.device) -> int:
    """Tiles per encoder call: ``requested``, lowered to what helps on this device and fits in its
    memory (said in the log when lowered)."""
    from .memory import available_memory_bytes

    limit, why = requested, ""
    if device.type == "cpu" and requested > CPU_MAX_BATCH:
        limit = CPU_MAX_BATCH
        why = "the CPU encodes 16 tiles at a time per core; larger batches only hold memory"
    # Each tile in flight holds its pixels, its normalised copy and its tokens: about 0.2 MB.
    available = available_memory_bytes()
    if available is not None and requested * (200 << 10) > available // 4:
        limit = min(limit, max(1, available // 4 // (200 << 10)))
        why = f"a quarter of the {available / 2**30:.1f} GB of free memory holds {limit} tiles"
    if device.type == "cuda":
        import torch

        free, _ = torch.cuda.mem_get_info(device)
        gpu_limit = max(1, free // 2 // (1 << 20))  # about 1 MB of activations per tile
        if gpu_limit < limit:
            limit = gpu_limit
            why = f"half of the GPU's {free / 2**30:.1f} GB of free memory holds {gpu_limit} tiles"
    if limit < requested:
        log.info("batch size %d lowered to %d: %s", requested, limit, why)
    return limit


# --------------------------------------------------------------------------- 4. tiles
@dataclass
class TileCounts:
    """What became of the tiles and pixels: ``skipped`` tiles (more than half unused) by reason
    code (the most common among their unused pixels), ``patched`` tiles (some unused pixels
    filled), ``out_of_range`` tiles (values that are no digital numbers), and the scene's pixels
    by reason code (each pixel counted once), of ``pixels`` read."""

    skipped_by: Counter = field(default_factory=Counter)
    patched: int = 0
    out_of_range: int = 0
    pixels_by: Counter = field(default_factory=Counter)
    pixels: int = 0

    @property
    def skipped(self) -> int:
        return sum(self.skipped_by.values())

    def add_rows(self, codes: np.ndarray) -> None:
        """Count the reason codes of (rows, W) pixels not counted before."""
        self.pixels += codes.size
        self.pixels_by.update(dict(zip(*np.unique(codes, return_counts=True))))

    def skip(self, tile_codes: np.ndarray) -> None:
        self.skipped_by[int(np.bincount(tile_codes.ravel(), minlength=2)[1:].argmax()) + 1] += 1


def tile_batches(scene: Scene, grid: Grid, batch_size: int, progress: Progress, counts: TileCounts
                 ) -> Iterator[tuple[list, np.ndarray, np.ndarray]]:
    """Batches of usable tiles: ([(x0, y0)…], (B, 7, 40, 40) UInt16 digital numbers, (B, 40, 40)
    True where a pixel is unused), read one strip of 40 rows at a time, unused pixels handled as
    the module docstring says."""
    size = landsat.PATCH_SIZE_PX
    origins, pixels, unused_masks, counted_to = [], [], [], 0
    for y0 in grid.ys:
        progress.check()
        strip = scene.read_window(0, y0, scene.width, size)  # (7, 40, W)
        counts.add_rows(strip.codes[counted_to - y0:] if counted_to > y0 else strip.codes)
        counted_to = y0 + size
        for x0 in grid.xs:
            unused = strip.unused[:, x0:x0 + size]
            counts.out_of_range += bool(strip.not_numbers[:, x0:x0 + size].any())
            if unused.mean() > MAX_FILL_SHARE:
                counts.skip(strip.codes[:, x0:x0 + size])
                progress.update(1)
                continue
            counts.patched += bool(unused.any())
            origins.append((x0, y0))
            pixels.append(fill_invalid(strip.pixels[:, :, x0:x0 + size], unused))
            unused_masks.append(unused)
            if len(origins) == batch_size:
                yield origins, np.stack(pixels), np.stack(unused_masks)
                origins, pixels, unused_masks = [], [], []
    if origins:
        yield origins, np.stack(pixels), np.stack(unused_masks)


def read_ahead(batches: Iterator, depth: int = 2) -> Iterator:
    """``batches`` produced by a thread of their own, up to ``depth`` ahead: while a GPU encodes
    one batch, GDAL decodes the next strips. What the thread raises (a damaged file, Cancelled)
    is raised here; leaving the loop early stops the thread before this returns."""
    import queue
    import threading

    waiting, stop, end = queue.Queue(maxsize=depth), threading.Event(), object()

    def hand_over(item) -> bool:
        while not stop.is_set():
            try:
                waiting.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for batch in batches:
                if not hand_over(batch):
                    return
            hand_over(end)
        except BaseException as exc:  # handed to the consumer, which raises it
            hand_over(exc)

    thread = threading.Thread(target=produce, name="moemae-read-ahead", daemon=True)
    thread.start()
    try:
        while (item := waiting.get()) is not end:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join()


def tile_metadata(scene: Scene, origins: list, when: date | datetime | None,
                  use_metadata: bool) -> np.ndarray | None:
    """(B, 4, 2) metadata pairs of tiles at ``origins``: the scene's acquisition date and each
    tile centre's latitude and longitude (missing without a CRS); None without metadata."""
    if not use_metadata:
        return None
    lat = lon = None
    if scene.crs:
        half = landsat.PATCH_SIZE_PX / 2
        centre_x = np.array([x0 + half for x0, _ in origins])
        centre_y = np.array([y0 + half for _, y0 in origins])
        lon, lat = geo.to_lonlat(scene.crs, *geo.pixel_to_map(scene.transform, centre_x, centre_y))
        lat, lon = list(lat), list(lon)
    return np.stack(encode_metadata(when, lat, lon, count=len(origins)), axis=1)


class Accumulator:
    """Per output cell of the rows still open: the sum of the values the tiles give it, and how
    many; rows are handed out (:meth:`take_final`) once no later tile can reach them."""

    def __init__(self, grid: Grid, values_per_cell: int):
        self.grid = grid
        self.window = RowWindow(values_per_cell, grid.cols)

    def add_values(self, origins: list, values: np.ndarray, usable: np.ndarray | None) -> None:
        """``values``: (B, values_per_cell) for the tiles at ``origins``, or (``usable`` given)
        (B, values_per_cell, 10, 10), one per token, with ``usable`` (B, 10, 10) False for tokens
        whose 4 × 4 px are more than half unused."""
        if usable is None:
            for (x0, y0), value in zip(origins, values):
                self.window.add(*self.grid.cells(x0, y0), value)
        else:
            for (x0, y0), value, keep in zip(origins, values, usable):
                self.window.add(*self.grid.cells(x0, y0), value, keep)

    def take_final(self, next_y0: int | None) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
        """Pieces (first row, mean, hits) of the rows no tile from row ``next_y0`` of pixels on
        reaches (None: all the rows that are left), in row order (:meth:`RowWindow.take`)."""
        stop = self.grid.rows if next_y0 is None else self.grid.cells(0, next_y0)[0].start
        return self.window.take(max(stop, self.window.base))


# --------------------------------------------------------------------------- the runs
def classify_raster(request: ClassifyRequest, progress: Progress | None = None) -> ClassifyResult:
    """Classify ``request.input``; see the module docstring. What the user should read goes to
    this module's logger (warnings as warnings)."""
    if not request.probe:
        raise UserError("a classification needs a probe")
    with scene_reading():  # from before the writers hold blocks until they are read back
        return _map_raster(request, progress)


def embed_raster(request: ClassifyRequest, progress: Progress | None = None) -> ClassifyResult:
    """Write the tiles' embeddings instead of classes: a float32 GeoTIFF of D bands at the stride's
    resolution (each cell the mean embedding of the tiles that contain it; NaN where none)."""
    from .embed import RASTER_POOLINGS

    if request.pooling not in RASTER_POOLINGS:
        raise UserError(f"an embedding raster needs one vector per tile: pooling mean, cls or patch-mean, "
                        f"not {request.pooling!r}")
    with scene_reading():  # from before the writers hold blocks until they are read back
        return _map_raster(ClassifyRequest(**{**request.__dict__, "probe": None}), progress)


def load_model_and_probe(request: ClassifyRequest, device: torch.device) -> tuple[MoEMAE, LinearProbe | None]:
    """The model and (for a classification) its probe, refused when they do not belong together."""
    from .checkpoint import load_pretrained, model_fingerprint
    from .probe import LinearProbe, feature_mismatch

    model = load_pretrained(request.checkpoint, device)
    probe = LinearProbe.load(request.probe) if request.probe else None
    if probe is None:
        return model, None
    expected = probe.model.get("fingerprint")
    mismatch = feature_mismatch(probe, model.config.dim, Path(request.probe).name,
                                Path(request.checkpoint).name)
    if mismatch:
        raise UserError(mismatch)
    check_probe_belongs(probe, Path(request.probe).name, request.checkpoint, model)
    if expected and expected != model_fingerprint(model):
        raise UserError(f"the probe {Path(request.probe).name} was fitted on another model "
                        f"({probe.model.get('checkpoint', 'unknown')}), not on "
                        f"{Path(request.checkpoint).name}; pick the probe fitted on this model (or fit one "
                        "with moemae:trainprobe)")
    return model, probe


def check_probe_belongs(probe: LinearProbe, probe_name: str, checkpoint: str, model: MoEMAE) -> None:
    """A catalogue probe (``model.catalogue`` in its file) paints only with its catalogue model."""
    from .catalogue import identify, model_entry

    wanted = probe.model.get("catalogue")
    if wanted and identify(checkpoint, model) != wanted:
        entry = model_entry(wanted)
        title = entry.title if entry else wanted
        raise UserError(f"the probe {probe_name} belongs to the model {wanted} ({title}), not to "
                        f"{Path(checkpoint).name}: choose {wanted} as the model, or a probe fitted on this "
                        "one")


def metadata_warnings(scene: Scene, when: date | datetime | None, use_metadata: bool) -> list:
    """What the user must know about the metadata and the input before trusting the map."""
    warnings = []
    if use_metadata and when is None:
        warnings.append("acquisition date unknown: week and hour are encoded as missing")
    elif use_metadata and not isinstance(when, datetime):
        warnings.append("acquisition time of day unknown: the hour is encoded as missing")
    if not scene.georeferenced:
        missing = "; latitude and longitude are encoded as missing" if use_metadata else ""
        warnings.append("the raster has no georeferencing: the output is in pixel coordinates, as QGIS shows "
                        f"the input{missing}")
    elif use_metadata and not scene.crs:
        warnings.append("the raster has no CRS: latitude and longitude are encoded as missing")
    if scene.data_type not in ("UInt16", "Float32", "Float64"):
        warnings.append(f"the raster holds {scene.data_type} values; Level-2 digital numbers are UInt16 "
                        f"(0-{DN_MAX}), so values outside that range are treated as no data")
    if scene.qa is None and scene.product_id:
        warnings.append(f"the product {scene.product_id} has no QA_PIXEL file: clouds and their shadows are "
                        "not masked and get land-cover classes; download the product with its QA_PIXEL band")
    elif scene.qa is None:
        warnings.append("no QA_PIXEL: clouds and their shadows are not masked and get land-cover classes; "
                        "give the Landsat product (its MTL file, folder or .tar) or its QA_PIXEL file")
    return warnings


def describe_input(scene: Scene, grid: Grid, device: torch.device) -> str:
    """The log's line about what is about to be encoded."""
    from .device import describe_device

    scale = "surface reflectance, converted to digital numbers" if scene.scale == "reflectance" else \
        "digital numbers"
    qa = f"; {scene.qa.description} masks {', '.join(scene.mask) or 'nothing'}" if scene.qa else ""
    return (f"{scene.name}: {scene.width} × {scene.height} px, bands {scene.bands.numbers} as "
            f"{', '.join(landsat.BANDS)} ({scene.bands.how}), {scale}{qa}; {grid.tiles} tiles at stride "
            f"{grid.stride} px → {grid.cols} × {grid.rows} cells of {grid.cell_px} px "
            f"({grid.cell_px * landsat.PIXEL_M} m); device {describe_device(device)}")


def report_unused(scene: Scene, counts: TileCounts, warnings: list) -> dict:
    """Log what QA_PIXEL masked and why tiles gave no prediction (adding warnings to
    ``warnings``); returns reason → tiles without prediction."""
    names = pixel_quality.REASONS
    if scene.qa is not None:
        masked = sum(n for code, n in counts.pixels_by.items() if code and names[code - 1] != "no data")
        log.info(f"{scene.qa.description} masks {100 * masked / max(counts.pixels, 1):.1f} % of the scene's "
                 f"pixels ({pixel_quality.describe_counts(counts.pixels_by, counts.pixels) or 'none'})")
    if counts.out_of_range:
        warnings.append(f"{counts.out_of_range} tile(s) held values outside 0-{DN_MAX} once read as digital "
                        "numbers; those pixels were treated as no data")
        log.warning(warnings[-1])
    return {names[code - 1]: n for code, n in counts.skipped_by.most_common()}


def masked_share(counts: TileCounts) -> float:
    """Share of the scene's pixels that QA_PIXEL masked (fill included, "no data" not)."""
    masked = sum(n for code, n in counts.pixels_by.items() if 0 < code < pixel_quality.NO_DATA_CODE)
    return masked / max(counts.pixels, 1)


@geo.with_gdal_exceptions
def _map_raster(request: ClassifyRequest, progress) -> ClassifyResult:
    from .device import resolve_device

    clock = StageClock()
    with clock("opening the scene and the model"):
        scene = open_scene(request.input, request.bands, qa_pixel=request.qa_pixel, mask=request.mask,
                           input_scale=request.input_scale)
        check_paths(request, scene, "the land-cover map" if request.probe else "the embedding raster")
        device = resolve_device(request.device)
        model, probe = load_model_and_probe(request, device)
    n_values = len(probe.class_names) if probe else model.config.dim
    grid = plan_grid(scene, request.stride, n_values, token=token_resolution(request, probe))
    _check_space(request, grid, n_values)
    batch_size = effective_batch_size(request.batch_size, device)
    use_meta = request.use_metadata and (probe.use_metadata if probe else True)
    when = request.acquisition if use_meta else None
    warnings = demonstration_warnings(model) + metadata_warnings(scene, when, use_meta)
    for line in warnings:
        log.warning(line)
    progress = progress or NullProgress()
    progress.total = grid.tiles  # known only now
    log.info(describe_input(scene, grid, device))
    outputs = MapOutputs(request, scene, grid, probe, n_values)
    try:
        counts = encode_scene(scene, grid, model, probe, request, batch_size, use_meta, progress, outputs,
                              clock)
        skipped_by = report_unused(scene, counts, warnings)
        if not outputs.covered:
            raise UserError(f"{scene.name} holds no usable tile: every 40 × 40 tile is more than half fill, "
                            "no data (0, the bands' nodata value, values that are no digital numbers) or "
                            "masked by QA_PIXEL; is it the right raster, or is it all cloud?")
        result = ClassifyResult(output=str(request.output), probabilities=request.probabilities,
                                class_names=[], colours=[], tiles=grid.tiles,
                                tiles_skipped_fill=counts.skipped,
                                grid=(grid.rows, grid.cols), device=str(device), warnings=warnings,
                                tiles_patched=counts.patched, batch_size=batch_size, skipped_by=skipped_by)
        result.provenance = provenance(request, scene, model, probe, device, grid, counts, use_meta)
        with clock("finishing the outputs"):
            outputs.finish(result)
    finally:
        outputs.abort()  # nothing when finished; else no temporary file stays
    result.seconds = clock.seconds
    log.info(f"time: {clock.describe()}")
    return result


RESOLUTIONS = ("auto", "tile", "token")
#: A map's default cells: 120 m tokens where the probe allows it (:func:`token_resolution`).
MAP_RESOLUTION_DEFAULT = "auto"
#: An embedding raster's default cells: one per stride, since a field of 120 m cells is
#: (stride / 4)² times as large (25× at stride 20: 2.2 GB of float32 for a whole scene).
EMBEDDING_RESOLUTION_DEFAULT = "tile"


def token_resolution(request: ClassifyRequest, probe: LinearProbe | None) -> bool:
    """Whether the map's cells are tokens (4 × 4 px) rather than strides: RESOLUTION token, or
    auto with a probe on a mean of tokens and a stride that is a multiple of 4 px."""
    from .embed import TOKEN_POOLINGS

    resolution = request.resolution or (MAP_RESOLUTION_DEFAULT if request.probe
                                        else EMBEDDING_RESOLUTION_DEFAULT)
    if resolution not in RESOLUTIONS:
        raise UserError(f"RESOLUTION must be one of {', '.join(RESOLUTIONS)}, not {resolution!r}")
    pooling = probe.pooling if probe else request.pooling
    per_token = pooling in TOKEN_POOLINGS
    if resolution == "auto":
        why = why_not_tokens(pooling, request.stride, legend=probe is not None)
        if why:
            log.info(f"RESOLUTION auto: a cell per stride, since {why}")
        return not why
    if resolution == "token" and probe is None and not per_token:
        raise UserError(f"POOLING {request.pooling} has no per-token form: an embedding field at token "
                        f"resolution is made of the tokens' shares of the mean (POOLING mean or patch-mean)")
    if resolution == "token" and not per_token:
        from .catalogue import token_probe_names

        raise UserError(f"the probe {Path(request.probe).name} reads the {probe.pooling!r} feature of a "
                        "tile, which has no per-token form: RESOLUTION token works with probes on the mean "
                        f"of the tokens (mean or patch-mean pooling: {', '.join(token_probe_names())}, your "
                        "own mean probes); use RESOLUTION tile with this one")
    return resolution == "token"


def why_not_tokens(pooling: str, stride: int, legend: bool = True) -> str:
    """Why a map of features pooled as ``pooling`` at ``stride`` px cannot have 120 m cells, in
    words a user acts on ("" when it can): the legend (``legend``: a probe; else the embedding's
    POOLING) reads whole tiles, or the stride is not a multiple of a token's 4 px."""
    from .catalogue import token_probe_names
    from .embed import TOKEN_POOLINGS

    tile_km = landsat.PATCH_SIZE_PX * landsat.PIXEL_M / 1000
    token_m = landsat.TOKEN_PATCH_PX * landsat.PIXEL_M
    if pooling not in TOKEN_POOLINGS and legend:
        return (f"this legend classifies whole {tile_km:g} km tiles; choose a legend on the mean of the "
                f"tokens ({', '.join(token_probe_names())}) for {token_m} m cells")
    if pooling not in TOKEN_POOLINGS:
        return (f"POOLING {pooling} describes whole {tile_km:g} km tiles; POOLING "
                f"{' or '.join(TOKEN_POOLINGS)} gives {token_m} m cells")
    if stride % landsat.TOKEN_PATCH_PX:
        return f"STRIDE {stride} px is not a multiple of {landsat.TOKEN_PATCH_PX} px"
    return ""


def demonstration_warnings(model: MoEMAE) -> list:
    """The plain warning owed whenever the bundled demonstration model makes a map."""
    from .catalogue import DEMONSTRATION_WARNING, is_demonstration_model

    return [DEMONSTRATION_WARNING] if is_demonstration_model(model) else []


def provenance(request: ClassifyRequest, scene: Scene, model: MoEMAE, probe: LinearProbe | None,
               device: torch.device, grid: Grid, counts: TileCounts, use_metadata: bool) -> dict:
    """What made an output, as GDAL metadata items (``gdalinfo`` shows them)."""
    from . import __version__
    from .catalogue import is_demonstration_model, model_verification
    from .checkpoint import model_fingerprint
    from .runtime import resolve_precision

    when = request.acquisition if use_metadata else None
    return {
        "MOEMAE_QGIS_VERSION": __version__,
        "MODEL": Path(request.checkpoint).name, "MODEL_FINGERPRINT": model_fingerprint(model),
        "MODEL_IS_DEMONSTRATION": "yes" if is_demonstration_model(model) else "no",
        "MODEL_VERIFIED": model_verification(request.checkpoint),
        "PROBE": Path(request.probe).name if probe else "none: embeddings",
        "PRECISION": str(resolve_precision(device, request.precision)).replace("torch.", ""),
        "DEVICE": str(device), "STRIDE_PX": str(grid.stride),
        "RESOLUTION": "token" if grid.token else "tile", "CELL_PX": str(grid.cell_px),
        "INPUT": scene.name, "INPUT_SCALE": scene.scale,
        "ACQUISITION": when.isoformat() if when else "unknown (encoded as missing)",
        "ACQUISITION_SOURCE": request.acquisition_source or ("given" if when else "none"),
        "METADATA_TOKENS": "date and position" if use_metadata else "none (encoded as missing)",
        # GDAL keeps no empty item: every value must say something.
        "QA_PIXEL_MASK": (", ".join(scene.mask) or "none") if scene.qa else "none: no QA_PIXEL",
        "MASKED_SHARE": f"{masked_share(counts):.4f}",
        "TILES": str(grid.tiles), "TILES_WITHOUT_PREDICTION": str(counts.skipped),
    }


def encode_scene(scene: Scene, grid: Grid, model: MoEMAE, probe: LinearProbe | None, request: ClassifyRequest,
                 batch_size: int, use_metadata: bool, progress: Progress, outputs: MapOutputs,
                 clock: StageClock) -> TileCounts:
    """Steps 4 and 5: every usable tile through the encoder (and the probe, when there is one),
    its values added to the cells it covers; rows of cells go to ``outputs`` as they are final.
    ``clock`` gets the time of each step."""
    import torch

    when = request.acquisition if use_metadata else None
    values_per_cell = len(probe.class_names) if probe else model.config.dim
    counts, accumulator = TileCounts(), Accumulator(grid, values_per_cell)
    if next(model.parameters()).device.type == "cpu":  # the encoder's threads use every core
        batches = tile_batches(scene, grid, batch_size, progress, counts)
    else:
        progress = LockedProgress(progress)
        batches = read_ahead(tile_batches(scene, grid, batch_size, progress, counts))
    with scene_reading(), torch.inference_mode(), closing(batches):  # closing: no reader thread left
        while True:
            with clock("reading and masking"):
                batch = next(batches, None)
            if batch is None:
                break
            origins, pixels, unused = batch
            progress.check()
            with clock("encoder and probe"):
                meta = tile_metadata(scene, origins, when, use_metadata)
                if grid.token:
                    values, usable = token_logits(model, probe, pixels, meta, unused, request)
                else:
                    values, usable = tile_values(model, probe, pixels, meta, request), None
            with clock("map cells and writing"):
                accumulator.add_values(origins, values, usable)
                for piece in accumulator.take_final(origins[-1][1]):
                    outputs.write(*piece)
            progress.update(len(origins))
    with clock("map cells and writing"):
        for piece in accumulator.take_final(None):  # rows after the last usable tile: maybe most of them
            progress.check()
            outputs.write(*piece)
    progress.close()
    return counts


@contextmanager
def scene_reading() -> Iterator[None]:
    """GDAL set up for reading a scene strip by strip and for writing and reading back the
    outputs, as it was again afterwards. Its block cache holds up to 5 % of the RAM by default:
    memory would grow with the scene (and with the outputs' read-back check: 1.2 GB more for
    25000 × 2000 cells of 19 probabilities), when a row of blocks is all either needs. Entered
    before the outputs hold blocks: making the cache smaller writes out what it holds. And the
    blocks of a strip are decoded on every core (a whole scene's DEFLATE tiles: 2.4 s on one
    core of the H100 machine), unless the user chose."""
    cache, threads = gdal.GetCacheMax(), gdal.GetConfigOption("GDAL_NUM_THREADS")
    gdal.SetCacheMax(min(cache, GDAL_CACHE_BYTES))
    gdal.SetConfigOption("GDAL_NUM_THREADS", threads or "ALL_CPUS")
    try:
        yield
    finally:
        gdal.SetCacheMax(cache)
        gdal.SetConfigOption("GDAL_NUM_THREADS", threads)


def tile_values(model: MoEMAE, probe: LinearProbe | None, pixels: np.ndarray, meta: np.ndarray | None,
                request: ClassifyRequest) -> np.ndarray:
    """(B, values) per tile: the probe's class probabilities, or the pooled embedding."""
    from .embed import embed_tiles

    pooling, normed = (probe.pooling, probe.normed) if probe else (request.pooling, request.normed)
    features = embed_tiles(model, pixels, meta, pooling=pooling, normed=normed, precision=request.precision)
    return (probe.predict_proba(features) if probe else features).astype(np.float32)


def token_logits(model: MoEMAE, probe: LinearProbe | None, pixels: np.ndarray, meta: np.ndarray | None,
                 unused: np.ndarray, request: ClassifyRequest) -> tuple[np.ndarray, np.ndarray]:
    """((B, C, 10, 10) logits of each token's share of its tile's feature, or without a probe
    (B, D, 10, 10) the shares themselves; (B, 10, 10) True for tokens whose 4 × 4 px are at most
    half unused). The tokens' values average to the tile's (``backend.embed.token_features``):
    overlapping tiles average them, as a map cell's value."""
    from .embed import embed_tile_tokens

    side = landsat.PATCH_SIZE_PX // landsat.TOKEN_PATCH_PX
    pooling, normed = (probe.pooling, probe.normed) if probe else (request.pooling, request.normed)
    features = embed_tile_tokens(model, pixels, meta, pooling=pooling, normed=normed,
                                 precision=request.precision, on_device=True)  # (B, 100, D), on the device
    batch = len(features)
    flat = features.reshape(batch * side * side, -1)
    # The probe runs where the tokens are: a GPU copies back C values per token, not D.
    logits = (probe.logits(flat) if probe else flat).reshape(batch, side, side, -1)
    px = landsat.TOKEN_PATCH_PX
    share = unused.reshape(batch, side, px, side, px).mean(axis=(2, 4))
    return logits.permute(0, 3, 1, 2).float().cpu().numpy(), share <= MAX_FILL_SHARE


def _check_space(request: ClassifyRequest, grid: Grid, n_values: int) -> None:
    """Refuse before the long computation when the outputs cannot fit on disk: each as large as
    its blocks can be (:func:`backend.map_writer.file_bytes`), those on one disk together."""
    size = (n_values, grid.cols, grid.rows, gdal.GDT_Float32)
    if request.probe:
        needs = [(request.output, file_bytes(1, grid.cols, grid.rows, gdal.GDT_Byte), "the land-cover map")]
        if request.probabilities:
            needs.append((request.probabilities, file_bytes(*size), "the probabilities raster"))
    else:
        needs = [(request.output, file_bytes(*size), "the embedding raster")]
    check_free_space([(Path(path).absolute().parent, needed, what) for path, needed, what in needs])


# --------------------------------------------------------------------------- 6. writing
class MapOutputs:
    """The run's GeoTIFFs (the class map and the probabilities, or the embeddings), written by
    rows as they are final (``backend.map_writer``), checked, and renamed into place together."""

    def __init__(self, request: ClassifyRequest, scene: Scene, grid: Grid, probe: LinearProbe | None,
                 n_values: int):
        self.probe, self.token, self.covered = probe, grid.token, 0
        self.class_counts = np.zeros(n_values, np.int64)
        common = dict(size=(grid.cols, grid.rows), transform=grid.output_transform(scene.transform),
                      crs=scene.crs)
        floats = dict(data_type=gdal.GDT_Float32, nodata=float("nan"), **common)
        self.writers = []  # (kind, writer, final path)
        if probe is None:
            how = request.pooling + (", per 4 × 4 px token" if grid.token else "")
            self._add("values", request.output, bands=n_values, **floats,
                      descriptions=[f"embedding {k} ({how})" for k in range(n_values)])
            return
        self._add("classes", request.output, bands=1, data_type=gdal.GDT_Byte, nodata=CLASS_NODATA,
                  palette=probe.colours, names=probe.class_names, **common)
        if request.probabilities:
            self._add("probabilities", request.probabilities, bands=n_values, descriptions=probe.class_names,
                      **floats)

    def _add(self, kind: str, path: str, **options) -> None:
        self.writers.append((kind, GeoTiffWriter(Path(path), **options), Path(path)))

    def write(self, row0: int, mean: np.ndarray, hits: np.ndarray) -> None:
        """Rows from ``row0`` of the cells' mean values (values, n, cols) and hits (n, cols)."""
        if not hits.size:
            return
        covered = hits > 0
        self.covered += int(covered.sum())
        for kind, writer, _ in self.writers:
            if kind == "classes":
                classes = np.where(covered, mean.argmax(axis=0), CLASS_NODATA).astype(np.uint8)
                self.class_counts += np.bincount(classes[covered], minlength=len(self.class_counts))
                writer.write_rows(row0, [classes])
                continue
            # Rows no tile reached (most of a raster under fill) need no probabilities: NaN anyway.
            need = kind == "probabilities" and self.token and covered.any()
            values = self._probabilities(mean) if need else mean
            writer.write_rows(row0, [np.where(covered, layer, np.nan).astype(np.float32) for layer in values])
        for _, writer, _ in self.writers:
            if writer.failed:  # a full disk: say so now, not after the rest of the scene
                writer.close()

    def _probabilities(self, logits: np.ndarray) -> np.ndarray:
        """A token cell holds the mean of its tokens' logits: its probabilities come from them."""
        flat = logits.reshape(len(logits), -1).T.astype(np.float64)
        return self.probe.probabilities(flat).T.reshape(logits.shape)

    def finish(self, result: ClassifyResult) -> None:
        """Record what made the outputs, close and check them all, then rename them into place."""
        written = []
        for _, writer, final in self.writers:
            writer.set_metadata(result.provenance)
        for _, writer, final in self.writers:
            written.append((writer.close(), final))
        for tmp, final in written:
            move_into_place(tmp, final)
        self.writers = []
        if self.probe is not None:
            names = self.probe.class_names
            result.class_names, result.colours = names, self.probe.colours
            result.counts = {names[k]: int(n) for k, n in enumerate(self.class_counts) if n}

    def abort(self) -> None:
        """Remove what was written (nothing once :meth:`finish` succeeded)."""
        for _, writer, _ in self.writers:
            writer.abort()
        self.writers = []
