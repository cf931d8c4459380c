"""`medguard demo`: a console group chat driving the same Core as the Telegram runtimes."""

from __future__ import annotations

import asyncio
import itertools
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TextIO

from bot.app import App
from handlers.actions import (
    Action,
    AnswerCallback,
    BanMember,
    DeleteMessage,
    EditMessage,
    Keyboard,
    MessengerError,
    RestrictMember,
    SendMessage,
    SendPhoto,
    Sent,
)
from handlers.events import CallbackEvent, Chat, Entity, Event, MessageEvent, ReplyRef, User

GROUP = Chat(id=-100100, type="supergroup", title="Sağlamlıq qrupu")
MODERATORS = Chat(id=-100200, type="supergroup", title="Moderatorlar")

PERSONAS = {
    "patient": User(id=9001, first_name="Aysel", language="az"),
    "doctor": User(id=9002, first_name="Rəşad", language="az"),
    "moderator": User(id=9003, first_name="Elnur", language="az"),
}

USAGE = """Console demo — you type as a member of a health group; the bot answers below.
  <text>                 a message in the group as the current persona
  @patient|@doctor|@moderator [text]   switch persona (and optionally send)
  dm <text>              a message in your private chat with the bot (e.g. dm /start)
  mod <text>             a message in the moderators' chat
  reply <id> <text>      reply to message #id in the group
  press <data>           press a button by its callback data (e.g. mod:dismiss:1, q:take:1);
                         the press reaches the latest message that carries that button
  help | quit"""


@dataclass(slots=True)
class _Shown:
    chat: Chat
    text: str
    buttons: Keyboard = ()


class ConsoleMessenger:
    """Prints what the bot would do in Telegram."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.ids = itertools.count(1)
        self.messages: dict[tuple[int, int], _Shown] = {}

    def name(self, chat_id: int) -> str:
        """A readable name for a chat."""
        for chat in (GROUP, MODERATORS):
            if chat.id == chat_id:
                return f"[{chat.title}]"
        persona = next((k for k, u in PERSONAS.items() if u.id == chat_id), str(chat_id))
        return f"[private: {persona}]"

    def chat(self, chat_id: int) -> Chat:
        """The chat with this id: the group, the moderators' chat or a persona's private chat."""
        return next((c for c in (GROUP, MODERATORS) if c.id == chat_id), None) or Chat(
            id=chat_id, type="private"
        )

    def carrying(self, data: str) -> tuple[Chat, int] | None:
        """The latest message still carrying a button with this callback data."""
        for (_, message_id), shown in sorted(self.messages.items(), key=lambda i: -i[0][1]):
            if any(button.data == data for row in shown.buttons for button in row):
                return shown.chat, message_id
        return None

    def remember(self, chat: Chat, text: str) -> int:
        """Store a member's message and return its id."""
        message_id = next(self.ids)
        self.messages[(chat.id, message_id)] = _Shown(chat, text)
        return message_id

    def _print(self, line: str) -> None:
        print(line, file=self.out, flush=True)

    async def execute(self, action: Action) -> Sent | None:
        """Show one action."""
        match action:
            case SendMessage():
                message_id = next(self.ids)
                self.messages[(action.chat_id, message_id)] = _Shown(
                    self.chat(action.chat_id), action.text, action.buttons
                )
                where = f" ↪ #{action.reply_to}" if action.reply_to else ""
                self._print(f"{self.name(action.chat_id)} MedGuard #{message_id}{where}:")
                self._print("  " + action.text.replace("\n", "\n  "))
                for row in action.buttons:
                    self._print("  " + "  ".join(f"[{b.text} → {b.data}]" for b in row))
                return Sent(action.chat_id, message_id)
            case SendPhoto():
                message_id = next(self.ids)
                size = len(action.photo)
                self._print(f"{self.name(action.chat_id)} MedGuard sends a chart ({size} bytes)")
                return Sent(action.chat_id, message_id)
            case DeleteMessage():
                if self.messages.pop((action.chat_id, action.message_id), None) is None:
                    raise MessengerError("not_found", "message to delete not found")
                self._print(f"{self.name(action.chat_id)} ✖ message #{action.message_id} deleted")
            case RestrictMember():
                self._print(f"{self.name(action.chat_id)} member muted until {action.until:%H:%M}")
            case BanMember():
                self._print(f"{self.name(action.chat_id)} member banned")
            case EditMessage():
                self._print(f"{self.name(action.chat_id)} MedGuard edits #{action.message_id}:")
                self._print("  " + action.text.replace("\n", "\n  "))
                for row in action.buttons:
                    self._print("  " + "  ".join(f"[{b.text} → {b.data}]" for b in row))
                self.messages[(action.chat_id, action.message_id)] = _Shown(
                    self.chat(action.chat_id), action.text, action.buttons
                )
            case AnswerCallback():
                if action.text:
                    kind = "alert" if action.alert else "toast"
                    self._print(f"  ({kind}: {action.text})")
        return None

    async def chat_admins(self, chat_id: int) -> set[int]:
        """In the demo the moderator persona administers every chat."""
        return {PERSONAS["moderator"].id}


