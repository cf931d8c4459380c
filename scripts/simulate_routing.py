"""Routing fairness, measured: many questions, several doctors, random availability, seeded.

Drives the real use cases (handlers/doctors.py over a SQLite file, the sweep included) on a
simulated clock: patients ask, doctors go /away and come back /available, take or pass offers
after a random delay (or never, when busy), and answer. Reports how evenly the offers and
answers spread across doctors of one specialty, and the share of questions answered within the
offer time. `--policy random` swaps the choice of doctor for a uniform random one, as a baseline.

    .venv/bin/python scripts/simulate_routing.py --seed 7 --days 7 --questions 700
"""

from __future__ import annotations

import argparse
import asyncio
import heapq
import itertools
import random
import statistics
import tempfile
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from handlers import doctors
from handlers.actions import Action, SendMessage, Sent
from handlers.core import Core
from handlers.events import CallbackEvent, Chat, Entity, MessageEvent, User
from handlers.registry import install
from handlers.services import DoctorConfig, ModerationConfig, Services
from storage import doctors as repo
from storage.db import Database
from storage.doctors import Doctor, DoctorApplication, Question, QuestionOffer
from storage.state import MemoryState

GROUP = Chat(id=-1001_000_000_777, type="supergroup", title="Simulation")
MODS = -1001_000_000_778
ASKER = User(id=5_000_000_001, first_name="Patient", language="az")
# (specialty, number of doctors)
TEAM = (("cardiology", 3), ("pediatrics", 3), ("general", 2), ("dermatology", 1))
# Share of questions per specialty; ENT has no doctor of its own and falls back to general.
DEMAND = {"cardiology": 0.3, "pediatrics": 0.3, "general": 0.2, "dermatology": 0.1, "ent": 0.1}
PASS_SHARE = 0.1
ANSWER_MINUTES = 10.0
SWEEP_MINUTES = 10.0  # besides the sweeps at each offer's deadline
TAIL_MINUTES = 12 * 60.0  # after the last question, time for the queue to drain


START = datetime(2025, 1, 6, 8, 0, tzinfo=UTC)


