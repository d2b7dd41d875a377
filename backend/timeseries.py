"""Many dates of one place as one stack: a band per date, and the first date of change.

:func:`timeseries` puts every input (anything ``classify`` takes) on their common ground
(``backend.grids.overlap``, each date cut exactly by ``SceneOptions.window``, as ``change`` does),
orders them by acquisition date, and writes a float32 GeoTIFF of 120 m cells:

- **With a probe**: band k holds date k's classes (the probe's class numbers; NaN no class), and
  the last band the first date whose class differs from the first date's.
- **Without**: band k holds date k's change score against the first date (``backend.change``:
  the cosine distance of the token embeddings; band 1 is 0 where the first date has data), and
  the last band the first date whose score is above the threshold (``change.auto_threshold`` on
  all the later dates' scores together: Otsu's rule, never below the outlier floor; or the one
  given).

The "first date of change" band holds that date's band number (2, 3, …), 0 where no date
changed, NaN where the first date has no data. Each date's band description is its date, and its
band metadata ``ACQUISITION_DATE`` (ISO 8601) and ``ACQUISITION_SOURCE``; the dataset's metadata
lists them all (``DATES``), so a person, a script or QGIS's temporal controller (band per date)
can step through them.

**Resumable.** Each date's result is kept in a work folder (``backend.work_cache.WorkFolder``,
default ``<output>_work`` beside the output): the first date's embeddings and each later date's
scores, or each date's classes, keyed by the date's files, the model, the settings and the common
window. A run that was stopped, or is run again with one more date on the same common ground,
redoes only what is missing; a damaged entry is made again.
"""
from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from osgeo import gdal

from . import __version__, geo, grids, landsat
from .acquisition import Acquisition
from .change import (
    DEFAULT_CENTRING,
    auto_threshold,
    check_stride,
    cosine_distance,
    describe_rule,
    embed_window,
    field_means,
    given_threshold,
)
from .classes import CLASS_NODATA
from .embedding_field import GeoTiffField
from .errors import UserError
from .files import check_free_space, check_outputs, remove_stale_temporaries, same_file
from .map_writer import GeoTiffWriter, file_bytes, move_into_place
from .options import SceneOptions
from .progress import NullProgress, Progress
from .work_cache import WorkFolder, entry_key, file_identity

log = logging.getLogger(__name__)

FIRST_CHANGE_BAND = "first date of change (band number of that date; 0 none)"
ProgressFor = Callable[[str], Progress]


@dataclass
class TimeSeriesRequest:
    """The dates (``inputs``, each with its ``SceneOptions``, its own acquisition among them), the
    output, the model, and a probe (classes) or none (change scores against the first date);
    ``work``: the work folder (None: ``<output>_work``)."""

    inputs: list[str]
    options: list[SceneOptions]
    output: str
    checkpoint: str
    probe: str | None = None
    threshold: str | float = "auto"
    work: str | None = None
    precision: str = "auto"

    @property
    def work_folder(self) -> Path:
        return Path(self.work) if self.work else Path(self.output).with_name(Path(self.output).stem + "_work")


@dataclass
class TimeSeriesResult:
    output: str
    dates: list[str]
    grid: tuple[int, int]
    reused: int  # dates whose result was found in the work folder
    threshold: float | None
    first_change: dict[str, int] = field(default_factory=dict)  # date → cells that changed first then

    def summary(self) -> str:
        rows, cols = self.grid
        changed = sum(self.first_change.values())
        return (f"wrote {self.output}: {len(self.dates)} dates ({self.dates[0]} … {self.dates[-1]}) on "
                f"{cols} × {rows} cells, {self.reused} of them from the work folder; {changed:,} cells "
                "changed after the first date")


@dataclass
class _Date:
    source: str
    options: SceneOptions
    when: str  # ISO 8601
    how: str  # where the date was found
    files: list = field(default_factory=list)  # what it is read from (bands, QA_PIXEL, MTL)


