"""What this Python has and lacks: the report behind ``python -m backend info`` and the
plugin's *Check environment* algorithm.

Works without PyTorch, scikit-learn or platformdirs: a missing package is reported, not raised.
"""
from __future__ import annotations

import importlib
import platform
from dataclasses import dataclass, field

from . import __version__, paths

#: import name → the name a user installs it by. The pins live in resources/requirements-runtime.txt.
REQUIRED_MODULES = {"torch": "torch", "sklearn": "scikit-learn", "platformdirs": "platformdirs"}


@dataclass
class ModuleStatus:
    import_name: str
    package: str
    version: str | None  # None when it cannot be imported
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.version is not None


@dataclass
class EnvironmentReport:
    backend_version: str
    python: str
    platform: str
    modules: list[ModuleStatus]
    devices: list[str] = field(default_factory=list)
    default_device: str | None = None
    data_dir: str = ""
    models_dir: str = ""
    dependency_dir: str = ""

    @property
    def missing(self) -> list[ModuleStatus]:
        return [m for m in self.modules if not m.ok]

    def lines(self) -> list[str]:
        """The report as lines of text for a log or a terminal."""
        out = [
            f"moemae-qgis backend {self.backend_version}",
            f"Python {self.python} on {self.platform}",
        ]
        for m in self.modules:
            state = m.version if m.ok else f"MISSING ({m.error})"
            out.append(f"  {m.package:<14} {state}")
        if self.devices:
            out.append(f"Devices: {', '.join(self.devices)}; 'auto' picks {self.default_device}")
        else:
            out.append("Devices: unknown until PyTorch is installed")
        out.append(f"User data:     {self.data_dir}")
        out.append(f"User models:   {self.models_dir}")
        out.append(f"Plugin packages (this Python): {self.dependency_dir}")
        return out


def module_status(import_name: str, package: str) -> ModuleStatus:
    """Try to import one module; never raises."""
    try:
        module = importlib.import_module(import_name)
    except Exception as exc:  # ImportError, but also a broken install raising anything
        return ModuleStatus(import_name, package, None, f"{type(exc).__name__}: {exc}")
    return ModuleStatus(import_name, package, str(getattr(module, "__version__", "unknown")))


def collect() -> EnvironmentReport:
    """Gather the report. Imports PyTorch only if it is installed."""
    modules = [module_status(name, pkg) for name, pkg in REQUIRED_MODULES.items()]
    modules.append(module_status("numpy", "numpy"))
    modules.append(module_status("osgeo.gdal", "GDAL"))
    report = EnvironmentReport(
        backend_version=__version__,
        python=platform.python_version(),
        platform=f"{platform.system()} {platform.machine()}",
        modules=modules,
        data_dir=str(paths.user_data_dir()),
        models_dir=str(paths.user_models_dir()),
        dependency_dir=str(paths.dependency_dir()),
    )
    if modules[0].ok:
        import torch

        from .device import describe_device, resolve_device

        devices = [describe_device(torch.device("cpu"))]
        for index in range(torch.cuda.device_count() if torch.cuda.is_available() else 0):
            devices.append(describe_device(torch.device("cuda", index)))
        if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
            devices.append("mps")
        report.devices = devices
        report.default_device = str(resolve_device("auto"))
    return report

