"""``fengong units``: the plan turned around, each unit with its tasks by role."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from fengong.batch import Settings
from fengong.cli.app import app, err
from fengong.cli.reading import (
    Debug,
    Inputs,
    Jobs,
    SaveSource,
    Tally,
    inputs_or_usage_error,
    read_plans,
    with_limit_options,
)
from fengong.cli.report import Format, Output, ReportFormat, check_destination

if TYPE_CHECKING:
    from fengong.exporters.by_unit import Assignment, UnitTasks

_ROLE_TITLES = {"lead": "lead 牵头", "responsible": "responsible 责任", "support": "support 配合"}


@app.command()
@with_limit_options
def units(
    inputs: Inputs,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit",
            "-u",
            help="Only this unit (name as printed; a trailing bracketed note may be left out).",
            show_default=False,
        ),
    ] = None,
    fmt: Format = ReportFormat.table,
    output: Output = None,
    jobs: Jobs = None,
    debug: Debug = False,
    save_source: SaveSource = None,
    *,
    settings: Settings,
) -> None:
    """List each unit with its tasks by role (lead / responsible / support).

    Examples: fengong units plan.pdf;
    fengong units plan.pdf --unit 市财政局;
    fengong units plans/ --format xlsx -o units.xlsx
    """
    from fengong.exporters.by_unit import select_units, similar_names, tasks_by_unit

    check_destination(fmt, output)
    items = inputs_or_usage_error(inputs)
    tally = Tally()
    plans = [o.plan() for _, o in read_plans(items, tally, settings, jobs=jobs, debug=debug)]
    found = tasks_by_unit(plans)
    if unit is not None:
        chosen = select_units(found, unit)
        if not chosen and plans:
            similar = similar_names(found, unit)
            hint = f"; similar names: {'、'.join(similar)}" if similar else ""
            err(f"no unit named {unit} in {len(plans)} plan(s){hint}")
            raise typer.Exit(1)
        found = chosen
    _emit(found, fmt, output, detailed=unit is not None, many_plans=len(plans) > 1)
    if tally.failed:
        raise typer.Exit(1)


def _emit(
    found: list[UnitTasks], fmt: ReportFormat, output: Path | None, *, detailed: bool,
    many_plans: bool,
) -> None:  # fmt: skip
    from fengong.cli.report import deliver, report_data
    from fengong.exporters.by_unit import UNIT_COLUMNS, unit_rows, units_to_json

    if fmt is ReportFormat.table:
        _print_table(found, detailed=detailed, many_plans=many_plans)
        return
    data = report_data(
        fmt.value, lambda: units_to_json(found), UNIT_COLUMNS, lambda: unit_rows(found), "units"
    )
    if deliver(data, output):
        err(f"wrote {output} ({len(found)} units)")


def _ref(a: Assignment, many_plans: bool) -> str:
    label = f"#{a.task.seq}"
    if many_plans and a.plan.source.path:
        return f"{Path(a.plan.source.path).stem}{label}"
    return label


def _print_table(found: list[UnitTasks], *, detailed: bool, many_plans: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    from fengong.schema import UNIT_ROLES

    console = Console()
    if not detailed:
        table = Table(title=f"{len(found)} units: tasks by role (#seq)", show_lines=True)
        table.add_column("unit", style="bold")
        for role in UNIT_ROLES:
            table.add_column(_ROLE_TITLES[role])
        for unit in found:
            cells = []
            for role in UNIT_ROLES:
                refs = [_ref(a, many_plans) for a in unit.in_role(role)]
                cells.append(f"{len(refs)}: {' '.join(refs)}" if refs else "")
            table.add_row(unit.name, *cells)
        console.print(table)
        return
    for unit in found:
        table = Table(title=f"{unit.name}: {len(unit.assignments)} tasks", show_lines=True)
        for name in ("role", "#", "number", "task", "deadline"):
            table.add_column(name, overflow="fold")
        for a in unit.assignments:
            deadline = a.task.deadline.raw if a.task.deadline else ""
            table.add_row(
                _ROLE_TITLES[a.role], _ref(a, many_plans), a.task.number or "", a.task.text,
                deadline,
            )  # fmt: skip
        console.print(table)
