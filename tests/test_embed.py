"""The embeddings file, written and read back without the CLI, and the checks a probe makes on it."""
import numpy as np
import pytest

from backend.embed import EMBEDDINGS_KEYS, EmbeddingsFile
from backend.errors import UserError
from backend.probe import LinearProbe


def embeddings(**overrides) -> EmbeddingsFile:
    rng = np.random.default_rng(0)
    values = dict(patch_ids=np.array(["a", "b", "c"]), embeddings=rng.normal(size=(3, 4)).astype(np.float32),
                  pooling="mean", normed=False, use_metadata=True, multilabel=False,
                  model_fingerprint="f" * 64, model_size="S", checkpoint="demo.pt",
                  labels=np.array([0, 1, 0]), class_names=["sea", "land"])
    values.update(overrides)
    return EmbeddingsFile(**values)


def test_an_embeddings_file_reads_back_as_written(tmp_path):
    written = embeddings()
    written.write(tmp_path / "e.npz")
    with np.load(tmp_path / "e.npz", allow_pickle=False) as npz:  # the format other tools read
        assert list(npz.files) == [*EMBEDDINGS_KEYS, "labels", "class_names"]
        assert npz["embeddings"].dtype == np.float32 and npz["pooling"].ndim == 0
    read = EmbeddingsFile.read(tmp_path / "e.npz")
    assert np.array_equal(read.embeddings, written.embeddings) and np.array_equal(read.labels, written.labels)
    assert list(read.patch_ids) == ["a", "b", "c"] and read.class_names == ["sea", "land"]
    assert (read.pooling, read.normed, read.use_metadata, read.multilabel) == ("mean", False, True, False)
    assert (read.model_fingerprint, read.model_size, read.checkpoint) == ("f" * 64, "S", "demo.pt")


@pytest.mark.parametrize("written, match", [
    (embeddings(labels=None), "lacks labels, class_names; embed a labelled dataset"),
    (embeddings(pooling="tokens", embeddings=np.zeros((3, 105, 4), np.float32)),
     r"holds pooling 'tokens' \(3, 105, 4\); a probe needs one vector per patch"),
])
def test_an_embeddings_file_a_probe_cannot_use_is_refused(tmp_path, written, match):
    written.write(tmp_path / "e.npz")
    with pytest.raises(UserError, match=match):
        EmbeddingsFile.read(tmp_path / "e.npz")


def test_a_missing_or_foreign_file_is_refused(tmp_path):
    with pytest.raises(UserError, match="does not exist; make one with: python -m backend embed"):
        EmbeddingsFile.read(tmp_path / "absent.npz")
    (tmp_path / "notes.npz").write_text("not a zip")
    with pytest.raises(UserError, match="is not an embeddings file written by 'embed'"):
        EmbeddingsFile.read(tmp_path / "notes.npz")


def probe(**overrides) -> LinearProbe:
    values = dict(class_names=["sea", "land"], colours=[[0, 0, 255], [0, 255, 0]], coef=np.zeros((2, 4)),
                  intercept=np.zeros(2), multilabel=False, model={"fingerprint": "f" * 64})
    values.update(overrides)
    return LinearProbe(**values)


@pytest.mark.parametrize("fitted, match", [
    (probe(pooling="cls"), "the probe expects pooling 'cls'; e.npz holds 'mean'"),
    (probe(normed=True), r"the probe expects pooling 'mean' \(normed\); e.npz holds 'mean'"),
    (probe(model={"fingerprint": "0" * 64, "checkpoint": "other.pt"}),
     r"p.json was fitted on embeddings of another model \(other.pt\); e.npz comes from demo.pt"),
    (probe(class_names=["a", "b", "c"]), r"the probe's classes \(3\) differ from the data's \(2\)"),
])
def test_a_probe_that_cannot_read_the_embeddings_is_refused(fitted, match):
    with pytest.raises(UserError, match=match):
        embeddings().check_probe(fitted, "p.json", "e.npz")
    embeddings().check_probe(probe(), "p.json", "e.npz")  # the right one passes
