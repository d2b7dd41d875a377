"""metadata.txt carries everything the QGIS plugin repository and Plugin Manager need."""
import configparser
import re

import tomllib

import backend
from backend import paths
from helpers import REPO

REQUIRED = ["name", "qgisMinimumVersion", "description", "about", "version", "author", "email",
            "repository", "tracker", "homepage", "tags", "category", "icon",
            "hasProcessingProvider", "changelog"]


def read_metadata():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive (qgisMinimumVersion)
    parser.read(REPO / "metadata.txt", encoding="utf-8")
    return parser["general"]


def test_required_fields_are_present_and_not_empty():
    general = read_metadata()
    missing = [key for key in REQUIRED if not general.get(key, "").strip()]
    assert missing == []


def test_values_the_product_design_fixes():
    general = read_metadata()
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["category"] == "Raster"
    assert general["hasProcessingProvider"] == "yes"
    assert re.fullmatch(r"\d+\.\d+\.\d+", general["version"])
    assert general["repository"].startswith("https://")
    # The icon path is relative to the plugin folder, where resources/ is packaged.
    assert (REPO / general["icon"]).is_file()


def test_version_has_one_source():
    general = read_metadata()
    assert backend.__version__ == general["version"]
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text())
    assert "project" not in pyproject  # tool settings only: no second place for a version
    assert f"## {general['version']}" in (REPO / "CHANGELOG.md").read_text()
    assert general["changelog"].startswith(general["version"])


def test_runtime_requirements_pin_torch():
    requirements = paths.runtime_requirements()
    assert "torch==2.13.0" in requirements
    assert {r.split("==")[0] for r in requirements} == {"torch", "scikit-learn", "platformdirs"}
