"""Accuracy assessment and area estimates of a land-cover map from labelled sample points.

The points (any OGR point layer, in any CRS, reprojected to the map's) carry a reference label:
a class name of the map (its GDAL category names) or its integer code. Each point is read on
the map (its map class) and on the strata (the map itself, or ``--strata``: a layer the sample
was drawn on, such as an older map); the estimators are ``backend.accuracy``'s.

Nothing is dropped quietly: points outside the map or on nodata, points without a label, labels
that name no map class (listed), two points on one pixel (the first is kept), strata with fewer
than 2 units (se null), strata with none (left out of the area), and reference classes absent
from the map are all counted and said, in the warnings and the report.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from osgeo import ogr, osr

from .accuracy import Assessment, Sample, assess
from .class_raster import ClassRaster
from .errors import UserError
from .files import remove_stale_temporaries, temporary_name, write_failure
from .geo import with_gdal_exceptions
from .progress import Progress

log = logging.getLogger(__name__)


@dataclass
class ReferencePoints:
    """A layer's points in the map's CRS: x, y (n,) and their labels (n,) ("" for none)."""

    x: np.ndarray
    y: np.ndarray
    labels: list
    warnings: list = field(default_factory=list)
    empty: int = 0  # points without coordinates (POINT EMPTY): NaN in x, y
    untransformed: int = 0  # points whose coordinates do not transform to the map's CRS: NaN too
    no_crs: bool = False  # the layer has no CRS: its coordinates were taken to be the map's


@with_gdal_exceptions
def read_reference(path: str | Path, field_name: str, crs_wkt: str) -> ReferencePoints:
    """The points of the first layer of ``path`` (or of ``path|layername=NAME``, as QGIS names a
    layer of a GeoPackage) with their ``field_name`` labels, reprojected to ``crs_wkt``; refused,
    saying what to give, when it is no point layer or lacks the field. Empty points and points
    that do not transform are NaN, and counted."""
    path, _, options = str(path).partition("|")
    name = options.partition("layername=")[2].split("|")[0] if "layername=" in options else None
    source, layer = _open_layer(path, name)
    definition = layer.GetLayerDefn()
    fields = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    if field_name not in fields:
        raise UserError(f"the reference points {path} have no field {field_name!r}; their fields: "
                        f"{', '.join(fields) or 'none'}")
    points = ReferencePoints(np.zeros(0), np.zeros(0), [])
    if name is None and source.GetLayerCount() > 1:
        layers = ", ".join(_layer_names(source))
        points.warnings.append(f"{path} has {source.GetLayerCount()} layers ({layers}): layer "
                               f"{layer.GetName()!r} was read; {path}|layername=NAME picks another")
    transform = _transform_to(layer.GetSpatialRef(), crs_wkt, points)
    xs, ys = [], []
    for feature in layer:
        geometry = feature.GetGeometryRef()
        if geometry is None or ogr.GT_Flatten(geometry.GetGeometryType()) != ogr.wkbPoint:
            raise UserError(_not_a_point(feature, geometry, path, source, layer))
        x, y = _point_xy(geometry, transform, points)
        xs.append(x)
        ys.append(y)
        value = feature.GetField(field_name)
        points.labels.append("" if value is None else str(value).strip())
    points.x, points.y = np.asarray(xs, dtype=np.float64), np.asarray(ys, dtype=np.float64)
    return points


def _open_layer(path: str, name: str | None) -> tuple:
    """(data source, layer) of the reference points, or a refusal that says what to give."""
    if not Path(path).exists():
        raise UserError(f"the reference points {path} do not exist; give the labelled points (e.g. from "
                        "sample)")
    try:
        source = ogr.Open(path)
    except RuntimeError as exc:
        raise UserError(f"the reference points {path} cannot be read as a vector layer ({exc}); give a "
                        "GeoPackage, Shapefile or GeoJSON of points") from None
    if source is None or source.GetLayerCount() == 0:
        raise UserError(f"the reference points {path} hold no layer; give a point layer")
    layer = source.GetLayerByName(name) if name else source.GetLayer(0)
    if layer is None:
        raise UserError(f"the reference points {path} have no layer {name!r}; its layers: "
                        f"{', '.join(_layer_names(source))}")
    return source, layer


def _layer_names(source) -> list:
    return [source.GetLayer(i).GetName() for i in range(source.GetLayerCount())]


def _not_a_point(feature, geometry, path: str, source, layer) -> str:
    """Why a feature cannot be a sample unit, and what to give instead."""
    if layer.GetGeomType() == ogr.wkbNone:  # a table, such as a CSV read without coordinates
        return (f"the reference points {path} are a table without geometries; give a point layer "
                "(GeoPackage, Shapefile, GeoJSON), e.g. from a CSV with x and y columns: ogr2ogr -a_srs "
                "EPSG:… -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y points.gpkg points.csv")
    where = path if source.GetLayerCount() == 1 else f"{path} (layer {layer.GetName()!r})"
    found = geometry.GetGeometryName() if geometry is not None else "no geometry"
    other = (f"; {path} has {source.GetLayerCount()} layers ({', '.join(_layer_names(source))}): give the "
             f"point layer as {path}|layername=NAME" if source.GetLayerCount() > 1 else "")
    return (f"feature {feature.GetFID()} of {where} is no point ({found}); the reference layer holds one "
            f"point per sample unit{other}")


def _point_xy(geometry, transform, points: ReferencePoints) -> tuple:
    """(x, y) of a point in the map's CRS; NaN, counted in ``points``, for an empty point or one
    whose coordinates do not transform (a latitude of 900)."""
    if geometry.IsEmpty():
        points.empty += 1
        return np.nan, np.nan
    geometry = geometry.Clone()
    try:
        if transform is not None and geometry.Transform(transform) != ogr.OGRERR_NONE:
            raise RuntimeError("not transformed")
    except RuntimeError:  # PROJ's refusal, raised or returned
        points.untransformed += 1
        return np.nan, np.nan
    x, y = geometry.GetX(), geometry.GetY()
    if not (np.isfinite(x) and np.isfinite(y)):
        points.untransformed += 1
        return np.nan, np.nan
    return x, y


#: The names GDAL gives the CRS of a GeoPackage layer that has none (srs_id 0 or -1).
UNDEFINED_CRS_NAMES = ("Undefined geographic SRS", "Undefined Cartesian SRS")


def _transform_to(layer_srs, crs_wkt: str, points: ReferencePoints):
    """The transformation from the layer's CRS to the map's, or None when they are one; a layer
    without a CRS is taken to be in the map's, and said."""
    undefined = layer_srs is not None and layer_srs.GetName() in UNDEFINED_CRS_NAMES
    if layer_srs is None or undefined or not crs_wkt:
        if (layer_srs is None or undefined) and crs_wkt:
            points.no_crs = True
            said = f" (its GeoPackage says {layer_srs.GetName()!r})" if undefined else ""
            points.warnings.append(f"the reference layer has no CRS{said}; its coordinates were taken to be "
                                   "in the map's CRS (assign the layer its CRS if they are not)")
        return None
    target = osr.SpatialReference()
    target.ImportFromWkt(crs_wkt)
    for srs in (layer_srs, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return None if layer_srs.IsSame(target) else osr.CoordinateTransformation(layer_srs, target)


@dataclass
class Matched:
    """The units kept: their map codes, strata codes and reference codes (n,) each, the counts of
    :data:`POINT_COUNTS`, and what else the user must hear."""

    mapped: np.ndarray
    strata: np.ndarray
    reference: np.ndarray
    points: dict
    unknown_labels: dict
    duplicates: int
    outside_why: list = field(default_factory=list)  # what the points outside the map are, in words
    with_strata: bool = False

    def outside_words(self) -> str:
        """'outside the map' (or the strata), with why where more is known."""
        why = f" ({'; '.join(self.outside_why)})" if self.outside_why else ""
        return f"outside the map{' or the strata' if self.with_strata else ''}{why}"


#: The counts of points in the report, in its order.
POINT_COUNTS = ("used", "outside_map", "on_nodata", "unlabelled")


def label_codes(labels: list, raster: ClassRaster, known: set) -> tuple[np.ndarray, dict]:
    """(codes (n,), unknown label → points): each label as the map's code, by class name (exact,
    then ignoring case) or by a code of ``known`` (the map's named or mapped codes) written as a
    whole number; -1 for no label, -2 for a label that names no class of the map."""
    exact = {name: code for code, name in raster.names.items()}
    folded = {name.casefold(): code for name, code in exact.items()}
    codes, unknown = [], {}
    for label in labels:
        code = exact.get(label, folded.get(label.casefold()))
        # isdecimal, not isdigit: '²' is a digit that int() refuses
        if code is None and label.isdecimal() and int(label) in known:
            code = int(label)
        if not label:
            code = -1
        elif code is None:
            unknown[label] = unknown.get(label, 0) + 1
            code = -2
        codes.append(code)
    return np.asarray(codes, dtype=np.int64), unknown


def match_points(points: ReferencePoints, raster: ClassRaster, strata: ClassRaster | None,
                 pixels: dict) -> Matched:
    """Each point on the map (and the strata): which are used, and why the others are not.
    ``pixels``: the map's code → pixels."""
    mapped, inside = raster.codes_at(points.x, points.y)
    stratum, in_strata = (mapped, inside) if strata is None else strata.codes_at(
        *in_crs_of(strata, points.x, points.y, raster.crs))
    outside = ~inside | ~in_strata
    nodata = ~outside & ((mapped == _nodata(raster)) | (mapped < 0) | (stratum == _nodata(strata or raster)))
    reference, unknown = label_codes(points.labels, raster, set(raster.names) | set(pixels))
    unlabelled = ~outside & ~nodata & (reference == -1)
    usable = ~outside & ~nodata & (reference >= 0)
    col, row = raster.pixel_of(points.x, points.y)
    _, first = np.unique(np.where(usable, row * raster.width + col, -1), return_index=True)
    kept = np.zeros(len(usable), dtype=bool)
    kept[first] = True
    duplicates = int(np.sum(usable & ~kept))
    used = usable & kept
    counts = {"used": int(used.sum()), "outside_map": int(outside.sum()), "on_nodata": int(nodata.sum()),
              "unlabelled": int(unlabelled.sum())}
    unknown = _still_unknown(unknown, points.labels, ~outside & ~nodata)
    return Matched(mapped[used], stratum[used], reference[used], counts, unknown, duplicates,
                   _outside_why(points, inside, in_strata, strata), strata is not None)


def _outside_why(points: ReferencePoints, inside: np.ndarray, in_strata: np.ndarray,
                 strata: ClassRaster | None) -> list:
    """The points counted outside the map that are so for another reason, in words."""
    why = []
    if points.no_crs and np.any(~inside):
        why.append("the layer has no CRS, so its coordinates were read as the map's: assign it its CRS")
    if points.empty:
        why.append(f"{points.empty} with an empty geometry")
    if points.untransformed:
        why.append(f"{points.untransformed} whose coordinates do not transform to the map's CRS")
    off_strata = int(np.sum(inside & ~in_strata))
    if off_strata and strata is not None:
        why.append(f"{off_strata} on the map but outside the strata {strata.path}")
    return why


def in_crs_of(strata: ClassRaster, x: np.ndarray, y: np.ndarray, map_crs: str) -> tuple:
    """The points (x, y in the map's CRS) in the CRS of ``strata``: a strata raster in another CRS
    read at the map's numbers would give the strata of a place hundreds of km away. A point that
    does not transform is NaN (outside the strata)."""
    if not strata.crs or not map_crs:  # never from assess_map: it refuses such rasters (no area)
        return x, y
    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromWkt(map_crs)
    target.ImportFromWkt(strata.crs)
    if source.IsSame(target):
        return x, y
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return transform_points(osr.CoordinateTransformation(source, target), x, y)


def transform_points(transform: osr.CoordinateTransformation, x: np.ndarray, y: np.ndarray) -> tuple:
    """(x, y) through ``transform``, NaN where a point does not transform (PROJ's inf, or an error)."""
    out_x, out_y = np.full(len(x), np.nan), np.full(len(x), np.nan)
    for k, (px, py) in enumerate(zip(x.tolist(), y.tolist())):
        try:
            tx, ty, _ = transform.TransformPoint(px, py)
        except RuntimeError:  # PROJ refuses the point (e.g. latitude 900)
            continue
        if np.isfinite(tx) and np.isfinite(ty):
            out_x[k], out_y[k] = tx, ty
    return out_x, out_y


def _nodata(raster: ClassRaster) -> int:
    return -1 if raster.nodata is None else raster.nodata


def _still_unknown(unknown: dict, labels: list, on_map: np.ndarray) -> dict:
    """The unknown labels counted only among points on the map (the others are counted already)."""
    counts: dict = {}
    for label, here in zip(labels, on_map):
        if here and label in unknown:
            counts[label] = counts.get(label, 0) + 1
    return counts


@dataclass
class AreaReport:
    """What ``assess`` writes: the report (the JSON's content) and the warnings."""

    report: dict
    warnings: list
    classes: list  # (code, name) of the error matrix's classes, in its order
    colours: dict  # name → (r, g, b)


def classes_of(raster: ClassRaster, pixels: dict, matched: Matched) -> list:
    """The codes of the error matrix: those the map has pixels of, then reference classes the map
    names but never maps."""
    absent = sorted(set(matched.reference.tolist()) - set(pixels))
    return list(pixels) + absent


def build_sample(matched: Matched, classes: list, strata_pixels: dict) -> tuple[Sample, list]:
    """The :class:`~backend.accuracy.Sample` of the matched units and the strata codes, in order."""
    strata_codes = list(strata_pixels)
    index = {code: k for k, code in enumerate(classes)}
    stratum_index = {code: h for h, code in enumerate(strata_codes)}
    return Sample(strata=[stratum_index[s] for s in matched.strata.tolist()],
                  mapped=[index[m] for m in matched.mapped.tolist()],
                  reference=[index[r] for r in matched.reference.tolist()],
                  stratum_pixels=[strata_pixels[s] for s in strata_codes], n_classes=len(classes),
                  strata_are_map_classes=False), strata_codes


def assess_map(map_path: str | Path, reference_path: str | Path, field_name: str,
               strata_path: str | Path | None = None, progress: Progress | None = None) -> AreaReport:
    """The accuracy of the map at ``map_path`` and its classes' areas from the labelled points of
    ``reference_path`` (field ``field_name``), the map classes as strata unless ``strata_path``
    gives others. Refused for a map without a projected CRS (areas need equal-area pixels)."""
    raster = ClassRaster.open(map_path, "the map")
    pixel_ha = raster.pixel_area_ha()
    strata = None if strata_path is None else ClassRaster.open(strata_path, "the strata")
    stratum_ha = pixel_ha if strata is None else strata.pixel_area_ha()  # refused in degrees, before any work
    points = read_reference(reference_path, field_name, raster.crs)
    if progress is not None:  # the long steps: counting the pixels of the map (and of the strata)
        progress.total = raster.block_count + (0 if strata is None else strata.block_count)
    pixels = raster.pixel_counts(progress)
    matched = match_points(points, raster, strata, pixels)
    if not matched.points["used"]:
        raise UserError(_nothing_usable(matched, reference_path, field_name))
    classes = classes_of(raster, pixels, matched)
    if strata is None:  # the map classes are the strata: stratum h is class h, empty ones too
        strata_pixels = {code: pixels.get(code, 0) for code in classes}
    else:
        strata_pixels = strata.pixel_counts(progress)
    sample, strata_codes = build_sample(matched, classes, strata_pixels)
    sample.strata_are_map_classes = strata is None
    result = assess(sample)
    names = [raster.name_of(c) for c in classes]
    total_ha = float(sample.stratum_pixels[sample.sampled].sum() * stratum_ha)
    report = report_dict(result, names, [pixels.get(c, 0) * pixel_ha for c in classes], total_ha, matched)
    strata_names = [(strata or raster).name_of(c) for c in strata_codes]
    warnings = points.warnings + what_to_say(result, sample, names, strata_names, matched,
                                             [pixels.get(c, 0) for c in classes])
    colours = {raster.name_of(c): raster.colours[c] for c in classes if c in raster.colours}
    return AreaReport(report, warnings, list(zip(classes, names)), colours)


def _nothing_usable(matched: Matched, path, field_name: str) -> str:
    counts = matched.points
    return (f"no point of {path} can be used: {counts['outside_map']} {matched.outside_words()}, "
            f"{counts['on_nodata']} "
            f"on nodata, {counts['unlabelled']} without a label in {field_name!r}"
            + (f", labels that name no map class: {', '.join(sorted(matched.unknown_labels))}"
               if matched.unknown_labels else "")
            + "; label the points (a map class name or code each) and check that they lie on the map")


def report_dict(result: Assessment, names: list, mapped_ha: list, total_ha: float, matched: Matched) -> dict:
    """The report as REPORT.json holds it: overall_accuracy, classes, error_matrix, points."""
    rows = result.counts.sum(axis=1)
    classes = {}
    for k, name in enumerate(names):
        classes[name] = {"users_accuracy": result.users[k].as_dict(),
                         "producers_accuracy": result.producers[k].as_dict(),
                         "area_proportion": result.area_proportions[k].as_dict(),
                         "area_ha": result.area_proportions[k].scaled(total_ha).as_dict(),
                         "mapped_area_ha": float(mapped_ha[k]), "samples": int(rows[k])}
    return {"overall_accuracy": result.overall.as_dict(), "classes": classes,
            "error_matrix": {"classes": list(names), "counts": result.counts.tolist(),
                             "area_proportions": result.proportions.tolist()},
            "points": {key: matched.points[key] for key in POINT_COUNTS}}


def what_to_say(result: Assessment, sample: Sample, names: list, strata_names: list, matched: Matched,
                pixels: list) -> list:
    """Every warning of an assessment, in words (see the module docstring)."""
    counts, said = matched.points, []
    if counts["outside_map"] or counts["on_nodata"]:
        said.append(f"{counts['outside_map']} point(s) {matched.outside_words()} and {counts['on_nodata']} "
                    "on nodata were left out")
    if counts["unlabelled"]:
        said.append(f"{counts['unlabelled']} point(s) have no reference label and were left out")
    if matched.unknown_labels:
        listed = ", ".join(f"{label!r} ({n})" for label, n in sorted(matched.unknown_labels.items()))
        said.append(f"reference labels that name no map class were left out: {listed}")
    if matched.duplicates:
        said.append(f"{matched.duplicates} point(s) fall on a pixel another point already has; only the "
                    "first of each pixel was used")
    n_h = sample.units_per_stratum
    few = [strata_names[h] for h in range(len(n_h)) if n_h[h] == 1]
    if few:
        said.append(f"fewer than 2 sample units in stratum {', '.join(few)}: its variance is undefined, so "
                    "the standard errors that need it are null")
    if result.unsampled_strata:
        left = ", ".join(strata_names[h] for h in result.unsampled_strata)
        said.append(f"no sample unit in stratum {left}: its pixels are left out of the estimated areas")
    absent = [names[k] for k in range(len(names)) if pixels[k] == 0]
    if absent:
        said.append(f"reference class(es) absent from the map: {', '.join(absent)} (never mapped: "
                    "producer's accuracy 0, user's accuracy undefined)")
    return said


def write_assessment(map_path: str | Path, reference_path: str | Path, field_name: str, out: str | Path,
                     html: str | Path | None = None, strata_path: str | Path | None = None,
                     progress: Progress | None = None) -> AreaReport:
    """``assess`` and ``moemae:assess``: assess the map (:func:`assess_map`), write the report as
    JSON to ``out`` and, with ``html``, as a page a person reads: both or neither
    (:func:`write_together`), neither over an input. The warnings go to the log."""
    import json

    from .files import check_outputs
    from .report_html import assessment_html

    check_outputs([("the report", out, (".json",)), ("the HTML report", html, (".html", ".htm"))],
                  [("the map", map_path), ("the reference points", str(reference_path).split("|")[0]),
                   ("the strata", strata_path)])
    result = assess_map(map_path, reference_path, field_name, strata_path, progress)
    for line in result.warnings:
        log.warning(line)
    text = json.dumps(result.report, indent=2, ensure_ascii=False)
    page = None
    if html:
        sources = {"map": map_path, "reference": f"{reference_path} (field {field_name})"}
        if strata_path:
            sources["strata"] = strata_path
        page = assessment_html(result.report, result.warnings, result.colours, sources)
    write_together([(out, text + "\n")] + ([(html, page)] if page is not None else []))
    return result


def write_together(files: list) -> None:
    """Write each (path, text) to a temporary file beside it and, only once all are written, rename
    them into place: a full disk that stops the second file leaves the first as it was too (the
    report and its page never disagree). A failure says truthfully what was replaced, if anything."""
    temps: list = []
    done: list = []
    current = files[0][0]
    try:
        for current, text in files:
            remove_stale_temporaries(current)
            temps.append(temporary_name(current))
            with open(temps[-1], "x", encoding="utf-8") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
        for tmp, (current, _) in zip(temps, files):
            os.replace(tmp, current)
            done.append(str(current))
    except OSError as exc:
        message = write_failure(current, exc)
        if done:  # a rename after another failed: rare, but said as it is
            message = message.replace("Nothing was replaced", f"Only {', '.join(done)} was replaced")
        raise UserError(message) from None
    finally:
        for tmp in temps:
            Path(tmp).unlink(missing_ok=True)


def summary_lines(report: dict) -> list:
    """The report in a few lines for a terminal or a log."""
    overall = report["overall_accuracy"]
    lines = [f"overall accuracy {_pm(overall, 3)} ({report['points']['used']} points used)",
             f"{'class':<24} {'user':>15} {'producer':>15} {'mapped ha':>12} {'estimated ha':>22}"]
    for name, c in report["classes"].items():
        lines.append(f"{name[:24]:<24} {_pm(c['users_accuracy'], 2):>15} "
                     f"{_pm(c['producers_accuracy'], 2):>15} {c['mapped_area_ha']:>12,.0f} "
                     f"{_pm(c['area_ha'], 0):>22}")
    return lines


def _pm(value: dict, digits: int) -> str:
    if value["estimate"] is None:
        return "-"
    if value["ci95"] is None:
        return f"{value['estimate']:,.{digits}f} ± ?"
    return f"{value['estimate']:,.{digits}f} ± {value['ci95']:,.{digits}f}"
