"""The format-neutral middle of the pipeline: what every reader produces.

A ``Document`` is a list of blocks in reading order: ``Paragraph`` and ``Table``.
Readers fill it from a file format; the interpreter reads only this model.
Readers record what they see (cells, spans, page breaks, repeated-header marks)
and never decide what a cell means.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Provenance:
    """Where a block, row or cell came from in the input file.

    Text readers set ``line`` (1-based, first line of the block); paged readers set
    ``page``; table rows carry ``table`` and ``row`` (0-based indexes in the document).
    """

    line: int | None = None
    page: int | None = None
    table: int | None = None
    row: int | None = None
    paragraph: int | None = None
    bbox: tuple[float, float, float, float] | None = None


@dataclass
class Cell:
    """One cell as printed: its text keeps the cell's line structure (``\\n``).

    ``row_span``/``col_span`` are set on the cell that starts a merge. Positions a merge
    covers hold ``None`` in ``Row.cells`` (as pdfplumber does), never an empty ``Cell``:
    an empty cell (``text == ""``) is a real, empty cell.
    """

    text: str
    row_span: int = 1
    col_span: int = 1


@dataclass
class Row:
    """A table row: cells in column order; ``None`` where a merge covers the position.

    ``after_break`` is true when the reader saw a page break (or the text copy's trace of
    one: a blank line, a repeated header) just before this row. ``marked_header`` is true
    when the file itself marks the row as a header (Word's ``w:tblHeader``).
    """

    cells: list[Cell | None]
    provenance: Provenance = field(default_factory=Provenance)
    after_break: bool = False
    marked_header: bool = False

    def texts(self) -> list[str]:
        """Return the text of every position, ``""`` for covered positions."""
        return [c.text if c is not None else "" for c in self.cells]


@dataclass
class Table:
    """A table: rows in document order."""

    rows: list[Row]
    provenance: Provenance = field(default_factory=Provenance)


@dataclass
class Paragraph:
    """A paragraph of running text; wrapped lines already joined by the reader."""

    text: str
    provenance: Provenance = field(default_factory=Provenance)


Block = Paragraph | Table


@dataclass(frozen=True)
class Stated:
    """What an input states about the document outside its text (a web page's metadata
    block: 名称, 发布机构, 发布日期): title, issuer and date as printed, None where silent."""

    title: str | None = None
    issuer: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Link:
    """A link to an attached file, as the page prints it: its text and its address."""

    text: str
    url: str


@dataclass
class Document:
    """Everything a reader saw in one input, in reading order.

    ``format`` is the detected format (``text``, ``docx``, ``pdf``, ``html``, ``xlsx``,
    ``image``); ``layout`` names the shape the reader recognised (e.g. ``tsv``,
    ``pipe-cells``, ``prose``); ``merges_visible`` tells the interpreter whether merged cells
    are recorded (DOCX, PDF, HTML, XLSX, scans) or were lost in a plain-text copy. ``notes``
    are (code, message, provenance) the reader wants reported. ``stated`` is what the input
    says about the document outside its text, ``attachments`` the files it links to (web
    pages).
    """

    blocks: list[Block]
    format: str
    layout: str = ""
    pages: int | None = None
    merges_visible: bool = False
    notes: list[tuple[str, str, Provenance]] = field(default_factory=list)
    stated: Stated = field(default_factory=Stated)
    attachments: list[Link] = field(default_factory=list)

    def paragraphs(self) -> list[Paragraph]:
        """Return the paragraphs in document order."""
        return [b for b in self.blocks if isinstance(b, Paragraph)]
