"""Doctors' use cases with an in-memory Messenger and a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import io
import itertools
import json
import logging
import tomllib
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from classifiers.labels import Verdict
from handlers import doctors
from handlers.actions import Action, AnswerCallback, EditMessage, SendMessage
from handlers.core import Core
from handlers.events import CallbackEvent, Chat, Entity, MessageEvent, ReplyRef, User
from handlers.i18n import text
from handlers.registry import install
from handlers.services import DoctorConfig, ModerationConfig, Services
from storage import doctors as repo
from storage.db import Database
from storage.doctors import DoctorAnswer, Question, QuestionOffer, wilson_lower_bound
from storage.state import MemoryState, StateStore
from tests.fakes import InMemoryMessenger

GROUP = Chat(id=-1001_600_000_001, type="supergroup", title="Sağlamlıq")
MODS = Chat(id=-1001_600_000_002, type="supergroup", title="Moderatorlar")
PATIENT = User(id=7_200_000_001, first_name="Aysel", username="aysel_m", language="az")
STRANGER = User(id=7_200_000_002, first_name="Ivan", language="ru")
MODERATOR = User(id=7_200_000_003, first_name="Elnur", language="az")
CARDIO = User(id=7_200_000_011, first_name="Rəşad", language="az")
CARDIO2 = User(id=7_200_000_012, first_name="Leyla", language="en")
GP = User(id=7_200_000_013, first_name="Nigar", language="ru")

_updates = itertools.count(1)
_messages = itertools.count(100)


def private(user: User) -> Chat:
    return Chat(id=user.id, type="private")


class Clock:
    """A clock the test moves forward."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class FakeReader:
    """A Reader that names a specialty and an answer style."""

    specialty: str | None = "cardiology"
    styles: tuple[str, ...] = ("instrumental",)
    calls: list[str] = field(default_factory=list)

    async def read(self, texts: Sequence[str]) -> list[Verdict]:
        self.calls.extend(texts)
        return [Verdict(labels=("question",), scores={}, specialty=self.specialty) for _ in texts]

    def quick(self, text: str) -> Verdict:
        return Verdict(labels=(), scores={})

    async def answer_style(self, texts: Sequence[str]) -> list[tuple[str, ...]]:
        return [self.styles for _ in texts]


@dataclass
class Env:
    core: Core
    messenger: InMemoryMessenger
    clock: Clock
    db: Database

    @property
    def services(self) -> Services:
        return self.core.services

    async def say(
        self, user: User, text: str, chat: Chat | None = None, reply_to: int | None = None
    ) -> MessageEvent:
        entities: tuple[Entity, ...] = ()
        if text.startswith("/"):
            entities = (Entity("bot_command", 0, len(text.split(" ", 1)[0])),)
        event = MessageEvent(
            update_id=next(_updates),
            chat=chat or private(user),
            sender=user,
            message_id=next(_messages),
            date=datetime.now(UTC),
            text=text,
            entities=entities,
            reply_to=ReplyRef(reply_to, None, from_bot=True) if reply_to is not None else None,
        )
        await self.core.handle(event, self.messenger)
        return event

    async def press(
        self, user: User, data: str, chat: Chat | None = None, message_id: int | None = None
    ) -> AnswerCallback:
        event = CallbackEvent(
            update_id=next(_updates),
            id=f"cb{next(_updates)}",
            sender=user,
            data=data,
            chat=chat or MODS,
            message_id=message_id,
        )
        await self.core.handle(event, self.messenger)
        answers = [
            a
            for a in self.messenger.executed
            if isinstance(a, AnswerCallback) and a.callback_id == event.id
        ]
        assert len(answers) == 1, "every press is answered exactly once"
        return answers[0]

    def to(self, chat_id: int) -> list[SendMessage]:
        return [a for a in self.messenger.sent() if a.chat_id == chat_id]

    def last_to(self, chat_id: int) -> SendMessage:
        return self.to(chat_id)[-1]

    def edits(self) -> list[EditMessage]:
        return [a for a in self.messenger.executed if isinstance(a, EditMessage)]

    def buttons_to(self, chat_id: int) -> list[str]:
        return [b.data for m in self.to(chat_id) for row in m.buttons for b in row]

    async def sweep(self) -> None:
        await doctors.sweep_offers(self.core.context(self.messenger))

    async def register(self, user: User, args: str) -> int:
        """Apply and have the moderator approve; the doctor's registry id."""
        await self.say(user, f"/doctor {args}")
        data = self.buttons_to(MODS.id)[-2]
        assert data.startswith("doc:approve:")
        await self.press(MODERATOR, data)
        async with self.db.session() as session:
            doctor = await repo.doctor_of_user(session, user.id)
        assert doctor is not None
        assert doctor.id is not None
        return doctor.id

    async def ask(self, text: str, user: User = PATIENT) -> MessageEvent:
        return await self.say(user, f"/ask {text}", chat=GROUP)

    async def offers(self, state: str | None = None) -> list[QuestionOffer]:
        async with self.db.session() as session:
            rows = (await session.exec(select(QuestionOffer))).all()
        return [o for o in rows if state is None or o.state == state]


