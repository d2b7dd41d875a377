"""Sample design on a land-cover map: a stratified random sample of pixels, the map classes as
strata, written as points for a person to label (Olofsson et al. 2014, RSE 148:42-57, §5.1).

- How many: ``total`` units, or as many as Cochran's formula needs for a target standard error of
  the overall accuracy given the user's accuracies one expects (§5.1.1, eq. 13).
- Where: proportional to each class's mapped area, with a minimum per class so that rare classes
  get enough units for their user's accuracy (§5.1.2; ``backend.accuracy.allocate``).
- Which pixels: within each class, distinct pixels at random (without replacement) from one seed,
  found a block of rows at a time (memory stays flat): the same seed gives the same points.

Each point sits at its pixel's centre, in the map's CRS, never on nodata, with the fields
``map_class`` and ``stratum`` (the class name) and an empty ``reference`` for the label.
"""
from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr, osr

from .accuracy import allocate, cochran_sample_size
from .class_raster import ClassRaster
from .errors import UserError
from .files import check_outputs, remove_stale_temporaries, temporary_name, write_failure
from .geo import pixel_to_map
from .progress import Progress

log = logging.getLogger(__name__)

#: Units per class at least (Olofsson 2014 §5.1.2 suggests 50-100 for the rare classes).
DEFAULT_MIN_PER_CLASS = 50
#: Units in all when neither a size nor a target standard error is given.
DEFAULT_SAMPLE_SIZE = 500
#: Points in all at most (and per class at least): a person labels each point, so more is a typo;
#: it also bounds what choosing them allocates.
MAX_SAMPLE_SIZE = 10_000_000
#: The point layer's fields: the map's class, the stratum, and the label a person gives.
FIELDS = ("map_class", "stratum", "reference")
LAYER_NAME = "sample"


@dataclass
class SampleDesign:
    """The units of each stratum (code → units) and its pixels (code → pixels), how the total was
    chosen, and the points: (n, 3) rows of (stratum code, column, row) of the chosen pixels."""

    units: dict
    pixels: dict
    total_reason: str
    points: np.ndarray


def sample_size(pixels: dict, names: dict, total: int | None, target_se: float | None,
                expected_users: dict) -> tuple[int, str]:
    """(units in all, why): ``total``, or Cochran's n for ``target_se`` of the overall accuracy
    with each class's ``expected_users`` accuracy (name → 0-1; "*" for the classes not named)."""
    if target_se is None:
        size = total or DEFAULT_SAMPLE_SIZE
        return size, f"{size} units ({'--n' if total else 'the default size'})"
    codes = list(pixels)
    shown = {code: names.get(code, str(code)) for code in codes}
    # Class names matched ignoring case, as assess matches labels (a map naming two classes alike
    # is refused when it is opened).
    folded = {name.casefold(): value for name, value in expected_users.items()}
    classes = {name.casefold() for name in shown.values()}
    unknown = sorted(name for name in expected_users if name != "*" and name.casefold() not in classes)
    if unknown:
        raise UserError(f"expected user's accuracies name no class of the map: {', '.join(unknown)}; its "
                        f"classes are {', '.join(shown.values())}")
    missing = [name for name in shown.values() if name.casefold() not in folded]
    if missing and "*" not in folded:
        raise UserError(f"no expected user's accuracy for {', '.join(missing)}; give one per class "
                        "(NAME=0.8) or one for all (0.8)")
    users = np.array([folded.get(shown[c].casefold(), folded.get("*")) for c in codes])
    counts = np.array([pixels[c] for c in codes], dtype=np.float64)
    size = cochran_sample_size(counts / counts.sum(), users, target_se)
    if size > MAX_SAMPLE_SIZE:
        raise UserError(f"a standard error of {target_se:g} needs more than the {MAX_SAMPLE_SIZE:,} points a "
                        "sample may have (Cochran's formula); give a larger target, e.g. 0.01")
    return size, (f"{size} units: Cochran's formula (Olofsson et al. 2014 eq. 13) for a standard error of "
                  f"{target_se:g} of the overall accuracy")


