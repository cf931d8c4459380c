"""Doctors' registry, routed questions, offers, relayed answers and ratings; repositories.

Repository functions take the session explicitly. Decisions that two instances (or a double
press) could race on are single conditional UPDATEs or INSERT ... ON CONFLICT DO NOTHING, so the
database itself lets exactly one of them win.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Column, ForeignKey, Integer, UniqueConstraint, case, func, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Field, SQLModel, col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import UTCDateTime, _big, _when, utcnow

# Offer states. `open` waits for take/pass; `taken` waits for the answer; the rest are final.
OPEN, TAKEN, PASSED, EXPIRED, LAPSED, ANSWERED, WITHDRAWN, FAILED = (
    "open",
    "taken",
    "passed",
    "expired",
    "lapsed",
    "answered",
    "withdrawn",
    "failed",
)
ACTIVE_OFFER_STATES = (OPEN, TAKEN)
# Question states: waiting for a doctor, with one, answered (may still get more answers), closed.
QUEUED, OFFERED, Q_TAKEN, Q_ANSWERED, CLOSED = "queued", "offered", "taken", "answered", "closed"
VERIFIED, REVOKED, EXPIRED_DOCTOR = "verified", "revoked", "expired"


def _maybe_when() -> Column[datetime]:
    return Column(UTCDateTime(), nullable=True)


def _ref(target: str, *, index: bool = True, unique: bool = False) -> Column[int]:
    return Column(Integer, ForeignKey(target), nullable=False, index=index, unique=unique)


class Doctor(SQLModel, table=True):
    """A doctor in the registry; verified until `expires_at` unless revoked."""

    __tablename__ = "doctor"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column=_big(index=True))
    full_name: str
    specialty: str = Field(index=True)
    licence: str
    language: str = "az"
    status: str = VERIFIED
    available: bool = True
    verified_at: datetime = Field(default_factory=utcnow, sa_column=_when())
    expires_at: datetime = Field(sa_column=_when(index=True))
    last_offered_at: datetime | None = Field(default=None, sa_column=_maybe_when())
    created_at: datetime = Field(default_factory=utcnow, sa_column=_when())

    def is_verified(self, now: datetime) -> bool:
        """Verified and not expired at `now`."""
        return self.status == VERIFIED and self.expires_at > now


class DoctorApplication(SQLModel, table=True):
    """An application to the registry, decided by a moderator."""

    __tablename__ = "doctor_application"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column=_big(index=True))
    full_name: str
    specialty: str
    licence: str
    language: str = "az"
    # How moderators can recognise the applicant (first name and @username), not an id.
    contact: str = ""
    status: str = Field(default="pending", index=True)
    decided_by: int | None = Field(default=None, sa_column=_big(nullable=True))
    mod_chat_id: int | None = Field(default=None, sa_column=_big(nullable=True))
    mod_message_id: int | None = Field(default=None, sa_column=_big(nullable=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_when())
    decided_at: datetime | None = Field(default=None, sa_column=_maybe_when())


class Question(SQLModel, table=True):
    """A patient's question routed to doctors; holds the redacted text only."""

    __tablename__ = "question"
    __table_args__ = (UniqueConstraint("chat_id", "message_id", name="uq_question_message"),)

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=_big())
    message_id: int = Field(sa_column=_big())
    thread_id: int | None = Field(default=None, sa_column=_big(nullable=True))
    # Only to accept the asker's rating; never shown to doctors or exported.
    asker_id: int | None = Field(default=None, sa_column=_big(nullable=True))
    specialty: str
    redacted_text: str
    language: str = "az"
    source: str = "ask"
    status: str = Field(default=QUEUED, index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_when(index=True))
    answered_at: datetime | None = Field(default=None, sa_column=_maybe_when())


