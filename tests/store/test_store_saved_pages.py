"""Saved pages reduced to the release's own text: every paragraph of it, headline first,
and none of the site's navigation, banners, share bars, related links or footer."""

import re

import pytest

from app.store.readers import read_bytes
from tests.store.saved_pages import PAGES


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_saved_page_reduced_to_the_release(name):
    page = PAGES[name]
    text = read_bytes(page["html"].encode(), f"{name}.html").text
    flat = _norm(text)
    for paragraph in page["gold"]:
        assert _norm(paragraph) in flat, paragraph
    assert text.startswith(page["gold"][0])
    assert [b for b in page["boiler"] if b in text] == []
