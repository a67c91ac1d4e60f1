"""HTML pages to articles: trafilatura finds the story and its metadata, offline.

The page is decoded here (the charset the request declares, else the page's own `<meta>`
declaration, else a detected one) and parsed by lxml before trafilatura sees it: given a parsed
tree, neither trafilatura nor htmldate fetches anything (htmldate downloads a string that looks like
a URL), and the page's metadata cannot make them.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from datetime import datetime

import trafilatura
from charset_normalizer import from_bytes
from lxml import etree
from lxml import html as lxml_html
from trafilatura.settings import Document

from app.parsed import InvalidArticle, ParsedArticle, checked, utc

NO_BODY = "No article body found in the HTML page."
# An HTML document starts, after a byte order mark and whitespace, with its doctype or <html>.
_DOCUMENT_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html)\b", re.IGNORECASE)
# As browsers do (WHATWG HTML, "prescan a byte stream"), a <meta charset> or http-equiv
# Content-Type declaration counts within the first 1024 bytes.
_PRESCAN_BYTES = 1024
_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# WHATWG Encoding: a page labelled Latin-1 or ASCII is read as windows-1252, whose 0x93 and 0x94 are
# the curly quotes such pages hold.
_READ_AS_WINDOWS_1252 = frozenset({"iso8859-1", "ascii"})
# htmldate: the first publication (not the last update), from the page's markup and URL only; its
# extensive search would take any date-like words of the story ("on March 3") for the date.
_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": _DATE_FORMAT}
# trafilatura's output elements that stand as blocks; `lb` (a <br>) breaks the line within one.
_BLOCKS = frozenset({"p", "head", "list", "item", "quote", "table", "row", "cell", "code"})
_LINE_BREAK = "lb"


def is_html_document(raw: bytes) -> bool:
    """Whether a body sent as plain text is plainly an HTML page."""
    return _DOCUMENT_START.match(raw) is not None


def decode(raw: bytes, declared: str | None = None) -> str:
    """The page's text: a byte order mark decides, then the declared charset, then the page's own
    `<meta>` declaration, then detection. Bytes the encoding lacks become U+FFFD, as in browsers."""
    for mark, encoding in _BYTE_ORDER_MARKS:
        if raw.startswith(mark):
            return raw.decode(encoding, errors="replace")
    encoding = _known(declared) or _known(_meta_charset(raw)) or _detected(raw)
    return raw.decode(encoding, errors="replace")


def _meta_charset(raw: bytes) -> str | None:
    found = _META_CHARSET.search(raw[:_PRESCAN_BYTES])
    if found is None:
        return None
    label = found[1].decode("ascii")
    # A declaration readable as ASCII cannot be UTF-16: browsers take it for UTF-8.
    return "utf-8" if label.lower().startswith("utf-16") else label


def _known(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp1252" if name in _READ_AS_WINDOWS_1252 else name


def _detected(raw: bytes) -> str:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(raw).best()
        return best.encoding if best is not None else "utf-8"
    return "utf-8"


def parse_html(page: bytes | str, charset: str | None = None) -> ParsedArticle:
    """The story of a page, one paragraph per block (a `<br>` starts a new one), without navigation,
    ads, comments or footer, with its title, site name (else author) as source, URL and date."""
    text = page if isinstance(page, str) else decode(page, charset)
    try:
        # Already decoded: the parser must not re-read a <meta charset>.
        tree = lxml_html.document_fromstring(
            text.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8")
        )
    except etree.ParserError as error:  # nothing but whitespace
        raise InvalidArticle(NO_BODY) from error
    # fast: no fallback extractors, which take a page's navigation for its story when it has none.
    document = trafilatura.bare_extraction(
        tree,
        fast=True,
        favor_precision=True,
        include_comments=False,
        with_metadata=True,
        date_extraction_params=_DATE_PARAMS,
    )
    if not isinstance(document, Document) or document.body is None:
        raise InvalidArticle(NO_BODY)
    title = _clean(document.title or "") or None
    paragraphs = [paragraph for paragraph in _paragraphs(document.body) if paragraph != title]
    if not paragraphs:
        raise InvalidArticle(NO_BODY)
    return checked(
        ParsedArticle(
            paragraphs=paragraphs,
            title=title,
            source=document.sitename or document.author or None,
            url=document.url or None,
            published_at=utc(datetime.fromisoformat(document.date)) if document.date else None,
        )
    )


def _paragraphs(body: etree._Element) -> list[str]:
    """The text of each block and of each `<br>`-separated line within one."""
    lines: list[list[str]] = [[]]
    for event, element in etree.iterwalk(body, events=("start", "end")):
        if event == "start":
            if element.tag in _BLOCKS or element.tag == _LINE_BREAK:
                lines.append([])
            lines[-1].append(element.text or "")
        else:
            if element.tag in _BLOCKS:
                lines.append([])
            lines[-1].append(element.tail or "")
    return [paragraph for paragraph in (_clean("".join(line)) for line in lines) if paragraph]


def _clean(text: str) -> str:
    """One line, single spaces (source line breaks and non-breaking spaces are layout), NFC."""
    return unicodedata.normalize("NFC", " ".join(text.split()))
