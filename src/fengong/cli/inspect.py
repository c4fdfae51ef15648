"""``fengong inspect``: what fengong saw in a document, for a person checking it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from fengong.batch import Settings
from fengong.cli.app import app
from fengong.cli.reading import (
    Debug,
    Inputs,
    SaveSource,
    Tally,
    inputs_or_usage_error,
    read_plans,
    with_limit_options,
)

if TYPE_CHECKING:
    from rich.console import Console

    from fengong.schema import Plan


@app.command()
@with_limit_options
def inspect(
    inputs: Inputs, debug: Debug = False, save_source: SaveSource = None, *, settings: Settings
) -> None:
    """Show the detected format and layout, the column roles, the sections with their
    task counts, a web page's attachments and every warning.

    Example: fengong inspect plan.pdf
    """
    from rich.console import Console

    items = inputs_or_usage_error(inputs)
    tally = Tally()
    console = Console()
    for _, outcome in read_plans(items, tally, settings, jobs=1, progress=False, debug=debug):
        show_plan(console, outcome.plan())
    if tally.failed:
        raise typer.Exit(1)


def sections_with_counts(plan: Plan) -> list[tuple[str, int]]:
    """Return each run of tasks under the same section path, in document order, as
    ``(path joined by " / ", number of tasks)``."""
    runs: list[tuple[str, int]] = []
    for task in plan.tasks:
        path = " / ".join(task.section) or "(no section)"
        if runs and runs[-1][0] == path:
            runs[-1] = (path, runs[-1][1] + 1)
        else:
            runs.append((path, 1))
    return runs


def show_plan(console: Console, plan: Plan) -> None:
    """Print ``plan``'s summary, columns, sections, attachments and warnings as rich
    tables."""
    from rich.table import Table

    from fengong.exporters.rows import describe_location

    source = plan.source
    about = Table(title=source.path or "<stdin>", show_header=False, title_justify="left")
    about.add_column(style="bold")
    about.add_column(overflow="fold")
    for label, value in (
        ("format", source.format),
        ("layout", source.layout or "—"),
        ("pages", "—" if source.pages is None else str(source.pages)),
        ("sha256", source.sha256),
        ("title", plan.title or "—"),
        ("issuer", plan.issuer or "—"),
        ("year", "—" if plan.year is None else str(plan.year)),
        ("tasks", str(len(plan.tasks))),
        ("warnings", str(len(plan.warnings))),
    ):
        about.add_row(label, value)
    console.print(about)
    if plan.columns:
        columns = Table(title="columns", title_justify="left")
        for name in ("#", "header", "role"):
            columns.add_column(name)
        for column in plan.columns:
            role = f"{column.role} (from its cells)" if column.from_content else column.role
            columns.add_row(str(column.index), column.header, role)
        console.print(columns)
    sections = Table(title="sections", title_justify="left")
    sections.add_column("section", overflow="fold")
    sections.add_column("tasks", justify="right")
    for path, count in sections_with_counts(plan):
        sections.add_row(path, str(count))
    console.print(sections)
    if source.attachments:
        attachments = Table(title="attachments", title_justify="left")
        for name in ("link text", "address"):
            attachments.add_column(name, overflow="fold")
        for attachment in source.attachments:
            attachments.add_row(attachment.text, attachment.url)
        console.print(attachments)
    if plan.warnings:
        warnings = Table(title="warnings", title_justify="left", show_lines=True)
        for name in ("code", "where", "message"):
            warnings.add_column(name, overflow="fold")
        for warning in plan.warnings:
            where = describe_location(warning.location, page=True) if warning.location else ""
            warnings.add_row(warning.code, where, warning.message)
        console.print(warnings)
