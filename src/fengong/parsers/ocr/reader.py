"""OCR'd pages into the PDF reader's page records, and image files into a ``Document``.

A page read by OCR becomes the same ``PageRecord`` a text-layer page becomes: ruled
tables as ``Table`` blocks, and positioned words that go through the PDF reader's own
reading of unruled tables and paragraphs. So the interpreter cannot tell a scan from a
born-digital PDF, except by the ``ocr`` note each such page carries.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Iterator
from typing import Any

from fengong.document import Cell, Document, Provenance, Row, Table
from fengong.parsers.limits import DEFAULT_LIMITS, DEFAULT_OCR, Limits, OcrOptions
from fengong.parsers.ocr.page import OcrTable, OcrWord, PageLayout, read_page_image
from fengong.parsers.pdf.reader import (
    PageRecord,
    Reading,
    TextLine,
    count_cells,
    finish,
    place_unruled,
    unruled_regions,
)
from fengong.parsers.pdf.unruled import lines_of


def _table(found: OcrTable, page: int, index: int) -> Table:
    rows = []
    for r, (cells, bbox) in enumerate(zip(found.rows, found.row_boxes, strict=True)):
        out: list[Cell | None] = [
            None if c is None else Cell(c[0], row_span=c[1], col_span=c[2]) for c in cells
        ]
        where = Provenance(page=page, table=index, row=r, bbox=bbox)
        rows.append(Row(out, where, after_break=r == 0 and page > 1))
    return Table(rows, Provenance(page=page, table=index, row=0, bbox=found.bbox))


def _inside(word: OcrWord, boxes: list[tuple[float, float, float, float]]) -> bool:
    x, y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def words_to_lines(words: list[OcrWord], page: int) -> list[TextLine]:
    """Return the words outside the tables as text lines: words whose tops agree are one
    line (the unruled reader's ``lines_of``), left to right."""
    return [
        TextLine(
            line.segments[0].x0, line.segments[-1].x1, line.top, line.bottom,
            "".join(w.text for w in line.segments), max(w.size for w in line.segments), page,
        )
        for line in lines_of(words)
    ]  # fmt: skip


def layout_to_record(
    layout: PageLayout, record: PageRecord, state: Reading, limits: Limits
) -> None:
    """Fill ``record`` (one page) from what OCR read on it: its ruled tables, the unruled
    tables among its words (read as a text layer's are), and its lines."""
    boxes: list[tuple[float, float, float, float]] = []
    record.width, record.height = layout.width, layout.height
    for found in layout.tables:
        state.cells = count_cells(state.cells, sum(len(r) for r in found.rows), limits)
        record.items.append((found.bbox[1], _table(found, record.number, state.table_index)))
        state.table_index += 1
        boxes.append(found.bbox)
    if not layout.tables:
        words = [w.as_word() for w in layout.words]
        regions, state.carry = unruled_regions(words, layout.height, state.carry)
        boxes += place_unruled(record, regions, state, limits)
    else:
        state.carry = None
    outside = [w for w in layout.words if not _inside(w, boxes)]
    for line in words_to_lines(outside, record.number):
        record.items.append((line.top, line))
    record.items.sort(key=lambda item: item[0])
    state.total_chars += sum(len(w.text) for w in layout.words) + sum(
        len(c[0]) for t in layout.tables for row in t.rows for c in row if c is not None
    )


def ocr_note(layout: PageLayout, number: int) -> tuple[str, str, Provenance]:
    """The ``ocr`` note of a page read by OCR: its mean confidence, its turn."""
    mean = statistics.fmean(layout.confidences) if layout.confidences else 0.0
    turned = f", turned {layout.angle:+.1f}° level" if layout.angle else ""
    return (
        "ocr",
        f"page {number} was read by OCR (mean confidence {mean:.2f}{turned}): "
        "check names and numbers against the page",
        Provenance(page=number),
    )


def low_confidence_notes(layout: PageLayout, number: int) -> list[tuple[str, str, Provenance]]:
    """One ``ocr-low-confidence-text`` note per line OCR read with low confidence."""
    return [
        ("ocr-low-confidence-text", text, Provenance(page=number)) for text in layout.low_confidence
    ]


def _read_one(page: tuple[Any, float]) -> PageLayout:
    return read_page_image(*page)


def read_layouts(
    pages: Iterable[tuple[Any, float]], jobs: int, threads: int = 1
) -> Iterator[PageLayout]:
    """Yield the ``PageLayout`` of each page image (grey array, dpi), in order, reading
    ``jobs`` pages at once in worker processes, each engine on ``threads`` threads; at
    most two pages per worker wait decoded in memory."""
    from fengong.parsers.ocr.engine import use_threads

    if jobs <= 1 and threads <= 1:
        yield from map(_read_one, pages)
        return
    # an engine on several threads runs in a worker even for one page: a process that
    # forks while onnxruntime's threads run may hang, so this one never starts them
    from concurrent.futures import Future, ProcessPoolExecutor

    with ProcessPoolExecutor(jobs, initializer=use_threads, initargs=(threads,)) as pool:
        pending: list[Future[PageLayout]] = []
        for page in pages:
            pending.append(pool.submit(_read_one, page))
            if len(pending) >= 2 * jobs:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()


def _read_records(
    pages: Iterable[tuple[Any, float]],
    records: list[PageRecord],
    state: Reading,
    limits: Limits,
    options: OcrOptions,
) -> None:
    jobs = max(1, min(options.jobs, len(records)))
    threads = max(1, options.jobs // jobs)  # a one-page scan may use every core granted
    for record, layout in zip(records, read_layouts(pages, jobs, threads), strict=True):
        layout_to_record(layout, record, state, limits)
        state.ocr_pages += 1
        state.notes.append(ocr_note(layout, record.number))
        state.notes.extend(low_confidence_notes(layout, record.number))


def ocr_pdf_pages(
    data: bytes, records: list[PageRecord], state: Reading, limits: Limits, options: OcrOptions
) -> None:
    """Read by OCR the PDF pages whose (empty) records are given, filling them and
    ``state``; the text-layer pages are read already."""
    from fengong.parsers.ocr.images import pdf_pages

    state.carry = None
    pages = pdf_pages(data, [r.number for r in records], limits)
    _read_records(pages, records, state, limits, options)


class ImageReader:
    """Reads a PNG, JPEG or (multi-page) TIFF file by OCR into a ``Document``."""

    name = "image"

    def __init__(self, limits: Limits = DEFAULT_LIMITS, ocr: OcrOptions = DEFAULT_OCR) -> None:
        self.limits = limits
        self.ocr = ocr

    def read(self, data: bytes) -> Document:
        """Return the ``Document`` of image bytes; raise ``ScannedError`` naming the extra
        when it is not installed (or ``--ocr never``), ``TooLargeError`` over the limits,
        ``EmptyDocumentError`` when OCR finds no text."""
        from fengong.errors import EmptyDocumentError, ScannedError
        from fengong.parsers.ocr import INSTALL_HINT, ocr_available
        from fengong.parsers.ocr.images import image_pages

        count, pages = image_pages(data, self.limits)  # the limits first, whatever else
        if self.ocr.mode == "never":
            raise ScannedError("this file is an image, and --ocr never forbids reading it by OCR")
        if not ocr_available():
            raise ScannedError(
                "this file is an image of a page; install the OCR extra to read it "
                f"({INSTALL_HINT})"
            )
        state = Reading()
        records = [PageRecord(n, 0.0, 0.0) for n in range(1, count + 1)]
        state.pages.extend(records)
        _read_records(pages, records, state, self.limits, self.ocr)
        if state.total_chars == 0:
            raise EmptyDocumentError("OCR found no text in the image")
        return finish(state, count, "image")
