"""What changed between two dates of one place: a change score per 120 m cell, a changed mask, and
from → to transitions with their areas.

The steps (:func:`change_map`):

1. **One grid.** Both inputs (anything ``classify`` takes) are opened and put on one grid by
   ``backend.grids.overlap``: two products of one path/row share the Landsat 30 m lattice but
   start a few pixels apart, so each is cut to the common ground by a whole-pixel window
   (``SceneOptions.window``). Different CRSs, or grids without shared pixel edges, are refused
   with the way to align them. The cut is exact, so the 40 × 40 px tiles and 4 × 4 px tokens of
   both dates cover the same ground pixel for pixel, whatever the offset.
2. **Embeddings.** Each date goes through the one inference core (``backend.raster.embed_raster``)
   with its own acquisition metadata (date, time of day, each tile's latitude and longitude): a
   D-vector per 4 × 4 px token (120 m), the tokens' shares of the tiles' mean embedding,
   averaged over the tiles that hold them.
3. **Score.** Band 1 is the cosine distance of the two dates' vectors of a cell, ``1 − cos(a, b)``,
   0 (the same direction) to 2 (opposite). The cosine compares what kind of ground a cell is, not
   how long its vector is, and is how the encoder's features are compared elsewhere (similarity,
   probes on normed features). Centring the vectors first (on each date's mean, or on both dates'
   mean: ``centring``) was measured as a correction for season and the week the encoder is told,
   and did not help: ``docs/benchmarks.md`` (issue 23) shows the figures, so the plain cosine is
   the default (:data:`DEFAULT_CENTRING`).
4. **Nodata.** A cell without a vector on either date (more than half of its pixels fill, no data
   or masked by QA_PIXEL, or in a tile too masked to encode) is NaN, and the log says how many
   cells on which date and why (the most common reason among their pixels).
5. **Threshold.** ``threshold`` "auto" (:func:`auto_threshold`) is Otsu's rule on the scores
   (the cut that best splits their histogram into two groups: the most between-group variance),
   but never below the outlier floor, the scores' median + 3 robust standard deviations
   (1.4826 × their median absolute deviation): Otsu's rule splits any histogram, one of a single
   hump too, and where nothing changed it would flag half the cells; the floor keeps "changed"
   for cells that stand out from the scene's typical score. Or a number. It adds a band, 1
   changed, 0 unchanged, and the log states the threshold and which rule set it.
6. **From → to.** With a probe, each date is also classified on the same cells, a band holds
   ``from × 100 + to`` (class numbers as in the probe's map, from 0) and a table of the areas of
   each transition in hectares is written as CSV and HTML.

Outputs are written at temporary names and moved into place at the end (``map_writer``); a
failed run leaves none of them, and the embeddings it made are removed with its work folder.
"""
from __future__ import annotations

import csv
import dataclasses
import io
import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import numpy as np
from osgeo import gdal

from . import __version__, geo, grids, landsat, pixel_quality
from .class_raster import M2_PER_HA
from .classes import CLASS_NODATA
from .embedding_field import GeoTiffField, restart
from .errors import UserError
from .files import check_outputs, remove_stale_temporaries, temporary_name, write_atomically
from .map_writer import GeoTiffWriter, move_into_place
from .options import SceneOptions
from .progress import NullProgress, Progress

log = logging.getLogger(__name__)

#: How each date's vectors are centred before the cosine: ``none`` not at all, ``each`` on its own
#: date's mean, ``common`` on the mean of both dates (module docstring, step 3; measured in
#: docs/benchmarks.md: centring ranked the changed cells worse).
CENTRINGS = ("none", "each", "common")
DEFAULT_CENTRING = "none"
#: The bands of the change raster, as ``gdalinfo`` and QGIS's legend name them.
SCORE_BAND = "change score (cosine distance of the 120 m embeddings, 0 to 2)"
CHANGED_BAND = "changed (1) or not (0)"
TRANSITION_BAND = "from x 100 + to (class numbers of the probe's map)"
#: Bins of the histogram Otsu's rule splits.
OTSU_BINS = 256
#: Scores spread less than this are one group (the same pixels twice give ~1e-7 of rounding).
FLAT_SCORES = 1e-3
#: The outlier floor of ``--threshold auto``: median + this many robust standard deviations, the
#: usual rule for a value that does not belong to a sample (step 5).
OUTLIER_SIGMAS = 3.0
#: How an automatic threshold is recorded in the output's metadata.
AUTO_RULE = f"auto: Otsu, at least median + {OUTLIER_SIGMAS:g} robust SD"
#: At most this many scores are sampled for the floor's median (a time series' dates: gigabytes).
FLOOR_SAMPLE = 250_000
EDGE_CODE, EDGE_REASON = 255, "at the edge (less than 4 × 4 px of common ground)"
#: Rows of cells read at a time from the embeddings.
STRIP_ROWS = 64