class Clock:
    """The simulated time."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@dataclass
class QuietMessenger:
    """Collects what the bot sends; nothing fails."""

    sent: list[SendMessage] = field(default_factory=list)
    ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    async def execute(self, action: Action) -> Sent | None:
        if isinstance(action, SendMessage):
            self.sent.append(action)
            return Sent(action.chat_id, next(self.ids))
        return None

    async def chat_admins(self, chat_id: int) -> set[int]:
        return set()


@dataclass
class Profile:
    """How one simulated doctor behaves."""

    doctor_id: int
    user: User
    specialty: str
    duty_share: float  # long-run share of time the doctor is /available
    response_minutes: float  # mean delay before reacting to an offer
    available: bool = True
    available_since: float = 0.0
    available_minutes: float = 0.0


@dataclass
class Simulation:
    """The event loop of one run."""

    seed: int
    days: float
    questions: int
    offer_minutes: int
    policy: str
    folder: Path
    world: random.Random = field(init=False)  # arrivals, availability: equal for each policy
    rng: random.Random = field(init=False)  # the doctors' reactions
    clock: Clock = field(default_factory=Clock)
    messenger: QuietMessenger = field(default_factory=QuietMessenger)
    events: list[tuple[float, int, Callable[[], Awaitable[None]]]] = field(default_factory=list)
    order: itertools.count[int] = field(default_factory=itertools.count)
    updates: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    profiles: dict[int, Profile] = field(default_factory=dict)
    seen_sends: int = 0
    minute: float = 0.0
    end: float = 0.0
    judged: int = 0
    busier_choices: int = 0  # offers to a doctor holding more active offers than a colleague

    def __post_init__(self) -> None:
        self.world = random.Random(self.seed)
        self.rng = random.Random(self.seed + 1)

    def at(self, minute: float, action: Callable[[], Awaitable[None]]) -> None:
        heapq.heappush(self.events, (minute, next(self.order), action))

    async def run(self) -> dict[str, object]:
        """Simulate and return the measurements."""
        database = Database.from_url(f"sqlite+aiosqlite:///{self.folder}/simulation.db")
        await database.upgrade()
        services = Services(
            db=database,
            state=MemoryState(),
            moderation=ModerationConfig(moderator_chat_id=MODS),
            doctors=DoctorConfig(offer_minutes=self.offer_minutes),
            now=self.clock,
        )
        self.core = Core(services)
        install(self.core)
        try:
            await self._register(database)
            horizon = self.days * 24 * 60
            self.end = horizon + TAIL_MINUTES
            for _ in range(self.questions):
                specialty = self.world.choices(list(DEMAND), weights=list(DEMAND.values()))[0]
                self.at(self.world.uniform(0, horizon), self._ask(specialty))
            for profile in self.profiles.values():
                on, moment = True, 0.0
                while (moment := moment + self._duty_length(profile, on=on)) <= self.end:
                    on = not on
                    self.at(moment, self._toggle(profile, available=on))
            minute = 0.0
            while minute <= self.end:
                self.at(minute, self._sweep)
                minute += SWEEP_MINUTES
            while self.events:
                self.minute, _, action = heapq.heappop(self.events)
                self.clock.now = START + timedelta(minutes=self.minute)
                await action()
                await self._notice_offers(database)
            for profile in self.profiles.values():
                if profile.available:
                    profile.available_minutes += self.minute - profile.available_since
            return await self._measure(database)
        finally:
            await self.core.close()
            await database.close()

    async def _register(self, database: Database) -> None:
        user_ids = itertools.count(6_000_000_001)
        async with database.session() as session:
            for specialty, count in TEAM:
                for number in range(count):
                    user = User(id=next(user_ids), first_name=f"Dr{number}", language="en")
                    application = DoctorApplication(
                        user_id=user.id,
                        full_name=f"{specialty} doctor {number + 1}",
                        specialty=specialty,
                        licence=f"LIC-{user.id}",
                        language="en",
                    )
                    doctor = await repo.approve(session, application, self.clock(), 365)
                    assert doctor.id is not None
                    self.profiles[user.id] = Profile(
                        doctor_id=doctor.id,
                        user=user,
                        specialty=specialty,
                        duty_share=self.world.uniform(0.3, 0.9),
                        response_minutes=self.world.uniform(5, 40),
                    )

    def _duty_length(self, profile: Profile, *, on: bool) -> float:
        # On/off periods averaging 12 h per cycle, split by the doctor's duty share.
        mean = 12 * 60 * (profile.duty_share if on else 1 - profile.duty_share)
        return self.world.expovariate(1 / mean)

    def _toggle(self, profile: Profile, *, available: bool) -> Callable[[], Awaitable[None]]:
        async def toggle() -> None:
            if profile.available:
                profile.available_minutes += self.minute - profile.available_since
            else:
                profile.available_since = self.minute
            profile.available = available
            command = "/available" if available else "/away"
            await self._say(profile.user, command, Chat(id=profile.user.id, type="private"))

        return toggle

    def _ask(self, specialty: str) -> Callable[[], Awaitable[None]]:
        async def ask() -> None:
            event = self._message(ASKER, f"/ask question about {specialty}", GROUP)
            ctx = self.core.context(self.messenger)
            await ctx.perform(await doctors.route_question(event, specialty, event.text, ctx))

        return ask

    async def _sweep(self) -> None:
        await doctors.sweep_offers(self.core.context(self.messenger))

    async def _notice_offers(self, database: Database) -> None:
        """Doctors react to the offers the bot just sent them (or never, if they left)."""
        batch: list[tuple[Profile, int]] = []
        for action in self.messenger.sent[self.seen_sends :]:
            profile = self.profiles.get(action.chat_id)
            data = [b.data for row in action.buttons for b in row]
            if profile is None or not data or not data[0].startswith("q:take:"):
                continue
            question_id = int(data[0].rsplit(":", 1)[1])
            batch.append((profile, question_id))
            delay = self.rng.expovariate(1 / profile.response_minutes)
            self.at(self.minute + delay, self._react(profile, question_id))
            # The bot sweeps every 20 s; here a sweep runs when the offer's time is up.
            self.at(self.minute + self.offer_minutes + 0.01, self._sweep)
        self.seen_sends = len(self.messenger.sent)
        if batch:
            await self._judge(database, batch)

    async def _judge(self, database: Database, batch: list[tuple[Profile, int]]) -> None:
        """Count offers given to a busier doctor while an eligible colleague was less busy.

        One event can make several offers (a doctor coming back takes the queue): each is
        judged by the loads before it, i.e. without the offers that came after it.
        """
        async with database.session() as session:
            active = await session.exec(
                select(QuestionOffer.doctor_id).where(
                    col(QuestionOffer.state).in_(repo.ACTIVE_OFFER_STATES)
                )
            )
            final = Counter(active.all())
            had: dict[int, set[int]] = {}
            for _, question_id in batch:
                tried = await session.exec(
                    select(QuestionOffer.doctor_id).where(
                        col(QuestionOffer.question_id) == question_id
                    )
                )
                had[question_id] = set(tried.all())
        for index, (chosen, question_id) in enumerate(batch):
            load = final - Counter(p.doctor_id for p, _ in batch[index:])
            colleagues = [
                load[p.doctor_id]
                for p in self.profiles.values()
                if p.available
                and p.specialty == chosen.specialty
                and (p is chosen or p.doctor_id not in had[question_id])
            ]
            self.busier_choices += load[chosen.doctor_id] > min(colleagues, default=0)
            self.judged += 1

    def _react(self, profile: Profile, question_id: int) -> Callable[[], Awaitable[None]]:
        async def react() -> None:
            if not profile.available:
                return
            taking = self.rng.random() >= PASS_SHARE
            await self._press(profile.user, f"q:{'take' if taking else 'pass'}:{question_id}")
            if taking:
                delay = self.rng.expovariate(1 / ANSWER_MINUTES)
                self.at(self.minute + delay, self._answer(profile, question_id))
                lapse = self.offer_minutes * doctors.TAKEN_FACTOR + 0.01
                self.at(self.minute + lapse, self._sweep)

        return react

    def _answer(self, profile: Profile, question_id: int) -> Callable[[], Awaitable[None]]:
        async def answer() -> None:
            chat = Chat(id=profile.user.id, type="private")
            await self._say(profile.user, f"/answer {question_id} simulated answer", chat)

        return answer

    def _message(self, user: User, text: str, chat: Chat) -> MessageEvent:
        update = next(self.updates)
        return MessageEvent(
            update_id=update,
            chat=chat,
            sender=user,
            message_id=update,
            date=self.clock(),
            text=text,
            entities=(Entity("bot_command", 0, len(text.split(" ", 1)[0])),),
        )

    async def _say(self, user: User, text: str, chat: Chat) -> None:
        await self.core.handle(self._message(user, text, chat), self.messenger)

    async def _press(self, user: User, data: str) -> None:
        update = next(self.updates)
        event = CallbackEvent(update_id=update, id=str(update), sender=user, data=data)
        await self.core.handle(event, self.messenger)

    async def _measure(self, database: Database) -> dict[str, object]:
        async with database.session() as session:
            questions = (await session.exec(select(Question))).all()
            offers = (await session.exec(select(QuestionOffer))).all()
            team = (await session.exec(select(Doctor).order_by(col(Doctor.id)))).all()
            answers = await repo.standings(session)
        offered = Counter(o.doctor_id for o in offers if o.state != repo.FAILED)
        answered = {row.doctor.id: row.answers for row in answers}
        limit = timedelta(minutes=self.offer_minutes)
        waits = [
            (q.answered_at - q.created_at).total_seconds() / 60
            for q in questions
            if q.answered_at is not None
        ]
        within = sum(1 for w in waits if w <= limit.total_seconds() / 60)
        by_specialty: dict[str, list[Doctor]] = defaultdict(list)
        for doctor in team:
            by_specialty[doctor.specialty].append(doctor)
        return {
            "questions": len(questions),
            "answered": len(waits),
            "answered_within_offer_time": within,
            "median_minutes_to_answer": statistics.median(waits) if waits else None,
            "offers": len(offers),
            "busier_choice_share": self.busier_choices / max(self.judged, 1),
            "specialties": {
                specialty: self._spread(members, offered, answered)
                for specialty, members in by_specialty.items()
            },
        }

    def _spread(
        self, members: list[Doctor], offered: Counter[int], answered: dict[int | None, int]
    ) -> dict[str, object]:
        rows = []
        for doctor in members:
            profile = next(p for p in self.profiles.values() if p.doctor_id == doctor.id)
            hours = max(profile.available_minutes / 60, 1e-9)
            rows.append(
                {
                    "doctor": doctor.id,
                    "available_share": round(profile.available_minutes / (self.minute or 1), 2),
                    "offers": offered[doctor.id or 0],
                    "answers": answered.get(doctor.id, 0),
                    "offers_per_available_hour": round(offered[doctor.id or 0] / hours, 3),
                }
            )
        return {"doctors": rows, **_variation(rows)}


def _variation(rows: list[dict[str, float | int | None]]) -> dict[str, object]:
    """Coefficient of variation (stdev / mean) of load across a specialty's doctors."""
    out: dict[str, object] = {}
    for key in ("offers", "answers", "offers_per_available_hour"):
        values = [float(str(r[key])) for r in rows]
        mean = statistics.fmean(values)
        spread = statistics.pstdev(values) / mean if mean and len(values) > 1 else 0.0
        out[f"cv_{key}"] = round(spread, 3)
    return out


