"""metadata.txt carries everything the QGIS plugin repository and Plugin Manager need."""
import configparser
import importlib.util
import re
import zipfile

import pytest
import tomllib

import backend
from backend import paths
from helpers import REPO

spec = importlib.util.spec_from_file_location("package_tool", REPO / "tools" / "package.py")
package_tool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(package_tool)

#: What plugins.qgis.org refuses an upload without (its metadata validator).
REPOSITORY_REQUIRED = ["name", "qgisMinimumVersion", "description", "about", "version", "author", "email",
                       "repository"]

REQUIRED = ["name", "qgisMinimumVersion", "description", "about", "version", "author", "email",
            "repository", "tracker", "homepage", "tags", "category", "icon",
            "hasProcessingProvider", "changelog"]


def parse_metadata(text: str):
    """As plugins.qgis.org and QGIS's Plugin Manager read it: configparser, case-kept keys."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive (qgisMinimumVersion)
    parser.read_string(text)
    return parser["general"]


def read_metadata():
    return parse_metadata((REPO / "metadata.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def zipped_metadata(tmp_path_factory):
    """metadata.txt as the packaged zip holds it, and the backend's reading of the unpacked plugin."""
    archive = package_tool.build_zip(tmp_path_factory.mktemp("dist") / "moemae_qgis.zip")
    with zipfile.ZipFile(archive) as opened:
        return opened.read("moemae_qgis/metadata.txt").decode("utf-8")


def version_key(version: str) -> tuple:
    return tuple(int(part) for part in version.split("."))


def test_the_zip_metadata_passes_the_repository_checks(zipped_metadata):
    general = parse_metadata(zipped_metadata)
    assert [key for key in REPOSITORY_REQUIRED if not general.get(key, "").strip()] == []
    # Listed for QGIS 4: a maximum of 4.0 or more, and Qt 6 support declared.
    assert version_key(general["qgisMaximumVersion"]) >= (4, 0)
    assert version_key(general["qgisMinimumVersion"]) <= (3, 22)
    assert general.getboolean("supportsQt6") is True
    for package in ("PyTorch", "scikit-learn", "platformdirs"):
        assert package in general["about"]


def test_the_zip_changelog_is_written_from_changelog_md(zipped_metadata):
    changelog = parse_metadata(zipped_metadata)["changelog"].splitlines()
    markdown = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    versions = re.findall(r"^## (\S+)", markdown, flags=re.MULTILINE)
    assert len(versions) >= 2
    assert [line for line in changelog if re.fullmatch(r"\d+\.\d+\.\d+", line)] == versions
    assert changelog[0] == read_metadata()["version"]
    bullets = len(re.findall(r"^- ", markdown, flags=re.MULTILINE))
    assert len([line for line in changelog if line.startswith("- ")]) == bullets
    assert all(len(line) <= package_tool.CHANGELOG_LINE_CHARS + 2 for line in changelog)


def test_the_packaged_changelog_is_no_key_to_the_backend(zipped_metadata, tmp_path, monkeypatch):
    """Continuation lines such as "RESOLUTION=token …" must not read as keys, nor hide the version."""
    assert "RESOLUTION=token" in zipped_metadata
    (tmp_path / "metadata.txt").write_text(zipped_metadata + "    version=9.9.9\n", encoding="utf-8")
    monkeypatch.setattr(backend, "PACKAGE_DIR", tmp_path / "backend")
    read = backend.plugin_metadata()
    assert read["version"] == read_metadata()["version"]
    assert "RESOLUTION" not in read


def test_a_metadata_without_changelog_line_is_refused():
    with pytest.raises(ValueError, match="changelog"):
        package_tool.packaged_metadata("[general]\nname=x\n", "## 1.0.0\n- first\n")


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
