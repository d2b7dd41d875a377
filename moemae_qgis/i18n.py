"""Translation: every string the plugin shows a user goes through :func:`tr`."""
from qgis.PyQt.QtCore import QCoreApplication

#: The translation context of the plugin's strings (one for all: the plugin is small).
CONTEXT = "MoeMae"


def tr(text: str) -> str:
    """``text`` in the user's language when a translation is installed, else as it is."""
    return QCoreApplication.translate(CONTEXT, text)