class QuestionOffer(SQLModel, table=True):
    """A question offered privately to one doctor; at most one active offer per question."""

    __tablename__ = "question_offer"
    __table_args__ = (
        UniqueConstraint("question_id", "doctor_id", name="uq_offer_question_doctor"),
    )

    id: int | None = Field(default=None, primary_key=True)
    question_id: int = Field(sa_column=_ref("question.id"))
    doctor_id: int = Field(sa_column=_ref("doctor.id"))
    chat_id: int = Field(sa_column=_big())
    message_id: int | None = Field(default=None, sa_column=_big(nullable=True))
    prompt_message_id: int | None = Field(default=None, sa_column=_big(nullable=True))
    state: str = Field(default=OPEN, index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_when())
    expires_at: datetime = Field(sa_column=_when(index=True))
    decided_at: datetime | None = Field(default=None, sa_column=_maybe_when())


class DoctorAnswer(SQLModel, table=True):
    """A doctor's answer posted in the group (the text itself is not kept)."""

    __tablename__ = "doctor_answer"

    id: int | None = Field(default=None, primary_key=True)
    question_id: int = Field(sa_column=_ref("question.id"))
    doctor_id: int = Field(sa_column=_ref("doctor.id"))
    chat_id: int = Field(sa_column=_big())
    message_id: int | None = Field(default=None, sa_column=_big(nullable=True))
    style: str = ""
    created_at: datetime = Field(default_factory=utcnow, sa_column=_when(index=True))


class AnswerRating(SQLModel, table=True):
    """The asker's vote on an answer."""

    __tablename__ = "answer_rating"
    __table_args__ = (UniqueConstraint("answer_id", "voter_id", name="uq_rating_answer_voter"),)

    id: int | None = Field(default=None, primary_key=True)
    answer_id: int = Field(sa_column=_ref("doctor_answer.id"))
    voter_id: int = Field(sa_column=_big())
    helpful: bool
    created_at: datetime = Field(default_factory=utcnow, sa_column=_when())


@dataclass(frozen=True, slots=True)
class DoctorStanding:
    """A doctor with counts for the public list and the CLI."""

    doctor: Doctor
    answers: int
    up: int
    down: int

    @property
    def score(self) -> float:
        """Wilson lower bound of the helpful share."""
        return wilson_lower_bound(self.up, self.up + self.down)


def wilson_lower_bound(positive: int, total: int, z: float = 1.96) -> float:
    """Lower bound of the 95% Wilson interval: few votes cannot outrank many good ones."""
    if total <= 0:
        return 0.0
    p = positive / total
    z2 = z * z
    centre = p + z2 / (2 * total)
    margin = z * math.sqrt(p * (1 - p) / total + z2 / (4 * total * total))
    return max(0.0, (centre - margin) / (1 + z2 / total))


def _rowcount(result: Any) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


async def _insert_ignore(
    session: AsyncSession, table: type[SQLModel], values: dict[str, Any]
) -> bool:
    """INSERT that does nothing on a unique conflict; True when a row was inserted."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(table.__table__).values(**values).on_conflict_do_nothing()  # type: ignore[attr-defined]
    return _rowcount(await session.exec(statement)) == 1


# -- applications ------------------------------------------------------------------------------


async def add_application(
    session: AsyncSession, application: DoctorApplication
) -> DoctorApplication:
    """Store an application and return it with its id."""
    session.add(application)
    await session.flush()
    await session.refresh(application)
    return application


async def get_application(session: AsyncSession, application_id: int) -> DoctorApplication | None:
    """An application by id."""
    return await session.get(DoctorApplication, application_id)


async def pending_application_of(session: AsyncSession, user_id: int) -> DoctorApplication | None:
    """The user's undecided application, if any."""
    statement = select(DoctorApplication).where(
        col(DoctorApplication.user_id) == user_id, col(DoctorApplication.status) == "pending"
    )
    return (await session.exec(statement)).first()


