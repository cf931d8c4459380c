"""Moderation use cases (DESIGN §3, §5): every group message read and acted on by the policy;
the moderators' review buttons; appeals; the pending list.

The emergency path runs first on the quick reader (rules + n-gram, no model batch, no database)
and replies before anything else happens. Everything a message triggers is remembered per
(chat, message) in the state store, so a redelivered or edited update never acts twice the same
way. Flags keep redacted text only.
"""

from __future__ import annotations

import json
import logging
from datetime import timedelta

from classifiers.labels import Verdict
from classifiers.rules import find_personal_data, redact
from handlers import doctors, stats
from handlers.actions import (
    Action,
    AnswerCallback,
    BanMember,
    Button,
    DeleteMessage,
    EditMessage,
    Keyboard,
    RestrictMember,
    SendMessage,
)
from handlers.commands import reply
from handlers.context import Context
from handlers.emergency import emergency_reply, language_for, reply_if_emergency
from handlers.events import CallbackEvent, Command, MessageEvent
from handlers.i18n import LANGUAGES, pick_language, text
from handlers.policy import decide
from handlers.stats import pseudonym
from storage import moderation as repo
from storage.models import Flag

log = logging.getLogger(__name__)

MARK_TTL = 7 * 24 * 3600.0
FLAG_BUTTONS = ("dismiss", "delete", "warn", "mute", "ban")
APPEAL_BUTTONS = ("dismiss", "accept")
DECISIONS = {*FLAG_BUTTONS, "accept"}
APPEALS_PER_HOUR = 3


# -- reading and deciding ------------------------------------------------------------------


async def _acted(ctx: Context, event: MessageEvent) -> set[str]:
    raw = await ctx.services.state.get(f"acted:{event.chat.id}:{event.message_id}")
    return {label for label in (raw or "").split(",") if label}


async def _remember(ctx: Context, event: MessageEvent, labels: set[str]) -> None:
    key = f"acted:{event.chat.id}:{event.message_id}"
    await ctx.services.state.set(key, ",".join(sorted(labels)), MARK_TTL)


async def on_group_message(event: MessageEvent, ctx: Context) -> list[Action]:
    """Read a group message (new or edited) and act on it by the policy."""
    reader = ctx.services.reader
    sender = event.sender
    if reader is None or sender is None:
        return []
    before = await _acted(ctx, event)
    replied = False
    if "emergency" not in before:
        # Help first: no model batch and no database before this reply.
        replied = await reply_if_emergency(event, event.text, ctx) is not None
        if replied:
            await _remember(ctx, event, before | {"emergency"})
    verdict = (await reader.read([event.text]))[0]
    labels = set(verdict.labels) | ({"emergency"} if replied else set())
    doctor = await _is_doctor(ctx, sender.id)
    decision = decide(labels, author_is_doctor=doctor, already=before)
    if not decision.acts:
        await _record(ctx, event, verdict, labels, ())
        return []
    await _remember(ctx, event, before | labels)
    language = language_for(verdict, ctx)
    dry_run = ctx.services.policy.dry_run
    taken: list[str] = []
    actions: list[Action] = []
    if decision.emergency:
        if not replied:
            await ctx.execute(emergency_reply(event, verdict, language))
        taken.append("emergency_reply")
    no_rights = False
    if decision.remove and not dry_run:
        _, error = await ctx.try_execute(DeleteMessage(event.chat.id, event.message_id))
        no_rights = error == "no_rights"
        taken.append("deleted" if error is None else f"delete_failed:{error}")
        if decision.remove == "personal_data" and error is None:
            actions.append(_personal_data_notice(event, language, ctx))
    flag = None
    if decision.flag:
        flag = await _store_flag(event, verdict, decision.flag, ctx, dry_run=dry_run)
    if decision.warn and not dry_run:
        warning = SendMessage(
            event.chat.id,
            text(
                language,
                f"warn_{'advice' if decision.warn == 'medical_advice' else decision.warn}",
            ),
            reply_to=event.message_id,
            thread_id=event.thread_id,
        )
        sent = await ctx.execute(warning)
        taken.append("warned")
        if flag is not None and flag.id is not None and sent is not None:
            async with ctx.services.db.session() as session:
                await repo.set_notice(session, flag.id, sent.message_id)
        if ctx.services.policy.auto_strike and flag is not None:
            actions += await _strike(ctx, flag, language)
    if decision.remove == "spam" and flag is not None and not dry_run:
        actions += await _ban_repeat_spammer(ctx, flag)
    if decision.route and not dry_run:
        actions += await _route(event, verdict, ctx)
        taken.append("routed")
    if flag is not None:
        await _post_flag(ctx, flag, taken, no_rights=no_rights)
    await _record(ctx, event, verdict, labels, tuple(taken))
    return actions


