"""Dedupe the raw corpus and write classifiers/data/{messages,answers}.{train,dev,test}.jsonl."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from classifiers.corpus import split_corpus

DATA = Path(__file__).resolve().parents[1] / "classifiers" / "data"


def main() -> int:
    """Split the corpus and print what was done."""
    report = split_corpus(DATA / "raw", DATA)
    print(f"read {report.read}; duplicates dropped {report.duplicates}")
    print(f"groups merged by near-duplicates {report.merged_groups}")
    for kind, sizes in report.sizes.items():
        print(f"{kind}: {sizes}")
    for problem in report.problems:
        print(problem)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
