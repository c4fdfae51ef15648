"""One page image → what a PDF page gives the reader: ruled tables (grids with their
cells' text), and positioned text outside them, in PDF points.

``read_page_image`` is a pure function of the image, so pages can be read in parallel
processes; its result is plain data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fengong.parsers.ocr.engine import TextBox, recognise
from fengong.parsers.ocr.grid import (
    Grid,
    GridCell,
    deskew,
    erase_lines,
    masks_to_grids,
    ruling_masks,
)
from fengong.parsers.pdf.unruled import Segment

POINTS_PER_INCH = 72.0


@dataclass
class OcrTable:
    """A ruled table read from an image: its rows of cells (``None`` where a merge
    covers the position; else ``(text, row_span, col_span)``), the box of each row and of
    the table, in points."""

    rows: list[list[tuple[str, int, int] | None]]
    row_boxes: list[tuple[float, float, float, float]]
    bbox: tuple[float, float, float, float]


@dataclass
class OcrWord(Segment):
    """A run of text outside the tables, as pdfplumber gives a word: its box in points,
    its text, its character size in points and the recogniser's confidence."""

    confidence: float = 0.0

    def as_word(self) -> dict[str, Any]:
        """The word as pdfplumber's ``extract_words`` gives it (with ``size``)."""
        return {
            "x0": self.x0, "x1": self.x1, "top": self.top, "bottom": self.bottom,
            "text": self.text, "size": self.size,
        }  # fmt: skip


@dataclass
class PageLayout:
    """What OCR read on one page, in points: the page size, its ruled tables, the words
    outside them, every line's confidence, and the angle the page was turned by."""

    width: float
    height: float
    tables: list[OcrTable] = field(default_factory=list)
    words: list[OcrWord] = field(default_factory=list)
    confidences: list[float] = field(default_factory=list)
    low_confidence: list[str] = field(default_factory=list)
    angle: float = 0.0


_STRIP_INCHES = 2.5  # tallest strip of a page the detector reads at once
LOW_CONFIDENCE = 0.85  # a line recognised with less is reported with the units it names


def _glue(left: str, right: str) -> str:
    if left[-1:].isascii() and right[:1].isascii() and left[-1:].isalnum():
        return f"{left} {right}"
    return left + right


def _cell_text(boxes: list[TextBox]) -> str:
    """The text of a cell: its boxes in lines (by their tops), lines joined with ``\\n``."""
    lines: list[list[TextBox]] = []
    for box in sorted(boxes, key=lambda b: (b.top, b.x0)):
        if lines and abs(box.top - lines[-1][0].top) < 0.5 * (box.bottom - box.top):
            lines[-1].append(box)
        else:
            lines.append([box])
    out = []
    for line in lines:
        text = ""
        for box in sorted(line, key=lambda b: b.x0):
            text = _glue(text, box.text) if text else box.text
        out.append(text)
    return "\n".join(out)


def _grid_table(grid: Grid, boxes: list[TextBox], scale: float) -> OcrTable:
    """The grid with the boxes placed in its cells (by their centres), in points."""
    by_cell: dict[GridCell, list[TextBox]] = {cell: [] for cell in grid.cells}
    for box in boxes:
        cell = grid.cell_at((box.x0 + box.x1) / 2, (box.top + box.bottom) / 2)
        if cell is not None:
            by_cell[cell].append(box)
    n_rows, n_cols = len(grid.ys) - 1, len(grid.xs) - 1
    rows: list[list[tuple[str, int, int] | None]] = [[None] * n_cols for _ in range(n_rows)]
    for cell, found in by_cell.items():
        rows[cell.row][cell.col] = (_cell_text(found), cell.row_span, cell.col_span)
    x0, top, x1, bottom = grid.bbox
    row_boxes = [
        (x0 * scale, grid.ys[r] * scale, x1 * scale, grid.ys[r + 1] * scale) for r in range(n_rows)
    ]
    return OcrTable(rows, row_boxes, (x0 * scale, top * scale, x1 * scale, bottom * scale))


