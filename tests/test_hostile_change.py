"""The hostile-input battery of ``change`` and ``timeseries`` (issue 23): pairs that will not read
as the user meant (the same files twice, the dates swapped or equal, one date unknown), stacks
with one date twice, a work folder that is the output or holds a stranger at an entry's name.
Small real rasters (the BigEarthNet-L sample's patches, 160 × 160 px) dated by GDAL tags keep
each run to a second or two."""
import json

import numpy as np
import pytest
from osgeo import gdal

from backend.catalogue import DEFAULT_CHECKPOINT, DEFAULT_PROBE
from helpers import assert_one_error_line, mosaic_pixels, run_backend_cli, snapshot, write_raster


def dated(path, when: str, shift_px: int = 0, pixels=None):
    """A 160 × 160 px raster of real pixels, ``shift_px`` px east of the others, dated ``when``
    (YYYY-MM-DD) by its ACQUISITION_DATE tag; None: no date."""
    write_raster(path, mosaic_pixels() if pixels is None else pixels, origin=(500000.0 + 30 * shift_px,
                                                                                7000020.0))
    if when:
        dataset = gdal.Open(str(path), gdal.GA_Update)
        dataset.SetMetadataItem("ACQUISITION_DATE", when)
        dataset = None
    return path


def said(out: str, err: str) -> list[str]:
    return [line for line in (out + err).splitlines() if line.startswith("warning:")]


# --------------------------------------------------------------------------- change: dates
@pytest.mark.parametrize("before, after, fragment", [
    ("2021-06-20", "2020-09-27", "AFTER (b.tif, 2020-09-27) is earlier than BEFORE (a.tif, 2021-06-20)"),
    ("2020-09-27", "2020-09-27", "both dates are 2020-09-27"),
    ("2020-09-27", "", "only BEFORE's date is known"),
])
def test_a_pair_whose_dates_will_not_read_as_meant_is_warned_of(cli, tmp_path, before, after, fragment):
    a, b = dated(tmp_path / "a.tif", before), dated(tmp_path / "b.tif", after, shift_px=1)
    code, out, err = cli("change", a, b, "--out", tmp_path / "c.tif", "--device", "cpu", "--stride", "40")
    assert code == 0, err
    assert any(fragment in line for line in said(out, err)), out + err


def test_the_same_files_twice_are_warned_of(cli, tmp_path):
    a = dated(tmp_path / "a.tif", "2020-09-27")
    code, out, err = cli("change", a, a, "--out", tmp_path / "c.tif", "--device", "cpu", "--stride", "40")
    assert code == 0, err
    assert any("BEFORE and AFTER are the same files (a.tif)" in line for line in said(out, err)), out + err


def test_a_pair_in_order_is_not_warned_of(cli, tmp_path):
    a, b = dated(tmp_path / "a.tif", "2020-09-27"), dated(tmp_path / "b.tif", "2021-06-20", shift_px=1)
    code, out, err = cli("change", a, b, "--out", tmp_path / "c.tif", "--device", "cpu", "--stride", "40")
    assert code == 0, err
    assert not [line for line in said(out, err) if "BEFORE" in line or "dates" in line], out + err


# --------------------------------------------------------------------------- change: the probe
def probe_like_the_demo(path, features: int = 0, **changes):
    """The bundled demonstration probe with ``changes`` (e.g. another pooling), or its first
    ``features`` features only, written to ``path``."""
    content = json.loads(DEFAULT_PROBE.read_text(encoding="utf-8"))
    content.update(changes)
    if features:
        content["coef"] = [row[:features] for row in content["coef"]]
        content["scaler_mean"], content["scaler_scale"] = (content[k][:features] for k in ("scaler_mean",
                                                                                          "scaler_scale"))
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


@pytest.mark.parametrize("probe, fragment", [
    (lambda t: t / "nowhere.json", "does not exist"),
    (lambda t: "bigearthnet19-cls", "belongs to the model published-S"),
    (lambda t: probe_like_the_demo(t / "cls.json", pooling="cls"), "change needs a probe on the mean of"),
    (lambda t: probe_like_the_demo(t / "short.json", features=136), "expects 136 features"),
])
def test_a_probe_that_cannot_classify_the_dates_is_refused_before_any_encoding(cli, tmp_path, probe,
                                                                               fragment):
    a, b = dated(tmp_path / "a.tif", "2020-09-27"), dated(tmp_path / "b.tif", "2021-06-20", shift_px=1)
    code, out, err = cli("change", a, b, "--out", tmp_path / "c.tif", "--probe", probe(tmp_path),
                         "--device", "cpu")
    assert_one_error_line(code, err, fragment)
    assert "time:" not in out + err and "embedding" not in err  # no date was encoded first
    assert not (tmp_path / "c.tif").exists()


# --------------------------------------------------------------------------- timeseries
@pytest.mark.parametrize("twice", ["the same file", "another file"])
def test_a_stack_with_one_date_twice_is_refused_before_any_work(tmp_path, twice):
    a = dated(tmp_path / "a.tif", "2020-09-27")
    b = a if twice == "the same file" else dated(tmp_path / "b.tif", "2020-09-27", shift_px=1)
    c = dated(tmp_path / "c.tif", "2021-06-20", shift_px=2)
    before = snapshot(tmp_path)
    result = run_backend_cli("timeseries", str(a), str(c), str(b), "--out", str(tmp_path / "s.tif"),
                             "--device", "cpu")
    assert_one_error_line(result.returncode, result.stderr, "2020-09-27", "one band per date")
    assert snapshot(tmp_path) == before and not (tmp_path / "s_work").exists()


