"""Comma-separated tables: a spreadsheet saved as CSV, or a table exported as CSV text.

Recognised by content, not by the file name: the whole text parses as CSV records of two
fields or more, four records in five of one width, the first a header of short labels (so
prose that happens to use ASCII commas is not taken for a table)."""

from __future__ import annotations

import csv
from collections import Counter

from fengong.document import Cell, Provenance, Row, Table

MIN_RECORDS = 3


def csv_table(text: str) -> Table | None:
    """Return the table the whole ``text`` holds as CSV, or None when it is not CSV."""
    lines = [(i, line) for i, line in enumerate(text.split("\n")) if line.strip()]
    if len(lines) < MIN_RECORDS or not any("," in line for _, line in lines[:3]):
        return None
    if not _is_header(lines[0][1]):
        return None  # no header row: sentences with commas, not records
    try:
        records = list(csv.reader([line for _, line in lines], strict=True))
    except csv.Error:
        return None
    if len(records) != len(lines):
        return None  # a quoted cell ran over lines: read those as text
    width, count = Counter(len(r) for r in records).most_common(1)[0]
    if width < 2 or count < 0.8 * len(records):
        return None
    rows = [
        Row([Cell(c.strip()) for c in record], Provenance(line=i + 1))
        for (i, _), record in zip(lines, records, strict=True)
    ]
    return Table(rows)


def _is_header(line: str) -> bool:
    """A first record of short labels (a sentence with commas is no header)."""
    try:
        fields = next(csv.reader([line], strict=True))
    except csv.Error:
        return False
    return not any(len(f.strip()) > 20 or "。" in f for f in fields)
