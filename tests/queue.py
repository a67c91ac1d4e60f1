"""The job queue's tests: the real Redis on this machine, a queue of each test's own, real workers.

A test's queue is named with a random UUID, so that tests, and suites run side by side, never see each
other's jobs; when it ends, only that queue's keys and its jobs' keys are deleted.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import pytest
from redis import Redis
from redis.exceptions import RedisError
from rq import Queue

from app.config import Settings

T = TypeVar("T")
REDIS_URL = os.environ.get("QUOTEWIRE_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
# A worker's start (Python, the app, the spaCy model) and a few short jobs, on a busy shared machine.
WORKER_TIMEOUT_S = 90
# How long a stopped worker may take to finish its job and unregister before it is killed.
WORKER_STOP_S = 15
POLL_INTERVAL_S = 0.2


def redis_or_skip() -> Redis:
    redis = Redis.from_url(REDIS_URL)
    try:
        redis.ping()
    except RedisError as error:
        pytest.skip(f"no Redis at {REDIS_URL} ({error}); .ci/run starts one")
    return redis


def forget_queue(redis: Redis, name: str) -> None:
    """Delete a queue's keys and those of every job it still knows of; nobody else's."""
    queue = Queue(name, connection=redis)
    registries = (
        queue.started_job_registry,
        queue.finished_job_registry,
        queue.failed_job_registry,
        queue.scheduled_job_registry,
        queue.deferred_job_registry,
        queue.canceled_job_registry,
    )
    job_ids = {*queue.get_job_ids(), *(job_id for r in registries for job_id in r.get_job_ids())}
    job_keys = [f"rq:{kind}:{job_id}" for job_id in job_ids for kind in ("job", "results", "executions")]
    queue_keys = list(redis.scan_iter(match=f"*{name}*"))
    if job_keys or queue_keys:
        redis.delete(*job_keys, *queue_keys)
    redis.srem("rq:queues", queue.key)


def worker_environment(settings: Settings) -> dict[str, str]:
    """The environment a `quotewire worker` of these settings runs with."""
    assert settings.redis_url is not None
    return {
        **os.environ,
        "QUOTEWIRE_DATABASE_URL": settings.database_url,
        "QUOTEWIRE_NLP_MODEL": settings.nlp_model,
        "QUOTEWIRE_REDIS_URL": settings.redis_url,
        "QUOTEWIRE_QUEUE_NAME": settings.queue_name,
        "QUOTEWIRE_JOB_TTL_S": str(settings.job_ttl_s),
        "QUOTEWIRE_JOB_RETRY_DELAYS_S": ",".join(map(str, settings.job_retry_delays_s)),
    }


WORKER_COMMAND = [sys.executable, "-c", "from app.cli import main; main()", "worker"]


def work_until_empty(settings: Settings, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`quotewire worker --burst`: a real worker process that takes every queued job, then stops."""
    return subprocess.run(
        [*WORKER_COMMAND, "--burst"],
        env=worker_environment(settings),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=WORKER_TIMEOUT_S,
        check=False,
    )


@contextmanager
def running_worker(settings: Settings, cwd: Path) -> Iterator[subprocess.Popen[str]]:
    """`quotewire worker` running in the background, stopped as an operator would (SIGTERM)."""
    process = subprocess.Popen(
        WORKER_COMMAND,
        env=worker_environment(settings),
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        yield process
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=WORKER_STOP_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for(check: Callable[[], T | None], timeout_s: float = WORKER_TIMEOUT_S) -> T:
    """Poll `check` until it returns a value, failing after `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = check()
        if value is not None:
            return value
        time.sleep(POLL_INTERVAL_S)
    raise AssertionError(f"nothing came within {timeout_s} s")
