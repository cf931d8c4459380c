"""Anonymised statistics: recording, aggregates, suppression, retention, exports, privacy."""

from __future__ import annotations

import asyncio
import io
import json
import random
import re
import struct
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlmodel import select
from typer.testing import CliRunner

from bot.cli import cli
from bot.config import Settings
from bot.stats_cli import print_report
from classifiers.labels import LABELS, SENTIMENTS, STYLES
from handlers.actions import SendMessage, SendPhoto
from handlers.core import Core
from handlers.events import Chat, User
from handlers.services import ModerationConfig, Services, StatsConfig
from handlers.stats import (
    on_stats,
    pseudonym,
    record_actions,
    record_answer,
    record_decision,
    record_message,
    record_rating,
    record_routed,
    run_retention,
)
from handlers.stats_chart import HEIGHT_PX, WIDTH_PX, render_chart
from handlers.stats_report import (
    STYLE_KEYS,
    TOTAL,
    CellId,
    Report,
    build_report,
    period_labels,
    protect,
    report_csv,
    report_json,
    summary,
)
from storage import stats as repo
from storage.db import Database
from storage.models import Flag
from storage.state import MemoryState
from tests.fakes import InMemoryMessenger, message

SECRET = b"test-secret-one"
GROUP_A = -1001_700_000_001
GROUP_B = -1001_700_000_002
DAY1 = date(2025, 3, 3)
DAY2 = date(2025, 3, 4)
U1, U2, U3 = 7_300_000_001, 7_300_000_002, 7_300_000_003


# -- pseudonyms ----------------------------------------------------------------------------


def test_pseudonyms_stable_under_one_secret_different_under_another() -> None:
    first = pseudonym(SECRET, U1)
    assert first == pseudonym(SECRET, U1)
    assert first != pseudonym(SECRET, U2)
    assert first != pseudonym(b"rotated-secret", U1)
    assert len(first) == 16
    assert int(first, 16) >= 0
    assert str(U1) not in first


# -- recording and aggregates --------------------------------------------------------------


async def record_scripted_stream(db: Database) -> None:
    """Five messages in two groups over two days, their actions, answers and ratings."""
    a1, a2 = pseudonym(SECRET, U1), pseudonym(SECRET, U2)
    stream: list[tuple[int, date, tuple[str, ...], str, str | None, str]] = [
        (GROUP_A, DAY1, ("question",), "negative", "cardiology", a1),
        (GROUP_A, DAY1, ("question", "medical_advice"), "neutral", None, a1),
        (GROUP_A, DAY1, ("spam",), "positive", None, a2),
        (GROUP_A, DAY2, ("emergency",), "negative", None, a1),
        (GROUP_B, DAY1, ("question",), "positive", "pediatrics", pseudonym(SECRET, U3)),
    ]
    for chat_id, day, labels, sentiment, specialty, author in stream:
        await record_message(
            db,
            chat_id=chat_id,
            day=day,
            labels=labels,
            sentiment=sentiment,
            specialty=specialty,
            author=author,
        )
    async with db.session() as session:
        # Inside the caller's transaction: the counts commit with it.
        await record_actions(session, chat_id=GROUP_A, day=DAY1, actions=["reply", "route"])
        await record_actions(session, chat_id=GROUP_A, day=DAY1, actions=["delete", "flag"])
        await record_decision(session, chat_id=GROUP_A, day=DAY1, decision="warn")
    await record_routed(db, chat_id=GROUP_A, day=DAY1, specialty="cardiology")
    await record_routed(db, chat_id=GROUP_A, day=DAY1, specialty=None)
    at = datetime(2025, 3, 3, 23, 30, tzinfo=UTC)
    await record_answer(
        db, chat_id=GROUP_A, day=at, style=("instrumental",), first_answer_seconds=90
    )
    await record_answer(
        db,
        chat_id=GROUP_A,
        day=DAY1,
        style=("instrumental", "affective"),
        first_answer_seconds=4000,
    )
    await record_answer(db, chat_id=GROUP_A, day=DAY1, style=("affective",))
    await record_rating(
        db, chat_id=GROUP_A, day=DAY2, doctor_id=7, specialty="cardiology", up=True
    )
    await record_rating(
        db, chat_id=GROUP_A, day=DAY2, doctor_id=7, specialty="cardiology", up=False
    )
    await record_rating(
        db, chat_id=GROUP_B, day=DAY2, doctor_id=8, specialty="pediatrics", up=True
    )


