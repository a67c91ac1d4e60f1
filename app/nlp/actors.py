"""Actors: the people, organisations and places of an article, each with all its mentions merged.

Pipeline over one spaCy parse (no second pass): clean candidate spans (actor_spans), read the
evidence around each (titles, organisation cues, country gazetteer, capital used as agent),
group them into entities (actor_merge), vote each group's type, then name it and list its
roles. Raw NER gives one entry per surface string; this gives one entry per real entity.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from app.nlp.actor_merge import Group, group_candidates, is_acronym
from app.nlp.actor_roles import apposition_after, apposition_before, organisation_apposition, title_before
from app.nlp.actor_spans import (
    POSSESSIVE,
    Candidate,
    after_determiner,
    after_region_word,
    find_candidates,
    is_title,
    surname_mentions,
)
from app.nlp.annotations import Actor, ActorType, Mention, MentionForm
from app.nlp.countries import countries, country_by_capital, country_by_demonym, country_by_name
from app.nlp.doc_text import text_of
from app.nlp.gazetteer import (
    COMPASS_WORDS,
    NON_ACTOR_WORDS,
    ORG_PREFIXES,
    ORG_SUFFIXES,
    PLACE_PREFIXES,
    PLACE_SUFFIXES,
    PLATFORMS,
)
from app.nlp.gender import Gender, is_first_name, title_gender

LABEL_TYPES: dict[str, ActorType] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "location",
    "LOC": "location",
    "FAC": "location",
}
_AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent"})
_INITIAL_NAME = re.compile(r"^[A-Z]\.\s?[A-Z][a-z']")
_CHANNEL_CUES = frozenset({"on", "via"})
# A quoted nickname inside a person's name, left out of the actor's name.
_NICKNAME = re.compile(r"\s[\u201c\u2018\"'][^\u201d\u2019\"']+[\u201d\u2019\"']\s")
# Punctuation that may sit inside a person's name ("Haddad-Morrow", "J. R.").
_NAME_JOINERS = frozenset({"-", ".", "'", "\u2019"})
_TYPE_ORDER: tuple[ActorType, ...] = ("person", "organization", "location")
# A name that opens with a known first name ("Siobhán Kettleworth") leans to a person, a little more
# than one NER label, so an unusual surname the model calls an organisation is outvoted.
FIRST_NAME_VOTE = 1.5
# A role in apposition ("the fisheries minister, Lena Berg,") says the name is a person's.
APPOSITION_VOTE = 2.0
# A name beside a noun for a body ("the builder, Brenner Kvist,") is an organisation, as sure as a title.
ORG_APPOSITION_VOTE = 3.0
# A last word that names a kind of place ("Harbour Road", "Ostby Park"), as strong as an org word.
PLACE_SUFFIX_VOTE = 2.0
# A capital city's name that is neither a person's surname here nor standing for its country.
CAPITAL_VOTE = 2.0
# A name after a preposition of place ("in Lincoln") leans to a place, more than one NER label.
LOCATIVE_VOTE = 1.5
# What one NER label is worth in the vote; a candidate with no more than that is weakly typed.
NER_LABEL_VOTE = 1.0
# Each conjunct of a list that leans to one type votes for it, up to a cap.
CONJUNCT_VOTE = 1.0
MAX_CONJUNCT_VOTES = 2
# A dateline's place outweighs whatever type the model guessed for its capitals.
DATELINE_VOTE = 5.0


def find_actors(doc: Doc) -> list[Actor]:
    """All actors of a parsed article, ordered by first mention."""
    people = _person_name_words(doc)
    candidates = _examined(doc, find_candidates(doc), people)
    candidates = _add_surnames(doc, candidates, people)
    _vote_with_conjuncts(doc, candidates)
    candidates = _drop_title_fragments(doc, candidates)
    text = text_of(doc)
    built = (_build(doc, text, group) for group in group_candidates(candidates))
    actors = [a for a in built if a is not None]
    actors.sort(key=lambda a: a.mentions[0].start)
    return actors


def _examined(doc: Doc, candidates: list[Candidate], people: frozenset[str]) -> list[Candidate]:
    return [c for c in (_examine(doc, c, people) for c in candidates) if c is not None]


def _leans_person(cand: Candidate) -> bool:
    return _leaning(cand) == "person"


def _add_surnames(doc: Doc, candidates: list[Candidate], people: frozenset[str]) -> list[Candidate]:
    """Second references by surname alone that the model missed, for people named in full."""
    named = [
        c
        for c in candidates
        if c.country is None
        and not c.headline
        and not c.text.isupper()
        and len(c.text.split()) >= 2
        and _leans_person(c)
    ]
    found = _examined(doc, surname_mentions(doc, named, candidates), people)
    kept = [c for c in candidates if not any(f.start <= c.start and c.end <= f.end for f in found)]
    return sorted(kept + found, key=lambda c: c.start)


def _vote_with_conjuncts(doc: Doc, candidates: list[Candidate]) -> None:
    """Names in one list are of one kind ("from Andalusia, Carinthia and the Shetland Islands"): each
    conjunct's leaning type adds a vote to a name that leans otherwise."""
    by_token = {i: c for c in candidates for i in range(c.start, c.end)}
    leaning = {id(c): _leaning(c) for c in candidates}
    for cand in candidates:
        if cand.country is not None or cand.title or max(cand.votes.values(), default=0.0) > NER_LABEL_VOTE:
            continue  # only a name with no more evidence than its NER label takes its list's kind
        linked = {id(n): n for n in _conjuncts(doc, cand, by_token)}.values()
        kinds = {leaning[id(n)] for n in linked}
        kind = kinds.pop() if len(kinds) == 1 else None
        if kind is not None and kind != leaning[id(cand)]:
            cand.votes[kind] = cand.votes.get(kind, 0.0) + CONJUNCT_VOTE * min(
                len(linked), MAX_CONJUNCT_VOTES
            )


