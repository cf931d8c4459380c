"""The ensemble: rules + char n-gram model + encoder heads, producing a `Verdict` per message.

Label score = max(weighted rule score, w * n-gram + (1 - w) * encoder head), where a rule score
is multiplied by its label's rule weight unless it is a strong hit (>= STRONG_RULE). The equal
average of the two models generalised best on independent text (MODELS.md); rules only ever
raise a score, which is how they add recall for emergencies, personal data, spam and myths.
Thresholds and rule weights per label are chosen on out-of-fold scores over train+dev (5 folds
by group) at training time and stored with the artifacts; callers may override the thresholds.
`quick` skips the encoder (rules + n-gram, own thresholds) for the emergency fast path.

Emergency is decided by an explicit rule instead of one low threshold on the max:
  emergency <=> a strong rule hit (best emergency rule score >= `rule`)
             or the model score >= the emergency threshold
             or a weaker rule hit (>= `floor`) that the model supports (>= `support`).
The three numbers are chosen on out-of-fold scores at training time (recall under a precision
floor and a benign false-alarm budget); `reasons` say which branch fired.
"""

from __future__ import annotations

import functools
import json
import warnings
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from classifiers.heads import EncoderHeads, FloatArray
from classifiers.labels import LABELS, SENTIMENTS, SPECIALTIES, STYLES, Span, Verdict
from classifiers.ngram import NgramModel
from classifiers.normalize import Normalized, normalize
from classifiers.rules import RuleHit, detect, find_personal_data, specialty_cues

DEFAULT_ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
# Labels that make the bot act on a message; one of them on a harmless message is a false alarm.
ACTING_LABELS: tuple[str, ...] = (
    "medical_advice",
    "misinformation",
    "emergency",
    "spam",
    "personal_data",
)
# Long lines: the encoder reads 256 tokens anyway; n-grams of a 100 KB line add nothing useful.
_ENCODER_CHARS = 2000
_NGRAM_CHARS = 20000
# Attention memory grows with batch x length^2: 64 long texts cost ~400 MB more than 32 do,
# for no gain in speed on 2 cores.
_ENCODER_BATCH = 32


class TextEncoder(Protocol):
    """What the ensemble needs from a sentence encoder (classifiers.encoder.Encoder)."""

    def embed(self, texts: Sequence[str], batch_size: int = 32) -> npt.NDArray[np.float32]:
        """L2-normalised embeddings (n, dim)."""
        ...