def make_env(db: Database, state: StateStore | None = None, reader: FakeReader | None = None):
    clock = Clock()
    services = Services(
        db=db,
        state=state or MemoryState(),
        moderation=ModerationConfig(moderator_chat_id=MODS.id),
        doctors=DoctorConfig(verification_days=365, offer_minutes=30),
        bot_username="MedGuardBot",
        reader=reader,
        now=clock,
    )
    core = Core(services)
    install(core)
    messenger = InMemoryMessenger(admins={MODS.id: {MODERATOR.id}})
    return Env(core, messenger, clock, db)


@pytest.fixture
async def env(db: Database) -> AsyncIterator[Env]:
    environment = make_env(db)
    yield environment
    await environment.core.close()


# -- names and scores --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("kardioloq", "cardiology"),
        ("Кардиолог", "cardiology"),
        ("cardiologist", "cardiology"),
        ("pediatr", "pediatrics"),
        ("педиатр", "pediatrics"),
        ("LOR", "ent"),
        ("лор", "ent"),
        ("ЛОР", "ent"),
        ("stomatoloq", "dentistry"),
        ("dişçi", "dentistry"),
        ("disci", "dentistry"),
        ("ginekoloq", "gynecology"),
        ("гинеколог", "gynecology"),
        ("nevroloq", "neurology"),
        ("невролог", "neurology"),
        ("psixiatr", "psychiatry"),
        ("психиатр", "psychiatry"),
        ("dermatoloq", "dermatology"),
        ("дерматолог", "dermatology"),
        ("endokrinoloq", "endocrinology"),
        ("эндокринолог", "endocrinology"),
        ("qastroenteroloq", "gastroenterology"),
        ("гастроэнтеролог", "gastroenterology"),
        ("oftalmoloq", "ophthalmology"),
        ("göz həkimi", "ophthalmology"),
        ("GÖZ HƏKİMİ", "ophthalmology"),
        ("goz hekimi", "ophthalmology"),
        ("окулист", "ophthalmology"),
        ("офтальмолог", "ophthalmology"),
        ("uroloq", "urology"),
        ("уролог", "urology"),
        ("ortoped", "orthopedics"),
        ("ортопед", "orthopedics"),
        ("travmatoloq", "orthopedics"),
        ("pulmonoloq", "pulmonology"),
        ("пульмонолог", "pulmonology"),
        ("infeksionist", "infectious"),
        ("инфекционист", "infectious"),
        ("terapevt", "general"),
        ("терапевт", "general"),
        ("həkim-terapevt", "general"),
        ("hekim terapevt", "general"),
        ("general", "general"),
        ("Cardiology", "cardiology"),
    ],
)
def test_specialty_names_in_three_languages(name: str, code: str) -> None:
    assert doctors.specialty_from_text(name) == code


@pytest.mark.parametrize("name", ["", "   ", "astroloq", "психолог", "kardio loq", "doctor"])
def test_unknown_specialty_names(name: str) -> None:
    assert doctors.specialty_from_text(name) is None


def test_leading_specialty_takes_up_to_three_words() -> None:
    assert doctors.leading_specialty("göz həkimi: gözüm qızarıb") == (
        "ophthalmology",
        "gözüm qızarıb",
    )
    assert doctors.leading_specialty("kardioloq LIC-1 Rəşad Əliyev") == (
        "cardiology",
        "LIC-1 Rəşad Əliyev",
    )
    assert doctors.leading_specialty("ürəyim ağrıyır") is None


def test_every_specialty_has_names_and_texts_in_each_language() -> None:
    from classifiers.labels import SPECIALTIES

    assert set(doctors.SPECIALTY_NAMES) == set(SPECIALTIES)
    folder = Path(doctors.__file__).with_name("texts")
    keys = [
        set(tomllib.loads((folder / f"doctors.{lang}.toml").read_text("utf-8")))
        for lang in ("az", "ru", "en")
    ]
    assert keys[0] == keys[1] == keys[2]
    assert {f"doc_spec_{code}" for code in SPECIALTIES} <= keys[0]


def test_wilson_lower_bound_rewards_evidence_not_luck() -> None:
    assert wilson_lower_bound(0, 0) == 0.0
    assert wilson_lower_bound(1, 1) < wilson_lower_bound(9, 10) < wilson_lower_bound(90, 100)
    assert wilson_lower_bound(5, 10) < 0.5 < wilson_lower_bound(95, 100)
    assert 0.0 <= wilson_lower_bound(0, 5) < wilson_lower_bound(1, 5)


# -- the whole path --------------------------------------------------------------------------


