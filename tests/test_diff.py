"""``fengong diff``: two plans compared, on copies of the samples edited in known ways.

The edited copy of seed004 (广州市科技创新委员会 2018) differs from the sample by exactly
these edits, so every expected result below follows from the edit, not from a run:

- row 6 deleted (removed);
- a row inserted after row 13, the rows after it renumbered 15… (added; renumbered rows
  are not changes);
- row 2: 组织人事处牵头 → 办公室牵头 (lead);
- row 11: 政策法规处牵头,各处室 → …各处室、科普宣传处 (responsible: the column is
  牵头及责任单位, so units without a role word are responsible);
- row 17: 各处室配合 → 各处室及生产力促进中心配合 (support);
- row 9: 理解和支持 → 广泛理解和支持 (text lightly reworded: still the same task);
- row 32: its text replaced by another sentence (reworded beyond the threshold: removed
  and added);
- row 20: 全年 → 6月底前 (deadline);
- heading (七)强化政府网站建设管理 → (七)加强政府网站建设管理 (section renamed: rows 22–26);
- heading (九)整合各类政务热线电话 → (十)整合各类政务热线电话 (renumbered only: no change).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from rapidfuzz import fuzz
from typer.testing import CliRunner

import fengong
from fengong import parse
from fengong.cli import app
from fengong.compare import DEFAULT_THRESHOLD, PlanDiff, UnknownUnitError, diff_plans
from fengong.compare.align import Pair, align, increasing_run
from fengong.compare.changes import same_deadline, task_changes, unit_change
from fengong.compare.keys import heading_key, match_key
from fengong.compare.model import Summary
from fengong.schema import Deadline, Plan, Task
from tests.conftest import SAMPLES

runner = CliRunner()
SEED4 = SAMPLES / "text" / "seed004_tsv_page-breaks_shifted-cell.txt"
NEW_ROW = "建立政务舆情回应典型案例库，每季度组织一次案例研讨。"
OLD_32 = "加强政务热线日常值守和督办考核，提高热线服务水平。"
NEW_32 = "开展政务热线服务质量第三方评估并通报结果。"


def _replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def _renumber(line: str) -> str:
    """A table row with its number (the first number opening a cell) one higher."""
    return re.sub(r"^([^\t]*\t)(\d{1,2})\.", lambda m: f"{m[1]}{int(m[2]) + 1}.", line)


def edited_seed4() -> str:
    """The text of seed004 with the edits listed in the module's description."""
    lines = SEED4.read_text("utf-8").split("\n")
    lines = [line for line in lines if not line.startswith("\t6. 推动全面公开财政预决算信息。")]
    at = next(i for i, line in enumerate(lines) if line.startswith("\t13. 稳妥做好突发事件"))
    inserted = f"\t14. {NEW_ROW}\t科普宣传处牵头,各处室配合\t\t全年\t"
    lines = [*lines[: at + 1], inserted, *map(_renumber, lines[at + 1 :])]
    text = "\n".join(lines)
    text = _replace_once(text, "组织人事处牵头,各处室配合", "办公室牵头,各处室配合")
    text = _replace_once(
        text, "政策法规处牵头,各处室\t\t全年", "政策法规处牵头,各处室、科普宣传处\t\t全年"
    )
    text = _replace_once(
        text,
        "办公室牵头, 各处室配合\t按有关要求",
        "办公室牵头, 各处室及生产力促进中心配合\t按有关要求",
    )
    text = _replace_once(text, "赢得人民群众的理解和支持", "赢得人民群众的广泛理解和支持")
    text = _replace_once(text, OLD_32, NEW_32)
    row20 = next(line for line in text.split("\n") if "进一步规范和完善办事指南" in line)
    text = _replace_once(text, row20, row20.replace("\t全年\t", "\t6月底前\t"))
    text = _replace_once(text, "(七)强化政府网站建设管理", "(七)加强政府网站建设管理")
    return _replace_once(text, "(九)整合各类政务热线电话", "(十)整合各类政务热线电话")


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("diff") / "seed004-edited.txt"
    path.write_text(edited_seed4(), "utf-8")
    return path


@pytest.fixture(scope="module")
def old_plan() -> Plan:
    return parse(SEED4)


