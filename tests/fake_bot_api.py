"""A fake Telegram Bot API server on loopback, for contract tests and local trials.

Real aiogram and python-telegram-bot clients talk HTTP to it exactly as they would to
api.telegram.org: the server keeps chats, users, members and messages, answers with the same
JSON shapes and error texts as Telegram, and lets a test drive it from the same process
(``inject_message``, ``press_button``, ``wait_for``...) or from another process through the
``/_control/...`` HTTP routes (``python -m tests.fake_bot_api --port 8081``).

It knows nothing about MedGuard: it fakes Telegram, not the bot.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import copy
import html
import inspect
import itertools
import json
import logging
import re
import signal
import string
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, NamedTuple, Self

from aiohttp import web

JSON = dict[str, Any]
Predicate = Callable[[JSON], bool]

log = logging.getLogger(__name__)

DEFAULT_BOT_ID = 1_000_000_001
DEMO_GROUP = -1001000000001
DEMO_MODERATORS = -1001000000002
MAX_TEXT_LENGTH = 4096
MAX_CALLBACK_DATA_BYTES = 64
MAX_LONG_POLL_SECONDS = 50.0
# Telegram treats restrictions and bans shorter than 30 s or longer than 366 days as forever.
MIN_UNTIL_SECONDS = 30
MAX_UNTIL_SECONDS = 366 * 24 * 3600
# Update types Telegram leaves out unless allowed_updates asks for them.
OPT_IN_UPDATE_TYPES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Form-encoded and multipart requests carry every value as a string; Telegram types them by
# field name, and so does the fake.
INT_FIELDS = _names(
    "chat_id from_chat_id user_id message_id message_thread_id reply_to_message_id offset "
    "limit timeout until_date cache_time max_connections"
)
BOOL_FIELDS = _names(
    "disable_notification protect_content allow_sending_without_reply allow_paid_broadcast "
    "show_alert revoke_messages only_if_banned drop_pending_updates "
    "use_independent_chat_permissions has_spoiler show_caption_above_media "
    "disable_web_page_preview"
)
JSON_FIELDS = _names(
    "reply_markup reply_parameters permissions allowed_updates entities caption_entities "
    "commands scope link_preview_options message_ids"
)

PERMISSION_FIELDS = _names(
    "can_send_messages can_send_audios can_send_documents can_send_photos can_send_videos "
    "can_send_video_notes can_send_voice_notes can_send_polls can_send_other_messages "
    "can_add_web_page_previews can_react_to_messages can_edit_tag can_change_info "
    "can_invite_users can_pin_messages can_manage_topics"
)
ADMIN_RIGHTS: JSON = {
    "can_be_edited": False,
    "is_anonymous": False,
    "can_manage_chat": True,
    "can_delete_messages": True,
    "can_manage_video_chats": True,
    "can_restrict_members": True,
    "can_promote_members": False,
    "can_change_info": True,
    "can_invite_users": True,
    "can_post_stories": False,
    "can_edit_stories": False,
    "can_delete_stories": False,
    "can_send_welcome_messages": False,
    "can_pin_messages": True,
    "can_manage_topics": False,
}

ENTITY_PATTERNS = (
    ("bot_command", re.compile(r"(?<![\w/])/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![\w/])")),
    ("mention", re.compile(r"(?<![\w@])@[A-Za-z0-9_]{5,32}\b")),
    ("url", re.compile(r"(?<![\w@])(?:https?://|www\.|t\.me/)[^\s<>\"]+", re.IGNORECASE)),
)
USAGE = string.Template(
    """\
Fake Telegram Bot API at $base
  point the bot at it: MEDGUARD_TELEGRAM_API_BASE=$base
  any token works; the bot's id is the token's number.

Act as users (POST JSON; keys are the arguments of FakeBotAPI's Python methods):
  curl -s $base/_control/messages -d '{"chat_id": -1001000000001, "user_id": 11, "text": "/rules"}'
  curl -s $base/_control/edits -d '{"chat_id": -1001000000001, "message_id": 1, "text": "..."}'
  curl -s $base/_control/buttons -d '{"chat_id": -1001000000002, "message_id": 2,
                                       "user_id": 14, "data": "mod:dismiss:1"}'
  curl -s $base/_control/updates -d '{"update": {"my_chat_member": {...}}}'
  curl -s $base/_control/faults -d '{"method": "sendMessage", "error_code": 429}'
Set the scene:
  curl -s $base/_control/chats -d '{"chat_id": -1003, "type": "supergroup", "title": "G"}'
  curl -s $base/_control/users -d '{"user_id": 15, "first_name": "Nigar", "started_bot": false}'
  curl -s $base/_control/admins -d '{"chat_id": -1003, "user_ids": [15]}'
  curl -s $base/_control/members -d '{"chat_id": -1003, "user_ids": [11, 12]}'
  curl -s $base/_control/blocks -d '{"user_id": 12, "blocked": true}'
See what the bot did:
  curl -s '$base/_control/calls?method=sendMessage&since=0'
  curl -s '$base/_control/messages?chat_id=-1001000000001'
  curl -s '$base/_control/callback_answers'
