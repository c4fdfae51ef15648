"""XLSX reader: each visible sheet with content as a table.

Task lists are often published as a workbook (任务清单.xlsx). What the reader keeps:

- every visible sheet with content is a table, in the workbook's order (hidden sheets,
  hidden rows and hidden columns are left out, as Excel does not show them; rows and
  columns with nothing in them are dropped);
- merged ranges become spans on the cell that starts them, ``None`` where they cover a
  position, counted over the rows and columns kept;
- values as the sheet shows them (``numfmt``): ``1`` not ``1.0``, dates in their format,
  booleans and errors as printed, the cached result of a formula; line breaks in a cell
  (Alt+Enter) as lines;
- a title row above the header (one cell, usually merged across) becomes a paragraph.

Bounds: the ZIP's declared sizes are checked before anything is parsed (``open_zip``); a
part that declares a DTD (Excel never writes one) is refused; openpyxl's reader reads the
workbook, its shared strings and styles; the sheets themselves are streamed here with lxml
(no entities, no network, each cell dropped once read), because read-only openpyxl neither
exposes merged cells nor hidden rows, pads every row to the sheet's widest and scans a whole
sheet that lacks a ``<dimension>``; a cell count over ``max_cells`` stops the read.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from fengong.document import Block, Cell, Document, Provenance, Row, Table
from fengong.errors import EmptyDocumentError, TooLargeError, UnreadableError
from fengong.parsers.grid import split_title_rows
from fengong.parsers.limits import DEFAULT_LIMITS, Limits, open_zip
from fengong.parsers.xlsx.numfmt import (
    CJK_BUILTIN,
    format_date,
    format_number,
    general,
    is_date_code,
)

_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})$")
_PROLOG_WINDOW = 65536


def column_number(letters: str) -> int:
    """1-based column number of ``A``, ``Z``, ``AA`` …"""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def parse_ref(ref: str) -> tuple[int, int] | None:
    """(row, column), both 1-based, of a cell reference such as ``B3``."""
    m = _REF.match(ref.strip())
    return (int(m.group(2)), column_number(m.group(1))) if m else None


@dataclass
class SheetContent:
    """What a sheet's XML holds: the values shown (row, column → text), hidden rows and
    column ranges, merged ranges (top, left, bottom, right)."""

    values: dict[tuple[int, int], str] = field(default_factory=dict)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: list[tuple[int, int]] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)

    def column_hidden(self, column: int) -> bool:
        """Whether ``column`` is hidden."""
        return any(lo <= column <= hi for lo, hi in self.hidden_columns)


class _Styles:
    """The number format of each cell style (and whether it shows a date), and the
    workbook's date epoch."""

    def __init__(self, workbook: Any) -> None:
        from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

        self.codes: list[tuple[str, bool]] = []
        for style in workbook._cell_styles:
            number = style.numFmtId
            if number >= BUILTIN_FORMATS_MAX_SIZE:
                code = workbook._number_formats[number - BUILTIN_FORMATS_MAX_SIZE]
            else:
                code = CJK_BUILTIN.get(number) or BUILTIN_FORMATS.get(number, "General")
            self.codes.append((code, is_date_code(code)))
        self.epoch = workbook.epoch

    def code(self, index: str | None) -> tuple[str, bool]:
        """The format code of style ``index`` and whether it shows a date (General when
        there is none)."""
        try:
            return self.codes[int(index or 0)]
        except (ValueError, IndexError):
            return "General", False

    def shown(self, raw: str, kind: str | None, style: str | None) -> str:
        """A stored number (or ISO date, for ``t="d"``) as its style shows it."""
        code, is_date = self.code(style)
        if kind == "d":
            try:
                return format_date(dt.datetime.fromisoformat(raw), code)
            except ValueError:
                return raw
        try:
            value = float(raw)
        except ValueError:
            return raw
        if code == "General":
            return general(value)
        if is_date:
            from openpyxl.utils.datetime import from_excel

            try:
                return format_date(from_excel(value, self.epoch), code)
            except (OverflowError, ValueError):
                return raw
        return format_number(value, code)


_NAMESPACES = (
    "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}",
    "{http://purl.oclc.org/ooxml/spreadsheetml/main}",  # strict Open XML
)


