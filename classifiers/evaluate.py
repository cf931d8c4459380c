"""Evaluation on a held-out split: per-label P/R/F1, the product targets, a confusion summary."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from classifiers.corpus import load_split
from classifiers.ensemble import ACTING_LABELS, Classifier
from classifiers.labels import LABELS, SENTIMENTS, SPECIALTIES, STYLES

_EXAMPLE_IDS = 3
_TOP_CONFUSIONS = 3


@dataclass(frozen=True, slots=True)
class LabelScore:
    """Precision, recall and F1 of one label, with the counts behind them."""

    precision: float
    recall: float
    f1: float
    support: int
    tp: int
    fp: int
    fn: int


@dataclass(frozen=True, slots=True)
class Confusion:
    """A frequent error: label, kind (fp/fn), what the other side was, count and example ids."""

    label: str
    kind: str
    other: str
    count: int
    ids: tuple[str, ...]


@dataclass(slots=True)
class EvalReport:
    """Everything `evaluate` measured on one split."""

    split: str
    messages: int
    answers: int
    per_label: dict[str, LabelScore] = field(default_factory=dict)
    macro_f1: float = 0.0
    emergency_recall: float = 0.0
    benign_false_alarm: float = 0.0
    benign_messages: int = 0
    specialty_accuracy: float = 0.0
    routed_specialty_accuracy: float = 0.0
    sentiment_macro_f1: float = 0.0
    sentiment_accuracy: float = 0.0
    style: dict[str, LabelScore] = field(default_factory=dict)
    style_macro_f1: float = 0.0
    by_language: dict[str, float] = field(default_factory=dict)
    confusions: list[Confusion] = field(default_factory=list)
    uses_encoder: bool = False
    encoder_skipped: float = 0.0  # share of messages the cascade decided without the encoder

    def to_json(self) -> dict[str, Any]:
        """JSON-able form."""
        return asdict(self)


def label_score(tp: int, fp: int, fn: int) -> LabelScore:
    """P/R/F1 from counts (0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return LabelScore(p, r, f, tp + fn, tp, fp, fn)


def _scores(
    truth: Sequence[Sequence[str]], pred: Sequence[Sequence[str]], names: Sequence[str]
) -> dict[str, LabelScore]:
    out: dict[str, LabelScore] = {}
    for name in names:
        t = np.asarray([name in row for row in truth], bool)
        p = np.asarray([name in row for row in pred], bool)
        out[name] = label_score(int((t & p).sum()), int((~t & p).sum()), int((t & ~p).sum()))
    return out


def _macro(scores: Mapping[str, LabelScore]) -> float:
    return float(np.mean([s.f1 for s in scores.values()])) if scores else 0.0


def _confusions(
    ids: Sequence[str], truth: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]
) -> list[Confusion]:
    out: list[Confusion] = []
    for label in LABELS:
        for kind in ("fp", "fn"):
            groups: dict[str, list[str]] = defaultdict(list)
            for i, (t, p) in enumerate(zip(truth, pred, strict=True)):
                if kind == "fp" and label in p and label not in t:
                    groups["true:" + ("+".join(t) or "none")].append(ids[i])
                elif kind == "fn" and label in t and label not in p:
                    groups["pred:" + ("+".join(p) or "none")].append(ids[i])
            ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
            for other, members in ranked[:_TOP_CONFUSIONS]:
                out.append(
                    Confusion(label, kind, other, len(members), tuple(members[:_EXAMPLE_IDS]))
                )
    return out


