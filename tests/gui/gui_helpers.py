"""Helpers shared by the GUI tests."""

from PySide6 import QtCore


def table_rows(tab) -> list[dict]:
    model = tab.model
    return [model.row_dict(r) for r in range(model.rowCount())]


def click_scatter_point(qtbot, plot_panel, point) -> None:
    """A real mouse click on a scatter point, through the view's pixels."""
    view = plot_panel.plot_widget
    vb = plot_panel.plot.getViewBox()
    scene_pos = vb.mapViewToScene(point.pos())
    widget_pos = view.mapFromScene(scene_pos)
    qtbot.mouseClick(view.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=widget_pos)
