"""Doctors: verification, routing of patients' questions, relayed answers and ratings.

The use cases of DESIGN §4 and the commands and buttons of §8: `/doctor` applications that
moderators decide with `doc:approve|reject:<id>`, `/revoke`, `/available`, `/away`,
`/doctors`, `/ask`, `/answer` and answers by reply, `q:take|pass:<id>` on offers and
`rate:up|down:<id>` on answers. Questions, offers and their deadlines live in the database, so
a restart or a second instance loses nothing; a per-question lock in the state store keeps two
instances from offering one question at the same moment. The moderation use case calls
`route_question` for questions it detects; the runtime calls `sweep_offers` periodically.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import unicodedata
from collections.abc import Awaitable, Sequence
from datetime import timedelta
from functools import cache

from classifiers.labels import SPECIALTIES, STYLES
from classifiers.rules import find_personal_data, redact
from handlers import stats
from handlers.actions import Action, AnswerCallback, Button, EditMessage, Keyboard, SendMessage
from handlers.commands import language_of, reply
from handlers.context import Context
from handlers.emergency import reply_if_emergency
from handlers.events import CallbackEvent, Command, MessageEvent, User
from handlers.i18n import pick_language, text
from storage import doctors as repo
from storage.doctors import Doctor, DoctorAnswer, DoctorApplication, Question, QuestionOffer

log = logging.getLogger(__name__)

APPLY_TTL = 15 * 60.0  # an unfinished /doctor dialogue is forgotten after this
LOCK_TTL = 60.0  # longer than one offer send, rate-limit wait included
# How long an /ask waits for a concurrent router before acknowledging (0.05 s x 100).
ROUTER_WAIT_STEP, ROUTER_WAIT_STEPS = 0.05, 100
SWEEP_LOCK_TTL = 120.0
TAKEN_FACTOR = 4  # a taken question goes to a colleague too after 4 × offer_minutes unanswered
QUEUE_DAYS = 3  # a question nobody could take for this long is closed
MAX_ROUTE_TRIES = 5  # doctors tried in a row when offers cannot be delivered
MAX_QUESTION_CHARS = 3000
MAX_ANSWER_CHARS = 3500  # leaves room for the signature within Telegram's 4096
LIST_LIMIT = 3900

# Names a doctor or patient may use for each specialty: az (with and without diacritics —
# folding takes care of those), ru and en, with common synonyms.
SPECIALTY_NAMES: dict[str, str] = {
    "general": (
        "general practitioner|general practice|gp|family doctor|internist"
        "|terapevt|həkim-terapevt|ümumi praktika həkimi|ailə həkimi|ümumi"
        "|терапевт|врач-терапевт|семейный врач|врач общей практики"
    ),
    "pediatrics": (
        "pediatrician|paediatrician|paediatrics|pediatr|pediatriya|uşaq həkimi"
        "|педиатр|педиатрия|детский врач"
    ),
    "cardiology": "cardiologist|kardioloq|kardiologiya|кардиолог|кардиология",
    "gynecology": (
        "gynaecology|gynecologist|gynaecologist|obstetrician|ginekoloq"
        "|ginekologiya|mama-ginekoloq|akuşer-ginekoloq|гинеколог|гинекология"
        "|акушер-гинеколог"
    ),
    "endocrinology": "endocrinologist|endokrinoloq|endokrinologiya|эндокринолог|эндокринология",
    "dermatology": (
        "dermatologist|dermatoloq|dermatovenera|dəri həkimi|дерматолог"
        "|дерматовенеролог|дерматология"
    ),
    "neurology": "neurologist|nevroloq|nevropatoloq|nevrologiya|невролог|невропатолог|неврология",
    "gastroenterology": (
        "gastroenterologist|qastroenteroloq|qastroenterologiya|гастроэнтеролог|гастроэнтерология"
    ),
    "ent": (
        "otolaryngologist|otorhinolaryngologist|otolaryngology|ear nose throat"
        "|ent doctor|lor|lor həkimi|otorinolarinqoloq|лор|лор-врач|лор врач"
        "|оториноларинголог|отоларинголог"
    ),
    "dentistry": (
        "dentist|dental|stomatoloq|stomatologiya|dişçi|diş həkimi|стоматолог"
        "|стоматология|зубной врач|дантист"
    ),
    "psychiatry": (
        "psychiatrist|psychotherapist|psixiatr|psixoterapevt|psixiatriya"
        "|психиатр|психотерапевт|психиатрия"
    ),
    "ophthalmology": (
        "ophthalmologist|oculist|eye doctor|oftalmoloq|oftalmologiya|göz həkimi"
        "|окулист|офтальмолог|офтальмология|глазной врач"
    ),
    "urology": "urologist|uroloq|urologiya|уролог|урология",
    "orthopedics": (
        "orthopaedics|orthopedist|orthopaedist|orthopedic surgeon"
        "|traumatologist|ortoped|travmatoloq|ortoped-travmatoloq|ортопед"
        "|травматолог|ортопед-травматолог|травматология"
    ),
    "pulmonology": "pulmonologist|pulmonoloq|pulmonologiya|пульмонолог|пульмонология",
    "infectious": (
        "infectious diseases|infectious disease specialist|infectiologist"
        "|infeksionist|infeksion|инфекционист|инфекционные болезни"
    ),
}
CANCEL_WORDS = frozenset({"cancel", "stop", "legv", "legv et", "отмена", "стоп", "отменить"})

_FOLD = str.maketrans(
    {"ə": "e", "ı": "i", "ş": "s", "ç": "c", "ğ": "g", "ö": "o", "ü": "u", "ё": "е", "\u0307": ""}
)
_SEPARATORS = re.compile(r"[\s\-‐–—_/.,:;!?()«»\"']+")


def _fold(value: str) -> str:
    folded = unicodedata.normalize("NFKC", value).lower().translate(_FOLD)
    return _SEPARATORS.sub(" ", folded).strip()


@cache
def _synonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for code, names in SPECIALTY_NAMES.items():
        for name in (code, *names.split("|")):
            table[_fold(name)] = code
    return table


def specialty_from_text(value: str) -> str | None:
    """The specialty code (DESIGN §2) a name in az, ru or en stands for; None when unknown."""
    return _synonyms().get(_fold(value)) if value.strip() else None


def leading_specialty(value: str) -> tuple[str, str] | None:
    """A specialty named by the first one to three words, and the rest of the text."""
    words = value.split()
    for count in (3, 2, 1):
        if len(words) >= count and (code := specialty_from_text(" ".join(words[:count]))):
            parts = value.split(None, count)
            return code, parts[count] if len(parts) > count else ""
    return None


# -- small helpers -----------------------------------------------------------------------------


def _number(raw: str) -> int | None:
    raw = raw.strip().lstrip("#№")
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 12 else None


def _language(user: User | None, ctx: Context) -> str:
    return pick_language(user.language if user else None, ctx.services.moderation.language)


def _specialist(language: str, code: str) -> str:
    return text(language, f"doc_spec_{code if code in SPECIALTIES else 'general'}")


def _known(language: str) -> str:
    return ", ".join(_specialist(language, code) for code in SPECIALTIES)


def _stale(event: CallbackEvent, ctx: Context) -> list[Action]:
    return [AnswerCallback(event.id, text(_language(event.sender, ctx), "stale_button"))]


def _alert(event: CallbackEvent, body: str) -> list[Action]:
    return [AnswerCallback(event.id, body, alert=True)]


def _valid_licence(licence: str) -> bool:
    return 2 <= len(licence) <= 40 and any(ch.isdigit() for ch in licence)


def _valid_name(name: str) -> bool:
    return 2 <= len(name) <= 100 and any(ch.isalpha() for ch in name)


def _scrub_asker(body: str, asker: User | None) -> str:
    """Remove the asker's own first name and @username, should they have typed them."""
    if asker is None:
        return body
    for token in (asker.first_name, f"@{asker.username}" if asker.username else ""):
        if len(token) >= 3:
            body = re.sub(rf"(?<!\w){re.escape(token)}(?!\w)", "[name]", body, flags=re.I)
    return body


