"""A filter combo that reads its values when first opened."""

from __future__ import annotations

from PySide6 import QtWidgets


class LazyCombo(QtWidgets.QComboBox):
    """A filter combo whose values are read from the database when it is first opened (on
    a large database the distinct values cost more than the rest of the tab)."""

    def __init__(self, name: str, all_text: str, loader):
        super().__init__()
        self.loader = loader
        self.all_text = all_text
        self.filled = False
        self.setAccessibleName(name)
        self.setToolTip(name)
        self.addItem(all_text, None)
        self.setSizeAdjustPolicy(
            QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self.view().setMinimumWidth(260)   # the open list shows long names in full

    def ensure_filled(self) -> None:
        if self.filled:
            return
        self.filled = True
        current = self.currentData()
        self.blockSignals(True)
        self.clear()
        self.addItem(self.all_text, None)
        for value in self.loader():
            self.addItem(str(value), value)
        at = self.findData(current)
        if at < 0 and current is not None:
            self.addItem(str(current), current)
            at = self.count() - 1
        self.setCurrentIndex(max(at, 0))
        self.blockSignals(False)

    def reset(self) -> None:
        self.filled = False

    def select_value(self, value) -> bool:
        self.ensure_filled()
        at = self.findData(value)
        if at >= 0:
            self.setCurrentIndex(at)
        return at >= 0

    def showPopup(self) -> None:
        self.ensure_filled()
        super().showPopup()

    def keyPressEvent(self, event) -> None:
        self.ensure_filled()   # arrow keys step through the values too
        super().keyPressEvent(event)
