"""What the tests share besides fixtures: the repository's data, real GeoTIFFs and vector layers,
the CLI and qgis_process in fresh processes, and the CLI's error contract. Tests import these
(``from helpers import …``); fixtures live in conftest.py."""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import http.server
import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parent.parent
#: Small real data the tests (and the demo and bench) read; kept out of the plugin zip. See its README.
DATA = REPO / "tests" / "data"
#: 150 real BigEarthNet-L patches in the reference's layout.
SAMPLE = DATA / "bigearthnet-l-sample"
#: A checkpoint in the published format and the embeddings the reference computes from it.
REFERENCE = DATA / "reference"
#: Two real USGS Landsat 8 Collection 2 Level-2 products as downloaded (one file per band, MTL).
LANDSAT = DATA / "landsat-c2l2"
LIVERPOOL = LANDSAT / "LC08_L2SP_204023_20200927_20201006_02_T1"  # all SR bands, MTL.txt, no QA_PIXEL
CLOUDY = LANDSAT / "LC08_L2SP_001070_20190114_20200830_02_T2"  # 512 px, QA_PIXEL, MTL .txt/.xml/.json
QGIS_PROCESS = "qgis_process.bin"  # Debian's /usr/bin/qgis_process wrapper passes a flag 3.22 rejects


def run_qgis_process(args: list[str], profile: Path, timeout: float = 300, python_path: bool = True):
    """Run ``qgis_process.bin`` with a throwaway profile; returns the CompletedProcess.

    With ``python_path`` the venv's site-packages (PyTorch, scikit-learn, platformdirs) are
    visible to QGIS's Python, as the plugin's own dependency folder would make them for a user.
    """
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(profile), QT_QPA_PLATFORM="offscreen")
    env.setdefault("XDG_RUNTIME_DIR", str(profile / "runtime"))
    if python_path:
        env["PYTHONPATH"] = sysconfig.get_paths()["purelib"]
    else:
        env.pop("PYTHONPATH", None)
    return subprocess.run([QGIS_PROCESS, *args], capture_output=True, text=True, env=env,
                          timeout=timeout, stdin=subprocess.DEVNULL)


def qgis_process_json(args: list[str], profile: Path, **kwargs) -> dict:
    """``qgis_process.bin --json ...`` parsed; fails the test with QGIS's own output otherwise."""
    result = run_qgis_process(["--json", *args], profile, **kwargs)
    start = result.stdout.find("{")
    if result.returncode != 0 or start < 0:
        pytest.fail(f"qgis_process {' '.join(args)} exited {result.returncode}\n"
                    f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}")
    return json.loads(result.stdout[start:])


