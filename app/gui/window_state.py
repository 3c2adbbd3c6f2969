"""The window's layout kept between sessions: geometry, toolbars, the last tab, and each
tab's splitters and column header, in QSettings."""

from __future__ import annotations


class WindowState:
    def __init__(self, window, settings):
        self.window = window
        self.settings = settings

    def restore_window(self) -> None:
        w = self.window
        geometry = self.settings.value("geometry")
        if geometry is not None:
            w.restoreGeometry(geometry)
        state = self.settings.value("windowState")
        if state is not None:
            w.restoreState(state)
        last = self.settings.value("lastTab")
        if last in w.tab_by_name:
            w.tabs.setCurrentWidget(w.tab_by_name[last])

    def remember_tab(self, tab) -> None:
        self.settings.setValue("lastTab", tab.table if tab.table != "figures" else "trade")

    def restore_tab_state(self, tab) -> None:
        key = tab.objectName()
        for name, splitter in (("splitter", tab.splitter), ("top", tab.top_splitter)):
            value = self.settings.value(f"{key}/{name}")
            if value is not None:
                splitter.restoreState(value)
        header = self.settings.value(f"{key}/header")
        if header is not None:
            tab.view.horizontalHeader().restoreState(header)

    def has_saved_header(self, tab) -> bool:
        return self.settings.value(f"{tab.objectName()}/header") is not None

    def save(self) -> None:
        w = self.window
        self.settings.setValue("geometry", w.saveGeometry())
        self.settings.setValue("windowState", w.saveState())
        for tab in w.tab_by_name.values():
            if not tab.loaded:
                continue
            key = tab.objectName()
            self.settings.setValue(f"{key}/splitter", tab.splitter.saveState())
            self.settings.setValue(f"{key}/top", tab.top_splitter.saveState())
            self.settings.setValue(f"{key}/header", tab.view.horizontalHeader().saveState())
        self.settings.sync()

    def reset_layout(self) -> None:
        for key in self.settings.allKeys():
            if key in ("geometry", "windowState") or "/" in key:
                self.settings.remove(key)
        w = self.window
        w.resize(1280, 800)
        for tab in w.tab_by_name.values():
            tab.splitter.setSizes([330, 330])
            tab.top_splitter.setSizes([760, 480])
            if tab.loaded:
                tab._columns_sized = False
                tab._resize_columns_once()
        w.statusBar().showMessage("Layout reset.", 4000)
