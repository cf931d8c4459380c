"""Statistics end to end: a scripted stream through the real moderation pipeline (install()),
then the stats_ tables are checked for the right counts and for anything that identifies."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from handlers.actions import DeleteMessage
from handlers.core import Core
from handlers.events import CallbackEvent, Chat, User
from handlers.registry import install
from handlers.services import ModerationConfig, Services
from handlers.stats import pseudonym
from storage import stats as stats_repo
from storage.db import Database
from storage.models import Flag
from storage.moderation import feedback_examples
from storage.state import MemoryState, RedisState
from tests.conftest import REDIS_URL, require_service
from tests.fakes import GROUP, FakeReader, InMemoryMessenger, message
from tests.test_stats import _stats_tables_dump

MODS = Chat(id=-1009_100_000_001, type="supergroup", title="Moderators")
MODERATOR = User(id=7_600_000_009, first_name="Elnur", language="az")
AUTHORS = [User(id=7_600_000_000 + i, first_name=f"Zərif{i}", language="az") for i in range(3)]
TABLE = {
    "sinəmdə kəskin ağrı var, sol qoluma vurur": ("emergency",),
    "bu qastritdir, omeprazol iç": ("medical_advice",),
    "ARIQLAMA ÇAYI 20 AZN, yazın": ("spam",),
    "Leylanın nömrəsi +994 50 123 45 67, ona zəng edin": ("personal_data",),
    "uşağımın qızdırması var, nə edim?": ("question",),
    "salam hamıya": (),
}


@pytest.fixture
async def core(db: Database) -> AsyncIterator[Core]:
    services = Services(
        db=db,
        state=MemoryState(),
        moderation=ModerationConfig(moderator_chat_id=MODS.id),
        reader=FakeReader(dict(TABLE)),
    )
    core = Core(services)
    install(core)
    yield core
    await core.close()


async def counts(db: Database) -> Counter[tuple[str, str]]:
    today = datetime.now(UTC).date()
    async with db.session() as session:
        rows = await stats_repo.daily_counts(session, date(2000, 1, 1), today, GROUP.id)
    return Counter({(r.metric, r.key): r.n for r in rows})


async def test_stream_through_the_pipeline_is_counted_once_and_anonymously(
    core: Core, db: Database
) -> None:
    messenger = InMemoryMessenger(admins={MODS.id: {MODERATOR.id}})
    for i, text in enumerate(TABLE):
        event = message(text, sender=AUTHORS[i % 3], message_id=300 + i)
        await core.handle(event, messenger)
        if i == 1:
            await core.handle(event, messenger)  # a redelivery
            edited = message(text, sender=AUTHORS[1], message_id=301, edited=True)
            await core.handle(edited, messenger)  # an edit with nothing new
    await core.handle(
        CallbackEvent(update_id=990_001, id="cb", sender=MODERATOR, data="mod:warn:2", chat=MODS),
        messenger,
    )
    got = await counts(db)
    assert sum(n for (metric, _), n in got.items() if metric == "sentiment") == len(TABLE)
    for labels in TABLE.values():
        for label in labels:
            assert got["label", label] == 1
    assert got["specialty", "cardiology"] == 1
    assert got["authors", ""] == 3
    assert got["action", "emergency_reply"] == 1
    assert got["action", "deleted"] == 2
    assert got["action", "warned"] == 1
    assert got["action", "routed"] == 1
    assert got["decision", "warn"] == 1

    async with db.engine.connect() as conn:
        names, dump = await conn.run_sync(_stats_tables_dump)
    assert names
    async with db.session() as session:
        flags = (await session.exec(select(Flag))).all()
    secret = core.services.stats.pseudonym_secret
    forbidden = [str(u.id) for u in [*AUTHORS, MODERATOR]]
    forbidden += [u.first_name for u in [*AUTHORS, MODERATOR]]
    forbidden += [pseudonym(secret, u.id) for u in AUTHORS]
    forbidden += [text for text in TABLE if text] + ["123 45 67", "qastrit"]
    for needle in forbidden:
        assert needle not in dump, needle
    assert {f.author_pseudonym for f in flags} <= {pseudonym(secret, u.id) for u in AUTHORS}


async def test_moderator_decisions_become_labelled_examples(core: Core, db: Database) -> None:
    messenger = InMemoryMessenger(admins={MODS.id: {MODERATOR.id}})
    await core.handle(message("bu qastritdir, omeprazol iç", message_id=400), messenger)
    await core.handle(message("ARIQLAMA ÇAYI 20 AZN, yazın", message_id=401), messenger)
    for data in ("mod:warn:1", "mod:dismiss:2"):
        press = CallbackEvent(
            update_id=hash(data) & 0xFFFFFFF, id=data, sender=MODERATOR, data=data, chat=MODS
        )
        await core.handle(press, messenger)
    async with db.session() as session:
        examples = sorted(await feedback_examples(session), key=lambda e: str(e["source"]))
    assert [(e["labels"], e["source"]) for e in examples] == [
        (["medical_advice"], "flag:1:warn"),
        ([], "flag:2:dismiss"),
    ]


@pytest.mark.redis
async def test_two_instances_sharing_redis_act_once(db: Database) -> None:
    require_service("Redis", "127.0.0.1", 6379)
    prefix = f"test:{uuid.uuid4().hex}:"
    cores, stores = [], []
    for _ in range(2):
        store = RedisState(REDIS_URL, prefix)
        stores.append(store)
        services = Services(
            db=db,
            state=store,
            moderation=ModerationConfig(moderator_chat_id=MODS.id),
            reader=FakeReader(dict(TABLE)),
        )
        cores.append(Core(services))
        install(cores[-1])
    messenger = InMemoryMessenger()
    event = message("ARIQLAMA ÇAYI 20 AZN, yazın", message_id=500)
    await asyncio.gather(*(c.handle(event, messenger) for c in cores))
    assert messenger.executed.count(DeleteMessage(GROUP.id, 500)) == 1
    for c, s in zip(cores, stores, strict=True):
        await c.close()
        await s.close()
