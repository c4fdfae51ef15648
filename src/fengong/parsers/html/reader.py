"""HTML reader: the article of a web page as a ``Document``.

lxml's HTML parser reads the page (no network, no entities beyond HTML's own, comments and
processing instructions dropped; libxml2 refuses elements nested over 256 deep, which is
reported as ``too-large``). ``page.py`` takes the chrome away and finds the article; this
module walks the article as a browser lays it out:

- text: white space collapsed as a browser collapses it, ``&nbsp;`` and ideographic
  spaces kept inside a line and dropped at its ends; ``<p>``, ``<div>`` and other blocks
  start a paragraph, so does each ``<br>``;
- lists: ``<ol>`` items numbered as the browser prints them (``type``, ``start``,
  ``value``, ``reversed``, ``list-style-type`` including ``cjk-ideographic`` → 一、);
  bullets of ``<ul>`` are decoration and dropped;
- tables: ``rowspan``/``colspan`` placed on the grid by the HTML table model and recorded
  as spans (``None`` where a merge covers a position); a cell's ``<br>``, ``<p>``, ``<div>``
  and items as lines; ``<th>`` rows, ``<thead>`` rows and bold first rows marked as header
  rows; a title row printed above the header taken off as a paragraph; layout tables
  (a single cell, or cells framing other tables) read through as page structure; a table
  nested in a data cell becomes lines of that cell, as in Word files.
"""

from __future__ import annotations

import re
from typing import Any

from fengong.document import Block, Cell, Document, Paragraph, Provenance, Row, Table
from fengong.errors import EmptyDocumentError, TooLargeError, UnreadableError
from fengong.item_numbers import to_chinese
from fengong.parsers.grid import split_title_rows
from fengong.parsers.html.charset import decode_page
from fengong.parsers.html.page import (
    BLOCK_TAGS,
    attachments_of,
    data_tables,
    find_article,
    remove_chrome,
    remove_invisible,
    stated_of,
    take_metadata,
    text_of,
    title_above,
)
from fengong.parsers.limits import DEFAULT_LIMITS, Limits

_COLLAPSE = re.compile(r"[ \t\r\n\f]+")
_LIST_TAGS = frozenset({"ol", "ul", "menu", "dir"})
_MAX_ROWSPAN, _MAX_COLSPAN = 65534, 1000  # the HTML table model's bounds
_MAX_ELEMENT_DEPTH = 255  # libxml2 truncates a page nested deeper; we refuse it instead
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.I)


# --- list markers ------------------------------------------------------------------------

_TYPES = {"1": "decimal", "a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman",
          "I": "upper-roman"}  # fmt: skip
_STYLE_KIND = re.compile(
    r"list-style(?:-type)?\s*:[^;]*?\b(decimal-leading-zero|decimal|lower-alpha|lower-latin|"
    r"upper-alpha|upper-latin|lower-roman|upper-roman|cjk-ideographic|simp-chinese-informal|"
    r"trad-chinese-informal|cjk-decimal|none|disc|circle|square)\b",
    re.I,
)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                           (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                           (4, "iv"), (1, "i")):  # fmt: skip
        count, n = divmod(n, value)
        out += letters * count
    return out


def _alpha(n: int) -> str:
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out or str(n)


def list_marker(kind: str, n: int) -> str | None:
    """The marker a browser prints for item ``n`` of a list of ``kind`` (a CSS
    ``list-style-type``); None for bullets and ``none``."""
    if kind == "decimal":
        return f"{n}."
    if kind == "decimal-leading-zero":
        return f"{n:02d}."
    if kind in ("lower-alpha", "lower-latin"):
        return _alpha(n) + "."
    if kind in ("upper-alpha", "upper-latin"):
        return _alpha(n).upper() + "."
    if kind == "lower-roman":
        return _roman(n) + "."
    if kind == "upper-roman":
        return _roman(n).upper() + "."
    if kind in ("cjk-ideographic", "simp-chinese-informal", "trad-chinese-informal"):
        return to_chinese(n) + "、"
    if kind == "cjk-decimal":
        return f"{n}、"
    return None