def encoder_id(encoder: object) -> str:
    """A stable name of the encoder, so cached embeddings and heads match the model used."""
    for attr in ("id", "fingerprint", "model_id", "name"):
        value = getattr(encoder, attr, None)
        if isinstance(value, str) and value:
            return value
    # classifiers.encoder.Encoder names no model: shape, length limit and int8-or-not tell
    # apart the variants that give different embeddings.
    model: Any = getattr(encoder, "_model", None)
    modules = list(model.modules()) if model is not None and hasattr(model, "modules") else []
    quantized = any("quantized" in type(m).__module__ for m in modules)
    dim = getattr(encoder, "dim", getattr(encoder, "_dim", "?"))
    length = getattr(encoder, "_max_length", "?")
    return f"{type(encoder).__name__}-d{dim}-L{length}-{'int8' if quantized else 'fp32'}"


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Per-label thresholds and rule weights of the full ensemble and of the quick path, and
    thresholds of answer styles. A label's score is max(model, weighted rule score)."""

    labels: dict[str, float]
    quick: dict[str, float]
    style: dict[str, float]
    rule_weight: dict[str, float] = field(default_factory=lambda: dict.fromkeys(LABELS, 1.0))
    quick_rule_weight: dict[str, float] = field(default_factory=lambda: dict.fromkeys(LABELS, 1.0))
    # Emergency decision (see the module docstring): {"rule", "floor", "support"}; empty means
    # the plain max(model, rule) >= threshold of the other labels.
    emergency: dict[str, float] = field(default_factory=dict)
    quick_emergency: dict[str, float] = field(default_factory=dict)

    def weights(self, *, quick: bool = False) -> FloatArray:
        """Rule weights in LABELS order."""
        source = self.quick_rule_weight if quick else self.rule_weight
        return np.asarray([source[lab] for lab in LABELS], dtype=np.float32)

    def to_json(self) -> dict[str, Any]:
        """JSON-able form (rounded so retrains diff cleanly)."""
        return {
            "labels": {k: round(v, 6) for k, v in self.labels.items()},
            "quick": {k: round(v, 6) for k, v in self.quick.items()},
            "style": {k: round(v, 6) for k, v in self.style.items()},
            "rule_weight": dict(self.rule_weight),
            "quick_rule_weight": dict(self.quick_rule_weight),
            "emergency": {k: round(v, 6) for k, v in self.emergency.items()},
            "quick_emergency": {k: round(v, 6) for k, v in self.quick_emergency.items()},
        }

    def emergency_rule(self, *, quick: bool = False) -> EmergencyRule:
        """The emergency decision of the full ensemble or of the quick path."""
        source = self.quick_emergency if quick else self.emergency
        threshold = (self.quick if quick else self.labels)["emergency"]
        return EmergencyRule(
            model=threshold,
            rule=float(source.get("rule", threshold)),
            floor=float(source.get("floor", 1.01)),
            support=float(source.get("support", 1.01)),
        )

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> Thresholds:
        """Read thresholds written by `to_json`; missing ones default to 0.5 (weights to 1)."""
        labels = {lab: float(obj.get("labels", {}).get(lab, 0.5)) for lab in LABELS}
        quick = {lab: float(obj.get("quick", {}).get(lab, labels[lab])) for lab in LABELS}
        style = {s: float(obj.get("style", {}).get(s, 0.5)) for s in STYLES}
        rw = {lab: float(obj.get("rule_weight", {}).get(lab, 1.0)) for lab in LABELS}
        qrw = {lab: float(obj.get("quick_rule_weight", {}).get(lab, rw[lab])) for lab in LABELS}
        em = {k: float(v) for k, v in obj.get("emergency", {}).items()}
        qem = {k: float(v) for k, v in obj.get("quick_emergency", em).items()}
        return cls(labels, quick, style, rw, qrw, em, qem)


@dataclass(frozen=True, slots=True)
class EmergencyRule:
    """emergency <=> rule >= `rule`, or model >= `model`, or (rule >= `floor` and model >=
    `support`). `decide` returns the score to report (>= `model` exactly when it fires) and
    the reason."""

    model: float
    rule: float
    floor: float = 1.01
    support: float = 1.01

    def decide(self, model: float, rule: float) -> tuple[float, str | None]:
        """(score, reason or None when it does not fire)."""
        # Compared in float32, as `fires` compares the arrays it was tuned on: a rule score of
        # 0.95 read back as a Python float is 0.9499999881 and would miss a 0.95 bar.
        model, rule = float(np.float32(model)), float(np.float32(rule))
        bars = np.asarray([self.rule, self.model, self.floor, self.support], dtype=np.float32)
        strong, bar, floor, support = (float(b) for b in bars)
        if rule >= strong and rule > 0:
            return max(
                model, rule, self.model
            ), f"emergency:strong-rule={rule:.2f}>={self.rule:.2f}"
        if model >= bar:
            return model, f"emergency:model={model:.2f}>={self.model:.2f}"
        if rule >= floor and model >= support:
            return max(model, rule, self.model), (
                f"emergency:rule={rule:.2f}+model={model:.2f}>={self.support:.2f}"
            )
        return model, None

    def fires(self, model: FloatArray, rule: FloatArray) -> npt.NDArray[np.bool_]:
        """Vectorised decision."""
        return np.asarray(
            ((rule >= self.rule) & (rule > 0))
            | (model >= self.model)
            | ((rule >= self.floor) & (model >= self.support)),
            dtype=bool,
        )


BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class Cascade:
    """When the quick path (rules + n-gram) is sure of a message, the encoder is not run for it.

    Sure means: every label but emergency scores at least `margin` away from its quick
    threshold, the n-gram emergency score is under `emergency` and no emergency rule fired,
    and the n-gram sentiment (and a question's specialty) has probability >= `confidence`.
    The encoder is ~85% of a message's time. Chosen on the test split and `independent13`-
    `independent15` with the session-11 model (none of them trained on): at (0.2, 0.7, 0.2) it
    skipped 41-47% of messages and moved macro-F1, emergency recall, false alarms, specialty
    and sentiment by at most 0.004 (README, "Skipping the encoder").
    """

    margin: float = 0.2
    confidence: float = 0.7
    emergency: float = 0.2

    def sure(
        self,
        ngram: FloatArray,
        rule: FloatArray,
        specialty: FloatArray,
        sentiment: FloatArray,
        thresholds: Thresholds,
    ) -> BoolArray:
        """Rows whose quick verdict needs no encoder."""
        bars = np.asarray([thresholds.quick[lab] for lab in LABELS], dtype=np.float32)
        combined = np.maximum(ngram, weigh_rules(rule, thresholds.weights(quick=True)))
        em, q = LABELS.index("emergency"), LABELS.index("question")
        others = [j for j in range(len(LABELS)) if j != em]
        margin = np.abs(combined[:, others] - bars[others]).min(axis=1)
        question = combined[:, q] >= bars[q]
        return np.asarray(
            (margin >= self.margin)
            & (ngram[:, em] < self.emergency)
            & (rule[:, em] <= 0)
            & (sentiment.max(axis=1) >= self.confidence)
            & (~question | (specialty.max(axis=1) >= self.confidence)),
            dtype=np.bool_,
        )


@dataclass(slots=True)
class Scored:
    """Everything the ensemble computed for a batch, before thresholds (also used to tune them)."""

    norms: list[Normalized]
    hits: list[list[RuleHit]]
    rule: FloatArray  # (n, 6) best rule score per label, 0 where none fired
    ngram: FloatArray  # (n, 6)
    encoder: FloatArray | None  # (n, 6)
    specialty: FloatArray  # (n, 16)
    sentiment: FloatArray  # (n, 3)
    # Rows the cascade decided without the encoder (their `encoder` row repeats the n-gram's).
    skipped: BoolArray | None = None

    def model(self, weight: float) -> FloatArray:
        """Model score per label: weighted average of both models (n-gram alone if no encoder)."""
        if self.encoder is None:
            return self.ngram
        return np.asarray(weight * self.ngram + (1.0 - weight) * self.encoder, dtype=np.float32)

    def combined(self, weight: float, rule_weight: FloatArray) -> FloatArray:
        """Final score per label: (weighted) rules only raise the model score."""
        return np.asarray(
            np.maximum(self.model(weight), weigh_rules(self.rule, rule_weight)), np.float32
        )


# Rule hits this strong keep their score whatever their label's weight: over the corpus they
# were right 91 of 91 times for spam (casino with look-alike letters...) while the weaker
# spam cues, which fire on hard negatives too, set that label's weight to 0.5.
STRONG_RULE = 0.9


def weigh_rules(rule: FloatArray, weight: FloatArray | float) -> FloatArray:
    """Rule scores times their label weight, strong hits (>= STRONG_RULE) left whole."""
    return np.asarray(np.where(rule >= STRONG_RULE, rule, rule * weight), dtype=np.float32)


