"""One read-only view of a parsed document for the quote rules: quotations, paragraphs, lookups.

Built once per document, so every rule asks the same questions of the same data and no rule can
change what the next one sees. Offsets are character positions, token positions are indices.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from app.nlp.annotations import QuoteKind
from app.nlp.cues import POSSESSIVE_ENDINGS, TIME_ENTITY_TYPES, TITLE_SMALL_WORDS
from app.nlp.dateline import dateline_span
from app.nlp.doc_text import text_of
from app.nlp.quote_marks import Segment, paragraphs, scan

Span = tuple[int, int]

TITLE_MAX_WORDS = 6  # "on “Meet the Press”": longer title-case quotations are speech
TITLE_LOOKBACK_CHARS = 30  # how far back to find the word before a title
MODIFIER_MAX_WORDS = 3  # a “supermax” prison: longer lower-case quotations are speech
TITLE_STRIP = "\"'\u201c\u201d\u2018\u2019`\u00ab\u00bb ,.!?"  # marks and punctuation around a title
CHANT_MARK = "!"  # "USA! USA!" is chanted, not a title
SPAN_STRIP = " \t\n,.;:"  # a span of nothing but these is no content
LEAD_IN_BREAKS = (":", ";", "\n")  # the words before a quotation start after the last of these
CLAUSE_POS = frozenset({"VERB", "AUX"})
SPEECH_MIN_WORDS = 4  # a quotation this long is someone's speech rather than a scare quote


class QuoteContext:
    """The document, its quoted segments (titles and noun labels left out) and its paragraphs."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self._token_starts = [t.idx for t in doc]
        self.segments: tuple[Segment, ...] = tuple(
            s for s in scan(self.text) if not self._is_title(s) and not self._is_modifier(s)
        )
        self._segment_starts = [s.start for s in self.segments]
        self.paragraphs: tuple[Span, ...] = tuple(paragraphs(self.text))
        self._paragraph_starts = [p[0] for p in self.paragraphs]
        self.dateline = dateline_span(self.text)

    def without_dateline(self, spans: list[Span]) -> list[Span]:
        """Reported words never include the dateline ("OSLO (Reuters) - Norway will ..., X said")."""
        if self.dateline is None:
            return spans
        first, end = self.dateline
        out: list[Span] = []
        for start, stop in spans:
            if first <= start < end:
                start = end + len(self.text[end:stop]) - len(self.text[end:stop].lstrip(SPAN_STRIP))
            if start < stop:
                out.append((start, stop))
        return out

    def _is_title(self, seg: Segment) -> bool:
        """A short title-case quotation inside a sentence names a work or show ("on “Meet the Press”")."""
        inner = self.text[seg.start : seg.end].strip(TITLE_STRIP)
        words = inner.split()
        if (
            not 1 <= len(words) <= TITLE_MAX_WORDS
            or seg.continues
            or CHANT_MARK in self.text[seg.start : seg.end]
        ):
            return False
        if not all(w[:1].isupper() or w.lower() in TITLE_SMALL_WORDS or not w[:1].isalpha() for w in words):
            return False
        before = self.text[max(0, seg.start - TITLE_LOOKBACK_CHARS) : seg.start].rstrip()
        last = before.split()[-1] if before.split() else ""
        return (
            bool(last) and last[-1:].isalpha() and (last[:1].islower() or last.endswith(POSSESSIVE_ENDINGS))
        )

    def _is_modifier(self, seg: Segment) -> bool:
        """A short lower-case quotation modifying the noun after it (a “supermax” prison) is a label."""
        inner = self.text[seg.start + 1 : seg.end - 1].strip()
        if (
            seg.continues
            or not inner[:1].islower()
            or len(inner.split()) > MODIFIER_MAX_WORDS
            or not inner[-1:].isalpha()
        ):
            return False
        doc = self.doc
        after = self.token_at(seg.end) + 1 if seg.end < len(self.text) else len(doc)
        while after < len(doc) and doc[after].idx < seg.end:
            after += 1
        return (
            after < len(doc)
            and doc[after].pos_ == "NOUN"
            and doc[after].ent_type_ not in TIME_ENTITY_TYPES
            and self.text[seg.end : doc[after].idx].strip() == ""
        )

    # --- lookups ---------------------------------------------------------------------------------
    def _last_starting(self, pos: int) -> int:
        """Index of the last quoted segment starting at or before `pos` (-1 when none does)."""
        return bisect.bisect_right(self._segment_starts, pos) - 1

    def segment_before(self, pos: int) -> int | None:
        """Index of the last quoted segment starting at or before `pos`, wherever it ends."""
        k = self._last_starting(pos)
        return k if k >= 0 else None

    def segment_at(self, pos: int) -> int | None:
        """Index of the quoted segment holding character `pos`, if any."""
        k = self.segment_before(pos)
        if k is not None and pos < self.segments[k].end:
            return k
        return None

    def quoted(self, start: int, end: int) -> bool:
        """Whether any quoted segment overlaps text[start:end]."""
        k = self.segment_before(end - 1)
        return k is not None and self.segments[k].end > start

    def para_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._paragraph_starts, pos) - 1)

    def paragraph(self, pos: int) -> Span:
        """(start, end) of the paragraph holding `pos`."""
        return self.paragraphs[self.para_of(pos)]

    def token_at(self, pos: int) -> int:
        """Index of the token holding (or last starting before) character `pos`."""
        return max(0, bisect.bisect_right(self._token_starts, pos) - 1)

    def group(self, k: int) -> list[int]:
        """A segment plus the paragraphs it runs on into (multi-paragraph quotation)."""
        lo = k
        while lo > 0 and self.segments[lo].continues:
            lo -= 1
        hi = k
        while hi + 1 < len(self.segments) and self.segments[hi + 1].continues:
            hi += 1
        return list(range(lo, hi + 1))

    # --- spans -----------------------------------------------------------------------------------
    def token_spans(self, indices: list[int]) -> list[Span]:
        """Contiguous runs of token indices as character spans (never across paragraphs)."""
        spans: list[Span] = []
        doc = self.doc
        run_start = prev = -2
        for i in indices:
            if doc[i].is_space:
                continue
            if i != prev + 1 or "\n" in doc[prev].whitespace_:
                if run_start >= 0:
                    spans.append((doc[run_start].idx, doc[prev].idx + len(doc[prev])))
                run_start = i
            prev = i
        if run_start >= 0:
            spans.append((doc[run_start].idx, doc[prev].idx + len(doc[prev])))
        return [(s, e) for s, e in spans if self.text[s:e].strip(SPAN_STRIP)]

    def widen(self, spans: list[Span]) -> tuple[list[Span], list[int]]:
        """Stretch content over every quoted segment it touches, so quotations are never cut;
        returns the spans and the indices of the segments they now hold."""
        segs: list[int] = []
        out: list[Span] = []
        for s, e in spans:
            touched: list[int] = []
            k = self._last_starting(e - 1)
            while k >= 0 and self.segments[k].end > s:
                touched.append(k)
                k -= 1
            for t in sorted(touched):
                for g in self.group(t):
                    if g not in segs:
                        segs.append(g)
                seg = self.segments[t]
                if self.para_of(seg.start) == self.para_of(s):
                    s, e = min(s, seg.start), max(e, seg.end)
            out.append((s, e))
        for g in segs:  # run-on paragraphs of a multi-paragraph quotation join as their own spans
            seg = self.segments[g]
            if not any(a <= seg.start < b for a, b in out):
                out.append((seg.start, seg.end))
        out.sort()
        merged: list[Span] = []
        for s, e in out:
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
            else:
                merged.append((s, e))
        return merged, sorted(segs)

    def kind(self, spans: list[Span] | tuple[Span, ...], segs: list[int] | tuple[int, ...]) -> QuoteKind:
        """Direct when the spans are all quotation, mixed when words outside marks remain."""
        if not segs:
            return "indirect"
        rest = list(spans)
        for g in segs:
            seg = self.segments[g]
            rest = [
                piece
                for s, e in rest
                for piece in ((s, min(e, seg.start)), (max(s, seg.end), e))
                if piece[0] < piece[1]
            ]
        leftover = "".join(self.text[s:e] for s, e in rest)
        return "mixed" if any(ch.isalnum() for ch in leftover) else "direct"

    def lead_in(self, seg: Segment) -> int:
        """Start of the reported words: a quotation inside a sentence ("Soon, he “...,” X said")
        carries the sentence's words before it, back to the sentence start or a colon."""
        i = self.token_at(seg.start)
        start = max(self.doc[i].sent.start_char, self.paragraph(seg.start)[0])
        lead = self.text[start : seg.start]
        cut = max(lead.rfind(mark) for mark in LEAD_IN_BREAKS)
        if cut >= 0:
            start += cut + 1
        while start < seg.start and self.text[start].isspace():
            start += 1
        if self.segment_at(start) is not None and start < seg.start:
            return seg.start
        if any(t.pos_ in CLAUSE_POS for t in self.doc[self.token_at(start) : i]):
            return seg.start  # a clause of the writer's own ("Clinton talked up her “...”")
        return start
