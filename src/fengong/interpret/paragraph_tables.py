"""Tables a copy printed as paragraphs, one cell per line, with no row numbers.

A web page's table copied as text can come out one cell per line with blank lines between
(81, 83: ``领域`` / ``主要目标`` / ``主要责任单位`` / ``责任单位``, then the goals, each
followed by its units one per line). Without a 序号 column nothing marks where a row starts
(``parsers/pipe_table.py`` reads the numbered kind); what does is the genre's own order: a
row's text, then the units that carry it. So, after a run of short paragraphs that reads as
a header naming units, the paragraphs are cut into rows where a run of unit names ends:

- a row is its text lines, then its unit lines (a line that reads as units opens the run;
  short label lines go on with it: a clipped name such as ``省人口计生``);
- the text goes to the last text column before the unit columns; with two unit columns or
  more, each but the last takes one unit line and the last takes the rest (the copy prints
  no boundary between them; a ``paragraph-table`` warning says so);
- a numbered line followed by dash items (``1.提高出生人口质量。`` then ``——…``) is the
  heading of those items: a section row of its own, the items one task;
- text lines left with no units after the last row are not a row (the copy was cut).

This runs only on a document that holds no table, so it never second-guesses a reader.
"""

from __future__ import annotations

import re

from fengong.document import Block, Cell, Paragraph, Row, Table
from fengong.interpret.flattened_tables import flattened_table
from fengong.interpret.headers import is_header_row, label_kind
from fengong.interpret.notes import Note
from fengong.interpret.numbering import item_numbering, split_numbering
from fengong.interpret.units import looks_like_units
from fengong.schema import UNIT_ROLES
from fengong.textnorm import ends_sentence

_HEADER_LABEL = re.compile(r"^[\u4e00-\u9fff\s]{2,12}$")
_UNIT_LINE_MAX = 20
_MIN_ROWS = 3


def _label(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _header_at(blocks: list[Block], start: int) -> int:
    """Length of the run of header paragraphs at ``start`` (0 when there is none): short
    labels, at least three, that read as a header with a unit column last."""
    end = start
    while end < len(blocks):
        block = blocks[end]
        if not isinstance(block, Paragraph) or not _HEADER_LABEL.match(block.text.strip()):
            break
        end += 1
    labels = [_label(b.text) for b in blocks[start:end] if isinstance(b, Paragraph)]
    if len(labels) < 3 or not is_header_row(labels):
        return 0
    if label_kind(labels[-1]) not in UNIT_ROLES:
        return 0
    return end - start


def _is_unit_line(text: str, in_units: bool) -> bool:
    flat = _label(text)
    if not flat or len(flat) > _UNIT_LINE_MAX or ends_sentence(flat) or "，" in flat:
        return False
    if item_numbering(flat) is not None:
        return False
    return looks_like_units(flat) or (in_units and bool(_HEADER_LABEL.match(flat)))


def _rows(paragraphs: list[Paragraph]) -> list[tuple[list[Paragraph], list[Paragraph]]]:
    """Cut paragraphs into (text lines, unit lines) pairs."""
    rows: list[tuple[list[Paragraph], list[Paragraph]]] = []
    texts: list[Paragraph] = []
    units: list[Paragraph] = []
    for para in paragraphs:
        if _is_unit_line(para.text, bool(units)) and (texts or units):
            units.append(para)
            continue
        if units:
            rows.append((texts, units))
            texts, units = [], []
        texts.append(para)
    if units:
        rows.append((texts, units))
    return rows


def _heading_over_items(texts: list[Paragraph]) -> bool:
    if len(texts) < 2 or split_numbering(texts[0].text.strip()) is None:
        return False
    return all(
        (n := item_numbering(t.text.strip())) is not None and n.style == "bullet" for t in texts[1:]
    )


def _table(labels: list[Paragraph], rows: list[tuple[list[Paragraph], list[Paragraph]]]) -> Table:
    names = [_label(p.text) for p in labels]
    width = len(names)
    unit_cols = [i for i, name in enumerate(names) if label_kind(name) in UNIT_ROLES]
    first_unit = unit_cols[0]
    text_col = max(first_unit - 1, 0)
    out = [Row([Cell(p.text.strip()) for p in labels], labels[0].provenance)]
    for texts, units in rows:
        if _heading_over_items(texts):
            cells = [Cell("") for _ in range(width)]
            cells[0] = Cell(texts[0].text.strip())  # a heading row spans the table
            out.append(Row(list(cells), texts[0].provenance))
            texts = texts[1:]
        cells = [Cell("") for _ in range(width)]
        cells[text_col] = Cell("\n".join(t.text.strip() for t in texts))
        lines = [u.text.strip() for u in units]
        for k, col in enumerate(unit_cols):
            if k == len(unit_cols) - 1:
                cells[col] = Cell("，".join(lines[k:]))  # one unit per paragraph
            elif k < len(lines):
                cells[col] = Cell(lines[k])
        where = (texts or units)[0].provenance
        out.append(Row(list(cells), where))
    return Table(out, labels[0].provenance)


def paragraph_tables(blocks: list[Block], notes: list[Note]) -> tuple[list[Block], list[Table]]:
    """Return ``blocks`` with a table printed as paragraphs (see the module's docstring)
    made a ``Table``, and the tables so made; a ``paragraph-table`` note for each goes to
    ``notes``. A document that holds a table is returned as it is.

    Every cell of such a table was printed, so a cell left empty is empty: its tables are
    read as tables whose merges show (nothing continues the cell above)."""
    if any(isinstance(b, Table) for b in blocks):
        return blocks, []
    for start in range(len(blocks)):
        size = _header_at(blocks, start)
        if not size:
            continue
        body = [b for b in blocks[start + size :] if isinstance(b, Paragraph)]
        rows = _rows(body)
        if len(rows) < _MIN_ROWS:
            continue
        labels = [b for b in blocks[start : start + size] if isinstance(b, Paragraph)]
        table = _table(labels, rows)
        last = rows[-1][1][-1]
        end = next(i for i, b in enumerate(blocks) if b is last) + 1
        unit_labels = [_label(p.text) for p in labels if label_kind(_label(p.text)) in UNIT_ROLES]
        split = (
            f"; each row's first unit line taken as the {unit_labels[0]} cell, "
            f"the others as the {unit_labels[-1]} cell"
            if len(unit_labels) > 1
            else ""
        )
        notes.append(
            Note(
                "paragraph-table",
                "paragraphs read as the cells of a table printed one cell per line "
                f"(header {' | '.join(_label(p.text) for p in labels)}): rows cut where a "
                f"run of unit names ends{split}",
                labels[0].provenance,
            )
        )
        return [*blocks[:start], table, *blocks[end:]], [table]
    return flattened_table(blocks, notes)
