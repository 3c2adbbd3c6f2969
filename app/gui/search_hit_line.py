"""One search hit on one line: its rich text, and the delegate that paints it (bold
matches, clipped before its date, which keeps the right edge)."""

from __future__ import annotations

import html

from PySide6 import QtCore, QtGui, QtWidgets

HIT_ROLE = QtCore.Qt.ItemDataRole.UserRole
HTML_ROLE = QtCore.Qt.ItemDataRole.UserRole + 1
DATE_ROLE = QtCore.Qt.ItemDataRole.UserRole + 2


def hit_html(hit) -> str:
    """A hit's line as rich text: its kind (a meeting's, a figure's category), its label
    with the matched words in bold, then the words beside it that say why it matched, or a
    sentence's release (its date is drawn apart, at the right edge: it is never cut off)."""
    from ..store import hit_parts, render_marked

    p = hit_parts(hit)
    sub = p["what"].partition(" (")[2].rstrip(")")
    out = []
    if sub:   # the group header says what it is; this says which sort
        out.append(f'<span class="m">{html.escape(sub)}</span>&nbsp; ')
    out.append(render_marked(p["label"], p["label_marks"], "<b>", "</b>", html.escape))
    if p["snippet"]:
        out.append('&nbsp;&nbsp;<span class="m">·</span> '
                   + render_marked(p["snippet"], p["snippet_marks"], "<b>", "</b>", html.escape))
    if p["source"]:
        out.append(f'&nbsp;&nbsp;<span class="m">in {html.escape(p["source"])}</span>')
    return "".join(out)


class HitLineDelegate(QtWidgets.QStyledItemDelegate):
    """Paints an item's HTML_ROLE text on one line (bold matches), clipped before its date,
    which is drawn at the right edge; items without it are painted as usual (headers)."""

    def paint(self, painter, option, index) -> None:
        text = index.data(HTML_ROLE)
        if not text:
            super().paint(painter, option, index)
            return
        opt = QtWidgets.QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget else QtWidgets.QApplication.style()
        style.drawControl(QtWidgets.QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QtWidgets.QStyle.StateFlag.State_Selected)
        role = QtGui.QPalette.ColorRole.HighlightedText if selected else QtGui.QPalette.ColorRole.Text
        ink = opt.palette.color(role)
        muted = QtGui.QColor(ink)
        muted.setAlphaF(0.85 if selected else 0.6)
        rect = style.subElementRect(QtWidgets.QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        date = index.data(DATE_ROLE) or ""
        metrics = QtGui.QFontMetrics(opt.font)
        date_width = metrics.horizontalAdvance(date) + 12 if date else 0
        doc = self._document(text, opt.font, muted)
        ctx = QtGui.QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QtGui.QPalette.ColorRole.Text, ink)
        painter.save()
        painter.translate(rect.left(), rect.top() + (rect.height() - doc.size().height()) / 2)
        ctx.clip = QtCore.QRectF(0, 0, max(0, rect.width() - date_width), rect.height())
        painter.setClipRect(ctx.clip)
        doc.documentLayout().draw(painter, ctx)
        painter.restore()
        if date:
            painter.save()
            painter.setPen(muted)
            painter.setFont(opt.font)
            painter.drawText(rect.adjusted(0, 0, -4, 0), int(
                QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter), date)
            painter.restore()

    def sizeHint(self, option, index) -> QtCore.QSize:
        size = super().sizeHint(option, index)
        text = index.data(HTML_ROLE)
        if text:
            height = int(self._document(text, option.font, QtGui.QColor()).size().height())
            size.setHeight(max(size.height(), height))
        return size

    @staticmethod
    def _document(text: str, font, muted: QtGui.QColor) -> QtGui.QTextDocument:
        doc = QtGui.QTextDocument()
        doc.setDefaultFont(font)
        doc.setDocumentMargin(1)
        doc.setDefaultStyleSheet(f".m {{ color: {muted.name(QtGui.QColor.NameFormat.HexArgb)} }}")
        doc.setHtml(f'<div style="white-space:pre">{text}</div>')
        return doc