@pytest.fixture(scope="module")
def new_plan(edited: Path) -> Plan:
    return parse(edited)


# the pairs (old seq, new seq) that changed, and in what: row 6 removed shifts the rows
# after it up by one until the inserted row (new 13) shifts them back
EXPECTED_FIELDS = {
    (2, 2): ["lead"],
    (9, 8): ["text"],
    (11, 10): ["responsible"],
    (17, 17): ["support"],
    (20, 20): ["deadline"],
    **{(seq, seq): ["section"] for seq in range(22, 27)},
}


def test_the_edited_copy_is_read_as_intended(old_plan: Plan, new_plan: Plan) -> None:
    """Preconditions: the edits landed where the expectations assume."""
    assert len(old_plan.tasks) == len(new_plan.tasks) == 41
    assert [t.number for t in new_plan.tasks[12:15]] == ["14", "15", "16"]  # renumbered
    assert new_plan.tasks[12].text == NEW_ROW
    assert new_plan.tasks[29].section[-1] == "(十)整合各类政务热线电话"
    assert fuzz.ratio(match_key(OLD_32), match_key(NEW_32)) < DEFAULT_THRESHOLD


def test_known_edits_give_exactly_the_expected_diff(old_plan: Plan, new_plan: Plan) -> None:
    result = diff_plans(old_plan, new_plan)
    assert result.summary == Summary(matched=39, unchanged=29, changed=10, added=2, removed=2)
    assert {(c.old.seq, c.new.seq): c.fields for c in result.changed} == EXPECTED_FIELDS
    assert [(t.seq, t.text) for t in result.added] == [(13, NEW_ROW), (32, NEW_32)]
    assert [(t.seq, t.text) for t in result.removed] == [
        (6, "推动全面公开财政预决算信息。"),
        (32, OLD_32),
    ]
    by_old = {c.old.seq: c for c in result.changed}
    assert by_old[2].units.lead.model_dump() == {"added": ["办公室"], "removed": ["组织人事处"]}
    assert by_old[11].units.responsible.model_dump() == {"added": ["科普宣传处"], "removed": []}
    assert by_old[17].units.support.model_dump() == {"added": ["生产力促进中心"], "removed": []}
    for role in ("lead", "responsible", "support"):
        assert not getattr(by_old[9].units, role).changed
    assert 90 < by_old[9].similarity < 100
    assert by_old[9].new.text.endswith("赢得人民群众的广泛理解和支持。")
    deadline = by_old[20]
    assert (deadline.old.deadline.raw, deadline.new.deadline.raw) == ("全年", "6月底前")  # type: ignore[union-attr]
    assert deadline.new.deadline.due.isoformat() == "2018-06-30"  # type: ignore[union-attr]
    assert by_old[22].new.section[-1] == "(七)加强政府网站建设管理"
    assert result.old.path == str(SEED4) and result.new.year == 2018 and result.differs


def test_a_copy_in_another_format_or_a_later_year_has_no_differences(
    old_plan: Plan, tmp_path: Path
) -> None:
    same = diff_plans(old_plan, parse(SAMPLES / "docx" / f"{SEED4.stem}.docx"))
    assert same.summary == Summary(matched=41, unchanged=41, changed=0, added=0, removed=0)
    assert not same.differs
    later = tmp_path / "2019.txt"
    later.write_text(
        _replace_once(SEED4.read_text("utf-8"), "委员会 2018 年", "委员会 2019 年"), "utf-8"
    )
    next_year = parse(later)
    assert next_year.year == 2019 and next_year.tasks[0].deadline.due.year == 2019  # type: ignore[union-attr]
    assert not diff_plans(old_plan, next_year).differs  # 全年 in 2018 and in 2019: the same


def test_a_moved_section_is_matched_in_its_new_place(old_plan: Plan) -> None:
    tasks = old_plan.tasks
    moved = [*tasks[:29], *tasks[33:], *tasks[29:33]]  # section (九), rows 30-33, to the end
    new = old_plan.model_copy(
        update={"tasks": [t.model_copy(update={"seq": i}) for i, t in enumerate(moved, 1)]}
    )
    result = diff_plans(old_plan, new)
    assert result.summary == Summary(matched=41, unchanged=41, changed=0, added=0, removed=0)
    alignment = align([t.text for t in tasks], [t.text for t in new.tasks])
    assert {(p.old + 1, p.new + 1) for p in alignment.pairs} >= {(30, 38), (33, 41), (34, 30)}


