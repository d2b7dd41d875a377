"""Land-cover classes, in one place: BigEarthNet's 19 classes, their CORINE colours, and the
43 → 19 mapping of docs/moe-mae-spec.md; colours for a user's own classes (from a colour the
user gives, else from words in the class name, else a distinct qualitative palette). Probes,
datasets, the GeoTIFF palette and the QGIS legend all read them from here.
"""
from __future__ import annotations

import numpy as np

#: CORINE paints the sea #e6f2ff, which vanishes on QGIS's white canvas (rivers looked like
#: holes in the map): the sea is this deep blue instead (ColorBrewer's #1f78b4).
SEA_BLUE = (31, 120, 180)

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
    ("Marine waters", SEA_BLUE, ("Coastal lagoons", "Estuaries", "Sea and ocean")),
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
    ("SeaLake", SEA_BLUE),
)


def multi_hot_19(labels43: list) -> np.ndarray:
    """(19,) uint8 multi-hot vector of BigEarthNet-19 classes for a list of 43-class labels."""
    vector = np.zeros(len(BIGEARTHNET19), np.uint8)
    for label in labels43:
        index = LABEL43_TO_19.get(label)
        if index is not None:
            vector[index] = 1
    return vector


def colours_for(names: list, given: dict | None = None) -> list:
    """An (r, g, b) per class name, no two alike where it can be helped: the colour ``given`` for
    it (class name → colour), else the CORINE colour of a BigEarthNet or EuroSAT class, else a
    shade of its keyword group (:data:`KEYWORD_COLOURS`: water blue, forest green …), else the
    next colour of :data:`QUALITATIVE`. Names are compared case-insensitively, word by word."""
    given = {name.casefold(): tuple(colour) for name, colour in (given or {}).items()}
    table = {name.casefold(): colour for name, colour, _ in BIGEARTHNET19}
    table.update((name.casefold(), colour) for name, colour in EUROSAT10)
    chosen = [given.get(name.casefold()) or table.get(name.casefold()) for name in names]
    used = set(filter(None, chosen))
    shades_taken: dict = {}
    for i, name in enumerate(names):
        if chosen[i] is None:
            chosen[i] = _keyword_colour(name, used, shades_taken)
    spare = (colour for colour in _qualitative() if colour not in used)
    for i, colour in enumerate(chosen):
        if colour is None:
            chosen[i] = next(spare)
            used.add(chosen[i])
    return chosen


#: Land-cover words (English, with a few French, Spanish, Portuguese and German ones) and the
#: shades a class named with them gets, in order: classes sharing a group (two kinds of water)
#: get different shades. Ordered by precedence: "forested wetland" is a wetland. Every shade is
#: dark or saturated enough to stand out on QGIS's white canvas.
KEYWORD_COLOURS = (
    (("wetland", "wetlands", "marsh", "swamp", "bog", "peat", "peatland", "fen", "mangrove", "mangroves",
      "humedal", "marais", "sumpf", "várzea", "varzea"),
     ((0, 150, 136), (0, 105, 92), (77, 182, 172))),
    (("water", "waters", "river", "rivers", "lake", "lakes", "sea", "ocean", "reservoir", "pond", "stream",
      "canal", "lagoon", "estuary", "bay", "marine", "sealake", "eau", "agua", "água", "wasser", "rio", "río",
      "rivière", "fleuve", "lac", "lago", "mer", "mar", "fluss", "meer"),
     ((31, 120, 180), (0, 160, 225), (8, 69, 148), (66, 146, 198), (44, 62, 160), (0, 119, 153))),
    (("snow", "ice", "glacier", "cloud", "clouds", "neige", "nieve", "schnee", "nuage", "nube", "nuvem",
      "wolke", "wolken"),
     ((180, 190, 205), (150, 170, 200), (205, 205, 215))),
    (("forest", "forests", "tree", "trees", "wood", "woods", "woodland", "jungle", "rainforest", "forêt",
      "foret", "bosque", "floresta", "mata", "selva", "wald", "bois"),
     ((0, 109, 44), (35, 139, 69), (65, 171, 93), (0, 80, 30), (99, 150, 60))),
    (("grass", "grassland", "grasslands", "meadow", "pasture", "pastures", "savanna", "savannah", "shrub",
      "shrubs", "shrubland", "scrub", "steppe", "herbaceous", "heath", "moor", "prairie", "cerrado",
      "pasto", "pastagem", "prado", "wiese", "herbe"),
     ((140, 200, 70), (180, 210, 90), (110, 170, 60), (160, 190, 40))),
    (("crop", "crops", "cropland", "field", "fields", "arable", "agriculture", "agricultural", "farm",
      "farmland", "cultivated", "cultivation", "wheat", "maize", "corn", "rice", "soy", "soybean", "cereal",
      "orchard", "vineyard", "culture", "cultures", "cultivo", "cultivos", "lavoura", "acker", "champ",
      "champs", "feld"),
     ((240, 200, 0), (215, 150, 0), (250, 225, 80), (190, 160, 20), (245, 175, 60))),
    (("urban", "town", "towns", "built", "city", "cities", "building", "buildings", "settlement",
      "residential", "industrial", "commercial", "road", "roads", "highway", "village", "impervious",
      "paved", "urbain", "urbano", "urbana", "ville", "ciudad", "cidade", "stadt", "bâti", "bati",
      "construido"),
     ((215, 25, 28), (110, 110, 110), (165, 0, 38), (150, 150, 150), (240, 90, 60), (70, 70, 70))),
    (("bare", "sand", "sands", "sandy", "soil", "rock", "rocks", "desert", "dune", "dunes", "beach",
      "beaches", "gravel", "quarry", "mine", "mining", "sable", "arena", "areia", "suelo", "solo", "sol"),
     ((166, 118, 29), (205, 150, 95), (130, 80, 10), (190, 130, 45))),
    (("burnt", "burned", "burn", "fire", "scar", "brûlé", "quemado", "queimada"),
     ((50, 30, 30), (95, 50, 40))),
)


