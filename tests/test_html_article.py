"""HTML pages to articles (app/html_article.py), on short pages written for these tests."""

from __future__ import annotations

import socket
from datetime import UTC, datetime
from typing import Any

import pytest

from app.html_article import decode, is_html_document, parse_html
from app.parsed import InvalidArticle, ParsedArticle

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Ferry strike ends after talks | Coastline Herald</title>
<meta property="og:site_name" content="Coastline Herald">
<meta name="author" content="Petra Lindqvist">
<meta property="article:published_time" content="2025-06-14T09:30:00+02:00">
<link rel="canonical" href="https://herald.example/news/ferry-strike-ends">
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather desk</a></li></ul></nav>
<div class="ad">Buy cheap kayaks today at Paddle Barn!</div>
<article>
<h1>Ferry strike ends after talks</h1>
<p class="byline">By Petra Lindqvist</p>
<p>The ferry crews of Port Ellery returned to work on Saturday after a four-day strike
that stranded hundreds of island commuters.</p>
<p>&ldquo;We got what we came for,&rdquo; said Tomas Brandt, the crews&rsquo; union leader.</p>
<p>The harbour authority said the new contract adds two rest days a month.</p>
</article>
<section class="comments"><h2>Comments</h2>
<div class="comment"><p>Sailor99: About time, my commute was a nightmare.</p></div></section>
<footer><p>Copyright 2025 Coastline Herald. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body>
</html>
"""
NEWS_PARAGRAPHS = [
    "The ferry crews of Port Ellery returned to work on Saturday after a four-day strike that stranded "
    "hundreds of island commuters.",
    "“We got what we came for,” said Tomas Brandt, the crews’ union leader.",
    "The harbour authority said the new contract adds two rest days a month.",
]
NEWS_JUNK = (
    "Home",
    "Sport",
    "Weather desk",
    "Paddle Barn",
    "Comments",
    "Sailor99",
    "nightmare",
    "Copyright",
    "Privacy policy",
    "By Petra",
)

BR_PAGE = """<html><head><title>Night market returns</title></head>
<body><div class="story">The night market in Vell Square reopened on Friday.<br>
"It feels like summer again," said stallholder Ana Ruiz.<br/>Organisers expect
ten thousand visitors by Sunday.<br><br>The council said the square stays open until midnight.</div>
</body></html>"""

META_DATE_PAGE = """<html><head><title>Bridge reopens</title>
<meta property="article:published_time" content="2025-11-02T18:45:00Z"></head>
<body><article><p>The old bridge over the Lenn reopened on March 3, 2024, after repairs, officials said.</p>
<p>"Traffic will flow again," the mayor, Ida Marsh, said on Tuesday.</p></article></body></html>"""

LATIN_PAGE = """<html><head><meta charset="windows-1252"><title>Fair opens</title></head>
<body><article><p>Zoë Núñez opened the “Café Olé” fair in Tarrasa on Sunday, the organisers said.</p>
<p>“It’s a fiesta for everyone,” said José Peña, the town’s mayor.</p></article></body></html>"""
LATIN_PARAGRAPHS = [
    "Zoë Núñez opened the “Café Olé” fair in Tarrasa on Sunday, the organisers said.",
    "“It’s a fiesta for everyone,” said José Peña, the town’s mayor.",
]

NO_BODY_PAGE = """<!doctype html><html><head><title>Coastline Herald</title></head>
<body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<footer>Copyright 2025</footer></body></html>"""


def test_news_page_keeps_only_the_story() -> None:
    article = parse_html(NEWS_PAGE.encode("utf-8"))
    assert article.paragraphs == NEWS_PARAGRAPHS
    assert [junk for junk in NEWS_JUNK if junk in article.text] == []


def test_news_page_metadata_title_site_canonical_url_and_date_in_utc() -> None:
    article = parse_html(NEWS_PAGE.encode("utf-8"))
    assert (article.title, article.source, article.url, article.published_at) == (
        "Ferry strike ends after talks",
        "Coastline Herald",
        "https://herald.example/news/ferry-strike-ends",
        datetime(2025, 6, 14, 7, 30, tzinfo=UTC),
    )


def test_author_is_the_source_when_the_page_names_no_site() -> None:
    page = NEWS_PAGE.replace('<meta property="og:site_name" content="Coastline Herald">', "").replace(
        '<link rel="canonical" href="https://herald.example/news/ferry-strike-ends">', ""
    )
    assert parse_html(page).source == "Petra Lindqvist"


def test_br_separated_lines_are_paragraphs() -> None:
    assert parse_html(BR_PAGE).paragraphs == [
        "The night market in Vell Square reopened on Friday.",
        '"It feels like summer again," said stallholder Ana Ruiz.',
        "Organisers expect ten thousand visitors by Sunday.",
        "The council said the square stays open until midnight.",
    ]


def test_date_only_in_a_meta_tag_is_published_at_not_a_date_in_the_story() -> None:
    article = parse_html(META_DATE_PAGE)
    assert article.published_at == datetime(2025, 11, 2, 18, 45, tzinfo=UTC)
    assert article.paragraphs[0] == (
        "The old bridge over the Lenn reopened on March 3, 2024, after repairs, officials said."
    )


def test_page_without_a_date_has_none_even_with_dates_in_the_story() -> None:
    page = META_DATE_PAGE.replace(
        '<meta property="article:published_time" content="2025-11-02T18:45:00Z">', ""
    )
    assert parse_html(page).published_at is None


def test_meta_charset_decides_how_the_bytes_read() -> None:
    assert parse_html(LATIN_PAGE.encode("cp1252")).paragraphs == LATIN_PARAGRAPHS


def test_latin_1_label_reads_as_windows_1252_like_browsers() -> None:
    page = LATIN_PAGE.replace(
        '<meta charset="windows-1252">',
        '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
    )
    assert parse_html(page.encode("cp1252")).paragraphs == LATIN_PARAGRAPHS


def test_declared_charset_beats_a_wrong_meta_charset() -> None:
    page = LATIN_PAGE.replace("windows-1252", "utf-8").encode("cp1252")
    assert parse_html(page, "windows-1252").paragraphs == LATIN_PARAGRAPHS


def test_byte_order_mark_beats_every_declaration() -> None:
    page = "\ufeff" + LATIN_PAGE
    assert decode(page.encode("utf-8"), "windows-1252") == LATIN_PAGE


def test_undeclared_utf8_is_detected() -> None:
    page = LATIN_PAGE.replace('<meta charset="windows-1252">', "")
    assert parse_html(page.encode("utf-8")).paragraphs == LATIN_PARAGRAPHS


def test_unknown_charset_label_falls_back_to_detection() -> None:
    page = LATIN_PAGE.replace("windows-1252", "klingon-8")
    assert parse_html(page.encode("utf-8")).paragraphs == LATIN_PARAGRAPHS


def test_entities_are_decoded() -> None:
    page = (
        "<html><body><p>&ldquo;Caf&eacute; prices rise,&rdquo; said Ola&nbsp;Berg &amp; Co.</p></body></html>"
    )
    assert parse_html(page).paragraphs == ["“Café prices rise,” said Ola Berg & Co."]


@pytest.mark.parametrize(
    "page", [NO_BODY_PAGE, "", "   \n", "<html></html>", "https://herald.example/news/ferry"]
)
def test_page_with_no_story_empty_or_a_bare_url_has_no_article_body(page: str) -> None:
    with pytest.raises(InvalidArticle) as raised:
        parse_html(page)
    assert str(raised.value) == "No article body found in the HTML page."


def test_extraction_opens_no_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    """The network is a true external boundary: every way out of the process is recorded."""
    attempts: list[Any] = []

    def record(*args: Any, **kwargs: Any) -> None:
        attempts.append(args)
        raise OSError("no network in tests")

    monkeypatch.setattr(socket.socket, "connect", record)
    monkeypatch.setattr(socket, "getaddrinfo", record)
    parsed = [parse_html(NEWS_PAGE), parse_html(META_DATE_PAGE)]
    with pytest.raises(InvalidArticle):
        parse_html("http://herald.example/news/ferry-strike-ends")
    assert attempts == []
    assert [len(article.paragraphs) for article in parsed] == [3, 2]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", True),
        (b"\xef\xbb\xbf \n\t<!doctype HTML>", True),
        (b"\n  <HTML lang='en'><p>x</p>", True),
        (b"<p>A paragraph with a tag.</p>", False),
        (b"The mayor said <html> tags are a mystery.", False),
        (b"<htmlish>", False),
    ],
)
def test_is_html_document_only_for_a_doctype_or_html_start(body: bytes, expected: bool) -> None:
    assert is_html_document(body) is expected


def test_parsed_page_is_the_same_paragraph_model_as_text() -> None:
    article = parse_html("<html><body><p>One.</p><p>Two.</p></body></html>")
    assert article == ParsedArticle(paragraphs=["One.", "Two."])
    assert article.text == "One.\n\nTwo."