@lru_cache(maxsize=64)
def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text_of(el: Any) -> str:
    """The text of an inline string (``<is>``): its ``<t>``, or its runs' ``<t>``s."""
    return "".join(t.text or "" for t in el.iter() if _local(t.tag) == "t")


class _SheetReader:
    """Streams one sheet's XML into a ``SheetContent``, counting cells."""

    def __init__(self, strings: list[str], styles: _Styles, limits: Limits, counted: int):
        self.strings = strings
        self.styles = styles
        self.limits = limits
        self.cells = counted
        self.content = SheetContent()

    def cell(self, el: Any, row: int, previous: int) -> int:
        """Record one ``<c>``; return its column."""
        self.cells += 1
        if self.cells > self.limits.max_cells:
            raise TooLargeError(f"more than {self.limits.max_cells} table cells (--max-cells)")
        where = parse_ref(el.get("r", ""))
        column = where[1] if where else previous + 1
        kind = el.get("t")
        raw = None
        for child in el:
            name = _local(child.tag)
            if name == "v":
                raw = child.text or ""
            elif name == "is":
                raw = _text_of(child)
        if raw is None or raw == "":
            return column
        if kind == "s":
            try:
                text = self.strings[int(raw)]
            except (ValueError, IndexError):
                text = ""
        elif kind in ("str", "inlineStr", "e"):
            text = raw
        elif kind == "b":
            text = "TRUE" if raw.strip() in ("1", "true") else "FALSE"
        else:
            text = self.styles.shown(raw, kind, el.get("s"))
        text = text.replace("\r\n", "\n").replace("_x000D_", "").strip()
        if text:
            self.content.values[(row, column)] = text
        return column

    def read(self, source: Any) -> SheetContent:
        """Stream the sheet XML in ``source``: each cell as it ends (dropped from memory
        once read), the hidden rows and columns and the merged ranges."""
        from lxml import etree

        names = ("c", "row", "col", "mergeCell")
        events = etree.iterparse(
            source, events=("end",), tag=[ns + n for ns in _NAMESPACES for n in names],
            resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
        )  # fmt: skip
        row, column, open_row = 0, 0, None
        for _, el in events:
            name = _local(el.tag)
            if name == "c":
                parent = el.getparent()
                if parent is not open_row:  # the first cell of a row
                    open_row, column = parent, 0
                    number = parent.get("r") or "" if parent is not None else ""
                    row = int(number) if number.isdigit() else row + 1
                column = self.cell(el, row, column)
                el.clear()
                if parent is not None:
                    parent.remove(el)
            elif name == "row":
                if el is not open_row:  # a row without cells
                    number = el.get("r") or ""
                    row = int(number) if number.isdigit() else row + 1
                if el.get("hidden") in ("1", "true"):
                    self.content.hidden_rows.add(row)
                open_row = None
                parent = el.getparent()
                el.clear()
                if parent is not None:
                    parent.remove(el)
            elif name == "col" and el.get("hidden") in ("1", "true"):
                lo, hi = int(el.get("min") or 0), int(el.get("max") or 0)
                self.content.hidden_columns.append((lo, max(lo, hi)))
            elif name == "mergeCell":
                first, _, last = (el.get("ref") or "").partition(":")
                top_left, bottom_right = parse_ref(first), parse_ref(last or first)
                if top_left and bottom_right:
                    self.content.merges.append((*top_left, *bottom_right))
        return self.content


def content_to_rows(content: SheetContent, table: int) -> list[Row]:
    """The sheet's grid as rows: the rows and columns shown that hold something (or are
    covered by a merge that does), merges as spans over them."""
    rows_used = {r for r, _ in content.values if r not in content.hidden_rows}
    columns_used = {c for _, c in content.values if not content.column_hidden(c)}
    anchors: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    for top, left, bottom, right in content.merges:
        if (top, left) in content.values:
            anchors[(top, left)] = (top, left, bottom, right)
    rows = sorted(rows_used)
    columns = sorted(columns_used)
    if not rows or not columns:
        return []
    row_index = {r: k for k, r in enumerate(rows)}
    column_index = {c: k for k, c in enumerate(columns)}
    grid: list[list[Cell | None]] = [
        [Cell(content.values.get((r, c), "")) for c in columns] for r in rows
    ]
    for top, left, bottom, right in anchors.values():
        kept_rows = [row_index[r] for r in rows if top <= r <= bottom]
        kept_columns = [column_index[c] for c in columns if left <= c <= right]
        if not kept_rows or not kept_columns:
            continue
        start = Cell(content.values[(top, left)], len(kept_rows), len(kept_columns))
        for rr in kept_rows:
            for cc in kept_columns:
                grid[rr][cc] = None
        grid[kept_rows[0]][kept_columns[0]] = start
    return [Row(cells, Provenance(table=table, row=k)) for k, cells in enumerate(grid)]


