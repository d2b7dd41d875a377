"""The dialog's model and probe lists in real QGIS widgets: every probe file of the user models
folder, whatever its name, listed under the model it was fitted on and no other."""
import json
import shutil
from pathlib import Path

import pytest

from backend import paths
from backend.catalogue import DEFAULT_CHECKPOINT, DEFAULT_PROBE, read_catalogue
from backend.probe import LinearProbe


@pytest.fixture
def user_probes():
    """The user models folder holding probes of three models under any names, and files that are
    no probes: a download record, notes, broken JSON."""
    folder = paths.user_models_dir()
    folder.mkdir(parents=True)
    probe = LinearProbe.load(DEFAULT_PROBE)  # fitted on the bundled demonstration model
    probe.save(folder / "manaus_probe.json")
    probe.model = {"fingerprint": "0" * 64, "checkpoint": "someone_elses.pt"}
    probe.save(folder / "probe_other_model.json")
    probe.model = {"catalogue": "published-S", "checkpoint": "pretrained_S_best.pth"}
    probe.save(folder / "coast_published.json")
    (folder / "notes.json").write_text(json.dumps({"about": "my field trip"}))
    (folder / "broken.json").write_text('{"format": "moemae-qgis/linear-probe", ')
    (folder / "pretrained_S_best.pth.download.json").write_text(json.dumps({"catalogue": "published-S",
                                                                            "sha256": "0" * 64}))
    shutil.copy(DEFAULT_CHECKPOINT, folder / "mine.pt")  # the demonstration weights, as one's own file
    return folder


def probes_listed(picker, model) -> list:
    picker.model.setCurrentIndex(picker.model.findData(model))
    return [picker.probe.itemText(i) for i in range(picker.probe.count())]


def catalogue_titles(model) -> list:
    entries = sorted((p for p in read_catalogue()[1] if p.model == model), key=lambda p: not p.default)
    return [p.title for p in entries]


def test_each_model_lists_the_probes_fitted_on_it_whatever_their_file_names(qgis_iface, user_probes):
    from moemae_qgis.model_picker import ModelPicker

    picker = ModelPicker()
    assert probes_listed(picker, "demo-S") == [*catalogue_titles("demo-S"), "manaus_probe.json (yours)"]
    assert probes_listed(picker, "published-S") == [*catalogue_titles("published-S"),
                                                    "coast_published.json (yours)"]
    # One's own file of the demonstration weights: the probes fitted on those weights, by fingerprint.
    assert probes_listed(picker, str(user_probes / "mine.pt")) == ["manaus_probe.json (yours)"]


def test_probes_and_models_are_read_once_per_version_of_their_files(qgis_iface, user_probes, monkeypatch):
    from backend import checkpoint
    from moemae_qgis.model_picker import ModelPicker

    picker = ModelPicker()
    probes_listed(picker, str(user_probes / "mine.pt"))  # the first look reads everything once
    probe_reads, model_loads = [], []
    read_probe, load_model = LinearProbe.load.__func__, checkpoint.load_pretrained
    monkeypatch.setattr(LinearProbe, "load", classmethod(
        lambda cls, path: probe_reads.append(Path(path).name) or read_probe(cls, path)))
    monkeypatch.setattr(checkpoint, "load_pretrained",
                        lambda *a, **k: model_loads.append(a) or load_model(*a, **k))
    for model in ("demo-S", str(user_probes / "mine.pt"), "published-S", str(user_probes / "mine.pt")):
        probes_listed(picker, model)
    assert model_loads == [] and set(probe_reads) <= {"notes.json", "broken.json"}  # no probes: not kept
    probe = LinearProbe.load(user_probes / "manaus_probe.json")
    probe.model = {"fingerprint": "1" * 64}
    probe.save(user_probes / "manaus_probe.json")  # refitted on another model: read again, and gone
    picker.model.setCurrentIndex(picker.model.findData("demo-S"))
    assert probes_listed(picker, str(user_probes / "mine.pt")) == []


def test_the_models_command_lists_every_probe_file_whatever_its_name(user_probes, cli):
    code, out, _ = cli("models")
    assert code == 0
    listed = [line.split()[1] for line in out.splitlines() if line.startswith("probe ")]
    assert listed == ["broken.json", "coast_published.json", "manaus_probe.json", "notes.json",
                      "probe_other_model.json"]
    assert "notes.json" in out and "not usable" in out.split("notes.json")[1].splitlines()[0]
