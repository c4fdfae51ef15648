"""Batch conversion from the command line: folders, parallel jobs, failures, formats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fengong.batch import Input, collect_inputs, output_paths
from fengong.cli import app
from tests.conftest import SAMPLES

runner = CliRunner()
DOCX = sorted((SAMPLES / "docx").glob("*.docx"))


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    """A folder of plans as users have them: good files in two folders, a truncated
    download, random bytes with a plan's name, and a file that is no plan at all."""
    root = tmp_path / "plans"
    (root / "sub").mkdir(parents=True)
    for path in DOCX[:3]:
        (root / path.name).write_bytes(path.read_bytes())
    pdf = SAMPLES / "pdf" / "seed002_tab-cells_section-rows.pdf"
    (root / "sub" / "seed002_tab-cells_section-rows.pdf").write_bytes(pdf.read_bytes())
    (root / "sub" / "notice.bin").write_bytes(pdf.read_bytes())  # a PDF by content
    (root / "cut.docx").write_bytes(DOCX[0].read_bytes()[:4000])
    (root / "junk.pdf").write_bytes(bytes(range(256)) * 8)
    (root / "readme.md").write_text("not a plan", "utf-8")
    (root / ".hidden.txt").write_text("x", "utf-8")
    return root


def test_a_folder_converts_in_one_command_and_reports_each_failure(
    plans: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["parse", str(plans), "-o", str(out), "--jobs", "2"])
    assert result.exit_code == 1
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == [
        "seed000_tsv_merged-cells_no-units.json",
        "seed001_prose_then_pipe-table.json",
        "seed002_tab-cells_section-rows.json",
        "sub/notice.json",
        "sub/seed002_tab-cells_section-rows.json",
    ]
    for path in out.rglob("*.json"):
        assert json.loads(path.read_text("utf-8"))["tasks"]
    assert "cut.docx" in result.stderr and "[unreadable]" in result.stderr
    assert "junk.pdf" in result.stderr and "Traceback" not in result.stderr
    assert "7 files: 5 parsed" in result.stderr and "2 failed" in result.stderr
    assert not list(out.rglob("*.tmp"))


def test_parallel_output_is_the_serial_output(plans: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    runner.invoke(app, ["parse", str(plans), "-o", str(one), "-j", "1", "-q"])
    runner.invoke(app, ["parse", str(plans), "-o", str(two), "-j", "2", "-q"])
    for path in one.rglob("*.json"):
        assert path.read_bytes() == (two / path.relative_to(one)).read_bytes()


def test_outputs_never_overwrite_each_other(tmp_path: Path) -> None:
    inputs = [
        Input("a/plan.pdf", Path("plan.pdf")),
        Input("a/plan.docx", Path("plan.docx")),
        Input("b/plan.pdf", Path("plan.pdf")),
        Input("c/x/plan.pdf", Path("x/plan.pdf")),
    ]
    paths = output_paths(inputs, tmp_path, ".json")
    assert [str(p.relative_to(tmp_path)) for p in paths] == [
        "plan.json", "plan.docx.json", "plan.pdf.json", "x/plan.json",
    ]  # fmt: skip


def test_folders_skip_what_is_not_a_plan(plans: Path) -> None:
    names = [Path(i.path).name for i in collect_inputs([str(plans)])]
    assert "readme.md" not in names and ".hidden.txt" not in names
    assert "notice.bin" in names  # a PDF by its bytes


def test_jsonl_is_one_task_per_line_with_its_plan() -> None:
    result = runner.invoke(app, ["parse", *map(str, DOCX[:2]), "--format", "jsonl", "-q"])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 27 + 52
    assert lines[0]["plan_source"]["format"] == "docx" and lines[0]["seq"] == 1
    assert {line["plan_title"] for line in lines[27:]} == {"关于全面推进政务公开工作的实施意见"}


def test_csv_has_a_bom_one_header_and_one_row_per_task(tmp_path: Path) -> None:
    out = tmp_path / "tasks.csv"
    result = runner.invoke(app, ["parse", *map(str, DOCX[1:3]), "-f", "csv", "-o", str(out)])
    assert result.exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:6] == ["file", "title", "seq", "section", "number", "task"]
    assert len(rows) == 1 + 52 + 54
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["lead"] == "市政府办" and first["support"] == "市法制办"


def test_xlsx_has_a_frozen_header_and_wrapped_rows(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "tasks.xlsx"
    result = runner.invoke(app, ["parse", str(DOCX[2]), "-f", "xlsx", "-o", str(out)])
    assert result.exit_code == 0
    sheet = load_workbook(out).active
    assert sheet.freeze_panes == "A2" and sheet.max_row == 1 + 54
    assert sheet["F2"].value == "全面公开、精准解读重要政策措施。"
    assert sheet["F2"].alignment.wrap_text


def test_skip_existing_and_strict(tmp_path: Path) -> None:
    out = tmp_path / "out"
    sample = str(SAMPLES / "text" / "seed002_tab-cells_section-rows.txt")
    assert runner.invoke(app, ["parse", sample, str(DOCX[1]), "-o", str(out)]).exit_code == 0
    first = out / "seed002_tab-cells_section-rows.json"
    first.write_text("kept", "utf-8")
    again = runner.invoke(app, ["parse", sample, "-o", str(out) + "/", "--skip-existing"])
    assert again.exit_code == 0 and first.read_text("utf-8") == "kept"
    strict = runner.invoke(app, ["parse", sample, "--strict"])
    assert strict.exit_code == 1 and "[warnings]" in strict.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    two = runner.invoke(app, ["parse", *map(str, DOCX[:2])])
    assert two.exit_code == 2 and "-o DIR" in two.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    assert runner.invoke(app, ["parse", str(empty)]).exit_code == 2


def test_python_api_parses_with_a_forced_format_and_renders() -> None:
    import fengong

    data = (SAMPLES / "docx" / "seed002_tab-cells_section-rows.docx").read_bytes()
    plan = fengong.parse(data, format="docx")
    assert len(plan.tasks) == 54
    assert fengong.render(plan, "jsonl").count("\n") == 54
    assert fengong.render_bytes([plan, plan], "csv").decode("utf-8-sig").count("\r\n") == 1 + 108
    assert fengong.Plan.model_validate_json(fengong.render(plan, "json")) == plan
