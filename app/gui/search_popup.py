"""The search results list under the toolbar field."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from .search_hit_line import HitLineDelegate


class SearchPopup(QtWidgets.QTreeWidget):
    """Results list shown under the field; it never takes focus, so typing goes on."""

    def __init__(self, parent: QtWidgets.QWidget):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setRootIsDecorated(False)
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        self.setAccessibleName("Search results")
        self.setUniformRowHeights(True)
        self.setFrameShape(QtWidgets.QFrame.Shape.Box)
        self.setVerticalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(HitLineDelegate(self))
        self.hide()
