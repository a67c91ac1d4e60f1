"""Score speaker resolution on the news-speaker dev set: is each quote found, and is its speaker
the right entity (not only the right words)?

Usage: .venv/bin/python -m benchmarks.eval_speakers [GOLD] [--pred PATH] [-v] [--json]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.nlp import Annotation
from benchmarks.evaluation import EVAL_DIR, annotate_gold, run_scorer

GOLD = EVAL_DIR / "data" / "news-speakers-dev.jsonl"


def predictions(annotation: Annotation) -> dict[str, object]:
    """Quotes with their resolved speaker's name, and the actors, in the scorer's format."""
    actors = annotation.actors

    def name(index: int | None) -> str | None:
        return None if index is None else actors[index].name

    quotes = []
    for q in annotation.quotes:
        sp = q.speaker
        speaker = None
        if sp is not None:
            speaker = {
                "name": name(sp.actor),
                "text": sp.text,
                "start": sp.start,
                "end": sp.end,
                "anonymous": sp.anonymous,
                "affiliation": name(sp.affiliation),
            }
        quotes.append(
            {
                "start": q.start,
                "end": q.end,
                "spans": [[s, e] for s, e in q.spans],
                "kind": q.kind,
                "speaker": speaker,
            }
        )
    return {
        "quotes": quotes,
        "actors": [{"name": a.name, "type": a.type, "aliases": a.aliases} for a in actors],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold", nargs="?", type=Path, default=GOLD)
    ap.add_argument("--pred", type=Path, default=Path("/tmp/quotewire-speakers-pred.jsonl"))
    ap.add_argument("-v", "--verbose", action="store_true", help="list every error")
    ap.add_argument("--json", action="store_true", help="also print the scorer's JSON line")
    args = ap.parse_args()
    annotate_gold(args.gold, args.pred, predictions)
    options = [*(["-v"] if args.verbose else []), *(["--json"] if args.json else [])]
    run_scorer("score_speakers.py", args.gold, args.pred, *options)


if __name__ == "__main__":
    main()
