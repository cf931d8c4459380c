"""What the use cases are handed: plain settings values and the stores, built by bot/app.py."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

from classifiers.labels import Verdict
from storage.db import Database
from storage.state import StateStore


def utcnow() -> datetime:
    """The current time in UTC."""
    return datetime.now(UTC)


class Reader(Protocol):
    """Reads messages: the classifier as the use cases see it.

    `read` classifies a batch with the full ensemble; `quick` uses rules and the light model
    only, fast enough for the emergency path; `answer_style` labels doctors' answers
    (instrumental / affective) for statistics.
    """

    async def read(self, texts: Sequence[str]) -> list[Verdict]: ...

    def quick(self, text: str) -> Verdict: ...

    async def answer_style(self, texts: Sequence[str]) -> list[tuple[str, ...]]: ...


@dataclass(frozen=True, slots=True)
class ModerationConfig:
    """The moderation settings the use cases read (a plain copy of config.toml values)."""

    language: str = "az"
    moderator_chat_id: int | None = None
    moderator_ids: frozenset[int] = frozenset()
    groups: frozenset[int] = frozenset()
    admin_cache_seconds: int = 60

    def is_moderated(self, chat_id: int) -> bool:
        """Whether the bot moderates this group (by default all but the moderators' chat)."""
        if chat_id == self.moderator_chat_id:
            return False
        return not self.groups or chat_id in self.groups


@dataclass(frozen=True, slots=True)
class PolicyConfig:
    """config.toml [policy]."""

    dry_run: bool = False
    auto_strike: bool = False
    warn_limit: int = 3
    mute_minutes: int = 60
    ban_after: int = 2
    notice_delete_seconds: int = 60


@dataclass(frozen=True, slots=True)
class DoctorConfig:
    """config.toml [doctors]."""

    verification_days: int = 365
    offer_minutes: int = 30


@dataclass(frozen=True, slots=True)
class StatsConfig:
    """config.toml [stats]; `pseudonym_secret` is resolved (generated if unset) by bot/app.py."""

    pseudonym_secret: bytes = b"medguard-test-secret"
    min_cell: int = 5
    retention_days: int = 30


@dataclass(slots=True)
class Services:
    """Everything a use case may need; one instance per running bot."""

    db: Database
    state: StateStore
    moderation: ModerationConfig = field(default_factory=ModerationConfig)
    policy: PolicyConfig = field(default_factory=PolicyConfig)
    doctors: DoctorConfig = field(default_factory=DoctorConfig)
    stats: StatsConfig = field(default_factory=StatsConfig)
    reader: Reader | None = None
    bot_username: str = ""
    now: Callable[[], datetime] = utcnow
