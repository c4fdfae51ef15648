"""Comparison of a Plan with hand-made gold (the corpus format of tests/corpus/ANNOTATING.md,
plus, for the seed plans in tests/golden/, each task's number, the end of its text and the
beginnings of its criteria and measures items).

Texts are compared without white space and punctuation, units as sets per role (white space
removed, round brackets full-width), so that the gold says what the document says and not how
a reader happens to format it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

_NOISE = re.compile(r"[\s\W_]+")
GOLD_DIR = Path(__file__).resolve().parent / "golden"


def squeeze(text: str | None) -> str:
    """Text without white space and punctuation."""
    return _NOISE.sub("", text or "")


def _unit(name: str) -> str:
    return re.sub(r"\s+", "", name).replace("(", "（").replace(")", "）")


def load_gold(stem: str) -> dict[str, Any]:
    """The seed plan ``stem``'s gold."""
    return json.loads((GOLD_DIR / f"{stem}.gold.json").read_text("utf-8"))  # type: ignore[no-any-return]


def _items_differ(got: list[str], want: list[str]) -> bool:
    if len(got) != len(want):
        return True
    return any(not squeeze(g).startswith(squeeze(w)) for g, w in zip(got, want, strict=True))


def task_differences(got: dict[str, Any], want: dict[str, Any]) -> list[str]:
    """What differs between one task of a Plan (as JSON) and its gold task."""
    out = []
    text = squeeze(got["text"])
    if not text.startswith(squeeze(want["text_prefix"])):
        out.append(f"text starts {got['text'][:20]!r}, gold {want['text_prefix']!r}")
    if "text_suffix" in want and not text.endswith(squeeze(want["text_suffix"])):
        out.append(f"text ends {got['text'][-15:]!r}, gold {want['text_suffix']!r}")
    if "number" in want and (got["number"] or None) != want["number"]:
        out.append(f"number {got['number']!r}, gold {want['number']!r}")
    if [squeeze(s) for s in got["section"]] != [squeeze(s) for s in want["section"]]:
        out.append(f"section {got['section']}, gold {want['section']}")
    for role in ("lead", "responsible", "support", "leaders"):
        if {_unit(u) for u in got[role]} != {_unit(u) for u in want[role]}:
            out.append(f"{role} {got[role]}, gold {want[role]}")
    raw = (got.get("deadline") or {}).get("raw")
    if squeeze(raw) != squeeze(want["deadline_raw"]):
        out.append(f"deadline {raw!r}, gold {want['deadline_raw']!r}")
    for field in ("criteria", "measures"):
        if field in want and _items_differ(got[field], want[field]):
            out.append(f"{field} {[c[:10] for c in got[field]]}, gold {want[field]}")
    return out


def plan_differences(plan: dict[str, Any], gold: dict[str, Any]) -> list[str]:
    """Every difference between a Plan (as JSON) and its gold, task by task, as lines."""
    out = []
    if squeeze(plan["title"]) != squeeze(gold["title"]):
        out.append(f"title {plan['title']!r}, gold {gold['title']!r}")
    tasks, wanted = plan["tasks"], gold["tasks"]
    if len(tasks) != len(wanted):
        out.append(f"{len(tasks)} tasks, gold {len(wanted)}")
    for k, (got, want) in enumerate(zip(tasks, wanted, strict=False), 1):
        out.extend(f"task {k}: {d}" for d in task_differences(got, want))
    return out