def _list_kind(el: Any, default: str) -> str:
    m = _STYLE_KIND.search(el.get("style", ""))
    if m:
        return m.group(1).lower()
    return _TYPES.get(el.get("type", "").strip(), default)


def _int(value: str | None) -> int | None:
    try:
        return int((value or "").strip())
    except ValueError:
        return None


# --- text ----------------------------------------------------------------------------------


class _Lines:
    """Text laid out into lines: inline text joins the open line, a block boundary or a
    ``<br>`` closes it. Each line keeps the source line of the element it started in."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, int | None]] = []
        self.parts: list[str] = []
        self.where: int | None = None
        self.marker: str | None = None  # a list item's number, printed before its text

    def add(self, text: str | None, where: int | None) -> None:
        """Append inline text, white space collapsed as a browser does."""
        if not text:
            return
        text = _COLLAPSE.sub(" ", text)
        if not self.parts:
            text = text.lstrip(" ")
            if not text:
                return
            self.where = where
            if self.marker is not None:
                start = text.lstrip(" \u00a0\u3000")
                latin = start[:1].isascii() and start[:1].isalnum()  # a space, not next to CJK
                text = self.marker + (" " if latin else "") + start
                self.marker = None
        elif self.parts[-1].endswith(" ") and text.startswith(" "):
            text = text[1:]
        self.parts.append(text)

    def newline(self) -> None:
        """Close the open line (an empty one is dropped)."""
        text = "".join(self.parts).replace("\u00a0", " ").strip()
        if text:
            self.lines.append((text, self.where))
        self.parts = []

    def text(self) -> str:
        """The lines so far, joined by ``\\n`` (a cell's text)."""
        self.newline()
        return "\n".join(line for line, _ in self.lines)


def _is_bold(cell: Any) -> bool:
    """Whether every text in ``cell`` is bold (``<th>``, ``<b>``, ``<strong>`` or a bold
    font weight around it)."""

    def bold(el: Any) -> bool:
        return el.tag in ("th", "b", "strong") or bool(_BOLD_STYLE.search(el.get("style", "")))

    seen = False

    def walk(el: Any, inherited: bool) -> bool:
        nonlocal seen
        here = inherited or bold(el)
        if el.text and el.text.strip():
            seen = True
            if not here:
                return False
        for child in el:
            if isinstance(child.tag, str) and not walk(child, here):
                return False
            if child.tail and child.tail.strip():
                seen = True
                if not here:
                    return False
        return True

    row = cell.getparent()
    group = row.getparent() if row is not None else None
    start = row is not None and (bold(row) or (group is not None and group.tag == "thead"))
    return walk(cell, start) and seen


def _rows_of(table: Any) -> list[Any]:
    """The table's own rows in the order a browser draws them: header groups, body rows,
    footer groups last."""
    head: list[Any] = []
    body: list[Any] = []
    foot: list[Any] = []
    for child in table:
        if child.tag == "tr":
            body.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows = [r for r in child if r.tag == "tr"]
            {"thead": head, "tbody": body, "tfoot": foot}[child.tag].extend(rows)
    return head + body + foot


class _Walker:
    """One pass over the article, collecting blocks."""

    def __init__(self, limits: Limits, tables: set[Any]) -> None:
        self.limits = limits
        self.data_tables = tables
        self.blocks: list[Block] = []
        self.lines = _Lines()
        self.paragraph_index = 0
        self.table_index = 0
        self.cells = 0

    def flush(self) -> None:
        """Turn the lines collected so far into paragraphs."""
        self.lines.newline()
        for text, where in self.lines.lines:
            self.blocks.append(
                Paragraph(text, Provenance(line=where, paragraph=self.paragraph_index))
            )
            self.paragraph_index += 1
        self.lines.lines = []

    def flow(self, el: Any, out: _Lines, in_cell: bool) -> None:
        """Lay out the content of ``el`` into ``out`` (tables met outside a cell become
        table blocks)."""
        out.add(el.text, el.sourceline)
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                pass
            elif tag == "br":
                out.newline()
            elif tag == "table":
                out.newline()
                self.table(child, out, in_cell)
            elif tag in _LIST_TAGS:
                out.newline()
                self.lay_out_list(child, out, in_cell)
            elif tag in BLOCK_TAGS:
                out.newline()
                self.flow(child, out, in_cell)
                out.newline()
            elif tag not in ("img", "hr", "wbr"):
                self.flow(child, out, in_cell)
            out.add(child.tail, el.sourceline)

    def lay_out_list(self, el: Any, out: _Lines, in_cell: bool) -> None:
        """Lay out a list, each item's first line after its number as printed."""
        kind = _list_kind(el, "decimal" if el.tag == "ol" else "disc")
        items = [c for c in el if c.tag == "li"]
        backwards = el.get("reversed") is not None
        n = _int(el.get("start"))
        n = n if n is not None else (len(items) if backwards else 1)
        out.add(el.text, el.sourceline)
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if child.tag == "li":
                n = _int(child.get("value")) or n
                out.newline()
                out.marker = list_marker(_list_kind(child, kind), n)
                self.flow(child, out, in_cell)
                out.newline()
                out.marker = None
                n += -1 if backwards else 1
            else:
                self.flow(child, out, in_cell)
            out.add(child.tail, el.sourceline)

    def table(self, el: Any, out: _Lines, in_cell: bool) -> None:
        """A data table becomes a table block (outside a cell) or lines of the cell; a
        layout table is read through."""
        if in_cell:
            for row in _rows_of(el):
                texts = [self.cell_text(c).replace("\n", " ") for c in row
                         if c.tag in ("td", "th")]  # fmt: skip
                out.add(" ".join(t for t in texts if t), row.sourceline)
                out.newline()
            return
        if el not in self.data_tables:  # a layout table: its cells are page structure
            for row in _rows_of(el):
                for cell in row:
                    if cell.tag in ("td", "th"):
                        out.newline()
                        self.flow(cell, out, in_cell=False)
                        out.newline()
            return
        caption = el.find("caption")
        if caption is not None:
            out.add(text_of(caption), caption.sourceline)
            out.newline()
        self.flush()
        titles, rows = split_title_rows(self.grid(el))
        self.blocks.extend(titles)
        index = self.table_index
        self.table_index += 1
        for r, row in enumerate(rows):
            row.provenance = Provenance(line=row.provenance.line, table=index, row=r)
        line = rows[0].provenance.line if rows else el.sourceline
        self.blocks.append(Table(rows, Provenance(line=line, table=index, row=0)))

    def grid(self, table: Any) -> list[Row]:
        """Place the table's cells on its grid (the HTML table model): each cell at the
        first position no span from above covers; spans recorded on the starting cell,
        ``None`` where a span covers a position, an empty cell in a gap."""
        trs = _rows_of(table)
        placed: list[dict[int, Cell | None]] = [{} for _ in trs]
        header_like: list[bool | None] = []
        for r, tr in enumerate(trs):
            col = 0
            cells = [c for c in tr if c.tag in ("td", "th")]
            for td in cells:
                while col in placed[r]:
                    col += 1
                rowspan = min(max(_int(td.get("rowspan")) or 1, 0), _MAX_ROWSPAN) or len(trs)
                rowspan = min(rowspan, len(trs) - r)
                colspan = min(max(_int(td.get("colspan")) or 1, 1), _MAX_COLSPAN)
                self.cells += rowspan * colspan
                if self.cells > self.limits.max_cells:
                    raise TooLargeError(
                        f"more than {self.limits.max_cells} table cells (--max-cells)"
                    )
                cell = Cell(self.cell_text(td), row_span=rowspan, col_span=colspan)
                for rr in range(r, r + rowspan):
                    for cc in range(col, col + colspan):
                        placed[rr].setdefault(cc, None)
                placed[r][col] = cell
                col += colspan
            filled = [td for td in cells if text_of(td)]
            # a row of two cells or more, all bold, <th> or in <thead>: a header row
            header_like.append(None if len(filled) < 2 else all(map(_is_bold, filled)))
        rows = []
        heading = True
        for r, tr in enumerate(trs):
            width = max(placed[r], default=-1) + 1
            cells_of_row = [placed[r][c] if c in placed[r] else Cell("") for c in range(width)]
            if header_like[r] is not None:  # a title row above the header does not end it
                heading = heading and bool(header_like[r])
            marked = heading and bool(header_like[r])
            rows.append(Row(cells_of_row, Provenance(line=tr.sourceline), marked_header=marked))
        return rows

    def cell_text(self, td: Any) -> str:
        """A cell's text, its paragraphs, line breaks and items as lines."""
        out = _Lines()
        self.flow(td, out, in_cell=True)
        return out.text()


# characters XML cannot hold (NUL and the C0 controls but tab and line ends): a page that
# carries them would break the tree's text nodes later
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _parse(text: str) -> Any:
    from lxml import etree

    parser = etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
        huge_tree=False, recover=True, collect_ids=False,
    )  # fmt: skip
    try:
        root = etree.fromstring(_CONTROL.sub("", text).encode("utf-8"), parser)
    except etree.ParserError as err:
        raise EmptyDocumentError(f"the page holds nothing to read ({err})") from err
    except etree.XMLSyntaxError as err:
        raise UnreadableError(f"the page cannot be parsed as HTML ({err})") from err
    if any("depth" in str(e.message).lower() for e in parser.error_log):
        raise TooLargeError(
            f"the page's elements are nested more than {_MAX_ELEMENT_DEPTH} deep: no browser "
            "would show it as its source says"
        )
    if root is None:
        raise EmptyDocumentError("the page holds no text")
    return root


