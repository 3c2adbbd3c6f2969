"""A saved page's own metadata: date, time, headline and site name (pages written here)."""

from __future__ import annotations

from app.store.page_meta import page_meta
from app.store.readers import read_bytes


def test_article_published_time_and_site_name():
    html = ('<html><head><meta property="og:site_name" content="Example News">'
            '<meta property="article:published_time" content="2022-10-05T08:15:00+03:00">'
            '<meta property="og:title" content="Ministers meet"></head><body></body></html>')
    assert page_meta(html) == {"date": "2022-10-05", "time": "08:15", "title": "Ministers meet",
                               "outlet": "Example News"}


def test_json_ld_graph_and_time_element():
    ld = ('<html><head><script type="application/ld+json">{"@graph": [{"@type": "WebSite"}, '
          '{"@type": "NewsArticle", "datePublished": "2021-03-02"}]}</script></head></html>')
    assert page_meta(ld)["date"] == "2021-03-02"
    tm = '<html><body><article><time datetime="2020-07-09T11:00">9 July</time></article></body></html>'
    assert page_meta(tm)["date"] == "2020-07-09"


def test_visible_date_in_the_article_not_in_a_list_of_other_stories():
    html = ('<html><body><div class="content"><h1>Talks</h1><span class="date">04.03.2022</span>'
            '<p>Text.</p></div><ul><li><a href="/x">Other</a> <span class="date">01.02.2021</span>'
            '</li></ul></body></html>')
    assert page_meta(html)["date"] == "2022-03-04"
    only_links = ('<html><body><ul><li><a href="/x">Other</a> <span class="date">01.02.2021</span>'
                  '</li></ul></body></html>')
    assert page_meta(only_links)["date"] is None


def test_reader_passes_the_metadata_on():
    html = (b'<html><head><meta name="date" content="2019-11-26"></head><body><main><h1>Consultations'
            b' held</h1><p>Consultations on consular issues were held in Moscow between the two '
            b'ministries.</p></main></body></html>')
    assert read_bytes(html, "page.html").meta["date"] == "2019-11-26"
