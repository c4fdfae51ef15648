"""Ruling lines in a page image: deskewing, the lines themselves (OpenCV morphology), and
the table grids they draw, merged cells included.

The chain, each step a function: ``deskew`` (the small rotation of a scan, found by the
sharpest row profile) → ``ruling_masks`` (long thin horizontal and vertical runs of ink)
→ ``masks_to_grids`` (each connected set of lines with two rows and two columns or more:
the x of its column lines, the y of its row lines, and which neighbouring grid cells have
no line between them, so form one merged cell).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

_MAX_SKEW = 2.0  # degrees searched either way
_SKEW_STEP = 0.1


@dataclass(frozen=True)
class GridCell:
    """A cell of a table grid: its first row and column, its spans, and its box in pixels
    ``(x0, top, x1, bottom)``."""

    row: int
    col: int
    row_span: int
    col_span: int
    bbox: tuple[float, float, float, float]


@dataclass
class Grid:
    """A ruled table found in an image: the x of its column lines, the y of its row lines,
    and its cells (one per merged group), row by row."""

    xs: list[float]
    ys: list[float]
    cells: list[GridCell]

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """The table's box in pixels."""
        return (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])

    def cell_at(self, x: float, y: float) -> GridCell | None:
        """Return the cell that the point ``(x, y)`` falls in, or None outside the grid."""
        for cell in self.cells:
            x0, top, x1, bottom = cell.bbox
            if x0 <= x < x1 and top <= y < bottom:
                return cell
        return None


def binarise(gray: Any) -> Any:
    """Return the ink of a grey page image as a 0/255 mask (ink is 255), by Otsu's
    threshold."""
    import cv2

    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return ink


def skew_angle(gray: Any) -> float:
    """Return the rotation in degrees (within ±2°) that makes the page's rows of ink most
    level: the angle whose row profile of a reduced copy has the largest variance."""
    import cv2
    import numpy as np

    scale = min(1.0, 1000 / max(gray.shape))
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ink = binarise(small)
    h, w = ink.shape
    centre = (w / 2, h / 2)
    best, best_score = 0.0, -1.0
    level_score = 0.0
    steps = round(_MAX_SKEW / _SKEW_STEP)
    for k in range(-steps, steps + 1):
        angle = k * _SKEW_STEP
        matrix = cv2.getRotationMatrix2D(centre, angle, 1.0)
        turned = cv2.warpAffine(ink, matrix, (w, h), flags=cv2.INTER_NEAREST)
        profile = turned.sum(axis=1, dtype=np.float64)
        score = float(np.var(np.diff(profile)))
        if k == 0:
            level_score = score
        if score > best_score:
            best, best_score = angle, score
    # a page with little text has a flat profile at every angle: turn it only when the
    # turn makes its rows clearly sharper
    return best if best_score > 1.1 * level_score else 0.0


def deskew(gray: Any) -> tuple[Any, float]:
    """Return the page image turned level, and the angle it was turned by (degrees)."""
    import cv2

    angle = skew_angle(gray)
    if abs(angle) < 0.05:
        return gray, 0.0
    h, w = gray.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    turned = cv2.warpAffine(
        gray, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
        borderValue=255,
    )  # fmt: skip
    return turned, angle


def ruling_masks(gray: Any) -> tuple[Any, Any]:
    """Return the horizontal and the vertical ruling lines of a page image as two 0/255
    masks: runs of ink much longer than any character, closed over small breaks."""
    import cv2

    ink = binarise(gray)
    h, w = ink.shape
    long_h = max(30, w // 30)
    long_v = max(30, h // 40)
    horizontal = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (long_h, 1))
    )
    vertical = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, long_v))
    )
    horizontal = cv2.dilate(horizontal, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 3)))
    vertical = cv2.dilate(vertical, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 9)))
    return horizontal, vertical


