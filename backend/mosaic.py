"""Several inputs, one map: each input through the one inference core, then one mosaic of them.

:func:`map_inputs` runs these steps (``torchrun`` shares step 2 among its processes, see
``backend.distributed``):

1. :func:`plan`: every input opened (``backend.scene.open_scene``) and its acquisition found,
   and the inputs that cannot be mixed refused before any work: one the model cannot read
   (``open_scene``: Level-1, Landsat 4-7, Collection 1, 8-bit …), one given twice, one without
   georeferencing, one without an acquisition date when none is given (``PATH DATE`` in the
   list of inputs), a probe that does not belong to the model;
2. each input's own map (``backend.raster.classify_raster`` or ``embed_raster``) and the share
   of valid, unmasked pixels under each of its cells, kept in the work folder
   (``backend.work_cache.WorkFolder``) under a key made of the input's files, the model's and
   the probe's SHA-256 and the settings: a run that is interrupted, or run again with more
   inputs, redoes only what is missing, stale or damaged;
3. :func:`compose`: the maps put on one grid (:func:`place`): the first input's cells, in its
   CRS unless another is asked for; an input whose cells share edges with that grid is read as
   it is, cell for cell; any other is warped onto it with GDAL (nearest neighbour), for the
   mosaic only, and the log says so. Where inputs overlap, ``composite`` decides
   (:data:`COMPOSITES`); where one input alone covers the ground, the mosaic is that input's map.
   The mosaic is written a block of rows at a time (memory flat in the number of inputs and the
   mosaic's size) with its provenance: every input, its date, its share of the map.
"""
from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from osgeo import gdal, osr

from . import __version__, geo
from .acquisition import Acquisition, find_acquisition
from .classes import CLASS_NODATA
from .errors import UserError, describe
from .files import check_outputs, temporary_name
from .grids import Frame, check_shared_edges, union
from .map_writer import GeoTiffWriter, file_bytes, move_into_place
from .options import EMBEDDING_RESOLUTION_DEFAULT, MAP_RESOLUTION_DEFAULT, SceneOptions
from .progress import Cancelled, NullProgress, Progress
from .work_cache import WorkFolder, entry_key, file_identity

if TYPE_CHECKING:
    from .scene import Scene

log = logging.getLogger(__name__)

#: How overlapping inputs make one cell (``--composite``): the first is the default.
COMPOSITES = {
    "best": "the input with the largest share of valid, unmasked pixels under the cell (ties: the later "
            "date, then the earlier input)",
    "latest": "the input acquired last (ties: the larger share of valid pixels, then the earlier input)",
    "mean": "the mean of the inputs' class probabilities (embeddings: of their vectors), then the most "
            "probable class",
}
#: Rows of mosaic cells composed at a time, at most, and the most bytes a block's values may take.
BLOCK_ROWS, BLOCK_BYTES = 256, 256 << 20
#: The files of a work entry: the input's map, its probabilities (for ``mean``), its valid shares.
MAP, PROBABILITIES, VALID = "map.tif", "probabilities.tif", "valid.tif"
#: Provenance items that describe one input, not the mosaic: the mosaic lists them per input.
PER_INPUT_ITEMS = ("INPUT", "INPUT_SCALE", "ACQUISITION", "ACQUISITION_SOURCE", "MASKED_SHARE", "TILES",
                   "TILES_WITHOUT_PREDICTION", "DEVICE")


@dataclass
class MosaicRequest:
    """A mosaic of ``inputs`` (paths as ``classify`` takes them), each with its acquisition
    (None: read from the input); ``probe`` None makes a mosaic of embeddings. ``work``: the
    work folder (None: ``<output>.work`` beside the output); ``crs``: the mosaic's CRS as GDAL
    reads it (None: the first input's)."""

    inputs: list[str]
    output: str
    checkpoint: str
    probe: str | None
    options: SceneOptions = field(default_factory=SceneOptions)
    acquisitions: list[Acquisition | None] = field(default_factory=list)
    composite: str = "best"
    crs: str | None = None
    work: str | None = None
    precision: str = "auto"
    pooling: str = "mean"
    normed: bool = False

    @property
    def work_folder(self) -> Path:
        return Path(self.work) if self.work else Path(self.output).with_suffix(".work")


