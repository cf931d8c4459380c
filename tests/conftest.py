"""Shared fixtures: the real backends (SQLite and PostgreSQL, memory and Redis state).

In CI (CI=true) a missing PostgreSQL or Redis fails the run loudly; on a developer's laptop
without them those parametrizations are skipped with a message that says so.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text

from storage.db import Database
from storage.state import MemoryState, RedisState, StateStore

POSTGRES_URL = os.environ.get(
    "MEDGUARD_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
REDIS_URL = os.environ.get("MEDGUARD_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def _reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def require_service(name: str, host: str, port: int) -> None:
    """Fail in CI, skip elsewhere, when a service the test needs is not running."""
    if _reachable(host, port):
        return
    message = f"{name} is not reachable on {host}:{port}"
    if os.environ.get("CI"):
        pytest.fail(f"{message}: CI must provide it", pytrace=False)
    pytest.skip(f"{message} (developer machine without it: skipped)")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def db(request: pytest.FixtureRequest, tmp_path: object) -> AsyncIterator[Database]:
    """A migrated database: a fresh SQLite file, or a fresh schema in the PostgreSQL server."""
    if request.param == "sqlite":
        database = Database.from_url(f"sqlite+aiosqlite:///{tmp_path}/test.db")
        await database.upgrade()
        yield database
        await database.close()
        return
    require_service("PostgreSQL", "127.0.0.1", 5432)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = Database.from_url(POSTGRES_URL)
    async with admin.engine.begin() as conn:
        await conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    database = Database.from_url(POSTGRES_URL, schema=schema)
    try:
        await database.upgrade()
        yield database
    finally:
        await database.close()
        async with admin.engine.begin() as conn:
            await conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        await admin.close()


@pytest.fixture(params=["memory", pytest.param("redis", marks=pytest.mark.redis)])
async def state(request: pytest.FixtureRequest) -> AsyncIterator[StateStore]:
    """A state store: in-process, or Redis under a prefix of its own."""
    if request.param == "memory":
        yield MemoryState()
        return
    require_service("Redis", "127.0.0.1", 6379)
    store = RedisState(REDIS_URL, prefix=f"test:{uuid.uuid4().hex}:")
    await store.ping()
    yield store
    await store.close()


@pytest.fixture(params=["aiogram", "ptb"])
def framework(request: pytest.FixtureRequest) -> str:
    """Each contract test runs once per Telegram runtime."""
    return str(request.param)
