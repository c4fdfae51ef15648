"""Reading tables (SPEC.md): header roles, sections, page breaks, shifts, merges."""

from __future__ import annotations

from fengong.interpret.headers import header_to_roles, label_kind
from fengong.pipeline import parse_bytes


def _plan(text: str):  # type: ignore[no-untyped-def]
    return parse_bytes(text.encode("utf-8"), "fragment.txt")


def test_task_column_decided_by_whole_header() -> None:
    body = [
        ["一、甲", "任务一，内容。", "标准。", "区财政局"],
        ["", "任务二，内容。", "标准。", "区民政局"],
    ]
    assert header_to_roles(["工作任务", "评价标准", "责任单位"], [r[1:] for r in body]) == [
        "task",
        "criteria",
        "responsible",
    ]
    rows = [
        ["一、推进公开", "1", "做好甲项工作，按时公开。", "办公室", "6月底前"],
        ["", "2", "做好乙项工作，按时公开。", "法规科", "年底前"],
    ]
    assert header_to_roles(["工作任务", "序号", "具体要求", "责任科室", "时限要求"], rows) == [
        "section",
        "number",
        "task",
        "responsible",
        "deadline",
    ]


def test_header_synonyms_and_traditional_labels() -> None:
    assert label_kind("牵头及责任单位(直属单位)") == "responsible"
    assert label_kind("責任單位") == "responsible"
    assert label_kind("牽頭部門") == "lead"
    assert label_kind("完成时间节点") == "deadline"
    assert label_kind("分管领导") == "leaders"
    assert label_kind("成果形式") == "criteria"
    assert label_kind("工作措施") == "measures"
    assert label_kind("月度工作计划") == "measures"  # 153: the steps by month, not the task
    assert label_kind("分组") == "content"  # 191: an inspection group is the task


HEALTH = """某市2020年河长制工作要点分工方案
序号\t重点任务\t牵头单位\t配合单位\t完成时限
一、水资源保护\t\t\t\t
1\t开展饮用水水源地规范化建设，完成整治。\t市水务局\t市生态环境局、各区政府\t6月底前
2\t实施最严格水资源管理制度考核。\t市水务局\t市发改委\t第三季度
二、水污染防治\t\t\t\t
3\t推进城镇污水处理提质增效，新建管网\t市水务局\t各区政府\t年底前

序号\t重点任务\t牵头单位\t配合单位\t完成时限
\t50公里。\t\t\t
4\t开展入河排污口排查整治。\t市生态环境局\t\t长期坚持
"""


def test_fragment_of_another_domain_with_sections_and_page_break() -> None:
    plan = _plan(HEALTH)
    assert plan.year == 2020
    assert [t.number for t in plan.tasks] == ["1", "2", "3", "4"]
    first, second, third, fourth = plan.tasks
    assert first.section == ["一、水资源保护"]
    assert first.lead == ["市水务局"] and first.support == ["市生态环境局", "各区政府"]
    assert first.deadline is not None and first.deadline.due.isoformat() == "2020-06-30"
    assert second.deadline is not None and second.deadline.kind == "quarter"
    assert third.section == ["二、水污染防治"]
    assert third.text == "推进城镇污水处理提质增效，新建管网50公里。"
    # a text copy lost its merges: the empty 配合单位 continues the cell above (same section)
    assert fourth.support == ["各区政府"]
    assert fourth.deadline is not None and fourth.deadline.kind == "ongoing"
    codes = [w.code for w in plan.warnings]
    assert "row-rejoined" in codes and "repeated-header" in codes and "filled-from-above" in codes


