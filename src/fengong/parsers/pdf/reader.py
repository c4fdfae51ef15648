"""PDF reader: ruled tables and the text around them, page by page, as a ``Document``.

pdfplumber finds the ruled tables from the drawn lines and gives each cell's text; a cell
that spans rows or columns comes back once, with ``None`` at the positions it covers,
which is exactly the document model's convention. Everything outside the tables is read
as lines, running heads and page numbers are dropped, and wrapped lines are joined into
paragraphs. Table pieces are not joined here: each page's piece is a ``Table`` whose
first row is marked ``after_break``; the interpreter assembles the logical table.

Each page is closed after use so memory stays flat on long documents. A page without a
usable text layer (a scan, or fonts without a Unicode map) is set aside and read by OCR
(``parsers/ocr``) into the same page record, when the OCR extra is installed.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from fengong.document import Block, Cell, Document, Paragraph, Provenance, Row, Table
from fengong.errors import (
    EmptyDocumentError,
    EncryptedError,
    ScannedError,
    TooLargeError,
    UnreadableError,
)
from fengong.item_numbers import ITEM_NUMBER
from fengong.parsers.limits import DEFAULT_LIMITS, DEFAULT_OCR, Limits, OcrOptions
from fengong.parsers.ocr import INSTALL_HINT
from fengong.parsers.pdf.unruled import (
    Columns,
    Region,
    Segment,
    find_regions,
    leading_column,
    lines_of,
    number_column,
    region_table,
    segments,
    sure_row_starts,
)
from fengong.textnorm import glue_lines, is_page_number

_MARGIN = 0.09  # share of the page height at the top and bottom where running heads live
_GARBLED = re.compile(r"\(cid:\d+\)|[\ue000-\uf8ff\ufffd]")
_NUMBERED_START = re.compile(rf"^\s*(?:{ITEM_NUMBER}|附件)")


@dataclass
class TextLine(Segment):
    """A line of text outside the tables, in points: from the text layer, or from OCR; the
    page it stands on."""

    page: int = 0


@dataclass
class PageRecord:
    """One page as read, from its text layer or by OCR: its size in points and its lines
    and tables by their top."""

    number: int
    width: float
    height: float
    items: list[tuple[float, Any]] = field(default_factory=list)  # (top, TextLine | Table)
    # (an unruled table is a Region until every page is read)


def _open(data: bytes) -> Any:
    import logging

    import pdfplumber

    # pdfminer logs every oddity of a damaged file; messages reach users as warnings
    pdfminer_log = logging.getLogger("pdfminer")
    if not pdfminer_log.handlers:
        pdfminer_log.addHandler(logging.NullHandler())
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as err:  # pdfminer raises many kinds on damaged files
        # pdfplumber wraps pdfminer's exception; classify the one inside
        inner = err.args[0] if err.args and isinstance(err.args[0], BaseException) else err
        if isinstance(inner, PDFPasswordIncorrect):
            raise EncryptedError(
                "the PDF needs a password to open; ask the publisher for an unprotected copy"
            ) from err
        if isinstance(inner, PDFEncryptionError):
            raise EncryptedError(
                f"the PDF uses an encryption fengong cannot open ({inner})"
            ) from err
        detail = str(inner) or type(inner).__name__
        raise UnreadableError(f"not a readable PDF (damaged or truncated: {detail})") from err


def _close(pdf: Any) -> None:
    """Close a pdfplumber PDF; closing one whose page tree is broken fails, and must not
    hide the error that says so."""
    with contextlib.suppress(Exception):
        pdf.close()


def _open_or_repair(data: bytes, notes: list[tuple[str, str, Provenance]]) -> Any:
    """Open the PDF; when it is damaged or truncated, open it again over a page tree
    rebuilt from its whole page objects (``pdf_repair``) and add a note saying so."""
    try:
        return _open(data)
    except UnreadableError as damaged:
        from fengong.parsers.pdf.repair import rebuild_page_tree

        repaired = rebuild_page_tree(data)
        if repaired is None:
            raise
        try:
            pdf = _open(repaired.data)
        except UnreadableError:
            raise damaged from None
    lost = (
        f"; {repaired.missing} objects they use (fonts, page contents) are lost, so some "
        "text may be missing or wrong"
        if repaired.missing
        else ""
    )
    notes.append((
        "pdf-repaired",
        f"the PDF is damaged or truncated; read the {repaired.pages} pages found whole in "
        f"it, in the order they are stored (pages after the damage are lost){lost}",
        Provenance(),
    ))  # fmt: skip
    return pdf


def _cell_spans(table: Any) -> tuple[list[float], list[float]]:
    """The x of every column start and the y of every row start of a pdfplumber table."""
    xs = sorted({round(c[0], 1) for row in table.rows for c in row.cells if c is not None})
    ys = sorted({round(row.bbox[1], 1) for row in table.rows})
    return xs, ys


def _span(start: float, end: float, marks: list[float]) -> int:
    return max(1, sum(1 for m in marks if start - 1 <= m < end - 1))


def _table_block(table: Any, page: int, index: int) -> Table:
    xs, ys = _cell_spans(table)
    texts = table.extract()
    rows: list[Row] = []
    for r, (row, row_texts) in enumerate(zip(table.rows, texts, strict=True)):
        cells: list[Cell | None] = []
        for bbox, text in zip(row.cells, row_texts, strict=True):
            if bbox is None:
                cells.append(None)
                continue
            cells.append(
                Cell(
                    _clean_cell(text or ""),
                    row_span=_span(bbox[1], bbox[3], ys),
                    col_span=_span(bbox[0], bbox[2], xs),
                )
            )
        x0, top, x1, bottom = row.bbox
        where = Provenance(page=page, table=index, row=r, bbox=(x0, top, x1, bottom))
        rows.append(Row(cells, where, after_break=r == 0 and page > 1))
    return Table(rows, Provenance(page=page, table=index, row=0, bbox=tuple(table.bbox)))


def _clean_cell(text: str) -> str:
    lines = [line.strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def _in_any(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    h_mid = (obj["x0"] + obj["x1"]) / 2
    v_mid = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= h_mid <= x1 and top <= v_mid <= bottom for x0, top, x1, bottom in boxes)


def _lines(
    page: Any, number: int, boxes: list[tuple[float, float, float, float]]
) -> list[TextLine]:
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _in_any(obj, boxes))
    lines = []
    for line in outside.extract_text_lines(return_chars=True, strip=True):
        text = line["text"]
        if not text.strip():
            continue
        sizes = [c.get("size", 0) for c in line["chars"]] or [0]
        lines.append(
            TextLine(line["x0"], line["x1"], line["top"], line["bottom"], text, max(sizes), number)
        )
    return lines


def unruled_regions(
    words: list[dict[str, Any]], height: float, carry: Columns | None
) -> tuple[list[Region], Columns | None]:
    """Return the tables without ruling lines among a page's positioned words (as
    pdfplumber's ``extract_words`` gives them, with ``size``; from a text layer or from
    OCR), and the columns to carry to the next page (those of a table that runs to its
    foot). ``height`` is the page's, in the words' units."""
    words = [
        w for w in words if height * _MARGIN <= w["top"] and w["bottom"] <= height * (1 - _MARGIN)
    ]
    segs = segments(words)
    if not segs:
        return [], carry
    lines = lines_of(segs)
    regions = find_regions(lines, min(s.x0 for s in segs), max(s.x1 for s in segs), carry)
    runs_to_foot = bool(regions) and regions[-1].lines[-1] is lines[-1]
    return regions, regions[-1].columns if runs_to_foot else None


def _unruled_regions(page: Any, carry: Columns | None) -> tuple[list[Region], Columns | None]:
    words = page.extract_words(x_tolerance=1.5, keep_blank_chars=False, extra_attrs=["size"])
    return unruled_regions(words, float(page.height), carry)


def place_unruled(
    record: PageRecord, regions: list[Region], state: Reading, limits: Limits
) -> list[tuple[float, float, float, float]]:
    """Add a page's unruled regions to ``record`` (each becomes a ``Table`` once every page
    is read) and to ``state``; return their boxes, a little widened."""
    boxes = []
    for region in regions:
        # every line a row: an upper bound, known before rows are read
        state.cells = count_cells(state.cells, len(region.lines) * region.columns.width, limits)
        state.unruled.append((record, state.table_index, region))
        state.table_index += 1
        x0, top, x1, bottom = region.bbox
        boxes.append((x0 - 1, top - 1, x1 + 1, bottom + 1))
        record.items.append((top, region))
    return boxes


def count_cells(cells: int, added: int, limits: Limits) -> int:
    """Return the running count of table cells with ``added``; raise ``TooLargeError``
    past ``limits.max_cells``."""
    cells += added
    if cells > limits.max_cells:
        raise TooLargeError(f"more than {limits.max_cells} table cells (--max-cells)")
    return cells


def _build_unruled_tables(unruled: list[tuple[PageRecord, int, Region]]) -> None:
    """Replace each unruled region in its page's items by its ``Table``; the number
    column and the leading column are found over all the regions of the document."""
    numbers = number_column([region for _, _, region in unruled])
    starts = [sure_row_starts(region, numbers) for _, _, region in unruled]
    leading = leading_column(starts)
    for (page, index, region), found in zip(unruled, starts, strict=True):
        table = region_table(found, leading, page.number, index)
        page.items = [(top, table if item is region else item) for top, item in page.items]


def _unruled_note(pages: list[int]) -> tuple[str, str, Provenance]:
    listed = "、".join(str(p) for p in sorted(set(pages)))
    return (
        "unruled-table",
        f"the table on page {listed} has no ruling lines: its columns and rows were read "
        "from where the text stands (a row starts where its cells start together), and "
        "merged cells cannot be seen, so empty cells may be filled from above",
        Provenance(page=pages[0]),
    )


def _is_running(line: TextLine, height: float) -> bool:
    return line.top < height * _MARGIN or line.bottom > height * (1 - _MARGIN)


def _furniture_keys(pages: list[PageRecord]) -> set[str]:
    """Texts that repeat in the top or bottom margin of many pages (running heads)."""
    counts: Counter[str] = Counter()
    for page in pages:
        keys = {
            re.sub(r"\d+", "#", item.text)
            for _, item in page.items
            if isinstance(item, TextLine) and _is_running(item, page.height)
        }
        counts.update(keys)
    need = max(2, (len(pages) + 1) // 2)  # a running head repeats on half the pages or more
    return {key for key, n in counts.items() if n >= need}


class _ParagraphBuilder:
    """Joins wrapped lines into paragraphs, across pages when a paragraph runs over."""

    def __init__(self, body_size: float) -> None:
        self.body_size = body_size
        self.blocks: list[Block] = []
        self.open: TextLine | None = None
        self.text = ""
        self.start: TextLine | None = None
        self.count = 0

    def close(self) -> None:
        if self.start is not None and self.open is not None and self.text:
            s, e = self.start, self.open
            bbox = (min(s.x0, e.x0), s.top, max(s.x1, e.x1), e.bottom) if s.page == e.page else None
            where = Provenance(page=s.page, paragraph=self.count, bbox=bbox)
            self.blocks.append(Paragraph(self.text, where))
            self.count += 1
        self.open, self.start, self.text = None, None, ""

    def add(self, line: TextLine, left: float, right: float) -> None:
        prev = self.open
        if prev is None or self._starts_paragraph(prev, line, left, right):
            self.close()
            self.start, self.text = line, line.text.strip()
        else:
            self.text = glue_lines(self.text, line.text.strip())
        self.open = line

    def _starts_paragraph(self, prev: TextLine, line: TextLine, left: float, right: float) -> bool:
        size = max(line.size, 6.0)
        if abs(line.size - prev.size) > 1.5:
            return True
        if line.size > self.body_size + 1.5 and line.page == prev.page:
            # a title set larger than the body wraps onto centred lines: one paragraph
            return line.top - prev.bottom > 1.2 * size
        if line.x0 - left > 0.8 * size:
            return True  # indented first line, or a centred line
        if right - prev.x1 > 2.5 * size:
            # the previous line stopped short of the margin (by more than the one or two
            # characters a line loses when a closing mark may not start the next line)
            return True
        if _NUMBERED_START.match(line.text):
            return True
        return line.page == prev.page and line.top - prev.bottom > 1.2 * size


def _margins(lines: list[TextLine], width: float) -> tuple[float, float]:
    """Left and right edges of the text block: where most full lines start and end
    (a single overlong line must not move the right margin)."""
    wide = sorted((ln for ln in lines if ln.x1 - ln.x0 > width * 0.4), key=lambda ln: ln.x1)
    if not wide:
        return (min((ln.x0 for ln in lines), default=0.0), width)
    left = min(ln.x0 for ln in wide)
    right = wide[(len(wide) * 3) // 4].x1 if len(wide) >= 4 else wide[-1].x1
    return left, right


def _has_doubled_chars(chars: list[dict[str, Any]]) -> bool:
    """Whether some character is drawn twice at (nearly) the same place, as fake bold and
    shadow effects do; checking is much cheaper than pdfplumber's dedupe on every page."""
    ordered = sorted((c["top"], c["x0"], c.get("text")) for c in chars)
    by_text: dict[object, tuple[float, float]] = {}
    for top, x0, text in ordered:
        last = by_text.get(text)
        if last is not None and abs(top - last[0]) < 1.5 and abs(x0 - last[1]) < 1.5:
            return True
        by_text[text] = (top, x0)
    return False


