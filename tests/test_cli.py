"""`python -m backend`: help that helps, and errors without tracebacks."""
import numpy as np
import pytest
import torch

from backend import bench
from backend.runtime import bfloat16_supported
from helpers import run_backend_cli, write_raster


def test_help_lists_commands_with_examples():
    result = run_backend_cli("--help")
    assert result.returncode == 0
    assert "info" in result.stdout and "bench" in result.stdout
    assert "examples:" in result.stdout


def test_info_reports_packages_and_devices():
    result = run_backend_cli("info")
    assert result.returncode == 0, result.stderr
    assert "torch          2.13.0" in result.stdout
    assert "Devices: cpu" in result.stdout


def test_unknown_device_is_a_clear_error():
    result = run_backend_cli("bench", "--device", "tpu", "--seconds", "0")
    assert result.returncode == 2
    assert result.stderr.strip() == ("error: unknown device 'tpu'; choose one of auto, cpu, cuda, mps or "
                                     "cuda:N (N = 0, 1, …)")
    assert "Traceback" not in result.stderr


def test_absent_gpu_index_is_a_clear_error():
    result = run_backend_cli("bench", "--device", "cuda:99", "--seconds", "0")
    assert result.returncode == 2
    assert result.stderr.startswith("error: device")
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_bench_prints_a_table():
    """Seconds on any CPU: bfloat16 is measured only where it is native, every row is bounded."""
    result = run_backend_cli("bench", "--device", "cpu", "--seconds", "0", "--encoder-batch", "4",
                             "--train-batch", "4", "--classify-sizes", "80", "--product-size", "300x260",
                             "--embed-size", "160", "--field-size", "300x200", "--mosaic", "1,2",
                             "--mosaic-size", "200x200", "--clock", "cpu", timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("machine: ")
    assert "\nclock: CPU time of this process" in result.stdout  # a shared machine's figures
    for row in ("matmul roof float32", "matmul roof bfloat16", "encoder S float32, batch 4",
                "MAE training S float32, batch 4", "read BigEarthNet-L per-file GeoTIFFs",
                "read the same data packed", "pretrain on the packed sample, batch 4",
                "classify 80² scene, stride 40",
                "similarity over a whole scene's cached field, to the GeoTIFF",
                "k-means (8 clusters) on it, map and PCA rendering",
                "a click on a 1,000 × 1,000 px view (250 × 250 cells)",
                "peak memory of the three rows above", "mosaic of 1 products 200 × 200 px, 1 process",
                "mosaic of 2 products 200 × 200 px, 1 process", "the same 2, 2 processes (torchrun)"):
        assert f"| {row} |" in result.stdout
    lines = result.stdout.splitlines()
    field = next(line for line in lines if line.startswith("| embedding field of a 160² scene at 120 m"))
    assert "MB of float32 (" in field and "% of the run)" in field
    product = next(line for line in lines if line.startswith("| whole-scene product 300 × 260"))
    for stage in ("opening the scene and the model", "reading and masking", "encoder and probe",
                  "map cells and writing", "start-up"):
        assert f"{stage} " in product
    if bfloat16_supported(torch.device("cpu")):
        assert "| encoder S bfloat16, batch 4 |" in result.stdout
    else:
        assert "| matmul roof bfloat16 | — |  | not native here (this CPU has neither AVX-512 BF16 nor AMX)" \
            in result.stdout
        assert "bfloat16, batch" not in result.stdout


@pytest.mark.parametrize("seconds, calls", [(0.0, 2), (3.0, 4), (100.0, 101)])
def test_every_bench_measurement_is_bounded_by_seconds(monkeypatch, seconds, calls):
    """A measurement takes --seconds plus at most two calls, however slow the call (here 1 s on a
    clock that only the calls move)."""
    clock = [0.0]
    monkeypatch.setattr(bench.time, "perf_counter", lambda: clock[0])

    def slow_call():
        clock[0] += 1.0

    rate = bench._timed_rate(slow_call, seconds, sync=lambda: None, trials=5)
    assert clock[0] == calls and clock[0] <= seconds + 2
    assert rate == pytest.approx(1.0)


def test_no_command_prints_help_and_fails():
    result = run_backend_cli()
    assert result.returncode == 2
    assert "usage: python -m backend" in result.stdout


def test_classify_reports_its_own_peak_memory_not_its_parents(tmp_path):
    """``bench`` runs classify from a large process; the peak reported must be the child's."""
    scene = write_raster(tmp_path / "scene.tif", np.random.default_rng(0).integers(1, 20000, (7, 80, 80)))
    parent_mb = 1500
    ballast = np.ones(parent_mb * 2**20 // 8)  # touched, so resident in this (parent) process
    result = run_backend_cli("classify", str(scene), "--device", "cpu", "--acquisition-date", "2017-06-13",
                             "--out", str(tmp_path / "map.tif"), "--report-resources")
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("resources:"))
    peak_mb = float(line.split()[5])
    assert 50 < peak_mb < parent_mb * 0.8, line
    del ballast
