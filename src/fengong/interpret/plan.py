"""Document → Plan: where the interpreter's steps meet.

Tables come first: a plan with a task table takes its tasks from the table (the prose
around it repeats them without markers). Without one, the prose is read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from fengong.document import Document, Paragraph, Provenance
from fengong.interpret.deadlines import parse_deadline
from fengong.interpret.items import split_items
from fengong.interpret.metadata import read_metadata
from fengong.interpret.notes import Note
from fengong.interpret.numbering import item_numbering
from fengong.interpret.ocr_checks import low_confidence_units, split_low_confidence, unit_variants
from fengong.interpret.paragraph_tables import paragraph_tables
from fengong.interpret.tables import Draft, LogicalTable, logical_tables, read_table
from fengong.interpret.units import (
    Responsibility,
    parse_responsibility,
    split_names,
    states_first_unit_leads,
)
from fengong.schema.data import (
    SCHEMA_VERSION,
    UNIT_ROLES,
    ColumnData,
    DeadlineData,
    LocationData,
    PlanData,
    SourceData,
    TaskData,
)
from fengong.textnorm import join_lines

if TYPE_CHECKING:
    from fengong.interpret.prose import ProseDraft
    from fengong.schema import Plan, Source


def location_of(where: Provenance | None) -> LocationData | None:
    """Return the schema's location (plain data) for a document ``Provenance``, or None."""
    if where is None:
        return None
    return _location(where)


def _location(where: Provenance | None) -> LocationData:
    """The location of ``where``; every field empty when it is None."""
    return {
        "line": where.line if where else None,
        "page": where.page if where else None,
        "table": where.table if where else None,
        "row": where.row if where else None,
        "paragraph": where.paragraph if where else None,
        "bbox": [float(x) for x in where.bbox] if where and where.bbox else None,
    }


def _first_leads_from(doc: Document) -> int | None:
    """Index of the block that says the first unit listed leads, if any."""
    for i, block in enumerate(doc.blocks):
        if isinstance(block, Paragraph) and states_first_unit_leads(block.text):
            return i
    return None


def _deadline(raw: str | None, year: int | None) -> DeadlineData | None:
    flat = join_lines(raw or "")
    if not flat:
        return None
    due, kind = parse_deadline(flat, year)
    return {"raw": flat, "due": due, "kind": kind}


def _split_task_text(cell: str) -> tuple[str | None, str]:
    """A task cell's numbering and text; a dash or bullet opening the cell is list
    decoration (no number)."""
    flat = join_lines(cell)
    numbering = item_numbering(flat)
    if numbering is None:
        return None, flat
    return numbering.token or None, numbering.rest.strip()


def _guess_notes(units: Responsibility, where: Provenance) -> list[Note]:
    """A ``units-split`` warning for each run of names the units reader split by guess."""
    return [Note("units-split", guess, where) for guess in units.guesses]


def _task(
    *,
    number: str | None,
    section: list[str],
    text: str,
    units: Responsibility,
    leaders: list[str],
    responsibility_raw: str | None,
    deadline: DeadlineData | None,
    where: Provenance | None,
    measures: list[str] | None = None,
    criteria: list[str] | None = None,
    extra: dict[str, str] | None = None,
) -> TaskData:
    """A task as the schema has it; ``seq`` is given once all tasks are read."""
    return {
        "seq": 1,
        "number": number,
        "section": section,
        "text": text,
        "measures": measures or [],
        "criteria": criteria or [],
        "lead": units.lead,
        "responsible": units.responsible,
        "support": units.support,
        "leaders": leaders,
        "responsibility_raw": responsibility_raw,
        "deadline": deadline,
        "extra": extra or {},
        "source": _location(where),
    }


def _table_task(
    table: LogicalTable, draft: Draft, year: int | None, first_leads: bool
) -> tuple[TaskData, list[Note]]:
    notes: list[Note] = []
    cells = draft.cells
    number, text = _split_task_text(cells[table.roles.index("task")])
    measures: list[str] = []
    criteria: list[str] = []
    leaders: list[str] = []
    extra: dict[str, str] = {}
    deadline_raw: list[str] = []
    units = Responsibility()
    raws: list[tuple[str, str]] = []
    for col, role in enumerate(table.roles):
        value = cells[col]
        if not value.strip():
            continue
        if role == "number":
            number = join_lines(value).rstrip("、.．﹒")
        elif role == "measures":
            measures += split_items(value)
        elif role == "criteria":
            criteria += split_items(value)
        elif role == "leaders":
            leaders += split_names(join_lines(value))
        elif role == "deadline":
            deadline_raw.append(join_lines(value))
        elif role in UNIT_ROLES:
            raws.append((table.labels[col], join_lines(value)))
            units.merge(parse_responsibility(value, role, first_leads=first_leads))
        elif role == "extra":
            extra[table.labels[col] or f"column {col + 1}"] = join_lines(value)
    if units.deadline_raw and not deadline_raw:
        deadline_raw.append(units.deadline_raw)
    raw = raws[0][1] if len(raws) == 1 else "\n".join(f"{h}：{t}" for h, t in raws) or None
    notes += _guess_notes(units, draft.where)
    if not units.units() and any(r in UNIT_ROLES for r in table.roles):
        notes.append(Note("missing-units", "task has no unit", draft.where))
    task = _task(
        number=number,
        section=draft.section,
        text=text,
        measures=measures,
        criteria=criteria,
        units=units,
        leaders=leaders + [n for n in units.leaders if n not in leaders],
        responsibility_raw=raw,
        deadline=_deadline("；".join(deadline_raw), year),
        extra=extra,
        where=draft.where,
    )
    return task, notes


