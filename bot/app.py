"""The composition root: settings → database → state → services → core → runtime."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import signal
import time
from dataclasses import dataclass

from aiohttp import web

from bot.config import Settings
from bot.logs import protect_library_loggers
from bot.messenger import Runtime
from bot.webhook import make_webhook_app
from handlers.core import Core
from handlers.registry import install
from handlers.services import (
    DoctorConfig,
    ModerationConfig,
    PolicyConfig,
    Services,
    StatsConfig,
)
from storage.db import Database
from storage.state import StateStore, open_state

log = logging.getLogger(__name__)


def moderation_config(settings: Settings) -> ModerationConfig:
    """The plain copy of moderation settings the use cases read."""
    m = settings.moderation
    return ModerationConfig(
        language=m.language,
        moderator_chat_id=m.moderator_chat_id,
        moderator_ids=frozenset(m.moderator_ids),
        groups=frozenset(m.groups),
        admin_cache_seconds=m.admin_cache_seconds,
    )


@dataclass(slots=True)
class App:
    """Everything built for one running bot; `close` releases it in reverse order."""

    settings: Settings
    db: Database
    state: StateStore
    core: Core

    async def close(self) -> None:
        """Release resources."""
        await self.core.close()
        await self.state.close()
        await self.db.close()


async def build_app(settings: Settings) -> App:
    """Open storage (applying migrations), state and the core."""
    settings.storage.data_dir.mkdir(parents=True, exist_ok=True)
    db = Database.from_url(settings.storage.resolved_database_url())
    await db.upgrade()
    state = open_state(settings.storage.redis_url)
    services = Services(
        db=db,
        state=state,
        moderation=moderation_config(settings),
        policy=PolicyConfig(**settings.policy.model_dump()),
        doctors=DoctorConfig(**settings.doctors.model_dump()),
        stats=StatsConfig(
            pseudonym_secret=pseudonym_secret(settings),
            min_cell=settings.stats.min_cell,
            retention_days=settings.stats.retention_days,
        ),
    )
    core = Core(services)
    install(core)
    return App(settings=settings, db=db, state=state, core=core)


def pseudonym_secret(settings: Settings) -> bytes:
    """The configured pseudonym secret, else one generated on first start and kept on disk."""
    configured = settings.stats.pseudonym_secret
    if configured is not None and configured.get_secret_value():
        return configured.get_secret_value().encode()
    path = settings.storage.data_dir / "pseudonym_secret"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip().encode()


def make_runtime(settings: Settings, core: Core) -> Runtime:
    """The configured Telegram runtime; only this module decides which framework runs."""
    token = settings.telegram.token
    if token is None:
        raise ValueError("telegram.token is not set")
    secret = token.get_secret_value()
    if settings.telegram.framework == "ptb":
        from bot.runtime_ptb import PTBRuntime

        return PTBRuntime(
            core, secret, settings.telegram.api_base, settings.telegram.polling_timeout
        )
    from bot.runtime_aiogram import AiogramRuntime

    return AiogramRuntime(
        core, secret, settings.telegram.api_base, settings.telegram.polling_timeout
    )


async def serve(
    settings: Settings, *, webhook: bool = False, stop: asyncio.Event | None = None
) -> None:
    """Run the bot until SIGINT/SIGTERM (or `stop`): long polling, or a webhook server."""
    began = time.perf_counter()
    protect_library_loggers()
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        # Outside the main thread (tests) there are no signal handlers: the caller sets `stop`.
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    app = await build_app(settings)
    runtime = make_runtime(settings, app.core)
    try:
        await runtime.start()
        log.info(
            "MedGuard ready in %.2f s (%s runtime, %s)",
            time.perf_counter() - began,
            settings.telegram.framework,
            "webhook" if webhook else "long polling",
        )
        if webhook:
            await _serve_webhook(settings, runtime, stop)
        else:
            await runtime.poll(stop)
    finally:
        await runtime.close()
        await app.close()
        log.info("MedGuard stopped")


async def _serve_webhook(settings: Settings, runtime: Runtime, stop: asyncio.Event) -> None:
    tg = settings.telegram
    secret = tg.webhook_secret.get_secret_value() if tg.webhook_secret else None
    runner = web.AppRunner(make_webhook_app(runtime, tg.webhook_path, secret))
    await runner.setup()
    site = web.TCPSite(runner, tg.webhook_host, tg.webhook_port)
    await site.start()
    log.info("webhook listening on %s:%d%s", tg.webhook_host, tg.webhook_port, tg.webhook_path)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()
