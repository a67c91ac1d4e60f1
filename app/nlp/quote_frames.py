"""Reporting frames from the dependency parse: cue word, source head and content tokens.

One pass over the tokens, looking only at lexicon words, so the cost stays a small fraction of
parsing. Quotation marks are consulted only to tell a quoted name from quoted words after a
naming verb ("what locals call “the Annex”"); `app.nlp.quote_rules` reconciles frames with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from app.nlp.cues import (
    ACCORDING,
    AS_VERBS,
    CUE_NOUNS,
    INDEFINITE,
    NAMING_VERBS,
    OBJECT_VERBS,
    REPORTING_VERBS,
    SPEECH_VERBS,
    THING_OBJECT_VERBS,
    WEAK_VERBS,
)
from app.nlp.quote_marks import scan

SUBJECTS = ("nsubj", "csubj")
RELATIVES = frozenset({"who", "which", "that", "whom"})
# Links climbed from a non-finite cue to the verb whose subject is the source.
CLIMB_DEPS = frozenset({"conj", "advcl", "xcomp", "pcomp", "prep", "acl", "dobj", "pobj"})
CLAUSE_DEPS = ("ccomp",)
NAME_POS = frozenset({"NOUN", "PROPN"})
FUNCTION_POS = frozenset({"DET", "ADP", "CCONJ", "PART"})  # lower case inside a title ("Storm on the Shore")
OBJECT_DEPS = ("dobj", "oprd", "attr")
TO_VERBS = frozenset(
    {
        "urge",
        "ask",
        "call",
        "tell",
        "warn",
        "advise",
        "order",
        "instruct",
        "demand",
        "request",
        "remind",
        "promise",
        "pledge",
        "vow",
        "threaten",
        "refuse",
        "decline",
    }
)


@dataclass(slots=True)
class Frame:
    """A reporting cue with its source head (if any) and its content token indices."""

    cue_start: int
    cue_end: int
    cue_token: Token
    source: Token | None
    content: list[int] = field(default_factory=list)  # token indices, sorted


def _own_subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            if child.lower_ in RELATIVES and verb.dep_ == "relcl" and verb.head.pos_ in ("PROPN", "NOUN"):
                return verb.head  # "Smith, who said ...": the relative pronoun stands for Smith
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def subject_of(verb: Token) -> Token | None:
    """The source of a reporting verb: its subject, a passive agent, or a governing verb's subject.

    Non-finite cues ("..., saying that", "upon telling", "a letter urging") have no subject of
    their own; the nearest governing verb's subject speaks, but never across a reported clause.
    """
    token = verb
    for _ in range(4):
        found = _own_subject(token)
        if found is not None:
            return found
        if token.dep_ not in CLIMB_DEPS or token.head.i == token.i:
            return None
        token = token.head
    return None


def _subtree(token: Token) -> list[int]:
    return list(range(token.left_edge.i, token.right_edge.i + 1))


def _clean(indices: list[int], doc: Doc, exclude: set[int]) -> list[int]:
    kept = sorted(set(indices) - exclude)
    while kept and (
        doc[kept[0]].is_punct
        or doc[kept[0]].is_space
        or doc[kept[0]].dep_ == "cc"
        or (doc[kept[0]].lower_ == "for" and doc[kept[0]].dep_ == "prep")  # "called for X": X
    ):
        kept.pop(0)
    while kept and (doc[kept[-1]].is_space or (doc[kept[-1]].is_punct and not _is_mark(doc[kept[-1]]))):
        kept.pop()
    return kept


def _is_mark(token: Token) -> bool:
    return any(ch in token.text for ch in "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb`")


def _verb_content(verb: Token, lemma: str) -> list[int]:
    """Content tokens governed by a reporting verb, or [] when it reports nothing."""
    doc = verb.doc
    content: list[int] = []
    for child in verb.children:
        if child.dep_ in CLAUSE_DEPS:
            content += _subtree(child)
    if content:
        return content
    if lemma in OBJECT_VERBS or lemma in AS_VERBS or lemma in TO_VERBS:
        content = _object_content(verb, lemma)
        if content:
            return content
    if verb.dep_ in ("parataxis", "ROOT") and lemma in SPEECH_VERBS:
        around = _content_around(verb)
        if around:
            return around
    if verb.dep_ == "parataxis" and verb.head.i < verb.i and lemma in SPEECH_VERBS:
        # "A is B, X said." parsed with the report as a side clause of the content.
        return list(range(verb.head.left_edge.i, verb.left_edge.i))  # what follows is the writer's
    if (lemma in SPEECH_VERBS and lemma not in WEAK_VERBS | {"add"}) or lemma in ("tell", "add", "warn"):
        # "X told Y in a call on Monday that Z": a that-clause the parser hung elsewhere.
        sent_end = verb.sent.end
        for j in range(verb.i + 1, min(sent_end, verb.i + 25)):
            tok = doc[j]
            if tok.lower_ == "that" and tok.dep_ == "mark":
                end = sent_end
                return list(range(j, end))
            if tok.pos_ == "VERB" and tok.lemma_ in REPORTING_VERBS:
                break
    return []


def _content_around(verb: Token) -> list[int]:
    """ "A, he said, B." / "A, he said.": a cue set off by commas reports the rest of its sentence."""
    doc = verb.doc
    subject = next((c for c in verb.lefts if c.dep_ in SUBJECTS), None)
    if subject is None:
        return []
    left, right = subject.left_edge.i, verb.right_edge.i
    sent = verb.sent
    if left - 1 <= sent.start or doc[left - 1].text != "," or _opens_with_modifier(verb):
        return []
    content = list(range(sent.start, left - 1))
    if doc[right].text == "," and right + 1 < sent.end:
        content += range(right + 1, sent.end)
    return content


def _opens_with_modifier(verb: Token) -> bool:
    """ "Asked about the delay, she said: ...": a clause without subject of its own that opens the
    sentence modifies the cue; it sets the scene in the writer's words, it is not what was said."""
    return any(
        c.dep_ == "advcl" and c.left_edge.i == verb.sent.start and _own_subject(c) is None for c in verb.lefts
    )


