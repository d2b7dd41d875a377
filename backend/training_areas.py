"""Fit a probe of the user's own classes from a few labelled places on a scene.

The QGIS algorithm ``moemae:trainprobe`` turns points and polygons into sample positions
(pixel positions on the raster's own grid, from its GDAL geotransform); here each becomes a
40 × 40 tile around it (moved inward at the edges), read and cleaned exactly as a
classification reads its tiles (``backend.scene``), embedded with the frozen encoder, and a
multinomial logistic-regression probe is fitted on those embeddings: a few labels instead of a
big training set.

Memory stays flat however many positions come in: tiles are read and embedded a batch at a
time and only their features are kept; beyond :data:`MAX_SAMPLES` positions an even share of
each class is kept (the probe gains nothing from more, and the time would grow without bound).

:func:`area_samples` turns training areas (OGR geometries in the raster's CRS) into those
positions: each polygon is rasterized by GDAL onto its own lattice of every SPACING px, in strips
of at most :data:`STRIP_CELLS` cells, and positions beyond the cap are never listed, so that one
polygon over a whole scene at spacing 1 costs a few MB and answers Cancel between strips.
"""
from __future__ import annotations

import logging
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from osgeo import gdal, ogr, osr

from . import classes, geo, landsat
from .catalogue import demonstration_warnings, token_cells
from .device import resolve_device
from .errors import UserError
from .options import MAP_RESOLUTION_DEFAULT, SceneOptions
from .progress import NullProgress, Progress
from .scene import Scene, fill_invalid, open_scene
from .tiling import MAX_FILL_SHARE, tile_metadata

if TYPE_CHECKING:
    from .model import MoEMAE
    from .probe import LinearProbe

log = logging.getLogger(__name__)

MIN_PER_CLASS = 3
#: Default spacing of samples inside a polygon: one per 4 × 4 px token (120 m), the cell of a map
#: at token resolution, so that a polygon of a few hundred metres gives a few dozen samples, each
#: a different map cell (at 20 px a 600 m polygon gave one).
DEFAULT_SPACING_PX = landsat.TOKEN_PATCH_PX
#: Below this many samples the 95 % interval of a cross-validated accuracy is wider than ±0.1
#: whatever the accuracy (binomial worst case, p = 0.5: 1.96 × √(0.25 / n) > 0.1 for n < 97), so the
#: figure is said to mean little. (Samples from one area are alike, so even more samples still
#: flatter the figure; the warning says the least that is certain.)
MIN_SAMPLES_FOR_ACCURACY = 100
#: Most sample positions a probe is fitted on; more are thinned evenly within each class.
MAX_SAMPLES = 20_000
#: Lattice cells rasterized at once: 2 MB of mask (and at most 16 MB of their indices), a few ms
#: of GDAL's time, so memory stays flat and Cancel is answered many times a second.
STRIP_CELLS = 1 << 21


@dataclass
class ProbeReport:
    counts: dict  # class name → tiles used
    skipped_fill: int
    cv_accuracy: float | None  # stratified k-fold overall accuracy; None when too few samples
    folds: int
    thinned_from: int = 0  # positions given, when more than MAX_SAMPLES
    cv_interval: tuple | None = None  # 95 % Wilson interval (low, high) of cv_accuracy
    cv_labels: np.ndarray | None = None  # (N,) the labels and (N,) the held-out predictions behind it
    cv_predicted: np.ndarray | None = None
    warnings: list = field(default_factory=list)  # what the user must know about the probe


