"""Build the plugin zip for QGIS's "Install from ZIP", and optionally install it into a profile.

The zip holds one folder, ``moemae_qgis/``: the plugin's modules, ``backend/``,
``resources/``, ``metadata.txt``, the licence and the README (the algorithms' offline help).
Entries are sorted and time-stamped from the last commit, so the same tree gives the same zip.
The zip's ``metadata.txt`` carries the changelog written from ``CHANGELOG.md`` (the one place it
is kept): plugins.qgis.org shows it on the plugin's page and the Plugin Manager beside each version.

    python tools/package.py --output dist/moemae_qgis-0.1.0.zip
    python tools/package.py --output dist/moemae_qgis-0.1.0.zip --deploy   # + install, enable

``--deploy`` installs into ``$QGIS_CUSTOM_CONFIG_PATH/profiles/<profile>`` when that variable
is set (tests use a throwaway profile that way), else into the user's QGIS profile.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tools"))
import translations  # noqa: E402 - beside this file; the .qm files are compiled into the zip

PLUGIN_FOLDER = "moemae_qgis"
# (source in the repository, destination inside moemae_qgis/ in the zip)
CONTENTS = [("moemae_qgis", ""), ("backend", "backend"), ("resources", "resources"),
            ("metadata.txt", "metadata.txt"), ("LICENSE", "LICENSE"), ("CHANGELOG.md", "CHANGELOG.md"),
            ("README.md", "README.md")]  # the algorithms' help panels read their sections from it
SKIP_DIRS = {"__pycache__", ".pytest_cache"}
SKIP_SUFFIXES = {".pyc", ".pyo", ".ts"}  # translation sources: the zip holds their compiled .qm
#: Where the compiled translations go in the zip (moemae_qgis/i18n.py reads them there).
QM_FOLDER = "resources/i18n"


#: Characters of one changelog line in metadata.txt: each CHANGELOG bullet gives its first sentence.
CHANGELOG_LINE_CHARS = 160


def changelog_entries(markdown: str) -> list[tuple[str, list[str]]]:
    """(version, bullets) of each ``## <version>`` section of CHANGELOG.md, newest first.

    A bullet's continuation lines are joined to it; code spans lose their backticks.
    """
    sections: list[tuple[str, list[str]]] = []
    for line in markdown.splitlines():
        if line.startswith("## "):
            sections.append((line[3:].split()[0], []))
        elif sections and line.startswith("- "):
            sections[-1][1].append(line[2:].strip())
        elif sections and sections[-1][1] and line.startswith("  ") and line.strip():
            sections[-1][1][-1] += " " + line.strip()
    return [(version, [bullet.replace("`", "") for bullet in bullets]) for version, bullets in sections]


def _lead(bullet: str) -> str:
    """A bullet's first sentence, cut at a word to fit :data:`CHANGELOG_LINE_CHARS`."""
    lead = bullet.split(". ", 1)[0].rstrip(".")
    if len(lead) <= CHANGELOG_LINE_CHARS:
        return lead
    return lead[:CHANGELOG_LINE_CHARS - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def packaged_metadata(metadata: str, markdown: str) -> str:
    """metadata.txt as the zip holds it: its ``changelog=`` line replaced by CHANGELOG.md's
    sections, as indented continuation lines (how configparser, and so plugins.qgis.org, reads
    a value of several lines)."""
    lines = []
    for version, bullets in changelog_entries(markdown):
        lines.append(f"    {version}")
        lines += [f"    - {_lead(bullet)}" for bullet in bullets]
    if not lines:
        raise ValueError("CHANGELOG.md has no '## <version>' section")
    lines[0] = "changelog=" + lines[0].strip()  # configparser keeps a first empty line
    kept = [line for line in metadata.splitlines() if not line.startswith("changelog=")]
    if len(kept) == len(metadata.splitlines()):
        raise ValueError("metadata.txt has no changelog= line to replace")
    return "\n".join(kept + lines) + "\n"


def _contents(path: Path) -> bytes:
    if path == REPO / "metadata.txt":
        return packaged_metadata(path.read_text(encoding="utf-8"),
                                 (REPO / "CHANGELOG.md").read_text(encoding="utf-8")).encode("utf-8")
    return path.read_bytes()


def _files(source: Path):
    if source.is_file():
        yield source
        return
    for path in sorted(source.rglob("*")):
        if path.is_file() and not SKIP_DIRS.intersection(path.relative_to(source).parts) \
                and path.suffix not in SKIP_SUFFIXES:
            yield path


def _timestamp() -> tuple:
    """The last commit's time (reproducible zips); the epoch of zip files outside a git checkout."""
    try:
        seconds = int(subprocess.run(["git", "-C", str(REPO), "log", "-1", "--format=%ct"],
                                     capture_output=True, text=True, check=True).stdout.strip())
    except (OSError, subprocess.CalledProcessError, ValueError):
        return (1980, 1, 1, 0, 0, 0)
    import time

    return time.gmtime(seconds)[:6]


def build_zip(output: Path) -> Path:
    """Write the plugin zip to ``output`` (atomically: a temporary file, then a rename)."""
    output.parent.mkdir(parents=True, exist_ok=True)
    stamp = _timestamp()
    fd, tmp_name = tempfile.mkstemp(prefix=".moemae-", suffix=".zip", dir=output.parent)
    os.close(fd)
    try:
        with tempfile.TemporaryDirectory(prefix="moemae-qm-") as qm_dir, \
                zipfile.ZipFile(tmp_name, "w", zipfile.ZIP_DEFLATED) as archive:
            entries = [(Path(dest_name, path.relative_to(source) if source.is_dir() else Path()), path)
                       for source_name, dest_name in CONTENTS
                       for source in [REPO / source_name] for path in _files(source)]
            entries += [(Path(QM_FOLDER, qm.name), qm) for qm in translations.compile_all(Path(qm_dir))]
            for relative, path in sorted(entries):
                info = zipfile.ZipInfo(Path(PLUGIN_FOLDER, relative).as_posix(), stamp)
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, _contents(path))
        os.replace(tmp_name, output)
    except BaseException:
        os.unlink(tmp_name)
        raise
    return output