class HtmlReader:
    """Reads a web page (saved or fetched) into a ``Document`` of its article."""

    name = "html"

    def __init__(self, limits: Limits = DEFAULT_LIMITS) -> None:
        self.limits = limits

    def read(self, data: bytes) -> Document:
        """Return the ``Document`` of an HTML page's bytes: the article's paragraphs and
        tables, what its metadata block states and its attachments; raise
        ``FengongError`` when unreadable (``read_document`` has checked the size)."""
        text, encoding, guessed = decode_page(data)
        root = _parse(text)
        cells = sum(1 for _ in root.iter("td", "th"))
        if cells > self.limits.max_cells:
            raise TooLargeError(f"more than {self.limits.max_cells} table cells (--max-cells)")
        if any(
            sum(1 for _ in table.iterancestors("table")) >= self.limits.max_depth
            for table in root.iter("table")
        ):
            raise TooLargeError(
                f"tables nested more than {self.limits.max_depth} deep (--max-depth)"
            )
        title_el = root.find(".//title")
        page_title = text_of(title_el) if title_el is not None else ""
        base = root.find(".//base[@href]")
        remove_invisible(root)
        body = root.find("body") if root.tag != "body" else root
        if body is None:
            body = root
        attachments = attachments_of(body, base.get("href", "") if base is not None else "")
        fields = take_metadata(body)
        stated = stated_of(fields)
        tables = data_tables(body)
        remove_chrome(body, tables)
        article = find_article(body)
        walker = _Walker(self.limits, data_tables(body))
        heading = title_above(body, article, page_title, stated.title)
        if heading is not None:
            walker.lines.add(text_of(heading), heading.sourceline)
            walker.lines.newline()
        walker.flow(article, walker.lines, in_cell=False)
        walker.flush()
        blocks = _without_repeated_title(walker.blocks)
        if not blocks:
            raise EmptyDocumentError("the page holds no text")
        notes = []
        if guessed and encoding not in ("utf-8", "utf-8-sig"):
            notes.append(("encoding", f"page decoded as {encoding}", Provenance(line=1)))
        has_table = any(isinstance(b, Table) for b in blocks)
        return Document(
            blocks,
            format="html",
            layout="table" if has_table else "prose",
            merges_visible=True,
            notes=notes,
            stated=stated,
            attachments=attachments,
        )


def _without_repeated_title(blocks: list[Block]) -> list[Block]:
    """The blocks without a title printed twice in a row (above the article and as its
    first line)."""
    if (
        len(blocks) > 1
        and isinstance(blocks[0], Paragraph)
        and isinstance(blocks[1], Paragraph)
        and re.sub(r"\s+", "", blocks[0].text) == re.sub(r"\s+", "", blocks[1].text)
    ):
        return blocks[1:]
    return blocks
