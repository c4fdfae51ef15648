"""Plan → YAML, Chinese kept as is (``allow_unicode=True``), fields in schema order."""

from __future__ import annotations

import yaml

from fengong.schema import Plan


def plan_to_yaml(plan: Plan) -> str:
    """Return the plan as block-style YAML text."""
    return yaml.safe_dump(
        plan.model_dump(mode="json"), allow_unicode=True, sort_keys=False, width=1000
    )
