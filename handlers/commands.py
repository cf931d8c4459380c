"""Commands that need no moderation state: /start, /help, /rules, and unknown commands."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from handlers.actions import Action, SendMessage
from handlers.context import Context
from handlers.events import Command, MessageEvent
from handlers.i18n import pick_language, text
from handlers.services import Services

log = logging.getLogger(__name__)

CommandHandler = Callable[[MessageEvent, Command, Context], Awaitable[list[Action]]]


def language_of(event: MessageEvent, services: Services) -> str:
    """The language to answer a member in."""
    code = event.sender.language if event.sender else None
    return pick_language(code, services.moderation.language)


def reply(event: MessageEvent, body: str) -> SendMessage:
    """A reply to the event's message, in its topic."""
    return SendMessage(
        chat_id=event.chat.id, text=body, reply_to=event.message_id, thread_id=event.thread_id
    )


async def on_start(event: MessageEvent, _command: Command, ctx: Context) -> list[Action]:
    """What the bot does, in the member's language."""
    key = "start" if event.chat.is_private else "help"
    return [reply(event, text(language_of(event, ctx.services), key))]


async def on_help(event: MessageEvent, _command: Command, ctx: Context) -> list[Action]:
    """The list of commands."""
    return [reply(event, text(language_of(event, ctx.services), "help"))]


async def on_rules(event: MessageEvent, _command: Command, ctx: Context) -> list[Action]:
    """The group's health-information policy."""
    return [reply(event, text(language_of(event, ctx.services), "rules"))]


COMMANDS: dict[str, CommandHandler] = {
    "start": on_start,
    "help": on_help,
    "rules": on_rules,
}


async def on_unknown(event: MessageEvent, command: Command, ctx: Context) -> list[Action]:
    """Answer an unknown command where it was clearly meant for us."""
    log.info("unknown command /%s in a %s chat", command.name[:32], event.chat.type)
    if event.chat.is_private or command.addressee:
        return [reply(event, text(language_of(event, ctx.services), "unknown_command"))]
    # In a group an unaddressed unknown command is usually another bot's: stay quiet.
    return []
