"""The models and probes the project knows by name, and the user's own.

One place: ``resources/models/catalogue.json`` lists the bundled demonstration model, the
paper's published model (its URL, size, licence) and the probes that go with each; this module
reads it, resolves a name or a path to a file, tells which catalogue model a checkpoint is
(:func:`identify`: a download record, or the demonstration weights), and lists everything for
``python -m backend models``. Files are read to describe them, never changed.

A published model is pinned to its authors' repository (:class:`Pin`: the git blob SHA-1 of the
file at one commit): a download is kept only when its bytes are that blob, and its download
record says so; a file that is not is never taken for the published model.
"""
from __future__ import annotations

import functools
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import landsat, paths
from .checksums import RECORD_SUFFIX, file_sha256, git_blob_sha1  # noqa: F401 - used by others
from .embed import TOKEN_POOLINGS
from .errors import UserError
from .options import RESOLUTIONS

if TYPE_CHECKING:
    from .model import MoEMAE
    from .probe import LinearProbe

log = logging.getLogger(__name__)

BUNDLED_DIR = paths.RESOURCES_DIR / "models"
CATALOGUE_FILE = BUNDLED_DIR / "catalogue.json"
DEMONSTRATION_MODEL, PUBLISHED_MODEL = "demo-S", "published-S"
#: The bundled demonstration model and its probe: what runs when nothing better is at hand.
DEFAULT_CHECKPOINT = BUNDLED_DIR / "moemae_S_bigearthnet_sample.pt"
DEFAULT_PROBE = BUNDLED_DIR / "probe_bigearthnet19_mean.json"
#: Said whenever the bundled model makes a map or a probe (dialog, toolbox, CLI).
DEMONSTRATION_WARNING = (
    "the bundled model is a demonstration: it was pretrained on only 150 BigEarthNet-L patches of European "
    "landscapes, so expect rough maps (towns may come out as forest or fields). For real maps download the "
    "paper's published model: python -m backend models download published-S (in QGIS: the dialog's model "
    "list, Download…)")


@dataclass(frozen=True)
class Pin:
    """Where the authors publish a model's file: ``path`` in the git ``repository`` at
    ``commit`` (of ``date``), whose content is the git blob ``git_blob_sha1``."""

    repository: str
    commit: str
    date: str
    path: str
    git_blob_sha1: str

    def __str__(self) -> str:
        return f"{self.repository} at {self.commit[:8]} ({self.date}), {self.path}"


#: What a download record says of a file whose bytes are its pin's git blob.
VERIFIED = "verified against the authors' repository"


@dataclass(frozen=True)
class ModelEntry:
    """A model of the catalogue; ``path`` is where its file is (or goes, once downloaded)."""

    name: str
    title: str
    file: str
    bundled: bool
    demonstration: bool
    size: str
    approx_mb: float
    licence: str
    source: str
    url: str | None = None
    sha256: str | None = None
    pin: Pin | None = None

    @property
    def path(self) -> Path:
        return (BUNDLED_DIR if self.bundled else paths.user_models_dir()) / self.file

    def size_refusal(self, size: int) -> str | None:
        """Why a file of ``size`` bytes cannot be this model's (None: it may be). The catalogue
        knows the size only roughly (``approx_mb``: the authors' weights with their optimiser's
        state, which roughly triples a weight file), so the bounds are a factor of two either
        way: wide enough for that estimate, narrow enough to stop a weights-only file (a third
        of it), another model size, or an HTML page before anything loads or downloads. The
        pin, not the size, is what vouches for a file."""
        if self.approx_mb * 2**20 / 2 <= size <= self.max_bytes:
            return None
        return f"it is {size / 2**20:.1f} MB, far from the catalogue's about {self.approx_mb:g} MB"

    @property
    def max_bytes(self) -> int:
        """The most bytes a file of this model may have (see :meth:`size_refusal`)."""
        return int(self.approx_mb * 2**20 * 2)

    @property
    def available(self) -> bool:
        return self.path.is_file()


@dataclass(frozen=True)
class ProbeEntry:
    """A probe of the catalogue, for the catalogue model ``model``."""

    name: str
    model: str
    file: str
    title: str
    default: bool = False

    @property
    def path(self) -> Path:
        return BUNDLED_DIR / self.file


