"""Contract tests: the same scenarios through aiogram and python-telegram-bot, over real HTTP
to the in-repo fake Bot API server, with the bot started exactly as `medguard run` starts it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import aiohttp
import pytest

from tests.fake_bot_api import FakeBotAPI
from tests.harness import TOKEN, free_port, make_settings, running_bot

GROUP = -1001777000001
PATIENT = 7_300_000_001
RUSSIAN = 7_300_000_002
POLL = {
    "id": "1",
    "question": "?",
    "options": [],
    "total_voter_count": 0,
    "is_closed": False,
    "is_anonymous": True,
    "type": "regular",
    "allows_multiple_answers": False,
}

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as server:
        server.add_chat(GROUP, "supergroup", "Sağlamlıq")
        server.add_user(PATIENT, "Aysel", "az")
        server.add_user(RUSSIAN, "Ольга", "ru")
        yield server


async def test_start_in_private_and_rules_in_group(
    fake: FakeBotAPI, framework: str, tmp_path: Path
) -> None:
    async with running_bot(fake, make_settings(fake, framework, tmp_path)) as bot:
        start = fake.inject_message(PATIENT, PATIENT, "/start")
        reply = await bot.reply_to(start)
        assert reply["text"].startswith("Salam")

        start_ru = fake.inject_message(RUSSIAN, RUSSIAN, "/start")
        assert (await bot.reply_to(start_ru))["text"].startswith("Здравствуйте")

        rules = fake.inject_message(GROUP, PATIENT, "/rules@medguard_test_bot")
        assert "103" in (await bot.reply_to(rules))["text"]
    commands = fake.calls_of("setMyCommands")[0]["commands"]
    assert {c["command"] for c in commands} >= {"start", "help", "rules"}


async def test_bad_input_never_stops_the_bot(
    fake: FakeBotAPI, framework: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    async with running_bot(fake, make_settings(fake, framework, tmp_path)) as bot:
        fake.inject_message(GROUP, PATIENT, sticker=True)
        fake.inject_message(GROUP, PATIENT, photo=True)
        fake.inject_message(GROUP, PATIENT, new_chat_members=[7_300_000_009])
        fake.inject_message(GROUP, PATIENT, "ə" * 4096)
        fake.inject_message(GROUP, PATIENT, "/nosuchcommand@medguard_test_bot")
        query = fake.press_button(GROUP, 1, PATIENT, "not:a:valid:callback")
        fake.inject_raw_update({"poll": POLL})
        answer = await fake.wait_for(
            "answerCallbackQuery", lambda p: p["callback_query_id"] == query
        )
        assert answer.get("text")
        probe = fake.inject_message(GROUP, PATIENT, "/rules")
        await bot.reply_to(probe)
        unknown = await fake.wait_for("sendMessage", lambda p: "/help" in p["text"])
        assert int(unknown["chat_id"]) == GROUP
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "sticker" in logged
    assert "photo" in logged


async def test_logs_carry_no_message_text_or_user_ids(
    fake: FakeBotAPI, framework: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    secret = "Aysel Məmmədovanın diabeti var, nömrəsi +994 50 123 45 67"
    async with running_bot(fake, make_settings(fake, framework, tmp_path)) as bot:
        fake.inject_message(GROUP, PATIENT, secret)
        fake.inject_message(PATIENT, PATIENT, "/unknown " + secret)
        await bot.reply_to(fake.inject_message(GROUP, PATIENT, "/help"))
    logged = "\n".join(r.getMessage() for r in caplog.records) + caplog.text
    assert "diabeti" not in logged
    assert "123 45 67" not in logged
    assert str(PATIENT) not in logged
    assert TOKEN.split(":")[1] not in logged


async def test_rate_limit_on_send_is_retried(
    fake: FakeBotAPI, framework: str, tmp_path: Path
) -> None:
    async with running_bot(fake, make_settings(fake, framework, tmp_path)) as bot:
        fake.fail_next("sendMessage", 429, retry_after=1)
        rules = fake.inject_message(GROUP, PATIENT, "/rules")
        assert "103" in (await bot.reply_to(rules, within=15))["text"]
    assert len(fake.calls_of("sendMessage")) == 2


async def test_webhook_checks_the_secret_token(
    fake: FakeBotAPI, framework: str, tmp_path: Path
) -> None:
    port = free_port()
    settings = make_settings(
        fake,
        framework,
        tmp_path,
        telegram={"webhook_port": port, "webhook_secret": "s3cret-Token"},
    )
    update = {
        "update_id": 555,
        "message": {
            "message_id": 42,
            "date": 1_700_000_000,
            "chat": {"id": PATIENT, "type": "private", "first_name": "Aysel"},
            "from": {"id": PATIENT, "is_bot": False, "first_name": "Aysel", "language_code": "en"},
            "text": "/start",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        },
    }
    url = f"http://127.0.0.1:{port}/telegram"
    async with running_bot(fake, settings, webhook=True), aiohttp.ClientSession() as http:
        for attempt in range(50):
            with contextlib.suppress(aiohttp.ClientConnectionError):
                async with http.post(url, json=update) as response:
                    break
            await asyncio.sleep(0.1 * (attempt + 1))
        assert response.status == 401
        headers = {"X-Telegram-Bot-Api-Secret-Token": "wrong"}
        async with http.post(url, json=update, headers=headers) as response:
            assert response.status == 401
        headers = {"X-Telegram-Bot-Api-Secret-Token": "s3cret-Token"}
        async with http.post(url, data=b"{not json", headers=headers) as response:
            assert response.status == 400
        broken = {"update_id": 554, "message": {"message_id": 5, "this": "is broken"}}
        async with http.post(url, json=broken, headers=headers) as response:
            assert response.status == 200
        async with http.post(url, json=update, headers=headers) as response:
            assert response.status == 200
        reply = await fake.wait_for("sendMessage", lambda p: int(p["chat_id"]) == PATIENT)
        assert reply["text"].startswith("Hello")


def test_each_runtime_has_one_conversion_function() -> None:
    from bot import runtime_aiogram, runtime_ptb

    converters: list[Callable[..., object]] = [runtime_aiogram.to_event, runtime_ptb.to_event]
    assert all(callable(c) for c in converters)
