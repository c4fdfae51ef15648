"""Task tables → draft tasks (SPEC.md, Reading tables).

Each step is one function over plain rows of strings, in the order they run:

1. ``logical_tables``: table pieces on consecutive pages (or around a heading line the
   copy pulled out of the table) become one table; repeated headers are dropped.
2. ``fix_shifted_cells``: a row pushed right by a stray empty cell is put back.
3. ``join_broken_rows``: a row cut by a page break is joined back into one row.
4. ``rows_to_drafts``: section rows and grouping columns become the section path;
   every other row with a task is a draft task.
5. ``join_broken_cells`` and ``fill_from_above``: a merged cell split by a page break is
   rejoined; in plain-text copies, where merges are lost, an empty cell takes the value
   above it within the same section.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from math import comb

from fengong.document import Block, Paragraph, Provenance, Row, Table
from fengong.interpret.cells import cell_fits, is_heading, is_label_like, is_row_number, is_sentence
from fengong.interpret.headers import (
    GROUPING_KINDS,
    OVERSIGHT_LABEL,
    REMARKS_LABEL,
    RUNNING_TEXT_LABEL,
    align_header,
    decided_by_content,
    groups_rows,
    header_to_roles,
    is_header_row,
    label_kind,
    narrow_header,
    normalise_label,
    short_cells,
    task_rows,
)
from fengong.interpret.items import last_item_number
from fengong.interpret.notes import Note
from fengong.interpret.numbering import OutlineStack, number_value, split_numbering
from fengong.interpret.units import is_unit, looks_like_units
from fengong.schema import UNIT_ROLES
from fengong.textnorm import ends_sentence, is_page_number, join_lines

FILL_ROLES = frozenset(
    {"lead", "responsible", "support", "leaders", "deadline", "criteria", "measures", "extra"}
)
_OPEN_ENDINGS = tuple("、，,：:（(“")


@dataclass
class RowView:
    """A body row as plain strings, with where it came from."""

    cells: list[str]
    where: Provenance
    after_break: bool = False
    marked_header: bool = False
    # per position: rows the cell spans, 0 under a vertical merge, -1 right of a
    # horizontal one; empty when the reader recorded no merges
    spans: list[int] = field(default_factory=list)


@dataclass
class LogicalTable:
    """One task table, possibly assembled from pieces, with its header and roles."""

    labels: list[str]
    roles: list[str]
    rows: list[RowView]
    where: Provenance
    block: int = 0  # index in Document.blocks of the piece that starts the table
    notes: list[Note] = field(default_factory=list)
    heading: str | None = None  # the numbered heading printed right above the table
    header_rows: list[list[str]] = field(default_factory=list)  # as printed, one or two
    from_content: list[int] = field(default_factory=list)  # columns whose cells gave the role

    @property
    def width(self) -> int:
        return len(self.roles)

    def column(self, role: str) -> int | None:
        """Return the first column with ``role``."""
        return self.roles.index(role) if role in self.roles else None


@dataclass
class Draft:
    """A task row before its units, deadline and items are read."""

    cells: list[str]
    section: list[str]
    where: Provenance
    after_break: bool = False


# --- 1. logical tables -------------------------------------------------------------------


def _row_texts(row: Row, above: list[str] | None) -> tuple[list[str], list[int]]:
    """Cell texts and spans of a row; a position covered by a vertical merge takes the
    text of the cell above it (the merge applies to every row it spans), one covered by a
    horizontal merge stays empty (the text belongs to the cell on its left)."""
    texts: list[str] = []
    spans: list[int] = []
    covered_right = 0
    for i, cell in enumerate(row.cells):
        if cell is not None:
            texts.append(cell.text)
            spans.append(cell.row_span)
            covered_right = cell.col_span - 1
        elif covered_right > 0:
            texts.append("")
            spans.append(-1)
            covered_right -= 1
        else:
            texts.append(above[i] if above is not None and i < len(above) else "")
            spans.append(0)
    return texts, spans


def _table_rows(table: Table) -> list[RowView]:
    views: list[RowView] = []
    above: list[str] | None = None
    for row in table.rows:
        texts, spans = _row_texts(row, above)
        views.append(RowView(texts, row.provenance, row.after_break, row.marked_header, spans))
        above = texts
    return views


def _find_header(rows: list[RowView]) -> int | None:
    """Index of the header row: a row the file marks as a header (Word's repeat-header
    flag), else the first of the top rows that reads as one."""
    marked = [i for i, row in enumerate(rows[:4]) if row.marked_header]
    if marked:
        return marked[0]
    for i, row in enumerate(rows[:4]):
        if is_header_row(row.cells):
            return i
    return None


_SUB_LABEL = re.compile(r"^[^、，,。；;]{1,12}$")


def _is_sub_header(cells: list[str]) -> bool:
    """A second header row under the first (``牵头单位`` / ``配合单位`` under ``责任单位``): it
    reads as a header and holds labels only, short and listing nothing (88's first row,
    ``领导信息 | 局领导班子成员相片、姓名…``, names 领导 but is data)."""
    filled = [join_lines(c) for c in cells if c.strip()]
    return is_header_row(cells) and all(_SUB_LABEL.match(c) for c in filled)


def _header_kinds(cells: list[str]) -> list[str]:
    return [label_kind(c) for c in cells if c.strip()]


def _is_repeated_header(row: RowView, labels: list[str]) -> bool:
    kinds = _header_kinds(row.cells)
    return is_header_row(row.cells) and kinds == _header_kinds(labels)


def _header_with_carried_lines(row: RowView, labels: list[str]) -> list[str] | None:
    """The lines a repeated header took from the row a page break cut, cell by cell, when
    ``row`` is the table's header printed again with a cell going on past its label (a
    borderless table's narrow column: ``具体任务`` then ``先开放群众关注`` / ``度``, the rest of
    the cut row's text); None when it is not such a row. At least two labels match as
    they are, and every other cell starts with its label."""
    if len(row.cells) != len(labels):
        return None
    carried: list[str] = []
    exact = 0
    for cell, label in zip(row.cells, labels, strict=True):
        lines = [line.strip() for line in cell.split("\n")]
        taken, k = "", 0
        while k < len(lines) and len(taken) < len(label) and label.startswith(taken + lines[k]):
            taken, k = taken + lines[k], k + 1
        if taken != label:
            return None
        exact += k == len(lines)
        carried.append("\n".join(lines[k:]))
    return carried if exact >= 2 and any(carried) else None


def _mode_width(rows: list[RowView]) -> int:
    widths = Counter(len(r.cells) for r in rows if sum(bool(c) for c in r.cells) > 1)
    return widths.most_common(1)[0][0] if widths else 0


def _uniform_width(rows: list[RowView], labels: int) -> int:
    """The number of cells every row prints when they all print as many (up to the last
    filled one; rows wider than the header's ``labels`` left out: a wider row ran on into
    the next, a repeated header, a cut), or 0: rows of several widths (short rows of a copy
    that lost merges), or fewer than three."""
    printed = [len(r.cells) - next((k for k, c in enumerate(reversed(r.cells)) if c.strip()), 0)
               for r in rows]  # fmt: skip
    fitting = [w for w in printed if w <= labels]
    return fitting[0] if len(fitting) >= 3 and len(set(fitting)) == 1 else 0


def _numbered_without_header(rows: list[RowView]) -> bool:
    """Rows that open with their numbers 1, 2, 3 … from the first, five at least, as wide
    as one another (152: a copy that starts at row 1, its header left out)."""
    firsts = [join_lines(r.cells[0]) if r.cells else "" for r in rows]
    width = _mode_width(rows)
    return (
        len(rows) >= 5
        and width >= 3
        and firsts[:5] == ["1", "2", "3", "4", "5"]
        and sum(len(r.cells) == width for r in rows) >= 0.8 * len(rows)
    )


def logical_tables(blocks: list[Block], notes: list[Note] | None = None) -> list[LogicalTable]:
    """Return the task tables of a document, pieces joined, repeated headers dropped.

    A piece without a header continues the open table when it is about as wide; heading
    lines between two pieces (a section row the copy pulled out) become section rows.
    A table with a header whose columns give no task and no unit is not a task table: a
    ``table-not-recognised`` note naming its headers goes to ``notes``.
    """
    found: list[LogicalTable] = []
    current: LogicalTable | None = None
    pending: list[Paragraph] = []
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            if current is not None and is_label_like(block.text):
                pending.append(block)
            elif current is not None and not is_page_number(block.text):
                current, pending = None, []
            continue
        rows = _table_rows(block)
        h = _find_header(rows)
        repeated = (
            current is not None
            and h is not None
            and (
                _is_repeated_header(rows[h], current.labels)
                or _repeats_a_header_row(rows[h], current)
            )
        )
        if current is not None and h is not None and not repeated:
            carried = _header_with_carried_lines(rows[h], current.labels)
            if carried is not None:  # the header again, the cut row's first lines under it
                current.notes.append(
                    Note("repeated-header", "header row repeated here dropped", rows[h].where)
                )
                rows[h].cells, repeated = carried, True
        headerless = h is None and current is None and _numbered_without_header(rows)
        if (h is not None and not repeated) or headerless:
            if h is None:  # rows numbered 1, 2, 3 … under no header: columns by content
                labels, body, header_rows = [""] * _mode_width(rows), rows, []
            else:
                labels = [join_lines(c) for c in rows[h].cells]
                body = rows[h + 1 :]
                header_rows = [labels]
                if h + 1 < len(rows) and (
                    rows[h + 1].marked_header or _is_sub_header(rows[h + 1].cells)
                ):
                    header_rows.append([join_lines(c) for c in rows[h + 1].cells])
                    labels = _merge_header_rows(labels, rows[h + 1].cells)
                    body = rows[h + 2 :]
            for row in body:
                row.cells = _join_broken_name(row, labels, notes)
                row.cells = _fold_unit_lines(row.cells, labels)
            body = _join_unit_lines(body, len(labels), notes)
            printed = _uniform_width(body, len(labels))
            if printed and len(labels) > printed:  # no row prints every labelled column
                labels = narrow_header(labels, printed, [r.cells for r in body[:30]])
            width = max(len(labels), _mode_width(body))
            named = [label for label in labels if label.strip()]
            if _unlabelled_numbers(named, body) and width <= len(named) + 1:
                labels, width = ["", *named], len(named) + 1
            elif len(named) * 2 <= width and labels[-1:] == [""]:
                labels = labels[: len(labels) - labels[::-1].index(named[-1])] if named else []
                # a header naming half the columns or fewer, padded at its end by the copy:
                # its labels are placed by the cells' content
            labels = align_header(labels, width, _full_rows(body[:30], width))
            roles = header_to_roles(labels, _full_rows(body, width), [r.cells for r in body])
            labels += [""] * (len(roles) - len(labels))  # a body row wider than the mode
            if "task" not in roles or not (set(roles) - {"task", "section", "number", "extra"}):
                if notes is not None:
                    seen = " | ".join(label for label in labels if label)
                    notes.append(
                        Note(
                            "table-not-recognised",
                            f"a table with headers {seen} has no task column with units; "
                            "its rows were not read as tasks",
                            block.provenance,
                        )
                    )
                current, pending = None, []
                continue
            current = LogicalTable(labels, roles, [], block.provenance, block=index)
            current.header_rows = header_rows
            current.heading = _heading_above(blocks, index)
            current.from_content = [
                i for i, (lbl, r) in enumerate(zip(labels, roles, strict=True))
                if decided_by_content(lbl, r)
            ]  # fmt: skip
            current.notes += [
                Note(
                    "column-role-from-content",
                    f"column {i + 1} ({labels[i] or 'no header'}) read as {roles[i]} "
                    "from its cells",
                    block.provenance,
                )
                for i in current.from_content
            ]
            found.append(current)
            pending = []
            _add_rows(current, body)
        elif current is not None and (h is not None or abs(_mode_width(rows) - current.width) <= 1):
            for para in pending:
                current.rows.append(
                    RowView(
                        [para.text] + [""] * (current.width - 1), para.provenance, after_break=True
                    )
                )
            pending = []
            if rows:
                rows[0].after_break = True
            first_new = len(current.rows)
            _add_rows(current, rows)
            continue_merges(current, first_new)
        else:
            current, pending = None, []
    return found


def _full_rows(rows: list[RowView], width: int) -> list[list[str]]:
    """The rows that fill every column, when there are some: a copy that lost the merges
    prints the other rows short, their cells left of their columns."""
    full = [r.cells for r in rows if len(r.cells) == width and r.cells[-1].strip()]
    short = [r for r in rows if len(r.cells) < width]
    if len(full) >= 2 or (full and len(short) >= 3 and len(short) == len(rows) - len(full)):
        return full  # one full row among short ones (42) says more than misplaced cells
    return [r.cells for r in rows]


def _unlabelled_numbers(named: list[str], body: list[RowView]) -> bool:
    """Rows that start with row numbers under a header naming no number column: the
    first column is an unlabelled 序号 (63: the rows whose grouping cell a merge covers are
    short, so the most common width undercounts the columns)."""
    if not body or any(label_kind(label) == "number" for label in named):
        return False
    numbered = sum(1 for r in body if r.cells and is_row_number(r.cells[0]))
    return numbered >= 0.8 * len(body)


def _heading_above(blocks: list[Block], index: int) -> str | None:
    """A numbered heading printed right above a table (``一、市政府重点工作任务``) is the
    outer section of its tasks; a title or 附件 line in between makes the table stand on
    its own."""
    before = blocks[index - 1] if index > 0 else None
    if not isinstance(before, Paragraph):
        return None
    text = join_lines(before.text)
    if (
        split_numbering(text) is None
        or len(text) > 40
        or text.endswith(("。", "；", ";", "：", ":"))
    ):
        return None
    return text


def _merge_header_rows(upper: list[str], lower: list[str]) -> list[str]:
    """One row of labels from a two-row header. A copy that lost the merges prints the
    lower row's labels first, without the empty cells under the upper labels: when those
    are unit roles and the upper row has one unit label (``责任单位``), they take its place."""
    lows = [join_lines(c) for c in lower if c.strip()]
    compact = 0 < len(lows) < len(upper) and not any(c.strip() for c in lower[len(lows) :])
    parents = [i for i, top in enumerate(upper) if label_kind(top) in UNIT_ROLES]
    if compact and len(parents) == 1 and all(label_kind(low) in UNIT_ROLES for low in lows):
        p = parents[0]
        merged = [*upper[:p], *lows, *upper[p + 1 :]]
        while len(merged) > len(upper) and not merged[-1].strip():
            merged.pop()
        return merged
    merged = []
    for i, top in enumerate(upper):
        low = join_lines(lower[i]) if i < len(lower) else ""
        merged.append(low if low and low != top else top)
    return merged


def _repeats_a_header_row(row: RowView, table: LogicalTable) -> bool:
    """A row that prints one of the header's rows again (the second row of a two-row
    header, repeated on a new page under the first)."""
    texts = [t for t in (join_lines(c) for c in row.cells) if t]
    return bool(texts) and any(texts == [t for t in h if t] for h in table.header_rows)


def _add_rows(table: LogicalTable, rows: list[RowView]) -> None:
    """Append body rows, dropping repeated headers and fitting each row to the width."""
    gap = False
    for row in rows:
        if _is_repeated_header(row, table.labels) or _repeats_a_header_row(row, table):
            table.notes.append(
                Note("repeated-header", "header row repeated here dropped", row.where)
            )
            gap = True
            continue
        cells = list(row.cells)
        if len(cells) > table.width:
            overflow = [c for c in cells[table.width :] if c.strip()]
            cells = cells[: table.width]
            if overflow and not (empty := [i for i, c in enumerate(cells) if not c.strip()]):
                cells[-1] = "\n".join([cells[-1], *overflow])
                table.notes.append(
                    Note(
                        "cell-overflow",
                        "row wider than the header; extra cells appended to the last column",
                        row.where,
                    )
                )
            elif overflow:
                cells = _drop_one_empty(row.cells, empty[0], table.width)
        cells += [""] * (table.width - len(cells))
        spans = (row.spans + [1] * table.width)[: table.width] if row.spans else []
        table.rows.append(RowView(cells, row.where, row.after_break or gap, spans=spans))
        gap = False


_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")


def _join_broken_name(row: RowView, labels: list[str], notes: list[Note] | None) -> list[str]:
    """A row one cell wider than the header whose unit cell the copy broke in two (129, one
    cell per line: ``市生态`` / ``环境局``): where a unit column's cell is a few characters
    naming no unit and names one with the next cell, the two are one cell (a
    ``cell-rejoined`` note)."""
    cells = row.cells
    if len(cells) != len(labels) + 1:
        return cells
    for i, label in enumerate(labels):
        head, tail = cells[i].strip(), cells[i + 1].strip()
        if label_kind(label) not in UNIT_ROLES or not head or not tail or "\n" in head + tail:
            continue
        fragment = len(head) <= 6 and _HAN_ONLY.fullmatch(head) is not None
        if fragment and len(head + tail) <= 12 and not is_unit(head) and is_unit(head + tail):
            if notes is not None:
                notes.append(
                    Note("cell-rejoined", f"{head} / {tail} read as one name, {head + tail}",
                         row.where)
                )  # fmt: skip
            return [*cells[:i], head + tail, *cells[i + 2 :]]
    return cells


def _fold_unit_lines(cells: list[str], labels: list[str]) -> list[str]:
    """A row that ends in more unit names than the table has columns of units for (units
    printed one per line: 50's ``文化宣传股`` / ``文化馆`` / ``图书馆``, 44's 协同单位, 42's
    ``县海洋与渔业局`` / ``县农业农村局`` before a 评分部门): when the unit columns close the table
    (a 备注 or a scoring column after them aside), a scoring column takes the last name, each
    unit column but the last one name, and the last the rest, as one cell."""
    kinds = [label_kind(label) for label in labels]
    units = [i for i, k in enumerate(kinds) if k in UNIT_ROLES]
    if not units or "number" not in kinds[:3]:
        return cells  # without 序号 near the start, labels and cells may not line up (63)
    # columns of units that score or oversee (42's 评分部门): no place for the unit cell's overflow
    oversight = [bool(OVERSIGHT_LABEL.search(normalise_label(label))) for label in labels]
    scored = ["oversight" if o else k for k, o in zip(kinds, oversight, strict=True)]
    cells = _units_before_other_columns(cells, scored, units[-1])

    def closing(i: int) -> bool:  # a column that may close the table after its units
        remarks = REMARKS_LABEL.search(normalise_label(labels[i]))
        return kinds[i] in UNIT_ROLES or oversight[i] or bool(remarks)

    first = len(labels)
    while first > 0 and closing(first - 1):
        first -= 1
    units = [i for i in units if i >= first]  # the unit columns that close the table
    if not units:
        return cells
    scoring = sum(oversight[units[-1] + 1 :])
    start = len(cells)
    while start > 0 and _names_cell(cells[start - 1]):
        start -= 1
    names = cells[start:]
    if len(cells) <= len(labels) and len(names) <= len(units) + scoring:
        return cells
    keep = start + len(units) - 1  # one name for each unit column before the last
    rest = len(cells) - scoring
    if rest - keep < 2:
        return cells
    return [*cells[:keep], "\n".join(cells[keep:rest]), *cells[rest:]]


def _names_cell(cell: str) -> bool:
    """A cell of unit names, short lines that end no sentence (a task's text that happens to
    end like a place, ``…文化下乡等惠民演出…。``, is none)."""
    lines = [line.strip() for line in cell.split("\n") if line.strip()]
    return (
        bool(lines)
        and max(map(len, lines)) <= 25
        and not lines[-1].endswith(("。", "；", ";"))
        and looks_like_units(cell)
    )


def _units_before_other_columns(cells: list[str], kinds: list[str], last: int) -> list[str]:
    """Units printed one per line where other columns follow the last unit column (87:
    ``农业股`` / ``乡村产业发展股`` then the deadline): a unit name in the next column's place
    that does not fit that column joins the unit cell."""
    end = last + 1
    while (
        end < len(cells)
        and end < len(kinds)
        and kinds[end] not in (*UNIT_ROLES, "oversight")
        and cells[end].strip()
        and looks_like_units(cells[end])
        and not cell_fits(kinds[end], cells[end])
    ):
        end += 1
    if end == last + 1 or not cells[last].strip() or len(cells) > len(kinds):
        return cells  # a row wider than the header may hold its extra cells anywhere
    return [*cells[:last], "\n".join(cells[last:end]), *cells[end:]]


def _join_unit_lines(rows: list[RowView], width: int, notes: list[Note] | None) -> list[RowView]:
    """A copy printing one row per line sometimes puts a row's unit cell on the next line
    (05: ``… | 1.重大决策预公开…`` then ``产业政策科 | |``): a line whose only text is a
    unit list, after a row with fewer cells than the header whose last cell names no
    units, completes that row (a ``row-continued`` note)."""
    out: list[RowView] = []
    for row in rows:
        filled = [c for c in row.cells if c.strip()]
        prev = [c for c in out[-1].cells if c.strip()] if out else []
        if (
            len(filled) == 1
            and prev
            and len(prev) < width
            and looks_like_units(filled[0])
            and not looks_like_units(prev[-1])
        ):
            out[-1].cells = [*prev, filled[0]]
            if notes is not None:
                notes.append(
                    Note(
                        "row-continued",
                        "a line holding only units completes the row above it",
                        row.where,
                    )
                )
            continue
        out.append(row)
    return out


def _drop_one_empty(cells: list[str], index: int, width: int) -> list[str]:
    out = cells[:index] + cells[index + 1 :]
    return (out + [""] * width)[:width]


_NAME_ROLES = frozenset({"lead", "responsible", "support", "leaders", "deadline"})


def _continues_cell(above: str, text: str, role: str) -> bool:
    """Whether ``text`` at the top of a page goes on from ``above`` at the bottom of the
    page before: a list of names only after open punctuation (、，); running text when
    it stops mid-sentence and this does not start a numbered item, or when this starts
    with the item number that follows the last one above (``…水平。`` then ``2.在…``)."""
    flat_above, flat = join_lines(above), join_lines(text)
    if role in _NAME_ROLES:
        return flat_above.endswith(_OPEN_ENDINGS)
    numbering = split_numbering(flat)
    if numbering is not None:
        last = last_item_number(above)
        return last > 0 and number_value(numbering.token.rstrip("、.．﹒ ")) == last + 1
    return not ends_sentence(flat_above)


_FOLLOWERS = frozenset("”’）)」』》〉、，,。；;：:！？")  # marks that only follow text
_PAIRS = (
    ("“", "”"),
    ("‘", "’"),
    ("（", "）"),
    ("(", ")"),
    ("《", "》"),
    ("「", "」"),
    ("【", "】"),
)


def _opens_mid_sentence(text: str) -> bool:
    """Text that can only go on from other text: it starts with a closing mark or a comma,
    or closes a quote or bracket it never opened (``游”。`` after ``…“全国漫``: a cell the
    page break cut mid-word)."""
    flat = join_lines(text)
    if flat[:1] in _FOLLOWERS:
        return True
    return any(flat.count(close) > flat.count(open_) for open_, close in _PAIRS)


# columns whose cells are often empty on their own (a task without supporting units)
_OFTEN_EMPTY = frozenset({"support", "extra"})


def _merge_rows_ending_at(table: LogicalTable, last: int, col: int) -> list[int]:
    """Indexes of the rows of the merged cell that covers row ``last`` in ``col``."""
    rows = [last]
    k = last
    while k > 0 and table.rows[k].spans and table.rows[k].spans[col] == 0:
        k -= 1
        rows.append(k)
    return rows


def continue_merges(table: LogicalTable, first: int) -> None:
    """Carry a merged cell over a page break, where the file shows merges (DOCX, PDF).

    A page break cuts a merged cell in two: the part on the new page is a cell of its own,
    often empty (the text stayed on the page before). An empty cell in the first row after
    the break continues the cell above (a page cannot show whether a one-row part was
    merged; an empty lead or responsible cell right after a break almost always is, as
    every task has one), unless it is a support or extra cell, often empty on its own,
    and nothing in the geometry shows a merge. A cell with text
    continues it when the geometry says it is a merge (the cell above was a merge reaching
    the bottom of its page, or this one spans rows) and ``_continues_cell`` says the text
    goes on. Both parts then hold the whole text, for every row they span.
    """
    if first == 0 or first >= len(table.rows):
        return
    prev, head = table.rows[first - 1], table.rows[first]
    if not prev.spans or not head.spans:
        return
    for col, role in enumerate(table.roles):
        if role not in FILL_ROLES and role != "section":
            continue
        above, text = prev.cells[col], head.cells[col]
        if not above.strip() or head.spans[col] < 1:
            continue
        merged_above = prev.spans[col] == 0
        merge_below = head.spans[col] > 1
        cut_word = _opens_mid_sentence(text) and not ends_sentence(join_lines(above))
        if not (merged_above or merge_below or cut_word) and (text.strip() or role in _OFTEN_EMPTY):
            continue  # nothing shows a merge; a support cell is often empty on its own
        if text.strip():
            if not _continues_cell(above, text, role):
                continue
            whole = above + "\n" + text
        else:
            whole = above
        rows = _merge_rows_ending_at(table, first - 1, col)
        k = first
        rows.append(k)
        while (
            k + 1 < len(table.rows)
            and table.rows[k + 1].spans
            and (table.rows[k + 1].spans[col] == 0)
        ):
            k += 1
            rows.append(k)
        for index in rows:
            table.rows[index].cells[col] = whole
        table.notes.append(
            Note(
                "merge-continued",
                f"{table.labels[col] or 'merged cell'} continues the merged cell above "
                "across the page break",
                head.where,
            )
        )


# --- 2. shifted cells ---------------------------------------------------------------------


# placements of a short row's cells tried at most: every way of placing 6 cells in 12
# columns; a wider table (a misread one-cell-per-line copy) would take hours
_MAX_PLACEMENTS = 1000


def align_short_rows(table: LogicalTable) -> None:
    """Place the cells of a row a web copy printed short: the cells a merge covered are
    missing (or the copy padded the row with empty cells at its end), so the row's cells
    sit left of their columns. When the row's task cell is empty, or its cells fit their
    columns clearly better elsewhere, its filled cells are placed, in order, where they fit
    best; a position left over continues the cell above it (it was covered by a merge).
    """
    task = table.column("task")
    if task is None:
        return
    roles = [  # a progress or remarks column takes running text a short row carries
        "note" if r == "extra" and RUNNING_TEXT_LABEL.search(label) else r
        for r, label in zip(table.roles, table.labels, strict=True)
    ]
    above: list[str] | None = None
    for row in table.rows:
        filled = [c for c in row.cells if c.strip()]
        current = _fit_score(row.cells, roles)
        padded = not row.cells[-1].strip()  # a short row is padded at its end
        needs = padded and (not row.cells[task].strip() or current < len(filled))
        if (
            above is not None
            and needs
            and 1 < len(filled) < table.width
            and comb(table.width, len(filled)) <= _MAX_PLACEMENTS
        ):
            best, best_key = None, (current, 0, 0, 0)
            has_text = any(
                cell_fits("task", c) and not cell_fits("deadline", c) and not looks_like_units(c)
                for c in filled
            )
            for positions in combinations(range(table.width), len(filled)):
                cells = [""] * table.width
                for pos, text in zip(positions, filled, strict=True):
                    cells[pos] = text
                if not cells[task].strip() and (not above[task].strip() or has_text):
                    continue  # only a row of units and dates sits under a merged task cell
                # of two placements that fit as well, the one leaving the gaps left of
                # the task: the columns merged over rows are the grouping columns there;
                # of those, the outer ones (an outer group spans all its inner groups' rows)
                fit = _fit_score(cells, roles) + sum(
                    _numbered_like(cells[col], above[col], roles[col]) for col in range(table.width)
                )
                left_gaps = [col for col in range(task) if col not in positions]
                kinds = sum(_body_kind_fits(cells[col], table.labels[col]) for col in positions)
                key = (fit, len(left_gaps), -sum(left_gaps), kinds)
                if fit > current and key > best_key:
                    best, best_key = (positions, cells), key
            if best is not None:
                positions, cells = best
                for col in range(table.width):
                    merged = table.roles[col] != "task" or not cells[task].strip()
                    if col not in positions and merged and above[col]:
                        cells[col] = above[col]
                row.cells = cells
                table.notes.append(
                    Note(
                        "row-aligned",
                        "row printed short (cells of merges missing): its cells placed in "
                        "the columns they fit, the others continue the cells above",
                        row.where,
                    )
                )
        above = row.cells


# the kinds of body a unit column's header names: a bureau's own divisions (处室, 科室, 股室)
# or units outside it (单位, 部门)
_DIVISION_LABEL = re.compile(r"处室|科室|股室|處室")
_DIVISION_NAME = re.compile(r"[处科股室處]$")


def _body_kind_fits(cell: str, label: str) -> bool:
    """A unit cell whose names end like divisions (规计处) under a header naming divisions
    (局内负责处室), or like other bodies under one that does not: of two unit columns a short
    row's lone unit cell could stand in (102), the one whose header names its kind."""
    if not cell.strip() or not looks_like_units(cell):
        return False
    names = [n for n in re.split(r"[、，,；;\n]", cell) if n.strip()]
    divisions = all(_DIVISION_NAME.search(re.sub(r"(?:牵头|牽頭|配合|落实|落實)$", "", n.strip()))
                    for n in names)  # fmt: skip
    return divisions == bool(_DIVISION_LABEL.search(label.replace(" ", "")))


