"""Plan → CSV, one task per row, UTF-8 with a BOM so that Excel opens Chinese correctly."""

from __future__ import annotations

import csv
import io

from fengong.exporters.rows import COLUMNS, task_rows
from fengong.schema import Plan


def plans_to_csv(plans: list[Plan]) -> str:
    """Return the tasks of ``plans`` as CSV text: a BOM, one header row, one row per task."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for plan in plans:
        writer.writerows(["" if v is None else v for v in row] for row in task_rows(plan))
    return "\ufeff" + buffer.getvalue()
