"""What both runtimes share: mapping Bot API failures to the Messenger port's error kinds."""

from __future__ import annotations

import asyncio
from typing import Protocol

from handlers.actions import Messenger, MessengerError
from handlers.core import Core

BOT_COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", "MedGuard nədir / what MedGuard does"),
    ("help", "Kömək / help"),
    ("rules", "Qrup qaydaları / group rules"),
    ("ask", "Həkimə sual / ask a doctor"),
    ("doctors", "Təsdiqlənmiş həkimlər / verified doctors"),
    ("appeal", "Qərardan şikayət / appeal a decision"),
    ("doctor", "Həkim kimi qeydiyyat / register as a doctor"),
    ("available", "Həkim: suallara açığam / doctor: available"),
    ("away", "Həkim: məşğulam / doctor: away"),
    ("answer", "Həkim: suala cavab / doctor: answer a question"),
)


def classify_error(
    status: int | None, description: str, retry_after: float | None = None
) -> MessengerError:
    """Turn a Bot API error (status and description) into a MessengerError kind."""
    lowered = description.lower()
    if status == 429 or retry_after is not None:
        kind = "rate_limited"
    elif status == 403 or "forbidden" in lowered:
        kind = "forbidden"
    elif "not found" in lowered or "message_id_invalid" in lowered:
        kind = "not_found"
    elif "not modified" in lowered:
        kind = "not_modified"
    elif any(
        cue in lowered
        for cue in ("rights", "can't be deleted", "not an administrator", "admin_required")
    ):
        kind = "no_rights"
    else:
        kind = "other"
    return MessengerError(kind, description, retry_after)


class Runtime(Protocol):
    """One Telegram framework wired to the Core: polling, webhook feeding, the executor.

    `start` connects (getMe, setMyCommands) and fills in the bot's username; `poll` long-polls
    until `stop` is set; `feed` handles one raw update dict (webhook mode); `close` releases the
    HTTP session.
    """

    core: Core

    @property
    def messenger(self) -> Messenger: ...

    async def start(self) -> None: ...

    async def poll(self, stop_polling: asyncio.Event) -> None: ...

    async def feed(self, raw: dict[str, object]) -> None: ...

    async def close(self) -> None: ...