async def _count(what: str, recording: Awaitable[None]) -> None:
    """Record statistics; a failure there is logged and never costs the patient an answer."""
    try:
        await recording
    except Exception as exc:
        log.warning("statistics (%s) not recorded: %s", what, type(exc).__name__)


# -- applications ------------------------------------------------------------------------------


def _apply_key(user_id: int) -> str:
    return f"doctors:apply:{user_id}"


async def _save_dialogue(ctx: Context, user_id: int, data: dict[str, str]) -> None:
    await ctx.services.state.set(_apply_key(user_id), json.dumps(data), APPLY_TTL)


async def _clear_dialogue(ctx: Context, user_id: int) -> None:
    # The state store has no delete: an empty value reads as "no dialogue" until it expires.
    await ctx.services.state.set(_apply_key(user_id), "", 1.0)


def _parse_application(args: str, language: str) -> tuple[str, str, str] | str:
    """(specialty, licence, full name) from `/doctor` arguments, or the reply saying why not."""
    usage = text(language, "doc_apply_usage")
    lead = leading_specialty(args)
    if lead is None:
        given = args.split(maxsplit=1)[0][:40]
        return text(language, "doc_unknown_specialty", given=given, known=_known(language))
    specialty, rest = lead
    licence, _, name = rest.strip().partition(" ")
    if not _valid_licence(licence):
        return text(language, "doc_bad_licence") + "\n\n" + usage
    name = " ".join(name.split())
    if not _valid_name(name):
        return text(language, "doc_bad_name") + "\n\n" + usage
    return specialty, licence, name


def _application_text(application: DoctorApplication, renewal_of: int | None, lang: str) -> str:
    body = text(
        lang,
        "doc_application",
        id=application.id,
        name=application.full_name,
        specialty=_specialist(lang, application.specialty),
        licence=application.licence,
        contact=application.contact or "—",
    )
    if renewal_of is not None:
        body += "\n" + text(lang, "doc_application_renewal", doctor_id=renewal_of)
    return body


async def on_doctor(event: MessageEvent, command: Command, ctx: Context) -> list[Action]:
    """`/doctor <specialty> <licence> <full name>` in private, or `/doctor` for a dialogue."""
    language = language_of(event, ctx.services)
    if not event.chat.is_private or event.sender is None:
        return [reply(event, text(language, "private_only"))]
    if not command.args:
        await _save_dialogue(ctx, event.sender.id, {"step": "specialty"})
        return [reply(event, text(language, "doc_apply_step_specialty"))]
    parsed = _parse_application(command.args, language)
    if isinstance(parsed, str):
        return [reply(event, parsed)]
    return await _submit_application(event, *parsed, ctx)


