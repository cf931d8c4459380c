"""Framework update → neutral event, shared by both runtimes.

aiogram and python-telegram-bot both mirror the Bot API's field names (`from_user`, `chat`,
`reply_to_message`...), so one duck-typed reading serves both; each runtime's `to_event` hands
its typed Update here. Nothing outside bot/ sees a framework object.
"""

from __future__ import annotations

from typing import Any

from handlers.events import CallbackEvent, Chat, Entity, Event, MessageEvent, ReplyRef, User

MEDIA = ("photo", "sticker", "video", "voice", "document", "animation", "audio")


def user_of(user: Any) -> User:
    """A neutral user."""
    return User(
        id=user.id,
        first_name=user.first_name,
        username=user.username,
        language=user.language_code,
        is_bot=user.is_bot,
    )


def chat_of(chat: Any) -> Chat:
    """A neutral chat."""
    return Chat(id=chat.id, type=str(chat.type), title=chat.title)


def kind_of(message: Any) -> str:
    """text, caption, a media kind, or service."""
    if message.text is not None:
        return "text"
    if message.caption is not None:
        return "caption"
    return next((kind for kind in MEDIA if getattr(message, kind, None)), "service")


def message_event(update_id: int, message: Any, *, edited: bool) -> MessageEvent:
    """A new or edited message."""
    reply = message.reply_to_message
    entities = message.entities or message.caption_entities or ()
    return MessageEvent(
        update_id=update_id,
        chat=chat_of(message.chat),
        sender=user_of(message.from_user) if message.from_user else None,
        message_id=message.message_id,
        date=message.date,
        text=message.text or message.caption or "",
        kind=kind_of(message),
        reply_to=ReplyRef(
            message_id=reply.message_id,
            sender_id=reply.from_user.id if reply.from_user else None,
            from_bot=bool(reply.from_user and reply.from_user.is_bot),
            text=reply.text or reply.caption or "",
        )
        if reply
        else None,
        thread_id=message.message_thread_id if message.is_topic_message else None,
        entities=tuple(Entity(str(e.type), e.offset, e.length) for e in entities),
        edited=edited,
        new_members=tuple(user_of(u) for u in message.new_chat_members or ()),
    )


def update_event(update: Any) -> Event | None:
    """A message, an edit or a button press; None for kinds MedGuard ignores."""
    if update.message is not None:
        return message_event(update.update_id, update.message, edited=False)
    if update.edited_message is not None:
        return message_event(update.update_id, update.edited_message, edited=True)
    query = update.callback_query
    if query is None:
        return None
    source = query.message
    return CallbackEvent(
        update_id=update.update_id,
        id=query.id,
        sender=user_of(query.from_user),
        data=query.data or "",
        chat=chat_of(source.chat) if source else None,
        message_id=source.message_id if source else None,
    )
