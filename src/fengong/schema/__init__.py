"""The Pydantic contract: the only thing exporters and ``validate`` see."""

from fengong.schema.models import (
    SCHEMA_VERSION,
    Column,
    ColumnRole,
    Deadline,
    DeadlineKind,
    Location,
    Plan,
    PlanWarning,
    Source,
    Task,
)

__all__ = [
    "SCHEMA_VERSION",
    "Column",
    "ColumnRole",
    "Deadline",
    "DeadlineKind",
    "Location",
    "Plan",
    "PlanWarning",
    "Source",
    "Task",
]
