"""Tables copied with ``|`` between cells, in the shapes web pages and PDF copies give.

A copy terminates every cell with ``|`` (``序号 | 工作任务 | 责任单位 |``), or also opens each
row with one (``| a | b |``, Markdown); a cell's text may hold line breaks. Rows are found
by the copy's shape, in this order:

- *Markdown rows*: the region starts with ``|``; two pipes with only a line break between
  them close one row and open the next.
- *one row per line*: most lines hold several pipes; a cell that starts a line starts a
  row, except an empty cell (a lone ``|``), which ends the row above.
- *one cell per line*: rows start at the run of row numbers 1, 2, 3 … (the 序号 column; a
  page that starts inside a table runs from its first number); cells before it are the
  header. A numbered heading followed only by empty cells
  (``一、主要预期目标 | ||||``) is a row of its own. Without row numbers, rows are as wide
  as the header.

The reader never fills or moves cells: a row the copy printed short (the cells a merge
covered are simply missing) stays short, for the interpreter to place.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from fengong.document import Cell, Provenance, Row, Table
from fengong.item_numbers import HEADING_NUMBER, ROW_NUMBER

_ROW_NUMBER = re.compile(rf"^{ROW_NUMBER}$")
_HEADING_CELL = re.compile(rf"^(?:{HEADING_NUMBER})")


@dataclass
class PipeCell:
    """One cell of a pipe copy: its text (lines kept), the 0-based line it starts on,
    whether it starts a line, and whether it is a lone pipe break (blank, with a line
    break inside)."""

    text: str
    line: int
    starts_line: bool
    line_break_only: bool = False


def is_pipe_line(line: str) -> bool:
    """A line that carries at least one cell separator."""
    return "|" in line


def pipe_run_starts(lines: list[str], start: int) -> bool:
    """A pipe table needs a run of several lines with pipes, not one stray ``|``. A
    line without a pipe followed by a lone ``|``, or by a cell opened with one (``| 项目内容``,
    one cell per line), is the table's first cell."""
    if not is_pipe_line(lines[start]):
        following = lines[start + 1].strip() if start + 1 < len(lines) else ""
        opens_cell = following.startswith("|") and following.count("|") == 1
        if not lines[start].strip() or not (following == "|" or opens_cell):
            return False
        start += 1
    window = lines[start : start + 12]
    return sum(is_pipe_line(line) for line in window) >= 4


_REGION_GAP = 8


def pipe_region_end(lines: list[str], start: int) -> int:
    """Index of the first line after the pipe region that starts at ``start``: lines
    without a pipe stay in it while a pipe line follows within eight lines (a cell's units
    one per line, a row number between two rows), unless one is the caption of a table
    whose header row follows it."""
    i = start + (not is_pipe_line(lines[start]))
    while i < len(lines):
        if not is_pipe_line(lines[i]) and not any(
            is_pipe_line(lines[j]) for j in range(i, min(len(lines), i + _REGION_GAP))
        ):
            break
        if _caption_before_header(lines, i):
            break
        i += 1
    while i > start and not lines[i - 1].strip():
        i -= 1
    return i


_HEADER_LINE = re.compile(r"^\s*(?:序号|序號|编号|編號)\s*\|")


def _caption_before_header(lines: list[str], i: int) -> bool:
    """A line without a pipe right before a header row opening with 序号: the caption of
    the table that starts there (156: the site's metadata rows, then ``2022年区政府民生实事
    项目进展情况表(截至9月底)``, then ``序号 | 项目内容 | …``), not a cell of the rows above."""
    return (
        bool(lines[i].strip())
        and not is_pipe_line(lines[i])
        and i + 1 < len(lines)
        and bool(_HEADER_LINE.match(lines[i + 1]))
    )


def pipe_cells(lines: list[str], start: int, end: int) -> tuple[list[PipeCell], bool]:
    """Cut the region into cells; returns the cells and whether rows open with a pipe."""
    text = "\n".join(lines[start:end])
    # ``| a |`` rows: a lone pipe closing one row and another opening the next
    leading = text.lstrip().startswith("|") and len(re.findall(r"\|[ \t]*\n[ \t]*\|", text)) >= 2
    pieces = text.split("|")
    cells: list[PipeCell] = []
    line = start
    for index, piece in enumerate(pieces):
        lead_space = piece[: len(piece) - len(piece.lstrip())]
        first_line = line + lead_space.count("\n")
        line += piece.count("\n")
        if index == 0 and leading:
            continue
        content = "\n".join(part.strip() for part in piece.strip().split("\n"))
        if index == len(pieces) - 1 and not content:
            continue
        cells.append(
            PipeCell(
                text=content,
                line=first_line,
                starts_line=index == 0 or "\n" in lead_space,
                line_break_only=not content and "\n" in piece,
            )
        )
    return cells, leading