def _conjuncts(doc: Doc, cand: Candidate, by_token: dict[int, Candidate]) -> list[Candidate]:
    """Candidates joined to this one by a coordination in the parse, either way."""
    root = doc[cand.start : cand.end].root
    linked = [by_token.get(root.head.i)] if root.dep_ == "conj" else []
    linked += [by_token.get(child.i) for child in root.children if child.dep_ == "conj"]
    return [c for c in linked if c is not None and c is not cand]


def _leaning(cand: Candidate) -> str | None:
    votes = cand.votes
    return max(votes, key=lambda k: votes[k]) if votes else None


def _strip_inner_title(doc: Doc, cand: Candidate) -> None:
    """Move leading title words inside an entity ("Sen. Bob Menendez") out of the name."""
    start = cand.start
    while start < cand.end - 1 and is_title(doc[start].text) and doc[start + 1].text[:1].isupper():
        start += 1
    if start > cand.start:
        inner = doc[cand.start : start].text
        cand.title = f"{cand.title} {inner}" if cand.title else inner
        span = doc[start : cand.end]
        cand.start, cand.start_char, cand.text = start, span.start_char, span.text


def _agentive(doc: Doc, cand: Candidate) -> bool:
    """A place name acting as subject or owner ("Washington has called", "Moscow's decision")."""
    last = doc[cand.end - 1]
    if cand.end < len(doc) and doc[cand.end].text in POSSESSIVE:
        return True
    return last.dep_ in _AGENT_DEPS or doc[cand.start].dep_ in _AGENT_DEPS


def _person_name_words(doc: Doc) -> frozenset[str]:
    """First and last words of full person names in the doc: "Washington" is a person if
    "Ellen Washington" appears, whatever its single mentions look like. A name the model calls
    an organisation counts by its surname when it opens with a known first name."""
    words: set[str] = set()
    for ent in doc.ents:
        if len(ent) < 2 or ent.text.isupper() or not all(t.is_alpha or t.text in _NAME_JOINERS for t in ent):
            continue
        if ent.label_ == "PERSON":
            words.update((ent[0].text.casefold(), ent[-1].text.casefold()))
        elif (
            ent.label_ == "ORG"
            and all(t.text[:1].isupper() for t in ent if t.is_alpha)
            and is_first_name(ent[0].text)
            and ent[-1].text.casefold() not in ORG_SUFFIXES
        ):
            words.add(ent[-1].text.casefold())
    return frozenset(words)


def _inside_larger_name(doc: Doc, cand: Candidate) -> bool:
    """A country written as the first word of a longer proper name ("U.S. Open", "U.S. Treasury")."""
    if cand.headline or cand.end >= len(doc) or "\n" in doc[cand.end - 1].whitespace_:
        return False
    nxt = doc[cand.end]
    return (
        nxt.text[:1].isupper()
        and nxt.is_alpha
        and nxt.ent_type_ not in {"PERSON", "GPE", "LOC", "NORP"}
        and not is_title(nxt.text)
        and country_by_name(nxt.text) is None
        and country_by_demonym(nxt.text) is None
    )