"""
)
HTML_TAG = re.compile(r"<[^>]*>")
COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")

NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)


class BotAPIError(Exception):
    """A Telegram error answer: ``{"ok": false, "error_code": ..., "description": ...}``."""

    def __init__(self, error_code: int, description: str, retry_after: int | None = None):
        super().__init__(f"{error_code} {description}")
        self.error_code = error_code
        self.description = description
        self.retry_after = retry_after

    def payload(self) -> JSON:
        body: JSON = {"ok": False, "error_code": self.error_code, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def bad_request(reason: str) -> BotAPIError:
    return BotAPIError(400, f"Bad Request: {reason}")


@dataclass(frozen=True)
class UploadedFile:
    """A file sent as a multipart part (``params["photo"]`` of a sendPhoto call)."""

    filename: str
    content_type: str
    data: bytes


class Call(NamedTuple):
    """One Bot API request as the fake received it, with params decoded and typed."""

    method: str
    params: JSON


@dataclass
class FakeUser:
    id: int
    first_name: str
    language_code: str = "az"
    username: str | None = None
    started_bot: bool = True
    blocked_bot: bool = False

    def to_api(self) -> JSON:
        user: JSON = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.username:
            user["username"] = self.username
        user["language_code"] = self.language_code
        return user


@dataclass
class Membership:
    status: str  # creator, administrator, member, restricted, left, kicked
    until_date: int = 0
    permissions: JSON = field(default_factory=dict)
    was_member: bool = True


@dataclass
class FakeChat:
    id: int
    type: str  # private, group, supergroup, channel
    title: str | None = None
    first_name: str | None = None
    username: str | None = None
    bot_is_admin: bool = False
    members: dict[int, Membership] = field(default_factory=dict)
    messages: dict[int, JSON] = field(default_factory=dict)
    deleted: set[int] = field(default_factory=set)
    last_message_id: int = 0

    def to_api(self) -> JSON:
        chat: JSON = {"id": self.id, "type": self.type}
        if self.title is not None:
            chat["title"] = self.title
        if self.first_name is not None:
            chat["first_name"] = self.first_name
        if self.username is not None:
            chat["username"] = self.username
        return chat


@dataclass
class _Fault:
    error: BotAPIError
    times: int


class _Signal:
    """Wakes every waiter once per ``fire``; waiters re-check their condition."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def fire(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    async def wait(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._event.wait(), max(seconds, 0.0))


def _now() -> int:
    return int(time.time())


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def detect_entities(text: str) -> list[JSON]:
    """Entities Telegram would add by itself: bot commands, @mentions, URLs (UTF-16 offsets)."""
    spans: list[tuple[int, int, str]] = []
    for kind, pattern in ENTITY_PATTERNS:
        spans.extend((m.start(), m.end(), kind) for m in pattern.finditer(text))
    entities: list[JSON] = []
    taken_until = -1
    for start, end, kind in sorted(spans):
        if start < taken_until:
            continue
        taken_until = end
        entities.append(
            {
                "type": kind,
                "offset": _utf16_len(text[:start]),
                "length": _utf16_len(text[start:end]),
            }
        )
    return entities


