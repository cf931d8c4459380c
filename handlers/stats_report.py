"""Statistics reports: counters → tables by period, with small cells suppressed; CSV and JSON.

Every export — the terminal table, CSV, JSON, the chart and the `/stats` summary — is built from
one `Report`, after suppression, so none of them can show what another hides.

Suppression. A count between 1 and `min_cell - 1` is hidden (primary suppression). Published
totals are sums of published cells, so hiding one cell of a sum would let anyone subtract it
back; every sum (a row with its total, a column with its total, the totals with the grand
total, the doctors of a specialty with the specialty's count) is an equation, and the cells
are one system of equations across all tables — "messages" in one table is the row total of
the sentiment table, "question" is the row total of the specialties table. Complementary
cells — never zeros, always the smallest non-zero counts, interior cells before totals — are
hidden until (1) no equation has exactly one hidden cell and (2) no hidden cell is a bridge of
the graph whose vertices are the equations and whose edges are the hidden cells: a hidden cell
on no cycle of that graph could still be solved from the totals, while the cells of a cycle
of non-zero counts can all move by one either way without changing any published number.
Each export is protected on its own; comparing several exports over overlapping ranges or
groups (differencing) is not prevented, which is why ranges are snapped to whole periods.
"""

from __future__ import annotations

import csv
import io
import math
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal

from classifiers.labels import LABELS, SENTIMENTS, SPECIALTIES
from handlers.i18n import text
from storage import stats as repo
from storage.db import Database
from storage.doctors import wilson_lower_bound

Period = Literal["day", "week", "month"]
Value = int | float | str | None
CellId = tuple[str, str, str]

TOTAL = "total"
UNSPECIFIED = "unspecified"
STYLE_KEYS = ("instrumental", "affective", "both", "none")
SPECIALTY_KEYS = (*SPECIALTIES, UNSPECIFIED)
OTHER_LABELS = tuple(label for label in LABELS if label != "question")
FREE = -1  # the graph vertex standing for "no equation": a cell summed into one total only


# -- periods -------------------------------------------------------------------------------


def auto_period(since: date, until: date) -> Period:
    """Days for a month or less, weeks up to half a year, months beyond."""
    span = (until - since).days + 1
    if span <= 31:
        return "day"
    return "week" if span <= 183 else "month"


def period_start(day: date, period: Period) -> date:
    """The first day of the period that contains `day`."""
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    return day


def period_end(day: date, period: Period) -> date:
    """The last day of the period that contains `day`."""
    if period == "week":
        return period_start(day, period) + timedelta(days=6)
    if period == "month":
        following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
        return following - timedelta(days=1)
    return day


def period_label(day: date, period: Period) -> str:
    """`2025-03-14` for a day, the Monday for a week, `2025-03` for a month."""
    start = period_start(day, period)
    return start.strftime("%Y-%m") if period == "month" else start.isoformat()


def period_labels(since: date, until: date, period: Period) -> list[str]:
    """Every period label from `since` to `until`, in order."""
    labels: list[str] = []
    day = period_start(since, period)
    while day <= until:
        labels.append(period_label(day, period))
        day = period_end(day, period) + timedelta(days=1)
    return labels


# -- suppression ---------------------------------------------------------------------------