def _in_grid(box: TextBox, grid: Grid) -> bool:
    x0, top, x1, bottom = grid.bbox
    cx, cy = (box.x0 + box.x1) / 2, (box.top + box.bottom) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _runs(flags: Any, join: int) -> list[tuple[int, int]]:
    """The runs of true values in a 1-D array as ``(start, end)``, runs closer than
    ``join`` joined."""
    runs: list[list[int]] = []
    start = None
    for i, flag in enumerate([*flags.tolist(), False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            if runs and start - runs[-1][1] <= join:
                runs[-1][1] = i
            else:
                runs.append([start, i])
            start = None
    return [(a, b) for a, b in runs]


def line_boxes(ink: Any, min_height: int) -> list[tuple[int, int, int, int]]:
    """The lines of text in a cell's ink mask (255 where ink): bands of rows with ink,
    each with the extent of its ink, as ``(x0, top, x1, bottom)``; bands lower than
    ``min_height`` (specks, the rest of a ruling line) are dropped."""
    rows = (ink > 0).sum(axis=1) >= 2
    boxes = []
    for top, bottom in _runs(rows, 2):
        if bottom - top < min_height:
            continue
        cols = (ink[top:bottom] > 0).sum(axis=0) >= 1
        spans = [(a, b) for a, b in _runs(cols, bottom - top) if b - a >= 2]
        if spans:
            boxes.append((spans[0][0], top, spans[-1][1], bottom))
    return boxes


def _cells_text(image: Any, grid: Grid, dpi: float) -> list[TextBox]:
    """Recognise the text of each cell of a grid: its lines found by the rows its ink
    fills (a line of text never runs across a cell border), all recognised in one batch
    without detection; boxes in the page's pixels."""
    from fengong.parsers.ocr.engine import recognise_lines
    from fengong.parsers.ocr.grid import binarise

    min_height = max(4, round(dpi * 0.04))  # a line is at least ~3 pt high
    pad = max(2, round(dpi * 0.02))
    h, w = image.shape
    found: list[tuple[int, int, int, int]] = []
    for cell in grid.cells:
        x0, top, x1, bottom = (int(v) for v in cell.bbox)
        x0, top, x1, bottom = max(0, x0 + 4), max(0, top + 4), min(w, x1 - 3), min(h, bottom - 3)
        if x1 - x0 < 8 or bottom - top < 8:
            continue
        for lx0, ltop, lx1, lbottom in line_boxes(binarise(image[top:bottom, x0:x1]), min_height):
            found.append(
                (max(0, x0 + lx0 - pad), max(0, top + ltop - pad), min(w, x0 + lx1 + pad),
                 min(h, top + lbottom + pad))
            )  # fmt: skip
    crops = [image[t:b, a:c] for a, t, c, b in found]
    read = recognise_lines(crops)
    return [
        TextBox(a, t, c, b, text, score)
        for (a, t, c, b), (text, score) in zip(found, read, strict=True)
        if text
    ]


def _strips(rows: Any, dpi: float) -> list[tuple[int, int]]:
    """Blocks of rows with ink (``rows``: a flag per row), as ``(top, bottom)``: runs of
    lines closer than about a fifth of an inch, cut between lines so that none is taller
    than ``_STRIP_INCHES`` (the detector's memory grows with the area it sees)."""
    tallest = round(dpi * _STRIP_INCHES)
    strips: list[list[int]] = []
    for top, bottom in _runs(rows, 2):  # lines (or parts of a line with gaps)
        if bottom - top < dpi * 0.04:
            continue  # specks
        if strips and top - strips[-1][1] <= dpi * 0.3 and bottom - strips[-1][0] <= tallest:
            strips[-1][1] = bottom
        else:
            strips.append([top, bottom])
    return [(a, b) for a, b in strips]


def _outside_text(image: Any, dpi: float) -> list[TextBox]:
    """Recognise the text outside the tables (painted white): detection and recognition
    over strips of rows that hold ink, not over the whole page."""
    from fengong.parsers.ocr.grid import binarise

    rows = (binarise(image) > 0).sum(axis=1) >= 3
    boxes: list[TextBox] = []
    for top, bottom in _strips(rows, dpi):
        top, bottom = max(0, top - 6), min(image.shape[0], bottom + 6)
        for box in recognise(image[top:bottom]):
            boxes.append(
                TextBox(box.x0, box.top + top, box.x1, box.bottom + top, box.text,
                        box.confidence)
            )  # fmt: skip
    return boxes


def _blank(image: Any, grids: list[Grid]) -> Any:
    """The page image with the tables' areas painted white."""
    clean = image.copy()
    for grid in grids:
        x0, top, x1, bottom = (int(v) for v in grid.bbox)
        clean[max(0, top - 4) : bottom + 5, max(0, x0 - 4) : x1 + 5] = 255
    return clean


def read_page_image(gray: Any, dpi: float) -> PageLayout:
    """Read a grey page image (a ``numpy`` array) scanned or rendered at ``dpi``: turn it
    level, find its ruled tables, erase their lines, recognise the text of each cell and
    of the page outside the tables; return the ``PageLayout`` in points."""
    scale = POINTS_PER_INCH / dpi
    level, angle = deskew(gray)
    horizontal, vertical = ruling_masks(level)
    grids = masks_to_grids(horizontal, vertical)
    h, w = level.shape
    layout = PageLayout(w * scale, h * scale, angle=angle)
    if grids:
        clean = erase_lines(level, horizontal, vertical, grids)
        outside = _outside_text(_blank(clean, grids), dpi)
    else:
        outside = _outside_text(level, dpi)
    all_boxes = list(outside)
    for grid in grids:
        inside = _cells_text(clean, grid, dpi)
        all_boxes += inside
        layout.tables.append(_grid_table(grid, inside, scale))
    layout.confidences = [b.confidence for b in all_boxes]
    layout.low_confidence = [b.text for b in all_boxes if b.confidence < LOW_CONFIDENCE]
    for box in outside:
        layout.words.append(
            OcrWord(
                box.x0 * scale, box.x1 * scale, box.top * scale, box.bottom * scale, box.text,
                (box.bottom - box.top) * scale * 0.8, box.confidence,
            )
        )  # fmt: skip
    return layout