def _garbled_count(chars: list[dict[str, Any]]) -> int:
    return sum(1 for c in chars if _GARBLED.search(c.get("text", "")))


@dataclass
class Reading:
    """What a read gathers page by page."""

    pages: list[PageRecord] = field(default_factory=list)
    notes: list[tuple[str, str, Provenance]] = field(default_factory=list)
    total_chars: int = 0
    garbled: int = 0
    images: int = 0
    cells: int = 0
    table_index: int = 0
    carry: Columns | None = None  # columns of an unruled table running to the page foot
    unruled: list[tuple[PageRecord, int, Region]] = field(default_factory=list)  # tables at the end
    ocr_pages: int = 0  # pages read by OCR


def _clean_chars(raw_page: Any, state: Reading) -> Any:
    """The page without doubled (fake-bold) characters and without characters that have
    no Unicode mapping; counts them in ``state``."""
    page = raw_page
    chars = page.chars
    if _has_doubled_chars(chars):  # bold drawn twice: keep one copy
        page = raw_page.dedupe_chars()
        chars = page.chars
    state.total_chars += len(chars)
    state.images += len(raw_page.images)
    bad = _garbled_count(chars)
    state.garbled += bad
    if bad:
        page = page.filter(
            lambda o: o.get("object_type") != "char" or not _GARBLED.search(o.get("text", ""))
        )
    return page