async def _is_doctor(ctx: Context, user_id: int) -> bool:
    return await doctors.is_verified_doctor(ctx, user_id)


async def _route(event: MessageEvent, verdict: Verdict, ctx: Context) -> list[Action]:
    redacted = redact(event.text, list(verdict.spans) or find_personal_data(event.text))
    return await doctors.route_question(event, verdict.specialty or "general", redacted, ctx)


async def _record(
    ctx: Context,
    event: MessageEvent,
    verdict: Verdict,
    labels: set[str],
    taken: tuple[str, ...],
) -> None:
    """Anonymised statistics: counts only; a message is counted once, not again when edited."""
    assert event.sender is not None
    db = ctx.services.db
    day = ctx.services.now()
    if not event.edited:
        await stats.record_message(
            db,
            chat_id=event.chat.id,
            day=day,
            labels=labels,
            sentiment=verdict.sentiment,
            specialty=verdict.specialty,
            author=pseudonym(ctx.services.stats.pseudonym_secret, event.sender.id),
        )
    await stats.record_actions(db, chat_id=event.chat.id, day=day, actions=taken)


def _personal_data_notice(event: MessageEvent, language: str, ctx: Context) -> SendMessage:
    """Tell the author why, privately if they started the bot, else briefly in the group."""
    assert event.sender is not None
    group_notice = SendMessage(
        event.chat.id,
        text(language, "removed_personal_group", name=event.sender.first_name),
        thread_id=event.thread_id,
        delete_after=float(ctx.services.policy.notice_delete_seconds) or None,
    )
    return SendMessage(event.sender.id, text(language, "removed_personal"), fallback=group_notice)


# -- flags ---------------------------------------------------------------------------------


async def _store_flag(
    event: MessageEvent,
    verdict: Verdict,
    labels: tuple[str, ...],
    ctx: Context,
    *,
    dry_run: bool,
) -> Flag:
    assert event.sender is not None
    spans = list(verdict.spans) or find_personal_data(event.text)
    scores = {label: round(verdict.scores.get(label, 0.0), 2) for label in labels}
    flag = Flag(
        chat_id=event.chat.id,
        message_id=event.message_id,
        author_id=event.sender.id,
        author_pseudonym=pseudonym(ctx.services.stats.pseudonym_secret, event.sender.id),
        kind="dry_run" if dry_run else "auto",
        labels=",".join(labels),
        scores=json.dumps(scores),
        reasons=", ".join(verdict.reasons[:8]),
        redacted_text=redact(event.text, spans)[:1000],
        language=verdict.language,
        created_at=ctx.services.now(),
    )
    async with ctx.services.db.session() as session:
        flag = await repo.add_flag(session, flag)
        await repo.audit(
            session,
            "flag",
            chat_id=event.chat.id,
            message_id=event.message_id,
            detail=f"flag:{flag.id} {flag.labels}",
        )
    log.info("flag %s stored (%s)", flag.id, flag.labels)
    return flag


def _flag_text(flag: Flag, language: str, taken: str = "", note: str = "") -> str:
    kind = flag.labels.replace(",", ", ") if flag.kind != "appeal" else "appeal"
    scores = json.loads(flag.scores or "{}")
    lines = [
        text(language, "flag_header", id=flag.id, kind=kind),
        f"chat {flag.chat_id} · message #{flag.message_id} · {flag.author_pseudonym}",
    ]
    if scores:
        lines.append(" · ".join(f"{k} {v:.2f}" for k, v in scores.items()))
    if flag.reasons:
        lines.append(flag.reasons)
    if flag.redacted_text:
        lines.append(f"«{flag.redacted_text}»")
    if taken:
        lines.append(text(language, "flag_taken", taken=taken))
    if note:
        lines.append(note)
    return "\n".join(lines)


def _flag_buttons(flag: Flag, language: str) -> Keyboard:
    names = APPEAL_BUTTONS if flag.kind == "appeal" else FLAG_BUTTONS
    return (tuple(Button(text(language, f"btn_{n}"), f"mod:{n}:{flag.id}") for n in names),)