async def simulate(args: argparse.Namespace, policy: str) -> dict[str, object]:
    """One seeded run with the given doctor-choice policy."""
    original = repo.next_doctor
    if policy == "random":
        rng = random.Random(args.seed + 1)

        async def random_doctor(
            session: AsyncSession, specialty: str, question: Question, now: datetime
        ) -> Doctor | None:
            """Any eligible doctor, uniformly: the baseline for least-loaded routing."""
            tried = select(QuestionOffer.doctor_id).where(
                col(QuestionOffer.question_id) == question.id
            )
            statement = select(Doctor).where(
                col(Doctor.status) == repo.VERIFIED,
                col(Doctor.expires_at) > now,
                col(Doctor.available).is_(True),
                col(Doctor.specialty) == specialty,
                col(Doctor.id).not_in(tried),
            )
            candidates = (await session.exec(statement.order_by(col(Doctor.id)))).all()
            return rng.choice(candidates) if candidates else None

        repo.next_doctor = random_doctor
    try:
        with tempfile.TemporaryDirectory() as folder:
            simulation = Simulation(
                seed=args.seed,
                days=args.days,
                questions=args.questions,
                offer_minutes=args.offer_minutes,
                policy=policy,
                folder=Path(folder),
            )
            return await simulation.run()
    finally:
        repo.next_doctor = original


