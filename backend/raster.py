"""The one inference core: a Landsat raster → tiles → encoder → probe → land-cover GeoTIFF.

The QGIS algorithms, the dialog (through them) and the CLI all call :func:`classify_raster` or
:func:`embed_raster`, which run these named steps:

1. ``backend.scene.open_scene``: the input, where SR_B1…SR_B7 are, its QA_PIXEL, its grid;
2. :func:`check_paths`: no output is an input, every output can be written and fits on disk;
3. ``backend.tiling.plan_grid``: the tiles every ``stride`` px and the output cells;
4. ``backend.tiling.tile_batches``: the tiles, read a strip at a time, their unused pixels
   handled (``backend.scene``), read ahead by a thread on a GPU;
5. ``backend.tiling.tile_metadata`` and the encoder, the probe, then the cells'
   ``backend.tiling.Accumulator``; the cells are one stride, or one 4 × 4 px token
   (``backend.catalogue.token_cells``, :func:`token_logits`), or one pixel: the token cells
   refined by each pixel's reflectance as they are final (``backend.pixel_map``);
6. :class:`MapOutputs`: GeoTIFFs written at temporary names, a block of rows at a time as the
   rows are final (memory stays flat in the scene's size), read back and checked (the class
   names in their .aux.xml sidecar too), then renamed into place. A failed or cancelled run
   leaves nothing behind and never replaces a good earlier output.

Its imports are at the top but for torch and the modules that import it there (checkpoint,
runtime): the QGIS plugin imports this module while it loads, before it knows whether PyTorch is
installed.
"""
from __future__ import annotations

import dataclasses
import logging
from collections.abc import Generator
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

import numpy as np
from osgeo import gdal

from . import __version__, geo, landsat, pixel_quality
from .catalogue import (
    check_probe_belongs,
    demonstration_warnings,
    is_demonstration_model,
    model_verification,
    token_cells,
)
from .classes import CLASS_NODATA
from .device import describe_device, resolve_device
from .embed import RASTER_POOLINGS, embed_tile_tokens, embed_tiles
from .errors import UserError
from .files import check_free_space, check_outputs, remove_stale_temporaries
from .map_writer import GeoTiffWriter, file_bytes, move_into_place
from .memory import available_memory_bytes
from .model_cache import InBackground
from .options import EMBEDDING_RESOLUTION_DEFAULT, MAP_RESOLUTION_DEFAULT, SceneOptions
from .pixel_map import PixelRefiner
from .probe import LinearProbe, feature_mismatch
from .progress import LockedProgress, NullProgress, Progress, StageClock
from .scene import Scene, open_scene
from .tiling import (
    CPU_MAX_BATCH,
    MAX_FILL_SHARE,
    Accumulator,
    Batch,
    Grid,
    TileCounts,
    plan_grid,
    read_ahead,
    scene_reading,
    tile_batches,
    tile_metadata,
)

if TYPE_CHECKING:
    import torch

    from .model import MoEMAE

log = logging.getLogger(__name__)

TIFF_SUFFIXES = (".tif", ".tiff")


@dataclass
class ClassifyRequest:
    """Everything one classification needs: the files, and how the scene is read
    (``backend.options.SceneOptions``). ``probe`` None: write embeddings (D float32 bands) instead of
    classes, pooled as ``pooling`` (``normed``: L2-normalised); a probe states its own."""

    input: str
    output: str
    checkpoint: str
    probe: str | None
    options: SceneOptions = field(default_factory=SceneOptions)
    precision: str = "auto"
    probabilities: str | None = None
    pooling: str = "mean"
    normed: bool = False


@dataclass
class ClassifyResult:
    """What a run made and what became of the tiles, built once the outputs are in place."""

    output: str
    class_names: list[str]  # the probe's; [] for embeddings
    colours: list  # the probe's (r, g, b) per class; [] for embeddings
    counts: dict[str, int]  # class name → cells
    tiles: int
    tiles_without_prediction: int  # more than half unused (fill, no data, masked): no prediction
    tiles_patched: int  # kept, with some unused pixels filled
    skipped_by: dict[str, int]  # reason → tiles without prediction
    grid: tuple[int, int]  # (rows, cols) of the output
    batch_size: int
    warnings: list[str]
    seconds: dict[str, float]  # stage → wall seconds (backend.progress.StageClock)

    def summary(self) -> str:
        """One line for the log: the output, its grid, and what became of the tiles."""
        reasons = ", ".join(f"{n} mostly {why}" for why, n in self.skipped_by.items())
        why = f" ({reasons})" if reasons else ""
        text = (f"wrote {self.output} ({self.grid[1]} × {self.grid[0]} cells); "
                f"{self.tiles_without_prediction} of {self.tiles} tiles were more than half fill, no data or "
                f"masked{why}: no prediction")
        if self.tiles_patched:
            text += (f"; {self.tiles_patched} more had some such pixels, given their tile's mean before "
                     "encoding")
        return text