def _numbered_like(text: str, above: str, role: str) -> bool:
    """A cell numbered as the cell above it (``（二）…`` under ``（一）…``) fits that column
    even when it does not read as the column's cells do (a task that reads as a heading, a
    heading in a column under an unknown header): that column's cells are so numbered."""
    if cell_fits(role, text):
        return False
    mine, theirs = split_numbering(join_lines(text)), split_numbering(join_lines(above))
    return mine is not None and theirs is not None and mine.style == theirs.style


def _fit_score(cells: list[str], roles: list[str]) -> int:
    return sum(cell_fits(role, cell) for role, cell in zip(roles, cells, strict=False))


def fix_shifted_cells(table: LogicalTable) -> None:
    """Put back a row pushed right by a stray cell: an empty cell left of the task, or a
    bare number outside the number column (87: ``经管站 | 2 | 2023年底``); the cell is
    removed when the row's cells then fit their columns clearly better (two more in place,
    the stray number counting as one)."""
    task = table.column("task")
    if task is None:
        return
    for row in table.rows:
        base = _fit_score(row.cells, table.roles)
        best, best_score = None, base + 1
        for k in range(table.width):
            stray = table.roles[k] != "number" and is_row_number(row.cells[k])
            if row.cells[k].strip() and not stray:
                continue
            if not stray and k > task:
                continue
            shifted = row.cells[:k] + row.cells[k + 1 :] + [""]
            score = _fit_score(shifted, table.roles) + stray  # a bare number is evidence too
            if score > best_score:
                best, best_score = shifted, score
        if best is not None:
            row.cells = best
            table.notes.append(
                Note(
                    "cell-shifted",
                    "row shifted right by an empty cell; cells moved back into their columns",
                    row.where,
                )
            )


