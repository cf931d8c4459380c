"""Repository functions for flags, strikes and the audit log. Sessions are passed in."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import AuditEvent, Flag, Strike, utcnow

CONFIRMING = ("delete", "warn", "mute", "ban")


async def add_flag(session: AsyncSession, flag: Flag) -> Flag:
    """Store a new flag and return it with its id."""
    session.add(flag)
    await session.flush()
    await session.refresh(flag)
    return flag


async def get_flag(session: AsyncSession, flag_id: int) -> Flag | None:
    """A flag by id."""
    return await session.get(Flag, flag_id)


async def claim_flag(
    session: AsyncSession, flag_id: int, status: str, moderator_id: int, at: datetime
) -> bool:
    """Decide an open flag; False when someone already did (a double press, another instance)."""
    result = await session.exec(
        update(Flag)
        .where(col(Flag.id) == flag_id, col(Flag.status) == "open")
        .values(status=status, decided_by=moderator_id, decided_at=at)
    )
    return bool(getattr(result, "rowcount", 0) == 1)


async def set_flag_message(
    session: AsyncSession, flag_id: int, chat_id: int, message_id: int
) -> None:
    """Remember where the flag was posted in the moderators' chat."""
    await session.exec(
        update(Flag)
        .where(col(Flag.id) == flag_id)
        .values(mod_chat_id=chat_id, mod_message_id=message_id)
    )


async def set_notice(session: AsyncSession, flag_id: int, message_id: int) -> None:
    """Remember the bot's warning in the group, so `/appeal` replies can find the flag."""
    await session.exec(
        update(Flag).where(col(Flag.id) == flag_id).values(notice_message_id=message_id)
    )


async def flag_by_notice(session: AsyncSession, chat_id: int, message_id: int) -> Flag | None:
    """The flag whose group notice is `message_id`."""
    found = await session.exec(
        select(Flag).where(col(Flag.chat_id) == chat_id, col(Flag.notice_message_id) == message_id)
    )
    return found.first()


async def latest_flag_of(session: AsyncSession, chat_id: int, author_id: int) -> Flag | None:
    """The member's most recent automatic flag in a group."""
    found = await session.exec(
        select(Flag)
        .where(
            col(Flag.chat_id) == chat_id,
            col(Flag.author_id) == author_id,
            col(Flag.kind) != "appeal",
        )
        .order_by(col(Flag.id).desc())
    )
    return found.first()


async def open_flags(session: AsyncSession, limit: int = 30) -> Sequence[Flag]:
    """Open flags, oldest first."""
    found = await session.exec(
        select(Flag).where(col(Flag.status) == "open").order_by(col(Flag.id)).limit(limit)
    )
    return found.all()


async def add_strike(
    session: AsyncSession, chat_id: int, user_id: int, flag_id: int | None, kind: str = "warn"
) -> int:
    """Record a strike; return the member's strike count in the group."""
    session.add(Strike(chat_id=chat_id, user_id=user_id, flag_id=flag_id, kind=kind))
    await session.flush()
    return await count_strikes(session, chat_id, user_id)


async def count_strikes(session: AsyncSession, chat_id: int, user_id: int) -> int:
    """How many strikes a member has in a group."""
    found = await session.exec(
        select(func.count())
        .select_from(Strike)
        .where(col(Strike.chat_id) == chat_id, col(Strike.user_id) == user_id)
    )
    return int(found.one())


async def clear_strikes(session: AsyncSession, chat_id: int, user_id: int) -> None:
    """Lift a member's strikes (an accepted appeal)."""
    for strike in (
        await session.exec(
            select(Strike).where(col(Strike.chat_id) == chat_id, col(Strike.user_id) == user_id)
        )
    ).all():
        await session.delete(strike)


async def count_spam_flags(session: AsyncSession, chat_id: int, user_id: int) -> int:
    """Spam flags of a member in a group that moderators have not dismissed."""
    found = await session.exec(
        select(func.count())
        .select_from(Flag)
        .where(
            col(Flag.chat_id) == chat_id,
            col(Flag.author_id) == user_id,
            col(Flag.labels).contains("spam"),
            col(Flag.status) != "dismissed",
        )
    )
    return int(found.one())


async def audit(
    session: AsyncSession,
    action: str,
    *,
    chat_id: int | None = None,
    message_id: int | None = None,
    actor: str = "bot",
    detail: str = "",
) -> None:
    """Append to the audit log (who, what, when; never message text)."""
    session.add(
        AuditEvent(
            action=action,
            chat_id=chat_id,
            message_id=message_id,
            actor=actor,
            detail=detail,
            at=utcnow(),
        )
    )


async def feedback_examples(session: AsyncSession) -> list[dict[str, object]]:
    """Moderators' decisions as labelled examples (redacted text only) for retraining."""
    found = await session.exec(
        select(Flag).where(
            col(Flag.kind) == "auto",
            col(Flag.status) != "open",
            col(Flag.redacted_text).is_not(None),
        )
    )
    examples: list[dict[str, object]] = []
    for flag in found.all():
        confirmed = flag.status in CONFIRMING
        examples.append(
            {
                "text": flag.redacted_text,
                "labels": [lab for lab in flag.labels.split(",") if lab] if confirmed else [],
                "source": f"flag:{flag.id}:{flag.status}",
            }
        )
    return examples
