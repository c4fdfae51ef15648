"""Plain-text plans: text copied out of a PDF, a Word file or a web page.

Such copies keep a table's cells in one of a few shapes, recognised by the text's own
shape, never by the file name:

- ``tsv``: one row per line, cells separated by tabs;
- ``indent-cells``: one cell per line, each cell's first line starting with a tab,
  rows separated by blank lines, cell text wrapped onto untabbed lines;
- ``pipe-cells``: one cell per line ending in ``|`` (a cell broken over lines ends on the
  line that carries the ``|``); rows are as wide as the run of numbers in the first
  column says;
- ``prose``: every other non-blank line is a paragraph.

HTML tags left in cells are stripped (``</p><p>`` becomes a line break). A blank line
inside a tab table is the copy's trace of a page break and is recorded on the next row.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from fengong.document import Cell, Document, Paragraph, Provenance, Row, Table
from fengong.errors import EmptyDocumentError
from fengong.parsers.encoding import decode_text

_TAG = re.compile(r"<[^<>]{0,200}>")
_PARA_BREAK = re.compile(r"</p\s*>\s*<p(?:\s[^<>]*)?>|<br\s*/?>|</?p(?:\s[^<>]*)?>\s*(?=<p)", re.I)


def strip_html(text: str) -> str:
    """Remove HTML tags from a cell; paragraph and line-break tags become ``\\n``."""
    if "<" not in text and "&" not in text:
        return text.strip()
    text = _PARA_BREAK.sub("\n", text)
    text = _TAG.sub("", text)
    return "\n".join(line.strip() for line in html.unescape(text).split("\n")).strip()


def _is_tsv_line(line: str) -> bool:
    cells = line.split("\t")
    return len(cells) >= 3 or (len(cells) == 2 and cells[0].strip() != "")


def _is_indent_line(line: str) -> bool:
    return line.startswith("\t") and line.count("\t") == 1


def _is_pipe_line(line: str) -> bool:
    return line.rstrip().endswith("|")


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
    suffixes = (".txt", ".text", ".csv", ".tsv", ".md")

    def sniff(self, head: bytes) -> bool:
        """Text is the fallback format: anything that decodes is text."""
        try:
            decode_text(head)
        except Exception:
            return False
        return True

    def read(self, data: bytes) -> Document:
        """Return the paragraphs and tables of a text plan, with line numbers."""
        text, encoding = decode_text(data)
        if not text.strip():
            raise EmptyDocumentError("the file holds no text")
        doc = read_text(text)
        if encoding not in ("utf-8", "utf-8-sig"):
            doc.notes.append(("encoding", f"text decoded as {encoding}", Provenance(line=1)))
        return doc


def read_text(text: str) -> Document:
    """Return the ``Document`` for already-decoded text (``\\n`` line endings)."""
    lines = _Lines(text.split("\n"))
    tsv_lines = sum(1 for line in lines.lines if _is_tsv_line(line) and line.count("\t") >= 2)
    indent_lines = sum(1 for line in lines.lines if _is_indent_line(line))
    tab_mode = "tsv" if tsv_lines >= 2 else ("indent-cells" if indent_lines >= 3 else None)

    blocks: list[Paragraph | Table] = []
    kinds: list[str] = []
    i = 0
    while i < len(lines):
        line = lines.lines[i]
        if lines.empty(i) or (not line.strip() and tab_mode != "indent-cells"):
            i += 1
            continue
        if _is_pipe_line(line) and _pipe_run_starts(lines, i):
            table, i = _read_pipe_table(lines, i)
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


# --- pipe-cells ------------------------------------------------------------------------


def _pipe_run_starts(lines: _Lines, start: int) -> bool:
    """A pipe table needs a run of several cell lines, not one stray ``|``."""
    found = 0
    for j in range(start, min(len(lines), start + 12)):
        found += _is_pipe_line(lines.lines[j])
    return found >= 4


def _pipe_cells(lines: _Lines, start: int) -> Iterator[tuple[str, int, int]]:
    """Yield ``(cell text, first line index, next line index)`` for each ``|`` cell."""
    i, buf, first = start, [], start
    while i < len(lines):
        line = lines.lines[i]
        if _is_pipe_line(line):
            buf.append(line.rstrip()[:-1].rstrip())
            yield "\n".join(buf).strip(), first, i + 1
            buf, first = [], i + 1
        elif lines.blank(i) and not buf:
            first = i + 1
        elif not lines.blank(i):
            if not any(_is_pipe_line(lines.lines[j]) for j in range(i, min(len(lines), i + 3))):
                return
            buf.append(line)
        i += 1


def _row_width(texts: list[str]) -> tuple[int, int]:
    """Return ``(width, index of the first body cell)`` from the run of row numbers.

    Row numbers 1, 2, 3 … in the first column recur once per row; the most common gap
    between them is the row width and the cells before ``1`` are the header.
    """
    positions: list[int] = []
    expected = 1
    for idx, text in enumerate(texts):
        if text.strip() == str(expected):
            positions.append(idx)
            expected += 1
    if len(positions) >= 2:
        gaps = Counter(b - a for a, b in pairwise(positions))
        width = gaps.most_common(1)[0][0]
        return width, positions[0]
    return max(1, len(texts)), 0


def _read_pipe_table(lines: _Lines, start: int) -> tuple[Table, int]:
    cells = list(_pipe_cells(lines, start))
    end = cells[-1][2] if cells else start + 1
    texts = [strip_html(c[0]) for c in cells]
    width, body = _row_width(texts)
    rows: list[Row] = []
    if body:
        header = cells[max(0, body - width) : body]
        rows.append(_pipe_row(header))
    number = 1
    i = body
    while i < len(cells):
        j = i + 1
        while j < len(cells) and not (texts[j].strip() == str(number + 1) and j - i >= 2):
            j += 1
        rows.append(_pipe_row(cells[i:j]))
        number, i = number + 1, j
    return Table(rows), end


def _pipe_row(cells: list[tuple[str, int, int]]) -> Row:
    return Row([Cell(strip_html(t)) for t, _, _ in cells], Provenance(line=cells[0][1] + 1))