# --- 3. rows broken by a page break ------------------------------------------------------


def _starts_task(text: str) -> bool:
    flat = join_lines(text)
    return split_numbering(flat) is not None


def _numbers_its_tasks(table: LogicalTable) -> bool:
    """Whether nearly every task row carries a number (in a 序号 column or its text);
    rows right after a page break are not counted, since they are what is in question."""
    task, number = table.column("task"), table.column("number")
    assert task is not None
    rows = [r for r in table.rows if r.cells[task].strip() and not r.after_break]
    numbered = sum(
        bool(number is not None and r.cells[number].strip()) or _starts_task(r.cells[task])
        for r in rows
    )
    return len(rows) >= 3 and numbered >= 0.9 * len(rows)


def _is_continuation(
    prev: RowView, row: RowView, table: LogicalTable, numbered_table: bool, going_on: bool = False
) -> bool:
    task = table.column("task")
    if task is None or not (row.after_break or going_on) or not row.cells[task].strip():
        return False
    if not row.after_break and any(c.strip() for i, c in enumerate(row.cells) if i != task):
        return False  # going on from a joined part: only more of its task text
    if _starts_task(row.cells[task]):
        return False
    # A finished sentence above ends the row, unless every task is numbered: then an
    # unnumbered piece after the break can only be the rest of the row above.
    if ends_sentence(join_lines(prev.cells[task])) and not numbered_table:
        return False
    number = table.column("number")
    if number is not None and row.cells[number].strip():
        return False
    sections = [i for i, r in enumerate(table.roles) if r == "section"]
    # a heading carried over by a merge across the break is the same section, not a new one
    return not any(
        is_heading(row.cells[i]) and row.cells[i].strip() != prev.cells[i].strip() for i in sections
    )


