"""moemae:similarity and moemae:cluster in real QGIS: thin adapters over the backend, their
layers styled as the README says, bad input refused in one QgsProcessingException."""
import numpy as np
import pytest
from osgeo import gdal
from qgis.core import (
    QgsPalettedRasterRenderer,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsSingleBandPseudoColorRenderer,
    QgsVectorLayer,
)

from helpers import mosaic_pixels, snapshot, training_layer, write_raster


class Feedback(QgsProcessingFeedback):
    """Keeps what the algorithm tells the user."""

    def __init__(self):
        super().__init__()
        self.infos = []

    def pushInfo(self, info):  # noqa: N802 - QGIS's name
        self.infos.append(info)


def run(algorithm, parameters):
    import processing

    return processing.run(f"moemae:{algorithm}", parameters, feedback=Feedback())


@pytest.fixture
def scene(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    return write_raster(folder / "scene.tif", mosaic_pixels())


def points(path, cells):
    """Points at the centres of 120 m cells (row, col) of the 30 m test raster."""
    return training_layer(path, [(f"POINT({500000 + 120 * c + 60} {7000020 - 120 * r - 60})", "x")
                                 for r, c in cells], "Point")


def loaded(name):
    layers = QgsProject.instance().mapLayersByName(name)
    assert layers, [layer.name() for layer in QgsProject.instance().mapLayers().values()]
    return layers[-1]


def test_similarity_of_an_embedding_raster_is_read_as_it_is_and_drawn_from_0_to_1(provider, scene, tmp_path):
    import processing

    field = run("embed", {"INPUT": str(scene), "STRIDE": 40, "RESOLUTION": "token", "DEVICE": "cpu",
                          "OUTPUT": str(tmp_path / "field.tif")})["OUTPUT"]
    feedback = Feedback()
    out = processing.runAndLoadResults("moemae:similarity", {
        "INPUT": field, "POINTS": points(tmp_path / "p.gpkg", [(2, 3), (30, 30)]),
        "OUTPUT": str(tmp_path / "sim.tif")}, feedback=feedback)["OUTPUT"]
    assert any("read as it is" in line for line in feedback.infos)
    scores = gdal.Open(out).ReadAsArray()
    assert scores.shape == (40, 40) and scores.dtype == np.float32 and np.nanmax(scores) <= 1
    renderer = loaded("Similarity").renderer()
    assert isinstance(renderer, QgsSingleBandPseudoColorRenderer)
    assert (renderer.classificationMin(), renderer.classificationMax()) == (0.0, 1.0)
    QgsProject.instance().clear()


def test_cluster_is_added_with_its_colours_and_names(provider, scene, tmp_path):
    import processing

    result = processing.runAndLoadResults("moemae:cluster", {
        "INPUT": str(scene), "STRIDE": 40, "DEVICE": "cpu", "CLUSTERS": 3, "OUTPUT": str(tmp_path / "c.tif"),
        "OUTPUT_PCA": str(tmp_path / "pca.tif")}, feedback=Feedback())
    assert gdal.Open(result["OUTPUT_PCA"]).RasterCount == 3
    renderer = loaded("Clusters").renderer()
    assert isinstance(renderer, QgsPalettedRasterRenderer)
    assert [c.label for c in renderer.classes()] == ["cluster 1", "cluster 2", "cluster 3"]
    assert len({c.color.name() for c in renderer.classes()}) == 3
    QgsProject.instance().clear()


def test_similarity_refuses_its_input_as_output_and_points_not_in_a_file(provider, scene, tmp_path):
    good = points(tmp_path / "p.gpkg", [(2, 3)])
    before = snapshot(scene.parent)
    with pytest.raises(QgsProcessingException, match="is also the scene"):
        run("similarity", {"INPUT": str(scene), "POINTS": good, "DEVICE": "cpu", "OUTPUT": str(scene)})
    memory = QgsVectorLayer("Point?crs=EPSG:32634", "clicked", "memory")
    QgsProject.instance().addMapLayer(memory)
    with pytest.raises(QgsProcessingException, match="not saved in a file"):
        run("similarity", {"INPUT": str(scene), "POINTS": memory.id(), "DEVICE": "cpu",
                           "OUTPUT": str(tmp_path / "s.tif")})
    QgsProject.instance().clear()
    far = training_layer(tmp_path / "far.gpkg", [("POINT(0 0)", "x")], "Point")
    with pytest.raises(QgsProcessingException, match="none of the 1 positive points lies on a cell"):
        run("similarity", {"INPUT": str(scene), "POINTS": far, "DEVICE": "cpu", "STRIDE": 40,
                           "OUTPUT": str(tmp_path / "s.tif")})
    assert snapshot(scene.parent) == before and not (tmp_path / "s.tif").exists()
