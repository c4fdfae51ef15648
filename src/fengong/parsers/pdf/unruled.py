"""Tables without ruling lines: columns and rows read from where the text stands.

A page with no ruled table may still hold a table drawn without lines (aligned text).
Its columns show as *gutters*: vertical strips that the text of most lines leaves
empty, while prose lines run across the whole text width. Its rows show where the cells
start together: on a row's first line every filled cell starts a new paragraph, while
on a wrapped line at least one cell goes on with the paragraph above.

The steps, each a function below:

1. ``segments``: the words of the page joined into runs of text on one line, split
   where the gap is wider than about one character (a column gap or a wide space).
2. ``find_regions``: runs of lines where several lines hold two or more segments and
   no line spans the text width; the least-covered strips of each run are its columns.
   A table running to a page's foot carries its columns to the next page.
3. ``sure_row_starts``: the header (the first line and the short labels going on from
   it), then the rows the layout shows for sure: at each row number when the table has
   a number column (``number_column``); else where at least two cells start a
   paragraph and fewer go on from above. A line whose one segment starts in the first
   column and crosses a gutter is a section row.
4. ``leading_column`` and ``read_rows``: over the whole document, the column whose
   paragraphs begin rows (the task column) also starts a row with each new paragraph
   (each numbered one, when the column numbers its rows);
   a cell running on across such a row start is one cell merged over those rows.
5. ``region_table``: the rows as a document-model ``Table``.

What cannot be seen is not guessed: a vertically merged cell that does not visibly run
on shows its text once, at its first row, so the document is marked as not showing
merges; a row whose only filled cell is outside the leading column reads as part of the
row above.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from fengong.document import Cell, Provenance, Row, Table
from fengong.item_numbers import DOT, ITEM_DOT, ITEM_NUMBER
from fengong.textnorm import ends_sentence

SPLIT_GAP = 0.75  # in character sizes: a wider gap separates two segments of a line
_GUTTER_MIN = 0.6  # in character sizes: narrowest gutter between two columns
_WIDE = 0.6  # share of the text width a one-segment line must span to be prose
_MIN_SPLIT_LINES = 3
_MAX_CONTINUATION = 60  # lines of one wrapped cell between two multi-segment lines
_MAX_BINS = 20_000  # half-point bins over 10 000 pt; a hostile file's coordinates stay bounded
_ITEM_START = re.compile(rf"^\s*(?:{ITEM_NUMBER})")
_ARABIC_ITEM = re.compile(rf"^\s*(\d{{1,3}}){ITEM_DOT}")
_NUMBER_CELL = re.compile(rf"^\s*\d{{1,3}}{DOT}?\s*$")
_LABEL_PUNCTUATION = re.compile(r"[。，；、：:,;]")


@dataclass
class Segment:
    """A run of text on one line of a page, with its box and character size."""

    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    size: float


@dataclass
class Line:
    """Segments whose tops agree, left to right."""

    segments: list[Segment]

    @property
    def top(self) -> float:
        return min(s.top for s in self.segments)

    @property
    def bottom(self) -> float:
        return max(s.bottom for s in self.segments)


@dataclass
class Columns:
    """Column layout of an unruled table: the gutters between columns, left to right."""

    gutters: list[tuple[float, float]]
    left: float
    right: float

    @property
    def width(self) -> int:
        return len(self.gutters) + 1

    def index(self, x: float) -> int:
        """Return the column that the x coordinate falls in."""
        return sum(1 for g0, g1 in self.gutters if x > (g0 + g1) / 2)

    def span(self, seg: Segment) -> tuple[int, int]:
        """Return the first and last column a segment covers."""
        size = max(seg.size, 1.0)
        return self.index(seg.x0 + size / 2), self.index(seg.x1 - size / 2)

    def place(self, line: Line) -> list[tuple[Segment, int, int]]:
        """Return each segment of a line with the first and last column it stands in. Only
        a line's one segment starting in the first column spans columns (a section row);
        any other segment running into a gutter overflows its cell (a long number or
        Latin word that cannot wrap) and stays in the column it starts in."""
        placed = []
        for seg in line.segments:
            first, last = self.span(seg)
            if first > 0 or len(line.segments) > 1:
                last = first
            placed.append((seg, first, last))
        return placed

    def crosses(self, seg: Segment) -> bool:
        """Whether a segment runs across a gutter."""
        first, last = self.span(seg)
        return last > first

    def fits(self, line: Line) -> bool:
        """Whether no segment of the line runs across a gutter."""
        return not any(self.crosses(s) for s in line.segments)


@dataclass
class Region:
    """Lines of one unruled table on one page, with its columns."""

    lines: list[Line]
    columns: Columns

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        segs = [s for line in self.lines for s in line.segments]
        return (
            min(s.x0 for s in segs),
            self.lines[0].top,
            max(s.x1 for s in segs),
            self.lines[-1].bottom,
        )


def _glue(left: str, right: str, gap: float, size: float) -> str:
    if gap > 0.2 * size and left[-1:].isascii() and right[:1].isascii():
        return f"{left} {right}"
    return left + right


def segments(words: list[dict[str, Any]]) -> list[Segment]:
    """Return the segments of pdfplumber words (with ``size``): words on one line whose
    gap is under about one character are one segment."""
    found: list[Segment] = []
    for line in _group_by_top([_word_segment(w) for w in words]):
        current: Segment | None = None
        for seg in sorted(line, key=lambda s: s.x0):
            size = max(seg.size, 1.0)
            if current is not None and seg.x0 - current.x1 < SPLIT_GAP * size:
                current.text = _glue(current.text, seg.text, seg.x0 - current.x1, size)
                current.x1 = max(current.x1, seg.x1)
                current.top = min(current.top, seg.top)
                current.bottom = max(current.bottom, seg.bottom)
                continue
            if current is not None:
                found.append(current)
            current = Segment(seg.x0, seg.x1, seg.top, seg.bottom, seg.text, seg.size)
        if current is not None:
            found.append(current)
    return found


def _word_segment(word: dict[str, Any]) -> Segment:
    return Segment(
        float(word["x0"]),
        float(word["x1"]),
        float(word["top"]),
        float(word["bottom"]),
        word["text"],
        float(word.get("size") or (word["bottom"] - word["top"])),
    )


def _group_by_top(items: Sequence[Segment]) -> list[list[Segment]]:
    groups: list[list[Segment]] = []
    for seg in sorted(items, key=lambda s: (s.top, s.x0)):
        if groups and abs(seg.top - groups[-1][0].top) < 0.4 * max(seg.size, 1.0):
            groups[-1].append(seg)
        else:
            groups.append([seg])
    return groups


def lines_of(segs: Sequence[Segment]) -> list[Line]:
    """Return the segments grouped into lines, top to bottom."""
    return [Line(sorted(group, key=lambda s: s.x0)) for group in _group_by_top(segs)]


def _gutters(lines: list[Line], size: float) -> Columns | None:
    """The strips that (almost) no segment of these lines covers, between their edges."""
    left = min(s.x0 for ln in lines for s in ln.segments)
    right = max(s.x1 for ln in lines for s in ln.segments)
    step = max(0.5, (right - left) / _MAX_BINS)  # coarser only on absurd coordinates
    bins = int((right - left) / step) + 1
    cover = [0] * bins
    for ln in lines:
        for s in ln.segments:
            for b in range(int((s.x0 - left) / step), min(bins, int((s.x1 - left) / step) + 1)):
                cover[b] += 1
    allowed = len(lines) // 10
    gutters: list[tuple[float, float]] = []
    start: int | None = None
    for b in range(bins + 1):
        empty = b < bins and cover[b] <= allowed
        if empty and start is None:
            start = b
        elif not empty and start is not None:
            if start > 0 and b < bins:
                gutters.extend(
                    (left + lo * step, left + hi * step)
                    for lo, hi in _least_covered(cover, start, b)
                    if (hi - lo) * step >= _GUTTER_MIN * size
                )
            start = None
    return Columns(gutters, left, right) if gutters else None


def _least_covered(cover: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """The runs of bins in ``[start, end)`` with the least coverage: a strip that a few
    lines cross is a gutter only where it is emptiest (the blank right part of a column
    that only a few lines fill is not a gutter, while a column that only a few lines use
    still has a gutter on each side)."""
    least = min(cover[start:end])
    runs = []
    run_start: int | None = None
    for b in range(start, end + 1):
        if b < end and cover[b] == least:
            run_start = b if run_start is None else run_start
        elif run_start is not None:
            runs.append((run_start, b))
            run_start = None
    return runs


def find_regions(
    lines: list[Line], text_left: float, text_right: float, carry: Columns | None
) -> list[Region]:
    """Return the unruled tables among a page's lines (top to bottom, running heads
    removed). ``carry`` is the column layout of an unruled table that ran to the foot of
    the page before: lines at the top of this page that fit it continue that table."""
    if not lines:
        return []
    size = statistics.median(s.size for ln in lines for s in ln.segments)
    wide = _WIDE * (text_right - text_left)

    def is_wide(line: Line) -> bool:
        return len(line.segments) == 1 and line.segments[0].x1 - line.segments[0].x0 > wide

    regions: list[Region] = []
    i = 0
    while i < len(lines):
        if len(lines[i].segments) < 2:
            i += 1
            continue
        last_split, k = i, i + 1
        while k < len(lines):
            line = lines[k]
            if is_wide(line) or line.top - lines[k - 1].bottom > 2.5 * size:
                break
            if len(line.segments) >= 2:
                last_split = k
            elif k - last_split > _MAX_CONTINUATION:
                break
            k += 1
        split_lines = [ln for ln in lines[i : last_split + 1] if len(ln.segments) >= 2]
        above_fits = all(not is_wide(ln) and carry.fits(ln) for ln in lines[:i]) if carry else False
        previous = regions[-1].columns if regions else carry if above_fits else None
        columns = _columns_for(split_lines, size, previous)
        if columns is None:
            i = last_split + 1
            continue
        start = i
        while start < last_split and not columns.fits(lines[start]):
            start += 1  # a heading or prose line just above the table
        if not regions and columns is carry:
            while start > 0 and not is_wide(lines[start - 1]) and carry.fits(lines[start - 1]):
                start -= 1  # the rest of a row cut by the page break
        end = last_split + 1
        while (
            end < len(lines)
            and not is_wide(lines[end])
            and columns.fits(lines[end])
            and lines[end].top - lines[end - 1].bottom < 1.0 * size
        ):
            end += 1  # the last row's longer cells
        regions.append(Region(lines[start:end], columns))
        i = end
    return regions


def _columns_for(split_lines: list[Line], size: float, carry: Columns | None) -> Columns | None:
    """The columns of a run: the layout carried from above when the run fits it (so the
    pieces of one table keep one width; then one line with two cells is enough), else
    the run's own gutters; None when the run does not look like a table."""
    if carry is not None and split_lines:
        crossing = sum(1 for ln in split_lines if not carry.fits(ln))
        if crossing <= len(split_lines) // 4:
            return carry
    if len(split_lines) < _MIN_SPLIT_LINES:
        return None
    columns = _gutters(split_lines, size)
    if columns is None:
        return None
    crossing = sum(1 for ln in split_lines if not columns.fits(ln))
    used = {columns.index(s.x0) for ln in split_lines for s in ln.segments}
    if crossing > len(split_lines) // 4 or len(used) < 2:
        return None
    return columns


