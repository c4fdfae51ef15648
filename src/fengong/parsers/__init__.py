"""Readers: bytes → ``Document``, one module per format, chosen by content."""

from __future__ import annotations

from fengong.document import Document, Provenance
from fengong.errors import UnsupportedFormatError
from fengong.parsers.base import Reader
from fengong.parsers.detect import sniff_format
from fengong.parsers.limits import DEFAULT_LIMITS, DEFAULT_OCR, Limits, OcrOptions, check_input_size


def reader_for(kind: str, limits: Limits = DEFAULT_LIMITS, ocr: OcrOptions = DEFAULT_OCR) -> Reader:
    """The reader of a detected format (``text``, ``docx``, ``pdf``, ``html``, ``xlsx``,
    ``image``), its library imported only now; ``ocr`` says when PDF pages are read by OCR.
    Raises ``UnsupportedFormatError`` for any other."""
    if kind == "text":
        from fengong.parsers.text import TextReader

        return TextReader()
    if kind == "docx":
        from fengong.parsers.word.reader import WordReader

        return WordReader(limits)
    if kind == "pdf":
        from fengong.parsers.pdf.reader import PdfReader

        return PdfReader(limits, ocr)
    if kind == "html":
        from fengong.parsers.html.reader import HtmlReader

        return HtmlReader(limits)
    if kind == "xlsx":
        from fengong.parsers.xlsx.reader import XlsxReader

        return XlsxReader(limits)
    if kind == "image":
        from fengong.parsers.ocr.reader import ImageReader

        return ImageReader(limits, ocr)
    raise UnsupportedFormatError(f"not a plan document we can read ({kind})")


def read_document(
    data: bytes,
    name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    format: str | None = None,
    ocr: OcrOptions = DEFAULT_OCR,
) -> Document:
    """Detect the format of ``data`` and return its ``Document``.

    Heavy libraries are imported here, only for the format that needs them. Old Word
    files (``.doc``, ``.wps``, ``.rtf``) are converted to DOCX by LibreOffice first, and a
    note says so. ``format`` (``text``, ``docx``, ``doc``, ``rtf``, ``pdf``, ``html``,
    ``xlsx``, ``image``) skips detection; ``ocr`` says when pages are read by OCR (``image``
    files always are). Raises ``FengongError`` when the document cannot be read.
    """
    check_input_size(data, limits)
    kind = format or sniff_format(data, name)
    if kind not in ("doc", "rtf"):
        return reader_for(kind, limits, ocr).read(data)
    from fengong.parsers.word.office import convert_to_docx

    doc = reader_for("docx", limits).read(convert_to_docx(data, kind))
    doc.notes.insert(
        0,
        ("converted", f"read from a .{kind} file converted to DOCX by LibreOffice", Provenance()),
    )
    return doc


__all__ = ["DEFAULT_LIMITS", "Limits", "OcrOptions", "read_document", "reader_for", "sniff_format"]
