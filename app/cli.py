"""`quotewire` command line: migrate, ingest files, run a queue worker, re-annotate, export and count
stored articles.

Output for people and for scripts: progress, warnings and errors go to stderr; a command's summary
goes to stdout (export's to stderr, its stdout being the data). `--quiet` leaves only the errors,
`--json` makes the summary one JSON object. A wrong setting is one line on stderr, not a traceback.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime
from enum import IntEnum
from pathlib import Path
from typing import Annotated, NoReturn

import click
import typer
from rich.console import Console
from rich.progress import Progress, track
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from app import export, ingest, models
from app.batch_ingest import Entry, annotated_here, annotated_in_workers, batched
from app.config import get_settings
from app.ingest import InvalidArticle
from app.models import AnnotationStatus
from app.nlp import Annotator
from app.schemas import ExportedArticle
from app.startup import (
    QUEUE_NOT_INSTALLED,
    StartupError,
    annotator_version,
    load_annotator,
    one_line,
    open_database,
)
from app.stats import corpus_stats

cli = typer.Typer(
    help="quotewire: annotated news articles (who said what, who is in the story).",
    no_args_is_help=True,
    # Plain help: flags with their value names (--since DATE), no boxes or Python type names.
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)


class Exit(IntEnum):
    """Exit statuses, the same for every command."""

    OK = 0
    NOTHING_FOUND = 1  # a warning: no article file among the paths given
    BAD_INPUT = 2  # stopped at the first bad input (also click's status for a bad command line)
    SOME_FAILED = 3  # --keep-going: bad inputs skipped, the others stored
    UNUSABLE_SETUP = 4  # the database or the spaCy model cannot be used


Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary: only errors.")]
AsJson = Annotated[bool, typer.Option("--json", help="Print the summary as one JSON object.")]


def _error(message: str) -> None:
    typer.echo(f"error: {message}", err=True)


def _setup_failed(error: StartupError) -> NoReturn:
    _error(str(error))
    raise typer.Exit(Exit.UNUSABLE_SETUP)


def _database() -> Engine:
    try:
        return open_database(get_settings().database_url)
    except StartupError as error:
        _setup_failed(error)


def _annotator() -> Annotator:
    try:
        return load_annotator(get_settings().nlp_model)
    except StartupError as error:
        _setup_failed(error)


def _annotator_version(model: str) -> str:
    try:
        return annotator_version(model)
    except StartupError as error:
        _setup_failed(error)


def _summary(data: object, text: str, *, quiet: bool, as_json: bool, err: bool = False) -> None:
    if as_json:
        typer.echo(json.dumps(data), err=err)
    elif not quiet:
        typer.echo(text, err=err)


@cli.command()
def migrate() -> None:
    """Upgrade the database (QUOTEWIRE_DATABASE_URL) to the newest schema."""
    _database().dispose()
    typer.echo("database is at the newest schema")


@dataclass
class Failure:
    input: str  # `path`, `path:line` (JSONL) or `path: item n` (JSON list)
    error: str


@dataclass
class IngestSummary:
    files: int = 0
    ingested: int = 0
    already_stored: int = 0
    failed: list[Failure] = field(default_factory=list)
    stopped: bool = False  # without --keep-going, at the first failure

    def line(self) -> str:
        counts = (
            f"{self.ingested} ingested, {self.already_stored} already stored, {len(self.failed)} failed, "
            f"from {self.files} files"
        )
        return (
            f"{counts} (stopped at the first failure; --keep-going skips bad inputs)"
            if self.stopped
            else counts
        )


# Articles annotated together (one `nlp.pipe` call) and stored in one transaction.
DEFAULT_BATCH_SIZE = 64


class _Stopped(Exception):
    """A bad input without --keep-going: the run ends here."""


@cli.command("ingest")
def ingest_paths(
    # Hidden from the help's argument list, which would show the Python type (<list[Path]>): the
    # usage line names PATH and the docstring says what it is. The same for export's PATH.
    paths: Annotated[list[Path], typer.Argument(metavar="PATH", hidden=True)],
    keep_going: Annotated[
        bool, typer.Option("--keep-going", help="Skip bad inputs; list them at the end (exit 3).")
    ] = False,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            metavar="N",
            min=0,
            help="Annotate in N processes, each with its own model, while this one stores (0: annotate "
            "here, between stores).",
        ),
    ] = 1,
    batch_size: Annotated[
        int,
        typer.Option(
            "--batch-size",
            metavar="N",
            min=1,
            help="Articles annotated together and stored in one transaction.",
        ),
    ] = DEFAULT_BATCH_SIZE,
    quiet: Quiet = False,
    as_json: AsJson = False,
) -> None:
    """Parse, annotate and store articles.

    Each PATH is a .txt, .json, .jsonl, .html or .htm file, or a folder searched for them (hidden ones
    skipped). A body already stored is skipped.

    Inputs are streamed (a JSONL file is read line by line). Without --keep-going, every input is
    first read and checked, and the first bad one (a file, an item of a JSON list, a JSONL line)
    stops the run with nothing stored. A line of `quotewire export` is an article: its id,
    ingested_at, annotator_version, counts, paragraphs, quotes and actors are ignored and computed
    again; any other unknown field is an error.

    Articles are annotated --batch-size at a time, in --workers processes while this one stores the
    batches before, and each batch is stored in one transaction: a run that is killed leaves whole
    batches only, and running it again stores the rest. An input of one batch is annotated in this
    process.

    Exit status: 0 done; 1 no article file found; 2 a bad input, nothing stored; 3 (--keep-going)
    bad inputs skipped, the others stored; 4 the database or the model cannot be used.
    """
    engine = _database()
    summary = IngestSummary()
    try:
        _ingest(
            engine, paths, summary, keep_going=keep_going, quiet=quiet, workers=workers, batch_size=batch_size
        )
    except _Stopped:
        summary.stopped = True
    nothing_found = summary.files == 0 and not summary.failed
    if nothing_found:
        searched = " ".join(map(str, paths))
        typer.echo(f"warning: no .txt, .json, .jsonl, .html or .htm file in {searched}", err=True)
    for failure in summary.failed:
        _error(f"{failure.input}: {failure.error}")
    _summary(asdict(summary), summary.line(), quiet=quiet, as_json=as_json)
    if summary.stopped:
        raise typer.Exit(Exit.BAD_INPUT)
    if summary.failed:
        raise typer.Exit(Exit.SOME_FAILED)
    if nothing_found:
        raise typer.Exit(Exit.NOTHING_FOUND)


def _ingest(
    engine: Engine,
    paths: list[Path],
    summary: IngestSummary,
    *,
    keep_going: bool,
    quiet: bool,
    workers: int,
    batch_size: int,
) -> None:
    def fail(where: str, message: str) -> None:
        summary.failed.append(Failure(where, message))
        if not keep_going:
            raise _Stopped

    files: list[Path] = []
    for path in paths:
        if path.is_file() or path.is_dir():
            files += ingest.collect_files([path])
        else:
            fail(str(path), "no such file or folder")
    summary.files = len(files)

    def entries() -> Iterator[Entry]:
        for file in files:
            for item in ingest.read_file(file):
                if isinstance(item.article, InvalidArticle):
                    fail(item.where, str(item.article))
                else:
                    yield Entry(item.where, item.article)

    total = None
    if not keep_going:
        # A first pass that keeps no article, only their count: a bad input stops the run here,
        # before anything is stored.
        total = sum(1 for _ in entries())
        if total == 0:
            return

    def unstored(batches: Iterator[list[Entry]]) -> Iterator[list[Entry]]:
        for batch in batches:
            with Session(engine) as session:
                stored = ingest.stored_hashes(session, [entry.parsed.content_hash for entry in batch])
            fresh = [entry for entry in batch if entry.parsed.content_hash not in stored]
            summary.already_stored += len(batch) - len(fresh)
            if fresh:
                yield fresh

    model = get_settings().nlp_model
    batches = unstored(batched(entries(), batch_size))
    if workers == 0 or (total is not None and total <= batch_size):  # one batch: nothing to overlap
        annotator = _annotator()
        version, annotated = annotator.version, annotated_here(batches, annotator)
    else:  # the workers load the model; this process only stores
        version, annotated = _annotator_version(model), annotated_in_workers(batches, model, workers)
    with Session(engine) as session, Progress(console=console, disable=quiet) as progress:
        task = progress.add_task("Ingesting", total=total)
        for batch, articles in annotated:
            for stored in _store(session, version, batch, articles, fail):
                summary.ingested += stored
                summary.already_stored += not stored
            progress.update(task, completed=summary.ingested + summary.already_stored)


def _store(
    session: Session,
    version: str,
    batch: list[Entry],
    articles: list[ingest.AnnotatedArticle],
    fail: Callable[[str, str], None],
) -> Iterator[bool]:
    """Whether each article of the batch is new: the batch in one transaction, or, should that fail,
    one article at a time, so that only the article the database refuses is lost."""
    try:
        yield from ingest.store_batch(session, articles, version)
        return
    except Exception:  # a fault while storing one of them: found by storing them one by one
        pass
    for entry, article in zip(batch, articles, strict=True):
        try:
            _row, is_new = ingest.store_new(
                session, article.parsed, article.annotation, version, article.error
            )
        except Exception as error:
            fail(entry.where, f"cannot annotate or store it ({type(error).__name__}: {one_line(error)})")
            continue
        yield is_new


@cli.command()
def reannotate(
    all_articles: Annotated[
        bool, typer.Option("--all", help="Also articles already at this version.")
    ] = False,
    quiet: Quiet = False,
    as_json: AsJson = False,
) -> None:
    """Re-annotate stored articles with the current engine.

    Articles annotated by an older engine or whose annotation failed, or all with --all; one
    transaction per article.
    """
    engine = _database()
    annotator = _annotator()
    with Session(engine) as session:
        query = select(models.Article).order_by(col(models.Article.id))
        if not all_articles:
            query = query.where(
                (models.Article.annotator_version != annotator.version)
                | (models.Article.annotation_status == AnnotationStatus.FAILED)
            )
        stale = session.exec(query).all()
        for article in track(stale, description="Re-annotating", console=console, disable=quiet):
            ingest.reannotate(session, article, annotator)
    _summary(
        {"reannotated": len(stale), "annotator_version": annotator.version},
        f"{len(stale)} articles re-annotated with {annotator.version}",
        quiet=quiet,
        as_json=as_json,
    )


def _moment(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value)
    except ValueError as error:
        raise typer.BadParameter(
            f"{value!r} is not a date (2026-11-25) or a time (2026-11-25T10:00)"
        ) from error


@cli.command("export")
def export_articles(
    path: Annotated[str, typer.Argument(metavar="PATH", hidden=True)] = "-",
    since: Annotated[
        datetime | None,
        typer.Option(
            metavar="DATE",
            parser=_moment,
            help="Only articles ingested at or after this date or time (2026-11-25, "
            "2026-11-25T10:00, 2026-11-25T10:00+01:00; no offset = UTC).",
        ),
    ] = None,
    quiet: Quiet = False,
    as_json: AsJson = False,
) -> None:
    """Write the stored articles as JSONL.

    To PATH (a file, replaced only once complete) or to stdout (- or no PATH): one article a
    line, as GET /v1/articles/{id} serves it, with its "quotes" and "actors" lists as the API
    serves them, in the order the articles were stored.

    `quotewire ingest` reads the file back; ids are not kept (a database gives its own). The
    summary goes to stderr. Exit status: 0 done; 4 the database cannot be used.
    """
    engine = _database()
    with Session(engine) as session, click.open_file(path, "w", encoding="utf-8", atomic=path != "-") as out:
        count = export.write_jsonl(_progress(export.exported_articles(session, since), quiet), out)
    where = "stdout" if path == "-" else path
    _summary(
        {"exported": count, "path": None if path == "-" else path},
        f"{count} articles exported to {where}",
        quiet=quiet,
        as_json=as_json,
        err=True,
    )


def _progress(articles: Iterator[ExportedArticle], quiet: bool) -> Iterator[ExportedArticle]:
    """Count the articles on stderr as they go (their total is not known ahead: the export streams)."""
    if quiet:
        yield from articles
        return
    with console.status("Exporting") as status:
        for number, article in enumerate(articles, 1):
            status.update(f"Exporting: {number} articles")
            yield article


@cli.command()
def stats(as_json: AsJson = False) -> None:
    """Count articles, quotes by kind, actors by type, annotator versions."""
    engine = _database()
    with Session(engine) as session:
        counts = corpus_stats(session)
    if as_json:
        typer.echo(counts.model_dump_json())
        return
    typer.echo(f"articles: {counts.articles}")
    for title, table in (("quotes", counts.quotes), ("actors", counts.actors)):
        typer.echo(f"{title}: {sum(table.values())}")
        typer.echo("".join(f"  {name}: {number}\n" for name, number in table.items()), nl=False)
    typer.echo("annotator versions:")
    typer.echo(
        "".join(f"  {name}: {number}\n" for name, number in counts.annotator_versions.items()), nl=False
    )


@cli.command()
def worker(
    burst: Annotated[
        bool, typer.Option("--burst", help="Stop once the queue is empty instead of waiting for jobs.")
    ] = False,
) -> None:
    """Take ingest jobs from the queue (QUOTEWIRE_REDIS_URL) and store their articles.

    Jobs come from POST /v1/articles with `Prefer: respond-async`. The model is loaded once, before the
    first job; each job is annotated and stored in one transaction, by the same code as a synchronous
    POST. A job failing on a transient error (the database locked or unreachable) is retried after
    QUOTEWIRE_JOB_RETRY_DELAYS_S; run as many workers as cores, on as many machines as needed.

    Exit status: 0 stopped (Ctrl-C, SIGTERM, or --burst with the queue empty); 4 Redis, the database or
    the model cannot be used.
    """
    try:
        from app.jobs import run_worker  # here: only this command needs the `queue` extra (RQ)
    except ImportError as error:
        _setup_failed(StartupError(QUEUE_NOT_INSTALLED.format(module=error.name)))
    try:
        run_worker(get_settings(), burst=burst)
    except StartupError as error:
        _setup_failed(error)


def main() -> None:
    cli()