def _is_label_line(line: Line) -> bool:
    return all(len(s.text) <= 10 and not _LABEL_PUNCTUATION.search(s.text) for s in line.segments)


def _paragraph_state(seg: Segment, above: Segment | None, column_right: float) -> str:
    """``strong`` when the segment surely begins a paragraph in its cell (the line above
    ended a sentence and stopped short, or this starts the next numbered item), ``start``
    when its column was empty above, ``continues`` when it goes on with the line above,
    ``either`` when the layout cannot tell."""
    size = max(seg.size, 1.0)
    if above is None:
        return "start"
    flat_above = above.text.strip()
    if _ITEM_START.match(seg.text) and ends_sentence(flat_above):
        return "strong"
    if above.x1 < column_right - 2.5 * size and abs(above.x0 - seg.x0) < 0.5 * size:
        # (by more than the one or two characters a line loses when a closing mark may
        # not start the next line)
        return "strong"  # the line above stopped short: its paragraph ended there
    if ends_sentence(flat_above):
        return "either"
    return "continues"


@dataclass
class _LineView:
    placed: list[tuple[Segment, int, int]]
    states: dict[int, str]  # column -> paragraph state, for segments within one column
    crossing: bool
    numbered: bool
    label: bool

    def starts(self) -> int:
        return sum(1 for s in self.states.values() if s in ("start", "strong"))

    def continues(self) -> int:
        return sum(1 for s in self.states.values() if s == "continues")


