"""What the use cases are handed: plain settings values and the stores, built by bot/app.py."""

from __future__ import annotations

from dataclasses import dataclass, field

from storage.db import Database
from storage.state import StateStore


@dataclass(frozen=True, slots=True)
class ModerationConfig:
    """The moderation settings the use cases read (a plain copy of config.toml values)."""

    language: str = "az"
    moderator_chat_id: int | None = None
    moderator_ids: frozenset[int] = frozenset()
    groups: frozenset[int] = frozenset()
    admin_cache_seconds: int = 60

    def is_moderated(self, chat_id: int) -> bool:
        """Whether the bot moderates this group (by default all but the moderators' chat)."""
        if chat_id == self.moderator_chat_id:
            return False
        return not self.groups or chat_id in self.groups


@dataclass(slots=True)
class Services:
    """Everything a use case may need; one instance per running bot."""

    db: Database
    state: StateStore
    moderation: ModerationConfig = field(default_factory=ModerationConfig)
    bot_username: str = ""
