"""CPU time of the 30 m refinement alone (``backend.pixel_map.PixelRefiner``, the second read of
the scene's rows included), per pixel, on a generated 1000 × 2000 px scene of 19 classes in
40 px blocks with noisy spectra and token logits that favour each block's class. Run it in two
checkouts to compare their rules: ``python tools/pixel_refine_cost.py``."""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from backend.landsat import NORM_MEAN, NORM_STD  # noqa: E402
from backend.pixel_map import PixelRefiner  # noqa: E402
from backend.scene import open_scene  # noqa: E402
from helpers import write_raster  # noqa: E402

HEIGHT, WIDTH, CLASSES, BLOCK_PX = 1000, 2000, 19, 40


def main() -> int:
    rng = np.random.default_rng(0)
    blocks = rng.integers(0, CLASSES, (HEIGHT // BLOCK_PX + 1, WIDTH // BLOCK_PX + 1))
    classes = np.repeat(np.repeat(blocks, BLOCK_PX, 0), BLOCK_PX, 1)[:HEIGHT, :WIDTH]
    pixels = (8000 + 600 * classes[None] + rng.integers(0, 3000, (7, HEIGHT, WIDTH))).astype(np.uint16)
    rows, cols = HEIGHT // 4, WIDTH // 4
    per_token = np.repeat(np.repeat(blocks, BLOCK_PX // 4, 0), BLOCK_PX // 4, 1)[:rows, :cols]
    logits = rng.normal(size=(CLASSES, rows, cols)).astype(np.float32)
    logits += 5 * (per_token[None] == np.arange(CLASSES)[:, None, None])
    with tempfile.TemporaryDirectory() as tmp:
        scene = open_scene(str(write_raster(Path(tmp) / "scene.tif", pixels)))
        for _ in range(2):  # the first run warms the caches
            refiner = PixelRefiner(scene, CLASSES, cols, (NORM_MEAN, NORM_STD), lambda *rows: None)
            started = time.process_time()
            for row in range(0, rows, 10):
                refiner.add(row, logits[:, row:row + 10], np.ones((10, cols), np.uint16))
            refiner.finish()
            seconds = time.process_time() - started
            print(f"{seconds:.2f} CPU s, {1e6 * seconds / (HEIGHT * WIDTH):.2f} µs a pixel")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
