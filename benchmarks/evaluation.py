"""Shared steps of the eval scripts: annotate a gold JSONL, write predictions, run its scorer."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from app.config import get_settings
from app.nlp import Annotation, Annotator

EVAL_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval"


def annotate_gold(gold: Path, predictions: Path, predict: Callable[[Annotation], dict[str, object]]) -> None:
    """Annotate every article of `gold` and write `{"id", **predict(annotation)}` lines."""
    with gold.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    annotator = Annotator(get_settings().nlp_model)
    began = time.perf_counter()
    with predictions.open("w", encoding="utf-8") as out:
        annotations = annotator.annotate_many(r["text"] for r in records)
        for record, annotation in zip(records, annotations, strict=True):
            out.write(json.dumps({"id": record["id"], **predict(annotation)}) + "\n")
    print(f"annotated {len(records)} articles in {time.perf_counter() - began:.1f}s", file=sys.stderr)


def run_scorer(scorer: str, gold: Path, predictions: Path, *options: str) -> None:
    subprocess.run(
        [sys.executable, str(EVAL_DIR / scorer), str(gold), str(predictions), *options], check=True
    )
