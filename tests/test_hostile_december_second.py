"""The second round of December's hostile findings (issues 10-16, 19-22): probes fitted on odd
embeddings or stripped of their scaler, band files that are one file, downloads that hang or
say the wrong thing, models added under names that cannot be names, a damaged checksum
registry, and product ids that cannot be."""
import json
import os
import re

import numpy as np
import pytest

from backend.catalogue import DEFAULT_CHECKPOINT, DEFAULT_PROBE
from backend.errors import UserError
from backend.probe import LinearProbe, ProbeError
from helpers import (
    LIVERPOOL,
    assert_one_error_line,
    copy_product,
    mosaic_pixels,
    product_tar,
    run_backend_cli,
    write_raster,
)


# --------------------------------------------------------------------------- 11. probe without scaler
def test_a_standardised_probe_without_its_scaler_is_refused_and_paints_no_map(tmp_path):
    """training.standardize true with scaler_mean/scaler_scale deleted loaded, and 19 % of the
    cells of the map changed without a word."""
    content = json.loads(DEFAULT_PROBE.read_text())
    assert content["training"]["standardize"] is True
    del content["scaler_mean"], content["scaler_scale"]
    probe = tmp_path / "no_scaler.json"
    probe.write_text(json.dumps(content))
    message = "training.standardize is true but scaler_mean and scaler_scale are missing"
    with pytest.raises(ProbeError, match=message):
        LinearProbe.load(probe)
    (tmp_path / "in").mkdir()
    scene = write_raster(tmp_path / "in" / "scene.tif", mosaic_pixels())
    result = run_backend_cli("classify", str(scene), "--probe", str(probe), "--out", str(tmp_path / "m.tif"),
                             "--device", "cpu", "--stride", "40", "--model", str(DEFAULT_CHECKPOINT))
    assert_one_error_line(result.returncode, result.stderr, message)
    assert not (tmp_path / "m.tif").exists()


def test_a_probe_fitted_without_standardising_needs_no_scaler(tmp_path):
    content = json.loads(DEFAULT_PROBE.read_text())
    del content["scaler_mean"], content["scaler_scale"]
    content["training"]["standardize"] = False
    probe = tmp_path / "raw.json"
    probe.write_text(json.dumps(content))
    assert LinearProbe.load(probe).scaler_mean is None


# --------------------------------------------------------------------------- 10. probe fit on odd data
def embeddings_file(path, embeddings=None, labels=None, class_names=None, multilabel=True):
    """A real .npz as ``embed`` writes it: 60 samples of 8 features in 3 well-separated classes."""
    rng = np.random.default_rng(0)
    classes = np.arange(60) % 3
    default = rng.normal(size=(60, 8)) + classes[:, None] * 3.0
    multi_hot = np.eye(3, dtype=np.uint8)[classes]
    np.savez(path, patch_ids=np.array([f"p{i}" for i in range(60)]),
             embeddings=default if embeddings is None else embeddings,
             pooling=np.array("mean"), normed=np.array(False), use_metadata=np.array(True),
             multilabel=np.array(multilabel), model_fingerprint=np.array("f" * 16), model_size=np.array("S"),
             checkpoint=np.array("ck.pt"),
             labels=(multi_hot if multilabel else classes) if labels is None else labels,
             class_names=np.array(["Water", "Forest", "Urban"] if class_names is None else class_names))
    return path


ONE_HOT = np.eye(3, dtype=np.int16)[np.arange(60) % 3]


def _with(row, value):
    x = np.random.default_rng(0).normal(size=(60, 8))
    x[row, 5] = value
    return x


@pytest.mark.parametrize("changes, message", [
    ({"embeddings": _with(3, np.nan)}, "1 embedding row(s) hold NaN or infinite values (the first: row 3)"),
    ({"embeddings": _with(7, np.inf)}, "1 embedding row(s) hold NaN or infinite values (the first: row 7)"),
    ({"embeddings": _with(2, 1e30)}, "the embeddings hold 1e+30, beyond ±1e+06"),
    ({"embeddings": np.zeros((0, 8)), "labels": np.zeros((0, 3))}, "the embeddings hold no sample (0 rows)"),
    ({"labels": ONE_HOT * 0.5}, "the labels must be whole numbers"),
    ({"labels": -ONE_HOT}, "multi-label labels must be 0 or 1, found -1"),
    ({"labels": -(np.arange(60) % 3), "multilabel": False},
     "single-label labels must be class indices 0 to 2"),
    ({"class_names": ["Water", "Forest"]},
     "multi-label labels must be one 0/1 column per class: 2 class names"),
    ({"labels": np.zeros((60, 3), np.uint8)}, "no class has a sample (every label is 0)"),
    ({"labels": np.eye(3, dtype=np.uint8)[np.zeros(60, int)]}, "only 'Water' has samples"),
    ({"labels": np.arange(60) % 2, "multilabel": False},
     "no sample of 'Urban': a probe cannot learn a class"),
    ({"class_names": ["Water", "Water", "Urban"]}, "class_names repeats a name ('Water')"),
    ({"class_names": ["Water", " Water ", "Urban"]}, "class_names repeats a name ('Water')"),
])
def test_probe_fit_on_data_no_probe_can_learn_from_says_so_in_one_line(tmp_path, cli, changes, message):
    """Each of these was a traceback (NaN, inf, 1e38, 0 rows, 0.5 or -1 labels, fewer names than
    label columns), or a probe written for classes never seen, or with one name for two classes."""
    path = embeddings_file(tmp_path / "e.npz", **changes)
    code, _, err = cli("probe", "fit", path, "--out", tmp_path / "p.json")
    assert_one_error_line(code, err, message)
    assert not (tmp_path / "p.json").exists()


