"""What a saved web page says about itself outside the release's text: publication date and
time, headline, the site's name. A pure function over the page's HTML (no I/O).

Where a page states its date, most to least reliable:
    <meta property="article:published_time" content="2023-04-12T10:30:00+03:00">
    other date metas (og:published_time, datePublished, pubdate, DC.date.issued, date, ...)
    JSON-LD "datePublished" (a NewsArticle, also inside "@graph" lists)
    <time datetime="..."> (the first inside <article>/<main>, else in the page)
    a visible date element: <span class="date">04.03.2022</span>, "published", "post-date"
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

# Meta names/properties that hold the publication date, in order of trust.
_DATE_METAS = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "datepublished", "publishdate", "publish-date", "publish_date", "pubdate", "publication_date",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "sailthru.date",
    "parsely-pub-date", "date", "article.published", "published_time", "created",
)
_SITE_METAS = ("og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site")
_TITLE_METAS = ("og:title", "twitter:title", "dc.title", "title")
_ISO = re.compile(r"(?P<date>(?:19|20)\d\d-[01]\d-[0-3]\d)(?:[T ](?P<time>[0-2]\d:[0-5]\d))?")
_DATE_CLASS = re.compile(r"(?:^|[-_\s])(?:date|time|published|pubdate|post-?date|"
                         r"article-?date|news-?date|timestamp|datetime)(?:$|[-_\s])", re.I)


def page_meta(html: str | bytes) -> dict:
    """{"date", "time", "title", "outlet"}: each None when the page does not say."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", "replace")
    scan = _Scan()
    scan.feed(html)
    scan.close()
    metas = scan.metas
    out: dict = {"date": None, "time": None, "title": None, "outlet": None}
    for key in _DATE_METAS:
        if _set_date(out, metas.get(key)):
            break
    ld = _json_ld(scan.scripts)
    if out["date"] is None:
        _set_date(out, _ld_value(ld, "datePublished") or _ld_value(ld, "dateCreated"))
    if out["date"] is None:  # <time> elements, those of the article first
        for inside in (True, False):
            if any(_set_date(out, dt) or _set_date(out, text)
                   for dt, text, article in scan.times if article or not inside):
                break
    if out["date"] is None:  # a visible date element, the article's first
        for inside in (True, False):
            if any(_set_date(out, text) for text, article in scan.dated if article or not inside):
                break
    out["outlet"] = next((metas[k] for k in _SITE_METAS if metas.get(k)), None)
    if out["outlet"] is None:
        pub = _ld_value(ld, "publisher")
        out["outlet"] = pub.get("name") if isinstance(pub, dict) else (pub if isinstance(pub, str) else None)
    if out["outlet"] and out["outlet"].startswith("@"):
        out["outlet"] = out["outlet"][1:]
    title = next((metas[k] for k in _TITLE_METAS if metas.get(k)), None) or _ld_value(ld, "headline")
    if not title and scan.title:
        title = " ".join(scan.title.split())
    out["title"] = title if isinstance(title, str) and title else None
    return out


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}
_DATED_TAGS = {"span", "div", "p", "time", "small", "li"}
_OFF_ARTICLE = {"a", "aside", "nav", "footer"}
_MAX_CANDIDATES = 64  # a page's own date element is near its top; enough, and bounded
_MAX_TEXT = 200  # a date element's text is short: longer text is no date


class _Scan(HTMLParser):
    """One pass over the page, in time linear in its size whatever its nesting (a parse tree
    asked "what is inside / before this?" per element is quadratic on hostile pages): the
    metas, JSON-LD scripts, title, <time> elements and elements whose class or id says date,
    each with whether it stands in the article and outside links, asides, navs, footers."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.metas: dict[str, str] = {}
        self.scripts: list[str] = []
        self.title = ""
        self.times: list[tuple] = []  # (datetime attribute, text, inside article/main)
        self.dated: list[tuple] = []  # (text, inside article/main)
        self._stack: list[list] = []  # [tag, saw an <a> child]
        self._open = {"article": 0, "main": 0, "off": 0}
        self._captures: list[list] = []  # [depth, kind, parts, attribute, in article]
        self._script: list[str] | None = None
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").strip().lower()
            val = (a.get("content") or "").strip()
            if key and val and key not in self.metas:
                self.metas[key] = val
            return
        if tag in _VOID:
            return
        parent_saw_a = bool(self._stack) and self._stack[-1][1]
        if self._stack and tag == "a":
            self._stack[-1][1] = True
        if tag == "script" and "ld+json" in a.get("type", "").lower():
            self._script = []
        elif tag == "title" and not self.title:
            self._in_title = True
        article = bool(self._open["article"] or self._open["main"])
        if len(self.times) + len(self.dated) < _MAX_CANDIDATES and not self._open["off"]:
            if tag == "time":
                self._captures.append([len(self._stack), "time", [], a.get("datetime"), article])
            elif tag in _DATED_TAGS and not parent_saw_a \
                    and _DATE_CLASS.search(f"{a.get('class', '')} {a.get('id', '')}"):
                self._captures.append([len(self._stack), "dated", [], None, article])
        self._stack.append([tag, False])
        if tag in ("article", "main"):
            self._open[tag] += 1
        elif tag in _OFF_ARTICLE:
            self._open["off"] += 1

    def handle_startendtag(self, tag, attrs):
        if tag == "meta":
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None
        if tag == "title":
            self._in_title = False
        # close up to the matching open tag; a stray end tag (none open near the top) is
        # ignored, so a malformed page costs no search of the whole stack
        for back in range(1, min(len(self._stack), 32) + 1):
            if self._stack[-back][0] == tag:
                for _ in range(back):
                    self._pop()
                return

    def _pop(self):
        tag = self._stack.pop()[0]
        if tag in ("article", "main"):
            self._open[tag] -= 1
        elif tag in _OFF_ARTICLE:
            self._open["off"] -= 1
        while self._captures and self._captures[-1][0] >= len(self._stack):
            _depth, kind, parts, attribute, article = self._captures.pop()
            text = " ".join("".join(parts).split())
            if kind == "time":
                self.times.append((attribute, text, article))
            else:
                self.dated.append((text, article))

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)
        elif self._in_title:
            self.title += data
        for capture in self._captures[-4:]:  # nested date elements: the innermost few
            if sum(map(len, capture[2])) < _MAX_TEXT:
                capture[2].append(data[:_MAX_TEXT])

    def close(self):
        super().close()
        while self._stack:
            self._pop()


def _set_date(out: dict, value) -> bool:
    if not isinstance(value, str):
        return False
    m = _ISO.search(value)
    if m:
        out["date"], out["time"] = m.group("date"), m.group("time")
        return True
    from ..extract import parse_date_text

    got = parse_date_text(value)
    if got and got[0]:
        out["date"] = f"{got[0]:04d}-{got[1]:02d}-{got[2]:02d}"
        out["time"] = got[3]
        return True
    return False


def _json_ld(scripts: list[str]) -> list[dict]:
    found: list[dict] = []
    for script in scripts:
        try:
            data = json.loads(script)
        except (ValueError, TypeError):
            continue
        stack = [data]
        while stack:
            d = stack.pop()
            if isinstance(d, list):
                stack.extend(d)
            elif isinstance(d, dict):
                found.append(d)
                if isinstance(d.get("@graph"), list):
                    stack.extend(d["@graph"])
    # An article's own object first: a WebSite or Organization block dates nothing.
    return sorted(found, key=lambda d: "Article" not in str(d.get("@type", "")))


def _ld_value(objs: list[dict], key: str):
    for d in objs:
        if d.get(key):
            return d[key]
    return None
