"""Readers: bytes → ``Document``, one module per format, chosen by content."""

from __future__ import annotations

from fengong.document import Document
from fengong.errors import UnsupportedFormatError
from fengong.parsers.detect import sniff_format


def read_document(data: bytes, name: str | None = None) -> Document:
    """Detect the format of ``data`` and return its ``Document``.

    Heavy libraries are imported here, only for the format that needs them.
    """
    kind = sniff_format(data, name)
    if kind == "text":
        from fengong.parsers.text import TextReader

        return TextReader().read(data)
    raise UnsupportedFormatError(
        f"{kind.upper()} files are not supported yet; save the plan as plain text (.txt)"
    )


__all__ = ["read_document", "sniff_format"]