def _ocr_hint(mode: str) -> str:
    from fengong.parsers.ocr import ocr_available

    if mode == "never":
        return "read it by OCR with --ocr auto, or run OCR first (for example ocrmypdf)"
    if not ocr_available():
        return f"install the OCR extra to read it ({INSTALL_HINT}), or run OCR first"
    return "run OCR first (for example ocrmypdf)"


def _check_text(state: Reading, mode: str = "auto") -> None:
    """Raise when the PDF has no text (a scan, or nothing) or its text is mostly unmapped
    characters, saying how OCR would read it (``mode`` is the ``--ocr`` asked for); note
    the unmapped ones dropped."""
    if state.total_chars == 0:
        if state.ocr_pages:
            raise EmptyDocumentError("the PDF's pages are images in which OCR found no text")
        if state.images:
            raise ScannedError(
                "this PDF is a scan: its pages are images without a text layer; " + _ocr_hint(mode)
            )
        raise EmptyDocumentError("the PDF has no text")
    if state.garbled > 0.2 * state.total_chars:
        raise UnreadableError(
            "the PDF's fonts have no usable Unicode mapping: its text comes out as "
            "(cid:N) codes or private-use characters; " + _ocr_hint(mode)
        )
    if state.garbled:
        state.notes.append((
            "garbled-text",
            f"{state.garbled} characters without a Unicode mapping were dropped",
            Provenance(),
        ))  # fmt: skip


