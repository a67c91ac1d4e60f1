"""Batch ingest end to end against bare spaCy on the same texts, measured in one run.

Usage: python -m benchmarks.ingest [TEXTS.jsonl] [--batch-size N]
Texts: the "text" field of each line (default: the 840 PolNeAR train texts beside the repo). Prints
articles per second for `nlp.pipe` of the model as shipped, for `quotewire ingest` into a fresh
SQLite file with no worker (annotating between stores, one core), one worker and two (each run a
subprocess, as a user runs it, model loading included), the ratio of one worker to bare spaCy
(target >= 1.0) and of two workers to one (target >= 1.6 on 2 cores), and each run's CPU seconds:
one worker overlaps annotating with storing on a second core, so its wall ratio and its CPU ratio
differ, and both are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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


def _cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def ingest_seconds(texts: Path, workers: int, batch_size: int, folder: Path) -> tuple[float, float]:
    """Wall and CPU time (all its processes) of `quotewire ingest` of the texts into a fresh SQLite
    file."""
    database = folder / f"workers-{workers}.db"
    environment = {**os.environ, "QUOTEWIRE_DATABASE_URL": f"sqlite:///{database}"}
    command = ["ingest", "--quiet", "--workers", str(workers), "--batch-size", str(batch_size), str(texts)]
    cpu_before = _cpu_seconds(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", "from app.cli import main; main()", *command], env=environment, check=True
    )
    return time.perf_counter() - started, _cpu_seconds(resource.RUSAGE_CHILDREN) - cpu_before


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
        cpu_before = _cpu_seconds(resource.RUSAGE_SELF)
        plain = spacy.load(get_settings().nlp_model)  # the model as shipped, loading included like ingest
        for _doc in plain.pipe(texts):
            pass
        bare, bare_cpu = time.perf_counter() - started, _cpu_seconds(resource.RUSAGE_SELF) - cpu_before
        runs = {
            workers: ingest_seconds(only_texts, workers, args.batch_size, Path(folder))
            for workers in (0, 1, 2)
        }
    count = len(texts)
    print(f"texts {count}, batch size {args.batch_size}, cores {os.cpu_count()}")
    print(
        f"bare nlp.pipe         {count / bare:8.2f} articles/s  "
        f"({bare:.1f} s, {bare_cpu:.1f} s CPU, model load included)"
    )
    for workers, (wall, cpu) in runs.items():
        label = f"ingest, {workers} worker{'' if workers == 1 else 's'}"
        print(f"{label:21} {count / wall:8.2f} articles/s  ({wall:.1f} s, {cpu:.1f} s CPU, end to end)")
    one, two = runs[1][0], runs[2][0]
    print(
        f"1 worker / bare       {bare / one:8.3f}   "
        f"(target >= 1.0; by CPU seconds {bare_cpu / runs[1][1]:.3f})"
    )
    print(f"0 workers / bare      {bare / runs[0][0]:8.3f}   (annotating and storing in turn, one core)")
    print(f"2 workers / 1 worker  {one / two:8.3f}   (target >= 1.6 on 2 cores)")


if __name__ == "__main__":
    main()