def test_a_multilabel_class_without_samples_is_said_and_the_probe_written(tmp_path, cli):
    labels = np.eye(3, dtype=np.uint8)[np.arange(60) % 2]
    code, out, err = cli("probe", "fit", embeddings_file(tmp_path / "e.npz", labels=labels),
                         "--out", tmp_path / "p.json")
    assert code == 0, err
    assert "warning: no sample of 'Urban': the probe will never predict it" in out
    assert LinearProbe.load(tmp_path / "p.json").class_names == ["Water", "Forest", "Urban"]


def test_probe_eval_on_labels_without_a_positive_leaks_no_sklearn_warning(tmp_path):
    good = embeddings_file(tmp_path / "e.npz")
    result = run_backend_cli("probe", "fit", str(good), "--out", str(tmp_path / "p.json"))
    assert result.returncode == 0, result.stderr
    empty = embeddings_file(tmp_path / "none.npz", labels=np.zeros((60, 3), np.uint8))
    result = run_backend_cli("probe", "eval", str(tmp_path / "p.json"), str(empty))
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert json.loads(result.stdout)["micro_map"] != json.loads(result.stdout)["micro_map"]  # NaN


# --------------------------------------------------------------------------- 12. one file as two bands
@pytest.mark.parametrize("link", ["symbolic", "hard"])
def test_a_band_that_is_a_link_to_another_band_is_refused(tmp_path, cli, link):
    """SR_B3 made a symbolic or hard link to SR_B4: classified without a word, 19 % of the map
    changed."""
    product = copy_product(LIVERPOOL, tmp_path / "in")
    b3, b4 = (product / f"{product.name}_SR_B{n}.TIF" for n in (3, 4))
    b3.unlink()
    (b3.symlink_to if link == "symbolic" else b3.hardlink_to)(b4)
    code, _, err = cli("classify", product, "--stride", "40", "--device", "cpu", "--out", tmp_path / "m.tif")
    assert_one_error_line(code, err, f"SR_B3 ({b3.name}) and SR_B4 ({b4.name}) are the same file (one is a "
                                     "link to the other)")
    assert not (tmp_path / "m.tif").exists()


def test_bands_that_are_copies_of_one_another_are_not_one_file(tmp_path):
    """Identity, not content: a copy is a file of its own (the band check is not a byte compare)."""
    from backend.product import open_product

    product = copy_product(LIVERPOOL, tmp_path / "in")
    b3, b4 = (product / f"{product.name}_SR_B{n}.TIF" for n in (3, 4))
    b3.write_bytes(b4.read_bytes())
    assert open_product(product).bands[2] == str(b3)


# --------------------------------------------------------------------------- 16. models add
def test_a_file_that_is_no_checkpoint_is_refused_without_torchs_unsafe_advice(tmp_path, cli):
    """torch's "Re-running torch.load with weights_only set to False will likely succeed, but it
    can result in arbitrary code execution" reached the user, in models add and classify."""
    zeros = tmp_path / "zeros.pth"
    zeros.write_bytes(bytes(4096))
    added = cli("models", "add", zeros, "--name", "zeros")
    (tmp_path / "in").mkdir()
    scene = write_raster(tmp_path / "in" / "scene.tif", mosaic_pixels())
    classified = cli("classify", scene, "--model", zeros, "--out", tmp_path / "m.tif", "--device", "cpu")
    for code, _, err in (added, classified):
        assert_one_error_line(code, err, f"{zeros} is not a PyTorch checkpoint or is damaged (not a "
                                         "zip-format PyTorch file")
        assert "weights_only" not in err and "arbitrary code" not in err


def test_torchs_advice_is_left_out_of_any_reason():
    from backend.checkpoint import torch_reason

    reason = torch_reason(RuntimeError(
        "Weights only load failed. In PyTorch 2.6, we changed the default value of the `weights_only` "
        "argument in `torch.load` from `False` to `True`. Re-running `torch.load` with `weights_only` set to "
        "`False` will likely succeed, but it can result in arbitrary code execution. Do it only if you got "
        "the file from a trusted source."))
    assert reason == "Weights only load failed."


