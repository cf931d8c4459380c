"""Alembic environment: MedGuard hands in an open connection (see storage.db)."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import storage.doctors
import storage.models
import storage.stats  # noqa: F401  (these imports register the tables on the metadata)

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
