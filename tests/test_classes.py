"""Class colours: water visible on QGIS's white canvas, a user's classes coloured by their names."""
import colorsys

import pytest

from backend import classes
from backend.catalogue import BUNDLED_DIR, read_catalogue
from backend.probe import LinearProbe


def contrast_with_white(rgb) -> float:
    """WCAG contrast ratio of a colour against white (1: invisible, 21: black)."""
    def linear(v):
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(v) for v in rgb)
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def hue_of(rgb) -> tuple[float, float]:
    """(hue in degrees, saturation) of an (r, g, b)."""
    h, s, _ = colorsys.rgb_to_hsv(*(v / 255 for v in rgb))
    return h * 360, s


def is_blue(rgb) -> bool:
    hue, saturation = hue_of(rgb)
    return 180 <= hue <= 250 and saturation > 0.4


@pytest.mark.parametrize("probe_file", sorted({p.file for p in read_catalogue()[1]}))
def test_shipped_probes_paint_water_a_visible_blue_and_match_backend_classes(probe_file):
    probe = LinearProbe.load(BUNDLED_DIR / probe_file)
    assert probe.colours == classes.colours_for(probe.class_names)  # regenerated from one place
    water_names = ("Inland waters", "Marine waters", "River", "SeaLake")
    water = [(n, c) for n, c in zip(probe.class_names, probe.colours) if n in water_names]
    assert len(water) == 2
    for name, colour in water:
        assert is_blue(colour) and contrast_with_white(colour) > 1.8, (name, colour)


def test_user_classes_are_coloured_by_the_words_in_their_names():
    names = ["Open WATER", "Forest", "town", "Crops", "wetland"]
    water, forest, town, crops, wetland = classes.colours_for(names)
    assert is_blue(water)
    assert 90 <= hue_of(forest)[0] <= 160
    assert hue_of(town)[0] <= 15 or hue_of(town)[0] >= 345 or hue_of(town)[1] < 0.1
    assert 35 <= hue_of(crops)[0] <= 60 and hue_of(crops)[1] > 0.5
    assert 160 <= hue_of(wetland)[0] <= 190


def test_classes_sharing_a_word_group_get_different_shades():
    names = ["lake", "River", "sea", "Reservoir", "pond", "Stream", "canal", "lagoon"]
    colours = classes.colours_for(names)
    assert len(set(colours)) == len(names)
    assert all(is_blue(c) for c in colours[:6])
    towns = classes.colours_for(["Urban", "Built-up", "City centre", "Industrial"])
    assert len(set(towns)) == 4


def test_words_are_matched_whole_not_inside_other_words():
    # "seaside" and "woodpecker" hold "sea" and "wood" but are not water or forest.
    seaside, woodpecker = classes.colours_for(["seaside", "woodpecker habitat"])
    assert seaside == classes.QUALITATIVE[0] and woodpecker == classes.QUALITATIVE[1]


def test_other_classes_get_distinct_qualitative_colours_then_endless_distinct_ones():
    names = [f"class {i}" for i in range(40)]
    colours = classes.colours_for(names)
    assert colours[:len(classes.QUALITATIVE)] == list(classes.QUALITATIVE)
    assert len(set(colours)) == 40


def test_a_given_colour_wins_and_is_not_handed_to_another_class():
    colours = classes.colours_for(["water", "lake", "forest"], given={"Water": (255, 0, 0),
                                                                       "Lake": classes.SEA_BLUE})
    assert colours[0] == (255, 0, 0) and colours[1] == classes.SEA_BLUE
    assert colours[2] != classes.SEA_BLUE
    assert len(set(classes.colours_for(["a water", "Lake", "sea"], given={"lake": (31, 120, 180)}))) == 3


@pytest.mark.parametrize("text, rgb", [("#1f78b4", (31, 120, 180)), ("1F78B4", (31, 120, 180)),
                                       (" 31, 120,180 ", (31, 120, 180)), ("0,0,0", (0, 0, 0))])
def test_colours_are_read_as_hex_or_comma_separated(text, rgb):
    assert classes.parse_colour(text) == rgb


@pytest.mark.parametrize("text", ["blue", "#1f78b", "31,120", "31,120,256", "-1,0,0", "#gggggg", ""])
def test_a_value_that_is_no_colour_is_refused_saying_how_to_write_one(text):
    with pytest.raises(ValueError, match=r"is no colour: write it as #1f78b4 or 31,120,180"):
        classes.parse_colour(text)
