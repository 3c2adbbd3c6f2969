"""Turning a file into release text: size and type checks, encoding detection, HTML reduction.

Every refusal is a ReadError with a one-line reason; nothing here touches the database.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from app.store.errors import ReadError

MAX_BYTES = 10 * 1024 * 1024  # a press release is tens of kilobytes; 10 MB is far beyond any
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_DROP_TAGS = ["script", "style", "noscript", "template", "iframe", "svg", "canvas", "form",
              "button", "select", "input", "nav", "aside", "footer", "menu", "dialog"]
_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "div",
               "section", "article", "main", "td", "th", "dd", "dt", "figcaption", "header",
               "tr", "table", "ul", "ol", "dl", "body", "html", "figure", "address"}
_BLOCK_LIST = sorted(_BLOCK_TAGS)


_BR = "\u2028"  # stands for <br> until white space is collapsed


@dataclass
class ReadText:
    text: str
    encoding: str
    html: bool = False
    # What a saved page says about itself outside its text ("date", "time", "title",
    # "outlet"): passed to the extractor as `meta`.
    meta: dict = field(default_factory=dict)


def normalise_text(text: str) -> str:
    """The form that is stored and extracted from: NFC, \n line ends, no BOM. Nothing else
    changes, so spans in the database match the file's own text."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def identity_text(text: str) -> str:
    """What two copies of one release share even if saved differently (trailing blanks,
    line ends): the text whose hash says "same document"."""
    text = normalise_text(text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip() + "\n"


def read_path(path: Path | str) -> ReadText:
    path = Path(path)
    if not path.exists():
        raise ReadError(f"{path}: no such file")
    if path.is_dir():
        raise ReadError(f"{path}: is a directory, not a file")
    if not path.is_file():
        raise ReadError(f"{path}: not a regular file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReadError(f"{path}: too large for a press release "
                            f"({size / 1048576:.1f} MB; the limit is {MAX_BYTES // 1048576} MB)")
        data = path.read_bytes()
    except PermissionError as exc:
        raise ReadError(f"{path}: permission denied") from exc
    except OSError as exc:
        raise ReadError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    return read_bytes(data, str(path))


def read_bytes(data: bytes, name: str = "input") -> ReadText:
    if not data.strip():
        raise ReadError(f"{name}: empty file")
    if len(data) > MAX_BYTES:
        raise ReadError(f"{name}: too large for a press release")
    is_html = Path(name).suffix.lower() in HTML_SUFFIXES or _looks_like_html(data)
    if _looks_binary(data):
        raise ReadError(f"{name}: binary file, not text")
    if is_html:
        text, encoding = _html_to_text(data)
        result = ReadText(normalise_text(text), encoding, html=True, meta=_meta(data))
    else:
        text, encoding = decode(data, name)
        result = ReadText(normalise_text(text), encoding)
    if len(re.findall(r"\w", result.text)) < 20:
        raise ReadError(f"{name}: no release text found")
    return result


def _meta(data: bytes) -> dict:
    from app.store.page_meta import page_meta

    try:
        return page_meta(data)
    except Exception:  # noqa: BLE001 - a page whose metadata cannot be read still has its text
        return {}


def decode(data: bytes, name: str = "input") -> tuple[str, str]:
    """Text and the encoding used. UTF-8 first (it is unambiguous); otherwise the encoding
    charset-normalizer finds coherent; otherwise a refusal rather than mojibake."""
    for enc in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") or \
            data[:3] == b"\xef\xbb\xbf" else ("utf-8",):
        try:
            text = data.decode(enc)
            return text, "utf-8" if enc == "utf-8-sig" else enc
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > 0.3:
        raise ReadError(f"{name}: unknown text encoding (save it as UTF-8 and retry)")
    return str(best), best.encoding


def _looks_binary(data: bytes) -> bool:
    head = data[:65536]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return False  # UTF-16 text has NULs by design
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * 0.05


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in head[:512]


def _html_to_text(data: bytes) -> tuple[str, str]:
    from bs4 import BeautifulSoup, UnicodeDammit

    dammit = UnicodeDammit(data, is_html=True)
    markup = dammit.unicode_markup
    if markup is None:
        raise ReadError("page: unknown text encoding")
    soup = BeautifulSoup(markup, "html.parser")
    page_title = soup.title.get_text(" ", strip=True) if soup.title else None
    for tag in soup(_DROP_TAGS):
        tag.decompose()
    root = _main_block(soup)
    first_h1 = soup.find("h1")
    first_h1 = first_h1.get_text(" ", strip=True) if first_h1 else None
    # Site banners live in <header> outside the article; a header inside it is the release's.
    whole_page = root.name in ("body", "[document]", "html")
    for tag in soup.find_all("header"):
        if getattr(tag, "decomposed", False):
            continue
        if not _inside(tag, root) or (whole_page and not tag.find("h1")):
            tag.decompose()
    _drop_boilerplate(root)
    blocks = _text_blocks(root)
    if root.find("h1") is None:
        heading = first_h1 or page_title
        if heading and (not blocks or blocks[0] != heading):
            blocks.insert(0, heading)
    return "\n\n".join(blocks), (dammit.original_encoding or "utf-8").lower()


def _inside(tag, root) -> bool:
    return any(parent is root for parent in tag.parents)


def _main_block(soup):
    """The release's own container: <article> or <main> when present, otherwise the element
    whose paragraphs hold the most text that is not link text."""
    for name in ("article", "main"):
        found = soup.find_all(name)
        if found:
            return max(found, key=lambda t: len(t.get_text(" ", strip=True)))
    best, best_score = None, 0
    for tag in soup.find_all(["div", "section", "td", "body"]):
        paras = tag.find_all("p")
        text_len = sum(len(p.get_text(" ", strip=True)) for p in paras)
        link_len = sum(len(a.get_text(" ", strip=True)) for a in tag.find_all("a"))
        score = text_len - 2 * link_len
        # prefer the innermost container with nearly the same score
        if score > best_score * 1.1 or (best is not None and score >= best_score * 0.9
                                         and _inside(tag, best)):
            best, best_score = tag, score
    return best or soup.body or soup


_BOILERPLATE = {"share", "sharing", "social", "breadcrumb", "breadcrumbs", "related", "tags",
                "comments", "cookie", "cookies", "banner", "subscribe", "advert", "ads",
                "pagination", "print", "toolbar", "sidebar", "menu", "navbar"}


def _drop_boilerplate(root) -> None:
    """Inside the release: share bars, tag lists, breadcrumbs, and blocks that are mostly links."""
    for tag in list(root.find_all(True)):
        if getattr(tag, "decomposed", False) or tag.attrs is None:
            continue
        names = " ".join([*tag.get("class", []), tag.get("id") or "", tag.get("role") or ""])
        words = set(re.split(r"[^a-z]+", names.lower()))
        if words & _BOILERPLATE or tag.get("role") in ("navigation", "banner", "contentinfo"):
            tag.decompose()
            continue
        if tag.name in ("ul", "ol", "div", "p", "section"):
            text = tag.get_text(" ", strip=True)
            links = sum(len(a.get_text(" ", strip=True)) for a in tag.find_all("a"))
            if text and len(text) < 400 and links > 0.7 * len(text):
                tag.decompose()


def _text_blocks(root) -> list[str]:
    """Text of the page's blocks in document order: inline text (links, bold, spans) stays in
    its paragraph, each block element starts a new one, <br> keeps its line break."""
    from bs4 import NavigableString
    from bs4.element import CData, Comment, Declaration, Doctype, ProcessingInstruction

    skip = (Comment, Doctype, Declaration, CData, ProcessingInstruction)
    for br in root.find_all("br"):
        br.replace_with(_BR)
    out: list[str] = []

    def flush(run: list[str]) -> None:
        text = _clean("".join(run))
        if text:
            out.append(text)
        run.clear()

    def walk(tag) -> None:
        run: list[str] = []
        for child in tag.children:
            if isinstance(child, NavigableString):
                if not isinstance(child, skip):
                    run.append(str(child))
            elif child.name in _BLOCK_TAGS or child.find(_BLOCK_LIST) is not None:
                flush(run)
                walk(child)
            else:
                run.append(child.get_text())
        flush(run)

    if isinstance(root, NavigableString):
        return [_clean(str(root))] if _clean(str(root)) else []
    walk(root)
    return out


def _clean(text: str) -> str:
    """HTML white space collapsed as a browser shows it (no-break spaces kept); <br> breaks."""
    text = re.sub(r"[ \t\n\r\f\v]+", " ", text)
    lines = [line.strip() for line in text.split(_BR)]
    return "\n".join(line for line in lines if line)
