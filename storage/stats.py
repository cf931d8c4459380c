"""Statistics tables (all named `stats_*`), their increments and queries, and retention.

Counters only: per group and UTC day, how many messages had a label, a sentiment, which
specialties questions were about, which actions and decisions were taken, how fast doctors
answered (a fixed-bucket histogram), how doctors were rated. No Telegram id, name or text ever
reaches these tables; authors are counted per day through day-scoped hashes of pseudonyms that
the retention job deletes after two days.

Increments are single `INSERT ... ON CONFLICT DO UPDATE SET n = n + excluded.n` statements, so
several bot instances can count into one PostgreSQL database without losing updates.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import BigInteger, Column, Table, func, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Field, SQLModel, col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.db import Database
from storage.models import Flag

# Lower edges, in seconds, of the answer-time histogram. A fixed set of buckets gives median
# and p90 without keeping one row per answer; the edges are stored with the counts, so a
# later change of edges leaves old rows readable.
ANSWER_BUCKETS: tuple[int, ...] = (
    0,
    60,
    120,
    300,
    600,
    900,
    1800,
    2700,
    3600,
    7200,
    10800,
    21600,
    43200,
    86400,
    172800,
    259200,
    604800,
)
# How long the day-scoped author hashes are kept: long enough for a day that ends late in
# another time zone to be complete, short enough that nobody can follow an author across days.
AUTHOR_KEY_DAYS = 2


def _pk_big() -> Column[int]:
    return Column(BigInteger, primary_key=True, autoincrement=False)


# WITHOUT ROWID: SQLite then stores each row once, in its primary key order, instead of a
# table plus a copy of the key in an index. The key puts the day first (a date range is one
# contiguous scan) and the group last, so that summing over all groups streams in key order
# instead of sorting (7x faster over a year of 100 groups).
_COMPACT = {"sqlite_with_rowid": False}


class StatsCount(SQLModel, table=True):
    """A counter per group and day: `metric` (label, sentiment, specialty, ...) and its `key`."""

    __tablename__ = "stats_count"
    __table_args__ = _COMPACT

    day: date = Field(primary_key=True)
    metric: str = Field(primary_key=True)
    key: str = Field(primary_key=True)
    chat_id: int = Field(sa_column=_pk_big())
    n: int = 0


class StatsAnswerTime(SQLModel, table=True):
    """Answers per group and day by time to answer: `bucket` is the lower edge in seconds."""

    __tablename__ = "stats_answer_time"
    __table_args__ = _COMPACT

    day: date = Field(primary_key=True)
    bucket: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    chat_id: int = Field(sa_column=_pk_big())
    n: int = 0


class StatsDoctor(SQLModel, table=True):
    """Ratings per group, day and doctor (by registry id, never a Telegram id)."""

    __tablename__ = "stats_doctor"
    __table_args__ = _COMPACT

    day: date = Field(primary_key=True)
    doctor_id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    specialty: str = Field(primary_key=True)
    chat_id: int = Field(sa_column=_pk_big())
    up: int = 0
    down: int = 0


class StatsAuthorSeen(SQLModel, table=True):
    """Which authors were already counted today: a hash of (day, group, pseudonym), short-lived."""

    __tablename__ = "stats_author_seen"
    __table_args__ = _COMPACT

    day: date = Field(primary_key=True)
    chat_id: int = Field(sa_column=_pk_big())
    author: int = Field(sa_column=_pk_big())


STATS_TABLES: tuple[type[SQLModel], ...] = (
    StatsCount,
    StatsAnswerTime,
    StatsDoctor,
    StatsAuthorSeen,
)


def _table(model: type[SQLModel]) -> Table:
    return cast(Table, model.__table__)  # type: ignore[attr-defined]


def _dialect(session: AsyncSession) -> str:
    return session.get_bind().dialect.name


async def _upsert_add(
    session: AsyncSession,
    model: type[SQLModel],
    rows: Sequence[dict[str, Any]],
    counters: Sequence[str],
) -> None:
    """Insert rows, or add their `counters` to the rows already there (one statement)."""
    if not rows:
        return
    table = _table(model)
    keys = [c.name for c in table.primary_key.columns]
    dialect = _dialect(session)
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = insert(table).values(list(rows))
    stmt = stmt.on_conflict_do_update(
        index_elements=keys,
        set_={name: table.c[name] + stmt.excluded[name] for name in counters},
    )
    await session.exec(stmt)


async def add_counts(
    session: AsyncSession, day: date, chat_id: int, counts: Mapping[tuple[str, str], int]
) -> None:
    """Add to the (metric, key) counters of one group and day."""
    merged = Counter({k: v for k, v in counts.items() if v})
    rows = [
        {"day": day, "chat_id": chat_id, "metric": metric, "key": key, "n": n}
        for (metric, key), n in sorted(merged.items())
    ]
    await _upsert_add(session, StatsCount, rows, ("n",))


def answer_bucket(seconds: float) -> int:
    """The histogram bucket (its lower edge in seconds) that an answer time falls into."""
    chosen = ANSWER_BUCKETS[0]
    for edge in ANSWER_BUCKETS:
        if seconds >= edge:
            chosen = edge
    return chosen


async def add_answer_time(session: AsyncSession, day: date, chat_id: int, seconds: float) -> None:
    """Count one answer in its time bucket."""
    row = {"day": day, "chat_id": chat_id, "bucket": answer_bucket(max(0.0, seconds)), "n": 1}
    await _upsert_add(session, StatsAnswerTime, [row], ("n",))


async def add_rating(
    session: AsyncSession, day: date, chat_id: int, doctor_id: int, specialty: str, *, up: bool
) -> None:
    """Count one rating of a doctor's answer."""
    row = {
        "day": day,
        "chat_id": chat_id,
        "doctor_id": doctor_id,
        "specialty": specialty,
        "up": int(up),
        "down": int(not up),
    }
    await _upsert_add(session, StatsDoctor, [row], ("up", "down"))


