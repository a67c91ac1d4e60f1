"""Browser fixtures: the real app under uvicorn on a free local port with its own SQLite file, the
test articles ingested through its API, and one headless Debian chromium for all browser tests."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import uvicorn
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Dialog,
    Page,
    Playwright,
    ViewportSize,
    sync_playwright,
)
from pydantic import SecretStr

from app.config import Settings
from app.main import create_app
from tests.conftest import API_KEY, MODEL, ROOT
from tests.web.texts import HARBOUR, HOSTILE

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "tests" / "artifacts"
STARTUP_SECONDS = 45  # migration and spaCy model load
POLL_SECONDS = 0.05
SHUTDOWN_SECONDS = 10
DESKTOP = ViewportSize(width=1280, height=900)
PHONE = ViewportSize(width=375, height=812)  # CSS pixels of a small phone


@dataclass(frozen=True, slots=True)
class Stored:
    """An article as the API answered it, with its quotes and actors."""

    article: dict[str, Any]
    quotes: list[dict[str, Any]]
    actors: list[dict[str, Any]]


@dataclass  # no slots: Playwright keeps a wrapper on the object of a bound-method handler
class Tab:
    """A browser page and everything it did: every request it tried (and those that failed, such as
    any the Content-Security-Policy refused), dialog, console error and script error."""

    page: Page
    requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def record(self) -> None:
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("requestfailed", lambda request: self.failed_requests.append(request.url))
        self.page.on("dialog", self._dialog)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.page_errors.append(str(error)))

    def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def screenshot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)


@pytest.fixture(scope="session")
def live_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    database = tmp_path_factory.mktemp("live") / "quotewire.db"
    settings = Settings(
        database_url=f"sqlite:///{database}", nlp_model=MODEL, api_key=SecretStr(API_KEY), annotate_workers=0
    )
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"The app did not start within {STARTUP_SECONDS} s.")
        time.sleep(POLL_SECONDS)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(SHUTDOWN_SECONDS)
    listener.close()


def _store(api: httpx.Client, body: dict[str, Any]) -> Stored:
    created = api.post("/v1/articles", json=body)
    assert created.status_code == 201, created.text
    article = created.json()
    quotes = api.get(f"/v1/articles/{article['id']}/quotes").json()["items"]
    actors = api.get(f"/v1/articles/{article['id']}/actors").json()["items"]
    return Stored(article, quotes, actors)


@pytest.fixture(scope="session")
def stored(live_url: str) -> dict[str, Stored]:
    """The test articles by name, ingested once through the API."""
    with httpx.Client(base_url=live_url, headers={"X-API-Key": API_KEY}) as api:
        return {"harbour": _store(api, HARBOUR), "hostile": _store(api, HOSTILE)}


# Module scope: Playwright's sync API holds an event loop on the main thread while it runs, and the
# anyio tests of other modules need that thread's loop free. All browser tests are in one module.
@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
    yield browser
    browser.close()


def _open_tab(browser: Browser, viewport: ViewportSize) -> Iterator[Tab]:
    context = browser.new_context(viewport=viewport)
    tab = Tab(context.new_page())
    tab.record()
    yield tab
    context.close()


@pytest.fixture
def tab(browser: Browser) -> Iterator[Tab]:
    """A desktop-sized page."""
    yield from _open_tab(browser, DESKTOP)


@pytest.fixture
def phone(browser: Browser) -> Iterator[Tab]:
    """A page 375 px wide, as a phone."""
    yield from _open_tab(browser, PHONE)
