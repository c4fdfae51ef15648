"""Warnings that a plan read by OCR needs, so that a misread name is never silent.

- ``ocr-low-confidence``: a unit whose name stands in a line the recogniser read with low
  confidence (the reader passes those lines as ``ocr-low-confidence-text`` notes; the
  confidence is the line's, the recogniser gives no finer one).
- ``ocr-variant``: a unit read two ways in one plan, one character apart: the reading in
  fewer tasks is reported with the likely one, and left as read.
"""

from __future__ import annotations

from collections import Counter

from fengong.document import Provenance
from fengong.interpret.notes import Note
from fengong.schema.data import UNIT_ROLES, TaskData

LOW_TEXT = "ocr-low-confidence-text"  # reader note: a line read with low confidence

# characters whose swap names another real body (市财政局, 区财政局), not a misreading
_LEVELS = frozenset("省市区县镇乡街村")


def split_low_confidence(notes: list[Note]) -> tuple[list[Note], list[str]]:
    """Return the notes without the reader's low-confidence lines, and those lines' text."""
    kept = [n for n in notes if n.code != LOW_TEXT]
    return kept, [n.message for n in notes if n.code == LOW_TEXT]


def _where(task: TaskData) -> Provenance:
    s = task["source"]
    return Provenance(
        line=s["line"], page=s["page"], table=s["table"], row=s["row"], paragraph=s["paragraph"]
    )


def low_confidence_units(tasks: list[TaskData], low_lines: list[str]) -> list[Note]:
    """Return an ``ocr-low-confidence`` note for each unit of a task (by field) whose name
    stands in one of ``low_lines``."""
    notes = []
    for task in tasks:
        for role in UNIT_ROLES:
            for unit in task[role]:
                if any(unit in line for line in low_lines):
                    notes.append(
                        Note(
                            "ocr-low-confidence",
                            f"task {task['seq']}, {role}: {unit!r} was read by OCR with low "
                            "confidence; check it against the page",
                            _where(task),
                        )
                    )
    return notes


def _one_apart(a: str, b: str) -> bool:
    if len(a) != len(b) or len(a) < 3:
        return False
    diffs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diffs) == 1 and not (diffs[0][0] in _LEVELS and diffs[0][1] in _LEVELS)


def unit_variants(tasks: list[TaskData]) -> list[Note]:
    """Return an ``ocr-variant`` note for each unit name that is one character apart from
    a name that more tasks give (the likely reading); neither is changed."""
    counts: Counter[str] = Counter()
    first: dict[str, TaskData] = {}
    for task in tasks:
        for unit in {u for role in UNIT_ROLES for u in task[role]}:
            counts[unit] += 1
            first.setdefault(unit, task)
    notes = []
    for rare, n in sorted(counts.items()):
        likely = [u for u, m in counts.items() if m > n and _one_apart(rare, u)]
        if not likely:
            continue
        best = max(likely, key=lambda u: counts[u])
        notes.append(
            Note(
                "ocr-variant",
                f"unit {rare!r} (in {n} task{'s' if n > 1 else ''}, first task "
                f"{first[rare]['seq']}) is one character apart from {best!r} (in {counts[best]} "
                f"tasks): likely {best!r}, misread by OCR; left as read",
                _where(first[rare]),
            )
        )
    return notes
