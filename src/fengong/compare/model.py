"""The result of comparing two plans (``fengong diff``), as Pydantic models.

Strict like the Plan's models (``schema/models.py``): unknown fields and wrong types are
errors, so that ``fengong schema --diff`` publishes a contract that scripts can rely on.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from fengong.schema import Plan, Task

ChangedField = Literal["text", "section", "lead", "responsible", "support", "leaders", "deadline"]
# the fields a matched pair is compared on, in the order changes are listed
FIELDS: tuple[ChangedField, ...] = (
    "text", "section", "lead", "responsible", "support", "leaders", "deadline",
)  # fmt: skip


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class PlanRef(_Strict):
    """Which plan a side of the comparison is: the file it was read from, title, year."""

    path: str | None = None
    title: str | None = None
    year: int | None = None

    @classmethod
    def of(cls, plan: Plan) -> PlanRef:
        """Return the reference of ``plan`` (its source path, title and year)."""
        return cls(path=plan.source.path, title=plan.title, year=plan.year)


class Summary(_Strict):
    """How many tasks matched (unchanged or changed), were added or were removed."""

    matched: int = Field(ge=0)
    unchanged: int = Field(ge=0)
    changed: int = Field(ge=0)
    added: int = Field(ge=0)
    removed: int = Field(ge=0)


class UnitChange(_Strict):
    """The units of one role that the new task names and the old did not (``added``),
    and those the old named and the new does not (``removed``)."""

    added: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)

    @property
    def changed(self) -> bool:
        """True when a unit was added or removed."""
        return bool(self.added or self.removed)


class UnitChanges(_Strict):
    """The unit changes of a matched pair, role by role."""

    lead: UnitChange = Field(default_factory=UnitChange)
    responsible: UnitChange = Field(default_factory=UnitChange)
    support: UnitChange = Field(default_factory=UnitChange)


class TaskChange(_Strict):
    """A task of the old plan matched to one of the new plan that differs from it: both
    tasks whole, how similar their texts are (0–100), which fields changed, and the units
    added and removed in each role."""

    old: Task
    new: Task
    similarity: float = Field(ge=0, le=100)
    fields: list[ChangedField] = Field(min_length=1)
    units: UnitChanges = Field(default_factory=UnitChanges)


class PlanDiff(_Strict):
    """What changed from the ``old`` plan to the ``new`` one: the matched tasks that
    differ (in the new plan's order), the tasks only the new plan has (``added``, in its
    order) and those only the old plan had (``removed``, in its order)."""

    old: PlanRef
    new: PlanRef
    summary: Summary
    changed: list[TaskChange] = Field(default_factory=list)
    added: list[Task] = Field(default_factory=list)
    removed: list[Task] = Field(default_factory=list)

    @property
    def differs(self) -> bool:
        """True when anything changed, was added or was removed."""
        return bool(self.changed or self.added or self.removed)