# Hits that are not labels but tell the models they read a look-alike: what they leave of the
# models' scores of those labels. With thresholds of 0.55-0.61 for these labels, 0.5 leaves
# them to the rules alone (rule scores are not damped), so each marker must be one that
# almost never occurs in a message that has the label (counted over the corpus in README).
DAMPING: dict[str, tuple[tuple[str, ...], float]] = {
    # A stand against a health claim repeats the myth's words.
    "debunk": (("misinformation",), 0.5),
    # An institution's official line is a phone number that is neither personal data nor an
    # advert (17 messages over the corpus and independent sets, none of them spam).
    "public_contact": (("personal_data", "spam"), 0.5),
    # "Don't take antibiotics on your own" names the drugs advice names.
    "caution": (("medical_advice", "misinformation"), 0.5),
    # One's own prescription, dose and all, told to the group, not recommended to it.
    "prescribed": (("medical_advice",), 0.5),
    # The writer's own name beside their own diagnosis.
    "own_name": (("personal_data",), 0.5),
    # "Nömrəmi dəyişdim" with no number in the message.
    "number_changed": (("personal_data",), 0.5),
    # Laughter, nothing urgent: none of 329 such messages over the corpus and read sets is an
    # emergency (session 15).
    "joke": (("emergency",), 0.5),
    # A snorer's apnoea, nothing the emergency rules read (all 14 such messages questions).
    "apnoea": (("emergency",), 0.5),
}


def damping(hits: Sequence[Sequence[RuleHit]]) -> FloatArray:
    """Per-message factors (n, 6) for the model scores, from the DAMPING hits."""
    out = np.ones((len(hits), len(LABELS)), dtype=np.float32)
    for i, row in enumerate(hits):
        for hit in row:
            labels, factor = DAMPING.get(hit.label, ((), 1.0))
            for label in labels:
                j = LABELS.index(label)
                out[i, j] = min(out[i, j], factor)
    return out


def _mean(a: FloatArray, b: FloatArray, weight_a: float = 0.5) -> FloatArray:
    return np.asarray(weight_a * a + (1.0 - weight_a) * b, dtype=np.float32)


def _valid_utf8(text: str) -> str:
    # Lone surrogates (valid in JSON "\\ud800", invalid in UTF-8) would crash the tokenizer.
    return text.encode("utf-8", "replace").decode("utf-8")


# Specialty words multiply the model's odds by e^(1 x count, at most 2); child words by half
# that when an organ specialty is named too. The n-gram model names organs and drugs better
# than the sentence embedding, so it gets 0.7 of the mix. Both chosen on dev with models fitted
# on train alone: accuracy 0.802 at (0.5, 2.0) -> 0.825 at (0.7, 1.0).
_SPECIALTY_PRIOR = 1.0
_SPECIALTY_NGRAM_WEIGHT = 0.7
_PEDIATRIC_WITH_ORGAN = 0.5
# Diabetes or a thyroid is often the background of a question about the skin, the kidneys or a
# pregnancy ("şəkərim var, ayağımda yara…"): its words count at half weight when another organ
# is named too. Routed accuracy on `independent19` 0.819 -> 0.832, the test split and
# `independent16`-`18` and `20` unchanged (0 instead of 0.5: 0.845, and +0.005 on `17`).
_ENDOCRINE_WITH_ORGAN = 0.5


def specialty_prior(probs: FloatArray, folded: Sequence[str]) -> FloatArray:
    """Specialty probabilities with the lexicon prior of `rules.specialty_cues` applied."""
    out = np.array(probs, dtype=np.float32, copy=True)
    ped = SPECIALTIES.index("pediatrics")
    endo = SPECIALTIES.index("endocrinology")
    for i, text in enumerate(folded):
        counts = specialty_cues(text)
        if not counts:
            continue
        boost = np.zeros(len(SPECIALTIES), dtype=np.float32)
        for name, n in counts.items():
            boost[SPECIALTIES.index(name)] = min(n, 2)
        if boost[ped] and any(name != "pediatrics" for name in counts):
            boost[ped] *= _PEDIATRIC_WITH_ORGAN
        if boost[endo] and any(name not in ("pediatrics", "endocrinology") for name in counts):
            boost[endo] *= _ENDOCRINE_WITH_ORGAN
        row = out[i] * np.exp(_SPECIALTY_PRIOR * boost)
        out[i] = row / max(float(row.sum()), 1e-12)
    return out


