"""Batch ingest end to end against bare spaCy on the same texts, measured in one run.

Usage: python -m benchmarks.ingest [TEXTS.jsonl] [--batch-size N]
Texts: the "text" field of each line (default: the 840 PolNeAR train texts beside the repo). Prints
articles per second for `nlp.pipe` of the model as shipped, for `quotewire ingest` into a fresh
SQLite file with one worker and with two (each a subprocess, as a user runs it, model loading
included), the ratio of one worker to bare spaCy (target >= 1.0) and of two workers to one (target
>= 1.6 on 2 cores).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import spacy

from app.cli import DEFAULT_BATCH_SIZE
from app.config import get_settings

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TEXTS = ROOT.parent / "shared" / "eval" / "data" / "polnear-train.jsonl"


def ingest_seconds(texts: Path, workers: int, batch_size: int, folder: Path) -> float:
    """Wall time of `quotewire ingest` of the texts into a fresh SQLite file."""
    database = folder / f"workers-{workers}.db"
    environment = {**os.environ, "QUOTEWIRE_DATABASE_URL": f"sqlite:///{database}"}
    command = ["ingest", "--quiet", "--workers", str(workers), "--batch-size", str(batch_size), str(texts)]
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", "from app.cli import main; main()", *command], env=environment, check=True
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("texts", nargs="?", type=Path, default=DEFAULT_TEXTS)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    args = parser.parse_args()
    with args.texts.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines if line.strip()]
    with tempfile.TemporaryDirectory() as folder:
        # Only the text field, so that ingest reads exactly the texts bare spaCy parses.
        only_texts = Path(folder) / "texts.jsonl"
        only_texts.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
        started = time.perf_counter()
        plain = spacy.load(get_settings().nlp_model)  # the model as shipped, loading included like ingest
        for _doc in plain.pipe(texts):
            pass
        bare = time.perf_counter() - started
        one = ingest_seconds(only_texts, 1, args.batch_size, Path(folder))
        two = ingest_seconds(only_texts, 2, args.batch_size, Path(folder))
    count = len(texts)
    print(f"texts {count}, batch size {args.batch_size}, cores {os.cpu_count()}")
    print(f"bare nlp.pipe         {count / bare:8.2f} articles/s  ({bare:.1f} s, model load included)")
    print(f"ingest, 1 worker      {count / one:8.2f} articles/s  ({one:.1f} s, end to end)")
    print(f"ingest, 2 workers     {count / two:8.2f} articles/s  ({two:.1f} s, end to end)")
    print(f"1 worker / bare       {bare / one:8.3f}   (target >= 1.0)")
    print(f"2 workers / 1 worker  {one / two:8.3f}   (target >= 1.6 on 2 cores)")


if __name__ == "__main__":
    main()
