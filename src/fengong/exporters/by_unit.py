"""Plans turned around: each unit with its tasks by role (lead, responsible, support).

Units are named as the Plan names them (SPEC.md rule 4 has already normalised them);
they are listed in the order they first appear. ``leaders`` (分管领导) are people, not
units, and are left out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from fengong.exporters.rows import Cell
from fengong.schema import UNIT_ROLES, Plan, Task, UnitRole
from fengong.textnorm import names_like, names_matching

UNIT_COLUMNS = (
    "unit", "role", "file", "title", "seq", "number", "section", "task", "deadline", "due",
)  # fmt: skip


@dataclass(frozen=True)
class Assignment:
    """One task of one plan given to a unit in one role."""

    role: UnitRole
    plan: Plan
    task: Task


@dataclass
class UnitTasks:
    """A unit and everything assigned to it, in plan and task order."""

    name: str
    assignments: list[Assignment] = field(default_factory=list)

    def in_role(self, role: str) -> list[Assignment]:
        """Return the assignments of ``role`` (lead, responsible or support)."""
        return [a for a in self.assignments if a.role == role]


def tasks_by_unit(plans: Iterable[Plan]) -> list[UnitTasks]:
    """Return every unit named in ``plans`` with its tasks by role, units in order of
    first appearance."""
    units: dict[str, UnitTasks] = {}
    for plan in plans:
        for task in plan.tasks:
            for role in UNIT_ROLES:
                for name in getattr(task, role):
                    units.setdefault(name, UnitTasks(name)).assignments.append(
                        Assignment(role, plan, task)
                    )
    for unit in units.values():
        unit.assignments.sort(key=lambda a: UNIT_ROLES.index(a.role))  # stable: task order kept
    return list(units.values())


def select_units(units: list[UnitTasks], query: str) -> list[UnitTasks]:
    """Return the units that ``query`` names (``textnorm.names_matching``: the same name
    once both are normalised as SPEC.md says, else a trailing bracketed note on either
    side ignored, so that ``市发改委`` finds ``市发改委（物价局）``)."""
    wanted = set(names_matching([u.name for u in units], query))
    return [u for u in units if u.name in wanted]


def similar_names(units: list[UnitTasks], query: str, limit: int = 5) -> list[str]:
    """Return up to ``limit`` unit names that contain ``query`` or that it contains:
    suggestions when ``select_units`` found nothing."""
    return names_like([u.name for u in units], query, limit)


def _task_record(assignment: Assignment) -> dict[str, object]:
    task, plan = assignment.task, assignment.plan
    return {
        "file": plan.source.path,
        "title": plan.title,
        "seq": task.seq,
        "number": task.number,
        "section": task.section,
        "text": task.text,
        "deadline": task.deadline.model_dump(mode="json") if task.deadline else None,
    }


def units_to_json(units: list[UnitTasks]) -> str:
    """Return ``{"units": [{"name", "lead", "responsible", "support"}]}`` as indented
    JSON, each role a list of tasks (file, title, seq, number, section, text, deadline)."""
    data = {
        "units": [
            {"name": unit.name}
            | {role: [_task_record(a) for a in unit.in_role(role)] for role in UNIT_ROLES}
            for unit in units
        ]
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def unit_rows(units: list[UnitTasks]) -> list[list[Cell]]:
    """Return one row per unit, role and task, in the order of ``UNIT_COLUMNS``."""
    rows: list[list[Cell]] = []
    for unit in units:
        for a in unit.assignments:
            deadline = a.task.deadline
            rows.append(
                [
                    unit.name,
                    a.role,
                    a.plan.source.path,
                    a.plan.title,
                    a.task.seq,
                    a.task.number,
                    " / ".join(a.task.section),
                    a.task.text,
                    deadline.raw if deadline else None,
                    deadline.due.isoformat() if deadline and deadline.due else None,
                ]
            )
    return rows