def report(policy: str, result: dict[str, object]) -> None:
    """Print one run's measurements."""
    total = int(str(result["questions"]))
    answered = int(str(result["answered"]))
    within = int(str(result["answered_within_offer_time"]))
    print(f"\n== policy: {policy}")
    print(
        f"questions {total}, answered {answered} ({answered / total:.1%}), "
        f"answered within the offer time {within} ({within / total:.1%}), "
        f"median minutes to answer {result['median_minutes_to_answer']:.1f}, "
        f"offers made {result['offers']}"
    )
    busier = float(str(result["busier_choice_share"]))
    print(
        f"offers given to a busier doctor while a same-specialty colleague was idler: {busier:.1%}"
    )
    specialties = result["specialties"]
    assert isinstance(specialties, dict)
    for specialty, spread in specialties.items():
        print(
            f"  {specialty:<12} CV offers {spread['cv_offers']:.3f}  "
            f"CV answers {spread['cv_answers']:.3f}  "
            f"CV offers/available-hour {spread['cv_offers_per_available_hour']:.3f}"
        )
        for row in spread["doctors"]:
            print(
                f"    doctor {row['doctor']:>2}: available {row['available_share']:.0%}, "
                f"offers {row['offers']:>3}, answers {row['answers']:>3}, "
                f"offers per available hour {row['offers_per_available_hour']:.3f}"
            )


def main() -> None:
    """Run the simulation from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--days", type=float, default=7)
    parser.add_argument("--questions", type=int, default=700)
    parser.add_argument("--offer-minutes", type=int, default=30)
    parser.add_argument("--policy", choices=("least-loaded", "random", "both"), default="both")
    args = parser.parse_args()
    policies = ("least-loaded", "random") if args.policy == "both" else (args.policy,)
    print(
        f"seed {args.seed}, {args.days:g} days, {args.questions} questions, "
        f"offer time {args.offer_minutes} min, team {dict(TEAM)}, demand {DEMAND}"
    )
    for policy in policies:
        report(policy, asyncio.run(simulate(args, policy)))


if __name__ == "__main__":
    main()