class _Graph:
    """Equations as vertices, cells as edges; answers what hiding which cell protects what."""

    def __init__(self, equations: Iterable[Iterable[CellId]]) -> None:
        unique = {frozenset(eq) for eq in equations}
        self.equations: list[frozenset[CellId]] = sorted(
            (eq for eq in unique if len(eq) > 1), key=sorted
        )
        self.member: dict[CellId, list[int]] = defaultdict(list)
        for index, eq in enumerate(self.equations):
            for cell in eq:
                self.member[cell].append(index)
        crowded = [cell for cell, eqs in self.member.items() if len(eqs) > 2]
        if crowded:
            raise ValueError(f"cell {crowded[0]} is in more than two sums")

    def ends(self, cell: CellId) -> tuple[int, int]:
        """The two equations a cell joins (FREE for a cell in only one)."""
        eqs = self.member.get(cell, [])
        if not eqs:
            return FREE, FREE
        return (eqs[0], eqs[1]) if len(eqs) > 1 else (eqs[0], FREE)

    def other_end(self, cell: CellId, eq: int) -> int:
        """The equation at the other end of `cell` from `eq`."""
        a, b = self.ends(cell)
        return b if a == eq else a

    def bridges(self, hidden: set[CellId]) -> list[CellId]:
        """Hidden cells on no cycle: the equations would pin their values down."""
        adjacency: dict[int, list[tuple[int, CellId]]] = defaultdict(list)
        for cell in sorted(hidden):
            a, b = self.ends(cell)
            if a == FREE and b == FREE:
                continue
            adjacency[a].append((b, cell))
            adjacency[b].append((a, cell))
        order: dict[int, int] = {}
        low: dict[int, int] = {}
        found: list[CellId] = []
        for root in sorted(adjacency):
            if root in order:
                continue
            order[root] = low[root] = len(order)
            # Iterative DFS: (vertex, edge it was entered by, iterator over its edges).
            stack: list[tuple[int, CellId | None, Iterator[tuple[int, CellId]]]] = [
                (root, None, iter(adjacency[root]))
            ]
            while stack:
                vertex, via, edges = stack[-1]
                advanced = False
                for neighbour, cell in edges:
                    if cell == via:
                        continue
                    if neighbour in order:
                        low[vertex] = min(low[vertex], order[neighbour])
                        continue
                    order[neighbour] = low[neighbour] = len(order)
                    stack.append((neighbour, cell, iter(adjacency[neighbour])))
                    advanced = True
                    break
                if advanced:
                    continue
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[vertex])
                    if low[vertex] > order[parent] and via is not None:
                        found.append(via)
        return found

    def side(self, start: int, hidden: set[CellId], without: CellId) -> set[int]:
        """Equations reachable from `start` through hidden cells other than `without`."""
        seen = {start}
        queue = deque([start])
        while queue:
            vertex = queue.popleft()
            eqs = self.equations[vertex] if vertex != FREE else self._free_cells(hidden)
            for cell in eqs:
                if cell == without or cell not in hidden:
                    continue
                nxt = self.other_end(cell, vertex)
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append(nxt)
        return seen

    def _free_cells(self, hidden: set[CellId]) -> list[CellId]:
        return [cell for cell in hidden if FREE in self.ends(cell)]


def protect(
    values: Mapping[CellId, int],
    equations: Iterable[Iterable[CellId]],
    k: int,
    margins: Iterable[CellId] = (),
) -> set[CellId]:
    """The cells to hide: counts in 1..k-1, and enough others that no sum reveals one."""
    graph = _Graph(equations)
    margin = set(margins)
    hidden = {cell for cell, value in values.items() if 0 < value < k}

    def settled(cell: CellId, eq: int) -> bool:
        # Hiding a cell whose other sum already hides one does not start a new chain.
        other = graph.other_end(cell, eq)
        return other == FREE or any(c in hidden for c in graph.equations[other])

    def rank(cell: CellId, eq: int) -> tuple[bool, bool, int]:
        return (cell in margin, not settled(cell, eq), values[cell])

    def hide_one_more(eq: int, prefer: set[int] | None = None) -> CellId | None:
        # Never a zero: counts cannot go below zero, so a hidden zero beside a known total can
        # be pinned down. With only non-zero cells hidden, every cycle of hidden cells can move
        # by at least one either way, which is what keeps each of them uncertain.
        candidates = [c for c in graph.equations[eq] if c not in hidden and values[c] > 0]
        if prefer is not None:
            candidates = [c for c in candidates if graph.other_end(c, eq) in prefer]
        if not candidates:
            return None
        chosen = min(candidates, key=lambda c: (rank(c, eq), c))
        hidden.add(chosen)
        return chosen

    while True:
        queue = deque(range(len(graph.equations)))
        while queue:
            eq = queue.popleft()
            if sum(c in hidden for c in graph.equations[eq]) == 1:
                # A non-zero hidden cell in a true sum always has a non-zero partner.
                added = hide_one_more(eq)
                queue.extend(graph.member[added] if added else ())
        bridges = graph.bridges(hidden)
        if not bridges:
            return hidden
        cell = bridges[0]
        u, v = graph.ends(cell)
        side_u, side_v = graph.side(u, hidden, cell), graph.side(v, hidden, cell)
        # A new hidden cell from one end of the bridge to the other side closes a cycle.
        fixed = (
            (u != FREE and hide_one_more(u, side_v) is not None)
            or (v != FREE and hide_one_more(v, side_u) is not None)
            or any(hide_one_more(eq) is not None for eq in sorted(side_u | side_v) if eq != FREE)
            or any(hide_one_more(eq) is not None for eq in range(len(graph.equations)))
        )
        if not fixed:
            raise RuntimeError("suppression cannot protect a cell")