ProgressFor = Callable[[str], Progress]


@dataclass
class ChangeRequest:
    """Two dates of one place and how to compare them. ``before_options`` and ``after_options``:
    each date's scene options (``backend.options.SceneOptions``, its own acquisition among them);
    ``threshold``: None, "auto" (Otsu) or a score; ``changed_mask``: also write the changed band
    as a Byte GeoTIFF of its own (0 unchanged, 1 changed, 255 nodata; a threshold "auto" unless
    one is given), for a map layer of its own; ``probe``: a probe file for the from → to band
    and table; ``table``: the transition table's CSV (None: beside the output, ``…_transitions.csv``;
    the HTML beside it)."""

    before: str
    after: str
    output: str
    checkpoint: str
    before_options: SceneOptions = field(default_factory=SceneOptions)
    after_options: SceneOptions = field(default_factory=SceneOptions)
    probe: str | None = None
    threshold: str | float | None = None
    changed_mask: str | None = None
    table: str | None = None
    precision: str = "auto"
    centring: str = DEFAULT_CENTRING

    @property
    def table_csv(self) -> str | None:
        if not self.probe:
            return None
        return self.table or str(Path(self.output).with_name(Path(self.output).stem + "_transitions.csv"))

    @property
    def table_html(self) -> str | None:
        csv_path = self.table_csv
        return str(Path(csv_path).with_suffix(".html")) if csv_path else None


@dataclass
class ChangeResult:
    """What a run made: the output, its cells, the threshold used (None: none) and the cells it
    flags, the cells without a score by date and reason, and the transitions (from, to) → ha."""

    output: str
    grid: tuple[int, int]  # (rows, cols)
    offset: tuple[int, int]  # AFTER's top-left pixel in BEFORE's grid, (x, y) px
    scored: int
    threshold: float | None
    changed: int
    nodata: dict[str, dict[str, int]]  # "before"/"after" → reason → cells
    transitions: dict[tuple[str, str], float] = field(default_factory=dict)
    tables: list[str] = field(default_factory=list)
    cell_size: float = 120.0  # in the CRS's units

    def summary(self) -> str:
        rows, cols = self.grid
        text = (f"wrote {self.output} ({cols} × {rows} cells of {self.cell_size:g} m; {self.scored:,} "
                f"scored, {rows * cols - self.scored:,} nodata)")
        if self.threshold is not None:
            text += f"; threshold {self.threshold:.4f}: {self.changed:,} cells changed"
        if self.tables:
            text += f"; transitions in {' and '.join(self.tables)}"
        return text


# --------------------------------------------------------------------------- the run
@geo.with_gdal_exceptions
def change_map(request: ChangeRequest, progress: Progress | None = None,
               progress_for: ProgressFor | None = None) -> ChangeResult:
    """Compare ``request.before`` with ``request.after`` (module docstring); ``progress_for(label)``
    gives each encoding pass its progress, else ``progress`` counts each pass from 0 again."""
    if request.centring not in CENTRINGS:
        raise UserError(f"centring must be one of {', '.join(CENTRINGS)}, not {request.centring!r}")
    check_stride([request.before_options, request.after_options])
    request = dataclasses.replace(request, threshold=given_threshold(request.threshold))
    if progress_for is None:
        shared = progress or NullProgress()
        progress_for = lambda label: _restarted(shared)  # noqa: E731 - one line
    options, offset, crs = _common_ground(request)
    if request.probe:
        _check_probe(request, options[0])
    work = temporary_name(request.output, "work")
    try:
        work.mkdir()
        return _compare(request, options, offset, crs, work, progress_for)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _common_ground(request: ChangeRequest) -> tuple[list[SceneOptions], tuple[int, int], str]:
    """Each date's options cut to the common ground at token cells, AFTER's offset from BEFORE
    (x, y px) and the CRS; the paths checked first."""
    from .scene import open_scene

    given = (request.before_options, request.after_options)
    scenes = [open_scene(source, opts) for source, opts in zip((request.before, request.after), given)]
    _check_paths(request, scenes)
    _check_dates(request, scenes)
    frames = [grids.Frame.of(scene.dataset, f"{what} ({scene.name})")
              for what, scene in zip(("BEFORE", "AFTER"), scenes)]
    common, windows = grids.overlap(frames, min_px=landsat.PATCH_SIZE_PX)
    offset = grids.offset(frames[0], frames[1])
    log.info(f"{frames[1].name} starts {offset[0]:+d}, {offset[1]:+d} px (x, y) from {frames[0].name}: both "
             f"are cut to their common {common.width} × {common.height} px")
    options = [dataclasses.replace(opts, window=(w.x0, w.y0, w.width, w.height), resolution="token")
               for opts, w in zip(given, windows)]
    return options, offset, common.crs


