"""Moderation end to end on both runtimes: the real classifier, the fake Bot API over HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests.fake_bot_api import FakeBotAPI
from tests.harness import Running, make_settings, running_bot

pytestmark = [pytest.mark.model, pytest.mark.slow]

GROUP = -1001888000001
MODS = -1001888000002
PATIENT = 7_400_000_001
SHY = 7_400_000_002  # never started the bot
MODERATOR = 7_400_000_003

EMERGENCY = "Atam birdən yıxıldı, huşunu itirib, nəfəs almır! Nə edim???"
SPAM = "Möcüzə arıqlama çayı! 7 günə -10 kq 🔥 Sifariş üçün yazın: wa.me/994501112233 endirim 50%"
ADVICE = "Sizdə qastritdir, narahat olmayın. Omeprazol için, gündə 2 dəfə 20 mq, keçəcək"
PERSONAL = "Leyla xanımın nömrəsi budur: 050 123 45 67, FİN kodu 5ZK7D2L, zəng edin ona"
BENIGN = "Hamıya təşəkkür edirəm, həkimə getdik, hər şey yaxşıdır 🙏"


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as server:
        server.add_chat(GROUP, "supergroup", "Sağlamlıq")
        server.add_chat(MODS, "supergroup", "Moderatorlar")
        server.add_user(PATIENT, "Aysel", "az")
        server.add_user(SHY, "Nərmin", "az", started_bot=False)
        server.add_user(MODERATOR, "Elnur", "az")
        server.set_admins(MODS, [MODERATOR])
        server.set_admins(GROUP, [MODERATOR])
        server.add_members(GROUP, [PATIENT, SHY])
        yield server


def settings_for(fake: FakeBotAPI, framework: str, tmp_path: Path, **policy: Any) -> Any:
    return make_settings(
        fake,
        framework,
        tmp_path,
        moderation={"moderator_chat_id": MODS},
        policy={"warn_limit": 2, **policy},
    )


def in_chat(chat_id: int) -> Any:
    return lambda p: int(p["chat_id"]) == chat_id


async def flag_post(bot: Running) -> dict[str, Any]:
    return await bot.fake.wait_for("sendMessage", in_chat(MODS), timeout=20)


def edit_of(message_id: int) -> Any:
    return lambda p: p["message_id"] == message_id


def button(post: dict[str, Any], action: str) -> str:
    for row in post["reply_markup"]["inline_keyboard"]:
        for key in row:
            if key["callback_data"].startswith(f"mod:{action}:"):
                return str(key["callback_data"])
    raise AssertionError(f"no {action} button in {post}")


async def test_each_label_takes_its_path(fake: FakeBotAPI, framework: str, tmp_path: Path) -> None:
    async with running_bot(fake, settings_for(fake, framework, tmp_path)) as bot:
        emergency = fake.inject_message(GROUP, PATIENT, EMERGENCY)
        reply = await bot.reply_to(emergency, within=20)
        assert "103" in reply["text"]
        assert "emergency" in (await flag_post(bot))["text"]

        spam = fake.inject_message(GROUP, PATIENT, SPAM)
        await fake.wait_for("deleteMessage", lambda p: p["message_id"] == spam["message_id"])
        assert "spam" in (await flag_post(bot))["text"]

        advice = fake.inject_message(GROUP, PATIENT, ADVICE)
        warning = await bot.reply_to(advice, within=20)
        assert "/ask" in warning["text"]
        assert "medical_advice" in (await flag_post(bot))["text"]

        personal = fake.inject_message(GROUP, PATIENT, PERSONAL)
        await fake.wait_for("deleteMessage", lambda p: p["message_id"] == personal["message_id"])
        notice = await fake.wait_for("sendMessage", in_chat(PATIENT))
        assert "123 45 67" not in notice["text"]
        post = await flag_post(bot)
        assert "123 45 67" not in post["text"]
        assert "5ZK7D2L" not in post["text"]

        fake.inject_message(GROUP, PATIENT, BENIGN)
        await fake.assert_no_call("sendMessage", in_chat(GROUP), within=1.5)
    assert not fake.was_deleted(GROUP, emergency["message_id"])


async def test_moderator_buttons_allowed_refused_and_pressed_twice(
    fake: FakeBotAPI, framework: str, tmp_path: Path
) -> None:
    async with running_bot(fake, settings_for(fake, framework, tmp_path)) as bot:
        advice = fake.inject_message(GROUP, PATIENT, ADVICE)
        post = await flag_post(bot)
        delete = button(post, "delete")
        posted = fake.messages_in(MODS)[-1]["message_id"]

        refused = fake.press_button(MODS, posted, PATIENT, delete)
        answer = await fake.wait_for(
            "answerCallbackQuery", lambda p: p["callback_query_id"] == refused
        )
        assert answer.get("show_alert") is True
        assert not fake.was_deleted(GROUP, advice["message_id"])

        first = fake.press_button(MODS, posted, MODERATOR, delete)
        await fake.wait_for("deleteMessage", lambda p: p["message_id"] == advice["message_id"])
        await fake.wait_for("answerCallbackQuery", lambda p: p["callback_query_id"] == first)
        edit = await fake.wait_for("editMessageText", lambda p: p["message_id"] == posted)
        assert "reply_markup" not in edit or not edit["reply_markup"]

        again = fake.press_button(MODS, posted, MODERATOR, delete)
        await fake.wait_for("answerCallbackQuery", lambda p: p["callback_query_id"] == again)
        await fake.assert_no_call("deleteMessage", within=0.5)


async def test_warn_limit_mutes_and_appeal_is_answered(
    fake: FakeBotAPI, framework: str, tmp_path: Path
) -> None:
    async with running_bot(fake, settings_for(fake, framework, tmp_path)) as bot:
        for _ in range(2):
            fake.inject_message(GROUP, PATIENT, ADVICE)
            post = await flag_post(bot)
            posted = fake.messages_in(MODS)[-1]["message_id"]
            fake.press_button(MODS, posted, MODERATOR, button(post, "warn"))
            await fake.wait_for("editMessageText", edit_of(posted))
        mute = await fake.wait_for("restrictChatMember", timeout=10)
        assert int(mute["user_id"]) == PATIENT
        assert fake.chat_member(GROUP, PATIENT)["status"] == "restricted"

        appeal = fake.inject_message(GROUP, PATIENT, "/appeal mən sadəcə təcrübəmi bölüşürdüm")
        await bot.reply_to(appeal)
        appeal_post = await flag_post(bot)
        posted = fake.messages_in(MODS)[-1]["message_id"]
        fake.press_button(MODS, posted, MODERATOR, button(appeal_post, "accept"))
        told = await fake.wait_for("sendMessage", in_chat(PATIENT), timeout=10)
        assert told["text"]
        lifted = await fake.wait_for("restrictChatMember", timeout=10)
        assert lifted["permissions"]["can_send_messages"] is True


async def test_dry_run_flags_but_acts_on_nothing(
    fake: FakeBotAPI, framework: str, tmp_path: Path
) -> None:
    settings = settings_for(fake, framework, tmp_path, dry_run=True)
    async with running_bot(fake, settings) as bot:
        spam = fake.inject_message(GROUP, PATIENT, SPAM)
        fake.inject_message(GROUP, PATIENT, ADVICE)
        await flag_post(bot)
        await flag_post(bot)
        await fake.assert_no_call("deleteMessage", within=1.0)
        await fake.assert_no_call("sendMessage", in_chat(GROUP), within=0.2)
    assert not fake.was_deleted(GROUP, spam["message_id"])


async def test_edits_and_redelivery_act_once(
    fake: FakeBotAPI, framework: str, tmp_path: Path
) -> None:
    async with running_bot(fake, settings_for(fake, framework, tmp_path)) as bot:
        advice = fake.inject_message(GROUP, PATIENT, ADVICE)
        await bot.reply_to(advice, within=20)
        fake.inject_edit(GROUP, advice["message_id"], ADVICE + " !")
        update = {"update_id": 9_999, "message": advice}
        fake.inject_raw_update(dict(update))
        fake.inject_raw_update(dict(update))
        await fake.assert_no_call("sendMessage", in_chat(GROUP), within=2.0)
        fake.inject_edit(GROUP, advice["message_id"], SPAM)
        await fake.wait_for("deleteMessage", lambda p: p["message_id"] == advice["message_id"])


async def test_failure_paths_never_crash(fake: FakeBotAPI, framework: str, tmp_path: Path) -> None:
    fake.set_admins(GROUP, [MODERATOR], bot_is_admin=False)
    async with running_bot(fake, settings_for(fake, framework, tmp_path)) as bot:
        fake.inject_message(GROUP, PATIENT, SPAM)
        post = await flag_post(bot)
        assert "admin" in post["text"]

        fake.set_admins(GROUP, [MODERATOR], bot_is_admin=True)
        fake.inject_message(GROUP, SHY, PERSONAL)
        group_notice = await fake.wait_for("sendMessage", in_chat(GROUP), timeout=20)
        assert "Nərmin" in group_notice["text"]

        fake.fail_next("sendMessage", 429, retry_after=1)
        advice = fake.inject_message(GROUP, PATIENT, ADVICE)
        assert "/ask" in (await bot.reply_to(advice, within=20))["text"]
        post = await flag_post(bot)
        while "medical_advice" not in post["text"]:
            post = await flag_post(bot)
        posted = fake.messages_in(MODS)[-1]["message_id"]
        # Someone removed the message by hand before the moderator pressed Delete.
        fake.fail_next("deleteMessage", 400, "Bad Request: message to delete not found")
        fake.press_button(MODS, posted, MODERATOR, button(post, "delete"))
        edit = await fake.wait_for("editMessageText", lambda p: p["message_id"] == posted)
        assert "silinib" in edit["text"]
