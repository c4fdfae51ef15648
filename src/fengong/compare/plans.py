"""Two Plans → a ``PlanDiff``: align their tasks, compare each matched pair, and keep,
when asked, only the tasks of one unit."""

from __future__ import annotations

from collections.abc import Iterable

from fengong.compare.align import DEFAULT_THRESHOLD, Pair, align
from fengong.compare.changes import task_changes
from fengong.compare.model import PlanDiff, PlanRef, Summary, TaskChange
from fengong.schema import UNIT_ROLES, Plan, Task
from fengong.textnorm import names_like, names_matching, normalise_name


class UnknownUnitError(ValueError):
    """``--unit`` names a unit that neither plan names; ``similar`` holds names that
    contain the query or that it contains."""

    def __init__(self, query: str, similar: list[str]) -> None:
        hint = f"; similar names: {'、'.join(similar)}" if similar else ""
        super().__init__(f"no unit named {query} in either plan{hint}")
        self.query = query
        self.similar = similar


def diff_plans(
    old: Plan, new: Plan, *, threshold: float = DEFAULT_THRESHOLD, unit: str | None = None
) -> PlanDiff:
    """Return what changed from ``old`` to ``new``: tasks aligned by text (``align``; a
    pair below ``threshold`` similarity is a removal and an addition), each matched pair
    compared field by field (``changes``). With ``unit``, only the tasks in which that unit
    appears in either plan, the unit found by name as ``fengong units --unit`` finds it;
    raises ``UnknownUnitError`` when neither plan names it."""
    alignment = align([t.text for t in old.tasks], [t.text for t in new.tasks], threshold)
    pairs = alignment.pairs
    added = [new.tasks[j] for j in alignment.added]
    removed = [old.tasks[i] for i in alignment.removed]
    if unit is not None:
        wanted = _units_named(old, new, unit)
        pairs = [
            p for p in pairs
            if _involves(old.tasks[p.old], wanted) or _involves(new.tasks[p.new], wanted)
        ]  # fmt: skip
        added = [task for task in added if _involves(task, wanted)]
        removed = [task for task in removed if _involves(task, wanted)]
    shift = new.year - old.year if new.year is not None and old.year is not None else 0
    changed = [c for c in (_compare(old, new, p, shift) for p in pairs) if c is not None]
    return PlanDiff(
        old=PlanRef.of(old),
        new=PlanRef.of(new),
        summary=Summary(
            matched=len(pairs),
            unchanged=len(pairs) - len(changed),
            changed=len(changed),
            added=len(added),
            removed=len(removed),
        ),
        changed=changed,
        added=added,
        removed=removed,
    )


def _compare(old: Plan, new: Plan, pair: Pair, year_shift: int) -> TaskChange | None:
    """The change of a matched pair, or None when its tasks are the same."""
    before, after = old.tasks[pair.old], new.tasks[pair.new]
    fields, units = task_changes(before, after, year_shift)
    if not fields:
        return None
    return TaskChange(old=before, new=after, similarity=pair.similarity, fields=fields, units=units)


def _unit_names(tasks: Iterable[Task]) -> list[str]:
    """Every unit name of ``tasks``, normalised, once each, in order of appearance."""
    return list(dict.fromkeys(normalise_name(n) for task in tasks for n in _units_of(task)))


def _units_of(task: Task) -> list[str]:
    """The units ``task`` names, in every role."""
    return [name for role in UNIT_ROLES for name in getattr(task, role)]


def _units_named(old: Plan, new: Plan, query: str) -> set[str]:
    """The normalised unit names of either plan that ``query`` names."""
    names = _unit_names([*old.tasks, *new.tasks])
    found = names_matching(names, query)
    if not found:
        raise UnknownUnitError(query, names_like(names, query))
    return set(found)


def _involves(task: Task, names: set[str]) -> bool:
    """True when ``task`` gives a role to one of ``names``."""
    return any(normalise_name(name) in names for name in _units_of(task))
