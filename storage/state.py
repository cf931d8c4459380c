"""Short-lived shared state: update de-duplication, rate-limit counters, locks, a small cache.

Two implementations side by side, as aiogram keeps its FSM storages: `MemoryState` for one
process (the default) and `RedisState` for several instances sharing one Redis.
"""

from __future__ import annotations

import time
import uuid
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Protocol


class LockBusyError(Exception):
    """Another holder has the lock."""


class StateStore(Protocol):
    """Async state shared by the instances of the bot.

    `first_seen(key, ttl)` is True exactly once per key within `ttl` seconds, across instances:
    the caller that gets True acts, the others skip. `hit(key, window)` counts events in a
    sliding window and returns the count including this one. `acquire` returns a token when the
    lock was free (None otherwise); `release` frees it only for the holder of that token.
    """

    async def first_seen(self, key: str, ttl: float) -> bool: ...

    async def hit(self, key: str, window: float) -> int: ...

    async def acquire(self, key: str, ttl: float) -> str | None: ...

    async def release(self, key: str, token: str) -> bool: ...

    async def get(self, key: str) -> str | None: ...

    async def set(self, key: str, value: str, ttl: float) -> None: ...

    async def close(self) -> None: ...


@asynccontextmanager
async def locked(store: StateStore, key: str, ttl: float = 30.0) -> AsyncIterator[None]:
    """Hold `key` for the block; raise LockBusyError if someone else holds it."""
    token = await store.acquire(key, ttl)
    if token is None:
        raise LockBusyError(key)
    try:
        yield
    finally:
        await store.release(key, token)


class MemoryState:
    """In-process state: correct for one instance, lost on restart."""

    def __init__(self) -> None:
        self._now = time.monotonic
        self._expiring: dict[str, tuple[str, float]] = {}
        self._events: dict[str, deque[float]] = {}
        self._sweep_at = 0.0

    def _alive(self, key: str) -> str | None:
        item = self._expiring.get(key)
        if item is None:
            return None
        if item[1] <= self._now():
            del self._expiring[key]
            return None
        return item[0]

    def _sweep(self) -> None:
        # Keeps memory bounded in a long-running bot without a timer task.
        now = self._now()
        if now < self._sweep_at:
            return
        self._sweep_at = now + 60
        for key in [k for k, (_, exp) in self._expiring.items() if exp <= now]:
            del self._expiring[key]
        for key in [k for k, q in self._events.items() if not q or q[-1] <= now - 86400]:
            del self._events[key]

    async def first_seen(self, key: str, ttl: float) -> bool:
        """True the first time `key` is seen within `ttl` seconds."""
        self._sweep()
        if self._alive(key) is not None:
            return False
        self._expiring[key] = ("1", self._now() + ttl)
        return True

    async def hit(self, key: str, window: float) -> int:
        """Count this event and those in the last `window` seconds."""
        now = self._now()
        events = self._events.setdefault(key, deque())
        events.append(now)
        while events and events[0] <= now - window:
            events.popleft()
        return len(events)

    async def acquire(self, key: str, ttl: float) -> str | None:
        """Take the lock if free; return its token."""
        if self._alive(key) is not None:
            return None
        token = uuid.uuid4().hex
        self._expiring[key] = (token, self._now() + ttl)
        return token

    async def release(self, key: str, token: str) -> bool:
        """Free the lock if `token` holds it."""
        if self._alive(key) != token:
            return False
        del self._expiring[key]
        return True

    async def get(self, key: str) -> str | None:
        """A cached value, if still fresh."""
        return self._alive(key)

    async def set(self, key: str, value: str, ttl: float) -> None:
        """Cache a value for `ttl` seconds."""
        self._expiring[key] = (value, self._now() + ttl)

    async def close(self) -> None:
        """Nothing to release."""


_HIT = """
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('PEXPIRE', KEYS[1], math.ceil(window * 1000))
return redis.call('ZCARD', KEYS[1])
"""
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


class RedisState:
    """State in Redis, shared by every instance that uses the same URL and prefix."""

    def __init__(self, url: str, prefix: str = "medguard:") -> None:
        from redis.asyncio import Redis

        self._redis = Redis.from_url(url, decode_responses=True)
        self._prefix = prefix
        self._hit = self._redis.register_script(_HIT)
        self._release = self._redis.register_script(_RELEASE)

    def _k(self, key: str) -> str:
        return self._prefix + key

    async def ping(self) -> None:
        """Fail early when Redis is unreachable."""
        await self._redis.ping()

    async def first_seen(self, key: str, ttl: float) -> bool:
        """True the first time `key` is seen within `ttl` seconds, across instances."""
        return bool(await self._redis.set(self._k(key), "1", nx=True, px=max(1, int(ttl * 1000))))

    async def hit(self, key: str, window: float) -> int:
        """Count this event and those in the last `window` seconds."""
        # Server time would be more exact across hosts, but wall clocks of bot hosts are NTP'd.
        now = time.time()
        return int(await self._hit(keys=[self._k(key)], args=[now, window, uuid.uuid4().hex]))

    async def acquire(self, key: str, ttl: float) -> str | None:
        """Take the lock if free; return its token."""
        token = uuid.uuid4().hex
        ok = await self._redis.set(self._k(key), token, nx=True, px=max(1, int(ttl * 1000)))
        return token if ok else None

    async def release(self, key: str, token: str) -> bool:
        """Free the lock if `token` holds it."""
        return bool(await self._release(keys=[self._k(key)], args=[token]))

    async def get(self, key: str) -> str | None:
        """A cached value, if still fresh."""
        value = await self._redis.get(self._k(key))
        return None if value is None else str(value)

    async def set(self, key: str, value: str, ttl: float) -> None:
        """Cache a value for `ttl` seconds."""
        await self._redis.set(self._k(key), value, px=max(1, int(ttl * 1000)))

    async def close(self) -> None:
        """Close the connection pool."""
        await self._redis.aclose()


def open_state(redis_url: str, prefix: str = "medguard:") -> StateStore:
    """Redis state when a URL is configured, in-process state otherwise."""
    return RedisState(redis_url, prefix) if redis_url else MemoryState()
