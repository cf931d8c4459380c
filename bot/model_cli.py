"""`medguard classify | train | eval | bench`: the classifier's commands (DESIGN §2)."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from bot.config import Settings
from classifiers.corpus import HOLDOUTS, TONE_HOLDOUTS

DATA_DIR = Path(__file__).resolve().parents[1] / "classifiers" / "data"

ConfigOption = Annotated[
    Path | None, typer.Option("--config", "-c", help="config file (default ./config.toml)")
]


def _settings(config: Path | None) -> Settings:
    from bot.cli import settings_or_exit

    return settings_or_exit(config)


def _classifier(settings: Settings, *, quick: bool = False) -> Any:
    from bot.app import load_classifier
    from classifiers.ensemble import Classifier

    if quick:
        c = settings.classifier
        artifacts = Path(c.artifacts_dir) if c.artifacts_dir else None
        return Classifier.load(artifacts, thresholds=c.thresholds)
    return load_classifier(settings)


def classify_command(
    config: ConfigOption = None,
    explain: Annotated[
        bool, typer.Option(help="add the reasons: rules fired, top n-grams")
    ] = False,
    quick: Annotated[bool, typer.Option(help="rules + n-gram only, no encoder")] = False,
) -> None:
    """Classify JSON Lines {"id", "text"} from stdin; one JSON line per input line on stdout."""
    from classifiers.commands import classify_stream

    settings = _settings(config)
    classifier = _classifier(settings, quick=quick)
    try:
        classify_stream(
            sys.stdin,
            sys.stdout,
            classifier,
            explain=explain,
            batch_size=settings.classifier.batch_size,
        )
    except (OSError, UnicodeDecodeError) as exc:
        typer.echo(f"medguard classify: cannot read stdin: {type(exc).__name__}", err=True)
        raise typer.Exit(1) from exc


def train_command(
    config: ConfigOption = None,
    seed: Annotated[int, typer.Option(help="random seed (training is reproducible)")] = 0,
    with_feedback: Annotated[
        bool, typer.Option("--with-feedback", help="add moderators' decisions as examples")
    ] = False,
    out: Annotated[Path | None, typer.Option(help="artifacts folder (default: shipped)")] = None,
) -> None:
    """Train the heads and n-gram model; thresholds from 5-fold out-of-fold scores."""
    from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

    from bot.app import load_encoder
    from classifiers.ensemble import DEFAULT_ARTIFACTS
    from classifiers.train import train

    settings = _settings(config)
    c = settings.classifier
    extra = asyncio.run(_feedback(settings)) if with_feedback else []
    if with_feedback:
        typer.echo(f"moderator feedback: {len(extra)} examples")
    encoder = load_encoder(c)
    tasks: dict[str, TaskID] = {}
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        transient=False,
    ) as bars:

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bars.add_task(stage, total=max(total, 1))
            bars.update(tasks[stage], completed=done, total=max(total, 1))

        report = train(
            DATA_DIR,
            out or DEFAULT_ARTIFACTS,
            encoder,
            seed=seed,
            extra_examples=extra,
            progress=progress,
        )
    typer.echo(
        json.dumps(
            {"dev": report.dev, "seconds": report.seconds, "bytes": report.artifact_bytes},
            indent=2,
        )
    )


async def _feedback(settings: Settings) -> list[dict[str, object]]:
    from storage.db import Database
    from storage.moderation import feedback_examples

    db = Database.from_url(settings.storage.resolved_database_url())
    try:
        await db.upgrade()
        async with db.session() as session:
            return await feedback_examples(session)
    finally:
        await db.close()


def eval_command(
    config: ConfigOption = None,
    split: Annotated[
        str,
        typer.Option(
            help=f"test | dev | train | independent | independent2-{len(HOLDOUTS)}"
            f" (written apart; independent-{TONE_HOLDOUTS[-1]} train specialty and"
            " sentiment only)"
        ),
    ] = "test",
    quick: Annotated[bool, typer.Option(help="rules + n-gram only, no encoder")] = False,
) -> None:
    """Per-label precision/recall/F1 and the rest of the report on the held-out split."""
    from classifiers.evaluate import evaluate, render

    settings = _settings(config)
    typer.echo(render(evaluate(_classifier(settings, quick=quick), DATA_DIR, split)))
    if split in TONE_HOLDOUTS:
        typer.echo(
            f"note: {split} trains the specialty and sentiment heads (labels are not trained on"
            " it): its specialty and sentiment figures are not a measure of generalisation"
        )


def bench_command(
    config: ConfigOption = None,
    classifier: Annotated[
        bool, typer.Option("--classifier", help="benchmark the classifier")
    ] = True,
    n: Annotated[int, typer.Option(help="messages for the batched run")] = 2000,
) -> None:
    """Benchmark: batched throughput, single-message latency, load time, peak memory."""
    from classifiers.commands import bench_classifier

    settings = _settings(config)
    result = bench_classifier(loader=lambda: _classifier(settings), n=n, data_dir=DATA_DIR)
    typer.echo(json.dumps(result, indent=2))
