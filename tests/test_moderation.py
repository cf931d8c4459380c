"""The moderation use cases with an in-memory Messenger, a table-driven reader and real SQLite."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlmodel import select

from handlers.actions import (
    AnswerCallback,
    BanMember,
    DeleteMessage,
    EditMessage,
    MessengerError,
    RestrictMember,
    SendMessage,
)
from handlers.core import Core
from handlers.events import CallbackEvent, Chat, ReplyRef, User
from handlers.registry import install
from handlers.services import ModerationConfig, PolicyConfig, Services
from storage.db import Database
from storage.models import AuditEvent, Flag
from storage.state import MemoryState
from tests.fakes import GROUP, PATIENT, FakeReader, InMemoryMessenger, message

MODS = Chat(id=-1009_000_000_001, type="supergroup", title="Moderators")
MODERATOR = User(id=7_200_000_001, first_name="Elnur", language="az")
STRANGER = User(id=7_200_000_002, first_name="Kənan", language="az")

TABLE = {
    "sinəmdə kəskin ağrı var, sol qoluma vurur": ("emergency",),
    "self_harm: yaşamaq istəmirəm": ("emergency",),
    "bu qastritdir, omeprazol iç": ("medical_advice",),
    "peyvənd autizm yaradır": ("misinformation",),
    "ARIQLAMA ÇAYI 20 AZN, yazın": ("spam",),
    "Leylanın nömrəsi +994 50 123 45 67, ona zəng edin": ("personal_data",),
    "uşağımın qızdırması var, nə edim?": ("question",),
    "salam hamıya": (),
}


@pytest.fixture
async def core(tmp_path: Path) -> AsyncIterator[Core]:
    db = Database.from_url(f"sqlite+aiosqlite:///{tmp_path}/mod.db")
    await db.upgrade()
    services = Services(
        db=db,
        state=MemoryState(),
        moderation=ModerationConfig(moderator_chat_id=MODS.id),
        policy=PolicyConfig(notice_delete_seconds=60),
        reader=FakeReader(dict(TABLE)),
        bot_username="MedGuardBot",
    )
    core = Core(services)
    install(core)
    yield core
    await core.close()
    await db.close()


def moderator_messenger(**kwargs: object) -> InMemoryMessenger:
    messenger = InMemoryMessenger(**kwargs)  # type: ignore[arg-type]
    messenger.admins[MODS.id] = {MODERATOR.id}
    return messenger


def sends(messenger: InMemoryMessenger, chat_id: int) -> list[SendMessage]:
    return [a for a in messenger.sent() if a.chat_id == chat_id]


async def flags(core: Core) -> list[Flag]:
    async with core.services.db.session() as session:
        return list((await session.exec(select(Flag).order_by(Flag.id))).all())  # type: ignore[arg-type]


def press(data: str, user: User = MODERATOR) -> CallbackEvent:
    press.counter += 1  # type: ignore[attr-defined]
    return CallbackEvent(
        update_id=500_000 + press.counter,  # type: ignore[attr-defined]
        id=f"cb{press.counter}",  # type: ignore[attr-defined]
        sender=user,
        data=data,
        chat=MODS,
        message_id=1,
    )


press.counter = 0  # type: ignore[attr-defined]


async def test_emergency_reply_comes_first_in_the_authors_language(core: Core) -> None:
    messenger = moderator_messenger()
    event = message("sinəmdə kəskin ağrı var, sol qoluma vurur", message_id=41)
    await core.handle(event, messenger)
    reader = core.services.reader
    assert isinstance(reader, FakeReader)
    assert reader.calls[:2] == ["quick", "read"]
    first = messenger.executed[0]
    assert isinstance(first, SendMessage)
    assert (first.chat_id, first.reply_to) == (GROUP.id, 41)
    assert "103" in first.text
    assert "112" in first.text
    assert not any(isinstance(a, DeleteMessage) for a in messenger.executed)
    [alert] = sends(messenger, MODS.id)
    assert "emergency" in alert.text


@pytest.mark.parametrize(("language", "needle"), [("ru", "скорая"), ("en", "ambulance")])
async def test_emergency_reply_in_russian_and_english(
    core: Core, language: str, needle: str
) -> None:
    assert isinstance(core.services.reader, FakeReader)
    core.services.reader.language = language
    messenger = moderator_messenger()
    await core.handle(message("sinəmdə kəskin ağrı var, sol qoluma vurur"), messenger)
    assert needle in messenger.sent()[0].text


async def test_self_harm_gets_a_crisis_message(core: Core) -> None:
    messenger = moderator_messenger()
    await core.handle(message("self_harm: yaşamaq istəmirəm"), messenger)
    reply = messenger.sent()[0]
    assert reply.text.startswith("💙")
    assert "112" in reply.text


async def test_advice_from_a_member_is_warned_and_flagged(core: Core) -> None:
    messenger = moderator_messenger()
    await core.handle(message("bu qastritdir, omeprazol iç", message_id=50), messenger)
    [warning] = sends(messenger, GROUP.id)
    assert warning.reply_to == 50
    assert "/ask" in warning.text
    [flag_post] = sends(messenger, MODS.id)
    assert [b.data for b in flag_post.buttons[0]] == [
        f"mod:{n}:1" for n in ("dismiss", "delete", "warn", "mute", "ban")
    ]
    assert not any(isinstance(a, DeleteMessage) for a in messenger.executed)
    [flag] = await flags(core)
    assert flag.notice_message_id is not None


async def test_verified_doctor_is_exempt_from_advice_warnings(
    core: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def always(ctx: object, user_id: int) -> bool:
        return True

    monkeypatch.setattr("handlers.moderation.doctors.is_verified_doctor", always)
    messenger = moderator_messenger()
    await core.handle(message("bu qastritdir, omeprazol iç"), messenger)
    assert messenger.executed == []


async def test_misinformation_is_warned(core: Core) -> None:
    messenger = moderator_messenger()
    await core.handle(message("peyvənd autizm yaradır"), messenger)
    [warning] = sends(messenger, GROUP.id)
    assert "/rules" in warning.text


async def test_spam_is_deleted_and_repeat_spammer_banned(core: Core) -> None:
    messenger = moderator_messenger()
    await core.handle(message("ARIQLAMA ÇAYI 20 AZN, yazın", message_id=60), messenger)
    assert DeleteMessage(GROUP.id, 60) in messenger.executed
    assert not any(isinstance(a, BanMember) for a in messenger.executed)
    await core.handle(message("ARIQLAMA ÇAYI 20 AZN, yazın", message_id=61), messenger)
    assert BanMember(GROUP.id, PATIENT.id) in messenger.executed


async def test_personal_data_is_deleted_author_told_privately_flag_redacted(core: Core) -> None:
    messenger = moderator_messenger()
    text = "Leylanın nömrəsi +994 50 123 45 67, ona zəng edin"
    await core.handle(message(text, message_id=70), messenger)
    assert DeleteMessage(GROUP.id, 70) in messenger.executed
    [notice] = sends(messenger, PATIENT.id)
    assert "123 45 67" not in notice.text
    [flag] = await flags(core)
    assert flag.redacted_text is not None
    assert "123 45 67" not in flag.redacted_text
    assert "[phone]" in flag.redacted_text
    [post] = sends(messenger, MODS.id)
    assert "123 45 67" not in post.text


async def test_personal_data_notice_falls_back_to_the_group_when_author_never_started_bot(
    core: Core,
) -> None:
    forbidden = MessengerError("forbidden", "bot can't initiate conversation with a user")
    # delete, flag post, then the private notice is refused
    messenger = moderator_messenger(failures=[None, None, forbidden])
    await core.handle(message("Leylanın nömrəsi +994 50 123 45 67, ona zəng edin"), messenger)
    [group_notice] = sends(messenger, GROUP.id)
    assert group_notice.delete_after == 60
    assert "123" not in group_notice.text


async def test_no_admin_rights_flags_and_tells_moderators(core: Core) -> None:
    no_rights = MessengerError("no_rights", "message can't be deleted")
    messenger = moderator_messenger(failures=[no_rights])
    await core.handle(message("ARIQLAMA ÇAYI 20 AZN, yazın"), messenger)
    [post] = sends(messenger, MODS.id)
    assert "admin" in post.text


async def test_question_is_routed(core: Core, monkeypatch: pytest.MonkeyPatch) -> None:
    routed: list[tuple[str, str]] = []

    async def fake_route(event, specialty, redacted, ctx):
        routed.append((specialty, redacted))
        return [SendMessage(event.chat.id, "sent to a doctor", reply_to=event.message_id)]

    monkeypatch.setattr("handlers.moderation.doctors.route_question", fake_route)
    messenger = moderator_messenger()
    await core.handle(message("uşağımın qızdırması var, nə edim?"), messenger)
    assert routed == [("cardiology", "uşağımın qızdırması var, nə edim?")]
    assert await flags(core) == []


async def test_emergency_typed_as_ask_gets_the_emergency_reply(core: Core) -> None:
    messenger = moderator_messenger()
    await core.handle(message("/ask sinəmdə kəskin ağrı var, sol qoluma vurur"), messenger)
    [first, *_] = messenger.sent()
    assert "103" in first.text


async def test_benign_message_acts_on_nothing(core: Core) -> None:
    messenger = moderator_messenger()
    await core.handle(message("salam hamıya"), messenger)
    assert messenger.executed == []


async def test_dry_run_flags_everything_and_acts_on_nothing(core: Core) -> None:
    core.services.policy = PolicyConfig(dry_run=True)
    messenger = moderator_messenger()
    for i, text in enumerate(
        ["bu qastritdir, omeprazol iç", "ARIQLAMA ÇAYI 20 AZN, yazın", "peyvənd autizm yaradır"]
    ):
        await core.handle(message(text, message_id=80 + i), messenger)
    assert sends(messenger, GROUP.id) == []
    assert not any(isinstance(a, DeleteMessage | BanMember) for a in messenger.executed)
    assert len(sends(messenger, MODS.id)) == 3
    assert {f.kind for f in await flags(core)} == {"dry_run"}


async def test_edit_is_judged_again_and_acts_only_on_what_changed(core: Core) -> None:
    messenger = moderator_messenger()
    await core.handle(message("bu qastritdir, omeprazol iç", message_id=90), messenger)
    await core.handle(
        message("bu qastritdir, omeprazol iç", message_id=90, edited=True), messenger
    )
    assert len(sends(messenger, GROUP.id)) == 1
    await core.handle(message("peyvənd autizm yaradır", message_id=90, edited=True), messenger)
    assert len(sends(messenger, GROUP.id)) == 2


async def test_redelivered_update_acts_once(core: Core) -> None:
    messenger = moderator_messenger()
    event = message("ARIQLAMA ÇAYI 20 AZN, yazın", message_id=95)
    await core.handle(event, messenger)
    await core.handle(event, messenger)
    assert messenger.executed.count(DeleteMessage(GROUP.id, 95)) == 1


async def test_moderator_decision_acts_once_and_edits_the_flag(core: Core) -> None:
    messenger = moderator_messenger()
    await core.handle(message("bu qastritdir, omeprazol iç", message_id=100), messenger)
    await core.handle(press("mod:delete:1"), messenger)
    assert DeleteMessage(GROUP.id, 100) in messenger.executed
    [edit] = [a for a in messenger.executed if isinstance(a, EditMessage)]
    assert edit.buttons == ()
    assert "delete" in edit.text
    await core.handle(press("mod:delete:1"), messenger)
    assert messenger.executed.count(DeleteMessage(GROUP.id, 100)) == 1
    answers = [a for a in messenger.executed if isinstance(a, AnswerCallback)]
    assert len(answers) == 2
    async with core.services.db.session() as session:
        audit = (await session.exec(select(AuditEvent))).all()
    assert any(a.action == "decision:delete" for a in audit)


async def test_stranger_cannot_press_moderator_buttons(core: Core) -> None:
    messenger = moderator_messenger()
    await core.handle(message("ARIQLAMA ÇAYI 20 AZN, yazın"), messenger)
    before = len(messenger.executed)
    await core.handle(press("mod:ban:1", user=STRANGER), messenger)
    [answer] = messenger.executed[before:]
    assert isinstance(answer, AnswerCallback)
    assert answer.alert
    [flag] = await flags(core)
    assert flag.status == "open"


async def test_configured_moderator_id_may_press(core: Core) -> None:
    core.services.moderation = ModerationConfig(
        moderator_chat_id=MODS.id, moderator_ids=frozenset({STRANGER.id})
    )
    messenger = InMemoryMessenger()
    await core.handle(message("ARIQLAMA ÇAYI 20 AZN, yazın"), messenger)
    await core.handle(press("mod:dismiss:1", user=STRANGER), messenger)
    [flag] = await flags(core)
    assert flag.status == "dismiss"


async def test_warnings_mute_at_the_limit(core: Core) -> None:
    messenger = moderator_messenger()
    for i in range(3):
        await core.handle(message("bu qastritdir, omeprazol iç", message_id=110 + i), messenger)
        await core.handle(press(f"mod:warn:{i + 1}"), messenger)
    mutes = [a for a in messenger.executed if isinstance(a, RestrictMember)]
    assert len(mutes) == 1
    assert mutes[0].user_id == PATIENT.id
    assert not mutes[0].lift


async def test_auto_strike_counts_without_moderators(core: Core) -> None:
    core.services.policy = PolicyConfig(auto_strike=True, warn_limit=2)
    messenger = moderator_messenger()
    for i in range(2):
        await core.handle(message("bu qastritdir, omeprazol iç", message_id=120 + i), messenger)
    assert any(isinstance(a, RestrictMember) for a in messenger.executed)


async def test_deleting_an_already_deleted_message_is_noted(core: Core) -> None:
    messenger = moderator_messenger()
    await core.handle(message("bu qastritdir, omeprazol iç", message_id=130), messenger)
    messenger.failures.append(MessengerError("not_found", "message to delete not found"))
    await core.handle(press("mod:delete:1"), messenger)
    [edit] = [a for a in messenger.executed if isinstance(a, EditMessage)]
    assert "deleted" in edit.text or "silinib" in edit.text


async def test_appeal_reaches_moderators_and_member_hears_the_outcome(core: Core) -> None:
    messenger = moderator_messenger()
    await core.handle(message("bu qastritdir, omeprazol iç", message_id=140), messenger)
    [flag] = await flags(core)
    assert flag.notice_message_id is not None
    await core.handle(press("mod:warn:1"), messenger)
    appeal = message("/appeal mən həkiməm", message_id=141)
    appeal = type(appeal)(
        **{
            **{f: getattr(appeal, f) for f in appeal.__dataclass_fields__},
            "reply_to": ReplyRef(flag.notice_message_id, None, from_bot=True),
        }
    )
    await core.handle(appeal, messenger)
    appeal_flag = (await flags(core))[-1]
    assert appeal_flag.kind == "appeal"
    assert appeal_flag.reasons == "appeal of flag #1"
    post = sends(messenger, MODS.id)[-1]
    assert [b.data for b in post.buttons[0]] == ["mod:dismiss:2", "mod:accept:2"]
    await core.handle(press("mod:accept:2"), messenger)
    told = [a for a in messenger.sent() if a.chat_id == PATIENT.id]
    assert told
    assert any(isinstance(a, RestrictMember) and a.lift for a in messenger.executed)


async def test_pending_lists_open_flags_for_moderators_only(core: Core) -> None:
    messenger = moderator_messenger()
    await core.handle(message("ARIQLAMA ÇAYI 20 AZN, yazın"), messenger)
    await core.handle(message("/pending", sender=MODERATOR, chat=MODS), messenger)
    assert "#1" in messenger.sent()[-1].text
    await core.handle(message("/pending", sender=STRANGER, chat=MODS), messenger)
    assert "#1" not in messenger.sent()[-1].text


async def test_no_text_or_ids_in_logs_and_only_redacted_text_stored(
    core: Core, caplog: pytest.LogCaptureFixture
) -> None:
    from bot.logs import protect_library_loggers

    protect_library_loggers()  # as serve() does: aiosqlite logs SQL parameters at DEBUG
    caplog.set_level(logging.DEBUG)
    messenger = moderator_messenger()
    for i, text in enumerate(TABLE):
        await core.handle(message(text, message_id=200 + i), messenger)
    await core.handle(press("mod:ban:1"), messenger)
    logged = caplog.text
    for text in TABLE:
        assert text not in logged
    assert "123 45 67" not in logged
    assert str(PATIENT.id) not in logged
    assert str(MODERATOR.id) not in logged
    for flag in await flags(core):
        assert "123 45 67" not in (flag.redacted_text or "")
