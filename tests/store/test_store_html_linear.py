"""Hostile pages are reduced in time linear in their size: 10,000 nested elements, closed
or not, with end tags that close nothing, and 10,000 sibling link blocks."""

import time

import pytest

from app.store.errors import ReadError
from app.store.readers import read_bytes

RELEASE = ("<p>Sergey Lavrov held talks with the Foreign Minister of Belarus in Minsk on "
           "24 June.</p>")


def _timed(page: str):
    start = time.perf_counter()
    try:
        result = read_bytes(page.encode(), "hostile.html").text
    except ReadError as exc:
        result = exc
    return result, time.perf_counter() - start


@pytest.mark.parametrize("tag", ["div", "p", "span", "section", "article", "li"])
@pytest.mark.parametrize("closing", ["closed", "unclosed", "stray"])
def test_ten_thousand_nested_elements(tag, closing):
    n = 10_000
    tail = {"closed": f"</{tag}>" * n, "unclosed": "", "stray": "</em>" * n}[closing]
    text, seconds = _timed(f"<html><body>{f'<{tag}>' * n}{RELEASE}{tail}</body></html>")
    assert seconds < 2, seconds
    assert "Sergey Lavrov held talks" in text


def test_nested_paragraph_blocks_and_sibling_link_bars():
    n = 10_000
    nested = "".join(f"<div class='c{i}'><p>Paragraph {i} on the talks.</p>" for i in range(n))
    text, seconds = _timed(f"<html><body>{nested}</body></html>")
    assert seconds < 2, seconds
    assert "Paragraph" in text
    bars = "<div class='share'><a href='x'>link</a> " * n
    text, seconds = _timed(f"<html><body>{bars}{RELEASE}</body></html>")
    assert seconds < 2, seconds
    assert "Sergey Lavrov held talks" in text and text.count("link") <= 1


def test_article_inside_a_header_is_kept():
    page = f"<html><body><header><article><h1>Talks in Minsk</h1>{RELEASE}</article></header>"
    text, _ = _timed(page)
    assert "Sergey Lavrov held talks" in text