# -- the report ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Section:
    """One table of a report: named columns; rows keyed by period, specialty or doctor."""

    name: str
    title: str
    row_header: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[Value, ...]], ...]

    def value(self, row: str, column: str) -> Value:
        """One published value (None: suppressed or not computable)."""
        index = self.columns.index(column)
        for key, values in self.rows:
            if key == row:
                return values[index]
        raise KeyError(row)

    def series(self, column: str) -> list[Value]:
        """A column's values over the rows, without the total row."""
        index = self.columns.index(column)
        return [values[index] for key, values in self.rows if key != TOTAL]

    def row_keys(self) -> list[str]:
        """The row keys without the total row."""
        return [key for key, _ in self.rows if key != TOTAL]


@dataclass(frozen=True, slots=True)
class Report:
    """Suppressed statistics over a date range (snapped to whole periods)."""

    since: date
    until: date
    period: Period
    group: int | None
    groups: int
    min_cell: int
    sections: dict[str, Section] = field(default_factory=dict)
    has_data: bool = False

    def section(self, name: str) -> Section:
        """A section by name."""
        return self.sections[name]


@dataclass
class _Cells:
    """Counts keyed by cell id, and the sums that tie them together."""

    values: dict[CellId, int] = field(default_factory=dict)
    equations: list[list[CellId]] = field(default_factory=list)
    margins: set[CellId] = field(default_factory=set)

    def matrix(
        self,
        metric: str,
        rows: Sequence[str],
        keys: Sequence[str],
        counts: Mapping[tuple[str, str], int],
        *,
        row_totals: bool,
    ) -> None:
        """Cells (metric, row, key), column totals and, for partitions, row and grand totals."""
        for row in rows:
            for key in keys:
                self.values[metric, row, key] = counts.get((row, key), 0)
        for key in keys:
            column = [(metric, row, key) for row in rows]
            self.add_sum(column, (metric, TOTAL, key))
        if row_totals:
            for row in (*rows, TOTAL):
                self.add_sum([(metric, row, key) for key in keys], (metric, row, TOTAL))
            self.equations.append([(metric, row, TOTAL) for row in (*rows, TOTAL)])

    def add_sum(self, parts: list[CellId], total: CellId) -> None:
        """A total published with its parts: one more equation."""
        self.values[total] = sum(self.values[p] for p in parts)
        self.margins.add(total)
        self.equations.append([*parts, total])


def _quantile_minutes(histogram: Mapping[int, int], q: float) -> float | None:
    """A quantile of answer times from bucket counts, interpolated within its bucket."""
    total = sum(histogram.values())
    if total == 0:
        return None
    target = q * total
    seen = 0
    edges = sorted(set(repo.ANSWER_BUCKETS) | set(histogram))
    for i, edge in enumerate(edges):
        n = histogram.get(edge, 0)
        if n and seen + n >= target:
            upper = edges[i + 1] if i + 1 < len(edges) else edge
            seconds = edge + (upper - edge) * (target - seen) / n
            return round(seconds / 60, 1)
        seen += n
    return round(edges[-1] / 60, 1)