async def _dialogue(event: MessageEvent, raw: str, ctx: Context) -> list[Action] | None:
    """One step of the guided `/doctor` dialogue."""
    assert event.sender is not None
    language = language_of(event, ctx.services)
    try:
        data = json.loads(raw)
    except ValueError:
        data = None
    if not isinstance(data, dict):
        await _clear_dialogue(ctx, event.sender.id)
        return None
    answer = " ".join(event.text.split())
    if _fold(answer) in CANCEL_WORDS:
        await _clear_dialogue(ctx, event.sender.id)
        return [reply(event, text(language, "doc_apply_cancelled"))]
    step = data.get("step")
    if step == "specialty":
        code = specialty_from_text(answer)
        if code is None:
            given = answer[:40]
            return [
                reply(
                    event,
                    text(language, "doc_unknown_specialty", given=given, known=_known(language)),
                )
            ]
        await _save_dialogue(ctx, event.sender.id, {"step": "licence", "specialty": code})
        return [reply(event, text(language, "doc_apply_step_licence"))]
    if step == "licence":
        if not _valid_licence(answer):
            return [reply(event, text(language, "doc_bad_licence"))]
        await _save_dialogue(ctx, event.sender.id, {**data, "step": "name", "licence": answer})
        return [reply(event, text(language, "doc_apply_step_name"))]
    if step == "name" and "specialty" in data and "licence" in data:
        if not _valid_name(answer):
            return [reply(event, text(language, "doc_bad_name"))]
        return await _submit_application(
            event, str(data["specialty"]), str(data["licence"]), answer, ctx
        )
    await _clear_dialogue(ctx, event.sender.id)
    return None


def _contact(user: User) -> str:
    return f"{user.first_name} @{user.username}" if user.username else user.first_name


async def _submit_application(
    event: MessageEvent, specialty: str, licence: str, name: str, ctx: Context
) -> list[Action]:
    """Store an application and put it before the moderators."""
    assert event.sender is not None
    user = event.sender
    language = language_of(event, ctx.services)
    await _clear_dialogue(ctx, user.id)
    async with ctx.services.db.session() as session:
        pending = await repo.pending_application_of(session, user.id)
        if pending is not None:
            return [reply(event, text(language, "doc_apply_pending", id=pending.id))]
        existing = await repo.doctor_of_user(session, user.id)
        application = await repo.add_application(
            session,
            DoctorApplication(
                user_id=user.id,
                full_name=name,
                specialty=specialty,
                licence=licence,
                language=language,
                contact=_contact(user),
                created_at=ctx.services.now(),
            ),
        )
    assert application.id is not None
    log.info("doctor application %d received", application.id)
    chat_id = ctx.services.moderation.moderator_chat_id
    if chat_id is None:
        log.warning("doctor application %d: no moderators' chat configured", application.id)
        return [reply(event, text(language, "doc_apply_no_moderators", id=application.id))]
    mod_language = ctx.services.moderation.language
    buttons: Keyboard = (
        (
            Button(text(mod_language, "doc_btn_approve"), f"doc:approve:{application.id}"),
            Button(text(mod_language, "doc_btn_reject"), f"doc:reject:{application.id}"),
        ),
    )
    renewal_of = existing.id if existing is not None else None
    body = _application_text(application, renewal_of, mod_language)
    sent = await ctx.execute(SendMessage(chat_id, body, buttons=buttons))
    if sent is not None:
        async with ctx.services.db.session() as session:
            await repo.set_application_message(
                session, application.id, sent.chat_id, sent.message_id
            )
    return [reply(event, text(language, "doc_apply_received", id=application.id))]


async def on_application_button(
    event: CallbackEvent, action: str, raw_id: str, ctx: Context
) -> list[Action]:
    """`doc:approve:<id>` / `doc:reject:<id>`, pressed by a moderator."""
    language = _language(event.sender, ctx)
    application_id = _number(raw_id)
    if action not in ("approve", "reject") or application_id is None:
        return _stale(event, ctx)
    if not await ctx.is_moderator(event.sender.id):
        return _alert(event, text(language, "doc_only_moderators"))
    now = ctx.services.now()
    approved = action == "approve"
    doctor: Doctor | None = None
    async with ctx.services.db.session() as session:
        application = await repo.get_application(session, application_id)
        if application is None:
            return _stale(event, ctx)
        previous = await repo.doctor_of_user(session, application.user_id)
        renewal_of = previous.id if previous is not None else None
        status = "approved" if approved else "rejected"
        if not await repo.claim_application(session, application_id, status, event.sender.id, now):
            return [AnswerCallback(event.id, text(language, "doc_already_decided"))]
        if approved:
            doctor = await repo.approve(
                session, application, now, ctx.services.doctors.verification_days
            )
    log.info("doctor application %d %s", application_id, status)
    mod_language = ctx.services.moderation.language
    decision = text(
        mod_language,
        "doc_decision_approved" if approved else "doc_decision_rejected",
        moderator=event.sender.first_name or "—",
    )
    actions: list[Action] = [AnswerCallback(event.id, text(language, "doc_decided_toast"))]
    chat_id = application.mod_chat_id or (event.chat.id if event.chat else None)
    message_id = application.mod_message_id or event.message_id
    if chat_id is not None and message_id is not None:
        body = _application_text(application, renewal_of, mod_language)
        actions.append(EditMessage(chat_id, message_id, f"{body}\n\n{decision}"))
    applicant = application.language
    if doctor is not None:
        until = f"{doctor.expires_at:%Y-%m-%d}"
        specialty = _specialist(applicant, doctor.specialty)
        notice = text(applicant, "doc_approved", id=doctor.id, specialty=specialty, until=until)
    else:
        notice = text(applicant, "doc_rejected", id=application_id)
    actions.append(SendMessage(application.user_id, notice))
    await ctx.perform(actions)
    if doctor is not None:
        await _route_waiting(ctx)
    return []


async def pending_applications_text(ctx: Context, language: str) -> str:
    """The undecided doctor applications, for the moderators' `/pending`."""
    async with ctx.services.db.session() as session:
        waiting = await repo.pending_applications(session)
    if not waiting:
        return text(language, "doc_pending_none")
    lines = [text(language, "doc_pending_header")]
    lines.extend(
        text(
            language,
            "doc_pending_line",
            id=a.id,
            name=a.full_name,
            specialty=_specialist(language, a.specialty),
            licence=a.licence,
        )
        for a in waiting
    )
    return "\n".join(lines)


