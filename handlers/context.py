"""The per-update context a use case receives: the services, and a way to act right now."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from handlers.actions import Action, DeleteMessage, Messenger, MessengerError, SendMessage, Sent
from handlers.services import Services

log = logging.getLogger(__name__)

MAX_RETRY_WAIT = 30.0


@dataclass(slots=True)
class Context:
    """What a use case works with while handling one update.

    Most use cases just return actions; `execute` is for those that need a result now (the id
    of the flag message they post, to store it). Every Bot API call goes through `execute`:
    a rate limit is waited out and retried once, a failure runs the action's fallback, and
    nothing raises to the caller — a failed send returns None.
    """

    services: Services
    messenger: Messenger
    schedule: Callable[[float, Action], None]

    async def execute(self, action: Action) -> Sent | None:
        """Perform one action now; None when it failed (already logged)."""
        for attempt in (1, 2):
            try:
                sent = await self.messenger.execute(action)
            except MessengerError as exc:
                if exc.kind == "rate_limited" and attempt == 1:
                    await asyncio.sleep(min(exc.retry_after or 1.0, MAX_RETRY_WAIT))
                    continue
                log.warning("%s failed: %s", type(action).__name__, exc.kind)
                fallback = getattr(action, "fallback", None)
                return await self.execute(fallback) if fallback else None
            if sent and isinstance(action, SendMessage) and action.delete_after:
                self.schedule(action.delete_after, DeleteMessage(sent.chat_id, sent.message_id))
            return sent
        return None

    async def try_execute(self, action: Action) -> tuple[Sent | None, str | None]:
        """Perform one action once; return the error kind instead of falling back or retrying
        beyond a rate limit, for use cases that react to a specific failure (no rights)."""
        try:
            return await self.messenger.execute(action), None
        except MessengerError as exc:
            if exc.kind == "rate_limited":
                await asyncio.sleep(min(exc.retry_after or 1.0, MAX_RETRY_WAIT))
                try:
                    return await self.messenger.execute(action), None
                except MessengerError as again:
                    exc = again
            log.warning("%s failed: %s", type(action).__name__, exc.kind)
            return None, exc.kind

    async def perform(self, actions: Sequence[Action]) -> list[Sent | None]:
        """Execute actions in order; one failing does not stop the others."""
        return [await self.execute(action) for action in actions]

    async def is_moderator(self, user_id: int) -> bool:
        """Configured moderator ids, or an admin of the moderators' chat (cached briefly)."""
        config = self.services.moderation
        if user_id in config.moderator_ids:
            return True
        if config.moderator_chat_id is None:
            return False
        return user_id in await self.admins(config.moderator_chat_id)

    async def admins(self, chat_id: int) -> set[int]:
        """A chat's administrators, cached for `admin_cache_seconds` in the state store."""
        key = f"admins:{chat_id}"
        cached = await self.services.state.get(key)
        if cached is not None:
            return {int(part) for part in cached.split(",") if part}
        try:
            admins = await self.messenger.chat_admins(chat_id)
        except MessengerError as exc:
            log.warning("getChatAdministrators failed: %s", exc.kind)
            return set()
        ttl = float(self.services.moderation.admin_cache_seconds)
        if ttl > 0:
            await self.services.state.set(key, ",".join(map(str, sorted(admins))), ttl)
        return admins
