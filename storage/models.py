"""SQLModel tables. Telegram ids are 64-bit (BigInteger): group ids pass 2**31 routinely."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import BigInteger, Column, DateTime, Dialect
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite forgets the zone otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if not isinstance(value, datetime):
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _big(*, primary_key: bool = False, index: bool = False, nullable: bool = False) -> Column[int]:
    return Column(BigInteger, primary_key=primary_key, index=index, nullable=nullable)


def _when(*, index: bool = False) -> Column[datetime]:
    return Column(UTCDateTime(), nullable=False, index=index)


class ChatBase(SQLModel):
    title: str | None = None
    type: str = "group"
    language: str = "az"


class ChatRecord(ChatBase, table=True):
    """A chat the bot has seen; moderated groups and the moderators' chat."""

    __tablename__ = "chat"

    id: int = Field(sa_column=_big(primary_key=True))
    first_seen: datetime = Field(default_factory=utcnow, sa_column=_when())


class AuditBase(SQLModel):
    action: str
    chat_id: int | None = Field(default=None, sa_column=_big(index=True, nullable=True))
    message_id: int | None = Field(default=None, sa_column=_big(nullable=True))
    actor: str = "bot"
    detail: str = ""


class AuditEvent(AuditBase, table=True):
    """One automatic action or moderator decision: who, what, when. Never message text."""

    __tablename__ = "audit_event"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_column=_when(index=True))


class FlagBase(SQLModel):
    chat_id: int = Field(sa_column=_big(index=True))
    message_id: int | None = Field(default=None, sa_column=_big(nullable=True))
    # Needed to act on a moderator's decision (mute/ban); never exported to statistics.
    author_id: int | None = Field(default=None, sa_column=_big(nullable=True))
    author_pseudonym: str = ""
    kind: str = "auto"
    labels: str = ""
    scores: str = "{}"
    reasons: str = ""
    redacted_text: str | None = None
    language: str = "az"
    status: str = "open"
    decided_by: int | None = Field(default=None, sa_column=_big(nullable=True))
    mod_chat_id: int | None = Field(default=None, sa_column=_big(nullable=True))
    mod_message_id: int | None = Field(default=None, sa_column=_big(nullable=True))
    notice_message_id: int | None = Field(default=None, sa_column=_big(nullable=True))


class Flag(FlagBase, table=True):
    """A message (or appeal) put before the moderators. Holds redacted text only, purged later."""

    __tablename__ = "flag"

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_when(index=True))
    decided_at: datetime | None = Field(
        default=None, sa_column=Column(UTCDateTime(), nullable=True)
    )


class Strike(SQLModel, table=True):
    """A confirmed violation by a member of a group; `warn_limit` of them mute."""

    __tablename__ = "strike"

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=_big(index=True))
    user_id: int = Field(sa_column=_big(index=True))
    flag_id: int | None = None
    kind: str = "warn"
    at: datetime = Field(default_factory=utcnow, sa_column=_when())
