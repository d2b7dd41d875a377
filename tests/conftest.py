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
def server():
    """A real HTTP server on 127.0.0.1 serving the fixture checkpoint as the published file."""
    import threading

    from helpers import REFERENCE, Server

    running = Server((REFERENCE / "moe_mae_S_fixture_checkpoint.pth").read_bytes())
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    yield running
    running.shutdown()
    running.server_close()
