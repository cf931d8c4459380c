"""`medguard stats`: anonymised statistics as a terminal table, CSV or one JSON document."""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from bot.config import Settings
from handlers.stats_report import (
    SPECIALTY_KEYS,
    STYLE_KEYS,
    TOTAL,
    Period,
    Report,
    Section,
    build_report,
    display,
    report_csv,
    report_json,
)
from storage.db import Database

# Short headers so that the widest table fits an 100-column terminal.
HEADERS = {
    "messages": "msgs",
    "author_days": "authors",
    "question": "quest.",
    "medical_advice": "advice",
    "misinformation": "misinfo",
    "emergency": "emerg.",
    "personal_data": "pdata",
    "median_minutes": "median",
    "p90_minutes": "p90",
}


class Format(StrEnum):
    """Output formats."""

    table = "table"
    csv = "csv"
    json = "json"


class By(StrEnum):
    """Rows per day, week or month; auto picks by the length of the range."""

    auto = "auto"
    day = "day"
    week = "week"
    month = "month"


PERIODS: dict[By, Period | None] = {
    By.auto: None,
    By.day: "day",
    By.week: "week",
    By.month: "month",
}


def stats_command(
    *,
    config: Annotated[
        Path | None, typer.Option("--config", "-c", help="config file (default ./config.toml)")
    ] = None,
    output: Annotated[Format, typer.Option("--format", "-f", help="output format")] = Format.table,
    since: Annotated[
        datetime | None,
        typer.Option(formats=["%Y-%m-%d"], help="first day (UTC; default: first with data)"),
    ] = None,
    until: Annotated[
        datetime | None,
        typer.Option(formats=["%Y-%m-%d"], help="last day (UTC; default: last with data)"),
    ] = None,
    group: Annotated[int | None, typer.Option(help="only this group (its chat id)")] = None,
    by: Annotated[By, typer.Option(help="rows per day, week or month")] = By.auto,
    chart: Annotated[
        Path | None, typer.Option(help="also write trend charts to this PNG file")
    ] = None,
) -> None:
    """Anonymised statistics (counts below [stats] min_cell hidden): table, CSV or JSON."""
    from bot.cli import settings_or_exit

    settings = settings_or_exit(config)
    first = since.date() if since else None
    last = until.date() if until else None
    if first and last and last < first:
        typer.echo("medguard: --until is before --since", err=True)
        raise typer.Exit(2)
    period = PERIODS[by]
    report = asyncio.run(_report(settings, first, last, group, period))
    if chart is not None:
        from handlers.stats_chart import render_chart

        chart.write_bytes(render_chart(report))
        typer.echo(f"chart written to {chart}", err=True)
    if output is Format.json:
        sys.stdout.write(json.dumps(report_json(report), ensure_ascii=False, indent=2) + "\n")
    elif output is Format.csv:
        sys.stdout.write(report_csv(report))
    else:
        print_report(report, Console())


async def _report(
    settings: Settings,
    since: date | None,
    until: date | None,
    group: int | None,
    period: Period | None,
) -> Report:
    settings.storage.data_dir.mkdir(parents=True, exist_ok=True)
    db = Database.from_url(settings.storage.resolved_database_url())
    try:
        # A new data folder just works: the tables exist, empty.
        await db.upgrade()
        return await build_report(
            db, since, until, min_cell=settings.stats.min_cell, group=group, period=period
        )
    finally:
        await db.close()


def _table(*columns: str, left: tuple[str, ...] = ()) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for index, column in enumerate(columns):
        leftmost = index == 0 or column in left
        header = HEADERS.get(column, column)
        if index == 0:
            table.add_column(header, no_wrap=True)
        else:
            table.add_column(header, justify="left" if leftmost else "right")
    return table


def _by_period(section: Section, columns: tuple[str, ...] | None = None) -> Table:
    shown = columns or section.columns
    table = _table(section.row_header, *shown)
    last = len(section.rows) - 1
    for index, (key, _) in enumerate(section.rows):
        cells = [display(section.value(key, column)) for column in shown]
        # A rule above the total row.
        table.add_row(key, *cells, end_section=index == last - 1)
    return table


def _by_specialty(report: Report) -> Table:
    questions, routed = report.section("specialties"), report.section("routed")
    table = _table("specialty", "questions", "routed")
    rows = [
        (questions.value(TOTAL, key), routed.value(TOTAL, key), key)
        for key in SPECIALTY_KEYS
        if questions.value(TOTAL, key) != 0 or routed.value(TOTAL, key) != 0
    ]
    # Most asked first; hidden counts last.
    rows.sort(key=lambda row: (-(row[0] if isinstance(row[0], int) else -1), row[2]))
    for index, (asked, sent, key) in enumerate(rows):
        table.add_row(key, display(asked), display(sent), end_section=index == len(rows) - 1)
    table.add_row(
        TOTAL, display(questions.value(TOTAL, TOTAL)), display(routed.value(TOTAL, TOTAL))
    )
    return table


def _totals(section: Section) -> Table:
    table = _table("name", "count")
    for column in section.columns:
        table.add_row(column, display(section.value(TOTAL, column)), end_section=column != TOTAL)
    return table


def _rows(section: Section) -> Table:
    table = _table(section.row_header, *section.columns, left=("specialty",))
    for key, values in section.rows:
        table.add_row(key, *(display(v) for v in values))
    return table


def print_report(report: Report, console: Console) -> None:
    """The report as readable terminal tables."""
    scope = f"group {report.group}" if report.group is not None else f"{report.groups} group(s)"
    console.print(
        f"[bold]MedGuard statistics[/bold] {report.since} – {report.until} · {scope} · "
        f"per {report.period}\n* hidden: a count below {report.min_cell}, or one that would "
        "reveal it through a total"
    )
    if not report.has_data:
        console.print("No statistics in this range.")
        return
    answers = report.section("answers")
    tables: list[tuple[str, Table]] = [
        ("Messages and labels", _by_period(report.section("messages"))),
        ("Sentiment", _by_period(report.section("sentiment"))),
        (
            "Questions routed and answered; time to first answer (minutes)",
            _by_period(answers, ("routed", "answered", "median_minutes", "p90_minutes")),
        ),
        ("Style of doctors' answers", _by_period(answers, ("answers", *STYLE_KEYS))),
        ("Questions by specialty", _by_specialty(report)),
    ]
    for name in ("actions", "decisions"):
        if len(report.section(name).columns) > 1:
            tables.append((report.section(name).title, _totals(report.section(name))))
    if report.section("doctors").rows:
        tables.append(("Ratings by specialty", _rows(report.section("doctor_specialties"))))
        tables.append((report.section("doctors").title, _rows(report.section("doctors"))))
    for title, table in tables:
        console.print(f"\n[bold]{title}[/bold]")
        console.print(table)