async def on_pending(event: MessageEvent, _command: Command, ctx: Context) -> list[Action]:
    """`/pending` in the moderators' chat: doctor applications waiting for a decision."""
    language = ctx.services.moderation.language
    if (
        event.sender is None
        or event.chat.id != ctx.services.moderation.moderator_chat_id
        or not await ctx.is_moderator(event.sender.id)
    ):
        return [reply(event, text(language, "doc_mods_chat_only", command="/pending"))]
    return [reply(event, await pending_applications_text(ctx, language))]


# -- the registry: revoke, availability, list --------------------------------------------------


async def verified_doctor(ctx: Context, user_id: int) -> Doctor | None:
    """The user's registry entry when they are a verified doctor now, else None."""
    async with ctx.services.db.session() as session:
        doctor = await repo.doctor_of_user(session, user_id)
    if doctor is None or not doctor.is_verified(ctx.services.now()):
        return None
    return doctor


async def is_verified_doctor(ctx: Context, user_id: int) -> bool:
    """Whether the user is a verified doctor now (exempt from medical-advice warnings)."""
    return await verified_doctor(ctx, user_id) is not None


async def on_revoke(event: MessageEvent, command: Command, ctx: Context) -> list[Action]:
    """`/revoke <doctor id>` in the moderators' chat."""
    language = language_of(event, ctx.services)
    moderation = ctx.services.moderation
    if (
        event.sender is None
        or event.chat.id != moderation.moderator_chat_id
        or not await ctx.is_moderator(event.sender.id)
    ):
        return [reply(event, text(language, "doc_mods_chat_only", command="/revoke"))]
    doctor_id = _number(command.args.split()[0]) if command.args else None
    if doctor_id is None:
        return [reply(event, text(language, "doc_revoke_usage"))]
    async with ctx.services.db.session() as session:
        doctor = await repo.get_doctor(session, doctor_id)
        if doctor is None:
            return [reply(event, text(language, "doc_no_such_doctor", id=doctor_id))]
        if not await repo.set_doctor_status(session, doctor_id, repo.REVOKED):
            return [reply(event, text(language, "doc_not_verified_now", id=doctor_id))]
        offers = await repo.active_offers_of(session, doctor_id)
    log.info("doctor %d revoked", doctor_id)
    await ctx.execute(SendMessage(doctor.user_id, text(doctor.language, "doc_revoked_notice")))
    await _withdraw(ctx, offers, doctor.language)
    return [reply(event, text(language, "doc_revoked_done", id=doctor_id, name=doctor.full_name))]


async def on_available(event: MessageEvent, _command: Command, ctx: Context) -> list[Action]:
    """`/available`: the doctor receives routed questions again."""
    return await _set_availability(event, ctx, available=True)


async def on_away(event: MessageEvent, _command: Command, ctx: Context) -> list[Action]:
    """`/away`: no new questions; untaken offers go to colleagues."""
    return await _set_availability(event, ctx, available=False)


async def _set_availability(event: MessageEvent, ctx: Context, *, available: bool) -> list[Action]:
    language = language_of(event, ctx.services)
    if not event.chat.is_private or event.sender is None:
        return [reply(event, text(language, "private_only"))]
    async with ctx.services.db.session() as session:
        doctor = await repo.doctor_of_user(session, event.sender.id)
        if doctor is None:
            return [reply(event, text(language, "doc_not_doctor"))]
        if not doctor.is_verified(ctx.services.now()):
            return [reply(event, text(language, "doc_not_verified"))]
        assert doctor.id is not None
        await repo.set_available(session, doctor.id, available)
        untaken = (
            [] if available else await repo.active_offers_of(session, doctor.id, (repo.OPEN,))
        )
    log.info("doctor %d %s", doctor.id, "available" if available else "away")
    await ctx.execute(
        reply(event, text(language, "doc_now_available" if available else "doc_now_away"))
    )
    if available:
        await _route_waiting(ctx)
    else:
        await _withdraw(ctx, untaken, language)
    return []


async def on_doctors(event: MessageEvent, command: Command, ctx: Context) -> list[Action]:
    """`/doctors [specialty]`: verified doctors with answer counts and a helpful score."""
    language = language_of(event, ctx.services)
    specialty: str | None = None
    if command.args:
        specialty = specialty_from_text(command.args)
        if specialty is None:
            known = _known(language)
            given = command.args[:40]
            return [
                reply(event, text(language, "doc_unknown_specialty", given=given, known=known))
            ]
    async with ctx.services.db.session() as session:
        rows = await repo.standings(session, ctx.services.now(), specialty)
    if not rows:
        if specialty is None:
            return [reply(event, text(language, "doc_list_empty"))]
        name = _specialist(language, specialty)
        return [reply(event, text(language, "doc_list_empty_specialty", specialty=name))]
    order = {code: index for index, code in enumerate(SPECIALTIES)}
    rows.sort(key=lambda r: (order.get(r.doctor.specialty, 99), -r.score, -r.answers))
    lines = [text(language, "doc_list_header")]
    current = ""
    for row in rows:
        if row.doctor.specialty != current:
            current = row.doctor.specialty
            lines += [
                "",
                text(language, "doc_list_specialty", specialty=_specialist(language, current)),
            ]
        votes = row.up + row.down
        rating = (
            text(language, "doc_list_rating", score=round(row.score * 100), votes=votes)
            if votes
            else text(language, "doc_list_no_rating")
        )
        away = "" if row.doctor.available else text(language, "doc_list_away")
        lines.append(
            text(
                language,
                "doc_list_line",
                id=row.doctor.id,
                name=row.doctor.full_name,
                answers=row.answers,
                rating=rating,
                away=away,
            )
        )
    body = "\n".join(lines)
    return [reply(event, body if len(body) <= LIST_LIMIT else body[:LIST_LIMIT] + "\n…")]


