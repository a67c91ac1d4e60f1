"""Score the quote engine on PolNeAR: annotate every article, write quote predictions, run the scorer.

Usage: .venv/bin/python -m benchmarks.eval_quotes [GOLD] [--pred PATH] [--json]
GOLD defaults to the dev split; pass the train split to study conventions without touching dev.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.nlp import Annotation
from benchmarks.evaluation import EVAL_DIR, annotate_gold, run_scorer

GOLD = EVAL_DIR / "data" / "polnear-dev.jsonl"


def predictions(annotation: Annotation) -> list[dict[str, object]]:
    """Quotes of one article in the scorer's format."""
    return [
        {
            "start": q.start,
            "end": q.end,
            "spans": [[s, e] for s, e in q.spans],
            "kind": q.kind,
            "speaker": {"start": q.speaker.start, "end": q.speaker.end} if q.speaker else None,
        }
        for q in annotation.quotes
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold", nargs="?", type=Path, default=GOLD)
    ap.add_argument("--pred", type=Path, default=Path("/tmp/quotewire-quotes-pred.jsonl"))
    ap.add_argument("--json", action="store_true", help="also print the scorer's JSON line")
    args = ap.parse_args()
    annotate_gold(args.gold, args.pred, lambda a: {"quotes": predictions(a)})
    run_scorer("score_quotes.py", args.gold, args.pred, *(["--json"] if args.json else []))


if __name__ == "__main__":
    main()