async def test_apply_approve_ask_take_answer_rate(env: Env, caplog) -> None:
    caplog.set_level(logging.DEBUG, logger="handlers")
    caplog.set_level(logging.DEBUG, logger="storage")
    await env.say(CARDIO, "/doctor kardioloq LIC-12345 Rəşad Əliyev")
    assert "#1" in env.last_to(CARDIO.id).text
    application = env.last_to(MODS.id)
    assert "Rəşad Əliyev" in application.text
    assert "LIC-12345" in application.text
    assert [b.data for b in application.buttons[0]] == ["doc:approve:1", "doc:reject:1"]

    refused = await env.press(PATIENT, "doc:approve:1")
    assert refused.alert
    assert not await doctors.is_verified_doctor(env.core.context(env.messenger), CARDIO.id)

    await env.press(MODERATOR, "doc:approve:1")
    assert await doctors.is_verified_doctor(env.core.context(env.messenger), CARDIO.id)
    [edit] = env.edits()
    assert edit.buttons == ()
    assert "Elnur" in edit.text
    assert "#1" in env.last_to(CARDIO.id).text
    again = await env.press(MODERATOR, "doc:reject:1")
    assert not again.alert
    assert len(env.edits()) == 1

    question = await env.ask("kardioloq: ürəyim tez-tez döyünür, +994 50 123 45 67 nömrəmdir")
    ack = env.last_to(GROUP.id)
    assert ack.reply_to == question.message_id
    assert "kardioloq" in ack.text
    offer = env.last_to(CARDIO.id)
    assert [b.data for b in offer.buttons[0]] == ["q:take:1", "q:pass:1"]
    assert "ürəyim tez-tez döyünür" in offer.text
    assert "123 45 67" not in offer.text

    [offer_row] = await env.offers("open")
    await env.press(CARDIO, "q:take:1", chat=private(CARDIO), message_id=offer_row.message_id)
    prompt = env.last_to(CARDIO.id)
    assert "#1" in prompt.text
    [offer_row] = await env.offers("taken")
    assert offer_row.prompt_message_id is not None
    twice_taken = await env.press(CARDIO, "q:take:1", chat=private(CARDIO))
    assert not twice_taken.alert
    assert len(env.to(CARDIO.id)) == 4  # application receipt, approval, offer, one prompt

    await env.say(
        CARDIO,
        "EKQ və Holter çəkdirin, kardioloqa müraciət edin.",
        reply_to=offer_row.prompt_message_id,
    )
    answer = next(m for m in env.to(GROUP.id) if m.buttons)
    assert answer.reply_to == question.message_id
    assert "Rəşad Əliyev" in answer.text
    assert "kardioloq" in answer.text
    assert "✅" in answer.text
    assert [b.data for b in answer.buttons[0]] == ["rate:up:1", "rate:down:1"]
    assert "#1" in env.last_to(CARDIO.id).text

    other = await env.press(STRANGER, "rate:down:1", chat=GROUP)
    assert other.alert
    thanks = await env.press(PATIENT, "rate:up:1", chat=GROUP)
    assert not thanks.alert
    twice = await env.press(PATIENT, "rate:down:1", chat=GROUP)
    assert twice.text != thanks.text
    async with env.db.session() as session:
        [standing] = await repo.standings(session, env.clock())
        question_row = await repo.get_question(session, 1)
    assert (standing.answers, standing.up, standing.down) == (1, 1, 0)
    assert question_row is not None
    assert question_row.status == "answered"
    assert question_row.answered_at is not None

    await env.say(STRANGER, "/doctors", chat=GROUP)
    listing = env.last_to(GROUP.id).text
    assert "Rəşad Əliyev" in listing
    assert "№1 Rəşad Əliyev" in listing

    doctor_chat = [a for a in env.messenger.executed if getattr(a, "chat_id", None) == CARDIO.id]
    seen = json.dumps([repr(a) for a in doctor_chat], ensure_ascii=False)
    assert str(PATIENT.id) not in seen
    assert "Aysel" not in seen
    assert "aysel_m" not in seen
    logged = caplog.text
    assert "döyünür" not in logged
    assert "Holter" not in logged
    for user in (PATIENT, CARDIO, MODERATOR, STRANGER):
        assert str(user.id) not in logged


async def test_answer_command_and_several_doctors(env: Env) -> None:
    await env.register(CARDIO, "kardioloq LIC-1 Rəşad Əliyev")
    await env.register(GP, "терапевт 77-123 Нигяр Гасанова")
    await env.ask("kardioloq təzyiqim 160/100-dür, nə etməliyəm?")
    await env.say(CARDIO, "/answer 1 Təzyiqi gündə iki dəfə ölçün və həkimə yazılın.")
    await env.say(GP, "/answer #1 Дополню: ограничьте соль.")
    answers = [m for m in env.to(GROUP.id) if m.buttons]
    assert len(answers) == 2
    assert "Нигяр Гасанова" in answers[1].text
    assert "terapevt" in answers[1].text  # signed in the asker's language
    assert "rate:up:2" in [b.data for b in answers[1].buttons[0]]


