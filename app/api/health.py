"""Liveness and readiness for load balancers and the Docker HEALTHCHECK."""

from __future__ import annotations

from importlib.metadata import version

from fastapi import APIRouter, Request

from app import queries
from app.api.deps import AnnotationDep, SessionDep, job_queue
from app.api.openapi import HEALTH_QUEUE_DOWN, model_content, problem_responses
from app.schemas import Health

router = APIRouter(tags=["health"])


@router.get(
    "/health",
    summary="Service health",
    response_model=Health,
    responses={200: {"content": model_content(Health)}, **problem_responses(HEALTH_QUEUE_DOWN)},
)
def health(request: Request, session: SessionDep, annotation: AnnotationDep) -> Health:
    """Answers 200 once the database is reachable and the NLP model is loaded; with a job queue, also
    once Redis answers (503 while it does not), with how many jobs are queued, running and failed."""
    jobs = job_queue(request)
    return Health(
        status="ok",
        version=version("quotewire"),
        annotator_version=annotation.version,
        articles=queries.count_articles(session),
        failed_annotations=queries.count_failed_annotations(session),
        jobs=None if jobs is None else jobs.counts(),
    )
