"""A table flattened into one run of text: no separator between cells or rows.

A document site's copy of a Word table can come out as one paragraph (45: ``序号类别指
标2022年全市目标值责任部门1综合人均预期寿命(岁)77.7市卫生健康委2每千…``; 108: ``序号主要工作
任务第一责任单位主要责任单位一、主要发展指标1地区生产总值…。市发展改革委各县(市、区)政府、
嘉兴港区2服务业…``). What still marks the rows is the genre's order: a row number, the
row's text, then the units that carry it; the next number follows the last unit's name.

- The header is 序号 and labels run together ending in a unit label (or two: 第一责任单位
  主要责任单位), then the first row (row 1, or row 21 of a table continued from another page:
  141), a section heading (``一、…``) possibly between.
- Rows are cut where a unit list closing a row meets the next row number (its names apart by
  、，, and its role clauses by ；: ``X、Y牵头;Z配合;各州(市)党委和政府落实``); a heading
  (``二、…``) between a row's units and the next number is a section row; page numbers
  (``—2—``) inside the run are page furniture.
- Each row is its number, its text as printed (the cells between, a category or a target,
  run together and are not guessed apart), and its units; with two unit labels the first
  unit name is the first unit cell, the rest the second (the copy prints no boundary).

This runs only on a document that holds no table, so it never second-guesses a reader.
"""

from __future__ import annotations

import re

from fengong.document import Block, Cell, Paragraph, Row, Table
from fengong.interpret.notes import Note
from fengong.interpret.units import LEVEL_START, NAME_END, is_unit
from fengong.item_numbers import CN_DIGITS

_MIN_ROWS = 3
_UNIT_LABEL = r"(?:第一责任单位|主要责任单位|责任部门|责任单位|牵头单位|牵头部门|责任处室|主责单位)"
_HEADING = rf"[{CN_DIGITS}]{{1,3}}、[^、，,。；;\d]{{2,20}}"
# 序号, the other labels run together, the last naming units, then row 1
_HEADER = re.compile(
    rf"序号(?P<labels>[^。；;，,]{{2,60}}?{_UNIT_LABEL})(?P<heading>(?:{_HEADING})?)(?=(?P<first>[1-9]\d{{0,2}})\D)"
)
_UNIT_LABELS = re.compile(_UNIT_LABEL)
_NAME_END_OR_PLACE = NAME_END + "区"  # 嘉兴港区市… : a place acting as a unit ends a name too
_TRAILING_HEADING = re.compile(rf"{_HEADING}$")
_PAGE_NUMBER = re.compile(r"[—－]\d{1,3}[—－]")
# a unit list's clauses may each end in their role (141: ``X、Y牵头;Z配合;各州(市)党委和政府落实``)
_ROLE_TAIL = re.compile(r"(?:牵头|配合|落实|负责|参与|协助)$")
# a unit name opening with its level (市卫生健康委, 县(市、区)政府); 、 only inside brackets
_LEVEL_NAME = re.compile(r"[省市县区镇乡各](?:[\u4e00-\u9fff]|[（(][^（）()]{1,8}[）)]){1,20}")


def _separators(text: str) -> list[int]:
    """Positions of 、，,；; outside brackets."""
    out, depth = [], 0
    for i, ch in enumerate(text):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        elif ch in "、，,；;" and depth == 0:
            out.append(i)
    return out


def _name_at_end(text: str) -> int | None:
    """Where the unit name that ends ``text`` starts (a name opening with its level:
    市卫生健康委, or names run together: 市科技局市发展改革委), or None."""
    for start in range(max(0, len(text) - 24), len(text) - 1):
        name = text[start:]
        if _LEVEL_NAME.fullmatch(name) and is_unit(name):
            return start
    return None


def _units_at_end(text: str) -> int | None:
    """Where the list of units that closes a row starts: names apart by 、 or ，, the
    first run on from the row's text (``…左右。市发展改革委各县(市、区)政府、嘉兴港区``)."""
    end = len(text)
    for sep in reversed(_separators(text)):
        part = text[sep + 1 : end]
        # a name without its level (嘉兴港区) is short; a longer piece is a sentence's end
        short = len(part) <= (24 if part[:1] in LEVEL_START else 12)
        if not (short and "。" not in part and is_unit(_ROLE_TAIL.sub("", part))):
            break
        end = sep
    begin = max((sep + 1 for sep in _separators(text[:end])), default=0)
    first = _name_at_end(_ROLE_TAIL.sub("", text[begin:end]))  # its start, not its role
    return begin + first if first is not None else None