async def pending_applications(
    session: AsyncSession, limit: int = 30
) -> Sequence[DoctorApplication]:
    """Undecided applications, oldest first."""
    statement = (
        select(DoctorApplication)
        .where(col(DoctorApplication.status) == "pending")
        .order_by(col(DoctorApplication.id))
        .limit(limit)
    )
    return (await session.exec(statement)).all()


async def claim_application(
    session: AsyncSession, application_id: int, status: str, moderator_id: int, at: datetime
) -> bool:
    """Decide a pending application; False when it was already decided."""
    result = await session.exec(
        update(DoctorApplication)
        .where(
            col(DoctorApplication.id) == application_id, col(DoctorApplication.status) == "pending"
        )
        .values(status=status, decided_by=moderator_id, decided_at=at)
    )
    return _rowcount(result) == 1


async def set_application_message(
    session: AsyncSession, application_id: int, chat_id: int, message_id: int
) -> None:
    """Remember where the application was posted for the moderators."""
    await session.exec(
        update(DoctorApplication)
        .where(col(DoctorApplication.id) == application_id)
        .values(mod_chat_id=chat_id, mod_message_id=message_id)
    )


# -- doctors -----------------------------------------------------------------------------------


async def get_doctor(session: AsyncSession, doctor_id: int) -> Doctor | None:
    """A doctor by registry id."""
    return await session.get(Doctor, doctor_id)


async def doctor_of_user(session: AsyncSession, user_id: int) -> Doctor | None:
    """The registry entry of a Telegram user, if any."""
    statement = select(Doctor).where(col(Doctor.user_id) == user_id).order_by(col(Doctor.id))
    return (await session.exec(statement)).first()


async def approve(
    session: AsyncSession, application: DoctorApplication, at: datetime, days: int
) -> Doctor:
    """Verify the applicant (a new entry, or a renewal of theirs) for `days` days."""
    doctor = await doctor_of_user(session, application.user_id)
    if doctor is None:
        doctor = Doctor(
            user_id=application.user_id,
            full_name=application.full_name,
            specialty=application.specialty,
            licence=application.licence,
            expires_at=at,
            created_at=at,
        )
    doctor.full_name = application.full_name
    doctor.specialty = application.specialty
    doctor.licence = application.licence
    doctor.language = application.language
    doctor.status = VERIFIED
    doctor.available = True
    doctor.verified_at = at
    doctor.expires_at = at + timedelta(days=days)
    session.add(doctor)
    await session.flush()
    await session.refresh(doctor)
    return doctor


async def set_doctor_status(session: AsyncSession, doctor_id: int, status: str) -> bool:
    """Change a verified doctor's status (revoked, expired); False when not verified."""
    result = await session.exec(
        update(Doctor)
        .where(col(Doctor.id) == doctor_id, col(Doctor.status) == VERIFIED)
        .values(status=status, available=False)
    )
    return _rowcount(result) == 1


async def set_available(session: AsyncSession, doctor_id: int, available: bool) -> None:
    """Set whether a doctor receives routed questions."""
    await session.exec(
        update(Doctor).where(col(Doctor.id) == doctor_id).values(available=available)
    )


async def lapsed_doctors(session: AsyncSession, now: datetime) -> Sequence[Doctor]:
    """Doctors still marked verified whose verification has run out."""
    statement = select(Doctor).where(col(Doctor.status) == VERIFIED, col(Doctor.expires_at) <= now)
    return (await session.exec(statement)).all()


