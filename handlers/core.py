"""The pipeline every update goes through: de-duplicate, route to a use case, execute actions.

Runtimes call `Core.handle(event, messenger)` and nothing else. No update may crash the bot:
failures are logged here, by kind and stack only — never message text or user ids.
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections.abc import Awaitable, Callable

from handlers.actions import Action, AnswerCallback, Messenger, MessengerError
from handlers.commands import COMMANDS, CommandHandler, on_unknown
from handlers.context import Context
from handlers.events import CallbackEvent, Event, MessageEvent
from handlers.i18n import pick_language, text
from handlers.services import Services

log = logging.getLogger(__name__)

UPDATE_TTL = 24 * 3600.0

CallbackHandler = Callable[[CallbackEvent, str, str, Context], Awaitable[list[Action]]]
MessageHandler = Callable[[MessageEvent, Context], Awaitable[list[Action]]]
# Returns None when the message is not its business, so the next handler may look at it.
PrivateHandler = Callable[[MessageEvent, Context], Awaitable[list[Action] | None]]


def describe_failure(exc: BaseException) -> str:
    """An exception's type and stack, without its message (which may quote user text)."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = " <- ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}" for f in reversed(frames))
    return f"{type(exc).__name__} at {where or '?'}"


def parse_callback(data: str) -> tuple[str, str, str] | None:
    """Split `prefix:action:id`; None when malformed."""
    parts = data.split(":")
    if len(parts) != 3 or not all(parts) or len(data.encode()) > 64:
        return None
    return parts[0], parts[1], parts[2]


class Core:
    """Routes neutral events to use cases and executes the resulting actions.

    Use cases are registered by handlers/registry.py: `commands` by name, `callbacks` by the
    prefix of their callback data, `group_text` for every text in a moderated group, and
    `private_text` handlers tried in order for texts in private chats.
    """

    def __init__(self, services: Services) -> None:
        self.services = services
        self.commands: dict[str, CommandHandler] = dict(COMMANDS)
        self.callbacks: dict[str, CallbackHandler] = {}
        self.group_text: MessageHandler | None = None
        self.private_text: list[PrivateHandler] = []
        self._background: set[asyncio.Task[None]] = set()

    def context(self, messenger: Messenger) -> Context:
        """A context for work outside an update (sweeps, timers)."""
        return Context(
            self.services, messenger, lambda delay, action: self._later(delay, messenger, action)
        )

    async def handle(self, event: Event, messenger: Messenger) -> None:
        """Process one update end to end; never raises (except cancellation)."""
        ctx = self.context(messenger)
        try:
            if not await self.services.state.first_seen(f"update:{event.update_id}", UPDATE_TTL):
                log.info("update %d already handled, skipped", event.update_id)
                return
            actions = await self.route(event, ctx)
            await ctx.perform(actions)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.error("update %d failed: %s", event.update_id, describe_failure(exc))
            if isinstance(event, CallbackEvent):
                # A press must always be answered, or the member's button spins forever.
                await self._quiet(messenger, AnswerCallback(event.id))

    async def route(self, event: Event, ctx: Context) -> list[Action]:
        """The actions a use case decides on for `event`."""
        if isinstance(event, CallbackEvent):
            return await self.on_callback(event, ctx)
        return await self.on_message(event, ctx)

    async def on_message(self, event: MessageEvent, ctx: Context) -> list[Action]:
        """A new or edited message."""
        if event.sender is not None and event.sender.is_bot:
            return []
        command = None if event.edited else event.command
        if command is not None:
            addressee = command.addressee
            if addressee and addressee.lower() != self.services.bot_username.lower():
                return []
            handler = self.commands.get(command.name, on_unknown)
            return await handler(event, command, ctx)
        if not event.text:
            log.info(
                "update %d: %s message without text, nothing to do", event.update_id, event.kind
            )
            return []
        if event.chat.is_group and self.group_text is not None:
            if self.services.moderation.is_moderated(event.chat.id):
                return await self.group_text(event, ctx)
            return []
        if event.chat.is_private:
            for private in self.private_text:
                actions = await private(event, ctx)
                if actions is not None:
                    return actions
        return []

    async def on_callback(self, event: CallbackEvent, ctx: Context) -> list[Action]:
        """A button press: dispatch by prefix; malformed or unknown data gets a polite answer."""
        parsed = parse_callback(event.data)
        handler = self.callbacks.get(parsed[0]) if parsed else None
        if parsed is None or handler is None:
            log.info("update %d: unknown or malformed callback data", event.update_id)
            language = pick_language(event.sender.language, self.services.moderation.language)
            return [AnswerCallback(event.id, text(language, "stale_button"))]
        return await handler(event, parsed[1], parsed[2], ctx)

    def keep(self, task: asyncio.Task[None]) -> None:
        """Own a background task: cancelled and awaited by `close`."""
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    def _later(self, delay: float, messenger: Messenger, action: Action) -> None:
        async def run() -> None:
            await asyncio.sleep(delay)
            await self._quiet(messenger, action)

        self.keep(asyncio.create_task(run()))

    async def _quiet(self, messenger: Messenger, action: Action) -> None:
        try:
            await messenger.execute(action)
        except MessengerError as exc:
            log.warning("%s failed: %s", type(action).__name__, exc.kind)

    async def close(self) -> None:
        """Cancel pending background work (auto-deleting notices)."""
        for task in list(self._background):
            task.cancel()
        await asyncio.gather(*self._background, return_exceptions=True)