def test_fill_from_above_stays_inside_its_section() -> None:
    text = (
        "工作事项\t具体任务\t责任单位\t完成时限\n"
        "（一）甲类\t1. 做好甲一工作。\t市发改委\t全年\n"
        "\t2. 做好甲二工作。\t\t\n"
        "（二）乙类\t3. 做好乙一工作。\t\t\n"
    )
    plan = _plan(text)
    assert plan.tasks[1].responsible == ["市发改委"]
    assert plan.tasks[1].deadline is not None and plan.tasks[1].deadline.raw == "全年"
    assert plan.tasks[2].responsible == [] and plan.tasks[2].deadline is None
    codes = [(w.code, w.location.line if w.location else None) for w in plan.warnings]
    assert ("filled-from-above", 3) in codes
    assert ("missing-units", 4) in codes


def test_no_fill_in_a_table_without_sections() -> None:
    text = "序号\t工作任务\t牵头单位\t参加单位\n1\t任务甲。\t市政府办\t市法制办\n2\t任务乙。\t市财政局\t\n"
    plan = _plan(text)
    assert plan.tasks[1].support == []


def test_shifted_row_put_back() -> None:
    text = (
        "工作事项\t具体任务\t责任单位\t完成时限\t工作要求\n"
        "（一）甲类\t1. 做好甲一工作。\t市发改委\t全年\t要求一。\n"
        "\t（二）乙类\t2. 做好乙一工作。\t市统计局\t年底前\n"
    )
    plan = _plan(text)
    second = plan.tasks[1]
    assert second.section == ["（二）乙类"]
    assert second.text == "做好乙一工作。"
    assert second.responsible == ["市统计局"]
    assert second.deadline is not None and second.deadline.raw == "年底前"
    assert "cell-shifted" in [w.code for w in plan.warnings]


def test_task_text_in_grouping_column_is_a_task() -> None:
    text = (
        "工作要点\t具体要求\t具体措施\n"
        "一、加强公开\t做好甲项工作。\t措施甲。\n"
        "完善网站安全保障机制，做好防攻击等工作。\t\t\n"
    )
    plan = _plan(text)
    assert [t.text for t in plan.tasks] == [
        "做好甲项工作。",
        "完善网站安全保障机制，做好防攻击等工作。",
    ]
    assert plan.tasks[1].section == ["一、加强公开"]
    assert plan.tasks[1].measures == ["措施甲。"]


def test_repeated_subsection_after_page_break_is_the_same_section() -> None:
    text = (
        "\t\n\t工作任务\n\t评价标准\n\t责任单位\n\n\t一、总体\n\n"
        "\t（一）分组甲。\n\t1.任务一。\n\t评价一。\n\t各单位\n\n"
        "\t（一）分组甲。\n\t2.任务二。\n\t评价二。\n\t区财政局\n"
    )
    plan = _plan(text)
    assert [t.section for t in plan.tasks] == [["一、总体", "（一）分组甲。"]] * 2


def test_visible_vertical_merge_applies_to_every_row_it_spans() -> None:
    from fengong.document import Cell, Document, Row, Table
    from fengong.interpret.plan import document_to_plan
    from fengong.schema import Source

    header = Row([Cell("工作任务"), Cell("具体措施"), Cell("责任单位"), Cell("完成时限")])
    rows = [
        Row(
            [
                Cell("任务甲。"),
                Cell("1、措施一。2、措施二。", row_span=2),
                Cell("市财政局"),
                Cell(""),
            ]
        ),
        Row([Cell("任务乙。"), None, Cell(""), Cell("年底前")]),
    ]
    doc = Document([Table([header, *rows])], format="docx", merges_visible=True)
    plan = document_to_plan(doc, Source(format="docx", sha256="0" * 64))
    assert [t.measures for t in plan.tasks] == [["措施一。", "措施二。"]] * 2
    # where merges are visible, an empty cell stays empty and a unit-less task is flagged
    assert plan.tasks[1].responsible == []
    assert plan.tasks[0].deadline is None
    assert [w.code for w in plan.warnings] == ["no-title", "missing-units"]


