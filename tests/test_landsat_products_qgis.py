"""Real USGS products in real QGIS: moemae:loadproduct and Add Landsat product…, the toolbox
algorithms on a product given as its MTL, folder or tar, the dialog's lines about the product,
its clouds and the demonstration model, and qgis_process.bin on both real products."""
from __future__ import annotations

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsRasterLayer,
)

from helpers import CLOUDY, LIVERPOOL, REFERENCE, box, copy_product, mtl_of, product_tar, training_layer

FIXTURE_CHECKPOINT = REFERENCE / "moe_mae_S_fixture_checkpoint.pth"


class RecordingFeedback(QgsProcessingFeedback):
    """Keeps what an algorithm pushed as warnings and as information."""

    def __init__(self):
        super().__init__()
        self.warnings, self.infos = [], []

    def pushWarning(self, text):  # noqa: N802 - QGIS's name
        self.warnings.append(text)
        super().pushWarning(text)

    def pushInfo(self, text):  # noqa: N802 - QGIS's name
        self.infos.append(text)
        super().pushInfo(text)


def run(algorithm: str, parameters: dict):
    """An algorithm run in this QGIS, as the toolbox runs it: (results, feedback, context)."""
    alg = QgsApplication.processingRegistry().createAlgorithmById(f"moemae:{algorithm}")
    context, feedback = QgsProcessingContext(), RecordingFeedback()
    context.setProject(QgsProject.instance())
    ok, message = alg.checkParameterValues(parameters, context)
    if not ok:
        raise QgsProcessingException(message)
    results, ok = alg.run(parameters, context, feedback)
    if not ok:
        raise QgsProcessingException(feedback.textLog().strip().splitlines()[-1])
    return results, feedback, context


@pytest.fixture
def clean_project():
    yield QgsProject.instance()
    QgsProject.instance().removeAllMapLayers()


# --------------------------------------------------------------------------- loading a product
def test_loadproduct_writes_a_vrt_and_loads_it_named_and_styled(provider, clean_project, tmp_path):
    vrt = tmp_path / "liverpool.vrt"
    results, feedback, context = run("loadproduct", {"INPUT": str(mtl_of(LIVERPOOL)), "OUTPUT": str(vrt)})
    assert results["PRODUCT_ID"] == LIVERPOOL.name and results["ACQUISITION"] == "2020-09-27T11:10:50"
    assert any("has no QA_PIXEL file" in w for w in feedback.warnings)
    stacked = gdal.Open(str(vrt))
    assert stacked.RasterCount == 7 and stacked.GetRasterBand(4).GetDescription() == "SR_B4"
    details = context.layersToLoadOnCompletion()[str(vrt)]
    assert details.name == LIVERPOOL.name
    layer = QgsRasterLayer(str(vrt), details.name)
    details.postProcessor().postProcessLayer(layer, context, feedback)
    renderer = layer.renderer()
    assert renderer.type() == "multibandcolor"
    assert (renderer.redBand(), renderer.greenBand(), renderer.blueBand()) == (4, 3, 2)
    assert renderer.redContrastEnhancement() is not None
    temporal = layer.temporalProperties()
    assert temporal.isActive()
    assert temporal.fixedTemporalRange().begin().toString("yyyy-MM-ddTHH:mm:ss") == "2020-09-27T11:10:50"


def test_add_landsat_product_adds_one_layer_from_a_tar(provider, clean_project, tmp_path):
    from moemae_qgis.product_layer import add_product_layer

    layer = add_product_layer(str(product_tar(CLOUDY, tmp_path / "p.tar")), clean_project)
    assert layer.name() == CLOUDY.name and layer.bandCount() == 8
    assert clean_project.mapLayersByName(CLOUDY.name) == [layer]
    assert layer.renderer().type() == "multibandcolor"
    vrt = layer.source()
    assert vrt.endswith(f"products/{CLOUDY.name}.vrt")  # in the (isolated) user data folder


#: A QGIS session of its own: GDAL writes a file's .aux.xml when it closes the file, which in a
#: long-lived QGIS happens only as QGIS exits.
ADD_AND_EXIT = """
import sys
sys.path[:0] = [{repo!r}, "/usr/share/qgis/python/plugins"]
from qgis.core import QgsApplication, QgsProject
app = QgsApplication([], False)
app.initQgis()
from processing.core.Processing import Processing
Processing.initialize()
from moemae_qgis.provider import MoeMaeProvider
provider = MoeMaeProvider()  # kept: QGIS holds no Python reference to it
QgsApplication.processingRegistry().addProvider(provider)
from moemae_qgis.product_layer import add_product_layer
layer = add_product_layer({product!r}, QgsProject.instance())
print(layer.renderer().type(), layer.renderer().redContrastEnhancement().maximumValue())
QgsProject.instance().removeAllMapLayers()
app.exitQgis()
"""


