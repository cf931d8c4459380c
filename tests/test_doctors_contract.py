"""Doctors end to end on both runtimes, over HTTP to the fake Bot API, as `medguard run` runs.

Apply → approve → /ask → offer → take → answer in the group → the asker rates; pass and timeout
re-offers; nobody available; a revoked doctor gets nothing; a patient can neither approve nor
vote twice; the doctor never sees who asked; an offer made before a restart is answered after.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update
from sqlmodel import col

from bot.config import Settings
from handlers.i18n import text
from storage.db import Database
from storage.doctors import QuestionOffer
from tests.fake_bot_api import FakeBotAPI
from tests.harness import make_settings, running_bot

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")

GROUP = -1001999000001
MODS = -1001999000002
PATIENT = 7_500_000_001
STRANGER = 7_500_000_002
MODERATOR = 7_500_000_003
DOC1 = 7_500_000_011
DOC2 = 7_500_000_012
QUESTION = "kardioloq: ürəyim tez-tez döyünür, gecələr təngnəfəs oluram, nə etməliyəm?"
WITHIN = 15.0


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as server:
        server.add_chat(GROUP, "supergroup", "Sağlamlıq")
        server.add_chat(MODS, "supergroup", "Moderatorlar")
        server.add_user(PATIENT, "Aysel", "az", "aysel_patient")
        server.add_user(STRANGER, "Ivan", "ru")
        server.add_user(MODERATOR, "Elnur", "az")
        server.add_user(DOC1, "Rəşad", "az")
        server.add_user(DOC2, "Leyla", "en")
        server.set_admins(MODS, [MODERATOR])
        server.set_admins(GROUP, [MODERATOR])
        server.add_members(GROUP, [PATIENT, STRANGER, DOC1, DOC2])
        yield server


@pytest.fixture(scope="module", autouse=True)
def loaded_classifier() -> None:
    """Load the model before the first bot starts, or its start-up outlasts the harness's wait."""
    from bot import app

    load = getattr(app, "load_classifier", None)
    if load is not None:
        load(Settings.model_validate({}))


@pytest.fixture(autouse=True)
def quick_sweeps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.app.SWEEP_SECONDS", 0.2)


def settings_for(fake: FakeBotAPI, framework: str, tmp_path: Path) -> Settings:
    return make_settings(fake, framework, tmp_path, moderation={"moderator_chat_id": MODS})