async def build_report(
    db: Database,
    since: date | None,
    until: date | None,
    *,
    min_cell: int,
    group: int | None = None,
    period: Period | None = None,
) -> Report:
    """Read the counters over [since, until] (all data when None) and suppress small cells."""
    async with db.session() as session:
        if since is None or until is None:
            span = await repo.data_span(session)
            today = datetime.now(UTC).date()
            first, last = span if span else (today, today)
            # An open end follows the data, but never crosses the end that was given.
            until = until or max(last, since or last)
            since = since or min(first, until)
        if until < since:
            raise ValueError("the range ends before it starts")
        period = period or auto_period(since, until)
        since, until = period_start(since, period), period_end(until, period)
        daily = await repo.daily_counts(session, since, until, group)
        times = await repo.daily_answer_times(session, since, until, group)
        doctors = await repo.doctor_tallies(session, since, until, group)
        groups = await repo.group_count(session, since, until, group)
    return assemble(
        since=since,
        until=until,
        period=period,
        group=group,
        groups=groups,
        min_cell=min_cell,
        daily=daily,
        answer_times=times,
        doctors=doctors,
    )


def assemble(
    *,
    since: date,
    until: date,
    period: Period,
    group: int | None,
    groups: int,
    min_cell: int,
    daily: Sequence[repo.DayCount],
    answer_times: Sequence[tuple[date, int, int]],
    doctors: Sequence[repo.DoctorTally],
) -> Report:
    """A report from counters already read (the suppression happens here)."""
    periods = period_labels(since, until, period)
    by_metric: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for row in daily:
        by_metric[row.metric][period_label(row.day, period), row.key] += row.n
    histograms: dict[str, Counter[int]] = defaultdict(Counter)
    for day, bucket, n in answer_times:
        histograms[period_label(day, period)][bucket] += n

    cells = _Cells()
    cells.matrix("sentiment", periods, SENTIMENTS, by_metric["sentiment"], row_totals=True)
    cells.matrix("label", periods, OTHER_LABELS, by_metric["label"], row_totals=False)
    cells.matrix("specialty", periods, SPECIALTY_KEYS, by_metric["specialty"], row_totals=True)
    cells.matrix("routed", periods, SPECIALTY_KEYS, by_metric["routed"], row_totals=True)
    cells.matrix("style", periods, STYLE_KEYS, by_metric["style"], row_totals=True)
    cells.matrix("authors", periods, ("",), by_metric["authors"], row_totals=False)
    answered = Counter({(p, ""): sum(h.values()) for p, h in histograms.items()})
    cells.matrix("answered", periods, ("",), answered, row_totals=False)
    actions = sorted({key for _, key in by_metric["action"]})
    decisions = sorted({key for _, key in by_metric["decision"]})
    cells.matrix("action", periods, actions, by_metric["action"], row_totals=True)
    cells.matrix("decision", periods, decisions, by_metric["decision"], row_totals=True)
    doctor_rows = _doctor_cells(cells, doctors)

    hidden = protect(cells.values, cells.equations, min_cell, cells.margins)

    def shown(cell: CellId) -> int | None:
        return None if cell in hidden else cells.values[cell]

    rows_and_total = [*periods, TOTAL]
    sections: dict[str, Section] = {}

    def add(name: str, title: str, columns: Sequence[str], ids: Any, header: str) -> None:
        rows = tuple((row, tuple(ids(row, c) for c in columns)) for row in rows_and_total)
        sections[name] = Section(name, title, header, tuple(columns), rows)

    def messages_cell(row: str, column: str) -> Value:
        if column == "messages":
            return shown(("sentiment", row, TOTAL))
        if column == "author_days":
            return shown(("authors", row, ""))
        if column == "question":
            return shown(("specialty", row, TOTAL))
        return shown(("label", row, column))

    add(
        "messages",
        "Messages and labels",
        ("messages", "author_days", *LABELS),
        messages_cell,
        "period",
    )
    add(
        "sentiment",
        "Sentiment of messages",
        (*SENTIMENTS, TOTAL),
        lambda row, c: shown(("sentiment", row, c)),
        "period",
    )
    add(
        "specialties",
        "Questions by specialty",
        (*SPECIALTY_KEYS, TOTAL),
        lambda row, c: shown(("specialty", row, c)),
        "period",
    )
    add(
        "routed",
        "Questions routed to doctors, by specialty",
        (*SPECIALTY_KEYS, TOTAL),
        lambda row, c: shown(("routed", row, c)),
        "period",
    )

    def answers_cell(row: str, column: str) -> Value:
        if column == "routed":
            return shown(("routed", row, TOTAL))
        if column == "answered":
            return shown(("answered", row, ""))
        if column in ("median_minutes", "p90_minutes"):
            count = shown(("answered", row, ""))
            if not count:
                return None
            histogram: Counter[int] = (
                sum(histograms.values(), Counter()) if row == TOTAL else histograms[row]
            )
            return _quantile_minutes(histogram, 0.5 if column == "median_minutes" else 0.9)
        if column == "answers":
            return shown(("style", row, TOTAL))
        return shown(("style", row, column))

    add(
        "answers",
        "Doctors' answers: questions answered, time to first answer, style",
        ("routed", "answered", "median_minutes", "p90_minutes", "answers", *STYLE_KEYS),
        answers_cell,
        "period",
    )
    add(
        "actions",
        "Actions taken by the bot",
        (*actions, TOTAL),
        lambda row, c: shown(("action", row, c)),
        "period",
    )
    add(
        "decisions",
        "Moderators' decisions",
        (*decisions, TOTAL),
        lambda row, c: shown(("decision", row, c)),
        "period",
    )
    sections.update(_doctor_sections(doctor_rows, doctors, shown))
    return Report(
        since=since,
        until=until,
        period=period,
        group=group,
        groups=groups,
        min_cell=min_cell,
        sections=sections,
        has_data=bool(daily or answer_times or doctors),
    )


