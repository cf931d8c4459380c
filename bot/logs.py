"""Logging set-up. MedGuard's own log lines carry no message text and no user ids by design;
this also quiets library loggers that would print request URLs (which contain the bot token)."""

from __future__ import annotations

import logging


def setup_logging(level: str = "INFO") -> None:
    """Configure the root logger once."""
    logging.basicConfig(
        level=level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    for noisy in ("httpx", "httpcore", "aiogram.event", "telegram.ext", "hpack"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