async def _post_flag(ctx: Context, flag: Flag, taken: list[str], *, no_rights: bool) -> None:
    chat_id = ctx.services.moderation.moderator_chat_id
    if chat_id is None or flag.id is None:
        return
    language = ctx.services.moderation.language
    note = text(language, "flag_no_rights") if no_rights else ""
    sent = await ctx.execute(
        SendMessage(
            chat_id,
            _flag_text(flag, language, ", ".join(taken), note),
            buttons=_flag_buttons(flag, language),
        )
    )
    if sent is not None:
        async with ctx.services.db.session() as session:
            await repo.set_flag_message(session, flag.id, sent.chat_id, sent.message_id)
        flag.mod_chat_id, flag.mod_message_id = sent.chat_id, sent.message_id


# -- strikes, mutes, bans ------------------------------------------------------------------


async def _strike(ctx: Context, flag: Flag, language: str) -> list[Action]:
    assert flag.author_id is not None
    policy = ctx.services.policy
    async with ctx.services.db.session() as session:
        count = await repo.add_strike(session, flag.chat_id, flag.author_id, flag.id)
        await repo.audit(session, "strike", chat_id=flag.chat_id, detail=f"flag:{flag.id}")
    if count % policy.warn_limit != 0:
        return []
    until = ctx.services.now() + timedelta(minutes=policy.mute_minutes)
    async with ctx.services.db.session() as session:
        await repo.audit(session, "mute", chat_id=flag.chat_id, detail=f"strikes:{count}")
    return [
        RestrictMember(flag.chat_id, flag.author_id, until),
        SendMessage(flag.chat_id, text(language, "muted", minutes=policy.mute_minutes)),
    ]


async def _ban_repeat_spammer(ctx: Context, flag: Flag) -> list[Action]:
    assert flag.author_id is not None
    async with ctx.services.db.session() as session:
        count = await repo.count_spam_flags(session, flag.chat_id, flag.author_id)
        if count < ctx.services.policy.ban_after:
            return []
        await repo.audit(session, "ban", chat_id=flag.chat_id, detail=f"spam_flags:{count}")
    return [BanMember(flag.chat_id, flag.author_id)]


# -- moderators' buttons -------------------------------------------------------------------


async def on_mod_button(
    event: CallbackEvent, decision: str, flag_ref: str, ctx: Context
) -> list[Action]:
    """`mod:<decision>:<flag id>`: authorised again on arrival; acts once."""
    language = pick_language(event.sender.language, ctx.services.moderation.language)
    if not await ctx.is_moderator(event.sender.id):
        return [AnswerCallback(event.id, text(language, "not_moderator"), alert=True)]
    flag_id = int(flag_ref) if flag_ref.isdigit() else None
    async with ctx.services.db.session() as session:
        flag = await repo.get_flag(session, flag_id) if flag_id is not None else None
    if flag is None or flag.id is None or decision not in DECISIONS:
        return [AnswerCallback(event.id, text(language, "stale_button"))]
    async with ctx.services.db.session() as session:
        won = await repo.claim_flag(
            session, flag.id, decision, event.sender.id, ctx.services.now()
        )
    if not won:
        return [AnswerCallback(event.id, text(language, "already_decided"))]
    actions, note = await _carry_out(ctx, flag, decision)
    moderator = event.sender.first_name or "moderator"
    async with ctx.services.db.session() as session:
        await repo.audit(
            session,
            f"decision:{decision}",
            chat_id=flag.chat_id,
            message_id=flag.message_id,
            actor=f"mod:{pseudonym(ctx.services.stats.pseudonym_secret, event.sender.id)}",
            detail=f"flag:{flag.id}",
        )
    await _record_decision(ctx, flag, decision)
    mod_language = ctx.services.moderation.language
    decided = text(mod_language, "flag_decided", decision=decision, moderator=moderator)
    # The pressed message itself: its id may not be stored yet if the press came very fast.
    chat_id = event.chat.id if event.chat else flag.mod_chat_id
    message_id = event.message_id or flag.mod_message_id
    if chat_id is not None and message_id is not None:
        edited = _flag_text(flag, mod_language, note=f"{decided} {note}".strip())
        actions.append(EditMessage(chat_id, message_id, edited))
    actions.append(AnswerCallback(event.id, text(language, "decision_done")))
    return actions


async def _record_decision(ctx: Context, flag: Flag, decision: str) -> None:
    await stats.record_decision(
        ctx.services.db, chat_id=flag.chat_id, day=ctx.services.now(), decision=decision
    )


