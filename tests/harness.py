"""Running the real bot against the fake Bot API server, as `medguard run` runs it."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.app import serve
from bot.config import Settings
from tests.fake_bot_api import FakeBotAPI

TOKEN = "123456:TEST-token"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def free_port() -> int:
    """A TCP port free on loopback right now."""
    return _free_port()


def make_settings(
    fake: FakeBotAPI, framework: str, data_dir: Path, **sections: dict[str, Any]
) -> Settings:
    """Settings for a bot talking to `fake`; `sections` (policy={...}) override defaults."""
    telegram = {
        "token": TOKEN,
        "api_base": fake.base_url,
        "framework": framework,
        "polling_timeout": 1,
        **sections.pop("telegram", {}),
    }
    storage = {"data_dir": data_dir, **sections.pop("storage", {})}
    return Settings.model_validate({"telegram": telegram, "storage": storage, **sections})


@dataclass
class Running:
    """A running bot and the fake server it talks to."""

    fake: FakeBotAPI
    settings: Settings

    async def reply_to(self, message: dict[str, Any], within: float = 10.0) -> dict[str, Any]:
        chat_id = message["chat"]["id"]

        def matches(params: dict[str, Any]) -> bool:
            reply = params.get("reply_parameters") or {}
            return bool(
                int(params["chat_id"]) == chat_id
                and reply.get("message_id") == message["message_id"]
            )

        return await self.fake.wait_for("sendMessage", matches, timeout=within)


@contextlib.asynccontextmanager
async def running_bot(
    fake: FakeBotAPI, settings: Settings, *, webhook: bool = False
) -> AsyncIterator[Running]:
    """Run the bot (as `medguard run` does) until the block ends."""
    stop = asyncio.Event()
    task = asyncio.create_task(serve(settings, webhook=webhook, stop=stop))
    try:
        await fake.wait_for("setMyCommands", timeout=90)  # the first start loads the model
        yield Running(fake, settings)
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=15)
