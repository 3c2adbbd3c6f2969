"""Whatever bytes a file holds, reading it gives release text or a one-line ReadError."""

from hypothesis import given, settings
from hypothesis import strategies as st

from app.store.errors import ReadError
from app.store.readers import read_bytes

HTMLISH = st.lists(st.sampled_from([
    "<html>", "</html>", "<body>", "<article>", "</article>", "<p>", "</p>", "<br>", "<main>",
    "<script>", "</script>", "<nav>", "<h1>", "</h1>", "<div class='share'>", "</div>", "&amp;",
    "&nbsp;", "<!--", "-->", "<a href='x'>", "</a>", "Minister Sergey Lavrov met", " ", "\n",
    "On June 24-25 in Minsk.", "\x00", "é", "Лавров",
]), max_size=60).map("".join)


def _check(data: bytes, name: str) -> None:
    try:
        read = read_bytes(data, name)
    except ReadError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert read.text.strip() and "\x00" not in read.text
    assert read.encoding


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes(data):
    _check(data, "random.txt")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=2000))
def test_random_text(text):
    _check(text.encode("utf-8", "surrogatepass"), "text.txt")


@settings(max_examples=150, deadline=None)
@given(HTMLISH)
def test_random_html(page):
    _check(page.encode("utf-8"), "page.html")


def test_nuls_in_a_page_are_dropped():
    """Found by test_random_html: NULs around a closing tag survived the page reader."""
    _check(b"Minister Sergey Lavrov met\x00</html>\x00", "page.html")
    read = read_bytes(b"Minister Sergey Lavrov met\x00</html>\x00", "page.html")
    assert read.text.strip() == "Minister Sergey Lavrov met"
