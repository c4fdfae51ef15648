"""Readers: bytes → ``Document``, one module per format, chosen by content."""

from __future__ import annotations

from fengong.document import Document, Provenance
from fengong.errors import UnsupportedFormatError
from fengong.parsers.detect import sniff_format
from fengong.parsers.limits import DEFAULT_LIMITS, Limits, check_input_size


def read_document(
    data: bytes,
    name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    format: str | None = None,
) -> Document:
    """Detect the format of ``data`` and return its ``Document``.

    Heavy libraries are imported here, only for the format that needs them. Old Word
    files (``.doc``, ``.wps``, ``.rtf``) are converted to DOCX by LibreOffice first, and a
    note says so. ``format`` (``text``, ``docx``, ``doc``, ``rtf``, ``pdf``) skips
    detection. Raises ``FengongError`` when the document cannot be read.
    """
    check_input_size(data, limits)
    kind = format or sniff_format(data, name)
    if kind == "text":
        from fengong.parsers.text import TextReader

        return TextReader().read(data)
    if kind in ("docx", "doc", "rtf"):
        from fengong.parsers.word.reader import WordReader

        if kind == "docx":
            return WordReader(limits).read(data)
        from fengong.parsers.word.office import convert_to_docx

        doc = WordReader(limits).read(convert_to_docx(data, kind))
        doc.notes.insert(
            0,
            (
                "converted",
                f"read from a .{kind} file converted to DOCX by LibreOffice",
                Provenance(),
            ),
        )
        return doc
    if kind == "pdf":
        from fengong.parsers.pdf.reader import PdfReader

        return PdfReader(limits).read(data)
    raise UnsupportedFormatError(f"not a plan document we can read ({kind})")


__all__ = ["DEFAULT_LIMITS", "Limits", "read_document", "sniff_format"]
