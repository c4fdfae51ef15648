"""One page image → what a PDF page gives the reader: ruled tables (grids with their
cells' text), and positioned text outside them, in PDF points.

Lines of text are found without the detection model, by where the ink is: a line is a
band of rows with ink, its pieces the runs of ink a space or more apart
(``line_pieces``). Pieces close together are recognised at once, and the text read is put
back on them by where each character was read (``_parts``): a column gap parts words, a
narrower gap between two Chinese characters is a space (units in one cell). Only a band
too tall to be one line (a seal, a figure) goes through the detector.

``read_page_image`` is a pure function of the image, so pages can be read in parallel
processes; its result is plain data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from fengong.parsers.ocr.engine import LineText, TextBox, recognise
from fengong.parsers.ocr.grid import (
    Grid,
    GridCell,
    deskew,
    erase_lines,
    masks_to_grids,
    ruling_masks,
)
from fengong.parsers.pdf.unruled import SPLIT_GAP, Segment

POINTS_PER_INCH = 72.0
_HAN = re.compile(r"[\u3400-\u9fff]")


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


LOW_CONFIDENCE = 0.85  # a line recognised with less is reported with the units it names
_SPACE_GAP = 0.3  # in line heights: a wider gap between two runs of ink is a space …
_WORD_GAP = 1.2  # … a wider one parts what the recogniser reads at once
_TALLEST_LINE = 0.4  # inches: a band of ink taller than this is not one line of text
_CROP_PAD = 0.12  # in line heights: white kept around a line for the recogniser
_PUNCTUATION = "，。、；：？！（）《》「」『』【】〔〕“”‘’,.;:()"


Piece = tuple[int, int, int, int]  # a run of ink on one line: x0, top, x1, bottom


def _glue(left: str, right: str, space: bool) -> str:
    if space and left[-1:] not in _PUNCTUATION and right[:1] not in _PUNCTUATION:
        return f"{left} {right}"
    if left[-1:].isascii() and right[:1].isascii() and left[-1:].isalnum():
        return f"{left} {right}"
    return left + right


def _cell_text(boxes: list[TextBox]) -> str:
    """The text of a cell: its boxes in lines (by their tops), lines joined with ``\n``;
    boxes on one line joined with a space where the gap between them is one."""
    lines: list[list[TextBox]] = []
    for box in sorted(boxes, key=lambda b: (b.top, b.x0)):
        if lines and abs(box.top - lines[-1][0].top) < 0.5 * (box.bottom - box.top):
            lines[-1].append(box)
        else:
            lines.append([box])
    return "\n".join(_line_text(sorted(line, key=lambda b: b.x0)) for line in lines)


def _line_text(boxes: list[TextBox]) -> str:
    """The text of the boxes of one line, left to right: a space where the gap is wider
    than a space between characters (never after Chinese punctuation)."""
    text = boxes[0].text
    for left, right in pairwise(boxes):
        height = max(left.bottom - left.top, right.bottom - right.top, 1.0)
        text = _glue(text, right.text, right.x0 - left.x1 >= _SPACE_GAP * height)
    return text


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


def line_pieces(ink: Any, min_height: int, least_ink: int = 0) -> list[list[Piece]]:
    """The lines of text in an ink mask (255 where ink), top to bottom: bands of rows with
    ink, each as its pieces, the runs of ink parted by gaps of a space or more, as
    ``(x0, top, x1, bottom)``. Bands lower than ``min_height`` (specks, the rest of a
    ruling line) and narrow pieces with fewer than ``least_ink`` pixels of ink (specks)
    are dropped."""
    rows = (ink > 0).sum(axis=1) >= 2
    lines = []
    for top, bottom in _runs(rows, 2):
        height = bottom - top
        if height < min_height:
            continue
        band = ink[top:bottom] > 0
        cols = band.sum(axis=0)
        pieces = [
            (a, top, b, bottom)
            for a, b in _runs(cols >= 1, int(_SPACE_GAP * height))
            if b - a >= 0.3 * height or int(cols[a:b].sum()) >= least_ink
        ]
        if pieces:
            lines.append(pieces)
    return lines


def _crop(image: Any, piece: Piece) -> tuple[Any, int]:
    """The image of a piece of a line for the recogniser, with white around it, and the
    x in the page of the crop's left edge."""
    import cv2

    x0, top, x1, bottom = piece
    pad = max(2, round(_CROP_PAD * (bottom - top)))
    h, w = image.shape
    left = max(0, x0 - 2)
    crop = image[max(0, top - 1) : min(h, bottom + 1), left : min(w, x1 + 2)]
    padded = cv2.copyMakeBorder(crop, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)
    return padded, left - pad


def _words_of(line: list[Piece]) -> list[list[Piece]]:
    """The pieces of one line grouped for the recogniser: pieces closer than a wide gap
    are read together, for the context."""
    words: list[list[Piece]] = []
    for piece in line:
        height = piece[3] - piece[1]
        if words and piece[0] - words[-1][-1][2] < _WORD_GAP * height:
            words[-1].append(piece)
        else:
            words.append([piece])
    return words