def _coerce(name: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if name in INT_FIELDS and re.fullmatch(r"-?\d+", value):
        return int(value)
    if name in BOOL_FIELDS and value.lower() in {"true", "false", "1", "0"}:
        return value.lower() in {"true", "1"}
    if name in JSON_FIELDS and value[:1] in {"{", "["}:
        try:
            return json.loads(value)
        except ValueError:
            raise bad_request(f"can't parse {name} JSON object") from None
    return value


def normalize_params(raw: Mapping[str, Any]) -> JSON:
    """Type string values by field name and resolve ``attach://name`` references to files."""
    params = {name: _coerce(name, value) for name, value in raw.items()}
    attached = {
        value.removeprefix("attach://")
        for value in params.values()
        if isinstance(value, str) and value.startswith("attach://")
    }
    for name, value in list(params.items()):
        if isinstance(value, str) and value.startswith("attach://"):
            params[name] = params.get(value.removeprefix("attach://"), value)
    return {name: value for name, value in params.items() if name not in attached}


async def read_params(request: web.Request) -> JSON:
    """Query string plus a JSON, form-urlencoded or multipart body."""
    raw: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        try:
            body = await request.json() if request.can_read_body else {}
        except ValueError:
            raise bad_request("can't parse JSON request body") from None
        if not isinstance(body, dict):
            raise bad_request("request body must be a JSON object")
        raw.update(body)
    elif request.content_type in {"multipart/form-data", "application/x-www-form-urlencoded"}:
        for name, value in (await request.post()).items():
            if isinstance(value, web.FileField):
                raw[name] = UploadedFile(value.filename, value.content_type, value.file.read())
            else:
                raw[name] = value
    return normalize_params(raw)


def _visible_text(text: str, parse_mode: str | None) -> str:
    """What the user sees: HTML markup removed (Markdown is kept as sent)."""
    if parse_mode and parse_mode.upper() == "HTML":
        return html.unescape(HTML_TAG.sub("", text))
    return text


def _check_inline_keyboard(markup: Any) -> None:
    if not isinstance(markup, dict):
        return
    for row in markup.get("inline_keyboard", []):
        for button in row:
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= MAX_CALLBACK_DATA_BYTES:
                raise bad_request("BUTTON_DATA_INVALID")


def _echoed_markup(markup: Any) -> JSON | None:
    """Telegram returns only inline keyboards in the Message object."""
    if isinstance(markup, dict) and markup.get("inline_keyboard"):
        return markup
    return None


def _normalized_until(until_date: int) -> int:
    now = _now()
    if until_date and now + MIN_UNTIL_SECONDS <= until_date <= now + MAX_UNTIL_SECONDS:
        return until_date
    return 0


def _update_type(update: JSON) -> str:
    return next((key for key in update if key != "update_id"), "")


def _json_default(value: Any) -> Any:
    if isinstance(value, UploadedFile):
        return {
            "filename": value.filename,
            "content_type": value.content_type,
            "size": len(value.data),
        }
    raise TypeError(f"not JSON serializable: {type(value).__name__}")


def _json_response(payload: Any, status: int = 200) -> web.Response:
    return web.json_response(
        payload,
        status=status,
        dumps=lambda obj: json.dumps(obj, ensure_ascii=False, default=_json_default),
    )


class FakeBotAPI:
    """The fake server and its control API. Use as ``async with FakeBotAPI() as fake:``.

    Control from the test's own event loop. The scene: ``add_chat``, ``add_user``,
    ``add_members``, ``set_admins``, ``set_bot_blocked``. Users acting: ``inject_message``,
    ``inject_edit``, ``press_button``, ``inject_raw_update``. Faults: ``fail_next``.
    What the bot did: ``calls``, ``call_statuses``, ``calls_of``, ``wait_for``,
    ``assert_no_call``, ``messages_in``, ``message``, ``was_deleted``, ``chat_member``,
    ``callback_answers``, ``callback_answer``, ``file_bytes``, ``bot_commands``.
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        bot_username: str = "medguard_test_bot",
        bot_first_name: str = "MedGuard",
        bot_id: int | None = None,
    ) -> None:
        self.host = host
        self.port = port
        self.bot_username = bot_username
        self.bot_first_name = bot_first_name
        self._bot_id = bot_id
        self.token: str | None = None
        self.webhook_url = ""
        self.bot_commands: dict[tuple[str, str], list[JSON]] = {}

        self._users: dict[int, FakeUser] = {}
        self._chats: dict[int, FakeChat] = {}
        self._files: dict[str, bytes] = {}
        self._updates: list[JSON] = []
        self._update_ids = itertools.count(1)
        self._query_ids = itertools.count(4_000_000_000_000_000_001)
        self._file_ids = itertools.count(1)
        self._allowed_updates: list[str] = []
        self._open_queries: set[str] = set()
        self._callback_answers: list[JSON] = []
        self._faults: dict[str, list[_Fault]] = {}
        self._calls: list[Call] = []
        self._statuses: list[int | None] = []
        self._consumed: set[int] = set()
        self._new_update = _Signal()
        self._new_call = _Signal()
        self._closing = False
        self._runner: web.AppRunner | None = None

    # -- lifecycle ---------------------------------------------------------------------------

    async def start(self) -> None:
        """Listen on host:port (port 0: a free one); ``base_url`` then says where."""
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._on_bot_request)
        app.router.add_get("/_control", self._on_control_help)
        app.router.add_get("/_control/calls", self._on_control_calls)
        app.router.add_get("/_control/messages", self._on_control_messages)
        app.router.add_get("/_control/callback_answers", self._on_control_callback_answers)
        app.router.add_post("/_control/{action}", self._on_control_action)
        self._closing = False
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()
        self.port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        """Release pending long polls and close the server."""
        self._closing = True
        self._new_update.fire()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT``: scheme, host and port only; clients add ``/bot<token>/``."""
        if self._runner is None:
            raise RuntimeError("FakeBotAPI is not started")
        return f"http://{self.host}:{self.port}"

    @property
    def bot_id(self) -> int:
        """The id given, else the numeric part of the token seen, else a default."""
        if self._bot_id is not None:
            return self._bot_id
        prefix = (self.token or "").split(":", 1)[0]
        return int(prefix) if prefix.isdigit() else DEFAULT_BOT_ID

    @property
    def bot_user(self) -> JSON:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
        }

    # -- control: the world ------------------------------------------------------------------

    def add_chat(self, chat_id: int, type: str = "supergroup", title: str | None = None) -> JSON:
        """Add a group/supergroup/channel (private chats come with ``add_user``)."""
        if type == "private":
            user = self._users.get(chat_id) or self._put_user(chat_id, f"User {chat_id}")
            return self._chats[user.id].to_api()
        chat = self._chats.get(chat_id)
        if chat is None:
            chat = self._chats[chat_id] = FakeChat(chat_id, type, title or f"Chat {chat_id}")
        chat.type = type
        chat.title = title or chat.title
        return chat.to_api()

    def add_user(
        self,
        user_id: int,
        first_name: str,
        language_code: str = "az",
        username: str | None = None,
        started_bot: bool = True,
        blocked_bot: bool = False,
    ) -> JSON:
        """Add (or update) a user and their private chat with the bot."""
        return self._put_user(
            user_id, first_name, language_code, username, started_bot, blocked_bot
        ).to_api()

    def set_bot_blocked(self, user_id: int, blocked: bool = True) -> None:
        """The user blocks (or unblocks) the bot."""
        self._user(user_id).blocked_bot = blocked

    def set_admins(
        self,
        chat_id: int,
        user_ids: list[int],
        bot_is_admin: bool = True,
        creator_id: int | None = None,
    ) -> None:
        """Make these users the chat's administrators (others lose the role)."""
        chat = self._chats.get(chat_id) or self._auto_chat(chat_id)
        for membership in chat.members.values():
            if membership.status in {"administrator", "creator"}:
                membership.status = "member"
        for user_id in user_ids:
            self._ensure_user(user_id)
            chat.members[user_id] = Membership("administrator")
        if creator_id is not None:
            self._ensure_user(creator_id)
            chat.members[creator_id] = Membership("creator")
        chat.bot_is_admin = bot_is_admin

    def add_members(self, chat_id: int, user_ids: list[int]) -> None:
        """Make users plain members of a chat (injecting a message does this too)."""
        chat = self._chats.get(chat_id) or self._auto_chat(chat_id)
        for user_id in user_ids:
            self._ensure_user(user_id)
            chat.members.setdefault(user_id, Membership("member"))

    # -- control: updates --------------------------------------------------------------------

    def inject_message(
        self,
        chat_id: int,
        user_id: int,
        text: str | None = None,
        *,
        caption: str | None = None,
        reply_to: int | None = None,
        entities: list[JSON] | None = None,
        message_thread_id: int | None = None,
        photo: bool = False,
        sticker: bool = False,
        new_chat_members: list[int] | None = None,
    ) -> JSON:
        """A user sends a message; it is stored and queued as a ``message`` update.

        Unknown chats and users are created (negative ids: supergroup if ``-100...``).
        ``entities=None`` detects bot commands (``/cmd``, ``/cmd@bot``), mentions and URLs.
        """
        user = self._ensure_user(user_id)
        chat = self._chats.get(chat_id) or self._auto_chat(chat_id)
        if chat.type == "private":
            if chat_id != user_id:
                raise ValueError("in a private chat the sender is the chat's user")
            user.started_bot, user.blocked_bot = True, False
        else:
            chat.members.setdefault(user_id, Membership("member"))
        extra: JSON = {}
        if photo:
            extra["photo"] = self._photo_sizes(self._store_file(b"\x89PNG fake photo"))
        if sticker:
            extra["sticker"] = self._sticker()
        if new_chat_members:
            extra["new_chat_members"] = [self._ensure_user(i).to_api() for i in new_chat_members]
            for member_id in new_chat_members:
                chat.members[member_id] = Membership("member")
        if caption is not None:
            extra["caption"] = caption
            if caption_entities := detect_entities(caption):
                extra["caption_entities"] = caption_entities
        message = self._new_message(
            chat,
            user.to_api(),
            text=text,
            entities=entities if entities is not None else detect_entities(text or ""),
            reply_to=self._message_or_raise(chat, reply_to) if reply_to is not None else None,
            thread_id=message_thread_id,
            extra=extra,
        )
        self._queue_update({"message": message})
        return copy.deepcopy(message)

    def inject_edit(self, chat_id: int, message_id: int, text: str) -> JSON:
        """The author edits a stored message; queues an ``edited_message`` update."""
        chat = self._chat_or_raise(chat_id)
        message = self._message_or_raise(chat, message_id)
        key = "caption" if "caption" in message else "text"
        message[key] = text
        message["caption_entities" if key == "caption" else "entities"] = detect_entities(text)
        message["edit_date"] = _now()
        self._queue_update({"edited_message": message})
        return copy.deepcopy(message)

    def press_button(self, chat_id: int, message_id: int, user_id: int, data: str) -> str:
        """A user presses an inline button; returns the callback query id.

        The data is not checked against the keyboard, so tests can send stale or malformed
        data; a deleted message arrives as an inaccessible one (``date`` 0).
        """
        chat = self._chat_or_raise(chat_id)
        inaccessible = {"chat": chat.to_api(), "message_id": message_id, "date": 0}
        query_id = str(next(self._query_ids))
        self._open_queries.add(query_id)
        query = {
            "id": query_id,
            "from": self._ensure_user(user_id).to_api(),
            "message": chat.messages.get(message_id, inaccessible),
            "chat_instance": str(abs(chat_id)),
            "data": data,
        }
        self._queue_update({"callback_query": query})
        return query_id

    def inject_raw_update(self, update: JSON) -> int:
        """Queue any update as given (``update_id`` is added unless present); returns its id."""
        return self._queue_update(update)

    def fail_next(
        self,
        method: str,
        error_code: int = 429,
        description: str | None = None,
        retry_after: int | None = None,
        times: int = 1,
    ) -> None:
        """The next ``times`` calls of ``method`` fail so (a 429 defaults to retry after 1)."""
        if error_code == 429 and retry_after is None:
            retry_after = 1
        if description is None:
            description = (
                f"Too Many Requests: retry after {retry_after}"
                if error_code == 429
                else f"Injected error {error_code}"
            )
        fault = _Fault(BotAPIError(error_code, description, retry_after), times)
        self._faults.setdefault(method.lower(), []).append(fault)

    # -- control: observation ----------------------------------------------------------------

    @property
    def calls(self) -> list[Call]:
        """Every Bot API request so far, in order (failed and unknown ones too)."""
        return list(self._calls)

    @property
    def call_statuses(self) -> list[int | None]:
        """HTTP status answered to each of ``calls`` (None while still in flight)."""
        return list(self._statuses)

    def calls_of(self, method: str) -> list[JSON]:
        """Params of every call of ``method`` (case-insensitive)."""
        return [call.params for call in self._calls if call.method.lower() == method.lower()]

    def clear_calls(self) -> None:
        self._calls.clear()
        self._statuses.clear()
        self._consumed.clear()

    async def wait_for(
        self,
        method: str,
        predicate: Predicate | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109 - named like asyncio.wait_for's
        *,
        ok: bool | None = True,
    ) -> JSON:
        """Params of the earliest matching call not returned by ``wait_for`` before.

        Already-made calls count, so there is no race between acting and waiting; each call is
        handed out once, so two waits for ``sendMessage`` get two different messages.
        ``ok=True`` (default) takes only calls answered with success, ``ok=False`` only failed
        ones (an injected 429, a 403...), ``ok=None`` any call as soon as it arrives.
        """
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            index = self._find_call(method, predicate, ok)
            if index is not None:
                self._consumed.add(index)
                return self._calls[index].params
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                seen = ", ".join(call.method for call in self._calls[-10:]) or "none"
                raise TimeoutError(f"no {method} call within {timeout}s (last calls: {seen})")
            await self._new_call.wait(remaining)

    async def assert_no_call(
        self, method: str, predicate: Predicate | None = None, within: float = 0.3
    ) -> None:
        """Fail if an unconsumed matching call (even a failed one) exists or arrives soon."""
        with contextlib.suppress(TimeoutError):
            params = await self.wait_for(method, predicate, timeout=within, ok=None)
            raise AssertionError(f"unexpected {method} call: {params}")

    def messages_in(self, chat_id: int) -> list[JSON]:
        """Current (not deleted) messages of a chat, oldest first."""
        chat = self._chat_or_raise(chat_id)
        return [copy.deepcopy(chat.messages[key]) for key in sorted(chat.messages)]

    def message(self, chat_id: int, message_id: int) -> JSON | None:
        chat = self._chats.get(chat_id)
        message = chat.messages.get(message_id) if chat else None
        return copy.deepcopy(message) if message is not None else None

    def was_deleted(self, chat_id: int, message_id: int) -> bool:
        return message_id in self._chat_or_raise(chat_id).deleted

    def chat_member(self, chat_id: int, user_id: int) -> JSON:
        """The ChatMember object getChatMember would return."""
        return self._chat_member(self._chat_or_raise(chat_id), user_id)

    @property
    def callback_answers(self) -> list[JSON]:
        """Params of every successful answerCallbackQuery, in order."""
        return list(self._callback_answers)

    def callback_answer(self, query_id: str) -> JSON | None:
        return next(
            (a for a in self._callback_answers if a["callback_query_id"] == query_id), None
        )

    @property
    def pending_updates(self) -> list[JSON]:
        """Updates not yet confirmed by a getUpdates offset."""
        return copy.deepcopy(self._updates)

    def file_bytes(self, file_id: str) -> bytes:
        return self._files[file_id]

    # -- HTTP: Bot API -----------------------------------------------------------------------

    async def _on_bot_request(self, request: web.Request) -> web.Response:
        self.token = request.match_info["token"]
        requested = request.match_info["method"]
        name, handler = _METHODS_BY_LOWER_NAME.get(requested.lower(), (requested, None))
        index: int | None = None
        try:
            params = await read_params(request)
            index = self._record(Call(name, params))
            if handler is None:
                raise BotAPIError(404, "Not Found")
            self._raise_injected_fault(name)
            response = _json_response({"ok": True, "result": await handler(self, params)})
        except BotAPIError as error:
            response = _json_response(error.payload(), status=error.error_code)
        except Exception:
            log.exception("fake Bot API failed on %s", name)
            failure = BotAPIError(500, "Internal Server Error: the fake itself failed")
            response = _json_response(failure.payload(), status=500)
        self._finish(self._record(Call(name, {})) if index is None else index, response.status)
        return response

    def _record(self, call: Call) -> int:
        self._calls.append(call)
        self._statuses.append(None)
        self._new_call.fire()
        return len(self._calls) - 1

    def _finish(self, index: int, status: int) -> None:
        if index < len(self._statuses):  # clear_calls() may have run meanwhile
            self._statuses[index] = status
            self._new_call.fire()

    def _raise_injected_fault(self, method: str) -> None:
        faults = self._faults.get(method.lower())
        if not faults:
            return
        fault = faults[0]
        fault.times -= 1
        if fault.times <= 0:
            faults.pop(0)
        raise fault.error

    def _find_call(self, method: str, predicate: Predicate | None, ok: bool | None) -> int | None:
        for index, (call, status) in enumerate(zip(self._calls, self._statuses, strict=True)):
            if index in self._consumed or call.method.lower() != method.lower():
                continue
            if ok is not None and (status is None or (status == 200) != ok):
                continue
            if predicate is None or predicate(call.params):
                return index
        return None

    # -- HTTP: control -----------------------------------------------------------------------

    async def _on_control_help(self, request: web.Request) -> web.Response:
        return web.Response(text=self.usage())

    async def _on_control_calls(self, request: web.Request) -> web.Response:
        since = int(request.query.get("since", "0"))
        method = request.query.get("method", "").lower()
        calls = [
            {"index": index, "method": call.method, "params": call.params, "status": status}
            for index, (call, status) in enumerate(zip(self._calls, self._statuses, strict=True))
            if index >= since and (not method or call.method.lower() == method)
        ]
        return _json_response({"ok": True, "result": calls})

    async def _on_control_messages(self, request: web.Request) -> web.Response:
        try:
            result = self.messages_in(int(request.query["chat_id"]))
        except (KeyError, ValueError, LookupError) as error:
            return _json_response({"ok": False, "description": repr(error)}, status=400)
        return _json_response({"ok": True, "result": result})

    async def _on_control_callback_answers(self, request: web.Request) -> web.Response:
        return _json_response({"ok": True, "result": self.callback_answers})

    async def _on_control_action(self, request: web.Request) -> web.Response:
        actions: dict[str, Callable[..., Any]] = {
            "chats": self.add_chat,
            "users": self.add_user,
            "admins": self.set_admins,
            "members": self.add_members,
            "messages": self.inject_message,
            "edits": self.inject_edit,
            "buttons": self.press_button,
            "updates": self.inject_raw_update,
            "faults": self.fail_next,
            "blocks": self.set_bot_blocked,
        }
        action = actions.get(request.match_info["action"])
        if action is None:
            return _json_response({"ok": False, "description": "unknown control action"}, 404)
        try:
            body = await request.json()
            bound = inspect.signature(action).bind(**body)
            result = action(*bound.args, **bound.kwargs)
        except (TypeError, ValueError, LookupError) as error:
            return _json_response({"ok": False, "description": repr(error)}, status=400)
        return _json_response({"ok": True, "result": result})

    def usage(self) -> str:
        """How to drive the server by HTTP, with this server's address filled in."""
        return USAGE.substitute(base=self.base_url)

    # -- state helpers -----------------------------------------------------------------------

    def _put_user(
        self,
        user_id: int,
        first_name: str,
        language_code: str = "az",
        username: str | None = None,
        started_bot: bool = True,
        blocked_bot: bool = False,
    ) -> FakeUser:
        user = FakeUser(user_id, first_name, language_code, username, started_bot, blocked_bot)
        self._users[user_id] = user
        chat = self._chats.setdefault(user_id, FakeChat(user_id, "private"))
        chat.first_name, chat.username = first_name, username
        chat.members.setdefault(user_id, Membership("member"))
        return user

    def _ensure_user(self, user_id: int) -> FakeUser:
        return self._users.get(user_id) or self._put_user(user_id, f"User {user_id}")

    def _user(self, user_id: int) -> FakeUser:
        if user_id not in self._users:
            raise LookupError(f"unknown user {user_id}")
        return self._users[user_id]

    def _auto_chat(self, chat_id: int) -> FakeChat:
        if chat_id > 0:
            return self._chats[self._ensure_user(chat_id).id]
        kind = "supergroup" if str(chat_id).startswith("-100") else "group"
        self.add_chat(chat_id, kind)
        return self._chats[chat_id]

    def _chat_or_raise(self, chat_id: int) -> FakeChat:
        if chat_id not in self._chats:
            raise LookupError(f"unknown chat {chat_id}")
        return self._chats[chat_id]

    @staticmethod
    def _message_or_raise(chat: FakeChat, message_id: int) -> JSON:
        if message_id not in chat.messages:
            raise LookupError(f"no message {message_id} in chat {chat.id}")
        return chat.messages[message_id]

    def _new_message(
        self,
        chat: FakeChat,
        sender: JSON,
        *,
        text: str | None = None,
        entities: list[JSON] | None = None,
        reply_to: JSON | None = None,
        thread_id: int | None = None,
        extra: JSON | None = None,
    ) -> JSON:
        chat.last_message_id += 1
        message: JSON = {
            "message_id": chat.last_message_id,
            "from": sender,
            "date": _now(),
            "chat": chat.to_api(),
        }
        if thread_id is None and reply_to is not None:
            thread_id = reply_to.get("message_thread_id")
        if thread_id is not None:
            message["message_thread_id"] = thread_id
            message["is_topic_message"] = True
        if reply_to is not None:
            message["reply_to_message"] = {
                key: value for key, value in reply_to.items() if key != "reply_to_message"
            }
        if text is not None:
            message["text"] = text
            if entities:
                message["entities"] = entities
        message.update(extra or {})
        chat.messages[message["message_id"]] = message
        return message

    def _queue_update(self, update: JSON) -> int:
        """Queue a snapshot: later edits or deletions do not change an update already sent."""
        update = copy.deepcopy(update)
        if "update_id" not in update:
            update = {"update_id": next(self._update_ids), **update}
        self._updates.append(update)
        self._new_update.fire()
        return int(update["update_id"])

    def _store_file(self, data: bytes) -> str:
        file_id = f"AgACAgIAAxkBAAI{next(self._file_ids):06d}"
        self._files[file_id] = data
        return file_id

    @staticmethod
    def _photo_sizes(file_id: str) -> list[JSON]:
        return [
            {
                "file_id": f"{file_id}{suffix}",
                "file_unique_id": f"AQAD{file_id[-6:]}{suffix}",
                "width": side,
                "height": side,
                "file_size": side * 10,
            }
            for suffix, side in (("s", 90), ("m", 320), ("", 800))
        ]

    def _sticker(self) -> JSON:
        file_id = self._store_file(b"RIFF fake sticker")
        return {
            "file_id": file_id,
            "file_unique_id": f"AgAD{file_id[-6:]}",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
        }

    def _membership(self, chat: FakeChat, user_id: int) -> Membership:
        membership = chat.members.get(user_id)
        if membership is None:
            return Membership("left", was_member=False)
        expired = membership.until_date and membership.until_date <= _now()
        if expired and membership.status == "restricted":
            membership.status, membership.until_date = "member", 0
        elif expired and membership.status == "kicked":
            membership.status, membership.until_date = "left", 0
        return membership

    def _chat_member(self, chat: FakeChat, user_id: int) -> JSON:
        if user_id == self.bot_id:
            if chat.bot_is_admin:
                return {"status": "administrator", "user": self.bot_user, **ADMIN_RIGHTS}
            return {"status": "member", "user": self.bot_user}
        if user_id not in self._users:
            raise bad_request("user not found")
        user = self._users[user_id].to_api()
        membership = self._membership(chat, user_id)
        match membership.status:
            case "creator":
                return {"status": "creator", "user": user, "is_anonymous": False}
            case "administrator":
                return {"status": "administrator", "user": user, **ADMIN_RIGHTS}
            case "restricted":
                rights = {
                    name: bool(membership.permissions.get(name)) for name in PERMISSION_FIELDS
                }
                return {
                    "status": "restricted",
                    "user": user,
                    "is_member": membership.was_member,
                    **rights,
                    "until_date": membership.until_date,
                }
            case "kicked":
                return {"status": "kicked", "user": user, "until_date": membership.until_date}
            case status:
                return {"status": status, "user": user}

    # -- Bot API: request helpers ------------------------------------------------------------

    def _chat_param(self, params: JSON, name: str = "chat_id") -> FakeChat:
        chat_id = params.get(name)
        if chat_id in (None, ""):
            raise bad_request(f"{name} is empty")
        if isinstance(chat_id, str):
            found = [c for c in self._chats.values() if c.username and f"@{c.username}" == chat_id]
            if found:
                return found[0]
        if isinstance(chat_id, int) and chat_id in self._chats:
            return self._chats[chat_id]
        raise bad_request("chat not found")

    @staticmethod
    def _int_param(params: JSON, name: str) -> int:
        value = params.get(name)
        if not isinstance(value, int) or isinstance(value, bool):
            raise bad_request(f"{name} is empty" if value in (None, "") else f"invalid {name}")
        return value

    def _check_can_write(self, chat: FakeChat) -> None:
        if chat.type != "private":
            return
        user = self._users[chat.id]
        if user.blocked_bot:
            raise BotAPIError(403, "Forbidden: bot was blocked by the user")
        if not user.started_bot:
            raise BotAPIError(403, "Forbidden: bot can't initiate conversation with a user")

    def _check_can_restrict(self, chat: FakeChat, user_id: int) -> Membership:
        if chat.type == "private":
            raise bad_request("chat member status can't be changed in private chats")
        if not chat.bot_is_admin:
            raise bad_request("not enough rights to restrict/unrestrict chat member")
        if user_id == self.bot_id:
            raise bad_request("can't restrict self")
        if user_id not in self._users:
            raise bad_request("user not found")
        membership = self._membership(chat, user_id)
        if membership.status == "creator":
            raise bad_request("can't remove chat owner")
        if membership.status == "administrator":
            raise bad_request("user is an administrator of the chat")
        return membership

    def _reply_target(self, chat: FakeChat, params: JSON) -> JSON | None:
        reply = params.get("reply_parameters")
        if not isinstance(reply, dict):
            if "reply_to_message_id" not in params:
                return None
            reply = {
                "message_id": params["reply_to_message_id"],
                "allow_sending_without_reply": params.get("allow_sending_without_reply", False),
            }
        target_chat = chat
        if reply.get("chat_id") not in (None, chat.id):
            target_chat = self._chat_param(reply)
        target = target_chat.messages.get(int(reply.get("message_id", 0)))
        if target is None and not reply.get("allow_sending_without_reply"):
            raise bad_request("message to be replied not found")
        return target

    def _send(self, params: JSON, extra: JSON, text: str | None = None) -> JSON:
        """Common part of sendMessage and sendPhoto: checks, reply, markup, storing."""
        chat = self._chat_param(params)
        self._check_can_write(chat)
        markup = params.get("reply_markup")
        _check_inline_keyboard(markup)
        reply_to = self._reply_target(chat, params)
        echoed = _echoed_markup(markup)
        if echoed is not None:
            extra["reply_markup"] = echoed
        message = self._new_message(
            chat,
            self.bot_user,
            text=text,
            entities=params.get("entities"),
            reply_to=reply_to,
            thread_id=params.get("message_thread_id"),
            extra=extra,
        )
        return copy.deepcopy(message)

    def _message_to_edit(self, params: JSON) -> JSON:
        if "inline_message_id" in params:
            raise bad_request("inline messages are not supported by the fake")
        chat = self._chat_param(params)
        message = chat.messages.get(self._int_param(params, "message_id"))
        if message is None:
            raise bad_request("message to edit not found")
        if message.get("from", {}).get("id") != self.bot_id:
            raise bad_request("message can't be edited")
        return message

    # -- Bot API: methods (one per entry of _METHODS) ----------------------------------------

    async def _api_get_me(self, params: JSON) -> JSON:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": True,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def _api_get_updates(self, params: JSON) -> list[JSON]:
        if self.webhook_url:
            raise BotAPIError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = params.get("offset")
        if isinstance(offset, int):
            self._confirm_updates(offset)
        if isinstance(params.get("allowed_updates"), list):
            self._allowed_updates = params["allowed_updates"]
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        timeout = min(float(params.get("timeout") or 0), MAX_LONG_POLL_SECONDS)
        deadline = asyncio.get_running_loop().time() + timeout
        while not (available := self._available_updates()) and not self._closing:
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                break
            await self._new_update.wait(remaining)
        return copy.deepcopy(available[:limit])

    def _confirm_updates(self, offset: int) -> None:
        if offset < 0:
            self._updates = self._updates[offset:]
        else:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]

    def _available_updates(self) -> list[JSON]:
        if self._allowed_updates:
            return [u for u in self._updates if _update_type(u) in self._allowed_updates]
        return [u for u in self._updates if _update_type(u) not in OPT_IN_UPDATE_TYPES]

    async def _api_set_webhook(self, params: JSON) -> bool:
        url = params.get("url")
        if not isinstance(url, str):
            raise bad_request("bad webhook: URL is empty")
        self.webhook_url = url
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    async def _api_delete_webhook(self, params: JSON) -> bool:
        self.webhook_url = ""
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    async def _api_get_webhook_info(self, params: JSON) -> JSON:
        return {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    async def _api_send_message(self, params: JSON) -> JSON:
        raw_text = params.get("text")
        if not isinstance(raw_text, str) or not raw_text.strip():
            raise bad_request("message text is empty")
        text = _visible_text(raw_text, params.get("parse_mode"))
        if _utf16_len(text) > MAX_TEXT_LENGTH:
            raise bad_request("message is too long")
        return self._send(params, {}, text=text)

    async def _api_send_photo(self, params: JSON) -> JSON:
        photo = params.get("photo")
        if isinstance(photo, UploadedFile):
            file_id = self._store_file(photo.data)
        elif isinstance(photo, str) and photo:
            file_id = photo  # a file_id or URL: Telegram fetches it; the fake takes it as is
        else:
            raise bad_request("there is no photo in the request")
        extra: JSON = {"photo": self._photo_sizes(file_id)}
        if isinstance(params.get("caption"), str):
            extra["caption"] = _visible_text(params["caption"], params.get("parse_mode"))
            if params.get("caption_entities"):
                extra["caption_entities"] = params["caption_entities"]
        return self._send(params, extra)

    async def _api_send_chat_action(self, params: JSON) -> bool:
        self._check_can_write(self._chat_param(params))
        return True

    async def _api_delete_message(self, params: JSON) -> bool:
        chat = self._chat_param(params)
        message_id = self._int_param(params, "message_id")
        message = chat.messages.get(message_id)
        if message is None:
            raise bad_request("message to delete not found")
        own = message.get("from", {}).get("id") == self.bot_id
        if chat.type != "private" and not own and not chat.bot_is_admin:
            raise bad_request("message can't be deleted")
        del chat.messages[message_id]
        chat.deleted.add(message_id)
        return True

    async def _api_edit_message_text(self, params: JSON) -> JSON:
        message = self._message_to_edit(params)
        raw_text = params.get("text")
        if not isinstance(raw_text, str) or not raw_text.strip():
            raise bad_request("message text is empty")
        if "text" not in message:
            raise bad_request("there is no text in the message to edit")
        text = _visible_text(raw_text, params.get("parse_mode"))
        markup = params.get("reply_markup")
        _check_inline_keyboard(markup)
        return self._apply_edit(message, {"text": text, "reply_markup": _echoed_markup(markup)})

    async def _api_edit_message_reply_markup(self, params: JSON) -> JSON:
        message = self._message_to_edit(params)
        markup = params.get("reply_markup")
        _check_inline_keyboard(markup)
        return self._apply_edit(message, {"reply_markup": _echoed_markup(markup)})

    @staticmethod
    def _apply_edit(message: JSON, changes: JSON) -> JSON:
        """Apply changes (None removes a field); Telegram refuses an edit that changes nothing."""
        if all(message.get(key) == value for key, value in changes.items()):
            raise bad_request(NOT_MODIFIED)
        for key, value in changes.items():
            if value is None:
                message.pop(key, None)
            else:
                message[key] = value
        message["edit_date"] = _now()
        return copy.deepcopy(message)

    async def _api_answer_callback_query(self, params: JSON) -> bool:
        query_id = str(params.get("callback_query_id", ""))
        if query_id not in self._open_queries:
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        self._open_queries.discard(query_id)
        self._callback_answers.append({**params, "callback_query_id": query_id})
        return True

    async def _api_restrict_chat_member(self, params: JSON) -> bool:
        chat = self._chat_param(params)
        if chat.type == "group":
            raise bad_request("method is available only for supergroups")
        user_id = self._int_param(params, "user_id")
        membership = self._check_can_restrict(chat, user_id)
        permissions = params.get("permissions")
        if not isinstance(permissions, dict):
            raise bad_request("can't parse chat permissions JSON object")
        if all(permissions.get(name) for name in PERMISSION_FIELDS):
            chat.members[user_id] = Membership("member", was_member=True)
            return True
        chat.members[user_id] = Membership(
            "restricted",
            until_date=_normalized_until(int(params.get("until_date") or 0)),
            permissions=permissions,
            was_member=membership.status in {"member", "restricted"},
        )
        return True

    async def _api_ban_chat_member(self, params: JSON) -> bool:
        chat = self._chat_param(params)
        user_id = self._int_param(params, "user_id")
        self._check_can_restrict(chat, user_id)
        until = _normalized_until(int(params.get("until_date") or 0))
        chat.members[user_id] = Membership("kicked", until_date=until, was_member=False)
        # Basic groups always lose the user's messages; supergroups only when asked.
        if params.get("revoke_messages") or chat.type == "group":
            for message_id, message in list(chat.messages.items()):
                if message.get("from", {}).get("id") == user_id:
                    del chat.messages[message_id]
                    chat.deleted.add(message_id)
        return True

    async def _api_unban_chat_member(self, params: JSON) -> bool:
        chat = self._chat_param(params)
        user_id = self._int_param(params, "user_id")
        if params.get("only_if_banned") and self._membership(chat, user_id).status != "kicked":
            return True
        self._check_can_restrict(chat, user_id)
        # Without only_if_banned Telegram removes a current member too: afterwards the user is
        # out of the chat but may join again.
        chat.members[user_id] = Membership("left", was_member=False)
        return True

    async def _api_get_chat_member(self, params: JSON) -> JSON:
        return self._chat_member(self._chat_param(params), self._int_param(params, "user_id"))

    async def _api_get_chat_administrators(self, params: JSON) -> list[JSON]:
        chat = self._chat_param(params)
        if chat.type == "private":
            raise bad_request("there are no administrators in the private chat")
        admin_ids = [
            user_id
            for user_id, membership in chat.members.items()
            if membership.status in {"creator", "administrator"}
        ]
        if chat.bot_is_admin:
            admin_ids.append(self.bot_id)
        return [self._chat_member(chat, user_id) for user_id in admin_ids]

    async def _api_get_chat(self, params: JSON) -> JSON:
        chat = self._chat_param(params)
        return {
            **chat.to_api(),
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }

    async def _api_set_my_commands(self, params: JSON) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise bad_request("can't parse commands JSON object")
        for command in commands:
            if not COMMAND_NAME.fullmatch(str(command.get("command", ""))):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise bad_request("command description must be non-empty")
        self.bot_commands[self._commands_key(params)] = commands
        return True

    async def _api_get_my_commands(self, params: JSON) -> list[JSON]:
        return self.bot_commands.get(self._commands_key(params), [])

    async def _api_delete_my_commands(self, params: JSON) -> bool:
        self.bot_commands.pop(self._commands_key(params), None)
        return True

    @staticmethod
    def _commands_key(params: JSON) -> tuple[str, str]:
        scope = params.get("scope")
        scope_key = json.dumps(scope, sort_keys=True) if isinstance(scope, dict) else "default"
        if isinstance(scope, dict) and scope == {"type": "default"}:
            scope_key = "default"
        return scope_key, str(params.get("language_code") or "")

    async def _api_true(self, params: JSON) -> bool:
        return True


_Handler = Callable[[FakeBotAPI, JSON], Awaitable[Any]]

_METHODS: dict[str, _Handler] = {
    "getMe": FakeBotAPI._api_get_me,
    "getUpdates": FakeBotAPI._api_get_updates,
    "setWebhook": FakeBotAPI._api_set_webhook,
    "deleteWebhook": FakeBotAPI._api_delete_webhook,
    "getWebhookInfo": FakeBotAPI._api_get_webhook_info,
    "sendMessage": FakeBotAPI._api_send_message,
    "sendPhoto": FakeBotAPI._api_send_photo,
    "sendChatAction": FakeBotAPI._api_send_chat_action,
    "deleteMessage": FakeBotAPI._api_delete_message,
    "editMessageText": FakeBotAPI._api_edit_message_text,
    "editMessageReplyMarkup": FakeBotAPI._api_edit_message_reply_markup,
    "answerCallbackQuery": FakeBotAPI._api_answer_callback_query,
    "restrictChatMember": FakeBotAPI._api_restrict_chat_member,
    "banChatMember": FakeBotAPI._api_ban_chat_member,
    "unbanChatMember": FakeBotAPI._api_unban_chat_member,
    "getChatMember": FakeBotAPI._api_get_chat_member,
    "getChatAdministrators": FakeBotAPI._api_get_chat_administrators,
    "getChat": FakeBotAPI._api_get_chat,
    "setMyCommands": FakeBotAPI._api_set_my_commands,
    "getMyCommands": FakeBotAPI._api_get_my_commands,
    "deleteMyCommands": FakeBotAPI._api_delete_my_commands,
    "close": FakeBotAPI._api_true,
    "logOut": FakeBotAPI._api_true,
}
# Telegram matches method names case-insensitively; calls are recorded under these spellings.
_METHODS_BY_LOWER_NAME: dict[str, tuple[str, _Handler | None]] = {
    name.lower(): (name, handler) for name, handler in _METHODS.items()
}


def seed_demo(fake: FakeBotAPI) -> None:
    """A group, a moderators' chat and a few users, for trying the bot by hand."""
    fake.add_chat(DEMO_GROUP, "supergroup", "Sağlıq qrupu (demo)")
    fake.add_chat(DEMO_MODERATORS, "supergroup", "Moderatorlar (demo)")
    fake.add_user(11, "Aysel", "az", "aysel_demo")
    fake.add_user(12, "Ivan", "ru", "ivan_demo")
    fake.add_user(13, "Dr. Leyla", "az", "dr_leyla_demo")
    fake.add_user(14, "Moderator", "en", "mod_demo")
    fake.set_admins(DEMO_GROUP, [14], bot_is_admin=True)
    fake.set_admins(DEMO_MODERATORS, [14], bot_is_admin=True)
    fake.add_members(DEMO_GROUP, [11, 12, 13])


async def _serve(host: str, port: int, seed: bool) -> None:
    async with FakeBotAPI(host=host, port=port) as fake:
        if seed:
            seed_demo(fake)
        print(fake.usage(), flush=True)
        if seed:
            print(
                f"Seeded: group {DEMO_GROUP} (users 11-13 members, 14 admin), "
                f"moderators' chat {DEMO_MODERATORS} (14 admin); the bot is admin of both.",
                flush=True,
            )
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        await stop.wait()


def main(argv: list[str] | None = None) -> None:
    """``python -m tests.fake_bot_api --port 8081``: serve until Ctrl-C."""
    parser = argparse.ArgumentParser(description="Fake Telegram Bot API server")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--no-seed", action="store_true", help="start with no chats or users")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    asyncio.run(_serve(args.host, args.port, seed=not args.no_seed))


if __name__ == "__main__":
    main()