# -- questions and offers ----------------------------------------------------------------------


async def on_ask(event: MessageEvent, command: Command, ctx: Context) -> list[Action]:
    """`/ask <question>` in a group: acknowledge and route to a doctor."""
    language = language_of(event, ctx.services)
    if not event.chat.is_group or event.chat.id == ctx.services.moderation.moderator_chat_id:
        return [reply(event, text(language, "doc_ask_not_here"))]
    question = command.args.strip()
    if not question:
        return [reply(event, text(language, "doc_ask_usage"))]
    # An emergency typed as /ask gets 103/112 at once, like any group message would.
    if await reply_if_emergency(event, question, ctx) is not None:
        return []
    specialty = await _specialty_of(question, ctx)
    redacted = redact(question, find_personal_data(question))
    return await route_question(event, specialty, redacted, ctx, source="ask")


async def _specialty_of(question: str, ctx: Context) -> str:
    """A specialty named at the start ("kardioloq: ..."), else the reader's, else general."""
    lead = leading_specialty(question)
    if lead is not None:
        return lead[0]
    reader = ctx.services.reader
    if reader is None:
        return "general"
    try:
        verdicts = await reader.read([question])
    except Exception as exc:  # a classifier failure must not lose the question
        log.warning("reader failed on an /ask: %s", type(exc).__name__)
        return "general"
    found = verdicts[0].specialty if verdicts else None
    return found if found in SPECIALTIES else "general"


async def route_question(
    event: MessageEvent,
    specialty: str,
    redacted_text: str,
    ctx: Context,
    *,
    source: str = "auto",
) -> list[Action]:
    """Store a group question, offer it privately to a doctor, and acknowledge it in the group.

    `specialty` is a code of DESIGN §2 (anything else counts as general); `redacted_text` must
    already be free of personal data. Idempotent per (chat, message): a second call for the same
    message does nothing and returns no actions.
    """
    language = language_of(event, ctx.services)
    specialty = specialty if specialty in SPECIALTIES else "general"
    body = _scrub_asker(redacted_text, event.sender)[:MAX_QUESTION_CHARS]
    async with ctx.services.db.session() as session:
        question = await repo.add_question(
            session,
            Question(
                chat_id=event.chat.id,
                message_id=event.message_id,
                thread_id=event.thread_id,
                asker_id=event.sender.id if event.sender else None,
                specialty=specialty,
                redacted_text=body,
                language=language,
                source=source,
                status=repo.QUEUED,
                created_at=ctx.services.now(),
            ),
        )
    if question is None or question.id is None:
        log.info("update %d: question already routed", event.update_id)
        return []
    log.info("question %d stored (%s, %s)", question.id, specialty, source)
    await _count(
        "routed",
        stats.record_routed(
            ctx.services.db, chat_id=question.chat_id, day=question.created_at, specialty=specialty
        ),
    )
    doctor = await _offer_next(ctx, question.id)
    if doctor is None:
        # A sweep (the one after a doctor's approval, say) may have taken the new question up
        # between its insert and our routing: then it is offered, not queued.
        doctor = await _offered_meanwhile(ctx, question.id)
    wanted = _specialist(language, specialty)
    if doctor is None:
        ack = text(language, "doc_ask_queued")
    elif doctor.specialty == specialty:
        ack = text(language, "doc_ask_sent", specialty=wanted)
    else:
        fallback = _specialist(language, doctor.specialty)
        ack = text(language, "doc_ask_fallback", specialty=wanted, fallback=fallback)
    return [reply(event, ack)]


def _question_block(question: Question, language: str) -> str:
    specialty = _specialist(language, question.specialty)
    header = text(language, "doc_question_header", id=question.id, specialty=specialty)
    return f"{header}\n\n{question.redacted_text}"


def _offer_text(question: Question, language: str, minutes: int) -> str:
    hint = text(language, "doc_offer_hint", id=question.id, minutes=minutes)
    return f"{_question_block(question, language)}\n\n{hint}"


def _offer_buttons(question_id: int, language: str) -> Keyboard:
    return (
        (
            Button(text(language, "doc_btn_take"), f"q:take:{question_id}"),
            Button(text(language, "doc_btn_pass"), f"q:pass:{question_id}"),
        ),
    )


async def _offered_meanwhile(ctx: Context, question_id: int) -> Doctor | None:
    """The doctor another router offered the question to, once that router is done."""
    key = f"doctors:question:{question_id}"
    for _ in range(ROUTER_WAIT_STEPS):
        token = await ctx.services.state.acquire(key, LOCK_TTL)
        if token is not None:
            await ctx.services.state.release(key, token)
            break
        await asyncio.sleep(ROUTER_WAIT_STEP)
    async with ctx.services.db.session() as session:
        return await repo.active_offer_doctor(session, question_id)