async def next_doctor(
    session: AsyncSession, specialty: str, question: Question, now: datetime
) -> Doctor | None:
    """The available verified doctor of `specialty` to offer `question` to next.

    Least loaded first (open and taken offers), then the one offered a question longest ago,
    so load stays even over time without flooding a doctor who just came back; never a doctor
    who already had this question, nor the asker.
    """
    load = (
        select(QuestionOffer.doctor_id, func.count().label("n"))
        .where(col(QuestionOffer.state).in_(ACTIVE_OFFER_STATES))
        .group_by(col(QuestionOffer.doctor_id))
        .subquery()
    )
    tried = select(QuestionOffer.doctor_id).where(col(QuestionOffer.question_id) == question.id)
    current = func.coalesce(load.c.n, 0)
    statement = (
        select(Doctor)
        .outerjoin(load, load.c.doctor_id == Doctor.id)
        .where(
            col(Doctor.status) == VERIFIED,
            col(Doctor.expires_at) > now,
            col(Doctor.available).is_(True),
            col(Doctor.specialty) == specialty,
            col(Doctor.id).not_in(tried),
        )
        .order_by(current, col(Doctor.last_offered_at).asc().nulls_first(), col(Doctor.id))
    )
    if question.asker_id is not None:
        statement = statement.where(col(Doctor.user_id) != question.asker_id)
    return (await session.exec(statement.limit(1))).first()


async def standings(
    session: AsyncSession, now: datetime | None = None, specialty: str | None = None
) -> list[DoctorStanding]:
    """Doctors with answer and vote counts; only those verified at `now` when it is given."""
    answers = (
        select(DoctorAnswer.doctor_id, func.count().label("n"))
        .where(col(DoctorAnswer.message_id).is_not(None))
        .group_by(col(DoctorAnswer.doctor_id))
        .subquery()
    )
    votes = (
        select(
            DoctorAnswer.doctor_id,
            func.sum(case((col(AnswerRating.helpful).is_(True), 1), else_=0)).label("up"),
            func.count().label("n"),
        )
        .join(AnswerRating, col(AnswerRating.answer_id) == col(DoctorAnswer.id))
        .group_by(col(DoctorAnswer.doctor_id))
        .subquery()
    )
    statement = (
        select(
            Doctor,
            func.coalesce(answers.c.n, 0),
            func.coalesce(votes.c.up, 0),
            func.coalesce(votes.c.n, 0),
        )
        .outerjoin(answers, answers.c.doctor_id == Doctor.id)
        .outerjoin(votes, votes.c.doctor_id == Doctor.id)
        .order_by(col(Doctor.specialty), col(Doctor.id))
    )
    if now is not None:
        statement = statement.where(col(Doctor.status) == VERIFIED, col(Doctor.expires_at) > now)
    if specialty is not None:
        statement = statement.where(col(Doctor.specialty) == specialty)
    rows = (await session.exec(statement)).all()
    return [
        DoctorStanding(doctor, int(n), int(up), int(total) - int(up))
        for doctor, n, up, total in rows
    ]


# -- questions and offers ----------------------------------------------------------------------


async def add_question(session: AsyncSession, question: Question) -> Question | None:
    """Store a question; None when one already exists for that message (a redelivery)."""
    values = question.model_dump(exclude={"id"})
    if not await _insert_ignore(session, Question, values):
        return None
    return await question_of_message(session, question.chat_id, question.message_id)


async def question_of_message(
    session: AsyncSession, chat_id: int, message_id: int
) -> Question | None:
    """The question asked by a group message."""
    statement = select(Question).where(
        col(Question.chat_id) == chat_id, col(Question.message_id) == message_id
    )
    return (await session.exec(statement)).first()


async def get_question(session: AsyncSession, question_id: int) -> Question | None:
    """A question by id."""
    return await session.get(Question, question_id)


async def set_question_status(
    session: AsyncSession, question_id: int, status: str, answered_at: datetime | None = None
) -> bool:
    """Move a question on; True when `answered_at` was recorded (its first answer)."""
    await session.exec(
        update(Question).where(col(Question.id) == question_id).values(status=status)
    )
    if answered_at is None:
        return False
    result = await session.exec(
        update(Question)
        .where(col(Question.id) == question_id, col(Question.answered_at).is_(None))
        .values(answered_at=answered_at)
    )
    return _rowcount(result) == 1


