"""Helpers shared by the GUI tests."""

from pathlib import Path

from PySide6 import QtCore

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def shown_window(qtbot, store, settings):
    """The main window on `store`, shown at 1280x800 with its first tab loaded."""
    from app.gui.main_window import MainWindow

    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    w.load_current_tab()
    return w


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


def hover(widget, pos) -> None:
    """Move the mouse over a widget (offscreen QTest.mouseMove sends no move event)."""
    from PySide6 import QtGui, QtWidgets

    local = QtCore.QPointF(pos)
    event = QtGui.QMouseEvent(QtCore.QEvent.Type.MouseMove, local, widget.mapToGlobal(local),
                              QtCore.Qt.MouseButton.NoButton, QtCore.Qt.MouseButton.NoButton,
                              QtCore.Qt.KeyboardModifier.NoModifier)
    QtWidgets.QApplication.sendEvent(widget, event)