def _line_views(region: Region, number_column: int | None) -> list[_LineView]:
    columns = region.columns
    right_edge = [columns.left] * columns.width
    for line in region.lines:
        for seg in line.segments:
            first, last = columns.span(seg)
            if first == last:
                right_edge[first] = max(right_edge[first], seg.x1)
    views = []
    above: dict[int, Segment] = {}
    for line in region.lines:
        placed = columns.place(line)
        pitch_limit = 1.8 * max(s.size for s in line.segments)
        above = {c: s for c, s in above.items() if line.top - s.top <= pitch_limit}
        states = {
            first: _paragraph_state(seg, above.get(first), right_edge[first])
            for seg, first, last in placed
            if first == last
        }
        numbered = number_column is not None and any(
            first == number_column and _NUMBER_CELL.match(seg.text) for seg, first, _ in placed
        )
        crossing = any(last > first for _, first, last in placed)
        views.append(_LineView(placed, states, crossing, numbered, _is_label_line(line)))
        for seg, first, last in placed:
            if first == last:  # a section row across columns ends on its line
                above[first] = seg
    return views


@dataclass
class RowStarts:
    """A region's lines with the rows their cells' starts show for sure (first pass)."""

    region: Region
    views: list[_LineView]
    begins: list[bool]
    body: int  # index of the first line after the header
    numbered: bool  # rows are numbered in a column of their own: they start only there


