"""Opening what a command needs, the database and the spaCy model, with any failure as one line.

A wrong setting is the user's to fix, not a fault in quotewire: the message names the setting and
the reason, and never shows the database password.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from app.config import Settings
from app.db import make_engine, upgrade_to_head
from app.nlp import Annotator
from app.nlp.pipeline import engine_version, model_meta

if TYPE_CHECKING:
    from app.jobs import JobQueue

DATABASE_SETTING = "QUOTEWIRE_DATABASE_URL"
MODEL_SETTING = "QUOTEWIRE_NLP_MODEL"
REDIS_SETTING = "QUOTEWIRE_REDIS_URL"
QUEUE_NOT_INSTALLED = "the job queue is not installed (no {module}): pip install 'quotewire[queue]'"


class StartupError(RuntimeError):
    """The database or the model cannot be used; the message says why in one line."""


def open_database(url: str) -> Engine:
    """Migrate the database at `url` to the newest schema and return an engine for it."""
    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except ArgumentError as error:
        raise StartupError(
            f"{DATABASE_SETTING} is not a database URL (e.g. sqlite:///data/quotewire.db)"
        ) from error
    try:
        upgrade_to_head(url)
        return make_engine(url)
    except NoSuchModuleError as error:
        raise StartupError(f"{DATABASE_SETTING}={shown}: no such database dialect") from error
    except ImportError as error:
        raise StartupError(
            f"{DATABASE_SETTING}={shown}: its database driver is not installed ({error.name})"
        ) from error
    except OperationalError as error:
        raise StartupError(
            f"{DATABASE_SETTING}={shown}: cannot open the database ({one_line(error)})"
        ) from error


def load_annotator(model: str) -> Annotator:
    try:
        return Annotator(model)
    except OSError as error:
        raise _model_error(model, error) from error


def annotator_version(model: str) -> str:
    """The version an annotator on `model` will store, for a process that leaves annotating to
    workers: the pipeline's meta is read, the pipeline is not loaded."""
    try:
        return engine_version(model_meta(model))
    except OSError as error:
        raise _model_error(model, error) from error


def _model_error(model: str, error: OSError) -> StartupError:
    reason = str(error).splitlines()[0]
    return StartupError(f"{MODEL_SETTING}={model}: cannot load this spaCy pipeline ({reason})")


def open_job_queue(settings: Settings) -> JobQueue | None:
    """The job queue when QUOTEWIRE_REDIS_URL is set (Redis is reached only when used), else None."""
    if settings.redis_url is None:
        return None
    try:
        from app.jobs import JobQueue  # the `queue` extra: only a server with a queue needs it
    except ImportError as error:
        raise StartupError(QUEUE_NOT_INSTALLED.format(module=error.name)) from error
    return JobQueue(settings)


def one_line(error: Exception) -> str:
    """An error's first line; a database error by its driver's message, without SQLAlchemy's SQL."""
    cause = error.orig if isinstance(error, DBAPIError) else error
    return next(iter(str(cause).splitlines()), type(cause).__name__)
