"""Tables printed with white space between cells (a web page's table copied as text:
``序号 工 作 任 务 牵头负责部门`` then ``1 居民消费价格涨幅3%左右 发展改革委``).

Such a table is recognised by its shape: a header line whose cells start with 序号 (it may end
a longer line: the copy ran the notice, the title and the header together), then at least
three rows numbered 1, 2, 3 …, a number, white space, and two or more cells. Letter-spaced
header cells (``工 作 任 务``) are one cell. In a row, the longest piece is the task's text;
the pieces after it are cells of their own (units, a deadline), those before it too. A heading
line between rows (``一、…``, ``（二）…``) is a section row, and numbering may start again
after it.
"""

from __future__ import annotations

import re
from itertools import pairwise

from fengong.document import Cell, Provenance, Row, Table
from fengong.item_numbers import DOT, HEADING_NUMBER
from fengong.textnorm import FIGURE

_GAP = re.compile(r"[ \u3000]+")
_NUMBER_LABEL = "序[号號]"  # in traditional script too (247: 序號 重點工作任務 牽頭責任單位)
_HEADER = re.compile(rf"(?:^|[ \u3000])({_NUMBER_LABEL}(?:[ \u3000]+\S+){{2,}})[ \u3000]*$")
_ROW = re.compile(rf"^[ \u3000]*(\d{{1,3}}){DOT}?[ \u3000]+(\S.*?)[ \u3000]*$")
_HEADING = re.compile(rf"^[ \u3000]*(?:{HEADING_NUMBER})\S")
MIN_ROWS = 3


def _header_cells(text: str) -> list[str]:
    """Split a header at white space, joining letter-spaced runs of single characters."""
    cells: list[str] = []
    run = ""
    for piece in _GAP.split(text.strip()):
        if len(piece) == 1:
            run += piece
            continue
        if run:
            cells.append(run)
            run = ""
        cells.append(piece)
    if run:
        cells.append(run)
    return cells


def _row_cells(number: str, rest: str) -> list[str] | None:
    pieces = _GAP.split(rest)
    if len(pieces) < 2:
        return None
    longest = max(range(len(pieces)), key=lambda k: len(pieces[k]))
    return [number, *pieces[:longest], pieces[longest], *pieces[longest + 1 :]]


# a row number in a run of rows, maybe after the heading of its section
_RUN_ROW = rf"[ \u3000]+(?:((?:{HEADING_NUMBER})\S{{{{2,40}}}})[ \u3000]+)?{{number}}[ \u3000]"


def _rows_run_into_one_line(line: str) -> list[str] | None:
    """The lines of a table whose header and rows a copy ran into one line (199: ``…序号 工 作
    内 容 责任部门 完成时限 一、… 1 推进… 各级…办公室 全年 2 出台… 四月份 3 …``): cut before
    each row number of the run 1, 2, 3 … (three at least) and before a heading right before
    one; the first line ends with the header. None when the line holds no such run."""
    label = re.search(_NUMBER_LABEL, line)
    if label is None or "|" in line or "\t" in line:
        return None
    at = label.start()
    cuts: list[int] = []
    pos = at
    for number in range(1, 1000):
        m = re.compile(_RUN_ROW.format(number=number)).search(line, pos)
        if m is None:
            break
        if m.group(1):
            cuts.append(m.start(1))
        cuts.append(m.end() - len(str(number)) - 1)
        pos = m.end()
    if sum(1 for c in cuts if line[c].isdigit()) < MIN_ROWS:
        return None
    bounds = [0, *cuts, len(line)]
    return [line[a:b].strip() for a, b in pairwise(bounds)]


def _unnumbered_row(line: str) -> bool:
    """A line of three cells or more, one of them a figure, that is no heading: a row whose
    number a merge left to the row above."""
    pieces = _GAP.split(line.strip())
    figures = [p for p in pieces if FIGURE.fullmatch(p)]
    opens_with_number = bool(figures) and figures[0] == pieces[0]  # a row out of its run
    return len(pieces) >= 3 and bool(figures) and not opens_with_number and not _HEADING.match(line)