def _examine(doc: Doc, cand: Candidate, people: frozenset[str]) -> Candidate | None:
    """Classify one candidate (country, demonym, capital, title, cues) or drop it as no actor."""
    if cand.country is not None and cand.form == "name" and _inside_larger_name(doc, cand):
        return None
    if cand.dateline:
        return _examine_dateline(cand)
    named_person = cand.text.casefold() in people
    if cand.country is not None and cand.form == "name" and named_person:
        cand.country = None  # "Jordan said" after "Ramón Jordan": the person, not the country
    elif cand.country is None:
        _strip_inner_title(doc, cand)
        lone_word = len(doc[cand.start : cand.end]) == 1
        if (cand.label != "PERSON" or lone_word) and not named_person:
            country = country_by_name(cand.text)
            if country is not None:
                cand.country = country.code
            else:
                country = None if after_region_word(doc, cand.start) else country_by_demonym(cand.text)
                if country is not None:
                    cand.country, cand.form = country.code, "demonym"
        place_label = cand.label in {"GPE", "LOC", "ORG", "FAC"}
        if cand.country is None and place_label and not named_person:
            capital = country_by_capital(cand.text)
            if capital is not None and _agentive(doc, cand) and not cand.headline:
                cand.country, cand.form = capital.code, "metonym"
        if cand.country is not None and cand.form == "name" and _inside_larger_name(doc, cand):
            return None
    if cand.country is not None:
        cand.votes = {"location": 5.0}
        if cand.form == "name" and is_acronym(cand.text) and not cand.headline:
            cand.form = "acronym"
        return cand
    if cand.label == "NORP":
        return None
    if cand.text.casefold() in PLATFORMS and cand.start > 0 and doc[cand.start - 1].lower_ in _CHANNEL_CUES:
        return None  # "said on Twitter": the channel of a statement, not an actor of the story
    only_titles = all(is_title(t.text) for t in doc[cand.start : cand.end])
    if cand.text.casefold() in NON_ACTOR_WORDS or only_titles:
        return None
    if cand.form == "name" and is_acronym(cand.text) and not cand.headline:
        cand.form = "acronym"
    _vote(doc, cand, named_person)
    return cand


def _examine_dateline(cand: Candidate) -> Candidate:
    """A dateline place is where the story was filed: a country when it names one, else a place,
    never a capital standing for its government."""
    country = country_by_name(cand.text)
    if country is not None:
        cand.country = country.code
    cand.votes = {"location": DATELINE_VOTE}
    return cand


def _vote(doc: Doc, cand: Candidate, named_person: bool) -> None:
    """Evidence for the candidate's type: its NER label, a title before it, organisation words;
    `named_person` when its text is a word of a person's full name in the article."""
    weight = 0.3 if cand.headline else NER_LABEL_VOTE
    votes: dict[str, float] = {}
    kind = LABEL_TYPES.get(cand.label)
    if kind is not None:
        votes[kind] = weight
    words = [t.text.casefold() for t in doc[cand.start : cand.end]]
    region = len(words) >= 2 and (words[0] in COMPASS_WORDS or words[0] in PLACE_PREFIXES)
    org_cue = (len(words) >= 2 and words[-1] in ORG_SUFFIXES and not region) or (
        words[0] in ORG_PREFIXES and "of" in words[1:]
    )
    place_cue = len(words) >= 2 and words[-1] in PLACE_SUFFIXES and not org_cue
    if region:
        votes["location"] = votes.get("location", 0.0) + 1.0
    if place_cue:
        votes["location"] = votes.get("location", 0.0) + PLACE_SUFFIX_VOTE
    if cand.text.casefold() in PLATFORMS:
        votes["organization"] = votes.get("organization", 0.0) + 3.0
    if _INITIAL_NAME.match(cand.text) and not org_cue:
        votes["person"] = votes.get("person", 0.0) + 2.0
    first_name = (
        len(words) >= 2
        and "&" not in words
        and is_first_name(cand.text.split()[0])
        and not after_determiner(doc, cand.start)
    )
    if first_name and not org_cue and not region and not place_cue:
        votes["person"] = votes.get("person", 0.0) + FIRST_NAME_VOTE
    if organisation_apposition(doc, cand.start, cand.end):
        votes["organization"] = votes.get("organization", 0.0) + ORG_APPOSITION_VOTE
    if org_cue:
        votes["organization"] = votes.get("organization", 0.0) + 2.0
    elif len(words) == 1 and words[0] in ORG_SUFFIXES:
        votes["organization"] = votes.get("organization", 0.0) + 0.5
    chain = title_before(doc, cand.start)
    if chain is not None and not org_cue:
        cand.title = f"{chain[1]} {cand.title}" if cand.title else chain[1]
    if cand.locative and not org_cue:
        votes["location"] = votes.get("location", 0.0) + LOCATIVE_VOTE
    if not named_person and country_by_capital(cand.text) is not None:
        votes["location"] = votes.get("location", 0.0) + CAPITAL_VOTE  # "Then Lima.": a city, not a person
    if cand.title and not org_cue:
        votes["person"] = votes.get("person", 0.0) + 3.0
    elif not org_cue and (apposition_before(doc, cand.start) or apposition_after(doc, cand.end)):
        votes["person"] = votes.get("person", 0.0) + APPOSITION_VOTE
    cand.votes = votes


