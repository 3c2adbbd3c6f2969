"""A saved web page reduced to the release's own text, in time linear in the page's size.

Scripts, styles, navigation, site header, footer, asides and forms are dropped; <article> or
<main>, or else the block whose paragraphs hold the most text that is not link text, is kept
with its paragraph breaks. The page is parsed once (the standard library's HTMLParser, into
the tree BeautifulSoup's html.parser builder makes: void elements closed at once, an end tag
closing the latest open element of its name, a stray one ignored) and then only read: every
element gets its place in document order, and what the rules ask of a subtree (its text
length, its paragraphs' and links' text, whether it holds a heading or a block) is summed
from the children up in one pass. Asking each element's subtree again (as `find_all` and
`get_text` per element do) made 10,000 nested <div>s take minutes, and so did
BeautifulSoup's own tree building on deep pages; walking recursively overflowed the stack.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

DROP_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "svg", "canvas",
                       "form", "button", "select", "input", "nav", "aside", "footer", "menu",
                       "dialog"})
BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre",
                        "div", "section", "article", "main", "td", "th", "dd", "dt",
                        "figcaption", "header", "tr", "table", "ul", "ol", "dl", "body", "html",
                        "figure", "address"})
BOILERPLATE = frozenset({"share", "sharing", "social", "breadcrumb", "breadcrumbs", "related",
                         "tags", "comments", "cookie", "cookies", "banner", "subscribe",
                         "advert", "ads", "pagination", "print", "toolbar", "sidebar", "menu",
                         "navbar"})
_CODE = frozenset({"script", "style", "template"})
_CANDIDATES = frozenset({"div", "section", "td", "body"})
_LINK_BLOCKS = frozenset({"ul", "ol", "div", "p", "section"})
_BR = "\u2028"  # stands for <br> until white space is collapsed


VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen",
                       "link", "menuitem", "meta", "param", "source", "track", "wbr",
                       "basefont", "bgsound", "command", "frame", "image", "isindex", "nextid",
                       "spacer"})


def html_to_text(markup: str) -> str:
    return "\n\n".join(_Page(markup).blocks())


class _Element:
    __slots__ = ("name", "attrs", "contents", "index")

    def __init__(self, name: str, attrs: dict, index: int):
        self.name, self.attrs, self.contents, self.index = name, attrs, [], index


class _Builder(HTMLParser):
    """Elements in document order with their parents; text as plain strings (character
    references resolved, adjacent pieces joined); comments, declarations and processing
    instructions left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = [_Element("[document]", {}, 0)]
        self.parent = [-1]
        self.stack = [self.tags[0]]
        self.open: dict[str, int] = {}
        self.text: list[str] = []

    def _flush(self) -> None:
        if self.text:
            if self.stack[-1].name not in _CODE:  # program text is never page text
                self.stack[-1].contents.append("".join(self.text))
            self.text = []

    def handle_starttag(self, tag, attrs):
        self._flush()
        element = _Element(tag, {k: v or "" for k, v in attrs}, len(self.tags))
        self.stack[-1].contents.append(element)
        self.tags.append(element)
        self.parent.append(self.stack[-1].index)
        if tag not in VOID_TAGS:
            self.stack.append(element)
            self.open[tag] = self.open.get(tag, 0) + 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        self._flush()
        if not self.open.get(tag):
            return  # nothing of that name is open: ignored
        while True:
            element = self.stack.pop()
            self.open[element.name] -= 1
            if element.name == tag:
                return

    def handle_data(self, data):
        self.text.append(data)

    def close(self):
        super().close()
        self._flush()