def test_unit_keeps_the_tasks_where_the_unit_appears_in_either_plan(
    old_plan: Plan, new_plan: Plan
) -> None:
    result = diff_plans(old_plan, new_plan, unit="生产力促进中心")
    # in the old plan: rows 12, 13, 22-26, 30-32; in the new: row 17 too (support added)
    assert result.summary == Summary(matched=10, unchanged=4, changed=6, added=1, removed=1)
    assert [c.old.seq for c in result.changed] == [17, 22, 23, 24, 25, 26]
    assert [t.text for t in result.added] == [NEW_32]
    assert [t.text for t in result.removed] == [OLD_32]
    lead = diff_plans(old_plan, new_plan, unit=" 组织人事处 ")  # normalised like --unit
    assert [(c.old.seq, c.fields) for c in lead.changed] == [(2, ["lead"])]
    with pytest.raises(UnknownUnitError) as raised:
        diff_plans(old_plan, new_plan, unit="生产力")
    assert raised.value.similar == ["生产力促进中心"]


def test_unit_may_leave_out_a_bracketed_note() -> None:
    old = _plan(_task(1, "全面公开重要政策措施。", lead=["市发改委（物价局）"]))
    new = _plan(_task(1, "全面公开重要政策措施。", lead=["市财政局"]))
    result = diff_plans(old, new, unit="市发改委")
    assert [c.units.lead.model_dump() for c in result.changed] == [
        {"added": ["市财政局"], "removed": ["市发改委（物价局）"]}
    ]


def _task(seq: int, text: str, **fields: object) -> Task:
    return Task.model_validate({"seq": seq, "text": text, **fields})


def _plan(*tasks: Task, year: int | None = None) -> Plan:
    return Plan.model_validate(
        {"source": {"format": "text", "sha256": "0" * 64}, "tasks": list(tasks), "year": year}
    )


def test_units_are_compared_as_sets_of_normalised_names() -> None:
    assert not unit_change(
        ["市发改委 (物价局)", "市财政局"], ["市财政局", "市发改委（物价局）"]
    ).changed
    change = unit_change(["甲局", "乙局", "丙局"], ["丙局", "丁局", "甲局"])
    assert change.model_dump() == {"added": ["丁局"], "removed": ["乙局"]}


def test_fields_compared_and_numbering_ignored() -> None:
    old = _task(3, "推进政务公开。", section=["一、总体要求", "（二）工作机制"], number="3",
                leaders=["王明副区长"])  # fmt: skip
    renumbered = old.model_copy(
        update={
            "seq": 9,
            "number": "（九）",
            "section": ["二、总体要求", "（三）工作机制"],
            "text": "推进政务公开",
        }
    )
    assert task_changes(old, renumbered)[0] == []
    renamed = old.model_copy(update={"section": ["一、总体要求", "（二）工作制度"]})
    assert task_changes(old, renamed)[0] == ["section"]
    deeper = old.model_copy(update={"section": [*old.section, "1.公开"]})
    assert task_changes(old, deeper)[0] == ["section"]
    leaders = old.model_copy(update={"leaders": ["李华副区长"], "support": ["区司法局"]})
    fields, units = task_changes(old, leaders)
    assert fields == ["support", "leaders"]
    assert units.support.added == ["区司法局"] and not units.lead.changed
    assert task_changes(old, old.model_copy(update={"leaders": ["王明 副区长"]}))[0] == []


def _deadline(raw: str, due: str | None, kind: str = "month") -> Deadline:
    return Deadline.model_validate_json(json.dumps({"raw": raw, "due": due, "kind": kind}))


