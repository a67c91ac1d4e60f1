"""Annotation time by input family: ordinary news against texts built to be slow.

Usage: python -m benchmarks.robustness [--chars N]
Each family is a text of N and of 4N characters (default N = 10,000; the largest article allowed is
200,000). Prints, per family, seconds per 10k characters at both sizes, how time grew from N to 4N
(4.0 is linear), and that family's cost against ordinary news; ends with the worst of each.
Ordinary news is the seed article repeated. All figures come from one run: compare the ratios,
not the seconds, across machines.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from app.config import get_settings
from app.nlp import Annotator

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "reuters-russia-venezuela.txt"
GROWTH = 4
PER_CHARS = 10_000


def _repeat(unit: str) -> Callable[[int], str]:
    def build(chars: int) -> str:
        return (unit * (chars // len(unit) + 1))[:chars]

    return build


def _news(chars: int) -> str:
    return _repeat(SEED.read_text(encoding="utf-8") + "\n\n")(chars)


FAMILIES: dict[str, Callable[[int], str]] = {
    "ordinary news": _news,
    "run of '('": _repeat("("),
    "run of '$'": _repeat("$"),
    "run of '“'": _repeat("“"),
    "one long token": _repeat("x"),
    "spaced quote marks": _repeat("“ "),
    "spaced '!'": _repeat("! "),
    "short quotations": _repeat("“Yes,” she said. "),
    "unbalanced quotations": _repeat("“Yes, she said "),
    "one-line paragraphs": _repeat("Yes.\n\n"),
    "sentence without end": _repeat("word "),
    "emoji and joiners": _repeat("👩\u200d👩\u200d👧 "),
    "combining marks": _repeat("e\u0301\u0302\u0303 "),
}


def seconds(annotator: Annotator, text: str) -> float:
    started = time.perf_counter()
    annotator.annotate(text)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--chars", type=int, default=PER_CHARS, help="size of the smaller text")
    args = parser.parse_args()
    annotator = Annotator(get_settings().nlp_model)
    annotator.annotate(_news(2_000))  # warm-up: the first call pays for lazy initialisation
    small, large = args.chars, args.chars * GROWTH
    sizes = f"{'s/10k @' + str(small):>12} {'s/10k @' + str(large):>12}"
    print(f"{'family':24} {sizes} {'growth':>7} {'× news':>7}")
    news_rate = 0.0
    worst_growth = ("", 0.0)
    worst_ratio = ("", 0.0)
    for name, build in FAMILIES.items():
        small_s = seconds(annotator, build(small))
        large_s = seconds(annotator, build(large))
        rate = large_s / large * PER_CHARS
        news_rate = news_rate or rate
        growth = large_s / small_s
        ratio = rate / news_rate
        print(f"{name:24} {small_s / small * PER_CHARS:12.3f} {rate:12.3f} {growth:7.2f} {ratio:7.2f}")
        worst_growth = max(worst_growth, (name, growth), key=lambda item: item[1])
        worst_ratio = max(worst_ratio, (name, ratio), key=lambda item: item[1])
    print(
        f"worst growth {small}→{large} chars: {worst_growth[1]:.2f} ({worst_growth[0]}; linear is {GROWTH})"
    )
    print(f"worst cost against ordinary news: {worst_ratio[1]:.2f}× ({worst_ratio[0]})")


if __name__ == "__main__":
    main()