def run_backend_cli(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    """``python -m backend ARGS`` in a fresh interpreter, from the repository root."""
    return subprocess.run([sys.executable, "-m", "backend", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def write_raster(path, pixels, epsg=32634, origin=(500000.0, 7000020.0), data_type=None, descriptions=None,
                 nodata=None, transform=None, georeferenced=True):
    """A real GeoTIFF of (bands, H, W) pixels: 30 m pixels from ``origin`` in EPSG:``epsg`` (UTM
    zone 34N by default), or the geotransform ``transform``; no georeferencing at all when
    ``georeferenced`` is False."""
    from osgeo import gdal, osr

    bands, h, w = pixels.shape
    ds = gdal.GetDriverByName("GTiff").Create(str(path), w, h, bands, data_type or gdal.GDT_UInt16)
    if georeferenced:
        ds.SetGeoTransform(transform or (origin[0], 30.0, 0.0, origin[1], 0.0, -30.0))
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        ds.SetProjection(srs.ExportToWkt())
    for b in range(bands):
        band = ds.GetRasterBand(b + 1)
        band.WriteArray(pixels[b])
        if descriptions:
            band.SetDescription(descriptions[b])
        if nodata is not None:
            band.SetNoDataValue(nodata)
    ds = None
    return path

@functools.lru_cache(maxsize=1)
def sample_images() -> np.ndarray:
    """(150, 7, 40, 40) UInt16 centre crops of the BigEarthNet-L sample, read once per session."""
    from backend import data

    return np.asarray(data.load(data.open_dataset(SAMPLE)).images)


def mosaic_pixels(rows: int = 4, cols: int = 4) -> np.ndarray:
    """(7, 40·rows, 40·cols): real patches without fill, side by side, one per 40 × 40 tile."""
    images = sample_images()
    usable = np.flatnonzero(np.all(images == 0, axis=1).mean(axis=(1, 2)) < 0.01)[:rows * cols]
    crops = images[usable]
    return crops.reshape(rows, cols, 7, 40, 40).transpose(2, 0, 3, 1, 4).reshape(7, 40 * rows, 40 * cols)


def snapshot(folder: Path) -> dict:
    """Every file under ``folder`` (hidden ones included) with the SHA-256 of its bytes."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(Path(folder).rglob("*")) if p.is_file()}

def assert_one_error_line(code, err: str, *fragments: str) -> None:
    """The CLI's contract for bad input: exit 2 and one line, 'error: …', last on stderr (after
    the progress lines of work done before the problem showed, if any), and no traceback."""
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2, err
    assert "Traceback" not in err and lines and lines[-1].startswith("error: "), err
    assert sum(line.startswith("error:") for line in lines) == 1, err
    for fragment in fragments:
        assert fragment in lines[-1], (fragment, lines[-1])


def training_layer(path, features, geometry="Polygon", epsg=32634):
    """A real GeoPackage of training areas: (wkt, class) pairs (class None: NULL) in EPSG:``epsg``;
    (wkt, class, colour) triples add a text field "colour" (None: NULL)."""
    from qgis.core import (
        QgsCoordinateTransformContext,
        QgsFeature,
        QgsField,
        QgsGeometry,
        QgsVectorFileWriter,
        QgsVectorLayer,
    )
    from qgis.PyQt.QtCore import QVariant

    memory = QgsVectorLayer(f"{geometry}?crs=EPSG:{epsg}", "training", "memory")
    names = ["cover", "colour"][:max(len(f) for f in features) - 1]
    memory.dataProvider().addAttributes([QgsField(name, QVariant.String) for name in names])
    memory.updateFields()
    for wkt, *values in features:
        feature = QgsFeature(memory.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        for name, value in zip(names, values):
            if value is not None:
                feature[name] = value
        memory.dataProvider().addFeature(feature)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    QgsVectorFileWriter.writeAsVectorFormatV3(memory, str(path), QgsCoordinateTransformContext(), options)
    return str(path)


def box(col0, row0, col1, row1, origin=(500000.0, 7000020.0)):
    """WKT of the rectangle of pixel columns col0…col1 and rows row0…row1 of a 30 m raster at ``origin``."""
    x0, x1 = origin[0] + col0 * 30, origin[0] + col1 * 30
    y0, y1 = origin[1] - row0 * 30, origin[1] - row1 * 30
    return f"POLYGON(({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))"


def mtl_of(product: Path, suffix: str = "txt") -> Path:
    """The MTL file of a product folder."""
    return product / f"{product.name}_MTL.{suffix}"


def product_tar(product: Path, tar: Path, nested: bool = False) -> Path:
    """A real tar of a product folder, its files at the top (as USGS packs them) or, ``nested``,
    inside a folder named by the product id."""
    import tarfile

    with tarfile.open(tar, "w") as archive:
        for file in sorted(product.iterdir()):
            archive.add(file, arcname=f"{product.name}/{file.name}" if nested else file.name)
    return tar


def copy_product(product: Path, dest: Path, product_id: str | None = None, drop: tuple = ()) -> Path:
    """A copy of a product folder under ``dest``, its files (and the MTL's contents) renamed to
    ``product_id``, without the files whose band name is in ``drop`` (e.g. "SR_B5")."""
    product_id = product_id or product.name
    folder = dest / product_id
    folder.mkdir(parents=True)
    for file in product.iterdir():
        band = file.name[len(product.name) + 1:]
        if band.rsplit(".", 1)[0] in drop:
            continue
        target = folder / f"{product_id}_{band}"
        if band.startswith("MTL"):
            text = file.read_text(encoding="utf-8")
            target.write_text(text.replace(product.name, product_id), encoding="utf-8")
        else:
            target.write_bytes(file.read_bytes())
    return folder


#: The published model's file name, under which the test server serves the fixture checkpoint.
PUBLISHED_NAME = "pretrained_S_best.pth"


class Server(http.server.ThreadingHTTPServer):
    """Serves ``body`` at /<mode>/pretrained_S_best.pth, honouring Range. Modes: ok; slow (in
    small pieces); cut (the first answer stops halfway, the connection closed); corrupt (other
    bytes, same length); anything else 404. Remembers the Range headers it was sent."""

    def __init__(self, body: bytes):
        super().__init__(("127.0.0.1", 0), Handler)
        self.body, self.ranges, self.cuts_left = body, [], 1

    def url(self, mode: str = "ok") -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/{mode}/{PUBLISHED_NAME}"

    def handle_error(self, request, client_address):
        """A client that hangs up mid-body (a download refused from its headers) is no server error."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        server = self.server
        mode = self.path.strip("/").split("/")[0]
        if mode not in ("ok", "cut", "corrupt", "slow") or not self.path.endswith(PUBLISHED_NAME):
            self.send_error(404)
            return
        body = server.body if mode != "corrupt" else bytes(reversed(server.body))
        start = 0
        if self.headers.get("Range"):
            server.ranges.append(self.headers["Range"])
            start = int(self.headers["Range"].split("=")[1].split("-")[0])
        self.send_response(206 if start else 200)
        if start:
            self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
        self.send_header("Content-Length", str(len(body) - start))
        self.end_headers()
        if mode == "cut" and server.cuts_left:
            server.cuts_left -= 1
            self.wfile.write(body[start:len(body) // 2])
            self.close_connection = True
            return
        if mode == "slow":  # 64 KB every 2 ms: progress moves, and a cancel lands halfway
            import time

            for offset in range(start, len(body), 1 << 16):
                self.wfile.write(body[offset:offset + (1 << 16)])
                time.sleep(0.002)
            return
        self.wfile.write(body[start:])


def classify_request(**values):
    """A ``backend.raster.ClassifyRequest`` from flat keywords: the scene options among them
    (stride, device, resolution, an acquisition given as a date …) go to its ``SceneOptions``."""
    from backend.acquisition import Acquisition
    from backend.options import SceneOptions
    from backend.raster import ClassifyRequest

    names = {f.name for f in dataclasses.fields(SceneOptions)}
    chosen = {name: values.pop(name) for name in list(values) if name in names}
    when = chosen.get("acquisition")
    if when is not None and not isinstance(when, Acquisition):
        chosen["acquisition"] = Acquisition(when, "")  # given, from nowhere in particular
    return ClassifyRequest(options=SceneOptions(**chosen), **values)


def run_qgis_download(url, cancel_after: int | None = None, seconds: float = 60):
    """A ``ModelDownload`` of the published model from ``url`` run to its end with the event loop
    turning (cancelled once ``cancel_after`` bytes arrived): (ok, message, progress seen)."""
    import time

    from qgis.PyQt.QtCore import QCoreApplication

    from backend import catalogue
    from moemae_qgis.model_download import ModelDownload

    job, seen, outcome = ModelDownload(catalogue.PUBLISHED_MODEL, url), [], []
    job.progressed.connect(lambda received, total: seen.append((received, total)))
    job.finished.connect(lambda ok, message: outcome.append((ok, message)))
    if cancel_after is not None:
        job.progressed.connect(lambda received, total: received >= cancel_after and job.cancel())
    job.start()
    deadline = time.monotonic() + seconds
    while not outcome and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.005)
    assert outcome, "the download did not finish"
    return outcome[0][0], outcome[0][1], seen


#: Level-2 digital numbers → surface reflectance (USGS Collection 2).
SR_SCALE, SR_OFFSET = 0.0000275, -0.2


def band_files(product: Path) -> dict:
    """Band name (SR_B1, QA_PIXEL, …) → its GeoTIFF in a product folder."""
    return {p.name[len(product.name) + 1:].rsplit(".", 1)[0]: p for p in sorted(product.glob("*.TIF"))}


def land_cover_blocks(product: Path, size: int, step: int = 8) -> tuple:
    """Two ``size`` px blocks of a product's own pixels, by rules on its reflectances that hold
    for any clear scene: (x, y) of the most vegetated block (the most pixels of NDVI > 0.5) and
    of the block most unlike it (the fewest such pixels, among blocks without fill or water:
    NIR > 0.05 everywhere)."""
    from osgeo import gdal

    files = band_files(product)
    nir, red = (gdal.Open(str(files[b])).ReadAsArray().astype(np.float64) * SR_SCALE + SR_OFFSET
                for b in ("SR_B5", "SR_B4"))
    with np.errstate(invalid="ignore", divide="ignore"):
        green = (nir - red) / (nir + red) > 0.5
    h, w = nir.shape
    scored = []
    for y in range(0, h - size + 1, step):
        for x in range(0, w - size + 1, step):
            land = bool((nir[y:y + size, x:x + size] > 0.05).all())
            scored.append((green[y:y + size, x:x + size].mean(), land, x, y))
    vegetated = max(s for s in scored if s[1])
    apart = [s for s in scored if s[1] and max(abs(s[2] - vegetated[2]), abs(s[3] - vegetated[3])) >= size]
    unlike = min(apart)
    return vegetated[2:], unlike[2:]


def changed_product(product: Path, dest: Path, product_id: str, when: str, shift: tuple = (0, 0),
                    block: tuple | None = None, size: int = 0) -> Path:
    """A later "date" of ``product`` made of its own pixels: a copy named ``product_id`` whose MTL
    says ``when`` (YYYY-MM-DD); with ``block`` = ((tx, ty), (sx, sy)) the ``size`` px block at
    (tx, ty) holds the pixels of the block at (sx, sy) in every band; and its extent starts
    ``shift`` = (dx, dy) whole pixels east and south of the original's (its first dx columns and
    dy rows dropped, the georeferencing moved with them)."""
    from osgeo import gdal

    copy = copy_product(product, dest, product_id)
    mtl = next(copy.glob("*_MTL.txt"))
    text = mtl.read_text(encoding="utf-8")
    old = text.split("DATE_ACQUIRED = ", 1)[1].split("\n", 1)[0]
    mtl.write_text(text.replace(f"DATE_ACQUIRED = {old}", f"DATE_ACQUIRED = {when}"), encoding="utf-8")
    dx, dy = shift
    for path in band_files(copy).values():
        source = gdal.Open(str(path))
        pixels, transform = source.ReadAsArray(), list(source.GetGeoTransform())
        projection, nodata = source.GetProjection(), source.GetRasterBand(1).GetNoDataValue()
        data_type = source.GetRasterBand(1).DataType
        source = None
        if block is not None:
            (tx, ty), (sx, sy) = block
            pixels[ty:ty + size, tx:tx + size] = pixels[sy:sy + size, sx:sx + size].copy()
        pixels = pixels[dy:, dx:]
        transform[0] += dx * transform[1]
        transform[3] += dy * transform[5]
        out = gdal.GetDriverByName("GTiff").Create(str(path), pixels.shape[1], pixels.shape[0], 1, data_type,
                                                   options=["COMPRESS=DEFLATE", "TILED=YES"])
        out.SetGeoTransform(transform)
        out.SetProjection(projection)
        if nodata is not None:
            out.GetRasterBand(1).SetNoDataValue(nodata)
        out.GetRasterBand(1).WriteArray(pixels)
        out = None
    return copy


def auc(positive_scores: np.ndarray, negative_scores: np.ndarray) -> float:
    """The chance that a random positive scores above a random negative (ties count half)."""
    both = np.concatenate([positive_scores, negative_scores])
    ranks = np.argsort(np.argsort(both, kind="stable"), kind="stable") + 1.0
    for value in np.unique(both):  # average ranks of ties
        tied = both == value
        ranks[tied] = ranks[tied].mean()
    n, m = len(positive_scores), len(negative_scores)
    return float((ranks[:n].sum() - n * (n + 1) / 2) / (n * m))