@dataclass
class Part:
    """One input, planned: its name, acquisition, size in pixels, and its work entry's key and parts."""

    index: int
    path: str
    name: str
    acquisition: Acquisition
    pixels: int
    key: str
    parts: dict

    @property
    def day(self) -> str:
        when = self.acquisition.when
        return when.isoformat() if when else "unknown"

    @property
    def order(self) -> float:
        """The acquisition as a number that sorts in time (dates at midnight)."""
        when = self.acquisition.when
        if isinstance(when, datetime):
            return when.timestamp()
        return datetime(when.year, when.month, when.day).timestamp() if isinstance(when, date) else -np.inf


# --------------------------------------------------------------------------- step 1: the plan
def plan(request: MosaicRequest) -> list[Part]:
    """Every input checked and keyed (step 1 of the module docstring), before any work."""
    from .checksums import file_sha256
    from .device import resolve_device
    from .runtime import resolve_precision

    if request.composite not in COMPOSITES:
        raise UserError(f"--composite must be one of {', '.join(COMPOSITES)}, not {request.composite!r}")
    if not request.inputs:
        raise UserError("no input given: name the products or rasters to map, or list them with --inputs")
    _refuse_twice(request.inputs)
    what = "the land-cover mosaic" if request.probe else "the embedding mosaic"
    check_outputs([(what, request.output, (".tif", ".tiff"))],
                  [("an input", path) for path in request.inputs]
                  + [("the model", request.checkpoint), ("the probe", request.probe)])
    _check_crs(request.crs)
    _check_model(request)
    common = {"kind": "classes" if request.probe else "embeddings", "backend": __version__,
              "model_sha256": file_sha256(Path(request.checkpoint)),
              "probe_sha256": file_sha256(Path(request.probe)) if request.probe else None,
              "settings": _settings(request),
              "precision": str(resolve_precision(resolve_device(request.options.device),
                                                 request.precision)).replace("torch.", "")}
    return [_plan_input(request, index, path, common) for index, path in enumerate(request.inputs)]


def _plan_input(request: MosaicRequest, index: int, path: str, common: dict) -> Part:
    """One input opened, dated and keyed: its files (path, size, time of change) and date join
    the ``common`` parts of the key (model, probe, settings)."""
    from .scene import open_scene

    given = request.acquisitions[index] if index < len(request.acquisitions) else None
    acquisition = given or find_acquisition(path, geo.raster_tags(path))
    if acquisition.when is None:
        raise UserError(f"{path} has no acquisition date ({acquisition.source}) and none was given: a "
                        "mosaic needs each input's date; give it after the path in the --inputs list "
                        "(PATH 2021-06-15), or use the product with its MTL file")
    try:
        scene = open_scene(path, replace(request.options, acquisition=acquisition))
        Frame.of(scene.dataset, scene.name)
    except UserError as exc:
        raise UserError(f"{path} cannot be mapped, so no input was: {exc}") from None
    read = [*scene.files, path, request.options.qa_pixel]
    files = [f for f in read if f and not str(f).startswith("/vsi")]
    keyed = {**common, "input": file_identity(files), "acquisition": acquisition.when.isoformat()}
    return Part(index, path, scene.name, acquisition, scene.width * scene.height, entry_key(keyed), keyed)


def _refuse_twice(inputs: Sequence[str]) -> None:
    seen: dict[str, str] = {}
    for path in inputs:
        resolved = str(Path(path).resolve())
        if resolved in seen:
            raise UserError(f"{path} is given twice (also as {seen[resolved]}): a mosaic takes each input "
                            "once; remove one")
        seen[resolved] = path


def _check_crs(crs: str | None) -> None:
    if crs is None:
        return
    srs = osr.SpatialReference()
    try:
        with geo.gdal_exceptions():
            failed = srs.SetFromUserInput(crs)
    except RuntimeError:
        failed = True
    if failed or (not srs.IsProjected() and not srs.IsGeographic()):
        raise UserError(f"--crs {crs!r} is no coordinate reference system GDAL knows; give one such as "
                        "EPSG:32630")


