"""Embeddings: a dataset (or any tiles) through the frozen encoder, pooled for linear probes, and
the embeddings file (:class:`EmbeddingsFile`, the .npz that ``python -m backend embed`` writes and
``probe fit`` and ``probe eval`` read)."""
from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from . import landsat
from .errors import UserError
from .files import write_npz
from .options import DEFAULT_BATCH_SIZE
from .progress import NullProgress
from .tokens import CLS_INDEX, NUM_LEADING_TOKENS, NUM_PATCH_TOKENS, NUM_TOKENS

if TYPE_CHECKING:
    import torch

    from .data import PatchArrays
    from .model import MoEMAE
    from .probe import LinearProbe
    from .progress import Progress

# torch is imported inside the functions: the pooling names below are read by the QGIS plugin
# while it loads, before it knows whether PyTorch is installed.

#: How the 105 final tokens become one feature vector.
#:   mean: all 105 tokens averaged (D) · cls: the CLS token (D) · patch-mean: the 100 patch
#:   tokens averaged (D) · all: all tokens flattened (105·D) · tokens: the (105, D) array as is.
POOLINGS = ("mean", "cls", "patch-mean", "all", "tokens")
#: Poolings that give one vector per tile: what a probe can be fitted on.
VECTOR_POOLINGS = ("mean", "cls", "patch-mean", "all")
#: Poolings that give D values per tile: what an embedding raster can hold as bands.
RASTER_POOLINGS = ("mean", "cls", "patch-mean")
#: Poolings that are a mean of tokens, so that an affine probe on them has a per-token form
#: (:func:`token_features`): what a map at token resolution can use.
TOKEN_POOLINGS = ("mean", "patch-mean")


def pool(tokens: torch.Tensor, pooling: str) -> torch.Tensor:
    """(B, 105, D) tokens → (B, F) features (or (B, 105, D) for "tokens")."""
    if pooling == "mean":
        return tokens.mean(dim=1)
    if pooling == "cls":
        return tokens[:, CLS_INDEX]
    if pooling == "patch-mean":
        return tokens[:, CLS_INDEX + 1:].mean(dim=1)
    if pooling == "all":
        return tokens.flatten(1)
    if pooling == "tokens":
        return tokens
    raise ValueError(f"pooling must be one of {', '.join(POOLINGS)}, not {pooling!r}")


def feature_size(dim: int, pooling: str) -> int:
    return dim * NUM_TOKENS if pooling == "all" else dim


def normalize_tiles(model: MoEMAE, digital_numbers: np.ndarray, device: torch.device | str) -> torch.Tensor:
    """(B, 7, 40, 40) raw digital numbers → z-scored float32 tensor on ``device``, with the
    statistics the model's checkpoint states."""
    import torch

    return landsat.normalize(torch.from_numpy(np.asarray(digital_numbers, dtype=np.float32)).to(device),
                             *model.normalization)


def encode_tiles(model: MoEMAE, digital_numbers: np.ndarray, metadata: np.ndarray | None, *,
                 normed: bool = False, precision: str = "float32") -> torch.Tensor:
    """(B, 7, 40, 40) digital numbers and (B, 4, 2) metadata pairs (None: all missing) → the
    (B, 105, D) tokens, on the model's device, in ``precision``."""
    import torch

    device = next(model.parameters()).device
    images = normalize_tiles(model, digital_numbers, device)
    pairs = [None] * 4
    if metadata is not None:
        # np.array copies: a pack's metadata is a read-only memory map, which torch will not wrap.
        meta = torch.from_numpy(np.array(metadata, dtype=np.float32)).to(device)
        pairs = [meta[:, i] for i in range(4)]
    return model.encode(images, *pairs, normed=normed, precision=precision)


def embed_tiles(model: MoEMAE, digital_numbers: np.ndarray, metadata: np.ndarray | None, *,
                pooling: str = "mean",
                normed: bool = False, precision: str = "float32") -> np.ndarray:
    """Features of a batch of tiles: (B, 7, 40, 40) digital numbers and (B, 4, 2) metadata
    pairs (None: all missing) → (B, F) float32 (or (B, 105, D) for pooling "tokens")."""
    tokens = encode_tiles(model, digital_numbers, metadata, normed=normed, precision=precision)
    return pool(tokens, pooling).float().cpu().numpy()


def token_features(tokens: torch.Tensor, pooling: str) -> torch.Tensor:
    """(B, 105, D) tokens → (B, 100, D) features, one per 4 × 4 px patch (row-major), whose mean
    over the tile is the tile's ``pooling`` feature exactly.

    "mean": patch token k becomes (100 · t_k + s) / 105, s the sum of the five leading tokens
    (week, hour, lat, lon, CLS) spread evenly over the 100 patches; "patch-mean": t_k itself.
    An affine probe's logits of these features therefore average back to the tile's logits.
    """
    patches = tokens[:, NUM_LEADING_TOKENS:]
    if pooling == "patch-mean":
        return patches
    if pooling == "mean":
        leading = tokens[:, :NUM_LEADING_TOKENS].sum(dim=1, keepdim=True)
        return (NUM_PATCH_TOKENS * patches + leading) / NUM_TOKENS
    raise ValueError(f"pooling {pooling!r} has no per-token form; only {', '.join(TOKEN_POOLINGS)} have")


def embed_tile_tokens(model: MoEMAE, digital_numbers: np.ndarray, metadata: np.ndarray | None, *,
                      pooling: str = "mean", normed: bool = False, precision: str = "float32",
                      on_device: bool = False) -> np.ndarray | torch.Tensor:
    """(B, 7, 40, 40) digital numbers and (B, 4, 2) metadata pairs → (B, 100, D) float32
    per-patch features (:func:`token_features`); ``on_device``: as a tensor on the model's
    device, for more work there (a map's probe) before anything is copied back."""
    tokens = encode_tiles(model, digital_numbers, metadata, normed=normed, precision=precision)
    features = token_features(tokens.float(), pooling)
    return features if on_device else features.cpu().numpy()


