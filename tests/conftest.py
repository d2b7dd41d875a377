"""Shared fixtures. QGIS itself is started by pytest-qgis (a real QgsApplication, offscreen).
Helpers that are not fixtures are in helpers.py."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def isolated_user_data(tmp_path_factory, monkeypatch):
    """Every test gets its own user data folder: nothing touches the real ~/.local/share."""
    monkeypatch.setenv("MOEMAE_DATA_DIR", str(tmp_path_factory.mktemp("moemae-data")))


@pytest.fixture(scope="session")
def deployed_profile(tmp_path_factory):
    """A throwaway QGIS profile with the packaged plugin installed and enabled, for qgis_process."""
    import importlib.util

    from helpers import REPO

    spec = importlib.util.spec_from_file_location("package_tool", REPO / "tools" / "package.py")
    package_tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(package_tool)
    folder = tmp_path_factory.mktemp("deployed")
    profile = folder / "qgis-config"
    package_tool.deploy(package_tool.build_zip(folder / "moemae_qgis.zip"), profile / "profiles" / "default",
                        enable=True)
    return profile


@pytest.fixture(scope="module")
def provider(qgis_processing):
    """The plugin's Processing provider registered, as qgis_process registers it (no GUI)."""
    import moemae_qgis

    plugin = moemae_qgis.classFactory(None)
    plugin.initProcessing()
    yield
    plugin.unload()


@pytest.fixture
def cli(capsys):
    """``python -m backend ARGS`` in this process (fast: no new interpreter, no torch import):
    returns (exit status, stdout, stderr)."""
    from backend.cli import main

    def run(*args):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse's refusals and --help
            code = exc.code
        out, err = capsys.readouterr()
        return code, out, err
    return run


@pytest.fixture
def pin_published_to(tmp_path, monkeypatch):
    """``pin(path)``: from then on, the catalogue pins published-S to the file at ``path`` (its
    git blob SHA-1, computed here as git does, and its size) instead of the authors' file, so a
    test can download a file the repository holds through the real checks. It is a copy of the
    real catalogue, put in place for this test only; the real one refuses these files."""
    import hashlib
    import json

    from backend import catalogue

    def pin(path):
        data = path.read_bytes()
        content = json.loads(catalogue.CATALOGUE_FILE.read_text(encoding="utf-8"))
        entry = next(m for m in content["models"] if m["name"] == catalogue.PUBLISHED_MODEL)
        entry["pin"]["git_blob_sha1"] = hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()
        entry["approx_mb"] = round(len(data) / 2**20, 1)
        pinned = tmp_path / "catalogue-pinned.json"
        pinned.write_text(json.dumps(content), encoding="utf-8")
        monkeypatch.setattr(catalogue, "CATALOGUE_FILE", pinned)
        catalogue.read_catalogue.cache_clear()

    yield pin
    catalogue.read_catalogue.cache_clear()  # the real catalogue again once monkeypatch undoes the path


@pytest.fixture
def pinned_to_fixture(pin_published_to):
    """The catalogue with published-S pinned to the fixture checkpoint (see pin_published_to)."""
    from helpers import REFERENCE

    pin_published_to(REFERENCE / "moe_mae_S_fixture_checkpoint.pth")


def _serve():
    """A real HTTP server on 127.0.0.1 serving the fixture checkpoint under the published file
    name (``.body`` may be changed to serve other bytes)."""
    import threading

    from helpers import REFERENCE, Server

    running = Server((REFERENCE / "moe_mae_S_fixture_checkpoint.pth").read_bytes())
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    yield running
    running.shutdown()
    running.server_close()


@pytest.fixture
def server(pinned_to_fixture):
    """The fixture checkpoint served as the published file, the catalogue pinned to it: the
    download machinery (resume, cancel, failures) on a file it accepts."""
    yield from _serve()


@pytest.fixture
def mirror():
    """The fixture checkpoint served as the published file with the catalogue as shipped,
    pinned to the authors' file: a mirror that serves another file."""
    yield from _serve()
