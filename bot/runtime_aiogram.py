"""The aiogram runtime (default): one conversion function and one executor."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
)
from aiogram.types import (
    BotCommand,
    BufferedInputFile,
    ChatPermissions,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    ReplyParameters,
    Update,
)

from bot.convert import update_event
from bot.messenger import BOT_COMMANDS, classify_error
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
from handlers.core import Core
from handlers.events import (
    Event,
)

log = logging.getLogger(__name__)


def to_event(update: Update) -> Event | None:
    """Convert an aiogram Update into a neutral event (None for kinds MedGuard ignores)."""
    return update_event(update)


def _permissions(lift: bool) -> ChatPermissions:
    if not lift:
        return ChatPermissions(can_send_messages=False)
    names = [name for name in ChatPermissions.model_fields if name.startswith("can_")]
    return ChatPermissions(**dict.fromkeys(names, True))


def _markup(buttons: Keyboard) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=b.text, callback_data=b.data) for b in row]
            for row in buttons
        ]
    )


class AiogramMessenger:
    """Executes actions with an aiogram Bot."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def execute(self, action: Action) -> Sent | None:
        """Perform one action through the Bot API."""
        try:
            return await self._call(action)
        except TelegramRetryAfter as exc:
            raise classify_error(429, exc.message, float(exc.retry_after)) from exc
        except TelegramForbiddenError as exc:
            raise classify_error(403, exc.message) from exc
        except TelegramNetworkError as exc:
            raise MessengerError("network", exc.message) from exc
        except TelegramAPIError as exc:
            raise classify_error(400, exc.message) from exc

    async def _call(self, action: Action) -> Sent | None:
        bot = self.bot
        match action:
            case SendMessage():
                sent = await bot.send_message(
                    chat_id=action.chat_id,
                    text=action.text,
                    message_thread_id=action.thread_id,
                    reply_markup=_markup(action.buttons),
                    reply_parameters=ReplyParameters(
                        message_id=action.reply_to, allow_sending_without_reply=True
                    )
                    if action.reply_to
                    else None,
                )
                return Sent(sent.chat.id, sent.message_id)
            case SendPhoto():
                photo = await bot.send_photo(
                    chat_id=action.chat_id,
                    photo=BufferedInputFile(action.photo, filename=action.filename),
                    caption=action.caption or None,
                )
                return Sent(photo.chat.id, photo.message_id)
            case DeleteMessage():
                await bot.delete_message(chat_id=action.chat_id, message_id=action.message_id)
            case RestrictMember():
                await bot.restrict_chat_member(
                    chat_id=action.chat_id,
                    user_id=action.user_id,
                    permissions=_permissions(action.lift),
                    until_date=action.until,
                )
            case BanMember():
                await bot.ban_chat_member(chat_id=action.chat_id, user_id=action.user_id)
            case EditMessage():
                await bot.edit_message_text(
                    text=action.text,
                    chat_id=action.chat_id,
                    message_id=action.message_id,
                    reply_markup=_markup(action.buttons),
                )
            case AnswerCallback():
                await bot.answer_callback_query(
                    callback_query_id=action.callback_id, text=action.text, show_alert=action.alert
                )
        return None

    async def chat_admins(self, chat_id: int) -> set[int]:
        """User ids of the chat's administrators."""
        try:
            admins = await self.bot.get_chat_administrators(chat_id=chat_id)
        except TelegramAPIError as exc:
            raise classify_error(400, exc.message) from exc
        return {member.user.id for member in admins}


class AiogramRuntime:
    """Long polling or webhook feeding through aiogram's Dispatcher."""

    def __init__(self, core: Core, token: str, api_base: str, polling_timeout: int = 30) -> None:
        session = AiohttpSession(api=TelegramAPIServer.from_base(api_base))
        self.bot = Bot(token=token, session=session)
        self.core = core
        self.messenger = AiogramMessenger(self.bot)
        self.polling_timeout = polling_timeout
        self.dispatcher = Dispatcher()
        # The Dispatcher owns the update observer; ours hang below it, one per kind we handle.
        for observer in (
            self.dispatcher.message,
            self.dispatcher.edited_message,
            self.dispatcher.callback_query,
        ):
            observer.register(self._on_update)

    async def _on_update(self, _event: object, event_update: Update, **_: Any) -> None:
        update = event_update
        event = to_event(update)
        if event is None:
            log.info("update %d: kind not handled", update.update_id)
            return
        await self.core.handle(event, self.messenger)

    async def start(self) -> None:
        """Connect: learn the bot's username and publish the command list."""
        me = await self.bot.get_me()
        self.core.services.bot_username = me.username or ""
        await self.bot.set_my_commands(
            [BotCommand(command=c, description=d) for c, d in BOT_COMMANDS]
        )

    async def poll(self, stop_polling: asyncio.Event) -> None:
        """Long-poll until `stop_polling` is set."""
        await self.bot.delete_webhook(drop_pending_updates=False)
        polling = asyncio.create_task(
            self.dispatcher.start_polling(
                self.bot,
                polling_timeout=self.polling_timeout,
                handle_signals=False,
                close_bot_session=False,
                allowed_updates=["message", "edited_message", "callback_query"],
            )
        )
        stopper = asyncio.create_task(stop_polling.wait())
        await asyncio.wait({polling, stopper}, return_when=asyncio.FIRST_COMPLETED)
        if not polling.done():
            await self.dispatcher.stop_polling()
        await polling
        stopper.cancel()

    async def feed(self, raw: dict[str, Any]) -> None:
        """Handle one update received over the webhook."""
        await self.dispatcher.feed_raw_update(self.bot, raw)

    async def close(self) -> None:
        """Close the HTTP session."""
        await self.bot.session.close()
