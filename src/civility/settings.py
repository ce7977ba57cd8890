"""Service configuration: one validated settings object, built when the process starts."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from civility.errors import Invalid


class Settings(BaseSettings):
    """Everything configurable, read from CIVILITY_* environment variables and `.env`."""

    model_config = SettingsConfigDict(
        env_prefix="CIVILITY_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    env: Literal["development", "production", "test"] = "development"
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    data_dir: Path = Path("data")
    database_url: str = ""
    broker_url: str = "memory://"
    redis_url: str = ""
    embedded_worker: bool | None = Field(
        None, description="Run a worker inside `serve`; default: only with the in-process broker."
    )
    scorer: Literal["builtin", "lexicon-baseline"] = "builtin"
    batch_max_size: int = Field(64, ge=1, le=4096)
    batch_max_wait_ms: float = Field(10.0, ge=0, le=60_000)
    sync_batch_max_size: int = Field(64, ge=1, le=4096)
    sync_batch_max_wait_ms: float = Field(1.0, ge=0, le=1000)
    max_text_length: int = Field(10_000, ge=1, le=1_000_000)
    max_batch_submit: int = Field(1_000, ge=1, le=100_000)
    db_pool_size: int = Field(8, ge=1, le=256)
    api_key_cache_seconds: float = Field(30.0, ge=0)
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    log_json: bool = False

    @field_validator("broker_url")
    @classmethod
    def _known_broker(cls, value: str) -> str:
        if not value.startswith(("memory://", "amqp://", "amqps://", "redis://", "rediss://")):
            raise ValueError("must start with memory://, amqp(s):// or redis(s)://")
        return value

    @model_validator(mode="after")
    def _fill_defaults(self) -> Settings:
        if not self.database_url:
            self.database_url = f"sqlite:///{(self.data_dir / 'civility.db').as_posix()}"
        if not self.database_url.startswith(("sqlite://", "postgresql")):
            raise ValueError("database_url must be a sqlite:// or postgresql:// URL")
        if self.embedded_worker is None:
            self.embedded_worker = self.broker_url.startswith("memory://")
        return self

    @property
    def runs_embedded_worker(self) -> bool:
        """Tells whether `serve` consumes the queue itself."""
        return bool(self.embedded_worker)


def load_settings(**overrides: object) -> Settings:
    """Builds and validates the settings; raises Invalid with a readable message on bad values."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = "; ".join(
            f"CIVILITY_{'_'.join(str(p) for p in err['loc']).upper() or 'SETTINGS'}: {err['msg']}"
            for err in exc.errors()
        )
        raise Invalid(f"invalid configuration: {problems}", code="invalid_settings") from exc
