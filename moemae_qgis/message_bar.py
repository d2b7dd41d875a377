"""Errors in QGIS's message bar with a Details button.

The bar shows at most two lines of a message: the end of a long one (often the part that says what
to do, after a path) is cut off. A Details button opens the whole text, where it can be read and
copied.
"""
from __future__ import annotations

from qgis.core import Qgis
from qgis.gui import QgsMessageViewer
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QPushButton

from .i18n import tr

#: The object names tests and people's scripts find the button and the viewer by.
DETAILS_BUTTON, DETAILS_VIEWER = "moemaeDetailsButton", "moemaeDetailsViewer"


def push_with_details(bar, title: str, text: str, level=Qgis.MessageLevel.Critical,
                      details: str = "") -> None:
    """Push ``text`` to the message bar ``bar`` with a Details button that shows ``details``
    (the whole of ``text`` when empty) in a window of its own."""
    widget = bar.createMessage(title, text)
    button = QPushButton(tr("Details…"), widget)
    button.setObjectName(DETAILS_BUTTON)
    button.clicked.connect(lambda: show_details(bar.window(), title, details or text))
    widget.layout().addWidget(button)
    bar.pushWidget(widget, level)


def show_details(parent, title: str, text: str) -> QgsMessageViewer:
    """The whole text, in a window that does not block QGIS and is deleted when closed."""
    viewer = QgsMessageViewer(parent)
    viewer.setObjectName(DETAILS_VIEWER)
    viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    viewer.setTitle(title)
    viewer.setMessageAsPlainText(text)
    viewer.show()
    return viewer
