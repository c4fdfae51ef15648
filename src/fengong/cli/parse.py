"""``fengong parse``: plans in, one Plan per input out (or their tasks gathered)."""

from __future__ import annotations

import sys
from enum import Enum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from fengong.batch import Settings
from fengong.cli.app import app, err, usage_error
from fengong.cli.reading import (
    Debug,
    Inputs,
    Jobs,
    SaveSource,
    Tally,
    inputs_or_usage_error,
    read_plans,
    summarise,
    with_limit_options,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from fengong.batch import Outcome

    Read = Iterator[tuple[int, Outcome]]


class OutputFormat(str, Enum):
    """Serialisations of a Plan."""

    json = "json"
    yaml = "yaml"
    jsonl = "jsonl"
    csv = "csv"
    xlsx = "xlsx"


@app.command()
@with_limit_options
def parse(
    inputs: Inputs,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="A file for one input (or for all of them in jsonl/csv/xlsx), else a "
            "folder: one output per input, folders mirrored. Default: stdout.",
        ),
    ] = None,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.json,
    jobs: Jobs = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")
    ] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Count a plan with warnings as failed.")
    ] = False,
    skip_existing: Annotated[
        bool, typer.Option("--skip-existing", help="Leave inputs whose output exists.")
    ] = False,
    debug: Debug = False,
    save_source: SaveSource = None,
    *,
    settings: Settings,
) -> None:
    """Parse plans and print (or write) each Plan.

    Examples: fengong parse plan.pdf -o plan.json;
    fengong parse plans/ -o out/ --format yaml;
    fengong parse plans/ --format jsonl | jq .text;
    fengong parse plans/ -o tasks.xlsx --format xlsx
    """
    from fengong.batch import output_paths
    from fengong.exporters import ROW_FORMATS, SUFFIXES

    items = inputs_or_usage_error(inputs)
    single = len(items) == 1 and not any(Path(i).is_dir() for i in inputs)
    gather = fmt.value in ROW_FORMATS and (
        output is None or (output.suffix.lower() == SUFFIXES[fmt.value] and not output.is_dir())
    )
    if output is None and not single and not gather:
        raise usage_error(f"{len(items)} inputs in {fmt.value}: give a folder with -o DIR")
    if output is None and fmt.value == "xlsx":
        raise usage_error("xlsx is a file: give one with -o FILE.xlsx")
    to_file = output is not None and (single or gather) and not output.is_dir()
    targets: list[Path | None]
    if to_file:
        targets = [output] * len(items)
    elif output is not None:
        targets = list(output_paths(items, output, SUFFIXES[fmt.value]))
    else:
        targets = [None] * len(items)
    if skip_existing and not to_file:
        keep = [(i, t) for i, t in zip(items, targets, strict=True) if t is None or not t.exists()]
        if len(keep) < len(items) and not quiet:
            err(f"skipping {len(items) - len(keep)} inputs whose output exists")
        items, targets = [i for i, _ in keep], [t for _, t in keep]
    elif skip_existing and output is not None and output.exists():
        if not quiet:
            err(f"skipping: {output} exists")
        return
    tally = Tally()
    to_stdout = output is None and fmt.value in ("json", "jsonl")
    plans = read_plans(
        items, tally, settings, jobs=jobs, progress=not (quiet or single), debug=debug,
        on_failure=partial(_print_error, fmt.value) if to_stdout else None,
    )  # fmt: skip
    if gather and output is not None:
        _write_gathered(plans, output, fmt.value, announce=single and not quiet, tally=tally)
    else:
        _write_each(plans, targets, fmt.value, announce=single and not quiet)
    if not single and not quiet:
        summarise(tally)
    if tally.failed:
        raise typer.Exit(1)


def _print_error(fmt: str, outcome: Outcome) -> None:
    """Write a failed input's error record to stdout, where its Plan would have gone."""
    import json

    indent = 2 if fmt == "json" else None
    sys.stdout.write(json.dumps(outcome.error_record(), ensure_ascii=False, indent=indent) + "\n")
    sys.stdout.flush()


def _write_each(plans: Read, targets: list[Path | None], fmt: str, *, announce: bool) -> None:
    """Write every Plan to its target, or to stdout where it has none."""
    from fengong.batch import write_atomically
    from fengong.exporters import render, render_bytes

    header_written = False
    for index, outcome in plans:
        plan = outcome.data()  # JSON is written from it as it is, other formats validate it
        target = targets[index]
        if target is None:
            text = render(plan, fmt)
            if fmt == "csv" and header_written:
                text = text.split("\r\n", 1)[1]  # one header row for the whole stream
            header_written = True
            sys.stdout.write(text)
            sys.stdout.flush()
            continue
        write_atomically(target, render_bytes([plan], fmt))
        if announce:
            err(f"wrote {target} ({outcome.tasks} tasks, {outcome.warnings} warnings)")


def _write_gathered(plans: Read, output: Path, fmt: str, *, announce: bool, tally: Tally) -> None:
    """Write the tasks of all Plans to one file, once all are read."""
    from fengong.batch import write_atomically
    from fengong.exporters import render_bytes

    gathered = [outcome.plan() for _, outcome in plans]
    if not gathered:
        return
    write_atomically(output, render_bytes(gathered, fmt))
    if announce:
        err(f"wrote {output} ({tally.tasks} tasks, {tally.warnings} warnings)")
