"""Quotes: who said what, from reporting frames in the parse and quotation marks in the text.

Frames (cue + source + content clause) give indirect and mixed quotes; quoted segments that no
frame covers look for a cue right next to them, then for the previous speaker (a paragraph of
pure quotation continues the last quote); what is left is a scare quote or a title and is dropped.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from app.nlp.annotations import Actor, Quote, QuoteKind, Speaker, TextSpan
from app.nlp.cues import DOCUMENT_NOUNS, FRAME_VERBS, ORG_NOUNS, PERSON_NOUNS, WEAK_VERBS
from app.nlp.quote_frames import RELATIVES, Frame, find_frames, subject_of
from app.nlp.quote_marks import Segment, paragraphs, scan
from app.nlp.quote_speaker import SpeakerResolver

log = logging.getLogger(__name__)

NEAR_TOKENS = 8  # a cue at most this many tokens before an opening mark introduces it
FAR_SOURCE_TOKENS = 20  # a later cue still counts when its subject starts right after the quotation
MAX_INTERRUPTION = 300  # characters between two parts of one quotation ("," said X, a ... of Y. ")
SPEAKER_POS = frozenset({"PROPN", "NOUN", "PRON"})
TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by"}
)
CLOSING_MARKS = "\"'\u201d\u2019\u00bb "
LABEL_BOUNDARIES = frozenset({"-", "\u2014", "\u2013", "--", ".", "|"})
# Paragraph labels before a colon that name a section, not a source.
NOT_SOURCES = frozenset(
    {
        "update",
        "note",
        "editor's note",
        "photo",
        "video",
        "watch",
        "read",
        "related",
        "breaking",
        "exclusive",
        "analysis",
        "opinion",
        "live",
        "q",
        "a",
        "correction",
        "clarification",
        "background",
        "context",
        "listen",
        "see also",
        "more",
    }
)


@dataclass(slots=True)
class _Draft:
    spans: list[tuple[int, int]]
    cue: tuple[int, int] | None
    source: Token | None
    segments: list[int] = field(default_factory=list)  # indices of quoted segments in the content
    continues: bool = False  # no cue of its own: continues the previous quote's speaker
    lead_in: bool = False  # cue after the quotation: the sentence's words before it belong to it


def can_speak(token: Token) -> bool:
    """A person, a group, an organisation or a text they wrote: something whose words can be quoted."""
    if token.pos_ == "PRON":
        return token.lower_ in ("he", "she", "they", "we", "i", "you", "it")
    if token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    lemma = token.lemma_.lower()
    return lemma in PERSON_NOUNS or lemma in ORG_NOUNS or lemma in DOCUMENT_NOUNS


def find_quotes(doc: Doc, actors: list[Actor]) -> list[Quote]:
    """All quotes of `doc`, sorted by start; an internal failure yields [] rather than an error."""
    if not doc.text.strip():
        return []
    try:
        return _QuoteFinder(doc, actors).run()
    except Exception:  # the article must still be stored with its actors; the log tells us why
        log.exception("quote extraction failed on a %d-character text", len(doc.text))
        return []


class _QuoteFinder:
    def __init__(self, doc: Doc, actors: list[Actor]) -> None:
        self.doc = doc
        self.text = doc.text
        self.actors = actors
        self.tok_starts = [t.idx for t in doc]
        self.segments: list[Segment] = [
            s for s in scan(self.text) if not self.is_title(s) and not self.is_modifier(s)
        ]
        self.seg_starts = [s.start for s in self.segments]
        self.paras = paragraphs(self.text)
        self.para_starts = [p[0] for p in self.paras]

    def is_title(self, seg: Segment) -> bool:
        """A short title-case quotation inside a sentence names a work or show ("on “Meet the Press”")."""
        inner = self.text[seg.start : seg.end].strip("\"'\u201c\u201d\u2018\u2019`\u00ab\u00bb ,.!?")
        words = inner.split()
        if not 1 <= len(words) <= 6 or seg.continues or "!" in self.text[seg.start : seg.end]:
            return False  # "USA! USA!" is chanted, not a title
        if not all(w[:1].isupper() or w.lower() in TITLE_SMALL_WORDS or not w[:1].isalpha() for w in words):
            return False
        before = self.text[max(0, seg.start - 30) : seg.start].rstrip()
        last = before.split()[-1] if before.split() else ""
        return bool(last) and last[-1:].isalpha() and (last[:1].islower() or last.endswith(("'s", "\u2019s")))

    def is_modifier(self, seg: Segment) -> bool:
        """A short lower-case quotation modifying the noun after it (a “supermax” prison) is a label."""
        inner = self.text[seg.start + 1 : seg.end - 1].strip()
        if seg.continues or not inner[:1].islower() or len(inner.split()) > 3 or not inner[-1:].isalpha():
            return False
        after = self.token_at(seg.end) + 1 if seg.end < len(self.text) else len(self.doc)
        while after < len(self.doc) and self.doc[after].idx < seg.end:
            after += 1
        return (
            after < len(self.doc)
            and self.doc[after].pos_ == "NOUN"
            and self.doc[after].ent_type_ not in ("DATE", "TIME")
            and self.text[seg.end : self.doc[after].idx].strip() == ""
        )

    # --- lookups -------------------------------------------------------------------------------
    def segment_at(self, pos: int) -> int | None:
        k = bisect.bisect_right(self.seg_starts, pos) - 1
        if k >= 0 and self.segments[k].start <= pos < self.segments[k].end:
            return k
        return None

    def para_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def token_at(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.tok_starts, pos) - 1)

    def group(self, k: int) -> list[int]:
        """A segment plus the paragraphs it runs on into (multi-paragraph quotation)."""
        lo = k
        while lo > 0 and self.segments[lo].continues:
            lo -= 1
        hi = k
        while hi + 1 < len(self.segments) and self.segments[hi + 1].continues:
            hi += 1
        return list(range(lo, hi + 1))

    # --- pipeline ------------------------------------------------------------------------------
    def run(self) -> list[Quote]:
        drafts = self.from_frames(find_frames(self.doc))
        drafts += self.from_labels({k for d in drafts for k in d.segments}, drafts)
        claimed = {k for d in drafts for k in d.segments}
        drafts += self.from_segments(claimed, drafts)
        drafts = self.join_interrupted(drafts)
        for d in drafts:
            if d.lead_in:
                first = self.segments[d.segments[0]]
                d.spans[0] = (self.lead_in(first), d.spans[0][1])
        drafts.sort(key=lambda d: d.spans[0][0])
        drafts = self.absorb_continuations(drafts)
        return self.finish(drafts)

    def from_frames(self, frames: list[Frame]) -> list[_Draft]:
        drafts: list[_Draft] = []
        seen: set[tuple[tuple[int, int], ...]] = set()
        by_noun = {f.cue_token.i: f for f in frames if f.cue_token.pos_ == "NOUN"}
        merged_nouns: set[int] = set()
        for frame in frames:
            if frame.source is not None and frame.source.i in by_noun and frame.cue_token.pos_ == "VERB":
                # "The U.S. assessment that A suggests B": one stance, held by the assessment's owner.
                noun = by_noun[frame.source.i]
                frame.content = sorted(set(frame.content) | set(noun.content))
                frame.source = noun.source
                merged_nouns.add(noun.cue_token.i)
        for frame in frames:
            if frame.cue_token.i in merged_nouns or self.segment_at(frame.cue_start) is not None:
                continue  # a cue inside quoted words is part of someone's quote, not a new one
            para = self.para_of(frame.cue_start)
            if frame.source is None and frame.cue_token.pos_ == "VERB":
                self.invert_source(frame, para)
            if frame.source is None and frame.cue_token.pos_ == "VERB":
                frame.source = self.subject_before(frame.cue_token)
            spans = [sp for sp in self.token_spans(frame.content) if self.para_of(sp[0]) == para]
            spans = self.drop_unquoted_tail(spans, frame.cue_start)
            spans = self.before_next_cue(spans, frame.cue_token)
            spans, segs = self.widen(spans)
            if not spans:
                continue
            lemma = frame.cue_token.lemma_.lower()
            if frame.source is None and not segs:
                continue
            if lemma in WEAK_VERBS and not segs and not self.has_clause(frame):
                continue
            key = tuple(spans)
            if key in seen:
                continue
            seen.add(key)
            draft = _Draft(spans, (frame.cue_start, frame.cue_end), frame.source, segs)
            draft.lead_in = (
                bool(segs) and frame.cue_start >= spans[-1][1] and self.kind(spans, segs) == "direct"
            )
            drafts.append(draft)
        return drafts

    def drop_unquoted_tail(self, spans: list[tuple[int, int]], cue: int) -> list[tuple[int, int]]:
        """ "“A,” Smith said, as the crowd left": after a quotation and its cue, unquoted words are
        the writer's scene-setting, not more of what was said."""
        if not any(e <= cue and self.quoted(s, e) for s, e in spans):
            return spans
        return [(s, e) for s, e in spans if e <= cue or self.quoted(s, e)]

    def before_next_cue(self, spans: list[tuple[int, int]], cue: Token) -> list[tuple[int, int]]:
        """ "“A,” X said, adding of Y, “B.”": B belongs to "adding", a second attribution."""
        kept: list[tuple[int, int]] = []
        for start, end in spans:
            if start > cue.idx and any(self.cue_verb(t) for t in self.doc[cue.i + 1 : self.token_at(start)]):
                break
            kept.append((start, end))
        return kept

    def quoted(self, start: int, end: int) -> bool:
        k = bisect.bisect_right(self.seg_starts, end - 1) - 1
        return k >= 0 and self.segments[k].end > start

    def from_labels(self, claimed: set[int], drafts: list[_Draft]) -> list[_Draft]:
        """ "Name: words" paragraphs (transcripts, headlines) attribute the words to the name."""
        doc = self.doc
        taken = {sp for d in drafts for sp in d.spans}
        found: list[_Draft] = []
        for start, end in self.paras:
            first = self.token_at(start)
            colon = next((j for j in range(first, min(len(doc), first + 7)) if doc[j].text == ":"), None)
            if colon is None or colon == first or doc[colon].idx >= end:
                continue
            label = doc[first:colon]
            if not all(
                t.is_title or t.pos_ == "PROPN" or t.is_punct or t.lower_ in ("'s", "of") for t in label
            ):
                continue
            if any(t.pos_ in ("VERB", "AUX") for t in label) or label.text.lower() in NOT_SOURCES:
                continue
            body = doc[colon].idx + 1
            while body < end and self.text[body].isspace():
                body += 1
            if body >= end or any(s < end and body < e for s, e in taken):
                continue
            spans, segs = self.widen([(body, end)])
            if any(g in claimed for g in segs):
                continue
            found.append(_Draft(spans, (doc[colon].idx, doc[colon].idx + 1), label.root, segs))
        return found

    def invert_source(self, frame: Frame, para: int) -> None:
        """ ""...," said the group formed in 2017: the source follows the verb (and may be misparsed)."""
        verb = frame.cue_token
        if not frame.content or frame.content[0] > verb.i:
            return
        k = bisect.bisect_right(self.seg_starts, verb.idx) - 1
        quoted = k >= 0 and any(self.segment_at(self.doc[i].idx) == k for i in frame.content)
        if quoted and self.segments[k].end <= verb.idx:
            after_quote = self.token_at(self.segments[k].end - 1) + 1
            named = self.subject_between(after_quote, verb)
            if named is not None:  # '"...," Dale Whitford, founder of X, tells Y'
                frame.content = [i for i in frame.content if i < after_quote]
                frame.source = named
                return
        source = self.inverted_subject(verb, self.paras[para][1])
        if source is None:
            return
        top = source
        while top.head.i != verb.i and top.head.i != top.i:
            top = top.head
        if top.head.i != verb.i:
            return
        own = set(range(top.left_edge.i, top.right_edge.i + 1))
        frame.content = [i for i in frame.content if i not in own]
        frame.source = source

    def has_clause(self, frame: Frame) -> bool:
        return any(self.doc[i].pos_ in ("VERB", "AUX") for i in frame.content)

    def token_spans(self, indices: list[int]) -> list[tuple[int, int]]:
        """Contiguous runs of token indices as character spans (never across paragraphs)."""
        spans: list[tuple[int, int]] = []
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
        return [(s, e) for s, e in spans if self.text[s:e].strip(" \t\n,.;:")]

    def widen(self, spans: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[int]]:
        """Stretch content over every quoted segment it touches, so quotations are never cut."""
        segs: list[int] = []
        out: list[tuple[int, int]] = []
        for s, e in spans:
            k = bisect.bisect_right(self.seg_starts, e - 1) - 1
            touched: list[int] = []
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
        merged: list[tuple[int, int]] = []
        for s, e in out:
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
            else:
                merged.append((s, e))
        return merged, sorted(segs)

    # --- quotations without a parsed frame ---------------------------------------------------------
    def from_segments(self, claimed: set[int], frame_drafts: list[_Draft]) -> list[_Draft]:
        drafts: list[_Draft] = []
        k = 0
        n = len(self.segments)
        while k < n:
            group = self.group(k)
            k = group[-1] + 1
            if any(g in claimed for g in group):
                continue
            first, last = self.segments[group[0]], self.segments[group[-1]]
            spans = [(self.segments[g].start, self.segments[g].end) for g in group]
            cue = self.cue_after(last) or self.cue_before(first)
            if cue is not None:
                verb, source = cue
                draft = _Draft(spans, (verb.idx, verb.idx + len(verb)), source, group)
                draft.lead_in = verb.idx >= last.end
                drafts.append(draft)
            elif self.is_full_quotation(first, last):
                drafts.append(_Draft(spans, None, None, group, continues=True))
            elif self.is_speech(first, last) and (subject := self.sentence_subject(first)) is not None:
                drafts.append(_Draft(spans, None, subject, group))
        return drafts

    def sentence_subject(self, seg: Segment) -> Token | None:
        """The speaking subject of the writer's sentence around a quotation, if it has one."""
        first_word = self.doc[min(len(self.doc) - 1, self.token_at(seg.start) + 1)]
        for _, subject in self.governing_clauses(first_word):  # the nearest clause of the writer's
            return subject if self.segment_at(subject.idx) is None and can_speak(subject) else None
        return None

    def governing_clauses(self, token: Token, limit: int | None = None) -> Iterator[tuple[Token, Token]]:
        """(verb, subject) of each clause outside quotation marks from `token` up its heads, never
        climbing to a head at or past index `limit`."""
        while True:
            if token.pos_ in ("VERB", "AUX") and self.segment_at(token.idx) is None:
                subject = subject_of(token)
                if subject is not None:
                    yield token, subject
            if token.head.i == token.i or (limit is not None and token.head.i >= limit):
                return
            token = token.head

    def is_speech(self, first: Segment, last: Segment) -> bool:
        inner = self.text[first.start + 1 : last.end - 1]
        return len(inner.split()) >= 4

    def lead_in(self, seg: Segment) -> int:
        """Start of the reported words: a quotation inside a sentence ("Soon, he “...,” X said")
        carries the sentence's words before it, back to the sentence start or a colon."""
        i = self.token_at(seg.start)
        para_start = self.paras[self.para_of(seg.start)][0]
        start = max(self.doc[i].sent.start_char, para_start)
        lead = self.text[start : seg.start]
        cut = max(lead.rfind(":"), lead.rfind(";"), lead.rfind("\n"))
        if cut >= 0:
            start += cut + 1
        while start < seg.start and self.text[start].isspace():
            start += 1
        if self.segment_at(start) is not None and start < seg.start:
            return seg.start
        lead_tokens = self.doc[self.token_at(start) : i]
        if any(t.pos_ in ("VERB", "AUX") for t in lead_tokens):
            return seg.start  # a clause of the writer's own ("Clinton talked up her “...”")
        return start

    def join_interrupted(self, drafts: list[_Draft]) -> list[_Draft]:
        """ "A," he said. "B." is one quotation in two spans: join quotations around their shared cue."""
        owner = {k: d for d in drafts for k in d.segments}
        gone: set[int] = set()
        for k in range(len(self.segments) - 1):
            a, b = self.segments[k], self.segments[k + 1]
            if b.continues:
                continue
            between = self.text[a.end : b.start]
            if len(between) > MAX_INTERRUPTION or "\n" in between:
                continue
            da, db = owner.get(k), owner.get(k + 1)
            if da is db:
                continue
            for lead, other in ((da, db), (db, da)):
                if lead is None or lead.cue is None or not a.end <= lead.cue[0] < b.start:
                    continue
                if (lead is da and lead.spans[-1][1] != a.end) or (
                    lead is db and lead.spans[0][0] != b.start
                ):
                    continue  # the quotation must end (or start) the lead quote's content
                if other is not None and other.cue is not None and other.cue != lead.cue:
                    continue  # each part has its own cue ("..., he said. But he added, ..."): two quotes
                if other is not None and self.kind(other.spans, other.segments) != "direct":
                    continue
                added = other.segments if other is not None else self.group(k + 1 if lead is da else k)
                lead.spans = sorted(
                    set(lead.spans) | {(self.segments[g].start, self.segments[g].end) for g in added}
                )
                lead.segments = sorted(set(lead.segments) | set(added))
                for g in added:
                    owner[g] = lead
                if other is not None:
                    gone.add(id(other))
                break
        return [d for d in drafts if id(d) not in gone]

    def absorb_continuations(self, drafts: list[_Draft]) -> list[_Draft]:
        """A quotation paragraph right after a quoting paragraph extends that quote as one more span."""
        out: list[_Draft] = []
        for d in drafts:
            prev = out[-1] if out else None
            if (
                d.continues
                and prev is not None
                and prev.segments
                and self.para_of(d.spans[0][0]) == self.para_of(prev.spans[-1][1] - 1) + 1
            ):
                prev.spans = sorted(prev.spans + d.spans)
                prev.segments = sorted(set(prev.segments) | set(d.segments))
                continue
            out.append(d)
        return out

    def is_full_quotation(self, first: Segment, last: Segment) -> bool:
        """A quotation of four words or more that is a paragraph of its own: speech, not a scare quote.
        (One inside a paragraph of narrative is the writer's, unless a cue claims it.)"""
        inner = self.text[first.start + 1 : last.end - 1].strip(" \"'\u201c\u201d\u2018\u2019`")
        words = inner.split()
        if len(words) < 4 or (not inner[:1].isupper() and not inner[:1].isdigit()):
            return False
        para = self.paras[self.para_of(first.start)]
        return not self.text[para[0] : first.start].strip() and not self.text[last.end : para[1]].strip(" .,")

    def cue_verb(self, tok: Token) -> bool:
        if tok.pos_ not in ("VERB", "AUX"):
            return False
        lemma = tok.lemma_.lower()
        if lemma == "put":  # "as one adviser put it, “...”"
            return any(c.lower_ == "it" and c.dep_ == "dobj" for c in tok.children)
        if lemma == "go":  # "“...,” he went on."
            return any(c.lower_ == "on" and c.dep_ == "prt" for c in tok.children)
        return lemma in FRAME_VERBS

    def cue_after(self, seg: Segment) -> tuple[Token, Token | None] | None:
        """ "...," he said / said Bolton: a cue right after the closing mark, in the same sentence."""
        doc = self.doc
        if self.text[seg.start : seg.end].rstrip(CLOSING_MARKS).endswith("."):
            return None  # a closed sentence: what follows starts a new one ('"A." Smith said: "B."')
        para_end = self.paras[self.para_of(seg.start)][1]
        i = self.token_at(seg.end)
        if i < len(doc) and doc[i].idx < seg.end:
            i += 1
        near = i + NEAR_TOKENS + 4
        for j in range(i, min(len(doc), near + FAR_SOURCE_TOKENS)):
            tok = doc[j]
            if tok.idx >= para_end or self.segment_at(tok.idx) is not None:
                return None
            if tok.text in (".", "?", "!") and j > i:
                return None
            if not self.cue_verb(tok):
                continue
            source = subject_of(tok)
            if j < near:
                return tok, source or self.subject_between(i, tok) or self.inverted_subject(tok, para_end)
            if source is not None and source.left_edge.i <= i + 1:
                return tok, source  # '"...," X, the director of Y at Z, said': one long subject
            return None
        return None

    def cue_before(self, seg: Segment) -> tuple[Token, Token | None] | None:
        """He said: "..." / X added, "...": a cue just before the opening mark."""
        doc = self.doc
        p = self.para_of(seg.start)
        i = self.token_at(seg.start)
        lo = max(0, i - NEAR_TOKENS)
        para_start = self.paras[p][0]
        if not self.text[para_start : seg.start].strip() and p > 0:
            # A paragraph that opens with the quotation, after a paragraph ending in a colon.
            prev = self.paras[p - 1]
            if not self.text[prev[0] : prev[1]].rstrip().endswith(":"):
                return None
            i = self.token_at(prev[1] - 1)
            lo = max(0, i - NEAR_TOKENS - 4)
            para_start = prev[0]
        for j in range(i - 1, lo - 1, -1):
            tok = doc[j]
            if tok.idx < para_start or self.segment_at(tok.idx) is not None or tok.text in (".", "?", "!"):
                break
            if self.cue_verb(tok):
                source = subject_of(tok)
                if source is not None:
                    return tok, source
                break
        return self.label_before(i, para_start) or self.colon_intro(i, para_start)

    def colon_intro(self, i: int, para_start: int) -> tuple[Token, Token | None] | None:
        """ "She then turned to the crowd: “...”": a clause whose subject can speak, then a colon."""
        doc = self.doc
        if i < 2 or doc[i - 1].text != ":" or doc[i - 2].idx < para_start:
            return None
        # Up the clause before the colon: "X apologized for what happened:" -> X.
        for verb, source in self.governing_clauses(doc[i - 2], limit=i - 1):
            if verb.idx >= para_start and can_speak(source):
                return verb, source
        return None

    def label_before(self, i: int, para_start: int) -> tuple[Token, Token | None] | None:
        """ "... - Mark Smith: “...”": a bare name and a colon introduce the quotation."""
        doc = self.doc
        if i == 0 or doc[i - 1].text != ":":
            return None
        j = i - 2
        while j >= 0 and i - 2 - j < 6 and doc[j].idx >= para_start and not doc[j].is_punct:
            if doc[j].pos_ in ("VERB", "AUX"):
                return None
            j -= 1
        label = doc[j + 1 : i - 1]
        if not len(label) or label.root.pos_ != "PROPN" or label.text.lower() in NOT_SOURCES:
            return None
        if j >= 0 and doc[j].idx >= para_start and doc[j].text not in LABEL_BOUNDARIES:
            return None
        return doc[i - 1], label.root

    def subject_before(self, verb: Token) -> Token | None:
        """ "Col. Mark Olsen, a navy spokesman in Manila, said": the name before the cue,
        past any appositive between commas, when the parse gave the cue no subject."""
        doc, j = self.doc, verb.i - 1
        sent_start = verb.sent.start
        while j > sent_start and doc[j].text == ",":
            k = next((k for k in range(j - 1, max(sent_start, j - 12) - 1, -1) if doc[k].text == ","), None)
            if k is None:
                break
            j = k - 1
        if j < sent_start or self.segment_at(doc[j].idx) is not None:
            return None
        tok = doc[j]
        if not (tok.pos_ in ("PROPN", "PRON") or (tok.pos_ == "NOUN" and can_speak(tok))):
            return None
        return tok

    def subject_between(self, start: int, verb: Token) -> Token | None:
        """'"...," Dale Whitford, founder of X, tells Y': a name between the quotation and a cue
        the parse left without subject."""
        for tok in self.doc[start : verb.i]:
            if tok.pos_ in ("PROPN", "PRON") and self.segment_at(tok.idx) is None:
                while tok.dep_ in ("compound", "flat") and start <= tok.head.i < verb.i:
                    tok = tok.head
                return tok
        return None

    def inverted_subject(self, verb: Token, para_end: int) -> Token | None:
        """ "..., said the group formed in 2017": the noun phrase right after the verb."""
        doc = self.doc
        for j in range(verb.i + 1, min(len(doc), verb.i + 8)):
            tok = doc[j]
            if tok.idx >= para_end or tok.is_punct or tok.pos_ == "ADP" or tok.ent_type_ in ("DATE", "TIME"):
                return None  # past the subject's place: "said on Friday", "told of their time"
            if tok.pos_ in SPEAKER_POS:
                while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i and tok.head.i < verb.i + 10:
                    tok = tok.head
                return tok
        return None

    # --- output --------------------------------------------------------------------------------
    def finish(self, drafts: list[_Draft]) -> list[Quote]:
        quoted = [(s.start, s.end) for s in self.segments]
        resolver = SpeakerResolver(self.doc, self.actors, quoted)
        quotes: list[Quote] = []
        last_speaker: Speaker | None = None
        last_para = -9
        for d in drafts:
            spans = sorted(d.spans)
            para = self.para_of(spans[0][0])
            speaker: Speaker | None = None
            if d.continues:
                if last_speaker is None or para - last_para > 1:
                    continue
                speaker = replace(last_speaker)
            elif d.source is not None:
                source: Token | None = d.source
                if self.segment_at(d.source.idx) is not None and d.cue is not None:
                    source = self.source_outside_quotes(self.doc[self.token_at(d.cue[0])])
                speaker = resolver.resolve(source) if source is not None else None
                relative = self.relative_subject(d.cue, source)
                if speaker is not None and relative is not None:
                    # "critics who say ...": the words naming the source are "who"; the actor is the critics'
                    speaker = replace(
                        speaker, start=relative.idx, end=relative.idx + len(relative), text=relative.text
                    )
            cue = TextSpan(d.cue[0], d.cue[1], self.text[d.cue[0] : d.cue[1]]) if d.cue else None
            quotes.append(Quote(spans[0][0], spans[-1][1], spans, self.kind(spans, d.segments), cue, speaker))
            if speaker is not None:
                last_speaker, last_para = speaker, self.para_of(spans[-1][1] - 1)
        quotes.sort(key=lambda q: (q.start, q.end))
        return quotes

    def relative_subject(self, cue: tuple[int, int] | None, source: Token | None) -> Token | None:
        """The relative pronoun through which a cue in a relative clause reaches its source."""
        if cue is None or source is None:
            return None
        verb = self.doc[self.token_at(cue[0])]
        if verb.dep_ != "relcl" or verb.head.i != source.i:
            return None
        return next(
            (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVES), None
        )

    def source_outside_quotes(self, verb: Token) -> Token | None:
        """A speaker the parse found inside the quoted words ("“My mistake,” Vance said") is
        wrong: take the name right before the cue, or the one right after it."""
        before = self.doc[verb.i - 1] if verb.i > 0 else None
        if before is not None and before.pos_ in SPEAKER_POS and self.segment_at(before.idx) is None:
            return before
        para_end = self.paras[self.para_of(verb.idx)][1]
        after = self.inverted_subject(verb, para_end)
        return after if after is not None and self.segment_at(after.idx) is None else None

    def kind(self, spans: list[tuple[int, int]], segs: list[int]) -> QuoteKind:
        if not segs:
            return "indirect"
        rest = [(s, e) for s, e in spans]
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
