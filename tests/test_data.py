"""Datasets and packs on real GeoTIFFs: the BigEarthNet-L sample in tests/data and files made here
with GDAL."""
import shutil

import numpy as np
import pytest
from osgeo import gdal

from backend import classes, data
from helpers import REFERENCE, SAMPLE, run_backend_cli, write_raster


@pytest.fixture(scope="module")
def sample():
    return SAMPLE


@pytest.fixture(scope="module")
def sample_arrays(sample):
    return data.load(data.open_dataset(sample))


def test_bigearthnet_sample_reads_with_fixture_metadata(sample_arrays):
    expected = np.load(REFERENCE / "moe_mae_S_fixture_expected.npz")
    assert len(sample_arrays) == 150 and sample_arrays.multilabel
    assert sample_arrays.images.shape == (150, 7, 40, 40) and sample_arrays.images.dtype == np.uint16
    assert sample_arrays.class_names == list(classes.BIGEARTHNET19_NAMES)
    for i, patch_id in enumerate(expected["patch_ids"]):
        j = sample_arrays.ids.index(str(patch_id))
        pairs = np.stack([expected[f"meta_{k}"][i] for k in ("week", "hour", "lat", "lon")])
        assert np.abs(sample_arrays.metadata[j] - pairs).max() < 1e-6
        assert np.array_equal(sample_arrays.images[j], expected["center_crop_uint16"][i])


def test_bigearthnet_labels_map_43_to_19(sample_arrays):
    # S2A_MSIL2A_20170613T101031_11_66: "Mixed forest", "Sea and ocean".
    j = sample_arrays.ids.index("S2A_MSIL2A_20170613T101031_11_66")
    names = [classes.BIGEARTHNET19_NAMES[k] for k in np.flatnonzero(sample_arrays.labels[j])]
    assert names == ["Mixed forest", "Marine waters"]
    assert classes.multi_hot_19(["Airports", "Road and rail networks and associated land"]).sum() == 0


def test_eurosat_layout_drops_thermal_resizes_and_has_no_metadata(tmp_path, sample_arrays):
    for k, name in enumerate(["Forest", "SeaLake"]):
        (tmp_path / name).mkdir()
        for i in range(3):
            pixels = np.concatenate([sample_arrays.images[k * 3 + i][:, :22, :22],
                                     np.full((1, 22, 22), 40000, np.uint16)])  # + thermal ST_B10
            write_raster(tmp_path / name / f"{name}_{i}.tif", pixels)
    arrays = data.load(data.open_dataset(tmp_path))
    assert arrays.kind == "eurosat-l" and not arrays.multilabel
    assert arrays.class_names == ["Forest", "SeaLake"]
    assert arrays.labels.tolist() == [0, 0, 0, 1, 1, 1]
    assert arrays.images.shape == (6, 7, 40, 40)
    assert not arrays.metadata.any()
    assert arrays.images.max() < 40000  # the thermal band is gone


def test_folder_of_patches_gets_position_but_no_time(tmp_path, sample_arrays):
    for i in range(3):
        write_raster(tmp_path / f"p{i}.tif", sample_arrays.images[i])
    arrays = data.load(data.open_dataset(tmp_path))
    assert arrays.kind == "folder" and arrays.labels is None and arrays.ids == ["p0", "p1", "p2"]
    assert not arrays.metadata[:, :2].any()  # week and hour missing
    assert np.abs(arrays.metadata[:, 2:]).sum() > 0  # lat and lon from the georeference


@pytest.fixture
def damaged_copy(tmp_path, sample):
    root = tmp_path / "ben"
    shutil.copytree(sample, root)
    ids = (root / "patches.csv").read_text().split()[1:]
    (root / "images" / f"{ids[0]}.tif").write_bytes(b"this is not a GeoTIFF")
    write_raster(root / "images" / f"{ids[1]}.tif", np.ones((5, 41, 41), np.uint16))
    write_raster(root / "images" / f"{ids[2]}.tif", np.ones((7, 30, 30), np.uint16))
    (root / "labels" / f"{ids[3]}_labels_metadata.json").unlink()
    write_raster(root / "images" / f"{ids[4]}.tif", np.ones((7, 41, 41), np.float32),
                 data_type=gdal.GDT_Float32)
    return root, ids