async def test_counters_after_a_scripted_stream(db: Database) -> None:
    await record_scripted_stream(db)
    async with db.session() as session:
        rows = await repo.daily_counts(session, DAY1, DAY2, GROUP_A)
        times = await repo.daily_answer_times(session, DAY1, DAY2)
        doctors = await repo.doctor_tallies(session, DAY1, DAY2)
    counts = {(r.day, r.metric, r.key): r.n for r in rows}
    assert counts == {
        (DAY1, "label", "question"): 2,
        (DAY1, "label", "medical_advice"): 1,
        (DAY1, "label", "spam"): 1,
        (DAY1, "sentiment", "negative"): 1,
        (DAY1, "sentiment", "neutral"): 1,
        (DAY1, "sentiment", "positive"): 1,
        (DAY1, "specialty", "cardiology"): 1,
        (DAY1, "specialty", "unspecified"): 1,
        (DAY1, "authors", ""): 2,
        (DAY1, "action", "reply"): 1,
        (DAY1, "action", "route"): 1,
        (DAY1, "action", "delete"): 1,
        (DAY1, "action", "flag"): 1,
        (DAY1, "decision", "warn"): 1,
        (DAY1, "routed", "cardiology"): 1,
        (DAY1, "routed", "unspecified"): 1,
        (DAY1, "style", "instrumental"): 1,
        (DAY1, "style", "both"): 1,
        (DAY1, "style", "affective"): 1,
        (DAY2, "label", "emergency"): 1,
        (DAY2, "sentiment", "negative"): 1,
        (DAY2, "authors", ""): 1,
    }
    assert sorted(times) == [(DAY1, 60, 1), (DAY1, 3600, 1)]
    assert sorted((d.doctor_id, d.specialty, d.up, d.down) for d in doctors) == [
        (7, "cardiology", 1, 1),
        (8, "pediatrics", 1, 0),
    ]


async def test_report_sums_over_groups_days_and_filters_one_group(db: Database) -> None:
    await record_scripted_stream(db)
    report = await build_report(db, DAY1, DAY2, min_cell=1)
    assert (report.period, report.groups, report.has_data) == ("day", 2, True)
    messages = report.section("messages")
    assert messages.row_keys() == ["2025-03-03", "2025-03-04"]
    assert messages.value(TOTAL, "messages") == 5
    assert messages.value(TOTAL, "question") == 3
    assert messages.value(TOTAL, "author_days") == 4
    assert messages.value("2025-03-04", "emergency") == 1
    assert report.section("sentiment").value(TOTAL, "negative") == 2
    specialties = report.section("specialties")
    assert [specialties.value(TOTAL, s) for s in ("cardiology", "pediatrics")] == [1, 1]
    answers = report.section("answers")
    assert answers.value(TOTAL, "routed") == 2
    assert answers.value(TOTAL, "answered") == 2
    assert answers.value(TOTAL, "answers") == 3
    assert answers.value(TOTAL, "both") == 1
    # Buckets [60, 120) and [3600, 7200): interpolated median 2 min, p90 108 min.
    assert answers.value(TOTAL, "median_minutes") == 2.0
    assert answers.value(TOTAL, "p90_minutes") == 108.0
    assert report.section("actions").value(TOTAL, TOTAL) == 4
    assert report.section("decisions").value(TOTAL, "warn") == 1
    doctors = report.section("doctors")
    assert doctors.value("7", "ratings") == 2
    assert doctors.value("8", "specialty") == "pediatrics"

    only_b = await build_report(db, DAY1, DAY2, min_cell=1, group=GROUP_B)
    assert only_b.groups == 1
    assert only_b.section("messages").value(TOTAL, "messages") == 1
    assert only_b.section("specialties").value(TOTAL, "pediatrics") == 1


async def test_open_ended_ranges_follow_the_data(tmp_path: Path) -> None:
    db, _ = await _report_from_stream(tmp_path)
    from_day2 = await build_report(db, DAY2, None, min_cell=1, period="day")
    to_day1 = await build_report(db, None, DAY1, min_cell=1, period="day")
    after = await build_report(db, date(2026, 1, 1), None, min_cell=1, period="day")
    await db.close()
    assert (from_day2.since, from_day2.until) == (DAY2, DAY2)
    assert (to_day1.since, to_day1.until) == (DAY1, DAY1)
    assert (after.since, after.until, after.has_data) == (date(2026, 1, 1),) * 2 + (False,)


