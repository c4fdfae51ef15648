"""detect → read → interpret → Plan: the one place the stages meet."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from fengong.errors import FengongError, UnreadableError
from fengong.fetch import is_url
from fengong.parsers.limits import DEFAULT_LIMITS, DEFAULT_OCR, Limits, OcrOptions, check_input_size
from fengong.schema import PlanData, as_plan
from fengong.schema.data import SourceData

if TYPE_CHECKING:
    from fengong.schema import Plan


def parse_bytes(
    data: bytes,
    path: str | None = None,
    format: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    ocr: OcrOptions = DEFAULT_OCR,
) -> Plan:
    """Return the ``Plan`` of a document given as bytes; ``path`` is recorded as its
    source; ``format`` forces a reader instead of detecting one from the content;
    ``limits`` bounds what a reader takes in; ``ocr`` says when pages are read by OCR.
    Raises ``FengongError`` when the document cannot be read."""
    return as_plan(parse_bytes_to_data(data, path, format, limits, ocr))


def parse_bytes_to_data(
    data: bytes,
    path: str | None = None,
    format: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    ocr: OcrOptions = DEFAULT_OCR,
) -> PlanData:
    """``parse_bytes`` without the models: return the plan as plain data of the schema's
    shape (``schema.data``), for callers that only write it out and so need not import
    Pydantic."""
    from fengong.interpret.plan import document_to_data
    from fengong.parsers import read_document

    try:
        doc = read_document(data, path, limits, format=format, ocr=ocr)
    except FengongError as err:
        err.path = err.path or path
        raise
    source: SourceData = {
        "path": path,
        "format": doc.format,  # type: ignore[typeddict-item]
        "layout": doc.layout or None,
        "sha256": hashlib.sha256(data).hexdigest(),
        "pages": doc.pages,
        "attachments": [
            {"text": a.text, "url": urljoin(path, a.url) if path and is_url(path) else a.url}
            for a in doc.attachments
        ],  # a page's links are relative to its address
    }
    return document_to_data(doc, source)


def parse(
    source: str | Path | bytes,
    format: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    ocr: str = "auto",
    jobs: int = 1,
) -> Plan:
    """Return the ``Plan`` of a file path, an http(s) address (a ``str``) or raw bytes;
    ``format`` (``text``, ``docx``, ``pdf``, ``doc``, ``rtf``, ``html``, ``xlsx``, ``image``)
    forces a reader, else the content decides; ``limits`` (``fengong.Limits``) overrides the
    default bounds; ``ocr`` (``auto``, ``always``, ``never``) says when pages are read by
    OCR, in ``jobs`` processes. Raises ``FengongError`` (``FetchError`` for an address that
    cannot be fetched)."""
    options = OcrOptions(ocr, jobs)
    if isinstance(source, bytes):
        return parse_bytes(source, format=format, limits=limits, ocr=options)
    if isinstance(source, str) and is_url(source):
        from fengong.fetch import fetch

        data = fetch(source, limits).data
        return parse_bytes(data, source, format=format, limits=limits, ocr=options)
    path = Path(source)
    return parse_bytes(
        read_file(path, limits), str(path), format=format, limits=limits, ocr=options
    )


def read_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """Return the bytes of ``path``; a file over ``limits.max_input_bytes`` is refused
    (``TooLargeError``) before it is read, so that it never fills memory."""
    try:
        check_input_size(path.stat().st_size, limits)
        return path.read_bytes()
    except OSError as err:
        raise UnreadableError(f"cannot read the file: {err.strerror}", path=str(path)) from err