def join_broken_rows(table: LogicalTable) -> None:
    """Join a row cut by a page break back to the row before it, cell by cell.

    The second part continues the first when it follows a break, does not start a new
    numbered task, and the first part's task text stops mid-sentence. A row holding only
    task text right after such a part goes on with it too (a borderless table's reader
    may cut the rest of a row in two). A cell printed again whole on the new page
    (``全年`` twice) is kept once.
    """
    joined: list[RowView] = []
    numbered_table = table.column("task") is not None and _numbers_its_tasks(table)
    going_on = False  # the row above was joined: more of its text may follow
    for row in table.rows:
        prev = joined[-1] if joined else None
        if prev is not None and _is_continuation(prev, row, table, numbered_table, going_on):
            going_on = True
            prev.cells = [_join_parts(a, b) for a, b in zip(prev.cells, row.cells, strict=True)]
            table.notes.append(
                Note(
                    "row-rejoined",
                    f"row split by a page break joined to the row at {_describe(prev.where)}",
                    row.where,
                )
            )
            continue
        going_on = False
        joined.append(row)
    table.rows = joined


def _join_parts(first: str, second: str) -> str:
    if not second.strip() or first.strip() == second.strip():
        return first
    if not first.strip():
        return second
    return first + "\n" + second


def _describe(where: Provenance) -> str:
    if where.line is not None:
        return f"line {where.line}"
    parts = [f"page {where.page}" if where.page else "", f"row {where.row}"]
    return ", ".join(p for p in parts if p)