def _goes_on_header(view: _LineView) -> bool:
    """Whether a line below the first still belongs to the header: short labels, none of
    them a new paragraph under a label that ended short (the header's wrapped words go
    on, while the first body line starts under them)."""
    return (
        view.label
        and not view.numbered
        and not view.crossing
        and "strong" not in view.states.values()
    )


def sure_row_starts(region: Region, numbers: int | None) -> RowStarts:
    """Return where rows surely begin: the first line, the first line after the header's
    short labels, a section row and the line after it; then, in a table with a number
    column, a line with a row number, and in one without, a line where at least two
    cells start a paragraph and fewer go on from above."""
    views = _line_views(region, numbers)
    body = 1
    while body < len(views) and _goes_on_header(views[body]):
        body += 1
    begins = [i in (0, body) for i in range(len(views))]
    numbered = numbers is not None
    for i in range(body + 1, len(views)):
        view = views[i]
        begins[i] = (
            view.crossing
            or views[i - 1].crossing
            or view.numbered
            or (not numbered and view.starts() >= 2 and view.starts() > view.continues())
        )
    return RowStarts(region, views, begins, body, numbered)


def _item_number(text: str) -> int | None:
    match = _ARABIC_ITEM.match(text)
    return int(match.group(1)) if match else None


@dataclass(frozen=True)
class LeadingColumn:
    """The column whose new paragraphs begin rows, and whether it numbers them (``32.``
    ``33.`` at the rows' starts): then a paragraph of its own without an item number is
    the same cell's next paragraph, not a new row."""

    index: int
    numbered: bool = False


