"""Webhook mode: an aiohttp endpoint that checks Telegram's secret-token header."""

from __future__ import annotations

import hmac
import json
import logging

from aiohttp import web

from bot.messenger import Runtime

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105  (a header name)


def make_webhook_app(runtime: Runtime, path: str, secret: str | None) -> web.Application:
    """An aiohttp app that feeds POSTed updates to `runtime`."""

    async def receive(request: web.Request) -> web.Response:
        if secret is not None:
            given = request.headers.get(SECRET_HEADER, "")
            if not hmac.compare_digest(given.encode(), secret.encode()):
                log.warning("webhook request with a wrong or missing secret token")
                return web.Response(status=401, text="bad secret token")
        try:
            raw = await request.json(loads=json.loads)
        except (json.JSONDecodeError, UnicodeDecodeError):
            return web.Response(status=400, text="body must be a JSON update")
        if not isinstance(raw, dict) or not isinstance(raw.get("update_id"), int):
            return web.Response(status=400, text="body must be a JSON update")
        try:
            await runtime.feed(raw)
        except Exception as exc:
            # A malformed update is logged and acknowledged: Telegram would resend it forever.
            log.error("webhook update could not be parsed: %s", type(exc).__name__)
        return web.Response(text="ok")

    app = web.Application(client_max_size=1 << 20)
    app.router.add_post(path, receive)
    return app