class PdfReader:
    """Reads PDF bytes into a ``Document``; pages without a usable text layer are read by
    OCR as ``ocr`` says (``auto``: when the OCR extra is installed)."""

    name = "pdf"

    def __init__(self, limits: Limits = DEFAULT_LIMITS, ocr: OcrOptions = DEFAULT_OCR) -> None:
        self.limits = limits
        self.ocr = ocr

    def read(self, data: bytes) -> Document:
        """Return the ``Document`` of PDF bytes; raise ``FengongError`` when unreadable.

        Stages: bound the streams (``read_document``, the only way in, has checked the
        input's size), open (or repair) the file, read each page into lines and tables
        (setting aside the pages OCR must read), read those by OCR, check that there is
        text at all, then build the blocks."""
        from fengong.parsers.pdf.guard import check_streams

        check_streams(data, self.limits)
        state = Reading()
        pdf = _open_or_repair(data, state.notes)
        scanned: list[PageRecord] = []
        use_ocr = self._ocr_usable()
        try:
            page_list = self._page_list(pdf)
            for number, raw_page in enumerate(page_list, start=1):
                try:
                    if use_ocr and self._wants_ocr(raw_page):
                        record = PageRecord(number, float(raw_page.width), float(raw_page.height))
                        scanned.append(record)
                        state.pages.append(record)
                    else:
                        state.pages.append(self._read_page(raw_page, number, state))
                except (UnreadableError, TooLargeError):
                    raise
                except Exception as err:  # a damaged page: keep the others
                    state.notes.append((
                        "page-unreadable",
                        f"page {number} could not be read ({type(err).__name__}); skipped",
                        Provenance(page=number),
                    ))  # fmt: skip
                finally:
                    raw_page.close()
            page_count = len(page_list)
        finally:
            _close(pdf)
        if scanned:
            from fengong.parsers.ocr.reader import ocr_pdf_pages

            ocr_pdf_pages(data, scanned, state, self.limits, self.ocr)
        _check_text(state, self.ocr.mode)
        return finish(state, page_count, "pdf")

    def _ocr_usable(self) -> bool:
        """Whether pages may go to OCR: ``never`` says no; ``auto`` only with the extra
        installed; ``always`` needs it (raises the ``scanned`` error naming it)."""
        from fengong.parsers.ocr import ocr_available

        if self.ocr.mode == "never":
            return False
        if ocr_available():
            return True
        if self.ocr.mode == "always":
            raise ScannedError(f"--ocr always needs the OCR extra: {INSTALL_HINT}")
        return False

    def _wants_ocr(self, raw_page: Any) -> bool:
        """Whether a page is read by OCR: every page with ``always``; with ``auto``, a page
        without text but with images (a scan), or whose text is mostly characters without
        a Unicode mapping."""
        if self.ocr.mode == "always":
            return True
        chars = raw_page.chars
        if not chars:
            return bool(raw_page.images)
        return _garbled_count(chars) > 0.2 * len(chars)

    def _page_list(self, pdf: Any) -> Any:
        """The PDF's pages; raise when the page tree is broken or holds too many."""
        try:
            page_list = pdf.pages
        except Exception as err:  # a broken page tree
            raise UnreadableError(f"the PDF's page tree is damaged ({err})") from err
        if len(page_list) > self.limits.max_pages:
            raise TooLargeError(
                f"{len(page_list)} pages, over the limit of {self.limits.max_pages} (--max-pages)"
            )
        return page_list

    def _read_page(self, raw_page: Any, number: int, state: Reading) -> PageRecord:
        """One page's lines and tables, in reading order."""
        page = _clean_chars(raw_page, state)
        record = PageRecord(number, float(page.width), float(page.height))
        boxes = self._ruled_tables(page, record, state)
        if not boxes:
            regions, state.carry = _unruled_regions(page, state.carry)
            boxes += place_unruled(record, regions, state, self.limits)
        else:
            state.carry = None
        for line in _lines(page, number, boxes):
            record.items.append((line.top, line))
        record.items.sort(key=lambda item: item[0])
        return record

    def _ruled_tables(
        self, page: Any, record: PageRecord, state: Reading
    ) -> list[tuple[float, float, float, float]]:
        """Add the page's ruled tables to ``record``; return their boxes."""
        boxes: list[tuple[float, float, float, float]] = []
        for found in page.find_tables():
            state.cells = count_cells(
                state.cells, sum(len(r.cells) for r in found.rows), self.limits
            )
            block = _table_block(found, record.number, state.table_index)
            if not block.rows:
                continue
            state.table_index += 1
            boxes.append(tuple(found.bbox))
            record.items.append((float(found.bbox[1]), block))
        return boxes


