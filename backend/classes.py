"""Land-cover classes, in one place: BigEarthNet's 19 classes, their CORINE colours, and the
43 → 19 mapping of docs/moe-mae-spec.md. Probes, datasets, the GeoTIFF palette and
the QGIS legend all read them from here.
"""
from __future__ import annotations

import numpy as np

#: BigEarthNet 19-class nomenclature, in label-index order, each with its CORINE Land Cover
#: legend colour (RGB) and the 43-class labels (CLC level-3 names) it merges.
BIGEARTHNET19 = (
    ("Urban fabric", (230, 0, 77), ("Continuous urban fabric", "Discontinuous urban fabric")),
    ("Industrial or commercial units", (204, 77, 242), ("Industrial or commercial units",)),
    ("Arable land", (255, 255, 168),
     ("Non-irrigated arable land", "Permanently irrigated land", "Rice fields")),
    ("Permanent crops", (230, 128, 0), ("Vineyards", "Fruit trees and berry plantations", "Olive groves",
                                        "Annual crops associated with permanent crops")),
    ("Pastures", (230, 230, 77), ("Pastures",)),
    ("Complex cultivation patterns", (255, 230, 77), ("Complex cultivation patterns",)),
    ("Land principally occupied by agriculture, with significant areas of natural vegetation", (230, 204, 77),
     ("Land principally occupied by agriculture, with significant areas of natural vegetation",)),
    ("Agro-forestry areas", (242, 204, 166), ("Agro-forestry areas",)),
    ("Broad-leaved forest", (128, 255, 0), ("Broad-leaved forest",)),
    ("Coniferous forest", (0, 166, 0), ("Coniferous forest",)),
    ("Mixed forest", (77, 255, 0), ("Mixed forest",)),
    ("Natural grassland and sparsely vegetated areas", (204, 242, 77),
     ("Natural grassland", "Sparsely vegetated areas")),
    ("Moors, heathland and sclerophyllous vegetation", (166, 255, 128),
     ("Moors and heathland", "Sclerophyllous vegetation")),
    ("Transitional woodland, shrub", (166, 242, 0), ("Transitional woodland/shrub",)),
    ("Beaches, dunes, sands", (230, 230, 230), ("Beaches, dunes, sands",)),
    ("Inland wetlands", (166, 166, 255), ("Inland marshes", "Peatbogs")),
    ("Coastal wetlands", (204, 204, 255), ("Salt marshes", "Salines")),
    ("Inland waters", (0, 204, 242), ("Water courses", "Water bodies")),
    ("Marine waters", (230, 242, 255), ("Coastal lagoons", "Estuaries", "Sea and ocean")),
)

#: The class raster is UInt8 with this value as nodata (no prediction) ...
CLASS_NODATA = 255
#: ... so a map holds at most 255 classes, values 0 … 254.
MAX_CLASSES = CLASS_NODATA

BIGEARTHNET19_NAMES = tuple(name for name, _, _ in BIGEARTHNET19)
BIGEARTHNET19_COLOURS = tuple(colour for _, colour, _ in BIGEARTHNET19)
#: CLC level-3 label → index among the 19 classes; labels not listed are dropped (roads,
#: ports, airports, mines, dumps, construction, green urban, sport, bare rock, burnt, tidal flats).
LABEL43_TO_19 = {label: index for index, (_, _, labels) in enumerate(BIGEARTHNET19) for label in labels}

#: EuroSAT's 10 classes with colours in the same CORINE spirit.
EUROSAT10 = (
    ("AnnualCrop", (255, 255, 168)), ("Forest", (0, 166, 0)), ("HerbaceousVegetation", (204, 242, 77)),
    ("Highway", (204, 0, 0)), ("Industrial", (204, 77, 242)), ("Pasture", (230, 230, 77)),
    ("PermanentCrop", (230, 128, 0)), ("Residential", (230, 0, 77)), ("River", (0, 204, 242)),
    ("SeaLake", (230, 242, 255)),
)


def multi_hot_19(labels43: list) -> np.ndarray:
    """(19,) uint8 multi-hot vector of BigEarthNet-19 classes for a list of 43-class labels."""
    vector = np.zeros(len(BIGEARTHNET19), np.uint8)
    for label in labels43:
        index = LABEL43_TO_19.get(label)
        if index is not None:
            vector[index] = 1
    return vector


def colours_for(names: list) -> list:
    """A colour per class name: the CORINE colour of a BigEarthNet or EuroSAT class, else a
    distinct generated one."""
    table = {name: colour for name, colour, _ in BIGEARTHNET19}
    table.update(dict(EUROSAT10))
    return [table.get(name, fallback_colour(i)) for i, name in enumerate(names)]


def fallback_colour(index: int) -> tuple[int, int, int]:
    """A distinct colour for a user's class that has none: golden-angle hues."""
    import colorsys

    r, g, b = colorsys.hsv_to_rgb((index * 0.618033988749895) % 1.0, 0.65, 0.9)
    return int(r * 255), int(g * 255), int(b * 255)