def accuracy_interval(accuracy: float, samples: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson score interval of an accuracy measured on ``samples``: unlike the normal
    approximation it does not shrink to nothing at an accuracy of 1.000."""
    shrink = 1 + z * z / samples
    centre = (accuracy + z * z / (2 * samples)) / shrink
    half = z / shrink * np.sqrt(accuracy * (1 - accuracy) / samples + z * z / (4 * samples ** 2))
    return max(0.0, float(centre - half)), min(1.0, float(centre + half))


def accuracy_warning(accuracy: float | None, samples: int) -> str | None:
    """What to say when ``samples`` are too few for the cross-validated ``accuracy`` to mean much."""
    if accuracy is None or samples >= MIN_SAMPLES_FOR_ACCURACY:
        return None
    low, high = accuracy_interval(accuracy, samples)
    return (f"cross-validated accuracy {accuracy:.3f} on only {samples} samples (95 % interval "
            f"{low:.2f}-{high:.2f}): too few for the figure to mean much (at least "
            f"{MIN_SAMPLES_FOR_ACCURACY} narrow it to about ±0.1); draw more or larger training areas, in "
            "more places")


def thin_samples(samples: list, max_samples: int, seed: int = 0) -> list:
    """At most ``max_samples`` of (col, row, class) ``samples``, each class keeping its share
    (at least :data:`MIN_PER_CLASS` where it has them), chosen at random with ``seed``."""
    if len(samples) <= max_samples:
        return list(samples)
    rng = np.random.default_rng(seed)
    labels = np.asarray([s[2] for s in samples])
    kept = []
    for label in np.unique(labels):
        members = np.flatnonzero(labels == label)
        kept.extend(rng.choice(members, class_share(len(members), len(samples), max_samples),
                               replace=False).tolist())
    return [samples[i] for i in sorted(kept)]


def class_share(members: int, total: int, max_samples: int) -> int:
    """How many of a class's ``members`` (of ``total`` positions) are kept under ``max_samples``:
    its share, but at least :data:`MIN_PER_CLASS` where it has them."""
    return min(members, max(min(members, MIN_PER_CLASS), round(max_samples * members / total)))


def _tile_origin(col: float, row: float, scene: Scene) -> tuple[int, int]:
    size = landsat.PATCH_SIZE_PX
    return (int(min(max(round(col) - size // 2, 0), scene.width - size)),
            int(min(max(round(row) - size // 2, 0), scene.height - size)))


def embed_samples(scene: Scene, samples: list, model: MoEMAE, options: SceneOptions, pooling: str,
                  progress: Progress, token: bool = False) -> tuple[np.ndarray, np.ndarray, int]:
    """Features (N, F) and labels (N,) of the usable tiles at (col, row, class) ``samples``, read
    ``options.batch_size`` at a time with the date and position when ``options.use_metadata``, and
    how many positions were skipped for being more than half fill, no data or masked. With
    ``token``, a sample's feature is the share of the tile's mean of the 4 × 4 px token under it
    (``backend.embed.token_features``), as a map at token resolution reads it."""
    size, batch = landsat.PATCH_SIZE_PX, options.batch_size
    when = options.acquisition.when if options.acquisition else None
    features, labels, skipped = [], [], 0
    for start in range(0, len(samples), batch):
        progress.check()
        origins, tiles, batch_labels, tokens = [], [], [], []
        for col, row, label in samples[start:start + batch]:
            x0, y0 = _tile_origin(col, row, scene)
            window = scene.read_window(x0, y0, size, size)
            if window.unused.mean() > MAX_FILL_SHARE:
                skipped += 1
                continue
            origins.append((x0, y0))
            tiles.append(fill_invalid(window.pixels, window.unused))
            batch_labels.append(int(label))
            tokens.append(_token_index(col - x0, row - y0))
        if tiles:
            meta = tile_metadata(scene, origins, when, options.use_metadata)
            features.append(_features(model, np.stack(tiles), meta, pooling, tokens if token else None))
            labels.extend(batch_labels)
        progress.update(min(batch, len(samples) - start))
    dim = features[0].shape[1] if features else 0
    return (np.concatenate(features) if features else np.zeros((0, dim), np.float32),
            np.asarray(labels, dtype=np.int64), skipped)


def _token_index(col: float, row: float) -> int:
    """Row-major index of the 4 × 4 px token of a tile under the position (col, row) in it."""
    side, px = landsat.PATCH_SIZE_PX // landsat.TOKEN_PATCH_PX, landsat.TOKEN_PATCH_PX
    clamp = lambda v: int(min(max(v // px, 0), side - 1))  # noqa: E731 - a one-line helper
    return clamp(row) * side + clamp(col)


def _features(model: MoEMAE, tiles: np.ndarray, meta: np.ndarray | None, pooling: str,
              tokens: list | None) -> np.ndarray:
    """(B, F) features of the tiles: pooled, or (``tokens``: an index per tile) the token's share."""
    from .embed import embed_tile_tokens, embed_tiles

    if tokens is None:
        return embed_tiles(model, tiles, meta, pooling=pooling)
    shares = embed_tile_tokens(model, tiles, meta, pooling=pooling)  # (B, 100, D)
    return shares[np.arange(len(shares)), tokens]


def cross_validated_accuracy(features: np.ndarray, labels: np.ndarray, class_names: list, folds: int,
                             seed: int, progress: Progress) -> float | None:
    """Stratified ``folds``-fold overall accuracy of the probe; None when a class has too few."""
    from .probe_check import cross_validated_predictions

    predicted = cross_validated_predictions(features, labels, class_names, folds, seed, progress)
    return None if predicted is None else float(np.mean(predicted == labels))


def _class_counts(labels, class_names: list) -> dict:
    """Class name → how many of ``labels`` (class indices) it has."""
    counts = np.bincount(np.asarray(labels, dtype=np.int64), minlength=len(class_names))
    return {name: int(counts[k]) for k, name in enumerate(class_names)}


def _refuse_classes_with_too_few(counts: dict, min_per_class: int) -> None:
    too_few = {name: n for name, n in counts.items() if n < min_per_class}
    if too_few:
        listed = ", ".join(f"'{name}' has {n}" for name, n in too_few.items())
        raise UserError(f"too few samples: {listed} (at least {min_per_class} tiles of 40 × 40 px per class "
                        "are needed, and tiles more than half fill, no data or masked by QA_PIXEL do not "
                        "count); draw more or "
                        "larger training areas for these classes")


@dataclass
class LabelledSamples:
    """Sample positions (column, row, class index) on the raster's grid, the names of the classes
    they index, and the colours the user chose (class name → (r, g, b); the others get
    ``backend.classes.colours_for``)."""

    positions: list
    class_names: list[str]
    colours: dict | None = None


@dataclass(frozen=True)
class ProbeFitting:
    """How a probe is fitted on the samples: the tiles' ``pooling``, the fewest usable tiles a class
    may have, the most positions kept (thinned evenly within each class beyond), the random seed."""

    pooling: str = "mean"
    min_per_class: int = MIN_PER_CLASS
    max_samples: int = MAX_SAMPLES
    seed: int = 0


@geo.with_gdal_exceptions
def fit_probe_on_areas(raster_path: str | Path, samples: LabelledSamples, checkpoint: str | Path,
                       options: SceneOptions, fitting: ProbeFitting | None = None,
                       progress: Progress | None = None) -> tuple[LinearProbe, ProbeReport]:
    """Fit a probe from labelled ``samples`` on the raster.

    The scene is read as ``options`` say, as a classification reads it
    (``backend.scene.open_scene``): masked tiles are left out. ``options.resolution`` "token" (or
    auto with a mean pooling): each position's feature is the 4 × 4 px token under it, and the
    probe records it (``training["resolution"]``). Returns (LinearProbe, ProbeReport, with warnings
    such as too few samples for the accuracy to mean much); refuses, naming the class, when a class
    has fewer than ``fitting.min_per_class`` usable tiles. ``progress`` counts the positions read
    and embedded, and is checked for a cancel between batches and cross-validation folds.
    """
    from .checkpoint import model_fingerprint
    from .model_cache import shared_model
    from .probe import fit

    fitting = fitting or ProbeFitting()
    names = samples.class_names
    scene = open_scene(str(raster_path), options)
    counts = _class_counts([s[2] for s in samples.positions], names)
    _refuse_classes_with_too_few(counts, fitting.min_per_class)
    positions = _thinned(samples.positions, fitting)
    model = shared_model(checkpoint, resolve_device(options.device))  # kept loaded for the next run
    for line in demonstration_warnings(model):
        log.warning(line)
    progress = progress or NullProgress()
    progress.total = len(positions)
    token = token_cells(options.resolution_or(MAP_RESOLUTION_DEFAULT), fitting.pooling, None)
    features, labels, skipped = embed_samples(scene, positions, model, options, fitting.pooling, progress,
                                              token=token)
    report = _cross_validate(features, labels, names, fitting.min_per_class, fitting.seed, progress)
    given = len(samples.positions)
    report.skipped_fill, report.thinned_from = skipped, given if len(positions) < given else 0
    progress.check()
    colours = classes.colours_for(names, given=samples.colours)
    probe = fit(features, labels, names, multilabel=False, colours=colours, standardize=True,
                seed=fitting.seed, pooling=fitting.pooling, use_metadata=options.use_metadata,
                model_info={"fingerprint": model_fingerprint(model), "size": model.config.size,
                            "checkpoint": Path(checkpoint).name})
    probe.training.update(source_raster=scene.name, cv_accuracy=report.cv_accuracy, folds=report.folds,
                          cv_interval=report.cv_interval, warnings=report.warnings,
                          resolution="token" if token else "tile")
    return probe, report


def _thinned(positions: list, fitting: ProbeFitting) -> list:
    """At most ``fitting.max_samples`` positions, an even share of each class (said in the log)."""
    kept = thin_samples(positions, fitting.max_samples, fitting.seed)
    if len(kept) < len(positions):
        log.info(f"{len(positions):,} sample positions; {len(kept):,} kept, an even share of each class "
                 "(more would add time and memory, not accuracy)")
    return kept


def _cross_validate(features: np.ndarray, labels: np.ndarray, class_names: list, min_per_class: int,
                    seed: int, progress: Progress) -> ProbeReport:
    """Tiles per class (refused when too few) and the cross-validated accuracy with its interval,
    warned of in the log when the samples are too few for it to mean much."""
    counts = _class_counts(labels, class_names)
    _refuse_classes_with_too_few(counts, min_per_class)
    folds = min(5, min(counts.values()))
    log.info(f"fitting the probe on {len(labels):,} tiles ({folds}-fold cross-validation first)")
    from .probe_check import cross_validated_predictions

    predicted = cross_validated_predictions(features, labels, class_names, folds, seed, progress)
    accuracy = None if predicted is None else float(np.mean(predicted == labels))
    warnings = [w for w in [accuracy_warning(accuracy, len(labels))] if w]
    for line in warnings:
        log.warning(line)
    return ProbeReport(counts=counts, skipped_fill=0, cv_accuracy=accuracy, folds=folds,
                       cv_interval=None if accuracy is None else accuracy_interval(accuracy, len(labels)),
                       warnings=warnings, cv_labels=labels, cv_predicted=predicted)


# --------------------------------------------------------------------------- training areas → positions
_COLLECTIONS = (ogr.wkbGeometryCollection,)


@dataclass
class AreaSamples:
    """Positions (col, row, class index) on the raster's grid, at most the cap; how many there
    were before thinning; and how many areas gave none (outside the raster, or empty)."""

    samples: list
    given: int
    outside: int


def training_geometry(wkb: bytes, feature: object) -> tuple[list, ogr.Geometry | None]:
    """A feature's geometry as (points [(x, y)], polygons as one linear multipolygon or None);
    lines and other kinds are refused naming ``feature``, since they have no inside to sample."""
    geometry = ogr.CreateGeometryFromWkb(bytes(wkb))
    if geometry is None:
        raise UserError(f"training feature {feature} has a geometry that cannot be read")
    if not geometry.IsEmpty() and not np.isfinite(geometry.GetEnvelope()).all():
        raise UserError(f"training feature {feature} has coordinates that are not numbers (NaN) in the "
                        "raster's CRS: does the training layer have the right CRS? Assign it one")
    points, polygons = [], ogr.Geometry(ogr.wkbMultiPolygon)
    for part in _parts(geometry):
        kind = ogr.GT_Flatten(part.GetGeometryType())
        if kind == ogr.wkbPoint:
            points.append((part.GetX(), part.GetY()))
        elif kind in (ogr.wkbPolygon, ogr.wkbCurvePolygon):
            polygons.AddGeometry(part.GetLinearGeometry() if kind != ogr.wkbPolygon else part)
        else:
            raise UserError(f"training feature {feature} is a {_kind_name(part)}: training areas are points "
                            "or polygons; draw polygons around lines (Vector > Geoprocessing Tools > "
                            "Buffer) or give a point layer")
    return points, polygons if polygons.GetGeometryCount() else None


def _parts(geometry: ogr.Geometry) -> list:
    """The single points and polygons (or whatever else) a possibly nested collection holds."""
    kind = ogr.GT_Flatten(geometry.GetGeometryType())
    if geometry.IsEmpty():
        return []
    if kind in (ogr.wkbMultiPoint, ogr.wkbMultiPolygon, ogr.wkbMultiSurface, *_COLLECTIONS):
        return [p for i in range(geometry.GetGeometryCount()) for p in _parts(geometry.GetGeometryRef(i))]
    return [geometry]


def _kind_name(geometry: ogr.Geometry) -> str:
    name = ogr.GeometryTypeToName(ogr.GT_Flatten(geometry.GetGeometryType()))
    return "line" if "line" in name.lower() or "curve" in name.lower() else name


def polygon_strips(polygons: ogr.Geometry, grid: geo.PixelGrid, spacing: int,
                   progress: Progress) -> Iterator[tuple[np.ndarray, int, int]]:
    """Yield (mask (h, w) bool, col0, row0) strips of the lattice of pixel centres (col0 + 0.5 +
    i·spacing, row0 + 0.5 + j·spacing) that lie inside ``polygons`` (map coordinates of the
    grid's CRS). The lattice starts at the polygons' bounding box, as the positions always did;
    each strip is at most :data:`STRIP_CELLS` cells, and Cancel is checked before each."""
    x0, x1, y0, y1 = polygons.GetEnvelope()
    cols, rows = grid.to_pixel(np.array([x0, x0, x1, x1]), np.array([y0, y1, y0, y1]))
    c0, r0 = max(0, math.floor(cols.min())), max(0, math.floor(rows.min()))
    c1, r1 = min(grid.width, math.ceil(cols.max()) + 1), min(grid.height, math.ceil(rows.max()) + 1)
    if c1 <= c0 or r1 <= r0:
        return
    width, height = -(-(c1 - c0) // spacing), -(-(r1 - r0) // spacing)
    layer_ds = _memory_layer(polygons)
    step = max(1, STRIP_CELLS // width)
    for j0 in range(0, height, step):
        progress.check()
        row0 = r0 + j0 * spacing
        yield _rasterize(layer_ds, grid.transform, c0, row0, width, min(step, height - j0), spacing), c0, row0


def _same_crs() -> osr.SpatialReference:
    """One CRS for the polygons and the lattice they are burnt into: they already share the
    raster's, and without one GDAL warns that it assumes they match, once per strip."""
    crs = osr.SpatialReference()
    crs.SetLocalCS("the raster's CRS")
    return crs


def _memory_layer(polygons: ogr.Geometry) -> ogr.DataSource:
    source = ogr.GetDriverByName("Memory").CreateDataSource("")
    layer = source.CreateLayer("areas", _same_crs(), geom_type=ogr.wkbMultiPolygon)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(polygons)
    layer.CreateFeature(feature)
    return source


def _rasterize(source: ogr.DataSource, transform: tuple, col0: int, row0: int, width: int, height: int,
               spacing: int) -> np.ndarray:
    """(height, width) bool: which lattice cells' centres lie inside the layer's polygons. A cell
    of the lattice is ``spacing`` px wide, centred on the pixel centre it samples; GDAL burns a
    cell when its centre is inside (no ALL_TOUCHED), which is the test the positions need."""
    a, b = col0 + 0.5 - spacing / 2, row0 + 0.5 - spacing / 2  # the lattice's corner, in raster px
    g = transform
    target = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Byte)
    target.SetProjection(_same_crs().ExportToWkt())
    target.SetGeoTransform((g[0] + a * g[1] + b * g[2], spacing * g[1], spacing * g[2],
                            g[3] + a * g[4] + b * g[5], spacing * g[4], spacing * g[5]))
    gdal.RasterizeLayer(target, [1], source.GetLayer(0), burn_values=[1])
    return target.ReadAsArray().astype(bool)


@dataclass
class _Positions:
    """Positions given as such: a (K, 2) array of (col, row)."""

    array: np.ndarray

    def count(self) -> int:
        return len(self.array)

    def positions(self, ranks: np.ndarray | None = None) -> np.ndarray:
        return self.array if ranks is None else self.array[ranks]


@dataclass
class _Strip:
    """A strip of lattice positions: ``mask`` (h, w) over pixel centres (col0 + 0.5 + i·spacing,
    row0 + 0.5 + j·spacing), listed only when asked for, and only the ``ranks`` asked for."""

    mask: np.ndarray
    col0: int
    row0: int
    spacing: int

    def count(self) -> int:
        return int(np.count_nonzero(self.mask))

    def positions(self, ranks: np.ndarray | None = None) -> np.ndarray:
        flat = np.flatnonzero(self.mask)
        rows, cols = np.divmod(flat if ranks is None else flat[ranks], self.mask.shape[1])
        return np.column_stack([self.col0 + 0.5 + cols * self.spacing, self.row0 + 0.5 + rows * self.spacing])


def area_positions(points: list, polygons: ogr.Geometry | None, grid: geo.PixelGrid, spacing: int,
                   progress: Progress) -> Iterator[_Positions | _Strip]:
    """Yield blocks (``_Positions`` or ``_Strip``) of one area's positions on ``grid``: its points,
    the lattice inside its polygons, and, when no lattice point is inside (a polygon smaller than
    the spacing), one point inside it."""
    if points:
        cols, rows = grid.to_pixel(*np.asarray(points, float).T)
        inside = (cols >= 0) & (cols < grid.width) & (rows >= 0) & (rows < grid.height)
        yield _Positions(np.column_stack([cols[inside], rows[inside]]))
    if polygons is None:
        return
    found = False
    for mask, col0, row0 in polygon_strips(polygons, grid, spacing, progress):
        found = found or bool(mask.any())
        yield _Strip(mask, col0, row0, spacing)
    if not found:
        point = polygons.PointOnSurface()
        if point is not None and not point.IsEmpty():
            col, row = grid.to_pixel(point.GetX(), point.GetY())
            if grid.contains(col, row):
                yield _Positions(np.array([[float(col), float(row)]]))


@geo.with_gdal_exceptions
def area_samples(areas: Sequence, grid: geo.PixelGrid, spacing: int, *, max_samples: int = MAX_SAMPLES,
                 seed: int = 0, progress: Progress | None = None) -> AreaSamples:
    """Sample positions of training ``areas``: (feature id, WKB geometry in the grid's CRS, class
    index) triples. Points are positions; polygons give every ``spacing`` px inside them (see
    :func:`area_positions`). Beyond ``max_samples`` an even share of each class is kept
    (:func:`class_share`, chosen with ``seed``): the areas are rasterized twice, once to count and
    once to pick, so that no more than the kept positions are ever listed. Lines are refused."""
    progress = progress or NullProgress()
    shapes = [(training_geometry(wkb, feature), label) for feature, wkb, label in areas]
    progress.total = len(shapes)
    counts, kept = np.zeros(len(shapes), np.int64), []
    for k, ((points, polygons), label) in enumerate(shapes):
        progress.check()
        for block in area_positions(points, polygons, grid, spacing, progress):
            counts[k] += block.count()
            if kept is not None and counts.sum() <= max_samples:
                kept.append((block.positions(), label))
            else:
                kept = None  # past the cap: only counted now, picked in a second pass
        progress.update()
    outside = int((counts == 0).sum())
    if kept is None:
        progress.total += len(shapes)
        kept = _pick(shapes, counts, grid, spacing, max_samples, seed, progress)
        log.info(f"{int(counts.sum()):,} sample positions; {sum(len(a) for a, _ in kept):,} kept, an even "
                 "share of each class (more would add time and memory, not accuracy)")
    samples = [(float(c), float(r), label) for array, label in kept for c, r in array]
    return AreaSamples(samples=samples, given=int(counts.sum()), outside=outside)


def _pick(shapes: list, counts: np.ndarray, grid: geo.PixelGrid, spacing: int, max_samples: int, seed: int,
          progress: Progress) -> list:
    """[(positions (K, 2), label)]: each class's share, drawn as ranks among its positions in the
    order they are found, then the areas rasterized again to list just those ranks."""
    labels = np.array([label for _, label in shapes])
    total, rng = int(counts.sum()), np.random.default_rng(seed)
    chosen, offsets = {}, {}
    for label in np.unique(labels):
        members = int(counts[labels == label].sum())
        chosen[label] = np.sort(rng.choice(members, class_share(members, total, max_samples), replace=False))
        offsets[label] = 0
    kept = []
    for k, ((points, polygons), label) in enumerate(shapes):
        progress.check()
        for block in area_positions(points, polygons, grid, spacing, progress) if counts[k] else ():
            n, ranks = block.count(), chosen[label]
            low, high = np.searchsorted(ranks, [offsets[label], offsets[label] + n])
            if high > low:
                kept.append((block.positions(ranks[low:high] - offsets[label]), label))
            offsets[label] += n
        progress.update()
    return kept
