"""Reading many inputs for a command: the shared options, progress on a terminal, one
line per failed file, and the closing summary."""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from fengong.batch import Settings
from fengong.cli.app import err, usage_error
from fengong.parsers.limits import DEFAULT_LIMITS, Limits, MiB, OcrOptions

if TYPE_CHECKING:
    from fengong.batch import Input, Outcome

Inputs = Annotated[
    list[str],
    typer.Argument(
        help="Plan files (.pdf .docx .doc .wps .html .xlsx .txt, scans as .png .jpg .tif; any "
        "name), folders (read recursively), http(s) addresses, or - for stdin.",
        show_default=False,
    ),
]
Jobs = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, help="Parallel processes (default: all cores)."),
]
Debug = Annotated[bool, typer.Option("--debug", help="Show tracebacks.")]
SaveSource = Annotated[
    Path | None,
    typer.Option(
        "--save-source",
        file_okay=False,
        show_default=False,
        help="Keep what each http(s) address returned in this folder.",
    ),
]
_LIMIT_OPTIONS = (  # parameter, flag, type, smallest, default, help
    ("max_input_mb", "--max-input-mb", float, 0.001, DEFAULT_LIMITS.max_input_bytes / MiB,
     "Largest input file, in MiB."),
    ("max_unzipped_mb", "--max-unzipped-mb", float, 0.001,
     DEFAULT_LIMITS.max_unzipped_bytes / MiB,
     "Largest uncompressed size of a DOCX's parts, or of a PDF's streams, together, in MiB."),
    ("max_zip_ratio", "--max-zip-ratio", int, 1, DEFAULT_LIMITS.max_zip_ratio,
     "Largest compression ratio of a DOCX part or PDF stream over 1 MiB."),
    ("max_pages", "--max-pages", int, 1, DEFAULT_LIMITS.max_pages,
     "Most pages of a PDF or multi-page TIFF."),
    ("max_cells", "--max-cells", int, 1, DEFAULT_LIMITS.max_cells, "Most table cells."),
    ("max_depth", "--max-depth", int, 1, DEFAULT_LIMITS.max_depth,
     "Deepest nesting of tables in tables."),
    ("max_megapixels", "--max-megapixels", float, 0.001, DEFAULT_LIMITS.max_pixels / 1e6,
     "Largest page image (a scan, or a PDF page rendered for OCR), in megapixels."),
    ("timeout", "--timeout", float, 0, 120.0, "Seconds one file may take; 0 for no limit."),
)  # fmt: skip


class OcrMode(str, Enum):
    """When pages are read by OCR."""

    auto = "auto"
    always = "always"
    never = "never"


OCR_HELP = (
    "Read pages by OCR: auto (pages without a usable text layer, and images; needs "
    "pip install 'fengong[ocr]'), always (every page), never."
)


def settings_from_options(
    max_input_mb: float, max_unzipped_mb: float, max_zip_ratio: int, max_pages: int,
    max_cells: int, max_depth: int, max_megapixels: float, timeout: float,
    strict: bool = False, ocr: str = "auto", save_source: Path | None = None,
) -> Settings:  # fmt: skip
    """Return the batch ``Settings`` the limit and OCR options (and ``--save-source``) ask
    for."""
    limits = Limits(
        max_input_bytes=int(max_input_mb * MiB),
        max_unzipped_bytes=int(max_unzipped_mb * MiB),
        max_zip_ratio=max_zip_ratio,
        max_pages=max_pages,
        max_cells=max_cells,
        max_depth=max_depth,
        max_pixels=int(max_megapixels * 1e6),
    )
    return Settings(
        limits=limits,
        timeout=timeout or None,
        strict=strict,
        save_source=save_source,
        ocr=OcrOptions(mode=ocr),
    )


def with_limit_options(command: Callable[..., None]) -> Callable[..., None]:
    """Decorate a typer command that takes ``settings: Settings`` so that it gets the
    limit options (``--max-input-mb`` … ``--timeout``) and ``--ocr`` instead, declared once here for
    every command that reads documents. A ``strict`` parameter of the command is passed
    into the settings too, and so is a ``save_source`` parameter (``--save-source``, for the
    commands that read addresses)."""
    signature = inspect.signature(command, eval_str=True)
    own = [p for p in signature.parameters.values() if p.name != "settings"]
    added = [
        inspect.Parameter(
            name,
            inspect.Parameter.KEYWORD_ONLY,
            annotation=Annotated[kind, typer.Option(flag, min=smallest, help=text)],
            default=default,
        )
        for name, flag, kind, smallest, default, text in _LIMIT_OPTIONS
    ]
    added.append(
        inspect.Parameter(
            "ocr",
            inspect.Parameter.KEYWORD_ONLY,
            annotation=Annotated[OcrMode, typer.Option("--ocr", help=OCR_HELP)],
            default=OcrMode.auto,
        )
    )

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        values = {option[0]: kwargs.pop(option[0]) for option in _LIMIT_OPTIONS}
        mode = OcrMode(kwargs.pop("ocr")).value
        settings = settings_from_options(
            **values,
            strict=kwargs.get("strict", False),
            ocr=mode,
            save_source=kwargs.get("save_source"),
        )
        command(*args, settings=settings, **kwargs)

    wrapper.__signature__ = signature.replace(parameters=own + added)  # type: ignore[attr-defined]
    return wrapper


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
    items: list[Input], tally: Tally, settings: Settings, *, jobs: int | None = None,
    progress: bool = True, debug: bool = False,
    on_failure: Callable[[Outcome], None] | None = None,
) -> Iterator[tuple[int, Outcome]]:  # fmt: skip
    """Parse ``items`` as ``settings`` say (in ``jobs`` processes) and yield
    ``(index, outcome)`` for each one that gave a Plan, in input order (``outcome.plan()``
    is the validated Plan, ``outcome.plan_data`` the same as plain data). A failed
    input is written to stderr as one line with its reason and code, kept in ``tally``
    and handed to ``on_failure``; with ``progress`` a bar is shown while stderr is a
    terminal."""
    from fengong.batch import STDIN, default_jobs, parse_many

    stdin = sys.stdin.buffer.read() if any(i.path == STDIN for i in items) else None
    bar = _progress(len(items)) if progress and sys.stderr.isatty() else None
    tally.files += len(items)
    try:
        outcomes = parse_many(items, jobs or default_jobs(), stdin, settings)
        for index, outcome in enumerate(outcomes):
            if bar is not None:
                bar[0].advance(bar[1])
            if not outcome.ok:
                tally.failed.append(outcome)
                err(f"error: {shown(outcome.input.path)}: {outcome.message} [{outcome.code}]")
                if debug and outcome.traceback:
                    sys.stderr.write(outcome.traceback)
                if on_failure is not None:
                    on_failure(outcome)
                continue
            tally.tasks += outcome.tasks
            tally.warnings += outcome.warnings
            yield index, outcome
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