def choose_pixels(raster: ClassRaster, units: dict, pixels: dict, seed: int,
                  progress: Progress | None = None) -> np.ndarray:
    """(n, 3) int64 rows (code, column, row): ``units[code]`` distinct pixels of each code, at
    random with ``seed``, in row-major order within each code. A pixel is chosen by its rank
    among the code's pixels in row-major order, so one pass over the blocks finds them all."""
    rng = np.random.default_rng(seed % 2 ** 32)  # any whole number, negative too, as one of 2**32 seeds
    wanted = {code: np.sort(rng.choice(pixels[code], size=n, replace=False))
              for code, n in units.items() if n > 0}
    seen = dict.fromkeys(wanted, 0)
    found = []
    for row0, block in raster.blocks(progress):
        flat = block.ravel()
        for code, ranks in wanted.items():
            where = np.flatnonzero(flat == code)
            local = ranks[(ranks >= seen[code]) & (ranks < seen[code] + len(where))] - seen[code]
            seen[code] += len(where)
            rows, cols = np.divmod(where[local], raster.width)
            found.append(np.column_stack([np.full(len(local), code), cols, rows + row0]))
    return np.concatenate(found).astype(np.int64) if found else np.zeros((0, 3), np.int64)


def design_sample(raster: ClassRaster, *, total: int | None = None,
                  min_per_class: int = DEFAULT_MIN_PER_CLASS, target_se: float | None = None,
                  expected_users: dict | None = None, seed: int = 0,
                  progress: Progress | None = None) -> SampleDesign:
    """The stratified random sample of ``raster`` (see the module docstring): two passes over its
    blocks, each moving ``progress`` on."""
    pixels = raster.pixel_counts(progress)
    if not pixels:
        raise UserError(f"{raster.path} has no classified pixel (all nodata); nothing to sample")
    size, reason = sample_size(pixels, raster.names, total, target_se, expected_users or {})
    codes = list(pixels)
    shares = allocate(np.array([pixels[c] for c in codes]), size, min_per_class)
    units = {code: int(n) for code, n in zip(codes, shares)}
    points = choose_pixels(raster, units, pixels, seed, progress)
    order = np.lexsort((points[:, 1], points[:, 2], points[:, 0]))  # by class, then row, then column
    return SampleDesign(units, pixels, reason, points[order])


def write_points(path: str | Path, raster: ClassRaster, design: SampleDesign,
                 layer_name: str = LAYER_NAME, keep_others: bool = False) -> Path:
    """The sample as a GeoPackage point layer at the pixel centres in the map's CRS, fields
    :data:`FIELDS` (``reference`` empty), written at a temporary name, read back (every point
    there) and only then renamed into place: a failed write leaves the earlier file as it was.
    ``keep_others``: the layer is added to (or replaces its namesake in) a copy of the existing
    GeoPackage, whose other layers stay; else the file holds the sample alone."""
    path = Path(path)
    remove_stale_temporaries(path)
    tmp = temporary_name(path, "part.gpkg")
    earlier = path if keep_others and path.is_file() and path.stat().st_size else None
    try:
        with ogr_problems() as problems:  # OGR reports a full disk here, not by raising
            try:
                _write_layer(tmp, raster, design, layer_name, earlier)
            except RuntimeError as exc:  # what failed, then OGR's words for why
                problems.insert(0, str(exc))
        if problems:
            raise RuntimeError(": ".join(problems[:2]))
        _check_written(tmp, layer_name, len(design.points))
        tmp.replace(path)
    except (RuntimeError, OSError) as exc:
        raise UserError(write_failure(path, exc)) from None
    finally:
        for leftover in (tmp, *(Path(f"{tmp}{end}") for end in ("-journal", "-wal", "-shm"))):
            leftover.unlink(missing_ok=True)
    return path


@contextmanager
def ogr_problems() -> Iterator[list]:
    """A list that collects GDAL/OGR's failure messages while the block runs. OGR often tells of a
    failed write (SQLite's "disk I/O error") only through the error handler, and a GeoPackage is
    committed when it is closed, where nothing can raise: every message must be looked at."""
    problems: list = []

    def keep(level, _number, message):
        if level >= gdal.CE_Failure:
            problems.append(message.strip())

    gdal.PushErrorHandler(keep)
    try:
        yield problems
    finally:
        gdal.PopErrorHandler()