def _object_content(verb: Token, lemma: str) -> list[int]:
    """ "X called it a ...", "X urged Y to ...": object, "as" phrase and to-clause as content."""
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS and c.i > verb.i]
    as_phrase = [
        c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("as", "for", "of") and c.i > verb.i
    ]
    to_clause = [
        c
        for c in verb.children
        if c.dep_ == "xcomp" and c.i > verb.i and lemma in TO_VERBS and not _own_treatment(c, objects)
    ]
    if lemma in AS_VERBS and not as_phrase:
        return []
    if lemma in NAMING_VERBS and any(_quoted_name(verb, c) for c in _complements(objects, as_phrase)):
        return []
    if (lemma in WEAK_VERBS or lemma not in OBJECT_VERBS) and not (as_phrase or to_clause):
        return []
    if lemma in THING_OBJECT_VERBS and not (as_phrase or to_clause) and not any(map(_holds_words, objects)):
        return []
    parts = objects + as_phrase + to_clause
    oprd = [c for c in verb.children if c.dep_ == "oprd"]
    if oprd and not [c for c in objects if c.dep_ == "dobj"]:
        parts = oprd + as_phrase  # "which X called a ...": the relative pronoun is not content
    content: list[int] = []
    for part in parts:
        content += _subtree(part)
    return content


def _holds_words(obj: Token) -> bool:
    """ "rejected claims that ...", "welcomed the “historic” vote", "rejected calls to ...": an
    object is something said when its head names words or it holds a clause or a quotation;
    "rejected the offer" or "welcomed the decision" report nothing."""
    return obj.lemma_.lower() in CUE_NOUNS or any(
        t.pos_ in ("VERB", "AUX") or t.is_quote for t in obj.subtree
    )


def _own_treatment(clause: Token, objects: list[Token]) -> bool:
    """ "who asked not to be named": a passive to-clause with no one addressed is how the source
    wants to be treated, a condition of the interview, not something it reports."""
    return not objects and any(c.dep_ == "auxpass" for c in clause.children)


