"""Quotation-mark scanning: finds quoted segments in raw text, one linear pass per paragraph.

Working on characters rather than tokens keeps it independent of how the tokenizer splits
marks, and lets unbalanced marks fail locally (the segment is dropped, the article goes on).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PARAGRAPH_BREAK = re.compile(r"\n\s*\n|(?<=[.?!:\"\u201d\u2019)])[ \t]*\n")
# (opening, closing) mark pairs, longest first so `` and '' win over ` and '.
DOUBLE_OPEN = ("``", "\u201c", "\u201e", "\u00ab", '"')
# Closing marks of each opener: the same typographic style first, a mixed-style close as fallback
# (so an outer straight quote is not closed by a curly one nested inside it).
DOUBLE_CLOSE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "``": (("''",), ('"', "\u201d")),
    "\u201c": (("\u201d",), ('"', "\u201c")),
    "\u201e": (("\u201c", "\u201d"), ()),
    "\u00ab": (("\u00bb",), ()),
    '"': (('"',), ("\u201d",)),
}
SINGLE_OPEN = ("\u2018", "'")
SINGLE_CLOSE = ("\u2019", "'")
CLOSE_CHARS = frozenset("'\u201d\u201c\u00bb\"")
NESTED_OPEN = frozenset('\u201c"')
MARK_CHARS = frozenset("`\u201c\u201e\u00ab\"\u2018'")  # first characters of every opening mark
OPEN_BEFORE = set(" \t\n([{\u2014\u2013-:;,/")  # what may precede an opening mark
CLOSE_AFTER = set(" \t\n)]}.,;:!?\u2014\u2013-/")  # what may follow a closing mark


@dataclass(frozen=True, slots=True)
class Segment:
    """A quoted stretch: `start`/`end` include the marks; `continued` links multi-paragraph quotes."""

    start: int
    end: int
    double: bool = True
    continues: bool = False  # this segment continues an unclosed quote from the previous paragraph


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, excluding the blank-line separators."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in PARAGRAPH_BREAK.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def _can_open(text: str, i: int, mark: str) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if mark == "\u00ab":  # guillemets are unambiguous and often spaced: « like this »
        return True
    if after.isspace():
        return False
    if mark in ("'", '"', "\u2018"):  # ambiguous marks open only after a space or opening punctuation
        return before in OPEN_BEFORE or before.isspace() or before in '\u201c"' or i == 0
    return True


def _can_close(text: str, i: int, mark: str) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if before.isspace() and mark not in ("\u201d", "\u00bb"):
        # "... the label 'city rich,' " she said: a space may part an inner close from the outer
        return mark == '"' and i >= 2 and text[i - 2] in "'\u2019" and not after.isalnum()
    if mark in ("'", "\u2019"):  # apostrophes: don't, Jones' — close only before a boundary
        return after in CLOSE_AFTER or after in '\u201d"' or not after.isalnum()
    return after in CLOSE_AFTER or not after.isalnum() or mark in ("\u201d", "\u00bb", "''")


def _find_close(text: str, i: int, end: int, closers: tuple[str, ...]) -> tuple[int, int] | None:
    """Earliest closing mark in text[i:end] that can close, as (position, length)."""
    j = i
    while j < end:
        for mark in closers:
            if text.startswith(mark, j) and _can_close(text, j, mark):
                return j, len(mark)
        j += 1
    return None


def _close_double(text: str, i: int, end: int, opener: str) -> tuple[int, int] | None:
    """The mark closing `opener`: the first closer of either style, except that a quotation
    nested in the other style (“... "no" ...” or "... “no” ...") is skipped as a whole."""
    primary, fallback = DOUBLE_CLOSE[opener]
    closers = primary + fallback
    j = i
    while j < end:
        ch = text[j]
        if ch in CLOSE_CHARS:
            for mark in closers:
                if text.startswith(mark, j) and _can_close(text, j, mark):
                    return j, len(mark)
        if ch in NESTED_OPEN and ch != opener and _can_open(text, j, ch):
            inner = _find_close(text, j + 1, end, DOUBLE_CLOSE[ch][0])
            if inner is not None:
                j = inner[0] + inner[1]
                continue
        j += 1
    return None


def _scan_paragraph(text: str, start: int, end: int, carry: str | None) -> tuple[list[Segment], str | None]:
    """Segments of one paragraph; `carry` is the opener of a quote left open by the previous one."""
    found: list[Segment] = []
    i = start
    if carry is not None:
        # A multi-paragraph quote continues only when this paragraph reopens with a mark.
        opener = next((m for m in DOUBLE_OPEN if text.startswith(m, i)), None)
        if opener is None:
            carry = None
        else:
            close = _close_double(text, i + len(opener), end, opener)
            if close is None:
                return [Segment(i, end, True, True)], opener
            found.append(Segment(i, close[0] + close[1], True, True))
            i = close[0] + close[1]
            carry = None
    while i < end:
        ch = text[i]
        if ch not in MARK_CHARS:
            i += 1
            continue
        opener = next((m for m in DOUBLE_OPEN if text.startswith(m, i)), None)
        if opener is not None and _can_open(text, i, opener):
            close = _close_double(text, i + len(opener), end, opener)
            if close is not None:
                found.append(Segment(i, close[0] + close[1], True))
                i = close[0] + close[1]
                continue
            if i == start or not text[start:i].strip(" \t"):
                # Unclosed at paragraph start: a quotation running on into the next paragraph.
                found.append(Segment(i, end, True))
                return found, opener
            i += len(opener)
            continue
        if ch in SINGLE_OPEN and _can_open(text, i, ch):
            close = _find_close(text, i + 1, end, SINGLE_CLOSE)
            if close is not None and close[0] - i > 2:
                found.append(Segment(i, close[0] + close[1], False))
                i = close[0] + close[1]
                continue
        i += 1
    return found, None


def scan(text: str) -> list[Segment]:
    """All quoted segments of `text`, in order; never raises on unbalanced marks."""
    segments: list[Segment] = []
    carry: str | None = None
    for start, end in paragraphs(text):
        found, carry = _scan_paragraph(text, start, end, carry)
        segments.extend(found)
    return segments
