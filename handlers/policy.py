"""The moderation policy of DESIGN §3 as one pure function: labels + who wrote → what to do."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

ACTING = ("emergency", "personal_data", "spam", "medical_advice", "misinformation")


@dataclass(frozen=True, slots=True)
class Decision:
    """What the bot does about one message; `flag` lists the labels put before moderators."""

    emergency: bool = False
    remove: str | None = None
    warn: str | None = None
    route: bool = False
    flag: tuple[str, ...] = ()

    @property
    def acts(self) -> bool:
        """Whether anything happens at all."""
        return self.emergency or bool(self.remove or self.warn or self.route or self.flag)


def decide(
    labels: Collection[str], *, author_is_doctor: bool, already: Collection[str] = ()
) -> Decision:
    """The actions for a message's labels; labels acted on before (an edit) are not repeated."""
    new = [label for label in labels if label not in already]
    emergency = "emergency" in new
    # Confidentiality first: personal data goes even inside an advert; an advert goes anyway.
    remove = "spam" if "spam" in new else "personal_data" if "personal_data" in new else None
    warn = None
    if remove is None:
        if "misinformation" in new:
            warn = "misinformation"
        elif "medical_advice" in new and not author_is_doctor:
            warn = "medical_advice"
    route = "question" in new and not emergency and remove is None
    flagged = [label for label in ACTING if label in new]
    if author_is_doctor and warn is None and "medical_advice" in flagged:
        flagged.remove("medical_advice")
    return Decision(
        emergency=emergency, remove=remove, warn=warn, route=route, flag=tuple(flagged)
    )