def _compare(request: ChangeRequest, options: list[SceneOptions], offset: tuple[int, int], crs: str,
             work: Path, progress_for: ProgressFor) -> ChangeResult:
    """Steps 2-6 of the module docstring, the intermediate files in ``work``."""
    dates = list(zip(("before", "after"), (request.before, request.after), options))
    fields = [embed_window(source, opts, work / f"embeddings_{what}.tif", request.checkpoint,
                           request.precision, progress_for(f"embedding {what}"))
              for what, source, opts in dates]
    scores, nodata = field_scores(fields, request.centring)
    reasons = {what: _nodata_reasons(source, opts, ~np.isfinite(marker), scores.shape)
               for (what, source, opts), marker in zip(dates, nodata)}
    _log_nodata(reasons, scores)
    asked = "auto" if request.threshold is None and request.changed_mask else request.threshold
    threshold = _threshold(asked, scores)
    changed = None if threshold is None else np.where(np.isfinite(scores), scores > threshold,
                                                      np.nan).astype(np.float32)
    classes = _classes(request, options, work, progress_for) if request.probe else None
    transitions: dict[tuple[str, str], float] = {}
    layers = [(scores, SCORE_BAND)] + ([(changed, CHANGED_BAND)] if changed is not None else [])
    if classes is not None:
        codes, transitions = _transitions(classes, fields[0].transform, crs)
        layers.append((codes, TRANSITION_BAND))
    metadata = _provenance(request, fields, offset, threshold)
    outputs = [_write(request.output, [layer for layer, _ in layers], [name for _, name in layers], fields[0],
                      metadata)]
    try:
        if request.changed_mask and changed is not None:
            outputs.append(_write_mask(request.changed_mask, changed, fields[0], metadata))
        tables = _write_tables(request, transitions, changed, classes) if classes is not None else []
        for tmp, final in outputs:
            move_into_place(tmp, final)
        outputs = []
    finally:
        for tmp, _ in outputs:
            tmp.unlink(missing_ok=True)
    return ChangeResult(output=request.output, grid=(scores.shape[0], scores.shape[1]), offset=offset,
                        scored=int(np.isfinite(scores).sum()), threshold=threshold,
                        changed=int(np.nansum(changed)) if changed is not None else 0, nodata=reasons,
                        transitions=transitions, tables=tables if classes is not None else [],
                        cell_size=abs(fields[0].transform[1]))


def given_threshold(value: str | float | None) -> str | float | None:
    """A threshold as given (None, "auto", a score or its text) checked before any work: None,
    "auto" or a float from 0 to 2 (NaN, which flags nothing, and text are refused)."""
    if value is None or value == "auto":
        return value
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = float("nan")
    if not 0 <= number <= 2:  # NaN fails too
        raise UserError(f"the change threshold must be auto or a score from 0 to 2, not {value!r}")
    return number


def check_stride(options: list[SceneOptions]) -> None:
    """Refuse a stride whose tiles would not start on the 4 × 4 px tokens that the 120 m cells
    are (tiling's own refusal names a RESOLUTION these runs do not have)."""
    side, most = landsat.TOKEN_PATCH_PX, landsat.PATCH_SIZE_PX
    for stride in {opts.stride for opts in options}:
        if stride % side or not side <= stride <= most:
            raise UserError(f"STRIDE must be a multiple of {side} px from {side} to {most}, not {stride}: "
                            f"the 120 m cells are the tiles' {side} × {side} px tokens, which tiles start on")


