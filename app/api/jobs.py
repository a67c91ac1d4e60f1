"""/v1/jobs: how an article queued with `Prefer: respond-async` is getting on."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, HTTPException, Path, Request

from app.api.deps import QueryChecked, job_queue
from app.api.openapi import (
    BAD_JOB_ID,
    EXAMPLE_JOB_PATH,
    JOB_NOT_FOUND,
    QUEUE_DOWN,
    problem_responses,
    read_responses,
    unknown_parameter,
)
from app.schemas import JobOut

router = APIRouter(prefix="/v1/jobs", tags=["jobs"], dependencies=[QueryChecked])

JobId = Annotated[UUID, Path(description="The job's id, from the `Location` of the 202 that queued it.")]


@router.get(
    "/{job_id}",
    summary="Get an ingest job",
    response_model=JobOut,
    responses={
        **read_responses(JobOut, "The job."),
        **problem_responses(
            unknown_parameter(EXAMPLE_JOB_PATH, "wait", ()), JOB_NOT_FOUND, BAD_JOB_ID, QUEUE_DOWN
        ),
    },
)
def get_job(request: Request, job_id: JobId) -> JobOut:
    """`queued`, `running`, `done` with the stored article's id and path, or `failed` with the error.

    A job failing on a transient error (the database locked or unreachable) is retried after growing
    waits (QUOTEWIRE_JOB_RETRY_DELAYS_S), `queued` meanwhile with its last `error`; any other error
    fails it at once. A job is kept QUOTEWIRE_JOB_TTL_S seconds after it ends, then is a 404, as is
    any id on a server with no job queue; 503 with `Retry-After` while Redis cannot be reached.
    """
    jobs = job_queue(request)
    found = None if jobs is None else jobs.find(job_id)
    if found is None:
        raise HTTPException(404, f"No job with id {job_id}.")
    return found
