"""Test doubles for the Messenger port (handlers' tests run without Telegram at all)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from classifiers.labels import Verdict
from handlers.actions import Action, MessengerError, SendMessage, SendPhoto, Sent
from handlers.events import Chat, Entity, MessageEvent, User

PATIENT = User(id=7_100_000_001, first_name="Aysel", language="az")
RUSSIAN = User(id=7_100_000_002, first_name="Ольга", language="ru")
ENGLISH = User(id=7_100_000_003, first_name="John", language="en")
GROUP = Chat(id=-1001_500_000_001, type="supergroup", title="Sağlamlıq")

_updates = itertools.count(1)


def message(
    text: str = "",
    *,
    sender: User = PATIENT,
    chat: Chat = GROUP,
    kind: str = "text",
    message_id: int = 10,
    edited: bool = False,
) -> MessageEvent:
    """A message event with a fresh update id; commands get their bot_command entity."""
    entities: tuple[Entity, ...] = ()
    if text.startswith("/"):
        entities = (Entity("bot_command", 0, len(text.split(" ", 1)[0])),)
    return MessageEvent(
        update_id=next(_updates),
        chat=chat,
        sender=sender,
        message_id=message_id,
        date=datetime.now(UTC),
        text=text,
        kind=kind,
        entities=entities,
        edited=edited,
    )


def private(user: User) -> Chat:
    """The private chat of a user with the bot."""
    return Chat(id=user.id, type="private")


@dataclass
class InMemoryMessenger:
    """Records executed actions; `failures` queues MessengerErrors for the next calls."""

    executed: list[Action] = field(default_factory=list)
    failures: list[MessengerError | None] = field(default_factory=list)
    admins: dict[int, set[int]] = field(default_factory=dict)
    attempts: int = 0
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1000))

    async def execute(self, action: Action) -> Sent | None:
        self.attempts += 1
        if self.failures:
            failure = self.failures.pop(0)
            if failure is not None:
                raise failure
        self.executed.append(action)
        if isinstance(action, SendMessage | SendPhoto):
            return Sent(action.chat_id, next(self._ids))
        return None

    async def chat_admins(self, chat_id: int) -> set[int]:
        return self.admins.get(chat_id, set())

    def sent(self) -> list[SendMessage]:
        return [a for a in self.executed if isinstance(a, SendMessage)]


@dataclass
class FakeReader:
    """A Reader answering from a table of texts → labels; records the order of calls."""

    table: dict[str, tuple[str, ...]] = field(default_factory=dict)
    language: str = "az"
    calls: list[str] = field(default_factory=list)

    def _verdict(self, text: str) -> Verdict:
        labels = self.table.get(text, ())
        return Verdict(
            labels=labels,
            scores=dict.fromkeys(labels, 0.9),
            specialty="cardiology" if "question" in labels else None,
            language=self.language,
            reasons=tuple(f"fake:{label}" for label in labels),
            self_harm="self_harm" in text,
        )

    async def read(self, texts: Sequence[str]) -> list[Verdict]:
        self.calls.append("read")
        return [self._verdict(t) for t in texts]

    def quick(self, text: str) -> Verdict:
        self.calls.append("quick")
        verdict = self._verdict(text)
        # The quick path only knows emergencies for sure; the model adds the rest.
        return Verdict(
            labels=tuple(lab for lab in verdict.labels if lab == "emergency"),
            scores=verdict.scores,
            language=verdict.language,
            self_harm=verdict.self_harm,
        )

    async def answer_style(self, texts: Sequence[str]) -> list[tuple[str, ...]]:
        return [("instrumental",) for _ in texts]