async def test_asker_name_never_reaches_the_doctor(env: Env) -> None:
    await env.register(CARDIO, "kardioloq LIC-1 Rəşad Əliyev")
    await env.ask("kardioloq: Mən Aysel, @aysel_m, ürəyim ağrıyır")
    offer = env.last_to(CARDIO.id)
    assert "Aysel" not in offer.text
    assert "aysel_m" not in offer.text
    assert "ürəyim ağrıyır" in offer.text


async def test_reader_picks_the_specialty_and_the_answer_style(db: Database) -> None:
    reader = FakeReader(specialty="cardiology", styles=("instrumental", "affective"))
    env = make_env(db, reader=reader)
    await env.register(CARDIO, "kardioloq LIC-1 Rəşad Əliyev")
    await env.ask("ürəyim sancır")
    assert reader.calls == ["ürəyim sancır"]
    assert env.buttons_to(CARDIO.id)[-2:] == ["q:take:1", "q:pass:1"]
    await env.say(CARDIO, "/answer 1 Narahat olmayın, EKQ çəkdirin.")
    async with env.db.session() as session:
        [answer] = (await session.exec(select(DoctorAnswer))).all()
    assert answer.style == "instrumental,affective"
    await env.core.close()


async def test_routing_answers_and_ratings_reach_the_statistics(db: Database) -> None:
    from storage.stats import StatsAnswerTime, StatsCount, StatsDoctor

    env = make_env(db, reader=FakeReader(styles=("affective",)))
    await env.register(CARDIO, "kardioloq LIC-1 Rəşad Əliyev")
    await env.ask("kardioloq: ürəyim sancır")
    env.clock.advance(minutes=12)
    await env.say(CARDIO, "/answer 1 Narahat olmayın, EKQ çəkdirin.")
    await env.say(CARDIO, "/answer 1 Bir də təzyiqi ölçün.")
    await env.press(PATIENT, "rate:up:1", chat=GROUP)
    async with db.session() as session:
        counts = {(c.metric, c.key): c.n for c in (await session.exec(select(StatsCount))).all()}
        times = (await session.exec(select(StatsAnswerTime))).all()
        ratings = (await session.exec(select(StatsDoctor))).all()
    assert counts[("routed", "cardiology")] == 1
    assert counts[("style", "affective")] == 2
    assert sum(t.n for t in times) == 1, "only the first answer has a time to answer"
    [rating] = ratings
    assert (rating.doctor_id, rating.specialty, rating.up, rating.down) == (1, "cardiology", 1, 0)
    await env.core.close()


# -- applications ------------------------------------------------------------------------------


async def test_guided_application_dialogue(env: Env) -> None:
    await env.say(CARDIO, "/doctor")
    assert "1/3" in env.last_to(CARDIO.id).text
    await env.say(CARDIO, "astroloq")
    assert "astroloq" in env.last_to(CARDIO.id).text
    await env.say(CARDIO, "Göz həkimi")
    assert "2/3" in env.last_to(CARDIO.id).text
    await env.say(CARDIO, "yoxdur")
    assert "LIC-12345" in env.last_to(CARDIO.id).text
    await env.say(CARDIO, "AZ 445566")
    assert "3/3" in env.last_to(CARDIO.id).text
    await env.say(CARDIO, "Rəşad   Əliyev")
    assert "#1" in env.last_to(CARDIO.id).text
    async with env.db.session() as session:
        application = await repo.get_application(session, 1)
    assert application is not None
    assert (application.specialty, application.licence, application.full_name) == (
        "ophthalmology",
        "AZ 445566",
        "Rəşad Əliyev",
    )
    # The dialogue is over: further private texts are not taken for answers to it.
    before = len(env.messenger.executed)
    await env.say(CARDIO, "salam")
    assert len(env.messenger.executed) == before


async def test_dialogue_can_be_cancelled(env: Env) -> None:
    await env.say(CARDIO, "/doctor")
    await env.say(CARDIO, "ЛОР")
    await env.say(CARDIO, "Ləğv")
    assert env.last_to(CARDIO.id).text == text("az", "doc_apply_cancelled")
    assert env.to(MODS.id) == []


@pytest.mark.parametrize(
    ("args", "key"),
    [
        ("astroloq LIC-1 Rəşad Əliyev", "«astroloq»"),
        ("kardioloq", "LIC-12345"),
        ("kardioloq Rəşad Əliyev", "LIC-12345"),
        ("kardioloq LIC-1", "2–100"),
    ],
)
async def test_bad_applications_are_explained(env: Env, args: str, key: str) -> None:
    await env.say(CARDIO, f"/doctor {args}")
    assert key in env.last_to(CARDIO.id).text
    assert env.to(MODS.id) == []


