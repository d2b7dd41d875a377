"""Reports a person reads, as one self-contained HTML file each (charts inline as PNG).

- :func:`assessment_html`: an accuracy assessment: the accuracies with their 95 % intervals, a
  chart of mapped against estimated area per class with error bars, the error matrix in sample
  counts and in proportions of area, the sample sizes, and every warning.
- :func:`probe_check_html`: a probe's cross-validated error matrix and per-class F1.

The HTML keeps to what Qt's rich-text viewer draws too (tables, inline styles, data: images),
so the Processing results viewer shows it as a browser does.
"""
from __future__ import annotations

import base64
import html
from typing import Callable

import numpy as np

from .charts import bar_chart

STYLE = ("body{font-family:sans-serif;font-size:14px;color:#222;margin:16px}"
         "table{border-collapse:collapse;margin:6px 0 14px}"
         "td,th{border:1px solid #bbb;padding:3px 7px;text-align:right}"
         "th{background:#eee}td.name,th.name{text-align:left}"
         ".warn{background:#fff3cd;border:1px solid #e0b040;padding:6px 10px;margin:8px 0}"
         ".diag{background:#e3f1e3;font-weight:bold}h1{font-size:20px}h2{font-size:16px;margin-top:20px}")


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def page(title: str, body: list) -> str:
    """A whole HTML document."""
    return (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{esc(title)}</title>'
            f"<style>{STYLE}</style></head><body><h1>{esc(title)}</h1>\n" + "\n".join(body)
            + "\n</body></html>\n")


def png_image(data: bytes, alt: str) -> str:
    return f'<img alt="{esc(alt)}" src="data:image/png;base64,{base64.b64encode(data).decode("ascii")}">'


def swatch(colour: tuple | None) -> str:
    if colour is None:
        return ""
    return (f'<span style="background-color:#{"{:02x}{:02x}{:02x}".format(*tuple(colour[:3]))}">'
            "&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;")


def with_interval(value: dict, digits: int = 3, thousands: bool = False) -> str:
    """"0.880 ± 0.074" of an {estimate, se, ci95}; "—" when undefined, "(se undefined)" when
    only the interval is."""
    if value["estimate"] is None:
        return "—"
    shown = f"{value['estimate']:,.0f}" if thousands else f"{value['estimate']:.{digits}f}"
    if value["ci95"] is None:
        return f"{shown} (se undefined)"
    return f"{shown} ± {value['ci95']:,.0f}" if thousands else f"{shown} ± {value['ci95']:.{digits}f}"


def matrix_table(names: list, matrix: np.ndarray, number: Callable, totals: bool = True) -> str:
    """An error matrix as a table: rows map classes, columns reference classes, with totals."""
    matrix = np.asarray(matrix)
    head = ('<tr><th class="name">map \\ reference</th>' + "".join(f"<th>{esc(n)}</th>" for n in names)
            + ("<th>total</th>" if totals else "") + "</tr>")
    rows = []
    for i, name in enumerate(names):
        cells = "".join(f'<td{" class=diag" if i == j else ""}>{number(matrix[i, j])}</td>'
                        for j in range(len(names)))
        rows.append(f'<tr><td class="name">{esc(name)}</td>{cells}'
                    + (f"<td>{number(matrix[i].sum())}</td>" if totals else "") + "</tr>")
    if totals:
        sums = "".join(f"<th>{number(v)}</th>" for v in matrix.sum(0))
        rows.append(f'<tr><th class="name">total</th>{sums}<th>{number(matrix.sum())}</th></tr>')
    return "<table>" + head + "".join(rows) + "</table>"


def warnings_block(warnings: list) -> str:
    if not warnings:
        return "<p>No warnings: every point was used.</p>"
    return "".join(f'<div class="warn">⚠ {esc(w)}</div>' for w in warnings)


