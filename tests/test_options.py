"""The options of a run on a scene: one set of defaults, read by the CLI, the toolbox and the dialog."""
import pytest

from backend import options
from backend.cli import build_parser
from backend.landsat import DEFAULT_QA_MASK
from backend.options import SceneOptions

#: stride, batch size, device, input scale
DEFAULTS = (options.DEFAULT_STRIDE_PX, options.DEFAULT_BATCH_SIZE, options.DEFAULT_DEVICE,
            options.DEFAULT_INPUT_SCALE)


def test_scene_options_default_to_the_named_constants():
    chosen = SceneOptions()
    assert (chosen.stride, chosen.batch_size, chosen.device, chosen.input_scale) == DEFAULTS
    assert chosen.mask == DEFAULT_QA_MASK and chosen.bands is None and chosen.acquisition is None
    assert chosen.resolution_or("tile") == "tile"
    assert SceneOptions(resolution="token").resolution_or("tile") == "token"


@pytest.mark.parametrize("command, resolution", [("classify", options.MAP_RESOLUTION_DEFAULT),
                                                 ("embed", options.EMBEDDING_RESOLUTION_DEFAULT)])
def test_the_cli_defaults_are_the_options_defaults(command, resolution):
    args = build_parser().parse_args([command, "scene.tif", "--out", "out.tif"])
    assert (args.stride, args.batch_size, args.device, args.input_scale) == DEFAULTS
    assert args.resolution == resolution
    assert tuple(args.mask) == DEFAULT_QA_MASK and args.bands is None and not args.no_metadata


@pytest.mark.parametrize("algorithm, resolution", [("moemae:classify", options.MAP_RESOLUTION_DEFAULT),
                                                   ("moemae:embed", options.EMBEDDING_RESOLUTION_DEFAULT),
                                                   ("moemae:trainprobe", options.MAP_RESOLUTION_DEFAULT)])
def test_the_toolbox_defaults_are_the_options_defaults(provider, algorithm, resolution):
    from qgis.core import QgsApplication

    found = QgsApplication.processingRegistry().algorithmById(algorithm)
    default = {p.name(): p.defaultValue() for p in found.parameterDefinitions()}
    assert (default["DEVICE"], default["INPUT_SCALE"], default["RESOLUTION"], default["USE_METADATA"]) == (
        options.DEFAULT_DEVICE, options.DEFAULT_INPUT_SCALE, resolution, True)
    assert tuple(default["MASK"]) == DEFAULT_QA_MASK
    if algorithm != "moemae:trainprobe":  # a probe reads one tile per sample: no stride, no batches
        assert (default["STRIDE"], default["BATCH_SIZE"]) == DEFAULTS[:2]


def test_the_dialog_defaults_are_the_options_defaults(provider, qgis_iface):
    from qgis.core import QgsSettings

    from moemae_qgis.dialog import SETTINGS_GROUP, ClassifyDialog

    QgsSettings().remove(SETTINGS_GROUP)  # the defaults, not what an earlier run chose
    dialog = ClassifyDialog(qgis_iface)
    assert dialog.stride.value() == options.DEFAULT_STRIDE_PX
    assert dialog.device.currentData() == options.DEFAULT_DEVICE
    assert dialog.resolution.currentData() == options.MAP_RESOLUTION_DEFAULT
