"""The one place that wires use cases into the Core: commands, buttons, message handlers."""

from __future__ import annotations

from handlers.core import Core


def install(core: Core) -> None:
    """Register every use case with `core`."""
    # Each capability adds its registrations below, in its own block.