# --- 4. sections and drafts --------------------------------------------------------------


def _section_row_text(row: RowView) -> str | None:
    values = {join_lines(c) for c in row.cells if c.strip()}
    if len(values) != 1:
        return None
    text = values.pop()
    return text if is_label_like(text) else None


def _style(text: str, column: int | None) -> str:
    numbering = split_numbering(text)
    if numbering is not None:
        return numbering.style
    return f"column-{column}" if column is not None else "unnumbered"


def rows_to_drafts(table: LogicalTable) -> list[Draft]:
    """Walk the rows: section rows and grouping cells open sections; rows with a task
    become drafts carrying their section path."""
    task = table.column("task")
    assert task is not None
    sections = [i for i, r in enumerate(table.roles) if r == "section"]
    stack = OutlineStack()
    drafts: list[Draft] = []
    for row in table.rows:
        heading = _section_row_text(row)
        if (heading is not None and not row.cells[task].strip()) or (
            heading is not None and row.cells[task].strip() == heading and is_heading(heading)
        ):
            stack.push(_style(heading, None), heading)
            continue
        for col in sections:
            value = join_lines(row.cells[col])
            if not value:
                continue
            if is_sentence(value) and not is_heading(value) and not row.cells[task].strip():
                row.cells[task], row.cells[col] = row.cells[col], ""
                table.notes.append(
                    Note(
                        "cell-moved",
                        "task text found in a grouping "
                        "column; read as a task of the current section",
                        row.where,
                    )
                )
                continue
            stack.push(_style(value, col), value)
        if not row.cells[task].strip():
            if any(c.strip() for c in row.cells) and drafts:
                prev = drafts[-1]
                prev.cells = [_join_parts(a, b) for a, b in zip(prev.cells, row.cells, strict=True)]
                table.notes.append(
                    Note(
                        "row-merged-up", "row without a task joined to the task above it", row.where
                    )
                )
            continue
        numbering = split_numbering(join_lines(row.cells[task]))
        if numbering is not None:
            stack.close(numbering.style)  # a task numbered like a section row is its sibling
        outer = [table.heading] if table.heading else []
        drafts.append(Draft(list(row.cells), outer + stack.path(), row.where, row.after_break))
    return drafts


