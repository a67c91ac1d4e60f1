"""Annotator throughput against bare spaCy parsing of the same texts, measured in one run.

Usage: python -m benchmarks.annotate [TEXTS.jsonl] [--rounds N]
Texts: the "text" field of each line of a JSONL file (default: the PolNeAR dev split beside the
repo, else the seed article repeated). Prints words per second for `nlp.pipe` of the model as
shipped and for the full annotator (paragraph-aware parse + actor and quote layers), and their
ratio; target ratio >= 0.85.
Rounds alternate between the two so that machine noise hits both alike; the best round counts.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from app.config import get_settings
from app.nlp import Annotator

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TEXTS = ROOT.parent / "shared" / "eval" / "data" / "polnear-dev.jsonl"
SEED = ROOT / "seeds" / "reuters-russia-venezuela.txt"


def load_texts(path: Path | None) -> list[str]:
    source = path or (DEFAULT_TEXTS if DEFAULT_TEXTS.exists() else None)
    if source is None:
        return [SEED.read_text(encoding="utf-8")] * 50
    with source.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines if line.strip()]


def timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("texts", nargs="?", type=Path, help="JSONL file with a 'text' field per line")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    texts = load_texts(args.texts)
    words = sum(len(t.split()) for t in texts)
    annotator = Annotator(get_settings().nlp_model)
    plain = spacy.load(get_settings().nlp_model)  # the model as shipped, without our components
    annotator.annotate(texts[0])  # warm-up: first call pays for lazy initialisation
    plain(texts[0])

    def bare() -> object:
        return [len(doc) for doc in plain.pipe(texts, batch_size=16)]

    def full() -> object:
        return [len(a.quotes) for a in annotator.annotate_many(texts, batch_size=16)]

    bare_times: list[float] = []
    full_times: list[float] = []
    for _ in range(args.rounds):
        bare_times.append(timed(bare))
        full_times.append(timed(full))
    bare_wps, full_wps = words / min(bare_times), words / min(full_times)
    print(f"texts {len(texts)}, words {words}, rounds {args.rounds} (best of each)")
    print(f"nlp.pipe only     {bare_wps:10.0f} words/s")
    print(f"full annotator    {full_wps:10.0f} words/s")
    print(f"ratio             {full_wps / bare_wps:10.3f}   (target >= 0.85)")


if __name__ == "__main__":
    main()
