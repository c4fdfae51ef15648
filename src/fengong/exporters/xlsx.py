"""Rows → XLSX (openpyxl): a header row, frozen panes, wrapped text, sensible widths."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from fengong.exporters.rows import COLUMNS, Cell, task_rows
from fengong.schema import Plan

WIDTHS = {"task": 60, "criteria": 40, "measures": 40, "section": 30, "title": 24,
          "lead": 18, "responsible": 18, "support": 18, "file": 24, "deadline": 16,
          "unit": 24}  # fmt: skip


def _height(row: Sequence[Cell], widths: list[int]) -> float:
    """Row height in points for wrapped text: spreadsheet programs do not always grow a
    row to fit on opening. A CJK character is about two width units."""
    lines = 1
    for value, width in zip(row, widths, strict=True):
        if isinstance(value, str) and value:
            wrapped = sum(
                -(-max(len(part) * 2, 1) // max(width - 1, 1)) for part in value.split("\n")
            )
            lines = max(lines, wrapped)
    return min(15.0 * lines, 409.0)


def rows_to_xlsx(
    columns: Sequence[str], rows: Iterable[Sequence[Cell]], sheet_title: str = "tasks"
) -> bytes:
    """Return an XLSX workbook of one sheet: a bold, frozen header row of ``columns``
    with a filter, then ``rows``, text wrapped, widths by column name."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    widths = [WIDTHS.get(name, 10) for name in columns]
    for row in rows:
        sheet.append(list(row))
        sheet.row_dimensions[sheet.max_row].height = _height(row, widths)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = width
    for sheet_row in sheet.iter_rows(min_row=2):
        for cell in sheet_row:
            cell.alignment = wrap
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def plans_to_xlsx(plans: list[Plan]) -> bytes:
    """Return an XLSX workbook with one sheet of tasks (one row per task)."""
    return rows_to_xlsx(COLUMNS, (row for plan in plans for row in task_rows(plan)))
