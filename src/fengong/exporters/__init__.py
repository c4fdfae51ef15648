"""Plan → output formats, one module each; ``render`` picks by format name.

``json`` and ``yaml`` hold a whole Plan; ``jsonl``, ``csv`` and ``xlsx`` hold one row per
task and can gather the tasks of many plans into one output.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fengong.schema import PlanData, as_plan

if TYPE_CHECKING:
    from fengong.schema import Plan

FORMATS = ("json", "yaml", "jsonl", "csv", "xlsx")
SUFFIXES = {"json": ".json", "yaml": ".yaml", "jsonl": ".jsonl", "csv": ".csv", "xlsx": ".xlsx"}
ROW_FORMATS = ("jsonl", "csv", "xlsx")


def render(plan: Plan | PlanData, fmt: str) -> str:
    """Return ``plan`` (the model, or its plain data) serialised as text in ``fmt`` (every
    format but ``xlsx``). Only JSON is written from plain data as it is; the other formats
    validate it into the model first."""
    if fmt == "json":
        from fengong.exporters.json import plan_to_json

        return plan_to_json(plan)
    plan = as_plan(plan)
    if fmt == "yaml":
        from fengong.exporters.yaml import plan_to_yaml

        return plan_to_yaml(plan)
    if fmt == "jsonl":
        from fengong.exporters.jsonl import plan_to_jsonl

        return plan_to_jsonl(plan)
    if fmt == "csv":
        from fengong.exporters.csv import plans_to_csv

        return plans_to_csv([plan])
    raise ValueError(f"unknown text format {fmt!r}; choose one of {', '.join(FORMATS)}")


def render_bytes(plans: list[Plan] | list[PlanData], fmt: str) -> bytes:
    """Return ``plans`` (models, or their plain data) in ``fmt`` as bytes to write to a
    file; several plans are gathered into one output (only for the row formats)."""
    if fmt == "xlsx":
        from fengong.exporters.xlsx import plans_to_xlsx

        return plans_to_xlsx([as_plan(p) for p in plans])
    if fmt == "csv":
        from fengong.exporters.csv import plans_to_csv

        return plans_to_csv([as_plan(p) for p in plans]).encode("utf-8")
    return "".join(render(plan, fmt) for plan in plans).encode("utf-8")
