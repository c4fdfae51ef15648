"""Two plans compared (``fengong diff``): which tasks were added, removed or changed, and
in what (text, section, units by role, leaders, deadline).

``diff`` takes paths, bytes or Plans; ``diff_plans`` two Plans. The stages: ``keys`` (what
texts are compared on), ``align`` (which task is which), ``changes`` (what changed in a
matched pair), ``plans`` (the whole ``PlanDiff``), ``load`` (documents and saved Plans).
"""

from __future__ import annotations

from fengong.compare.align import DEFAULT_THRESHOLD
from fengong.compare.load import diff, load_plan
from fengong.compare.model import PlanDiff
from fengong.compare.plans import UnknownUnitError, diff_plans

__all__ = ["DEFAULT_THRESHOLD", "PlanDiff", "UnknownUnitError", "diff", "diff_plans", "load_plan"]