@functools.lru_cache(maxsize=1)
def read_catalogue() -> tuple[tuple[ModelEntry, ...], tuple[ProbeEntry, ...]]:
    """The catalogue's models and probes, as ``resources/models/catalogue.json`` lists them."""
    content = json.loads(CATALOGUE_FILE.read_text(encoding="utf-8"))
    models = [dict(entry, pin=Pin(**entry["pin"]) if entry.get("pin") else None)
              for entry in content["models"]]
    return (tuple(ModelEntry(**entry) for entry in models),
            tuple(ProbeEntry(**entry) for entry in content["probes"]))


def model_entry(name: str) -> ModelEntry | None:
    return next((m for m in read_catalogue()[0] if m.name == name), None)


def probe_entry(name: str) -> ProbeEntry | None:
    return next((p for p in read_catalogue()[1] if p.name == name), None)


def default_model() -> ModelEntry:
    """The published model once it is downloaded, else the demonstration model."""
    published, demonstration = model_entry(PUBLISHED_MODEL), model_entry(DEMONSTRATION_MODEL)
    assert published is not None and demonstration is not None  # both are in the shipped catalogue
    return published if published.available else demonstration


def default_probe(model: str) -> ProbeEntry | None:
    """The probe a catalogue model paints with when none is chosen (its entry marked default)."""
    return next((p for p in read_catalogue()[1] if p.model == model and p.default), None)


def resolve_model(choice: str | None) -> Path:
    """The checkpoint file of a catalogue name or a path (None or "": :func:`default_model`);
    a catalogue model not downloaded yet is refused, saying how to get it."""
    entry = model_entry(choice) if choice else default_model()
    if entry is None and choice:
        return own_model(choice) or _existing(choice, "model", [m.name for m in read_catalogue()[0]])
    assert entry is not None  # no choice: the default model, always in the catalogue
    if not entry.available:
        raise UserError(f"the model {entry.name} ({entry.title}) is not downloaded yet: python -m backend "
                        f"models download {entry.name} (about {entry.approx_mb:g} MB), or in QGIS the "
                        "dialog's model list, Download…")
    if not entry.bundled:
        identify(entry.path)  # its download record checked: a changed or unrecorded file is refused
    return entry.path


def resolve_probe(choice: str | None, checkpoint: str | Path, model_choice: str | None = None) -> Path:
    """The probe file of a catalogue name or a path; None or "": the default probe of the
    catalogue model chosen by name (``model_choice``; none: the default model), or that the file
    ``checkpoint`` is (the demonstration probe for any other model)."""
    if choice:
        entry = probe_entry(choice)
        return entry.path if entry else _existing(choice, "probe", [p.name for p in read_catalogue()[1]])
    named = model_entry(model_choice) if model_choice else default_model()
    found = default_probe(named.name if named else identify(checkpoint) or DEMONSTRATION_MODEL)
    return found.path if found else DEFAULT_PROBE


def own_model(name: str) -> Path | None:
    """The checkpoint the user added as ``name`` (``models add FILE --name NAME``: NAME.pt or
    NAME.pth in the user models folder; ``NAME.pth`` as listed works too), or None. A bare name
    only, and only when no file of that name lies at hand: a path always means that path."""
    if Path(name).exists() or "/" in name or "\\" in name:
        return None
    folder, known = paths.user_models_dir(), {m.file for m in read_catalogue()[0]}
    candidates = [name] if name.endswith((".pt", ".pth")) else [name + ".pt", name + ".pth"]
    return next((folder / c for c in candidates if c not in known and (folder / c).is_file()), None)


def _existing(choice: str, what: str, names: list) -> Path:
    """``choice`` as a file path, refused with the catalogue's names when there is no such file."""
    path = Path(choice)
    if not path.exists() and "/" not in choice and "\\" not in choice and not path.suffix:
        yours = f", a {what} of yours in {paths.user_models_dir()}" if what == "model" else ""
        raise UserError(f"{choice!r} is neither a {what} of the catalogue ({', '.join(names)}){yours} nor a "
                        "file; see python -m backend models")
    return path


def identify(checkpoint: str | Path, model: MoEMAE | None = None) -> str | None:
    """The catalogue name of the checkpoint file at ``checkpoint``: its download record (its
    SHA-256 checked: a changed file is refused), the catalogue's SHA-256, the bundled file, or
    (given the loaded ``model``) the demonstration weights; None for a model of one's own."""
    from .files import same_file

    path = Path(checkpoint)
    record = read_record(path)
    if record is not None:
        return record["catalogue"]
    if path.is_file() and same_file(path, DEFAULT_CHECKPOINT):
        return DEMONSTRATION_MODEL
    unrecorded = next((m for m in read_catalogue()[0] if not m.bundled and m.path.is_file() and
                       same_file(path, m.path) and not m.sha256), None)
    if unrecorded is not None:
        raise UserError(f"{path} has no download record, so it cannot be told to be {unrecorded.name}: "
                        f"register it with python -m backend models download {unrecorded.name} --url "
                        f"{path.absolute().as_uri()} (it is checked, not copied from the web)")
    known = {m.sha256: m.name for m in read_catalogue()[0] if m.sha256}
    if known and path.is_file() and file_sha256(path) in known:
        return known[file_sha256(path)]
    if model is not None and is_demonstration_model(model):
        return DEMONSTRATION_MODEL
    return None


