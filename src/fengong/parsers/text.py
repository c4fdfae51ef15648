"""Plain-text plans: text copied out of a PDF, a Word file or a web page.

Such copies keep a table's cells in one of a few shapes, recognised by the text's own
shape, never by the file name:

- ``tsv``: one row per line, cells separated by tabs;
- ``indent-cells``: one cell per line, each cell's first line starting with a tab,
  rows separated by blank lines, cell text wrapped onto untabbed lines;
- ``pipe-cells``: cells separated by ``|``, one row per line or one cell per line
  (``pipe_table.py`` says how rows are found);
- ``space-cells``: a header starting with 序号 and numbered rows, cells separated by white
  space (``space_table.py``);
- ``csv``: the whole text is comma-separated records (``csv_table.py``); a two-column table
  with a tab between its cells is ``tsv`` too;
- ``prose``: every other non-blank line is a paragraph.

HTML tags left in cells are stripped (``</p><p>`` becomes a line break). A blank line
inside a tab table is the copy's trace of a page break and is recorded on the next row.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from fengong.document import Cell, Document, Paragraph, Provenance, Row, Table
from fengong.errors import EmptyDocumentError
from fengong.parsers.csv_table import csv_table
from fengong.parsers.encoding import decode_text
from fengong.parsers.pipe_table import line_cell_table_at, pipe_run_starts, read_pipe_table
from fengong.parsers.space_table import space_table_at
from fengong.textnorm import (
    remove_garbled_numbering,
    remove_lost_characters,
    remove_page_counters,
    remove_pinyin,
)

_TAG = re.compile(r"<[^<>]{0,200}>")
_PARA_BREAK = re.compile(r"</p\s*>\s*<p(?:\s[^<>]*)?>|<br\s*/?>|</?p(?:\s[^<>]*)?>\s*(?=<p)", re.I)


def strip_html(text: str) -> str:
    """Remove HTML tags from a cell; paragraph and line-break tags become ``\\n``."""
    if "<" not in text and "&" not in text:
        return text.strip()
    text = _PARA_BREAK.sub("\n", text)
    text = _TAG.sub("", text)
    return "\n".join(line.strip() for line in html.unescape(text).split("\n")).strip()


# noise a copy adds to a plan's text, removed before reading, each with a warning
_REPAIRS = (
    (remove_pinyin, "pinyin-removed", "pinyin readings printed after characters"),
    (
        remove_lost_characters,
        "lost-characters-removed",
        "runs of '?' opening lines (characters the copy could not encode)",
    ),
    (remove_page_counters, "page-counters-removed", "page counters (第N页共M页) inside the text"),
    (
        remove_garbled_numbering,
        "garbled-numbering-removed",
        "numberings garbled by a wrong decoding (box-drawing characters opening lines)",
    ),
)


def _is_tsv_line(line: str) -> bool:
    cells = line.split("\t")
    return len(cells) >= 3 or (len(cells) == 2 and cells[0].strip() != "")


def _is_indent_line(line: str) -> bool:
    return line.startswith("\t") and line.count("\t") == 1


@dataclass
class _Lines:
    """The decoded lines with 1-based numbering helpers."""

    lines: list[str]

    def __len__(self) -> int:
        return len(self.lines)

    def blank(self, i: int) -> bool:
        return not self.lines[i].strip()

    def empty(self, i: int) -> bool:
        """A line with nothing on it, not even a tab (a tab alone is an empty cell)."""
        return "\t" not in self.lines[i] and not self.lines[i].strip()


class TextReader:
    """Reader for plain text in any supported encoding."""

    name = "text"

    def read(self, data: bytes) -> Document:
        """Return the paragraphs and tables of a text plan, with line numbers."""
        text, encoding = decode_text(data)
        if not text.strip():
            raise EmptyDocumentError("the file holds no text")
        repaired = []
        for remove, code, what in _REPAIRS:
            text, count = remove(text)
            if count:
                repaired.append((code, f"{count} {what} removed", Provenance(line=1)))
        doc = read_text(text)
        doc.notes.extend(reversed(repaired))
        if encoding not in ("utf-8", "utf-8-sig"):
            doc.notes.append(("encoding", f"text decoded as {encoding}", Provenance(line=1)))
        return doc


def read_text(text: str) -> Document:
    """Return the ``Document`` for already-decoded text (``\\n`` line endings)."""
    table = csv_table(text) if "\t" not in text else None
    if table is not None:
        return Document(blocks=[table], format="text", layout="csv", merges_visible=False)
    lines = _Lines(text.split("\n"))
    tsv_lines = sum(1 for line in lines.lines if _is_tsv_line(line) and line.count("\t") >= 2)
    pairs = sum(1 for line in lines.lines if line.count("\t") == 1 and _is_tsv_line(line))
    filled = sum(1 for line in lines.lines if line.strip())
    two_columns = pairs >= 3 and pairs >= 0.5 * filled  # a two-column table, a tab apart
    indent_lines = sum(1 for line in lines.lines if _is_indent_line(line))
    tab_mode = (
        "tsv" if tsv_lines >= 2 or two_columns else ("indent-cells" if indent_lines >= 3 else None)
    )

    blocks: list[Paragraph | Table] = []
    kinds: list[str] = []
    i = 0
    while i < len(lines):
        line = lines.lines[i]
        if lines.empty(i) or (not line.strip() and tab_mode != "indent-cells"):
            i += 1
            continue
        line_table = line_cell_table_at(lines.lines, i) if tab_mode is None else None
        space_table = space_table_at(lines.lines, i) if tab_mode is None else None
        if space_table is not None:
            before, table, end = space_table
            if strip_html(before):
                blocks.append(Paragraph(strip_html(before), Provenance(line=i + 1)))
            i = end
            kinds.append("space-cells")
        elif line_table is not None:
            table, i = line_table
            kinds.append("line-cells")
        elif pipe_run_starts(lines.lines, i):
            table, i = read_pipe_table(lines.lines, i, strip_html)
            kinds.append("pipe-cells")
        elif tab_mode == "tsv" and (_is_tsv_line(line) or _is_indent_line(line)):
            table, i = _read_tsv_table(lines, i)
            kinds.append("tsv")
        elif tab_mode == "indent-cells" and line.startswith("\t"):
            table, i = _read_indent_table(lines, i)
            kinds.append("indent-cells")
        else:
            text_line = strip_html(line)
            if text_line:
                blocks.append(Paragraph(text_line, Provenance(line=i + 1)))
            i += 1
            continue
        table.provenance = Provenance(line=table.rows[0].provenance.line if table.rows else i)
        blocks.append(table)

    tables = [b for b in blocks if isinstance(b, Table)]
    for index, table in enumerate(tables):
        table.provenance = Provenance(line=table.provenance.line, table=index)
        for r, row in enumerate(table.rows):
            row.provenance = Provenance(line=row.provenance.line, table=index, row=r)
    layout = "+".join(dict.fromkeys(kinds)) if kinds else "prose"
    if kinds and any(isinstance(b, Paragraph) for b in blocks):
        layout = layout if layout.startswith("prose") else f"prose+{layout}"
    return Document(blocks=blocks, format="text", layout=layout, merges_visible=False)


# --- tsv -----------------------------------------------------------------------------


def _read_tsv_table(lines: _Lines, start: int) -> tuple[Table, int]:
    rows: list[Row] = []
    i, gap = start, False
    while i < len(lines):
        line = lines.lines[i]
        if lines.blank(i):
            gap, i = True, i + 1
            continue
        if not (_is_tsv_line(line) or _is_indent_line(line)):
            break
        cells = [Cell(strip_html(c)) for c in line.split("\t")]
        rows.append(Row(list(cells), Provenance(line=i + 1), after_break=gap and bool(rows)))
        gap, i = False, i + 1
    while i > start and lines.blank(i - 1):
        i -= 1
    return Table(rows), i


# --- indent-cells ----------------------------------------------------------------------


def _read_indent_table(lines: _Lines, start: int) -> tuple[Table, int]:
    rows: list[Row] = []
    i = start
    while i < len(lines):
        if lines.empty(i):
            i += 1
            continue
        if not lines.lines[i].startswith("\t"):
            break
        block_start, cells = i, list[str]()
        while i < len(lines) and not lines.empty(i):
            line = lines.lines[i]
            if line.startswith("\t") or not cells:
                cells.append(line.lstrip("\t"))
            else:
                cells[-1] += "\n" + line
            i += 1
        rows.append(Row([Cell(strip_html(c)) for c in cells], Provenance(line=block_start + 1)))
    return Table(rows), i