def pages_to_blocks(pages: list[PageRecord]) -> list[Block]:
    """Return the blocks of read pages: their tables, and their lines (running heads and
    page numbers dropped) joined into paragraphs, across pages where one runs over."""
    furniture = _furniture_keys(pages)
    sizes = Counter(
        round(item.size) for page in pages for _, item in page.items if isinstance(item, TextLine)
    )
    builder = _ParagraphBuilder(body_size=sizes.most_common(1)[0][0] if sizes else 0.0)
    for page in pages:
        body = [
            item
            for _, item in page.items
            if not (
                isinstance(item, TextLine)
                and _is_running(item, page.height)
                and (is_page_number(item.text) or re.sub(r"\d+", "#", item.text) in furniture)
            )
        ]
        lines = [item for item in body if isinstance(item, TextLine)]
        left, right = _margins(lines, page.width)
        for item in body:
            if isinstance(item, Table):
                builder.close()
                builder.blocks.append(item)
            else:
                builder.add(item, left, right)
    builder.close()
    return builder.blocks


def finish(state: Reading, page_count: int, format: str) -> Document:
    """Return the ``Document`` of every page read into ``state`` (from a text layer or by
    OCR): the unruled tables built over all pages, then the blocks."""
    if state.unruled:
        _build_unruled_tables(state.unruled)
        state.notes.append(_unruled_note([page.number for page, _, _ in state.unruled]))
    blocks = pages_to_blocks(state.pages)
    has_table = any(isinstance(b, Table) for b in blocks)
    return Document(
        blocks,
        format=format,
        layout=("unruled-table" if state.unruled else "table") if has_table else "prose",
        pages=page_count,
        merges_visible=not state.unruled,
        notes=state.notes,
    )