async def _offer_next(ctx: Context, question_id: int) -> Doctor | None:
    """Offer the question to the next doctor; the doctor, or None (queued, answered, held)."""
    state = ctx.services.state
    key = f"doctors:question:{question_id}"
    token = await state.acquire(key, LOCK_TTL)
    if token is None:
        log.info("question %d is being routed by another worker", question_id)
        return None
    minutes = ctx.services.doctors.offer_minutes
    try:
        for _ in range(MAX_ROUTE_TRIES):
            now = ctx.services.now()
            async with ctx.services.db.session() as session:
                question = await repo.get_question(session, question_id)
                if question is None or question.status in (repo.Q_ANSWERED, repo.CLOSED):
                    return None
                if await repo.has_active_offer(session, question_id):
                    return None
                doctor = await repo.next_doctor(session, question.specialty, question, now)
                if doctor is None and question.specialty != "general":
                    doctor = await repo.next_doctor(session, "general", question, now)
                if doctor is None or doctor.id is None:
                    await repo.set_question_status(session, question_id, repo.QUEUED)
                    log.info("question %d queued: no doctor available", question_id)
                    return None
                offer = await repo.add_offer(
                    session,
                    QuestionOffer(
                        question_id=question_id,
                        doctor_id=doctor.id,
                        chat_id=doctor.user_id,
                        state=repo.OPEN,
                        created_at=now,
                        expires_at=now + timedelta(minutes=minutes),
                    ),
                )
                if offer is None or offer.id is None:
                    continue
                await repo.mark_offered(session, doctor.id, now)
                await repo.set_question_status(session, question_id, repo.OFFERED)
            sent, error = await ctx.try_execute(
                SendMessage(
                    doctor.user_id,
                    _offer_text(question, doctor.language, minutes),
                    buttons=_offer_buttons(question_id, doctor.language),
                )
            )
            async with ctx.services.db.session() as session:
                if sent is not None:
                    await repo.set_offer_messages(session, offer.id, message_id=sent.message_id)
                    log.info(
                        "question %d offered: offer %d to doctor %d",
                        question_id,
                        offer.id,
                        doctor.id,
                    )
                    return doctor
                await repo.move_offer(session, offer.id, (repo.OPEN,), repo.FAILED, at=now)
                if error == "forbidden":  # the doctor blocked the bot: stop offering them more
                    await repo.set_available(session, doctor.id, False)
            log.warning("offer %d not delivered (%s); trying the next doctor", offer.id, error)
        return None
    finally:
        await state.release(key, token)


async def _edit_offer(
    ctx: Context, offer: QuestionOffer, question: Question, language: str, note: str
) -> None:
    if offer.message_id is not None:
        body = f"{_question_block(question, language)}\n\n{note}"
        await ctx.execute(EditMessage(offer.chat_id, offer.message_id, body))


async def _withdraw(ctx: Context, offers: Sequence[QuestionOffer], language: str) -> None:
    """Take active offers back from a doctor (revoked, away, expired) and pass them on."""
    now = ctx.services.now()
    for offer in offers:
        assert offer.id is not None
        async with ctx.services.db.session() as session:
            moved = await repo.move_offer(
                session, offer.id, repo.ACTIVE_OFFER_STATES, repo.WITHDRAWN, at=now
            )
            question = await repo.get_question(session, offer.question_id)
        if not moved or question is None:
            continue
        log.info("offer %d withdrawn", offer.id)
        await _edit_offer(
            ctx, offer, question, language, text(language, "doc_offer_withdrawn_note")
        )
        await _offer_next(ctx, offer.question_id)


async def on_question_button(
    event: CallbackEvent, action: str, raw_id: str, ctx: Context
) -> list[Action]:
    """`q:take:<id>` / `q:pass:<id>` on an offer, pressed by the doctor it was offered to."""
    language = _language(event.sender, ctx)
    question_id = _number(raw_id)
    if action not in ("take", "pass") or question_id is None:
        return _stale(event, ctx)
    now = ctx.services.now()
    minutes = ctx.services.doctors.offer_minutes
    async with ctx.services.db.session() as session:
        question = await repo.get_question(session, question_id)
        doctor = await repo.doctor_of_user(session, event.sender.id)
        if question is None:
            return _stale(event, ctx)
        offer = None
        if doctor is not None and doctor.id is not None:
            offer = await repo.offer_for(session, question_id, doctor.id)
        if doctor is None or offer is None or offer.id is None:
            return _alert(event, text(language, "doc_not_your_offer"))
        if not doctor.is_verified(now):
            return _alert(event, text(language, "doc_not_verified"))
        taking = action == "take"
        if offer.state == (repo.TAKEN if taking else repo.PASSED):
            return [
                AnswerCallback(event.id, text(language, "doc_took" if taking else "doc_passed"))
            ]
        if taking:
            deadline = now + timedelta(minutes=minutes * TAKEN_FACTOR)
            moved = await repo.move_offer(
                session, offer.id, (repo.OPEN,), repo.TAKEN, at=now, expires_at=deadline
            )
            if moved and question.status != repo.Q_ANSWERED:
                await repo.set_question_status(session, question_id, repo.Q_TAKEN)
        else:
            moved = await repo.move_offer(
                session, offer.id, repo.ACTIVE_OFFER_STATES, repo.PASSED, at=now
            )
    if not moved:
        return _alert(event, text(language, "doc_offer_gone"))
    log.info("offer %d %s", offer.id, "taken" if taking else "passed")
    note = text(language, "doc_offer_taken_note" if taking else "doc_offer_passed_note")
    toast = text(language, "doc_took" if taking else "doc_passed")
    await ctx.execute(AnswerCallback(event.id, toast))
    if offer.message_id is None and event.message_id is not None:
        offer.message_id = event.message_id
    await _edit_offer(ctx, offer, question, language, note)
    if taking:
        prompt = SendMessage(offer.chat_id, text(language, "doc_prompt", id=question_id))
        sent = await ctx.execute(prompt)
        if sent is not None:
            async with ctx.services.db.session() as session:
                await repo.set_offer_messages(session, offer.id, prompt_message_id=sent.message_id)
    else:
        await _offer_next(ctx, question_id)
    return []


# -- answers and ratings -----------------------------------------------------------------------


