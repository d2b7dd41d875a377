"""Clusters of an embedding field: the scene split into its own kinds of place, without labels.

scikit-learn's MiniBatchKMeans is fitted on a random sample of the cells with data (at most
:data:`SAMPLE_CELLS`, drawn evenly from every strip in one pass), then every cell is given its
nearest centre strip by strip, so memory stays flat whatever the scene's size. The vectors are
those of the similarity search (``backend.similarity``): centred on the field's mean and scaled
to length 1, so that two cells are near when they point the same way (k-means on the sphere).

The map is a Byte GeoTIFF, one value per cluster (0 … K−1) with a colour table of distinct
colours and the names "cluster 1" …, 255 where a cell has no data. Optionally a 3-band Byte
rendering of the field's first three principal components (of the same vectors; each stretched
between its 2nd and 98th percentile over the sample to 1-255, 0 for no data), to look at.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from osgeo import gdal

from .classes import CLASS_NODATA, fallback_colour
from .embedding_field import EmbeddingField, restart
from .errors import UserError
from .map_writer import GeoTiffWriter, move_into_place
from .progress import NullProgress, Progress

if TYPE_CHECKING:
    from .raster import ClassifyRequest

log = logging.getLogger(__name__)

#: Cells k-means and the PCA are fitted on: enough for 64 clusters of 144 values, seconds to fit.
SAMPLE_CELLS = 50_000
MIN_CLUSTERS, MAX_CLUSTERS = 2, 64
DEFAULT_CLUSTERS = 8
#: Distinct colours first (matplotlib's tab10), then golden-angle hues.
PALETTE = ((31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189), (140, 86, 75),
           (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207))


def cluster_colours(k: int) -> list:
    """K distinct (r, g, b) colours."""
    return [PALETTE[i] if i < len(PALETTE) else fallback_colour(i) for i in range(k)]


def unit_rows(cells: np.ndarray, centre: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """((n, D) float32 centred vectors scaled to length 1, (n,) bool: with data) of (…, D) cells."""
    flat = cells.reshape(-1, cells.shape[-1]) - centre
    norms = np.sqrt(np.einsum("ij,ij->i", flat, flat))
    valid = np.isfinite(norms) & (norms > 0)
    flat[valid] /= norms[valid, None]
    flat[~valid] = 0
    return flat.astype(np.float32, copy=False), valid


def sample_cells(field: EmbeddingField, count: int, seed: int, progress: Progress) -> np.ndarray:
    """(≤ count, D) unit vectors of cells with data, drawn at random, an even share per strip."""
    rng, picked = np.random.default_rng(seed), []
    centre = field.mean().astype(np.float32)
    share = count / field.rows
    for _row0, cells in field.strips():
        progress.check()
        vectors, valid = unit_rows(cells, centre)
        index = np.flatnonzero(valid)
        take = min(len(index), int(np.ceil(share * len(cells))))
        picked.append(vectors[rng.choice(index, take, replace=False)] if take else vectors[:0])
        progress.update(len(cells))
    sample = np.concatenate(picked)
    if not len(sample):
        raise UserError(f"{field.name} holds no cell with data to cluster")
    return sample


def fit_clusters(sample: np.ndarray, k: int, seed: int) -> Any:
    """MiniBatchKMeans with ``k`` clusters fitted on the (n, D) ``sample``."""
    from sklearn.cluster import MiniBatchKMeans

    if len(sample) < k:
        raise UserError(f"only {len(sample)} cells hold data: too few for {k} clusters; ask for fewer")
    return MiniBatchKMeans(n_clusters=k, random_state=seed, batch_size=4096, n_init=3,
                           max_no_improvement=20).fit(sample)


def _writer(field: EmbeddingField, path: str | Path, bands: int, **options) -> GeoTiffWriter:
    return GeoTiffWriter(Path(path), size=(field.cols, field.rows), bands=bands, data_type=gdal.GDT_Byte,
                         transform=field.transform, crs=field.crs, **options)


def write_clusters(field: EmbeddingField, out: str | Path, k: int = DEFAULT_CLUSTERS, seed: int = 0,
                   pca_out: str | Path | None = None, progress: Progress | None = None) -> dict:
    """Cluster ``field`` into ``k`` clusters and write the map (and the PCA rendering); returns
    cluster name → cells. Both files appear together or not at all."""
    if not MIN_CLUSTERS <= k <= MAX_CLUSTERS:
        raise UserError(f"the clusters must be {MIN_CLUSTERS} to {MAX_CLUSTERS}, not {k}")
    progress = progress or NullProgress()
    restart(progress, 2 * field.rows)
    sample = sample_cells(field, SAMPLE_CELLS, seed, progress)
    log.info(f"k-means with {k} clusters on {len(sample):,} cells of {field.name}")
    kmeans, pca = fit_clusters(sample, k, seed), _fit_pca(sample, seed) if pca_out else None
    names = [f"cluster {i + 1}" for i in range(k)]
    writers = [(_writer(field, out, 1, nodata=CLASS_NODATA, palette=cluster_colours(k), names=names), out)]
    if pca_out:
        writers.append((_writer(field, pca_out, 3, nodata=0,
                                descriptions=["principal component 1", "2", "3"]), pca_out))
    try:
        counts = _predict(field, kmeans, pca, [w for w, _ in writers], progress)
        meta = {**{k_: v for k_, v in field.provenance.items() if k_.startswith(("MODEL", "INPUT"))},
                "CLUSTERS": str(k), "SEED": str(seed), "EMBEDDINGS": field.name}
        for writer, _ in writers:
            writer.set_metadata(meta)
        done = [(writer.close(), Path(path)) for writer, path in writers]
        for tmp, final in done:
            move_into_place(tmp, final)
    finally:
        for writer, _ in writers:
            writer.abort()  # nothing once moved into place
    return {names[i]: int(n) for i, n in enumerate(counts) if n}


def _fit_pca(sample: np.ndarray, seed: int) -> tuple:
    """(PCA with 3 components, (3,) low and (3,) high stretch bounds) of the sample."""
    from sklearn.decomposition import PCA

    pca = PCA(n_components=3, random_state=seed).fit(sample)
    scores = pca.transform(sample)
    return pca, np.percentile(scores, 2, axis=0), np.percentile(scores, 98, axis=0)


def _predict(field: EmbeddingField, kmeans: Any, pca: tuple | None, writers: list,
             progress: Progress) -> np.ndarray:
    """Each strip's clusters (and PCA colours) to the writers; (K,) cells per cluster."""
    centre, counts = field.mean().astype(np.float32), np.zeros(kmeans.n_clusters, np.int64)
    for row0, cells in field.strips():
        progress.check()
        shape = cells.shape[:2]
        vectors, valid = unit_rows(cells, centre)
        labels = np.full(len(vectors), CLASS_NODATA, np.uint8)
        if valid.any():
            labels[valid] = kmeans.predict(vectors[valid])
        counts += np.bincount(labels[valid], minlength=kmeans.n_clusters)
        writers[0].write_rows(row0, [labels.reshape(shape)])
        if pca is not None:
            model, low, high = pca
            scaled = (model.transform(vectors) - low) / np.where(high > low, high - low, 1)
            rgb = np.where(valid[:, None], 1 + np.clip(scaled, 0, 1) * 254, 0).astype(np.uint8)
            writers[1].write_rows(row0, [rgb[:, b].reshape(shape) for b in range(3)])
        progress.update(len(cells))
    return counts


def cluster_map(scene: str, request: ClassifyRequest | None, out: str | Path, k: int = DEFAULT_CLUSTERS,
                seed: int = 0, pca_out: str | Path | None = None, progress: Progress | None = None) -> dict:
    """``cluster``: the field of ``scene`` (``backend.embedding_cache.open_checked_field``) clustered
    into ``out`` (and ``pca_out``); cluster name → cells."""
    from .embedding_cache import open_checked_field

    if not MIN_CLUSTERS <= k <= MAX_CLUSTERS:
        raise UserError(f"the clusters must be {MIN_CLUSTERS} to {MAX_CLUSTERS}, not {k}")
    outputs = [("the cluster map", out, (".tif", ".tiff")), ("the PCA rendering", pca_out, (".tif", ".tiff"))]
    field = open_checked_field(scene, request, outputs, [], progress)
    try:
        return write_clusters(field, out, k, seed, pca_out, progress)
    finally:
        field.close()