def _doctor_key(tally: repo.DoctorTally) -> str:
    return f"{tally.doctor_id}/{tally.specialty}"


def _doctor_cells(cells: _Cells, doctors: Sequence[repo.DoctorTally]) -> list[str]:
    """Ratings per doctor summed per specialty and overall; the specialties present."""
    by_specialty: dict[str, list[repo.DoctorTally]] = defaultdict(list)
    for tally in doctors:
        by_specialty[tally.specialty].append(tally)
    for specialty, tallies in by_specialty.items():
        parts = []
        for tally in tallies:
            cell = ("doctor", _doctor_key(tally), "ratings")
            cells.values[cell] = tally.up + tally.down
            parts.append(cell)
        cells.add_sum(parts, ("doctor_specialty", specialty, "ratings"))
    specialties = sorted(by_specialty)
    if specialties:
        totals = [("doctor_specialty", s, "ratings") for s in specialties]
        cells.add_sum(totals, ("doctor_specialty", TOTAL, "ratings"))
    return specialties


def _doctor_sections(
    specialties: Sequence[str],
    doctors: Sequence[repo.DoctorTally],
    shown: Callable[[CellId], int | None],
) -> dict[str, Section]:
    """The ratings report: each doctor's Wilson lower bound, and each specialty's, ranked."""

    def score(cell: CellId, up: int, down: int) -> float | None:
        # A score is published only with its count: score and count give back the up-votes.
        return round(wilson_lower_bound(up, up + down), 3) if shown(cell) else None

    ranked = sorted(
        doctors,
        key=lambda t: (
            t.specialty,
            -(score(("doctor", _doctor_key(t), "ratings"), t.up, t.down) or -1.0),
            t.doctor_id,
        ),
    )
    doctor_rows = tuple(
        (
            str(t.doctor_id),
            (
                t.specialty,
                shown(("doctor", _doctor_key(t), "ratings")),
                score(("doctor", _doctor_key(t), "ratings"), t.up, t.down),
            ),
        )
        for t in ranked
    )
    ups: Counter[str] = Counter()
    downs: Counter[str] = Counter()
    counted: Counter[str] = Counter()
    for t in doctors:
        ups[t.specialty] += t.up
        downs[t.specialty] += t.down
        counted[t.specialty] += 1
    specialty_rows = [
        (
            s,
            (
                counted[s],
                shown(("doctor_specialty", s, "ratings")),
                score(("doctor_specialty", s, "ratings"), ups[s], downs[s]),
            ),
        )
        for s in specialties
    ]
    if specialties:
        cell = ("doctor_specialty", TOTAL, "ratings")
        up, down = sum(ups.values()), sum(downs.values())
        specialty_rows.append((TOTAL, (len(doctors), shown(cell), score(cell, up, down))))
    return {
        "doctors": Section(
            "doctors",
            "Doctors' ratings (Wilson lower bound of the helpful share), by specialty",
            "doctor",
            ("specialty", "ratings", "score"),
            doctor_rows,
        ),
        "doctor_specialties": Section(
            "doctor_specialties",
            "Ratings by specialty",
            "specialty",
            ("doctors", "ratings", "score"),
            tuple(specialty_rows),
        ),
    }