async def on_answer(event: MessageEvent, command: Command, ctx: Context) -> list[Action]:
    """`/answer <question id> <text>` in private, by a verified doctor."""
    language = language_of(event, ctx.services)
    if not event.chat.is_private or event.sender is None:
        return [reply(event, text(language, "private_only"))]
    head, _, body = command.args.partition(" ")
    question_id = _number(head)
    if question_id is None:
        return [reply(event, text(language, "doc_answer_usage"))]
    return await _answer(event, question_id, body, ctx)


async def on_private_text(event: MessageEvent, ctx: Context) -> list[Action] | None:
    """A doctor's reply to an offer or prompt, or a step of the `/doctor` dialogue; else None."""
    if event.sender is None:
        return None
    if event.reply_to is not None:
        question_id = await _replied_question(event, ctx)
        if question_id is not None:
            return await _answer(event, question_id, event.text, ctx)
    raw = await ctx.services.state.get(_apply_key(event.sender.id))
    if raw:
        return await _dialogue(event, raw, ctx)
    return None


_QUESTION_NUMBER = re.compile(r"[#№](\d{1,12})")
_MARKS = ("❓", "✍️")  # how offers and prompts start (doc_question_header, doc_prompt)


async def _replied_question(event: MessageEvent, ctx: Context) -> int | None:
    """The question whose offer or prompt this private message replies to, if any."""
    assert event.reply_to is not None
    assert event.sender is not None
    async with ctx.services.db.session() as session:
        offer = await repo.offer_of_message(session, event.chat.id, event.reply_to.message_id)
        if offer is not None:
            return offer.question_id
        # The message id is stored only once the send returns; a doctor replying at once (or
        # after a crash in between) is recognised by the number the bot's message shows.
        first_line = event.reply_to.text.partition("\n")[0]
        found = _QUESTION_NUMBER.search(first_line)
        if not event.reply_to.from_bot or not first_line.startswith(_MARKS) or found is None:
            return None
        doctor = await repo.doctor_of_user(session, event.sender.id)
        if doctor is None or doctor.id is None:
            return None
        offer = await repo.offer_for(session, int(found.group(1)), doctor.id)
    return offer.question_id if offer is not None else None


async def _style(ctx: Context, body: str) -> tuple[str, ...]:
    reader = ctx.services.reader
    if reader is None:
        return ()
    try:
        styles = await reader.answer_style([body])
    except Exception as exc:  # statistics must not cost the patient the answer
        log.warning("answer style failed: %s", type(exc).__name__)
        return ()
    return tuple(style for style in styles[0] if style in STYLES) if styles else ()


def _rating_buttons(answer_id: int, language: str) -> Keyboard:
    return (
        (
            Button(text(language, "doc_btn_helpful"), f"rate:up:{answer_id}"),
            Button(text(language, "doc_btn_not_helpful"), f"rate:down:{answer_id}"),
        ),
    )


async def _answer(event: MessageEvent, question_id: int, body: str, ctx: Context) -> list[Action]:
    """Post a verified doctor's answer in the group, as a reply to the question."""
    assert event.sender is not None
    language = language_of(event, ctx.services)
    now = ctx.services.now()
    body = body.strip()
    async with ctx.services.db.session() as session:
        doctor = await repo.doctor_of_user(session, event.sender.id)
        if doctor is None or doctor.id is None:
            return [reply(event, text(language, "doc_not_doctor"))]
        if not doctor.is_verified(now):
            return [reply(event, text(language, "doc_not_verified"))]
        question = await repo.get_question(session, question_id)
        if question is None or question.id is None:
            return [reply(event, text(language, "doc_no_such_question", id=question_id))]
        offer = await repo.offer_for(session, question_id, doctor.id)
    if not body:
        return [reply(event, text(language, "doc_answer_empty"))]
    if len(body) > MAX_ANSWER_CHARS:
        too_long = text(language, "doc_answer_too_long", length=len(body), limit=MAX_ANSWER_CHARS)
        return [reply(event, too_long)]
    style = await _style(ctx, body)
    async with ctx.services.db.session() as session:
        answer = await repo.add_answer(
            session,
            DoctorAnswer(
                question_id=question_id,
                doctor_id=doctor.id,
                chat_id=question.chat_id,
                style=",".join(style),
                created_at=now,
            ),
        )
    assert answer.id is not None
    group_language = question.language
    signature = text(
        group_language,
        "doc_answer_signature",
        name=doctor.full_name,
        specialty=_specialist(group_language, doctor.specialty),
    )
    sent = await ctx.execute(
        SendMessage(
            question.chat_id,
            f"{body}\n\n{signature}",
            reply_to=question.message_id,
            thread_id=question.thread_id,
            buttons=_rating_buttons(answer.id, group_language),
        )
    )
    async with ctx.services.db.session() as session:
        if sent is None:
            await repo.delete_answer(session, answer.id)
            log.warning("answer to question %d could not be posted", question_id)
            return [reply(event, text(language, "doc_answer_failed", id=question_id))]
        await repo.set_answer_message(session, answer.id, sent.message_id)
        first = await repo.set_question_status(
            session, question_id, repo.Q_ANSWERED, answered_at=now
        )
        if offer is not None and offer.id is not None:
            await repo.move_offer(
                session,
                offer.id,
                (repo.OPEN, repo.TAKEN, repo.EXPIRED, repo.LAPSED, repo.WITHDRAWN),
                repo.ANSWERED,
                at=now,
            )
        others = await repo.offers_of_question(session, question_id, (repo.OPEN,))
    log.info("answer %d to question %d posted by doctor %d", answer.id, question_id, doctor.id)
    waited = (now - question.created_at).total_seconds() if first else None
    await _count(
        "answer",
        stats.record_answer(
            ctx.services.db,
            chat_id=question.chat_id,
            day=question.created_at,
            style=style,
            first_answer_seconds=waited,
        ),
    )
    await ctx.execute(reply(event, text(language, "doc_answer_posted", id=question_id)))
    # A colleague still holding an untaken offer need not take it any more.
    for other in others:
        assert other.id is not None
        async with ctx.services.db.session() as session:
            moved = await repo.move_offer(session, other.id, (repo.OPEN,), repo.WITHDRAWN, at=now)
            colleague = await repo.get_doctor(session, other.doctor_id)
        if moved and colleague is not None:
            note = text(colleague.language, "doc_offer_withdrawn_note")
            await _edit_offer(ctx, other, question, colleague.language, note)
    return []


