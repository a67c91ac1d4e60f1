"""Score the actor engine on CoNLL-2003 dev: annotate each article, write mention predictions, score them.

Only mentions whose form is `name`, `acronym` or `metonym` are predicted (demonyms are MISC in CoNLL),
each typed by its merged actor's type, so the score reflects merging and type voting.

Usage: .venv/bin/python -m benchmarks.eval_actors [--gold PATH] [--pred PATH] [--errors N]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.nlp import Annotation
from benchmarks.evaluation import EVAL_DIR, annotate_gold, run_scorer

GOLD = EVAL_DIR / "data" / "conll2003-dev.jsonl"
SCORED_FORMS = frozenset({"name", "acronym", "metonym"})


def predictions(annotation: Annotation) -> list[dict[str, object]]:
    """Scored mentions of one article, typed by their actor."""
    return [
        {"start": m.start, "end": m.end, "type": actor.type, "text": m.text}
        for actor in annotation.actors
        for m in actor.mentions
        if m.form in SCORED_FORMS
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--pred", type=Path, default=Path("/tmp/quotewire-actors-pred.jsonl"))
    ap.add_argument("--errors", type=int, default=0, help="list up to N misses and false alarms")
    args = ap.parse_args()
    annotate_gold(args.gold, args.pred, lambda a: {"mentions": predictions(a)})
    run_scorer(
        "score_actors.py", args.gold, args.pred, *(["--errors", str(args.errors)] if args.errors else [])
    )


if __name__ == "__main__":
    main()
