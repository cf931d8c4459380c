"""The fake Bot API server speaks Telegram well enough for the real aiogram and PTB clients."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import signal
import sys
import time
from collections.abc import AsyncIterator

import httpx
import pytest
import telegram
import telegram.error
from aiogram import Bot as AiogramBot
from aiogram import Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError, TelegramRetryAfter
from aiogram.filters import Command
from aiogram.types import (
    BufferedInputFile,
    ChatMemberRestricted,
    ChatPermissions,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    ReplyParameters,
)
from telegram.ext import Application, CommandHandler, ContextTypes

from tests.fake_bot_api import FakeBotAPI, UploadedFile, detect_entities

TOKEN = "123456789:AAFakeTokenForMedGuardTests"
BOT_ID = 123456789
GROUP = -1001234567890
MODERATORS = -1009876543210
AYSEL = 111  # a member who has started the bot
STRANGER = 222  # never started the bot
BLOCKER = 333  # started, then blocked the bot
MODERATOR = 444
PNG = b"\x89PNG\r\n\x1a\n fake chart bytes"


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as server:
        server.add_chat(GROUP, "supergroup", "Sağlamlıq qrupu")
        server.add_chat(MODERATORS, "supergroup", "Moderatorlar")
        server.add_user(AYSEL, "Aysel", username="aysel")
        server.add_user(STRANGER, "Stranger", language_code="ru", started_bot=False)
        server.add_user(BLOCKER, "Blocker", blocked_bot=True)
        server.set_admins(MODERATORS, [MODERATOR])
        yield server


@pytest.fixture
async def aiogram_bot(fake: FakeBotAPI) -> AsyncIterator[AiogramBot]:
    session = AiohttpSession(api=TelegramAPIServer.from_base(fake.base_url))
    bot = AiogramBot(TOKEN, session=session)
    yield bot
    await session.close()


@pytest.fixture
async def ptb_bot(
    fake: FakeBotAPI, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[telegram.Bot]:
    # Without it PTB 22 warns (PTBDeprecationWarning) while building RetryAfter.
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    bot = telegram.Bot(
        TOKEN, base_url=f"{fake.base_url}/bot", base_file_url=f"{fake.base_url}/file/bot"
    )
    async with bot:  # initialize() calls getMe
        yield bot


@pytest.fixture
async def http(fake: FakeBotAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=fake.base_url) as client:
        yield client


def keyboard_aiogram() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(text="Rədd et", callback_data="mod:dismiss:7"),
                InlineKeyboardButton(text="Sil", callback_data="mod:delete:7"),
            ]
        ]
    )


def keyboard_ptb() -> telegram.InlineKeyboardMarkup:
    return telegram.InlineKeyboardMarkup(
        [
            [
                telegram.InlineKeyboardButton("Rədd et", callback_data="mod:dismiss:7"),
                telegram.InlineKeyboardButton("Sil", callback_data="mod:delete:7"),
            ]
        ]
    )


# -- aiogram -------------------------------------------------------------------------------


async def test_aiogram_get_me(aiogram_bot: AiogramBot, fake: FakeBotAPI) -> None:
    me = await aiogram_bot.get_me()

    assert (me.id, me.is_bot, me.username) == (BOT_ID, True, fake.bot_username)
    assert fake.token == TOKEN


async def test_aiogram_long_poll_returns_when_a_message_arrives(
    aiogram_bot: AiogramBot, fake: FakeBotAPI
) -> None:
    loop = asyncio.get_running_loop()
    poll = asyncio.create_task(aiogram_bot.get_updates(timeout=10))
    await fake.wait_for("getUpdates", ok=None)  # the poll has arrived and is waiting
    started = loop.time()

    sent = fake.inject_message(GROUP, AYSEL, "/rules@medguard_test_bot")
    updates = await asyncio.wait_for(poll, 3)

    assert loop.time() - started < 2
    assert len(updates) == 1
    message = updates[0].message
    assert message is not None
    assert message.message_id == sent["message_id"]
    assert message.text == "/rules@medguard_test_bot"
    assert message.from_user is not None
    assert message.from_user.id == AYSEL
    assert message.chat.title == "Sağlamlıq qrupu"
    assert message.entities is not None
    assert (message.entities[0].type, message.entities[0].length) == ("bot_command", 24)

    confirmed = await aiogram_bot.get_updates(offset=updates[0].update_id + 1, timeout=0)
    assert confirmed == []


async def test_aiogram_send_message_with_keyboard_and_reply(
    aiogram_bot: AiogramBot, fake: FakeBotAPI
) -> None:
    question = fake.inject_message(GROUP, AYSEL, "Başım ağrıyır, nə edim?")

    sent = await aiogram_bot.send_message(
        GROUP,
        "Həkimə yönləndirildi.",
        reply_markup=keyboard_aiogram(),
        reply_parameters=ReplyParameters(message_id=question["message_id"]),
    )

    assert sent.message_id == question["message_id"] + 1
    assert sent.from_user is not None
    assert sent.from_user.id == BOT_ID
    assert sent.reply_to_message is not None
    assert sent.reply_to_message.message_id == question["message_id"]
    assert isinstance(sent.reply_markup, InlineKeyboardMarkup)
    assert sent.reply_markup.inline_keyboard[0][1].callback_data == "mod:delete:7"
    params = await fake.wait_for("sendMessage")
    assert params["chat_id"] == GROUP
    assert params["reply_parameters"] == {"message_id": question["message_id"]}
    assert fake.messages_in(GROUP)[-1]["text"] == "Həkimə yönləndirildi."


async def test_aiogram_delete_message_twice(aiogram_bot: AiogramBot, fake: FakeBotAPI) -> None:
    fake.set_admins(GROUP, [], bot_is_admin=True)
    spam = fake.inject_message(GROUP, AYSEL, "Ucuz dərman! https://spam.example")

    assert await aiogram_bot.delete_message(GROUP, spam["message_id"]) is True
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await aiogram_bot.delete_message(GROUP, spam["message_id"])

    assert fake.was_deleted(GROUP, spam["message_id"])
    assert fake.messages_in(GROUP) == []


async def test_aiogram_answer_callback_query(aiogram_bot: AiogramBot, fake: FakeBotAPI) -> None:
    flag = await aiogram_bot.send_message(MODERATORS, "Flag #7", reply_markup=keyboard_aiogram())
    query_id = fake.press_button(MODERATORS, flag.message_id, MODERATOR, "mod:dismiss:7")

    [update] = await aiogram_bot.get_updates(timeout=1)
    assert update.callback_query is not None
    assert update.callback_query.id == query_id
    assert update.callback_query.data == "mod:dismiss:7"
    assert await aiogram_bot.answer_callback_query(query_id, text="Qəbul edildi") is True

    assert fake.callback_answer(query_id) == {
        "callback_query_id": query_id,
        "text": "Qəbul edildi",
    }
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await aiogram_bot.answer_callback_query(query_id)


async def test_aiogram_forbidden_private_chats(aiogram_bot: AiogramBot) -> None:
    with pytest.raises(TelegramForbiddenError, match="bot can't initiate conversation"):
        await aiogram_bot.send_message(STRANGER, "Salam")
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await aiogram_bot.send_message(BLOCKER, "Salam")


async def test_aiogram_retry_after(aiogram_bot: AiogramBot, fake: FakeBotAPI) -> None:
    fake.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)

    with pytest.raises(TelegramRetryAfter) as caught:
        await aiogram_bot.send_message(GROUP, "Salam")
    assert caught.value.retry_after == 1

    assert (await aiogram_bot.send_message(GROUP, "Salam")).text == "Salam"
    assert len(fake.calls_of("sendMessage")) == 2
    assert fake.call_statuses == [429, 200]
    # wait_for hands out successful calls unless asked for failed ones
    assert await fake.wait_for("sendMessage") is fake.calls[1].params
    assert await fake.wait_for("sendMessage", ok=False) is fake.calls[0].params


async def test_aiogram_send_photo_upload(aiogram_bot: AiogramBot, fake: FakeBotAPI) -> None:
    sent = await aiogram_bot.send_photo(
        MODERATORS, BufferedInputFile(PNG, filename="stats.png"), caption="Statistika"
    )

    assert sent.photo is not None
    assert sent.caption == "Statistika"
    params = await fake.wait_for("sendPhoto")
    assert isinstance(params["photo"], UploadedFile)
    assert (params["photo"].filename, params["photo"].data) == ("stats.png", PNG)
    assert set(params) == {"chat_id", "photo", "caption"}  # the attach:// part is resolved
    assert fake.file_bytes(sent.photo[-1].file_id) == PNG


async def test_aiogram_restrict_needs_admin_and_shows_restricted(
    aiogram_bot: AiogramBot, fake: FakeBotAPI
) -> None:
    fake.inject_message(GROUP, AYSEL, "salam")
    permissions = ChatPermissions(can_send_messages=False)

    with pytest.raises(TelegramBadRequest, match="not enough rights"):
        await aiogram_bot.restrict_chat_member(GROUP, AYSEL, permissions)
    fake.set_admins(GROUP, [MODERATOR], bot_is_admin=True)
    until = int(time.time()) + 600
    assert await aiogram_bot.restrict_chat_member(GROUP, AYSEL, permissions, until_date=until)

    member = await aiogram_bot.get_chat_member(GROUP, AYSEL)
    assert isinstance(member, ChatMemberRestricted)
    assert member.can_send_messages is False
    admins = await aiogram_bot.get_chat_administrators(GROUP)
    assert {admin.user.id for admin in admins} == {MODERATOR, BOT_ID}


async def test_aiogram_dispatcher_polls_and_replies(
    aiogram_bot: AiogramBot, fake: FakeBotAPI
) -> None:
    dispatcher = Dispatcher()

    @dispatcher.message(Command("rules"))
    async def on_rules(message: Message) -> None:
        await message.reply("Qaydalar")

    polling = asyncio.create_task(
        dispatcher.start_polling(
            aiogram_bot, polling_timeout=1, handle_signals=False, close_bot_session=False
        )
    )
    try:
        question = fake.inject_message(GROUP, AYSEL, "/rules@medguard_test_bot")
        reply = await fake.wait_for("sendMessage")
    finally:
        await fake.wait_for("getUpdates", ok=None)  # polling has started, so it can be stopped
        await dispatcher.stop_polling()
        await polling

    assert reply["chat_id"] == GROUP
    assert reply["reply_parameters"]["message_id"] == question["message_id"]


# -- python-telegram-bot -------------------------------------------------------------------


async def test_ptb_get_me(ptb_bot: telegram.Bot, fake: FakeBotAPI) -> None:
    me = await ptb_bot.get_me()

    assert (me.id, me.is_bot, me.username) == (BOT_ID, True, fake.bot_username)
    assert ptb_bot.base_url == f"{fake.base_url}/bot{TOKEN}"


async def test_ptb_long_poll_returns_when_a_message_arrives(
    ptb_bot: telegram.Bot, fake: FakeBotAPI
) -> None:
    loop = asyncio.get_running_loop()
    poll = asyncio.create_task(ptb_bot.get_updates(timeout=10))
    await fake.wait_for("getUpdates", ok=None)  # the poll has arrived and is waiting
    started = loop.time()

    fake.inject_message(AYSEL, AYSEL, "/start")
    updates = await asyncio.wait_for(poll, 3)

    assert loop.time() - started < 2
    assert len(updates) == 1
    message = updates[0].message
    assert message is not None
    assert message.text == "/start"
    assert message.chat.type == "private"
    assert message.from_user is not None
    assert message.from_user.language_code == "az"
    assert message.entities[0].type == "bot_command"

    confirmed = await ptb_bot.get_updates(offset=updates[0].update_id + 1, timeout=0)
    assert confirmed == ()


async def test_ptb_send_message_with_keyboard_and_reply(
    ptb_bot: telegram.Bot, fake: FakeBotAPI
) -> None:
    question = fake.inject_message(GROUP, AYSEL, "Uşağımın qızdırması var")

    sent = await ptb_bot.send_message(
        GROUP,
        "<b>Həkimə</b> yönləndirildi.",
        parse_mode="HTML",
        reply_markup=keyboard_ptb(),
        reply_parameters=telegram.ReplyParameters(message_id=question["message_id"]),
    )

    assert sent.text == "Həkimə yönləndirildi."
    assert sent.reply_to_message is not None
    assert sent.reply_to_message.message_id == question["message_id"]
    assert sent.reply_markup == keyboard_ptb()
    params = await fake.wait_for("sendMessage")
    assert params["reply_parameters"]["message_id"] == question["message_id"]
    assert params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "mod:dismiss:7"


# PTB drops Telegram's "Bad Request: " prefix (not "Forbidden: ") and capitalises the rest.
async def test_ptb_delete_message_twice(ptb_bot: telegram.Bot, fake: FakeBotAPI) -> None:
    notice = await ptb_bot.send_message(GROUP, "Xəbərdarlıq")

    assert await ptb_bot.delete_message(GROUP, notice.message_id) is True
    with pytest.raises(telegram.error.BadRequest, match="Message to delete not found"):
        await ptb_bot.delete_message(GROUP, notice.message_id)


async def test_ptb_answer_callback_query(ptb_bot: telegram.Bot, fake: FakeBotAPI) -> None:
    answer = await ptb_bot.send_message(GROUP, "Cavab", reply_markup=keyboard_ptb())
    query_id = fake.press_button(GROUP, answer.message_id, AYSEL, "rate:up:3")

    [update] = await ptb_bot.get_updates(timeout=1)
    assert update.callback_query is not None
    assert update.callback_query.data == "rate:up:3"
    assert await update.callback_query.answer("Yalnız sual verən", show_alert=True) is True

    assert fake.callback_answers == [
        {"callback_query_id": query_id, "text": "Yalnız sual verən", "show_alert": True}
    ]


async def test_ptb_forbidden_private_chats(ptb_bot: telegram.Bot) -> None:
    with pytest.raises(
        telegram.error.Forbidden, match="Forbidden: bot can't initiate conversation"
    ):
        await ptb_bot.send_message(STRANGER, "Привет")
    with pytest.raises(telegram.error.Forbidden, match="Forbidden: bot was blocked by the user"):
        await ptb_bot.send_message(BLOCKER, "Salam")


async def test_ptb_retry_after(ptb_bot: telegram.Bot, fake: FakeBotAPI) -> None:
    fake.fail_next("sendMessage", 429, retry_after=3)

    with pytest.raises(telegram.error.RetryAfter) as caught:
        await ptb_bot.send_message(GROUP, "Salam")

    assert caught.value.retry_after == dt.timedelta(seconds=3)


async def test_ptb_send_photo_upload(ptb_bot: telegram.Bot, fake: FakeBotAPI) -> None:
    sent = await ptb_bot.send_photo(MODERATORS, PNG, caption="Statistika", filename="stats.png")

    assert sent.caption == "Statistika"
    params = await fake.wait_for("sendPhoto")
    assert isinstance(params["photo"], UploadedFile)
    assert params["photo"].data == PNG
    assert fake.file_bytes(sent.photo[-1].file_id) == PNG


async def test_ptb_get_chat_and_members(ptb_bot: telegram.Bot, fake: FakeBotAPI) -> None:
    fake.add_members(GROUP, [AYSEL])
    fake.set_admins(GROUP, [MODERATOR], bot_is_admin=True, creator_id=555)

    chat = await ptb_bot.get_chat(GROUP)
    admins = await ptb_bot.get_chat_administrators(GROUP)
    await ptb_bot.ban_chat_member(GROUP, AYSEL)
    banned = await ptb_bot.get_chat_member(GROUP, AYSEL)

    assert (chat.type, chat.title) == ("supergroup", "Sağlamlıq qrupu")
    assert sorted(admin.status for admin in admins) == [
        "administrator",
        "administrator",
        "creator",
    ]
    assert banned.status == "kicked"
    with pytest.raises(telegram.error.BadRequest, match="User is an administrator"):
        await ptb_bot.ban_chat_member(GROUP, MODERATOR)


async def test_ptb_application_polls_and_replies(
    fake: FakeBotAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    application = (
        Application.builder()
        .token(TOKEN)
        .base_url(f"{fake.base_url}/bot")
        .base_file_url(f"{fake.base_url}/file/bot")
        .build()
    )

    async def on_rules(update: telegram.Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text("Qaydalar")

    application.add_handler(CommandHandler("rules", on_rules))
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(timeout=1)
        question = fake.inject_message(GROUP, AYSEL, "/rules@medguard_test_bot")
        reply = await fake.wait_for("sendMessage")
        await application.updater.stop()
        await application.stop()

    assert reply["chat_id"] == GROUP
    assert reply["reply_parameters"]["message_id"] == question["message_id"]


# -- server semantics, over plain HTTP -----------------------------------------------------


async def test_method_names_are_case_insensitive_and_unknown_ones_404(
    http: httpx.AsyncClient, fake: FakeBotAPI
) -> None:
    me = await http.get(f"/bot{TOKEN}/GETME")
    unknown = await http.post(f"/bot{TOKEN}/sendTelepathy", data={"chat_id": "1"})

    assert me.json()["result"]["id"] == BOT_ID
    assert unknown.status_code == 404
    assert unknown.json() == {"ok": False, "error_code": 404, "description": "Not Found"}
    assert [call.method for call in fake.calls] == ["getMe", "sendTelepathy"]


async def test_json_form_and_query_params_are_typed_alike(
    http: httpx.AsyncClient, fake: FakeBotAPI
) -> None:
    markup = {"inline_keyboard": [[{"text": "A", "callback_data": "q:take:1"}]]}
    await http.post(f"/bot{TOKEN}/sendMessage", json={"chat_id": GROUP, "text": "1"})
    await http.post(
        f"/bot{TOKEN}/sendMessage",
        data={"chat_id": str(GROUP), "text": "2", "reply_markup": json.dumps(markup)},
    )
    await http.get(f"/bot{TOKEN}/sendMessage", params={"chat_id": GROUP, "text": "3"})

    sent = fake.calls_of("sendMessage")
    assert [params["chat_id"] for params in sent] == [GROUP, GROUP, GROUP]
    assert [params["text"] for params in sent] == ["1", "2", "3"]
    assert sent[1]["reply_markup"] == markup
    assert [m["message_id"] for m in fake.messages_in(GROUP)] == [1, 2, 3]


async def test_edit_errors_follow_telegram(http: httpx.AsyncClient, fake: FakeBotAPI) -> None:
    async def edit(message_id: int, text: str) -> httpx.Response:
        body = {"chat_id": GROUP, "message_id": message_id, "text": text}
        return await http.post(f"/bot{TOKEN}/editMessageText", json=body)

    sent = await http.post(f"/bot{TOKEN}/sendMessage", json={"chat_id": GROUP, "text": "A"})
    message_id = sent.json()["result"]["message_id"]
    user_message = fake.inject_message(GROUP, AYSEL, "mine")

    assert (await edit(message_id, "B")).json()["result"]["text"] == "B"
    same = await edit(message_id, "B")
    missing = await edit(999, "B")
    foreign = await edit(user_message["message_id"], "B")

    assert same.status_code == 400
    assert same.json()["description"].startswith("Bad Request: message is not modified")
    assert missing.json()["description"] == "Bad Request: message to edit not found"
    assert foreign.json()["description"] == "Bad Request: message can't be edited"


async def test_edit_without_markup_removes_the_keyboard(
    aiogram_bot: AiogramBot, fake: FakeBotAPI
) -> None:
    flag = await aiogram_bot.send_message(MODERATORS, "Flag #7", reply_markup=keyboard_aiogram())

    edited = await aiogram_bot.edit_message_text(
        "Flag #7: dismissed", chat_id=MODERATORS, message_id=flag.message_id
    )

    assert not isinstance(edited, bool)
    assert edited.reply_markup is None
    assert "reply_markup" not in (fake.message(MODERATORS, flag.message_id) or {})
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await aiogram_bot.edit_message_reply_markup(chat_id=MODERATORS, message_id=flag.message_id)


async def test_deleting_others_messages_needs_admin(
    http: httpx.AsyncClient, fake: FakeBotAPI
) -> None:
    spam = fake.inject_message(GROUP, AYSEL, "spam")

    refused = await http.post(
        f"/bot{TOKEN}/deleteMessage", json={"chat_id": GROUP, "message_id": spam["message_id"]}
    )

    assert refused.status_code == 400
    assert refused.json()["description"] == "Bad Request: message can't be deleted"
    assert fake.message(GROUP, spam["message_id"]) is not None


async def test_too_long_callback_data_is_refused(
    http: httpx.AsyncClient,
) -> None:
    markup = {"inline_keyboard": [[{"text": "x", "callback_data": "q:take:" + "9" * 60}]]}

    response = await http.post(
        f"/bot{TOKEN}/sendMessage", json={"chat_id": GROUP, "text": "x", "reply_markup": markup}
    )

    assert response.json()["description"] == "Bad Request: BUTTON_DATA_INVALID"


def test_entities_use_utf16_offsets_and_command_mentions() -> None:
    text = "😷 /ask@medguard_test_bot baş ağrısı, bax https://t.me/x @aysel_m"

    entities = detect_entities(text)

    # The emoji is one Python character but two UTF-16 code units, as Telegram counts.
    assert entities == [
        {"type": "bot_command", "offset": 3, "length": 22},
        {"type": "url", "offset": text.index("https") + 1, "length": 14},
        {"type": "mention", "offset": text.index("@aysel_m") + 1, "length": 8},
    ]


async def test_wait_for_hands_out_each_call_once(fake: FakeBotAPI) -> None:
    async def send(text: str) -> None:
        async with httpx.AsyncClient(base_url=fake.base_url) as client:
            await client.post(f"/bot{TOKEN}/sendMessage", json={"chat_id": GROUP, "text": text})

    await send("first")
    late = asyncio.create_task(fake.wait_for("sendMessage", lambda p: p["text"] == "third"))
    await send("second")
    await send("third")

    assert (await fake.wait_for("sendMessage"))["text"] == "first"
    assert (await late)["text"] == "third"
    assert (await fake.wait_for("SENDMESSAGE"))["text"] == "second"
    await fake.assert_no_call("sendMessage", within=0.05)
    with pytest.raises(TimeoutError, match="no deleteMessage call"):
        await fake.wait_for("deleteMessage", timeout=0.05)


async def test_get_updates_times_out_empty_and_respects_limit(
    aiogram_bot: AiogramBot, fake: FakeBotAPI
) -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()
    assert await aiogram_bot.get_updates(timeout=1) == []
    assert loop.time() - started >= 0.9

    for text in ("a", "b", "c"):
        fake.inject_message(GROUP, AYSEL, text)
    first_two = await aiogram_bot.get_updates(limit=2)
    rest = await aiogram_bot.get_updates(offset=first_two[-1].update_id + 1)

    assert [u.message.text for u in first_two if u.message] == ["a", "b"]
    assert [u.message.text for u in rest if u.message] == ["c"]


async def test_http_control_surface(http: httpx.AsyncClient, fake: FakeBotAPI) -> None:
    injected = await http.post(
        "/_control/messages", json={"chat_id": GROUP, "user_id": AYSEL, "text": "/doctors"}
    )
    await http.post(f"/bot{TOKEN}/getUpdates", data={"timeout": "0"})
    calls = await http.get("/_control/calls", params={"method": "getUpdates"})
    bad = await http.post("/_control/messages", json={"chat": GROUP})
    usage = await http.get("/_control")

    assert injected.json()["result"]["text"] == "/doctors"
    [call] = calls.json()["result"]
    assert call["method"] == "getUpdates"
    assert (call["params"], call["status"]) == ({"timeout": 0}, 200)
    assert bad.status_code == 400
    assert "/_control/messages" in usage.text
    assert fake.pending_updates[0]["message"]["text"] == "/doctors"


async def test_cli_serves_and_stops_on_sigint() -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.fake_bot_api",
        "--port",
        "0",
        "--no-seed",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        first_line = (await asyncio.wait_for(process.stdout.readline(), 20)).decode()
        base_url = first_line.rsplit(" ", 1)[-1].strip()
        async with httpx.AsyncClient(base_url=base_url) as client:
            me = await client.get(f"/bot{TOKEN}/getMe")
        assert me.json()["ok"] is True
    finally:
        process.send_signal(signal.SIGINT)
        await asyncio.wait_for(process.communicate(), 10)
    assert process.returncode == 0
