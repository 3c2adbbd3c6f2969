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
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    metas = {}
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        val = (tag.get("content") or "").strip()
        if key and val and key not in metas:
            metas[key] = val
    out: dict = {"date": None, "time": None, "title": None, "outlet": None}
    for key in _DATE_METAS:
        if _set_date(out, metas.get(key)):
            break
    ld = _json_ld(soup)
    if out["date"] is None:
        _set_date(out, _ld_value(ld, "datePublished") or _ld_value(ld, "dateCreated"))
    if out["date"] is None:
        _time_element(soup, out)
    if out["date"] is None:
        _visible_date(soup, out)
    out["outlet"] = next((metas[k] for k in _SITE_METAS if metas.get(k)), None)
    if out["outlet"] is None:
        pub = _ld_value(ld, "publisher")
        out["outlet"] = pub.get("name") if isinstance(pub, dict) else (pub if isinstance(pub, str) else None)
    if out["outlet"] and out["outlet"].startswith("@"):
        out["outlet"] = out["outlet"][1:]
    title = next((metas[k] for k in _TITLE_METAS if metas.get(k)), None) or _ld_value(ld, "headline")
    if not title and soup.title:
        title = soup.title.get_text(" ", strip=True)
    out["title"] = title if isinstance(title, str) and title else None
    return out


def _set_date(out: dict, value) -> bool:
    if not isinstance(value, str):
        return False
    m = _ISO.search(value)
    if m:
        out["date"], out["time"] = m.group("date"), m.group("time")
        return True
    from app.extract.header import parse_date_text

    got = parse_date_text(value)
    if got and got[0]:
        out["date"] = f"{got[0]:04d}-{got[1]:02d}-{got[2]:02d}"
        out["time"] = got[3]
        return True
    return False


def _json_ld(soup) -> list[dict]:
    found: list[dict] = []
    for tag in soup.find_all("script", type=re.compile("ld\\+json", re.I)):
        try:
            data = json.loads(tag.string or tag.get_text() or "")
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


def _containers(soup):
    return [t for name in ("article", "main") for t in soup.find_all(name)] + [soup]


def _time_element(soup, out: dict) -> None:
    for root in _containers(soup):
        for t in root.find_all("time"):
            if _set_date(out, t.get("datetime")) or _set_date(out, t.get_text(" ", strip=True)):
                return


def _visible_date(soup, out: dict) -> None:
    """A date shown as its own element, inside the article before anywhere else: in a page's
    sidebar, dates belong to other stories' links."""
    for root in _containers(soup):
        for tag in root.find_all(["span", "div", "p", "time", "small", "li"]):
            names = " ".join([*tag.get("class", []), tag.get("id") or ""])
            if not names or not _DATE_CLASS.search(names):
                continue
            if tag.find_parent("a") is not None or tag.find_parent(["aside", "nav", "footer"]):
                continue
            if tag.find_previous_sibling("a") is not None:
                continue  # a list of links to other stories, each with its date
            if _set_date(out, tag.get_text(" ", strip=True)):
                return
