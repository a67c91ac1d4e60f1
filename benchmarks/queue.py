"""Queued ingest: jobs per second through one worker, against ingesting the same articles in-process.

Usage: python -m benchmarks.queue [--articles N] [--redis URL]
Queues N short articles (written here, each one different) on a queue of its own in Redis and runs
one worker over them with `--burst`, into a fresh SQLite file each time:
- `quotewire worker` as shipped (RQ's SimpleWorker: every job in the worker's process);
- RQ's default forking Worker with the model loaded and warmed before it forks (a child per job);
and, for the ceiling, the same articles ingested in this process with no queue (`app.ingest.ingest`).
Jobs per second count from the first job's start to the last one's end (the model load is printed
apart), so the ratios compare the per-job costs. Every figure comes from one run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from uuid import UUID, uuid4

from redis import Redis
from sqlmodel import Session

from app import ingest
from app.config import Settings, get_settings
from app.jobs import JobQueue
from app.schemas import JobState
from app.startup import load_annotator, open_database
from tests.queue import forget_queue, worker_environment

DEFAULT_ARTICLES = 200
DEFAULT_REDIS = "redis://127.0.0.1:6379/0"
TOWNS = ("Leeds", "Dover", "Bergen", "Tours", "Ghent", "Porto", "Turku", "Split")
# RQ's forking Worker, the model loaded and warmed in the parent: the alternative `quotewire worker`
# avoids.
FORKING_WORKER = """
from rq import Worker
from rq.serializers import JSONSerializer
from app.annotation_pool import WARM_UP_TEXT
from app.config import get_settings
from app.jobs import connect, record_failure, worker_resources
jobs = connect(get_settings())
worker_resources().annotator.annotate(WARM_UP_TEXT)  # lazy loads paid once, before the forks
Worker([jobs.queue], connection=jobs.redis, serializer=JSONSerializer,
       exception_handlers=[record_failure]).work(burst=True)
"""
SHIPPED_WORKER = "from app.cli import main; main()"


def article(number: int) -> str:
    town = TOWNS[number % len(TOWNS)]
    return (
        f"“The ferry to {town} runs again on Monday,” said Mayor Ana Ruiz, opening pier {number}.\n\n"
        f"The harbour board of {town} said repairs had cost less than feared."
    )


def worker_run(settings: Settings, texts: list[str], script: str, args: list[str]) -> tuple[float, float]:
    """(seconds from the worker's launch to its first job's start, jobs per second after that)."""
    jobs = JobQueue(settings)
    ids = [jobs.enqueue(ingest.parse_plain_text(text)).id for text in texts]
    launched = time.time()
    subprocess.run(
        [sys.executable, "-c", script, *args],
        env=worker_environment(settings),
        check=True,
        capture_output=True,
    )
    done = [jobs.find(UUID(job_id)) for job_id in ids]
    assert all(job is not None and job.status is JobState.DONE for job in done), "a job did not end done"
    starts = [job.started_at.timestamp() for job in done if job and job.started_at]
    ends = [job.ended_at.timestamp() for job in done if job and job.ended_at]
    jobs.close()
    return min(starts) - launched, len(texts) / (max(ends) - min(starts))


def in_process(settings: Settings, texts: list[str]) -> float:
    """Articles per second of `app.ingest.ingest` in this process, the model loaded first."""
    engine = open_database(settings.database_url)
    annotator = load_annotator(settings.nlp_model)
    started = time.perf_counter()
    with Session(engine) as session:
        for text in texts:
            ingest.ingest(session, annotator, ingest.parse_plain_text(text))
    seconds = time.perf_counter() - started
    engine.dispose()
    return len(texts) / seconds


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES)
    parser.add_argument("--redis", default=DEFAULT_REDIS)
    args = parser.parse_args()
    texts = [article(number) for number in range(args.articles)]
    redis = Redis.from_url(args.redis)
    with tempfile.TemporaryDirectory() as folder:

        def settings(name: str) -> Settings:
            return get_settings().model_copy(
                update={
                    "database_url": f"sqlite:///{Path(folder) / name}.db",
                    "redis_url": args.redis,
                    "queue_name": f"quotewire-bench-{uuid4().hex}",
                }
            )

        runs = {"shipped": settings("shipped"), "forking": settings("forking")}
        try:
            shipped_load, shipped = worker_run(runs["shipped"], texts, SHIPPED_WORKER, ["worker", "--burst"])
            forking_load, forking = worker_run(runs["forking"], texts, FORKING_WORKER, [])
        finally:
            for run in runs.values():
                forget_queue(redis, run.queue_name)
        direct = in_process(settings("direct"), texts)
    print(f"articles {len(texts)}, cores {os.cpu_count()}, one worker")
    print(f"in-process ingest, no queue  {direct:7.2f} articles/s")
    print(f"quotewire worker             {shipped:7.2f} jobs/s  (launch to first job {shipped_load:.1f} s)")
    print(f"RQ forking Worker            {forking:7.2f} jobs/s  (launch to first job {forking_load:.1f} s)")
    print(f"quotewire worker / in-process {shipped / direct:6.3f}")
    print(f"quotewire worker / forking    {shipped / forking:6.3f}")


if __name__ == "__main__":
    main()