async def waiting_questions(
    session: AsyncSession, since: datetime, limit: int = 50
) -> Sequence[Question]:
    """Unanswered questions newer than `since` with no active offer (queued or orphaned)."""
    active = select(QuestionOffer.question_id).where(
        col(QuestionOffer.state).in_(ACTIVE_OFFER_STATES)
    )
    statement = (
        select(Question)
        .where(
            col(Question.status).in_((QUEUED, OFFERED, Q_TAKEN)),
            col(Question.created_at) >= since,
            col(Question.id).not_in(active),
        )
        .order_by(col(Question.id))
        .limit(limit)
    )
    return (await session.exec(statement)).all()


async def close_stale_questions(session: AsyncSession, before: datetime) -> int:
    """Give up on questions nobody took for too long; returns how many."""
    result = await session.exec(
        update(Question)
        .where(col(Question.status) == QUEUED, col(Question.created_at) < before)
        .values(status=CLOSED)
    )
    return _rowcount(result)


async def forget_texts(session: AsyncSession, before: datetime) -> int:
    """Blank the redacted text of questions older than the retention period."""
    result = await session.exec(
        update(Question)
        .where(col(Question.created_at) < before, col(Question.redacted_text) != "")
        .where(col(Question.status).in_((Q_ANSWERED, CLOSED)))
        .values(redacted_text="")
    )
    return _rowcount(result)


async def has_active_offer(session: AsyncSession, question_id: int) -> bool:
    """Whether a doctor currently holds the question (open or taken)."""
    statement = select(QuestionOffer.id).where(
        col(QuestionOffer.question_id) == question_id,
        col(QuestionOffer.state).in_(ACTIVE_OFFER_STATES),
    )
    return (await session.exec(statement)).first() is not None


async def active_offer_doctor(session: AsyncSession, question_id: int) -> Doctor | None:
    """The doctor who currently holds the question (open or taken offer), if any."""
    statement = (
        select(Doctor)
        .join(QuestionOffer, col(QuestionOffer.doctor_id) == col(Doctor.id))
        .where(
            col(QuestionOffer.question_id) == question_id,
            col(QuestionOffer.state).in_(ACTIVE_OFFER_STATES),
        )
    )
    return (await session.exec(statement)).first()


async def add_offer(session: AsyncSession, offer: QuestionOffer) -> QuestionOffer | None:
    """Store an offer; None when this doctor already had this question."""
    if not await _insert_ignore(session, QuestionOffer, offer.model_dump(exclude={"id"})):
        return None
    statement = select(QuestionOffer).where(
        col(QuestionOffer.question_id) == offer.question_id,
        col(QuestionOffer.doctor_id) == offer.doctor_id,
    )
    return (await session.exec(statement)).first()


async def get_offer(session: AsyncSession, offer_id: int) -> QuestionOffer | None:
    """An offer by id."""
    return await session.get(QuestionOffer, offer_id)


async def offer_for(
    session: AsyncSession, question_id: int, doctor_id: int
) -> QuestionOffer | None:
    """The offer of a question to a doctor."""
    statement = select(QuestionOffer).where(
        col(QuestionOffer.question_id) == question_id, col(QuestionOffer.doctor_id) == doctor_id
    )
    return (await session.exec(statement)).first()


async def offer_of_message(
    session: AsyncSession, chat_id: int, message_id: int
) -> QuestionOffer | None:
    """The offer whose message (or prompt after taking) is `message_id` in a doctor's chat."""
    statement = select(QuestionOffer).where(
        col(QuestionOffer.chat_id) == chat_id,
        (col(QuestionOffer.message_id) == message_id)
        | (col(QuestionOffer.prompt_message_id) == message_id),
    )
    return (await session.exec(statement)).first()


