"""``fengong validate`` and ``fengong schema``: the output contract from the outside."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from fengong.cli.app import app


@app.command()
def validate(
    files: Annotated[list[Path], typer.Argument(help="JSON or YAML files written by fengong.")],
) -> None:
    """Check files against the Plan schema; exit 1 if any is not valid.

    Example: fengong validate out.json
    """
    from fengong.validation import validate_file

    failed = 0
    for path in files:
        plan, problems = validate_file(path)
        if plan is not None:
            typer.echo(f"{path}: valid ({len(plan.tasks)} tasks)")
            continue
        failed += 1
        typer.echo(f"{path}: not valid", err=True)
        for problem in problems[:50]:
            typer.echo(f"  {problem.where}: {problem.message}", err=True)
        if len(problems) > 50:
            typer.echo(f"  … and {len(problems) - 50} more", err=True)
    if failed:
        raise typer.Exit(1)


@app.command()
def schema(
    diff: Annotated[
        bool, typer.Option("--diff", help="The schema of fengong diff --format json instead.")
    ] = False,
) -> None:
    """Print the JSON Schema of the Plan format (with --diff: of fengong diff's JSON).

    Example: fengong schema > plan.schema.json; fengong schema --diff > diff.schema.json
    """
    import json

    from pydantic import BaseModel

    model: type[BaseModel]
    if diff:
        from fengong.compare import PlanDiff

        model = PlanDiff
    else:
        from fengong.schema import Plan

        model = Plan
    typer.echo(json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2))
