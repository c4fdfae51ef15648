"""``fengong diff`` for the terminal: the summary, then the changed tasks field by field
(old and new side by side, what was removed in red, what was added in green), then the
added and the removed tasks."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text

    from fengong.compare.model import PlanDiff, PlanRef, TaskChange
    from fengong.schema import Task

_REMOVED = "red strike"
_ADDED = "green"


def print_diff(diff: PlanDiff, unit: str | None = None) -> None:
    """Print ``diff`` to stdout as rich tables; ``unit`` names the unit it was narrowed
    to, if any."""
    from rich.console import Console

    console = Console()
    console.print(f"old: {_describe(diff.old)}")
    console.print(f"new: {_describe(diff.new)}")
    if unit is not None:
        console.print(f"only the tasks of {unit}")
    console.print(_summary(diff))
    if diff.changed:
        console.print(_changed(diff.changed))
    for kind, tasks in (("added", diff.added), ("removed", diff.removed)):
        if tasks:
            console.print(_tasks(kind, tasks))
    if not diff.differs:
        console.print("no differences")


def _tasks_count(items: list[Task] | list[TaskChange]) -> str:
    """``1 task``, ``3 tasks``."""
    return f"{len(items)} task" if len(items) == 1 else f"{len(items)} tasks"


def _describe(ref: PlanRef) -> str:
    """A side as one line: its path, then title and year when known."""
    details = ", ".join(str(v) for v in (ref.title, ref.year) if v is not None)
    return f"{ref.path or '<bytes>'}" + (f" ({details})" if details else "")


def _summary(diff: PlanDiff) -> Table:
    """The counts of matched, unchanged, changed, added and removed tasks."""
    from rich.table import Table

    table = Table(title="summary")
    s = diff.summary
    for name in ("matched", "unchanged", "changed", "added", "removed"):
        table.add_column(name, justify="right")
    table.add_row(*(str(getattr(s, n)) for n in ("matched", "unchanged", "changed", "added",
                                                  "removed")))  # fmt: skip
    return table


def _changed(changes: list[TaskChange]) -> Table:
    """One row per changed field, the pair's seqs and similarity on its first row."""
    from rich.table import Table

    table = Table(title=f"changed: {_tasks_count(changes)} (old → new)", show_lines=True)
    for name in ("task", "field", "old", "new"):
        table.add_column(name, overflow="fold")
    for change in changes:
        label = f"#{change.old.seq} → #{change.new.seq}"
        if change.similarity < 100:
            label += f"\n{change.similarity:g}% alike"
        for position, field in enumerate(change.fields):
            old, new = _field_texts(change, field)
            table.add_row(label if position == 0 else "", field, old, new)
    return table


def _field_texts(change: TaskChange, field: str) -> tuple[Text | str, Text | str]:
    """The old and new value of ``field``, with what was removed and added marked."""
    from fengong.exporters.diff import field_values

    if field == "text":
        return _marked_texts(change.old.text, change.new.text)
    units = getattr(change.units, field, None)
    if units is None:
        return field_values(change.old, field), field_values(change.new, field)
    old_names, new_names = getattr(change.old, field), getattr(change.new, field)
    return (
        _names(old_names, set(units.removed), "−", _REMOVED),
        _names(new_names, set(units.added), "+", _ADDED),
    )


def _names(names: list[str], marked: set[str], sign: str, style: str) -> Text:
    """``names`` joined with 、, those in ``marked`` after ``sign`` and in ``style``."""
    from rich.text import Text

    from fengong.textnorm import normalise_name

    text = Text()
    for position, name in enumerate(names):
        if position:
            text.append("、")
        if normalise_name(name) in marked:
            text.append(sign + name, style=style)
        else:
            text.append(name)
    return text


def _marked_texts(old: str, new: str) -> tuple[Text, Text]:
    """``old`` with the characters ``new`` drops marked, and ``new`` with those it adds."""
    from rapidfuzz.distance import Indel
    from rich.text import Text

    before, after = Text(), Text()
    for op in Indel.opcodes(old, new):
        removed, added = old[op.src_start : op.src_end], new[op.dest_start : op.dest_end]
        if op.tag == "equal":
            before.append(removed)
            after.append(added)
        else:
            before.append(removed, style=_REMOVED)
            after.append(added, style=_ADDED)
    return before, after


def _tasks(kind: str, tasks: list[Task]) -> Table:
    """The ``added`` or ``removed`` tasks, each with its units by role and deadline."""
    from rich.table import Table

    from fengong.exporters.diff import describe_deadline

    table = Table(title=f"{kind}: {_tasks_count(tasks)}", show_lines=True)
    for name in ("#", "number", "section", "task", "units", "deadline"):
        table.add_column(name, overflow="fold")
    for task in tasks:
        units = "\n".join(
            f"{role}: {'、'.join(names)}"
            for role, names in (("lead", task.lead), ("responsible", task.responsible),
                                ("support", task.support))
            if names
        )  # fmt: skip
        table.add_row(
            f"#{task.seq}", task.number or "", " / ".join(task.section), task.text, units,
            describe_deadline(task.deadline),
        )  # fmt: skip
    return table