async def test_an_author_counts_once_per_group_and_day(db: Database) -> None:
    author = pseudonym(SECRET, U1)
    for chat_id, day in [(GROUP_A, DAY1), (GROUP_A, DAY1), (GROUP_B, DAY1), (GROUP_A, DAY2)]:
        await record_message(
            db, chat_id=chat_id, day=day, labels=(), sentiment="neutral", author=author
        )
    async with db.session() as session:
        rows = await repo.daily_counts(session, DAY1, DAY2)
    assert {(r.day, r.n) for r in rows if r.metric == "authors"} == {(DAY1, 2), (DAY2, 1)}


async def test_concurrent_increments_are_not_lost(db: Database) -> None:
    async def one() -> None:
        await record_message(db, chat_id=GROUP_A, day=DAY1, labels=("spam",), sentiment="neutral")

    await asyncio.gather(*(one() for _ in range(20)))
    async with db.session() as session:
        rows = await repo.daily_counts(session, DAY1, DAY1)
    assert {(r.metric, r.key): r.n for r in rows}[("label", "spam")] == 20


@pytest.mark.parametrize(
    ("call", "problem"),
    [
        ({"labels": ("question", "Aysel has cancer")}, "label"),
        ({"sentiment": "angry"}, "sentiment"),
        ({"specialty": "witchcraft", "labels": ("question",)}, "specialty"),
        ({"author": str(U1)}, "pseudonym"),
        ({"author": "Aysel Məmmədova"}, "pseudonym"),
    ],
)
async def test_recording_refuses_anything_but_vocabulary_and_pseudonyms(
    tmp_path: Path, call: dict[str, object], problem: str
) -> None:
    db = Database.from_url(f"sqlite+aiosqlite:///{tmp_path}/s.db")
    await db.upgrade()
    values: dict[str, object] = {"labels": (), "sentiment": "neutral", **call}
    with pytest.raises(ValueError, match=problem):
        await record_message(db, chat_id=GROUP_A, day=DAY1, **values)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="identifiers"):
        await record_actions(db, chat_id=GROUP_A, day=DAY1, actions=["deleted Aysel's msg"])
    with pytest.raises(ValueError, match="identifiers"):
        await record_decision(db, chat_id=GROUP_A, day=DAY1, decision=str(U1))
    with pytest.raises(ValueError, match="naive"):
        await record_decision(db, chat_id=GROUP_A, day=datetime(2025, 1, 1), decision="ban")
    async with db.session() as session:
        assert (await repo.daily_counts(session, DAY1, DAY1)) == []
    await db.close()


# -- suppression ---------------------------------------------------------------------------


def _intervals(
    constraints: Sequence[dict[object, float]],
    constants: Sequence[float],
    unknown: Sequence[object],
) -> dict[object, tuple[float, float]]:
    """Smallest and largest value of each unknown under linear equalities, counts >= 0."""
    from scipy.optimize import linprog

    index = {u: i for i, u in enumerate(unknown)}
    a_eq = [[row.get(u, 0.0) for u in unknown] for row in constraints]
    bounds = [(0, None)] * len(unknown)
    found = {}
    for u, i in index.items():
        objective = [0.0] * len(unknown)
        objective[i] = 1.0
        low = linprog(objective, A_eq=a_eq or None, b_eq=list(constants) or None, bounds=bounds)
        objective[i] = -1.0
        high = linprog(objective, A_eq=a_eq or None, b_eq=list(constants) or None, bounds=bounds)
        assert low.status == 0
        found[u] = (low.fun, -high.fun if high.status == 0 else float("inf"))
    return found


def _published_intervals(
    values: dict[CellId, int], equations: Sequence[Sequence[CellId]], hidden: set[CellId]
) -> dict[object, tuple[float, float]]:
    """What someone who sees every published cell and knows every sum (its last cell is the
    total) can say of each hidden cell."""
    constraints, constants = [], []
    for eq in equations:
        row: dict[object, float] = {}
        constant = 0.0
        for cell in eq:
            sign = -1.0 if cell == eq[-1] else 1.0
            if cell in hidden:
                row[cell] = row.get(cell, 0.0) + sign
            else:
                constant -= sign * values[cell]
        if row:
            constraints.append(row)
            constants.append(constant)
    return _intervals(constraints, constants, sorted(hidden))