def _check_model(request: MosaicRequest) -> None:
    """The model loads, and the probe belongs to it: refused now, not after the first input."""
    import torch

    from .raster import ClassifyRequest, load_model_and_probe

    load_model_and_probe(ClassifyRequest(input="", output="", checkpoint=request.checkpoint,
                                         probe=request.probe), torch.device("cpu"))


def _settings(request: MosaicRequest) -> dict:
    """What changes an input's result besides its files and the model: the entry's key has it."""
    options = request.options
    return {"bands": options.bands, "mask": list(options.mask), "input_scale": options.input_scale,
            "stride": options.stride, "use_metadata": options.use_metadata,
            "resolution": options.resolution_or(MAP_RESOLUTION_DEFAULT if request.probe
                                                else EMBEDDING_RESOLUTION_DEFAULT),
            "pooling": request.pooling, "normed": request.normed,
            "probabilities": bool(request.probe) and request.composite == "mean"}


# --------------------------------------------------------------------------- step 2: each input
def map_part(request: MosaicRequest, part: Part, work: WorkFolder, progress: Progress | None = None
             ) -> tuple[Path, bool]:
    """The input's work entry (step 2), and whether it was made now (else found whole)."""
    found = work.find(part.key)
    if found is not None:
        log.info("%s (%s): its map is in the work folder already (%s…), not made again", part.name, part.day,
                 found.name[:12])
        return found, False
    log.info("%s (%s): mapping it into the work folder", part.name, part.day)
    return work.make(part.key, part.parts, lambda folder: _build(request, part, folder, progress)), True


def _build(request: MosaicRequest, part: Part, folder: Path, progress: Progress | None) -> None:
    from .raster import ClassifyRequest, classify_raster, embed_raster
    from .scene import open_scene

    options = replace(request.options, acquisition=part.acquisition)
    keep = part.parts["settings"]["probabilities"]
    single = ClassifyRequest(input=part.path, output=str(folder / MAP), checkpoint=request.checkpoint,
                             probe=request.probe, options=options, precision=request.precision,
                             probabilities=str(folder / PROBABILITIES) if keep else None,
                             pooling=request.pooling, normed=request.normed)
    if request.probe:
        classify_raster(single, progress)
    else:
        embed_raster(single, progress)
    write_valid_shares(open_scene(part.path, options), folder / MAP, folder / VALID)


