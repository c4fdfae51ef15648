"""Hostile and broken files (tests/hostile.py): each gives its documented result within
30 s and 2 GiB of address space, as a user running ``fengong parse`` meets it, and a
batch of all of them writes every good plan and reports every bad file."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile import CASES, Case

TWO_GIB = 2 * 1024**3


def _bounded() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (TWO_GIB, TWO_GIB))


def _fengong(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fengong", *args],
        capture_output=True, text=True, timeout=timeout, preexec_fn=_bounded, check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    for case in CASES:
        (folder / case.name).write_bytes(case.make())
    return folder


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_hostile_file_gets_its_documented_result(case: Case, hostile_dir: Path) -> None:
    result = _fengong("parse", str(hostile_dir / case.name))
    assert "Traceback" not in result.stderr
    if case.expect == "plan":
        assert result.returncode == 0, result.stderr
        plan = json.loads(result.stdout)
        codes = {w["code"] for w in plan["warnings"]}
        assert set(case.warnings) <= codes, codes
    else:
        assert result.returncode == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].endswith(f"[{case.expect}]"), result.stderr
        assert json.loads(result.stdout)["error"]["code"] == case.expect


def test_a_batch_of_every_hostile_file_finishes_and_reports_each(
    hostile_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    # each file within 30 s is the other test's; the batch of about 50 (two read by OCR)
    # is given time for all of them on a busy 2-core machine
    result = _fengong("parse", str(hostile_dir), "-o", str(out), "--jobs", "2", timeout=180)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    written = {p.name for p in out.iterdir()}
    for case in CASES:
        stem = Path(case.name).stem
        if case.expect == "plan":
            assert f"{stem}.json" in written, case.name
        else:
            assert f"{stem}.json" not in written, case.name
            assert f"failed: {hostile_dir / case.name}: " in result.stderr, case.name
    bad = sum(c.expect != "plan" for c in CASES)
    assert f"{len(CASES)} files: {len(CASES) - bad} parsed" in result.stderr
    assert not list(out.glob(".*.tmp"))


def test_a_file_over_the_time_limit_fails_with_timeout(tmp_path: Path) -> None:
    from tests.conftest import SAMPLES

    sample = SAMPLES / "pdf" / "seed001_prose_then_pipe-table.pdf"
    result = _fengong("parse", str(sample), "--timeout", "0.01")
    assert result.returncode == 1 and result.stderr.rstrip().endswith("[timeout]")


def test_limits_are_options(tmp_path: Path) -> None:
    from tests.conftest import SAMPLES

    pdf = SAMPLES / "pdf" / "seed001_prose_then_pipe-table.pdf"
    docx = SAMPLES / "docx" / "seed000_tsv_merged-cells_no-units.docx"
    for args, message in (
        ((str(pdf), "--max-pages", "3"), "20 pages, over the limit of 3"),
        ((str(pdf), "--max-cells", "50"), "more than 50 table cells"),
        ((str(docx), "--max-input-mb", "0.01"), "over the limit of 0.01 MiB"),
        ((str(docx), "--max-cells", "10"), "more than 10 table cells"),
    ):
        result = _fengong("parse", *args)
        assert result.returncode == 1 and message in result.stderr, result.stderr
        assert "[too-large]" in result.stderr
