"""Plan → text formats, one module each; ``render`` picks by format name."""

from __future__ import annotations

from fengong.schema import Plan

FORMATS = ("json", "yaml")
SUFFIXES = {"json": ".json", "yaml": ".yaml"}


def render(plan: Plan, fmt: str) -> str:
    """Return ``plan`` serialised as ``fmt`` (``json`` or ``yaml``)."""
    if fmt == "json":
        from fengong.exporters.json import plan_to_json

        return plan_to_json(plan)
    if fmt == "yaml":
        from fengong.exporters.yaml import plan_to_yaml

        return plan_to_yaml(plan)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