# --- 5. merged cells in copies -------------------------------------------------------------


def join_broken_cells(table: LogicalTable, drafts: list[Draft]) -> None:
    """Rejoin a merged cell that a page break split: after a break, a cell continues the
    last filled cell above it in the same column and section when that one stops at an
    open punctuation mark (、，：) and this one does not start a numbered item."""
    for i, draft in enumerate(drafts):
        if not draft.after_break:
            continue
        for col, role in enumerate(table.roles):
            text = draft.cells[col]
            if role not in FILL_ROLES or not text.strip() or _starts_task(text):
                continue
            above = next((d for d in reversed(drafts[:i]) if d.cells[col].strip()), None)
            if above is None or above.section != draft.section:
                continue
            if not join_lines(above.cells[col]).endswith(_OPEN_ENDINGS):
                continue
            whole = above.cells[col] + "\n" + text
            for d in drafts[drafts.index(above) : i + 1]:
                if d is above or d is draft:
                    d.cells[col] = whole
            table.notes.append(
                Note(
                    "cell-rejoined",
                    f"{table.labels[col] or 'cell'} split by a "
                    f"page break joined to the cell at {_describe(above.where)}",
                    draft.where,
                )
            )


def _merge_groups(table: LogicalTable, drafts: list[Draft]) -> list[object] | None:
    """The group each task row belongs to, for a merge to span: its innermost section; in a
    table without sections, the numbered row it continues when its number cell is empty
    (196: ``提质改造农村公路 …`` under ``2 自然村通水泥(沥青)路 … 交通局``, the 序号 and 备注
    cells merged over both). None when no row can continue another."""
    if any(d.section for d in drafts):
        return [tuple(d.section) for d in drafts]
    number = table.column("number")
    if number is None or all(d.cells[number].strip() for d in drafts):
        return None  # a flat table: no group for a merged cell to span
    groups: list[object] = []
    current: object = None
    for index, draft in enumerate(drafts):
        if draft.cells[number].strip():
            current = ("row", index)
        groups.append(current)
    return groups


