"""Render a land-cover GeoTIFF as QGIS draws it, beside the scene in natural colour, with a legend.

    .venv/bin/python tools/render_map.py SCENE.tif LANDCOVER.tif OUT.png

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

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsContrastEnhancement,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsMultiBandColorRenderer,
    QgsRasterLayer,
)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter  # noqa: E402


def render(layer, size: int) -> QImage:
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(layer.extent())
    settings.setOutputSize(QSize(size, size))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage()


def main(scene_path: str, landcover_path: str, out_path: str, size: int = 420) -> int:
    from backend.probe import LinearProbe  # noqa: F401 - ensures the backend is importable
    from moemae_qgis.algorithms.base import apply_land_cover_style

    app = QgsApplication([], True)
    app.initQgis()
    scene = QgsRasterLayer(scene_path, "scene")
    landcover = QgsRasterLayer(landcover_path, "land cover")
    if not scene.isValid() or not landcover.isValid():
        sys.exit(f"render_map: cannot open {scene_path} or {landcover_path}")
    rgb = QgsMultiBandColorRenderer(scene.dataProvider(), 4, 3, 2)  # SR_B4, SR_B3, SR_B2
    for band, setter in ((4, rgb.setRedContrastEnhancement), (3, rgb.setGreenContrastEnhancement),
                         (2, rgb.setBlueContrastEnhancement)):
        stats = scene.dataProvider().bandStatistics(band)
        enhancement = QgsContrastEnhancement(scene.dataProvider().dataType(band))
        enhancement.setContrastEnhancementAlgorithm(QgsContrastEnhancement.ContrastEnhancementAlgorithm.StretchToMinimumMaximum)
        enhancement.setMinimumValue(stats.mean - 2 * stats.stdDev)
        enhancement.setMaximumValue(stats.mean + 2 * stats.stdDev)
        setter(enhancement)
    scene.setRenderer(rgb)
    from osgeo import gdal

    dataset = gdal.Open(landcover_path)  # keep it: a band outlives its dataset only in a crash
    band = dataset.GetRasterBand(1)
    band.GetNoDataValue()  # GDAL 3.6's GeoTIFF driver reads the .aux.xml (class names) only after such a call
    names = [n for n in (band.GetCategoryNames() or []) if n][:-1] or []
    table = band.GetColorTable()
    colours = [table.GetColorEntry(i)[:3] for i in range(len(names))]
    apply_land_cover_style(landcover, names, colours)
    present = sorted({int(v) for v in dataset.ReadAsArray().ravel() if v != 255})

    legend_width = 330
    image = QImage(2 * size + legend_width + 40, size + 50, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(QFont("DejaVu Sans", 11, QFont.Weight.Bold))
    painter.drawText(10, 22, "Landsat scene (SR_B4, SR_B3, SR_B2)")
    painter.drawText(size + 20, 22, "MoE-MAE land cover")
    painter.drawImage(10, 35, render(scene, size))
    painter.drawImage(size + 20, 35, render(landcover, size))
    painter.setFont(QFont("DejaVu Sans", 9))
    y = 45
    for index in present:
        painter.fillRect(2 * size + 35, y, 18, 14, QColor(*colours[index]))
        painter.setPen(QColor("black"))
        painter.drawRect(2 * size + 35, y, 18, 14)
        text = names[index] if len(names[index]) < 44 else names[index][:41] + "…"
        painter.drawText(2 * size + 60, y + 12, text)
        y += 22
    painter.end()
    image.save(out_path)
    print(f"wrote {out_path}", flush=True)
    # QGIS 3.22's exitQgis() can crash a standalone script on the way out; the image is written.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
