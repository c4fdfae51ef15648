"""Salvage for a PDF whose tail is cut off or damaged (a truncated download).

Writers such as LibreOffice put the page tree, the catalogue and the cross-reference
table at the end of the file, so a cut tail loses the index to pages that are still
whole. ``rebuild_page_tree`` keeps every complete object, then appends a new page tree
over the complete page objects in the order they are stored, a catalogue and a trailer.
pdfminer finds the objects by scanning (its fallback for a missing cross-reference
table). Pages whose fonts were cut off come out as unmapped text, which the reader
reports like any garbled text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OBJECT = re.compile(rb"(?m)^\s*(\d{1,10})\s+(\d{1,5})\s+obj\b")
_ENDOBJ = re.compile(rb"\bendobj\b")
_STREAM = re.compile(rb"\bstream\r?\n")
_ENDSTREAM = re.compile(rb"\bendstream\b")
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
_PAGES = re.compile(rb"/Type\s*/Pages\b")
_REFERENCE = re.compile(rb"\b(\d{1,10})\s+\d{1,5}\s+R\b")
_INHERITED = re.compile(rb"/(?:MediaBox|Resources)\s*(?:\[[^\]]*\]|\d+\s+\d+\s+R)")


@dataclass(frozen=True)
class Repaired:
    """The rebuilt PDF, how many pages its new page tree holds and how many objects
    that the kept ones refer to (fonts, contents) were lost."""

    data: bytes
    pages: int
    missing: int


@dataclass(frozen=True)
class _Object:
    """A complete object: its number, where it ends, and its dictionary (``head``,
    before any stream data)."""

    number: int
    end: int
    head: bytes


def _complete_objects(data: bytes) -> list[_Object]:
    """Return every object of ``data`` that ends with ``endobj``."""
    found = []
    starts = list(_OBJECT.finditer(data))
    for index, match in enumerate(starts):
        # each search ends at the next object: linear in the file, whatever it holds
        limit = starts[index + 1].start() if index + 1 < len(starts) else len(data)
        body_start = match.end()
        stream = _STREAM.search(data, body_start, limit)
        search_from = body_start
        if stream is not None:
            end_stream = _ENDSTREAM.search(data, stream.end(), limit)
            if end_stream is None:
                continue
            search_from = end_stream.end()
        end = _ENDOBJ.search(data, search_from, limit)
        if end is None:
            continue
        head = data[body_start : stream.start() if stream is not None else end.start()]
        found.append(_Object(int(match.group(1)), end.end(), head))
    return found


def rebuild_page_tree(data: bytes) -> Repaired | None:
    """Return ``data`` cut after its last complete object, with a new page tree,
    catalogue and trailer appended; None when no complete page object is left."""
    objects = _complete_objects(data)
    pages = [o for o in objects if _PAGE.search(o.head) and not _PAGES.search(o.head)]
    if not pages:
        return None
    inherited = b""
    for obj in objects:
        if _PAGES.search(obj.head):  # an old page tree node: keep what pages inherit
            inherited = b" ".join(m.group(0) for m in _INHERITED.finditer(obj.head))
            break
    body = data[: max(o.end for o in objects)]
    tree = max(o.number for o in objects) + 1
    catalogue = tree + 1
    kids = b" ".join(b"%d 0 R" % page.number for page in pages)
    tail = (
        b"\n%d 0 obj\n<< /Type /Pages /Kids [%s] /Count %d %s >>\nendobj\n"
        b"%d 0 obj\n<< /Type /Catalog /Pages %d 0 R >>\nendobj\n"
        b"trailer\n<< /Size %d /Root %d 0 R >>\n%%%%EOF\n"
    ) % (tree, kids, len(pages), inherited, catalogue, tree, catalogue + 1, catalogue)
    present = {o.number for o in objects}
    referred = {int(m.group(1)) for o in objects for m in _REFERENCE.finditer(o.head)}
    return Repaired(body + tail, len(pages), len(referred - present))