def test_first_listed_unit_leads_from_the_statement_on() -> None:
    text = (
        "某区2022年营商环境工作任务分工\n"
        "（注：责任单位中列第一位的为牵头单位，下同）\n"
        "序号\t工作任务\t责任单位\n"
        "1\t优化企业开办服务。\t区市场监管局、区税务局、区人社局\n"
        "2\t压缩工程建设项目审批时间。\t区住建局牵头，区自然资源局配合\n"
    )
    plan = _plan(text)
    first, second = plan.tasks
    assert first.lead == ["区市场监管局"] and first.responsible == ["区税务局", "区人社局"]
    assert second.lead == ["区住建局"] and second.support == ["区自然资源局"]


def test_without_the_statement_listed_units_are_all_responsible() -> None:
    text = (
        "序号\t工作任务\t责任单位\n"
        "1\t优化企业开办服务。\t区市场监管局、区税务局\n"
        "2\t压缩审批时间。\t区住建局\n"
    )
    assert _plan(text).tasks[0].responsible == ["区市场监管局", "区税务局"]


def test_title_starting_with_wei_and_a_two_line_table() -> None:
    plan = _plan(
        "为民办实事项目分工方案\n序号\t工作任务\t责任单位\n1\t新建公办幼儿园。\t区教育局\n"
    )
    assert plan.title == "为民办实事项目分工方案"
    assert [t.responsible for t in plan.tasks] == [["区教育局"]]
    preamble = _plan(
        "为贯彻落实上级部署，制定本方案。\n一、重点任务\n1.做好甲工作。（责任单位：市财政局）\n"
    )
    assert preamble.title is None


def _paged_plan(pages: list[list[list[object]]]):  # type: ignore[no-untyped-def]
    """A visible-merge document of table pieces, one per page; a cell is a string, a
    (text, row_span) pair, or None where a merge covers it. Every piece repeats the header."""
    from fengong.document import Cell, Document, Provenance, Row, Table
    from fengong.interpret.plan import document_to_plan
    from fengong.schema import Source

    header = ["工作任务", "具体措施", "牵头单位", "完成时限"]
    blocks = []
    for p, rows in enumerate(pages, start=1):
        table_rows = [Row([Cell(h) for h in header], Provenance(page=p, row=0), after_break=p > 1)]
        for r, cells in enumerate(rows, start=1):
            made = [
                None if c is None else Cell(c[0], row_span=c[1]) if isinstance(c, tuple)
                else Cell(str(c))
                for c in cells
            ]  # fmt: skip
            table_rows.append(Row(made, Provenance(page=p, row=r)))
        blocks.append(Table(table_rows, Provenance(page=p)))
    doc = Document(blocks, format="pdf", merges_visible=True, pages=len(pages))
    return document_to_plan(doc, Source(format="pdf", sha256="0" * 64))


def test_merged_cell_cut_by_a_page_break_applies_to_both_parts() -> None:
    plan = _paged_plan(
        [
            [["1.任务甲。", ("1.措施一。2.措施二，确保信息安", 2), ("市发改委", 2), "6月底前"],
             ["2.任务乙。", None, None, "9月底前"]],
            # the merge goes on: its text runs over, the unit cell is an empty part of it
            [["3.任务丙。", ("全。3.措施三。", 1), ("", 1), "年底前"]],
        ]
    )  # fmt: skip
    whole = ["措施一。", "措施二，确保信息安全。", "措施三。"]
    assert [t.measures for t in plan.tasks] == [whole] * 3
    assert [t.lead for t in plan.tasks] == [["市发改委"]] * 3
    assert sum(w.code == "merge-continued" for w in plan.warnings) == 2


def test_numbered_part_after_a_break_continues_the_items_above() -> None:
    def plan_with(second_part: str):  # type: ignore[no-untyped-def]
        return _paged_plan(
            [
                [["1.任务甲。", ("1.措施一。", 2), "市发改委", "6月底前"],
                 ["2.任务乙。", None, "市财政局", "6月底前"]],
                [["3.任务丙。", (second_part, 1), "市民政局", "年底前"]],
            ]
        )  # fmt: skip

    continued = plan_with("2.措施二。")
    assert [t.measures for t in continued.tasks] == [["措施一。", "措施二。"]] * 3
    # a part that starts its own list (1.) is a cell of its own
    own = plan_with("1.措施二。")
    assert [t.measures for t in own.tasks] == [["1.措施一。"], ["1.措施一。"], ["1.措施二。"]]


