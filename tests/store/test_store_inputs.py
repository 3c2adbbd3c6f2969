"""Bad and unusual input files: refused clearly, decoded correctly, never half-stored."""

import sqlite3

from app.store import Store, ingest, ingest_paths
from app.store.readers import read_bytes, read_path
from tests.store.conftest import SEED

RUSSIAN = ("10:00\n\nСообщение для СМИ о переговорах Министра иностранных дел России "
           "С.В.Лаврова\n\n1184-24-06-2024\n\n24-25 июня Министр иностранных дел Российской "
           "Федерации Сергей Лавров посетит Минск с официальным визитом. Состоятся переговоры "
           "с Министром иностранных дел Республики Беларусь Сергеем Алейником.\n")


def _snapshot(db):
    conn = sqlite3.connect(db)
    out = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
           for t in ("documents", "sentences", "mentions", "persons", "quantities", "events")}
    conn.close()
    return out


def test_bad_files_refused_others_still_ingested(tmp_path):
    db = tmp_path / "b.db"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\n \t\n")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.write((SEED.read_bytes() * 4000)[:50 * 1024 * 1024])
    folder = tmp_path / "folder"
    folder.mkdir()
    good = tmp_path / "good.txt"
    good.write_bytes(SEED.read_bytes())
    missing = tmp_path / "missing.txt"
    results = ingest_paths(db, [empty, blank, binary, big, folder, missing, good],
                           folders=False)
    by_path = {r.path: r for r in results}
    assert by_path[str(good)].status == "added"
    for bad, word in [(empty, "empty"), (blank, "empty"), (binary, "binary"),
                      (big, "too large"), (folder, "directory"), (missing, "no such file")]:
        r = by_path[str(bad)]
        assert r.status == "failed", bad
        assert word in r.message and "\n" not in r.message
    assert _snapshot(db)["documents"] == 1


def test_cp1251_decoded_and_reported(tmp_path):
    path = tmp_path / "ru.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    read = read_path(path)
    assert read.text == RUSSIAN
    assert read.encoding.replace("-", "").replace("_", "").lower() in ("cp1251", "windows1251")
    db = tmp_path / "ru.db"
    (res,) = ingest_paths(db, [path])
    assert res.status == "added" and res.encoding == read.encoding
    assert "1251" in res.message
    with Store.open(db) as store:
        doc = store.document(res.document_id)
        assert "Лавров" in doc["text"] and doc["encoding"] == read.encoding
        assert store.search("лавр")  # Cyrillic prefix search works too


def test_undecodable_refused_not_mojibake():
    import pytest

    from app.store.errors import ReadError

    junk = bytes([0x80 + (i * 37) % 120 for i in range(4000)])
    with pytest.raises(ReadError):
        read_bytes(junk, "junk.txt")


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Press release | The Ministry</title>
<style>body {{ color: red; }} .nav {{ display: none }}</style>
<script>var tracking = "SCRIPT_MARKER"; function f() {{ return 1; }}</script>
</head><body>
<header class="site"><a href="/">Ministry home</a> HEADER_MARKER</header>
<nav><ul><li><a href="/news">News</a></li><li><a href="/about">NAV_MARKER About</a></li></ul></nav>
<div class="layout">
 <aside>ASIDE_MARKER Most read: <a href="/x">something else</a></aside>
 <article>
  <p class="time">10:00</p>
  <h1>{title}</h1>
  <p>{ref}</p>
  {paras}
  <div class="share-bar"><a href="#">Facebook</a> <a href="#">SHARE_MARKER</a></div>
  <ul><li><a href="/n/1">LINKLIST_MARKER Other news one</a></li><li><a href="/n/2">Two</a></li></ul>
 </article>
 <form><input name="q"> FORM_MARKER <button>Search</button></form>
