"""End-to-end latency: update injected into the fake Bot API → the bot's reply sent.

Runs the real bot (as `medguard run` does) against tests/fake_bot_api.py on loopback and
measures, per runtime, the time to the emergency reply and to an advice warning.

    .venv/bin/python scripts/bench_latency.py [--n 200] [--framework aiogram|ptb|both]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.app import load_classifier
from bot.config import Settings
from tests.fake_bot_api import FakeBotAPI
from tests.harness import make_settings, running_bot

GROUP = -1001999000001
MODS = -1001999000002
RAW = Path(__file__).resolve().parents[1] / "classifiers" / "data" / "messages.test.jsonl"


def _texts(label: str, n: int, settings: Settings) -> tuple[list[str], int]:
    """n texts of `label` that the classifier labels so and no more (and how many it did not).

    A message the classifier misses gets no reply at all: waiting for one would measure the
    timeout, not the bot. Classifier recall is `medguard eval`'s business.
    """
    rows = [json.loads(line) for line in RAW.read_text(encoding="utf-8").splitlines() if line]
    candidates = [r["text"] for r in rows if label in r["labels"] and len(r["labels"]) == 1]
    verdicts = load_classifier(settings).classify(candidates)
    # A message also read as spam, personal data or an emergency is answered another way
    # (deleted, or the 103 reply): its warning is not what this measures.
    other = {"spam", "personal_data", "emergency"} - {label}
    picked = [
        t
        for t, v in zip(candidates, verdicts, strict=True)
        if label in v.labels and not other & set(v.labels)
    ]
    return (picked * (n // max(len(picked), 1) + 1))[:n], len(candidates) - len(picked)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def _measure(framework: str, n: int) -> dict[str, dict[str, float]]:
    results: dict[str, dict[str, float]] = {}
    async with FakeBotAPI() as fake:
        fake.add_chat(GROUP, "supergroup", "bench")
        fake.add_chat(MODS, "supergroup", "mods")
        with tempfile.TemporaryDirectory() as tmp:
            settings = make_settings(
                fake, framework, Path(tmp), moderation={"moderator_chat_id": MODS}
            )
            async with running_bot(fake, settings) as bot:
                for label in ("emergency", "medical_advice"):
                    times: list[float] = []
                    missed = 0
                    texts, unflagged = _texts(label, n, settings)
                    for i, text in enumerate(texts):
                        user = 8_000_000_000 + i
                        fake.add_user(user, f"U{i}", "az")
                        began = time.perf_counter()
                        message = fake.inject_message(GROUP, user, text)
                        try:
                            await bot.reply_to(message, within=10)
                        except TimeoutError:
                            missed += 1
                            continue
                        times.append((time.perf_counter() - began) * 1000)
                    results[label] = {
                        "replied": len(times),
                        "missed": missed,
                        "test_texts_not_flagged": unflagged,
                        "p50_ms": round(statistics.median(times), 1) if times else -1,
                        "p99_ms": round(_pct(times, 0.99), 1) if times else -1,
                    }
    return results


def main() -> None:
    """Print latency percentiles per runtime as JSON."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--framework", default="both", choices=["aiogram", "ptb", "both"])
    args = parser.parse_args()
    frameworks = ["aiogram", "ptb"] if args.framework == "both" else [args.framework]
    report = {fw: asyncio.run(_measure(fw, args.n)) for fw in frameworks}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