def _keyword_colour(name: str, used: set, shades_taken: dict) -> tuple | None:
    """The next free shade of the first keyword group a word of ``name`` belongs to, or None."""
    import re

    words = set(re.findall(r"[^\W\d_]+", name.casefold()))
    for group, (keywords, shades) in enumerate(KEYWORD_COLOURS):
        if words.isdisjoint(keywords):
            continue
        free = [shade for shade in shades if shade not in used]
        if not free:  # more classes than shades: darker copies keep them apart
            step = shades_taken.get(group, 0)
            r, g, b = (int(v * 0.75 ** (1 + step // len(shades))) for v in shades[step % len(shades)])
            free = [(r, g, b)]
        shades_taken[group] = shades_taken.get(group, 0) + 1
        used.add(free[0])
        return free[0]
    return None


#: Distinct colours for classes no word gives a colour: purples, oranges, pinks and browns, not
#: the blues, greens, yellows, reds and greys that the keyword groups mean as water, vegetation,
#: crops and towns.
QUALITATIVE = ((152, 78, 163), (255, 127, 0), (247, 129, 191), (166, 86, 40), (231, 41, 138),
               (117, 112, 179), (128, 0, 64), (64, 0, 128))


def _qualitative():
    """:data:`QUALITATIVE`, then golden-angle hues for ever."""
    yield from QUALITATIVE
    index = 0
    while True:
        yield fallback_colour(index)
        index += 1


def fallback_colour(index: int) -> tuple[int, int, int]:
    """A distinct colour for a user's class that has none: golden-angle hues."""
    import colorsys

    r, g, b = colorsys.hsv_to_rgb((index * 0.618033988749895) % 1.0, 0.65, 0.9)
    return int(r * 255), int(g * 255), int(b * 255)


def parse_colour(text: str) -> tuple[int, int, int]:
    """(r, g, b) of a colour written "#1f78b4" (or "1f78b4") or "31,120,180"; ValueError with what
    was expected otherwise."""
    import re

    value = str(text).strip()
    hex_digits = re.fullmatch(r"#?([0-9a-fA-F]{6})", value)
    if hex_digits:
        r, g, b = (int(hex_digits.group(1)[i:i + 2], 16) for i in (0, 2, 4))
        return r, g, b
    parts = [p.strip() for p in value.split(",")]
    if len(parts) == 3 and all(p.isdigit() and int(p) <= 255 for p in parts):
        r, g, b = (int(p) for p in parts)
        return r, g, b
    raise ValueError(f"{value!r} is no colour: write it as #1f78b4 or 31,120,180 (red, green, blue 0-255)")
