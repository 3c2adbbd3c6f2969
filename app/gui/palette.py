"""A dark palette (used by `factbrowser screenshot --theme dark` and the tests)."""

from __future__ import annotations

from PySide6 import QtGui


def dark_palette() -> QtGui.QPalette:
    pal = QtGui.QPalette()
    role = QtGui.QPalette.ColorRole
    for r, colour in ((role.Window, "#2b2b2b"), (role.WindowText, "#e6e6e6"), (role.Base, "#1e1e1e"),
                      (role.AlternateBase, "#262626"), (role.Text, "#e6e6e6"), (role.Button, "#333333"),
                      (role.ButtonText, "#e6e6e6"), (role.Highlight, "#2f65ca"),
                      (role.HighlightedText, "#ffffff"), (role.ToolTipBase, "#333333"),
                      (role.ToolTipText, "#e6e6e6"), (role.Link, "#6ea8fe"), (role.PlaceholderText, "#8a8a8a")):
        pal.setColor(r, QtGui.QColor(colour))
    disabled = QtGui.QPalette.ColorGroup.Disabled
    for r in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(disabled, r, QtGui.QColor("#7a7a7a"))
    return pal
