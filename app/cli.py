"""`quotewire` command line: migrate, ingest files, re-annotate stored articles."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import track
from sqlmodel import Session, col, select

from app import ingest, models
from app.config import get_settings
from app.db import make_engine, upgrade_to_head
from app.nlp import Annotator

cli = typer.Typer(
    help="quotewire: annotated news articles (who said what, who is in the story).", no_args_is_help=True
)
console = Console(stderr=True)


@cli.command()
def migrate() -> None:
    """Upgrade the database (QUOTEWIRE_DATABASE_URL) to the newest schema."""
    upgrade_to_head(get_settings().database_url)
    console.print("database is at the newest schema")


@cli.command("ingest")
def ingest_paths(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of .txt, .json and .jsonl articles.")],
) -> None:
    """Parse, annotate and store articles; already stored bodies are skipped."""
    settings = get_settings()
    upgrade_to_head(settings.database_url)
    try:
        files = ingest.collect_files(paths)
        articles = [(path, parsed) for path in files for parsed in ingest.read_file(path)]
    except (ingest.InvalidArticle, UnicodeDecodeError) as error:
        console.print(f"[red]error:[/red] {error}")
        raise typer.Exit(2) from error
    annotator = Annotator(settings.nlp_model)
    created = 0
    with Session(make_engine(settings.database_url)) as session:
        for _path, parsed in track(articles, description="Ingesting", console=console):
            _article, is_new = ingest.ingest(session, annotator, parsed)
            created += is_new
    console.print(f"{created} new, {len(articles) - created} already stored, from {len(files)} files")


@cli.command()
def reannotate(
    all_articles: Annotated[
        bool, typer.Option("--all", help="Also articles already at this version.")
    ] = False,
) -> None:
    """Re-run the current annotator over stored articles, one transaction per article."""
    settings = get_settings()
    upgrade_to_head(settings.database_url)
    annotator = Annotator(settings.nlp_model)
    with Session(make_engine(settings.database_url)) as session:
        query = select(models.Article).order_by(col(models.Article.id))
        if not all_articles:
            query = query.where(models.Article.annotator_version != annotator.version)
        stale = session.exec(query).all()
        for article in track(stale, description="Re-annotating", console=console):
            ingest.reannotate(session, article, annotator)
    console.print(f"{len(stale)} articles re-annotated with {annotator.version}")


def main() -> None:
    cli()
