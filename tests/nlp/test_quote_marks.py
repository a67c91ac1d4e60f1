"""Quotation-mark scanning on raw text."""

from __future__ import annotations

from app.nlp.quote_marks import paragraphs, scan


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in scan(text)]


def test_curly_double_quotes_pair_up() -> None:
    assert texts("He said “yes” and “no.”") == ["“yes”", "“no.”"]


def test_straight_double_quotes_pair_up() -> None:
    assert texts('She said "we will win" today.') == ['"we will win"']


def test_single_quotes_are_quotation_marks_but_apostrophes_are_not() -> None:
    text = "The council called it 'a disgrace' but didn't say why, nor did the Jones' lawyer."
    assert texts(text) == ["'a disgrace'"]


def test_guillemets_and_typewriter_pairs() -> None:
    assert texts("Il a dit « non merci » puis ``never again'' fin.") == ["« non merci »", "``never again''"]


def test_unbalanced_mark_yields_no_segment_and_later_quotes_survive() -> None:
    text = "A stray “ mark here.\n\nThen “a real quote” follows."
    assert texts(text) == ["“a real quote”"]


def test_multi_paragraph_quotation_links_its_paragraphs() -> None:
    text = "“First part of it.\n\n“Second part of it.”\n\nAfter."
    segments = scan(text)
    assert [text[s.start : s.end] for s in segments] == ["“First part of it.", "“Second part of it.”"]
    assert segments[1].continues and not segments[0].continues


def test_paragraphs_skip_blank_separators() -> None:
    assert paragraphs("One.\n\nTwo.\n\n\nThree.") == [(0, 4), (6, 10), (13, 19)]


def test_empty_text_has_no_segments() -> None:
    assert scan("") == []


def test_mixed_typography_closes_at_the_first_closer() -> None:
    text = '“The roads are bad," she said. "The ports are worse.”'
    assert texts(text) == ['“The roads are bad,"', '"The ports are worse.”']


def test_quotation_nested_in_the_other_style_is_skipped() -> None:
    text = '"He told me “never again” last year," she said.'
    assert texts(text) == ['"He told me “never again” last year,"']


def test_single_newline_after_a_sentence_ends_a_paragraph() -> None:
    lines = ["Voters lined up early.", "“We waited an hour.”", "The polls closed at eight."]
    text = "\n".join(lines)
    assert [text[s:e] for s, e in paragraphs(text)] == lines


def test_single_newline_inside_a_sentence_is_a_wrapped_line() -> None:
    text = "Voters lined up early in the\nmorning, and the polls closed at eight."
    assert paragraphs(text) == [(0, len(text))]


def test_mark_after_a_no_break_space_opens_a_quotation() -> None:
    text = '"We lose," he said.\u00a0"Everybody loses, right?"'
    assert [text[s.start : s.end] for s in scan(text)] == ['"We lose,"', '"Everybody loses, right?"']


def test_straight_quote_after_a_spaced_inner_close_ends_the_quotation() -> None:
    text = "\"I dislike the label 'city rich,' \" she said, but she added more."
    first = scan(text)[0]
    assert text[first.start : first.end] == "\"I dislike the label 'city rich,' \""
