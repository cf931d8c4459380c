"""Persistence: SQLModel tables and repositories, the state store (memory or Redis), statistics.

Knows nothing of Telegram frameworks or of how messages are classified.
"""
