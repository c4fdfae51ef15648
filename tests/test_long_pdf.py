"""An 82-page plan printed as an official document (``samples/pdf/long/``): seed004's table
printed six times over by ``scripts/build_samples.py pdf-long``. Its gold is seed004's
hand-made gold six times over: every task found once per copy, none invented, sections
and units as the gold says, no page furniture in any field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fengong.pipeline import parse_bytes
from tests.conftest import SAMPLES
from tests.gold import load_gold, plan_differences

LONG = sorted((SAMPLES / "pdf" / "long").glob("*.pdf"))
TIMES = 6  # scripts/build_samples.py LONG


@pytest.mark.parametrize("sample", LONG, ids=lambda p: p.stem)
def test_a_long_official_print_gives_its_gold_for_every_copy(sample: Path) -> None:
    plan = json.loads(parse_bytes(sample.read_bytes(), sample.name).model_dump_json())
    gold = load_gold(sample.stem)
    assert plan["source"]["pages"] >= 80
    assert plan_differences(plan, {**gold, "tasks": gold["tasks"] * TIMES}) == []
    furniture = ("— ", "—1", "附件1")
    assert not any(
        mark in text
        for task in plan["tasks"]
        for text in (task["text"], *task["section"], *task["lead"], *task["support"])
        for mark in furniture
    )


def test_the_long_sample_exists() -> None:
    assert [p.stem for p in LONG] == ["seed004_tsv_page-breaks_shifted-cell"]
