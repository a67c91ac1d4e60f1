"""The annotation pool: real worker processes with the real model."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from app.annotation_pool import AnnotationFailed, AnnotationPool, AnnotationTimeout, PoolBusy
from app.nlp import Annotator
from tests.conftest import MODEL, SEED

pytestmark = pytest.mark.anyio

SHORT = "“The ferry runs again on Monday,” said Mayor Ana Ruiz."
# About 100,000 characters: seconds of work, far over the budgets below.
LONG = "\n\n".join([SEED.read_text(encoding="utf-8")] * 40)


# Far over what a short text takes, far under what LONG takes, even on a loaded machine.
BUDGET_S = 1.0


@pytest.fixture
async def pool(request: pytest.FixtureRequest) -> AsyncIterator[AnnotationPool]:
    """One worker, a 1-second budget, and a queue of one text (of none, parametrized with 0)."""
    pool = AnnotationPool(MODEL, workers=1, queue_limit=getattr(request, "param", 1), timeout_s=BUDGET_S)
    await pool.start()
    yield pool
    await pool.close()


async def test_worker_annotation_equals_the_annotation_in_this_process(
    pool: AnnotationPool, annotator: Annotator
) -> None:
    assert await pool.annotate(SHORT) == annotator.annotate(SHORT)
    assert pool.version == annotator.version


async def test_text_over_the_budget_times_out_and_the_pool_still_serves(pool: AnnotationPool) -> None:
    with pytest.raises(AnnotationTimeout, match="longer than 1 s"):
        await pool.annotate(LONG)
    annotation = await pool.annotate(SHORT)
    assert [(q.start, q.end) for q in annotation.quotes] == [(0, 33)]


@pytest.mark.parametrize("pool", [0], indirect=True)
async def test_a_full_pool_refuses_at_once_instead_of_queueing(pool: AnnotationPool) -> None:
    running = asyncio.ensure_future(pool.annotate(LONG))
    await asyncio.sleep(0.2)
    assert pool.busy == 1
    with pytest.raises(PoolBusy):
        await pool.annotate(SHORT)
    with pytest.raises(AnnotationTimeout):
        await running


async def test_a_dead_worker_fails_one_text_and_is_replaced(pool: AnnotationPool) -> None:
    pool._workers[0].process.kill()
    pool._workers[0].process.join()
    with pytest.raises(AnnotationFailed, match="worker stopped"):
        await pool.annotate(SHORT)
    assert (await pool.annotate(SHORT)).quotes[0].end == 33
