#!/usr/bin/env bash
# Installs what this machine lacks for moemae-qgis, and nothing it already has.
#  1. Debian packages: QGIS 3.22 with its Python bindings, GDAL and its bindings, PyQt5, Xvfb,
#     Qt's lrelease.
#     As root they are installed with apt-get; otherwise the exact command is printed.
#  2. .venv from /usr/bin/python3 (the Python QGIS embeds) with --system-site-packages.
#  3. requirements.txt into .venv, again only when it changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PYTHON=/usr/bin/python3
VENV=.venv
# qttools5-dev-tools: lrelease, which compiles the translations into the plugin zip.
APT_PACKAGES=(qgis python3-qgis qgis-providers gdal-bin python3-gdal python3-pyqt5 python3-venv
              python3-pip xvfb xauth qttools5-dev-tools)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "setup: installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
  else
    echo "setup: these Debian packages are missing: ${missing[*]}" >&2
    echo "setup: install them as root, then run make again:" >&2
    echo "    sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

qgis_version=$("$SYSTEM_PYTHON" -c 'from qgis.core import Qgis; print(Qgis.QGIS_VERSION_INT)')
if ((qgis_version < 32200)); then
  echo "setup: QGIS $qgis_version is too old; moemae-qgis needs QGIS 3.22 or newer." >&2
  exit 1
fi

if [[ ! -x $VENV/bin/python ]]; then
  echo "setup: creating $VENV from $SYSTEM_PYTHON (--system-site-packages)"
  "$SYSTEM_PYTHON" -m venv --system-site-packages "$VENV"
fi

# The stamp holds a hash of the requirement files: pip runs again only when they change.
stamp=$VENV/.requirements.sha256
want=$(cat requirements.txt resources/requirements-runtime.txt | sha256sum | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
  echo "setup: installing requirements.txt into $VENV"
  "$VENV/bin/python" -m pip install --quiet -r requirements.txt
  echo "$want" > "$stamp"
fi
