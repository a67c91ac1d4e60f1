"""The pages in headless Chromium: what a reader sees, hovers and runs (nothing), at desktop and
phone width. Screenshots go to tests/artifacts/."""

from __future__ import annotations

import re
from typing import Any

import httpx

from tests.web.conftest import Stored, Tab
from tests.web.texts import HARBOUR_ACTORS, HOSTILE_PARAGRAPHS

# Each quote highlight as [quote id, span index, its text without the "said by" label].
MARKS_JS = """() => [...document.querySelectorAll('mark[data-quote-id]')].map(mark => {
  const copy = mark.cloneNode(true);
  copy.querySelectorAll('.said-by').forEach(label => label.remove());
  return [Number(mark.dataset.quoteId), Number(mark.dataset.span), copy.textContent];
})"""
# Each paragraph's text without the "said by" labels.
PARAGRAPHS_JS = """() => [...document.querySelectorAll('p[data-paragraph]')].map(p => {
  const copy = p.cloneNode(true);
  copy.querySelectorAll('.said-by').forEach(label => label.remove());
  return copy.textContent;
})"""
# Whether the top-most element at the centre of `element` is inside it: it is painted, uncovered.
ON_TOP_JS = """element => {
  const box = element.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return element.contains(hit);
}"""
OVERFLOW_JS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
HIDDEN_LABEL_MAX_PX = 1
# ReDoc's bundle shows its maker's logo from a CDN (hard-coded); the docs' policy refuses it.
REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"  # a visually hidden label is 1 px square


def _span_marks(stored: Stored) -> list[list[Any]]:
    text = stored.article["text"]
    return [[q["id"], i, text[s:e]] for q in stored.quotes for i, (s, e) in enumerate(q["spans"])]


def test_swagger_ui_lists_every_operation_under_its_policy(tab: Tab, live_url: str) -> None:
    operation_ids = [
        operation["operationId"]
        for methods in httpx.get(f"{live_url}/openapi.json").json()["paths"].values()
        for operation in methods.values()
    ]
    tab.page.goto(f"{live_url}/docs")
    tab.page.locator("#operations-articles-articles-create").wait_for()
    for operation_id in ("articles-create", "quotes-list"):
        tag = operation_id.split("-")[0]
        assert tab.page.locator(f"#operations-{tag}-{operation_id}").is_visible()
    assert tab.page.locator(".opblock").count() == len(operation_ids)
    tab.screenshot("docs")
    assert (tab.console_errors, tab.page_errors) == ([], [])
    assert all(url.startswith(live_url) for url in tab.requests)


def test_redoc_renders_and_its_one_outside_image_is_refused(tab: Tab, live_url: str) -> None:
    tab.page.goto(f"{live_url}/redoc")
    tab.page.get_by_role("heading", name="List and search articles").first.wait_for()
    refused = [re.findall(r"^Loading the image '([^']+)' violates", error) for error in tab.console_errors]
    assert (refused, tab.page_errors) == ([[REDOC_LOGO]], [])
    own = (live_url, f"blob:{live_url}/")  # ReDoc starts a worker from a blob of its own
    assert [url for url in tab.requests if not url.startswith(own)] == [REDOC_LOGO]
    assert tab.failed_requests == [REDOC_LOGO]


def test_article_page_marks_each_quote_span_once_and_lists_actors_by_salience(
    tab: Tab, live_url: str, stored: dict[str, Stored]
) -> None:
    harbour = stored["harbour"]
    tab.page.goto(f"{live_url}/articles/{harbour.article['id']}")
    marks = tab.page.evaluate(MARKS_JS)
    assert {quote_id for quote_id, _, _ in marks} == {q["id"] for q in harbour.quotes}
    assert marks == _span_marks(harbour)
    names = tab.page.locator("aside .actors a.actor-name").all_inner_texts()
    assert names == [a["name"] for a in harbour.actors] == HARBOUR_ACTORS
    mentions = tab.page.locator("p [data-actor-id]").evaluate_all(
        "spans => spans.map(s => [Number(s.dataset.actorId), s.textContent])"
    )
    assert sorted(mentions) == sorted([a["id"], m["text"]] for a in harbour.actors for m in a["mentions"])
    assert tab.page.locator("h1").all_inner_texts() == [harbour.article["title"]]
    assert tab.page.locator("h2").all_inner_texts() == ["Text", "Legend", "Actors", "Who said what"]
    tab.screenshot("article")


def test_hovering_a_quote_shows_its_speaker(tab: Tab, live_url: str, stored: dict[str, Stored]) -> None:
    harbour = stored["harbour"]
    ruiz_quote = harbour.quotes[0]
    tab.page.goto(f"{live_url}/articles/{harbour.article['id']}")
    for span in range(len(ruiz_quote["spans"])):
        mark = tab.page.locator(f'mark[data-quote-id="{ruiz_quote["id"]}"][data-span="{span}"]')
        label = mark.locator(".said-by")
        hidden = label.bounding_box()
        assert hidden is not None and hidden["width"] <= HIDDEN_LABEL_MAX_PX
        assert not label.evaluate(ON_TOP_JS)
        mark.hover()
        assert label.inner_text() == "direct quote by Ana Ruiz"
        assert label.locator("a").inner_text() == ruiz_quote["speaker"]["name"] == "Ana Ruiz"
        assert label.evaluate(ON_TOP_JS)
        tab.screenshot(f"hover-span-{span}")
        tab.page.mouse.move(0, 0)


def test_a_hostile_article_shows_its_markup_as_text_runs_nothing_and_loads_nothing_outside(
    tab: Tab, live_url: str, stored: dict[str, Stored]
) -> None:
    hostile = stored["hostile"]
    speaker_id = next(q["speaker"]["actor_id"] for q in hostile.quotes if q["speaker"]["actor_id"])
    visited = [
        f"{live_url}/articles/{hostile.article['id']}",
        f"{live_url}/",
        f"{live_url}/actors/{speaker_id}",
    ]
    tab.page.goto(visited[0])
    assert tab.page.evaluate(PARAGRAPHS_JS) == list(HOSTILE_PARAGRAPHS)
    assert tab.page.evaluate(MARKS_JS) == _span_marks(hostile)
    assert tab.page.locator("h1").inner_text() == "<script>alert('title')</script>"
    tab.screenshot("hostile")
    for url in visited[1:]:
        tab.page.goto(url)
        assert tab.page.get_by_text("<script>alert('title')</script>").count() == 1
    assert tab.page.locator("script, img, b").count() == 0
    assert (tab.dialogs, tab.console_errors, tab.page_errors, tab.failed_requests) == ([], [], [], [])
    assert sorted(set(tab.requests)) == sorted({*visited, f"{live_url}/static/quotewire.css"})


def test_pages_fit_a_phone_screen(phone: Tab, live_url: str, stored: dict[str, Stored]) -> None:
    harbour = stored["harbour"]
    pages = {
        "phone-home": "/",
        "phone-article": f"/articles/{harbour.article['id']}",
        "phone-actor": f"/actors/{harbour.actors[0]['id']}",
    }
    overflow = {}
    for name, path in pages.items():
        phone.page.goto(f"{live_url}{path}")
        overflow[name] = phone.page.evaluate(OVERFLOW_JS)
        phone.screenshot(name)
    assert overflow == dict.fromkeys(pages, 0)
    assert phone.page.viewport_size == {"width": 375, "height": 812}
