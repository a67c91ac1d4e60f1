"""Parsing input formats and storing annotated articles in a real, migrated SQLite file."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, update
from sqlmodel import Session, SQLModel, col, select

from app import ingest, models
from app.ingest import (
    InvalidArticle,
    ParsedArticle,
    collect_files,
    parse_file_item,
    parse_json_article,
    parse_plain_text,
    read_file,
)
from app.nlp import Annotation, Annotator, QuoteRule, SpeakerRule
from app.nlp.annotations import Actor, Mention
from tests.conftest import MODEL, SEED
from tests.test_html_article import LATIN_PAGE, LATIN_PARAGRAPHS

FULL_NAME_ARTICLE = (
    "Boris Johnson visited the harbour in Dover on Friday.\n\n"
    '"The port is ready," Johnson told reporters after the tour.'
)
SECOND_FULL_NAME_ARTICLE = (
    "Boris Johnson met fishermen in Plymouth on Saturday.\n\nJohnson said the boats needed new quotas."
)
SURNAME_ONLY_ARTICLE = (
    "Johnson said the council would vote on the bridge next week.\n\n"
    '"It is time to build," Johnson told the local paper.'
)
QUOTE_ARTICLE = (
    "Angela Merkel met Emmanuel Macron in Berlin on Tuesday.\n\n"
    '"We agree on the budget," Merkel said after the meeting.\n\n'
    "Macron said the talks would continue in Paris next month."
)
RULE_ARTICLE = "“We will rebuild,” Anna Berg said."


def count(session: Session, table: type[SQLModel]) -> int:
    return session.exec(select(func.count()).select_from(table)).one()


def store(session: Session, annotator: Annotator, text: str) -> models.Article:
    article, created = ingest.ingest(session, annotator, parse_plain_text(text))
    assert created
    return article


def actor_named(session: Session, name: str) -> models.Actor | None:
    return session.exec(select(models.Actor).where(models.Actor.name == name)).first()


# --- parse_plain_text -----------------------------------------------------------------------------


def test_plain_text_splits_paragraphs_on_blank_lines() -> None:
    parsed = parse_plain_text("First paragraph here.\n\nSecond paragraph here.\n\n\n\nThird one.")
    assert parsed.paragraphs == ["First paragraph here.", "Second paragraph here.", "Third one."]


def test_plain_text_splits_paragraphs_on_crlf_blank_lines() -> None:
    parsed = parse_plain_text("First paragraph.\r\n\r\nSecond paragraph.\r\n")
    assert parsed.paragraphs == ["First paragraph.", "Second paragraph."]


def test_plain_text_treats_whitespace_only_line_as_blank() -> None:
    parsed = parse_plain_text("First paragraph.\n  \t \nSecond paragraph.")
    assert parsed.paragraphs == ["First paragraph.", "Second paragraph."]


def test_plain_text_joins_lines_inside_a_block_with_a_space() -> None:
    parsed = parse_plain_text("The mayor said\n  the plan was ready\nfor a vote.\n\nNext paragraph.")
    assert parsed.paragraphs[0] == "The mayor said the plan was ready for a vote."


def test_plain_text_joins_paragraphs_with_blank_line_in_text() -> None:
    parsed = parse_plain_text("One.\n\nTwo.")
    assert parsed.text == "One.\n\nTwo."


def test_plain_text_bullet_byline_becomes_source() -> None:
    parsed = parse_plain_text("• Reuters\n\nThe council met on Monday.")
    assert parsed.source == "Reuters"
    assert parsed.paragraphs == ["The council met on Monday."]


def test_plain_text_by_author_comma_agency_byline_keeps_agency_as_source() -> None:
    parsed = parse_plain_text("By Jane Doe, Reuters\n\nThe council met on Monday.")
    assert parsed.source == "Reuters"
    assert parsed.paragraphs == ["The council met on Monday."]


def test_plain_text_single_byline_like_block_is_body() -> None:
    parsed = parse_plain_text("• Reuters")
    assert parsed.source is None
    assert parsed.paragraphs == ["• Reuters"]


def test_plain_text_without_byline_has_no_source() -> None:
    parsed = parse_plain_text("The council met on Monday.\n\nIt voted on Tuesday.")
    assert parsed.source is None
    assert len(parsed.paragraphs) == 2


@pytest.mark.parametrize("raw", ["", "   ", "\n\n \t\n\r\n"])
def test_plain_text_empty_body_raises_invalid_article(raw: str) -> None:
    with pytest.raises(InvalidArticle, match="no body text"):
        parse_plain_text(raw)


def test_seed_parses_to_twelve_paragraphs_from_reuters() -> None:
    parsed = parse_plain_text(SEED.read_text(encoding="utf-8"))
    assert len(parsed.paragraphs) == 12
    assert parsed.source == "Reuters"


def test_content_hash_is_same_for_same_body_with_different_line_endings() -> None:
    unix = parse_plain_text("One line.\n\nTwo line.")
    windows = parse_plain_text("One line.\r\n\r\nTwo line.\r\n")
    assert unix.content_hash == windows.content_hash


# --- parse_json_article ---------------------------------------------------------------------------


def test_json_article_keeps_its_fields() -> None:
    parsed = parse_json_article(
        {
            "text": "The council met.\n\nIt voted.",
            "title": "Council votes",
            "source": "Example Wire",
            "url": "https://news.example.org/council",
            "published_at": "2026-01-02T03:04:05+01:00",
        }
    )
    assert parsed.paragraphs == ["The council met.", "It voted."]
    assert parsed.title == "Council votes"
    assert parsed.source == "Example Wire"
    assert parsed.url == "https://news.example.org/council"
    assert parsed.published_at == datetime(2026, 1, 2, 2, 4, 5, tzinfo=UTC)


def test_json_article_naive_published_at_becomes_utc() -> None:
    parsed = parse_json_article({"text": "Body.", "published_at": "2026-01-02T03:04:05"})
    assert parsed.published_at == datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert parsed.published_at is not None and parsed.published_at.tzinfo is not None


def test_json_article_without_source_uses_byline() -> None:
    parsed = parse_json_article({"text": "• AP\n\nThe council met."})
    assert parsed.source == "AP"


def test_json_article_unknown_field_is_rejected() -> None:
    with pytest.raises(InvalidArticle, match="author"):
        parse_json_article({"text": "Body.", "author": "Jane"})


def test_json_article_bad_url_is_rejected() -> None:
    with pytest.raises(InvalidArticle, match="url"):
        parse_json_article({"text": "Body.", "url": "not a url"})


def test_json_article_missing_text_is_rejected() -> None:
    with pytest.raises(InvalidArticle, match="text"):
        parse_json_article({"title": "No body"})


# --- read_file and collect_files ------------------------------------------------------------------


def articles_of(path: Path) -> list[ParsedArticle]:
    """The articles of a file that holds no bad item."""
    items = list(read_file(path))
    assert all(isinstance(item.article, ParsedArticle) for item in items), items
    return [item.article for item in items if isinstance(item.article, ParsedArticle)]


def errors_of(path: Path) -> list[str]:
    return [
        f"{item.where}: {item.article}"
        for item in read_file(path)
        if isinstance(item.article, InvalidArticle)
    ]


def test_read_file_txt_yields_one_article(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("• AP\n\nThe council met.\n\nIt voted.", encoding="utf-8")
    articles = articles_of(path)
    assert [a.paragraphs for a in articles] == [["The council met.", "It voted."]]
    assert articles[0].source == "AP"


def test_read_file_json_object_yields_one_article(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": "The council met.", "title": "T"}), encoding="utf-8")
    articles = articles_of(path)
    assert len(articles) == 1
    assert articles[0].title == "T"


def test_read_file_json_list_yields_each_article(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"text": "First body."}, {"text": "Second body."}]), encoding="utf-8")
    assert [a.text for a in articles_of(path)] == ["First body.", "Second body."]


def test_read_file_jsonl_yields_one_article_per_non_blank_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    lines = [json.dumps({"text": "First body."}), "", json.dumps({"text": "Second body."}), "  "]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [a.text for a in articles_of(path)] == ["First body.", "Second body."]
    assert [item.where for item in read_file(path)] == [f"{path}:1", f"{path}:3"]


def test_read_file_jsonl_keeps_line_separator_character_inside_a_string(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"text": "Prices fell\u2028sharply."}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    assert len(articles_of(path)) == 1


def test_read_file_jsonl_bad_lines_are_named_by_line_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    lines = ['{"text": "Fine."}', "{broken", '{"text": "Body.", "author": "Jane"}', '{"text": "Also fine."}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert errors_of(path) == [
        f"{path}:2: not valid JSON (Expecting property name enclosed in double quotes, column 2)",
        f"{path}:3: author: Extra inputs are not permitted",
    ]
    assert [item.where for item in read_file(path) if isinstance(item.article, ParsedArticle)] == [
        f"{path}:1",
        f"{path}:4",
    ]


def test_read_file_json_list_bad_item_is_named_by_its_number(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"text": "First body."}, {"title": "No body"}]), encoding="utf-8")
    assert errors_of(path) == [f"{path}: item 2: body: Value error, Send exactly one of `text` and `html`."]


def test_read_file_json_that_is_not_json_is_named_by_the_line_it_breaks_on(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('[\n  {"text": "First body."},\n  {"text": "Second"\n]\n', encoding="utf-8")
    assert errors_of(path) == [f"{path}:4: not valid JSON (Expecting ',' delimiter, column 1)"]


def test_read_file_not_utf8_is_one_error_for_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Caf\u00e9 owners met.".encode("latin-1"))
    assert errors_of(path) == [f"{path}: not UTF-8 text (byte 3)"]


def test_read_file_unsupported_suffix_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("The council met.", encoding="utf-8")
    assert errors_of(path) == [f"{path}: unsupported file type (use .txt, .json, .jsonl, .html or .htm)"]


# --- lines of `quotewire export` -------------------------------------------------------------------


EXPORTED_LINE = {
    "id": 7,
    "title": "Council",
    "source": "Reuters",
    "url": None,
    "published_at": "2026-01-02T03:04:05Z",
    "ingested_at": "2026-01-03T00:00:00Z",
    "annotator_version": "quotewire-1+old",
    "quote_count": 9,
    "actor_count": 9,
    "text": "By Jane Doe\n\nThe council met.",
    "paragraphs": "ignored, whatever it holds",
    "quotes": [{"id": 1}],
    "actors": None,
}


def test_exported_line_is_read_by_its_text_and_metadata() -> None:
    parsed = parse_file_item(EXPORTED_LINE)
    assert parsed == ParsedArticle(
        paragraphs=["By Jane Doe", "The council met."],
        title="Council",
        source="Reuters",
        published_at=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
    )


def test_exported_line_with_an_unknown_field_is_rejected() -> None:
    with pytest.raises(InvalidArticle, match=r"^colour: Extra inputs are not permitted$"):
        parse_file_item({**EXPORTED_LINE, "colour": "red"})


def test_exported_fields_are_not_accepted_by_the_api_parser() -> None:
    with pytest.raises(InvalidArticle, match=r"^id: Extra inputs are not permitted$"):
        parse_json_article({"text": "The council met.", "id": 7})


def test_collect_files_searches_folder_recursively_sorted_supported_only(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    for name in ["b.txt", "a.json", "sub/c.jsonl", "sub/deeper/d.txt", "notes.md", "sub/x.csv"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = collect_files([tmp_path])
    assert found == sorted(found)
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.json",
        "b.txt",
        "sub/c.jsonl",
        "sub/deeper/d.txt",
    ]


def test_read_file_html_page_is_read_by_its_own_meta_charset(tmp_path: Path) -> None:
    path = tmp_path / "fair.HTM"
    path.write_bytes(LATIN_PAGE.encode("cp1252"))
    assert [(a.title, a.paragraphs) for a in articles_of(path)] == [("Fair opens", LATIN_PARAGRAPHS)]


def test_read_file_json_html_article(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"html": LATIN_PAGE, "source": "Tarrasa Daily"}), encoding="utf-8")
    assert [(a.source, a.paragraphs) for a in articles_of(path)] == [("Tarrasa Daily", LATIN_PARAGRAPHS)]


def test_collect_files_finds_html_and_htm_pages(tmp_path: Path) -> None:
    for name in ["a.html", "b.HTM", "c.xhtml", "d.txt"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in collect_files([tmp_path])] == ["a.html", "b.HTM", "d.txt"]


def test_collect_files_keeps_named_file_as_given(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text("x", encoding="utf-8")
    assert collect_files([path]) == [path]


def test_collect_files_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(InvalidArticle, match="no such file or folder"):
        collect_files([tmp_path / "missing"])


# --- storing ----------------------------------------------------------------------------------------


def test_ingest_same_body_twice_returns_existing_article(session: Session, annotator: Annotator) -> None:
    parsed = parse_plain_text(QUOTE_ARTICLE)
    first, created = ingest.ingest(session, annotator, parsed)
    again, created_again = ingest.ingest(session, annotator, parse_plain_text(QUOTE_ARTICLE))
    assert (created, created_again) == (True, False)
    assert again.id == first.id
    assert count(session, models.Article) == 1


def test_ingest_stores_fields_and_annotator_version(session: Session, annotator: Annotator) -> None:
    parsed = parse_json_article(
        {
            "text": QUOTE_ARTICLE,
            "title": "Leaders meet",
            "source": "Example Wire",
            "url": "https://news.example.org/leaders",
            "published_at": "2026-03-04T05:06:07Z",
        }
    )
    article, _ = ingest.ingest(session, annotator, parsed)
    assert (article.title, article.source, article.url) == (
        "Leaders meet",
        "Example Wire",
        "https://news.example.org/leaders",
    )
    assert article.text == parsed.text
    assert article.content_hash == parsed.content_hash
    assert article.annotator_version == annotator.version


def test_seed_paragraph_offsets_index_into_article_text(session: Session, annotator: Annotator) -> None:
    article, _ = ingest.ingest(session, annotator, parse_plain_text(SEED.read_text(encoding="utf-8")))
    paragraphs = session.exec(
        select(models.Paragraph)
        .where(models.Paragraph.article_id == article.id)
        .order_by(col(models.Paragraph.index))
    ).all()
    assert [p.index for p in paragraphs] == list(range(12))
    for paragraph in paragraphs:
        assert article.text[paragraph.start : paragraph.end] == paragraph.text


def test_seed_mention_and_quote_offsets_index_into_article_text(
    session: Session, annotator: Annotator
) -> None:
    article, _ = ingest.ingest(session, annotator, parse_plain_text(SEED.read_text(encoding="utf-8")))
    text = article.text
    mentions = session.exec(select(models.Mention).where(models.Mention.article_id == article.id)).all()
    quotes = session.exec(select(models.Quote).where(models.Quote.article_id == article.id)).all()
    paragraphs = session.exec(select(models.Paragraph).where(models.Paragraph.article_id == article.id)).all()
    bounds = {p.index: (p.start, p.end) for p in paragraphs}
    assert mentions and quotes
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        start, end = bounds[mention.paragraph]
        assert start <= mention.start < end
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        for span_start, span_end in quote.spans:
            assert quote.start <= span_start < span_end <= quote.end
        if quote.cue_text is not None:
            assert text[quote.cue_start : quote.cue_end] == quote.cue_text
        if quote.speaker_text is not None:
            assert text[quote.speaker_start : quote.speaker_end] == quote.speaker_text
        start, end = bounds[quote.paragraph]
        assert start <= quote.start < end


def test_quote_speaker_is_linked_to_the_named_actor(session: Session, annotator: Annotator) -> None:
    article = store(session, annotator, QUOTE_ARTICLE)
    merkel = actor_named(session, "Angela Merkel")
    assert merkel is not None
    quotes = session.exec(select(models.Quote).where(models.Quote.article_id == article.id)).all()
    budget = next(q for q in quotes if "budget" in q.text)
    assert budget.speaker_actor_id == merkel.id
    assert budget.kind == "direct"


def test_quote_row_keeps_the_rules_the_annotator_gave(session: Session, annotator: Annotator) -> None:
    article = store(session, annotator, RULE_ARTICLE)
    (expected,) = annotator.annotate(RULE_ARTICLE).quotes
    assert expected.speaker is not None
    (row,) = session.exec(select(models.Quote).where(models.Quote.article_id == article.id)).all()
    assert (row.text, row.speaker_text) == ("“We will rebuild,”", "Anna Berg")
    assert (row.rule, row.speaker_rule) == (expected.rule.value, expected.speaker.rule.value)
    assert row.rule in set(QuoteRule)
    assert row.speaker_rule in set(SpeakerRule)


def test_reannotate_fills_rules_on_quotes_stored_without_them(session: Session, annotator: Annotator) -> None:
    """Quotes stored before migration 0002 have no rule; re-annotating writes the current engine's."""
    article = store(session, annotator, RULE_ARTICLE)
    (expected,) = annotator.annotate(RULE_ARTICLE).quotes
    assert expected.speaker is not None
    session.execute(update(models.Quote).values(rule=None, speaker_rule=None))
    article.annotator_version = "old-version"
    session.add(article)
    session.commit()
    ingest.reannotate(session, article, annotator)
    (row,) = session.exec(select(models.Quote).where(models.Quote.article_id == article.id)).all()
    assert (row.speaker_text, row.rule, row.speaker_rule) == (
        "Anna Berg",
        expected.rule.value,
        expected.speaker.rule.value,
    )