def _row_end(segment: str) -> tuple[int, int] | None:
    """For the text of a row (after its number, before the next one): where its units start
    and where a section heading after them starts (the segment's end when none)."""
    heading = _TRAILING_HEADING.search(segment)
    units_end = heading.start() if heading else len(segment)
    units = _units_at_end(segment[:units_end])
    if units is None and heading is not None:  # the heading's words were the units' end
        units_end = len(segment)
        units = _units_at_end(segment)
    return (units, units_end) if units is not None else None


def _next_row(text: str, start: int, number: str) -> int:
    """Where row ``number`` starts: its number right after a unit list, else the end."""
    found = text.find(number, start)
    while found != -1:
        if _row_end(text[start:found]) is not None:
            return found
        found = text.find(number, found + 1)
    return len(text)


def _rows(text: str, heading: str, first: int = 1) -> list[tuple[str, str, str]]:
    """Rows ``(number, text, units)`` from row ``first`` on, with section rows
    ``("", heading, "")`` between."""
    rows: list[tuple[str, str, str]] = [("", heading, "")] if heading else []
    pos, number = 0, first
    while text.startswith(str(number), pos):
        start = pos + len(str(number))
        end = _next_row(text, start, str(number + 1))
        found = _row_end(text[start:end])
        if found is None:
            break
        units, units_end = found
        rows.append(
            (str(number), text[start : start + units], text[start + units : start + units_end])
        )
        if start + units_end < end:
            rows.append(("", text[start + units_end : end], ""))
        pos, number = end, number + 1
    return rows


def _first_name(units: str) -> int:
    """Where the first unit name of a list ends: at its first 、 or ， or where a name that
    ends like an office meets the next name's level (``市发展改革委各县…``)."""
    seps = _separators(units)
    first = units[: seps[0]] if seps else units
    for i in range(2, len(first) - 1):
        if first[i] in LEVEL_START and first[i - 1] in _NAME_END_OR_PLACE and is_unit(first[:i]):
            return i
    return len(first)


def flattened_table(blocks: list[Block], notes: list[Note]) -> tuple[list[Block], list[Table]]:
    """Return ``blocks`` with a flattened table (see the module's docstring) made a
    ``Table`` in place of the paragraphs it ran through, and the tables so made; a
    ``flattened-table`` note goes to ``notes``."""
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph):
            continue
        if _HEADER.search(re.sub(r"\s+", "", _PAGE_NUMBER.sub("", block.text))) is None:
            continue
        # the run may go on in the paragraphs after it (a page cut into chunks)
        following = [b.text for b in blocks[index:] if isinstance(b, Paragraph)]
        text = re.sub(r"\s+", "", _PAGE_NUMBER.sub("", "".join(following)))
        m = _HEADER.search(text)
        rows = _rows(text[m.end() :], m.group("heading"), int(m.group("first"))) if m else []
        if m is None or sum(1 for n, _, _ in rows if n) < _MIN_ROWS:
            continue
        unit_labels = _UNIT_LABELS.findall(m.group("labels"))[-2:]
        two = len(unit_labels) == 2
        header = Row([Cell("序号"), Cell(""), *(Cell(label) for label in unit_labels)])
        body = []
        for n, t, u in rows:
            cells = [n, t, u] if not two else [n, t, u[: _first_name(u)], u[_first_name(u) :]]
            body.append(Row([Cell(c.strip("、，,")) for c in cells], block.provenance))
        header.provenance = block.provenance
        table = Table([header, *body], block.provenance)
        split = (
            f"; each row's first unit name taken as the {unit_labels[0]} cell, the others "
            f"as the {unit_labels[1]} cell"
            if two
            else ""
        )
        notes.append(
            Note(
                "flattened-table",
                "a table printed with no separator between its cells: rows cut at the row "
                "numbers after each row's closing unit names; the cells between kept as one "
                f"text{split}",
                block.provenance,
            )
        )
        return [*blocks[:index], table], [table]
    return blocks, []
