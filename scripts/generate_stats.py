"""Generate a year of statistics for 100 groups, then measure the tables and `medguard stats`.

    .venv/bin/python scripts/generate_stats.py                 # SQLite in a temporary folder
    .venv/bin/python scripts/generate_stats.py --database-url postgresql+asyncpg://...
    .venv/bin/python scripts/generate_stats.py --chart docs/stats-example.png

The counters are generated directly (as the recording API would have left them after that many
messages), with the identities the API keeps: questions by specialty add up to the question
label, sentiments to the messages. Then: rows and bytes of every `stats_*` table and bytes per
million messages; wall time of `medguard stats` (JSON, table, one group, chart) over the year,
each as a fresh process as a user runs it; and the cost of the recording API per message.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import func, select, text

from classifiers.labels import LABELS, SENTIMENTS, SPECIALTIES
from handlers.stats import pseudonym, record_actions, record_message
from storage import stats as repo
from storage.db import Database

REPO = Path(__file__).resolve().parents[1]
# Shares of messages per label and of questions per specialty (roughly what the
# labelled corpus shows; only the shape matters for sizes and timings).
LABEL_RATES = {
    "question": 0.30,
    "medical_advice": 0.08,
    "misinformation": 0.02,
    "emergency": 0.01,
    "spam": 0.05,
    "personal_data": 0.02,
}
SPECIALTY_WEIGHTS = np.array([16, 14, 8, 9, 6, 6, 5, 6, 5, 4, 4, 3, 3, 4, 3, 4], dtype=float)
STYLE_SHARES = (0.45, 0.15, 0.35, 0.05)  # instrumental, affective, both, none
ACTIONS = ("reply", "route", "flag", "delete", "warn_reply", "emergency_reply", "ban", "mute")


def _rows_for_group(
    rng: np.random.Generator, chat_id: int, start: date, days: int, mean: float
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(table, row) for one group's year: counters, answer times and ratings."""
    size = rng.lognormal(0.0, 0.8)
    doctors = rng.choice(400, size=30, replace=False)
    for offset in range(days):
        day = start + timedelta(days=offset)
        weekly = 0.75 if day.weekday() >= 5 else 1.0
        seasonal = 1.0 + 0.25 * np.sin(2 * np.pi * offset / 365)
        n = int(rng.poisson(mean * size * weekly * seasonal))
        if n == 0:
            continue
        counts: dict[tuple[str, str], int] = {}
        for label, rate in LABEL_RATES.items():
            counts["label", label] = int(rng.binomial(n, rate))
        # A slow improvement over the year, so that the example chart shows a trend.
        drift = 0.08 * offset / days
        shares = (0.18 + drift, 0.34 - drift, 0.48)
        for sentiment, k in zip(SENTIMENTS, rng.multinomial(n, shares), strict=True):
            counts["sentiment", sentiment] = int(k)
        questions = counts["label", "question"]
        weights = SPECIALTY_WEIGHTS / SPECIALTY_WEIGHTS.sum()
        by_specialty = rng.multinomial(questions, weights)
        routed = 0
        for specialty, k in zip(SPECIALTIES, by_specialty, strict=True):
            counts["specialty", specialty] = int(k)
            sent = int(rng.binomial(int(k), 0.9))
            counts["routed", specialty] = sent
            routed += sent
        answered = int(rng.binomial(routed, 0.8))
        answers = answered + int(rng.binomial(answered, 0.2))
        styles = ("instrumental", "affective", "both", "none")
        for style, k in zip(styles, rng.multinomial(answers, STYLE_SHARES), strict=True):
            counts["style", style] = int(k)
        counts["authors", ""] = max(1, int(n * rng.uniform(0.5, 0.8)))
        flagged = sum(counts["label", x] for x in LABELS if x != "question")
        for action in ACTIONS:
            counts["action", action] = int(rng.binomial(flagged + questions, 0.15))
        for decision in ("dismiss", "delete", "warn", "mute", "ban"):
            counts["decision", decision] = int(rng.binomial(flagged, 0.1))
        for (metric, key), k in counts.items():
            if k:
                row = {"day": day, "chat_id": chat_id, "metric": metric, "key": key, "n": k}
                yield "stats_count", row
        seconds = rng.lognormal(np.log(1500 - 600 * offset / days), 1.1, size=answered)
        buckets: dict[int, int] = {}
        for s in seconds:
            bucket = repo.answer_bucket(float(s))
            buckets[bucket] = buckets.get(bucket, 0) + 1
        for bucket, k in buckets.items():
            yield "stats_answer_time", {"day": day, "chat_id": chat_id, "bucket": bucket, "n": k}
        ratings: dict[int, list[int]] = {}
        for _ in range(int(rng.binomial(answers, 0.4))):
            doctor = int(rng.choice(doctors))
            tally = ratings.setdefault(doctor, [0, 0])
            tally[0 if rng.random() < 0.8 else 1] += 1
        for doctor, (up, down) in ratings.items():
            yield (
                "stats_doctor",
                {
                    "day": day,
                    "chat_id": chat_id,
                    "doctor_id": doctor,
                    "specialty": SPECIALTIES[doctor % len(SPECIALTIES)],
                    "up": up,
                    "down": down,
                },
            )