def _restarted(progress: Progress) -> Progress:
    """``progress`` counted from 0 again for the next encoding pass (which sets its total)."""
    restart(progress, 0)
    return progress


def _check_paths(request: ChangeRequest, scenes: list) -> None:
    """No output is an input or another output; each can be written. Stale temporaries go."""
    inputs = [("the model", request.checkpoint), ("the probe", request.probe)]
    for what, scene in zip(("BEFORE", "AFTER"), scenes):
        inputs += [(f"a file of {what}", f) for f in scene.files if not str(f).startswith("/vsi")]
    tiff = (".tif", ".tiff")
    check_outputs([("the change raster", request.output, tiff),
                   ("the changed mask", request.changed_mask, tiff),
                   ("the transition table", request.table_csv, (".csv",)),
                   ("the transition report", request.table_html, (".html",))], inputs)
    remove_stale_temporaries(request.output)


def _check_probe(request: ChangeRequest, options: SceneOptions) -> None:
    """Refuse a probe that cannot classify the dates (no such file, fitted on another model or on
    other features, not on the tokens' mean) now, not after both dates are encoded."""
    import torch

    from .catalogue import token_probe_names
    from .embed import TOKEN_POOLINGS
    from .raster import ClassifyRequest, load_model_and_probe

    asked = ClassifyRequest(input=request.before, output=request.output, checkpoint=request.checkpoint,
                            probe=request.probe, options=options, precision=request.precision)
    _, probe = load_model_and_probe(asked, torch.device("cpu"))
    assert probe is not None and request.probe
    if probe.pooling not in TOKEN_POOLINGS:
        raise UserError(f"the probe {Path(request.probe).name} reads the {probe.pooling!r} feature of a "
                        "whole tile, which has no form per 120 m cell: change needs a probe on the mean of "
                        f"the tokens ({', '.join(token_probe_names())}, or your own mean probe)")


def _check_dates(request: ChangeRequest, scenes: list) -> None:
    """Warn of a pair that will not read as meant: the same files twice, AFTER not after BEFORE
    (the from → to band reads BEFORE as "from"), or one date unknown (the encoder is then told a
    date for one and none for the other, which alone moves every score)."""
    whens = [opts.acquisition.when if opts.acquisition else None
             for opts in (request.before_options, request.after_options)]
    days = [when.date() if isinstance(when, datetime) else when for when in whens]
    before, after = (f"{what} ({scene.name}, {day})"
                     for what, scene, day in zip(("BEFORE", "AFTER"), scenes, days))
    files = [{str(Path(f).resolve()) for f in scene.files} for scene in scenes]
    if files[0] == files[1]:
        log.warning(f"BEFORE and AFTER are the same files ({scenes[0].name}): every score is near 0, moved "
                    "only by the dates the encoder is told; give the later date's product as AFTER")
    elif days[0] and days[1] and days[1] < days[0]:
        log.warning(f"{after} is earlier than {before}: the scores are the same either way, but the "
                    "from → to band and table read BEFORE as 'from'; swap them if you meant the other order")
    elif days[0] and days[0] == days[1]:
        log.warning(f"both dates are {days[0]}: the scores show what differs between two takes of one day; "
                    "give a later date's product as AFTER to see what changed")
    if request.before_options.use_metadata and (days[0] is None) != (days[1] is None):
        known, unknown = ("BEFORE", "AFTER") if days[0] else ("AFTER", "BEFORE")
        log.warning(f"only {known}'s date is known: the encoder is told a date for one and none for the "
                    f"other, which alone moves every score; give {unknown}'s date (--{unknown.lower()}-date, "
                    "in QGIS the layer's temporal properties) or encode neither (--no-metadata)")


def embed_window(source: str, options: SceneOptions, out: Path, checkpoint: str, precision: str,
                 progress: Progress) -> GeoTiffField:
    """One date's 120 m embedding field on its window (``options.window``), through the one
    inference core (``backend.raster.embed_raster``), written to ``out``."""
    from .raster import ClassifyRequest, embed_raster

    embed_raster(ClassifyRequest(input=source, output=str(out), checkpoint=checkpoint, probe=None,
                                 options=options, precision=precision, pooling="mean"), progress)
    return GeoTiffField(out)


