"""Trend charts of a statistics report as one PNG (a bare Figure renders with Agg: no display).

Drawn from the suppressed report only: a hidden count is a gap in a line, never a value.
"""

from __future__ import annotations

import io
import math
from datetime import date

import numpy as np
from matplotlib.axes import Axes
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure

from classifiers.labels import LABELS
from handlers.stats_report import SPECIALTY_KEYS, TOTAL, Report, finite

WIDTH_PX, HEIGHT_PX, DPI = 1200, 800, 100
TOP_SPECIALTIES = 10


Dates = np.ndarray[tuple[int], np.dtype[np.datetime64]]


def _x(report: Report) -> Dates:
    keys = report.section("messages").row_keys()
    days = [date.fromisoformat(k if report.period != "month" else f"{k}-01") for k in keys]
    return np.array(days, dtype="datetime64[D]")


def _dates(axes: Axes) -> None:
    locator = AutoDateLocator(minticks=2, maxticks=8)  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    axes.grid(alpha=0.3)


def _legend(axes: Axes) -> None:
    if axes.get_legend_handles_labels()[0]:
        axes.legend(fontsize=8, loc="upper left")


def _labels(axes: Axes, report: Report, x: Dates) -> None:
    messages = report.section("messages")
    for label in LABELS:
        axes.plot(x, finite(messages.series(label)), marker=".", label=label)
    axes.set_title(f"Messages per label (per {report.period})")
    axes.set_ylim(bottom=0)
    _dates(axes)
    _legend(axes)


def _sentiment(axes: Axes, report: Report, x: Dates) -> None:
    section = report.section("sentiment")
    totals = finite(section.series(TOTAL))
    for name, colour in (("positive", "tab:green"), ("negative", "tab:red")):
        shares = [
            100 * part / whole if whole and not math.isnan(whole) else math.nan
            for part, whole in zip(finite(section.series(name)), totals, strict=True)
        ]
        axes.plot(x, shares, marker=".", color=colour, label=f"% {name}")
    axes.set_title("Sentiment trend (share of messages)")
    axes.set_ylim(0, 100)
    _dates(axes)
    _legend(axes)


def _specialties(axes: Axes, report: Report) -> None:
    section = report.section("specialties")
    totals = [
        (value, key)
        for key in SPECIALTY_KEYS
        if isinstance(value := section.value(TOTAL, key), int) and value > 0
    ]
    top = sorted(totals, reverse=True)[:TOP_SPECIALTIES][::-1]
    axes.barh([key for _, key in top], [value for value, _ in top], color="tab:blue")
    axes.set_title("Top specialties of questions")
    axes.tick_params(axis="y", labelsize=8)
    axes.grid(axis="x", alpha=0.3)


def _answer_times(axes: Axes, report: Report, x: Dates) -> None:
    section = report.section("answers")
    axes.plot(x, finite(section.series("median_minutes")), marker=".", label="median")
    axes.plot(x, finite(section.series("p90_minutes")), marker=".", label="p90")
    axes.set_title("Time to a doctor's first answer (minutes)")
    axes.set_ylim(bottom=0)
    _dates(axes)
    _legend(axes)


def render_chart(report: Report) -> bytes:
    """The four trend charts of `report` as a 1200×800 PNG."""
    figure = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI, layout="constrained")
    scope = f"group {report.group}" if report.group is not None else f"{report.groups} groups"
    figure.suptitle(
        f"MedGuard statistics · {report.since} – {report.until} · {scope} · "
        f"counts below {report.min_cell} hidden"
    )
    grid = figure.subplots(2, 2)
    x = _x(report)
    _labels(grid[0][0], report, x)
    _sentiment(grid[0][1], report, x)
    _specialties(grid[1][0], report)
    _answer_times(grid[1][1], report, x)
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI)
    return out.getvalue()
