"""PNG and SVG export of a plot view.

pyqtgraph 0.14's SVGExporter breaks under PySide6 6.12 (its correctCoordinates step fails
with "not enough values to unpack"), so SVG is produced by painting the view's scene into a
QSvgGenerator instead. Both formats are written to a temporary file beside the target and
moved into place only when complete, so a failure never leaves a half-written file.
"""

from __future__ import annotations

import os
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6 import QtCore, QtGui, QtSvg, QtWidgets


class ExportError(Exception):
    """Readable one-line reason an export did not happen."""


def _temp_beside(path: Path, suffix: str) -> Path:
    try:
        fd, name = tempfile.mkstemp(prefix=".fb-", suffix=suffix, dir=str(path.parent))
    except OSError as exc:
        raise ExportError(f"Cannot write to {path.parent}: {exc.strerror or exc}") from exc
    os.close(fd)
    return Path(name)


def _finish(tmp: Path, path: Path) -> Path:
    try:
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"Cannot write {path}: {exc.strerror or exc}") from exc
    return path


def export_png(view: QtWidgets.QGraphicsView, path: str | os.PathLike, scale: float = 2.0) -> Path:
    """Render the view (as shown, at `scale` times its size) to a PNG file."""
    path = Path(path)
    rect = view.viewport().rect()
    if rect.isEmpty():
        rect = QtCore.QRect(0, 0, 800, 500)
        view.resize(rect.size())
    image = QtGui.QImage(
        int(rect.width() * scale), int(rect.height() * scale),
        QtGui.QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.fill(view.backgroundBrush().color())
    painter = QtGui.QPainter(image)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing)
    view.render(painter, QtCore.QRectF(image.rect()), rect)
    painter.end()
    tmp = _temp_beside(path, ".png")
    if not image.save(str(tmp), "PNG"):
        tmp.unlink(missing_ok=True)
        raise ExportError(f"Cannot write PNG to {path} (disk full or not writable?)")
    return _finish(tmp, path)


def export_svg(view: QtWidgets.QGraphicsView, path: str | os.PathLike, title: str = "") -> Path:
    """Paint the view's scene into an SVG file (vector lines and text)."""
    path = Path(path)
    rect = view.viewport().rect()
    if rect.isEmpty():
        rect = QtCore.QRect(0, 0, 800, 500)
        view.resize(rect.size())
    tmp = _temp_beside(path, ".svg")
    gen = QtSvg.QSvgGenerator()
    gen.setFileName(str(tmp))
    gen.setSize(rect.size())
    gen.setViewBox(QtCore.QRect(0, 0, rect.width(), rect.height()))
    gen.setTitle(title or path.stem)
    gen.setDescription("Exported from Fact Browser")
    painter = QtGui.QPainter()
    if not painter.begin(gen):
        tmp.unlink(missing_ok=True)
        raise ExportError(f"Cannot write SVG to {path}")
    painter.fillRect(QtCore.QRectF(0, 0, rect.width(), rect.height()), view.backgroundBrush())
    view.render(painter, QtCore.QRectF(0, 0, rect.width(), rect.height()), rect)
    painter.end()
    try:
        root = ET.parse(tmp).getroot()
    except (ET.ParseError, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"SVG export produced an unreadable file: {exc}") from exc
    if not root.tag.endswith("svg"):
        tmp.unlink(missing_ok=True)
        raise ExportError("SVG export produced a file without an <svg> root")
    return _finish(tmp, path)


def export_plot(view: QtWidgets.QGraphicsView, path: str | os.PathLike, title: str = "") -> Path:
    """Export by file extension: .svg gives SVG, anything else PNG."""
    if str(path).lower().endswith(".svg"):
        return export_svg(view, path, title)
    if not str(path).lower().endswith(".png"):
        path = f"{path}.png"
    return export_png(view, path)
