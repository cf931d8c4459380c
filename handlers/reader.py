"""The Reader port over the classifier: off the event loop, with micro-batching.

Messages arrive one update at a time; the encoder is far cheaper per message in batches. Reads
that arrive within a few milliseconds of each other are classified together in a worker thread,
so the event loop (and the emergency fast path) never waits on the model.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field

from classifiers.ensemble import Classifier
from classifiers.labels import Verdict

BATCH_WINDOW = 0.005
MAX_BATCH = 64


@dataclass(slots=True)
class _Pending:
    texts: list[str]
    done: asyncio.Future[list[Verdict]] = field(
        default_factory=lambda: asyncio.get_running_loop().create_future()
    )


class ClassifierReader:
    """Implements handlers.services.Reader with a loaded Classifier."""

    def __init__(self, classifier: Classifier, batch_size: int = 32) -> None:
        self.classifier = classifier
        self.batch_size = batch_size
        self._queue: list[_Pending] = []
        self._flusher: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()

    async def read(self, texts: Sequence[str]) -> list[Verdict]:
        """Verdicts for `texts`, batched with other reads arriving at the same moment."""
        if not texts:
            return []
        pending = _Pending(list(texts))
        self._queue.append(pending)
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush_soon())
        return await pending.done

    async def _flush_soon(self) -> None:
        await asyncio.sleep(BATCH_WINDOW)
        async with self._lock:  # one model call at a time: two would fight for 2 cores
            while self._queue:
                batch: list[_Pending] = []
                size = 0
                while self._queue and size < MAX_BATCH:
                    item = self._queue.pop(0)
                    batch.append(item)
                    size += len(item.texts)
                texts = [t for item in batch for t in item.texts]
                try:
                    verdicts = await asyncio.to_thread(
                        self.classifier.classify, texts, self.batch_size
                    )
                except Exception as exc:  # every waiter must hear of it
                    for item in batch:
                        if not item.done.done():
                            item.done.set_exception(exc)
                    continue
                start = 0
                for item in batch:
                    if not item.done.done():
                        item.done.set_result(verdicts[start : start + len(item.texts)])
                    start += len(item.texts)

    def quick(self, text: str) -> Verdict:
        """Rules and the n-gram model only: fast enough to run on the event loop."""
        return self.classifier.quick(text)

    async def answer_style(self, texts: Sequence[str]) -> list[tuple[str, ...]]:
        """Instrumental / affective style of doctors' answers."""
        if not texts:
            return []
        return await asyncio.to_thread(self.classifier.answer_style, list(texts), self.batch_size)
