"""Writing a command's report (``units``, ``diff``) as JSON, CSV or XLSX, to stdout or a
file written atomically: the one place those commands share."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from fengong.cli.app import usage_error

if TYPE_CHECKING:
    from fengong.exporters.rows import Cell


class ReportFormat(str, Enum):
    """Ways to show a report: a table for the terminal, or a file's format."""

    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


Format = Annotated[
    ReportFormat,
    typer.Option("--format", "-f", help="table (for the terminal), json, csv or xlsx."),
]
Output = Annotated[
    Path | None, typer.Option("-o", "--output", help="Write to this file (json/csv/xlsx).")
]


def check_destination(fmt: ReportFormat, output: Path | None) -> None:
    """Raise a usage error (exit 2) for a table sent to a file or an XLSX to the terminal."""
    if fmt is ReportFormat.table and output is not None:
        raise usage_error("a table is for the terminal: use --format json, csv or xlsx with -o")
    if fmt is ReportFormat.xlsx and output is None:
        raise usage_error("xlsx is a file: give one with -o FILE.xlsx")


def report_data(
    fmt: str,
    to_json: Callable[[], str],
    columns: Sequence[str],
    rows: Callable[[], list[list[Cell]]],
    sheet_title: str,
) -> str | bytes:
    """Return the report in ``fmt`` (``json``, ``csv`` or ``xlsx``): ``to_json`` gives the
    JSON text, ``rows`` the table rows under ``columns`` for CSV (with a BOM) and XLSX (one
    sheet named ``sheet_title``)."""
    if fmt == "json":
        return to_json()
    if fmt == "csv":
        from fengong.exporters.csv import rows_to_csv

        return rows_to_csv(columns, rows())
    from fengong.exporters.xlsx import rows_to_xlsx

    return rows_to_xlsx(columns, rows(), sheet_title=sheet_title)


def deliver(data: str | bytes, output: Path | None) -> bool:
    """Write ``data`` to ``output`` atomically, or to stdout when ``output`` is None;
    return True when a file was written."""
    if output is None:
        sys.stdout.write(data if isinstance(data, str) else data.decode("utf-8"))
        return False
    from fengong.batch import write_atomically

    write_atomically(output, data)
    return True