def leading_column(passes: list[RowStarts]) -> LeadingColumn | None:
    """The column whose new paragraphs begin rows (the task column), over all pieces of
    a document's unruled tables, or None. Evidence for a column: its item numbers run on
    from row to row at sure row starts (1. 2. 3. down the column), and it starts
    paragraphs without an item number between sure row starts. Evidence against: it
    goes on with the next item number (2. after 1.) between sure row starts, as a
    column of numbered items kept in one cell does."""
    score: dict[int, int] = {}
    for found in passes:
        last_number: dict[int, int] = {}
        for i in range(found.body, len(found.views)):
            view = found.views[i]
            for seg, column, last in view.placed:
                state = view.states.get(column)
                if column != last or state not in ("strong", "either", "start"):
                    continue
                number = _item_number(seg.text)
                follows = number is not None and number == last_number.get(column, -1) + 1
                if found.begins[i]:
                    evidence = 1 if follows else 0
                elif state == "start":
                    evidence = 0  # the column was empty above: it tells nothing
                elif follows:
                    evidence = -1  # the next item of a list inside one cell
                else:
                    evidence = 1 if number is None else 0
                score[column] = score.get(column, 0) + evidence
                if number is not None:
                    last_number[column] = number
    best = max(score, key=lambda c: score[c], default=None)
    if best is None or score[best] < 2:
        return None
    return LeadingColumn(best, _numbers_its_rows(passes, best))


def _numbers_its_rows(passes: list[RowStarts], column: int) -> bool:
    """Whether a column's paragraphs at the sure row starts open with an item number
    (``32.``, ``（三）``): three at least, and three in four of them."""
    numbered = unnumbered = 0
    for found in passes:
        for i in range(found.body, len(found.views)):
            view = found.views[i]
            if not found.begins[i] or view.crossing:
                continue
            for seg, first, last in view.placed:
                if first == last == column and view.states.get(column) != "continues":
                    if not _ITEM_START.match(seg.text):
                        unnumbered += 1
                    else:
                        numbered += 1
    return numbered >= 3 and numbered >= 3 * unnumbered


@dataclass
class _RowDraft:
    placed: list[tuple[Segment, int, int]] = field(default_factory=list)
    merged_from: dict[int, int] = field(default_factory=dict)  # column -> row it goes on from


def _leading_starts_row(view: _LineView, leading: LeadingColumn) -> bool:
    """Whether the leading column starts a row on this line: it starts a paragraph (or
    goes on after a line that ended a sentence at the column's edge), one that opens
    with an item number when the column numbers its rows (a short line before a long
    unbreakable word, ``（国发`` / ``〔2016〕55号）``, or a cell's second paragraph is no
    new row)."""
    if view.states.get(leading.index) not in ("strong", "either"):
        return False
    if not leading.numbered:
        return True
    text = next(seg.text for seg, first, last in view.placed if first == leading.index == last)
    return bool(_ITEM_START.match(text))


def read_rows(found: RowStarts, leading: LeadingColumn | None) -> list[_RowDraft]:
    """Group a region's segments into rows: at the sure starts, and where the leading
    column starts one (``_leading_starts_row``). A cell whose paragraph runs on across a
    row start is one cell merged over those rows: its lines stay with the row it
    started in."""
    rows: list[_RowDraft] = []
    carried: dict[int, int] = {}  # column -> row whose cell its lines still belong to
    last_number: dict[int, int] = {}  # column -> item number of its last paragraph
    lead = leading.index if leading else None
    for i, view in enumerate(found.views):
        begin = found.begins[i] or (
            i > found.body
            and not found.numbered
            and leading is not None
            and _leading_starts_row(view, leading)
        )
        if begin or not rows:
            rows.append(_RowDraft())
            body_above = len(rows) >= 3  # merges are among body rows, never into the header
            carried = {
                c: carried.get(c, len(rows) - 2)
                for c, state in view.states.items()
                if body_above and _runs_on(view, c, state, last_number, lead, found.begins[i])
            }
            rows[-1].merged_from.update(carried)
        for seg, first, last in view.placed:
            state = view.states.get(first)
            if first in carried and state == "start":
                del carried[first]  # the column was empty above: the merged cell ended
            target = rows[carried[first]] if first == last and first in carried else rows[-1]
            target.placed.append((seg, first, last))
            number = _item_number(seg.text) if state != "continues" else None
            if number is not None:
                last_number[first] = number
    return rows


