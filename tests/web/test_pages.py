"""The pages over plain HTTP (no browser): exact markup and text, escaping, headers, errors, links."""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Any

import httpx
import pytest

from app.web import pages
from tests.conftest import Backend
from tests.web.html_text import texts
from tests.web.texts import HARBOUR, HARBOUR_ACTORS, HOSTILE, HOSTILE_PARAGRAPHS

pytestmark = pytest.mark.anyio

BASE = "http://quotewire.test"
PAGE_HEADERS = {
    "content-security-policy": "default-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
}


async def _post(client: httpx.AsyncClient, article: dict[str, Any]) -> dict[str, Any]:
    response = await client.post("/v1/articles", json=article)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def _items(client: httpx.AsyncClient, path: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = (await client.get(path)).json()["items"]
    return items


async def _html(client: httpx.AsyncClient, path: str, status: int = 200) -> str:
    response = await client.get(path)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    return response.text


async def test_quote_spans_are_marks_holding_their_mentions_and_speaker(client: httpx.AsyncClient) -> None:
    article = await _post(client, HARBOUR)
    quotes = await _items(client, f"/v1/articles/{article['id']}/quotes")
    actors = {a["name"]: a["id"] for a in await _items(client, f"/v1/articles/{article['id']}/actors")}
    ruiz_quote, union_quote, _ = quotes
    page = await _html(client, f"/articles/{article['id']}")
    paragraphs = re.findall(r'<p data-paragraph="\d+">.*?</p>', page)
    ruiz = f'<a href="{BASE}/actors/{actors["Ana Ruiz"]}">Ana Ruiz</a>'
    okafor = f'<a href="{BASE}/actors/{actors["Tom Okafor"]}">Tom Okafor</a>'
    said_by = '<span class="said-by"><span class="said-by-sep"> — </span>{kind} quote by {who}</span></mark>'
    assert paragraphs[1] == (
        f'<p data-paragraph="1"><mark class="quote quote-direct" data-quote-id="{ruiz_quote["id"]}" '
        f'data-span="0" id="quote-{ruiz_quote["id"]}">“This harbour will bring jobs,”'
        + said_by.format(kind="direct", who=ruiz)
        + f' <span class="mention mention-person" data-actor-id="{actors["Ana Ruiz"]}" '
        'title="Ana Ruiz (person)">Ruiz</span> said, '
        f'<mark class="quote quote-direct" data-quote-id="{ruiz_quote["id"]}" data-span="1">'
        "“and it will bring them soon.”" + said_by.format(kind="direct", who=ruiz) + "</p>"
    )
    assert paragraphs[2] == (
        f'<p data-paragraph="2"><span class="mention mention-person" data-actor-id="{actors["Tom Okafor"]}" '
        'title="Tom Okafor (person)">Tom Okafor</span>, a spokesman for the dockworkers, said '
        f'<mark class="quote quote-indirect" data-quote-id="{union_quote["id"]}" data-span="0" '
        f'id="quote-{union_quote["id"]}">the <span class="mention mention-organization" '
        f'data-actor-id="{actors["Dockworkers Union"]}" title="Dockworkers Union (organization)">'
        "Dockworkers Union</span> would take "
        f'<span class="mention mention-location" data-actor-id="{actors["Port Elmer"]}" '
        'title="Port Elmer (location)">Port Elmer</span> to court'
        + said_by.format(kind="indirect", who=okafor)
        + ".</p>"
    )


async def test_article_page_side_panel_lists_actors_by_salience_and_quotes_by_speaker(
    client: httpx.AsyncClient,
) -> None:
    article = await _post(client, HARBOUR)
    ruiz_quote, union_quote, asked_quote = await _items(client, f"/v1/articles/{article['id']}/quotes")
    page = await _html(client, f"/articles/{article['id']}")
    actors = re.findall(r'<a class="actor-name" href="[^"]+">([^<]+)</a>\n(.*?)</li>', page, re.S)
    assert [name for name, _ in actors] == HARBOUR_ACTORS
    assert [re.sub(r"<[^>]+>", "", rest).split() for _, rest in actors] == [
        ["person", "a", "spokesman", "for", "the", "dockworkers", "2", "quotes"],
        ["person", "Mayor", "1", "quote"],
        ["location", "0", "quotes"],
        ["organization", "0", "quotes"],
    ]
    who_said_what = page[page.index("<h2>Who said what</h2>") :]
    groups = re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>(.*?)</section>', who_said_what, re.S)
    assert [(name, re.findall(r'href="#quote-(\d+)"', quotes)) for name, quotes in groups] == [
        ("Ana Ruiz", [str(ruiz_quote["id"])]),
        ("Tom Okafor", [str(union_quote["id"]), str(asked_quote["id"])]),
    ]


async def test_markup_in_an_article_is_shown_as_text_never_as_markup(client: httpx.AsyncClient) -> None:
    article = await _post(client, HOSTILE)
    page = await _html(client, f"/articles/{article['id']}")
    assert [text for _, text in texts(page, "data-paragraph")] == list(HOSTILE_PARAGRAPHS)
    assert "<title>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; · quotewire</title>" in page
    assert "<h1>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;</h1>" in page
    assert re.findall(r"<(?:script|img|b)[\s>]|<a href=\"https://evil", page) == []
    quotes = await _items(client, f"/v1/articles/{article['id']}/quotes")
    assert [(int(i), t) for i, t in texts(page, "data-quote-id", "mark")] == [
        (q["id"], article["text"][s:e]) for q in quotes for s, e in q["spans"]
    ]


async def test_every_html_page_sends_the_security_headers(client: httpx.AsyncClient) -> None:
    article = await _post(client, HARBOUR)
    actor_id = (await _items(client, f"/v1/articles/{article['id']}/actors"))[0]["id"]
    for path in ("/", "/?q=harbour", f"/articles/{article['id']}", f"/actors/{actor_id}", "/articles/999"):
        headers = (await client.get(path)).headers
        assert {name: headers.get(name) for name in PAGE_HEADERS} == PAGE_HEADERS, path
    api = (await client.get(f"/v1/articles/{article['id']}")).headers
    assert "content-security-policy" not in api


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
async def test_docs_pages_allow_their_own_inline_scripts_by_hash_and_nothing_outside(
    client: httpx.AsyncClient, path: str
) -> None:
    response = await client.get(path)
    inline = re.findall(r"<script>(.*?)</script>", response.text, re.S)
    hashes = "".join(
        f" 'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in inline
    )
    assert len(inline) == (1 if path == "/docs" else 0)
    assert response.headers["content-security-policy"] == (
        f"default-src 'self'; script-src 'self'{hashes}; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; worker-src 'self' blob:; base-uri 'none'; frame-ancestors 'none'"
    )
    for name in ("x-content-type-options", "referrer-policy", "x-frame-options"):
        assert response.headers[name] == PAGE_HEADERS[name]


@pytest.mark.parametrize(
    ("path", "status", "detail"),
    [
        ("/articles/999", 404, "No article with id 999."),
        ("/actors/999", 404, "No actor with id 999."),
        ("/articles/first", 404, "There is no page at /articles/first."),
        ("/?cursor=not-a-cursor", 400, "Invalid cursor: pass the `next` value of a previous page unchanged."),
    ],
)
async def test_a_missing_or_unreadable_page_is_an_html_error_page(
    client: httpx.AsyncClient, path: str, status: int, detail: str
) -> None:
    page = await _html(client, path, status)
    title = "Not Found" if status == 404 else "Bad Request"
    assert f'<h1>{title}</h1>\n<p class="detail">{detail}</p>' in page


async def test_articles_carry_the_absolute_url_of_their_page(client: httpx.AsyncClient) -> None:
    article = await _post(client, HARBOUR)
    url = f"{BASE}/articles/{article['id']}"
    actor_id = (await _items(client, f"/v1/articles/{article['id']}/actors"))[0]["id"]
    patched = await client.patch(f"/v1/articles/{article['id']}", json={"title": "Harbour vote"})
    assert [
        article["html_url"],
        (await client.get(f"/v1/articles/{article['id']}")).json()["html_url"],
        (await _items(client, "/v1/articles"))[0]["html_url"],
        (await _items(client, f"/v1/actors/{actor_id}/articles"))[0]["html_url"],
        patched.json()["html_url"],
    ] == [url] * 5
    other_host = await client.get(f"/v1/articles/{article['id']}", headers={"Host": "news.example:8080"})
    assert other_host.json()["html_url"] == f"http://news.example:8080/articles/{article['id']}"
    assert (await client.get(url)).status_code == 200


async def test_actor_page_lists_every_quote_linking_to_its_place(client: httpx.AsyncClient) -> None:
    article = await _post(client, HARBOUR)
    actors = await _items(client, f"/v1/articles/{article['id']}/actors")
    okafor = actors[0]["id"]
    quotes = await _items(client, f"/v1/actors/{okafor}/quotes")
    page = await _html(client, f"/actors/{okafor}")
    assert "<h1>Tom Okafor</h1>" in page
    facts = re.sub(r"<[^>]+>", "|", page[page.index("<dl") : page.index("</dl>")])
    assert [part for part in facts.split("|") if part.strip()] == [
        "Type", "person", "Also called", "Okafor", "Roles", "a spokesman for the dockworkers",
        "Coverage", "1 article, 2 quotes",
    ]  # fmt: skip
    listed = re.findall(
        r'<li data-quote-id="(\d+)">\n<blockquote class="quote-(\w+)">([^<]*)</blockquote>\n'
        r'<p><span class="kind-label kind-\w+">\w+</span> in <a href="([^"]+)">([^<]+)</a>',
        page,
    )
    assert listed == [
        (
            str(q["id"]),
            q["kind"],
            q["text"],
            f"{BASE}/articles/{article['id']}#quote-{q['id']}",
            HARBOUR["title"],
        )
        for q in quotes
    ]
    assert [q["text"] for q in quotes] == [
        "the Dockworkers Union would take Port Elmer to court",
        "“Nobody asked us,”",
    ]


# The passage around "board" in HOSTILE: FTS5 and ts_headline count its words differently (a URL is
# one word to PostgreSQL), so each backend's is stated.
BOARD_SNIPPETS = {
    Backend.SQLITE: "Visitors saw &lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x "
    "onerror=alert(1)&gt; on the <mark>board</mark>.\n\n“Never trust &lt;b&gt;bold&lt;/b&gt; or &lt;a href…",
    Backend.POSTGRESQL: "…/script&gt; and &lt;img src=x onerror=alert(1)&gt; on the <mark>board</mark>."
    "\n\n“Never trust &lt;b&gt;bold&lt;/b&gt; or "
    "&lt;a href=&#34;https://evil.example/&#34;&gt;links&lt;/a&gt;,” said…",
}


async def test_home_lists_articles_newest_first_and_searches_with_q(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    harbour = await _post(client, HARBOUR)
    hostile = await _post(client, HOSTILE)  # undated: dated by ingestion, after March 2026
    listed = re.findall(r'<li data-article-id="(\d+)">', await _html(client, "/"))
    assert listed == [str(hostile["id"]), str(harbour["id"])]
    found = await _html(client, "/?q=harbour")
    assert re.findall(r'<li data-article-id="(\d+)">', found) == [str(harbour["id"])]
    assert '<input id="q" type="search" name="q" value="harbour" maxlength="500">' in found
    assert re.findall(r'<p class="snippet">(.*?)</p>', found, re.S) == [
        "Port Elmer voted on Tuesday to expand its <mark>harbour</mark>, a plan that Mayor Ana Ruiz has "
        "backed for two years.\n\n“This <mark>harbour</mark> will bring…"
    ]
    board = await _html(client, "/?q=board")
    assert re.findall(r'<p class="snippet">(.*?)</p>', board, re.S) == [BOARD_SNIPPETS[backend]]
    nothing = await _html(client, "/?q=%3Cscript%3E+lighthouse")
    assert 'value="&lt;script&gt; lighthouse"' in nothing
    assert "<p>No articles match.</p>" in nothing


async def test_home_pages_with_the_cursor_of_the_article_list(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pages, "PAGE_SIZE", 1)
    harbour = await _post(client, HARBOUR)
    hostile = await _post(client, HOSTILE)
    first = await _html(client, "/")
    assert re.findall(r'<li data-article-id="(\d+)">', first) == [str(hostile["id"])]
    next_url = re.findall(r'<a rel="next" href="([^"]+)">Older articles</a>', first)
    cursor = (await client.get("/v1/articles?limit=1")).json()["next"]
    assert next_url == [f"{BASE}/?cursor={cursor}"]
    second = await _html(client, next_url[0])
    assert re.findall(r'<li data-article-id="(\d+)">', second) == [str(harbour["id"])]
    assert "Older articles" not in second