async def test_doctor_command_only_in_private_and_one_pending_application(env: Env) -> None:
    await env.say(CARDIO, "/doctor kardioloq LIC-1 Rəşad Əliyev", chat=GROUP)
    assert env.last_to(GROUP.id).text == text("az", "private_only")
    await env.say(CARDIO, "/doctor kardioloq LIC-1 Rəşad Əliyev")
    await env.say(CARDIO, "/doctor pediatr LIC-2 Rəşad Əliyev")
    assert len(env.to(MODS.id)) == 1
    assert "#1" in env.last_to(CARDIO.id).text


async def test_pending_applications_for_the_moderators(env: Env) -> None:
    ctx = env.core.context(env.messenger)
    assert await doctors.pending_applications_text(ctx, "en") == text("en", "doc_pending_none")
    await env.say(CARDIO, "/doctor kardioloq LIC-1 Rəşad Əliyev")
    listing = await doctors.pending_applications_text(ctx, "en")
    assert "Rəşad Əliyev" in listing
    assert "cardiologist" in listing
    await env.press(MODERATOR, "doc:approve:1")
    assert await doctors.pending_applications_text(ctx, "en") == text("en", "doc_pending_none")
    event = await env.say(MODERATOR, "/pending", chat=MODS)
    assert await doctors.on_pending(event, event.command, ctx)  # type: ignore[arg-type]


async def test_rejection_tells_the_applicant(env: Env) -> None:
    await env.say(CARDIO, "/doctor kardioloq LIC-1 Rəşad Əliyev")
    await env.press(MODERATOR, "doc:reject:1")
    assert env.last_to(CARDIO.id).text == text("az", "doc_rejected", id=1)
    assert not await doctors.is_verified_doctor(env.core.context(env.messenger), CARDIO.id)
    assert env.edits()[-1].buttons == ()


@pytest.mark.parametrize(
    "data", ["doc:approve:999", "doc:approve:x", "doc:frob:1", "q:take:999", "q:x:1", "rate:up:9"]
)
async def test_stale_and_malformed_buttons_are_answered(env: Env, data: str) -> None:
    answer = await env.press(MODERATOR, data)
    assert answer.text


async def test_no_moderators_chat_is_said_honestly(db: Database) -> None:
    env = make_env(db)
    env.core.services.moderation = ModerationConfig(moderator_chat_id=None)
    await env.say(CARDIO, "/doctor kardioloq LIC-1 Rəşad Əliyev")
    assert "⚠️" in env.last_to(CARDIO.id).text
    await env.core.close()


# -- routing -----------------------------------------------------------------------------------


async def test_pass_goes_to_the_next_doctor_and_load_is_spread(env: Env) -> None:
    await env.register(CARDIO, "kardioloq LIC-1 Rəşad Əliyev")
    await env.register(CARDIO2, "cardiologist LIC-2 Leyla Mammadova")
    await env.ask("kardioloq: ürək döyüntüsü")
    first = [o.doctor_id for o in await env.offers("open")]
    await env.ask("kardioloq: təzyiq")
    both = sorted(o.doctor_id for o in await env.offers("open"))
    assert both == [1, 2], "the second question goes to the less loaded doctor"

    holder = CARDIO if first == [1] else CARDIO2
    other = CARDIO2 if holder is CARDIO else CARDIO
    await env.press(holder, "q:pass:1", chat=private(holder))
    assert "q:take:1" in env.buttons_to(other.id)
    again = await env.press(holder, "q:pass:1", chat=private(holder))
    assert not again.alert
    assert len([o for o in await env.offers() if o.question_id == 1]) == 2


async def test_not_taken_in_time_goes_to_the_next_doctor(env: Env) -> None:
    await env.register(CARDIO, "kardioloq LIC-1 Rəşad Əliyev")
    await env.register(CARDIO2, "kardioloq LIC-2 Leyla Mammadova")
    await env.ask("kardioloq: ürək döyüntüsü")
    [first] = await env.offers("open")
    await env.sweep()
    assert len(await env.offers("open")) == 1  # not due yet: nothing moves
    env.clock.advance(minutes=31)
    await env.sweep()
    await env.sweep()
    [expired] = await env.offers("expired")
    [second] = await env.offers("open")
    assert expired.id == first.id
    assert second.doctor_id != first.doctor_id
    assert any("/answer 1" in e.text and e.buttons == () for e in env.edits())
    env.clock.advance(minutes=31)
    await env.sweep()
    assert await env.offers("open") == []  # both doctors had it: queued until someone is free
    async with env.db.session() as session:
        question = await repo.get_question(session, 1)
    assert question is not None
    assert question.status == "queued"
    late = await env.press(CARDIO, "q:take:1", chat=private(CARDIO))
    assert late.alert
    await env.say(CARDIO, "/answer 1 Gecikdim, amma: EKQ çəkdirin.")
    assert any(m.buttons for m in env.to(GROUP.id))


