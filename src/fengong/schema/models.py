"""The output contract (SPEC.md): ``Plan`` and everything in it, as Pydantic models
(their vocabulary and their plain-data twins in ``schema.data``).

Strict on purpose: unknown fields, wrong types, impossible dates and kinds outside the
lists are errors, so that ``fengong validate`` catches real mistakes in hand-edited or
foreign files.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from fengong.schema.data import (
    SCHEMA_VERSION,
    ColumnRole,
    DeadlineKind,
    SourceFormat,
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Location(_Strict):
    """Where something is in the input: line for text; page, table, row for the others."""

    line: int | None = Field(default=None, ge=1)
    page: int | None = Field(default=None, ge=1)
    table: int | None = Field(default=None, ge=0)
    row: int | None = Field(default=None, ge=0)
    paragraph: int | None = Field(default=None, ge=0)
    bbox: list[float] | None = Field(default=None, min_length=4, max_length=4)


class Deadline(_Strict):
    """A deadline as printed, the last day it allows, and what kind of deadline it is."""

    raw: str = Field(min_length=1)
    due: dt.date | None = None
    kind: DeadlineKind


class PlanWarning(_Strict):
    """Something the reader repaired or could not decide, with its location."""

    code: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    message: str
    location: Location | None = None


class Column(_Strict):
    """A table header as printed and the role fengong gave it."""

    index: int = Field(ge=0)
    header: str
    role: ColumnRole
    from_content: bool = False  # the role follows from the cells, not from the header


class Attachment(_Strict):
    """A file the input links to (a web page's 附件), with the link's text as printed."""

    text: str
    url: str


class Source(_Strict):
    """The input: path (or URL), detected format and layout, sha256 of its bytes, page
    count, and the attachments a web page links to."""

    path: str | None = None
    format: SourceFormat
    layout: str | None = None
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    pages: int | None = Field(default=None, ge=0)
    attachments: list[Attachment] = Field(default_factory=list)


class Task(_Strict):
    """One task of the plan and the units that carry it."""

    seq: int = Field(ge=1)
    number: str | None = None
    section: list[str] = Field(default_factory=list)
    text: str = Field(min_length=1)
    measures: list[str] = Field(default_factory=list)
    criteria: list[str] = Field(default_factory=list)
    lead: list[str] = Field(default_factory=list)
    responsible: list[str] = Field(default_factory=list)
    support: list[str] = Field(default_factory=list)
    leaders: list[str] = Field(default_factory=list)
    responsibility_raw: str | None = None
    deadline: Deadline | None = None
    extra: dict[str, str] = Field(default_factory=dict)
    source: Location = Field(default_factory=Location)


class Plan(_Strict):
    """A whole 分工方案: metadata, column roles, tasks in document order, warnings."""

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    title: str | None = None
    issuer: str | None = None
    year: int | None = Field(default=None, ge=1949, le=2100)
    source: Source
    columns: list[Column] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    warnings: list[PlanWarning] = Field(default_factory=list)
