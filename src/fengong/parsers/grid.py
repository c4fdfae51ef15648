"""Helpers shared by the readers that place cells on a grid themselves (HTML, XLSX)."""

from __future__ import annotations

from fengong.document import Cell, Paragraph, Row


def _filled(row: Row) -> list[Cell]:
    return [c for c in row.cells if c is not None and c.text.strip()]


def split_title_rows(rows: list[Row]) -> tuple[list[Paragraph], list[Row]]:
    """Take the title rows off the top of a table: the leading rows that print one cell
    (a title merged across the table, a subtitle, an ``附件1`` label) above the first row
    of two cells or more. Returns them as paragraphs, and the rows left. A table with no
    row of two cells keeps all its rows."""
    k = 0
    while k < len(rows) and len(_filled(rows[k])) <= 1:
        if any(c is not None and c.row_span > 1 for c in rows[k].cells):
            return [], rows  # a cell reaching into the rows below is no title
        k += 1
    if k == len(rows):
        return [], rows
    titles = [
        Paragraph(cells[0].text.replace("\n", ""), rows[i].provenance)
        for i in range(k)
        if (cells := _filled(rows[i]))
    ]
    return titles, rows[k:]
