"""The same storage suite over SQLite and the PostgreSQL server."""

from datetime import UTC, datetime

from sqlalchemy.engine import Connection
from sqlmodel import select

from storage.db import MIGRATIONS, Database, current_revision
from storage.models import AuditEvent, ChatRecord

BIG_GROUP = -1002345678901  # supergroup ids pass 2**31; 32-bit columns killed older bots
BIG_USER = 7_000_000_001
HEAD = max(p.name.split("_")[0] for p in (MIGRATIONS / "versions").glob("0*.py"))


async def test_migrations_apply_to_head_and_are_idempotent(db: Database) -> None:
    await db.upgrade()
    async with db.engine.connect() as conn:
        assert await conn.run_sync(current_revision) == HEAD


async def test_chat_ids_are_64_bit(db: Database) -> None:
    async with db.session() as session:
        session.add(ChatRecord(id=BIG_GROUP, title="Sağlamlıq", type="supergroup"))
    async with db.session() as session:
        chat = await session.get(ChatRecord, BIG_GROUP)
    assert chat is not None
    assert chat.title == "Sağlamlıq"
    assert chat.first_seen.tzinfo is not None


async def test_audit_events_round_trip_in_order(db: Database) -> None:
    async with db.session() as session:
        session.add(AuditEvent(action="delete", chat_id=BIG_GROUP, message_id=BIG_USER))
        session.add(AuditEvent(action="warn", chat_id=BIG_GROUP, actor="mod:abc"))
    async with db.session() as session:
        rows = (await session.exec(select(AuditEvent).order_by(AuditEvent.id))).all()  # type: ignore[arg-type]
    assert [r.action for r in rows] == ["delete", "warn"]
    assert rows[0].message_id == BIG_USER
    assert rows[1].at <= datetime.now(UTC)


async def test_failed_session_rolls_back(db: Database) -> None:
    try:
        async with db.session() as session:
            session.add(ChatRecord(id=1, title="x"))
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    async with db.session() as session:
        assert await session.get(ChatRecord, 1) is None


async def test_tables_match_the_migrations(db: Database) -> None:
    """A model changed without a migration (or the reverse) shows up here."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlmodel import SQLModel

    import storage.models  # noqa: F401

    def diff(connection: Connection) -> list[object]:
        return list(compare_metadata(MigrationContext.configure(connection), SQLModel.metadata))

    async with db.engine.connect() as conn:
        assert await conn.run_sync(diff) == []
