"""The ``fengong`` command: thin typer commands over the library.

Data goes to stdout, messages to stderr. Exit codes: 0 success, 1 a document could not
be read or a file is not valid, 2 usage error.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from fengong import __version__

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


def _err(message: str) -> None:
    sys.stderr.write(f"fengong: {message}\n")


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename, so that a
    failed run never leaves a half-written file and an existing file is only replaced
    by a complete one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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


@app.command()
def parse(
    file: Annotated[str, typer.Argument(help="Plan file (.txt), or - to read stdin.")],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write to this file instead of stdout."),
    ] = None,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.json,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Parse one plan and print (or write) its Plan as JSON or YAML.

    Example: fengong parse samples/text/seed002_tab-cells_section-rows.txt -o out.json
    """
    from fengong.errors import FengongError
    from fengong.exporters import render
    from fengong.pipeline import parse_bytes

    if file != "-" and not Path(file).is_file():
        _err(f"error: {file}: no such file")
        raise typer.Exit(1)
    try:
        data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
        plan = parse_bytes(data, None if file == "-" else file)
        text = render(plan, fmt.value)
    except FengongError as err:
        _err(f"error: {err}")
        if debug:
            traceback.print_exc()
        raise typer.Exit(1) from None
    except Exception as err:  # a defect, not bad input: say so plainly
        _err(f"internal error while reading {file}: {err!r}")
        if debug:
            traceback.print_exc()
        else:
            _err("run again with --debug for the traceback, and please report it")
        raise typer.Exit(1) from None
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomically(output, text)
        _err(f"wrote {output} ({len(plan.tasks)} tasks, {len(plan.warnings)} warnings)")


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