def test_unit_cells_on_both_sides_of_a_break_stay_apart() -> None:
    plan = _paged_plan(
        [
            [["1.任务甲。", "措施。", ("各议题主办单位", 1), "6月底前"]],
            [["2.任务乙。", "措施。", ("各单位", 2), "年底前"]],
        ]
    )
    assert [t.lead for t in plan.tasks] == [["各议题主办单位"], ["各单位"]]


def test_unnumbered_piece_after_a_break_in_a_numbered_table_is_the_row_above() -> None:
    plan = _paged_plan(
        [
            [["1.任务甲。", "措施。", "市发改委", "6月底前"],
             ["2.任务乙。", "措施。", "市财政局", "6月底前"],
             ["3.任务丙，第一句完。", "措施。", "市民政局", "年底前"]],
            [["第二句在下一页。", "", "", ""], ["4.任务丁。", "措施。", "市教育局", "年底前"]],
        ]
    )  # fmt: skip
    assert [t.text for t in plan.tasks][2:] == ["任务丙，第一句完。第二句在下一页。", "任务丁。"]
    assert any(w.code == "row-rejoined" for w in plan.warnings)


def test_text_that_can_only_continue_other_text() -> None:
    from fengong.interpret.tables import _opens_mid_sentence

    assert _opens_mid_sentence("游”。")  # closes a quote it never opened
    assert _opens_mid_sentence("，并长期坚持")
    assert not _opens_mid_sentence("结合我委网上办事大厅服务事项清单")
    assert not _opens_mid_sentence("推动政务服务“一网通办”")


def _page_table(page: int, rows: list[list[str]]):  # type: ignore[no-untyped-def]
    from fengong.document import Cell, Provenance, Row, Table

    return Table(
        [
            Row(
                [Cell(c) for c in cells],
                Provenance(page=page, row=r),
                after_break=r == 0 and page > 1,
            )
            for r, cells in enumerate(rows)
        ],
        Provenance(page=page),
    )


def test_a_repeated_header_that_took_the_cut_rows_first_lines_gives_them_back() -> None:
    # seed004 drawn without lines (samples/pdf/unruled/): a narrow task column, so the first
    # lines of the row the page break cut read as going on from the repeated header's
    # 具体任务; and the rest of that row's text comes as a row of its own
    from fengong.document import Document
    from fengong.interpret.plan import document_to_plan
    from fengong.schema import Source

    header = ["工作事项", "具体任务", "牵头及责任单位", "完成时间节点"]
    page1 = _page_table(1, [
        header,
        ["一、着力加强公开解读回应工作", "7.分批制定政府数据年度开放清单,优", "办公室牵头,各处室配合", "全年"],
    ])  # fmt: skip
    page2 = _page_table(2, [
        ["工作事项", "具体任务\n先开放群众关注\n度高的重点领域", "牵头及责任单位", "完成时间节点"],
        ["", "数据集、数据接\n口和数据应用。", "", ""],
        ["", "8.要把重点领域信息公开纳入主动公开基本目录。", "办公室牵头,各处室配合", "全年"],
    ])  # fmt: skip
    doc = Document([page1, page2], "pdf")
    plan = document_to_plan(doc, Source(format="pdf", sha256="0" * 64))
    assert [t.text for t in plan.tasks] == [
        "分批制定政府数据年度开放清单,优先开放群众关注度高的重点领域数据集、数据接口和数据应用。",
        "要把重点领域信息公开纳入主动公开基本目录。",
    ]
    assert all(t.section == ["一、着力加强公开解读回应工作"] for t in plan.tasks)
