"""detect → read → interpret → Plan: the one place the stages meet."""

from __future__ import annotations

import hashlib
from pathlib import Path

from fengong.errors import FengongError
from fengong.schema import Plan, Source


def parse_bytes(data: bytes, path: str | None = None, format: str | None = None) -> Plan:
    """Return the ``Plan`` of a document given as bytes; ``path`` is recorded as its
    source; ``format`` forces a reader instead of detecting one from the content.
    Raises ``FengongError`` when the document cannot be read."""
    from fengong.interpret.plan import document_to_plan
    from fengong.parsers import read_document

    try:
        doc = read_document(data, path, format=format)
    except FengongError as err:
        err.path = err.path or path
        raise
    source = Source(
        path=path,
        format=doc.format,  # type: ignore[arg-type]
        layout=doc.layout or None,
        sha256=hashlib.sha256(data).hexdigest(),
        pages=doc.pages,
    )
    return document_to_plan(doc, source)


def parse(source: str | Path | bytes, format: str | None = None) -> Plan:
    """Return the ``Plan`` of a file path or of raw bytes; ``format`` (``text``, ``docx``,
    ``pdf``, ``doc``, ``rtf``) forces a reader, else the content decides."""
    if isinstance(source, bytes):
        return parse_bytes(source, format=format)
    path = Path(source)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise FengongError(f"cannot read the file: {err.strerror}", path=str(path)) from err
    return parse_bytes(data, str(path), format=format)
