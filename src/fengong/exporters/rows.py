"""Plan → one row per task, with readable columns: what csv and xlsx share."""

from __future__ import annotations

from fengong.schema import Plan, Task

COLUMNS = (
    "file", "title", "seq", "section", "number", "task", "lead", "responsible", "support",
    "leaders", "deadline", "due", "deadline_kind", "criteria", "measures", "page", "where",
)  # fmt: skip


def _where(task: Task) -> str:
    s = task.source
    parts = [
        f"line {s.line}" if s.line is not None else "",
        f"table {s.table}" if s.table is not None else "",
        f"row {s.row}" if s.row is not None else "",
        f"paragraph {s.paragraph}" if s.paragraph is not None else "",
    ]
    return ", ".join(p for p in parts if p)


def task_rows(plan: Plan) -> list[list[str | int | None]]:
    """Return one list of cell values per task, in the order of ``COLUMNS``; lists of
    names are joined with 、, items of criteria and measures one per line."""
    rows: list[list[str | int | None]] = []
    for task in plan.tasks:
        deadline = task.deadline
        rows.append(
            [
                plan.source.path,
                plan.title,
                task.seq,
                " / ".join(task.section),
                task.number,
                task.text,
                "、".join(task.lead),
                "、".join(task.responsible),
                "、".join(task.support),
                "、".join(task.leaders),
                deadline.raw if deadline else None,
                deadline.due.isoformat() if deadline and deadline.due else None,
                deadline.kind if deadline else None,
                "\n".join(task.criteria),
                "\n".join(task.measures),
                task.source.page,
                _where(task),
            ]
        )
    return rows
