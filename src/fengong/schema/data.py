"""The output contract as plain JSON-ready data, without Pydantic.

The vocabulary (deadline kinds, column roles, unit roles) and one ``TypedDict`` per model
of ``schema.models``, with the same keys in the same order: what the interpreter builds
and what ``fengong parse`` writes as JSON without importing Pydantic (about 0.25 s of a
whole process, more than the interpreter's own imports). ``Plan.model_validate(data)``
turns it into the validated models; tests/test_schema_data.py keeps the two in step and
checks that every plan the interpreter reads validates and serialises the same both ways.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, TypedDict

SCHEMA_VERSION: Literal["1.0"] = "1.0"

DeadlineKind = Literal[
    "date", "month", "quarter", "half", "year", "ongoing", "recurring", "conditional", "unknown"
]
ColumnRole = Literal[
    "number",
    "section",
    "task",
    "lead",
    "responsible",
    "support",
    "leaders",
    "deadline",
    "criteria",
    "measures",
    "extra",
]
SourceFormat = Literal["text", "docx", "pdf", "html", "xlsx", "image"]
UnitRole = Literal["lead", "responsible", "support"]
# the roles a unit can hold in a task, strongest first (SPEC: each unit once, in its
# strongest role); the Task fields of the same names
UNIT_ROLES: tuple[UnitRole, ...] = ("lead", "responsible", "support")


class LocationData(TypedDict):
    line: int | None
    page: int | None
    table: int | None
    row: int | None
    paragraph: int | None
    bbox: list[float] | None


class DeadlineData(TypedDict):
    raw: str
    due: dt.date | None
    kind: DeadlineKind


class WarningData(TypedDict):
    code: str
    message: str
    location: LocationData | None


class ColumnData(TypedDict):
    index: int
    header: str
    role: ColumnRole
    from_content: bool


class AttachmentData(TypedDict):
    text: str
    url: str


class SourceData(TypedDict):
    path: str | None
    format: SourceFormat
    layout: str | None
    sha256: str
    pages: int | None
    attachments: list[AttachmentData]


class TaskData(TypedDict):
    seq: int
    number: str | None
    section: list[str]
    text: str
    measures: list[str]
    criteria: list[str]
    lead: list[str]
    responsible: list[str]
    support: list[str]
    leaders: list[str]
    responsibility_raw: str | None
    deadline: DeadlineData | None
    extra: dict[str, str]
    source: LocationData


class PlanData(TypedDict):
    schema_version: Literal["1.0"]
    title: str | None
    issuer: str | None
    year: int | None
    source: SourceData
    columns: list[ColumnData]
    tasks: list[TaskData]
    warnings: list[WarningData]