def _parts(read: LineText, xs: list[float], word: list[Piece]) -> list[tuple[str, list[Piece]]]:
    """The text read in a word's image cut where its pieces are parted by a gap as wide
    as those between the columns of a borderless table (``SPLIT_GAP``, as in a PDF's
    text), each part with its pieces and a space where a gap is one."""
    text, height = read.text, word[0][3] - word[0][1]
    if len(xs) != len(text):
        return [(text, word)]
    out = []
    start_char, start_piece = 0, 0
    for k in range(1, len(word)):
        left, right = word[k - 1], word[k]
        if right[0] - left[2] < SPLIT_GAP * height:
            continue
        i = sum(1 for x in xs if x < (left[2] + right[0]) / 2)
        if start_char < i < len(text):
            part = word[start_piece:k]
            out.append((_with_spaces(text[start_char:i], xs[start_char:i], part), part))
            start_char, start_piece = i, k
    part = word[start_piece:]
    out.append((_with_spaces(text[start_char:], xs[start_char:], part), part))
    return out


def _with_spaces(text: str, xs: list[float], pieces: list[Piece]) -> str:
    """The text read over these pieces (each character's x in the page) with a space at
    each gap between the pieces, put between the characters read either side of it."""
    if len(xs) != len(text):
        return text.strip()
    xs = list(xs)
    for a, b in reversed(list(pairwise(pieces))):
        gap = (a[2] + b[0]) / 2
        i = sum(1 for x in xs if x < gap)
        if 0 < i < len(text) and _spaced(text[i - 1], text[i]):
            text = f"{text[:i]} {text[i:]}"
            xs.insert(i, gap)
    return text.strip()


def _spaced(left: str, right: str) -> bool:
    """Whether a gap between these two characters is a space: between two Chinese
    characters or two Latin letters or digits; not beside punctuation, nor between a
    Chinese character and a Latin one or a digit (word processors widen that gap)."""
    if _HAN.match(left) and _HAN.match(right):
        return True
    return left.isascii() and right.isascii() and left.isalnum() and right.isalnum()


def _read_words(image: Any, lines: list[list[Piece]]) -> list[TextBox]:
    """The text of the lines: each group of pieces (``_words_of``) recognised, all in one
    batch without detection, then cut into words where a column gap parts them
    (``_parts``); boxes in the image's pixels. Words read as nothing, and specks
    (narrower than they are high, read with little confidence), are dropped."""
    from fengong.parsers.ocr.engine import recognise_lines

    words = [word for line in lines for word in _words_of(line)]
    crops = [_crop(image, (w[0][0], w[0][1], w[-1][2], w[0][3])) for w in words]
    read = recognise_lines([crop for crop, _ in crops])
    boxes = []
    for word, (crop, left), found in zip(words, crops, read, strict=True):
        xs = [left + c * crop.shape[1] for c in found.centres]
        for text, part in _parts(found, xs, word):
            x0, top, x1, bottom = part[0][0], part[0][1], part[-1][2], part[0][3]
            if text and not (found.confidence < 0.5 and x1 - x0 < 0.5 * (bottom - top)):
                boxes.append(TextBox(x0, top, x1, bottom, text, found.confidence))
    return boxes


def _lines(ink: Any, dpi: float) -> list[list[Piece]]:
    """``line_pieces`` at a resolution: a line of text is at least ~3 pt high, and a
    speck has less ink than a square of ~1.4 pt."""
    return line_pieces(ink, max(4, round(dpi * 0.04)), round((dpi * 0.02) ** 2))


def _cells_text(image: Any, grid: Grid, dpi: float) -> list[TextBox]:
    """Recognise the text of each cell of a grid: its lines found by the rows its ink
    fills (a line of text never runs across a cell border), each line's pieces; boxes in
    the page's pixels."""
    from fengong.parsers.ocr.grid import binarise

    h, w = image.shape
    found: list[list[Piece]] = []
    for cell in grid.cells:
        x0, top, x1, bottom = (int(v) for v in cell.bbox)
        x0, top, x1, bottom = max(0, x0 + 4), max(0, top + 4), min(w, x1 - 3), min(h, bottom - 3)
        if x1 - x0 < 8 or bottom - top < 8:
            continue
        ink = binarise(image[top:bottom, x0:x1])
        for line in _lines(ink, dpi):
            found.append([(x0 + a, top + t, x0 + c, top + b) for a, t, c, b in line])
    return _read_words(image, found)


def _outside_text(image: Any, dpi: float) -> list[TextBox]:
    """Recognise the text outside the tables (painted white): each line of ink read
    piece by piece without detection; a band of ink too tall to be one line (a seal, a
    figure, lines run together) goes through the detector."""
    from fengong.parsers.ocr.grid import binarise

    lines = _lines(binarise(image), dpi)
    heights = sorted(line[0][3] - line[0][1] for line in lines)
    tallest = dpi * _TALLEST_LINE
    if len(heights) >= 3:
        tallest = min(tallest, 2.2 * heights[len(heights) // 2])
    plain = [line for line in lines if line[0][3] - line[0][1] <= tallest]
    boxes = _read_words(image, plain)
    for line in lines:
        top, bottom = line[0][1], line[0][3]
        if bottom - top > tallest:
            top, bottom = max(0, top - 6), min(image.shape[0], bottom + 6)
            for box in recognise(image[top:bottom]):
                boxes.append(
                    TextBox(box.x0, box.top + top, box.x1, box.bottom + top, box.text,
                            box.confidence)
                )  # fmt: skip
    boxes.sort(key=lambda b: (b.top, b.x0))
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
                (box.bottom - box.top) * scale, box.confidence,
            )
        )  # fmt: skip
    return layout