def _dates(request: TimeSeriesRequest) -> list[_Date]:
    """The inputs with their dates, oldest first; refused when a date is unknown or two inputs
    are of one day (the stack's bands are named by day)."""
    dated = []
    for source, options in zip(request.inputs, request.options):
        acquisition = options.acquisition or Acquisition(None, "none")
        if acquisition.when is None:
            raise UserError(f"the acquisition date of {source} is unknown ({acquisition.source}); a time "
                            "series orders its dates and names its bands by them: give the products as "
                            "downloaded, or rasters whose names or tags carry their dates")
        dated.append(_Date(source, options, acquisition.when.isoformat(), acquisition.source))
    dated.sort(key=lambda d: d.when)
    for first, second in zip(dated, dated[1:]):
        day = first.when[:10]
        if day == second.when[:10]:
            which = (f"{first.source} is given twice ({day})" if same_file(first.source, second.source)
                     else f"{first.source} and {second.source} are both of {day}")
            raise UserError(f"{which}: a stack holds one band per date; give each date once")
    return dated


@geo.with_gdal_exceptions
def timeseries(request: TimeSeriesRequest, progress: Progress | None = None,
               progress_for: ProgressFor | None = None) -> TimeSeriesResult:
    """The stack of ``request``'s dates (module docstring)."""
    from .scene import open_scene

    if len(request.inputs) < 2:
        raise UserError("a time series needs at least two dates; for one, use classify")
    check_stride(request.options)
    threshold = given_threshold(request.threshold)
    request = dataclasses.replace(request, threshold="auto" if threshold is None else threshold)
    if progress_for is None:
        one = progress or NullProgress()
        progress_for = lambda label: one  # noqa: E731 - each pass sets its own total
    dates = _dates(request)
    scenes = [open_scene(d.source, d.options) for d in dates]
    _check_paths(request, scenes)
    frames = [grids.Frame.of(scene.dataset, f"{d.when[:10]} ({scene.name})")
              for d, scene in zip(dates, scenes)]
    common, windows = grids.overlap(frames, min_px=landsat.PATCH_SIZE_PX)
    log.info(f"{len(dates)} dates from {dates[0].when[:10]} to {dates[-1].when[:10]}, cut to their common "
             f"{common.width} × {common.height} px")
    _check_space(request, common, len(dates))
    for d, w, scene in zip(dates, windows, scenes):
        d.options = dataclasses.replace(d.options, window=(w.x0, w.y0, w.width, w.height), resolution="token")
        d.files = scene.files
    fresh = not os.path.lexists(request.work_folder)
    work = WorkFolder(request.work_folder)
    try:
        return _stack(request, dates, common, work, progress_for)
    except BaseException:
        if fresh:  # made by this run and still empty: no litter. Entries made are kept for the next run.
            with contextlib.suppress(OSError):
                work.folder.rmdir()
        raise


def _stack(request: TimeSeriesRequest, dates: list[_Date], common: grids.Frame, work: WorkFolder,
           progress_for: ProgressFor) -> TimeSeriesResult:
    """Each date's result (found in ``work`` or made there), the first date of change, the stack."""
    from .checksums import file_sha256

    shared = {"model_sha256": file_sha256(Path(request.checkpoint)), "precision": request.precision,
              "probe_sha256": file_sha256(Path(request.probe)) if request.probe else None}
    made = _Entries(work, shared, request, progress_for)
    layers = made.classes(dates) if request.probe else made.scores(dates)
    first, threshold = _first_change(layers, request)
    output = _write(request, dates, [*layers, first], common, threshold)
    changed_at = {dates[k].when[:10]: int((first == k + 1).sum()) for k in range(1, len(dates))}
    log.info("first date of change: " + ", ".join(f"{when} {n:,} cells" for when, n in changed_at.items()))
    log.info(f"the work folder {work.folder} keeps each date's result for the next run; delete it when done")
    return TimeSeriesResult(output=output, dates=[d.when[:10] for d in dates],
                            grid=(first.shape[0], first.shape[1]), reused=made.reused, threshold=threshold,
                            first_change=changed_at)