def evaluate(
    classifier: Classifier, data_dir: Path, split: str = "test", *, batch_size: int = 64
) -> EvalReport:
    """Score `classifier` on `data_dir`'s `split` files."""
    examples, answers = load_split(data_dir, split)
    report = EvalReport(split, len(examples), len(answers), uses_encoder=classifier.uses_encoder)
    texts = [e.text for e in examples]
    scored = classifier.score(texts, batch_size=batch_size)
    verdicts = classifier.verdicts(scored, quick=not classifier.uses_encoder)
    truth = [e.labels for e in examples]
    pred = [v.labels for v in verdicts]
    if scored.skipped is not None:
        report.encoder_skipped = float(np.mean(scored.skipped))

    report.per_label = _scores(truth, pred, LABELS)
    report.macro_f1 = _macro(report.per_label)
    report.emergency_recall = report.per_label["emergency"].recall
    benign = [i for i, t in enumerate(truth) if not t]
    report.benign_messages = len(benign)
    alarms = sum(1 for i in benign if any(lab in pred[i] for lab in ACTING_LABELS))
    report.benign_false_alarm = alarms / len(benign) if benign else 0.0

    questions = [i for i, e in enumerate(examples) if e.specialty is not None]
    if questions:
        # The specialty head itself (argmax even where `question` was missed) and as routed.
        head = [SPECIALTIES[int(np.argmax(scored.specialty[i]))] for i in questions]
        report.specialty_accuracy = float(
            np.mean([h == examples[i].specialty for h, i in zip(head, questions, strict=True)])
        )
        report.routed_specialty_accuracy = float(
            np.mean([verdicts[i].specialty == examples[i].specialty for i in questions])
        )
    if examples:
        sent_truth = [(e.sentiment,) for e in examples]
        sent_pred = [(v.sentiment,) for v in verdicts]
        report.sentiment_macro_f1 = _macro(_scores(sent_truth, sent_pred, SENTIMENTS))
        report.sentiment_accuracy = float(
            np.mean([t == p for t, p in zip(sent_truth, sent_pred, strict=True)])
        )
    by_lang: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(examples):
        by_lang[
            e.lang if e.lang != "az" else ("az" if e.diacritics else "az-nodiacritics")
        ].append(i)
    for lang, idx in sorted(by_lang.items()):
        report.by_language[lang] = _macro(
            _scores([truth[i] for i in idx], [pred[i] for i in idx], LABELS)
        )
    if answers:
        styles = classifier.answer_style([a.text for a in answers], batch_size=batch_size)
        report.style = _scores([a.style for a in answers], styles, STYLES)
        report.style_macro_f1 = _macro(report.style)
    report.confusions = _confusions([e.id for e in examples], truth, pred)
    return report


def render(report: EvalReport) -> str:
    """A plain-text table of the report (for `medguard eval`)."""
    lines = [
        f"split {report.split}: {report.messages} messages, {report.answers} answers"
        f" ({'rules + n-gram + encoder' if report.uses_encoder else 'rules + n-gram only'})",
        "",
        f"{'label':<16}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>9}",
    ]
    for label, s in report.per_label.items():
        lines.append(
            f"{label:<16}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>10.3f}{s.support:>9d}"
        )
    counts = dict(report.by_language)
    lines += [
        "",
        f"macro-F1 (6 labels)         {report.macro_f1:.3f}   (target >= 0.90)",
        f"emergency recall            {report.emergency_recall:.3f}   (target >= 0.97)",
        f"benign false-alarm rate     {report.benign_false_alarm:.3f}   (target <= 0.03,"
        f" {report.benign_messages} benign)",
        f"specialty accuracy          {report.specialty_accuracy:.3f}   (target >= 0.85;"
        f" as routed {report.routed_specialty_accuracy:.3f})",
        f"sentiment macro-F1          {report.sentiment_macro_f1:.3f}   (target >= 0.80;"
        f" accuracy {report.sentiment_accuracy:.3f})",
    ]
    if report.uses_encoder:
        lines.append(
            f"encoder skipped             {report.encoder_skipped:.3f}   (rules + n-gram sure)"
        )
    if report.style:
        per = ", ".join(f"{k} {v.f1:.3f}" for k, v in report.style.items())
        lines.append(f"style macro-F1              {report.style_macro_f1:.3f}   ({per})")
    if counts:
        lines.append(
            "macro-F1 by language        " + ", ".join(f"{k} {v:.3f}" for k, v in counts.items())
        )
    if report.confusions:
        lines += ["", "most frequent errors (label, kind, other side, count, example ids):"]
        for c in report.confusions:
            lines.append(
                f"  {c.label:<15}{c.kind:<4}{c.other:<40}{c.count:>4}  {', '.join(c.ids)}"
            )
    return "\n".join(lines)