async def test_taken_but_unanswered_also_goes_to_a_colleague(env: Env) -> None:
    await env.register(CARDIO, "kardioloq LIC-1 Rəşad Əliyev")
    await env.register(CARDIO2, "kardioloq LIC-2 Leyla Mammadova")
    await env.ask("kardioloq: ürək döyüntüsü")
    [first] = await env.offers("open")
    holder = CARDIO if first.doctor_id == 1 else CARDIO2
    await env.press(holder, "q:take:1", chat=private(holder))
    env.clock.advance(minutes=31)
    await env.sweep()
    assert len(await env.offers("taken")) == 1
    env.clock.advance(minutes=100)
    await env.sweep()
    assert len(await env.offers("lapsed")) == 1
    assert len(await env.offers("open")) == 1


async def test_no_specialist_falls_back_to_general_then_queue(env: Env) -> None:
    await env.ask("pediatr: uşağımın qızdırması var")
    assert env.last_to(GROUP.id).text == text("az", "doc_ask_queued")
    await env.register(GP, "terapevt LIC-9 Nigar Həsənova")
    assert "q:take:1" in env.buttons_to(GP.id), "a queued question reaches a new doctor"
    await env.ask("dermatoloq: səpki var")
    ack = env.last_to(GROUP.id).text
    assert "dermatoloq" in ack
    assert "terapevt" in ack
    assert "q:take:2" in env.buttons_to(GP.id)


async def test_away_and_available(env: Env) -> None:
    await env.register(CARDIO, "kardioloq LIC-1 Rəşad Əliyev")
    await env.ask("kardioloq: ürək döyüntüsü")
    await env.say(CARDIO, "/away")
    assert env.last_to(CARDIO.id).text == text("az", "doc_now_away")
    assert await env.offers("open") == []
    assert len(await env.offers("withdrawn")) == 1
    await env.ask("kardioloq: təzyiq")
    assert env.last_to(GROUP.id).text == text("az", "doc_ask_queued")
    await env.say(CARDIO, "/available")
    assert "q:take:2" in env.buttons_to(CARDIO.id)
    await env.say(STRANGER, "/available")
    assert env.last_to(STRANGER.id).text == text("ru", "doc_not_doctor")


async def test_revoked_doctor_gets_nothing(env: Env) -> None:
    await env.register(CARDIO, "kardioloq LIC-1 Rəşad Əliyev")
    await env.register(CARDIO2, "kardioloq LIC-2 Leyla Mammadova")
    await env.ask("kardioloq: ürək döyüntüsü")
    [offer] = await env.offers("open")
    target = CARDIO if offer.doctor_id == 1 else CARDIO2
    colleague = CARDIO2 if target is CARDIO else CARDIO
    await env.say(PATIENT, f"/revoke {offer.doctor_id}", chat=MODS)
    assert env.last_to(MODS.id).text == text("az", "doc_mods_chat_only", command="/revoke")
    await env.say(MODERATOR, f"/revoke {offer.doctor_id}", chat=GROUP)
    assert env.last_to(GROUP.id).text == text("az", "doc_mods_chat_only", command="/revoke")
    await env.say(MODERATOR, "/revoke", chat=MODS)
    assert env.last_to(MODS.id).text == text("az", "doc_revoke_usage")
    await env.say(MODERATOR, "/revoke 99", chat=MODS)
    assert "#99" in env.last_to(MODS.id).text

    await env.say(MODERATOR, f"/revoke {offer.doctor_id}", chat=MODS)
    assert f"#{offer.doctor_id}" in env.last_to(MODS.id).text
    assert env.last_to(target.id).text == text(target.language or "az", "doc_revoked_notice")
    assert "q:take:1" in env.buttons_to(colleague.id), "the question moves on"
    sent_before = len(env.to(target.id))
    await env.ask("kardioloq: təzyiq")
    await env.sweep()
    assert len(env.to(target.id)) == sent_before
    await env.say(target, "/answer 1 cavab")
    assert env.last_to(target.id).text == text(target.language or "az", "doc_not_verified")
    taken = await env.press(target, "q:take:1", chat=private(target))
    assert taken.alert
    await env.say(MODERATOR, f"/revoke {offer.doctor_id}", chat=MODS)
    assert "#" in env.last_to(MODS.id).text


async def test_verification_expires_and_is_renewed(env: Env) -> None:
    await env.register(CARDIO, "kardioloq LIC-1 Rəşad Əliyev")
    env.clock.advance(days=366)
    await env.sweep()
    assert env.last_to(CARDIO.id).text == text("az", "doc_expired_notice")
    await env.say(CARDIO, "/available")
    assert env.last_to(CARDIO.id).text == text("az", "doc_not_verified")
    await env.say(CARDIO, "/doctor kardioloq LIC-1 Rəşad Əliyev")
    assert "#1" in env.last_to(MODS.id).text  # shown as a renewal of doctor #1
    await env.press(MODERATOR, "doc:approve:2")
    async with env.db.session() as session:
        doctor = await repo.doctor_of_user(session, CARDIO.id)
    assert doctor is not None
    assert doctor.id == 1
    assert doctor.is_verified(env.clock())


