"""Plan → JSON, Chinese kept as is (``ensure_ascii=False``)."""

from __future__ import annotations

import json

from fengong.schema import Plan


def plan_to_json(plan: Plan) -> str:
    """Return the plan as indented JSON text ending in a newline."""
    return json.dumps(plan.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