# --------------------------------------------------------------------------- scores
def field_means(fields: list[GeoTiffField]) -> tuple[np.ndarray, np.ndarray, int]:
    """Each field's (D,) float64 mean over the cells with a vector on both dates, and how many."""
    totals, count = [np.zeros(f.dim) for f in fields], 0
    for row0 in range(0, fields[0].rows, STRIP_ROWS):
        strips = [f.read_window(row0, min(f.rows, row0 + STRIP_ROWS), 0, f.cols) for f in fields]
        both = np.isfinite(strips[0]).all(axis=2) & np.isfinite(strips[1]).all(axis=2)
        for total, strip in zip(totals, strips):
            total += strip[both].sum(axis=0, dtype=np.float64)
        count += int(both.sum())
    if not count:
        raise UserError("no 120 m cell has data on both dates (each is fill, no data or masked by QA_PIXEL "
                        "on one of them); choose dates with clear ground in common, or mask fewer flags")
    return totals[0] / count, totals[1] / count, count


def cosine_distance(a: np.ndarray, b: np.ndarray, centre_a: np.ndarray, centre_b: np.ndarray) -> np.ndarray:
    """(…, D) vectors of two dates → (…) float32 ``1 − cos(a − centre_a, b − centre_b)``, 0 to 2;
    NaN where either has no data or sits exactly on its centre."""
    ca: np.ndarray = a - centre_a.astype(np.float32)
    cb: np.ndarray = b - centre_b.astype(np.float32)
    with np.errstate(invalid="ignore", divide="ignore"):
        norms = np.linalg.norm(ca, axis=-1) * np.linalg.norm(cb, axis=-1)
        cos = np.einsum("...d,...d->...", ca, cb) / norms
    cos = np.where(norms > 0, cos, np.nan)
    return np.clip(1.0 - cos, 0.0, 2.0).astype(np.float32)


def field_scores(fields: list[GeoTiffField], centring: str) -> tuple[np.ndarray, list[np.ndarray]]:
    """(rows, cols) float32 scores (NaN: no score) and each date's (rows, cols) float32 marker
    (NaN where that date has no vector, 0 elsewhere)."""
    mean_a, mean_b, _ = field_means(fields)
    if centring == "common":
        mean_a = mean_b = (mean_a + mean_b) / 2
    elif centring == "none":
        mean_a = mean_b = np.zeros_like(mean_a)
    rows, cols = fields[0].rows, fields[0].cols
    scores = np.full((rows, cols), np.nan, np.float32)
    markers = [np.zeros((rows, cols), np.float32) for _ in fields]
    for row0 in range(0, rows, STRIP_ROWS):
        row1 = min(rows, row0 + STRIP_ROWS)
        a, b = (f.read_window(row0, row1, 0, cols) for f in fields)
        for marker, strip in zip(markers, (a, b)):
            marker[row0:row1][~np.isfinite(strip).all(axis=2)] = np.nan
        scores[row0:row1] = cosine_distance(a, b, mean_a, mean_b)
    return scores, markers


def otsu_threshold(scores: np.ndarray | list[np.ndarray]) -> float:
    """Otsu's threshold of the finite ``scores`` (one array, or several read one by one, as a
    time series' dates: never stacked): the cut of their :data:`OTSU_BINS`-bin histogram with
    the most between-group variance (the cells above it are "changed")."""
    parts = [scores] if isinstance(scores, np.ndarray) else scores
    with np.errstate(invalid="ignore"):
        low = min(float(np.nanmin(part)) for part in parts if np.isfinite(part).any())
        high = max(float(np.nanmax(part)) for part in parts if np.isfinite(part).any())
    if high - low < FLAT_SCORES:
        log.warning(f"the scores hardly differ ({low:.5f} to {high:.5f}): there is no group of changed cells "
                    "to split off, so none is flagged")
        return high
    counts = np.zeros(OTSU_BINS, np.int64)
    for part in parts:
        counts += np.histogram(part[np.isfinite(part)], bins=OTSU_BINS, range=(low, high))[0]
    edges = np.linspace(low, high, OTSU_BINS + 1)
    centres = (edges[:-1] + edges[1:]) / 2
    weight = np.cumsum(counts).astype(np.float64)
    mass = np.cumsum(counts * centres)
    total, total_mass = weight[-1], mass[-1]
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_low = mass / weight
        mean_high = (total_mass - mass) / (total - weight)
        between = weight * (total - weight) * (mean_low - mean_high) ** 2
    best = int(np.nanargmax(between[:-1]))
    return float(edges[best + 1])