def test_bad_patches_stop_the_run_with_their_name(damaged_copy):
    root, ids = damaged_copy
    with pytest.raises(data.PatchError, match=f"{ids[0]}.tif: cannot be read as a raster.*--skip-bad"):
        data.load(data.open_dataset(root))


def test_skip_bad_skips_and_counts(damaged_copy):
    root, ids = damaged_copy
    arrays = data.load(data.open_dataset(root), skip_bad=True)
    assert len(arrays) == 145
    reasons = "\n".join(arrays.skipped)
    assert f"{ids[0]}.tif: cannot be read" in reasons
    assert f"{ids[1]}.tif: has 5 bands; a patch needs the 7 bands" in reasons
    assert f"{ids[2]}.tif: is 30 × 30 px; a patch must be at least 40 × 40" in reasons
    assert f"{ids[3]}_labels_metadata.json: label file is missing" in reasons
    assert f"{ids[4]}.tif: holds Float32 values" in reasons


def test_pack_round_trips_exactly(sample_arrays, tmp_path):
    out = data.pack(sample_arrays, tmp_path / "pack")
    packed = data.open_dataset(out)
    assert isinstance(packed.images, np.memmap)
    assert packed.ids == sample_arrays.ids
    assert np.array_equal(packed.images, sample_arrays.images)
    assert np.array_equal(packed.metadata, sample_arrays.metadata)
    assert np.array_equal(packed.labels, sample_arrays.labels)
    assert packed.class_names == sample_arrays.class_names and packed.multilabel
    # Packing again replaces the pack whole and leaves no staging folder behind.
    data.pack(sample_arrays, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack"]


def test_pack_cli_reports_skipped_patches(damaged_copy, tmp_path):
    root, _ = damaged_copy
    result = run_backend_cli("pack", str(root), "--out", str(tmp_path / "p"))
    assert result.returncode == 2 and "--skip-bad" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "p").exists()
    result = run_backend_cli("pack", str(root), "--out", str(tmp_path / "p"), "--skip-bad")
    assert result.returncode == 0, result.stderr
    assert "packed 145 patches" in result.stdout and "skipped 5" in result.stdout
    assert "skipped 5 bad patch(es):" in result.stderr


def test_missing_dataset_is_a_clear_error(tmp_path):
    result = run_backend_cli("pack", str(tmp_path / "nothing"), "--out", str(tmp_path / "p"))
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: dataset {tmp_path / 'nothing'} does not exist"


def test_pack_never_replaces_a_folder_that_is_not_a_pack(sample_arrays, tmp_path, sample):
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.txt").write_text("years of work")
    with pytest.raises(data.UserError, match="exists and is not a pack"):
        data.pack(sample_arrays, precious)
    assert (precious / "thesis.txt").read_text() == "years of work"
    with pytest.raises(data.UserError, match="exists and is not a pack"):
        data.pack(sample_arrays, sample.parent, source=str(sample))
    packed = data.pack(sample_arrays, tmp_path / "pack")
    with pytest.raises(data.UserError, match="would replace the dataset being packed"):
        data.pack(data.open_pack(packed), packed, source=str(packed))
    assert (packed / "manifest.json").is_file()


def test_sidecar_files_are_not_patches(tmp_path, sample_arrays):
    (tmp_path / "Forest").mkdir()
    for i in range(2):
        write_raster(tmp_path / "Forest" / f"f{i}.tif", sample_arrays.images[i])
        (tmp_path / "Forest" / f"f{i}.tif.aux.xml").write_text("<PAMDataset/>")
    (tmp_path / "Water").mkdir()
    write_raster(tmp_path / "Water" / "w.tif", sample_arrays.images[5])
    arrays = data.load(data.open_dataset(tmp_path))
    assert arrays.ids == ["Forest/f0", "Forest/f1", "Water/w"]