def author_key(day: date, chat_id: int, author: str) -> int:
    """A 64-bit hash of (day, group, pseudonym): counts an author once a day, links no days."""
    digest = hashlib.blake2b(
        f"{day.isoformat()}|{chat_id}|{author}".encode(), digest_size=8, person=b"medguard-stats"
    ).digest()
    return int.from_bytes(digest, "big", signed=True)


async def first_seen_today(session: AsyncSession, day: date, chat_id: int, author: str) -> bool:
    """Remember that the author wrote in the group that day; True the first time."""
    table = _table(StatsAuthorSeen)
    insert = postgresql.insert if _dialect(session) == "postgresql" else sqlite.insert
    stmt = (
        insert(table)
        .values(day=day, chat_id=chat_id, author=author_key(day, chat_id, author))
        .on_conflict_do_nothing()
        .returning(table.c.day)
    )
    result = await session.exec(stmt)
    return result.first() is not None


# -- queries -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DayCount:
    """One counter summed over the selected groups for one day."""

    day: date
    metric: str
    key: str
    n: int


@dataclass(frozen=True, slots=True)
class DoctorTally:
    """A doctor's ratings over a date range."""

    doctor_id: int
    specialty: str
    up: int
    down: int


def _in_range(model: Any, since: date, until: date, chat_id: int | None) -> list[Any]:
    conditions = [col(model.day) >= since, col(model.day) <= until]
    if chat_id is not None:
        conditions.append(col(model.chat_id) == chat_id)
    return conditions


async def daily_counts(
    session: AsyncSession, since: date, until: date, chat_id: int | None = None
) -> list[DayCount]:
    """Counters per day between `since` and `until` (inclusive), over all groups or one."""
    total = func.sum(StatsCount.n)
    stmt = (
        select(col(StatsCount.day), col(StatsCount.metric), col(StatsCount.key), total)
        .where(*_in_range(StatsCount, since, until, chat_id))
        .group_by(col(StatsCount.day), col(StatsCount.metric), col(StatsCount.key))
    )
    rows = (await session.exec(stmt)).all()
    return [DayCount(day, metric, key, int(n)) for day, metric, key, n in rows]


async def daily_answer_times(
    session: AsyncSession, since: date, until: date, chat_id: int | None = None
) -> list[tuple[date, int, int]]:
    """(day, bucket, answers) between `since` and `until`, over all groups or one."""
    total = func.sum(StatsAnswerTime.n)
    stmt = (
        select(col(StatsAnswerTime.day), col(StatsAnswerTime.bucket), total)
        .where(*_in_range(StatsAnswerTime, since, until, chat_id))
        .group_by(col(StatsAnswerTime.day), col(StatsAnswerTime.bucket))
    )
    return [(day, int(bucket), int(n)) for day, bucket, n in (await session.exec(stmt)).all()]


async def doctor_tallies(
    session: AsyncSession, since: date, until: date, chat_id: int | None = None
) -> list[DoctorTally]:
    """Each doctor's up and down ratings between `since` and `until`."""
    stmt = (
        select(
            col(StatsDoctor.doctor_id),
            col(StatsDoctor.specialty),
            func.sum(StatsDoctor.up),
            func.sum(StatsDoctor.down),
        )
        .where(*_in_range(StatsDoctor, since, until, chat_id))
        .group_by(col(StatsDoctor.doctor_id), col(StatsDoctor.specialty))
    )
    rows = (await session.exec(stmt)).all()
    return [DoctorTally(int(d), s, int(up), int(down)) for d, s, up, down in rows]


async def group_count(
    session: AsyncSession, since: date, until: date, chat_id: int | None = None
) -> int:
    """How many groups have any counts in the range."""
    stmt = select(func.count(func.distinct(StatsCount.chat_id))).where(
        *_in_range(StatsCount, since, until, chat_id)
    )
    return int((await session.exec(stmt)).one())


async def data_span(session: AsyncSession) -> tuple[date, date] | None:
    """The first and last day with counts, if any."""
    # Two scalar subqueries: each is one step along the key, where MIN and MAX side by side
    # in one SELECT would scan the whole table.
    first_day = select(func.min(StatsCount.day)).scalar_subquery()
    last_day = select(func.max(StatsCount.day)).scalar_subquery()
    first, last = (await session.exec(select(first_day, last_day))).one()
    if first is None or last is None:
        return None
    return first, last


# -- retention -----------------------------------------------------------------------------


async def purge_flag_text(db: Database, older_than: datetime) -> int:
    """Null the redacted text of flags created before `older_than`; the number of flags purged."""
    stmt = (
        update(Flag)
        .where(col(Flag.created_at) < older_than, col(Flag.redacted_text).is_not(None))
        .values(redacted_text=None)
    )
    async with db.session() as session:
        result = await session.exec(stmt)
    return int(result.rowcount or 0)


async def purge_author_keys(db: Database, today: date) -> int:
    """Delete the day-scoped author hashes older than AUTHOR_KEY_DAYS; the number deleted."""
    table = _table(StatsAuthorSeen)
    cutoff = today - timedelta(days=AUTHOR_KEY_DAYS)
    async with db.session() as session:
        result = await session.exec(table.delete().where(table.c.day < cutoff))
    return int(result.rowcount or 0)


def stats_tables() -> list[Table]:
    """Every statistics table."""
    return [_table(model) for model in STATS_TABLES]


def stats_table_names() -> list[str]:
    """The names of every statistics table."""
    return [table.name for table in stats_tables()]