def outlier_floor(scores: np.ndarray | list[np.ndarray]) -> float:
    """The finite ``scores``' median + :data:`OUTLIER_SIGMAS` robust standard deviations (1.4826 ×
    the median absolute deviation, the standard deviation of a normal sample): where a score
    stops being the scene's usual one. Several arrays (a time series' dates) are sampled at most
    :data:`FLOOR_SAMPLE` values in all, evenly, never stacked whole."""
    parts = [scores] if isinstance(scores, np.ndarray) else scores
    total = sum(int(part.size) for part in parts)
    step = max(1, total // FLOOR_SAMPLE)
    sample = np.concatenate([part.ravel()[::step] for part in parts])
    sample = sample[np.isfinite(sample)]
    if not sample.size:
        return 0.0
    median = float(np.median(sample))
    spread = 1.4826 * float(np.median(np.abs(sample - median)))
    return median + OUTLIER_SIGMAS * spread


def auto_threshold(scores: np.ndarray | list[np.ndarray]) -> tuple[float, str]:
    """(threshold, the rule that set it): Otsu's threshold, or the outlier floor where that is
    higher (module docstring, step 5)."""
    otsu, floor = otsu_threshold(scores), outlier_floor(scores)
    if otsu >= floor:
        return otsu, "Otsu"
    return floor, "outlier floor"


def describe_rule(rule: str) -> str:
    """The log's words for what set an automatic threshold."""
    if rule == "Otsu":
        return "Otsu's rule (the cut that best splits the scores' histogram in two)"
    return (f"the outlier floor, median + {OUTLIER_SIGMAS:g} robust standard deviations, above Otsu's cut: "
            "the scores form one group, so only cells that stand out from it are flagged")


def _threshold(threshold: str | float | None, scores: np.ndarray) -> float | None:
    if threshold is None:
        return None
    finite = int(np.isfinite(scores).sum())
    if threshold == "auto":
        value, rule = auto_threshold(scores)
        log.info(f"threshold {value:.4f}: {describe_rule(rule)}, on the {finite:,} scores")
    else:
        value = float(threshold)
        log.info(f"threshold {value:.4f}, as given")
    flagged = int((scores > value).sum())
    log.info(f"{flagged:,} of {finite:,} scored cells ({100 * flagged / max(finite, 1):.1f} %) are above it: "
             "changed")
    return value


# --------------------------------------------------------------------------- nodata and why
def _nodata_reasons(source: str, options: SceneOptions, missing: np.ndarray, shape: tuple) -> dict[str, int]:
    """Reason → cells of one date without a vector (``missing``, (rows, cols) bool): the most
    common reason among the cell's 4 × 4 px, or "in a tile too masked to encode"."""
    from .scene import open_scene

    found: dict[str, int] = {}
    if not missing.any():
        return found
    scene = open_scene(source, options)
    side, rows, cols = landsat.TOKEN_PATCH_PX, shape[0], shape[1]
    for row0 in range(0, rows, STRIP_ROWS):
        row1 = min(rows, row0 + STRIP_ROWS)
        if not missing[row0:row1].any():
            continue
        y0, y1 = row0 * side, min(scene.height, row1 * side)
        codes = scene.read_window(0, y0, scene.width, y1 - y0).codes
        padded = np.zeros(((row1 - row0) * side, cols * side), np.uint8)
        padded[:codes.shape[0], :codes.shape[1]] = codes
        cells = padded.reshape(row1 - row0, side, cols, side)
        counts = np.stack([(cells == code).sum(axis=(1, 3))
                           for code in range(1, len(pixel_quality.REASONS) + 1)])
        dominant = np.where(counts.max(axis=0) > 0, counts.argmax(axis=0) + 1, 0)
        # A cell at the right or bottom edge with under 4 × 4 px is no token of any tile.
        edge = np.zeros_like(dominant, bool)
        edge[:, scene.width // side:] = True
        edge[max(0, scene.height // side - row0):] = True
        dominant[edge] = EDGE_CODE
        for code, n in zip(*np.unique(dominant[missing[row0:row1]], return_counts=True)):
            reason = (EDGE_REASON if code == EDGE_CODE else pixel_quality.REASONS[code - 1] if code
                      else "in a tile more than half fill, no data or masked")
            found[reason] = found.get(reason, 0) + int(n)
    return found


def _log_nodata(reasons: dict[str, dict[str, int]], scores: np.ndarray) -> None:
    missing = int((~np.isfinite(scores)).sum())
    if not missing:
        log.info("every 120 m cell has data on both dates")
        return
    parts = []
    for what, found in reasons.items():
        listed = ", ".join(f"{n:,} {reason}" for reason, n in sorted(found.items(), key=lambda kv: -kv[1]))
        parts.append(f"{what}: {sum(found.values()):,} ({listed or 'none'})")
    log.info(f"{missing:,} of {scores.size:,} cells have no score (nodata), masked or without data on either "
             f"date; {'; '.join(parts)} (a cell can be missing on both)")


# --------------------------------------------------------------------------- from → to
@dataclass
class Classes:
    """Each date's (rows, cols) class codes (``CLASS_NODATA``: none), the probe's names and colours."""

    before: np.ndarray
    after: np.ndarray
    names: list[str]
    colours: list


def _classes(request: ChangeRequest, options: list[SceneOptions], work: Path,
             progress_for: ProgressFor) -> Classes:
    """Both dates classified by the probe on the same 120 m cells as the scores."""
    from .raster import ClassifyRequest, classify_raster

    maps, result = [], None
    for what, source, opts in zip(("before", "after"), (request.before, request.after), options):
        out = work / f"classes_{what}.tif"
        asked = ClassifyRequest(input=source, output=str(out), checkpoint=request.checkpoint,
                                probe=request.probe, options=opts, precision=request.precision)
        result = classify_raster(asked, progress_for(f"classifying {what}"))
        maps.append(gdal.Open(str(out)).ReadAsArray())
    assert result is not None
    return Classes(maps[0], maps[1], result.class_names, result.colours)


def _transitions(classes: Classes, transform: tuple, crs: str) -> tuple[np.ndarray, dict]:
    """The from → to band ((rows, cols) float32 ``from × 100 + to``, NaN where either has no
    class) and (from name, to name) → ha."""
    from osgeo import osr

    both = (classes.before != CLASS_NODATA) & (classes.after != CLASS_NODATA)
    codes = np.where(both, classes.before.astype(np.float32) * 100 + classes.after, np.nan).astype(np.float32)
    srs = osr.SpatialReference(wkt=crs)
    cell_ha = abs(transform[1] * transform[5]) * srs.GetLinearUnits() ** 2 / M2_PER_HA
    names = classes.names
    pairs, counts = np.unique(codes[both].astype(np.int64), return_counts=True)
    areas = {(names[p // 100], names[p % 100]): float(n * cell_ha) for p, n in zip(pairs, counts)}
    return codes, dict(sorted(areas.items(), key=lambda kv: -kv[1]))


def _write_tables(request: ChangeRequest, transitions: dict, changed: np.ndarray | None,
                  classes: Classes) -> list[str]:
    """The transition table as CSV and HTML; the paths written."""
    from .report_html import esc, page, swatch

    names = classes.names
    colour = dict(zip(names, classes.colours))
    flagged: dict[tuple[str, str], int] = {}
    if changed is not None:
        hit = (changed == 1) & (classes.before != CLASS_NODATA) & (classes.after != CLASS_NODATA)
        for a, b in zip(classes.before[hit], classes.after[hit]):
            key = (names[a], names[b])
            flagged[key] = flagged.get(key, 0) + 1
    total = sum(transitions.values()) or 1.0
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = ["from", "to", "area_ha", "share", "class_changed"]
    header += ["flagged_changed_cells"] if changed is not None else []
    writer.writerow(header)
    rows = []
    for (a, b), ha in transitions.items():
        row = [a, b, f"{ha:.2f}", f"{ha / total:.4f}", "yes" if a != b else "no"]
        if changed is not None:
            row.append(str(flagged.get((a, b), 0)))
        writer.writerow(row)
        rows.append(row)
    csv_path, html_path = request.table_csv, request.table_html
    assert csv_path and html_path
    write_atomically(csv_path, lambda f: f.write(buffer.getvalue()))
    cells = "".join(
        f"<tr><td>{swatch(colour.get(r[0]))}{esc(r[0])}</td><td>{swatch(colour.get(r[1]))}{esc(r[1])}</td>"
        f"<td class=num>{float(r[2]):,.1f}</td><td class=num>{100 * float(r[3]):.1f} %</td>"
        f"<td>{r[4]}</td>" + (f"<td class=num>{r[5]}</td>" if changed is not None else "") + "</tr>"
        for r in rows)
    head = "".join(f"<th>{esc(h)}</th>" for h in ["From", "To", "Area (ha)", "Share", "Class changed"]
                   + (["Cells flagged changed"] if changed is not None else []))
    moved = sum(ha for (a, b), ha in transitions.items() if a != b)
    body = [f"<p>{esc(Path(request.before).name)} → {esc(Path(request.after).name)}: "
            f"{moved:,.1f} ha of {total:,.1f} ha changed class.</p>",
            f"<table><tr>{head}</tr>{cells}</table>"]
    write_atomically(html_path, lambda f: f.write(page("From → to: land-cover transitions", body)))
    log.info("transitions: " + "; ".join(f"{a} → {b}: {ha:,.0f} ha" for (a, b), ha in
                                          list((k, v) for k, v in transitions.items() if k[0] != k[1])[:5]))
    return [csv_path, html_path]


# --------------------------------------------------------------------------- writing
def _provenance(request: ChangeRequest, fields: list[GeoTiffField], offset: tuple,
                threshold: float | None) -> dict:
    before, after = (f.provenance for f in fields)
    return {
        "MOEMAE_QGIS_VERSION": __version__, "CHANGE_SCORE": SCORE_BAND, "CENTRING": request.centring,
        "BEFORE": before.get("INPUT", request.before), "AFTER": after.get("INPUT", request.after),
        "BEFORE_ACQUISITION": before.get("ACQUISITION", "unknown"),
        "AFTER_ACQUISITION": after.get("ACQUISITION", "unknown"),
        "METADATA_TOKENS": before.get("METADATA_TOKENS", ""), "MODEL": before.get("MODEL", ""),
        "MODEL_FINGERPRINT": before.get("MODEL_FINGERPRINT", ""), "STRIDE_PX": before.get("STRIDE_PX", ""),
        "AFTER_OFFSET_PX": f"{offset[0]} {offset[1]}",
        "THRESHOLD": "none" if threshold is None else f"{threshold:.6f}",
        "THRESHOLD_RULE": ("none" if threshold is None else
                           "given" if isinstance(request.threshold, float) else AUTO_RULE),
        "PROBE": Path(request.probe).name if request.probe else "none",
    }


def _write(path: str, layers: list[np.ndarray], descriptions: list[str], grid_of: GeoTiffField,
           metadata: dict) -> tuple[Path, Path]:
    """The change raster at its temporary name, checked; (temporary, final) paths."""
    rows, cols = layers[0].shape
    writer = GeoTiffWriter(Path(path), size=(cols, rows), bands=len(layers), data_type=gdal.GDT_Float32,
                           transform=grid_of.transform, crs=grid_of.crs, nodata=float("nan"),
                           descriptions=descriptions, metadata=metadata)
    try:
        for row0 in range(0, rows, STRIP_ROWS):
            writer.write_rows(row0, [layer[row0:row0 + STRIP_ROWS] for layer in layers])
        return writer.close(), Path(path)
    except BaseException:
        writer.abort()
        raise


#: The changed mask's classes and colours (QGIS draws "unchanged" see-through over the scenes).
MASK_NAMES = ["unchanged", "changed"]
MASK_COLOURS = [(255, 255, 255), (215, 25, 28)]


def _write_mask(path: str, changed: np.ndarray, grid_of: GeoTiffField, metadata: dict) -> tuple[Path, Path]:
    """The changed band as a Byte GeoTIFF (0, 1; 255 nodata) with its classes' names and colours."""
    rows, cols = changed.shape
    codes = np.where(np.isfinite(changed), changed, CLASS_NODATA).astype(np.uint8)
    writer = GeoTiffWriter(Path(path), size=(cols, rows), bands=1, data_type=gdal.GDT_Byte,
                           transform=grid_of.transform, crs=grid_of.crs, nodata=CLASS_NODATA,
                           palette=MASK_COLOURS, names=MASK_NAMES, metadata=metadata)
    try:
        writer.write_rows(0, [codes])
        return writer.close(), Path(path)
    except BaseException:
        writer.abort()
        raise