def erase_lines(gray: Any, horizontal: Any, vertical: Any, grids: list[Grid]) -> Any:
    """Return the page image with the ruling lines of its grids painted white, so that the
    text detector never joins text across a cell border (long strokes outside the grids,
    such as a bold title's, are left alone)."""
    import cv2

    lines = cv2.dilate(horizontal | vertical, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    clean = gray.copy()
    h, w = gray.shape
    for grid in grids:
        x0, top, x1, bottom = (int(v) for v in grid.bbox)
        x0, top, x1, bottom = max(0, x0 - 8), max(0, top - 8), min(w, x1 + 9), min(h, bottom + 9)
        clean[top:bottom, x0:x1][lines[top:bottom, x0:x1] > 0] = 255
    return clean


def _cluster(values: list[float], tolerance: float) -> list[float]:
    """Values closer than ``tolerance`` merged into their mean, sorted."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tolerance:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(group) / len(group) for group in out]


def _segments(mask: Any, along: int) -> list[tuple[float, float, float]]:
    """The line pieces of a mask as ``(position, start, end)``: for horizontal lines
    (``along`` 0) the y and the x extent, for vertical ones the x and the y extent."""
    import cv2

    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    found = []
    for i in range(1, count):
        x, y, w, h = (float(v) for v in stats[i][:4])
        if along == 0:
            found.append((y + h / 2, x, x + w))
        else:
            found.append((x + w / 2, y, y + h))
    return found


def _wall(mask: Any, fixed: float, start: float, end: float, vertical: bool) -> bool:
    """Whether a ruling line runs at ``fixed`` (an x for a vertical line, a y for a
    horizontal one) over most of ``start``..``end``."""
    margin = (end - start) * 0.15
    lo, hi = int(start + margin), int(end - margin)
    if hi <= lo:
        return True
    f = round(fixed)
    band = mask[lo:hi, max(0, f - 4) : f + 5] if vertical else mask[max(0, f - 4) : f + 5, lo:hi]
    covered = band.any(axis=1) if vertical else band.any(axis=0)
    return bool(covered.mean() > 0.6)


def masks_to_grids(horizontal: Any, vertical: Any) -> list[Grid]:
    """Return the table grids drawn by the ruling lines: each connected set of lines with
    at least two row lines and two column lines."""
    import cv2

    h, w = horizontal.shape
    joined = cv2.dilate(horizontal | vertical, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5)))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    grids = []
    tolerance = max(6.0, 0.004 * max(h, w))
    for i in range(1, count):
        x, y, bw, bh = (int(v) for v in stats[i][:4])
        if bw < w * 0.2 or bh < 2 * tolerance:
            continue
        region = labels[y : y + bh, x : x + bw] == i
        inside = region.astype("uint8")
        rows = [
            (pos + y, s + x, e + x)
            for pos, s, e in _segments((horizontal[y : y + bh, x : x + bw] > 0) * inside, 0)
        ]
        cols = [
            (pos + x, s + y, e + y)
            for pos, s, e in _segments((vertical[y : y + bh, x : x + bw] > 0) * inside, 1)
        ]
        grid = _grid(horizontal, vertical, rows, cols, tolerance)
        if grid is not None:
            grids.append(grid)
    return grids


def _grid(
    horizontal: Any,
    vertical: Any,
    rows: list[tuple[float, float, float]],
    cols: list[tuple[float, float, float]],
    tolerance: float,
) -> Grid | None:
    ys = _cluster([pos for pos, _, _ in rows], tolerance)
    xs = _cluster([pos for pos, _, _ in cols], tolerance)
    if len(ys) < 2 or len(xs) < 2:
        return None
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    parent = list(range(n_rows * n_cols))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for r in range(n_rows):
        for c in range(n_cols):
            here = r * n_cols + c
            if c + 1 < n_cols and not _wall(vertical, xs[c + 1], ys[r], ys[r + 1], True):
                parent[find(here + 1)] = find(here)
            if r + 1 < n_rows and not _wall(horizontal, ys[r + 1], xs[c], xs[c + 1], False):
                parent[find(here + n_cols)] = find(here)
    groups: dict[int, list[tuple[int, int]]] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            groups.setdefault(find(r * n_cols + c), []).append((r, c))
    cells = []
    for members in groups.values():
        r0 = min(r for r, _ in members)
        r1 = max(r for r, _ in members)
        c0 = min(c for _, c in members)
        c1 = max(c for _, c in members)
        cells.append(
            GridCell(r0, c0, r1 - r0 + 1, c1 - c0 + 1, (xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1]))
        )
    cells.sort(key=lambda cell: (cell.row, cell.col))
    return Grid(xs, ys, cells)