def accuracy_table(report: dict, colours: dict) -> str:
    """Per class: mapped area, sample units, user's and producer's accuracy and estimated area."""
    head = ("<tr><th>#</th><th class=name>class</th><th>mapped area (ha)</th><th>sample units</th>"
            "<th>user's accuracy</th><th>producer's accuracy</th><th>estimated area (ha)</th></tr>")
    rows = [f"<tr><td>{k + 1}</td><td class=name>{swatch(colours.get(name))}{esc(name)}</td>"
            f"<td>{c['mapped_area_ha']:,.0f}</td><td>{c['samples']}</td>"
            f"<td>{with_interval(c['users_accuracy'], 2)}</td>"
            f"<td>{with_interval(c['producers_accuracy'], 2)}</td>"
            f"<td>{with_interval(c['area_ha'], thousands=True)}</td></tr>"
            for k, (name, c) in enumerate(report["classes"].items())]
    return "<table>" + head + "".join(rows) + "</table>"


def area_chart(report: dict, colours: dict) -> str:
    """The chart of mapped (grey) against estimated area (the class's colour, ± the 95 % interval)."""
    rows = [(c["mapped_area_ha"], c["area_ha"]["estimate"] or 0.0, c["area_ha"]["ci95"])
            for c in report["classes"].values()]
    fills = [tuple(colours.get(name, (31, 120, 180))) for name in report["classes"]]
    return (png_image(bar_chart(rows, fills), "mapped and estimated area per class")
            + "<p>Area in hectares, one pair of bars per class (numbered as in the table): grey, the mapped "
              "area (pixels × pixel area); coloured, the area estimated from the reference labels, with its "
              "95 % confidence interval.</p>")


def assessment_html(report: dict, warnings: list, colours: dict, sources: dict) -> str:
    """The assessment report (see the module docstring). ``sources``: what was read (label → path
    or words), listed at the top."""
    names = report["error_matrix"]["classes"]
    points = report["points"]
    overall = report["overall_accuracy"]
    body = ["<p>" + "<br>".join(f"<b>{esc(k)}</b>: {esc(v)}" for k, v in sources.items()) + "</p>",
            f"<h2>Overall accuracy: {with_interval(overall, 3)}</h2>",
            f"<p>± is the half-width of the 95 % confidence interval (1.96 × standard error). Points: "
            f"{points['used']} used, {points['outside_map']} outside the map, {points['on_nodata']} on "
            f"nodata, {points['unlabelled']} unlabelled.</p>",
            "<h2>Warnings</h2>", warnings_block(warnings),
            "<h2>Accuracy and area by class</h2>", accuracy_table(report, colours),
            "<h2>Mapped and estimated area</h2>", area_chart(report, colours),
            "<h2>Error matrix: sample counts</h2>",
            matrix_table(names, np.array(report["error_matrix"]["counts"]), lambda v: f"{int(v):,}"),
            "<h2>Error matrix: proportions of area</h2>",
            matrix_table(names, np.array(report["error_matrix"]["area_proportions"]), lambda v: f"{v:.4f}"),
            "<p>Rows are map classes, columns reference classes. Proportions weight each stratum's sample "
            "by its share of the area (Olofsson et al. 2014, Remote Sensing of Environment 148:42-57; "
            "Stehman 2014, International Journal of Remote Sensing 35:4923-4939, for strata other than the "
            "map classes).</p>"]
    return page("Is the map right? Accuracy and area", body)


def probe_check_html(names: list, matrix: np.ndarray, f1: list, summary: str) -> str:
    """A probe's cross-validated error matrix (rows: the labels given, columns: the probe's
    predictions held out) and per-class F1, with a bar chart of the F1 scores."""
    colours = [(31, 120, 180)] * len(names)
    rows = [(0.0, float(score), None) for score in f1]
    table = ("<table><tr><th>#</th><th class=name>class</th><th>samples</th><th>F1</th></tr>"
             + "".join(f"<tr><td>{k + 1}</td><td class=name>{esc(n)}</td><td>{int(row.sum())}</td>"
                       f"<td>{score:.3f}</td></tr>"
                       for k, (n, score, row) in enumerate(zip(names, f1, np.asarray(matrix))))
             + "</table>")
    body = [f"<p>{esc(summary)}</p>", "<h2>F1 per class (cross-validated)</h2>", table,
            png_image(bar_chart(rows, colours), "F1 per class"),
            "<h2>Cross-validated error matrix (sample counts)</h2>",
            matrix_table(names, matrix, lambda v: f"{int(v):,}").replace("map \\ reference",
                                                                         "label \\ predicted"),
            "<p>Rows are the classes the samples were labelled with, columns the class the probe predicted "
            "for them when they were held out of its fitting.</p>"]
    return page("How good is this probe?", body)
