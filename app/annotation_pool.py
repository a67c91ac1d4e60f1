"""Annotation for the API: in worker processes, off the request path, bounded, with a time budget.

Annotating is CPU work that holds the GIL for seconds: in the API process it would make every other
request, `/health` included, wait behind it. Here each worker process loads the model once and
annotates one text at a time. Requests beyond the workers wait in a bounded queue; past it the caller
is told to come back later. A text that runs over its budget has its worker killed and replaced, so a
stuck annotation never holds a worker.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Protocol

from app.nlp import Annotation, Annotator

# Time a new worker may take to import the app and load the model before it counts as broken.
WORKER_START_TIMEOUT_S = 120.0
WARM_UP_TEXT = "“We are ready,” said Mayor Ana Ruiz of Springfield."
# spawn, not fork: the API process runs threads (the server's, the database pool's), which fork copies
# in whatever state they are in.
_CONTEXT = multiprocessing.get_context("spawn")


class PoolBusy(Exception):
    """Every worker is busy and the queue is full: the caller should retry later."""


class AnnotationTimeout(Exception):
    """The text took longer than the budget; its worker was replaced."""


class AnnotationFailed(Exception):
    """The annotator raised on this text; the message says what it raised."""


def describe_failure(error: BaseException) -> str:
    """How a failed annotation is reported and stored: the exception's type and message."""
    return f"{type(error).__name__}: {error}"


class AnnotationService(Protocol):
    """What the API annotates with: a pool of worker processes, or this process."""

    version: str

    async def annotate(self, text: str) -> Annotation: ...

    async def close(self) -> None: ...


class InProcessAnnotation:
    """`QUOTEWIRE_ANNOTATE_WORKERS=0`: annotation in a thread of the API process (tests, one-user
    setups). No queue limit and no time budget: a thread cannot be stopped."""

    def __init__(self, annotator: Annotator) -> None:
        self.annotator = annotator
        self.version = annotator.version

    async def annotate(self, text: str) -> Annotation:
        try:
            return await asyncio.to_thread(self.annotator.annotate, text)
        except Exception as error:  # as a worker reports it
            raise AnnotationFailed(describe_failure(error)) from error

    async def close(self) -> None:
        return None


@dataclass(slots=True)
class _Worker:
    process: BaseProcess
    connection: Connection


def _serve(model_name: str, connection: Connection) -> None:
    """A worker's life: load the model, say so, then annotate each text received until closed."""
    annotator = Annotator(model_name)
    annotator.annotate(WARM_UP_TEXT)  # lazy loads (lexicons) are paid before the first article's budget
    connection.send(("ready", annotator.version))
    while True:
        try:
            text = connection.recv()
        except EOFError:
            return
        try:
            connection.send(("ok", annotator.annotate(text)))
        except Exception as error:  # reported to the caller, who stores the article as failed
            connection.send(("error", describe_failure(error)))


class AnnotationPool:
    """`workers` processes, at most `queue_limit` texts waiting for one, `timeout_s` per text."""

    def __init__(self, model_name: str, *, workers: int, queue_limit: int, timeout_s: float) -> None:
        self.model_name = model_name
        self.size = workers
        self.queue_limit = queue_limit
        self.timeout_s = timeout_s
        self.version = ""
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._waiting = 0
        self._workers: list[_Worker] = []
        self._replacing: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        """Start every worker and wait until each has its model loaded."""
        self._workers = await asyncio.gather(*(self._start_worker() for _ in range(self.size)))
        for worker in self._workers:
            self._idle.put_nowait(worker)

    async def close(self) -> None:
        await asyncio.gather(*self._replacing)
        for worker in self._workers:
            worker.connection.close()
        await asyncio.gather(*(asyncio.to_thread(_stop, worker) for worker in self._workers))
        self._workers = []

    @property
    def busy(self) -> int:
        return self.size - self._idle.qsize()

    @property
    def queued(self) -> int:
        return self._waiting

    async def annotate(self, text: str) -> Annotation:
        """The text's annotation, computed in a worker; raises PoolBusy, AnnotationTimeout or
        AnnotationFailed."""
        if self._idle.empty() and self._waiting >= self.queue_limit:
            raise PoolBusy(f"{self.busy} annotations running and {self._waiting} waiting")
        self._waiting += 1
        try:
            worker = await self._idle.get()
        finally:
            self._waiting -= 1
        try:
            status, payload = await asyncio.to_thread(_ask, worker.connection, text, self.timeout_s)
        except (TimeoutError, EOFError, OSError) as error:
            # Replaced in the background: the caller hears of the timeout now, not after a model load.
            task = asyncio.create_task(self._replace(worker))
            self._replacing.add(task)
            task.add_done_callback(self._replacing.discard)
            if isinstance(error, TimeoutError):
                raise AnnotationTimeout(f"annotation took longer than {self.timeout_s:g} s") from error
            raise AnnotationFailed("the annotation worker stopped") from error
        self._idle.put_nowait(worker)
        if status == "error":
            raise AnnotationFailed(payload)
        assert isinstance(payload, Annotation)
        return payload

    async def _start_worker(self) -> _Worker:
        parent, child = _CONTEXT.Pipe()
        process = _CONTEXT.Process(target=_serve, args=(self.model_name, child), daemon=True)
        process.start()
        child.close()
        status, version = await asyncio.to_thread(_receive, parent, WORKER_START_TIMEOUT_S)
        assert status == "ready"
        self.version = str(version)
        return _Worker(process, parent)

    async def _replace(self, worker: _Worker) -> None:
        worker.connection.close()
        await asyncio.to_thread(_stop, worker)
        replacement = await self._start_worker()
        self._workers[self._workers.index(worker)] = replacement
        self._idle.put_nowait(replacement)


def _ask(connection: Connection, text: str, timeout_s: float) -> tuple[str, object]:
    connection.send(text)
    return _receive(connection, timeout_s)


def _receive(connection: Connection, timeout_s: float) -> tuple[str, object]:
    if not connection.poll(timeout_s):
        raise TimeoutError
    message: tuple[str, object] = connection.recv()
    return message


def _stop(worker: _Worker) -> None:
    worker.process.kill()
    worker.process.join()
