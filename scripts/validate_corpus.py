"""Check the hand-written corpus files: valid JSON, known labels, counts per label and language."""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from classifiers.labels import LABELS, SENTIMENTS, SPECIALTIES, STYLES

RAW = Path(__file__).resolve().parents[1] / "classifiers" / "data" / "raw"


def check_message(row: dict[str, object]) -> list[str]:
    errs = []
    if not isinstance(row.get("text"), str) or not str(row["text"]).strip():
        errs.append("text missing")
    labels = row.get("labels")
    if not isinstance(labels, list) or any(lab not in LABELS for lab in labels):
        errs.append(f"bad labels {labels!r}")
        labels = []
    spec = row.get("specialty")
    if "question" in labels and spec not in SPECIALTIES:
        errs.append(f"question needs a specialty, got {spec!r}")
    if "question" not in labels and spec is not None:
        errs.append("specialty only for questions")
    if row.get("sentiment") not in SENTIMENTS:
        errs.append(f"bad sentiment {row.get('sentiment')!r}")
    if row.get("lang") not in ("az", "ru", "en", "mix"):
        errs.append(f"bad lang {row.get('lang')!r}")
    if not row.get("group"):
        errs.append("group missing")
    return errs


def check_answer(row: dict[str, object]) -> list[str]:
    errs = []
    if not isinstance(row.get("text"), str) or not str(row["text"]).strip():
        errs.append("text missing")
    style = row.get("style")
    if not isinstance(style, list) or not style or any(s not in STYLES for s in style):
        errs.append(f"bad style {style!r}")
    if row.get("specialty") not in SPECIALTIES:
        errs.append(f"bad specialty {row.get('specialty')!r}")
    if not row.get("group"):
        errs.append("group missing")
    return errs


def main() -> int:
    files = sorted(RAW.glob("*.jsonl")) if len(sys.argv) < 2 else [Path(a) for a in sys.argv[1:]]
    bad = 0
    for path in files:
        labels: collections.Counter[str] = collections.Counter()
        langs: collections.Counter[str] = collections.Counter()
        specs: collections.Counter[str] = collections.Counter()
        n = 0
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"{path.name}:{i}: invalid JSON: {exc}")
                bad += 1
                continue
            checker = check_answer if path.name.startswith("answers") else check_message
            for err in checker(row):
                print(f"{path.name}:{i}: {err}")
                bad += 1
            n += 1
            for lab in row.get("labels") or ["(none)"]:
                labels[lab] += 1
            for sty in row.get("style") or []:
                labels[sty] += 1
            langs[f"{row.get('lang')}/{row.get('diacritics')}"] += 1
            if row.get("specialty"):
                specs[row["specialty"]] += 1
        print(f"{path.name}: {n} lines; labels {dict(labels)}; langs {dict(langs)}")
        print(f"  specialties {dict(sorted(specs.items()))}")
    print(f"{bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
