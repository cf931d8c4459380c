"""The emergency reply (DESIGN §3): one place that words it and sends it first."""

from __future__ import annotations

from classifiers.labels import Verdict
from handlers.actions import SendMessage
from handlers.context import Context
from handlers.events import MessageEvent
from handlers.i18n import LANGUAGES, text


def language_for(verdict: Verdict, ctx: Context) -> str:
    """The language of the message, else the configured default."""
    return verdict.language if verdict.language in LANGUAGES else ctx.services.moderation.language


def emergency_reply(event: MessageEvent, verdict: Verdict, language: str) -> SendMessage:
    """103/112 guidance as a reply to the message; a crisis message first for self-harm."""
    body = text(language, "emergency")
    if verdict.self_harm:
        body = text(language, "crisis") + "\n\n" + body
    return SendMessage(event.chat.id, body, reply_to=event.message_id, thread_id=event.thread_id)


async def reply_if_emergency(event: MessageEvent, body: str, ctx: Context) -> Verdict | None:
    """Answer at once if the quick reader sees an emergency in `body`; the verdict if it did."""
    reader = ctx.services.reader
    if reader is None:
        return None
    quick = reader.quick(body)
    if not quick.has("emergency"):
        return None
    await ctx.execute(emergency_reply(event, quick, language_for(quick, ctx)))
    return quick