# -- bad input ---------------------------------------------------------------------------------


async def test_answer_and_ask_bad_input(env: Env) -> None:
    await env.say(STRANGER, "/answer 1 text")
    assert env.last_to(STRANGER.id).text == text("ru", "doc_not_doctor")
    await env.register(CARDIO, "kardioloq LIC-1 Rəşad Əliyev")
    await env.say(CARDIO, "/answer")
    assert env.last_to(CARDIO.id).text == text("az", "doc_answer_usage")
    await env.say(CARDIO, "/answer abc text")
    assert env.last_to(CARDIO.id).text == text("az", "doc_answer_usage")
    await env.say(CARDIO, "/answer 42 text")
    assert env.last_to(CARDIO.id).text == text("az", "doc_no_such_question", id=42)
    await env.ask("kardioloq: sual")
    await env.say(CARDIO, "/answer 1")
    assert env.last_to(CARDIO.id).text == text("az", "doc_answer_empty")
    await env.say(CARDIO, "/answer 1 " + "ə" * 4000)
    assert "4000" in env.last_to(CARDIO.id).text
    await env.say(PATIENT, "/ask", chat=GROUP)
    assert env.last_to(GROUP.id).text == text("az", "doc_ask_usage")
    await env.say(PATIENT, "/ask salam", chat=private(PATIENT))
    assert env.last_to(PATIENT.id).text == text("az", "doc_ask_not_here")
    await env.say(STRANGER, "/doctors astroloq", chat=GROUP)
    assert "astroloq" in env.last_to(GROUP.id).text
    await env.say(STRANGER, "/doctors педиатр", chat=GROUP)
    assert env.last_to(GROUP.id).text == text(
        "ru", "doc_list_empty_specialty", specialty="педиатр"
    )


async def test_private_text_that_is_not_for_doctors_is_left_alone(env: Env) -> None:
    ctx = env.core.context(env.messenger)
    event = await env.say(PATIENT, "salam")
    assert await doctors.on_private_text(event, ctx) is None
    reply = MessageEvent(
        update_id=next(_updates),
        chat=private(PATIENT),
        sender=PATIENT,
        message_id=next(_messages),
        date=datetime.now(UTC),
        text="cavab",
        reply_to=ReplyRef(5, None, from_bot=True),
    )
    assert await doctors.on_private_text(reply, ctx) is None


async def test_reply_before_the_offer_id_is_stored_is_still_an_answer(env: Env) -> None:
    await env.register(CARDIO, "kardioloq LIC-1 Rəşad Əliyev")
    await env.ask("kardioloq: ürəyim sancır")
    offer = env.last_to(CARDIO.id)
    ctx = env.core.context(env.messenger)

    def reply_to(text: str, user: User = CARDIO) -> MessageEvent:
        return MessageEvent(
            update_id=next(_updates),
            chat=private(user),
            sender=user,
            message_id=next(_messages),
            date=datetime.now(UTC),
            text="EKQ çəkdirin",
            reply_to=ReplyRef(999_999, None, from_bot=True, text=text),
        )

    receipt = text("az", "doc_apply_received", id=1)
    assert await doctors.on_private_text(reply_to(receipt), ctx) is None
    assert await doctors.on_private_text(reply_to(offer.text, STRANGER), ctx) is None
    assert await doctors.on_private_text(reply_to(offer.text), ctx) == []
    assert any(m.buttons for m in env.to(GROUP.id))


def heart_question(message_id: int) -> MessageEvent:
    """A patient's group question, as `route_question` receives it."""
    return MessageEvent(
        update_id=next(_updates),
        chat=GROUP,
        sender=PATIENT,
        message_id=message_id,
        date=datetime.now(UTC),
        text="ürəyim ağrıyır, nə edim?",
    )


async def test_route_question_is_idempotent_per_message(env: Env) -> None:
    await env.register(CARDIO, "kardioloq LIC-1 Rəşad Əliyev")
    ctx = env.core.context(env.messenger)
    event = heart_question(555)
    first: list[Action] = await doctors.route_question(event, "cardiology", event.text, ctx)
    second = await doctors.route_question(event, "cardiology", event.text, ctx)
    assert len(first) == 1
    assert second == []
    assert len(await env.offers()) == 1
    unknown = MessageEvent(
        update_id=next(_updates), chat=GROUP, sender=None, message_id=556, date=event.date
    )
    await doctors.route_question(unknown, "astrology", "sual", ctx)
    async with env.db.session() as session:
        question = await repo.question_of_message(session, GROUP.id, 556)
    assert question is not None
    assert question.specialty == "general"


