"""The job queue's worker side (app/jobs.py): real `quotewire worker` processes on the real Redis and a
SQLite file, showing at-least-once delivery kept idempotent, retries with backoff, and failures."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from uuid import UUID

import pytest
from rq.job import Job
from rq.serializers import JSONSerializer
from sqlalchemy import func, text
from sqlmodel import Session, select

from app import models
from app.config import Settings
from app.db import make_engine, upgrade_to_head
from app.ingest import parse_plain_text
from app.jobs import JobQueue, from_payload, to_payload
from app.models import AnnotationStatus
from app.parsed import ParsedArticle
from app.schemas import JobOut, JobState
from tests.conftest import SEED
from tests.queue import WORKER_TIMEOUT_S, running_worker, wait_for, work_until_empty

SHORT = "“The ferry runs again on Monday,” said Mayor Ana Ruiz."
# About 100,000 characters of news: several seconds of annotation, over a one-second budget.
LONG = "\n\n".join([SEED.read_text(encoding="utf-8")] * 40)
# Every retry of a transient failure waits this long, so that the backoff shows in the job's times.
RETRY_DELAY_S = 1
NO_SUCH_TABLE = "no such table: main.missing"


def _stored_articles(settings: Settings) -> int:
    engine = make_engine(settings.database_url)
    with Session(engine) as session:
        count = session.exec(select(func.count()).select_from(models.Article)).one()
    engine.dispose()
    return count


def _refuse_articles(settings: Settings, trigger_body: str) -> None:
    """Make every article insert fail the way `trigger_body` makes it fail."""
    upgrade_to_head(settings.database_url)
    engine = make_engine(settings.database_url)
    with engine.begin() as connection:
        connection.execute(text(f"CREATE TRIGGER refuse BEFORE INSERT ON article BEGIN {trigger_body}; END"))
    engine.dispose()


def _job(jobs: JobQueue, job_id: str) -> JobOut:
    found = jobs.find(UUID(job_id))
    assert found is not None
    return found


def test_payload_round_trips_every_field() -> None:
    article = ParsedArticle(
        paragraphs=["One.", "Two."],
        title="A title",
        source="Example Wire",
        url="https://example.com/a",
        published_at=datetime(2026, 11, 25, 10, 0, tzinfo=UTC),
    )
    assert from_payload(to_payload(article)) == article


@pytest.mark.timeout(2 * WORKER_TIMEOUT_S)
def test_two_jobs_with_one_body_store_one_article(queue_settings: Settings, tmp_path: Path) -> None:
    jobs = JobQueue(queue_settings)
    first, second = (jobs.enqueue(parse_plain_text(SHORT)) for _ in range(2))

    assert work_until_empty(queue_settings, tmp_path).returncode == 0

    done = [_job(jobs, job.id) for job in (first, second)]
    assert [(job.status, job.article_id) for job in done] == [(JobState.DONE, done[0].article_id)] * 2
    assert _stored_articles(queue_settings) == 1


@pytest.mark.timeout(3 * WORKER_TIMEOUT_S)
def test_job_delivered_again_stores_no_second_article(queue_settings: Settings, tmp_path: Path) -> None:
    jobs = JobQueue(queue_settings)
    job_id = jobs.enqueue(parse_plain_text(SHORT)).id
    assert work_until_empty(queue_settings, tmp_path).returncode == 0
    first_run = _job(jobs, job_id)
    # At least once: the same job delivered a second time, as after a worker died mid-job.
    jobs.queue.enqueue_job(Job.fetch(job_id, connection=jobs.redis, serializer=JSONSerializer))

    assert work_until_empty(queue_settings, tmp_path).returncode == 0

    second_run = _job(jobs, job_id)
    assert (second_run.status, second_run.attempts, second_run.article_id) == (
        JobState.DONE,
        2,
        first_run.article_id,
    )
    assert _stored_articles(queue_settings) == 1


@pytest.mark.timeout(2 * WORKER_TIMEOUT_S)
def test_transient_failure_is_retried_after_each_delay_then_fails_with_its_error(
    queue_settings: Settings, tmp_path: Path
) -> None:
    settings = queue_settings.model_copy(update={"job_retry_delays_s": [RETRY_DELAY_S, RETRY_DELAY_S]})
    # An insert that reaches for a table that is not there: an OperationalError, as a locked or
    # unreachable database raises.
    _refuse_articles(settings, "INSERT INTO missing VALUES (1)")  # fails with NO_SUCH_TABLE
    jobs = JobQueue(settings)
    job_id = jobs.enqueue(parse_plain_text(SHORT)).id

    with running_worker(settings, tmp_path):
        failed = wait_for(lambda: found if (found := _job(jobs, job_id)).status is JobState.FAILED else None)

    assert (failed.attempts, failed.error) == (3, f"The article could not be stored: {NO_SUCH_TABLE}")
    assert failed.ended_at is not None
    assert (failed.ended_at - failed.created_at).total_seconds() >= 2 * RETRY_DELAY_S
    assert jobs.counts().failed == 1
    assert _stored_articles(settings) == 0


@pytest.mark.timeout(2 * WORKER_TIMEOUT_S)
def test_permanent_failure_fails_at_once_with_its_error(queue_settings: Settings, tmp_path: Path) -> None:
    _refuse_articles(queue_settings, "SELECT RAISE(ABORT, 'refused by the test')")
    jobs = JobQueue(queue_settings)
    job_id = jobs.enqueue(parse_plain_text(SHORT)).id

    assert work_until_empty(queue_settings, tmp_path).returncode == 0

    failed = _job(jobs, job_id)
    assert (failed.status, failed.attempts, failed.error) == (
        JobState.FAILED,
        1,
        "The article could not be stored: refused by the test",
    )


@pytest.mark.timeout(2 * WORKER_TIMEOUT_S)
def test_article_over_the_annotation_budget_is_stored_as_failed(
    queue_settings: Settings, tmp_path: Path
) -> None:
    """As when the annotator raises: the article is kept, failed, for `quotewire reannotate`."""
    settings = queue_settings.model_copy(update={"annotate_timeout_s": 1.0})
    jobs = JobQueue(settings)
    job_id = jobs.enqueue(parse_plain_text(LONG)).id

    assert work_until_empty(settings, tmp_path).returncode == 0

    done = _job(jobs, job_id)
    assert (done.status, done.attempts) == (JobState.DONE, 1)
    engine = make_engine(settings.database_url)
    with Session(engine) as session:
        article = session.get(models.Article, done.article_id)
        assert article is not None
        assert (article.annotation_status, article.annotation_error) == (
            AnnotationStatus.FAILED,
            "JobTimeoutException: Task exceeded maximum timeout value (1 seconds)",
        )
    engine.dispose()
