"""Input formats to stored articles: parse, annotate, then store everything in one transaction."""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError
from sqlalchemy import delete, insert, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, col, func, select

from app import html_article, models
from app.annotation_pool import describe_failure
from app.models import AnnotationStatus
from app.nlp import Actor, Annotation, Annotator
from app.parsed import PARAGRAPH_SEPARATOR, InvalidArticle, ParsedArticle, checked, utc
from app.schemas import ArticleIn, ArticlePatch, ExportedArticle
from app.search import name_words

V = TypeVar("V")
log = logging.getLogger(__name__)
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
# A short first block like "• Reuters", "- AP" or "By Jane Doe, Reuters" is a byline, not body.
# Every word of a byline's name part is capitalised, so "By Tuesday, more than 100 families ..." stays body.
_NAMES = r"[A-Z][\w.'’&-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w.'’&-]*)*"
_BYLINE = re.compile(rf"^(?:[•·▪*\-–—]+\s*|[Bb]y\s+)(?P<who>{_NAMES}(?:\s*,\s*{_NAMES})*)$")


def split_paragraphs(raw: str, *, find_byline: bool = True) -> tuple[list[str], str | None]:
    """Blocks separated by blank lines, each on one line; plus the byline's source if one leads
    (looked for unless `find_byline` is false: text already stored has lost its byline)."""
    raw = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n")).lstrip("\ufeff")
    blocks = [
        " ".join(line.strip() for line in b.splitlines() if line.strip()) for b in _BLANK_LINE.split(raw)
    ]
    blocks = [b for b in blocks if b]
    source = None
    if find_byline and len(blocks) > 1 and len(blocks[0]) <= 80 and (byline := _BYLINE.match(blocks[0])):
        source = byline["who"].split(",")[-1].strip() or None
        blocks = blocks[1:]
    return blocks, source


def parse_plain_text(raw: str) -> ParsedArticle:
    paragraphs, source = split_paragraphs(raw)
    return checked(ParsedArticle(paragraphs=paragraphs, source=source))


# What a line of `quotewire export` carries beyond ArticleIn: the stored article's id, counts,
# paragraphs and annotation. Read back, they are ignored (the annotation is computed again).
EXPORTED_ONLY_FIELDS = frozenset(ExportedArticle.model_fields) - frozenset(ArticleIn.model_fields)


def parse_json_article(data: object, *, find_byline: bool = True) -> ParsedArticle:
    try:
        article = ArticleIn.model_validate(data)
    except ValidationError as error:
        raise InvalidArticle(_describe(error)) from error
    published = utc(article.published_at) if article.published_at is not None else None
    url = str(article.url) if article.url else None
    if article.html is not None:
        page = html_article.parse_html(article.html)
        # Metadata sent with the page wins over what the page says.
        return replace(
            page,
            title=article.title or page.title,
            source=article.source or page.source,
            url=url or page.url,
            published_at=published or page.published_at,
        )
    assert article.text is not None  # ArticleIn holds exactly one of text and html
    paragraphs, byline_source = split_paragraphs(article.text, find_byline=find_byline)
    return checked(
        ParsedArticle(
            paragraphs=paragraphs,
            title=article.title,
            source=article.source or byline_source,
            url=url,
            published_at=published,
        )
    )


