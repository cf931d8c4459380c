"""The label vocabulary of DESIGN §2 and the value a classification returns."""

from __future__ import annotations

from dataclasses import dataclass, field

LABELS: tuple[str, ...] = (
    "question",
    "medical_advice",
    "misinformation",
    "emergency",
    "spam",
    "personal_data",
)
SPECIALTIES: tuple[str, ...] = (
    "general",
    "pediatrics",
    "cardiology",
    "gynecology",
    "endocrinology",
    "dermatology",
    "neurology",
    "gastroenterology",
    "ent",
    "dentistry",
    "psychiatry",
    "ophthalmology",
    "urology",
    "orthopedics",
    "pulmonology",
    "infectious",
)
SENTIMENTS: tuple[str, ...] = ("positive", "negative", "neutral")
STYLES: tuple[str, ...] = ("instrumental", "affective")
LANGUAGES: tuple[str, ...] = ("az", "ru", "en")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the original text that identifies a person (kind: phone, email, fin...)."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Verdict:
    """What MedGuard read in one message; `reasons` name the rules and model parts that fired."""

    labels: tuple[str, ...]
    scores: dict[str, float]
    specialty: str | None = None
    sentiment: str = "neutral"
    language: str = "az"
    reasons: tuple[str, ...] = ()
    spans: tuple[Span, ...] = ()
    self_harm: bool = False
    style: tuple[str, ...] = field(default=())

    def has(self, label: str) -> bool:
        """Whether the message carries `label`."""
        return label in self.labels
