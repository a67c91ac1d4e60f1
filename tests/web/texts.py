"""Short articles written for the page tests: one with a quote in two spans, mentions inside a quote
and a word too long for a phone's line, one full of markup that must stay text."""

from __future__ import annotations

from typing import Any

HARBOUR: dict[str, Any] = {
    "title": "Harbour plan splits Port Elmer",
    "source": "Coast Courier",
    "published_at": "2026-03-02T09:00:00Z",
    "text": "Port Elmer voted on Tuesday to expand its harbour, a plan that Mayor Ana Ruiz has backed "
    "for two years.\n\n"
    "“This harbour will bring jobs,” Ruiz said, “and it will bring them soon.”\n\n"
    "Tom Okafor, a spokesman for the dockworkers, said the Dockworkers Union would take Port Elmer "
    "to court.\n\n"
    "“Nobody asked us,” Okafor told reporters. The plan is filed as "
    "harbourexpansionplandocumentsandcouncilminutes2026.pdf",
}
# Most salient first, as the annotator ranks them in this text.
HARBOUR_ACTORS = ["Tom Okafor", "Ana Ruiz", "Port Elmer", "Dockworkers Union"]

HOSTILE_PARAGRAPHS = (
    "Visitors saw <script>alert(1)</script> and <img src=x onerror=alert(1)> on the board.",
    '“Never trust <b>bold</b> or <a href="https://evil.example/">links</a>,” said Lena Park.',
)
HOSTILE: dict[str, Any] = {
    "title": "<script>alert('title')</script>",
    "text": "\n\n".join(HOSTILE_PARAGRAPHS),
}