async def set_offer_messages(
    session: AsyncSession,
    offer_id: int,
    *,
    message_id: int | None = None,
    prompt_message_id: int | None = None,
) -> None:
    """Remember the offer message or the prompt sent after taking."""
    values: dict[str, Any] = {}
    if message_id is not None:
        values["message_id"] = message_id
    if prompt_message_id is not None:
        values["prompt_message_id"] = prompt_message_id
    if values:
        await session.exec(
            update(QuestionOffer).where(col(QuestionOffer.id) == offer_id).values(values)
        )


async def move_offer(
    session: AsyncSession,
    offer_id: int,
    from_states: Sequence[str],
    to_state: str,
    *,
    at: datetime,
    expires_at: datetime | None = None,
) -> bool:
    """Change an offer's state if it is in one of `from_states`; False when it was not."""
    values: dict[str, Any] = {"state": to_state, "decided_at": at}
    if expires_at is not None:
        values["expires_at"] = expires_at
    result = await session.exec(
        update(QuestionOffer)
        .where(col(QuestionOffer.id) == offer_id, col(QuestionOffer.state).in_(from_states))
        .values(values)
    )
    return _rowcount(result) == 1


async def due_offers(
    session: AsyncSession, now: datetime, limit: int = 100
) -> Sequence[QuestionOffer]:
    """Active offers whose time ran out."""
    statement = (
        select(QuestionOffer)
        .where(
            col(QuestionOffer.state).in_(ACTIVE_OFFER_STATES),
            col(QuestionOffer.expires_at) <= now,
        )
        .order_by(col(QuestionOffer.id))
        .limit(limit)
    )
    return (await session.exec(statement)).all()


async def active_offers_of(
    session: AsyncSession, doctor_id: int, states: Sequence[str] = ACTIVE_OFFER_STATES
) -> Sequence[QuestionOffer]:
    """A doctor's offers in `states`."""
    statement = select(QuestionOffer).where(
        col(QuestionOffer.doctor_id) == doctor_id, col(QuestionOffer.state).in_(states)
    )
    return (await session.exec(statement)).all()


async def offers_of_question(
    session: AsyncSession, question_id: int, states: Sequence[str]
) -> Sequence[QuestionOffer]:
    """A question's offers in `states`."""
    statement = select(QuestionOffer).where(
        col(QuestionOffer.question_id) == question_id, col(QuestionOffer.state).in_(states)
    )
    return (await session.exec(statement)).all()


async def mark_offered(session: AsyncSession, doctor_id: int, at: datetime) -> None:
    """Note when a doctor was last offered a question (round-robin among equals)."""
    await session.exec(
        update(Doctor).where(col(Doctor.id) == doctor_id).values(last_offered_at=at)
    )


# -- answers and ratings -----------------------------------------------------------------------


async def add_answer(session: AsyncSession, answer: DoctorAnswer) -> DoctorAnswer:
    """Store an answer (before posting it, to put its id on the rating buttons)."""
    session.add(answer)
    await session.flush()
    await session.refresh(answer)
    return answer


async def get_answer(session: AsyncSession, answer_id: int) -> DoctorAnswer | None:
    """An answer by id."""
    return await session.get(DoctorAnswer, answer_id)


async def set_answer_message(session: AsyncSession, answer_id: int, message_id: int) -> None:
    """Remember the group message that carries the answer."""
    await session.exec(
        update(DoctorAnswer).where(col(DoctorAnswer.id) == answer_id).values(message_id=message_id)
    )


async def delete_answer(session: AsyncSession, answer_id: int) -> None:
    """Drop an answer that could not be posted."""
    answer = await session.get(DoctorAnswer, answer_id)
    if answer is not None:
        await session.delete(answer)


async def add_rating(
    session: AsyncSession, answer_id: int, voter_id: int, helpful: bool, at: datetime
) -> bool:
    """Record a vote; False when this voter already voted on this answer."""
    values = {"answer_id": answer_id, "voter_id": voter_id, "helpful": helpful, "created_at": at}
    return await _insert_ignore(session, AnswerRating, values)