async def on_rate_button(
    event: CallbackEvent, action: str, raw_id: str, ctx: Context
) -> list[Action]:
    """`rate:up:<answer id>` / `rate:down:<answer id>`: only the asker's vote counts, once."""
    language = _language(event.sender, ctx)
    answer_id = _number(raw_id)
    if action not in ("up", "down") or answer_id is None:
        return _stale(event, ctx)
    async with ctx.services.db.session() as session:
        answer = await repo.get_answer(session, answer_id)
        question = await repo.get_question(session, answer.question_id) if answer else None
        if question is None:
            return _stale(event, ctx)
        if question.asker_id is None or event.sender.id != question.asker_id:
            return _alert(event, text(language, "doc_rate_only_asker"))
        now = ctx.services.now()
        added = await repo.add_rating(session, answer_id, event.sender.id, action == "up", now)
        doctor = await repo.get_doctor(session, answer.doctor_id) if answer else None
    if not added:
        return [AnswerCallback(event.id, text(language, "doc_rate_already"))]
    log.info("answer %d rated", answer_id)
    if answer is not None and doctor is not None:
        rating = stats.record_rating(
            ctx.services.db,
            chat_id=question.chat_id,
            day=now,
            doctor_id=answer.doctor_id,
            specialty=doctor.specialty,
            up=action == "up",
        )
        await _count("rating", rating)
    return [AnswerCallback(event.id, text(language, "doc_rate_thanks"))]


# -- the periodic sweep ------------------------------------------------------------------------


async def sweep_offers(ctx: Context) -> None:
    """Expire offers and verifications whose time ran out, pass questions on, offer queued ones.

    Called periodically by the runtime (and safe to call from several instances: one sweeps,
    the others skip). Everything it works from is in the database, so a sweep after a restart
    picks up where the previous process stopped.
    """
    state = ctx.services.state
    token = await state.acquire("doctors:sweep", SWEEP_LOCK_TTL)
    if token is None:
        return
    try:
        await _expire_verifications(ctx)
        await _expire_offers(ctx)
        await _route_waiting(ctx)
        await _forget_old_texts(ctx)
    finally:
        await state.release("doctors:sweep", token)


async def _expire_verifications(ctx: Context) -> None:
    now = ctx.services.now()
    async with ctx.services.db.session() as session:
        lapsed = await repo.lapsed_doctors(session, now)
    for doctor in lapsed:
        assert doctor.id is not None
        async with ctx.services.db.session() as session:
            changed = await repo.set_doctor_status(session, doctor.id, repo.EXPIRED_DOCTOR)
            offers = await repo.active_offers_of(session, doctor.id)
        if not changed:
            continue
        log.info("doctor %d verification expired", doctor.id)
        await ctx.execute(SendMessage(doctor.user_id, text(doctor.language, "doc_expired_notice")))
        await _withdraw(ctx, offers, doctor.language)


async def _expire_offers(ctx: Context) -> None:
    now = ctx.services.now()
    async with ctx.services.db.session() as session:
        due = await repo.due_offers(session, now)
    for offer in due:
        assert offer.id is not None
        target = repo.EXPIRED if offer.state == repo.OPEN else repo.LAPSED
        async with ctx.services.db.session() as session:
            moved = await repo.move_offer(session, offer.id, (offer.state,), target, at=now)
            question = await repo.get_question(session, offer.question_id)
            doctor = await repo.get_doctor(session, offer.doctor_id)
        if not moved or question is None:
            continue
        log.info("offer %d %s", offer.id, target)
        language = doctor.language if doctor is not None else ctx.services.moderation.language
        if target == repo.EXPIRED:
            note = text(language, "doc_offer_expired_note", id=question.id)
            await _edit_offer(ctx, offer, question, language, note)
        elif question.status != repo.Q_ANSWERED:
            note = text(language, "doc_offer_lapsed_note", id=question.id)
            await ctx.execute(SendMessage(offer.chat_id, note, reply_to=offer.prompt_message_id))
        if question.status != repo.Q_ANSWERED:
            await _offer_next(ctx, offer.question_id)


async def _route_waiting(ctx: Context) -> None:
    """Offer queued (or orphaned) questions to doctors who may now be free."""
    now = ctx.services.now()
    async with ctx.services.db.session() as session:
        closed = await repo.close_stale_questions(session, now - timedelta(days=QUEUE_DAYS))
        waiting = await repo.waiting_questions(session, now - timedelta(days=QUEUE_DAYS))
    if closed:
        log.info("%d questions closed after %d days without a doctor", closed, QUEUE_DAYS)
    for question in waiting:
        assert question.id is not None
        await _offer_next(ctx, question.id)


async def _forget_old_texts(ctx: Context) -> None:
    before = ctx.services.now() - timedelta(days=ctx.services.stats.retention_days)
    async with ctx.services.db.session() as session:
        forgotten = await repo.forget_texts(session, before)
    if forgotten:
        log.info("redacted text of %d old questions forgotten", forgotten)
