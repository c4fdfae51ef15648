"""fengong: read Chinese government task-division plans (分工方案) into structured data.

    >>> import fengong
    >>> plan = fengong.parse("plan.txt")      # or bytes
    >>> plan.tasks[0].lead
    >>> changes = fengong.diff("2023.docx", "2024.pdf")   # paths, bytes or Plans

Imports are lazy so that ``fengong --help`` starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from fengong.compare import PlanDiff, diff
    from fengong.exporters import render, render_bytes
    from fengong.parsers.limits import Limits
    from fengong.pipeline import parse
    from fengong.schema import Plan

__all__ = ["Limits", "Plan", "PlanDiff", "__version__", "diff", "parse", "render", "render_bytes"]


def __getattr__(name: str) -> Any:
    if name == "parse":
        from fengong.pipeline import parse

        return parse
    if name in ("render", "render_bytes"):
        from fengong import exporters

        return getattr(exporters, name)
    if name == "Limits":
        from fengong.parsers.limits import Limits

        return Limits
    if name == "Plan":
        from fengong.schema import Plan

        return Plan
    if name in ("diff", "PlanDiff"):
        from fengong import compare

        return getattr(compare, name)
    raise AttributeError(f"module 'fengong' has no attribute {name!r}")
