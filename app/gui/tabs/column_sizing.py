"""A table's first column widths, measured from the display text of its first rows."""

from __future__ import annotations

import math

from PySide6 import QtCore, QtGui, QtWidgets

from ..models.table_model import NUMERIC

SIZE_SAMPLE_ROWS = 60    # rows the initial column widths are measured from


def _sampled_widths(view, model) -> dict[int, int]:
    """column -> the width its sampled text needs, after sizing each (capped) to it."""
    # Sized from the display text of the first rows ourselves: Qt's resizeColumnToContents
    # asks the model for every role of every sampled cell through Python (30-100 ms a tab).
    header = view.horizontalHeader()
    metrics = QtGui.QFontMetricsF(view.font())
    style = view.style()
    pad = 2 * (style.pixelMetric(QtWidgets.QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    pad += 1 if view.showGrid() else 0
    sample = min(model.rowCount(), SIZE_SAMPLE_ROWS)
    wanted: dict[int, int] = {}
    display = QtCore.Qt.ItemDataRole.DisplayRole
    for c, column in enumerate(model.columns):
        if view.isColumnHidden(c):
            continue
        widest = 0
        for r in range(sample):
            text = model.data(model.index(r, c), display)
            if text:
                widest = max(widest, metrics.horizontalAdvance(text))
        width = max(math.ceil(widest) + pad, header.sectionSizeHint(c))
        cap = 80 if column in NUMERIC else 210
        header.resizeSection(c, min(width, cap))
        wanted[c] = width
    return wanted


def size_columns(view, model) -> None:
    wanted = _sampled_widths(view, model)
    header = view.horizontalHeader()
    # A summary gets the width the other columns leave (up to its text), rather than the
    # last column (a count, when the source title is hidden) stretching over it.
    if "summary" in model.columns:
        c = model.columns.index("summary")
        last = max((i for i in range(len(model.columns)) if not view.isColumnHidden(i)), default=c)
        used = sum(header.sectionSize(i) for i in range(len(model.columns))
                   if not view.isColumnHidden(i) and i != last)
        free = view.viewport().width() - used - max(wanted.get(last, 0), 60)
        if c != last and c in wanted and free > 0:
            header.resizeSection(c, min(wanted[c], header.sectionSize(c) + free))