def test_a_product_layer_writes_nothing_into_the_products_folder(tmp_path):
    """QGIS's stretch computes histograms; through a one-source VRT GDAL would store them in an
    .aux.xml beside each band file of the user's download. The product's folder stays as it was."""
    import os
    import subprocess
    import sys

    from helpers import REPO

    folder = copy_product(CLOUDY, tmp_path / "download")
    before = sorted(p.name for p in folder.iterdir())
    script = ADD_AND_EXIT.format(repo=str(REPO), product=str(folder))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MOEMAE_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                            timeout=120, stdin=subprocess.DEVNULL)
    assert result.returncode == 0 and result.stdout.startswith("multibandcolor "), result.stderr[-2000:]
    assert float(result.stdout.split()[1]) > 0  # the stretch was computed
    assert sorted(p.name for p in folder.iterdir()) == before


#: The toolbox's way (issue 19, finding 7): moemae:loadproduct run and its layer loaded, drawn at
#: two scales, its red band's histogram and statistics computed exactly, the project saved.
LOADPRODUCT_DRAW_AND_EXIT = """
import sys
sys.path[:0] = [{repo!r}, "/usr/share/qgis/python/plugins"]
from qgis.core import (QgsApplication, QgsMapRendererSequentialJob, QgsMapSettings, QgsProject,
                       QgsRasterBandStats)
from qgis.PyQt.QtCore import QSize
app = QgsApplication([], False)
app.initQgis()
from processing.core.Processing import Processing
Processing.initialize()
from moemae_qgis.provider import MoeMaeProvider
provider = MoeMaeProvider()
QgsApplication.processingRegistry().addProvider(provider)
import processing
processing.runAndLoadResults("moemae:loadproduct", {{"INPUT": {product!r}, "OUTPUT": {vrt!r}}})
(layer,) = QgsProject.instance().mapLayers().values()
for size in (200, 800):
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(layer.extent())
    settings.setOutputSize(QSize(size, size))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
for band in (4, 3, 2):
    layer.dataProvider().histogram(band, 0, float("nan"), float("nan"), layer.extent(), 0)
    layer.dataProvider().bandStatistics(band, QgsRasterBandStats.All, layer.extent(), 0)
QgsProject.instance().write({project!r})
print(layer.renderer().type())
QgsProject.instance().removeAllMapLayers()
app.exitQgis()
"""


def test_loadproduct_from_the_toolbox_writes_nothing_into_the_products_folder(tmp_path):
    """Whatever QGIS asks of the product layer (drawing, exact histograms, a saved project), the
    user's download folder gains no .aux.xml: only the chosen VRT and its sidecar are written."""
    import os
    import subprocess
    import sys

    from helpers import REPO

    folder = copy_product(LIVERPOOL, tmp_path / "download")
    before = sorted(p.name for p in folder.iterdir())
    script = LOADPRODUCT_DRAW_AND_EXIT.format(repo=str(REPO), product=str(folder),
                                              vrt=str(tmp_path / "out" / "product.vrt"),
                                              project=str(tmp_path / "out" / "p.qgz"))
    (tmp_path / "out").mkdir()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MOEMAE_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                            timeout=180, stdin=subprocess.DEVNULL)
    assert result.returncode == 0 and result.stdout.strip().endswith("multibandcolor"), result.stderr[-2000:]
    assert sorted(p.name for p in folder.iterdir()) == before


def test_add_landsat_product_takes_a_band_file_for_its_folder(provider, clean_project):
    from moemae_qgis.product_layer import add_product_layer

    layer = add_product_layer(str(LIVERPOOL / f"{LIVERPOOL.name}_SR_B3.TIF"), clean_project)
    assert layer.name() == LIVERPOOL.name and layer.bandCount() == 7


def test_add_landsat_product_says_why_a_product_is_refused(provider, clean_project, tmp_path):
    from moemae_qgis.product_layer import add_product_layer

    folder = copy_product(LIVERPOOL, tmp_path, product_id="LE07_L2SP_204023_20200927_20201006_02_T1")
    with pytest.raises(QgsProcessingException, match=r"Landsat 7 \(ETM\+\) product"):
        add_product_layer(str(mtl_of(folder)), clean_project)
    assert not clean_project.mapLayers()


