"""Turning a file into release text: size and type checks, encoding detection, HTML reduction.

Every refusal is a ReadError with a one-line reason; nothing here touches the database.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from .decoding import decode, decode_html, looks_like_utf16
from .errors import ReadError
from .html_reduce import html_to_text

MAX_BYTES = 10 * 1024 * 1024  # a press release is tens of kilobytes; 10 MB is far beyond any
# Release text (after decoding and HTML reduction) is extracted and stored in time and memory
# that grow with it: past a million characters (~20 s here) it is refused, not half-read.
MAX_TEXT_CHARS = 1_000_000
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


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
    try:
        if not path.exists():
            raise ReadError(f"{path}: no such file")
        if path.is_dir():
            raise ReadError(f"{path}: is a directory, not a file")
        if not path.is_file():
            raise ReadError(f"{path}: not a regular file")
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
        page, encoding = decode_html(data, name)
        # A NUL in a page's text is a parse error browsers drop; stored, it would cut the
        # text short in tools that read it as a C string.
        text = html_to_text(page).replace("\x00", "")
        result = ReadText(normalise_text(text), encoding, html=True, meta=_meta(page))
    else:
        text, encoding = decode(data, name)
        result = ReadText(normalise_text(text), encoding)
    if len(result.text) > MAX_TEXT_CHARS:
        raise ReadError(f"{name}: too long for a press release ({len(result.text):,} "
                        f"characters of text; the limit is {MAX_TEXT_CHARS:,})")
    if sum(1 for _ in islice(re.finditer(r"\w", result.text), 20)) < 20:
        raise ReadError(f"{name}: no release text found")
    return result


def _meta(page: str) -> dict:
    from .page_meta import page_meta

    try:
        return page_meta(page)
    except Exception:  # noqa: BLE001 - a page whose metadata cannot be read still has its text
        return {}


def _looks_binary(data: bytes) -> bool:
    head = data[:65536]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or looks_like_utf16(head):
        return False  # UTF-16 text has NULs by design
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * 0.05


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in head[:512]
