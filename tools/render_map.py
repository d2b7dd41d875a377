"""Render a land-cover GeoTIFF as QGIS draws it, beside the scene in natural colour, with a legend.

    .venv/bin/python tools/render_map.py SCENE LANDCOVER.tif[,OTHER.tif …] OUT.png ["caption"]

Uses QGIS's own renderer (offscreen) and the plugin's land-cover style, so the picture is what
a user sees in the map canvas.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsRasterLayer,
)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter  # noqa: E402


def render(layer, width: int, height: int, extent) -> QImage:
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(extent)
    settings.setOutputSize(QSize(width, height))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage()


def style_scene(scene) -> None:
    """Natural colour as the plugin draws a Landsat product (SR_B4, SR_B3, SR_B2, cumulative cut)."""
    from moemae_qgis.algorithms.loadproduct import style_product_layer

    style_product_layer(scene, None)


def land_cover_classes(landcover, path: str) -> tuple[list, list, list]:
    """(names, colours, indices present) of a class GeoTIFF, its layer styled as the plugin styles it."""
    from osgeo import gdal

    from moemae_qgis.algorithms.base import apply_land_cover_style

    dataset = gdal.Open(path)  # keep it: a band outlives its dataset only in a crash
    band = dataset.GetRasterBand(1)
    band.GetNoDataValue()  # GDAL 3.6's GeoTIFF driver reads the .aux.xml (class names) only after such a call
    names = [n for n in (band.GetCategoryNames() or []) if n][:-1] or []
    table = band.GetColorTable()
    colours = [table.GetColorEntry(i)[:3] for i in range(len(names))]
    apply_land_cover_style(landcover, names, colours)
    values, counts = np.unique(dataset.ReadAsArray(), return_counts=True)
    present = [int(v) for v, _ in sorted(zip(values, counts), key=lambda vc: -vc[1]) if v != 255]
    return names, colours, present


#: How the QA_PIXEL panel draws each flag the plugin masks by default (first match wins).
QA_COLOURS = (("fill", (0, 0, 0)), ("cloud", (255, 255, 255)), ("cloud shadow", (90, 90, 200)),
              ("dilated cloud", (255, 170, 0)))


def qa_panel(scene_path: str, width: int, height: int) -> QImage | None:
    """The scene's QA_PIXEL band (when it has one) as flags: fill black, cloud white, cloud shadow
    blue, dilated cloud orange, clear grey."""
    from osgeo import gdal

    from backend import landsat
    from backend.scene import find_qa_band

    dataset = gdal.Open(scene_path)
    qa = find_qa_band(dataset, None, "scene")
    if qa is None:
        return None
    flags = qa.read(0, 0, dataset.RasterXSize, dataset.RasterYSize).astype(np.int64)
    rgb = np.full((*flags.shape, 3), 170, np.uint8)
    for name, colour in reversed(QA_COLOURS):
        rgb[(flags >> landsat.QA_PIXEL_BITS[name]) & 1 == 1] = colour
    rgb = np.ascontiguousarray(rgb)
    image = QImage(rgb.data, rgb.shape[1], rgb.shape[0], 3 * rgb.shape[1], QImage.Format.Format_RGB888)
    return image.scaled(width, height).copy()


def draw_legend(painter, names, colours, present, x: int, y: int) -> None:
    painter.setFont(QFont("DejaVu Sans", 9))
    for index in present:
        painter.fillRect(x, y, 18, 14, QColor(*colours[index]))
        painter.setPen(QColor("black"))
        painter.drawRect(x, y, 18, 14)
        text = names[index] if len(names[index]) < 44 else names[index][:41] + "…"
        painter.drawText(x + 25, y + 12, text)
        y += 22
    painter.setPen(QColor("#555555"))
    painter.drawText(x, y + 12, "blank: no prediction (fill or masked)")


def map_title(path: str) -> str:
    """The panel title of a land-cover map: its cell size in metres, from its geotransform."""
    from osgeo import gdal

    cell = abs(gdal.Open(path).GetGeoTransform()[1])
    return f"MoE-MAE land cover, {cell:.0f} m cells"


def main(scene_path: str, landcover_paths: str, out_path: str, caption: str = "", size: int = 480) -> int:
    """``landcover_paths``: one map, or several separated by commas (drawn side by side)."""
    from backend.probe import LinearProbe  # noqa: F401 - ensures the backend is importable

    app = QgsApplication([], True)
    app.initQgis()
    paths = landcover_paths.split(",")
    scene = QgsRasterLayer(scene_path, "scene")
    maps = [QgsRasterLayer(path, "land cover") for path in paths]
    if not scene.isValid() or not all(m.isValid() for m in maps):
        sys.exit(f"render_map: cannot open {scene_path} or {landcover_paths}")
    style_scene(scene)
    present = []
    for layer, path in zip(maps, paths):
        names, colours, found = land_cover_classes(layer, path)
        present += [index for index in found if index not in present]
    extent = scene.extent()
    width, height = size, max(1, round(size * extent.height() / extent.width()))
    qa = qa_panel(scene_path, width, height)
    panels = [("Landsat scene (SR_B4, SR_B3, SR_B2)", render(scene, width, height, extent))]
    if qa is not None:
        panels.append(("QA_PIXEL: cloud, shadow, dilated, fill", qa))
    for layer, path in zip(maps, paths):
        title = map_title(path) if len(paths) > 1 else "MoE-MAE land cover"
        panels.append((title, render(layer, width, height, extent)))
    image = compose(panels, width, height, (names, colours, present), caption)
    image.save(out_path)
    print(f"wrote {out_path}", flush=True)
    # QGIS 3.22's exitQgis() can crash a standalone script on the way out; the image is written.
    os._exit(0)


def compose(panels: list, width: int, height: int, legend: tuple, caption: str) -> QImage:
    """Titled, framed panels side by side, the legend at the right, the caption below."""
    names, colours, present = legend
    top, legend_width = 35, 330
    image = QImage(len(panels) * (width + 10) + legend_width + 20,
                   max(height, 22 * len(present) + 30) + top + 35, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for index, (title, picture) in enumerate(panels):
        x = index * (width + 10) + 10
        painter.setFont(QFont("DejaVu Sans", 11, QFont.Weight.Bold))
        painter.setPen(QColor("black"))
        painter.drawText(x, 22, title)
        painter.drawImage(x, top, picture)
        painter.setPen(QColor("#999999"))  # a frame: blank cells (no prediction) still show the extent
        painter.drawRect(x, top, width - 1, height - 1)
    draw_legend(painter, names, colours, present, len(panels) * (width + 10) + 15, top + 10)
    painter.setFont(QFont("DejaVu Sans", 9))
    painter.setPen(QColor("#333333"))
    painter.drawText(10, image.height() - 12, caption)
    painter.end()
    return image


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