def _command_entities(text: str) -> tuple[Entity, ...]:
    if not text.startswith("/"):
        return ()
    return (Entity("bot_command", 0, len(text.split(" ", 1)[0])),)


class Demo:
    """Turns console lines into events for the Core."""

    def __init__(self, app: App, out: TextIO) -> None:
        self.app = app
        self.out = out
        self.messenger = ConsoleMessenger(out)
        self.persona = "patient"
        self.update_ids = itertools.count(1)

    def _message(self, chat: Chat, text: str, reply_to: int | None = None) -> MessageEvent:
        sender = PERSONAS[self.persona]
        message_id = self.messenger.remember(chat, text)
        self.out.write(
            f"{self.messenger.name(chat.id)} {sender.first_name} #{message_id}: {text}\n"
        )
        reply = None
        if reply_to is not None:
            shown = self.messenger.messages.get((chat.id, reply_to))
            reply = ReplyRef(reply_to, None, from_bot=True, text=shown.text if shown else "")
        return MessageEvent(
            update_id=next(self.update_ids),
            chat=chat,
            sender=sender,
            message_id=message_id,
            date=datetime.now(UTC),
            text=text,
            reply_to=reply,
            entities=_command_entities(text),
        )

    def parse(self, line: str) -> Event | str | None:
        """An event for the Core, a string to print, or None to quit."""
        line = line.strip()
        if not line:
            return ""
        head, _, rest = line.partition(" ")
        if head in ("quit", "exit", "/quit"):
            return None
        if head == "help":
            return USAGE
        if head.startswith("@") and head[1:] in PERSONAS:
            self.persona = head[1:]
            # "@doctor dm /available" switches persona and goes on with the rest of the line.
            return self.parse(rest) if rest else f"(now typing as {self.persona})"
        if head == "dm" and rest:
            user = PERSONAS[self.persona]
            return self._message(Chat(id=user.id, type="private"), rest)
        if head == "mod" and rest:
            return self._message(MODERATORS, rest)
        if head == "reply":
            target, _, text = rest.partition(" ")
            if not target.lstrip("#").isdigit() or not text:
                return "usage: reply <id> <text>"
            return self._message(GROUP, text, reply_to=int(target.lstrip("#")))
        if head == "press" and rest:
            # A stale or unknown button is pressed where moderators' buttons live.
            chat, message_id = self.messenger.carrying(rest) or (MODERATORS, None)
            return CallbackEvent(
                update_id=next(self.update_ids),
                id=f"cb{next(self.update_ids)}",
                sender=PERSONAS[self.persona],
                data=rest,
                chat=chat,
                message_id=message_id,
            )
        return self._message(GROUP, line)

    async def run(self, lines: Iterable[str]) -> None:
        """Feed lines until they run out or the user quits."""
        source = iter(lines)
        while (line := await asyncio.to_thread(next, source, None)) is not None:
            parsed = self.parse(line)
            if parsed is None:
                break
            if isinstance(parsed, str):
                if parsed:
                    self.out.write(parsed + "\n")
                continue
            await self.app.core.handle(parsed, self.messenger)


def console_lines(prompt: str = "> ") -> Iterable[str]:
    """Lines typed at the console (with a prompt when interactive)."""
    interactive = sys.stdin.isatty()
    while True:
        try:
            line = input(prompt) if interactive else sys.stdin.readline()
        except EOFError:
            return
        if not interactive and not line:
            return
        yield line
