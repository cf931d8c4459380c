"""Actions the use cases decide on and the Messenger port executes; plain values, no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Button:
    """An inline button; `data` is callback data of the form prefix:action:id."""

    text: str
    data: str


Keyboard = tuple[tuple[Button, ...], ...]


@dataclass(frozen=True, slots=True)
class SendMessage:
    """Send text to a chat, optionally as a reply, with buttons; a fallback runs if it fails."""

    chat_id: int
    text: str
    reply_to: int | None = None
    thread_id: int | None = None
    buttons: Keyboard = ()
    delete_after: float | None = None
    fallback: Action | None = None


@dataclass(frozen=True, slots=True)
class SendPhoto:
    """Send a PNG image with a caption."""

    chat_id: int
    photo: bytes
    caption: str = ""
    filename: str = "chart.png"


@dataclass(frozen=True, slots=True)
class DeleteMessage:
    """Delete a message."""

    chat_id: int
    message_id: int


@dataclass(frozen=True, slots=True)
class RestrictMember:
    """Mute a member until a moment; `lift` gives the right to write back instead."""

    chat_id: int
    user_id: int
    until: datetime
    lift: bool = False


@dataclass(frozen=True, slots=True)
class BanMember:
    """Ban a member from a chat."""

    chat_id: int
    user_id: int


@dataclass(frozen=True, slots=True)
class EditMessage:
    """Replace a message's text; empty `buttons` removes its keyboard."""

    chat_id: int
    message_id: int
    text: str
    buttons: Keyboard = ()


@dataclass(frozen=True, slots=True)
class AnswerCallback:
    """Answer a button press; `alert` shows a modal alert instead of a toast."""

    callback_id: str
    text: str | None = None
    alert: bool = False


Action = (
    SendMessage
    | SendPhoto
    | DeleteMessage
    | RestrictMember
    | BanMember
    | EditMessage
    | AnswerCallback
)


@dataclass(frozen=True, slots=True)
class Sent:
    """The message a send produced."""

    chat_id: int
    message_id: int


class MessengerError(Exception):
    """A Bot API call failed; `kind` is not_found, forbidden, no_rights, rate_limited or other."""

    def __init__(self, kind: str, description: str = "", retry_after: float | None = None):
        super().__init__(f"{kind}: {description}")
        self.kind = kind
        self.description = description
        self.retry_after = retry_after


class Messenger(Protocol):
    """The port through which actions reach Telegram (or the console demo, or a test double).

    `execute` performs one action and returns the sent message for sends, None otherwise; a
    failure raises MessengerError with a `kind` the use cases can act on, never a framework
    exception. `chat_admins` lists the user ids of a chat's administrators.
    """

    async def execute(self, action: Action) -> Sent | None: ...

    async def chat_admins(self, chat_id: int) -> set[int]: ...
