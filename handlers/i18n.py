"""User-facing texts: one TOML catalogue per language in handlers/texts/."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

LANGUAGES = ("az", "ru", "en")


@cache
def _catalogue(language: str) -> dict[str, str]:
    # texts/az.toml plus one file per capability (texts/doctors.az.toml...), merged.
    merged: dict[str, str] = {}
    folder = resources.files("handlers").joinpath("texts")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name == f"{language}.toml" or entry.name.endswith(f".{language}.toml"):
            for key, value in tomllib.loads(entry.read_text("utf-8")).items():
                if key in merged:
                    raise KeyError(f"text {key!r} defined twice ({entry.name})")
                merged[key] = value
    return merged


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
