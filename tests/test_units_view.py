"""Plans turned around by unit (``fengong units``) and what ``fengong inspect`` shows."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from typer.testing import CliRunner

from fengong import parse
from fengong.cli import app
from fengong.exporters.by_unit import select_units, similar_names, tasks_by_unit
from tests.conftest import SAMPLES

runner = CliRunner()
FRAGMENT = """某市2024年政务公开工作要点分工方案

一、加强政策解读
1. 全面公开、精准解读重要政策措施。（牵头单位：市发改委（物价局）；配合单位：市财政局、市司法局）
2. 建立规范性文件公开台账。（市司法局负责，2024年6月底前完成）
二、优化政务服务
3. 推进政务服务事项“一网通办”。（市政务服务中心牵头，各区政府配合）
"""


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "plan.txt"
    path.write_text(FRAGMENT, "utf-8")
    return path


def test_each_unit_lists_its_tasks_by_role_in_order_of_first_appearance() -> None:
    units = tasks_by_unit([parse(FRAGMENT.encode())])
    assert [u.name for u in units] == [
        "市发改委（物价局）", "市财政局", "市司法局", "市政务服务中心", "各区政府",
    ]  # fmt: skip
    justice = units[2]
    assert [(a.role, a.task.seq) for a in justice.assignments] == [
        ("responsible", 2),
        ("support", 1),
    ]
    assert [a.task.seq for a in justice.in_role("support")] == [1]
    assert units[0].in_role("lead")[0].task.text.startswith("全面公开")


def test_unit_query_is_normalised_and_may_leave_out_a_bracketed_note() -> None:
    units = tasks_by_unit([parse(FRAGMENT.encode())])
    assert [u.name for u in select_units(units, " 市司法局。")] == ["市司法局"]
    assert [u.name for u in select_units(units, "市发改委")] == ["市发改委（物价局）"]
    assert [u.name for u in select_units(units, "市发改委(物价局)")] == ["市发改委（物价局）"]
    assert select_units(units, "司法") == []
    assert similar_names(units, "司法") == ["市司法局"]


def test_units_command_json_and_csv(tmp_path: Path) -> None:
    plan = _write(tmp_path)
    result = runner.invoke(app, ["units", str(plan), "-f", "json", "-u", "市司法局"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)["units"]
    assert [u["name"] for u in data] == ["市司法局"]
    assert data[0]["lead"] == []
    assert [t["seq"] for t in data[0]["responsible"]] == [2]
    assert data[0]["responsible"][0]["deadline"]["due"] == "2024-06-30"
    assert [t["seq"] for t in data[0]["support"]] == [1]
    rows = list(csv.reader(io.StringIO(
        runner.invoke(app, ["units", str(plan), "-f", "csv"]).stdout.lstrip("\ufeff")
    )))  # fmt: skip
    assert rows[0][:2] == ["unit", "role"]
    assert [(r[0], r[1], r[4]) for r in rows[1:]] == [
        ("市发改委（物价局）", "lead", "1"),
        ("市财政局", "support", "1"),
        ("市司法局", "responsible", "2"),
        ("市司法局", "support", "1"),
        ("市政务服务中心", "lead", "3"),
        ("各区政府", "support", "3"),
    ]


def test_units_command_table_xlsx_and_unknown_unit(tmp_path: Path) -> None:
    plan = _write(tmp_path)
    table = runner.invoke(app, ["units", str(plan)])
    assert table.exit_code == 0
    assert "市政务服务中心" in table.stdout and "#3" in table.stdout
    out = tmp_path / "units.xlsx"
    assert runner.invoke(app, ["units", str(plan), "-f", "xlsx", "-o", str(out)]).exit_code == 0
    from openpyxl import load_workbook

    sheet = load_workbook(out).active
    assert sheet["A2"].value == "市发改委（物价局）" and sheet.max_row == 7
    missing = runner.invoke(app, ["units", str(plan), "-u", "司法"])
    assert missing.exit_code == 1 and "similar names: 市司法局" in missing.stderr
    assert runner.invoke(app, ["units", str(plan), "-f", "xlsx"]).exit_code == 2


def test_inspect_shows_format_columns_sections_and_warnings() -> None:
    pdf = SAMPLES / "pdf" / "seed000_tsv_merged-cells_no-units.pdf"
    result = runner.invoke(app, ["inspect", str(pdf)], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    out = result.stdout
    assert re.search(r"format\s+│\s+pdf\s", out) and re.search(r"layout\s+│\s+table\s", out)
    assert re.search(r"│\s+0\s+│\s+工作要点\s+│\s+section\s+│", out)
    for expected in ("工作要点", "section", "具体措施", "measures",
                     "一、围绕建设法治政府全面推进政务公开", "repeated-header",
                     "page 2, table 1, row 0", "no-unit-column"):  # fmt: skip
        assert expected in out, expected


def test_inspect_of_a_bad_file_fails_with_its_reason(tmp_path: Path) -> None:
    junk = tmp_path / "plan.pdf"
    junk.write_bytes(b"%PDF-1.7\n" + b"\0" * 100)
    result = runner.invoke(app, ["inspect", str(junk)])
    assert result.exit_code == 1 and "[unreadable]" in result.stderr