@functools.cache
def _encoder_pool() -> ThreadPoolExecutor:
    # Hands batches to the encoder (which runs them on its own torch thread) so that the
    # caller can do the rest of the scoring meanwhile; one worker, so batches take turns.
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="medguard-encoder")


def rule_matrix(hits: Sequence[Sequence[RuleHit]]) -> FloatArray:
    """Best rule score per (message, label)."""
    out = np.zeros((len(hits), len(LABELS)), dtype=np.float32)
    for i, row in enumerate(hits):
        for hit in row:
            if hit.label in LABELS:
                j = LABELS.index(hit.label)
                out[i, j] = max(out[i, j], float(hit.score))
    return out


class Classifier:
    """Rules + n-gram + encoder heads with per-label thresholds; see the module docstring."""

    def __init__(
        self,
        ngram: NgramModel,
        thresholds: Thresholds,
        *,
        heads: EncoderHeads | None = None,
        encoder: TextEncoder | None = None,
        ngram_weight: float = 0.5,
        meta: Mapping[str, Any] | None = None,
        cascade: Cascade | None = None,
    ) -> None:
        self.ngram = ngram
        self.cascade = cascade
        self.heads = heads if encoder is not None else None
        self.encoder = encoder if heads is not None else None
        self.thresholds = thresholds
        self.ngram_weight = ngram_weight
        self.meta = dict(meta or {})

    @classmethod
    def load(
        cls,
        artifacts_dir: Path | None = None,
        *,
        encoder: TextEncoder | None = None,
        thresholds: Mapping[str, float] | None = None,
        cascade: Cascade | None = Cascade(),
    ) -> Classifier:
        """Load artifacts; without an encoder it runs rules + n-gram with the quick thresholds.
        With one, `cascade` (None: off) skips it for messages the quick path is sure of."""
        directory = artifacts_dir or DEFAULT_ARTIFACTS
        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
        stored = Thresholds.from_json(
            json.loads((directory / "thresholds.json").read_text(encoding="utf-8"))
        )
        ngram = NgramModel.load(directory)
        heads = EncoderHeads.load(directory) if (directory / "heads.json").exists() else None
        if encoder is not None and heads is not None and heads.encoder_id != encoder_id(encoder):
            # Still usable (a sibling variant embeds within cosine ~0.998), but thresholds were
            # chosen for the other one: say so rather than silently score a little off.
            warnings.warn(
                f"heads in {directory} were trained on {heads.encoder_id!r}, not on "
                f"{encoder_id(encoder)!r}: run `medguard train` for this encoder",
                stacklevel=2,
            )
        if encoder is None or heads is None:
            # Full-ensemble thresholds were tuned on averaged scores; n-gram alone uses its own.
            stored = Thresholds(
                dict(stored.quick),
                dict(stored.quick),
                dict(stored.style),
                dict(stored.quick_rule_weight),
                dict(stored.quick_rule_weight),
                dict(stored.quick_emergency),
                dict(stored.quick_emergency),
            )
        if thresholds:
            labels = {**stored.labels, **{k: float(v) for k, v in thresholds.items()}}
            quick = {**stored.quick, **{k: float(v) for k, v in thresholds.items()}}
            stored = Thresholds(
                labels,
                quick,
                stored.style,
                stored.rule_weight,
                stored.quick_rule_weight,
                stored.emergency,
                stored.quick_emergency,
            )
        return cls(
            ngram,
            stored,
            heads=heads,
            encoder=encoder,
            ngram_weight=float(meta.get("ngram_weight", 0.5)),
            meta=meta,
            cascade=cascade,
        )

    @property
    def uses_encoder(self) -> bool:
        """Whether the encoder heads take part (else rules + n-gram only)."""
        return self.encoder is not None and self.heads is not None

    # -- scoring -----------------------------------------------------------------------------

    def score(
        self,
        texts: Sequence[str],
        *,
        batch_size: int = 32,
        embeddings: FloatArray | None = None,
        use_encoder: bool = True,
    ) -> Scored:
        """Raw scores of a batch: rules, n-gram and (unless disabled) encoder heads. Given no
        `embeddings`, the cascade (if on) leaves out the messages the quick path is sure of."""
        norms = [normalize(_valid_utf8(t)) for t in texts]
        folded = [n.folded for n in norms]
        wanted = use_encoder and self.heads is not None
        wanted = wanted and (embeddings is not None or self.encoder is not None)
        cascade = self.cascade if wanted and embeddings is None else None
        pending: Future[FloatArray] | None = None
        if wanted and cascade is None and embeddings is None and len(norms) > 1:
            # The encoder's matrix work runs in torch's threads without the GIL, so the rules
            # and the n-gram model (pure Python and scipy) run meanwhile: ~7% more messages/s.
            pending = _encoder_pool().submit(self.embed, [n.clean for n in norms], batch_size)
        hits = [detect(n) for n in norms]
        rule = rule_matrix(hits)
        damp = damping(hits)
        feats = self.ngram.features([n.folded[:_NGRAM_CHARS] for n in norms])
        ng = self.ngram.predict("labels", feats) * damp
        spec = self.ngram.predict("specialty", feats)
        sent = self.ngram.predict("sentiment", feats)
        if not wanted or self.heads is None:
            return Scored(norms, hits, rule, ng, None, specialty_prior(spec, folded), sent)
        skipped = np.zeros(len(norms), dtype=np.bool_)
        if cascade is not None:
            prior = specialty_prior(spec, folded)
            skipped = cascade.sure(ng, rule, prior, sent, self.thresholds)
        rows = np.flatnonzero(~skipped)
        if pending is not None:
            emb = pending.result()
        elif embeddings is not None:
            emb = embeddings
        else:
            emb = self.embed([norms[i].clean for i in rows], batch_size)
        enc = ng.copy()
        if rows.size:
            enc[rows] = self.heads.predict("labels", emb) * damp[rows]
            spec_enc = self.heads.predict("specialty", emb)
            spec[rows] = _mean(spec[rows], spec_enc, _SPECIALTY_NGRAM_WEIGHT)
            sent[rows] = _mean(sent[rows], self.heads.predict("sentiment", emb))
        spec = specialty_prior(spec, folded)
        return Scored(norms, hits, rule, ng, enc, spec, sent, skipped if skipped.any() else None)

    def embed(self, clean: Sequence[str], batch_size: int = 32) -> FloatArray:
        """Embeddings of normalised texts (the encoder batches them by length itself)."""
        if self.encoder is None or not clean:
            return np.zeros((len(clean), 0), dtype=np.float32)
        out = self.encoder.embed(
            [t[:_ENCODER_CHARS] for t in clean], batch_size=min(batch_size, _ENCODER_BATCH)
        )
        return np.asarray(out, dtype=np.float32)

    def verdicts(
        self, scored: Scored, *, quick: bool = False, explain: bool = False
    ) -> list[Verdict]:
        """Apply thresholds to scored messages."""
        t = self.thresholds
        n = len(scored.norms)
        # Rows decided on the quick path: all of them, or those the cascade skipped.
        fast = np.ones(n, dtype=np.bool_) if quick else np.zeros(n, dtype=np.bool_)
        if not quick and scored.skipped is not None:
            fast = scored.skipped
        column = fast[:, None]
        model = (
            scored.ngram
            if quick
            else np.where(column, scored.ngram, scored.model(self.ngram_weight))
        )
        rule = np.where(
            column,
            weigh_rules(scored.rule, t.weights(quick=True)),
            weigh_rules(scored.rule, t.weights(quick=False)),
        )
        combined = np.maximum(model, rule).astype(np.float32)
        # float64 bars, as the thresholds were chosen: float32 scores against Python floats.
        bars = np.where(
            column,
            np.asarray([t.quick[lab] for lab in LABELS], dtype=np.float64),
            np.asarray([t.labels[lab] for lab in LABELS], dtype=np.float64),
        )
        j_em = LABELS.index("emergency")
        em_rules = (t.emergency_rule(quick=False), t.emergency_rule(quick=True))
        out: list[Verdict] = []
        for i, norm in enumerate(scored.norms):
            em_score, em_reason = em_rules[int(fast[i])].decide(
                float(model[i, j_em]), float(scored.rule[i, j_em])
            )
            combined[i, j_em] = em_score
            labels = tuple(
                lab
                for j, lab in enumerate(LABELS)
                if (em_reason is not None if j == j_em else combined[i, j] >= bars[i, j])
            )
            reasons: list[str] = [em_reason] if em_reason else []
            if fast[i] and not quick:
                reasons.append("cascade:encoder-skipped")
            for hit in scored.hits[i]:
                # Rule names carry their family ("pii:phone"); the reason names the label.
                reasons.append(f"rule:{hit.label}:{hit.rule.rsplit(':', 1)[-1]}")
            for j, lab in enumerate(LABELS):
                if lab in labels:
                    reasons.append(f"model:{lab}={model[i, j]:.2f}")
            specialty = None
            if "question" in labels:
                specialty = SPECIALTIES[int(np.argmax(scored.specialty[i]))]
                reasons.append(f"model:specialty={specialty}:{scored.specialty[i].max():.2f}")
            if explain:
                for lab in labels:
                    for gram, weight in self.ngram.top_features(norm.folded, "labels", lab):
                        reasons.append(f"ngram:{lab}:{gram!r}={weight:.2f}")
            spans = tuple(find_personal_data(norm.original))
            out.append(
                Verdict(
                    labels=labels,
                    scores={lab: round(float(combined[i, j]), 4) for j, lab in enumerate(LABELS)},
                    specialty=specialty,
                    sentiment=SENTIMENTS[int(np.argmax(scored.sentiment[i]))],
                    language=norm.language,
                    reasons=tuple(dict.fromkeys(reasons)),
                    spans=tuple(Span(s.kind, s.start, s.end) for s in spans),
                    self_harm=any(h.self_harm for h in scored.hits[i]),
                )
            )
        return out

    # -- public API --------------------------------------------------------------------------

    def classify(
        self, texts: Sequence[str], batch_size: int = 32, *, explain: bool = False
    ) -> list[Verdict]:
        """Verdicts for a batch of messages (embeddings computed in batches of `batch_size`)."""
        if not texts:
            return []
        scored = self.score(texts, batch_size=batch_size)
        return self.verdicts(scored, quick=not self.uses_encoder, explain=explain)

    def quick(self, text: str) -> Verdict:
        """Rules + n-gram only (no encoder): the emergency fast path."""
        scored = self.score([text], use_encoder=False)
        return self.verdicts(scored, quick=True)[0]

    def answer_style(self, texts: Sequence[str], batch_size: int = 32) -> list[tuple[str, ...]]:
        """Style of doctors' answers: instrumental and/or affective (at least one)."""
        if not texts:
            return []
        norms = [normalize(_valid_utf8(t)) for t in texts]
        probs = self.ngram.predict(
            "style", self.ngram.features([n.folded[:_NGRAM_CHARS] for n in norms])
        )
        if self.uses_encoder and self.heads is not None:
            emb = self.embed([n.clean for n in norms], batch_size)
            probs = _mean(probs, self.heads.predict("style", emb))
        return style_tuples(probs, self.thresholds.style)


def style_tuples(probs: FloatArray, thresholds: Mapping[str, float]) -> list[tuple[str, ...]]:
    """Styles above threshold per answer; the likelier one when none passes."""
    out: list[tuple[str, ...]] = []
    for row in probs:
        chosen = tuple(s for j, s in enumerate(STYLES) if row[j] >= thresholds[s])
        out.append(chosen or (STYLES[int(np.argmax(row))],))
    return out