def _check_paths(request: TimeSeriesRequest, scenes: list) -> None:
    inputs = [("the model", request.checkpoint), ("the probe", request.probe)]
    for scene in scenes:
        inputs += [(f"a file of {scene.name}", f) for f in scene.files if not str(f).startswith("/vsi")]
    check_outputs([("the time-series stack", request.output, (".tif", ".tiff"))], inputs)
    if same_file(request.work_folder, request.output):
        raise UserError(f"the work folder {request.work_folder} is also the time-series stack: give --work "
                        "another folder, or leave it out (default: OUT_work beside the stack)")
    remove_stale_temporaries(request.output)


def _check_space(request: TimeSeriesRequest, common: grids.Frame, n_dates: int) -> None:
    """Refuse before any date is encoded when the stack (a float32 band per date and one more, of
    120 m cells) cannot fit beside the output: hundreds of dates of a scene are gigabytes."""
    side = landsat.TOKEN_PATCH_PX
    needed = file_bytes(n_dates + 1, -(-common.width // side), -(-common.height // side), gdal.GDT_Float32)
    check_free_space([(Path(request.output).absolute().parent, needed, "the time-series stack")])


class _Entries:
    """Each date's result, found in the work folder or made and kept there."""

    def __init__(self, work: WorkFolder, shared: dict, request: TimeSeriesRequest, progress_for: ProgressFor):
        self.work, self.shared, self.request, self.progress_for = work, shared, request, progress_for
        self.reused = 0

    def parts(self, what: str, d: _Date, **more) -> dict:
        options = {f.name: getattr(d.options, f.name) for f in dataclasses.fields(d.options)
                   if f.name not in ("acquisition", "device", "batch_size")}
        return {"what": what, "files": file_identity(d.files), "when": d.when, "options": options,
                **self.shared, **more}

    def entry(self, parts: dict, build: Callable[[Path], None], label: str) -> Path:
        key = entry_key(parts)
        if self.work.find(key) is not None:
            self.reused += 1
            log.info(f"{label}: found in the work folder ({key[:12]}…)")
        return self.work.make(key, parts, build)

    def classes(self, dates: list[_Date]) -> list[np.ndarray]:
        from .raster import ClassifyRequest, classify_raster

        layers = []
        for d in dates:
            def build(folder: Path, d: _Date = d) -> None:
                classify_raster(ClassifyRequest(input=d.source, output=str(folder / "classes.tif"),
                                                checkpoint=self.request.checkpoint, probe=self.request.probe,
                                                options=d.options, precision=self.request.precision),
                                self.progress_for(f"classifying {d.when[:10]}"))
            entry = self.entry(self.parts("classes", d), build, f"classes of {d.when[:10]}")
            codes = _read(entry / "classes.tif").astype(np.float32)
            layers.append(np.where(codes == CLASS_NODATA, np.nan, codes).astype(np.float32))
        return layers

    def scores(self, dates: list[_Date]) -> list[np.ndarray]:
        first = dates[0]
        first_parts = self.parts("embeddings", first)

        def embed_first(folder: Path) -> None:
            embed_window(first.source, first.options, folder / "embeddings.tif", self.request.checkpoint,
                         self.request.precision, self.progress_for(f"embedding {first.when[:10]}")).close()
        base = GeoTiffField(self.entry(first_parts, embed_first, f"embeddings of {first.when[:10]}")
                            / "embeddings.tif")
        rows, cols = base.rows, base.cols
        layers = [np.where(np.isfinite(base.read_window(0, rows, 0, cols)).all(axis=2), 0.0, np.nan)
                  .astype(np.float32)]
        for d in dates[1:]:
            def build(folder: Path, d: _Date = d) -> None:
                later = embed_window(d.source, d.options, folder / "embeddings.tif", self.request.checkpoint,
                                     self.request.precision, self.progress_for(f"embedding {d.when[:10]}"))
                np.save(folder / "scores.npy", _scores(base, later))
                later.close()
                (folder / "embeddings.tif").unlink()
                Path(f"{folder / 'embeddings.tif'}.aux.xml").unlink(missing_ok=True)
            parts = self.parts("scores", d, against=first_parts)
            # Mapped, not read: hundreds of dates of a whole scene do not fit in memory at once.
            layers.append(np.load(self.entry(parts, build, f"scores of {d.when[:10]}") / "scores.npy",
                                  mmap_mode="r"))
        base.close()
        return layers


def _scores(base: GeoTiffField, later: GeoTiffField) -> np.ndarray:
    """(rows, cols) float32 change scores of ``later`` against ``base`` (``backend.change``)."""
    if (later.rows, later.cols) != (base.rows, base.cols):
        raise UserError("the dates' cells differ; run again with a new work folder")
    mean_a, mean_b, _ = field_means([base, later])
    if DEFAULT_CENTRING == "none":
        mean_a = mean_b = np.zeros_like(mean_a)
    return cosine_distance(base.read_window(0, base.rows, 0, base.cols),
                           later.read_window(0, later.rows, 0, later.cols), mean_a, mean_b)


def _first_change(layers: list[np.ndarray], request: TimeSeriesRequest) -> tuple[np.ndarray, float | None]:
    """(rows, cols) float32: the band number of the first date that changed, 0 none, NaN where the
    first date has no data; and the threshold used (None for classes). One date is looked at a
    time: hundreds of dates of a whole scene are gigabytes, never stacked."""
    base = layers[0]
    threshold = None
    if not request.probe:
        auto = request.threshold == "auto"
        if auto:
            threshold, which = auto_threshold(layers[1:])
            rule = describe_rule(which) + ", on every later date's scores"
        else:
            threshold, rule = float(request.threshold), "as given"
        log.info(f"threshold {threshold:.4f} ({rule})")
    first = np.zeros(base.shape, np.float32)
    for k in range(len(layers) - 1, 0, -1):  # backwards: the earliest date is written last
        layer = layers[k]
        if threshold is None:
            changed = (layer != base) & np.isfinite(layer)
        else:
            with np.errstate(invalid="ignore"):
                changed = layer > threshold  # NaN is no change
        first[changed] = k + 1
    first[~np.isfinite(base)] = np.nan
    return first, threshold


def _read(path: Path) -> np.ndarray:
    dataset = gdal.Open(str(path))
    return dataset.GetRasterBand(1).ReadAsArray()


def _write(request: TimeSeriesRequest, dates: list[_Date], layers: list[np.ndarray], common: grids.Frame,
           threshold: float | None) -> str:
    """The stack, written and checked at a temporary name, its bands' dates set, moved into place."""
    rows, cols = layers[0].shape
    t, side = common.transform, landsat.TOKEN_PATCH_PX
    transform = (t[0], t[1] * side, 0.0, t[3], 0.0, t[5] * side)
    kind = "classes" if request.probe else f"change score against {dates[0].when[:10]}"
    descriptions = [f"{d.when[:10]} ({kind})" for d in dates] + [FIRST_CHANGE_BAND]
    metadata = {"MOEMAE_QGIS_VERSION": __version__, "DATES": " ".join(d.when for d in dates),
                "VALUES": "classes of the probe" if request.probe else "change score (cosine distance)",
                "PROBE": Path(request.probe).name if request.probe else "none",
                "MODEL": Path(request.checkpoint).name,
                "THRESHOLD": "none (a class that differs)" if threshold is None else f"{threshold:.6f}"}
    writer = GeoTiffWriter(Path(request.output), size=(cols, rows), bands=len(layers),
                           data_type=gdal.GDT_Float32, transform=transform, crs=common.crs,
                           nodata=float("nan"), descriptions=descriptions, metadata=metadata)
    try:
        writer.write_rows(0, layers)
        tmp = writer.close()
    except BaseException:
        writer.abort()
        raise
    try:
        stack = gdal.Open(str(tmp), gdal.GA_Update)
        for k, d in enumerate(dates):
            stack.GetRasterBand(k + 1).SetMetadata({"ACQUISITION_DATE": d.when, "ACQUISITION_SOURCE": d.how})
        stack = None
        move_into_place(tmp, Path(request.output))
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return request.output
