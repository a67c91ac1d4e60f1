"""Ingest on a job queue (RQ on Redis): the API queues a parsed article, `quotewire worker` annotates and
stores it through the same path as a synchronous POST, and /v1/jobs/{id} tells how it went.

Delivery is at least once: a job may run twice (a retry, a worker that died mid-job), and ingest keeps
one article per body, so a second run finds the first run's article instead of storing another.
Jobs travel as JSON, not pickle: nothing read from Redis is ever executed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from types import TracebackType
from typing import Any
from uuid import UUID, uuid4

from redis import Redis
from redis.exceptions import RedisError
from rq import Queue, Retry, SimpleWorker, get_current_job
from rq.exceptions import AbandonedJobError, NoSuchJobError
from rq.job import Job, JobStatus
from rq.serializers import JSONSerializer
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlmodel import Session

from app import ingest
from app.annotation_pool import describe_failure
from app.config import Settings, get_settings
from app.nlp import Annotator
from app.parsed import ParsedArticle, utc
from app.queue_errors import QueueUnavailable
from app.schemas import JobCounts, JobOut, JobState
from app.startup import REDIS_SETTING, StartupError, load_annotator, one_line, open_database

# Failures that may pass by themselves, worth a retry: the database locked, restarting or out of
# connections, and a worker that died mid-job. Anything else would fail the same way again.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (OperationalError, PoolTimeout, AbandonedJobError)
_STATES = {
    JobStatus.CREATED: JobState.QUEUED,
    JobStatus.QUEUED: JobState.QUEUED,
    JobStatus.DEFERRED: JobState.QUEUED,
    JobStatus.SCHEDULED: JobState.QUEUED,  # waiting for a retry
    JobStatus.STARTED: JobState.RUNNING,
    JobStatus.FINISHED: JobState.DONE,
    JobStatus.FAILED: JobState.FAILED,
    JobStatus.STOPPED: JobState.FAILED,
    JobStatus.CANCELED: JobState.FAILED,
}
# A Redis that does not answer within this makes a request a 503 instead of a stalled one (a worker
# raises it for its blocking wait for jobs).
REDIS_TIMEOUT_S = 5.0
ATTEMPTS = "attempts"  # job.meta keys
ERROR = "error"


def article_path(article_id: int) -> str:
    return f"/v1/articles/{article_id}"


class JobQueue:
    """The API's side of the queue: enqueue an article, read a job, count jobs."""

    def __init__(self, settings: Settings) -> None:
        assert settings.redis_url is not None
        self.redis = Redis.from_url(
            settings.redis_url, socket_connect_timeout=REDIS_TIMEOUT_S, socket_timeout=REDIS_TIMEOUT_S
        )
        self.queue = Queue(settings.queue_name, connection=self.redis, serializer=JSONSerializer)
        delays = settings.job_retry_delays_s
        self._retry = Retry(max=len(delays), interval=delays) if delays else None
        self._ttl_s = settings.job_ttl_s
        # The time budget of a synchronous POST: RQ interrupts a job past it (whole seconds).
        self._timeout_s = math.ceil(settings.annotate_timeout_s)

    def enqueue(self, article: ParsedArticle) -> JobOut:
        """Queue the article's ingest; its job as queued."""
        try:
            job = self.queue.enqueue(
                ingest_job,
                to_payload(article),
                job_id=str(uuid4()),
                retry=self._retry,
                result_ttl=self._ttl_s,
                failure_ttl=self._ttl_s,
                job_timeout=self._timeout_s,
            )
        except RedisError as error:
            raise QueueUnavailable(one_line(error)) from error
        return job_out(job)

    def find(self, job_id: UUID) -> JobOut | None:
        """The job, or None if there is none (never made, expired, or of another queue)."""
        try:
            job = Job.fetch(str(job_id), connection=self.redis, serializer=JSONSerializer)
            return job_out(job) if job.origin == self.queue.name else None
        except NoSuchJobError:
            return None
        except RedisError as error:
            raise QueueUnavailable(one_line(error)) from error

    def counts(self) -> JobCounts:
        try:
            # Read as they are: cleaning up the registries (abandoned jobs) is the workers' part.
            return JobCounts(
                queued=self.queue.count + self.queue.scheduled_job_registry.get_job_count(cleanup=False),
                running=self.queue.started_job_registry.get_job_count(cleanup=False),
                failed=self.queue.failed_job_registry.get_job_count(cleanup=False),
            )
        except RedisError as error:
            raise QueueUnavailable(one_line(error)) from error

    def close(self) -> None:
        self.redis.close()


