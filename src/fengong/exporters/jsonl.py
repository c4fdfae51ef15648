"""Plan → JSON Lines: one task per line, with the plan's title and source on each."""

from __future__ import annotations

import json

from fengong.schema import Plan


def plan_to_jsonl(plan: Plan) -> str:
    """Return one JSON object per task and line (``jq``-friendly); each carries
    ``plan_title`` and ``plan_source`` so that lines of many plans can be mixed."""
    head = {"plan_title": plan.title, "plan_source": plan.source.model_dump(mode="json")}
    lines = [
        json.dumps({**head, **task.model_dump(mode="json")}, ensure_ascii=False)
        for task in plan.tasks
    ]
    return "".join(line + "\n" for line in lines)
