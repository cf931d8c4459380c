"""`medguard doctors`: the doctors' registry with answer counts and helpful scores."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from bot.config import Settings


def _status(row: Any, now: datetime) -> str:
    doctor = row.doctor
    return "expired" if doctor.status == "verified" and doctor.expires_at <= now else doctor.status


async def _registry(settings: Settings, specialty: str | None) -> list[dict[str, Any]]:
    from storage import doctors as repo
    from storage.db import Database
    from storage.models import utcnow

    settings.storage.data_dir.mkdir(parents=True, exist_ok=True)
    database = Database.from_url(settings.storage.resolved_database_url())
    try:
        await database.upgrade()
        async with database.session() as session:
            rows = await repo.standings(session, specialty=specialty)
    finally:
        await database.close()
    now = utcnow()
    return [
        {
            "id": row.doctor.id,
            "full_name": row.doctor.full_name,
            "specialty": row.doctor.specialty,
            "licence": row.doctor.licence,
            "status": _status(row, now),
            "available": row.doctor.available,
            "verified_at": row.doctor.verified_at.isoformat(),
            "expires_at": row.doctor.expires_at.isoformat(),
            "answers": row.answers,
            "helpful": row.up,
            "not_helpful": row.down,
            "helpful_score": round(row.score, 4),
        }
        for row in rows
    ]


def doctors_command(
    config: Annotated[
        Path | None, typer.Option("--config", "-c", help="config file (default ./config.toml)")
    ] = None,
    output: Annotated[str, typer.Option("--format", help="table or json")] = "table",
    specialty: Annotated[
        str | None, typer.Option(help="only this specialty (any name: kardioloq, кардиолог)")
    ] = None,
) -> None:
    """List the doctors' registry: status, expiry, answers and helpful score (Wilson bound)."""
    from bot.cli import settings_or_exit
    from handlers.doctors import specialty_from_text

    if output not in ("table", "json"):
        typer.echo("medguard: --format must be table or json", err=True)
        raise typer.Exit(2)
    code = None
    if specialty is not None:
        code = specialty_from_text(specialty)
        if code is None:
            typer.echo(f"medguard: unknown specialty {specialty!r}", err=True)
            raise typer.Exit(2)
    settings = settings_or_exit(config)
    rows = asyncio.run(_registry(settings, code))
    if output == "json":
        typer.echo(json.dumps({"doctors": rows}, ensure_ascii=False, indent=2))
        return
    if not rows:
        typer.echo("No doctors in the registry.")
        return
    header = f"{'id':>4}  {'name':<28} {'specialty':<17} {'status':<9} {'until':<10} "
    typer.echo(header + f"{'avail':<5} {'answers':>7} {'👍':>4} {'👎':>4} {'score':>5}")
    for row in rows:
        typer.echo(
            f"{row['id']:>4}  {row['full_name'][:28]:<28} {row['specialty']:<17} "
            f"{row['status']:<9} {row['expires_at'][:10]:<10} "
            f"{'yes' if row['available'] else 'no':<5} {row['answers']:>7} "
            f"{row['helpful']:>4} {row['not_helpful']:>4} {row['helpful_score']:>5.2f}"
        )
