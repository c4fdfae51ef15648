"""The Pydantic contract: the only thing exporters and ``validate`` see."""

from fengong.schema.models import (
    SCHEMA_VERSION,
    UNIT_ROLES,
    Attachment,
    Column,
    ColumnRole,
    Deadline,
    DeadlineKind,
    Location,
    Plan,
    PlanWarning,
    Source,
    Task,
    UnitRole,
)

__all__ = [
    "SCHEMA_VERSION",
    "UNIT_ROLES",
    "Attachment",
    "Column",
    "ColumnRole",
    "Deadline",
    "DeadlineKind",
    "Location",
    "Plan",
    "PlanWarning",
    "Source",
    "Task",
    "UnitRole",
]
