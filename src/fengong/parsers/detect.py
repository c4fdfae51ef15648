"""Which reader fits a file: by its content first, its name only as a hint.

The order of strategies (as in Unstructured's filetype detection): magic bytes for the
binary formats (PDF, PNG/JPEG/TIFF images, ZIP-based Office files, old OLE Office files),
then markup (a web page opens with its doctype or ``<html>``, or with a tag that only a page
or a fragment of one starts with), then text for whatever decodes. A PDF named ``.docx`` is
read as a PDF; a text copy with tags left in its cells is text.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile

from fengong.errors import UnsupportedFormatError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# PNG, JPEG, TIFF (both byte orders)
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
# what a page (or a saved piece of one) starts with, after white space, an XML declaration
# and comments
_PAGE_START = re.compile(
    rb"^(?:\s|<\?xml[^>]*>|<!--.*?-->)*<(?:!doctype\s+html|html|head|body|meta|title|table"
    rb"|div|style|script|link|base|article|section|main)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)


def _page_head(data: bytes) -> bytes:
    """The first bytes of a possible page as ASCII-compatible bytes (UTF-16 decoded)."""
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[2:4098].decode(encoding, errors="replace").encode("utf-8", "replace")
    return data[:4096].removeprefix(codecs.BOM_UTF8)


def sniff_format(data: bytes, name: str | None = None) -> str:
    """Return ``"pdf"``, ``"image"`` (PNG, JPEG, TIFF), ``"docx"``, ``"xlsx"``, ``"doc"``
    (also .wps), ``"rtf"``, ``"html"`` or ``"text"`` for a file.

    Raises ``UnsupportedFormatError`` for a ZIP that is neither a Word document nor a
    workbook and for other binary containers fengong does not read.
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
        if any(n.startswith("xl/") for n in names):
            return "xlsx"
        raise UnsupportedFormatError("not a plan document we can read: it looks like a ZIP archive")
    if head.startswith(OLE_MAGIC):
        return "doc"
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    if _PAGE_START.match(_page_head(data)):
        return "html"
    return "text"
