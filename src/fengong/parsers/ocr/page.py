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
class OcrWord:
    """A run of text outside the tables, as pdfplumber gives a word: its box in points,
    its text, its character size in points and the recogniser's confidence."""

    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    size: float
    confidence: float

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


LOW_CONFIDENCE = 0.85  # a line recognised with less is reported with the units it names


def _glue(left: str, right: str) -> str:
    if left[-1:].isascii() and right[:1].isascii() and left[-1:].isalnum():
        return f"{left} {right}"
    return left + right


def _split_at_walls(box: TextBox, grid: Grid) -> list[TextBox]:
    """A text box that runs across a column line of the grid, cut there: its characters
    shared out by width (CJK text is set in even widths)."""
    height = box.bottom - box.top
    cuts = [x for x in grid.xs[1:-1] if box.x0 + height * 0.5 < x < box.x1 - height * 0.5]
    if not cuts or len(box.text) < 2:
        return [box]
    middle = (box.top + box.bottom) / 2
    pieces: list[TextBox] = []
    start_x, start_i = box.x0, 0
    per_char = (box.x1 - box.x0) / len(box.text)
    for x in cuts:
        left = grid.cell_at(x - 1, middle)
        right = grid.cell_at(x + 1, middle)
        if left is right:
            continue  # a merged cell: the line is not drawn there
        i = max(start_i + 1, min(len(box.text) - 1, round((x - box.x0) / per_char)))
        pieces.append(TextBox(start_x, box.top, x, box.bottom, box.text[start_i:i], box.confidence))
        start_x, start_i = x, i
    pieces.append(TextBox(start_x, box.top, box.x1, box.bottom, box.text[start_i:], box.confidence))
    return [p for p in pieces if p.text.strip()]


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
        for piece in _split_at_walls(box, grid):
            cell = grid.cell_at((piece.x0 + piece.x1) / 2, (piece.top + piece.bottom) / 2)
            if cell is not None:
                by_cell[cell].append(piece)
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


def _cells_text(image: Any, grid: Grid) -> list[TextBox]:
    """Recognise the text of each cell of a grid on its own (a line of text never runs
    across a cell border), skipping cells without ink; boxes in the page's pixels."""
    from fengong.parsers.ocr.grid import binarise

    boxes: list[TextBox] = []
    h, w = image.shape
    for cell in grid.cells:
        x0, top, x1, bottom = (int(v) for v in cell.bbox)
        x0, top, x1, bottom = max(0, x0 + 3), max(0, top + 3), min(w, x1 - 2), min(h, bottom - 2)
        if x1 - x0 < 8 or bottom - top < 8:
            continue
        crop = image[top:bottom, x0:x1]
        if int((binarise(crop) > 0).sum()) < 30:
            continue  # an empty cell (or a speck)
        for box in recognise(crop):
            boxes.append(
                TextBox(box.x0 + x0, box.top + top, box.x1 + x0, box.bottom + top, box.text,
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
        outside = recognise(_blank(clean, grids))
    else:
        outside = recognise(level)
    all_boxes = list(outside)
    for grid in grids:
        inside = _cells_text(clean, grid)
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
