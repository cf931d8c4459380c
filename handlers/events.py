"""Neutral events: what a runtime turns a Telegram update into. No framework types."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class User:
    """A Telegram account as the use cases need it."""

    id: int
    first_name: str = ""
    username: str | None = None
    language: str | None = None
    is_bot: bool = False


@dataclass(frozen=True, slots=True)
class Chat:
    """A chat: `type` is private, group, supergroup or channel."""

    id: int
    type: str
    title: str | None = None

    @property
    def is_private(self) -> bool:
        """Whether this is a one-to-one chat with the bot."""
        return self.type == "private"

    @property
    def is_group(self) -> bool:
        """Whether this is a group or supergroup."""
        return self.type in ("group", "supergroup")


@dataclass(frozen=True, slots=True)
class Entity:
    """A formatting entity of a message (bot_command, url, mention...)."""

    type: str
    offset: int
    length: int


@dataclass(frozen=True, slots=True)
class ReplyRef:
    """The message that a message replies to."""

    message_id: int
    sender_id: int | None
    from_bot: bool
    text: str = ""


@dataclass(frozen=True, slots=True)
class Command:
    """A bot command: `/name@bot args`."""

    name: str
    args: str
    addressee: str | None


@dataclass(frozen=True, slots=True)
class MessageEvent:
    """A new or edited message; `text` is the text or the caption, empty for media or service."""

    update_id: int
    chat: Chat
    sender: User | None
    message_id: int
    date: datetime
    text: str = ""
    kind: str = "text"
    reply_to: ReplyRef | None = None
    thread_id: int | None = None
    entities: tuple[Entity, ...] = ()
    edited: bool = False
    new_members: tuple[User, ...] = field(default=())

    @property
    def command(self) -> Command | None:
        """The command this message starts with, if any."""
        starts_with_command = any(e.type == "bot_command" and e.offset == 0 for e in self.entities)
        if not self.text.startswith("/") or (self.entities and not starts_with_command):
            return None
        head, _, args = self.text.partition(" ")
        name, _, addressee = head[1:].partition("@")
        if not name or not name.replace("_", "").isalnum():
            return None
        return Command(name=name.lower(), args=args.strip(), addressee=addressee or None)


@dataclass(frozen=True, slots=True)
class CallbackEvent:
    """A press of an inline button."""

    update_id: int
    id: str
    sender: User
    data: str
    chat: Chat | None = None
    message_id: int | None = None


Event = MessageEvent | CallbackEvent