def test_one_name_is_one_model_of_ones_own_and_works_as_model(tmp_path, cli):
    """twin from own.pt, then twin from own2.pth: both added, and --model twin found neither."""
    from backend import paths

    first, second = tmp_path / "own.pt", tmp_path / "own2.pth"
    first.write_bytes(DEFAULT_CHECKPOINT.read_bytes())
    second.write_bytes(DEFAULT_CHECKPOINT.read_bytes())
    code, out, err = cli("models", "add", first, "--name", "twin")
    assert code == 0 and "use it with --model twin" in out, err
    for name in ("twin", "TWIN.pth"):
        code, _, err = cli("models", "add", second, "--name", name)
        assert_one_error_line(code, err, f"{paths.user_models_dir() / 'twin.pt'} exists already under the")
    assert sorted(p.name for p in paths.user_models_dir().iterdir()) == ["twin.pt"]
    (tmp_path / "in").mkdir()
    scene = write_raster(tmp_path / "in" / "scene.tif", mosaic_pixels(2, 2))
    code, out, err = cli("classify", scene, "--model", "twin", "--out", tmp_path / "m.tif", "--device", "cpu",
                         "--stride", "40")
    assert code == 0, err
    assert (tmp_path / "m.tif").is_file()


@pytest.mark.parametrize("name", ["CON", "con", "Prn", "AUX", "nul.pth", "COM1", "com9", "LPT1", "lpt9.v2"])
def test_a_windows_device_name_cannot_name_a_model(tmp_path, cli, name):
    own = tmp_path / "own.pt"
    own.write_bytes(DEFAULT_CHECKPOINT.read_bytes())
    code, _, err = cli("models", "add", own, "--name", name)
    assert_one_error_line(code, err, f"{name!r} cannot name a model: Windows reserves CON, PRN, AUX, NUL")


def test_names_like_windows_device_names_are_names(tmp_path, cli):
    own = tmp_path / "own.pt"
    own.write_bytes(DEFAULT_CHECKPOINT.read_bytes())
    for name in ("CONSOLE", "com10", "nullish"):
        code, _, err = cli("models", "add", own, "--name", name)
        assert code == 0, err