@pytest.mark.parametrize(
    ("old", "new", "shift", "same"),
    [
        (_deadline("6月底前", "2023-06-30"), _deadline("6月底前", "2024-06-30"), 1, True),
        (_deadline("6月底前", "2023-06-30"), _deadline("6月底前", "2024-06-30"), 0, False),
        (_deadline("6月底前", "2023-06-30"), _deadline("9月底前", "2023-09-30"), 0, False),
        (_deadline("6月底前", "2024-06-30"), _deadline("6月30日前", "2024-06-30", "date"), 0, True),
        (_deadline("2023年底前", "2023-12-31", "year"),
         _deadline("2023年底前", "2023-12-31", "year"), 1, True),
        (_deadline("长期坚持", None, "ongoing"), _deadline("长期 坚持。", None, "ongoing"), 0, True),
        (_deadline("长期坚持", None, "ongoing"), _deadline("持续推进", None, "ongoing"), 0, False),
        (_deadline("长期坚持", None, "ongoing"), _deadline("6月底前", "2023-06-30"), 0, False),
        (None, _deadline("6月底前", "2023-06-30"), 0, False),
        (None, None, 0, True),
        (_deadline("2月底前", "2024-02-29"), _deadline("2月底前", "2025-02-28"), 1, True),
    ],
)  # fmt: skip
def test_deadlines(old: Deadline | None, new: Deadline | None, shift: int, same: bool) -> None:
    assert same_deadline(old, new, shift) is same


def test_headings_lose_their_numbering_only() -> None:
    assert heading_key("一、健全完善工作机制") == heading_key("三、健全完善工作机制。")
    assert heading_key("（二）推进执行公开") == heading_key("(五) 推进执行公开") == "推进执行公开"
    assert heading_key("第一部分 总体要求") == "总体要求"
    assert heading_key("2024年重点工作") == "2024年重点工作"


def test_alignment_pairs_repeated_texts_in_order_and_keeps_the_longest_ordered_run() -> None:
    assert align(["甲乙丙", "丁戊己", "甲乙丙"], ["甲乙丙", "甲乙丙", "丁戊己"]).pairs == [
        Pair(0, 0, 100.0), Pair(2, 1, 100.0), Pair(1, 2, 100.0),
    ]  # fmt: skip
    pairs = [Pair(3, 0, 100), Pair(0, 1, 100), Pair(1, 2, 100), Pair(4, 3, 100), Pair(2, 4, 100)]
    assert [p.old for p in increasing_run(pairs)] == [0, 1, 2]
    assert increasing_run([]) == []


def test_a_task_that_stayed_in_its_place_wins_over_a_better_score_elsewhere() -> None:
    anchor_a, anchor_b = "召开推进委员会办公室会议", "组织专项检查工作"
    t, t_new = "甲乙丙丁戊己庚辛", "甲乙丙丁戊子丑寅"
    u, u_new = "天地玄黄甲乙丙丁戊己庚辛壬癸", "甲乙丙丁戊己庚辛壬癸"
    ratio = fuzz.ratio
    assert ratio(t, u_new) > ratio(u, u_new) > ratio(t, t_new) > DEFAULT_THRESHOLD > ratio(u, t_new)
    result = align([anchor_a, t, anchor_b, u], [anchor_a, t_new, anchor_b, u_new])
    assert [(p.old, p.new) for p in result.pairs] == [(0, 0), (1, 1), (2, 2), (3, 3)]
    assert result.removed == result.added == []


def test_threshold_and_traditional_script() -> None:
    old, new = ["甲乙丙丁戊己庚辛"], ["甲乙丙丁戊子丑寅"]  # 5 of 8 characters kept: 62.5
    assert align(old, new, threshold=60).pairs == [Pair(0, 0, 62.5)]
    below = align(old, new, threshold=65)
    assert (below.pairs, below.removed, below.added) == ([], [0], [0])
    assert align(["區財政局負責預算公開"], ["区财政局负责预算公开"]).pairs == [Pair(0, 0, 100.0)]


def test_api_takes_paths_bytes_and_plans(old_plan: Plan, edited: Path) -> None:
    assert fengong.PlanDiff is PlanDiff
    assert not fengong.diff(SEED4.read_bytes(), old_plan).differs
    result = fengong.diff(str(SEED4), edited, unit="科普宣传处")
    assert isinstance(result, PlanDiff) and result.new.path == str(edited)
    assert [c.old.seq for c in result.changed] == [11]


