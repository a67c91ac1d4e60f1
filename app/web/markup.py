"""Offsets to properly nested markup: highlights that overlap, cross paragraphs or nest are cut into
pieces that nest, so that each piece can be one HTML element around escaped text.

Highlights are placed in order: by layer (outer layers first), then by position. A highlight is cut
at every boundary of the pieces placed before it that falls strictly inside it, so each of its
pieces lies inside, around nothing of, or apart from every earlier piece: earlier layers stay whole
and later ones nest within them. Paragraphs come first of all, so no piece crosses a paragraph.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Generic, TypeVar

P = TypeVar("P")


class Layer(IntEnum):
    """Nesting order, outermost first: a quote holds the mentions inside it, never the reverse."""

    QUOTE = 1
    MENTION = 2


@dataclass(frozen=True, slots=True)
class Highlight(Generic[P]):
    """A stretch of text to mark: `group` names the thing it belongs to (pieces of one group share
    it: the spans of one quote), `payload` is what the page shows about it."""

    start: int
    end: int
    layer: Layer
    group: Hashable
    payload: P


@dataclass(slots=True)
class Piece(Generic[P]):
    """One element of the markup: the part of a highlight between `start` and `end`, holding text
    (str) and the pieces nested in it. `opens_group`: the first piece of its group in the text."""

    highlight: Highlight[P]
    start: int
    end: int
    children: list[Piece[P] | str] = field(default_factory=list)
    opens_group: bool = False


@dataclass(frozen=True, slots=True)
class MarkedParagraph(Generic[P]):
    index: int
    nodes: list[Piece[P] | str]


def _cut(start: int, end: int, boundaries: list[int]) -> list[tuple[int, int]]:
    """[start, end) split at every boundary strictly inside it."""
    inside = boundaries[bisect.bisect_right(boundaries, start) : bisect.bisect_left(boundaries, end)]
    points = [start, *inside, end]
    return list(itertools.pairwise(points))


def _fill(text: str, start: int, end: int, pieces: list[Piece[P]]) -> list[Piece[P] | str]:
    """The nodes of text[start:end]: the pieces in order, the text between them as strings."""
    nodes: list[Piece[P] | str] = []
    at = start
    for piece in pieces:
        if piece.start > at:
            nodes.append(text[at : piece.start])
        nodes.append(piece)
        at = piece.end
    if end > at:
        nodes.append(text[at:end])
    return nodes


def _tree(text: str, start: int, end: int, pieces: list[Piece[P]]) -> list[Piece[P] | str]:
    """Properly nested pieces (sorted outer first) as a tree of nodes over text[start:end]."""
    roots: list[Piece[P]] = []
    stack: list[Piece[P]] = []
    nested: dict[int, list[Piece[P]]] = {}
    for piece in pieces:
        while stack and stack[-1].end <= piece.start:
            stack.pop()
        if stack:
            nested.setdefault(id(stack[-1]), []).append(piece)
        else:
            roots.append(piece)
        stack.append(piece)
    for piece in pieces:
        piece.children = _fill(text, piece.start, piece.end, nested.get(id(piece), []))
    return _fill(text, start, end, roots)


def mark_up(
    text: str, paragraphs: Sequence[tuple[int, int]], highlights: Sequence[Highlight[P]]
) -> list[MarkedParagraph[P]]:
    """Each paragraph (start, end) of `text` as nested nodes; highlight parts outside every
    paragraph (the blank lines between them) are dropped."""
    boundaries = sorted({offset for span in paragraphs for offset in span})
    placed: list[Piece[P]] = []
    for highlight in sorted(highlights, key=lambda h: (h.layer, h.start, -h.end)):
        cuts = _cut(highlight.start, highlight.end, boundaries)
        placed += [Piece(highlight, start, end) for start, end in cuts if start < end]
        for offset in (highlight.start, highlight.end):
            if offset not in boundaries:
                bisect.insort(boundaries, offset)
    # Outer first: on equal extents, the one placed first (the outer layer) is the outer element.
    order = {id(piece): rank for rank, piece in enumerate(placed)}
    placed.sort(key=lambda piece: (piece.start, -piece.end, order[id(piece)]))
    by_paragraph = [
        [piece for piece in placed if start <= piece.start and piece.end <= end] for start, end in paragraphs
    ]
    seen: set[Hashable] = set()
    for piece in (piece for pieces in by_paragraph for piece in pieces):
        piece.opens_group = piece.highlight.group not in seen
        seen.add(piece.highlight.group)
    return [
        MarkedParagraph(index, _tree(text, start, end, pieces))
        for index, ((start, end), pieces) in enumerate(zip(paragraphs, by_paragraph, strict=True))
    ]
