"""Reading a tab's plot data: on the UI thread for small tables, as a StoreOp (a store of the
worker's own) for big ones, where a newer request supersedes an older one still running."""

from __future__ import annotations

from ..ops import StoreOp


def _read(store, plot_data, params: dict, job: int):
    return job, plot_data(store, params)


class PlotReader:
    def __init__(self, tab):
        self.tab = tab
        self.job = 0
        self.ops: list[StoreOp] = []
        self.plotted = None      # the key of what is on screen

    def forget(self) -> None:
        """The database changed: what is on screen is redrawn at the next update."""
        self.plotted = None

    def update(self, key, params: dict, in_thread: bool) -> None:
        tab = self.tab
        if key == self.plotted:
            return  # same data under the same parameters: the plots on screen are right
        self.plotted = key
        self.job += 1
        if not in_thread:
            tab.draw_plots(tab.plot_data(tab.ctx.store, params))
            tab.highlight_plots(tab.selected_ids())
            return
        op = StoreOp(_read, tab.plot_data, params, self.job, hub=tab.ctx.hub, own_store=True,
                     parent=tab)
        op.succeeded.connect(self._ready)
        op.failed.connect(self._failed)
        self.ops.append(op.start())
        op.thread.finished.connect(self._reap)
        tab.plot_area.setToolTip("Reading the plot data…")

    def busy(self) -> bool:
        return any(not op.over for op in self.ops)

    def _ready(self, result) -> None:
        job, data = result
        if job != self.job:
            return      # superseded by a newer request
        self.tab.plot_area.setToolTip("")
        self.tab.draw_plots(data)
        self.tab.highlight_plots(self.tab.selected_ids())

    def _failed(self, message: str) -> None:
        self.plotted = None
        self.tab.ctx.show_message(f"Could not draw the {self.tab.title} plots: {message}", 8000)

    def _reap(self) -> None:
        for op in [op for op in self.ops if op.thread.isFinished()]:
            self.ops.remove(op)
            op.deleteLater()

    def wait(self, msecs: int = 10000) -> None:
        """Let running reads end (before the window or the store goes away)."""
        for op in list(self.ops):
            op.wait(msecs)