def _write_layer(path: Path, raster: ClassRaster, design: SampleDesign, layer_name: str,
                 earlier: Path | None) -> None:
    """Write the layer (beside the other layers of a copy of ``earlier``, if given); every OGR
    call's answer is checked (inside :func:`ogr_problems` none raises)."""
    dataset = _open_target(path, layer_name, earlier)
    layer = None if dataset is None else dataset.CreateLayer(layer_name, _srs_of(raster), ogr.wkbPoint)
    if layer is None:
        raise RuntimeError("the GeoPackage could not be created")
    for name in FIELDS:
        _ok(layer.CreateField(ogr.FieldDefn(name, ogr.OFTString)), "a field could not be added")
    x, y = pixel_to_map(raster.transform, design.points[:, 1] + 0.5, design.points[:, 2] + 0.5)
    _ok(layer.StartTransaction(), "the points could not be written")
    for (code, _, _), px, py in zip(design.points.tolist(), np.atleast_1d(x), np.atleast_1d(y)):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("map_class", raster.name_of(code))
        feature.SetField("stratum", raster.name_of(code))
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(float(px), float(py))
        feature.SetGeometry(point)
        _ok(layer.CreateFeature(feature), "the points could not be written")
    _ok(layer.CommitTransaction(), "the points could not be committed")
    layer = None
    dataset = None  # closing commits the GeoPackage's own tables: its failures go to ogr_problems


def _open_target(path: Path, layer_name: str, earlier: Path | None):
    """A new GeoPackage at ``path``, or a copy of ``earlier`` without its layer ``layer_name``."""
    if earlier is None:
        return ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    shutil.copyfile(earlier, path)
    dataset = ogr.Open(str(path), update=1)
    if dataset is None:
        raise RuntimeError(f"{earlier} cannot be opened as a GeoPackage to add the layer {layer_name!r}")
    names = [dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())]
    if layer_name in names:  # an unlabelled earlier sample (check_replaceable made sure)
        _ok(dataset.DeleteLayer(names.index(layer_name)),
            f"the earlier layer {layer_name!r} could not be replaced")
    return dataset


def _srs_of(raster: ClassRaster):
    if not raster.crs:
        return None
    srs = osr.SpatialReference()
    srs.ImportFromWkt(raster.crs)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _ok(code: int, what: str) -> None:
    if code != ogr.OGRERR_NONE:
        raise RuntimeError(what)


def _check_written(path: Path, layer_name: str, points: int) -> None:
    """Read the written GeoPackage back: it must open and hold every point (a write that failed
    without a word leaves a file that does not)."""
    with ogr_problems() as problems:
        dataset = ogr.Open(str(path))
        layer = None if dataset is None else dataset.GetLayerByName(layer_name)
        count = -1 if layer is None else layer.GetFeatureCount()
    if count != points:
        found = "; ".join(problems) or f"{max(count, 0)} of {points} points there"
        raise RuntimeError(f"the GeoPackage written cannot be read back ({found})")


