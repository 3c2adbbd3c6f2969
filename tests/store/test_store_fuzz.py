"""Fuzzing with a fixed, small budget (the whole file runs in well under 20 s): decoding,
HTML reduction, search text and filter text. Nothing may raise but the documented
ReadError/StoreError, each with a one-line message."""

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.store import Filters, Store
from app.store.errors import ReadError, StoreError
from app.store.html_reduce import html_to_text
from app.store.readers import read_bytes

FAST = settings(max_examples=120, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
TEXT = ("The Minister’s talks in Mïnsk – “a new stage”. Министр провёл переговоры в Минске. "
        "Trade reached $46.5 billion in 2023. ") * 3


def _read(data: bytes, name: str):
    try:
        return read_bytes(data, name)
    except ReadError as exc:
        assert str(exc) and "\n" not in str(exc)
        return None


@FAST
@given(st.lists(st.tuples(st.integers(0, len(TEXT.encode()) - 1), st.integers(0, 7)),
                min_size=1, max_size=6))
def test_byte_flipped_utf8(flips):
    data = bytearray(TEXT.encode())
    for pos, bit in flips:
        data[pos] ^= 1 << bit
    read = _read(bytes(data), "flipped.txt")
    if read is not None:  # decoded: as UTF-8, never as a one-byte encoding (mojibake)
        assert read.encoding.startswith("utf-8"), read.encoding
        assert "Äô" not in read.text


@FAST
@given(st.binary(max_size=4000))
def test_random_bytes(data):
    read = _read(data, "random.txt")
    if read is not None:
        assert read.text.strip() and read.encoding


_TAGS = ["div", "p", "span", "article", "main", "section", "nav", "header", "footer", "a",
         "h1", "li", "ul", "br", "script", "td", "table", "b"]
_ATTRS = ["", " class='share'", " id='related'", " role='navigation'", " class='content'"]


def _element(children):
    return st.tuples(st.sampled_from(_TAGS), st.sampled_from(_ATTRS), children,
                     st.booleans()).map(
        lambda t: f"<{t[0]}{t[1]}>{''.join(t[2])}" + (f"</{t[0]}>" if t[3] else ""))


_LEAF = st.sampled_from(["Sergey Lavrov met Wang Yi in Beijing.", " ", "&amp;", "&nbsp;",
                         "<!-- c -->", "</div>", "</p>", "Минск", "<![CDATA[x]]>", "\n",
                         "<br/>", "<", ">", "&#0;", "&#xD800;"])
_HTML = st.recursive(_LEAF, lambda inner: _element(st.lists(inner, max_size=4)),
                     max_leaves=40)


@FAST
@given(st.lists(_HTML, max_size=5).map("".join))
def test_random_nesting(page):
    text = html_to_text(f"<html><body>{page}</body></html>")
    assert isinstance(text, str)
    _read(f"<html><body>{page}</body></html>".encode(), "page.html")


_HOSTILE = st.text(alphabet=st.one_of(
    st.characters(),  # any code point but surrogates
    st.sampled_from(["\ud800", "\udfff", "\udc80"]),  # lone surrogates
    st.sampled_from(list('"*():^-+{}[]NEAR AND OR NOT \\%_\'\x00'))), max_size=40)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from app.store import ingest_paths
    from tests.store.conftest import SEED

    db = tmp_path_factory.mktemp("fuzz") / "f.db"
    ingest_paths(db, [SEED])
    with Store.open(db) as opened:
        yield opened


def _safely(call):
    try:
        return call()
    except StoreError as exc:
        assert str(exc) and "\n" not in str(exc)
        return None


@FAST
@given(_HOSTILE)
@example("\ud800")
@example('"Lav\udfff*')
def test_search_text(store, query):
    hits = _safely(lambda: store.search(query, limit=5))
    assert hits is None or isinstance(hits, list)


@FAST
@given(_HOSTILE, st.sampled_from(Store.TABLES))
@example("\ud800", "people")
@example("a\ud800b c", "meetings")
@example('NEAR("x" *) AND -', "trade")
def test_filter_text(store, text, table):
    filters = Filters(text=text)
    rows = _safely(lambda: store.rows(table, filters, limit=5))
    count = _safely(lambda: store.count(table, filters))
    assert rows is None or count is None or len(rows) <= max(count, 5)