def test_a_work_folder_that_is_the_output_is_refused_before_any_work(tmp_path):
    a, b = dated(tmp_path / "a.tif", "2020-09-27"), dated(tmp_path / "b.tif", "2021-06-20", shift_px=1)
    out = tmp_path / "s.tif"
    result = run_backend_cli("timeseries", str(a), str(b), "--out", str(out), "--work", str(out),
                             "--device", "cpu")
    assert_one_error_line(result.returncode, result.stderr, "the work folder", "s.tif")
    assert not out.exists()


def test_a_stack_after_a_stranger_in_the_work_folder_is_the_same(tmp_path):
    a, b = dated(tmp_path / "a.tif", "2020-09-27"), dated(tmp_path / "b.tif", "2021-06-20", shift_px=1)
    out, work = tmp_path / "s.tif", tmp_path / "work"
    args = ["timeseries", str(a), str(b), "--out", str(out), "--work", str(work), "--device", "cpu",
            "--stride", "40"]
    assert run_backend_cli(*args).returncode == 0
    first = gdal.Open(str(out)).ReadAsArray()
    scores = next(work.glob("*/scores.npy")).parent
    for path in scores.iterdir():
        path.unlink()
    scores.rmdir()
    scores.write_text("not an entry")
    result = run_backend_cli(*args)
    assert result.returncode == 0, result.stderr
    assert np.array_equal(gdal.Open(str(out)).ReadAsArray(), first, equal_nan=True)


@pytest.mark.parametrize("command", ["change", "timeseries"])
def test_a_stride_off_the_tokens_is_refused_in_the_words_of_the_command(cli, tmp_path, command):
    a, b = dated(tmp_path / "a.tif", "2020-09-27"), dated(tmp_path / "b.tif", "2021-06-20", shift_px=1)
    before = snapshot(tmp_path)
    code, _, err = cli(command, a, b, "--out", tmp_path / "o.tif", "--stride", "30", "--device", "cpu")
    assert_one_error_line(code, err, "STRIDE must be a multiple of 4 px from 4 to 40, not 30")
    assert "RESOLUTION" not in err  # neither command has one
    assert snapshot(tmp_path) == before and not (tmp_path / "o_work").exists()


def test_a_stack_that_cannot_fit_on_disk_is_refused_before_any_encoding(cli, tmp_path, monkeypatch):
    import shutil

    a, b = dated(tmp_path / "a.tif", "2020-09-27"), dated(tmp_path / "b.tif", "2021-06-20", shift_px=1)
    usage = shutil.disk_usage(tmp_path)
    monkeypatch.setattr(shutil, "disk_usage", lambda _: usage._replace(free=100_000))
    code, _, err = cli("timeseries", a, b, "--out", tmp_path / "s.tif", "--device", "cpu")
    assert_one_error_line(code, err, "the time-series stack needs up to", "free some space")
    assert "embedding" not in err and not (tmp_path / "s_work").exists()


def test_the_first_date_of_change_never_stacks_the_dates(tmp_path):
    """Hundreds of dates of a whole scene are gigabytes of scores: the first-date band and Otsu's
    threshold look at one date at a time, so memory beyond the dates themselves stays that of a
    few of them (np.stack alone would take all of them again)."""
    import tracemalloc

    from backend.timeseries import TimeSeriesRequest, _first_change

    rng = np.random.default_rng(0)
    layers = [np.zeros((500, 500), np.float32)] + [rng.random((500, 500), np.float32) * 0.2
                                                   for _ in range(40)]
    one = layers[0].nbytes
    tracemalloc.start()
    request = TimeSeriesRequest(inputs=[], options=[], output="", checkpoint="")
    first, threshold = _first_change(layers, request)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 6 * one, f"{peak / one:.1f} dates' worth"
    assert np.array_equal(first == 2, layers[1] > threshold)  # the earliest date above it wins
    later = (first == 3)
    assert not (layers[1][later] > threshold).any() and (layers[2][later] > threshold).all()


@pytest.mark.parametrize("threshold", [float("nan"), -0.5, 2.5, "autox"])
def test_a_time_series_threshold_that_is_no_score_is_refused_before_any_work(tmp_path, threshold):
    from backend.errors import UserError
    from backend.options import SceneOptions
    from backend.timeseries import TimeSeriesRequest, timeseries

    a, b = dated(tmp_path / "a.tif", "2020-09-27"), dated(tmp_path / "b.tif", "2021-06-20", shift_px=1)
    request = TimeSeriesRequest(inputs=[str(a), str(b)], options=[SceneOptions(), SceneOptions()],
                                output=str(tmp_path / "s.tif"), checkpoint=str(DEFAULT_CHECKPOINT),
                                threshold=threshold)
    with pytest.raises(UserError, match="the change threshold must be auto or a score from 0 to 2"):
        timeseries(request)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.tif", "b.tif"]


def test_a_stack_that_fails_on_its_first_date_leaves_no_work_folder(cli, tmp_path):
    fill = dated(tmp_path / "a.tif", "2020-09-27", pixels=np.zeros((7, 160, 160), np.uint16))
    b = dated(tmp_path / "b.tif", "2021-06-20", shift_px=1)
    code, _, err = cli("timeseries", fill, b, "--out", tmp_path / "s.tif", "--device", "cpu")
    assert_one_error_line(code, err, "holds no usable tile")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.tif", "b.tif"]
