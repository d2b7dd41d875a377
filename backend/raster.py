"""The one inference core: a Landsat raster → tiles → encoder → probe → land-cover GeoTIFF.

The QGIS algorithms, the dialog (through them) and the CLI all call :func:`classify_raster`.

Tiling: 40 × 40 px tiles every ``stride`` px; tiles that would cross the right or bottom edge
are moved inward, never padded. The output grid has cells of stride × stride input pixels,
aligned to the input's origin and CRS; each cell averages the class probabilities of the
tiles that contain its centre (the centre of its part inside the raster). A tile made mostly
of fill (0 in every band, or a band's nodata value) gives no prediction; cells without one are
nodata (255) in the class raster.

Memory: the raster is read one strip of 40 rows at a time (GDAL windowed reads), so memory
grows with the width of the scene and the size of the output grid, never with the whole scene.

Outputs are written to temporary files beside the targets and renamed into place at the end:
a failed or cancelled run leaves nothing behind.
"""
from __future__ import annotations

import math
import os
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import numpy as np
from osgeo import gdal

from . import geo, landsat
from .errors import UserError
from .metadata import encode_metadata
from .progress import Cancelled, NullProgress

CLASS_NODATA = 255
#: GDAL's block cache during a classification: a row of blocks of an 8000-px-wide scene.
GDAL_CACHE_BYTES = 64 << 20
#: Largest output grid (values × cells × 3 copies × 4 bytes) a run may hold in memory.
MAX_GRID_BYTES = 3 << 30
#: A tile with more than this share of fill pixels gives no prediction.
MAX_FILL_SHARE = 0.5
INTEGER_TYPES = {gdal.GDT_UInt16, gdal.GDT_Int16, gdal.GDT_UInt32, gdal.GDT_Int32}


@dataclass
class ClassifyRequest:
    """Everything one classification needs. Paths are files; ``bands`` are 1-based band numbers
    of SR_B1…SR_B7 in the input (None: by band description when the bands are named SR_B1…SR_B7,
    else bands 1-7)."""

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


@dataclass
class ClassifyResult:
    output: str
    probabilities: str | None
    class_names: list
    colours: list
    tiles: int
    tiles_skipped_fill: int
    grid: tuple  # (rows, cols) of the output
    device: str
    warnings: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)  # class name → cells


@geo.with_gdal_exceptions
def band_mapping(dataset: gdal.Dataset, bands: list | None) -> list:
    """1-based band numbers of SR_B1…SR_B7 in ``dataset`` (see :class:`ClassifyRequest`)."""
    count = dataset.RasterCount
    if bands:
        if len(bands) != landsat.NUM_BANDS:
            raise UserError(f"BANDS lists {len(bands)} bands; the model needs 7 ({', '.join(landsat.BANDS)}), "
                            "in that order")
        bad = [b for b in bands if not 1 <= int(b) <= count]
        if bad:
            raise UserError(f"BANDS names band(s) {bad}, but the raster has bands 1-{count}")
        return [int(b) for b in bands]
    if count < landsat.NUM_BANDS:
        raise UserError(f"the raster has {count} band(s); the model needs 7 ({landsat.BANDS[0]}…"
                        f"{landsat.BANDS[-1]}): use a Landsat 8/9 Level-2 surface-reflectance stack, or pick "
                        "the bands with BANDS")
    descriptions = [dataset.GetRasterBand(i).GetDescription().upper() for i in range(1, count + 1)]
    found = []
    for name in landsat.BANDS:
        matches = [i + 1 for i, d in enumerate(descriptions) if d == name or d.endswith("_" + name)]
        if len(matches) != 1:
            return list(range(1, landsat.NUM_BANDS + 1))
        found.append(matches[0])
    return found


def check_raster(dataset: gdal.Dataset, bands: list, name: str) -> None:
    """Refuse rasters the model cannot read, saying what was found and what is expected."""
    data_type = dataset.GetRasterBand(bands[0]).DataType
    if data_type not in INTEGER_TYPES:
        found = gdal.GetDataTypeName(data_type)
        hint = ("8-bit values look like a rendered image, not Landsat data" if data_type == gdal.GDT_Byte
                else "floating-point values look like scaled reflectance")
        raise UserError(f"{name} holds {found} pixels ({hint}); the model expects the UInt16 digital numbers "
                        "of Landsat 8/9 Collection 2 Level-2 surface reflectance (SR_B1…SR_B7, no scale applied)")
    size = landsat.PATCH_SIZE_PX
    if dataset.RasterXSize < size or dataset.RasterYSize < size:
        raise UserError(f"{name} is {dataset.RasterXSize} × {dataset.RasterYSize} px; the model needs at least "
                        f"{size} × {size} px (1.2 km at 30 m)")


