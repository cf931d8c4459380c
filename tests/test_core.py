"""The core pipeline with an in-memory Messenger: commands, bad input, retries, privacy."""

import logging
from collections.abc import AsyncIterator

import pytest

from handlers.actions import AnswerCallback, DeleteMessage, MessengerError, SendMessage
from handlers.core import Core, parse_callback
from handlers.events import CallbackEvent, MessageEvent
from handlers.services import Services
from storage.db import Database
from storage.state import MemoryState
from tests.fakes import ENGLISH, GROUP, PATIENT, RUSSIAN, InMemoryMessenger, message, private


@pytest.fixture
async def core(tmp_path) -> AsyncIterator[Core]:
    db = Database.from_url(f"sqlite+aiosqlite:///{tmp_path}/core.db")
    await db.upgrade()
    core = Core(Services(db=db, state=MemoryState(), bot_username="MedGuardBot"))
    yield core
    await core.close()
    await db.close()


@pytest.mark.parametrize(
    ("user", "needle"), [(PATIENT, "Salam"), (RUSSIAN, "Здравствуйте"), (ENGLISH, "Hello")]
)
async def test_start_in_private_answers_in_members_language(core: Core, user, needle) -> None:
    messenger = InMemoryMessenger()
    await core.handle(message("/start", sender=user, chat=private(user)), messenger)
    [reply] = messenger.sent()
    assert reply.chat_id == user.id
    assert reply.text.startswith(needle)


async def test_rules_in_group_replies_to_the_command(core: Core) -> None:
    messenger = InMemoryMessenger()
    event = message("/rules@MedGuardBot", message_id=77)
    await core.handle(event, messenger)
    [reply] = messenger.sent()
    assert (reply.chat_id, reply.reply_to) == (GROUP.id, 77)
    assert "103" in reply.text


async def test_command_for_another_bot_is_ignored(core: Core) -> None:
    messenger = InMemoryMessenger()
    await core.handle(message("/rules@OtherBot"), messenger)
    assert messenger.executed == []


async def test_unknown_command_answered_in_private_quiet_in_group(core: Core) -> None:
    messenger = InMemoryMessenger()
    await core.handle(message("/frobnicate", chat=private(PATIENT), sender=PATIENT), messenger)
    await core.handle(message("/frobnicate"), messenger)
    [reply] = messenger.sent()
    assert reply.chat_id == PATIENT.id
    assert "/help" in reply.text


@pytest.mark.parametrize("kind", ["sticker", "photo", "service"])
async def test_messages_without_text_are_logged_not_acted_on(
    core: Core, kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    messenger = InMemoryMessenger()
    with caplog.at_level(logging.INFO):
        await core.handle(message("", kind=kind), messenger)
    assert messenger.executed == []
    assert any(kind in r.getMessage() for r in caplog.records)


async def test_longest_telegram_message_is_handled(core: Core) -> None:
    messenger = InMemoryMessenger()
    await core.handle(message("/help " + "ə" * 4090), messenger)
    assert len(messenger.sent()) == 1


async def test_redelivered_update_acts_once(core: Core) -> None:
    messenger = InMemoryMessenger()
    event = message("/rules")
    await core.handle(event, messenger)
    await core.handle(event, messenger)
    assert len(messenger.sent()) == 1


@pytest.mark.parametrize("data", ["", "garbage", "mod:dismiss", "a:b:c:d", "x:y:" + "9" * 80])
async def test_malformed_or_unknown_callback_is_answered(core: Core, data: str) -> None:
    messenger = InMemoryMessenger()
    press = CallbackEvent(update_id=90_000 + len(data), id="cb1", sender=PATIENT, data=data)
    await core.handle(press, messenger)
    [answer] = messenger.executed
    assert isinstance(answer, AnswerCallback)
    assert answer.callback_id == "cb1"


def test_parse_callback() -> None:
    assert parse_callback("mod:dismiss:12") == ("mod", "dismiss", "12")
    assert parse_callback("mod::12") is None
    assert parse_callback("mod:dismiss") is None


async def test_rate_limit_is_retried_once(core: Core, monkeypatch) -> None:
    monkeypatch.setattr("handlers.context.MAX_RETRY_WAIT", 0.01)
    messenger = InMemoryMessenger(failures=[MessengerError("rate_limited", "", retry_after=5)])
    await core.handle(message("/rules"), messenger)
    assert messenger.attempts == 2
    assert len(messenger.sent()) == 1


async def test_second_rate_limit_gives_up_without_crashing(core: Core, monkeypatch) -> None:
    monkeypatch.setattr("handlers.context.MAX_RETRY_WAIT", 0.01)
    limited = MessengerError("rate_limited", "", retry_after=1)
    messenger = InMemoryMessenger(failures=[limited, limited])
    await core.handle(message("/rules"), messenger)
    assert messenger.sent() == []


async def test_failed_action_runs_its_fallback(core: Core) -> None:
    messenger = InMemoryMessenger(failures=[MessengerError("forbidden", "bot can't initiate")])
    fallback = SendMessage(chat_id=GROUP.id, text="notice")
    action = SendMessage(chat_id=PATIENT.id, text="private notice", fallback=fallback)
    assert await core.context(messenger).execute(action) is not None
    assert messenger.sent() == [fallback]


async def test_notice_deletes_itself_later(core: Core) -> None:
    messenger = InMemoryMessenger()
    sent = await core.context(messenger).execute(SendMessage(GROUP.id, "brief", delete_after=0.01))
    assert sent is not None
    import asyncio

    await asyncio.sleep(0.05)
    assert DeleteMessage(GROUP.id, sent.message_id) in messenger.executed


async def test_a_crashing_use_case_is_logged_without_text_or_ids(
    core: Core, monkeypatch, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "Samirə Quliyevanın xərçəngi var +994501234567"

    async def explode(event: MessageEvent, ctx):
        raise ValueError(f"bad {event.text} from {event.sender}")

    monkeypatch.setattr(core, "route", explode)
    messenger = InMemoryMessenger()
    with caplog.at_level(logging.DEBUG):
        await core.handle(message(secret), messenger)
    logged = caplog.text
    assert "ValueError" in logged
    assert "Samirə" not in logged
    assert "994501234567" not in logged
    assert str(PATIENT.id) not in logged


async def test_crash_on_a_button_still_answers_it(core: Core, monkeypatch) -> None:
    async def explode(event, ctx):
        raise RuntimeError("boom")

    monkeypatch.setattr(core, "route", explode)
    messenger = InMemoryMessenger()
    await core.handle(
        CallbackEvent(update_id=123_456, id="cb9", sender=PATIENT, data="x"), messenger
    )
    assert messenger.executed == [AnswerCallback("cb9")]


def test_text_catalogues_have_the_same_keys() -> None:
    from handlers.i18n import _catalogue

    keys = {lang: set(_catalogue(lang)) for lang in ("az", "ru", "en")}
    assert keys["az"] == keys["ru"] == keys["en"]
    assert "rules" in keys["az"]
