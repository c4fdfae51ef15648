"""Warnings as the interpreter collects them, before they become schema objects."""

from __future__ import annotations

from dataclasses import dataclass

from fengong.document import Provenance


@dataclass(frozen=True)
class Note:
    """Something the interpreter repaired or could not decide, and where."""

    code: str
    message: str
    where: Provenance | None = None
