"""The typer application, its global options and the helpers every command shares."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import NoReturn

import typer

from fengong import __version__

app = typer.Typer(
    name="fengong",
    help=(
        "Read Chinese government task-division plans (分工方案) into structured, "
        "validated data.\n\n"
        "Examples:\n\n"
        "  fengong parse plan.pdf                  # JSON to stdout\n\n"
        "  fengong parse plan.docx -o plan.json    # write a file (atomically)\n\n"
        "  fengong parse plans/ -o out/ -f yaml    # a folder, one output per plan\n\n"
        "  fengong parse plans/ -o tasks.xlsx -f xlsx\n\n"
        "  cat plan.txt | fengong parse -          # read stdin\n\n"
        "  fengong units plan.pdf --unit 市财政局  # one unit's tasks\n\n"
        "  fengong inspect plan.pdf                # what fengong saw\n\n"
        "  fengong diff 2023.docx 2024.docx        # what changed between two plans\n\n"
        "  fengong validate plan.json other.yaml\n\n"
        "  fengong schema > plan.schema.json\n\n"
        "Exit codes: 0 success, 1 unreadable document or invalid file, 2 usage error "
        "(diff: 0 no differences, 1 differences, 2 trouble)."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def err(message: str) -> None:
    """Write one ``fengong: …`` line to stderr."""
    sys.stderr.write(f"fengong: {message}\n")


def usage_error(message: str) -> typer.Exit:
    """Report a usage error and return the exit (code 2) for the caller to raise."""
    err(f"usage error: {message}")
    return typer.Exit(2)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"fengong {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version."
    ),
) -> None:
    """Read Chinese government task-division plans (分工方案)."""


def main() -> None:
    """Entry point of the ``fengong`` console script and ``python -m fengong``: run the
    command, then end the process with its exit status (see ``exit_now``)."""
    try:
        app()
    except SystemExit as done:
        exit_now(done.code)
    exit_now(0)


def exit_now(status: int | str | None) -> NoReturn:
    """End the process with ``status`` as ``sys.exit`` would, without the interpreter's
    teardown: freeing every object of a parse one by one costs a shell loop 0.1 s a file,
    and by now every output is written and closed. Standard streams and logging are
    flushed first; a process watched by a tracer or coverage ends the usual way, so that
    their own exit handlers run."""
    if sys.gettrace() is not None or "coverage" in sys.modules:
        sys.exit(status)
    if isinstance(status, str):
        sys.stderr.write(status + "\n")
        status = 1
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):
        status = status or 1  # the reader of stdout went away: what was asked is not done
    with contextlib.suppress(BrokenPipeError, ValueError):
        sys.stderr.flush()
    if "logging" in sys.modules:
        import logging

        logging.shutdown()
    os._exit(status or 0)
