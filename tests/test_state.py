"""The same state-store suite over the in-process store and the Redis server."""

import asyncio

import pytest

from storage.state import LockBusyError, RedisState, StateStore, locked
from tests.conftest import REDIS_URL, require_service


async def test_first_seen_is_true_once_then_expires(state: StateStore) -> None:
    assert await state.first_seen("update:1", ttl=0.2)
    assert not await state.first_seen("update:1", ttl=0.2)
    assert await state.first_seen("update:2", ttl=0.2)
    await asyncio.sleep(0.3)
    assert await state.first_seen("update:1", ttl=0.2)


async def test_hit_counts_within_a_sliding_window(state: StateStore) -> None:
    assert [await state.hit("rate:u", window=0.3) for _ in range(3)] == [1, 2, 3]
    await asyncio.sleep(0.35)
    assert await state.hit("rate:u", window=0.3) == 1
    assert await state.hit("rate:other", window=0.3) == 1


async def test_locks_are_exclusive_and_released_only_by_holder(state: StateStore) -> None:
    token = await state.acquire("lock:q1", ttl=5)
    assert token is not None
    assert await state.acquire("lock:q1", ttl=5) is None
    assert not await state.release("lock:q1", "not-the-token")
    assert await state.release("lock:q1", token)
    assert await state.acquire("lock:q1", ttl=5) is not None


async def test_lock_expires(state: StateStore) -> None:
    assert await state.acquire("lock:short", ttl=0.1) is not None
    await asyncio.sleep(0.2)
    assert await state.acquire("lock:short", ttl=0.1) is not None


async def test_locked_context(state: StateStore) -> None:
    async with locked(state, "lock:ctx"):
        with pytest.raises(LockBusyError):
            async with locked(state, "lock:ctx"):
                pass
    async with locked(state, "lock:ctx"):
        pass


async def test_cache_values_expire(state: StateStore) -> None:
    await state.set("admins:-100", "1,2,3", ttl=0.2)
    assert await state.get("admins:-100") == "1,2,3"
    await asyncio.sleep(0.3)
    assert await state.get("admins:-100") is None


@pytest.mark.redis
async def test_two_instances_sharing_redis_act_once() -> None:
    require_service("Redis", "127.0.0.1", 6379)
    import uuid

    prefix = f"test:{uuid.uuid4().hex}:"
    one, two = RedisState(REDIS_URL, prefix), RedisState(REDIS_URL, prefix)
    try:
        results = await asyncio.gather(
            *(store.first_seen("update:42", ttl=10) for store in (one, two) for _ in range(5))
        )
        assert sum(results) == 1
    finally:
        await one.close()
        await two.close()
