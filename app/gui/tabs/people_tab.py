"""People: who appears in the releases, their posts, meetings and mentions."""

from __future__ import annotations

from PySide6 import QtWidgets

from .base_tab import ASYNC_ROWS, BaseTab, esc, make_filters

MAX_LISTED = 50
TOP_PEOPLE = 12
NETWORK_NODES = 16   # bars that stay readable in the plot's default height


def post_history(posts: list[dict]) -> list[tuple]:
    """Consecutive statements of the same post, merged: (title, country, first, last, count)."""
    out: list[list] = []
    for post in posts:
        key = (post.get("title"), post.get("country"))
        if out and (out[-1][0], out[-1][1]) == key:
            out[-1][3] = post.get("as_of") or out[-1][3]
            out[-1][4] += 1
        else:
            out.append([key[0], key[1], post.get("as_of"), post.get("as_of"), 1])
    return [tuple(p) for p in out]


class PeopleTab(BaseTab):
    table = "people"
    title = "People"
    fact_type = "person"
    columns = ["id", "name", "post", "country", "mentions", "meetings", "first_date", "last_date"]

    def build_plots(self) -> None:
        from ..plots.bars import BarPlot
        from ..plots.network import NetworkPlot
        self.bars = BarPlot("Dated meetings per person", "meetings (count)", horizontal=True,
                            integer=True)
        self.network = NetworkPlot("Contact network", max_nodes=NETWORK_NODES)

        self.plot_tabs = QtWidgets.QSplitter()
        self.plot_tabs.addWidget(self.bars)
        self.plot_tabs.addWidget(self.network)
        self.plot_layout.addWidget(self.plot_tabs)
        self.bars.idClicked.connect(lambda pid: self.select_id(pid))
        self.network.nodeClicked.connect(lambda pid: self.select_id(pid))

    def plot_params(self) -> dict:
        # the meetings are counted under the time window; the table's text filter only narrows
        # whose meetings are shown (its people come from the filter index, cheaply)
        return {"window": self.ctx.window_filters(),
                "text": self.filter_edit.text().strip() or None}

    def plots_in_thread(self) -> bool:
        # The plots count meetings, not the people the table shows: a few thousand people
        # can have hundreds of thousands of participations (the highest meeting id bounds them).
        top = self.ctx.store.max_meeting_id()
        return (top is not None and top > ASYNC_ROWS) or super().plots_in_thread()

    def plot_data(self, store, params: dict):
        from ..plots.data import Bar

        window = params["window"]
        among = None
        if params.get("text"):
            # their ids only (a row dict per person cost ~4 of ~6 ms for 'Minister')
            among = {r[0] for r in store.plot_columns(
                "people", make_filters(text=params["text"]), ["id"], "id", limit=1 << 40).rows}
        # One read for both plots: the busiest people (dated meetings, in the time window)
        # and their meetings; the network joins the busiest NETWORK_NODES of them.
        busiest = store.busiest_people(window, max(TOP_PEOPLE, NETWORK_NODES), NETWORK_NODES, among)
        top = [(p.person_id, p.meetings) for p in busiest.people]
        contacts = [(c.a, c.b, c.meetings) for c in busiest.contacts]
        ids = [pid for pid, _n in top]
        rows = {r["id"]: r for r in store.rows("people", make_filters(ids=ids))} if ids else {}
        bars = []
        for pid, n in reversed(top[:TOP_PEOPLE]):   # horizontal bars draw bottom-up: busiest on top
            p = rows.get(pid, {})
            bars.append(Bar(label=p.get("name") or str(pid), value=float(n), ids=[pid],
                            tip=f"{p.get('name')}\n{p.get('post') or ''}\n{n} dated meetings"))
        names = {pid: rows.get(pid, {}).get("name") or str(pid) for pid in ids[:NETWORK_NODES]}
        return bars, names, contacts, len(top) >= max(TOP_PEOPLE, NETWORK_NODES), bool(among is not None)

    def draw_plots(self, data) -> None:
        bars, names, contacts, busiest_only, filtered = data
        which = " matching the filter" if filtered else ""
        self.bars.title_label.setText("<b>Dated meetings per person</b>" + (
            " (people matching the filter)" if filtered else ""))
        # With more people than it can show, the network is of the busiest: it says so.
        self.network.title_label.setText(
            "<b>Contact network</b>" + (f" ({NETWORK_NODES} busiest people{which})"
                                        if busiest_only else (f" (people{which})" if which else "")))
        self.network.title_label.setToolTip(
            f"Meetings together among the {NETWORK_NODES} people in the most dated meetings "
            "(in the time window, when one is set)" if busiest_only else "")
        self.bars.set_bars(bars)
        self.network.set_network(names, contacts)

    def highlight_plots(self, ids: list[int]) -> None:
        if hasattr(self, "bars"):
            self.bars.highlight(ids)
            self.network.highlight(ids)

    def detail_html(self, row: dict) -> str:
        try:
            person = self.ctx.store.person(row["id"])
        except Exception:
            person = dict(row)
        parts = [f"<h3>{esc(row.get('name'))}</h3>",
                 f"<p>{esc(row.get('post') or 'post not stated')}"
                 f"{' — ' + esc(row.get('country')) if row.get('country') else ''}</p>"]
        posts = post_history(person.get("posts") or [])
        if posts:
            parts.append("<h4>Posts held</h4><ul>")
            for title, country, first, last, n in posts:
                when = ""
                if first:
                    when = f" ({esc(first)}{' – ' + esc(last) if last and last != first else ''}"
                    when += f", {n} documents)" if n > 1 else ")"
                parts.append(f"<li>{esc(title)}{', ' + esc(country) if country else ''}{when}</li>")
            parts.append("</ul>")
        meetings = person.get("meetings") or []
        parts.append(f"<h4>Meetings ({len(meetings)})</h4>")
        if meetings:
            parts.append("<ul>")
            for m in meetings[:MAX_LISTED]:
                date = m.get("date_start") or "undated"
                if m.get("date_end") and m.get("date_end") != m.get("date_start"):
                    date += f" – {m.get('date_end')}"
                label = f"{date}: {m.get('kind') or 'event'}"
                if m.get("place"):
                    label += f" in {m.get('place')}"
                others = m.get("participants") or ""
                parts.append(f"<li><a href='fb://meetings/{m.get('id')}'>{esc(label)}</a>"
                             f"{' — ' + esc(others) if others else ''}"
                             f" <i>({esc(m.get('status'))})</i></li>")
            parts.append("</ul>")
            if len(meetings) > MAX_LISTED:
                parts.append(f"<p>…and {len(meetings) - MAX_LISTED} more (Meetings tab, filter by person)</p>")
        mentions = person.get("mentions") or []
        parts.append(f"<h4>Mentions ({len(mentions)})</h4>")
        parts.append(self.sources_html(mentions))
        return "".join(parts)

    def provenance(self, row: dict) -> list[dict]:
        try:
            mentions = self.ctx.store.person(row["id"]).get("mentions") or []
        except Exception:
            mentions = []
        return mentions or super().provenance(row)