def embed_arrays(model: MoEMAE, arrays: PatchArrays, *, pooling: str = "mean", normed: bool = False,
                 use_metadata: bool = True,
                 batch_size: int = DEFAULT_BATCH_SIZE, precision: str = "float32",
                 progress: Progress | None = None) -> np.ndarray:
    """Features of every patch of a ``backend.data.PatchArrays``: (N, F) or (N, 105, D) float32."""
    progress = progress or NullProgress(len(arrays))
    parts = []
    for start in range(0, len(arrays), batch_size):
        progress.check()
        stop = min(start + batch_size, len(arrays))
        meta = arrays.metadata[start:stop] if use_metadata else None
        parts.append(embed_tiles(model, arrays.images[start:stop], meta, pooling=pooling, normed=normed,
                                 precision=precision))
        progress.update(stop - start)
    progress.close()
    return np.concatenate(parts)


# --------------------------------------------------------------------------- the embeddings file
#: What every embeddings file holds (an .npz of arrays, no pickles); probes need all of it, and
#: ``labels`` and ``class_names`` when the dataset had labels.
EMBEDDINGS_KEYS = ("patch_ids", "embeddings", "pooling", "normed", "use_metadata", "multilabel",
                   "model_fingerprint", "model_size", "checkpoint")


@dataclass
class EmbeddingsFile:
    """The embeddings of a dataset's patches and what made them: ``embeddings`` (N, F) float32
    (or (N, 105, D) with pooling "tokens"), ``patch_ids`` (N,), the pooling and whether the
    features are L2-normalised, whether date and position were encoded, the model's fingerprint,
    size and checkpoint; ``labels`` ((N,) class indices, or (N, C) 0/1 when ``multilabel``) and
    ``class_names`` when the dataset had labels."""

    patch_ids: np.ndarray
    embeddings: np.ndarray
    pooling: str
    normed: bool
    use_metadata: bool
    multilabel: bool
    model_fingerprint: str
    model_size: str
    checkpoint: str
    labels: np.ndarray | None = None
    class_names: list[str] | None = None

    def write(self, path: str | Path) -> Path:
        """Write the .npz atomically (``backend.files.write_npz``)."""
        content = {"patch_ids": np.asarray(self.patch_ids, dtype=str), "embeddings": self.embeddings,
                   **{key: np.asarray(getattr(self, key)) for key in EMBEDDINGS_KEYS[2:]}}
        if self.labels is not None:
            content["labels"] = np.asarray(self.labels)
            content["class_names"] = np.asarray(self.class_names, dtype=str)
        return write_npz(path, content)

    @classmethod
    def read(cls, path: str | Path) -> EmbeddingsFile:
        """An embeddings file with labels and one vector per patch, as a probe needs it; refused,
        saying what to do, when it is anything else."""
        file = Path(path)
        if not file.is_file():
            raise UserError(f"embeddings file {file} does not exist; make one with: python -m backend embed")
        try:
            with np.load(file, allow_pickle=False) as npz:
                content = {key: npz[key] for key in npz.files}
        except (OSError, ValueError, EOFError, zipfile.BadZipFile) as exc:
            raise UserError(f"{file} is not an embeddings file written by 'embed' ({exc})") from None
        missing = [k for k in (*EMBEDDINGS_KEYS, "labels", "class_names") if k not in content]
        if missing:
            hint = ("embed a labelled dataset (BigEarthNet-L, EuroSAT-L)" if "labels" in missing
                    else "make it with: python -m backend embed")
            raise UserError(f"{file} lacks {', '.join(missing)}; {hint}")
        if content["embeddings"].ndim != 2:
            raise UserError(f"{file} holds pooling '{content['pooling']}' {content['embeddings'].shape}; a "
                            "probe needs one vector per patch: embed with --pooling mean, cls, patch-mean or "
                            "all")
        return cls(patch_ids=content["patch_ids"], embeddings=content["embeddings"],
                   pooling=str(content["pooling"]), normed=bool(content["normed"]),
                   use_metadata=bool(content["use_metadata"]), multilabel=bool(content["multilabel"]),
                   model_fingerprint=str(content["model_fingerprint"]), model_size=str(content["model_size"]),
                   checkpoint=str(content["checkpoint"]), labels=content["labels"],
                   class_names=[str(n) for n in content["class_names"]])

    def check_probe(self, probe: LinearProbe, probe_name: str, name: str) -> None:
        """Refuse a probe that cannot read these embeddings (``probe_name`` and ``name``: the
        probe's and this file's names, for the message): another pooling, another model, other
        classes."""
        if self.pooling != probe.pooling or self.normed != probe.normed:
            expects = f"'{probe.pooling}'{' (normed)' if probe.normed else ''}"
            raise UserError(f"the probe expects pooling {expects}; "
                            f"{name} holds '{self.pooling}'{' (normed)' if self.normed else ''}")
        fingerprint = probe.model.get("fingerprint")
        if fingerprint and fingerprint != self.model_fingerprint:
            raise UserError(f"{probe_name} was fitted on embeddings of another model "
                            f"({probe.model.get('checkpoint')}); {name} comes from {self.checkpoint}")
        if self.class_names != probe.class_names:
            raise UserError(f"the probe's classes ({len(probe.class_names)}) differ from the data's "
                            f"({len(self.class_names or [])})")