def _markdown_rows(cells: list[PipeCell]) -> list[list[PipeCell]]:
    rows: list[list[PipeCell]] = [[]]
    for cell in cells:
        if cell.line_break_only:
            rows.append([])
        else:
            rows[-1].append(cell)
    return [r for r in rows if r]


def _line_rows(cells: list[PipeCell]) -> list[list[PipeCell]]:
    rows: list[list[PipeCell]] = []
    for cell in cells:
        if not rows or (cell.starts_line and cell.text):
            rows.append([cell])
        else:
            rows[-1].append(cell)
    return rows


def _number_positions(cells: list[PipeCell]) -> list[int]:
    """Positions of the run n, n+1, n+2 … of row numbers, at least two cells apart: from 1,
    or, for a page that starts inside a table (the second page of a web copy), from the
    first row number that its successor follows."""
    starts = [i for i, c in enumerate(cells) if _ROW_NUMBER.match(c.text)][:5]
    best: list[int] = []
    for start in starts:
        run = _run_from(cells, start)
        if len(run) > len(best) or (len(run) == len(best) and run and _value(cells[run[0]]) == 1):
            best = run
        if best and _value(cells[best[0]]) == 1:
            break
    return best if len(best) >= 2 else []


def _value(cell: PipeCell) -> int:
    if not _ROW_NUMBER.match(cell.text):
        return -1
    return int("".join(ch for ch in cell.text if ch.isdigit()))


def _run_from(cells: list[PipeCell], start: int) -> list[int]:
    """Row numbers from ``start`` on: n, n+1, n+2 …; when n+1 is nowhere after n, the
    next larger number (a plan that prints only its share of a longer list: 6, 52, 53 …)."""
    values = [_value(c) for c in cells]
    last_at = {v: i for i, v in enumerate(values)}  # where each number last stands
    positions = [start]
    expected = values[start] + 1
    i = start + 2
    while i < len(cells):
        if values[i] == expected or (
            values[i] > expected and last_at.get(expected, -1) < positions[-1] + 2
        ):
            positions.append(i)
            expected = values[i] + 1
            i += 2
            continue
        i += 1
    return positions


def _split_heading_rows(chunk: list[PipeCell]) -> list[list[PipeCell]]:
    """A numbered heading followed by two or more empty cells is a row of its own."""
    out: list[list[PipeCell]] = [[]]
    i = 0
    while i < len(chunk):
        cell = chunk[i]
        j = i + 1
        while j < len(chunk) and not chunk[j].text:
            j += 1
        if _HEADING_CELL.match(cell.text) and j - i >= 3:
            out.append(chunk[i:j])
            out.append([])
            i = j
            continue
        out[-1].append(cell)
        i += 1
    return [r for r in out if any(c.text for c in r)]


def _header_rows(head: list[PipeCell], width: int) -> list[list[PipeCell]]:
    """The header of a one-cell-per-line copy: the cells before the first row number. A
    two-row header (``责任单位`` over ``牵头单位`` / ``协助单位``) prints each row padded with
    empty cells to the table's width: labels, a run of empty cells, then the sub-labels
    and their padding. Such a header is two rows, the second as the copy printed it."""
    labels = [i for i, c in enumerate(head) if c.text]
    if labels:
        first = labels[0]
        gaps = [i for i in range(first + 1, labels[-1]) if not head[i].text and head[i + 1].text]
        if len(gaps) == 1 and all(_LABEL_CELL.match(head[i].text) for i in labels):
            return [head[first : gaps[0]], head[gaps[0] + 1 :]]
    rows = _split_heading_rows(head)
    header = [rows.pop()] if rows else []
    if header and len(header[0]) > width:
        header = [header[0][-width:]]
    return header


