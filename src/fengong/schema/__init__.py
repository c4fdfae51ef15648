"""The contract: Pydantic models (``schema.models``), the only thing exporters and
``validate`` see, and their plain-data twins (``schema.data``), which the interpreter
builds.

The models are imported on first use: importing Pydantic and building them costs a whole
``fengong parse`` about 0.25 s, which writing JSON does not need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fengong.schema.data import (
    SCHEMA_VERSION,
    UNIT_ROLES,
    ColumnRole,
    DeadlineKind,
    PlanData,
    SourceFormat,
    UnitRole,
)

if TYPE_CHECKING:
    from fengong.schema.models import (
        Attachment,
        Column,
        Deadline,
        Location,
        Plan,
        PlanWarning,
        Source,
        Task,
    )

_MODELS = ("Attachment", "Column", "Deadline", "Location", "Plan", "PlanWarning", "Source", "Task")

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
    "PlanData",
    "PlanWarning",
    "Source",
    "SourceFormat",
    "Task",
    "UnitRole",
    "as_plan",
]


def __getattr__(name: str) -> Any:
    if name in _MODELS:
        from fengong.schema import models

        return getattr(models, name)
    raise AttributeError(f"module 'fengong.schema' has no attribute {name!r}")


def as_plan(plan: Plan | PlanData) -> Plan:
    """Return ``plan`` as the validated ``Plan`` model: a model as it is, plain data
    validated (raises ``pydantic.ValidationError`` when it breaks the contract)."""
    from fengong.schema.models import Plan

    return Plan.model_validate(plan) if isinstance(plan, dict) else plan
