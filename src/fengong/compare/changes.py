"""What changed between two matched tasks, field by field.

- ``text``: the texts differ once white space, punctuation and character width are left
  out (``keys.text_key``).
- ``section``: the heading paths differ once each heading's numbering is left out
  (``keys.section_key``): a section renumbered because one was inserted before it has not
  changed; a renamed one has.
- ``lead``, ``responsible``, ``support``: the sets of unit names differ, names normalised
  as SPEC.md says (``textnorm.normalise_name``); the order they are listed in does not
  count. The units added and removed are given role by role.
- ``leaders``: the sets of people differ (white space left out).
- ``deadline``: one task has a deadline and the other none; or both give a last day
  (``due``) and the days differ, except by exactly the years between the two plans (``6月底前``
  in the 2023 plan and in the 2024 plan is the same deadline); or neither gives a day and
  the printed texts differ (``长期坚持`` → ``持续推进``).

A task's ``seq`` and ``number`` are its place in the plan, not its content: a renumbered
task has not changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from fengong.compare.keys import section_key, text_key
from fengong.compare.model import ChangedField, UnitChange, UnitChanges
from fengong.schema import UNIT_ROLES, Deadline, Task
from fengong.textnorm import normalise_name


def task_changes(
    old: Task, new: Task, year_shift: int = 0
) -> tuple[list[ChangedField], UnitChanges]:
    """Return the fields in which ``new`` differs from ``old`` (in ``model.FIELDS`` order)
    and the units added and removed in each role. ``year_shift`` is the new plan's year
    minus the old plan's (0 when either is unknown)."""
    fields: list[ChangedField] = []
    if text_key(old.text) != text_key(new.text):
        fields.append("text")
    if section_key(old.section) != section_key(new.section):
        fields.append("section")
    units = UnitChanges(**{role: unit_change(getattr(old, role), getattr(new, role))
                           for role in UNIT_ROLES})  # fmt: skip
    fields.extend(role for role in UNIT_ROLES if getattr(units, role).changed)
    if {normalise_name(n) for n in old.leaders} != {normalise_name(n) for n in new.leaders}:
        fields.append("leaders")
    if not same_deadline(old.deadline, new.deadline, year_shift):
        fields.append("deadline")
    return fields, units


def unit_change(old: Sequence[str], new: Sequence[str]) -> UnitChange:
    """Return the units of ``new`` not in ``old`` (``added``, in ``new``'s order) and those
    of ``old`` not in ``new`` (``removed``, in ``old``'s order), names normalised as SPEC.md
    says."""
    old_names = _unique(normalise_name(name) for name in old)
    new_names = _unique(normalise_name(name) for name in new)
    return UnitChange(
        added=[name for name in new_names if name not in old_names],
        removed=[name for name in old_names if name not in new_names],
    )


def same_deadline(old: Deadline | None, new: Deadline | None, year_shift: int = 0) -> bool:
    """Return True when ``old`` and ``new`` are the same deadline (see the module's
    description); ``year_shift`` is the number of years between the two plans."""
    if old is None or new is None:
        return old is None and new is None
    if old.due is not None and new.due is not None:
        return new.due in (old.due, _shifted(old.due, year_shift))
    if old.due is not None or new.due is not None:
        return False
    return text_key(old.raw) == text_key(new.raw)


def _shifted(day: dt.date, years: int) -> dt.date:
    """``day`` moved by ``years`` (29 February becomes the 28th in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _unique(names: Iterable[str]) -> list[str]:
    """``names`` without empty ones and repeats, in order."""
    return list(dict.fromkeys(name for name in names if name))