class _Page:
    """The parsed page in document order: element i's subtree is elements i+1 .. end[i]."""

    def __init__(self, markup: str):
        builder = _Builder()
        builder.feed(markup)
        builder.close()
        self.tags, self.parent = builder.tags, builder.parent
        # per element: its own text strings, stripped (what get_text(strip=True) reads)
        self.strings = [[t.strip() for t in e.contents if isinstance(t, str) and t.strip()]
                        for e in self.tags]
        n = len(self.tags)
        self.end = list(range(n))
        for i in range(n - 1, 0, -1):
            p = self.parent[i]
            if self.end[i] > self.end[p]:
                self.end[p] = self.end[i]
        self.names = [t.name for t in self.tags]
        self.dropped = [False] * n

    # -- what the rules ask of subtrees ------------------------------------------------

    def _drop(self, i: int) -> None:
        j, end = i, self.end[i]
        while j <= end:
            if self.dropped[j]:  # a subtree dropped before: all of it is
                j = self.end[j] + 1
                continue
            self.dropped[j] = True
            j += 1

    def _sums(self):
        """Per element, over its subtree without dropped elements: text length as
        get_text(" ", strip=True) gives it, paragraph and link text length of its
        descendants, and whether a descendant is a block or an <h1>."""
        n = len(self.tags)
        chars, count = [0] * n, [0] * n
        p_len, a_len = [0] * n, [0] * n
        block, h1 = [False] * n, [False] * n
        for i in range(n - 1, -1, -1):
            if self.dropped[i]:
                continue
            own = self.strings[i]
            chars[i] += sum(map(len, own))
            count[i] += len(own)
            p = self.parent[i]
            if p < 0:
                continue
            name = self.names[i]
            length = chars[i] + count[i] - 1 if count[i] else 0
            chars[p] += chars[i]
            count[p] += count[i]
            p_len[p] += p_len[i] + (length if name == "p" else 0)
            a_len[p] += a_len[i] + (length if name == "a" else 0)
            block[p] = block[p] or block[i] or name in BLOCK_TAGS
            h1[p] = h1[p] or h1[i] or name == "h1"
        text_len = [c + k - 1 if k else 0 for c, k in zip(chars, count, strict=True)]
        return text_len, p_len, a_len, block, h1

    def _text(self, i: int, sep: str = " ", br: str | None = None) -> str:
        """The text of element i's subtree (without dropped elements), its strings joined by
        sep; with br, unstripped strings and <br> as br (as get_text() gives them)."""
        parts: list[str] = []
        stack = [iter(self.tags[i].contents)]
        while stack:
            for child in stack[-1]:
                if isinstance(child, str):
                    if br is not None:
                        parts.append(child)
                    elif child.strip():
                        parts.append(child.strip())
                    continue
                if self.dropped[child.index]:
                    continue
                if br is not None and child.name == "br":
                    parts.append(br)
                    continue
                stack.append(iter(child.contents))
                break
            else:
                stack.pop()
        return sep.join(parts)

    def _first(self, name: str, within: int = 0) -> int | None:
        """The first element named name inside element within (the whole page: 0)."""
        for j in range(within + 1, self.end[within] + 1):
            if self.names[j] == name and not self.dropped[j]:
                return j
        return None

    # -- the reduction ------------------------------------------------------------------

    def blocks(self) -> list[str]:
        title = self._first("title")
        page_title = self._text(title) if title is not None else None
        for i, name in enumerate(self.names):
            if name in DROP_TAGS and not self.dropped[i]:
                self._drop(i)
        text_len, p_len, a_len, _block, h1 = self._sums()
        root = self._main_block(text_len, p_len, a_len)
        first_h1 = self._first("h1")
        first_h1 = self._text(first_h1) if first_h1 is not None else None
        # Site banners live in <header> outside the article; a header inside it is the
        # release's own.
        whole_page = self.names[root] in ("body", "[document]", "html")
        for i, name in enumerate(self.names):
            if name != "header" or self.dropped[i]:
                continue
            inside = root < i <= self.end[root]
            holds_root = i <= root <= self.end[i]  # a page wrapped in one <header>
            if not holds_root and (not inside or (whole_page and not h1[i])):
                self._drop(i)
        self._drop_boilerplate(root)
        blocks = self._walk(root)
        if self._first("h1", root) is None:
            heading = first_h1 or page_title
            if heading and (not blocks or blocks[0] != heading):
                blocks.insert(0, heading)
        return blocks

    def _main_block(self, text_len, p_len, a_len) -> int:
        """<article> or <main> when present (the one with the most text), otherwise the
        element whose paragraphs hold the most text that is not link text, the innermost of
        nearly equal ones; failing both, <body> or the whole page."""
        for name in ("article", "main"):
            found = [i for i, n in enumerate(self.names) if n == name and not self.dropped[i]]
            if found:
                return max(found, key=lambda i: text_len[i])
        best, best_score = None, 0
        for i, name in enumerate(self.names):
            if name not in _CANDIDATES or self.dropped[i]:
                continue
            score = p_len[i] - 2 * a_len[i]
            inside = best is not None and best < i <= self.end[best]
            if score > best_score * 1.1 or (best is not None and score >= best_score * 0.9
                                             and inside):
                best, best_score = i, score
        if best is not None:
            return best
        body = self._first("body")
        return body if body is not None else 0

    def _drop_boilerplate(self, root: int) -> None:
        """Inside the release: share bars, tag lists, breadcrumbs, and blocks that are
        mostly links. Decided top-down: an element's own subtree is still whole when it is
        looked at, so the sums made before any of these drops hold for it."""
        text_len, _p, a_len, _b, _h = self._sums()
        for i in range(root + 1, self.end[root] + 1):
            if self.dropped[i]:
                continue
            tag = self.tags[i]
            names = " ".join([*_classes(tag), _attr(tag, "id"), _attr(tag, "role")])
            words = set(re.split(r"[^a-z]+", names.lower()))
            if words & BOILERPLATE or _attr(tag, "role") in ("navigation", "banner",
                                                              "contentinfo"):
                self._drop(i)
                continue
            if self.names[i] in _LINK_BLOCKS:
                length = text_len[i]
                if length and length < 400 and a_len[i] > 0.7 * length:
                    self._drop(i)

    def _walk(self, root: int) -> list[str]:
        """Text of the blocks in document order: inline text (links, bold, spans) stays in
        its paragraph, each block element starts a new one, <br> keeps its line break."""
        _tl, _p, _a, block, _h = self._sums()
        out: list[str] = []

        def flush(run: list[str]) -> None:
            text = _clean("".join(run))
            if text:
                out.append(text)
            run.clear()

        stack = [(iter(self.tags[root].contents), [])]
        while stack:
            children, run = stack[-1]
            for child in children:
                if isinstance(child, str):
                    run.append(child)
                    continue
                j = child.index
                if self.dropped[j]:
                    continue
                if child.name == "br":
                    run.append(_BR)
                elif child.name in BLOCK_TAGS or block[j]:
                    flush(run)
                    stack.append((iter(child.contents), []))
                    break
                else:
                    run.append(self._text(j, "", br=_BR))
            else:
                flush(run)
                stack.pop()
        return out


def _attr(tag, name: str) -> str:
    return tag.attrs.get(name, "")


def _classes(tag) -> list[str]:
    return tag.attrs.get("class", "").split()


def _clean(text: str) -> str:
    """HTML white space collapsed as a browser shows it (no-break spaces kept); <br> breaks."""
    text = re.sub(r"[ \t\n\r\f\v]+", " ", text)
    lines = [line.strip() for line in text.split(_BR)]
    return "\n".join(line for line in lines if line)
