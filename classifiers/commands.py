"""Transport-neutral logic of `medguard classify` and `medguard bench --classifier`.

`classify_stream` is the DESIGN §2 contract: one JSON line out per line in, in order; a bad
line yields `{"id": ..., "error": ...}` and the run goes on. Lines are read in chunks so that
thousands of messages are classified in batches.
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

from classifiers.corpus import load_examples
from classifiers.ensemble import Classifier
from classifiers.labels import Verdict
from classifiers.normalize import normalize
from classifiers.rules import detect

_MAX_ID_CHARS = 1000


def _reject_constant(name: str) -> Any:
    # NaN/Infinity are not JSON; echoing them back would make our own output invalid.
    raise ValueError(f"{name} is not valid JSON")


def _parse(line: str) -> tuple[Any, str | None, str | None]:
    """(id, text, error) for one input line."""
    stripped = line.strip()
    if not stripped:
        return None, None, "empty line"
    try:
        obj = json.loads(stripped, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:
        return None, None, f"invalid JSON: {type(exc).__name__}"
    if not isinstance(obj, dict):
        return None, None, "not a JSON object"
    ident = obj.get("id")
    if not isinstance(ident, str | int | float | bool) and ident is not None:
        # Ids are echoed back; a nested structure is kept out of the output.
        ident = None
    if isinstance(ident, str) and len(ident) > _MAX_ID_CHARS:
        ident = ident[:_MAX_ID_CHARS]
    text = obj.get("text")
    if not isinstance(text, str):
        return ident, None, 'missing or non-string "text"'
    return ident, text, None


def verdict_json(ident: Any, verdict: Verdict, *, explain: bool = False) -> dict[str, Any]:
    """The contract object for one classified message."""
    out: dict[str, Any] = {
        "id": ident,
        "labels": list(verdict.labels),
        "specialty": verdict.specialty,
        "sentiment": verdict.sentiment,
        "scores": {k: round(float(v), 4) for k, v in verdict.scores.items()},
    }
    if explain:
        out["explain"] = list(verdict.reasons)
    return out


def _dump(obj: dict[str, Any]) -> str:
    try:
        return json.dumps(obj, ensure_ascii=True, allow_nan=False)
    except (ValueError, TypeError):
        return json.dumps({"id": None, "error": "unserialisable id"})


def _chunks(lines: Iterable[str], size: int) -> Iterator[list[str]]:
    it = iter(lines)
    while chunk := list(islice(it, size)):
        yield chunk


def _classify_safely(
    classifier: Classifier, texts: Sequence[str], batch_size: int, explain: bool
) -> list[Verdict | str]:
    """Verdicts of a batch; if the batch fails, per message, so one bad text fails alone."""
    try:
        return list(classifier.classify(texts, batch_size=batch_size, explain=explain))
    except Exception:  # the contract: report per line and go on
        out: list[Verdict | str] = []
        for text in texts:
            try:
                out.append(classifier.classify([text], batch_size=1, explain=explain)[0])
            except Exception as exc:
                out.append(f"classification failed: {type(exc).__name__}")
        return out


def classify_stream(
    lines: Iterable[str],
    out: TextIO,
    classifier: Classifier,
    *,
    explain: bool = False,
    batch_size: int = 64,
) -> None:
    """Classify JSON Lines `{"id", "text"}` from `lines`, writing one JSON line each to `out`."""
    for chunk in _chunks(lines, max(batch_size, 1)):
        parsed = [_parse(line) for line in chunk]
        todo = [i for i, (_, text, err) in enumerate(parsed) if err is None and text is not None]
        results = _classify_safely(
            classifier, [str(parsed[i][1]) for i in todo], batch_size, explain
        )
        by_line = dict(zip(todo, results, strict=True))
        rows: list[str] = []
        for i, (ident, _, err) in enumerate(parsed):
            result = by_line.get(i)
            if err is not None or result is None:
                rows.append(_dump({"id": ident, "error": err or "not classified"}))
            elif isinstance(result, str):
                rows.append(_dump({"id": ident, "error": result}))
            else:
                rows.append(_dump(verdict_json(ident, result, explain=explain)))
        out.write("\n".join(rows) + "\n")
        out.flush()


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    k = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[k]


def _peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def bench_classifier(
    classifier: Classifier | None = None,
    n: int = 2000,
    *,
    texts: Sequence[str] | None = None,
    data_dir: Path | None = None,
    loader: Callable[[], Classifier] | None = None,
    batch_size: int = 64,
    single: int = 200,
) -> dict[str, Any]:
    """Batched throughput, p50/p95 single-message latency, quick path, rules alone, load time,
    peak RSS."""
    load_s: float | None = None
    if loader is not None:
        t0 = time.perf_counter()
        loaded = loader()
        load_s = time.perf_counter() - t0
        classifier = classifier or loaded
    if classifier is None:
        raise ValueError("bench_classifier needs a classifier or a loader")
    corpus = list(texts or ())
    if not corpus and data_dir is not None:
        for split in ("test", "dev", "train"):
            corpus += [e.text for e in load_examples(data_dir / f"messages.{split}.jsonl")]
    if not corpus:
        corpus = ["salam, usagimin qizdirmasi var 38.5, ne edim?"]
    batch = [corpus[i % len(corpus)] for i in range(n)]

    classifier.classify(batch[: min(len(batch), batch_size)], batch_size=batch_size)  # warm-up
    t0 = time.perf_counter()
    classifier.classify(batch, batch_size=batch_size)
    batched_s = time.perf_counter() - t0

    one: list[float] = []
    fast: list[float] = []
    alone: list[float] = []
    for text in batch[:single]:
        t1 = time.perf_counter()
        classifier.classify([text], batch_size=1)
        one.append((time.perf_counter() - t1) * 1000)
        t2 = time.perf_counter()
        classifier.quick(text)
        fast.append((time.perf_counter() - t2) * 1000)
        t3 = time.perf_counter()
        detect(normalize(text))
        alone.append((time.perf_counter() - t3) * 1000)
    return {
        "messages": n,
        "batch_size": batch_size,
        "uses_encoder": classifier.uses_encoder,
        "batched_messages_per_s": n / batched_s if batched_s else 0.0,
        "single_p50_ms": statistics.median(one) if one else 0.0,
        "single_p95_ms": _percentile(one, 0.95),
        "quick_p50_ms": statistics.median(fast) if fast else 0.0,
        "quick_p95_ms": _percentile(fast, 0.95),
        "rules_p50_ms": statistics.median(alone) if alone else 0.0,
        "load_s": load_s,
        "peak_rss_mb": _peak_rss_mb(),
        "encoder": type(classifier.encoder).__name__ if classifier.encoder else None,
        "torch_imported": "torch" in sys.modules,
    }