def _describe(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "body"
    return f"{where}: {first['msg']}"


def parse_file_item(data: object) -> ParsedArticle:
    """An article of a `.json` or `.jsonl` file: ArticleIn's fields, or a line of `quotewire export`.

    An exported line's own fields (EXPORTED_ONLY_FIELDS) are dropped and its text is taken as
    stored, without looking for a byline; any other unknown field is still an error.
    """
    if isinstance(data, dict) and EXPORTED_ONLY_FIELDS & data.keys():
        kept = {name: value for name, value in data.items() if name not in EXPORTED_ONLY_FIELDS}
        return parse_json_article(kept, find_byline=False)
    return parse_json_article(data)


@dataclass(frozen=True, slots=True)
class FileItem:
    """One article's place in a file and what it holds: the article, or why it is not one."""

    where: str  # `path`, `path:line` (a JSONL line, or where a .json file stops being JSON), `path: item n`
    article: ParsedArticle | InvalidArticle


def read_file(path: Path) -> Iterator[FileItem]:
    """Articles in one file: `.txt` in the seed format, `.json` (object or list), `.jsonl`, and
    `.html`/`.htm` pages (read as bytes: the page's own charset declaration decides).

    A bad item is yielded as its error and reading goes on, so that a caller can skip it; a file
    that cannot be read at all is one error for the whole file.
    """
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(path)
        return
    try:
        if suffix in HTML_SUFFIXES:
            yield _item(str(path), html_article.parse_html, path.read_bytes())
            return
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        yield FileItem(str(path), InvalidArticle(f"not UTF-8 text (byte {error.start})"))
        return
    except OSError as error:
        yield FileItem(str(path), InvalidArticle(f"cannot be read ({error.strerror})"))
        return
    if suffix == ".txt":
        yield _item(str(path), parse_plain_text, raw)
    elif suffix == ".json":
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as error:
            yield FileItem(f"{path}:{error.lineno}", _not_json(error))
            return
        if isinstance(data, list):
            for number, item in enumerate(data, 1):
                yield _item(f"{path}: item {number}", parse_file_item, item)
        else:
            yield _item(str(path), parse_file_item, data)
    else:
        unsupported = "unsupported file type (use .txt, .json, .jsonl, .html or .htm)"
        yield FileItem(str(path), InvalidArticle(unsupported))


def _read_jsonl(path: Path) -> Iterator[FileItem]:
    """A JSONL file line by line, never whole: memory stays flat on a file of any size. Lines end at
    b"\n" only (JSON strings may hold U+2028 and other line separators); a line that is not UTF-8 is
    an error of that line."""
    try:
        with path.open("rb") as lines:
            for number, raw in enumerate(lines, 1):
                where = f"{path}:{number}"
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as error:
                    yield FileItem(where, InvalidArticle(f"not UTF-8 text (byte {error.start})"))
                    continue
                if line.strip():
                    yield _item(where, _parse_json_line, line)
    except OSError as error:
        yield FileItem(str(path), InvalidArticle(f"cannot be read ({error.strerror})"))


def _item(where: str, parse: Callable[[V], ParsedArticle], value: V) -> FileItem:
    try:
        return FileItem(where, parse(value))
    except InvalidArticle as error:
        return FileItem(where, error)


def _parse_json_line(line: str) -> ParsedArticle:
    return parse_file_item(_load_json(line))


def _load_json(raw: str) -> object:
    try:
        return json.loads(raw)
    except json.JSONDecodeError as error:
        raise _not_json(error) from error


def _not_json(error: json.JSONDecodeError) -> InvalidArticle:
    return InvalidArticle(f"not valid JSON ({error.msg}, column {error.colno})")


HTML_SUFFIXES = (".html", ".htm")
SUPPORTED_SUFFIXES = (".txt", ".json", ".jsonl", *HTML_SUFFIXES)


def collect_files(paths: list[Path]) -> list[Path]:
    """The article files named, folders searched recursively, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            found.append(path)
        else:
            raise InvalidArticle(f"{path}: no such file or folder")
    return found


def find_by_hash(session: Session, content_hash: str) -> models.Article | None:
    return session.exec(select(models.Article).where(models.Article.content_hash == content_hash)).first()


def ingest(session: Session, annotator: Annotator, parsed: ParsedArticle) -> tuple[models.Article, bool]:
    """Store and annotate an article; return it and whether it is new (same body = same article)."""
    existing = find_by_hash(session, parsed.content_hash)
    if existing is not None:
        return existing, False
    annotation, error = annotate_or_fail(annotator, parsed.text)
    return store_new(session, parsed, annotation, annotator.version, error)


def annotate_or_fail(annotator: Annotator, text: str) -> tuple[Annotation, str | None]:
    """The text's annotation, or an empty one and the error: the article is then stored as failed,
    with the error, and `reannotate` tries it again."""
    try:
        return annotator.annotate(text), None
    except Exception as failure:
        log.exception("annotation failed on a %d-character text", len(text))
        return Annotation(actors=[], quotes=[]), describe_failure(failure)


def stored_hashes(session: Session, content_hashes: list[str]) -> set[str]:
    """Which of these bodies are stored already (one query for a whole batch)."""
    query = select(models.Article.content_hash).where(col(models.Article.content_hash).in_(content_hashes))
    return set(session.exec(query).all())


@dataclass(frozen=True, slots=True)
class AnnotatedArticle:
    """A parsed article with its annotation, or with the error the annotator raised on it."""

    parsed: ParsedArticle
    annotation: Annotation
    error: str | None = None


def store_batch(session: Session, batch: list[AnnotatedArticle], annotator_version: str) -> list[bool]:
    """Store a batch of annotated articles in one transaction, all or nothing; return, for each,
    whether it is new (a body stored already, or earlier in the batch, is not stored again)."""
    try:
        new: list[bool] = []
        linked: set[int] = set()
        for item in batch:
            if find_by_hash(session, item.parsed.content_hash) is not None:
                new.append(False)
                continue
            parsed, annotation, error = item.parsed, item.annotation, item.error
            linked |= _insert_article(session, parsed, annotation, annotator_version, error)[1]
            new.append(True)
        refresh_actors(session, linked)  # once per batch: each actor's row is locked and written once
        session.commit()
    except Exception:
        session.rollback()
        raise
    session.expunge_all()  # the batch's rows are not needed again: keep the session's memory flat
    return new


def store_new(
    session: Session,
    parsed: ParsedArticle,
    annotation: Annotation,
    annotator_version: str,
    annotation_error: str | None = None,
) -> tuple[models.Article, bool]:
    """Store an annotated article unless its body is stored already; return it and whether it is new.
    With `annotation_error` it is stored as failed, without quotes or actors."""
    try:
        return store_article(session, parsed, annotation, annotator_version, annotation_error), True
    except IntegrityError:
        # A concurrent request stored the same body first: answer with that article.
        existing = find_by_hash(session, parsed.content_hash)
        if existing is None:
            raise
        return existing, False


def store_article(
    session: Session,
    parsed: ParsedArticle,
    annotation: Annotation,
    annotator_version: str,
    annotation_error: str | None = None,
) -> models.Article:
    """Write the article, its paragraphs and its annotation, all or nothing."""
    try:
        article = add_article(session, parsed, annotation, annotator_version, annotation_error)
        session.commit()
    except Exception:
        session.rollback()
        raise
    session.refresh(article)
    return article


def add_article(
    session: Session,
    parsed: ParsedArticle,
    annotation: Annotation,
    annotator_version: str,
    annotation_error: str | None = None,
) -> models.Article:
    """Add the article, its paragraphs and its annotation to the session's transaction (flushed,
    not committed: the caller owns the transaction)."""
    article, actor_ids = _insert_article(session, parsed, annotation, annotator_version, annotation_error)
    refresh_actors(session, actor_ids)
    return article


def _insert_article(
    session: Session,
    parsed: ParsedArticle,
    annotation: Annotation,
    annotator_version: str,
    annotation_error: str | None,
) -> tuple[models.Article, set[int]]:
    """The rows of `add_article`, without refreshing its actors: the article and the actors it links."""
    article = models.Article(
        title=parsed.title,
        source=parsed.source,
        url=parsed.url,
        published_at=parsed.published_at,
        text=parsed.text,
        content_hash=parsed.content_hash,
        annotator_version=annotator_version,
        annotation_status=AnnotationStatus.DONE if annotation_error is None else AnnotationStatus.FAILED,
        annotation_error=annotation_error,
    )
    session.add(article)
    session.flush()
    assert article.id is not None
    paragraphs, start = [], 0
    for index, paragraph in enumerate(parsed.paragraphs):
        end = start + len(paragraph)
        paragraphs.append(
            {"article_id": article.id, "index": index, "start": start, "end": end, "text": paragraph}
        )
        start = end + len(PARAGRAPH_SEPARATOR)
    insert_rows(session, models.Paragraph, paragraphs)
    actor_ids = write_annotation(session, article, annotation)
    bump_revision(session)
    return article, actor_ids


def reannotate(session: Session, article: models.Article, annotator: Annotator) -> None:
    """Replace an article's annotation with the current engine's, in one transaction."""
    try:
        previous_actors = linked_actor_ids(session, article)
        for table in (models.Quote, models.Mention, models.ArticleActor):
            session.execute(delete(table).where(col(table.article_id) == article.id))
        linked = write_annotation(session, article, annotator.annotate(article.text))
        article.annotator_version = annotator.version
        article.annotation_status, article.annotation_error = AnnotationStatus.DONE, None
        session.add(article)
        refresh_actors(session, previous_actors | linked)
        bump_revision(session)
        session.commit()
    except Exception:
        session.rollback()
        raise


def write_annotation(session: Session, article: models.Article, annotation: Annotation) -> set[int]:
    """Add actors (merged into the global actor table), mentions and quotes of one article; return
    the ids of the actors it links, whose stored summaries the caller refreshes (`refresh_actors`)."""
    assert article.id is not None
    paragraph_starts = _paragraph_starts(article.text)

    def paragraph_of(offset: int) -> int:
        return bisect_right(paragraph_starts, offset) - 1

    actor_ids: list[int] = []
    ranked = sorted(range(len(annotation.actors)), key=lambda i: -annotation.actors[i].salience)
    actor_rows = actors_of(session, [annotation.actors[index] for index in ranked])
    links: dict[int, dict[str, Any]] = {}
    for index, row in zip(ranked, actor_rows, strict=True):
        actor = annotation.actors[index]
        assert row.id is not None
        link = links.get(row.id)
        if link is None:
            links[row.id] = {
                "article_id": article.id,
                "actor_id": row.id,
                "salience": round(actor.salience, 4),
                "aliases": _unique(actor.aliases),
                "roles": _unique(actor.roles),
            }
        else:  # a second annotated actor with the same merge key
            link["aliases"] = _unique([*link["aliases"], *actor.aliases])
            link["roles"] = _unique([*link["roles"], *actor.roles])
        actor_ids.append(row.id)
    insert_rows(session, models.ArticleActor, list(links.values()))
    actor_id_of = dict(zip(ranked, actor_ids, strict=True))
    mentions = [
        {
            "article_id": article.id,
            "actor_id": actor_id_of[index],
            "paragraph": paragraph_of(mention.start),
            "start": mention.start,
            "end": mention.end,
            "text": mention.text,
            "form": mention.form,
        }
        for index, actor in enumerate(annotation.actors)
        for mention in actor.mentions
    ]
    insert_rows(session, models.Mention, mentions)
    quotes = []
    for quote in annotation.quotes:
        speaker, cue = quote.speaker, quote.cue
        quotes.append(
            {
                "article_id": article.id,
                "paragraph": paragraph_of(quote.start),
                "start": quote.start,
                "end": quote.end,
                "spans": [[s, e] for s, e in quote.spans],
                "text": article.text[quote.start : quote.end],
                "kind": quote.kind,
                "rule": quote.rule.value,
                "dated_at": article.dated_at,
                "cue_text": cue.text if cue else None,
                "cue_start": cue.start if cue else None,
                "cue_end": cue.end if cue else None,
                "speaker_text": speaker.text if speaker else None,
                "speaker_start": speaker.start if speaker else None,
                "speaker_end": speaker.end if speaker else None,
                "speaker_anonymous": bool(speaker and speaker.anonymous),
                "speaker_rule": speaker.rule.value if speaker else None,
                "speaker_actor_id": actor_id_of.get(speaker.actor)
                if speaker and speaker.actor is not None
                else None,
                "speaker_affiliation_id": (
                    actor_id_of.get(speaker.affiliation)
                    if speaker and speaker.affiliation is not None
                    else None
                ),
            }
        )
    insert_rows(session, models.Quote, quotes)
    return set(actor_ids)


def insert_rows(session: Session, table: type[SQLModel], rows: list[dict[str, Any]]) -> None:
    """Insert rows given as column values in one executemany, in the session's transaction: an
    article's mentions and quotes number in the hundreds, and building a model object for each
    (instrumented, validated attribute by attribute) cost more than the database's work."""
    if rows:
        session.execute(insert(table), rows)


