"""Every sample against its seed plan's gold (tests/golden/<stem>.gold.json), annotated by
hand from the document by SPEC's rules, never from fengong's output: its text copy here;
the DOCX and PDF copies in test_formats_agree.py. Every output also validates."""

from __future__ import annotations

from pathlib import Path

import pytest

from fengong.pipeline import parse_bytes
from tests.conftest import GOLDEN, SAMPLES
from tests.gold import load_gold, plan_differences
from tests.test_formats_agree import plan_of

STEMS = sorted(p.name.removesuffix(".gold.json") for p in GOLDEN.glob("*.gold.json"))
ALL_SAMPLES = sorted(
    p
    for p in SAMPLES.rglob("*")
    if p.is_file() and p.suffix in (".txt", ".docx", ".pdf") and "scanned" not in p.parts
    # (the scans need the OCR extra and a minute each: tests/test_ocr.py, test_accuracy.py)
)


def test_every_sample_has_gold() -> None:
    assert sorted(p.stem for p in (SAMPLES / "text").glob("*.txt")) == STEMS
    assert len(STEMS) == 5


@pytest.mark.parametrize("stem", STEMS)
def test_text_sample_matches_gold(stem: str) -> None:
    plan = plan_of(SAMPLES / "text" / f"{stem}.txt")
    assert plan_differences(plan, load_gold(stem)) == []


def test_gold_differences_are_reported_task_by_task() -> None:
    # the comparison itself: a wrong unit, a cut text and a missing task are each named
    stem = "seed002_tab-cells_section-rows"
    plan = plan_of(SAMPLES / "text" / f"{stem}.txt")
    plan["tasks"][0]["responsible"] = ["区财政局"]
    plan["tasks"][1]["text"] = plan["tasks"][1]["text"][:-5]
    del plan["tasks"][-1]
    differences = plan_differences(plan, load_gold(stem))
    assert differences[0] == "53 tasks, gold 54"
    assert differences[1].startswith("task 1: responsible ['区财政局']")
    assert differences[2].startswith("task 2: text ends")


@pytest.mark.parametrize("sample", ALL_SAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_every_output_validates(sample: Path, fmt: str, tmp_path: Path) -> None:
    from fengong.exporters import SUFFIXES, render
    from fengong.validation import validate_file

    out = tmp_path / f"plan{SUFFIXES[fmt]}"
    out.write_text(render(parse_bytes(sample.read_bytes(), sample.name), fmt), "utf-8")
    plan, problems = validate_file(out)
    assert problems == [] and plan is not None
