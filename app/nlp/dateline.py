"""Datelines: the "CITY, Region, Month Day (Agency) —" prefix that opens a wire story.

Why: the dateline names where the story was filed, not anyone who acts in it. The parser often
reads its capitalised place as the subject of the first sentence ("OSLO ... said"), so the
actor and quote layers need to know exactly which characters are dateline and nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A dateline opens one of the first lines (a headline or byline may come before it).
DATELINE_MAX_LINE = 3
# A dateline's place is at most this many words ("PORT OF SPAIN", "SALT LAKE CITY").
PLACE_MAX_WORDS = 4

_WORD = r"[^\W\d_][\w'\u2019.\-]*"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    rf"(?P<place>{_WORD}(?: {_WORD}){{0,{PLACE_MAX_WORDS - 1}}})"
    rf"(?:\s?, (?!{_MONTH} \d)(?P<region>[A-Z][\w.'\u2019]*(?: [A-Z][\w.'\u2019]*){{0,2}}))?"
    rf"(?P<date>(?:\s?,)? (?:{_MONTH} \d{{1,2}}|\d{{4}}-\d{{2}}-\d{{2}}))?"
    r"(?P<agency> \([A-Z][\w .&\-]{0,30}\))?"
    r"(?P<dash>\s*[\u2014\u2013\-]{1,2})?"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """Character offsets of a dateline and of its place."""

    start: int
    end: int
    place: tuple[int, int]


def _lines(text: str) -> list[tuple[int, str]]:
    """The first non-empty lines of the text with their start offsets."""
    found: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            found.append((offset, line))
            if len(found) == DATELINE_MAX_LINE:
                break
        offset += len(line) + 1
    return found


def _match(line: str) -> re.Match[str] | None:
    """A dateline at the start of the line: a place in capitals, closed by a dash or a date alone."""
    indent = len(line) - len(line.lstrip())
    match = _DATELINE.match(line, indent)
    if match is None or not match.group("place").isupper():
        return None
    rest = line[match.end() :].strip()
    if match.group("dash"):
        # After the dash the story goes on in ordinary case; a capitals run is a headline.
        return match if rest and not rest.isupper() else None
    return match if match.group("date") and not rest else None


def find_dateline(text: str) -> Dateline | None:
    """The dateline of an article, or None when no early line opens with one."""
    for offset, line in _lines(text):
        match = _match(line)
        if match is None:
            continue
        return Dateline(
            start=offset + match.start(),
            end=offset + match.end(),
            place=(offset + match.start("place"), offset + match.end("place")),
        )
    return None


def dateline_span(text: str) -> tuple[int, int] | None:
    """(start, end) of the dateline, dash included, so speaker search can skip it."""
    dateline = find_dateline(text)
    return None if dateline is None else (dateline.start, dateline.end)