def _paragraph_starts(text: str) -> list[int]:
    starts = [0]
    position = text.find(PARAGRAPH_SEPARATOR)
    while position != -1:
        starts.append(position + len(PARAGRAPH_SEPARATOR))
        position = text.find(PARAGRAPH_SEPARATOR, position + len(PARAGRAPH_SEPARATOR))
    return starts


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))


def actor_key(name: str, actor_type: str, country_code: str | None) -> str:
    """The cross-article merge key: a country by its code, anything else by type and folded name.

    A bare surname ("Johnson") keys apart from the full name ("Boris Johnson"): the annotator only
    names an actor by its surname when the article never gives the full name, so such articles do
    not merge into the full-name actor.
    """
    if country_code:
        return f"country:{country_code.upper()}"
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    folded = re.sub(r"^the\s+", "", re.sub(r"[^\w&]+", " ", folded).strip())
    return f"{actor_type}:{folded}"


def actors_of(session: Session, actors: Sequence[Actor]) -> list[models.Actor]:
    """Each annotated actor's row, found by its merge key or created (named by the first actor, in
    the order given, with that key), in one query and one flush: a query per actor would flush the
    rows added since the previous one each time, a third of a batch's ingest time."""
    keys = [actor_key(actor.name, actor.type, actor.country_code) for actor in actors]
    found = {
        row.key: row for row in session.exec(select(models.Actor).where(col(models.Actor.key).in_(keys)))
    }
    for key, actor in zip(keys, actors, strict=True):
        if key not in found:
            # Summaries are filled by `refresh_actors`; given here, pydantic skips its slow check of
            # the `list` default factory's signature (a millisecond per field on each new row).
            found[key] = models.Actor(
                key=key,
                name=actor.name,
                type=actor.type,
                country_code=actor.country_code,
                aliases=[],
                roles=[],
            )
            session.add(found[key])
    session.flush()
    return [found[key] for key in keys]


