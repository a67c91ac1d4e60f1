"""Offsets to nested markup: every piece nests, text outside paragraphs is dropped, groups open once."""

from __future__ import annotations

from app.web.markup import Highlight, Layer, MarkedParagraph, Piece, mark_up


def _show(nodes: list[Piece[str] | str]) -> str:
    """`[payload:children]` per piece, `*` after the payload of a group's first piece."""
    return "".join(
        node
        if isinstance(node, str)
        else f"[{node.highlight.payload}{'*' if node.opens_group else ''}:{_show(node.children)}]"
        for node in nodes
    )


def _shown(paragraphs: list[MarkedParagraph[str]]) -> list[str]:
    return [_show(p.nodes) for p in paragraphs]


def _quote(start: int, end: int, name: str) -> Highlight[str]:
    return Highlight(start, end, Layer.QUOTE, name, name)


def _mention(start: int, end: int, name: str) -> Highlight[str]:
    return Highlight(start, end, Layer.MENTION, (name, start), name)


def test_a_mention_inside_a_quote_nests_in_it() -> None:
    text = "“Ana came,” Bo said."
    marked = mark_up(text, [(0, len(text))], [_mention(1, 4, "m"), _quote(0, 11, "q")])
    assert _shown(marked) == ["[q*:“[m*:Ana] came,”] Bo said."]


def test_a_mention_crossing_a_quote_end_is_cut_at_it() -> None:
    text = "he said it was Port Elmer today"
    #       quote: "it was Port" (8, 19); mention "Port Elmer" (15, 25)
    marked = mark_up(text, [(0, len(text))], [_quote(8, 19, "q"), _mention(15, 25, "m")])
    assert _shown(marked) == ["he said [q*:it was [m*:Port]][m: Elmer] today"]


def test_a_quote_across_a_paragraph_break_is_one_piece_per_paragraph() -> None:
    text = "A said b\n\nc d"
    marked = mark_up(text, [(0, 8), (10, 13)], [_quote(7, 11, "q")])
    assert _shown(marked) == ["A said [q*:b]", "[q:c] d"]


def test_the_spans_of_one_quote_share_its_group_and_only_the_first_opens_it() -> None:
    text = "“A,” she said, “B.”"
    marked = mark_up(text, [(0, len(text))], [_quote(15, 19, "q"), _quote(0, 4, "q")])
    assert _shown(marked) == ["[q*:“A,”] she said, [q:“B.”]"]


def test_a_mention_as_long_as_its_quote_is_inside_it() -> None:
    text = "Ruiz"
    marked = mark_up(text, [(0, 4)], [_mention(0, 4, "m"), _quote(0, 4, "q")])
    assert _shown(marked) == ["[q*:[m*:Ruiz]]"]


def test_an_overlapping_later_quote_is_cut_at_the_earlier_one() -> None:
    text = "abcdefgh"
    marked = mark_up(text, [(0, 8)], [_quote(0, 5, "q1"), _quote(3, 8, "q2")])
    assert _shown(marked) == ["[q1*:abc[q2*:de]][q2:fgh]"]


def test_text_between_paragraphs_and_empty_paragraphs_give_no_nodes() -> None:
    text = "ab\n\n\n\ncd"
    marked = mark_up(text, [(0, 2), (4, 4), (6, 8)], [_quote(1, 7, "q")])
    assert _shown(marked) == ["a[q*:b]", "", "[q:c]d"]
    assert [p.index for p in marked] == [0, 1, 2]
