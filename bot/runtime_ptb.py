"""The python-telegram-bot runtime (the alternative): one conversion function and one executor."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
import warnings
from typing import Any

from telegram import (
    Bot,
    BotCommand,
    ChatPermissions,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    ReplyParameters,
    Update,
)
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import Application, ContextTypes, TypeHandler

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
from handlers.events import Event

log = logging.getLogger(__name__)


def to_event(update: Update) -> Event | None:
    """Convert a python-telegram-bot Update into a neutral event (None: ignored kinds)."""
    return update_event(update)


def _markup(buttons: Keyboard) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.text, callback_data=b.data) for b in row] for row in buttons]
    )


def _seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():
        # PTB 22 warns that the int form is deprecated; either form is fine to read here.
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


class PTBMessenger:
    """Executes actions with a python-telegram-bot Bot."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def execute(self, action: Action) -> Sent | None:
        """Perform one action through the Bot API."""
        try:
            return await self._call(action)
        except RetryAfter as exc:
            raise classify_error(429, exc.message, _seconds(exc)) from exc
        except Forbidden as exc:
            raise classify_error(403, exc.message) from exc
        except BadRequest as exc:
            raise classify_error(400, exc.message) from exc
        except NetworkError as exc:
            raise MessengerError("network", exc.message) from exc
        except TelegramError as exc:
            raise classify_error(None, exc.message) from exc

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
                    photo=action.photo,
                    caption=action.caption or None,
                    filename=action.filename,
                )
                return Sent(photo.chat.id, photo.message_id)
            case DeleteMessage():
                await bot.delete_message(chat_id=action.chat_id, message_id=action.message_id)
            case RestrictMember():
                await bot.restrict_chat_member(
                    chat_id=action.chat_id,
                    user_id=action.user_id,
                    permissions=ChatPermissions.all_permissions()
                    if action.lift
                    else ChatPermissions.no_permissions(),
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
        except TelegramError as exc:
            raise classify_error(400, exc.message) from exc
        return {member.user.id for member in admins}


class PTBRuntime:
    """Long polling or webhook feeding through python-telegram-bot's Application."""

    def __init__(self, core: Core, token: str, api_base: str, polling_timeout: int = 30) -> None:
        # Opt in to PTB's future timedelta periods; otherwise every RetryAfter warns.
        os.environ.setdefault("PTB_TIMEDELTA", "true")
        self.application = (
            Application.builder()
            .token(token)
            .base_url(f"{api_base}/bot")
            .base_file_url(f"{api_base}/file/bot")
            .concurrent_updates(True)
            .updater(None)
            .build()
        )
        self.core = core
        self.messenger = PTBMessenger(self.application.bot)
        self.polling_timeout = polling_timeout
        self.application.add_handler(TypeHandler(Update, self._on_update))
        self._offset: int | None = None

    async def _on_update(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        event = to_event(update)
        if event is None:
            log.info("update %d: kind not handled", update.update_id)
            return
        await self.core.handle(event, self.messenger)

    async def start(self) -> None:
        """Connect: learn the bot's username and publish the command list."""
        await self.application.initialize()
        me = await self.application.bot.get_me()
        self.core.services.bot_username = me.username or ""
        await self.application.bot.set_my_commands([BotCommand(c, d) for c, d in BOT_COMMANDS])

    async def poll(self, stop_polling: asyncio.Event) -> None:
        """Long-poll until `stop_polling` is set."""
        bot = self.application.bot
        await bot.delete_webhook(drop_pending_updates=False)
        await self.application.start()
        try:
            while not stop_polling.is_set():
                fetch = asyncio.create_task(self._fetch())
                stopper = asyncio.create_task(stop_polling.wait())
                done, _ = await asyncio.wait({fetch, stopper}, return_when=asyncio.FIRST_COMPLETED)
                stopper.cancel()
                if fetch not in done:
                    fetch.cancel()
                    break
                for update in fetch.result():
                    self._offset = update.update_id + 1
                    await self.application.update_queue.put(update)
        finally:
            await self.application.stop()

    async def _fetch(self) -> tuple[Update, ...]:
        # PTB's Updater would do this too; a loop of our own stops exactly when asked.
        try:
            return await self.application.bot.get_updates(
                offset=self._offset,
                timeout=self.polling_timeout,
                allowed_updates=["message", "edited_message", "callback_query"],
            )
        except RetryAfter as exc:
            await asyncio.sleep(_seconds(exc))
        except (NetworkError, TelegramError) as exc:
            log.warning("getUpdates failed: %s", type(exc).__name__)
            await asyncio.sleep(1.0)
        return ()

    async def feed(self, raw: dict[str, Any]) -> None:
        """Handle one update received over the webhook."""
        await self.application.process_update(Update.de_json(raw, self.application.bot))

    async def close(self) -> None:
        """Shut the application down and close its HTTP clients."""
        await self.application.shutdown()