def delete_article(session: Session, article: models.Article) -> None:
    try:
        actor_ids = linked_actor_ids(session, article)
        session.delete(article)
        session.flush()
        refresh_actors(session, actor_ids)
        bump_revision(session)
        session.commit()
    except Exception:
        session.rollback()
        raise


def bump_revision(session: Session) -> None:
    """Count this write, in its transaction: answers cached at the previous count are now stale."""
    revision = models.CorpusRevision
    counted = update(revision).where(col(revision.id) == models.CORPUS_REVISION_ROW)
    session.execute(counted.values(revision=revision.revision + 1))


def linked_actor_ids(session: Session, article: models.Article) -> set[int]:
    query = select(models.ArticleActor.actor_id).where(models.ArticleActor.article_id == article.id)
    return set(session.exec(query).all())


def refresh_actors(session: Session, actor_ids: set[int]) -> None:
    """Recompute what these actors show of all their articles (article and quote counts, aliases,
    roles, name-search words) from the links and quotes they have now; drop those left without any.

    The actor rows are locked first, in id order: a concurrent write counting the same actor waits
    for this one's commit and then counts its rows too, instead of overwriting them with its own
    older count (PostgreSQL; SQLite has one writer at a time). NO KEY UPDATE, because the links being
    added hold KEY SHARE locks on their actors, which a plain FOR UPDATE would wait on.
    """
    if not actor_ids:
        return
    actor, link, quote = models.Actor, models.ArticleActor, models.Quote
    locked = select(actor).where(col(actor.id).in_(actor_ids)).order_by(col(actor.id))
    actors = session.exec(locked.with_for_update(key_share=True)).all()
    aliases: dict[int, list[str]] = {a_id: [] for a_id in actor_ids}
    roles: dict[int, list[str]] = {a_id: [] for a_id in actor_ids}
    article_counts: dict[int, int] = dict.fromkeys(actor_ids, 0)
    links = select(link.actor_id, link.aliases, link.roles).where(col(link.actor_id).in_(actor_ids))
    for actor_id, link_aliases, link_roles in session.exec(links.order_by(col(link.id))):
        aliases[actor_id] += link_aliases
        roles[actor_id] += link_roles
        article_counts[actor_id] += 1
    speaker = col(quote.speaker_actor_id)
    spoken = select(speaker, func.count()).where(speaker.in_(actor_ids)).group_by(speaker)
    quote_counts: dict[int | None, int] = dict(session.exec(spoken).all())
    session.execute(delete(models.ActorWord).where(col(models.ActorWord.actor_id).in_(actor_ids)))
    words_of_actors: list[dict[str, Any]] = []
    for row in actors:
        assert row.id is not None
        if not article_counts[row.id]:
            session.delete(row)  # no stored article mentions it any more
            continue
        row.article_count, row.quote_count = article_counts[row.id], quote_counts.get(row.id, 0)
        row.aliases = [name for name in _unique(aliases[row.id]) if name != row.name]
        row.roles = _unique(roles[row.id])
        words = _unique([word for name in (row.name, *row.aliases) for word in name_words(name)])
        words_of_actors += [{"actor_id": row.id, "word": word} for word in words]
        session.add(row)
    session.flush()
    insert_rows(session, models.ActorWord, words_of_actors)


def update_metadata(session: Session, article: models.Article, patch: ArticlePatch) -> models.Article:
    """Change an article's title, source, url or publication time; its annotation stays as it is."""
    try:
        changes = patch.model_dump(exclude_unset=True)
        if changes.get("url") is not None:
            changes["url"] = str(changes["url"])
        if changes.get("published_at") is not None:
            changes["published_at"] = utc(changes["published_at"])
        for field, value in changes.items():
            setattr(article, field, value)
        article.dated_at = article.published_at or article.ingested_at
        session.add(article)
        quotes = col(models.Quote.article_id) == article.id
        session.execute(update(models.Quote).where(quotes).values(dated_at=article.dated_at))
        bump_revision(session)
        session.commit()
    except Exception:
        session.rollback()
        raise
    session.refresh(article)
    return article