def fill_mask(pixels: np.ndarray, nodata: list) -> np.ndarray:
    """(bands, H, W) digital numbers → (H, W) True where a pixel is fill: 0 in every band, or a
    band's nodata value."""
    fill = np.all(pixels == landsat.FILL_VALUE, axis=0)
    for band, value in zip(pixels, nodata):
        if value is not None:
            fill |= band == value
    return fill


def tile_starts(length: int, stride: int, size: int = landsat.PATCH_SIZE_PX) -> list:
    """Offsets of tiles along one axis: every ``stride`` px, the last one moved inward to end at the edge."""
    starts = list(range(0, length - size + 1, stride))
    if starts[-1] + size < length:
        starts.append(length - size)
    return starts


def cells_of_tile(start: int, stride: int, cells: int, length: int, size: int = landsat.PATCH_SIZE_PX) -> range:
    """Output cells whose (clamped) centre lies inside the tile [start, start + size)."""
    first = max(0, math.floor((start - stride / 2) / stride))
    chosen = []
    for i in range(first, min(cells, (start + size) // stride + 2)):
        centre = (i * stride + min((i + 1) * stride, length)) / 2
        if start <= centre < start + size:
            chosen.append(i)
    return range(chosen[0], chosen[-1] + 1) if chosen else range(0)


def classify_raster(request: ClassifyRequest, progress=None, log=print) -> ClassifyResult:
    """Classify ``request.input``; see the module docstring. ``log`` receives lines for the user."""
    if not request.probe:
        raise UserError("a classification needs a probe")
    return _map_raster(request, progress, log)


def embed_raster(request: ClassifyRequest, progress=None, log=print) -> ClassifyResult:
    """Write the tiles' embeddings instead of classes: a float32 GeoTIFF of D bands at the stride's
    resolution (each cell the mean embedding of the tiles that contain it; NaN where none)."""
    from .embed import RASTER_POOLINGS

    if request.pooling not in RASTER_POOLINGS:
        raise UserError(f"an embedding raster needs one vector per tile: pooling mean, cls or patch-mean, "
                        f"not {request.pooling!r}")
    return _map_raster(ClassifyRequest(**{**request.__dict__, "probe": None}), progress, log)


@geo.with_gdal_exceptions
def _map_raster(request: ClassifyRequest, progress, log) -> ClassifyResult:
    import torch

    from .checkpoint import load_pretrained
    from .device import describe_device, resolve_device
    from .embed import embed_tiles, model_fingerprint
    from .probe import LinearProbe

    source = Path(request.input)
    if not source.is_file():
        raise UserError(f"{source} does not exist; check the path of the input raster")
    try:
        dataset = gdal.Open(str(source))
    except RuntimeError as exc:
        raise UserError(f"{source.name} cannot be opened as a raster ({str(exc).strip()}); is the file "
                        "complete and a GeoTIFF or another format GDAL reads?") from None
    bands = band_mapping(dataset, request.bands)
    check_raster(dataset, bands, source.name)
    if request.stride < 1 or request.stride > landsat.PATCH_SIZE_PX:
        raise UserError(f"STRIDE must be between 1 and {landsat.PATCH_SIZE_PX} px, not {request.stride}")
    out_paths = [Path(request.output)] + ([Path(request.probabilities)] if request.probabilities else [])
    for path in out_paths:
        if not path.parent.is_dir() or not os.access(path.parent, os.W_OK):
            raise UserError(f"cannot write {path}: its folder does not exist or is not writable; choose "
                            "another output path")

    device = resolve_device(request.device)
    model = load_pretrained(request.checkpoint, device)
    probe = LinearProbe.load(request.probe) if request.probe else None
    expected = probe.model.get("fingerprint") if probe else None
    if probe and probe.num_features != (model.config.dim * 105 if probe.pooling == "all" else model.config.dim):
        raise UserError(f"the probe {Path(request.probe).name} expects {probe.num_features} features but the "
                        f"model {Path(request.checkpoint).name} gives {model.config.dim} per token: they do not "
                        "belong together; pick the probe fitted on this model")
    if expected and expected != model_fingerprint(model):
        raise UserError(f"the probe {Path(request.probe).name} was fitted on another model "
                        f"({probe.model.get('checkpoint', 'unknown')}), not on {Path(request.checkpoint).name}; "
                        "pick the probe fitted on this model (or fit one with moemae:trainprobe)")

    width, height, stride = dataset.RasterXSize, dataset.RasterYSize, request.stride
    cols, rows = math.ceil(width / stride), math.ceil(height / stride)
    xs, ys = tile_starts(width, stride), tile_starts(height, stride)
    n_values = len(probe.class_names) if probe else model.config.dim
    # The output grid is held in memory (sums, mean, the bands written): refuse what cannot fit
    # rather than let the system kill the process (QGIS with it).
    grid_bytes = 4 * n_values * rows * cols * 3
    if grid_bytes > MAX_GRID_BYTES:
        raise UserError(f"a {cols} × {rows} output grid of {n_values} values per cell needs about "
                        f"{grid_bytes / 2**30:.1f} GB; use a larger STRIDE or a smaller extent")
    pooling, normed = (probe.pooling, probe.normed) if probe else (request.pooling, request.normed)
    sums = np.zeros((n_values, rows, cols), np.float32)
    hits = np.zeros((rows, cols), np.uint16)
    nodata = [dataset.GetRasterBand(b).GetNoDataValue() for b in bands]
    transform, crs = dataset.GetGeoTransform(), dataset.GetProjection()

    use_meta = request.use_metadata and (probe.use_metadata if probe else True)
    warnings = []
    when = request.acquisition if use_meta else None
    if use_meta and when is None:
        warnings.append("acquisition date unknown: week and hour are encoded as missing")
    elif use_meta and not isinstance(when, datetime):
        warnings.append("acquisition time of day unknown: the hour is encoded as missing")
    if use_meta and not crs:
        warnings.append("the raster has no CRS: latitude and longitude are encoded as missing")
    for line in warnings:
        log(f"warning: {line}")

    progress = progress or NullProgress()
    progress.total = len(xs) * len(ys)  # known only now
    log(f"{source.name}: {width} × {height} px, bands {bands} as {', '.join(landsat.BANDS)}; "
        f"{len(xs) * len(ys)} tiles at stride {stride} px → {cols} × {rows} cells; device {describe_device(device)}")
    skipped = 0
    pending = []  # (tile row index, tile col index, x0, y0)
    pending_pixels = []

    def flush():
        nonlocal pending, pending_pixels
        if not pending:
            return
        pixels = np.stack(pending_pixels)
        meta = None
        if use_meta:
            centre_x = np.array([x0 + landsat.PATCH_SIZE_PX / 2 for _, _, x0, _ in pending])
            centre_y = np.array([y0 + landsat.PATCH_SIZE_PX / 2 for _, _, _, y0 in pending])
            lat = lon = None
            if crs:
                mx, my = geo.pixel_to_map(transform, centre_x, centre_y)
                lon, lat = geo.to_lonlat(crs, mx, my)
            meta = np.stack(encode_metadata(when, None if lat is None else list(lat),
                                            None if lon is None else list(lon), count=len(pending)), axis=1)
        features = embed_tiles(model, pixels, meta, pooling=pooling, normed=normed, precision=request.precision)
        proba = (probe.predict_proba(features) if probe else features).astype(np.float32)
        for (_, _, x0, y0), p in zip(pending, proba):
            r_cells = cells_of_tile(y0, stride, rows, height)
            c_cells = cells_of_tile(x0, stride, cols, width)
            sums[:, r_cells.start:r_cells.stop, c_cells.start:c_cells.stop] += p[:, None, None]
            hits[r_cells.start:r_cells.stop, c_cells.start:c_cells.stop] += 1
        progress.update(len(pending))
        pending, pending_pixels = [], []

    # GDAL caches every block it reads, up to 5 % of the RAM by default: memory would grow with
    # the scene. One row of blocks is all the strips need; the cache size is restored afterwards.
    cache = gdal.GetCacheMax()
    gdal.SetCacheMax(min(cache, GDAL_CACHE_BYTES))
    try:
        with torch.inference_mode():
            for ty, y0 in enumerate(ys):
                progress.check()
                strip = dataset.ReadAsArray(0, y0, width, landsat.PATCH_SIZE_PX, band_list=bands)  # (7, 40, W)
                fill = fill_mask(strip, nodata)
                for tx, x0 in enumerate(xs):
                    tile_fill = fill[:, x0:x0 + landsat.PATCH_SIZE_PX].mean()
                    if tile_fill > MAX_FILL_SHARE:
                        skipped += 1
                        progress.update(1)
                        continue
                    pending.append((ty, tx, x0, y0))
                    pending_pixels.append(np.clip(strip[:, :, x0:x0 + landsat.PATCH_SIZE_PX], 0, 65535).astype(np.uint16))
                    if len(pending) >= request.batch_size:
                        progress.check()
                        flush()
            flush()
    finally:
        gdal.SetCacheMax(cache)
    progress.close()
    if not hits.any():
        raise UserError(f"{source.name} holds no usable tile: every 40 × 40 tile is more than half fill "
                        "(0 or the bands' nodata value); is it the right raster?")

    covered = hits > 0
    mean = np.where(covered, sums / np.maximum(hits, 1), 0).astype(np.float32)
    out_transform = (transform[0], transform[1] * stride, transform[2] * stride,
                     transform[3], transform[4] * stride, transform[5] * stride)
    if probe is None:
        layers = [np.where(covered, mean[k], np.nan).astype(np.float32) for k in range(n_values)]
        tmp = _write(out_paths[0], layers, gdal.GDT_Float32, out_transform, crs, float("nan"),
                     descriptions=[f"embedding {k} ({pooling})" for k in range(n_values)])
        _move_into_place(tmp, out_paths[0])
        return ClassifyResult(output=str(out_paths[0]), probabilities=None, class_names=[], colours=[],
                              tiles=len(xs) * len(ys), tiles_skipped_fill=skipped, grid=(rows, cols),
                              device=str(device), warnings=warnings)
    classes_map = np.where(covered, mean.argmax(axis=0), CLASS_NODATA).astype(np.uint8)
    written = []
    try:
        written.append(_write(out_paths[0], [classes_map], gdal.GDT_Byte, out_transform, crs, CLASS_NODATA,
                              palette=probe.colours, names=probe.class_names))
        if request.probabilities:
            layers = [np.where(covered, mean[k], np.nan).astype(np.float32) for k in range(n_values)]
            written.append(_write(out_paths[1], layers, gdal.GDT_Float32, out_transform, crs, float("nan"),
                                  descriptions=probe.class_names))
        for tmp, final in zip(written, out_paths):
            _move_into_place(tmp, final)
    except BaseException:
        for tmp in written:
            Path(tmp).unlink(missing_ok=True)
            Path(f"{tmp}.aux.xml").unlink(missing_ok=True)
        raise
    values, counts = np.unique(classes_map[covered], return_counts=True)
    return ClassifyResult(output=str(out_paths[0]), probabilities=request.probabilities,
                          class_names=probe.class_names, colours=probe.colours, tiles=len(xs) * len(ys),
                          tiles_skipped_fill=skipped, grid=(rows, cols), device=str(device), warnings=warnings,
                          counts={probe.class_names[v]: int(c) for v, c in zip(values, counts)})


def _move_into_place(tmp: Path, final: Path) -> None:
    """Rename a finished GeoTIFF over ``final``, with its .aux.xml sidecar (class names live
    there: GeoTIFF has no place for them), and drop a stale sidecar of an earlier run."""
    sidecar = Path(f"{tmp}.aux.xml")
    if sidecar.exists():
        os.replace(sidecar, f"{final}.aux.xml")
    else:
        Path(f"{final}.aux.xml").unlink(missing_ok=True)
    os.replace(tmp, final)


def _write(path: Path, layers, data_type, transform, crs, nodata, palette=None, names=None, descriptions=None):
    """A tiled, compressed GeoTIFF at a temporary name beside ``path``; returns that name."""
    # A name of its own: two runs writing the same output never share a temporary file.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.part.tif")
    rows, cols = layers[0].shape
    options = ["COMPRESS=DEFLATE", "TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256"]
    out = gdal.GetDriverByName("GTiff").Create(str(tmp), cols, rows, len(layers), data_type, options=options)
    try:
        out.SetGeoTransform(transform)
        if crs:
            out.SetProjection(crs)
        for k, layer in enumerate(layers):
            band = out.GetRasterBand(k + 1)
            band.SetNoDataValue(nodata)
            band.WriteArray(layer)
            if descriptions:
                band.SetDescription(descriptions[k])
        if palette:
            table = gdal.ColorTable()
            for index, colour in enumerate(palette):
                table.SetColorEntry(index, tuple(int(v) for v in colour) + (255,))
            table.SetColorEntry(CLASS_NODATA, (0, 0, 0, 0))
            band = out.GetRasterBand(1)
            band.SetRasterColorTable(table)
            band.SetRasterColorInterpretation(gdal.GCI_PaletteIndex)
            band.SetCategoryNames(list(names) + [""] * (CLASS_NODATA - len(names)) + ["no data"])
        out.FlushCache()
    except BaseException:
        out = None
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}.aux.xml").unlink(missing_ok=True)
        raise
    out = None
    return tmp
