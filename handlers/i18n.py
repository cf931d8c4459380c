"""User-facing texts: one TOML catalogue per language in handlers/texts/."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

LANGUAGES = ("az", "ru", "en")


@cache
def _catalogue(language: str) -> dict[str, str]:
    raw = resources.files("handlers").joinpath("texts", f"{language}.toml").read_text("utf-8")
    return dict(tomllib.loads(raw))


def pick_language(telegram_code: str | None, default: str = "az") -> str:
    """The catalogue for a member's Telegram language code, else the configured default."""
    code = (telegram_code or "").split("-")[0].lower()
    if code == "tr":
        return "az"  # Turkish-interface phones are common in Azerbaijan; az reads naturally
    return code if code in LANGUAGES else default


def text(language: str, key: str, **values: Any) -> str:
    """The text `key` in `language`, falling back to Azerbaijani, formatted with `values`."""
    template = _catalogue(language).get(key) or _catalogue("az")[key]
    return template.format(**values) if values else template
