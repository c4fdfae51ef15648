"""The ``fengong`` command: thin typer commands over the library.

Data goes to stdout, messages to stderr. Exit codes: 0 success, 1 a document could not
be read or a file is not valid, 2 usage error.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from fengong import __version__
from fengong.batch import write_atomically

app = typer.Typer(
    name="fengong",
    help=(
        "Read Chinese government task-division plans (分工方案) into structured, "
        "validated data.\n\n"
        "Examples:\n\n"
        "  fengong parse plan.txt                  # JSON to stdout\n\n"
        "  fengong parse plan.txt -o plan.json     # write a file (atomically)\n\n"
        "  fengong parse plan.txt --format yaml\n\n"
        "  cat plan.txt | fengong parse -          # read stdin\n\n"
        "  fengong validate plan.json other.yaml\n\n"
        "  fengong schema > plan.schema.json\n\n"
        "Exit codes: 0 success, 1 unreadable document or invalid file, 2 usage error."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class OutputFormat(str, Enum):
    """Serialisations of a Plan."""

    json = "json"
    yaml = "yaml"
    jsonl = "jsonl"
    csv = "csv"
    xlsx = "xlsx"


def _err(message: str) -> None:
    sys.stderr.write(f"fengong: {message}\n")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"fengong {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Read Chinese government task-division plans (分工方案)."""


def _usage(message: str) -> typer.Exit:
    _err(f"usage error: {message}")
    return typer.Exit(2)


@app.command()
def parse(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Plan files (.pdf .docx .doc .wps .txt, any name), folders (read "
            "recursively), or - for stdin.",
            show_default=False,
        ),
    ],
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
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Parallel processes (default: all cores)."),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")
    ] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Count a plan with warnings as failed.")
    ] = False,
    skip_existing: Annotated[
        bool, typer.Option("--skip-existing", help="Leave inputs whose output exists.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Parse plans and print (or write) each Plan.

    Examples: fengong parse plan.pdf -o plan.json;
    fengong parse plans/ -o out/ --format yaml;
    fengong parse plans/ --format jsonl | jq .text;
    fengong parse plans/ -o tasks.xlsx --format xlsx
    """
    from fengong.batch import collect_inputs, default_jobs, output_paths
    from fengong.exporters import ROW_FORMATS, SUFFIXES

    items = collect_inputs(inputs)
    if not items:
        raise _usage("no plan files found in " + " ".join(inputs))
    single = len(items) == 1 and not any(Path(i).is_dir() for i in inputs)
    gather = fmt.value in ROW_FORMATS and (
        output is None or (output.suffix.lower() == SUFFIXES[fmt.value] and not output.is_dir())
    )
    if output is None and not single and not gather:
        raise _usage(f"{len(items)} inputs in {fmt.value}: give a folder with -o DIR")
    if output is None and fmt.value == "xlsx":
        raise _usage("xlsx is a file: give one with -o FILE.xlsx")
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
            _err(f"skipping {len(items) - len(keep)} inputs whose output exists")
        items, targets = [i for i, _ in keep], [t for _, t in keep]
    elif skip_existing and output is not None and output.exists():
        if not quiet:
            _err(f"skipping: {output} exists")
        return
    _run(items, targets, fmt.value, gather and output is not None, jobs or default_jobs(),
         quiet=quiet, strict=strict, debug=debug, single=single)  # fmt: skip


def _run(
    items: list[Any], targets: list[Path | None], fmt: str, gather_to_file: bool, jobs: int,
    *, quiet: bool, strict: bool, debug: bool, single: bool,
) -> None:  # fmt: skip
    from fengong.batch import STDIN, parse_many
    from fengong.exporters import render, render_bytes
    from fengong.schema import Plan

    stdin = sys.stdin.buffer.read() if any(i.path == STDIN for i in items) else None
    progress = None if quiet or single or not sys.stderr.isatty() else _progress(len(items))
    gathered: list[Plan] = []
    failed: list[Any] = []
    tasks = warnings = 0
    header_written = False
    try:
        for outcome, target in zip(parse_many(items, jobs, stdin, strict), targets, strict=True):
            if progress is not None:
                progress[0].advance(progress[1])
            if not outcome.ok:
                failed.append(outcome)
                _err(f"error: {_shown(outcome.input.path)}: {outcome.message} [{outcome.code}]")
                if debug and outcome.traceback:
                    sys.stderr.write(outcome.traceback)
                continue
            tasks += outcome.tasks
            warnings += outcome.warnings
            plan = Plan.model_validate_json(outcome.plan_json or "")
            if gather_to_file:
                gathered.append(plan)
            elif target is None:
                text = render(plan, fmt)
                if fmt == "csv" and header_written:
                    text = text.split("\r\n", 1)[1]  # one header row for the whole stream
                header_written = True
                sys.stdout.write(text)
                sys.stdout.flush()
            else:
                write_atomically(target, render_bytes([plan], fmt))
                if single and not quiet:
                    _err(f"wrote {target} ({outcome.tasks} tasks, {outcome.warnings} warnings)")
    finally:
        if progress is not None:
            progress[0].stop()
    if gather_to_file and targets and targets[0] is not None and gathered:
        write_atomically(targets[0], render_bytes(gathered, fmt))
        if single and not quiet:
            _err(f"wrote {targets[0]} ({tasks} tasks, {warnings} warnings)")
    if not single and not quiet:
        parsed = len(items) - len(failed)
        _err(
            f"{len(items)} files: {parsed} parsed ({tasks} tasks, {warnings} warnings), "
            f"{len(failed)} failed"
        )
        for outcome in failed:
            _err(f"  failed: {_shown(outcome.input.path)}: {outcome.message} [{outcome.code}]")
    if failed:
        raise typer.Exit(1)


def _shown(path: str) -> str:
    return "<stdin>" if path == "-" else path


def _progress(total: int) -> tuple[Any, Any]:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    bar = Progress(
        "[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
        TimeRemainingColumn(), console=Console(stderr=True), transient=True,
    )  # fmt: skip
    bar.start()
    return bar, bar.add_task("parsing", total=total)


@app.command()
def validate(
    files: Annotated[list[Path], typer.Argument(help="JSON or YAML files written by fengong.")],
) -> None:
    """Check files against the Plan schema; exit 1 if any is not valid.

    Example: fengong validate out.json
    """
    from fengong.validation import validate_file

    failed = 0
    for path in files:
        plan, problems = validate_file(path)
        if plan is not None:
            typer.echo(f"{path}: valid ({len(plan.tasks)} tasks)")
            continue
        failed += 1
        typer.echo(f"{path}: not valid", err=True)
        for problem in problems[:50]:
            typer.echo(f"  {problem.where}: {problem.message}", err=True)
        if len(problems) > 50:
            typer.echo(f"  … and {len(problems) - 50} more", err=True)
    if failed:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the Plan format.

    Example: fengong schema > plan.schema.json
    """
    import json

    from fengong.schema import Plan

    typer.echo(json.dumps(Plan.model_json_schema(), ensure_ascii=False, indent=2))


def main() -> None:
    """Entry point of the ``fengong`` console script."""
    app()