async def test_ask_is_not_called_queued_when_a_sweep_offered_it_first(
    env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The sweep after a doctor's approval lists queued questions; a question inserted just then
    # is offered by the sweep, and our own routing finds it taken. The asker must hear that it
    # went to a cardiologist, not "no doctor is free".
    await env.register(CARDIO, "kardioloq LIC-1 Rəşad Əliyev")
    ctx = env.core.context(env.messenger)
    real = doctors._offer_next

    async def sweep_first(c: Any, question_id: int) -> Any:
        await real(c, question_id)  # the sweep's routing
        return await real(c, question_id)  # ours: already offered, so None

    monkeypatch.setattr(doctors, "_offer_next", sweep_first)
    event = heart_question(557)
    actions: list[Any] = await doctors.route_question(event, "cardiology", event.text, ctx)
    assert actions[0].text != text("az", "doc_ask_queued")
    assert "kardioloq" in actions[0].text
    assert len(await env.offers("open")) == 1


async def test_two_instances_never_offer_one_question_twice(db: Database, state) -> None:
    """Two bots sharing the database and the state store route the same question at once."""
    one, two = make_env(db, state), make_env(db, state)
    await one.register(CARDIO, "kardioloq LIC-1 Rəşad Əliyev")
    await one.register(CARDIO2, "kardioloq LIC-2 Leyla Mammadova")
    await one.say(CARDIO, "/away")
    await one.say(CARDIO2, "/away")
    await one.ask("kardioloq: ürək döyüntüsü")
    async with db.session() as session:
        await repo.set_available(session, 1, True)
        await repo.set_available(session, 2, True)
    await asyncio.gather(one.sweep(), two.sweep(), one.sweep(), two.sweep())
    for _ in range(3):
        await asyncio.gather(
            doctors._offer_next(one.core.context(one.messenger), 1),
            doctors._offer_next(two.core.context(two.messenger), 1),
        )
    assert len(await one.offers("open")) == 1
    await one.core.close()
    await two.core.close()


async def test_old_question_texts_are_forgotten(env: Env) -> None:
    await env.register(CARDIO, "kardioloq LIC-1 Rəşad Əliyev")
    await env.ask("kardioloq: sual")
    await env.say(CARDIO, "/answer 1 cavab")
    env.clock.advance(days=31)
    await env.sweep()
    async with env.db.session() as session:
        question = await session.get(Question, 1)
    assert question is not None
    assert question.redacted_text == ""


# -- demo and CLI ------------------------------------------------------------------------------


async def test_console_demo_routes_and_answers_a_question(tmp_path: Path) -> None:
    from bot.app import build_app
    from bot.config import Settings
    from bot.demo import MODERATORS, Demo

    settings = Settings.model_validate(
        {
            "storage": {"data_dir": tmp_path},
            "moderation": {"moderator_chat_id": MODERATORS.id},
        }
    )
    app = await build_app(settings)
    out = io.StringIO()
    lines = [
        "@doctor dm /doctor kardioloq LIC-123 Rəşad Əliyev",
        "@moderator press doc:approve:1",
        "@patient /ask kardioloq: ürəyim tez-tez döyünür, nə etməliyəm?",
        "@doctor press q:take:1",
        "dm /answer 1 EKQ çəkdirin və kardioloqa yazılın.",
        "@patient press rate:up:1",
        "press rate:up:1",
    ]
    try:
        await Demo(app, out).run(lines)
    finally:
        await app.close()
    shown = out.getvalue()
    assert "q:take:1" in shown
    assert "EKQ çəkdirin" in shown
    assert "Rəşad Əliyev" in shown
    assert text("az", "doc_rate_thanks") in shown
    assert text("az", "doc_rate_already") in shown
    assert text("az", "doc_only_moderators") not in shown


def test_doctors_cli_lists_the_registry_as_json(tmp_path: Path, monkeypatch) -> None:
    from typer.testing import CliRunner

    from bot.cli import cli

    async def seed() -> None:
        database = Database.from_url(f"sqlite+aiosqlite:///{tmp_path}/medguard.db")
        await database.upgrade()
        env = make_env(database)
        await env.register(CARDIO, "kardioloq LIC-1 Rəşad Əliyev")
        await env.ask("kardioloq: sual")
        await env.say(CARDIO, "/answer 1 cavab")
        await env.press(PATIENT, "rate:up:1", chat=GROUP)
        await env.core.close()
        await database.close()

    asyncio.run(seed())
    monkeypatch.setenv("MEDGUARD_STORAGE_DATA_DIR", str(tmp_path))
    result = CliRunner().invoke(cli, ["doctors", "--format", "json"])
    assert result.exit_code == 0, result.output
    [row] = json.loads(result.output)["doctors"]
    assert row["full_name"] == "Rəşad Əliyev"
    assert (row["specialty"], row["status"], row["answers"], row["helpful"]) == (
        "cardiology",
        "verified",
        1,
        1,
    )
    assert str(CARDIO.id) not in result.output
    table = CliRunner().invoke(cli, ["doctors", "--specialty", "кардиолог"])
    assert table.exit_code == 0
    assert "Rəşad Əliyev" in table.output
    bad = CliRunner().invoke(cli, ["doctors", "--specialty", "astroloq"])
    assert bad.exit_code == 2
