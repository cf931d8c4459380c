"""The composition root: settings → database → state → services → core → runtime."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import signal
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from aiohttp import web

from bot.config import ClassifierSettings, Settings
from bot.logs import protect_library_loggers
from bot.messenger import Runtime
from bot.webhook import make_webhook_app
from handlers.core import Core, describe_failure
from handlers.reader import ClassifierReader
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

if TYPE_CHECKING:
    from classifiers.ensemble import Classifier, TextEncoder

log = logging.getLogger(__name__)

Job = Callable[[], Awaitable[None]]


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


_classifiers: dict[tuple[object, ...], Classifier] = {}


def load_encoder(c: ClassifierSettings) -> TextEncoder:
    """The configured encoder, built into the cache on first use.

    ONNX Runtime by default: the running bot then never imports torch or transformers, and the
    int8 graph is ~2x faster on CPUs without VNNI. torch where asked, for fp32, or where
    onnxruntime is not installed.
    """
    from classifiers.encoder import Encoder, ensure_encoder
    from classifiers.onnx_encoder import OnnxEncoder, ensure_onnx, onnx_available

    folder = Path(c.encoder_path) if c.encoder_path else ensure_encoder(c.cache_dir)
    runtime = c.runtime
    if runtime == "auto":
        runtime = "onnx" if c.quantize and onnx_available() else "torch"
    if runtime == "onnx":
        return OnnxEncoder.load(ensure_onnx(folder, c.cache_dir), threads=c.threads)
    return Encoder.load(folder, quantize=c.quantize, threads=c.threads)


def load_classifier(settings: Settings) -> Classifier:
    """The ensemble over the configured encoder (built into the cache on first use).

    Kept per process: several bots started in one process (tests) share one loaded model.
    """
    from classifiers.ensemble import Cascade, Classifier
    from classifiers.rules import warm_up

    c = settings.classifier
    key = (
        c.encoder_path,
        str(c.cache_dir),
        c.artifacts_dir,
        c.runtime,
        c.quantize,
        c.threads,
        c.skip_encoder_when_sure,
        tuple(sorted(c.thresholds.items())),
    )
    if key not in _classifiers:
        encoder = load_encoder(c)
        artifacts = Path(c.artifacts_dir) if c.artifacts_dir else None
        cascade = Cascade() if c.skip_encoder_when_sure else None
        classifier = Classifier.load(
            artifacts, encoder=encoder, thresholds=c.thresholds, cascade=cascade
        )
        # Compile every rule pattern, load the language models and run the encoder once now:
        # otherwise the first message (an emergency, perhaps) waits ~0.3 s for all of that.
        warm_up()
        classifier.classify(["Salam, uşağın qızdırması var, nə edək?"])
        _classifiers[key] = classifier
    return _classifiers[key]


async def build_app(settings: Settings) -> App:
    """Open storage (applying migrations), state, the classifier and the core."""
    settings.storage.data_dir.mkdir(parents=True, exist_ok=True)
    db = Database.from_url(settings.storage.resolved_database_url())
    await db.upgrade()
    state = open_state(settings.storage.redis_url)
    classifier = await asyncio.to_thread(load_classifier, settings)
    services = Services(
        db=db,
        reader=ClassifierReader(classifier, settings.classifier.batch_size),
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
        start_periodic(app, runtime, stop)
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


# -- periodic work -----------------------------------------------------------------------------

SWEEP_SECONDS = 20.0  # offers last offer_minutes (at least 1 minute): this is precise enough
RETENTION_SECONDS = 3600.0  # retention is counted in days: hourly keeps it within the hour


def _every(app: App, seconds: float, stop: asyncio.Event, name: str, job: Job) -> None:
    """Run `job` now and every `seconds` until `stop`; a failure is logged, never fatal."""

    async def loop() -> None:
        while not stop.is_set():
            try:
                await job()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.error("%s failed: %s", name, describe_failure(exc))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), seconds)

    # The core cancels and awaits its background tasks when the app closes, before storage goes.
    app.core.keep(asyncio.create_task(loop()))


def start_periodic(app: App, runtime: Runtime, stop: asyncio.Event) -> None:
    """Everything the bot does on a timer."""
    start_sweep(app, runtime, stop)
    start_retention(app, stop)


def start_sweep(app: App, runtime: Runtime, stop: asyncio.Event) -> None:
    """The doctors' offer sweep: re-offer questions not taken in time."""
    from handlers.doctors import sweep_offers

    async def sweep() -> None:
        await sweep_offers(app.core.context(runtime.messenger))

    _every(app, SWEEP_SECONDS, stop, "offer sweep", sweep)


def start_retention(app: App, stop: asyncio.Event) -> None:
    """Purge flags' old redacted text and stale author hashes."""
    from handlers.stats import run_retention

    async def retention() -> None:
        await run_retention(app.core.services)

    _every(app, RETENTION_SECONDS, stop, "retention purge", retention)