def _table(
    grid: Sequence[Sequence[int]], name: str = "t"
) -> tuple[dict[CellId, int], list[list[CellId]]]:
    """A table with row, column and grand totals: its cells and its sums (total last)."""
    rows = [str(i) for i in range(len(grid))]
    cols = [str(j) for j in range(len(grid[0]))]
    values: dict[CellId, int] = {}
    for i, r in enumerate(rows):
        for j, c in enumerate(cols):
            values[name, r, c] = grid[i][j]
    equations: list[list[CellId]] = []

    def add_sum(parts: list[CellId], total: CellId) -> None:
        values[total] = sum(values[p] for p in parts)
        equations.append([*parts, total])

    for r in rows:
        add_sum([(name, r, c) for c in cols], (name, r, TOTAL))
    for c in [*cols, TOTAL]:
        add_sum([(name, r, c) for r in rows], (name, TOTAL, c))
    equations.append([*((name, TOTAL, c) for c in cols), (name, TOTAL, TOTAL)])
    return values, equations


def _assert_protected(values, equations, hidden, k) -> None:
    for cell, value in values.items():
        if 0 < value < k:
            assert cell in hidden, f"{cell}={value} is below {k} and published"
    for eq in equations:
        assert sum(c in hidden for c in eq) != 1, f"one hidden cell in the sum {eq}"
    for cell, (low, high) in _published_intervals(values, equations, hidden).items():
        assert high - low >= 1 - 1e-6, f"{cell} pinned to [{low}, {high}]"


def test_a_small_cell_and_its_complements_are_hidden_so_totals_do_not_reveal_it() -> None:
    values, equations = _table([[3, 20, 30], [40, 50, 60], [70, 80, 90]])
    hidden = protect(values, equations, 5)
    assert ("t", "0", "0") in hidden
    assert len(hidden) == 4  # the smallest rectangle: two rows by two columns
    _assert_protected(values, equations, hidden, 5)


def test_a_hidden_cell_that_totals_would_pin_down_gets_more_company(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Every row and column hides two cells or none, yet one hidden cell joins two groups of
    # hidden cells (a bridge): the totals give it back. The bridge rule hides one more.
    grid = [[2, 3, 0], [0, 3, 0], [3, 50, 3]]
    values, equations = _table(grid)
    hidden = protect(values, equations, 5)
    _assert_protected(values, equations, hidden, 5)

    monkeypatch.setattr("handlers.stats_report._Graph.bridges", lambda self, hidden: [])
    naive = protect(values, equations, 5)
    assert naive < hidden
    for eq in equations:
        assert sum(c in naive for c in eq) != 1
    leaks = _published_intervals(values, equations, naive)
    assert any(high - low < 1 for low, high in leaks.values())


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.tuples(st.integers(1, 5), st.integers(1, 4)).flatmap(
        lambda shape: st.lists(
            st.lists(
                st.one_of(st.integers(0, 6), st.integers(0, 60)),
                min_size=shape[1],
                max_size=shape[1],
            ),
            min_size=shape[0],
            max_size=shape[0],
        )
    )
)
def test_suppression_holds_for_any_table(grid: list[list[int]]) -> None:
    values, equations = _table(grid)
    hidden = protect(values, equations, 5)
    _assert_protected(values, equations, hidden, 5)


async def test_exports_of_a_small_group_hide_small_counts(tmp_path: Path) -> None:
    db = Database.from_url(f"sqlite+aiosqlite:///{tmp_path}/s.db")
    await db.upgrade()
    # Day 1: 2 positive, 30 neutral; day 2: 3 negative, 40 neutral; day 3: 30 of each.
    plan = {
        DAY1: {"positive": 2, "neutral": 30},
        DAY2: {"negative": 3, "neutral": 40},
        DAY2 + timedelta(days=1): {"positive": 30, "negative": 30, "neutral": 30},
    }
    for day, sentiments in plan.items():
        for mood, n in sentiments.items():
            for _ in range(n):
                await record_message(db, chat_id=GROUP_A, day=day, labels=(), sentiment=mood)
    report = await build_report(db, DAY1, DAY2 + timedelta(days=1), min_cell=5)
    await db.close()
    sentiment = report.section("sentiment")
    assert sentiment.value("2025-03-03", "positive") is None
    assert sentiment.value("2025-03-04", "negative") is None
    # Every row and column that shows its total hides either none or at least two cells.
    grid = [values for _, values in sentiment.rows]
    for line in [*grid, *zip(*grid, strict=True)]:
        assert sum(v is None for v in line) != 1
    published = json.dumps(report_json(report))
    assert not re.search(r'"positive": 2[,}]', published)
    assert not re.search(r'"negative": 3[,}]', published)
    for value in [v for _, values in sentiment.rows for v in values]:
        assert value is None or (isinstance(value, int) and (value == 0 or value >= 5))


PARTITIONS = ("sentiment", "specialties", "routed", "actions", "decisions")


