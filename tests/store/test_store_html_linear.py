"""Hostile pages are reduced in time linear in their size: 10,000 nested elements, closed
or not, with end tags that close nothing, and 10,000 sibling link blocks."""

import gc
import time

import pytest

from app.store.errors import ReadError
from app.store.readers import read_bytes

RELEASE = ("<p>Sergey Lavrov held talks with the Foreign Minister of Belarus in Minsk on "
           "24 June.</p>")


def _growth(make, small: int = 1_000, factor: int = 10) -> float:
    """How much longer a page `factor` times bigger takes (best of three each): about
    `factor` when the reduction is linear, factor squared when quadratic. A ratio, not a
    time, so that a loaded machine does not fail it."""
    def best(n):
        return min(_timed(make(n))[1] for _ in range(3))

    # The collector's passes scan every live object of the test process (a full run holds
    # many): off while timing, so the ratio is the reducer's, not the suite's heap.
    gc.collect()
    gc.disable()
    try:
        return best(small * factor) / max(best(small), 1e-4)
    finally:
        gc.enable()


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
    def page(n):
        tail = {"closed": f"</{tag}>" * n, "unclosed": "", "stray": "</em>" * n}[closing]
        return f"<html><body>{f'<{tag}>' * n}{RELEASE}{tail}</body></html>"

    text, seconds = _timed(page(10_000))
    assert "Sergey Lavrov held talks" in text
    assert seconds < 20, seconds   # quadratic took minutes
    assert _growth(page) < 50      # 10x the elements: ~10x the time (quadratic: ~100x)


def test_nested_paragraph_blocks_and_sibling_link_bars():
    def nested(n):
        body = "".join(f"<div class='c{i}'><p>Paragraph {i} on the talks.</p>" for i in range(n))
        return f"<html><body>{body}</body></html>"

    def bars(n):
        share = "<div class='share'><a href='x'>link</a> " * n
        return f"<html><body>{share}{RELEASE}</body></html>"

    text, _seconds = _timed(nested(10_000))
    assert "Paragraph" in text
    assert _growth(nested) < 50
    text, _seconds = _timed(bars(10_000))
    assert "Sergey Lavrov held talks" in text and text.count("link") <= 1
    assert _growth(bars) < 50


def test_article_inside_a_header_is_kept():
    page = f"<html><body><header><article><h1>Talks in Minsk</h1>{RELEASE}</article></header>"
    text, _ = _timed(page)
    assert "Sergey Lavrov held talks" in text
