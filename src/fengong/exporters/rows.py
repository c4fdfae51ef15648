"""Plan → one row per task, with readable columns: what csv and xlsx share."""

from __future__ import annotations

from fengong.schema import Location, Plan

Cell = str | int | float | None

COLUMNS = (
    "file", "title", "seq", "section", "number", "task", "lead", "responsible", "support",
    "leaders", "deadline", "due", "deadline_kind", "criteria", "measures", "page", "where",
)  # fmt: skip


def describe_location(location: Location, page: bool = False) -> str:
    """Return a location as words (``page 3, table 0, row 12``); the page only when
    ``page`` is set (the row formats have a column of its own for it)."""
    parts = [
        f"page {location.page}" if page and location.page is not None else "",
        f"line {location.line}" if location.line is not None else "",
        f"table {location.table}" if location.table is not None else "",
        f"row {location.row}" if location.row is not None else "",
        f"paragraph {location.paragraph}" if location.paragraph is not None else "",
    ]
    return ", ".join(p for p in parts if p)


def task_rows(plan: Plan) -> list[list[Cell]]:
    """Return one list of cell values per task, in the order of ``COLUMNS``; lists of
    names are joined with 、, items of criteria and measures one per line."""
    rows: list[list[Cell]] = []
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
                describe_location(task.source),
            ]
        )
    return rows
