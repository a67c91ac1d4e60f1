"""Annotation time by input family: ordinary news against texts built to be slow.

Usage: python -m benchmarks.robustness [--chars N]
Each family is a text of N and of 4N characters (default N = 10,000; the largest article allowed is
200,000). Prints, per family, seconds per 10k characters at both sizes, how time grew from N to 4N
(4.0 is linear), and that family's cost against ordinary news; ends with the worst of each.
Ordinary news is the seed article repeated. All figures come from one run: compare the ratios,
not the seconds, across machines. Last, the peak memory of annotating the largest article allowed
(MAX_TEXT_CHARS of news), in a fresh process: its peak RSS after loading the model, and after the
article.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import time
from collections.abc import Callable
from pathlib import Path

from app.config import get_settings
from app.nlp import Annotator
from app.schemas import MAX_TEXT_CHARS

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


ROUNDS = 2  # the best of these counts: the machines are shared and noisy


def seconds(annotator: Annotator, text: str) -> float:
    """The best time of ROUNDS annotations of the text."""
    timings = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        annotator.annotate(text)
        timings.append(time.perf_counter() - started)
    return min(timings)


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _current_rss_mib() -> float:
    resident_pages = int(Path("/proc/self/statm").read_text().split()[1])
    return resident_pages * resource.getpagesize() / 2**20


def _largest_article_peaks(model: str, result: multiprocessing.SimpleQueue[tuple[float, float]]) -> None:
    annotator = Annotator(model)
    annotator.annotate(_news(2_000))
    loaded = _current_rss_mib()
    annotator.annotate(_news(MAX_TEXT_CHARS))
    result.put((loaded, _peak_rss_mib()))


def largest_article_peaks(model: str) -> tuple[float, float]:
    """RSS (MiB) of a fresh process once the model is loaded and warm, and its peak RSS after
    annotating the largest article."""
    context = multiprocessing.get_context("spawn")
    result: multiprocessing.SimpleQueue[tuple[float, float]] = context.SimpleQueue()
    process = context.Process(target=_largest_article_peaks, args=(model, result))
    process.start()
    process.join()
    return result.get()


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
    loaded, peak = largest_article_peaks(get_settings().nlp_model)
    print(
        f"largest article ({MAX_TEXT_CHARS:,} characters): RSS {loaded:.0f} MiB with the model loaded, "
        f"peak {peak:.0f} MiB annotating it (+{peak - loaded:.0f} MiB)"
    )


if __name__ == "__main__":
    main()
