"""What a reader is: a name and ``read``.

Readers turn bytes into a ``Document`` and nothing more: they never fill merged cells
down or guess roles (the interpreter does that once, for every format). Which reader a
file goes to is decided by its content alone (``detect.sniff_format``), never by its name.
"""

from __future__ import annotations

from typing import Protocol

from fengong.document import Document


class Reader(Protocol):
    """The interface every format module implements."""

    name: str

    def read(self, data: bytes) -> Document:
        """Return the ``Document`` in ``data``; raise a ``FengongError`` when unreadable."""
        ...