def _refuse_dtds(archive: zipfile.ZipFile) -> None:
    """Refuse a workbook whose XML declares a DTD: Excel never writes one, and its entities
    are the way to an entity bomb or to reading local files."""
    for info in archive.infolist():
        if not info.filename.endswith((".xml", ".rels")):
            continue
        try:
            with archive.open(info) as member:
                head = member.read(_PROLOG_WINDOW)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as err:
            raise UnreadableError(f"not a valid XLSX: {info.filename} is damaged ({err})") from err
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise UnreadableError(
                f"the workbook's {info.filename} declares a DTD, which Excel never writes: "
                "not read (its entities could expand without bound or read local files)"
            )


@dataclass
class _Workbook:
    """What openpyxl reads of a workbook: shared strings, styles, and each sheet's name,
    state (visible, hidden) and part."""

    strings: list[str]
    styles: _Styles
    sheets: list[tuple[str, str, str]]


def _open_workbook(data: bytes) -> _Workbook:
    """Read the workbook's parts with openpyxl's reader, step by step: its manifest,
    shared strings, workbook and stylesheet, but not its sheets (read-only openpyxl would
    scan every sheet without a ``<dimension>`` for its size)."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet

    try:
        reader = ExcelReader(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        sheets = [
            (sheet.name, sheet.state or "visible", rel.target)
            for sheet, rel in reader.parser.find_sheets()
            if "chartsheet" not in (rel.Type or "") and rel.target in reader.valid_files
        ]
        strings = [s if isinstance(s, str) else str(s or "") for s in reader.shared_strings]
        return _Workbook(strings, _Styles(reader.wb), sheets)
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError) as err:
        raise UnreadableError(f"not a valid XLSX: a part is missing or damaged ({err})") from err
    except Exception as err:  # openpyxl raises many kinds for a broken workbook
        raise UnreadableError(f"not a readable workbook ({type(err).__name__}: {err})") from err


class XlsxReader:
    """Reads an Excel workbook (``.xlsx``) into a ``Document`` of its sheets' tables."""

    name = "xlsx"

    def __init__(self, limits: Limits = DEFAULT_LIMITS) -> None:
        self.limits = limits

    def read(self, data: bytes) -> Document:
        """Return the ``Document`` of XLSX bytes: one table per visible sheet with content;
        raise ``FengongError`` when unreadable (``read_document`` has checked the size)."""
        archive = open_zip(data, self.limits, what="XLSX")
        _refuse_dtds(archive)
        blocks = self._sheets(_open_workbook(data), archive)
        if not blocks:
            raise EmptyDocumentError("the workbook's visible sheets hold no text")
        layout = "table" if any(isinstance(b, Table) for b in blocks) else "prose"
        return Document(blocks, format="xlsx", layout=layout, merges_visible=True)

    def _sheets(self, workbook: _Workbook, archive: zipfile.ZipFile) -> list[Block]:
        """The blocks of every visible sheet, in the workbook's order."""
        from lxml import etree

        blocks: list[Block] = []
        counted = 0
        for title, state, part in workbook.sheets:
            if state != "visible":
                continue
            reader = _SheetReader(workbook.strings, workbook.styles, self.limits, counted)
            try:
                with archive.open(part) as source:
                    content = reader.read(source)
            except KeyError as err:
                raise UnreadableError(f"not a valid XLSX: a sheet is missing ({err})") from err
            except (etree.XMLSyntaxError, zlib.error, EOFError, zipfile.BadZipFile) as err:
                raise UnreadableError(f"the sheet {title} is damaged ({err})") from err
            counted = reader.cells
            index = sum(isinstance(b, Table) for b in blocks)
            titles, rows = split_title_rows(content_to_rows(content, index))
            blocks.extend(titles)
            if rows:
                blocks.append(Table(rows, Provenance(table=index, row=0)))
        return blocks