def _drop_title_fragments(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Remove entities that are part of someone's title ("State" in "Secretary of State Mike Pompeo")."""
    inside: set[int] = set()
    for cand in candidates:
        if cand.title and cand.country is None:
            chain = title_before(doc, cand.start)
            if chain is not None:
                inside.update(range(chain[0], cand.start))
    return [
        c for c in candidates if c.country is not None or not all(i in inside for i in range(c.start, c.end))
    ]


def _decide_type(group: Group) -> ActorType:
    if group.country:
        return "location"
    votes = group.votes()
    if not votes:
        return "organization"
    if "person" in votes and all(len(c.text.split()) == 1 and not c.title for c in group.members):
        # People are introduced by full name or title; a bare single word the model calls a
        # person is often a club, firm or place, so other readings of it get the benefit.
        votes["person"] *= 0.5
    best = max(votes.values())
    for kind in _TYPE_ORDER:
        if votes.get(kind, 0.0) == best:
            # Tie: trust the first mention's own label when it is among the winners.
            first = LABEL_TYPES.get(min(group.members, key=lambda c: c.start).label)
            if first is not None and votes.get(first, 0.0) == best:
                return first
            return kind
    return "organization"


def _canonical_name(group: Group, kind: ActorType) -> str:
    if group.country:
        return next((c.name for c in countries() if c.code == group.country), group.members[0].text)
    names = [c for c in group.members if c.form in {"name", "acronym"}] or group.members
    mixed = [c for c in names if not c.headline and not c.text.isupper()] or names
    counts: dict[str, int] = {}
    for c in mixed:
        counts[c.text] = counts.get(c.text, 0) + 1
    best = max(mixed, key=lambda c: (len(c.text.split()), not is_acronym(c.text), counts[c.text], -c.start))
    name = " ".join(best.text.split())
    if kind == "person":
        name = " ".join(_NICKNAME.sub(" ", name).split())  # 'Nora “Big Nell” Keating' -> 'Nora Keating'
        if len(name.split()) == 1:
            name = _with_courtesy_title(group, name)
    return name.title() if best.dateline and name.isupper() else name


def _with_courtesy_title(group: Group, surname: str) -> str:
    """A person known only by title and surname keeps the title in the name, so "Mrs. Weston" and
    "Mr. Weston" stay apart wherever names are compared. A kin word is no title ("her brother
    Edmund" is Edmund): the title must be written as one, capitalised."""
    titles = [
        word
        for c in group.members
        if c.title
        for word in [c.title.split()[-1]]
        if word[:1].isupper() and title_gender(word) != Gender.UNKNOWN
    ]
    if not titles:
        return surname
    return f"{max(set(titles), key=titles.count)} {surname}"


def _build(doc: Doc, text: str, group: Group) -> Actor | None:
    if not group.members:
        return None
    members = sorted(group.members, key=lambda c: c.start_char)
    kind = _decide_type(group)
    name = _canonical_name(group, kind)
    mentions: list[Mention] = []
    seen: set[tuple[int, int]] = set()
    for c in members:
        if (c.start_char, c.end_char) in seen:
            continue
        seen.add((c.start_char, c.end_char))
        form: MentionForm = c.form  # type: ignore[assignment]
        mentions.append(Mention(c.start_char, c.end_char, text[c.start_char : c.end_char], form))
    aliases: list[str] = []
    roles: list[str] = []
    for c in members:
        surface = " ".join(c.text.split())
        if surface != name and surface not in aliases:
            aliases.append(surface)
        if kind == "person":
            if c.title:
                titled = f"{c.title} {surface}"
                if titled not in aliases and len(c.title.split()) <= 3:
                    aliases.append(titled)
                if c.title not in roles:
                    roles.append(c.title)
            for role in (apposition_after(doc, c.end), apposition_before(doc, c.start)):
                if role and role not in roles:
                    roles.append(role)
    return Actor(
        name=name,
        type=kind,
        mentions=mentions,
        aliases=aliases,
        roles=roles,
        country_code=group.country if group.country and len(group.country) == 2 else None,
    )