def _prose_task(
    draft: ProseDraft, year: int | None, first_leads: bool
) -> tuple[TaskData, list[Note]]:
    units = parse_responsibility(draft.responsibility_raw, "responsible", first_leads=first_leads)
    notes = [] if units.units() else [Note("missing-units", "marker names no unit", draft.where)]
    notes += _guess_notes(units, draft.where)
    task = _task(
        number=draft.number,
        section=draft.section,
        text=draft.text,
        units=units,
        leaders=units.leaders,
        responsibility_raw=draft.responsibility_raw,
        deadline=_deadline(units.deadline_raw, year),
        where=draft.where,
    )
    return task, notes


def _columns(tables: list[LogicalTable]) -> list[ColumnData]:
    if not tables:
        return []
    first = tables[0]
    return [
        {"index": i, "header": label, "role": role, "from_content": i in first.from_content}  # type: ignore[typeddict-item]
        for i, (label, role) in enumerate(zip(first.labels, first.roles, strict=True))
    ]


def document_to_plan(doc: Document, source: Source) -> Plan:
    """Interpret a ``Document`` (see ``document_to_data``); return the validated ``Plan``
    with ``source`` as its source."""
    from fengong.schema import as_plan

    return as_plan(document_to_data(doc, cast("SourceData", source.model_dump())))


def document_to_data(doc: Document, source: SourceData) -> PlanData:
    """Interpret a ``Document``: metadata, then tasks from its task tables or its prose,
    then every note as a warning. Returns the plan as plain data of the schema's shape
    (``schema.data``), not yet validated."""
    meta = read_metadata(doc)
    notes: list[Note] = [Note(code, msg, where) for code, msg, where in doc.notes]
    read_by_ocr = any(n.code == "ocr" for n in notes)
    notes, low_lines = split_low_confidence(notes)
    notes += meta.notes
    first_leads_at = _first_leads_from(doc)
    tasks: list[TaskData] = []

    blocks, from_paragraphs = paragraph_tables(doc.blocks, notes)
    tables = logical_tables(blocks, notes)
    for table in tables:
        first_leads = first_leads_at is not None and first_leads_at < table.block
        every_cell_printed = any(blocks[table.block] is t for t in from_paragraphs)
        drafts = read_table(table, doc.merges_visible or every_cell_printed)
        notes += table.notes
        if not any(r in UNIT_ROLES for r in table.roles):
            notes.append(
                Note(
                    "no-unit-column",
                    "the task table has no unit column; its tasks carry no units",
                    table.where,
                )
            )
        for draft in drafts:
            task, task_notes = _table_task(table, draft, meta.year, first_leads)
            tasks.append(task)
            notes += task_notes

    if not tables:
        # imported here: its patterns take 20 ms to compile, which a table plan never needs
        from fengong.interpret.prose import prose_to_drafts

        start = len(doc.blocks) if first_leads_at is None else first_leads_at
        said_first_leads = {b.provenance for b in doc.blocks[start:]}
        for prose_draft in prose_to_drafts(doc.paragraphs()):
            first_leads = prose_draft.where in said_first_leads or states_first_unit_leads(
                prose_draft.responsibility_raw
            )  # the statement made in this very marker (``（列第一位者为牵头单位，下同）``)
            task, task_notes = _prose_task(prose_draft, meta.year, first_leads)
            tasks.append(task)
            notes += task_notes
    if not tasks:
        notes.append(
            Note(
                "no-tasks",
                "no task table and no numbered items with a responsibility marker were found",
            )
        )

    for seq, task in enumerate(tasks, start=1):
        task["seq"] = seq
    if read_by_ocr:
        notes += low_confidence_units(tasks, low_lines) + unit_variants(tasks)
    return {
        "schema_version": SCHEMA_VERSION,
        "title": meta.title,
        "issuer": meta.issuer,
        "year": meta.year,
        "source": source,
        "columns": _columns(tables),
        "tasks": tasks,
        "warnings": [
            {"code": n.code, "message": n.message, "location": location_of(n.where)} for n in notes
        ],
    }
