"""Rows → CSV, UTF-8 with a BOM so that Excel opens Chinese correctly."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from fengong.exporters.rows import COLUMNS, Cell, task_rows
from fengong.schema import Plan


def rows_to_csv(columns: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    """Return CSV text: a BOM, the header row ``columns``, then ``rows`` (None as empty),
    lines ended by CRLF."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return "\ufeff" + buffer.getvalue()


def plans_to_csv(plans: list[Plan]) -> str:
    """Return the tasks of ``plans`` as CSV text: one header row, one row per task."""
    return rows_to_csv(COLUMNS, (row for plan in plans for row in task_rows(plan)))
