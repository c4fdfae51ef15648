"""What a reader is: a name, the suffixes it claims, a content sniffer, and ``read``.

Readers turn bytes into a ``Document`` and nothing more: they never fill merged cells
down or guess roles (the interpreter does that once, for every format).
"""

from __future__ import annotations

from typing import Protocol

from fengong.document import Document


class Reader(Protocol):
    """The interface every format module implements."""

    name: str
    suffixes: tuple[str, ...]

    def sniff(self, head: bytes) -> bool:
        """Return True when the first bytes of a file look like this format."""
        ...

    def read(self, data: bytes) -> Document:
        """Return the ``Document`` in ``data``; raise a ``FengongError`` when unreadable."""
        ...
