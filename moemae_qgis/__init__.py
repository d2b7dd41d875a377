"""moemae-qgis: land-cover maps from Landsat 8/9 with a tiny metadata-aware MoE-MAE.

QGIS calls :func:`classFactory` when it loads the plugin (with ``iface`` None inside
qgis_process). Nothing here may fail because PyTorch is missing: the plugin then says what
is missing and offers to install it.
"""


def classFactory(iface):  # noqa: N802 - the name QGIS looks for
    from . import dependencies
    from .i18n import install_translator
    from .plugin import MoeMaePlugin

    install_translator()  # before anything builds a menu or registers an algorithm

    # Packages the plugin installed earlier become importable before anything asks for them.
    dependencies.activate_dependency_dir()
    return MoeMaePlugin(iface)