# --- the command line ---


def test_cli_exit_codes_and_table(edited: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes(SEED4.read_bytes())
    same = runner.invoke(app, ["diff", str(SEED4), str(copy)])
    assert same.exit_code == 0 and "no differences" in same.stdout
    result = runner.invoke(app, ["diff", str(SEED4), str(edited)], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    out = result.stdout
    for expected in ("changed: 10 tasks", "#2 → #2", "−组织人事处", "+办公室", "#9 → #8",
                     "98% alike", "+科普宣传处", "6月底前 (2018-06-30)", "(七)加强政府网站建设管理",
                     "added: 2 tasks", NEW_ROW, "removed: 2 tasks", OLD_32):  # fmt: skip
        assert expected in out, expected


def test_cli_json_validates_against_the_published_schema(edited: Path) -> None:
    import jsonschema

    result = runner.invoke(app, ["diff", str(SEED4), str(edited), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    schema = json.loads(runner.invoke(app, ["schema", "--diff"]).stdout)
    jsonschema.validate(data, schema)
    assert schema["title"] == "PlanDiff"
    assert json.loads(runner.invoke(app, ["schema"]).stdout)["title"] == "Plan"
    assert set(data) == {"old", "new", "summary", "changed", "added", "removed"}
    assert data["summary"] == {"matched": 39, "unchanged": 29, "changed": 10, "added": 2,
                               "removed": 2}  # fmt: skip
    first = data["changed"][0]
    assert set(first) == {"old", "new", "similarity", "fields", "units"}
    assert first["units"]["lead"] == {"added": ["办公室"], "removed": ["组织人事处"]}
    assert set(first["units"]) == {"lead", "responsible", "support"}
    assert data["old"] == {"path": str(SEED4), "title": "广州市科技创新委员会2018年政务公开工作要点分工方案",
                           "year": 2018}  # fmt: skip


def test_cli_csv_has_a_bom_and_one_row_per_change(edited: Path) -> None:
    result = runner.invoke(app, ["diff", str(SEED4), str(edited), "-f", "csv"])
    assert result.exit_code == 1 and result.stdout.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert len(rows) == 10 + 2 + 2
    assert [(r["kind"], r["field"], r["old_seq"], r["new_seq"]) for r in rows[:2]] == [
        ("changed", "lead", "2", "2"), ("changed", "text", "9", "8"),
    ]  # fmt: skip
    lead = rows[0]
    assert (lead["old"], lead["new"], lead["units_added"], lead["units_removed"]) == (
        "组织人事处", "办公室", "办公室", "组织人事处",
    )  # fmt: skip
    assert rows[4]["old"] == "全年 (2018-12-31)" and rows[4]["new"] == "6月底前 (2018-06-30)"
    added = [r for r in rows if r["kind"] == "added"]
    assert [(r["new_seq"], r["new_number"], r["new"]) for r in added] == [
        ("13", "14", NEW_ROW), ("32", "33", NEW_32),
    ]  # fmt: skip
    removed = [r for r in rows if r["kind"] == "removed"]
    assert [(r["old_seq"], r["old"], r["new_seq"]) for r in removed] == [
        ("6", "推动全面公开财政预决算信息。", ""), ("32", OLD_32, ""),
    ]  # fmt: skip


def test_cli_writes_xlsx_and_json_atomically(edited: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "changes.xlsx"
    result = runner.invoke(app, ["diff", str(SEED4), str(edited), "-f", "xlsx", "-o", str(out)])
    assert result.exit_code == 1 and "wrote" in result.stderr
    sheet = load_workbook(out).active
    assert sheet["A1"].value == "kind" and sheet.max_row == 1 + 14
    existing = tmp_path / "diff.json"
    existing.write_text("old content", "utf-8")
    runner.invoke(app, ["diff", str(SEED4), str(edited), "-f", "json", "-o", str(existing)])
    assert json.loads(existing.read_text("utf-8"))["summary"]["changed"] == 10
    assert not list(tmp_path.glob(".*.tmp"))
    assert runner.invoke(app, ["diff", str(SEED4), str(edited), "-f", "xlsx"]).exit_code == 2
    table_to_file = ["diff", str(SEED4), str(edited), "-o", str(tmp_path / "x.txt")]
    assert runner.invoke(app, table_to_file).exit_code == 2


def test_cli_unit_and_threshold(edited: Path) -> None:
    result = runner.invoke(
        app, ["diff", str(SEED4), str(edited), "-f", "json", "-u", "生产力促进中心"]
    )
    assert result.exit_code == 1
    assert json.loads(result.stdout)["summary"] == {"matched": 10, "unchanged": 4, "changed": 6,
                                                    "added": 1, "removed": 1}  # fmt: skip
    unknown = runner.invoke(app, ["diff", str(SEED4), str(edited), "--unit", "生产力"])
    assert unknown.exit_code == 2 and "similar names: 生产力促进中心" in unknown.stderr
    untouched = runner.invoke(
        app, ["diff", str(SEED4), str(edited), "-u", "发展规划处", "-f", "json"]
    )
    assert untouched.exit_code == 1  # its one task was removed
    strict = runner.invoke(app, ["diff", str(SEED4), str(edited), "-f", "json", "-t", "99"])
    summary = json.loads(strict.stdout)["summary"]  # row 9, 98% alike, no longer matches
    assert (summary["changed"], summary["added"], summary["removed"]) == (9, 3, 3)
    assert runner.invoke(app, ["diff", str(SEED4), str(edited), "-t", "101"]).exit_code == 2


def test_cli_saved_plans_on_either_side(edited: Path, tmp_path: Path) -> None:
    saved_json, saved_yaml = tmp_path / "old.json", tmp_path / "new.yaml"
    assert runner.invoke(app, ["parse", str(SEED4), "-o", str(saved_json)]).exit_code == 0
    assert (
        runner.invoke(app, ["parse", str(edited), "-f", "yaml", "-o", str(saved_yaml)]).exit_code
        == 0
    )
    assert runner.invoke(app, ["diff", str(saved_json), str(SEED4)]).exit_code == 0
    result = runner.invoke(app, ["diff", str(saved_json), str(saved_yaml), "-f", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["summary"]["changed"] == 10 and data["old"]["path"] == str(saved_json)
    assert data["new"]["path"] == str(saved_yaml)


def test_cli_trouble_exits_2_naming_the_file(tmp_path: Path) -> None:
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 10)
    result = runner.invoke(app, ["diff", str(junk), str(SEED4)])
    assert result.exit_code == 2
    assert f"{junk}:" in result.stderr and "[unsupported-format]" in result.stderr
    assert "Traceback" not in result.stderr
    missing = runner.invoke(app, ["diff", str(SEED4), str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and "nope.txt: no such file [missing]" in missing.stderr
    broken = tmp_path / "plan.json"
    data = json.loads(runner.invoke(app, ["parse", str(SEED4)]).stdout)
    data["tasks"][3]["seq"] = "4"
    broken.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    invalid = runner.invoke(app, ["diff", str(SEED4), str(broken)])
    assert invalid.exit_code == 2
    assert f"{broken}:" in invalid.stderr and "tasks.3.seq" in invalid.stderr
    assert "[invalid-plan]" in invalid.stderr
    cut = tmp_path / "cut.json"
    cut.write_text('{"schema_version": "1.0", "tasks": [', "utf-8")
    assert "[invalid-plan]" in runner.invoke(app, ["diff", str(cut), str(SEED4)]).stderr
    assert runner.invoke(app, ["diff", str(tmp_path), str(SEED4)]).exit_code == 2  # a folder


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_cli_a_document_and_its_copy_in_another_format_do_not_differ(fmt: str) -> None:
    stem = "seed002_tab-cells_section-rows"
    text, other = SAMPLES / "text" / f"{stem}.txt", SAMPLES / fmt / f"{stem}.{fmt}"
    result = runner.invoke(app, ["diff", str(text), str(other), "-f", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["summary"]["unchanged"] == 54


def test_cli_default_threshold_is_the_library_s() -> None:
    from fengong.cli.diff import _DEFAULT_THRESHOLD

    assert _DEFAULT_THRESHOLD == DEFAULT_THRESHOLD