def _cell_rows(cells: list[PipeCell]) -> list[list[PipeCell]]:
    positions = _number_positions(cells)
    if len(positions) >= 2:
        width = Counter(b - a for a, b in pairwise(positions)).most_common(1)[0][0]
        head = cells[: positions[0]]
        header = _header_rows(head, width)
        bounds = [*positions, len(cells)]
        body = [r for a, b in pairwise(bounds) for r in _split_heading_rows(cells[a:b])]
        return header + body
    led = _rows_led_by_bare_lines(cells)
    if led is not None:
        return led
    # the header ends at the first row number, or else at the first cell of running text,
    # unless the running text recurs every ``n`` cells with labels before it (158)
    first_row = next((i for i, c in enumerate(cells) if _ROW_NUMBER.match(c.text)), None)
    long_cell = next((i for i, c in enumerate(cells) if len(c.text) > 15), len(cells))
    width = (first_row if first_row and 2 <= first_row < long_cell else long_cell) or 1
    if first_row is None:
        width = _running_text_period(cells, long_cell) or width
    return [cells[i : i + width] for i in range(0, len(cells), width)]


def _rows_led_by_bare_lines(cells: list[PipeCell]) -> list[list[PipeCell]] | None:
    """Rows whose first cell is a line without a pipe and whose other cells each open a line
    with one (191: ``分 组`` / ``| 督查组牵头单位`` / ``| 督查单位`` … then ``第一组`` /
    ``| 市安监局`` …): the bare lines start the rows, when they are a minority of the cells
    and recur at one period for seven gaps in ten; else None."""
    starts = [i for i, c in enumerate(cells) if c.starts_line and c.text]
    texted = sum(1 for c in cells if c.text)
    if len(starts) < 3 or len(starts) * 2 > texted:
        return None
    gaps = Counter(b - a for a, b in pairwise(starts))
    width, count = gaps.most_common(1)[0]
    if width < 2 or count < 0.7 * (len(starts) - 1):
        return None
    return [cells[a:b] for a, b in pairwise([*starts, len(cells)])]


def _running_text_period(cells: list[PipeCell], first_long: int) -> int | None:
    """The width of rows printed one cell per line without row numbers, from the cells of
    running text recurring every ``n`` cells (158: ``名 称 | 责任单位 | 工作任务与目标 |`` then
    ``门前六包 | 市容大队 | 保持门店门前清洁有序…`` …): ``n`` when the header's ``n`` cells
    are labels and short cells come before the first running text, else None."""
    longs = [i for i, c in enumerate(cells) if len(c.text) > 15]
    gaps = Counter(b - a for a, b in pairwise(longs))
    if len(longs) < 4 or not gaps:
        return None
    period, count = gaps.most_common(1)[0]
    if count < 0.7 * (len(longs) - 1) or not 2 <= period < first_long:
        return None
    if not all(_is_label_cell(c.text) for c in cells[:period]):
        return None
    return period


def _texts_on_line(line: str) -> int:
    return sum(bool(part.strip()) for part in line.split("|"))


# a Markdown table's rule under its header: |---|:--:|
_RULE_CELL = re.compile(r"^:?-{3,}:?$")


def read_pipe_table(lines: list[str], start: int, clean: Callable[[str], str]) -> tuple[Table, int]:
    """Read the pipe table starting at line ``start``, each cell's text passed through
    ``clean``; returns the table and the index of the line after it."""
    end = pipe_region_end(lines, start)
    cells, leading = pipe_cells(lines, start, end)
    several = sum(_texts_on_line(line) >= 2 for line in lines[start:end])
    if leading:
        rows = _markdown_rows(cells)
    elif several >= 2 and several >= 0.3 * sum(is_pipe_line(x) for x in lines[start:end]):
        rows = _line_rows(cells)
    else:
        rows = _cell_rows(cells)
    table_rows = [
        Row([Cell(clean(c.text)) for c in row], Provenance(line=row[0].line + 1))
        for row in rows
        if row and not all(_RULE_CELL.match(c.text.strip()) for c in row)
    ]
    return Table(table_rows), end


# --- one cell per line, no separators ---------------------------------------------------

_NUMBER_HEADER = re.compile(r"^(?:序号|序號|编号|編號)$")
_LABEL_CELL = re.compile(r"^[^。，,；;]{1,14}$")


def _is_label_cell(text: str) -> bool:
    """A header label: short, no sentence punctuation, not a row number."""
    return bool(_LABEL_CELL.match(text)) and not _ROW_NUMBER.match(text)


