"""Anonymised statistics: the recording API the use cases call, pseudonyms, and `/stats`.

Recording API (DESIGN §6). Every function takes the database — or, inside a transaction the
caller already holds, that `AsyncSession` (then the counts commit or roll back with it; on
SQLite, which has one writer, passing the database there would wait on the caller) — and
plain values only: a chat id, a day, vocabulary names, a doctor's registry id, seconds. Never
message text, names or Telegram user ids: an author is passed as `pseudonym(secret, user_id)`.
`day` is a `date`, or an aware `datetime` taken as its UTC day (e.g. `event.date`).

    pseudonym(secret: bytes, user_id: int) -> str
        HMAC-SHA-256 of the user id under `ctx.services.stats.pseudonym_secret`, 16 hex
        characters, as flags show it; new ones after the secret is rotated. Statistics keep
        not even this, only a hash of (day, group, pseudonym) for two days.
    await record_message(db, *, chat_id, day, labels, sentiment, specialty=None, author=None)
        Once per classified group message (not again for a redelivery or an edit): labels from
        LABELS, sentiment from SENTIMENTS, the question's specialty (counted only when
        "question" is among the labels; None counts as "unspecified"), the author's pseudonym
        (counted once per group and day).
    await record_actions(db, *, chat_id, day, actions)
        The names of the actions taken on a message ("reply", "delete", "flag", ...).
    await record_decision(db, *, chat_id, day, decision)
        A moderator's decision on a flag ("dismiss", "delete", "warn", "mute", "ban").
    await record_routed(db, *, chat_id, day, specialty)
        A question routed to doctors; `day` is the day the question was asked.
    await record_answer(db, *, chat_id, day, style, first_answer_seconds=None)
        A doctor's answer posted in the group: its style (a subset of STYLES, () for neither);
        for the question's first answer also the seconds since it was asked. `day` is the day
        the question was asked, so that routed and answered compare the same questions.
    await record_rating(db, *, chat_id, day, doctor_id, specialty, up)
        The asker's vote on an answer: the doctor's registry id and specialty, up or down;
        `day` is the day of the vote.

Action and decision names are short identifiers (`[a-z][a-z0-9_.:-]{0,31}`); anything else, or
a name outside the label vocabularies, raises ValueError, so free text cannot slip into the
statistics by mistake. `run_retention(services)` is the purge the bot runs hourly. For example,
the moderation use case records a message with:

    author = pseudonym(ctx.services.stats.pseudonym_secret, event.sender.id)
    await record_message(ctx.services.db, chat_id=event.chat.id, day=event.date,
                         labels=verdict.labels, sentiment=verdict.sentiment,
                         specialty=verdict.specialty, author=author)
    await record_actions(ctx.services.db, chat_id=event.chat.id, day=event.date, actions=taken)
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import re
from collections import Counter
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from classifiers.labels import LABELS, SENTIMENTS, SPECIALTIES, STYLES
from handlers.actions import Action, SendPhoto
from handlers.commands import language_of, reply
from handlers.context import Context
from handlers.events import Command, MessageEvent
from handlers.i18n import text
from handlers.services import Services
from storage import stats as repo
from storage.db import Database

log = logging.getLogger(__name__)

UNSPECIFIED = "unspecified"
NO_STYLE = "none"
BOTH_STYLES = "both"
PSEUDONYM_LENGTH = 16
_NAME = re.compile(r"[a-z][a-z0-9_.:-]{0,31}")
_PSEUDONYM = re.compile(rf"[0-9a-f]{{{PSEUDONYM_LENGTH}}}")

Target = Database | AsyncSession


def pseudonym(secret: bytes, user_id: int) -> str:
    """The keyed pseudonym of a Telegram user: HMAC-SHA-256, 16 hex characters."""
    digest = hmac.new(secret, f"medguard-author:{user_id}".encode(), hashlib.sha256)
    return digest.hexdigest()[:PSEUDONYM_LENGTH]


def utc_day(day: date) -> date:
    """The UTC day of an aware datetime, or the date itself."""
    if isinstance(day, datetime):
        if day.tzinfo is None:
            raise ValueError("naive datetime given as a statistics day")
        return day.astimezone(UTC).date()
    return day


@asynccontextmanager
async def _session(target: Target) -> AsyncIterator[AsyncSession]:
    if isinstance(target, AsyncSession):
        yield target
        return
    async with target.session() as session:
        yield session


def _check(values: Iterable[str], vocabulary: tuple[str, ...], what: str) -> list[str]:
    checked = list(values)
    unknown = [v for v in checked if v not in vocabulary]
    if unknown:
        raise ValueError(f"unknown {what}: {len(unknown)} value(s) outside the vocabulary")
    return checked


def _name(value: str, what: str) -> str:
    if not _NAME.fullmatch(value):
        raise ValueError(f"{what} names must be short identifiers like 'delete'")
    return value


def _specialty(value: str | None) -> str:
    if value is None:
        return UNSPECIFIED
    return _check([value], SPECIALTIES, "specialty")[0]


async def record_message(
    target: Target,
    *,
    chat_id: int,
    day: date,
    labels: Iterable[str],
    sentiment: str,
    specialty: str | None = None,
    author: str | None = None,
) -> None:
    """Count one classified group message: its labels, sentiment, question specialty, author."""
    names = set(_check(labels, LABELS, "label"))
    counts: Counter[tuple[str, str]] = Counter({("label", label): 1 for label in names})
    counts["sentiment", _check([sentiment], SENTIMENTS, "sentiment")[0]] += 1
    if "question" in names:
        counts["specialty", _specialty(specialty)] += 1
    if author is not None and not _PSEUDONYM.fullmatch(author):
        raise ValueError("author must be a pseudonym() value, never a raw id or a name")
    day = utc_day(day)
    async with _session(target) as session:
        if author is not None and await repo.first_seen_today(session, day, chat_id, author):
            counts["authors", ""] += 1
        await repo.add_counts(session, day, chat_id, counts)


async def record_actions(
    target: Target, *, chat_id: int, day: date, actions: Iterable[str]
) -> None:
    """Count the actions taken on a message, by name."""
    counts = Counter(("action", _name(name, "action")) for name in actions)
    if counts:
        async with _session(target) as session:
            await repo.add_counts(session, utc_day(day), chat_id, counts)


async def record_decision(target: Target, *, chat_id: int, day: date, decision: str) -> None:
    """Count a moderator's decision on a flag, by name."""
    counts = {("decision", _name(decision, "decision")): 1}
    async with _session(target) as session:
        await repo.add_counts(session, utc_day(day), chat_id, counts)


