"""Plan → JSON, Chinese kept as is (``ensure_ascii=False``)."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

from fengong.schema import PlanData

if TYPE_CHECKING:
    from fengong.schema import Plan


def plan_to_json(plan: Plan | PlanData) -> str:
    """Return the plan (the model, or its plain data as the interpreter builds it, which
    needs no Pydantic) as indented JSON text ending in a newline."""
    data = plan if isinstance(plan, dict) else plan.model_dump()
    return json.dumps(data, ensure_ascii=False, indent=2, default=_iso_date) + "\n"


def _iso_date(value: object) -> str:
    """A date as the schema writes it (``YYYY-MM-DD``); anything else is not JSON."""
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