# --------------------------------------------------------------------------- the toolbox on a product
def test_classify_reads_a_product_as_its_mtl_and_masks_its_clouds(provider, tmp_path):
    out = tmp_path / "map.tif"
    _results, feedback, _ = run("classify", {"INPUT": str(mtl_of(CLOUDY, "json")), "STRIDE": 40,
                                            "DEVICE": "cpu", "RESOLUTION": "tile", "OUTPUT": str(out)})
    classes = gdal.Open(str(out)).ReadAsArray()
    assert classes.shape == (13, 13) and (classes == 255).sum() >= 150 and (classes != 255).sum() >= 2
    assert any("Acquisition: 2019-01-14 14:34 UTC (from the MTL file" in line for line in feedback.infos)
    assert any("bundled model is a demonstration" in w for w in feedback.warnings)
    assert any("mostly cloud" in line for line in feedback.infos)
    assert gdal.Open(str(out)).GetMetadataItem("ACQUISITION_SOURCE") == f"the MTL file {CLOUDY.name}_MTL.json"


def test_classify_on_a_loaded_product_layer_reads_its_date_and_qa_pixel(provider, clean_project, tmp_path):
    from moemae_qgis.product_layer import add_product_layer

    layer = add_product_layer(str(CLOUDY), clean_project)
    out = tmp_path / "map.tif"
    _results, _feedback, _ = run("classify", {"INPUT": layer, "STRIDE": 40, "DEVICE": "cpu",
                                            "MASK": ["fill"], "RESOLUTION": "tile", "OUTPUT": str(out)})
    written = gdal.Open(str(out))
    assert written.GetMetadataItem("QA_PIXEL_MASK") == "fill"
    assert written.GetMetadataItem("ACQUISITION") == "2019-01-14T14:34:30"
    assert 40 <= (written.ReadAsArray() == 255).sum() < 100  # the fill outside the footprint only


def test_embed_and_a_refused_product_in_the_toolbox(provider, tmp_path):
    out = tmp_path / "emb.tif"
    run("embed", {"INPUT": str(product_tar(LIVERPOOL, tmp_path / "p.tar")), "MODEL": str(FIXTURE_CHECKPOINT),
                  "STRIDE": 40, "DEVICE": "cpu", "OUTPUT": str(out)})
    assert gdal.Open(str(out)).RasterCount == 144
    folder = copy_product(LIVERPOOL, tmp_path / "in", drop=("SR_B7",))
    with pytest.raises(QgsProcessingException, match="lacks SR_B7"):
        run("classify", {"INPUT": str(folder), "DEVICE": "cpu", "OUTPUT": str(tmp_path / "map.tif")})
    assert not (tmp_path / "map.tif").exists()


def test_trainprobe_on_a_product_given_as_its_folder(provider, tmp_path):
    transform = gdal.Open(str(LIVERPOOL / f"{LIVERPOOL.name}_SR_B1.TIF")).GetGeoTransform()
    origin = (transform[0], transform[3])
    sea = box(20, 20, 150, 250, origin=origin)  # the Irish Sea, west
    land = box(300, 20, 430, 250, origin=origin)  # Sefton, east
    areas = training_layer(tmp_path / "areas.gpkg", [(sea, "sea"), (land, "land")], epsg=32630)
    out = tmp_path / "probe.json"
    _results, feedback, _ = run("trainprobe", {"INPUT": str(LIVERPOOL), "TRAINING": str(areas),
                                              "CLASS_FIELD": "cover", "SPACING": 40, "DEVICE": "cpu",
                                              "OUTPUT": str(out)})
    assert out.is_file() and any("bundled model is a demonstration" in w for w in feedback.warnings)
    assert any(line.startswith("  sea: ") for line in feedback.infos)


# --------------------------------------------------------------------------- the dialog
def test_the_dialog_shows_a_products_date_clouds_and_the_demonstration_warning(provider, clean_project,
                                                                                 qgis_iface, tmp_path):
    from moemae_qgis.dialog import ClassifyDialog
    from moemae_qgis.product_layer import add_product_layer

    layer = add_product_layer(str(CLOUDY), clean_project)
    dialog = ClassifyDialog(qgis_iface)
    dialog.layer.setLayer(layer)
    assert dialog.detected.text() == f"2019-01-14 14:34 UTC (from the MTL file {CLOUDY.name}_MTL.txt)"
    assert dialog.clouds.text() == (f"QA_PIXEL (band 8 of {CLOUDY.name}) masks fill, dilated cloud, cloud, "
                                    "cloud shadow.")
    assert dialog.mask_clouds.isEnabled() and "MASK" not in dialog.parameters()
    dialog.mask_clouds.setChecked(False)
    assert dialog.parameters()["MASK"] == ["fill"]
    assert dialog.model_note.text().startswith("Warning: the bundled model is a demonstration")
    assert not dialog.model_note.isHidden()
    dialog.picker.choose(dialog.model, str(FIXTURE_CHECKPOINT))
    assert dialog.model_note.text() == "" and dialog.model_note.isHidden()