def _attack(report: Report) -> dict[object, tuple[float, float]]:
    """Every sum and identity a reader of the report knows, solved for each hidden count."""
    constraints: list[dict[object, float]] = []
    constants: list[float] = []
    unknown: set[object] = set()

    def equal(*terms: tuple[float, str, str, str]) -> None:
        # sum(coefficient * value) == 0
        row: dict[object, float] = {}
        constant = 0.0
        for coefficient, section, key, column in terms:
            value = report.section(section).value(key, column)
            if value is None:
                row[section, key, column] = row.get((section, key, column), 0.0) + coefficient
                unknown.add((section, key, column))
            else:
                constant -= coefficient * float(value)
        if row:
            constraints.append(row)
            constants.append(constant)
        else:
            assert abs(constant) < 1e-9, f"published values do not add up: {terms}"

    def columns_sum(name: str, columns: Iterable[str]) -> None:
        keys = report.section(name).row_keys()
        for column in columns:
            equal(*((1.0, name, k, column) for k in keys), (-1.0, name, TOTAL, column))

    for name in PARTITIONS:
        section = report.section(name)
        parts = [c for c in section.columns if c != TOTAL]
        for key in [*section.row_keys(), TOTAL]:
            equal(*((1.0, name, key, c) for c in parts), (-1.0, name, key, TOTAL))
        columns_sum(name, section.columns)
    columns_sum("messages", report.section("messages").columns)
    columns_sum("answers", ("routed", "answered", "answers", *STYLE_KEYS))
    for key in [*report.section("messages").row_keys(), TOTAL]:
        equal((1.0, "messages", key, "messages"), (-1.0, "sentiment", key, TOTAL))
        equal((1.0, "messages", key, "question"), (-1.0, "specialties", key, TOTAL))
        equal((1.0, "answers", key, "routed"), (-1.0, "routed", key, TOTAL))
        equal(*((1.0, "answers", key, s) for s in STYLE_KEYS), (-1.0, "answers", key, "answers"))
    doctors, specialties = report.section("doctors"), report.section("doctor_specialties")
    for specialty in specialties.row_keys():
        ids = [d for d in doctors.row_keys() if doctors.value(d, "specialty") == specialty]
        equal(
            *((1.0, "doctors", d, "ratings") for d in ids),
            (-1.0, "doctor_specialties", specialty, "ratings"),
        )
    if specialties.rows:
        columns_sum("doctor_specialties", ("ratings",))
    return _intervals(constraints, constants, sorted(unknown, key=str))


async def _random_small_groups(db: Database, seed: int) -> None:
    rnd = random.Random(seed)
    for offset in range(8):
        day = DAY1 + timedelta(days=offset)
        for _ in range(rnd.randrange(0, 25)):
            labels = tuple(label for label in LABELS if rnd.random() < 0.25)
            await record_message(
                db,
                chat_id=GROUP_A,
                day=day,
                labels=labels,
                sentiment=rnd.choice(SENTIMENTS),
                specialty=rnd.choice(("cardiology", "pediatrics", "ent", None)),
                author=pseudonym(SECRET, rnd.randrange(12)),
            )
            if "question" in labels:
                await record_routed(db, chat_id=GROUP_A, day=day, specialty="cardiology")
                await record_answer(
                    db,
                    chat_id=GROUP_A,
                    day=day,
                    style=rnd.choice([(), ("instrumental",), ("affective",), STYLES]),
                    first_answer_seconds=rnd.expovariate(1 / 900),
                )
                await record_rating(
                    db,
                    chat_id=GROUP_A,
                    day=day,
                    doctor_id=(doctor := rnd.randrange(1, 6)),
                    specialty="ent" if doctor > 3 else "cardiology",
                    up=rnd.random() < 0.7,
                )
            if labels:
                actions = rnd.sample(["reply", "delete", "flag", "route"], k=rnd.randrange(1, 3))
                await record_actions(db, chat_id=GROUP_A, day=day, actions=actions)
            if rnd.random() < 0.2:
                decision = rnd.choice(["dismiss", "warn", "ban"])
                await record_decision(db, chat_id=GROUP_A, day=day, decision=decision)


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_no_hidden_count_can_be_solved_from_the_whole_report(
    tmp_path: Path, seed: int
) -> None:
    db = Database.from_url(f"sqlite+aiosqlite:///{tmp_path}/s.db")
    await db.upgrade()
    await _random_small_groups(db, seed)
    report = await build_report(db, DAY1, DAY1 + timedelta(days=7), min_cell=5, period="day")
    await db.close()
    counts = [
        value
        for name, section in report.sections.items()
        if name != "doctors"
        for _, values in section.rows
        for column, value in zip(section.columns, values, strict=True)
        if isinstance(value, int) and column != "doctors"
    ]
    assert all(v == 0 or v >= 5 for v in counts)
    intervals = _attack(report)
    assert intervals, "the random stream should have produced small cells"
    for cell, (low, high) in intervals.items():
        assert high - low >= 1 - 1e-6, f"{cell} pinned to [{low}, {high}]"