_MAX_CELL_LINES = 4


def _cell_lines(lines: list[str], i: int, expected: int) -> list[str]:
    """Lines of one cell each (no white space inside) from ``i`` on, up to the next row of
    the run or a heading: the last cells of the row above, printed on lines of their own
    (246: ``2 一般公共预算收入增长5%左右。 区财政局`` / ``区税务局`` / ``区政府有关部门,…。``);
    [] when no row or heading follows them."""
    out: list[str] = []
    for line in lines[i : i + _MAX_CELL_LINES + 1]:
        row = _ROW.match(line)
        if (row and int(row.group(1)) in (expected, 1)) or _HEADING.match(line):
            return out
        if not line.strip() or _GAP.search(line.strip()) or len(out) == _MAX_CELL_LINES:
            return []
        out.append(line.strip())
    return []  # the table's last row: its cells go on past what can be told apart


def _continue_row(row: Row, more: list[str], width: int) -> None:
    """Add the cells printed on lines of their own to the row above. When they are more
    than the cells it lacks, the first lines continue the cell its first line ends with (a
    cell printed over several lines: 246's ``区财政局`` / ``区税务局``)."""
    lacking = max(width - len(row.cells), 0)
    spill = max(len(more) - lacking, 0)
    if spill:
        last = row.cells[-1]
        row.cells[-1] = Cell("\n".join([last.text if last else "", *more[:spill]]))
    row.cells.extend(Cell(text) for text in more[spill:])


def space_table_at(lines: list[str], start: int) -> tuple[str, Table, int] | None:
    """When a space-separated table's header is on line ``start``, return the text before
    the header on that line, the table (header, section and task rows, with line
    numbers) and the index of the first line after it; else None. A table run into one
    line is read from that line's rows (``_rows_run_into_one_line``)."""
    run = _rows_run_into_one_line(lines[start])
    if run is not None and len(run) > 1:
        found = space_table_at(run, 0)
        if found is None:
            return None
        before, table, _ = found
        for read in table.rows:
            read.provenance = Provenance(line=start + 1)
        return before, table, start + 1
    m = _HEADER.search(lines[start])
    if m is None or re.search(r"[|\t]", m.group(1)):  # pipe and tab tables have readers
        return None
    rows = [Row([Cell(c) for c in _header_cells(m.group(1))], Provenance(line=start + 1))]
    expected, tasks, i, end = 1, 0, start + 1, start + 1
    while i < len(lines):
        line = lines[i]
        row = _ROW.match(line)
        cells = _row_cells(row.group(1), row.group(2)) if row else None
        if not line.strip():
            i += 1
            continue
        if row and cells and int(row.group(1)) in (expected, 1):
            rows.append(Row([Cell(c) for c in cells], Provenance(line=i + 1)))
            expected, tasks = int(row.group(1)) + 1, tasks + 1
        elif tasks and _unnumbered_row(line):
            # a further row of the numbered one above (196: ``提质改造农村公路 公里 168 171.70
            # 102.2%`` under ``2 自然村通水泥(沥青)路 …``): its number cell is the merged one
            rows.append(Row([Cell(""), *(Cell(c) for c in _GAP.split(line.strip()))],
                            Provenance(line=i + 1)))  # fmt: skip
        elif _HEADING.match(line) and len(line.strip()) <= 60:
            rows.append(Row([Cell(line.strip())], Provenance(line=i + 1)))
        elif tasks and (more := _cell_lines(lines, i, expected)):
            _continue_row(rows[-1], more, len(rows[0].cells))
            i += len(more) - 1
        else:
            break
        i += 1
        end = i
    while len(rows) > 1 and len(rows[-1].cells) == 1:
        rows.pop()  # a heading after the last row belongs to what follows
        end = rows[-1].provenance.line or end
    if tasks < MIN_ROWS:
        return None
    return lines[start][: m.start(1)].strip(), Table(rows), end
