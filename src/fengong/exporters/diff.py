"""A ``PlanDiff`` → JSON, and → one row per change for csv and xlsx.

Rows: one per changed field of a matched pair (``kind`` changed), one per task only the
new plan has (``added``) and one per task only the old plan had (``removed``). Lists of
names are joined with 、 as in the task rows (``rows.py``).
"""

from __future__ import annotations

from fengong.compare.model import PlanDiff, TaskChange
from fengong.exporters.rows import Cell
from fengong.schema import Deadline, Task

DIFF_COLUMNS = (
    "kind", "field", "old_seq", "new_seq", "old_number", "new_number", "section", "task",
    "old", "new", "units_added", "units_removed", "similarity",
)  # fmt: skip


def diff_to_json(diff: PlanDiff) -> str:
    """Return ``diff`` as indented JSON text ending in a newline, Chinese as is."""
    return diff.model_dump_json(indent=2) + "\n"


def describe_deadline(deadline: Deadline | None) -> str:
    """A deadline as one string: as printed, then its last day (``6月底前 (2024-06-30)``);
    empty for none."""
    if deadline is None:
        return ""
    return f"{deadline.raw} ({deadline.due.isoformat()})" if deadline.due else deadline.raw


def field_values(task: Task, field: str) -> str:
    """The value of ``field`` (text, section, a role, leaders, deadline) of ``task`` as
    one string: names joined with 、, headings with `` / ``."""
    if field == "text":
        return task.text
    if field == "section":
        return " / ".join(task.section)
    if field == "deadline":
        return describe_deadline(task.deadline)
    return "、".join(getattr(task, field))


def _change_rows(change: TaskChange) -> list[list[Cell]]:
    """One row per changed field of a matched pair."""
    rows: list[list[Cell]] = []
    for field in change.fields:
        units = getattr(change.units, field, None)
        rows.append(
            [
                "changed",
                field,
                change.old.seq,
                change.new.seq,
                change.old.number,
                change.new.number,
                " / ".join(change.new.section),
                change.new.text,
                field_values(change.old, field),
                field_values(change.new, field),
                "、".join(units.added) if units else None,
                "、".join(units.removed) if units else None,
                change.similarity,
            ]
        )
    return rows


def _task_row(kind: str, task: Task) -> list[Cell]:
    """The row of an ``added`` task (new side filled) or a ``removed`` one (old side)."""
    added = kind == "added"
    return [
        kind,
        "task",
        None if added else task.seq,
        task.seq if added else None,
        None if added else task.number,
        task.number if added else None,
        " / ".join(task.section),
        task.text,
        None if added else task.text,
        task.text if added else None,
        None,
        None,
        None,
    ]


def diff_rows(diff: PlanDiff) -> list[list[Cell]]:
    """Return one row per change in the order of ``DIFF_COLUMNS``: the changed fields of
    each matched pair (new plan's order), then the added tasks, then the removed ones."""
    rows = [row for change in diff.changed for row in _change_rows(change)]
    rows.extend(_task_row("added", task) for task in diff.added)
    rows.extend(_task_row("removed", task) for task in diff.removed)
    return rows
