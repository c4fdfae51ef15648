"""``fengong diff``: what changed from one plan to another (tasks added, removed, changed).

Exit codes as diff(1): 0 the plans do not differ, 1 they do, 2 trouble (an input that
cannot be read, a unit neither plan names, a usage error).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from fengong.batch import Settings
from fengong.cli.app import app, err
from fengong.cli.reading import Debug, with_limit_options
from fengong.cli.report import Format, Output, ReportFormat, check_destination

if TYPE_CHECKING:
    from fengong.compare import PlanDiff
    from fengong.schema import Plan

_DEFAULT_THRESHOLD = 50.0  # fengong.compare.DEFAULT_THRESHOLD, not imported for a fast --help


Side = Annotated[
    str,
    typer.Argument(
        help="A plan document (.pdf .docx .doc .wps .txt .html .xlsx, any name, or an "
        "http(s) address) or a Plan saved by fengong parse (JSON or YAML).",
        show_default=False,
    ),
]


@app.command()
@with_limit_options
def diff(
    old: Side,
    new: Side,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit",
            "-u",
            help="Only the tasks in which this unit appears in either plan (name as "
            "printed; a trailing bracketed note may be left out).",
            show_default=False,
        ),
    ] = None,
    fmt: Format = ReportFormat.table,
    output: Output = None,
    threshold: Annotated[
        float,
        typer.Option(
            "--threshold",
            "-t",
            min=0,
            max=100,
            help="Lowest similarity (0-100) at which two different texts are one task "
            "reworded; below it a task counts as removed and added.",
        ),
    ] = _DEFAULT_THRESHOLD,
    debug: Debug = False,
    *,
    settings: Settings,
) -> None:
    """Compare two plans: tasks added, removed, and changed in text, section, units by
    role, leaders or deadline. Exit 0: no differences, 1: differences, 2: trouble.

    Examples: fengong diff 2023.docx 2024.docx;
    fengong diff old.pdf new.json --unit 市财政局;
    fengong diff old.txt new.txt -f xlsx -o changes.xlsx
    """
    check_destination(fmt, output)
    old_plan, new_plan = _read_sides([old, new], settings, debug)
    from fengong.compare import UnknownUnitError, diff_plans

    try:
        result = diff_plans(old_plan, new_plan, threshold=threshold, unit=unit)
    except UnknownUnitError as error:
        err(str(error))
        raise typer.Exit(2) from error
    try:
        _emit(result, fmt, output, unit)
    except OSError as error:
        err(f"error: {output}: cannot write: {error.strerror}")
        raise typer.Exit(2) from error
    raise typer.Exit(1 if result.differs else 0)


def _read_sides(sides: list[str], settings: Settings, debug: bool) -> tuple[Plan, Plan]:
    """The Plans of the two sides: saved Plans loaded and validated, documents parsed
    (as ``fengong parse`` does, within the limits). Exit 2 after saying which file failed
    and why."""
    from fengong.batch import Input
    from fengong.cli.reading import Tally, read_plans
    from fengong.compare.load import saved_plan
    from fengong.errors import FengongError
    from fengong.fetch import is_url, url_file_name
    from fengong.pipeline import read_file

    plans: dict[int, Plan] = {}
    documents: list[tuple[int, Input]] = []
    failed = False
    for index, side in enumerate(sides):
        if is_url(side):  # an address is read as a document (fetched by read_plans)
            documents.append((index, Input(side, Path(url_file_name(side)))))
            continue
        path = Path(side)
        if not path.is_file():
            err(f"error: {path}: no such file [missing]")
            failed = True
            continue
        try:
            plan = saved_plan(read_file(path, settings.limits), str(path))
        except FengongError as error:
            err(f"error: {path}: {error.message} [{error.code}]")
            failed = True
            continue
        if plan is not None:
            plans[index] = plan
        else:
            documents.append((index, Input(str(path), Path(path.name))))
    if documents:
        items = [item for _, item in documents]
        for position, outcome in read_plans(items, Tally(), settings, progress=False, debug=debug):
            plans[documents[position][0]] = outcome.plan()
    if failed or len(plans) < 2:
        raise typer.Exit(2)
    return plans[0], plans[1]


def _emit(result: PlanDiff, fmt: ReportFormat, output: Path | None, unit: str | None) -> None:
    """Print ``result`` as a table, or write it in ``fmt`` to ``output`` (atomically) or
    to stdout."""
    from fengong.cli.report import deliver, report_data
    from fengong.exporters.diff import DIFF_COLUMNS, diff_rows, diff_to_json

    if fmt is ReportFormat.table:
        from fengong.cli.diff_table import print_diff

        print_diff(result, unit)
        return
    data = report_data(
        fmt.value, lambda: diff_to_json(result), DIFF_COLUMNS, lambda: diff_rows(result), "diff"
    )
    if deliver(data, output):
        s = result.summary
        err(f"wrote {output} ({s.changed} changed, {s.added} added, {s.removed} removed)")
