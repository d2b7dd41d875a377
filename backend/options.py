"""The options of a run on a scene, with their defaults named once. No torch, no GDAL: the QGIS
plugin reads these while it loads, before it knows whether PyTorch is installed."""
from __future__ import annotations

RESOLUTIONS = ("auto", "tile", "token")


#: A map's default cells: 120 m tokens where the probe allows it (:func:`token_resolution`).
MAP_RESOLUTION_DEFAULT = "auto"


#: An embedding raster's default cells: one per stride, since a field of 120 m cells is
#: (stride / 4)² times as large (25× at stride 20: 2.2 GB of float32 for a whole scene).
EMBEDDING_RESOLUTION_DEFAULT = "tile"