# -- exports -------------------------------------------------------------------------------

NOTE = (
    "null marks a count below min_cell, or one hidden so that totals cannot reveal it; "
    "medians and scores are null where their count is hidden or zero"
)


def report_json(report: Report) -> dict[str, Any]:
    """The report as one JSON-ready document."""
    return {
        "report": "medguard-stats",
        "version": 1,
        "since": report.since.isoformat(),
        "until": report.until.isoformat(),
        "period": report.period,
        "group": report.group,
        "groups": report.groups,
        "min_cell": report.min_cell,
        "note": NOTE,
        "sections": {
            name: {
                "title": section.title,
                "row": section.row_header,
                "columns": list(section.columns),
                "rows": [
                    {section.row_header: key, **dict(zip(section.columns, values, strict=True))}
                    for key, values in section.rows
                ],
            }
            for name, section in report.sections.items()
        },
    }


def report_csv(report: Report) -> str:
    """The report in long form: section, row, column, value (empty where suppressed)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["section", "row", "column", "value"])
    for name, section in report.sections.items():
        for key, values in section.rows:
            for column, value in zip(section.columns, values, strict=True):
                writer.writerow([name, key, column, "" if value is None else value])
    return out.getvalue()


def display(value: Value) -> str:
    """A value for people: suppressed counts as '*'."""
    if value is None:
        return "*"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _share(part: Value, whole: Value) -> str:
    if not isinstance(part, int) or not isinstance(whole, int) or whole == 0:
        return "*"
    return f"{round(100 * part / whole)}%"


def summary(report: Report, language: str) -> str:
    """A few lines for moderators: totals, mood, top specialties, answers."""
    messages = report.section("messages")
    answers = report.section("answers")
    specialties = report.section("specialties")
    sentiment = report.section("sentiment")
    total = messages.value(TOTAL, "messages")
    top = sorted(
        (
            (value, key)
            for key in SPECIALTY_KEYS
            if isinstance(value := specialties.value(TOTAL, key), int) and value > 0
        ),
        reverse=True,
    )[:3]
    return text(
        language,
        "stats_summary",
        since=report.since.isoformat(),
        until=report.until.isoformat(),
        groups=report.groups,
        messages=display(total),
        questions=display(messages.value(TOTAL, "question")),
        emergencies=display(messages.value(TOTAL, "emergency")),
        spam=display(messages.value(TOTAL, "spam")),
        advice=display(messages.value(TOTAL, "medical_advice")),
        misinformation=display(messages.value(TOTAL, "misinformation")),
        positive=_share(sentiment.value(TOTAL, "positive"), total),
        negative=_share(sentiment.value(TOTAL, "negative"), total),
        top=", ".join(f"{key} {value}" for value, key in top) or "—",
        routed=display(answers.value(TOTAL, "routed")),
        answered=display(answers.value(TOTAL, "answered")),
        median=display(answers.value(TOTAL, "median_minutes")),
        k=report.min_cell,
    )


def finite(values: Iterable[Value]) -> list[float]:
    """Values as floats for plotting: suppressed ones become NaN (a gap, not a zero)."""
    return [float(v) if isinstance(v, int | float) else math.nan for v in values]
