"""Actors: placeholder until the actor engine lands (returns raw NER entities, unmerged)."""

from __future__ import annotations

from spacy.tokens import Doc

from app.nlp.annotations import Actor, ActorType, Mention

LABELS: dict[str, ActorType] = {"PERSON": "person", "ORG": "organization", "GPE": "location", "LOC": "location"}


def find_actors(doc: Doc) -> list[Actor]:
    actors: dict[tuple[str, str], Actor] = {}
    for ent in doc.ents:
        kind = LABELS.get(ent.label_)
        if kind is None:
            continue
        actor = actors.setdefault((ent.text, kind), Actor(name=ent.text, type=kind))
        actor.mentions.append(Mention(ent.start_char, ent.end_char, ent.text))
    return list(actors.values())