@geo.with_gdal_exceptions
def write_valid_shares(scene: Scene, map_path: Path, out: Path) -> None:
    """A float32 raster on the map's cells: the share (0-1) of each cell's pixels that are valid
    and not masked by QA_PIXEL (what ``best`` compares). Read a strip of cells at a time."""
    cells = gdal.Open(str(map_path))
    cols, rows, transform = cells.RasterXSize, cells.RasterYSize, cells.GetGeoTransform()
    cell = round(transform[1] / scene.transform[1])
    writer = GeoTiffWriter(out, size=(cols, rows), bands=1, data_type=gdal.GDT_Float32, transform=transform,
                           crs=cells.GetProjection(), nodata=float("nan"),
                           descriptions=["share of valid, unmasked pixels"])
    try:
        strip = max(1, 256 // cell)
        for row0 in range(0, rows, strip):
            n = min(strip, rows - row0)
            y0, height = row0 * cell, min(n * cell, scene.height - row0 * cell)
            used = ~scene.read_window(0, y0, scene.width, height).unused
            padded = np.zeros((n * cell, cols * cell), np.float32)
            padded[:height, :scene.width] = used
            shares = padded.reshape(n, cell, cols, cell).mean(axis=(1, 3))
            writer.write_rows(row0, [shares.astype(np.float32)])
        move_into_place(writer.close(), out)
    finally:
        writer.abort()


# --------------------------------------------------------------------------- step 3: one grid
@dataclass
class Placed:
    """An input's map on the mosaic's grid: its files there (warped or its own) and its top-left cell."""

    part: Part
    files: dict[str, str]  # MAP / PROBABILITIES / VALID → a path GDAL opens
    frame: Frame
    corner: tuple[int, int] = (0, 0)
    warped: str = ""  # why it was warped; "" when its own cells are used


def place(parts: Sequence[Part], entries: Sequence[Path], crs: str | None, scratch: Path
          ) -> tuple[Frame, list[Placed]]:
    """The mosaic's grid and each input's map on it (step 3 of the module docstring); warped
    maps are VRTs in ``scratch``."""
    frames = [Frame.of(gdal.Open(str(entry / MAP)), part.name) for part, entry in zip(parts, entries)]
    reference = frames[0]
    if crs:
        srs = osr.SpatialReference()
        srs.SetFromUserInput(crs)
        warped = gdal.Warp("", str(entries[0] / MAP), format="VRT", dstSRS=srs.ExportToWkt())
        reference = Frame.of(warped, f"the first input's cells in {crs}")
    placed = []
    for part, entry, frame in zip(parts, entries, frames):
        files = {name: str(entry / name) for name in (MAP, PROBABILITIES, VALID) if (entry / name).exists()}
        try:
            check_shared_edges(reference, frame)
            placed.append(Placed(part, files, frame))
            continue
        except UserError as exc:
            why = str(exc).split(";")[0]
        files = {name: _warp(path, reference, scratch / f"{part.index}-{name}.vrt")
                 for name, path in files.items()}
        log.info("%s is not on the mosaic's grid (%s): its map is warped onto it with GDAL (nearest "
                 "neighbour) for the mosaic only", part.name, why)
        placed.append(Placed(part, files, Frame.of(gdal.Open(files[MAP]), part.name), warped=why))
    mosaic, corners = union([p.frame for p in placed])
    for item, corner in zip(placed, corners):
        item.corner = corner
    return mosaic, placed


def _warp(path: str, reference: Frame, out: Path) -> str:
    """``path`` warped (nearest neighbour) onto cells of ``reference``'s lattice covering it, as a VRT."""
    auto = gdal.Warp("", path, format="VRT", dstSRS=reference.crs)
    gt, width, height = auto.GetGeoTransform(), auto.RasterXSize, auto.RasterYSize
    x0, xs, _, y0, _, ys = reference.transform
    left = x0 + np.floor((gt[0] - x0) / xs) * xs
    right = x0 + np.ceil((gt[0] + width * gt[1] - x0) / xs) * xs
    top = y0 + np.floor((gt[3] - y0) / ys) * ys
    bottom = y0 + np.ceil((gt[3] + height * gt[5] - y0) / ys) * ys
    gdal.Warp(str(out), path, format="VRT", dstSRS=reference.crs, resampleAlg="near",
              outputBounds=(float(left), float(bottom), float(right), float(top)), xRes=abs(xs), yRes=abs(ys))
    return str(out)


# --------------------------------------------------------------------------- step 3: composing
class Composer:
    """One block of mosaic rows: the inputs are given one at a time (:meth:`add`), and the cells
    keep the winner so far (``best``, ``latest``) or the sums (``mean``); memory is the block's,
    whatever the number of inputs."""

    def __init__(self, composite: str, values: int, classes: bool, shape: tuple[int, int], n_inputs: int):
        self.composite, self.classes = composite, classes
        self.best = np.full(shape, -np.inf)  # the winner's score
        self.tie = np.full(shape, -np.inf)  # and its second score
        self.winner = np.full(shape, -1, np.int32)
        self.label = np.full(shape, CLASS_NODATA, np.uint8)
        self.values = np.full((values, *shape), np.nan, np.float64)  # the winner's values, or the sums
        self.count = np.zeros(shape, np.int32)
        self.shares = np.zeros(n_inputs)

    def add(self, index: int, where: tuple[slice, slice], label: np.ndarray | None, values: np.ndarray | None,
            valid: np.ndarray, order: float) -> None:
        """Input ``index``'s cells in ``where`` of the block: its classes (None for embeddings),
        its values (probabilities or embeddings; None when the rule needs none), valid shares, date."""
        covered = _covered(label, values)
        valid = np.where(np.isfinite(valid), valid, 0.0)
        if self.composite == "mean":
            self.count[where] += covered
            if label is not None:
                self.label[where] = np.where(covered, label, self.label[where])
            if values is not None:
                block = self.values[(slice(None), *where)]
                block[:] = np.where(covered, np.nan_to_num(block) + values, block)
            return
        first, second = (valid, order) if self.composite == "best" else (order, valid)
        best, tie = self.best[where], self.tie[where]
        wins = covered & ((first > best) | ((first == best) & (second > tie)))
        best[wins] = np.broadcast_to(first, wins.shape)[wins]
        tie[wins] = np.broadcast_to(second, wins.shape)[wins]
        self.winner[where][wins] = index
        if label is not None:
            self.label[where][wins] = label[wins]
        if values is not None:
            self.values[(slice(None), *where)][:, wins] = values[:, wins]

    def finish(self) -> tuple[np.ndarray, np.ndarray]:
        """(classes, values) of the block, and each input's share of its cells counted."""
        if self.composite == "mean":
            several = self.count > 1
            mean = self.values / np.maximum(self.count, 1)
            if self.classes:
                self.label = np.where(several, np.nan_to_num(mean, nan=-1).argmax(axis=0), self.label
                                      ).astype(np.uint8)
            self.values = np.where(self.count > 0, mean, np.nan)
        else:
            np.add.at(self.shares, self.winner[self.winner >= 0], 1)
        return self.label, self.values.astype(np.float32)


def _covered(label: np.ndarray | None, values: np.ndarray | None) -> np.ndarray:
    """The cells an input has a class (a map of classes) or a vector (embeddings) for."""
    if label is not None:
        return label != CLASS_NODATA
    assert values is not None  # embeddings: the cells with a vector
    return np.isfinite(values[0])


@geo.with_gdal_exceptions
def compose(request: MosaicRequest, parts: Sequence[Part], entries: Sequence[Path],
            progress: Progress | None = None) -> dict:
    """Write the mosaic (step 3); returns its provenance."""
    progress = progress or NullProgress()
    scratch = temporary_name(request.work_folder / "mosaic", "warped")
    scratch.mkdir(parents=True)
    try:
        mosaic, placed = place(parts, entries, request.crs, scratch)
        return _write(request, mosaic, placed, progress)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


@geo.with_gdal_exceptions
def _write(request: MosaicRequest, mosaic: Frame, placed: list[Placed], progress: Progress) -> dict:
    from .files import check_free_space

    classes = bool(request.probe)
    first = gdal.Open(placed[0].files[MAP])
    values_file = PROBABILITIES if classes else MAP
    n_values = gdal.Open(placed[0].files[values_file]).RasterCount if values_file in placed[0].files else 0
    bands, data_type = (1, gdal.GDT_Byte) if classes else (n_values, gdal.GDT_Float32)
    check_free_space([(Path(request.output).absolute().parent,
                       file_bytes(bands, mosaic.width, mosaic.height, data_type), "the mosaic")])
    style: dict = {"nodata": float("nan"),
                   "descriptions": [first.GetRasterBand(k + 1).GetDescription() for k in range(bands)]}
    if request.probe:
        from .probe import LinearProbe

        probe = LinearProbe.load(request.probe)
        style = {"palette": probe.colours, "names": probe.class_names, "nodata": CLASS_NODATA}
    writer = GeoTiffWriter(Path(request.output), size=(mosaic.width, mosaic.height), bands=bands,
                           data_type=data_type, transform=mosaic.transform, crs=mosaic.crs, **style)
    progress.total = mosaic.height
    try:
        shares = np.zeros(len(placed))
        step = block_rows(mosaic.width, n_values if not classes or request.composite == "mean" else 0)
        for row0 in range(0, mosaic.height, step):
            progress.check()
            rows = min(step, mosaic.height - row0)
            label, values = _compose_block(request.composite, classes, placed, row0, rows, mosaic.width,
                                           n_values, shares)
            writer.write_rows(row0, [label] if classes else list(values))
            progress.update(rows)
        metadata = _provenance(request, first.GetMetadata() or {}, mosaic, placed, shares)
        writer.set_metadata(metadata)
        move_into_place(writer.close(), Path(request.output))
    finally:
        writer.abort()
    progress.close()
    return metadata


def block_rows(width: int, n_values: int) -> int:
    """Mosaic rows composed at a time: :data:`BLOCK_ROWS`, fewer where a block's values (float64,
    ``n_values`` a cell, and the winners' bookkeeping) would pass :data:`BLOCK_BYTES`: a mosaic
    as wide as a country, of 144-value embeddings, must still fit."""
    per_row = width * 8 * (n_values + 4)
    return max(1, min(BLOCK_ROWS, BLOCK_BYTES // max(per_row, 1)))


def _compose_block(composite: str, classes: bool, placed: list[Placed], row0: int, rows: int, width: int,
                   n_values: int, shares: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rows ``row0``…``row0 + rows`` of the mosaic: every input that reaches them, one at a time,
    its files opened for the block only (a mosaic of hundreds of inputs must not hold thousands
    of files open)."""
    need_values = not classes or composite == "mean"
    composer = Composer(composite, n_values if need_values else 0, classes, (rows, width), len(placed))
    reaching = []
    for index, item in enumerate(placed):
        (cx, cy), frame = item.corner, item.frame
        top, bottom = max(row0, cy), min(row0 + rows, cy + frame.height)
        if top >= bottom:
            continue
        datasets = {name: gdal.Open(path) for name, path in item.files.items()}
        where = (slice(top - row0, bottom - row0), slice(cx, cx + frame.width))
        window = (0, top - cy, frame.width, bottom - top)
        label = datasets[MAP].ReadAsArray(*window) if classes else None
        values = None
        if need_values:
            source = datasets[PROBABILITIES if classes else MAP]
            values = source.ReadAsArray(*window).reshape(-1, bottom - top, frame.width).astype(np.float64)
        valid = datasets[VALID].ReadAsArray(*window)
        composer.add(index, where, label, values, valid, item.part.order)
        reaching.append((index, where, window))
    label, values = composer.finish()
    if composite == "mean":  # a cell made of k inputs counts 1/k for each; read again, not kept
        for index, where, window in reaching:
            dataset = gdal.Open(placed[index].files[MAP])  # held: a band outlives no dataset
            first = dataset.GetRasterBand(1).ReadAsArray(*window)
            covered = _covered(first, None) if classes else _covered(None, first[None])
            shares[index] += float((covered / np.maximum(composer.count[where], 1)).sum())
    shares += composer.shares
    return label, values


def _provenance(request: MosaicRequest, first: dict, mosaic: Frame, placed: list[Placed],
                shares: np.ndarray) -> dict:
    """The first input's provenance without what is one input's, and every input's line."""
    total = max(float(shares.sum()), 1.0)
    inputs: list[dict] = [{"input": item.part.path, "name": item.part.name, "acquired": item.part.day,
               "acquisition_source": item.part.acquisition.source, "cells": round(float(share), 3),
               "share": round(float(share) / total, 6), "warped": item.warped or "no"}
              for item, share in zip(placed, shares)]
    metadata = {k: v for k, v in first.items() if k not in PER_INPUT_ITEMS}
    days = sorted(item.part.day for item in placed)
    metadata.update({
        "INPUT": f"a mosaic of {len(placed)} inputs", "ACQUISITION": f"{days[0]} to {days[-1]}",
        "MOSAIC_COMPOSITE": f"{request.composite}: {COMPOSITES[request.composite]}",
        "MOSAIC_CRS": _crs_name(mosaic.crs), "MOSAIC_INPUTS": json.dumps(inputs, ensure_ascii=False)})
    for number, entry in enumerate(inputs, 1):
        warped = "; warped onto the mosaic's grid" if entry["warped"] != "no" else ""
        metadata[f"MOSAIC_INPUT_{number:03d}"] = (f"{entry['name']}, acquired {entry['acquired']}: "
                                                   f"{100 * entry['share']:.2f} % of the map{warped}")
    return metadata


def _crs_name(wkt: str) -> str:
    srs = osr.SpatialReference(wkt=wkt)
    code = srs.GetAuthorityCode(None)
    return f"{srs.GetAuthorityName(None)}:{code}" if code else (srs.GetName() or "unnamed")


# --------------------------------------------------------------------------- the whole run
@dataclass
class MosaicResult:
    output: str | None  # None on the processes of torchrun that do not compose
    inputs: int
    made: int  # inputs mapped now (the others were in the work folder)
    metadata: dict
    class_names: list[str] = field(default_factory=list)  # the probe's; [] for embeddings
    colours: list = field(default_factory=list)  # the probe's (r, g, b) per class


def map_inputs(request: MosaicRequest, progress_for: Callable[[str], Progress] | None = None,
               progress: Progress | None = None) -> MosaicResult:
    """The whole run (module docstring), in one process or shared among torchrun's. Each input's
    mapping and the composing report to ``progress_for(name)``, or all to ``progress``."""
    from .distributed import DistributedContext, share_out

    progress_for = progress_for or (lambda _what: progress or NullProgress())
    parts = plan(request)
    context = DistributedContext(request.options.device)
    if context.world > 1:
        request = replace(request, options=replace(request.options, device=str(context.device)))
    work = WorkFolder(request.work_folder)
    mine = share_out([part.pixels for part in parts], context.world)[context.rank]
    made, failures = 0, []
    for index in mine:
        part = parts[index]
        try:
            made += map_part(request, part, work, progress_for(part.name))[1]
        except Cancelled:  # the user stopped the run: no other input is mapped
            raise
        except Exception as exc:  # one input's failure (or bug) must not lose the others' results
            log.warning("%s failed: %s", part.name, describe(exc))
            failures.append(f"{part.path}: {describe(exc)}")
    failures = [line for lines in context.gather(failures) for line in lines]
    made = sum(context.gather(made))
    context.close()
    if failures:
        raise UserError(f"{len(failures)} of {len(parts)} inputs failed, so no mosaic was written: "
                        f"{'; '.join(failures)}. The other inputs' maps are kept in {work.folder}: run the "
                        "same command again to redo only what is missing")
    if not context.main:
        return MosaicResult(None, len(parts), made, {})
    entries = [work.find(part.key) for part in parts]
    missing = [part.name for part, entry in zip(parts, entries) if entry is None]
    if missing:
        raise UserError(f"the maps of {', '.join(missing)} are gone from the work folder {work.folder} "
                        "(removed or damaged while the run went on); run the same command again")
    found = [entry for entry in entries if entry is not None]
    metadata = compose(request, parts, found, progress_for("mosaic"))
    log.info("wrote %s: %d inputs (%d mapped now, %d from the work folder %s), composite %s", request.output,
             len(parts), made, len(parts) - made, work.folder, request.composite)
    if not request.probe:
        return MosaicResult(request.output, len(parts), made, metadata)
    from .probe import LinearProbe

    probe = LinearProbe.load(request.probe)
    return MosaicResult(request.output, len(parts), made, metadata, probe.class_names, probe.colours)


def read_inputs_list(path: str | Path) -> list[tuple[str, Acquisition | None]]:
    """The inputs a list file names: one a line, a path (relative ones from the list's folder),
    optionally followed by its acquisition date (``PATH 2021-06-15``); empty lines and lines
    starting with # are skipped."""
    from .acquisition import parse_when

    listed = Path(path)
    try:
        text = listed.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"the list of inputs {listed} cannot be read ({describe(exc)}); give a text file "
                        "with one path a line") from None
    inputs: list[tuple[str, Acquisition | None]] = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        head, _, last = line.rpartition(" ")
        when = parse_when(last) if head.strip() and not (listed.parent / line).exists() else None
        name = head.strip() if when else line
        full = Path(name) if Path(name).is_absolute() else listed.parent / name
        inputs.append((str(full), Acquisition(when, f"the list of inputs, line {number}") if when else None))
    if not inputs:
        raise UserError(f"the list of inputs {listed} names no input; write one path a line")
    return inputs