# -- retention -----------------------------------------------------------------------------


async def test_retention_purges_old_flag_text_only(db: Database) -> None:
    now = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
    async with db.session() as session:
        for days, body in [(45, "old [phone]"), (31, "older [fin]"), (2, "fresh [email]")]:
            session.add(
                Flag(
                    chat_id=GROUP_A,
                    labels="personal_data",
                    redacted_text=body,
                    created_at=now - timedelta(days=days),
                )
            )
        session.add(Flag(chat_id=GROUP_A, labels="spam", created_at=now - timedelta(days=90)))
    await record_message(
        db,
        chat_id=GROUP_A,
        day=now.date() - timedelta(days=5),
        labels=(),
        sentiment="neutral",
        author=pseudonym(SECRET, U1),
    )
    services = Services(
        db=db, state=MemoryState(), stats=StatsConfig(retention_days=30), now=lambda: now
    )
    assert await run_retention(services) == (2, 1)
    assert await run_retention(services) == (0, 0)
    async with db.session() as session:
        flags = (await session.exec(select(Flag))).all()
        seen = (await session.exec(select(repo.StatsAuthorSeen))).all()
    assert sorted(f.redacted_text or "" for f in flags) == ["", "", "", "fresh [email]"]
    assert seen == []


async def test_the_bot_runs_retention_in_the_background(tmp_path: Path) -> None:
    from bot.app import App, start_retention

    db = Database.from_url(f"sqlite+aiosqlite:///{tmp_path}/r.db")
    await db.upgrade()
    old = datetime.now(UTC) - timedelta(days=400)
    async with db.session() as session:
        session.add(Flag(chat_id=GROUP_A, redacted_text="x [phone]", created_at=old))
    core = Core(Services(db=db, state=MemoryState()))
    stop = asyncio.Event()
    start_retention(App(Settings(), db, core.services.state, core), stop)
    for _ in range(100):
        async with db.session() as session:
            flag = (await session.exec(select(Flag))).one()
        if flag.redacted_text is None:
            break
        await asyncio.sleep(0.02)
    assert flag.redacted_text is None
    stop.set()
    await core.close()
    await db.close()


# -- charts and exports --------------------------------------------------------------------


async def _report_from_stream(tmp_path: Path) -> tuple[Database, Report]:
    db = Database.from_url(f"sqlite+aiosqlite:///{tmp_path}/s.db")
    await db.upgrade()
    await record_scripted_stream(db)
    return db, await build_report(db, DAY1, DAY2, min_cell=1)


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk, after checking the signature."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


async def test_chart_is_a_png_of_the_expected_size(tmp_path: Path) -> None:
    db, report = await _report_from_stream(tmp_path)
    await db.close()
    assert png_size(render_chart(report)) == (WIDTH_PX, HEIGHT_PX) == (1200, 800)


async def test_chart_of_an_empty_range_still_renders(tmp_path: Path) -> None:
    db = Database.from_url(f"sqlite+aiosqlite:///{tmp_path}/e.db")
    await db.upgrade()
    report = await build_report(db, DAY1, DAY1, min_cell=5)
    await db.close()
    assert not report.has_data
    assert png_size(render_chart(report)) == (1200, 800)


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI reads MEDGUARD_* variables: keep the developer's out of these tests."""
    import os

    for key in list(os.environ):
        if key.startswith("MEDGUARD_"):
            monkeypatch.delenv(key)


def _cli_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    config = tmp_path / "config.toml"
    config.write_text(f'[storage]\ndata_dir = "{data}"\n[stats]\nmin_cell = 1\n')

    async def fill() -> None:
        db = Database.from_url(f"sqlite+aiosqlite:///{data}/medguard.db")
        await db.upgrade()
        await record_scripted_stream(db)
        await db.close()

    asyncio.run(fill())
    return config