def check_replaceable(path: str | Path, layer_name: str = LAYER_NAME, keep_others: bool = False) -> None:
    """Refuse, before any work, an existing GeoPackage that writing the sample would lose data of:
    one with layers besides ``layer_name`` (unless ``keep_others``: the new file holds only the
    sample), or whose sample already has labels in ``reference`` (a person's work). An earlier
    unlabelled sample, or a file that is no vector dataset at all, is replaced."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        return
    with ogr_problems():  # a file OGR cannot open holds no layer to lose
        source = ogr.Open(str(path))
    if source is None:
        return
    others = [source.GetLayer(i).GetName() for i in range(source.GetLayerCount())]
    others = [name for name in others if name != layer_name]
    if others and not keep_others:
        raise UserError(f"{path} already holds the layer(s) {', '.join(others)}, which writing the sample "
                        "there would delete; choose another file for the sample (or delete that one first)")
    layer = source.GetLayerByName(layer_name)
    fields = [] if layer is None else [layer.GetLayerDefn().GetFieldDefn(i).GetName()
                                        for i in range(layer.GetLayerDefn().GetFieldCount())]
    labelled = 0 if "reference" not in fields else sum(
        1 for feature in layer if str(feature.GetField("reference") or "").strip())
    if labelled:
        raise UserError(f"{path} holds a sample with {labelled} labelled point(s) in 'reference', which a "
                        "new sample would replace; choose another file for the sample (or delete that one "
                        "first)")


def summary(raster: ClassRaster, design: SampleDesign) -> list:
    """Lines for the user: the size and why, then the units and pixels of each class."""
    pixels = design.pixels
    lines = [f"{len(design.points)} points, {design.total_reason}; proportional to mapped area, at least "
             "the minimum per class (Olofsson et al. 2014 §5.1.2):"]
    lines += [f"  {raster.name_of(code)}: {n} of {pixels[code]:,} pixels" for code, n in design.units.items()]
    asked = int(design.total_reason.split()[0])
    if len(design.points) < asked:
        lines.append(f"the map has only {sum(pixels.values()):,} classified pixels: every one is a point")
    short = [raster.name_of(c) for c, n in design.units.items() if n < 2]
    if short:
        lines.append(f"warning: fewer than 2 points for {', '.join(short)}: its variance will be undefined")
    return lines


def sample_map(map_path: str | Path, out: str | Path, *, total: int | None = None,
               min_per_class: int = DEFAULT_MIN_PER_CLASS, target_se: float | None = None,
               expected_users: dict | None = None, seed: int = 0,
               progress: Progress | None = None, layer_name: str | None = None) -> list:
    """``sample`` and ``moemae:sample``: draw the sample of the map at ``map_path`` and write it to
    ``out`` (.gpkg); returns the lines that tell the user what was drawn. ``total`` and
    ``target_se`` exclude each other; ``target_se`` needs ``expected_users``. ``layer_name``
    (QGIS's "Save to GeoPackage"): the layer to write into ``out``, keeping its other layers;
    without it ``out`` holds the layer :data:`LAYER_NAME` alone."""
    keep_others, layer_name = layer_name is not None, layer_name or LAYER_NAME
    check_outputs([("the sample points", out, (".gpkg",))], [("the map", map_path)])
    if total is not None and target_se is not None:
        raise UserError("give either a sample size (--n, SIZE) or a target standard error (--target-se, "
                        "TARGET_SE) for Cochran's formula, not both")
    if (target_se is None) != (not expected_users):
        raise UserError("a target standard error and the user's accuracies you expect go together: the size "
                        "depends on both, e.g. --target-se 0.01 --users-accuracy 0.8")
    for value, option in ((total, "the sample size (--n, SIZE)"),
                          (min_per_class, "the points per class (--min-per-class, MIN_PER_CLASS)")):
        if value is not None and not 1 <= value <= MAX_SAMPLE_SIZE:
            raise UserError(f"{option} is {value:,}: it must be from 1 to {MAX_SAMPLE_SIZE:,}, as each point "
                            "is labelled by a person")
    check_replaceable(out, layer_name, keep_others)
    raster = ClassRaster.open(map_path, "the map")
    try:
        raster.pixel_area_ha()
    except UserError as exc:  # the points can be labelled, but assess will need a projected map
        log.warning(f"assess will refuse this map as it is: {exc}")
    if progress is not None:
        progress.total = 2 * raster.block_count  # counting the pixels, then finding the chosen ones
    design = design_sample(raster, total=total, min_per_class=min_per_class, target_se=target_se,
                           expected_users=expected_users, seed=seed, progress=progress)
    write_points(out, raster, design, layer_name, keep_others)
    return summary(raster, design)


def parse_expected_users(tokens: list) -> dict:
    """User's accuracies one expects, written 0.8 (every class not named) or NAME=0.8, as
    name → accuracy ("*": the classes not named)."""
    found: dict[str, float] = {}
    for token in tokens:
        name, _, value = str(token).rpartition("=")
        try:
            accuracy = float(value)
        except ValueError:
            accuracy = float("nan")
        if not 0 < accuracy < 1:
            raise UserError(f"expected user's accuracy {token!r}: a number between 0 and 1 (exclusive), as "
                            "0.8 for every class or NAME=0.8 for one")
        key = name.strip() or "*"
        earlier = next((known for known in found if known.casefold() == key.casefold()), key)
        if found.get(earlier, accuracy) != accuracy:  # which one was meant cannot be guessed
            what = "every class" if key == "*" else earlier
            raise UserError(f"expected user's accuracy {token!r} contradicts the earlier "
                            f"{found[earlier]:g} for {what}; give one each")
        found[earlier] = accuracy
    return found