def qgis_profile_dir(profile: str = "default") -> Path:
    """The QGIS 3 profile folder, honouring QGIS_CUSTOM_CONFIG_PATH as QGIS itself does."""
    custom = os.environ.get("QGIS_CUSTOM_CONFIG_PATH")
    if custom:
        base = Path(custom)
    elif sys.platform == "win32":
        base = Path(os.environ["APPDATA"]) / "QGIS" / "QGIS3"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / "QGIS" / "QGIS3"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "QGIS" / "QGIS3"
    return base / "profiles" / profile


def deploy(zip_path: Path, profile_dir: Path, enable: bool = True) -> Path:
    """Unpack the zip into ``<profile>/python/plugins/moemae_qgis``, replacing an older copy whole.

    The new copy is unpacked beside the old one and swapped in by renames, so an interrupted
    deploy never leaves a half-written plugin folder.
    """
    plugins = profile_dir / "python" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".moemae-deploy-", dir=plugins))
    try:
        with zipfile.ZipFile(zip_path) as archive:
            archive.extractall(staging)
        target = plugins / PLUGIN_FOLDER
        retired = plugins / f".{PLUGIN_FOLDER}-old"
        shutil.rmtree(retired, ignore_errors=True)
        if target.exists():
            target.rename(retired)
        (staging / PLUGIN_FOLDER).rename(target)
        shutil.rmtree(retired, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if enable:
        _enable(profile_dir)
    return target


def _enable(profile_dir: Path) -> None:
    """Mark the plugin enabled in the profile's settings, as the Plugin Manager would."""
    from qgis.PyQt.QtCore import QSettings

    ini = profile_dir / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(ini), QSettings.IniFormat)
    settings.setValue(f"PythonPlugins/{PLUGIN_FOLDER}", True)
    settings.sync()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, required=True, help="the zip to write")
    parser.add_argument("--deploy", action="store_true", help="also install into the QGIS profile")
    parser.add_argument("--profile", default="default", help="QGIS profile name (default: default)")
    args = parser.parse_args(argv)
    zip_path = build_zip(args.output)
    print(f"built {zip_path} ({zip_path.stat().st_size / 1e6:.1f} MB)")
    if args.deploy:
        target = deploy(zip_path, qgis_profile_dir(args.profile))
        print(f"installed and enabled in {target}; restart QGIS to load it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