@pytest.mark.usefixtures("clean_env")
def test_cli_json_is_one_document(tmp_path: Path) -> None:
    config = _cli_data(tmp_path)
    result = CliRunner().invoke(cli, ["stats", "--config", str(config), "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["report"] == "medguard-stats"
    assert (document["since"], document["until"], document["period"]) == (
        "2025-03-03",
        "2025-03-04",
        "day",
    )
    rows = document["sections"]["messages"]["rows"]
    assert rows[-1] == {
        "period": "total",
        "messages": 5,
        "author_days": 4,
        "question": 3,
        "medical_advice": 1,
        "misinformation": 0,
        "emergency": 1,
        "spam": 1,
        "personal_data": 0,
    }


@pytest.mark.usefixtures("clean_env")
def test_cli_csv_table_group_and_chart(tmp_path: Path) -> None:
    config = _cli_data(tmp_path)
    runner = CliRunner()
    out = runner.invoke(cli, ["stats", "-c", str(config), "--format", "csv", "--by", "month"])
    assert out.exit_code == 0, out.output
    lines = out.stdout.splitlines()
    assert lines[0] == "section,row,column,value"
    assert "messages,2025-03,messages,5" in lines
    chart = tmp_path / "out.png"
    table = runner.invoke(
        cli,
        [
            "stats",
            "-c",
            str(config),
            "--group",
            str(GROUP_B),
            "--since",
            "2025-03-01",
            "--until",
            "2025-03-05",
            "--chart",
            str(chart),
        ],
    )
    assert table.exit_code == 0, table.output
    assert "Messages and labels" in table.stdout
    assert f"group {GROUP_B}" in table.stdout
    assert png_size(chart.read_bytes()) == (1200, 800)
    backwards = runner.invoke(
        cli, ["stats", "-c", str(config), "--since", "2025-03-05", "--until", "2025-03-01"]
    )
    assert backwards.exit_code == 2


@pytest.mark.usefixtures("clean_env")
def test_cli_on_a_new_data_folder_prints_an_empty_document(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'[storage]\ndata_dir = "{tmp_path / "fresh"}"\n')
    result = CliRunner().invoke(cli, ["stats", "--config", str(config), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["sections"]["messages"]["rows"][-1]["messages"] == 0


# -- /stats --------------------------------------------------------------------------------

MODS = Chat(id=-1009_100_000_001, type="supergroup", title="Moderators")
MODERATOR = User(id=7_300_000_101, first_name="Elnur", language="en")
MEMBER = User(id=7_300_000_102, first_name="Kənan", language="en")
MEMBERS_GROUP = Chat(id=GROUP_A, type="supergroup", title="Sağlamlıq")


@pytest.fixture
async def core(tmp_path: Path):
    db = Database.from_url(f"sqlite+aiosqlite:///{tmp_path}/c.db")
    await db.upgrade()
    today = datetime.now(UTC).date()
    for offset in range(10):
        for sentiment in ("positive", "negative", "neutral"):
            for _ in range(6):
                await record_message(
                    db,
                    chat_id=GROUP_A,
                    day=today - timedelta(days=offset),
                    labels=("question",),
                    sentiment=sentiment,
                    specialty="cardiology",
                )
    services = Services(
        db=db,
        state=MemoryState(),
        moderation=ModerationConfig(moderator_chat_id=MODS.id, moderator_ids=frozenset()),
    )
    core = Core(services)
    core.commands["stats"] = on_stats
    yield core
    await core.close()
    await db.close()


async def test_stats_sends_a_chart_and_a_summary_to_moderators(core: Core) -> None:
    messenger = InMemoryMessenger(admins={MODS.id: {MODERATOR.id}})
    await core.handle(message("/stats 7", sender=MODERATOR, chat=MODS), messenger)
    [photo] = messenger.executed
    assert isinstance(photo, SendPhoto)
    assert photo.chat_id == MODS.id
    assert png_size(photo.photo) == (1200, 800)
    assert "Messages: 126" in photo.caption
    assert "cardiology 126" in photo.caption
    assert len(photo.caption) <= 1024


async def test_stats_is_for_moderators_in_their_chat_only(core: Core) -> None:
    messenger = InMemoryMessenger(admins={MODS.id: {MODERATOR.id}})
    await core.handle(message("/stats", sender=MEMBER, chat=MODS), messenger)
    await core.handle(message("/stats", sender=MODERATOR, chat=MEMBERS_GROUP), messenger)
    await core.handle(message("/stats", sender=MEMBER, chat=MEMBERS_GROUP), messenger)
    [refusal] = messenger.executed
    assert isinstance(refusal, SendMessage)
    assert refusal.chat_id == MODS.id
    assert "moderators" in refusal.text


@pytest.mark.parametrize("args", ["0", "abc", "9999"])
async def test_stats_with_bad_days_explains_usage(core: Core, args: str) -> None:
    messenger = InMemoryMessenger(admins={MODS.id: {MODERATOR.id}})
    await core.handle(message(f"/stats {args}", sender=MODERATOR, chat=MODS), messenger)
    [usage] = messenger.sent()
    assert "/stats" in usage.text


# -- privacy -------------------------------------------------------------------------------

NAMES = ("Aysel", "Məmmədova", "Leyla", "Ольга")
TEXTS = (
    "Aysel Məmmədovanın şəkəri 300-dür, insulin vurun",
    "Leylanın nömrəsi +994 50 123 45 67",
    "Ольга, у вас гастрит, пейте омепразол",
    "my FIN is 5ABC12D, please help",
)
TEXT_WORDS = ("şəkəri", "insulin", "nömrəsi", "гастрит", "омепразол", "Məmmədovanın", "Leylanın")
USER_IDS = (7_400_000_001, 7_400_000_002, 7_400_000_003)


async def _as_moderation_would(db: Database) -> None:
    """Feed events carrying ids, names and texts the way the use cases call the API."""
    senders = [User(id=uid, first_name=name) for uid, name in zip(USER_IDS, NAMES, strict=False)]
    for i, body in enumerate(TEXTS * 3):
        sender = senders[i % len(senders)]
        event = message(body, sender=sender, chat=MEMBERS_GROUP, message_id=100 + i)
        labels = ("question", "personal_data") if i % 2 else ("medical_advice",)
        await record_message(
            db,
            chat_id=event.chat.id,
            day=event.date,
            labels=labels,
            sentiment="negative",
            specialty="endocrinology" if i % 2 else None,
            author=pseudonym(SECRET, sender.id),
        )
        await record_actions(db, chat_id=event.chat.id, day=event.date, actions=["delete"])
        async with db.session() as session:
            session.add(
                Flag(
                    chat_id=event.chat.id,
                    message_id=event.message_id,
                    author_id=sender.id,
                    author_pseudonym=pseudonym(SECRET, sender.id),
                    redacted_text="[redacted]",
                )
            )
    today = datetime.now(UTC)
    await record_routed(db, chat_id=GROUP_A, day=today, specialty="endocrinology")
    await record_answer(
        db, chat_id=GROUP_A, day=today, style=("affective",), first_answer_seconds=5
    )
    await record_rating(db, chat_id=GROUP_A, day=today, doctor_id=3, specialty="ent", up=True)
    await record_decision(db, chat_id=GROUP_A, day=today, decision="ban")


def _stats_tables_dump(connection: Connection) -> tuple[list[str], str]:
    names = [t for t in inspect(connection).get_table_names() if t.startswith("stats_")]
    rows = []
    for name in names:
        for row in connection.execute(text(f'SELECT * FROM "{name}"')):
            rows.append(" ".join(str(v) for v in row))
    return names, "\n".join(rows)


async def test_no_id_name_or_text_in_any_stats_table_or_export(db: Database) -> None:
    await _as_moderation_would(db)
    async with db.engine.connect() as conn:
        names, dump = await conn.run_sync(_stats_tables_dump)
    assert set(names) >= {"stats_count", "stats_answer_time", "stats_doctor", "stats_author_seen"}
    assert dump  # the tables did receive the stream
    report = await build_report(db, None, None, min_cell=1)
    table = io.StringIO()
    print_report(report, Console(file=table, width=200))
    exports = {
        "tables": dump,
        "json": json.dumps(report_json(report), ensure_ascii=False),
        "csv": report_csv(report),
        "table": table.getvalue(),
        "summary": summary(report, "az"),
    }
    needles = [str(uid) for uid in USER_IDS]
    needles += [pseudonym(SECRET, uid) for uid in USER_IDS]
    needles += list(NAMES)
    needles += [*TEXTS, *TEXT_WORDS]
    needles += ["994501234567", "5ABC12D"]
    for where, content in exports.items():
        for needle in needles:
            assert needle.lower() not in content.lower(), f"{needle!r} found in {where}"


def test_period_labels_cover_the_range() -> None:
    assert period_labels(date(2025, 1, 30), date(2025, 3, 2), "month") == [
        "2025-01",
        "2025-02",
        "2025-03",
    ]
    assert period_labels(date(2025, 1, 1), date(2025, 1, 14), "week") == [
        "2024-12-30",
        "2025-01-06",
        "2025-01-13",
    ]
