"""The one place that wires use cases into the Core: commands, buttons, message handlers."""

from __future__ import annotations

from handlers import moderation
from handlers.core import Core


def install(core: Core) -> None:
    """Register every use case with `core`."""
    # Each capability adds its registrations below, in its own block.

    # Moderation (DESIGN §3, §5)
    core.group_text = moderation.on_group_message
    core.callbacks["mod"] = moderation.on_mod_button
    core.commands["appeal"] = moderation.on_appeal
    core.commands["pending"] = moderation.on_pending

    # Doctors: verification, routed questions, relayed answers and ratings.
    from handlers import doctors

    core.commands["doctor"] = doctors.on_doctor
    core.commands["available"] = doctors.on_available
    core.commands["away"] = doctors.on_away
    core.commands["doctors"] = doctors.on_doctors
    core.commands["ask"] = doctors.on_ask
    core.commands["answer"] = doctors.on_answer
    core.commands["revoke"] = doctors.on_revoke
    # The moderation capability may own /pending (flags and applications together).
    core.commands.setdefault("pending", doctors.on_pending)
    core.callbacks["doc"] = doctors.on_application_button
    core.callbacks["q"] = doctors.on_question_button
    core.callbacks["rate"] = doctors.on_rate_button
    core.private_text.append(doctors.on_private_text)

    # Statistics (DESIGN §6): /stats in the moderators' chat.
    from handlers import stats

    core.commands["stats"] = stats.on_stats
