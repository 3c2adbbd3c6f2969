"""What a fact tab may ask of the window around it, and nothing else: the open database (and
its `store_changed`), the time window, a status message, the way to another tab's fact, and
where the tab's layout is saved. The main window builds one and hands it to every tab."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .filters import make_filters


@dataclass(eq=False)
class TabContext:
    hub: object                                    # StoreHub: .store, .store_changed
    time_window: Callable[[], tuple]               # (date_from, date_to), ISO or None
    show_undated: Callable[[], bool]               # undated rows stay shown in a window
    set_time_window: Callable[[str | None, str | None], None]
    show_message: Callable[..., None]              # (text, msecs=0) on the status bar
    open_link: Callable[..., None]                 # an fb:// link of a detail pane
    show_source: Callable[..., bool]               # (document_id, start, end)
    has_saved_header: Callable[..., bool]          # (tab): its column layout was saved
    restore_tab_state: Callable[..., None]         # (tab): splitters and columns as saved
    remove_document: Callable[[int], None]         # asks nothing more; runs as an operation

    @property
    def store(self):
        return self.hub.store

    @property
    def store_changed(self):
        return self.hub.store_changed

    @property
    def read_only(self) -> str | None:
        return self.hub.read_only

    def window_filters(self, **extra):
        """Filters of the time window alone (what plots count the whole table under)."""
        date_from, date_to = self.time_window()
        return make_filters(date_from=date_from, date_to=date_to,
                            undated=True if self.show_undated() else None, **extra)