def test_failing_annotation_write_leaves_no_rows(
    session: Session, annotator: Annotator, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_write(*_args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(ingest, "write_annotation", broken_write)
    with pytest.raises(RuntimeError, match="disk on fire"):
        ingest.ingest(session, annotator, parse_plain_text(QUOTE_ARTICLE))
    assert count(session, models.Article) == 0
    assert count(session, models.Paragraph) == 0


def test_database_error_in_annotation_rolls_back_article_and_actors(session: Session) -> None:
    """A mention without text breaks a NOT NULL constraint after article, paragraphs and actor were added."""
    parsed = parse_plain_text("Ada Lovelace wrote notes.\n\nShe published them.")
    bad = Annotation(actors=[Actor("Ada Lovelace", "person", mentions=[Mention(0, 12, None)])])  # type: ignore[arg-type]
    with pytest.raises(Exception, match=r"(?i)not.null"):
        ingest.store_article(session, parsed, bad, "test-version")
    assert count(session, models.Article) == 0
    assert count(session, models.Paragraph) == 0
    assert count(session, models.Actor) == 0
    assert ingest.find_by_hash(session, parsed.content_hash) is None


def test_session_stays_usable_after_failed_store(session: Session, annotator: Annotator) -> None:
    parsed = parse_plain_text(QUOTE_ARTICLE)
    bad = Annotation(actors=[Actor("Broken", "person", mentions=[Mention(0, 1, None)])])  # type: ignore[arg-type]
    with pytest.raises(Exception, match=r"(?i)not.null"):
        ingest.store_article(session, parsed, bad, "test-version")
    article, created = ingest.ingest(session, annotator, parsed)
    assert created
    assert count(session, models.Article) == 1
    assert article.id is not None


def test_reannotate_keeps_counts_and_sets_annotator_version(session: Session, annotator: Annotator) -> None:
    article = store(session, annotator, QUOTE_ARTICLE)
    tables: list[type[SQLModel]] = [
        models.Actor,
        models.ArticleActor,
        models.Mention,
        models.Quote,
        models.Paragraph,
    ]
    before = {t.__name__: count(session, t) for t in tables}
    article.annotator_version = "old-version"
    session.add(article)
    session.commit()
    ingest.reannotate(session, article, annotator)
    session.refresh(article)
    assert article.annotator_version == annotator.version
    assert {t.__name__: count(session, t) for t in tables} == before
    assert before["Quote"] > 0


def summary(session: Session, name: str) -> tuple[int, int, list[str], list[str]]:
    actor = actor_named(session, name)
    assert actor is not None
    session.refresh(actor)
    return actor.article_count, actor.quote_count, actor.aliases, actor.roles


def test_reannotate_recounts_the_actors_of_the_links_it_drops(session: Session, annotator: Annotator) -> None:
    store(session, annotator, "Oskar Wirt said the roads were closed.")
    school = store(session, annotator, "Tom Berg visited the new school on Monday.")
    wirt = actor_named(session, "Oskar Wirt")
    assert wirt is not None and wirt.id is not None
    # A link the engine would not make: re-annotating the school article drops it.
    link = models.ArticleActor(article_id=school.id, actor_id=wirt.id, aliases=["Zed"], roles=["the driver"])
    session.add(link)
    ingest.refresh_actors(session, {wirt.id})
    session.commit()
    assert summary(session, "Oskar Wirt") == (2, 1, ["Zed"], ["the driver"])
    ingest.reannotate(session, school, annotator)
    assert summary(session, "Oskar Wirt") == (1, 1, [], [])
    assert summary(session, "Tom Berg") == (1, 0, [], [])


def test_delete_article_removes_its_rows_and_orphan_actors(session: Session, annotator: Annotator) -> None:
    article = store(session, annotator, QUOTE_ARTICLE)
    ingest.delete_article(session, article)
    for table in (
        models.Article,
        models.Paragraph,
        models.ArticleActor,
        models.Mention,
        models.Quote,
        models.Actor,
    ):
        assert count(session, table) == 0, table.__name__


def test_delete_article_keeps_actors_another_article_mentions(session: Session, annotator: Annotator) -> None:
    first = store(session, annotator, FULL_NAME_ARTICLE)
    second = store(session, annotator, SECOND_FULL_NAME_ARTICLE)
    dover = actor_named(session, "Dover")
    assert dover is not None
    ingest.delete_article(session, first)
    assert actor_named(session, "Boris Johnson") is not None
    assert actor_named(session, "Dover") is None
    assert count(session, models.Article) == 1
    remaining = session.exec(select(models.ArticleActor)).all()
    assert {link.article_id for link in remaining} == {second.id}


def test_articles_naming_same_full_name_share_one_actor(session: Session, annotator: Annotator) -> None:
    first = store(session, annotator, FULL_NAME_ARTICLE)
    second = store(session, annotator, SECOND_FULL_NAME_ARTICLE)
    actors = session.exec(select(models.Actor).where(models.Actor.name == "Boris Johnson")).all()
    assert len(actors) == 1
    links = session.exec(
        select(models.ArticleActor).where(models.ArticleActor.actor_id == actors[0].id)
    ).all()
    assert {link.article_id for link in links} == {first.id, second.id}


def test_surname_only_article_does_not_merge_into_full_name_actor(
    session: Session, annotator: Annotator
) -> None:
    store(session, annotator, FULL_NAME_ARTICLE)
    surname_article = store(session, annotator, SURNAME_ONLY_ARTICLE)
    boris = actor_named(session, "Boris Johnson")
    assert boris is not None
    links = session.exec(
        select(models.ArticleActor).where(models.ArticleActor.article_id == surname_article.id)
    ).all()
    assert boris.id not in {link.actor_id for link in links}
    johnson = actor_named(session, "Johnson")
    assert johnson is not None and johnson.id != boris.id
    assert johnson.id in {link.actor_id for link in links}


def test_actor_key_keeps_surname_apart_from_full_name() -> None:
    assert ingest.actor_key("Johnson", "person", None) != ingest.actor_key("Boris Johnson", "person", None)


def test_actor_key_folds_case_accents_and_leading_the() -> None:
    assert ingest.actor_key("The  Café Group", "organization", None) == ingest.actor_key(
        "cafe group", "organization", None
    )


def test_actor_key_uses_country_code_for_countries() -> None:
    assert ingest.actor_key("Venezuela", "location", "ve") == ingest.actor_key("Venezuelan", "location", "VE")


def test_actors_of_finds_stored_actors_by_key_and_names_new_ones_by_the_first_given(session: Session) -> None:
    stored = models.Actor(key="organization:harbour council", name="Harbour Council", type="organization")
    session.add(stored)
    session.flush()
    rows = ingest.actors_of(
        session,
        [
            Actor(name="the Harbour Council", type="organization"),
            Actor(name="Ilse Varga", type="person"),
            Actor(name="ILSE VARGA", type="person"),
            Actor(name="Norway", type="location", country_code="no"),
        ],
    )
    assert rows[0] is stored
    assert rows[1] is rows[2]
    assert [(row.key, row.name) for row in rows] == [
        ("organization:harbour council", "Harbour Council"),
        ("person:ilse varga", "Ilse Varga"),
        ("person:ilse varga", "Ilse Varga"),
        ("country:NO", "Norway"),
    ]
    assert all(row.id is not None for row in rows)
    assert count(session, models.Actor) == 3


def test_parsed_article_text_has_paragraph_separator() -> None:
    parsed = ParsedArticle(paragraphs=["A.", "B."])
    assert parsed.text == "A." + ingest.PARAGRAPH_SEPARATOR + "B."


def test_lede_starting_with_by_and_a_lowercase_word_is_body_not_byline() -> None:
    article = parse_plain_text(
        "By Tuesday, more than 100 families had left\n\nThe army said the road was closed."
    )
    assert article.source is None
    assert len(article.paragraphs) == 2


def test_collect_files_skips_hidden_folders_and_accepts_uppercase_suffixes(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "note.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / "LOUD.TXT").write_text("Shouted body.", encoding="utf-8")
    assert collect_files([tmp_path]) == [tmp_path / "LOUD.TXT"]


class _BrokenAnnotator(Annotator):
    """The real annotator, failing on every text: how an annotator bug reaches ingest."""

    def annotate(self, text: str) -> Annotation:
        raise RuntimeError("parser state corrupted")


def test_article_whose_annotation_fails_is_stored_as_failed_with_the_error(session: Session) -> None:
    parsed = parse_plain_text("“The dam holds,” said Mayor Ana Ruiz.\n\nThe river fell overnight.")
    article, created = ingest.ingest(session, _BrokenAnnotator(MODEL), parsed)
    assert created
    assert (article.annotation_status, article.annotation_error) == (
        "failed",
        "RuntimeError: parser state corrupted",
    )
    assert article.text == "“The dam holds,” said Mayor Ana Ruiz.\n\nThe river fell overnight."
    assert session.exec(select(models.Quote)).all() == []
    assert len(session.exec(select(models.Paragraph)).all()) == 2


def test_reannotating_a_failed_article_marks_it_done_with_its_quote(
    session: Session, annotator: Annotator
) -> None:
    parsed = parse_plain_text("“The dam holds,” said Mayor Ana Ruiz.")
    article, _ = ingest.ingest(session, _BrokenAnnotator(MODEL), parsed)
    ingest.reannotate(session, article, annotator)
    assert (article.annotation_status, article.annotation_error) == ("done", None)
    assert [q.text for q in session.exec(select(models.Quote)).all()] == ["“The dam holds,”"]
