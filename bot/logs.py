"""Logging set-up.

MedGuard's own log lines carry no message text and no user ids by design. Libraries are not so
careful: aiogram logs a whole getUpdates response when one update fails to parse, and httpx
logs request URLs, which contain the bot token. Their records are cut down to the first line
before any dumped content, without exception text.
"""

from __future__ import annotations

import logging

LIBRARY_LOGGERS = (
    "aiogram",
    "aiogram.dispatcher",
    "aiogram.event",
    "aiogram.middlewares",
    "aiogram.webhook",
    "telegram",
    "telegram.ext",
    "telegram.ext.Application",
    "telegram.ext.Updater",
    "telegram.ext.ExtBot",
    "telegram.Bot",
    "httpx",
    "aiohttp.access",
    "aiohttp.server",
    "aiosqlite",
    "sqlalchemy.engine.Engine",
)
_CUT_AT = ("Content:", "Caused from error", "\n", "https://", "http://", "{", "[", "(")


class ScrubLibraryRecords(logging.Filter):
    """Keeps a library record's gist and drops what could quote users (content, exceptions)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        for marker in _CUT_AT:
            message = message.split(marker, 1)[0]
        if record.exc_info and record.exc_info[0] is not None:
            message = f"{message.strip()} ({record.exc_info[0].__name__})"
        record.msg, record.args = message.strip(), None
        record.exc_info, record.exc_text = None, None
        return True


def protect_library_loggers() -> None:
    """Attach the scrubbing filter to the libraries' loggers (idempotent)."""
    for name in LIBRARY_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, ScrubLibraryRecords) for f in logger.filters):
            logger.addFilter(ScrubLibraryRecords())


def setup_logging(level: str = "INFO") -> None:
    """Configure the root logger once."""
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for noisy in ("httpx", "httpcore", "aiogram.event", "hpack"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    protect_library_loggers()