async def generate(db: Database, groups: int, start: date, days: int, mean: float) -> int:
    """Insert the generated counters; the number of messages they stand for."""
    rng = np.random.default_rng(20250101)
    tables = {table.name: table for table in repo.stats_tables()}
    messages = 0
    for g in range(groups):
        chat_id = -1001_800_000_000 - g
        batch: dict[str, list[dict[str, Any]]] = {name: [] for name in tables}
        for table, row in _rows_for_group(rng, chat_id, start, days, mean):
            batch[table].append(row)
            if table == "stats_count" and row["metric"] == "sentiment":
                messages += row["n"]
        async with db.engine.begin() as conn:
            for name, rows in batch.items():
                if rows:
                    await conn.execute(tables[name].insert(), rows)
    return messages


def _table_sizes_sql(dialect: str) -> str:
    if dialect == "postgresql":
        return (
            "SELECT relname, pg_total_relation_size(c.oid) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE relkind = 'r' AND relname LIKE 'stats%' AND n.nspname = current_schema()"
        )
    return "SELECT name, SUM(pgsize) FROM dbstat WHERE name LIKE 'stats%' GROUP BY name"


async def measure_tables(db: Database) -> dict[str, tuple[int, int]]:
    """Rows and bytes (with indexes) of every statistics table."""
    async with db.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            await conn.execute(text("ANALYZE"))
        result = await conn.execute(text(_table_sizes_sql(conn.dialect.name)))
        sizes: dict[str, int] = {str(name): int(size) for name, size in result.all()}
        found = {}
        for table in repo.stats_tables():
            rows = (await conn.execute(select(func.count()).select_from(table))).scalar_one()
            found[table.name] = (int(rows), sizes.get(table.name, 0))
    return found


async def recording_cost(db: Database, n: int) -> float:
    """Milliseconds per message through the recording API (message + its actions)."""
    rng = np.random.default_rng(7)
    began = time.perf_counter()
    for i in range(n):
        day = datetime.now(UTC)
        chat_id = -1001_900_000_000 - int(rng.integers(10))
        labels = [label for label, rate in LABEL_RATES.items() if rng.random() < rate]
        async with db.session() as session:
            await record_message(
                session,
                chat_id=chat_id,
                day=day,
                labels=labels,
                sentiment=SENTIMENTS[i % 3],
                specialty="cardiology" if "question" in labels else None,
                author=pseudonym(b"bench", int(rng.integers(5000))),
            )
            await record_actions(session, chat_id=chat_id, day=day, actions=["reply"])
    return (time.perf_counter() - began) * 1000 / n


def time_cli(config: Path, *args: str, repeat: int = 3) -> float:
    """Best wall time of `medguard stats ARGS` as a fresh process."""
    best = float("inf")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEDGUARD_")}
    for _ in range(repeat):
        began = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "bot.cli", "stats", "--config", str(config), *args],
            cwd=REPO,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        best = min(best, time.perf_counter() - began)
    return best


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=100)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--start", type=date.fromisoformat, default=date(2025, 1, 1))
    parser.add_argument("--messages-per-day", type=float, default=40.0, help="mean per group")
    parser.add_argument("--database-url", default="", help="default: SQLite in a temp folder")
    parser.add_argument("--data-dir", type=Path, default=None, help="keep the SQLite data here")
    parser.add_argument("--chart", type=Path, default=None, help="also write the year's chart")
    parser.add_argument("--record", type=int, default=2000, help="messages through the API")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        data = args.data_dir or Path(scratch)
        data.mkdir(parents=True, exist_ok=True)
        url = args.database_url or f"sqlite+aiosqlite:///{data / 'medguard.db'}"
        config = data / "config.toml"
        config.write_text(f'[storage]\ndata_dir = "{data}"\ndatabase_url = "{url}"\n')
        db = Database.from_url(url)
        await db.upgrade()
        async with db.engine.begin() as conn:
            for table in repo.stats_tables():
                await conn.execute(table.delete())
        began = time.perf_counter()
        messages = await generate(db, args.groups, args.start, args.days, args.messages_per_day)
        print(f"generated {messages:,} messages' counters in {time.perf_counter() - began:.1f} s")
        if url.startswith("sqlite"):
            async with db.engine.connect() as conn:
                await conn.execute(text("VACUUM"))
        sizes = await measure_tables(db)
        total_rows = sum(rows for rows, _ in sizes.values())
        total_bytes = sum(size for _, size in sizes.values())
        print(f"{'table':<20}{'rows':>12}{'bytes':>14}{'bytes/row':>11}")
        for name, (rows, size) in sizes.items():
            print(f"{name:<20}{rows:>12,}{size:>14,}{size / max(rows, 1):>11.1f}")
        print(f"{'all':<20}{total_rows:>12,}{total_bytes:>14,}")
        per_million = total_bytes / (messages / 1e6)
        print(f"bytes per million messages: {per_million:,.0f} ({per_million / 2**20:.1f} MiB)")

        until = args.start + timedelta(days=args.days - 1)
        span = ["--since", args.start.isoformat(), "--until", until.isoformat()]
        timings = {
            "json, all groups, by month": time_cli(config, *span, "--format", "json"),
            "table, all groups, by month": time_cli(config, *span),
            "json, all groups, by day": time_cli(config, *span, "--format", "json", "--by", "day"),
            "json, one group, by day": time_cli(
                config, *span, "--format", "json", "--by", "day", "--group", "-1001800000007"
            ),
        }
        if args.chart:
            chart = args.chart.resolve()
            timings["chart, all groups"] = time_cli(config, *span, "--chart", str(chart), repeat=1)
        for what, seconds in timings.items():
            print(f"medguard stats ({what}): {seconds:.2f} s")
        print(f"recording API: {await recording_cost(db, args.record):.2f} ms per message")
        await db.close()


if __name__ == "__main__":
    asyncio.run(main())