def _complements(objects: list[Token], preps: list[Token]) -> list[Token]:
    """The nouns a naming verb puts a name on: its objects and the object of its "as"
    ("calls for X" is a demand, not a name)."""
    return objects + [c for p in preps if p.lower_ == "as" for c in p.children if c.dep_ == "pobj"]


def _quoted_name(verb: Token, noun: Token) -> bool:
    """Is the quotation in this complement of a naming verb a name rather than someone's words?

    A name is a quoted noun that only modifies the noun after it ("“lifestyle” products"), a
    quotation in title case ("“the Long Room”"), or a quoted compound the writer's own determiner
    takes as a term ("the “bed tax”"). "a “disaster”", "“unfair”" or "the “crooked” process"
    characterise, and so does a name for someone who has one already ("called Berg “Lord
    Pothole”"): those stay quotes.
    """
    doc, sent = noun.doc, noun.sent
    first = noun.left_edge.idx - sent.start_char
    seg = next((g for g in scan(sent.text) if first <= g.end and g.start <= noun.idx - sent.start_char), None)
    if seg is None:
        return False
    opening, closing = sent.start_char + seg.start, sent.start_char + seg.end
    inner = [t for t in doc[noun.left_edge.i : noun.right_edge.i + 1] if opening < t.idx < closing - 1]
    if not inner or any(t.is_quote for t in inner):
        return False
    if any(t.pos_ == "PROPN" for t in doc[verb.i + 1 : inner[0].i]):
        return False  # a jibe at someone named, not the name of a thing
    nouns_only = all(t.pos_ in NAME_POS for t in inner)
    if noun.idx >= closing:
        return nouns_only
    words = [t for t in inner if t.is_alpha]
    title_case = noun.pos_ in NAME_POS and all(t.text[0].isupper() or t.pos_ in FUNCTION_POS for t in words)
    mark = inner[0].i - 1  # the opening quotation mark's token
    before = doc[mark - 1] if mark > 0 else None
    definite = before is not None and before.dep_ in ("det", "poss") and before.lower_ not in INDEFINITE
    compound = nouns_only and len(words) > 1
    return title_case or (definite and compound)


def find_frames(doc: Doc) -> list[Frame]:
    """Every reporting frame of the document that has content."""
    frames: list[Frame] = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.lower_ == ACCORDING and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            frame = _according(tok)
        elif tok.pos_ == "VERB" and lemma in REPORTING_VERBS:
            content = _verb_content(tok, lemma)
            if not content:
                continue
            source = subject_of(tok)
            exclude = set(_subtree(source)) if source is not None else set()
            exclude -= set(_subtree(tok))  # "critics who say the law ...": the source's subtree holds the cue
            exclude.add(tok.i)
            frame = Frame(tok.idx, tok.idx + len(tok), tok, source, _clean(content, doc, exclude))
        elif tok.pos_ == "NOUN" and lemma in CUE_NOUNS:
            frame = _noun_frame(tok)
        else:
            continue
        if frame is not None and frame.content:
            frames.append(frame)
    return frames


def _according(tok: Token) -> Frame | None:
    """ "according to X, ...": the rest of the sentence is the content, X the source."""
    to = tok.doc[tok.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        source = next((c for c in tok.children if c.dep_ == "pobj"), None)
    phrase_end = max(to.right_edge.i, source.right_edge.i if source is not None else to.i)
    own = set(range(tok.i, phrase_end + 1))
    sent = tok.sent
    content = _clean([i for i in range(sent.start, sent.end) if i not in own], tok.doc, set())
    return Frame(tok.idx, to.idx + len(to), tok, source, content)


def _noun_frame(noun: Token) -> Frame | None:
    """ "the U.S. assessment that ...": a cue noun with a that-clause and a named holder."""
    clause = next(
        (
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp", "relcl")
            and c.i > noun.i
            and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children)
        ),
        None,
    )
    if clause is None:
        return None
    holder = next((c for c in noun.lefts if c.dep_ == "poss"), None)
    if holder is None:
        holder = next((c for c in noun.lefts if c.dep_ in ("compound", "amod") and c.pos_ == "PROPN"), None)
    if holder is None:
        return None
    return Frame(noun.idx, noun.idx + len(noun), noun, holder, _clean(_subtree(clause), noun.doc, set()))