@dataclass(frozen=True)
class Run:
    """What a run works out once, before its first tile: the scene, the model and probe on their
    device, the grid, and how the tiles are encoded (``when``: the date encoded, None for missing;
    ``values_per_cell``: the probe's classes, or the embedding's D)."""

    request: ClassifyRequest
    scene: Scene
    model: MoEMAE
    probe: LinearProbe | None
    device: torch.device
    grid: Grid
    batch_size: int
    use_metadata: bool
    when: date | datetime | None
    pooling: str
    normed: bool
    values_per_cell: int


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

    if request.pooling not in RASTER_POOLINGS:
        raise UserError(f"an embedding raster needs one vector per tile: pooling mean, cls or patch-mean, "
                        f"not {request.pooling!r}")
    with scene_reading():  # from before the writers hold blocks until they are read back
        return _map_raster(dataclasses.replace(request, probe=None), progress)


def load_model_and_probe(request: ClassifyRequest, device: torch.device) -> tuple[MoEMAE, LinearProbe | None]:
    """The model and (for a classification) its probe, refused when they do not belong together."""
    from .checkpoint import model_fingerprint  # torch at its top: see module docstring
    from .model_cache import shared_model

    model = shared_model(request.checkpoint, device)  # loaded once per process while the file is unchanged
    if not request.probe:
        return model, None
    probe, name = LinearProbe.load(request.probe), Path(request.probe).name
    expected = probe.model.get("fingerprint")
    mismatch = feature_mismatch(probe, model.config.dim, name, Path(request.checkpoint).name)
    if mismatch:
        raise UserError(mismatch)
    check_probe_belongs(probe, name, request.checkpoint, model)
    if expected and expected != model_fingerprint(model):
        raise UserError(f"the probe {name} was fitted on another model "
                        f"({probe.model.get('checkpoint', 'unknown')}), not on "
                        f"{Path(request.checkpoint).name}; pick the probe fitted on this model (or fit one "
                        "with moemae:trainprobe)")
    return model, probe


def check_paths(request: ClassifyRequest, scene: Scene, what: str) -> None:
    """No output may be an input or another output; each must be a .tif in a writable folder.
    Temporary files that killed runs left beside the outputs are cleared."""
    acquisition = request.options.acquisition
    inputs = [("the input raster", f) for f in scene.files] + [
        ("the model", request.checkpoint), ("the probe", request.probe)]
    if acquisition is not None and acquisition.path:
        inputs.append(("the MTL file", acquisition.path))
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


def effective_batch_size(requested: int, device: torch.device) -> int:
    """Tiles per encoder call: ``requested``, lowered to what helps on this device and fits in its
    memory (said in the log when lowered)."""

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
                        f"(0-{landsat.DN_MAX}), so values outside that range are treated as no data")
    if scene.qa is None and scene.product_id:
        warnings.append(f"the product {scene.product_id} has no QA_PIXEL file: clouds and their shadows are "
                        "not masked and get land-cover classes; download the product with its QA_PIXEL band")
    elif scene.qa is None:
        warnings.append("no QA_PIXEL: clouds and their shadows are not masked and get land-cover classes; "
                        "give the Landsat product (its MTL file, folder or .tar) or its QA_PIXEL file")
    return warnings