def _runs_on(
    view: _LineView,
    column: int,
    state: str,
    last_number: dict[int, int],
    leading: int | None,
    sure: bool,
) -> bool:
    """Whether a column's text at a row start goes on with the cell above (so that cell
    is merged over the rows): outside the leading column, it starts the next numbered
    item of the list above (2. after 1.); or, at a row start only the leading column
    shows, its paragraph goes on (at a sure start, where most cells start anew, a line
    that looks continued is a list of names that happened to fill its line)."""
    if state == "continues":
        return not sure
    if column == leading or state not in ("strong", "either"):
        return False
    text = next(seg.text for seg, first, last in view.placed if first == column == last)
    number = _item_number(text)
    return number is not None and number == last_number.get(column, -1) + 1


def number_column(regions: list[Region]) -> int | None:
    """The column of row numbers (序号) over a document's unruled tables: on at least three
    lines, and on three in five of the lines where it holds text (the others: the header
    repeated on each page, a wrapped section name), a short number alone."""
    counts: dict[int, list[bool]] = {}
    for region in regions:
        for line in region.lines:
            for seg in line.segments:
                first, last = region.columns.span(seg)
                if first == last:
                    counts.setdefault(first, []).append(bool(_NUMBER_CELL.match(seg.text)))
    for column, flags in sorted(counts.items()):
        if sum(flags) >= 3 and sum(flags) >= 0.6 * len(flags):
            return column
    return None


def region_table(found: RowStarts, leading: LeadingColumn | None, page: int, index: int) -> Table:
    """Return the document-model ``Table`` of a region: one ``Row`` per row found, each
    cell's lines joined with newlines as in a ruled table's cells, a cell merged over
    rows or columns with its spans and ``None`` where it covers."""
    region = found.region
    width = region.columns.width
    drafts = read_rows(found, leading)
    row_spans: dict[tuple[int, int], int] = {}
    for r, draft in enumerate(drafts):
        for column, origin in draft.merged_from.items():
            row_spans[(origin, column)] = r - origin + 1
    out: list[Row] = []
    for r, draft in enumerate(drafts):
        texts: list[list[str]] = [[] for _ in range(width)]
        col_spans = [1] * width
        covered = set(draft.merged_from)
        for seg, first, last in sorted(draft.placed, key=lambda p: (p[0].top, p[0].x0)):
            texts[first].append(seg.text.strip())
            if last > first:
                col_spans[first] = max(col_spans[first], last - first + 1)
                covered.update(range(first + 1, last + 1))
        cells: list[Cell | None] = [
            None
            if c in covered
            else Cell("\n".join(texts[c]), row_span=row_spans.get((r, c), 1), col_span=col_spans[c])
            for c in range(width)
        ]
        segs = [p[0] for p in draft.placed] or [p[0] for p in drafts[r - 1].placed]
        where = Provenance(
            page=page,
            table=index,
            row=r,
            bbox=(
                region.columns.left,
                min(s.top for s in segs),
                region.columns.right,
                max(s.bottom for s in segs),
            ),
        )
        out.append(Row(cells, where, after_break=r == 0 and page > 1))
    return Table(out, Provenance(page=page, table=index, row=0, bbox=region.bbox))