def _number_label_at(lines: list[str], start: int) -> int | None:
    """How many labels stand before the 序号 label of a header starting at ``start`` (0
    when it starts with 序号, at most 2), or None when no 序号 label comes so soon."""
    labels = [line.strip() for line in lines[start : start + 12] if line.strip()][:3]
    for k, text in enumerate(labels):
        if _NUMBER_HEADER.match(text):
            return k
        if not _GROUP_LABEL.fullmatch(text):
            return None
    return None


# the label of a grouping column printed left of 序号 (考核项目, 领域): a few characters, no
# punctuation (page chrome such as ``• 字体:[ ]`` is none)
_GROUP_LABEL = re.compile(r"[\u4e00-\u9fff]{2,8}")


def _join_label_notes(labels: list[PipeCell]) -> list[PipeCell]:
    """A header label the copy broke before its bracketed note (``责任股室`` / ``(单位)``) is
    one label: a line that is only a bracket joins the label before it."""
    out: list[PipeCell] = []
    for cell in labels:
        if out and cell.text[:1] in "(（" and cell.text[-1:] in ")）":
            out[-1] = PipeCell(out[-1].text + cell.text, out[-1].line, True)
        else:
            out.append(cell)
    return out


# a label broken over two lines (``牵头责任`` / ``单位``, ``完成`` / ``时间``): the role or time
# word that wants its noun, and the noun on a line of its own
_LABEL_HEAD = re.compile(r"(?:牵头|责任|主办|承办|协办|配合|协同|参与|参加|协助|负责|完成|落实)$")
_LABEL_TAIL = re.compile(r"单位|部门|时间|时限|科室|处室|股室|(?:[省市县区镇乡]级?)?领导")


def _join_label_parts(labels: list[PipeCell], width: int) -> list[PipeCell]:
    """A header with more labels than its rows have cells, where a label is only the noun
    a label ends in (``单位``, ``时间``) after one ending in the word that wants it: the
    copy broke those labels over two lines (130: ``牵头责任`` / ``单位``; 125: ``牵头`` /
    ``部门``, ``完成`` / ``时间``), and each pair is one label (42's ``考核内容`` / ``单位`` are
    two). Joined left to right while the header is wider than ``width``."""
    out = list(labels)
    i = 1
    while len(out) > width and i < len(out):
        tail, head = out[i].text, out[i - 1].text
        if _LABEL_TAIL.fullmatch(tail) and _LABEL_HEAD.search(head):
            out[i - 1 : i + 1] = [PipeCell(head + tail, out[i - 1].line, True)]
        else:
            i += 1
    return out


def line_cell_table_at(lines: list[str], start: int) -> tuple[Table, int] | None:
    """A table printed one cell per line with no separator (a web page's table copied as
    text): a header of short labels holding 序号 at ``start`` or a label or two after it
    (42: a grouping column ``考核项目`` left of ``序号``), then rows each starting at the
    next number of the run 1, 2, 3 …. Returns the table and the next line, or None."""
    number_at = _number_label_at(lines, start)
    if number_at is None or any(is_pipe_line(line) for line in lines[start : start + 6]):
        return None
    cells: list[PipeCell] = []
    for i in range(start, len(lines)):
        text = lines[i].strip()
        if text:
            cells.append(PipeCell(text, i, True))
    header_end = next((k for k, c in enumerate(cells) if not _is_label_cell(c.text)), 0)
    # the cells the first row prints before its number (its grouping cells) are no labels
    header_end = max(0, header_end - number_at)
    body = cells[header_end:]
    positions = _number_positions(body)
    if header_end < 3 or len(positions) < 3 or positions[0] > 3:
        return None
    if number_at and positions[0] != number_at:
        return None  # the first row does not print the grouping cells the header names
    row_width = Counter(b - a for a, b in pairwise(positions)).most_common(1)[0][0]
    header = _join_label_parts(_join_label_notes(cells[:header_end]), row_width)
    width = len(header)
    last_end = min(len(body), positions[-1] + 2 * width)
    rows = [header]
    bounds = [*positions, last_end]
    rows += [body[a:b] for a, b in pairwise(bounds)]
    if positions[0] > 0 and number_at:
        rows[1] = body[: positions[0]] + rows[1]  # the first row's grouping cells
    elif positions[0] > 0:
        rows[1:1] = [body[: positions[0]]]
    table_rows = [
        Row([Cell(c.text) for c in row], Provenance(line=row[0].line + 1)) for row in rows if row
    ]
    end_line = body[last_end - 1].line + 1 if last_end else start + 1
    return Table(table_rows), end_line