async def record_routed(target: Target, *, chat_id: int, day: date, specialty: str | None) -> None:
    """Count a question routed to doctors, by specialty."""
    counts = {("routed", _specialty(specialty)): 1}
    async with _session(target) as session:
        await repo.add_counts(session, utc_day(day), chat_id, counts)


def style_key(style: Iterable[str]) -> str:
    """The statistics key of an answer's style: instrumental, affective, both or none."""
    styles = set(_check(style, STYLES, "style"))
    if len(styles) > 1:
        return BOTH_STYLES
    return styles.pop() if styles else NO_STYLE


async def record_answer(
    target: Target,
    *,
    chat_id: int,
    day: date,
    style: Iterable[str],
    first_answer_seconds: float | None = None,
) -> None:
    """Count a doctor's answer by style, and the time to a question's first answer."""
    counts = {("style", style_key(style)): 1}
    day = utc_day(day)
    async with _session(target) as session:
        await repo.add_counts(session, day, chat_id, counts)
        if first_answer_seconds is not None:
            await repo.add_answer_time(session, day, chat_id, first_answer_seconds)


async def record_rating(
    target: Target, *, chat_id: int, day: date, doctor_id: int, specialty: str, up: bool
) -> None:
    """Count the asker's vote on a doctor's answer."""
    checked = _check([specialty], SPECIALTIES, "specialty")[0]
    async with _session(target) as session:
        await repo.add_rating(session, utc_day(day), chat_id, doctor_id, checked, up=up)


# -- retention -----------------------------------------------------------------------------


async def run_retention(services: Services) -> tuple[int, int]:
    """Purge flags' redacted text past `retention_days` and stale author hashes; the counts."""
    now = services.now()
    older_than = now - timedelta(days=services.stats.retention_days)
    flags = await repo.purge_flag_text(services.db, older_than)
    authors = await repo.purge_author_keys(services.db, now.astimezone(UTC).date())
    log.info("retention: purged text of %d flag(s), %d author hash(es)", flags, authors)
    return flags, authors


# -- /stats --------------------------------------------------------------------------------

DEFAULT_DAYS = 7
MAX_DAYS = 366


async def on_stats(event: MessageEvent, command: Command, ctx: Context) -> list[Action]:
    """`/stats [days]` in the moderators' chat: a PNG chart of trends and a short summary."""
    from handlers.stats_chart import render_chart
    from handlers.stats_report import build_report, summary

    services = ctx.services
    language = language_of(event, services)
    in_mod_chat = event.chat.id == services.moderation.moderator_chat_id
    allowed = event.sender is not None and await ctx.is_moderator(event.sender.id)
    if not (in_mod_chat and allowed):
        log.info("/stats refused in a %s chat", event.chat.type)
        # In a members' group, silence: the command is not advertised there.
        if in_mod_chat or event.chat.is_private:
            return [reply(event, text(language, "stats_moderators_only"))]
        return []
    days = _days(command.args)
    if days is None:
        return [reply(event, text(language, "stats_usage", max_days=MAX_DAYS))]
    until = services.now().astimezone(UTC).date()
    since = until - timedelta(days=days - 1)
    report = await build_report(services.db, since, until, min_cell=services.stats.min_cell)
    if not report.has_data:
        return [reply(event, text(language, "stats_empty", days=days))]
    png = await asyncio.to_thread(render_chart, report)
    log.info("/stats: chart of %d day(s) sent", days)
    caption = summary(report, language)
    return [SendPhoto(event.chat.id, png, caption=caption, filename="medguard-stats.png")]


def _days(args: str) -> int | None:
    if not args.strip():
        return DEFAULT_DAYS
    head = args.split(maxsplit=1)[0]
    if not head.isdigit() or not 1 <= int(head) <= MAX_DAYS:
        return None
    return int(head)
