"""Liveness and readiness for load balancers and the Docker HEALTHCHECK."""

from __future__ import annotations

from importlib.metadata import version

from fastapi import APIRouter

from app import queries
from app.api.deps import AnnotationDep, SessionDep
from app.api.openapi import model_content
from app.schemas import Health

router = APIRouter(tags=["health"])


@router.get(
    "/health",
    summary="Service health",
    response_model=Health,
    responses={200: {"content": model_content(Health)}},
)
def health(session: SessionDep, annotation: AnnotationDep) -> Health:
    """Answers 200 once the database is reachable and the NLP model is loaded."""
    return Health(
        status="ok",
        version=version("quotewire"),
        annotator_version=annotation.version,
        articles=queries.count_articles(session),
        failed_annotations=queries.count_failed_annotations(session),
    )
