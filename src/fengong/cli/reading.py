"""Reading many inputs for a command: the shared options, progress on a terminal, one
line per failed file, and the closing summary."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any

import typer

from fengong.cli.app import err, usage_error

if TYPE_CHECKING:
    from fengong.batch import Input, Outcome
    from fengong.schema import Plan

Inputs = Annotated[
    list[str],
    typer.Argument(
        help="Plan files (.pdf .docx .doc .wps .txt, any name), folders (read "
        "recursively), or - for stdin.",
        show_default=False,
    ),
]
Jobs = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, help="Parallel processes (default: all cores)."),
]
Debug = Annotated[bool, typer.Option("--debug", help="Show tracebacks.")]


@dataclass
class Tally:
    """What a run read: counts for the summary and the failed outcomes."""

    files: int = 0
    tasks: int = 0
    warnings: int = 0
    failed: list[Outcome] = field(default_factory=list)


def inputs_or_usage_error(arguments: list[str]) -> list[Input]:
    """Return the inputs named by ``arguments`` (see ``batch.collect_inputs``); raise a
    usage error when there are none."""
    from fengong.batch import collect_inputs

    items = collect_inputs(arguments)
    if not items:
        raise usage_error("no plan files found in " + " ".join(arguments))
    return items


def shown(path: str) -> str:
    """A path as messages show it (``<stdin>`` for ``-``)."""
    return "<stdin>" if path == "-" else path


def read_plans(
    items: list[Input], tally: Tally, *, jobs: int | None = None, strict: bool = False,
    progress: bool = True, debug: bool = False,
) -> Iterator[tuple[int, Outcome, Plan]]:  # fmt: skip
    """Parse ``items`` (in ``jobs`` processes) and yield ``(index, outcome, plan)`` for
    each one that gave a Plan, in input order. A failed input is written to stderr as
    one line with its reason and code and kept in ``tally``; with ``progress`` a bar is
    shown while stderr is a terminal."""
    from fengong.batch import STDIN, default_jobs, parse_many
    from fengong.schema import Plan

    stdin = sys.stdin.buffer.read() if any(i.path == STDIN for i in items) else None
    bar = _progress(len(items)) if progress and sys.stderr.isatty() else None
    tally.files += len(items)
    try:
        outcomes = parse_many(items, jobs or default_jobs(), stdin, strict)
        for index, outcome in enumerate(outcomes):
            if bar is not None:
                bar[0].advance(bar[1])
            if not outcome.ok:
                tally.failed.append(outcome)
                err(f"error: {shown(outcome.input.path)}: {outcome.message} [{outcome.code}]")
                if debug and outcome.traceback:
                    sys.stderr.write(outcome.traceback)
                continue
            tally.tasks += outcome.tasks
            tally.warnings += outcome.warnings
            yield index, outcome, Plan.model_validate_json(outcome.plan_json or "")
    finally:
        if bar is not None:
            bar[0].stop()


def summarise(tally: Tally) -> None:
    """Write the summary of a run of several files to stderr: counts, then one line per
    failed file."""
    parsed = tally.files - len(tally.failed)
    err(
        f"{tally.files} files: {parsed} parsed ({tally.tasks} tasks, {tally.warnings} "
        f"warnings), {len(tally.failed)} failed"
    )
    for outcome in tally.failed:
        err(f"  failed: {shown(outcome.input.path)}: {outcome.message} [{outcome.code}]")


def _progress(total: int) -> tuple[Any, Any]:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    bar = Progress(
        "[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
        TimeRemainingColumn(), console=Console(stderr=True), transient=True,
    )  # fmt: skip
    bar.start()
    return bar, bar.add_task("parsing", total=total)
