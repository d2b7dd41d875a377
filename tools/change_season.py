"""What the metadata tokens and a correction for season do to change scores (issue 23).

Built from the real Liverpool product in tests/data, as tests/test_change.py builds its pair:
- a *changed* later date: the most vegetated 48 × 48 px block holds the pixels of the block most
  unlike it, the extent is shifted 3 × 5 px, the MTL says nine months on;
- *date-only* later dates: the same pixels, only the date moved by 1, 13 and 26 weeks.

For each centring of the embeddings before the cosine (none, each date on its own mean, both on
their common mean) and with the date and position encoded or encoded as missing, it prints the
AUC of the changed block's cells against the cells not touching it, the block's median score,
and the scores of the date-only pairs (which should be 0: only the week the encoder is told moved).

Run: ``.venv/bin/python tools/change_season.py`` (about 4 minutes on 2 CPU cores).
"""
from __future__ import annotations

import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from osgeo import gdal

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from backend.cli import main as backend  # noqa: E402
from helpers import LIVERPOOL, auc, changed_product, land_cover_blocks  # noqa: E402

SHIFT, SIZE, TOKEN, CENTRINGS = (3, 5), 48, 4, ("none", "each", "common")


def scores_of(before: Path, after: Path, out: Path, centring: str, metadata: bool) -> np.ndarray:
    args = ["change", str(before), str(after), "--out", str(out), "--device", "cpu", "--centring", centring]
    assert backend(args + ([] if metadata else ["--no-metadata"])) == 0
    return gdal.Open(str(out)).ReadAsArray()


def block_masks(shape: tuple, target: tuple) -> tuple[np.ndarray, np.ndarray]:
    rows, cols = shape
    x0, y0 = target[0] - SHIFT[0], target[1] - SHIFT[1]
    r, c = np.arange(rows)[:, None] * TOKEN, np.arange(cols)[None, :] * TOKEN
    inside = (r >= y0) & (r + TOKEN <= y0 + SIZE) & (c >= x0) & (c + TOKEN <= x0 + SIZE)
    touching = (r + TOKEN > y0) & (r < y0 + SIZE) & (c + TOKEN > x0) & (c < x0 + SIZE)
    return inside, touching


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="change-season-"))
    target, source = land_cover_blocks(LIVERPOOL, SIZE)
    changed = changed_product(LIVERPOOL, work, "LC08_L2SP_204023_20210620_20210701_02_T1", "2021-06-20",
                              SHIFT, (target, source), SIZE)
    acquired = date(2020, 9, 27)
    moved = {weeks: changed_product(LIVERPOOL, work / f"w{weeks}", "LC08_L2SP_204023_"
                                    f"{(acquired + timedelta(weeks=weeks)):%Y%m%d}_20210701_02_T1",
                                    f"{acquired + timedelta(weeks=weeks)}", SHIFT)
             for weeks in (1, 13, 26)}
    rows = []
    for metadata in (True, False):
        for centring in CENTRINGS:
            scores = scores_of(LIVERPOOL, changed, work / "c.tif", centring, metadata)
            inside, touching = block_masks(scores.shape, target)
            scored = np.isfinite(scores)
            row = [centring, "date and position" if metadata else "missing",
                   f"{auc(scores[inside & scored], scores[~touching & scored]):.4f}",
                   f"{np.median(scores[inside & scored]):.4f}",
                   f"{np.percentile(scores[~touching & scored], 99):.4f}"]
            for later in moved.values():
                same = scores_of(LIVERPOOL, later, work / "d.tif", centring, metadata)
                row.append(f"{np.nanmedian(same):.4f} / {np.nanmax(same):.4f}")
            rows.append(row)
            print(" | ".join(row), flush=True)
    print("\n| centring | metadata tokens | AUC changed block | block median | rest p99 | "
          + " | ".join(f"date only +{w} wk: median / max" for w in moved) + " |")
    print("|---|---|---:|---:|---:|" + "---:|" * len(moved))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