def buttons(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [key["callback_data"] for row in markup.get("inline_keyboard", []) for key in row]


async def carrying(fake: FakeBotAPI, chat_id: int, data: str) -> dict[str, Any]:
    """The bot's message in a chat that carries a button with this data (waits for it)."""
    deadline = asyncio.get_running_loop().time() + WITHIN
    while asyncio.get_running_loop().time() < deadline:
        for message in reversed(fake.messages_in(chat_id)):
            if data in buttons(message):
                return message
        await asyncio.sleep(0.05)
    raise AssertionError(f"no message with {data} in chat {chat_id}")


async def bot_text(fake: FakeBotAPI, chat_id: int, needle: str) -> dict[str, Any]:
    """The next message the bot sends to a chat containing `needle`."""
    return await fake.wait_for(
        "sendMessage",
        lambda p: int(p["chat_id"]) == chat_id and needle in p["text"],
        timeout=WITHIN,
    )


async def press(fake: FakeBotAPI, message: dict[str, Any], user: int, data: str) -> dict[str, Any]:
    """Press a button and return the bot's answer to the press."""
    query = fake.press_button(message["chat"]["id"], message["message_id"], user, data)
    return await fake.wait_for(
        "answerCallbackQuery", lambda p: p["callback_query_id"] == query, timeout=WITHIN
    )


async def register(fake: FakeBotAPI, user: int, args: str, number: int) -> None:
    """Apply in private; the moderator approves; the doctor is told."""
    fake.inject_message(user, user, f"/doctor {args}")
    application = await carrying(fake, MODS, f"doc:approve:{number}")
    await press(fake, application, MODERATOR, f"doc:approve:{number}")
    await bot_text(fake, user, "/away")


async def test_apply_approve_ask_take_answer_rate(
    fake: FakeBotAPI, framework: str, tmp_path: Path
) -> None:
    async with running_bot(fake, settings_for(fake, framework, tmp_path)) as bot:
        fake.inject_message(DOC1, DOC1, "/doctor kardioloq LIC-12345 Rəşad Əliyev")
        await bot_text(fake, DOC1, "#1")
        application = await carrying(fake, MODS, "doc:approve:1")
        assert "Rəşad Əliyev" in application["text"]
        assert buttons(application) == ["doc:approve:1", "doc:reject:1"]

        refused = await press(fake, application, PATIENT, "doc:approve:1")
        assert refused.get("show_alert") is True
        approved = await press(fake, application, MODERATOR, "doc:approve:1")
        assert not approved.get("show_alert")
        await bot_text(fake, DOC1, "/away")
        decided = fake.message(MODS, application["message_id"])
        assert decided is not None
        assert "reply_markup" not in decided
        assert "Elnur" in decided["text"]
        again = await press(fake, application, MODERATOR, "doc:approve:1")
        assert again.get("text")
        await fake.assert_no_call("sendMessage", lambda p: int(p["chat_id"]) == DOC1)

        asked = fake.inject_message(GROUP, PATIENT, f"/ask {QUESTION}")
        ack = await bot.reply_to(asked, within=WITHIN)
        assert "kardioloq" in ack["text"]
        offer = await carrying(fake, DOC1, "q:take:1")
        assert "təngnəfəs" in offer["text"]
        assert buttons(offer) == ["q:take:1", "q:pass:1"]

        taken = await press(fake, offer, DOC1, "q:take:1")
        assert not taken.get("show_alert")
        await bot_text(fake, DOC1, "✍️")
        prompt = next(m for m in fake.messages_in(DOC1) if m["text"].startswith("✍️"))
        fake.inject_message(DOC1, DOC1, "EKQ və Holter çəkdirin.", reply_to=prompt["message_id"])

        answer = await carrying(fake, GROUP, "rate:up:1")
        assert answer["reply_to_message"]["message_id"] == asked["message_id"]
        assert "EKQ və Holter" in answer["text"]
        assert "Rəşad Əliyev" in answer["text"]
        assert "✅" in answer["text"]
        assert buttons(answer) == ["rate:up:1", "rate:down:1"]
        await bot_text(fake, DOC1, text("az", "doc_answer_posted", id=1))

        other = await press(fake, answer, STRANGER, "rate:up:1")
        assert other.get("show_alert") is True
        thanks = await press(fake, answer, PATIENT, "rate:up:1")
        assert not thanks.get("show_alert")
        twice = await press(fake, answer, PATIENT, "rate:down:1")
        assert twice.get("text") != thanks.get("text")

        listing = fake.inject_message(GROUP, STRANGER, "/doctors")
        shown = (await bot.reply_to(listing, within=WITHIN))["text"]
        assert "Rəşad Əliyev" in shown

    to_doctor = [c.params for c in fake.calls if str(c.params.get("chat_id")) == str(DOC1)]
    seen = json.dumps(to_doctor, ensure_ascii=False, default=str)
    assert to_doctor
    assert str(PATIENT) not in seen
    assert "Aysel" not in seen
    assert "aysel_patient" not in seen


async def test_pass_and_timeout_offer_to_the_next_doctor(
    fake: FakeBotAPI, framework: str, tmp_path: Path
) -> None:
    settings = settings_for(fake, framework, tmp_path)
    async with running_bot(fake, settings):
        await register(fake, DOC1, "kardioloq LIC-1 Rəşad Əliyev", 1)
        await register(fake, DOC2, "cardiologist LIC-2 Leyla Mammadova", 2)

        fake.inject_message(GROUP, PATIENT, f"/ask {QUESTION}")
        first = await offered(fake, 1)
        holder, other = first
        offer = await carrying(fake, holder, "q:take:1")
        await press(fake, offer, holder, "q:pass:1")
        await carrying(fake, other, "q:take:1")
        passed = fake.message(holder, offer["message_id"])
        assert passed is not None
        assert "reply_markup" not in passed

        # The second question goes to the doctor without an open offer: the one who passed.
        fake.inject_message(GROUP, PATIENT, "/ask kardioloq: təzyiqim 160/100-dür")
        second = await carrying(fake, holder, "q:take:2")
        await expire_offers(settings, question_id=2)
        await carrying(fake, other, "q:take:2")
        expired = fake.message(holder, second["message_id"])
        assert expired is not None
        assert "reply_markup" not in expired
        assert "/answer 2" in expired["text"]


async def offered(fake: FakeBotAPI, question_id: int) -> tuple[int, int]:
    """(the doctor the question was offered to, the other doctor)."""
    data = f"q:take:{question_id}"
    deadline = asyncio.get_running_loop().time() + WITHIN
    while asyncio.get_running_loop().time() < deadline:
        for doctor, other in ((DOC1, DOC2), (DOC2, DOC1)):
            if any(data in buttons(m) for m in fake.messages_in(doctor)):
                return doctor, other
        await asyncio.sleep(0.05)
    raise AssertionError(f"question {question_id} was not offered")


async def expire_offers(settings: Settings, question_id: int) -> None:
    """Let the offer's time run out (what `offer_minutes` of waiting would do)."""
    database = Database.from_url(settings.storage.resolved_database_url())
    try:
        async with database.session() as session:
            await session.exec(
                update(QuestionOffer)
                .where(col(QuestionOffer.question_id) == question_id)
                .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
            )
    finally:
        await database.close()


async def test_nobody_available_and_revoked_doctor_gets_nothing(
    fake: FakeBotAPI, framework: str, tmp_path: Path
) -> None:
    async with running_bot(fake, settings_for(fake, framework, tmp_path)) as bot:
        asked = fake.inject_message(GROUP, PATIENT, f"/ask {QUESTION}")
        assert "🕒" in (await bot.reply_to(asked, within=WITHIN))["text"]

        await register(fake, DOC1, "kardioloq LIC-1 Rəşad Əliyev", 1)
        await carrying(fake, DOC1, "q:take:1")  # the queued question reaches the new doctor

        fake.inject_message(MODS, PATIENT, "/revoke 1")
        await bot_text(fake, MODS, "/revoke")
        revoke = fake.inject_message(MODS, MODERATOR, "/revoke 1")
        assert "#1" in (await bot.reply_to(revoke, within=WITHIN))["text"]
        await bot_text(fake, DOC1, text("az", "doc_revoked_notice"))
        withdrawn = await bot_edit(fake, DOC1)
        assert "reply_markup" not in withdrawn

        fake.clear_calls()
        again = fake.inject_message(GROUP, STRANGER, "/ask kardioloq: ürəyim sancır")
        assert "🕒" in (await bot.reply_to(again, within=WITHIN))["text"]
        late = fake.inject_message(DOC1, DOC1, "/answer 1 EKQ çəkdirin")
        refusal = await bot.reply_to(late, within=WITHIN)
        assert "/doctor" in refusal["text"]
        await asyncio.sleep(0.5)  # a couple of sweeps
        to_doctor = [p for p in fake.calls_of("sendMessage") if int(p["chat_id"]) == DOC1]
        assert [p["text"] for p in to_doctor] == [refusal["text"]]
        assert not any(buttons(m) for m in fake.messages_in(GROUP))


async def bot_edit(fake: FakeBotAPI, chat_id: int) -> dict[str, Any]:
    params = await fake.wait_for(
        "editMessageText", lambda p: int(p["chat_id"]) == chat_id, timeout=WITHIN
    )
    message = fake.message(chat_id, int(params["message_id"]))
    assert message is not None
    return message


async def test_offer_made_before_a_restart_is_answered_after_it(
    fake: FakeBotAPI, framework: str, tmp_path: Path
) -> None:
    settings = settings_for(fake, framework, tmp_path)
    async with running_bot(fake, settings):
        await register(fake, DOC1, "kardioloq LIC-1 Rəşad Əliyev", 1)
        asked = fake.inject_message(GROUP, PATIENT, f"/ask {QUESTION}")
        offer = await carrying(fake, DOC1, "q:take:1")

    async with running_bot(fake, settings):
        fake.inject_message(DOC1, DOC1, "Holter monitorinq edin.", reply_to=offer["message_id"])
        answer = await carrying(fake, GROUP, "rate:up:1")
        assert answer["reply_to_message"]["message_id"] == asked["message_id"]
        assert "Holter" in answer["text"]
        rated = await press(fake, answer, PATIENT, "rate:up:1")
        assert not rated.get("show_alert")