def test_the_dialog_says_when_clouds_cannot_be_masked(provider, clean_project, qgis_iface):
    from moemae_qgis.dialog import ClassifyDialog
    from moemae_qgis.product_layer import add_product_layer

    dialog = ClassifyDialog(qgis_iface)
    dialog.layer.setLayer(add_product_layer(str(LIVERPOOL), clean_project))
    assert dialog.clouds.text().startswith(f"The product {LIVERPOOL.name} has no QA_PIXEL file: clouds and "
                                           "their shadows will not be masked")
    assert not dialog.mask_clouds.isEnabled() and not dialog.mask_clouds.isChecked()


# --------------------------------------------------------------------------- qgis_process.bin
@pytest.mark.slow
@pytest.mark.parametrize("given", ["liverpool mtl", "cloudy mtl", "liverpool tar"])
def test_qgis_process_classifies_both_real_products(tmp_path, given, deployed_profile):
    from helpers import qgis_process_json

    inputs = {"liverpool mtl": lambda: mtl_of(LIVERPOOL), "cloudy mtl": lambda: mtl_of(CLOUDY),
              "liverpool tar": lambda: product_tar(LIVERPOOL, tmp_path / "p.tar")}
    out = tmp_path / "map.tif"
    run_ = qgis_process_json(["run", "moemae:classify", "--", f"INPUT={inputs[given]()}", f"OUTPUT={out}"],
                             deployed_profile)
    assert run_["results"]["OUTPUT"] == str(out)
    written = gdal.Open(str(out))
    assert written.GetMetadataItem("INPUT").startswith("LC08_L2SP_")
    assert np.any(written.ReadAsArray() != 255)


# --------------------------------------------------------------------------- refusals in the toolbox
def truncated_tar(tmp_path):
    whole = product_tar(LIVERPOOL, tmp_path / "whole.tar").read_bytes()
    (tmp_path / "cut.tar").write_bytes(whole[:len(whole) // 3 + 7])
    return {"INPUT": str(tmp_path / "cut.tar")}


def qa_of_another_size(tmp_path):
    qa = tmp_path / "qa_small.tif"
    gdal.Translate(str(qa), str(CLOUDY / f"{CLOUDY.name}_QA_PIXEL.TIF"), srcWin=[0, 0, 300, 300])
    stack = tmp_path / "stack.vrt"
    # From a copy: QGIS's default stretch of this one-source-per-band VRT would leave .aux.xml
    # files beside the bands it reads.
    bands = copy_product(CLOUDY, tmp_path / "copy")
    gdal.BuildVRT(str(stack), [str(bands / f"{CLOUDY.name}_SR_B{n}.TIF") for n in range(1, 8)],
                  separate=True).FlushCache()
    return {"INPUT": str(stack), "QA_PIXEL": str(qa)}


def level_1_mtl(tmp_path):
    folder = copy_product(LIVERPOOL, tmp_path / "in", product_id="LC08_L1TP_204023_20200927_20201006_02_T1")
    return {"INPUT": str(mtl_of(folder))}


def neither_dn_nor_reflectance(tmp_path):
    path = tmp_path / "odd.tif"
    source = gdal.Open(str(LIVERPOOL / f"{LIVERPOOL.name}_SR_B1.TIF"))
    out = gdal.GetDriverByName("GTiff").Create(str(path), source.RasterXSize, source.RasterYSize, 7,
                                               gdal.GDT_Float32)
    out.SetGeoTransform(source.GetGeoTransform())
    out.SetProjection(source.GetProjection())
    for k in range(7):
        out.GetRasterBand(k + 1).WriteArray(source.ReadAsArray().astype(np.float32) / 7.3)
    out = None
    return {"INPUT": str(path)}


@pytest.mark.parametrize("case, message", [
    (truncated_tar, "cut.tar is truncated"), (qa_of_another_size, "QA_PIXEL qa_small.tif is 300 × 300 px"),
    (level_1_mtl, "is a Level-1 product"), (neither_dn_nor_reflectance, "neither Level-2 digital numbers")])
def test_the_toolbox_refuses_bad_products_with_one_message_and_no_output(provider, tmp_path, case, message):
    parameters = dict(case(tmp_path), DEVICE="cpu", OUTPUT=str(tmp_path / "map.tif"))
    with pytest.raises(QgsProcessingException, match=message.replace("(", r"\(")):
        run("classify", parameters)
    assert not list(tmp_path.glob("map*"))