# --------------------------------------------------------------------------- 21. damaged registry entry
@pytest.mark.parametrize("entry, why", [
    ({"sha256": 5, "bytes": "x", "mtime_ns": None}, "sha256 is 5, not 64 hexadecimal digits"),
    ({"sha256": "0" * 64, "bytes": "x", "mtime_ns": 1}, "bytes is 'x', not a whole number"),
    ({"sha256": "0" * 64, "bytes": 1, "mtime_ns": None}, "mtime_ns is None, not a whole number"),
    ("not a table", "not a table"),
])
def test_a_damaged_registry_entry_is_said_and_rebuilt_not_blamed_on_the_checkpoint(tmp_path, caplog, entry,
                                                                                    why):
    """{"sha256": 5, …} made every run warn that the unchanged checkpoint changed, "first used on ?"."""
    import logging

    from backend import checksums

    own = tmp_path / "own.pt"
    own.write_bytes(DEFAULT_CHECKPOINT.read_bytes())
    checksums.registry_path().parent.mkdir(parents=True, exist_ok=True)
    checksums.registry_path().write_text(json.dumps({str(own.resolve()): entry}))
    with caplog.at_level(logging.WARNING, logger="backend"):
        checksums.note_checkpoint(own)
    assert [r.getMessage() for r in caplog.records] == [
        f"the record of checkpoint checksums {checksums.registry_path()} has a damaged entry for "
        f"{own.resolve()} ({why}); it is rebuilt: the checkpoint is recorded afresh at this use, not taken "
        "as changed"]
    rebuilt = json.loads(checksums.registry_path().read_text())[str(own.resolve())]
    assert rebuilt["sha256"] == checksums.file_sha256(own)
    caplog.clear()
    changed = bytearray(DEFAULT_CHECKPOINT.read_bytes())
    changed[len(changed) // 2] ^= 0xFF
    own.write_bytes(changed)  # now it does change
    os.utime(own, ns=(rebuilt["mtime_ns"] + 10**9,) * 2)  # as a later write would (clocks are coarse)
    with caplog.at_level(logging.WARNING, logger="backend"):
        checksums.note_checkpoint(own)
    assert [r.getMessage()[:100] for r in caplog.records] == [
        f"the checkpoint {own} changed since it was first used on {rebuilt['first_used']}"[:100]]


# --------------------------------------------------------------------------- 19. embed SCENE --out E.npz
@pytest.mark.parametrize("which", ["product", "band"])
def test_embed_of_a_scene_into_an_npz_says_it_is_written_as_an_embedding_raster(tmp_path, cli, which):
    """A product folder was read as a folder of patches: "has 1 bands … run with --skip-bad"."""
    band = LIVERPOOL / f"{LIVERPOOL.name}_SR_B1.TIF"
    scene, out = (band, tmp_path / "e.npz") if which == "band" else (LIVERPOOL, tmp_path / "e.npz")
    code, _, err = cli("embed", scene, "--out", out, "--stride", "40")
    assert_one_error_line(code, err, f"{scene} is {'a raster' if which == 'band' else 'a Landsat product'}, "
                                     "not a dataset of patches: its embeddings are written as an embedding "
                                     "raster, one per cell (embed SCENE --out E.tif)")
    assert "--skip-bad" not in err and not out.exists()


# --------------------------------------------------------------------------- 20. tars
def test_a_gzipped_tar_named_tar_is_said_to_be_compressed_not_truncated(tmp_path, cli):
    import gzip

    plain = product_tar(LIVERPOOL, tmp_path / "p.tar")
    named = tmp_path / "gz_named.tar"
    named.write_bytes(gzip.compress(plain.read_bytes()))
    code, _, err = cli("classify", named, "--stride", "40", "--out", tmp_path / "m.tif")
    assert_one_error_line(code, err, "gz_named.tar is compressed (gzip) though named .tar; name it "
                                     "gz_named.tar.gz and give that")
    assert "truncated" not in err


@pytest.mark.parametrize("kind", ["hard", "symbolic"])
def test_a_tar_holding_links_says_so_not_damaged(tmp_path, cli, kind):
    import tarfile

    tar, b3 = tmp_path / "links.tar", f"{LIVERPOOL.name}_SR_B3.TIF"
    with tarfile.open(tar, "w") as archive:
        for file in sorted(LIVERPOOL.iterdir()):
            if file.name != b3:
                archive.add(file, arcname=file.name)
        link = tarfile.TarInfo(b3)
        link.type = tarfile.LNKTYPE if kind == "hard" else tarfile.SYMTYPE
        link.linkname = b3.replace("B3", "B4")
        archive.addfile(link)
    code, _, err = cli("classify", tar, "--stride", "40", "--out", tmp_path / "m.tif")
    assert_one_error_line(code, err, f"links.tar holds links ({b3} → {link.linkname}), which are not read")
    assert "damaged" not in err and not (tmp_path / "m.tif").exists()


# --------------------------------------------------------------------------- 22. impossible ids
@pytest.mark.parametrize("product_id, message", [
    ("LC08_L2SP_204023_20100927_20201006_02_T1", "acquired on 2010-09-27, before Landsat 8 was launched "
                                                 "(2013-02-11)"),
    ("LC09_L2SP_204023_20200927_20201006_02_T1", "acquired on 2020-09-27, before Landsat 9 was launched "
                                                 "(2021-09-27)"),
    ("LC08_L2SP_204023_20200927_20200101_02_T1", "processed on 2020-01-01, before it was acquired "
                                                 "(2020-09-27)"),
    ("LC08_L2SP_234023_20200927_20201006_02_T1", "names WRS-2 path 234, row 23: the grid has paths 1-233 and "
                                                 "rows 1-248"),
    ("LC08_L2SP_204249_20200927_20201006_02_T1", "names WRS-2 path 204, row 249"),
])
def test_a_product_id_that_cannot_be_is_refused(tmp_path, cli, product_id, message):
    """Landsat 8 in 2010, Landsat 9 in 2020, processed before acquired, path 999: all classified."""
    from backend.product import open_product

    product = copy_product(LIVERPOOL, tmp_path / "in", product_id)
    with pytest.raises(UserError, match=re.escape(f"{product_id} says it was" if "acquired on" in message
                                                  or "processed" in message else product_id)):
        open_product(product)
    code, _, err = cli("classify", product, "--stride", "40", "--out", tmp_path / "m.tif")
    assert_one_error_line(code, err, message)


def test_an_mtl_of_another_spacecraft_than_the_id_is_refused(tmp_path, cli):
    product = copy_product(LIVERPOOL, tmp_path / "in")
    mtl = product / f"{product.name}_MTL.txt"
    text = mtl.read_text()
    assert 'SPACECRAFT_ID = "LANDSAT_8"' in text
    mtl.write_text(text.replace('SPACECRAFT_ID = "LANDSAT_8"', 'SPACECRAFT_ID = "LANDSAT_7"'))
    code, _, err = cli("classify", product, "--stride", "40", "--out", tmp_path / "m.tif")
    assert_one_error_line(code, err, f"{mtl.name} gives SPACECRAFT_ID LANDSAT_7, but the product id "
                                     f"{product.name} says Landsat 8")