</div>
<footer>FOOTER_MARKER © Ministry. All rights reserved.</footer>
<script>console.log("SCRIPT_MARKER2")</script>
</body></html>
"""


def _page_from_seed():
    lines = [ln.strip() for ln in SEED.read_text(encoding="utf-8").split("\n") if ln.strip()]
    title, ref, body = lines[1], lines[2], lines[3:]
    from html import escape

    paras = "\n  ".join(f"<p>{escape(p)}</p>" for p in body)
    return PAGE.format(title=escape(title), ref=ref, paras=paras), title, body


def test_html_page_reduced_to_release_text(tmp_path):
    page, title, body = _page_from_seed()
    path = tmp_path / "release.html"
    path.write_text(page, encoding="utf-8")
    read = read_path(path)
    assert read.html
    for marker in ("SCRIPT", "HEADER_MARKER", "NAV_MARKER", "ASIDE_MARKER", "FORM_MARKER",
                   "FOOTER_MARKER", "Ministry home", "display: none", "SHARE_MARKER",
                   "LINKLIST_MARKER"):
        assert marker not in read.text
    assert title in read.text
    for para in body:
        assert para in read.text
    assert "\n\n" in read.text  # paragraph breaks kept
    # nothing but the release: its words are exactly the seed's (the page's time line is 10:00)
    seed_words = SEED.read_text(encoding="utf-8").split()
    assert read.text.split() == ["10:00", *seed_words[1:]]
    db = tmp_path / "h.db"
    (res,) = ingest_paths(db, [path])
    assert res.status == "added" and "HTML" in res.message
    with Store.open(db) as store:
        doc = store.document(res.document_id)
        assert doc["date"] == "2024-06-24" and doc["ref"] == "1184-24-06-2024"
        assert doc["title"] == title


def test_html_without_article_uses_densest_block(tmp_path):
    page, title, body = _page_from_seed()
    page = page.replace("<article>", '<div class="content">').replace("</article>", "</div>")
    path = tmp_path / "release.htm"
    path.write_text(page, encoding="utf-8")
    text = read_path(path).text
    assert "NAV_MARKER" not in text and "ASIDE_MARKER" not in text
    assert body[0] in text and body[-1] in text


def test_directory_import_helper(tmp_path):
    from app.store import expand_paths

    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("x")
    (tmp_path / "a.facts.json").write_text("{}")
    (tmp_path / "pic.png").write_bytes(b"x")
    names = sorted(p.name for p in expand_paths([tmp_path]))
    assert names == ["a.txt", "b.html"]


def test_folder_given_to_ingest_paths_imports_its_files(tmp_path):
    folder = tmp_path / "releases"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "seed.txt").write_bytes(SEED.read_bytes())
    (folder / "notes.md").write_text("not imported")
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    results = ingest_paths(tmp_path / "f.db", [folder, empty])
    assert [(r.status, r.path.endswith("seed.txt")) for r in results] == [
        ("added", True), ("failed", False)]
    assert "no .txt or .html files" in results[1].message


def test_cancel_stops_between_documents(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "BATCH_DOCS", 1)  # each document committed and reported
    files = []
    for i in range(5):
        p = tmp_path / f"r{i}.txt"
        p.write_text(SEED.read_text(encoding="utf-8") + f"\nNote number {i}.\n",
                     encoding="utf-8")
        files.append(p)
    seen = []

    def progress(done, total, message):
        if not message.startswith("Reading"):  # a document committed and reported
            seen.append((done, total))

    results = ingest_paths(tmp_path / "c.db", files, progress=progress,
                           cancel=lambda: len([r for r in seen if r[0] > 0]) >= 2)
    assert [r.status for r in results] == ["added", "added"]
    assert _snapshot(tmp_path / "c.db")["documents"] == 2
    assert seen[-1] == (2, 5)


def test_html_inline_markup_stays_in_its_paragraph():
    page = ("<html><body><article><h1>Talks in Minsk between the foreign ministers</h1>"
            "<div>On June 24, <b>Foreign Minister</b> <a href='/p/1'>Sergey Lavrov</a> held "
            "talks in Minsk.<p>Second paragraph about <i>bilateral</i> trade.</p>Tail text "
            "after it.</div><!-- a comment --><p>Line one<br>line two</p></article></body></html>")
    text = read_bytes(page.encode(), "p.html").text
    assert "On June 24, Foreign Minister Sergey Lavrov held talks in Minsk." in text
    assert "Second paragraph about bilateral trade." in text
    assert "Tail text after it." in text
    assert "comment" not in text
    assert "Line one\nline two" in text
    paras = text.split("\n\n")
    assert paras[0] == "Talks in Minsk between the foreign ministers"
