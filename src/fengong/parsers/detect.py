"""Which reader fits a file: by its content first, its name only as a hint.

The order of strategies (as in Unstructured's filetype detection): magic bytes for the
binary formats (PDF, PNG/JPEG/TIFF images, ZIP-based Office files, old OLE Office files),
then text for whatever decodes. A PDF named ``.docx`` is read as a PDF.
"""

from __future__ import annotations

import io
import zipfile

from fengong.errors import UnsupportedFormatError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# PNG, JPEG, TIFF (both byte orders)
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def sniff_format(data: bytes, name: str | None = None) -> str:
    """Return ``"pdf"``, ``"image"`` (PNG, JPEG, TIFF), ``"docx"``, ``"doc"`` (also .wps),
    ``"rtf"`` or ``"text"`` for a file.

    Raises ``UnsupportedFormatError`` for a ZIP that is not a Word document and for
    other binary containers fengong does not read.
    """
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(IMAGE_MAGIC):
        return "image"
    if head.startswith(b"PK\x03\x04"):
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except zipfile.BadZipFile:
            return "docx"  # damaged: the DOCX reader says what is wrong
        if "word/document.xml" in names:
            return "docx"
        kind = (
            "a spreadsheet (xlsx)" if any(n.startswith("xl/") for n in names) else "a ZIP archive"
        )
        raise UnsupportedFormatError(f"not a plan document we can read: it looks like {kind}")
    if head.startswith(OLE_MAGIC):
        return "doc"
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    return "text"
