"""Plan → XLSX (openpyxl): a header row, frozen panes, wrapped text, sensible widths."""

from __future__ import annotations

import io

from fengong.exporters.rows import COLUMNS, task_rows
from fengong.schema import Plan

WIDTHS = {"task": 60, "criteria": 40, "measures": 40, "section": 30, "title": 24,
          "lead": 18, "responsible": 18, "support": 18, "file": 24, "deadline": 16}  # fmt: skip


def plans_to_xlsx(plans: list[Plan]) -> bytes:
    """Return an XLSX workbook with one sheet of tasks (one row per task)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "tasks"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for plan in plans:
        for row in task_rows(plan):
            sheet.append(row)
    for index, name in enumerate(COLUMNS, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = WIDTHS.get(name, 10)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