def read_record(path: Path) -> dict | None:
    """The download record beside ``path``, its SHA-256 compared with the file's; None if none."""
    record_path = path.with_name(path.name + RECORD_SUFFIX)
    if not record_path.is_file() or not path.is_file():
        return None
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        record = None
    if not isinstance(record, dict) or not isinstance(record.get("catalogue"), str) \
            or not isinstance(record.get("sha256"), str):
        raise UserError(f"the download record {record_path} is damaged; download the model again (python -m "
                        "backend models download)")
    if file_sha256(path) != record["sha256"]:
        raise UserError(f"{path} changed since it was downloaded (its SHA-256 is no longer the recorded "
                        f"{record['sha256'][:16]}…): it is damaged or was replaced; download it again")
    entry = model_entry(record["catalogue"])
    # A record from before the pin (or for another file) vouches for bytes nobody compared with
    # the authors': the file keeps no claim to the name until it is checked.
    if entry is not None and entry.pin is not None and record.get("git_blob_sha1") != entry.pin.git_blob_sha1:
        raise Unverified(f"{path} was never checked against the authors' repository of {entry.name}: check "
                         f"it now with python -m backend models download {entry.name} --url "
                         f"{path.absolute().as_uri()} (or download it again)")
    return record


class Unverified(UserError):
    """A download record that does not vouch for the catalogue's pin."""


#: What the map's metadata (MODEL_VERIFIED) says of a checkpoint nothing vouches for.
UNVERIFIED = "no (a file of your own)"


def model_verification(checkpoint: str | Path) -> str:
    """What vouches for the checkpoint file's bytes, in a few words: "bundled", its download
    record (for the published model: verified against the authors' repository), or nothing
    (:data:`UNVERIFIED`: only the SHA-256 recorded at its first use tells it changed)."""
    from .files import same_file

    path = Path(checkpoint)
    if path.is_file() and same_file(path, DEFAULT_CHECKPOINT):
        return "bundled"
    try:
        record = read_record(path)
    except UserError:
        return "no (its download record does not vouch for it)"
    if record is None:
        return UNVERIFIED
    return record.get("verified") or "checked against its download record"


