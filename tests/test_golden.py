"""One golden Plan per sample, checked by hand row by row against the document.

Regenerate only on purpose: ``FENGONG_UPDATE_GOLDENS=1 pytest tests/test_golden.py``,
then review the diff row by row. CI refuses to regenerate; a missing golden fails.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from fengong.exporters.json import plan_to_json
from fengong.pipeline import parse_bytes
from tests.conftest import GOLDEN, ROOT, SAMPLES

SAMPLE_FILES = sorted(p for p in SAMPLES.rglob("*") if p.is_file() and p.suffix == ".txt")
ALL_SAMPLES = sorted(
    p for p in SAMPLES.rglob("*") if p.is_file() and p.suffix in (".txt", ".docx", ".pdf")
)


def _plan_json(path: os.PathLike[str]) -> dict[str, object]:
    rel = os.path.relpath(path, ROOT)
    plan = parse_bytes(Path(path).read_bytes(), rel.replace(os.sep, "/"))
    return json.loads(plan_to_json(plan))


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.stem)
def test_sample_matches_golden(sample: os.PathLike[str]) -> None:
    golden = GOLDEN / f"{os.path.basename(sample).rsplit('.', 1)[0]}.json"
    actual = _plan_json(sample)
    if os.environ.get("FENGONG_UPDATE_GOLDENS") == "1":
        if os.environ.get("CI"):
            pytest.fail("goldens are never regenerated in CI")
        golden.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", "utf-8")
    assert golden.exists(), f"missing golden {golden.name}: write it and check it by hand"
    expected = json.loads(golden.read_text("utf-8"))
    assert len(actual["tasks"]) == len(expected["tasks"])
    for got, want in zip(actual["tasks"], expected["tasks"], strict=True):
        assert got == want, f"task {want['seq']} differs"
    assert actual == expected


@pytest.mark.parametrize(
    ("stem", "count"),
    [
        ("seed000_tsv_merged-cells_no-units", 27),
        ("seed001_prose_then_pipe-table", 52),
        ("seed002_tab-cells_section-rows", 54),
        ("seed003_prose_bracket-markers", 35),
        ("seed004_tsv_page-breaks_shifted-cell", 41),
    ],
)
def test_task_counts_counted_by_hand(stem: str, count: int) -> None:
    plan = _plan_json(SAMPLES / "text" / f"{stem}.txt")
    assert len(plan["tasks"]) == count  # type: ignore[arg-type]


@pytest.mark.parametrize("sample", ALL_SAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_every_output_validates(sample: Path, fmt: str, tmp_path: Path) -> None:
    from fengong.exporters import SUFFIXES, render
    from fengong.validation import validate_file

    out = tmp_path / f"plan{SUFFIXES[fmt]}"
    out.write_text(render(parse_bytes(sample.read_bytes(), sample.name), fmt), "utf-8")
    plan, problems = validate_file(out)
    assert problems == [] and plan is not None
