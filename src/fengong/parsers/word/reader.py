"""DOCX reader: the body of a Word document, in order, as a ``Document``.

python-docx opens the package (relationships, parts); the body is then walked once as
XML, because the order of paragraphs and tables matters and python-docx's per-cell API
is slow. What the reader keeps:

- paragraphs with Word's automatic numbering rendered as printed (``numbering``);
- tables with merges as spans: ``gridSpan`` widens a cell, ``vMerge`` continuations are
  ``None`` positions under the cell that starts the merge (read once);
- a cell's paragraphs and line breaks as lines (``\\n``), so numbered items split;
- tracked changes as accepted (insertions in, deletions out), fields and hyperlinks as
  their visible text, hidden text out, text boxes as paragraphs after their anchor;
- ``w:tblHeader`` rows as marked headers;
- a one-column table that only frames other tables (a layout frame) is unwrapped;
  a table nested in a cell of a real table becomes lines of that cell.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Any

from fengong.document import Block, Cell, Document, Paragraph, Provenance, Row, Table
from fengong.errors import TooLargeError, UnreadableError
from fengong.parsers.limits import DEFAULT_LIMITS, Limits, open_zip
from fengong.parsers.word.numbering import Numbering, W, to_int, w_val

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIPPED = frozenset(
    W + name
    for name in (
        "del", "moveFrom", "instrText", "delText", "rPr", "pPr", "tblPr", "trPr", "tcPr",
        "fldData", "footnoteReference", "endnoteReference", "commentReference",
        "annotationRef", "sectPr",
    )
) | {MC + "Fallback"}  # fmt: skip
_WRAPPERS = frozenset({W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag"})


def _on(el: Any, name: str) -> bool:
    """Whether the on/off property ``name`` of ``el`` (a *Pr element) is on."""
    if el is None:
        return False
    flag = el.find(W + name)
    return flag is not None and flag.get(W + "val", "true") not in ("0", "false", "off")


class _Walker:
    """One pass over the body, collecting blocks and notes."""

    def __init__(self, numbering: Numbering, styles: dict[str, tuple[str | None, Any]],
                 limits: Limits) -> None:  # fmt: skip
        self.numbering = numbering
        self.styles = styles
        self.limits = limits
        self.blocks: list[Block] = []
        self.notes: list[tuple[str, str, Provenance]] = []
        self.paragraph_index = 0
        self.table_index = 0
        self.cells = 0
        self.numbering_warned: set[str] = set()

    # --- text -----------------------------------------------------------------------

    def _inline(self, el: Any, out: list[str], boxes: list[Any]) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                continue  # comments and processing instructions
            if tag == W + "t":
                out.append(child.text or "")
                for part in child:  # only unexpanded entities live inside w:t
                    out.append((part.text or "") + (part.tail or ""))
            elif tag == W + "tab" or tag == W + "ptab":
                out.append(" ")
            elif tag in (W + "br", W + "cr"):
                out.append("\n")
            elif tag == W + "noBreakHyphen":
                out.append("-")
            elif tag == W + "sym":
                code = child.get(W + "char", "")
                try:
                    value = int(code, 16)
                except ValueError:
                    continue
                if not 0xE000 <= value <= 0xF8FF:  # symbol-font glyphs have no meaning
                    out.append(chr(value))
            elif tag == W + "txbxContent":
                boxes.append(child)
            elif tag in _SKIPPED or (tag == W + "r" and _on(child.find(W + "rPr"), "vanish")):
                continue
            else:
                self._inline(child, out, boxes)

    def _numbering_of(self, p: Any) -> tuple[str, int] | None:
        """The (list id, level) numbering ``p``: its own ``w:numPr``, else its style's
        (following ``basedOn``); None when unnumbered or numbered with list ``0``."""
        ppr = p.find(W + "pPr")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        num_id, ilvl = w_val(numpr, "numId"), to_int(w_val(numpr, "ilvl"))
        style_id = w_val(ppr, "pStyle")
        seen = 0
        while num_id is None and style_id and style_id in self.styles and seen < 10:
            based_on, style_numpr = self.styles[style_id]
            num_id = w_val(style_numpr, "numId")
            ilvl = ilvl if ilvl is not None else to_int(w_val(style_numpr, "ilvl"))
            style_id, seen = based_on, seen + 1
        if num_id is None or num_id == "0":
            return None
        return num_id, ilvl or 0

    def paragraph_text(self, p: Any, where: Provenance) -> tuple[str, list[Any]]:
        """Return the printed text of a ``w:p`` (number label included) and its text boxes."""
        out: list[str] = []
        boxes: list[Any] = []
        self._inline(p, out, boxes)
        text = "".join(out).strip()
        numbered = self._numbering_of(p)
        if numbered is not None:
            label = self.numbering.label(*numbered)
            if label is None:
                if numbered[0] not in self.numbering_warned:
                    self.numbering_warned.add(numbered[0])
                    self.notes.append((
                        "numbering-missing",
                        f"automatic numbering (list {numbered[0]}) has no definition in the "
                        "file; paragraphs of that list are read without their numbers",
                        where,
                    ))  # fmt: skip
            elif text:
                latin_pair = label[-1:].isalnum() and text[0].isascii() and text[0].isalnum()
                text = label + (" " if latin_pair else "") + text
        return text, boxes

    # --- blocks -----------------------------------------------------------------------

    def body(self, container: Any, depth: int = 0) -> None:
        """Append the blocks of a body-like container (body, unwrapped cell) in order."""
        for child in container:
            tag = child.tag
            if tag == W + "p":
                where = Provenance(paragraph=self.paragraph_index)
                self.paragraph_index += 1
                text, boxes = self.paragraph_text(child, where)
                if text:
                    self.blocks.append(Paragraph(text, where))
                for box in boxes:
                    self.body(box, depth)
            elif tag == W + "tbl":
                self.table(child, depth)
            elif tag in _WRAPPERS:
                self.body(child, depth)

    def _check_depth(self, depth: int) -> None:
        if depth >= self.limits.max_depth:
            raise TooLargeError(
                f"tables nested more than {self.limits.max_depth} deep (--max-depth)"
            )

    def table(self, tbl: Any, depth: int) -> None:
        """Append a table block, or unwrap a layout frame around other tables."""
        self._check_depth(depth)
        rows = list(_children(tbl, "tr"))
        cells_of_rows = [list(_children(tr, "tc")) for tr in rows]
        if (
            cells_of_rows
            and all(len(cells) <= 1 for cells in cells_of_rows)
            and tbl.find(".//" + W + "tbl") is not None
        ):
            for cells in cells_of_rows:
                for tc in cells:
                    self.body(tc, depth + 1)
            return
        index = self.table_index
        self.table_index += 1
        out_rows: list[Row] = []
        open_merges: dict[int, Cell] = {}
        for r, (tr, tcs) in enumerate(zip(rows, cells_of_rows, strict=True)):
            trpr = tr.find(W + "trPr")
            if trpr is not None and trpr.find(W + "del") is not None:
                continue  # a row deleted with tracked changes
            where = Provenance(table=index, row=r)
            out_rows.append(self._row(tr, tcs, where, open_merges, depth))
        self.blocks.append(Table(out_rows, Provenance(table=index, row=0)))

    def _row(self, tr: Any, tcs: list[Any], where: Provenance,
             open_merges: dict[int, Cell], depth: int) -> Row:  # fmt: skip
        trpr = tr.find(W + "trPr")
        cells: list[Cell | None] = []
        before = to_int(w_val(trpr, "gridBefore")) or 0
        cells.extend(Cell("") for _ in range(before))
        previous: Cell | None = None
        for tc in tcs:
            self.cells += 1
            if self.cells > self.limits.max_cells:
                raise TooLargeError(f"more than {self.limits.max_cells} table cells (--max-cells)")
            tcpr = tc.find(W + "tcPr")
            span = max(1, to_int(w_val(tcpr, "gridSpan")) or 1)
            column = len(cells)
            text = self._cell_text(tc, where, depth)
            vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
            hmerge = tcpr.find(W + "hMerge") if tcpr is not None else None
            if hmerge is not None and hmerge.get(W + "val") != "restart" and previous is not None:
                previous.col_span += span
                if text:
                    previous.text = "\n".join(t for t in (previous.text, text) if t)
                cells.extend([None] * span)
                continue
            if vmerge is not None and vmerge.get(W + "val") != "restart":
                start = open_merges.get(column)
                if start is not None and start.col_span == span:
                    start.row_span += 1
                    if text:
                        start.text = "\n".join(t for t in (start.text, text) if t)
                    cells.extend([None] * span)
                    previous = None
                    continue
                self.notes.append((
                    "merge-contradiction",
                    "a cell continues a vertical merge that no cell above starts; "
                    "read as a cell of its own",
                    where,
                ))  # fmt: skip
            cell = Cell(text, col_span=span)
            for k in range(column, column + span):
                open_merges.pop(k, None)
            if vmerge is not None:
                open_merges[column] = cell
            cells.append(cell)
            cells.extend([None] * (span - 1))
            previous = cell
        for k in [k for k in open_merges if k >= len(cells)]:
            del open_merges[k]  # a short row ends the merges past its last cell
        after = to_int(w_val(trpr, "gridAfter")) or 0
        cells.extend(Cell("") for _ in range(after))
        return Row(cells, where, marked_header=_on(trpr, "tblHeader"))

    def _cell_text(self, tc: Any, where: Provenance, depth: int) -> str:
        lines: list[str] = []
        for child in tc:
            if child.tag == W + "p":
                text, boxes = self.paragraph_text(child, where)
                lines.extend(line.strip() for line in text.split("\n"))
                for box in boxes:
                    lines.append(self._cell_text(box, where, depth))
            elif child.tag == W + "tbl":
                lines.extend(self._nested_lines(child, where, depth + 1))
            elif child.tag in _WRAPPERS:
                lines.append(self._cell_text(child, where, depth))
        return "\n".join(line for line in lines if line)

    def _nested_lines(self, tbl: Any, where: Provenance, depth: int) -> list[str]:
        self._check_depth(depth)
        lines = []
        for tr in _children(tbl, "tr"):
            texts = [self._cell_text(tc, where, depth) for tc in _children(tr, "tc")]
            line = " ".join(t.replace("\n", " ") for t in texts if t)
            if line:
                lines.append(line)
        return lines


def _children(el: Any, name: str) -> Any:
    """Yield the ``w:<name>`` children of ``el``, looking through content wrappers."""
    for child in el:
        if child.tag == W + name:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, name)


def _styles_numbering(styles_root: Any) -> dict[str, tuple[str | None, Any]]:
    """Map each paragraph style id to (the style it is based on, its ``w:numPr``)."""
    styles: dict[str, tuple[str | None, Any]] = {}
    if styles_root is None:
        return styles
    for style in styles_root.iter(W + "style"):
        ppr = style.find(W + "pPr")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        styles[style.get(W + "styleId", "")] = (w_val(style, "basedOn"), numpr)
    return styles


def _open_package(data: bytes, limits: Limits) -> tuple[Any, zipfile.ZipFile]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    archive = open_zip(data, limits)
    names = set(archive.namelist())
    if "word/document.xml" not in names and not any(
        n.startswith("word/") and n.endswith(".xml") for n in names
    ):
        raise UnreadableError("not a Word document: the ZIP has no word/document.xml")
    try:
        return docx.Document(io.BytesIO(data)), archive
    except etree.XMLSyntaxError as err:
        if "depth" in str(err).lower():
            raise TooLargeError(f"the document XML is nested too deeply ({err})") from err
        if "amplification" in str(err).lower():
            raise TooLargeError(
                f"the document XML declares entities that expand without bound, an entity "
                f"bomb ({err})"
            ) from err
        raise UnreadableError(f"the document XML is damaged ({err})") from err
    except (PackageNotFoundError, KeyError, zipfile.BadZipFile, zlib.error, EOFError) as err:
        raise UnreadableError(f"not a valid DOCX: a part is missing or damaged ({err})") from err
    except ValueError as err:
        raise UnreadableError(f"not a Word document: {err}") from err


def _declares_entities(archive: zipfile.ZipFile, name: str) -> bool:
    try:
        with archive.open(name) as member:
            return b"<!DOCTYPE" in member.read(4096)
    except (KeyError, zipfile.BadZipFile, zlib.error, EOFError):
        return False


def _part_element(getter: Any) -> Any:
    try:
        return getter().element
    except (NotImplementedError, KeyError, AttributeError):
        return None


class WordReader:
    """Reads ``.docx`` (and files converted to it) into a ``Document``."""

    name = "docx"

    def __init__(self, limits: Limits = DEFAULT_LIMITS) -> None:
        self.limits = limits

    def read(self, data: bytes) -> Document:
        """Return the ``Document`` of DOCX bytes; raise ``FengongError`` when unreadable.
        (``read_document``, the only way in, has checked the input's size.)"""
        package, archive = _open_package(data, self.limits)
        part = package.part
        numbering_root = _part_element(lambda: part.numbering_part)
        styles_root = _part_element(lambda: part._styles_part)
        walker = _Walker(Numbering(numbering_root), _styles_numbering(styles_root), self.limits)
        body = getattr(package.element, "body", None)
        if body is None:  # the root element is not w:document (damaged XML)
            raise UnreadableError("the DOCX's main part is not a Word document body (damaged)")
        walker.body(body)
        if _declares_entities(archive, part.partname.lstrip("/")):
            walker.notes.append((
                "dtd-ignored",
                "the document XML declares entities, which Word never writes; they were "
                "not expanded and are shown as &name;",
                Provenance(),
            ))  # fmt: skip
        has_table = any(isinstance(b, Table) for b in walker.blocks)
        return Document(
            walker.blocks,
            format="docx",
            layout="table" if has_table else "prose",
            merges_visible=True,
            notes=walker.notes,
        )