def demonstration_fingerprint() -> str | None:
    """The weight fingerprint of the bundled demonstration model, as its bundled probe records it
    (one place: the probe was fitted on exactly those weights)."""
    try:
        return json.loads(DEFAULT_PROBE.read_text(encoding="utf-8"))["model"]["fingerprint"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_demonstration_model(model: MoEMAE) -> bool:
    """Whether ``model`` (a loaded ``MoEMAE``) has the bundled demonstration model's weights,
    wherever its file lies."""
    from .checkpoint import model_fingerprint

    return model_fingerprint(model) == demonstration_fingerprint()


def _probe_summary(path: Path) -> str:
    """One line about a probe file; what is wrong with it when it cannot be used (one bad file
    in the user's folder must not stop the listing)."""
    from .probe import ProbeError

    try:
        probe = read_probe(path)
    except ProbeError as exc:
        return f"not usable: {str(exc).replace(str(path), path.name)}"
    return (f"{len(probe.class_names)} classes, {'multi-label' if probe.multilabel else 'single-label'}, "
            f"{probe.pooling} pooling, fitted on {probe.model.get('checkpoint', '?')}")


def read_probe(path: str | Path) -> LinearProbe:
    """The probe at ``path``, read once per version of the file (a probe on all tokens is 5 MB of
    JSON, and the dialog asks again at every change); a ``ProbeError`` says what is wrong."""
    stat = Path(path).stat() if Path(path).is_file() else None
    return _read_probe(str(Path(path).resolve()), stat and stat.st_size, stat and stat.st_mtime_ns)


@functools.lru_cache(maxsize=64)
def _read_probe(path: str, size: int | None, mtime_ns: int | None) -> LinearProbe:
    from .probe import LinearProbe

    return LinearProbe.load(path)


def user_model_files() -> list[Path]:
    """The user's own checkpoints: the .pt and .pth files in the user models folder that are no
    catalogue model (downloaded ones live there too)."""
    folder = paths.user_models_dir()
    known = {m.file for m in read_catalogue()[0]}
    return [p for p in sorted(folder.iterdir()) if p.suffix in (".pt", ".pth") and p.name not in known] \
        if folder.is_dir() else []


def user_probe_files() -> list[Path]:
    """Every probe file in the user models folder, whatever its name: its .json files but the
    download records kept beside models."""
    folder = paths.user_models_dir()
    return sorted(p for p in folder.glob("*.json") if not p.name.endswith(RECORD_SUFFIX)) \
        if folder.is_dir() else []


def usable_user_probes() -> list[Path]:
    """:func:`user_probe_files` that load as probes; the others are left out, not fatal."""
    from .probe import ProbeError

    usable = []
    for path in user_probe_files():
        try:
            read_probe(path)
        except ProbeError:
            continue
        usable.append(path)
    return usable


def token_probe_names() -> list[str]:
    """The catalogue's probes on the mean of the tokens: those that can paint 120 m cells."""
    return [p.name for p in read_catalogue()[1] if read_probe(p.path).pooling in TOKEN_POOLINGS]


def probe_fits_model(probe_path: str | Path, model_choice: str) -> bool:
    """Whether the probe at ``probe_path`` was fitted on the model chosen as a catalogue name or a
    checkpoint path: its catalogue model (``model.catalogue``) or its encoder's fingerprint
    (``model.fingerprint``) against the model's. A probe that records neither cannot be told
    apart and fits every model (the run still checks the feature count)."""
    recorded = read_probe(probe_path).model
    if not recorded.get("catalogue") and not recorded.get("fingerprint"):
        return True
    entry = model_entry(model_choice)
    try:
        name = entry.name if entry else identify(model_choice)
    except UserError:
        return False
    if recorded.get("catalogue"):
        return recorded["catalogue"] == name
    return recorded["fingerprint"] == model_fingerprint_of(entry.path if entry else Path(model_choice))


def model_fingerprint_of(checkpoint: Path) -> str | None:
    """The encoder fingerprint of a checkpoint file (``backend.checkpoint.model_fingerprint``),
    None when it is missing or no checkpoint. Loading a model takes a second, so each version of
    a file is fingerprinted once; the bundled model's is read from its probe."""
    if checkpoint.is_file() and checkpoint.resolve() == DEFAULT_CHECKPOINT.resolve():
        return demonstration_fingerprint()
    if not checkpoint.is_file():
        return None
    stat = checkpoint.stat()
    return _fingerprint(str(checkpoint.resolve()), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=16)
def _fingerprint(path: str, size: int, mtime_ns: int) -> str | None:
    from .checkpoint import CheckpointError, load_pretrained, model_fingerprint

    try:
        return model_fingerprint(load_pretrained(path, "cpu"))
    except CheckpointError:
        return None


def _checkpoint_summary(path: Path) -> str:
    from .checkpoint import CheckpointError, model_state_of, read_file

    try:
        content = read_file(path)
        _, info = model_state_of(content, path)
    except CheckpointError as exc:
        return f"not usable: {str(exc).replace(str(path), path.name)}"
    if info.get("format") == "published":  # the authors' file layout; says nothing of whose weights
        return f"geo-moe-mae checkpoint layout, epoch {info.get('epoch')}"
    provenance = info.get("provenance", {})
    return (f"size {info.get('model_size')}, {provenance.get('made_by', 'unknown origin')}, "
            f"{provenance.get('epochs', '?')} epochs on {provenance.get('patches', '?')} patches")


def _download_status(entry: ModelEntry) -> str:
    """"downloaded" when the file's download record vouches for it (and how), else what is wrong."""
    try:
        record = read_record(entry.path)
    except Unverified:
        return "unverified: download it again"
    except UserError:
        return "damaged: download it again"
    if record is None:
        return "present, no download record"
    return f"downloaded, {VERIFIED}" if record.get("git_blob_sha1") else "downloaded"


def list_models() -> list[dict]:
    """Rows for ``python -m backend models``: the catalogue's models (downloaded or not, with
    their probes), then the checkpoints and probes of the user's own in the user models folder."""
    models, probes = read_catalogue()
    rows = []
    for entry in models:
        status = ("bundled" if entry.bundled else _download_status(entry) if entry.available
                  else f"not downloaded (about {entry.approx_mb:g} MB)")
        names = [p.name + (" (default)" if p.default else "") for p in probes if p.model == entry.name]
        rows.append({"kind": "model", "name": entry.name, "status": status, "path": str(entry.path),
                     "summary": f"{entry.title}; licence {entry.licence}; probes: {', '.join(names)}"})
    for path in user_model_files():  # nothing vouches for its bytes but the SHA-256 recorded at first use
        rows.append({"kind": "model", "name": path.name, "status": "yours, unverified",
                     "path": str(path), "summary": _checkpoint_summary(path)})
    for path in user_probe_files():
        rows.append({"kind": "probe", "name": path.name, "status": "yours", "path": str(path),
                     "summary": _probe_summary(path)})
    return rows


def demonstration_warnings(model: MoEMAE) -> list:
    """The plain warning owed whenever the bundled demonstration model makes a map."""
    return [DEMONSTRATION_WARNING] if is_demonstration_model(model) else []


def check_probe_belongs(probe: LinearProbe, probe_name: str, checkpoint: str, model: MoEMAE) -> None:
    """A catalogue probe (``model.catalogue`` in its file) paints only with its catalogue model."""
    wanted = probe.model.get("catalogue")
    if wanted and identify(checkpoint, model) != wanted:
        entry = model_entry(wanted)
        title = entry.title if entry else wanted
        raise UserError(f"the probe {probe_name} belongs to the model {wanted} ({title}), not to "
                        f"{Path(checkpoint).name}: choose {wanted} as the model, or a probe fitted on this "
                        "one")


def why_not_tokens(pooling: str, stride: int, legend: bool = True) -> str:
    """Why a map of features pooled as ``pooling`` at ``stride`` px cannot have 120 m cells, in
    words a user acts on ("" when it can): the legend (``legend``: a probe; else the embedding's
    POOLING) reads whole tiles, or the stride is not a multiple of a token's 4 px."""
    tile_km = landsat.PATCH_SIZE_PX * landsat.PIXEL_M / 1000
    token_m = landsat.TOKEN_PATCH_PX * landsat.PIXEL_M
    if pooling not in TOKEN_POOLINGS and legend:
        return (f"this legend classifies whole {tile_km:g} km tiles; choose a legend on the mean of the "
                f"tokens ({', '.join(token_probe_names())}) for {token_m} m cells")
    if pooling not in TOKEN_POOLINGS:
        return (f"POOLING {pooling} describes whole {tile_km:g} km tiles; POOLING "
                f"{' or '.join(TOKEN_POOLINGS)} gives {token_m} m cells")
    if stride % landsat.TOKEN_PATCH_PX:
        return f"STRIDE {stride} px is not a multiple of {landsat.TOKEN_PATCH_PX} px"
    return ""


def token_cells(resolution: str, pooling: str, stride: int | None, probe_name: str | None = None) -> bool:
    """Whether features are read per 4 × 4 px token rather than per tile: RESOLUTION token or
    pixel (whose cells average tokens), or auto with features pooled as a mean of tokens (and, for a
    grid of tiles at ``stride`` px, a stride that is a multiple of 4 px; None: samples, not a
    grid). Refused when a pooling has no per-token form; ``probe_name``: the probe whose pooling it
    is (a map's legend), else the embedding's own POOLING."""
    if resolution not in RESOLUTIONS:
        raise UserError(f"RESOLUTION must be one of {', '.join(RESOLUTIONS)}, not {resolution!r}")
    per_token = pooling in TOKEN_POOLINGS
    if resolution == "auto" and stride is None:
        return per_token
    if resolution == "auto" and stride is not None:
        why = why_not_tokens(pooling, stride, legend=probe_name is not None)
        if why:
            log.info(f"RESOLUTION auto: a cell per stride, since {why}")
        return not why
    fine = resolution in ("token", "pixel")
    if fine and not per_token and probe_name is None:
        raise UserError(f"POOLING {pooling} has no per-token form: features at {resolution} resolution "
                        "are the tokens' shares of the mean (POOLING mean or patch-mean)")
    if fine and not per_token:
        raise UserError(f"the probe {probe_name} reads the {pooling!r} feature of a tile, which has no "
                        f"per-token form: RESOLUTION {resolution} works with probes on the mean of the "
                        f"tokens (mean or patch-mean pooling: {', '.join(token_probe_names())}, your own "
                        "mean probes); use RESOLUTION tile with this one")
    return fine