def fill_from_above(table: LogicalTable, drafts: list[Draft]) -> None:
    """In a copy that lost its merges, an empty cell of a task row continues the filled
    cell above it in the same column within the same innermost section. A table without
    sections has no group for a merge to span, so nothing is filled there, except in rows
    whose number cell is empty: they continue the numbered row above (``_merge_groups``)."""
    groups = _merge_groups(table, drafts)
    if groups is None:
        return
    last: dict[int, tuple[str, object]] = {}
    for draft, group in zip(drafts, groups, strict=True):
        filled = []
        for col, role in enumerate(table.roles):
            if role not in FILL_ROLES:
                continue
            if draft.cells[col].strip():
                last[col] = (draft.cells[col], group)
            elif col in last and group is not None and last[col][1] == group:
                draft.cells[col] = last[col][0]
                filled.append(table.labels[col] or f"column {col + 1}")
        if filled:
            table.notes.append(
                Note(
                    "filled-from-above",
                    f"empty cell read as continuing the merged cell above: {'、'.join(filled)}",
                    draft.where,
                )
            )


def grouping_after_alignment(table: LogicalTable) -> None:
    """A copy prints a grouping cell on its group's first row only, so before short rows are
    aligned its column shows no grouping; after, the cells it covered continue it. A column
    left of the task under a header outside the synonyms (50: ``指标``) whose short cells now
    repeat over rows is a section level, said with a ``column-role-from-content`` note."""
    task = table.column("task")
    if task is None:
        return
    in_task_rows = task_rows([row.cells for row in table.rows])  # not the section rows (183)
    for col in range(task):
        cells = [row.cells[col] for row in table.rows]
        grouping = groups_rows([cells_[col] for cells_ in in_task_rows]) and short_cells(cells)
        if table.roles[col] in GROUPING_KINDS and grouping:
            table.roles[col] = "section"
            if col not in table.from_content:
                table.from_content.append(col)
                table.notes.append(
                    Note(
                        "column-role-from-content",
                        f"column {col + 1} ({table.labels[col] or 'no header'}) read as "
                        "section from its cells",
                        table.where,
                    )
                )


def read_table(table: LogicalTable, merges_visible: bool) -> list[Draft]:
    """Run the table steps in order and return the drafts."""
    if not merges_visible:
        align_short_rows(table)
        grouping_after_alignment(table)
    fix_shifted_cells(table)
    join_broken_rows(table)
    drafts = rows_to_drafts(table)
    join_broken_cells(table, drafts)
    if not merges_visible:
        fill_from_above(table, drafts)
    return drafts
