"""Settings: one validated model from config.toml, overridden by MEDGUARD_<SECTION>_<KEY>."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

DEFAULT_CONFIG = Path("config.toml")


class ConfigError(Exception):
    """The configuration cannot be used; the message names the key and the reason."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TelegramSettings(_Section):
    token: SecretStr | None = None
    api_base: str = "https://api.telegram.org"
    framework: Literal["aiogram", "ptb"] = "aiogram"
    polling_timeout: int = Field(default=30, ge=0, le=50)
    webhook_host: str = "127.0.0.1"
    webhook_port: int = Field(default=8080, ge=1, le=65535)
    webhook_path: str = "/telegram"
    webhook_url: str = ""
    webhook_secret: SecretStr | None = None

    @field_validator("api_base")
    @classmethod
    def _scheme_host_port(cls, value: str) -> str:
        # Each runtime appends /bot<token>/ itself, so a path here would be doubled.
        from urllib.parse import urlsplit

        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError("must be scheme://host[:port], e.g. http://127.0.0.1:8081")
        if parts.path.strip("/") or parts.query:
            raise ValueError("must be scheme, host and port only (no path)")
        return f"{parts.scheme}://{parts.netloc}"

    @field_validator("token")
    @classmethod
    def _token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value():
            return None
        raw = value.get_secret_value()
        if ":" not in raw or " " in raw:
            raise ValueError("does not look like a bot token (<digits>:<secret>)")
        return value


class ModerationSettings(_Section):
    moderator_chat_id: int | None = None
    moderator_ids: list[int] = Field(default_factory=list)
    groups: list[int] = Field(default_factory=list)
    language: Literal["az", "ru", "en"] = "az"
    admin_cache_seconds: int = Field(default=60, ge=0)


class PolicySettings(_Section):
    dry_run: bool = False
    auto_strike: bool = False
    warn_limit: int = Field(default=3, ge=1)
    mute_minutes: int = Field(default=60, ge=1)
    ban_after: int = Field(default=2, ge=1)
    notice_delete_seconds: int = Field(default=60, ge=0)


class ClassifierSettings(_Section):
    encoder_path: str = ""
    cache_dir: Path = Path("data/models")
    artifacts_dir: str = ""
    runtime: Literal["auto", "onnx", "torch"] = "auto"
    quantize: bool = True
    threads: int = Field(default=2, ge=1)
    batch_size: int = Field(default=32, ge=1, le=512)
    # The encoder is left out for messages the rules and the n-gram model are sure of.
    skip_encoder_when_sure: bool = True
    thresholds: dict[str, float] = Field(default_factory=dict)

    @field_validator("thresholds")
    @classmethod
    def _known_labels(cls, value: dict[str, float]) -> dict[str, float]:
        from classifiers.labels import LABELS

        for label, threshold in value.items():
            if label not in LABELS:
                raise ValueError(f"unknown label {label!r}; labels are {', '.join(LABELS)}")
            if not 0.0 <= threshold <= 1.0:
                raise ValueError(f"threshold for {label} must lie in [0, 1]")
        return value


class StorageSettings(_Section):
    data_dir: Path = Path("data")
    database_url: str = ""
    redis_url: str = ""

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, value: str) -> str:
        if value and not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("use sqlite+aiosqlite:///PATH or postgresql+asyncpg://USER@HOST/DB")
        return value

    @field_validator("redis_url")
    @classmethod
    def _redis_scheme(cls, value: str) -> str:
        if value and not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("use redis://HOST:PORT/DB (empty keeps state in process)")
        return value

    def resolved_database_url(self) -> str:
        """The database URL, defaulting to a SQLite file in the data folder."""
        return self.database_url or f"sqlite+aiosqlite:///{self.data_dir / 'medguard.db'}"


class StatsSettings(_Section):
    pseudonym_secret: SecretStr | None = None
    min_cell: int = Field(default=5, ge=1)
    retention_days: int = Field(default=30, ge=1)


class DoctorSettings(_Section):
    verification_days: int = Field(default=365, ge=1)
    offer_minutes: int = Field(default=30, ge=1)


class LoggingSettings(_Section):
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"


class Settings(BaseSettings):
    """Every setting of MedGuard, grouped by concern as in config.toml."""

    model_config = SettingsConfigDict(
        env_prefix="MEDGUARD_",
        env_nested_delimiter="_",
        env_nested_max_split=1,
        extra="forbid",
        case_sensitive=False,
    )

    telegram: TelegramSettings = Field(default_factory=TelegramSettings)
    moderation: ModerationSettings = Field(default_factory=ModerationSettings)
    policy: PolicySettings = Field(default_factory=PolicySettings)
    classifier: ClassifierSettings = Field(default_factory=ClassifierSettings)
    storage: StorageSettings = Field(default_factory=StorageSettings)
    stats: StatsSettings = Field(default_factory=StatsSettings)
    doctors: DoctorSettings = Field(default_factory=DoctorSettings)
    logging: LoggingSettings = Field(default_factory=LoggingSettings)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # The file's values arrive as init kwargs; the environment must win over them.
        return (env_settings, init_settings)


def _describe(error: ValidationError) -> str:
    lines = []
    for item in error.errors():
        key = ".".join(str(part) for part in item["loc"]) or "(root)"
        env = "MEDGUARD_" + "_".join(str(part) for part in item["loc"][:2]).upper()
        reason = item["msg"].removeprefix("Value error, ")
        lines.append(f"{key}: {reason} (config key {key}, environment {env})")
    return "invalid configuration:\n  " + "\n  ".join(lines)


def load_settings(path: Path | None = None) -> Settings:
    """Load config.toml (or `path`) with environment overrides; raise ConfigError if invalid."""
    data: dict[str, Any] = {}
    source = path or DEFAULT_CONFIG
    if source.exists():
        try:
            data = tomllib.loads(source.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{source}: not valid TOML: {exc}") from exc
    elif path is not None:
        raise ConfigError(f"{path}: no such config file")
    try:
        return Settings(**data)
    except ValidationError as exc:
        raise ConfigError(_describe(exc)) from exc