def job_out(job: Job) -> JobOut:
    state = _STATES[job.get_status(refresh=False) or JobStatus.QUEUED]
    result = job.return_value(refresh=True) if state is JobState.DONE else None
    article_id = result["article_id"] if isinstance(result, dict) else None
    return JobOut(
        id=job.id,
        status=state,
        article_id=article_id,
        article_url=None if article_id is None else article_path(article_id),
        error=None if state is JobState.DONE else job.meta.get(ERROR),
        attempts=job.meta.get(ATTEMPTS, 0),
        created_at=utc(job.created_at),
        started_at=_utc(job.started_at),
        ended_at=_utc(job.ended_at),
    )


def _utc(moment: datetime | None) -> datetime | None:
    return None if moment is None else utc(moment)


def to_payload(article: ParsedArticle) -> dict[str, Any]:
    """The parsed article as JSON: the worker stores exactly what the API validated."""
    published = article.published_at
    return {
        "paragraphs": article.paragraphs,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published_at": None if published is None else published.isoformat(),
    }


def from_payload(payload: dict[str, Any]) -> ParsedArticle:
    published = payload["published_at"]
    return ParsedArticle(
        paragraphs=payload["paragraphs"],
        title=payload["title"],
        source=payload["source"],
        url=payload["url"],
        published_at=None if published is None else datetime.fromisoformat(published),
    )


@dataclass(frozen=True, slots=True)
class WorkerResources:
    engine: Engine
    annotator: Annotator


@lru_cache(maxsize=1)
def worker_resources() -> WorkerResources:
    """The worker process's database and model, opened once: before its first job, not per job."""
    settings = get_settings()
    return WorkerResources(open_database(settings.database_url), load_annotator(settings.nlp_model))


def ingest_job(payload: dict[str, Any]) -> dict[str, Any]:
    """A job's work, in the worker: ingest the article as a synchronous POST does, in one transaction.
    Idempotent: a body already stored gives that article."""
    job = get_current_job()
    if job is not None:
        job.meta[ATTEMPTS] = job.meta.get(ATTEMPTS, 0) + 1
        job.meta.pop(ERROR, None)
        job.save_meta()
    resources = worker_resources()
    with Session(resources.engine) as session:
        article, created = ingest.ingest(session, resources.annotator, from_payload(payload))
    return {"article_id": article.id, "created": created}


def job_error(error: BaseException) -> str:
    """A failed attempt in words, for /v1/jobs/{id}: no traceback, no SQL."""
    if isinstance(error, DBAPIError):
        return f"The article could not be stored: {one_line(error)}"
    if isinstance(error, AbandonedJobError):
        return "The worker running the job stopped before it ended."
    return describe_failure(error)


def record_failure(
    job: Job, _type: type[BaseException], error: BaseException, _traceback: TracebackType | None
) -> bool:
    """The worker's exception handler: keep the error for /v1/jobs/{id}, and take away the retries of
    a job whose error is not transient (it would only fail again). True: RQ's own handling goes on."""
    job.meta[ERROR] = job_error(error)
    job.save_meta()
    if not isinstance(error, TRANSIENT_ERRORS):
        job.retries_left = 0
    return True


def connect(settings: Settings) -> JobQueue:
    """The queue of these settings, Redis checked: a StartupError if it is not set or not reachable."""
    if settings.redis_url is None:
        raise StartupError(f"{REDIS_SETTING} is not set: the worker takes its jobs from that Redis")
    jobs = JobQueue(settings)
    try:
        jobs.redis.ping()
    except RedisError as error:
        raise StartupError(f"{REDIS_SETTING}: cannot reach Redis ({one_line(error)})") from error
    return jobs


def run_worker(settings: Settings, *, burst: bool) -> None:
    """Take jobs until stopped (or, with `burst`, until the queue is empty).

    RQ's default worker forks a process per job: the model would be loaded per job, or preloaded and
    then shared copy-on-write, each job's touches of it copying pages. SimpleWorker runs every job in
    this process, with the model loaded once before the first. A job that kills the worker is marked
    abandoned by RQ (when the worker's registration expires) and retried.
    """
    jobs = connect(settings)
    worker_resources()
    worker = SimpleWorker(
        [jobs.queue],
        connection=jobs.redis,
        serializer=JSONSerializer,
        exception_handlers=[record_failure],
    )
    worker.work(burst=burst, with_scheduler=True)
