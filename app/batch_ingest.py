"""Batch ingest: articles streamed in, annotated a batch at a time (`nlp.pipe`), in worker processes
each holding its own model, and handed back in input order while this process stores the batches
before them; with no workers, in this process, between stores.

Memory stays flat on an input of any size: the batches are drawn from the input as they are needed,
and at most `IN_FLIGHT_PER_WORKER` batches per worker wait to be annotated or stored.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from typing import TypeVar

from app.ingest import AnnotatedArticle, annotate_or_fail
from app.nlp import Annotator
from app.parsed import ParsedArticle

T = TypeVar("T")

# Batches per worker submitted ahead of the one being stored: enough to keep every worker busy.
IN_FLIGHT_PER_WORKER = 2
# spawn, not fork: the command runs threads (progress display, the pool's own) that fork would copy.
_CONTEXT = multiprocessing.get_context("spawn")


@dataclass(frozen=True, slots=True)
class Entry:
    """An article and where it was read (`path`, `path:line`, `path: item n`), for messages."""

    where: str
    parsed: ParsedArticle


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of `size` items (the last may be shorter), drawn lazily."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def annotate_batch(annotator: Annotator, articles: list[ParsedArticle]) -> list[AnnotatedArticle]:
    """The batch through `nlp.pipe` at once; should the annotator raise, it goes one article at a time,
    so that only the article it fails on is stored as failed."""
    texts = [article.text for article in articles]
    try:
        annotations = list(annotator.annotate_many(texts, batch_size=len(texts)))
    except Exception:
        return [AnnotatedArticle(article, *annotate_or_fail(annotator, article.text)) for article in articles]
    return [AnnotatedArticle(a, annotation) for a, annotation in zip(articles, annotations, strict=True)]


_worker_annotator: Annotator | None = None


def _start_worker(model_name: str) -> None:
    global _worker_annotator
    _worker_annotator = Annotator(model_name)


def _annotate_in_worker(articles: list[ParsedArticle]) -> list[AnnotatedArticle]:
    assert _worker_annotator is not None, "the worker's initializer loads the model"
    return annotate_batch(_worker_annotator, articles)


def annotated_here(
    batches: Iterable[list[Entry]], annotator: Annotator
) -> Iterator[tuple[list[Entry], list[AnnotatedArticle]]]:
    """Each batch with its annotations, annotated in this process when the caller asks for it."""
    for batch in batches:
        yield batch, annotate_batch(annotator, [entry.parsed for entry in batch])


def annotated_in_workers(
    batches: Iterable[list[Entry]], model_name: str, workers: int
) -> Iterator[tuple[list[Entry], list[AnnotatedArticle]]]:
    """Each batch with its annotations, in input order, from `workers` processes each loading
    `model_name` once: they annotate the next batches while the caller stores this one."""
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=_CONTEXT, initializer=_start_worker, initargs=(model_name,)
    )
    try:
        pending: deque[tuple[list[Entry], Future[list[AnnotatedArticle]]]] = deque()
        for batch in batches:
            pending.append((batch, pool.submit(_annotate_in_worker, [entry.parsed for entry in batch])))
            if len(pending) > workers * IN_FLIGHT_PER_WORKER:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()
    finally:  # also when the caller stops early: batches not started are dropped
        pool.shutdown(cancel_futures=True)