def describe_input(scene: Scene, grid: Grid, device: torch.device) -> str:
    """The log's line about what is about to be encoded."""

    scale = "surface reflectance, converted to digital numbers" if scene.scale == "reflectance" else \
        "digital numbers"
    qa = f"; {scene.qa.description} masks {', '.join(scene.mask) or 'nothing'}" if scene.qa else ""
    return (f"{scene.name}: {scene.width} × {scene.height} px, bands {scene.bands.numbers} as "
            f"{', '.join(landsat.BANDS)} ({scene.bands.how}), {scale}{qa}; {grid.tiles} tiles at stride "
            f"{grid.stride} px → {grid.output_shape[1]} × {grid.output_shape[0]} cells of {grid.cell_px} px "
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
        warnings.append(f"{counts.out_of_range} tile(s) held values outside 0-{landsat.DN_MAX} once read as "
                        "digital numbers; those pixels were treated as no data")
        log.warning(warnings[-1])
    return {names[code - 1]: n for code, n in counts.skipped_by.most_common()}


def masked_share(counts: TileCounts) -> float:
    """Share of the scene's pixels that QA_PIXEL masked (fill included, "no data" not)."""
    masked = sum(n for code, n in counts.pixels_by.items() if 0 < code < pixel_quality.NO_DATA_CODE)
    return masked / max(counts.pixels, 1)


@geo.with_gdal_exceptions
def _map_raster(request: ClassifyRequest, progress: Progress | None) -> ClassifyResult:
    clock = StageClock()
    run = open_run(request, clock)
    warnings = demonstration_warnings(run.model) + metadata_warnings(run.scene, run.when, run.use_metadata)
    for line in warnings:
        log.warning(line)
    progress = progress or NullProgress()
    progress.total = run.grid.tiles  # known only now
    log.info(describe_input(run.scene, run.grid, run.device))
    outputs = MapOutputs(run)
    try:
        counts = encode_scene(run, progress, outputs, clock)
        skipped_by = report_unused(run.scene, counts, warnings)
        if not outputs.covered:
            raise UserError(f"{run.scene.name} holds no usable tile: every 40 × 40 tile is more than half "
                            "fill, no data (0, the bands' nodata value, values that are no digital numbers) "
                            "or masked by QA_PIXEL; is it the right raster, or is it all cloud?")
        with clock("finishing the outputs"):
            outputs.finish(provenance(run, counts))
    finally:
        outputs.abort()  # nothing when finished; else no temporary file stays
    log.info(f"time: {clock.describe()}")
    probe, grid = run.probe, run.grid
    return ClassifyResult(output=str(request.output), class_names=probe.class_names if probe else [],
                          colours=probe.colours if probe else [], counts=outputs.class_counts(),
                          tiles=grid.tiles, tiles_without_prediction=counts.skipped,
                          tiles_patched=counts.patched, skipped_by=skipped_by, grid=grid.output_shape,
                          batch_size=run.batch_size, warnings=warnings, seconds=clock.seconds)


def open_run(request: ClassifyRequest, clock: StageClock) -> Run:
    """Steps 1-3 and what they decide, each worked out once: the scene opened, the paths checked,
    the model and probe loaded, the grid planned (its cells tokens or strides) and the outputs'
    room on disk checked."""
    options = request.options
    with clock("opening the scene and the model"):
        # For a GPU, CUDA's start and the model's copy overlap opening the scene; errors still
        # come after the scene's and the paths'. Not on a CPU: there the loader is Python work
        # that held the GIL against the scene's GDAL calls (0.2-0.6 s slower on 2 busy cores).
        loading = None if _on_cpu(options.device) else InBackground(lambda: _device_model_and_probe(request))
        scene = open_scene(request.input, options)
        check_paths(request, scene, "the land-cover map" if request.probe else "the embedding raster")
        device, (model, probe) = loading.result() if loading else _device_model_and_probe(request)
    values = len(probe.class_names) if probe else model.config.dim
    pooling, normed = (probe.pooling, probe.normed) if probe else (request.pooling, request.normed)
    if probe is None or not request.probe:
        resolution = options.resolution_or(EMBEDDING_RESOLUTION_DEFAULT)
        refuse_pixel_embeddings(resolution, values)
        token = token_cells(resolution, pooling, options.stride)
    else:
        resolution = options.resolution_or(MAP_RESOLUTION_DEFAULT)
        token = token_cells(resolution, pooling, options.stride, Path(request.probe).name)
    grid = plan_grid(scene, options.stride, values, token=token, pixel=resolution == "pixel")
    _check_space(request, grid, values)
    batch_size = effective_batch_size(options.batch_size, device)
    use_metadata = options.use_metadata and (probe.use_metadata if probe else True)
    when = options.acquisition.when if use_metadata and options.acquisition else None
    return Run(request=request, scene=scene, model=model, probe=probe, device=device, grid=grid,
               batch_size=batch_size, use_metadata=use_metadata, when=when, pooling=pooling, normed=normed,
               values_per_cell=values)


def refuse_pixel_embeddings(resolution: str, dim: int) -> None:
    """An embedding raster has no 30 m form: D float32 values per pixel (34 GB for a whole scene
    at D 144) that would only repeat its tokens'."""
    if resolution == "pixel":
        raise UserError(f"RESOLUTION pixel is for maps of classes: an embedding raster at 30 m would hold "
                        f"{dim} float32 values per pixel (about {dim * 4 * 7700 * 7800 / 1e9:.0f} GB for a "
                        "whole scene); use RESOLUTION token (120 m) or tile")


def _on_cpu(device_name: str) -> bool:
    """Whether ``device_name`` resolves to the CPU here (False when it does not resolve: the
    loader then says why, after the scene)."""
    try:
        return resolve_device(device_name).type == "cpu"
    except UserError:
        return False


def _device_model_and_probe(request: ClassifyRequest
                            ) -> tuple[torch.device, tuple[MoEMAE, LinearProbe | None]]:
    device = resolve_device(request.options.device)
    return device, load_model_and_probe(request, device)


def provenance(run: Run, counts: TileCounts) -> dict:
    """What made an output, as GDAL metadata items (``gdalinfo`` shows them)."""
    from .checkpoint import model_fingerprint
    from .runtime import resolve_precision

    request, scene, grid, when = run.request, run.scene, run.grid, run.when
    acquisition = request.options.acquisition
    source = acquisition.source if when and acquisition else ""
    return {
        "MOEMAE_QGIS_VERSION": __version__,
        "MODEL": Path(request.checkpoint).name, "MODEL_FINGERPRINT": model_fingerprint(run.model),
        "MODEL_IS_DEMONSTRATION": "yes" if is_demonstration_model(run.model) else "no",
        "MODEL_VERIFIED": model_verification(request.checkpoint),
        "PROBE": Path(request.probe).name if request.probe else "none: embeddings",
        "PRECISION": str(resolve_precision(run.device, request.precision)).replace("torch.", ""),
        "DEVICE": str(run.device), "STRIDE_PX": str(grid.stride),
        "RESOLUTION": grid.resolution, "CELL_PX": str(grid.cell_px),
        "INPUT": scene.name, "INPUT_SCALE": scene.scale,
        "ACQUISITION": when.isoformat() if when else "unknown (encoded as missing)",
        "ACQUISITION_SOURCE": source or ("given" if when else "none"),
        "METADATA_TOKENS": "date and position" if run.use_metadata else "none (encoded as missing)",
        # GDAL keeps no empty item: every value must say something.
        "QA_PIXEL_MASK": (", ".join(scene.mask) or "none") if scene.qa else "none: no QA_PIXEL",
        "MASKED_SHARE": f"{masked_share(counts):.4f}",
        "TILES": str(grid.tiles), "TILES_WITHOUT_PREDICTION": str(counts.skipped),
    }


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


# --------------------------------------------------------------------------- encoding

def encode_scene(run: Run, progress: Progress, outputs: MapOutputs, clock: StageClock) -> TileCounts:
    """Steps 4 and 5: every usable tile through the encoder (and the probe, when there is one),
    its values added to the cells it covers; rows of cells go to ``outputs`` as they are final.
    ``clock`` gets the time of each step."""
    import torch

    scene, grid = run.scene, run.grid
    counts, accumulator = TileCounts(), Accumulator(grid, run.values_per_cell)
    refiner = pixel_refiner(run, outputs) if grid.pixel else None
    write = refiner.add if refiner else outputs.write
    batches: Generator[Batch, None, None]
    if run.device.type == "cpu":  # the encoder's threads use every core
        batches = tile_batches(scene, grid, run.batch_size, progress, counts)
    else:
        progress = LockedProgress(progress)
        batches = read_ahead(tile_batches(scene, grid, run.batch_size, progress, counts))
    with scene_reading(), torch.inference_mode(), closing(batches):  # closing: no reader thread left
        while True:
            with clock("reading and masking"):
                batch = next(batches, None)
            if batch is None:
                break
            origins, pixels, unused = batch
            progress.check()
            with clock("encoder and probe"):
                meta = tile_metadata(scene, origins, run.when, run.use_metadata)
                if grid.token:
                    values, usable = token_logits(run, pixels, meta, unused)
                else:
                    values, usable = tile_values(run, pixels, meta), None
            with clock("map cells and writing"):
                accumulator.add_values(origins, values, usable)
                for piece in accumulator.take_final(origins[-1][1]):
                    write(*piece)
            progress.update(len(origins))
    with clock("map cells and writing"):
        for piece in accumulator.take_final(None):  # rows after the last usable tile: maybe most of them
            progress.check()
            write(*piece)
        if refiner:
            refiner.finish()
    progress.close()
    return counts


def pixel_refiner(run: Run, outputs: MapOutputs) -> PixelRefiner:
    """The 30 m stage between the token cells and ``outputs`` (``backend.pixel_map``). It reads
    the scene through a handle of its own: on a GPU the tiles are read by another thread, and a
    GDAL dataset serves one thread at a time."""
    scene = open_scene(run.request.input, run.request.options)
    return PixelRefiner(scene, run.values_per_cell, run.grid.cols, run.model.normalization, outputs.write)


def tile_values(run: Run, pixels: np.ndarray, meta: np.ndarray | None) -> np.ndarray:
    """(B, values) per tile: the probe's class probabilities, or the pooled embedding."""
    features = embed_tiles(run.model, pixels, meta, pooling=run.pooling, normed=run.normed,
                           precision=run.request.precision)
    return (run.probe.predict_proba(features) if run.probe else features).astype(np.float32)


def token_logits(run: Run, pixels: np.ndarray, meta: np.ndarray | None,
                 unused: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """((B, C, 10, 10) logits of each token's share of its tile's feature, or without a probe
    (B, D, 10, 10) the shares themselves; (B, 10, 10) True for tokens whose 4 × 4 px are at most
    half unused). The tokens' values average to the tile's (``backend.embed.token_features``):
    overlapping tiles average them, as a map cell's value."""
    side = landsat.PATCH_SIZE_PX // landsat.TOKEN_PATCH_PX
    # (B, 100, D), left on the device
    features = embed_tile_tokens(run.model, pixels, meta, pooling=run.pooling, normed=run.normed,
                                 precision=run.request.precision, on_device=True)
    batch = len(features)
    flat = features.reshape(batch * side * side, -1)
    # The probe runs where the tokens are: a GPU copies back C values per token, not D.
    logits = cast("torch.Tensor", run.probe.logits(flat) if run.probe else flat)
    logits = logits.reshape(batch, side, side, -1)
    px = landsat.TOKEN_PATCH_PX
    share = unused.reshape(batch, side, px, side, px).mean(axis=(2, 4))
    return logits.permute(0, 3, 1, 2).float().cpu().numpy(), share <= MAX_FILL_SHARE


# --------------------------------------------------------------------------- writing

class MapOutputs:
    """The run's GeoTIFFs (the class map and the probabilities, or the embeddings), written by
    rows as they are final (``backend.map_writer``), checked, and renamed into place together."""

    def __init__(self, run: Run):
        request, grid, probe, n_values = run.request, run.grid, run.probe, run.values_per_cell
        self.probe, self.token, self.covered = probe, grid.token, 0
        self.counted = np.zeros(n_values, np.int64)
        common = dict(size=grid.output_shape[::-1], transform=grid.output_transform(run.scene.transform),
                      crs=run.scene.crs)
        floats = dict(data_type=gdal.GDT_Float32, nodata=float("nan"), **common)
        self.writers: list[tuple[str, GeoTiffWriter, Path]] = []  # (kind, writer, final path)
        if probe is None:
            how = run.pooling + (", per 4 × 4 px token" if grid.token else "")
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

    def write(self, row0: int, mean: np.ndarray, hits: np.ndarray, refined: np.ndarray | None = None) -> None:
        """Rows from ``row0`` of the cells' mean values (values, n, cols) and hits (n, cols);
        ``refined``: (n, cols) their classes, where they are not the most likely of ``mean``
        (``backend.pixel_map``)."""
        if not hits.size:
            return
        covered = hits > 0
        self.covered += int(covered.sum())
        for kind, writer, _ in self.writers:
            if kind == "classes":
                best = mean.argmax(axis=0) if refined is None else refined
                classes = np.where(covered, best, CLASS_NODATA).astype(np.uint8)
                self.counted += np.bincount(classes[covered], minlength=len(self.counted))
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
        assert self.probe is not None  # only a map of classes has probabilities
        flat = logits.reshape(len(logits), -1).T.astype(np.float64)
        return self.probe.probabilities(flat).T.reshape(logits.shape)

    def finish(self, provenance: dict) -> None:
        """Record what made the outputs (``provenance``: GDAL metadata items), close and check them
        all, then rename them into place."""
        written = []
        for _, writer, _ in self.writers:
            writer.set_metadata(provenance)
        for _, writer, final in self.writers:
            written.append((writer.close(), final))
        for tmp, final in written:
            move_into_place(tmp, final)
        self.writers = []

    def class_counts(self) -> dict[str, int]:
        """Class name → cells painted with it (the classes no cell has left out); {} for embeddings."""
        if self.probe is None:
            return {}
        names = self.probe.class_names
        return {names[k]: int(n) for k, n in enumerate(self.counted) if n}

    def abort(self) -> None:
        """Remove what was written (nothing once :meth:`finish` succeeded)."""
        for _, writer, _ in self.writers:
            writer.abort()
        self.writers = []
