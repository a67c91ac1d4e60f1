"""Snapshot of the quote finder's output on our own short texts, so a restructure can prove it
changes nothing.

The texts (tests/nlp/snapshot/texts.json) exercise every rule of the finder; the expected output
(tests/nlp/snapshot/quotes.json) holds, per quote, its spans, kind, rule, cue, speaker words and
the speaker's resolved actor, anonymity and affiliation. After a deliberate change of behaviour,
regenerate the expectation and review its diff before committing:

    QUOTEWIRE_UPDATE_SNAPSHOT=1 .venv/bin/pytest tests/nlp/test_quote_snapshot.py
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from app.nlp.annotations import Annotation, Quote

Annotate = Callable[[str], Annotation]
SNAPSHOT_DIR = Path(__file__).resolve().parent / "snapshot"
TEXTS = SNAPSHOT_DIR / "texts.json"
EXPECTED = SNAPSHOT_DIR / "quotes.json"
UPDATE_ENV = "QUOTEWIRE_UPDATE_SNAPSHOT"


def actor_name(annotation: Annotation, index: int | None) -> str | None:
    return None if index is None else annotation.actors[index].name


def quote_record(text: str, annotation: Annotation, quote: Quote) -> dict[str, object]:
    """Everything the finder decides about one quote, with span texts for readable diffs."""
    speaker = quote.speaker
    return {
        "spans": [[s, e, text[s:e]] for s, e in quote.spans],
        "kind": quote.kind,
        "rule": quote.rule.value,
        "cue": None if quote.cue is None else [quote.cue.start, quote.cue.end, quote.cue.text],
        "speaker": None
        if speaker is None
        else {
            "start": speaker.start,
            "end": speaker.end,
            "text": speaker.text,
            "actor": actor_name(annotation, speaker.actor),
            "anonymous": speaker.anonymous,
            "affiliation": actor_name(annotation, speaker.affiliation),
        },
    }


def test_quote_finder_output_matches_snapshot(annotate: Annotate) -> None:
    records = json.loads(TEXTS.read_text(encoding="utf-8"))
    actual: dict[str, list[dict[str, object]]] = {}
    for record in records:
        annotation = annotate(record["text"])
        actual[record["id"]] = [quote_record(record["text"], annotation, q) for q in annotation.quotes]
    if os.environ.get(UPDATE_ENV) == "1":
        EXPECTED.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert list(actual) == list(expected)
    changed = [key for key in expected if actual[key] != expected[key]]
    assert not changed, {key: {"expected": expected[key], "actual": actual[key]} for key in changed}
