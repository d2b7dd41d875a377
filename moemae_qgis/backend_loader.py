"""Import the backend from either layout the plugin lives in.

- Packaged (the zip, ``make deploy``): ``moemae_qgis/backend/`` is a subpackage of the plugin,
  imported as ``moemae_qgis.backend`` so that no top-level name ``backend`` is claimed inside
  QGIS's Python, where another plugin might use it.
- Repository (development, tests): ``backend/`` sits beside ``moemae_qgis/`` and is the
  top-level package ``backend``, as ``python -m backend`` sees it.

The backend uses relative imports only, so it works under either name.
"""
from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

PLUGIN_DIR = Path(__file__).resolve().parent


def backend_package_name() -> str:
    if (PLUGIN_DIR / "backend" / "__init__.py").is_file():
        return f"{__package__}.backend"
    repo_root = PLUGIN_DIR.parent
    if (repo_root / "backend" / "__init__.py").is_file():
        if str(repo_root) not in sys.path:
            sys.path.append(str(repo_root))
        return "backend"
    raise ImportError(
        f"the moemae-qgis backend is missing: neither {PLUGIN_DIR / 'backend'} nor "
        f"{PLUGIN_DIR.parent / 'backend'} exists. Reinstall the plugin from its zip."
    )


def load_backend(submodule: str = "") -> ModuleType:
    """The backend package, or one of its modules: ``load_backend("paths")``."""
    name = backend_package_name()
    return importlib.import_module(f"{name}.{submodule}" if submodule else name)