async def _carry_out(ctx: Context, flag: Flag, decision: str) -> tuple[list[Action], str]:
    """What a moderator's decision does in the group; a note for the flag message."""
    language = flag.language if flag.language in LANGUAGES else ctx.services.moderation.language
    author = flag.author_id
    if flag.kind == "appeal":
        return await _decide_appeal(ctx, flag, decision, language), ""
    if author is None or decision == "dismiss":
        return [], ""
    if decision == "delete" and flag.message_id is not None:
        _, error = await ctx.try_execute(DeleteMessage(flag.chat_id, flag.message_id))
        if error == "not_found":
            return [], text(ctx.services.moderation.language, "flag_already_deleted")
        if error == "no_rights":
            return [], text(ctx.services.moderation.language, "flag_no_rights")
        return [], ""
    if decision == "warn":
        return await _strike(ctx, flag, language), ""
    if decision == "mute":
        until = ctx.services.now() + timedelta(minutes=ctx.services.policy.mute_minutes)
        minutes = ctx.services.policy.mute_minutes
        return [
            RestrictMember(flag.chat_id, author, until),
            SendMessage(flag.chat_id, text(language, "muted", minutes=minutes)),
        ], ""
    if decision == "ban":
        return [BanMember(flag.chat_id, author)], ""
    return [], ""


async def _decide_appeal(ctx: Context, flag: Flag, decision: str, language: str) -> list[Action]:
    assert flag.author_id is not None
    if decision == "accept":
        async with ctx.services.db.session() as session:
            await repo.clear_strikes(session, flag.chat_id, flag.author_id)
        outcome = text(language, "appeal_accepted")
        lift = RestrictMember(flag.chat_id, flag.author_id, ctx.services.now(), lift=True)
        return [lift, _tell(flag, outcome)]
    return [_tell(flag, text(language, "appeal_upheld"))]


def _tell(flag: Flag, body: str) -> SendMessage:
    """A message to a member: privately, else in the group."""
    assert flag.author_id is not None
    return SendMessage(flag.author_id, body, fallback=SendMessage(flag.chat_id, body))


# -- commands ------------------------------------------------------------------------------


async def on_appeal(event: MessageEvent, command: Command, ctx: Context) -> list[Action]:
    """`/appeal` (as a reply to the bot's warning, or alone): a flag for moderators."""
    sender = event.sender
    if sender is None or not event.chat.is_group:
        return []
    language = pick_language(sender.language, ctx.services.moderation.language)
    if (
        await ctx.services.state.hit(f"appeal:{event.chat.id}:{sender.id}", 3600)
        > APPEALS_PER_HOUR
    ):
        return []
    async with ctx.services.db.session() as session:
        original = None
        if event.reply_to is not None and event.reply_to.from_bot:
            original = await repo.flag_by_notice(session, event.chat.id, event.reply_to.message_id)
        if original is None:
            original = await repo.latest_flag_of(session, event.chat.id, sender.id)
        reason = redact(command.args, find_personal_data(command.args))[:500]
        appeal = await repo.add_flag(
            session,
            Flag(
                chat_id=event.chat.id,
                message_id=original.message_id if original else None,
                author_id=sender.id,
                author_pseudonym=pseudonym(ctx.services.stats.pseudonym_secret, sender.id),
                kind="appeal",
                labels=original.labels if original else "",
                reasons=f"appeal of flag #{original.id}" if original else "appeal",
                redacted_text=reason or None,
                language=language,
                created_at=ctx.services.now(),
            ),
        )
        await repo.audit(session, "appeal", chat_id=event.chat.id, detail=f"flag:{appeal.id}")
    await _post_flag(ctx, appeal, [], no_rights=False)
    return [reply(event, text(language, "appeal_sent"))]


async def on_pending(event: MessageEvent, command: Command, ctx: Context) -> list[Action]:
    """`/pending` in the moderators' chat: open flags."""
    language = ctx.services.moderation.language
    if event.sender is None or not await ctx.is_moderator(event.sender.id):
        return [reply(event, text(language, "moderators_only"))]
    async with ctx.services.db.session() as session:
        flags = await repo.open_flags(session)
    lines = [text(language, "pending_header") if flags else text(language, "pending_none")]
    for flag in flags:
        age = ctx.services.now() - flag.created_at
        hours = int(age.total_seconds() // 3600)
        lines.append(f"#{flag.id} · {flag.kind} · {flag.labels or '-'} · {hours} h")
    # Doctor applications wait for the same people: one list.
    lines += ["", await doctors.pending_applications_text(ctx, language)]
    return [reply(event, "\n".join(lines).strip())]
