"""Reading rules demanded by the real plans of tests/corpus/, each on a small fragment of
one of them (the corpus document is named). The whole corpus is scored by
benchmarks/accuracy.py; tests/test_accuracy.py keeps its totals from falling."""

from __future__ import annotations

from fengong.document import Table
from fengong.interpret.headers import header_to_roles, label_kind
from fengong.interpret.numbering import split_numbering
from fengong.interpret.units import (
    looks_like_units,
    parse_responsibility,
    split_run_together,
    split_units,
)
from fengong.parsers.text import TextReader, read_text
from fengong.pipeline import parse_bytes
from fengong.textnorm import remove_pinyin, simplify


def _rows(text: str) -> list[list[str]]:
    tables = [b for b in read_text(text).blocks if isinstance(b, Table)]
    assert len(tables) == 1
    return [r.texts() for r in tables[0].rows]


def _tasks(text: str) -> list[dict]:
    plan = parse_bytes(text.encode("utf-8"), "fragment.txt")
    return [t.model_dump() for t in plan.tasks]


# --- pipe tables (03, 13, 54, 01) -----------------------------------------------------


def test_pipe_rows_one_per_line_with_a_lone_pipe_for_an_empty_cell() -> None:
    # 03: every cell ends in |, the empty 备注 cell is a | on its own line
    text = (
        "序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 | 备注 |\n"
        "1 | 做好常态化疫情防控信息发布 | 重点围绕散发疫情发布权威信息 | 应急处、疾控处 | 长期推进 |\n"
        "|\n"
        "2 | 扎实做好疫苗接种信息公开 | 疾控处 | 长期推进 |\n"
        "|\n"
    )
    rows = _rows(text)
    assert rows[0] == ["序号", "工作任务", "细化分工", "责任处室", "完成时限", "备注"]
    assert rows[1][:5] == [
        "1",
        "做好常态化疫情防控信息发布",
        "重点围绕散发疫情发布权威信息",
        "应急处、疾控处",
        "长期推进",
    ]
    assert rows[2][:4] == ["2", "扎实做好疫苗接种信息公开", "疾控处", "长期推进"]


def test_pipe_cells_one_per_line_padded_rows_are_placed_by_content() -> None:
    # 54: one cell per line; a merge's covered cells are printed as padding at the row's end
    text = (
        "序号\n|\n项目\n|\n重点工作目标任务\n|\n牵头领导\n|\n责任单位\n|\n"
        "1\n|\n主要预期目标\n|\n1.地区生产总值增长5%以上。\n|\n钱 宇\n|\n★区发改委、统计局\n|\n"
        "2.一般公共预算收入同口径增长6%以上。\n|\n★区财政局、税务局\n|\n|||\n"
    )
    tasks = _tasks(text)
    assert [t["text"] for t in tasks] == [
        "地区生产总值增长5%以上。",
        "一般公共预算收入同口径增长6%以上。",
    ]
    assert tasks[1]["responsible"] == ["★区财政局", "税务局"]
    assert tasks[1]["leaders"] == ["钱宇"]  # the merged cell above continues


def test_markdown_pipe_rows_with_the_grouping_cell_only_on_the_first_row() -> None:
    # 01: | a | b | c | rows, the 工作任务 cell printed once for its group
    text = (
        "|\n工作任务\n|\n具体内容\n|\n责任部门\n|\n"
        "|\n推进政策公开\n|\n常态化公开就业、住房、教育等领域信息。\n|\n财政所、便民综合服务中心\n|\n"
        "|\n积极探索特定群体的线下公开渠道,持续发布相关政策文件。\n|\n便民综合服务中心\n|\n"
    )
    tasks = _tasks(text)
    assert len(tasks) == 2
    assert tasks[1]["text"].startswith("积极探索")
    assert tasks[1]["responsible"] == ["便民综合服务中心"]


def test_table_printed_one_cell_per_line_rows_start_at_numbers() -> None:
    # 52: a web table copied with each cell on a line of its own
    text = (
        "序号\n\n项目内容\n\n当前进度\n\n牵头单位\n\n备注\n\n"
        "1\n\n新(改、扩)建公办园5所,新增公办幼儿学位1000个。\n\n80%\n\n县教育局\n\n市民生实事\n\n"
        "2\n\n建设四好农村路55公里。\n\n95%\n\n县交通局\n\n县民生实事\n\n"
        "3\n\n完成农村公路大中修70公里。\n\n90%\n\n县交通局\n\n县民生实事\n"
    )
    tasks = _tasks(text)
    assert [t["lead"] for t in tasks] == [["县教育局"], ["县交通局"], ["县交通局"]]


# --- headers (13, 42) ---------------------------------------------------------------------


def test_task_column_from_a_header_outside_the_synonyms() -> None:
    roles = header_to_roles(
        ["序号", "目标与任务", "牵头责任单位", "责任单位"],
        [["(1)", "地区生产总值增长6%以上。", "市发展改革委", "各县市区政府"]],
    )
    assert roles == ["number", "task", "lead", "responsible"]


def test_task_column_from_content_when_no_header_names_it() -> None:
    roles = header_to_roles(
        ["考核指标", "年度目标", "责任部门"],
        [["农林牧渔业增加值增幅", "≥2%", "县海洋与渔业局"]],
    )
    assert roles[0] == "task" and roles[2] == "responsible"


def test_a_table_with_no_task_is_reported_not_dropped_silently() -> None:
    text = "序号\t责任单位\t完成时限\n1\t市财政局\t6月底前\n2\t市审计局\t年底前\n"
    plan = parse_bytes(text.encode(), "x.txt")
    assert not plan.tasks
    assert any(w.code == "table-not-recognised" for w in plan.warnings)


# --- units (44, 02, 13) --------------------------------------------------------------------


def test_units_one_per_line_are_separate() -> None:
    r = parse_responsibility("区教体局\n东孝街道\n孝顺镇", "support")
    assert r.support == ["区教体局", "东孝街道", "孝顺镇"]


def test_a_name_wrapped_by_a_narrow_pdf_cell_stays_one() -> None:
    r = parse_responsibility("市政府办、市编办、市委\n宣传部", "lead")
    assert r.lead == ["市政府办", "市编办", "市委宣传部"]


def test_units_run_together_are_split_and_warned() -> None:
    assert split_run_together("县发改局县财政局各乡镇人民政府") == [
        "县发改局",
        "县财政局",
        "各乡镇人民政府",
    ]
    assert split_run_together("市委市政府督查室") == ["市委市政府督查室"]
    # 180: the member units of a committee are one collective, not the committee and 各成员单位
    assert split_run_together("市旅游发展委员会各成员单位") == ["市旅游发展委员会各成员单位"]
    r = parse_responsibility("县发改局县财政局", "responsible")
    assert r.responsible == ["县发改局", "县财政局"] and r.guesses


def test_a_split_of_names_printed_together_is_a_warning() -> None:
    text = "序号\t工作任务\t责任单位\n1\t完善农村道路养护机制。\t县交通局县财政局\n"
    plan = parse_bytes(text.encode(), "x.txt")
    assert plan.tasks[0].responsible == ["县交通局", "县财政局"]
    assert [w.code for w in plan.warnings if w.code == "units-split"] == ["units-split"]


def test_he_before_a_bare_body_keeps_one_unit() -> None:
    assert parse_responsibility("开发区党工委和管委会").responsible == ["开发区党工委和管委会"]
    assert parse_responsibility("各区党委和政府").responsible == ["各区党委和政府"]


def test_luoshi_tails_are_role_words() -> None:
    r = parse_responsibility("市政府办公室牵头，市直有关部门配合；各镇（街）参照落实")
    assert r.lead == ["市政府办公室"]
    assert r.support == ["市直有关部门"]
    assert r.responsible == ["各镇（街）"]


# --- prose (15, 33, 11, 30) -----------------------------------------------------------------


def test_labelled_lines_after_an_item() -> None:
    text = (
        "一、经济社会发展主要目标\n1.地区生产总值增长6.5%以上。\n牵头领导:刘兴达\n"
        "牵头单位:市发展和改革局\n责任单位:各有关部门,各开发区、镇(街道)\n"
        "2.一般公共预算收入增长8%以上。\n牵头领导:刘兴达\n牵头单位:市财政局\n责任单位:各有关部门\n"
    )
    tasks = _tasks(text)
    assert tasks[0]["lead"] == ["市发展和改革局"]
    assert tasks[0]["responsible"] == ["各有关部门", "各开发区、镇（街道）"]
    assert tasks[0]["leaders"] == ["刘兴达"]
    assert tasks[1]["lead"] == ["市财政局"]


def test_inline_label_closing_the_item() -> None:
    text = (
        "(四)环境建设\n1.受保护地区面积占国土面积比例。责任单位:市环境保护局,配合单位:市林业局;\n"
        "2.建成区绿化覆盖率。责任单位:市城市管理行政执法局;\n"
    )
    tasks = _tasks(text)
    assert tasks[0]["responsible"] == ["市环境保护局"] and tasks[0]["support"] == ["市林业局"]
    assert tasks[1]["text"].startswith("建成区绿化覆盖率")


def test_items_run_together_on_one_line_and_bare_unit_brackets() -> None:
    text = (
        "各县、市、区人民政府: 现将任务分解给你们。 一、主要工作目标 1、地区生产总值增长11%"
        "(市发改委,各县市区政府,荆州开发区)。 2、固定资产投资增长25%(市发改委,荆州开发区)。\n"
    )
    tasks = _tasks(text)
    assert [t["responsible"] for t in tasks] == [
        ["市发改委", "各县市区政府", "荆州开发区"],
        ["市发改委", "荆州开发区"],
    ]
    assert tasks[0]["section"] == ["一、主要工作目标"]


def test_an_inline_labels_units_end_with_its_sentence() -> None:
    # 122, 131: ``项目,牵头部门:X。`` then a remark on the progress naming lagging counties
    text = (
        "二、各项民生工程进展情况\n"
        "1、农村道路畅通工程,牵头部门:市交通局。建设进度相对较慢的县区为舒城县。\n"
        "2、技能培训提升,牵头单位:市退役军人局。其中,退役军人技能培训提升进度较慢的为叶集区。\n"
        "3、城乡困难群体法律援助,牵头部门:市司法局;配合部门:市财政局。\n"
    )
    tasks = _tasks(text)
    assert [(t["lead"], t["support"]) for t in tasks] == [
        (["市交通局"], []), (["市退役军人局"], []), (["市司法局"], ["市财政局"]),
    ]  # fmt: skip


def test_unit_paragraphs_run_together_with_a_comma_after_the_unit() -> None:
    # 123: a copy that lost its line breaks, single spaces between the paragraphs
    text = (
        "(六)明确部门职责。 教育部门,负责试点嘎查村义务教育、职业教育和成人教育。 "
        "水利部门,负责指导防洪、排涝、抗旱工作,组织试点嘎查村饮水安全工程和农田水利建设。 "
        "科技部门,负责科技培训和科技服务工作。 "
        "人劳部门,负责劳动力技能培训,社保体系建设,协助劳动力的输出转移工作。\n"
    )
    tasks = _tasks(text)
    # 人劳部门 names a body (人 is no role word but in 责任人 / 负责人)
    assert [t["responsible"] for t in tasks] == [
        ["教育部门"],
        ["水利部门"],
        ["科技部门"],
        ["人劳部门"],
    ]
    assert tasks[1]["text"].startswith("负责指导防洪")


# --- traditional script and pinyin (20, 02) --------------------------------------------


def test_traditional_role_words_read_through_the_shadow() -> None:
    assert simplify("牽頭單位：區財政局") == "牵头单位：区财政局"
    r = parse_responsibility("區財政局牽頭，各鎮（街）配合")
    assert r.lead == ["區財政局"] and r.support == ["各鎮（街）"]


def test_pinyin_readings_are_removed_with_a_warning() -> None:
    assert remove_pinyin("負(fù)責 合作(PPP)項目") == ("負責 合作(PPP)項目", 1)
    doc = TextReader().read("1.完善制度。(區(qū)財政局負(fù)責)\n".encode())
    assert any(code == "pinyin-removed" for code, _, _ in doc.notes)


# --- unit labels and unit headings (60, 61, 62, 70, 75) --------------------------------


def test_paragraphs_opening_with_a_unit_label_are_that_units_tasks() -> None:
    # 70: under a chapter, each paragraph names its district and a colon, then its duties
    text = (
        "二、区县政府专项任务\n"
        "玄武区:实施PCO服务模式街道2个,达到市级考核验收要求。\n"
        "江宁区:新增无害化卫生户厕10000座。\n"
    )
    tasks = _tasks(text)
    assert [t["text"] for t in tasks] == [
        "实施PCO服务模式街道2个,达到市级考核验收要求。",
        "新增无害化卫生户厕10000座。",
    ]
    assert [t["responsible"] for t in tasks] == [["玄武区"], ["江宁区"]]
    assert all(t["section"] == ["二、区县政府专项任务"] for t in tasks)


def test_unit_labels_run_on_in_one_line_and_the_addressee_line_is_not_a_task() -> None:
    # 60 (a copy that lost its line breaks) and 22 (the addressees above the notice)
    text = (
        "国务院有关部门:\n"
        "为加强领导,现将职责通知如下,请遵照执行。  卫生部:负责组织制定防治规划;负责疫情监测。"
        "  教育部:负责开展宣传教育活动。\n"
    )
    tasks = _tasks(text)
    assert [t["text"] for t in tasks] == [
        "负责组织制定防治规划;负责疫情监测。",
        "负责开展宣传教育活动。",
    ]
    assert [t["responsible"] for t in tasks] == [["卫生部"], ["教育部"]]


def test_a_numbered_item_naming_its_unit_before_a_full_stop() -> None:
    # 61: (二十一)市公安局。负责…; a full stop closes a label only before the duty
    text = (
        "(二十一)市公安局。负责对全市社会治安综合治理方面的调研。\n"
        "(二十二)煤矿安全督查组。由市煤炭工业局1名县级领导带队。\n"
    )
    tasks = _tasks(text)
    assert [(t["text"], t["responsible"]) for t in tasks] == [
        ("负责对全市社会治安综合治理方面的调研。", ["市公安局"]),
        # not a label (由… follows the stop); the group is the task, the leading unit carries it
        ("煤矿安全督查组。由市煤炭工业局1名县级领导带队。", ["市煤炭工业局"]),
    ]


def test_a_leading_group_named_as_the_label_is_a_unit_not_a_leader() -> None:
    # 75: 领导小组 is a body; 领导 alone in a label means people
    tasks = _tasks(
        "二、工作职责\n省政府血地防领导小组成员单位:对定点联系地区血防工作进行督查指导。\n"
    )
    assert tasks[0]["responsible"] == ["省政府血地防领导小组成员单位"]
    assert tasks[0]["leaders"] == []


def test_items_under_a_line_naming_one_unit_are_its_tasks() -> None:
    # 62: page 2 starts inside one unit's list; 市卫生局 on a line of its own heads the next
    text = (
        "八、推进特殊教育学校的整体发展水平。\n"
        "市卫生局\n"
        "一、开展助产机构清理整顿工作,坚决打击、取缔非法接生;\n"
        "并进行助产人员资格审查及重新注册。\n"
        "二、继续加强妇女孕产期保健工作。\n"
    )
    tasks = _tasks(text)
    assert [t["number"] for t in tasks] == ["一", "二"]
    assert tasks[0]["text"].endswith("并进行助产人员资格审查及重新注册。")
    assert all(t["responsible"] == ["市卫生局"] and t["section"] == [] for t in tasks)


def test_a_chapter_number_closes_deeper_items_printed_before_it() -> None:
    # 70: the copy starts at item (七) of chapter 一; 二、 is not nested under (七)
    text = "(七)做好应急处理保障工作。\n二、区县政府专项任务\n玄武区:实施PCO服务模式街道2个。\n"
    assert _tasks(text)[0]["section"] == ["二、区县政府专项任务"]


# --- tables with white space between cells (22, 51) ----------------------------------------


def test_a_table_with_spaces_between_cells_and_a_letter_spaced_header() -> None:
    # 22: 序号 工 作 任 务 牵头负责部门, one row per line
    text = (
        "2016年《政府工作报告》量化指标任务分工\n"
        "序号 工 作 任 务 牵头负责部门\n"
        "1 居民消费价格涨幅3%左右 发展改革委\n"
        "2 城镇新增就业1000万人以上 人力资源社会保障部\n"
        "3 安排财政赤字2.18万亿元,赤字率提高到3% 财政部\n"
    )
    assert _rows(text)[0] == ["序号", "工作任务", "牵头负责部门"]
    tasks = _tasks(text)
    assert [t["lead"] for t in tasks] == [["发展改革委"], ["人力资源社会保障部"], ["财政部"]]
    assert tasks[2]["text"] == "安排财政赤字2.18万亿元,赤字率提高到3%"


def test_a_space_table_whose_header_ends_a_long_line_with_a_section_row() -> None:
    # 51: the notice, the title and the header run together; rows apart by blank lines
    text = (
        "附件:常熟市2018年政府工作任务分解表 常熟市2018年政府工作任务分解表 序号 名称 工作任务 牵头责任单位\n"
        "\n一、经济社会发展主要预期目标分解(11项)\n"
        "\n1 地区生产总值增长7%以上,服务业增加值占GDP比重47.1%. 发改委\n"
        "\n2 一般公共预算收入增长8%以上. 财政局\n"
        "\n3 全社会固定资产投资额550亿元. 发改委、经信委、科技局\n"
        "\n5 高新技术产业产值增长10%. 科技局\n"
    )
    tasks = _tasks(text)  # 5 does not follow 3: the table ends before it
    assert [t["lead"] for t in tasks] == [["发改委"], ["财政局"], ["发改委", "经信委", "科技局"]]
    assert tasks[0]["section"] == ["一、经济社会发展主要预期目标分解(11项)"]


def test_a_pipe_table_is_not_a_space_table() -> None:
    # 38: 序号 | 职责部门 | … has spaces between its pipes
    text = (
        "序号 | 职责部门 | 职责名称 | 职责依据 | |\n"
        "1 | 县应急局 | 负责煤矿安全生产监督管理 | 县应急局“三定”规定 | |\n"
        "2 | 县应急局 | 负责煤矿矿井地下部分消防安全监管 | 《消防法》第四条 | |\n"
        "3 | 县能源局 | 负责煤矿建设项目竣工验收监管 | 《矿山安全法》第八条 | |\n"
    )
    assert "|" not in "".join(_rows(text)[1])


# --- columns decided by content in Word copies (03, 42, 46, 50, 80, 44) -------------------


def test_a_sentence_column_under_an_unknown_header_is_finer_than_a_merged_task_column() -> None:
    # 03: 工作任务 merged over several rows of 细化分工 (a header outside the synonyms)
    body = [
        [
            "1",
            "做好常态化疫情防控信息发布",
            "重点围绕散发疫情发布权威信息",
            "应急处、疾控处",
            "长期推进",
        ],
        [
            "2",
            "做好常态化疫情防控信息发布",
            "扎实做好疫苗接种信息公开和舆论引导",
            "疾控处",
            "长期推进",
        ],
        [
            "3",
            "做好常态化疫情防控信息发布",
            "提高新冠肺炎疫情信息发布规范化水平",
            "宣传处",
            "8月前",
        ],
    ]
    labels = ["序号", "工作任务", "细化分工", "责任处室", "完成时限"]
    assert header_to_roles(labels, body) == ["number", "section", "task", "responsible", "deadline"]


def test_a_measurement_unit_column_and_a_scoring_department_are_not_units() -> None:
    # 42: 考核项目 | 序号 | 考核指标 | 考核内容 | 单位 | 年度目标 | 责任部门 | 评分部门; the two text
    # columns are both outside the task synonyms: the one merged over the other's rows groups
    body = [
        ["农业高质高效", "1", "确保粮食和重要农产品有效供给", "农林牧渔业增加值增幅", "%", "≥2%",
         "县农业农村局", "市农业农村局"],
        ["", "2", "", "农业劳动生产率及增幅", "万元/人", "全市统筹", "县农业农村局", "市农业农村局"],
        ["", "3", "", "粮食安全责任制", "-", "良好以上", "县经济和信息化局", "市商务局"],
    ]  # fmt: skip
    labels = [
        "考核项目",
        "序号",
        "考核指标",
        "考核内容",
        "单位",
        "年度目标",
        "责任部门",
        "评分部门",
    ]
    roles = header_to_roles(labels, body)
    assert roles[:4] == ["section", "number", "section", "task"]
    assert roles[4] == "extra" and roles[6] == "responsible" and roles[7] == "extra"


def test_a_grouping_column_with_a_header_outside_the_synonyms_is_a_section() -> None:
    # 50: 序号 | 指标 | 工作任务 | …, 指标 merged over its tasks
    body = [
        ["1", "公共文化服务", "“两馆一站”免费开放服务人次较上年增长15%。", "文化宣传股"],
        ["2", "", "全年组织开展文化下乡等惠民演出不少于100场。", "文化馆"],
        ["3", "文化产业", "培育规模以上文化服务企业1家。", "文化市场股"],
    ]
    assert header_to_roles(["序号", "指标", "工作任务", "责任股室(单位)"], body)[1] == "section"


def test_a_person_in_charge_column_holds_leaders() -> None:
    # 46: 负责人 names a person
    body = [["1", "新增老年食堂15个", "区民政局", "养老服务科", "何滢"]] * 2
    assert (
        header_to_roles(["序号", "项目内容", "牵头单位", "负责科室", "负责人"], body)[4]
        == "leaders"
    )


def test_unit_names_apart_by_a_space_and_one_per_line_of_differing_lengths() -> None:
    # 80: 安监站 安监所 in one cell; 44: a unit per paragraph, lines of differing lengths
    assert parse_responsibility("安监站 安监所").responsible == ["安监站", "安监所"]
    assert parse_responsibility("区 发改局").responsible == ["区发改局"]  # letter spacing
    units = parse_responsibility("东孝街道\n孝顺镇\n区发改局\n金义新区发展集团\n区城投集团")
    assert units.responsible == ["东孝街道", "孝顺镇", "区发改局", "金义新区发展集团", "区城投集团"]


def test_a_numbered_heading_right_above_a_table_is_its_tasks_outer_section() -> None:
    # 13: 一、市政府重点工作任务, then the table with its own section rows
    text = (
        "一、市政府重点工作任务\n"
        "序号 | 目标与任务 | 牵头责任单位 | 责任单位 |\n"
        "一、主要预期目标 |\n"
        "(1) | 地区生产总值增长6%以上。 | 市发展改革委 | 各县市区政府 |\n"
        "(2) | 固定资产投资增长6%左右。 | 市发展改革委 | 各县市区政府 |\n"
    )
    tasks = _tasks(text)
    assert [t["section"] for t in tasks] == [["一、市政府重点工作任务", "一、主要预期目标"]] * 2


def test_a_header_naming_few_columns_padded_at_its_end_is_placed_by_content() -> None:
    # 04: the header names 2 of 4 columns; rows after a merge are printed shifted left
    text = (
        "具 体 要 求 | 责任科室 | ||\n"
        "一、围绕中心工作抓好主动公开。 | 1 | 紧扣民生领域,深化卫生健康、社会保障等民生领域信息公开。"
        " | 办公室牵头,局各股室、局属各中心配合 |\n"
        "二、围绕提质增效抓好政策解读 | 2 | 严格落实政策解读与政策文件同步起草的工作要求。"
        " | 办公室牵头,局各股室、局属各中心配合 |\n"
        "3 | 科学确定解读范围,对重大政策文件做到应解读尽解读。 | 办公室牵头,局各股室配合 | |\n"
    )
    tasks = _tasks(text)
    assert [t["number"] for t in tasks] == ["1", "2", "3"]
    assert tasks[2]["text"].startswith("科学确定解读范围")
    assert tasks[2]["lead"] == ["办公室"] and tasks[2]["support"] == ["局各股室"]


def test_a_duty_list_with_the_unit_first_and_a_basis_column() -> None:
    # 38: 序号 | 职责部门 | 职责名称 | 职责依据
    text = (
        "序号 | 职责部门 | 职责名称 | 职责依据 | |\n"
        "1 | 县应急局 | 负责煤矿安全生产监督管理 | 县应急局“三定”规定 | |\n"
        "2 | 县应急局 | 负责煤矿矿井地下部分消防安全监管 | 《中华人民共和国消防法》第四条 | |\n"
        "3 | 县能源局 | 负责煤矿建设项目竣工验收监管 | 《中华人民共和国矿山安全法》第八条、第十二条 | |\n"
    )
    tasks = _tasks(text)
    assert next(t["text"] for t in tasks) == "负责煤矿安全生产监督管理"
    assert [t["responsible"] for t in tasks] == [["县应急局"], ["县应急局"], ["县能源局"]]


def test_every_role_decided_by_the_cells_is_said() -> None:
    # 38: no header names the task; 职责名称 becomes it from its cells
    text = (
        "序号 | 职责部门 | 职责名称 | 职责依据 | |\n"
        "1 | 县应急局 | 负责煤矿安全生产监督管理 | 县应急局“三定”规定 | |\n"
        "2 | 县应急局 | 负责煤矿矿井地下部分消防安全监管 | 《中华人民共和国消防法》第四条 | |\n"
        "3 | 县能源局 | 负责煤矿建设项目竣工验收监管 | 《中华人民共和国矿山安全法》第八条 | |\n"
    )
    plan = parse_bytes(text.encode("utf-8"), "duties.txt")
    assert [(c.header, c.role, c.from_content) for c in plan.columns][1:4] == [
        ("职责部门", "responsible", False),
        ("职责名称", "task", True),
        ("职责依据", "extra", False),
    ]
    (warning,) = [w for w in plan.warnings if w.code == "column-role-from-content"]
    assert "职责名称" in warning.message and "task" in warning.message


def test_rows_numbered_under_a_header_without_a_number_label() -> None:
    # 63: `| 目标 | 任务内容 | …` over rows starting with a bare number; the grouping cell is
    # printed on a group's first row only, so most rows are one cell short
    text = (
        "| 目标\n| 任务内容\n| 牵头部门\n| 配合部门\n| 五年目标任务\n|\n"
        "1\n| 综合指标\n| R&D经费支出占GDP比重(%)\n| 市科技局\n| 市统计局、市财政局\n| 2.2%\n|\n"
        "2\n| 拥有发明专利(件)\n| 市知识产权局\n| 高新区、各县(区)\n| 4200\n|\n"
        "3\n| 一、企业自主创新能力提升工程\n| 开发工业新产品(个)\n| 市工信委\n| 市科技局、高新区\n| 320\n|\n"
    )
    tasks = _tasks(text)
    assert [t["number"] for t in tasks] == ["1", "2", "3"]
    assert [t["lead"] for t in tasks] == [["市科技局"], ["市知识产权局"], ["市工信委"]]
    assert tasks[1]["text"] == "拥有发明专利(件)"


# --- units named in the closing sentences (35, SPEC: Reading prose) -----------------------


def test_closing_sentences_that_name_units_with_their_roles() -> None:
    text = (
        "一、重点任务\n"
        "1.完善政务公开制度。由市政府办牵头，市财政局配合。\n"
        "2.推进决策公开。市发改委会同市财政局负责。\n"
        "3.加强政策解读。市发改委、市财政局牵头，各区按职责分工负责。\n"
        "4.加强组织领导，确保落实。\n"
        "5.制作公益宣传广告。分别由各建设单位、施工生产企业负责,由各安监站负责督促落实。\n"
    )
    tasks = _tasks(text)
    assert [t["number"] for t in tasks] == ["1", "2", "3", "5"]  # 4 names no unit
    assert (tasks[0]["lead"], tasks[0]["support"]) == (["市政府办"], ["市财政局"])
    assert (tasks[1]["responsible"], tasks[1]["support"]) == (["市发改委"], ["市财政局"])
    assert (tasks[2]["lead"], tasks[2]["responsible"]) == (["市发改委", "市财政局"], ["各区"])
    assert tasks[3]["responsible"] == ["各建设单位", "施工生产企业", "各安监站"]
    assert tasks[0]["text"] == "完善政务公开制度。由市政府办牵头，市财政局配合。"


def test_and_between_two_whole_names_splits_inside_a_name_it_stays() -> None:
    # 35: 市建设工程安全监督站和天河区建设和水务局
    units = parse_responsibility("市建设工程安全监督站和天河区建设和水务局", "support")
    assert units.support == ["市建设工程安全监督站", "天河区建设和水务局"]
    assert parse_responsibility("住房和城乡建设局和交通运输局").responsible == [
        "住房和城乡建设局",
        "交通运输局",
    ]
    assert parse_responsibility("开发区党工委和管委会").responsible == ["开发区党工委和管委会"]


def test_a_task_column_left_empty_gives_way_to_the_text_column_that_holds_the_tasks() -> None:
    # 81: 领域 (the header's task column) was merged and lost; 主要目标 holds the tasks;
    # 主要责任单位 is the main unit: lead
    body = [
        ["1.妇女在整个生命周期享有良好的基本卫生服务。", "", "", ""],
        ["", "——女性人均预期寿命延长。", "省卫生厅", "省发改委\n省财政厅"],
        ["", "——孕产妇死亡率控制在15/10万以内。", "省卫生厅", "省公安厅"],
        ["", "3.妇女享有优质避孕节育计生服务。", "省计生委", "省卫生厅"],
    ]
    roles = header_to_roles(["领域", "主要目标", "主要责任单位", "责任单位"], body)
    assert roles == ["extra", "task", "lead", "responsible"]


# --- dashes and bullets (21, 12, 48) ------------------------------------------------------


def test_dash_items_are_items_and_a_dash_heading_heads_numbered_ones() -> None:
    # 21: --item lines under (二); 12: ——sub-heading over numbered items; 48: • chrome line
    text = (
        "• 政府信息公开\n"
        "(二)推进审批制度改革\n"
        "--配合系统建设,抓紧研究制订相关配套管理制度。(市法制局牵头,具体职能部门负责起草)\n"
        "--开展优化审批流程。(市发改局、监察局、法制局牵头,相关单位负责)\n"
        "  ——推进教育高质量发展\n"
        "  204.推进学前教育优质普惠发展。(责任单位:市教育局)\n"
    )
    tasks = _tasks(text)
    assert [t["number"] for t in tasks] == [None, None, "204"]
    assert tasks[0]["text"].startswith("配合系统建设")
    assert (tasks[0]["lead"], tasks[0]["responsible"]) == (["市法制局"], ["具体职能部门"])
    assert tasks[0]["section"] == ["(二)推进审批制度改革"]
    assert tasks[2]["section"] == ["(二)推进审批制度改革", "——推进教育高质量发展"]


def test_a_cooperating_units_label_is_support() -> None:
    # 48: 牵头责任单位: / 主要协作单位: lines after the item
    text = (
        "1.落实积极应对人口老龄化国家战略,加快发展健康服务业。\n"
        "牵头责任单位:县卫健委、县民政局\n"
        "主要协作单位:各乡镇人民政府、经济开发区管委会\n"
    )
    (task,) = _tasks(text)
    assert task["lead"] == ["县卫健委", "县民政局"]
    assert task["support"] == ["各乡镇人民政府", "经济开发区管委会"]


def test_a_unit_leading_a_team_and_people_counted_by_rank() -> None:
    # 36: 由X1名县级领导带队,2名专业人员参加: X carries the inspection; the people are none
    text = (
        "五、督查分组\n"
        "(一)煤矿安全督查组。由市煤炭工业局1名县级领导带队,2名专业人员参加。\n"
        "(二)非煤矿山安全督查组。由市安监局1名县级领导带队,2名专业人员参加。\n"
    )
    tasks = _tasks(text)
    assert [(t["responsible"], t["leaders"], t["support"]) for t in tasks] == [
        (["市煤炭工业局"], [], []),
        (["市安监局"], [], []),
    ]
    assert tasks[0]["text"].startswith("煤矿安全督查组。由市煤炭工业局")


def test_units_named_in_the_first_sentence_after_the_items_heading_phrase() -> None:
    # 37: (三)X专项整治,由公安、交通部门负责,有关部门配合。要继续加大…
    text = (
        "(三)道路交通安全专项整治,由公安、交通部门负责,有关部门配合。要继续加大违法行为的整治力度。\n"
        "(四)公众聚集场所消防安全专项整治,由公安部门负责,有关部门配合。要坚决整治重大火灾隐患。\n"
        "(五)加强组织领导,由县长任组长,各部门负责同志为成员。\n"
    )
    tasks = _tasks(text)
    assert [(t["responsible"], t["support"]) for t in tasks] == [
        (["公安、交通部门"], ["有关部门"]),
        (["公安部门"], ["有关部门"]),
    ]
    assert tasks[0]["text"].endswith("要继续加大违法行为的整治力度。")


def test_a_pipe_table_page_that_starts_inside_the_table_with_units_one_per_line() -> None:
    # 32: the page starts at row 7 under a repeated header; unit cells run over four lines
    text = (
        "序号\n| 项目内容\n| 工 作 要 求\n| 责任单位\n|\n"
        "7\n| 污水处理厂和\n管网工程建设\n| 完成征润洲污水处理厂技术改造。\n| 市建设局\n|\n"
        "8\n| 大港污水处理厂扩建工程2008年6月底前投入运行。\n| 市建设局\n镇江新区管委会\n|\n"
        "9\n| 丹阳市石城污水处理厂除磷脱氮改造工程年底前建成投入运行。\n"
        "| 丹阳市政府\n句容市政府\n丹徒区政府\n市建设局\n|\n"
    )
    rows = _rows(text)
    assert [r[0] for r in rows] == ["序号", "7", "8", "9"]
    assert rows[3][-1] == "丹阳市政府\n句容市政府\n丹徒区政府\n市建设局"


def test_header_labels_broken_over_two_lines_are_joined_when_the_rows_say_so() -> None:
    # 130: one cell per paragraph; '牵头责任' / '单位' and '落实情况' / '(全年)' are two labels
    # each broken over two paragraphs: six columns printed as eight header paragraphs
    text = (
        "序号\n\n督查内容\n\n牵头责任\n\n单位\n\n协同责任单位\n\n落实情况\n\n(全年)\n\n完成状态\n\n"
        "1\n\n地区生产总值增长8.5%以上。\n\n市发改委\n\n市政府各部门、各直属机构。\n\n"
        "全年地区生产总值增长11%,居全省第2位\n\n已完成\n\n"
        "2\n\n规上工业增加值增长9.5%以上。\n\n市经信局\n\n市发改委、市税务局、六安供电公司等。\n\n"
        "全年规上工业增加值同比增长15.5%。\n\n已完成\n\n"
        "3\n\n全员劳动生产率46000元/人以上\n\n市发改委\n\n市政府各部门、各直属机构。\n\n"
        "预计达到78000元/人。\n\n已完成\n\n"
    )
    assert _rows(text)[0] == [
        "序号", "督查内容", "牵头责任单位", "协同责任单位", "落实情况(全年)", "完成状态",
    ]  # fmt: skip
    tasks = _tasks(text)
    assert tasks[1]["lead"] == ["市经信局"]
    assert tasks[1]["support"] == ["市发改委", "市税务局", "六安供电公司"]


def test_a_column_no_row_prints_is_left_out_where_the_cells_say() -> None:
    # 125: '牵头' / '部门' and '完成' / '时间' are labels broken over two paragraphs, and
    # every row leaves out the empty 项目类别 column ('项目' / '类别'): its cells fit the
    # header without it
    text = (
        "序号\n\n项目\n\n类别\n\n具 体 内 容\n\n牵头\n\n部门\n\n相关责任部门\n\n完成\n\n时间\n\n"
        "108\n\n继续全面推进素质教育\n\n教育局\n\n13个街道、镇\n\n2010年\n\n"
        "109\n\n深化推进二期课程教材改革\n\n教育局\n\n相关部门\n\n2010年\n\n"
        "110\n\n加强0- 3岁婴幼儿教育\n\n教育局\n\n人口计生委等相关部门,13个街道、镇\n\n2010年\n\n"
    )
    assert "牵头部门" in _rows(text)[0] and "完成时间" in _rows(text)[0]
    tasks = _tasks(text)
    assert [t["text"] for t in tasks][:2] == ["继续全面推进素质教育", "深化推进二期课程教材改革"]
    assert tasks[2]["lead"] == ["教育局"]
    assert tasks[2]["responsible"] == ["人口计生委", "13个街道、镇"]
    assert tasks[0]["deadline"]["raw"] == "2010年"


def test_a_progress_column_between_the_task_and_its_units_is_not_the_task() -> None:
    # 120: 项目内容 numbered 1.–4. within each project, then 进展情况, then the lead unit
    text = (
        "序号 | 项 目 名 称 | 项 目 内 容 | 进展情况 | 牵头单位 |\n"
        "1 | 城市空间开发利用项目 | 1.完成10处以上城市退红线区域的移交和改造; | 确定今年移交和改造的退红线区域 | 建设局 |\n"
        "2 | 2.完成平湖市公路桥梁桥下空间利用规划方案,先行实施5个以上桥下空间开发改造。 | 完成规划方案初稿编撰 | 交通运输局 |\n"
        "3 | “一老一小”暖心关爱项目 | 1.新增社区老年食堂3家; | 社区食堂施工推进中 | 民政局 |\n"
        "4 | 2.新增认知障碍照护专区2个、认知障碍专区照护床位50张; | 新增认知障碍照护专区已完成建设方案设计 | 民政局 医保局 |\n"
    )
    tasks = _tasks(text)
    starts = ["完成10处", "完成平湖市", "新增社区", "新增认知"]
    assert [t["text"].startswith(w) for t, w in zip(tasks, starts, strict=True)] == [True] * 4
    assert tasks[1]["section"] == ["城市空间开发利用项目"] and tasks[3]["lead"] == [
        "民政局",
        "医保局",
    ]


def test_a_unit_name_broken_over_two_lines_of_a_cell_is_one_name() -> None:
    # 129: one cell per line; '市生态' / '环境局' is one unit cell the copy broke in two, while
    # a task cell ending in a unit's suffix is no such fragment
    text = (
        "序号\n重点工作\n牵头责任单位\n上半年落实情况\n"
        "1\n新开工亿元以上项目170个以上、竣工120个以上。\n市发改委\n截至6月底,已开工项目145个。\n"
        "2\n力争实施技改项目400个。\n市工信局\n1-6月,共开展335个技改项目。\n"
        "3\n生活污水治理率达30%,黑臭水体治理率达75%。\n市生态\n环境局\n截至6月底,已完成50个(55%)。\n"
        "4\n新增技能人才2万人。\n市人社局\n截至6月30日,全市新增技能人才14826人。\n"
    )
    plan = parse_bytes(text.encode("utf-8"), "plan.txt")
    assert [t.lead for t in plan.tasks] == [
        ["市发改委"],
        ["市工信局"],
        ["市生态环境局"],
        ["市人社局"],
    ]
    assert [w.code for w in plan.warnings].count("cell-rejoined") == 1


def test_a_grouping_column_shows_once_its_short_rows_are_aligned() -> None:
    # 50: one cell per line; 指标 printed on a group's first row only; the first row's units
    # printed one per line after the unit column's first; 责任股室 / (单位) one header label
    text = (
        "序号\n指标\n工作任务\n完成时限\n责任领导\n责任股室\n(单位)\n备注\n"
        "1\n公共文化服务\n“两馆一站”免费开放服务人次较上年增长15%。\n12月底前\n夏俊贵\n文化宣传股\n文化馆\n图书馆\n"
        "2\n全年组织开展文化下乡等惠民演出不少于100场。\n文化宣传股\n"
        "3\n开展好“三下乡”活动。\n文化馆\n"
        "4\n文化产业\n培育规模以上文化服务企业1家。\n12月底前\n王强\n文化市场股\n"
    )
    assert _rows(text)[0][5] == "责任股室(单位)"
    plan = parse_bytes(text.encode("utf-8"), "plan.txt")
    tasks = [t.model_dump() for t in plan.tasks]
    assert [t["section"] for t in tasks] == [["公共文化服务"]] * 3 + [["文化产业"]]
    assert tasks[0]["responsible"] == ["文化宣传股", "文化馆", "图书馆"]
    assert any(w.code == "column-role-from-content" and "指标" in w.message for w in plan.warnings)


def test_units_one_per_line_fold_into_the_last_unit_column() -> None:
    # 44: 牵头单位 | 协同单位 close the table; the 协同单位 cell prints one unit per line
    text = (
        "序号\n\n事项分类\n\n项目内容\n\n牵头单位\n\n协同单位\n\n"
        "1\n\n打造区域教育高地\n\n实施新(改、扩)建中小学校5家。\n\n区教体局\n\n东孝街道\n\n孝顺镇\n\n区发改局\n\n"
        "2\n\n“医”心为民工程\n\n新(改)建村卫生室80家。\n\n区卫健局\n\n各乡镇(街道)\n\n"
        "3\n\n“娃有所托”工程\n\n开设100个暑期公益托管班。\n\n团区委\n\n区妇联\n\n区总工会\n\n"
    )
    tasks = _tasks(text)
    assert [(t["lead"], t["support"]) for t in tasks] == [
        (["区教体局"], ["东孝街道", "孝顺镇", "区发改局"]),
        (["区卫健局"], ["各乡镇（街道）"]),
        (["团区委"], ["区妇联", "区总工会"]),
    ]


def test_first_listed_leads_stated_in_a_marker_note_and_units_that_lead_each_their_part() -> None:
    # 43: （列第一位者为牵头或汇总单位,下同） inside the first marker that uses it; 分别牵头
    text = (
        "二、张盈军区政府党组成员牵头重点工作\n"
        "1.提高国家级临空经济示范区能级,全力保障西枢纽开发建设。\n"
        "责任单位:经济投资局和航空口岸局分别牵头、区发改局\n"
        "三、徐洪涛常务副区长牵头重点工作\n"
        "1.完成上级下达的能源和环境指标计划目标。\n"
        "责任单位:区发改局、海曙生态环境分局(列第一位者为牵头或汇总单位,下同)\n"
        "2.城乡居民人均可支配收入与经济增长基本同步。\n"
        "责任单位:区发改局、区人力社保局、区农业农村局\n"
    )
    tasks = _tasks(text)
    assert tasks[0]["lead"] == ["经济投资局", "航空口岸局", "区发改局"]
    assert (tasks[1]["lead"], tasks[1]["responsible"]) == (["区发改局"], ["海曙生态环境分局"])
    assert (tasks[2]["lead"], tasks[2]["responsible"]) == (
        ["区发改局"],
        ["区人力社保局", "区农业农村局"],
    )


def test_a_short_row_s_progress_note_goes_to_the_progress_column() -> None:
    # 46: rows 2-5 print only number, task and 进展情况; the merged cells between continue
    text = (
        "序号\n重点工作任务(民生实事项目)\n牵头单位\n负责科室\n负责人\n计划完成时间\n进展情况(一季度)\n"
        "1\n新增老年食堂(助餐点)15个\n区民政局\n养老服务科\n何滢\n11月底前\n其中北山街道1个,西溪街道1个。\n"
        "2\n建成启用区级老年活动中心\n目前正在进行主体建筑装修阶段。\n"
        "3\n新增养老机构护理型床位500张\n目前已在杭州金色年华老年公寓完成500张护理型床位建设。\n"
    )
    tasks = _tasks(text)
    assert [(t["lead"], t["responsible"], t["leaders"]) for t in tasks][1:] == [
        (["区民政局"], ["养老服务科"], ["何滢"])
    ] * 2


# --- titles among page chrome (12, 13, 14, 18, 22, 03) ------------------------------------


def _title(text: str) -> str | None:
    return parse_bytes(text.encode("utf-8"), "plan.txt").title


def test_the_title_is_the_line_that_names_a_plan_not_the_chrome_above_it() -> None:
    assert _title(
        "导航菜单\n\n(湖北省)武汉市2023年《政府工作报告》目标任务责任分解方案\n\n  ——推进教育\n"
    ) == ("(湖北省)武汉市2023年《政府工作报告》目标任务责任分解方案")
    # a site name after a dash is dropped; a field line (名称：…) is no title
    assert _title("六安市人民政府关于2021年重点工作及责任分解的通知-某某网络平台\n各县区：\n") == (
        "六安市人民政府关于2021年重点工作及责任分解的通知"
    )
    assert (
        _title(
            "发布机构: 广东省卫生健康委员会\n名 称: 广东省卫生健康委2021年台账\n2021 年政务公开工作重点任务台账 |\n"
        )
        == "2021年政务公开工作重点任务台账"
    )  # white space next to CJK is not text
    # 81: a breadcrumb ending in a plan word (首页 > 纲要规划) is chrome
    assert _title(
        "手机版\n\n首页 > 纲要规划\n\n《广东省妇女发展规划(2011—2020年)》目标责任分解书\n"
    ) == ("《广东省妇女发展规划(2011—2020年)》目标责任分解书")


def test_a_notice_issuing_a_plan_gives_the_plans_name() -> None:
    # 14: the notice's title over two lines, the name in 《》 with 〈〉 inside
    text = "鞍山市人民政府关于印发\n《2024年市〈政府工作报告〉任务分解和责任分工方案》的通知\n各县(市)区人民政府：\n"
    assert _title(text) == "2024年市〈政府工作报告〉任务分解和责任分工方案"
    # 22: a bare name is taken only when the plan is printed below the notice
    text = (
        "国务院办公厅关于印发2016年《政府工作报告》量化指标任务分工的通知\n"
        "国务院有关部门:\n2016年《政府工作报告》量化指标任务分工\n"
    )
    assert _title(text) == "2016年《政府工作报告》量化指标任务分工"


def test_two_row_pipe_header_and_short_rows_under_a_lost_category_merge() -> None:
    # 31: one cell per line; 责任单位 over 牵头单位 / 协助单位, each header row padded with
    # empty cells; the category column (first half of 工程类别与名称) is printed on its
    # group's first row only, so the other rows come short and pad at their end
    text = (
        "序号 |\n工程类别与名称 |\n工程 目的 |\n责任单位 |\n时间安排 |\n投资 估算 | ||\n"
        "牵头单位 |\n协助单位 | ||||||\n"
        "1 |\n完善环南湖截污管网与污水处理厂规划、建设与管理 |\n完善管网规划 |\n"
        "雨污分流 全面截污 |\n市规划局 |\n市住建局 市环保局 市城管局 |\n2013年底 完成 |\n50 |\n"
        "2 |\n环湖新建区分流制管网建设 |\n雨污分流 同步截污 |\n市住建局 |\n属地区级 政府 |\n"
        "即时开始 长期坚持 |\n10000 | |\n"
        "3 |\n环湖无网区补建分流制管网 |\n雨污分流 全面截污 |\n市住建局 |\n属地区级 政府 |\n"
        "2013年开始 2年内完成 |\n5000 | |\n"
        "4 |\n全流域畜禽、水产养殖业污染整治 |\n草拟划定牲猪禁养区、限养区文件报市政府审议印发 |\n"
        "按规定实行禁养、限养 |\n市环保局 |\n市畜牧水产局 |\n2013年完成 |\n-- |\n"
        "5 |\n取缔污水直排南湖的牲猪养殖场户 |\n削减流域 排污量 |\n属地区政府 |\n"
        "市环保局 市畜牧水产局 |\n2013年底 完成 |\n-- | |\n"
    )
    tasks = _tasks(text)
    assert [(t["text"], t["section"]) for t in tasks] == [
        ("完善管网规划", ["完善环南湖截污管网与污水处理厂规划、建设与管理"]),
        ("环湖新建区分流制管网建设", ["完善环南湖截污管网与污水处理厂规划、建设与管理"]),
        ("环湖无网区补建分流制管网", ["完善环南湖截污管网与污水处理厂规划、建设与管理"]),
        ("草拟划定牲猪禁养区、限养区文件报市政府审议印发", ["全流域畜禽、水产养殖业污染整治"]),
        ("取缔污水直排南湖的牲猪养殖场户", ["全流域畜禽、水产养殖业污染整治"]),
    ]
    assert [(t["lead"], t["support"]) for t in tasks] == [
        (["市规划局"], ["市住建局", "市环保局", "市城管局"]),
        (["市住建局"], ["属地区级政府"]),
        (["市住建局"], ["属地区级政府"]),
        (["市环保局"], ["市畜牧水产局"]),
        (["属地区政府"], ["市环保局", "市畜牧水产局"]),
    ]
    assert [t["deadline"]["raw"] for t in tasks][:2] == ["2013年底完成", "即时开始长期坚持"]


def test_a_table_printed_one_cell_per_paragraph_without_row_numbers() -> None:
    # 81, 83: header cells on lines of their own, then each row's text and its units one
    # per line; a numbered goal over —— items heads them; a goal with units is a task and
    # closes the goal above it (a sibling, not a child)
    text = (
        "《广东省儿童发展规划(2011—2020年)》目标责任分解书\n\n"
        "领域\n\n主 要 目 标\n\n主要责任单位\n\n责任单位\n\n"
        "1.提高出生人口质量。\n\n"
        "——降低严重多发致残的出生缺陷发生率。\n\n省卫生厅\n\n省人口计生委\n\n省残联\n\n"
        "——低出生体重儿发生率控制在4%以下。\n\n——新生儿破伤风发病率降低到1‰以下。\n\n省卫生厅\n\n"
        "2.妇女享有优质避孕节育计生服务,人工流产率降低。\n\n省计生委\n\n省人口计生\n\n省妇联\n\n"
        "3.妇女艾滋病、性病感染率得到控制。\n\n省卫生厅\n\n人口计生\n\n省公安厅\n\n"
    )
    plan = parse_bytes(text.encode("utf-8"), "fragment.txt")
    tasks = [t.model_dump() for t in plan.tasks]
    assert [(t["number"], t["text"], t["section"]) for t in tasks] == [
        (None, "降低严重多发致残的出生缺陷发生率。", ["1.提高出生人口质量。"]),
        (
            None,
            "低出生体重儿发生率控制在4%以下。——新生儿破伤风发病率降低到1‰以下。",
            ["1.提高出生人口质量。"],
        ),
        ("2", "妇女享有优质避孕节育计生服务,人工流产率降低。", []),
        ("3", "妇女艾滋病、性病感染率得到控制。", []),
    ]
    assert [(t["lead"], t["responsible"]) for t in tasks] == [
        (["省卫生厅"], ["省人口计生委", "省残联"]),
        (["省卫生厅"], []),  # every cell was printed: an empty one is empty
        (["省计生委"], ["省人口计生", "省妇联"]),
        (["省卫生厅"], ["人口计生", "省公安厅"]),
    ]
    assert "paragraph-table" in {w.code for w in plan.warnings}


def test_one_unit_per_line_with_a_clipped_name_stays_one_unit_each() -> None:
    # 81 as DOCX: a unit cell holds one unit per paragraph, some names clipped (省人口计生)
    units = parse_responsibility("省人口计生\n省妇联\n省新闻出版\n省总工会", "responsible")
    assert units.responsible == ["省人口计生", "省妇联", "省新闻出版", "省总工会"]
    # a list wrapped by a narrow PDF cell stays one list
    wrapped = parse_responsibility("市安监局、市环保局、市\n卫生计生委、市食品药品\n监管局", "lead")
    assert wrapped.lead == ["市安监局", "市环保局", "市卫生计生委", "市食品药品监管局"]


def test_a_unit_cell_printed_on_the_next_line_and_short_rows_numbered_like_the_task() -> None:
    # 05: the first row's unit cell comes on a line of its own; the rows after it are
    # printed short (全市工作任务 merged) with their task cells numbered (二), (三) like (一)
    text = (
        "全市工作任务 | 具体要求 | 具体措施 | 牵头落实科室 | |\n"
        "一、围绕重点领域加大主动公开力度 | (一)在制定重要改革方案和重大政策措施时,应在决策前向社会公布草案。"
        " | 1.重大决策预公开。 2.局制定的政策,除依法需要保密的应及时公开。 |\n"
        "产业政策科 | |\n"
        "(二)推进人大代表建议和政协委员提案办理结果公开。 | 所有承办建议提案及时公开答复。 | 办公室 | ||\n"
        "(三)公开预算执行审计报告、专项审计报告。 | 须在局政务网公开。 | 财务室、节能监察中心 | ||\n"
    )
    plan = parse_bytes(text.encode("utf-8"), "fragment.txt")
    tasks = [t.model_dump() for t in plan.tasks]
    assert [(t["number"], t["text"][:10], t["lead"]) for t in tasks] == [
        ("(一)", "在制定重要改革方案和", ["产业政策科"]),
        ("(二)", "推进人大代表建议和政", ["办公室"]),
        ("(三)", "公开预算执行审计报告", ["财务室", "节能监察中心"]),
    ]
    assert all(t["section"] == ["一、围绕重点领域加大主动公开力度"] for t in tasks)
    assert "row-continued" in {w.code for w in plan.warnings}


def test_a_plan_printing_its_share_of_a_longer_numbered_list() -> None:
    # 87: one cell per paragraph; rows 6, 52, 53 … (the county's list, the bureau's share);
    # a stray bare number between unit and deadline; units one per paragraph before the
    # deadline column
    text = (
        "序号\n\n目标任务\n\n牵头责任单位\n\n计划完成时间\n\n目前完成情况\n\n是否达到序时进度\n\n"
        "6\n\n农村常住居民人均可支配收入与经济增长同步。\n\n经管站\n\n2\n\n2023年底\n\n"
        "三季度绝对数16285元,增幅7.4%\n\n"
        "52\n\n建成高标准农田8.3万亩。\n\n农田建设管理股、农业股\n\n2023年底\n\n正在施工中。\n\n"
        "53\n\n完成“一村一块田”改革试验20万亩。\n\n经管站\n\n2023年底\n\n已累计完成31.7万亩。\n\n"
        "54\n\n加强农产品品牌建设。\n\n农业股\n\n乡村产业发展股\n\n2023年底\n\n完成认证10个。\n\n"
    )
    tasks = _tasks(text)
    assert [(t["number"], t["lead"]) for t in tasks] == [
        ("6", ["经管站"]),
        ("52", ["农田建设管理股", "农业股"]),
        ("53", ["经管站"]),
        ("54", ["农业股", "乡村产业发展股"]),
    ]
    assert [t["deadline"]["raw"] for t in tasks] == ["2023年底"] * 4


def test_a_count_is_no_unit() -> None:
    # 82: a target cell 2所 (two schools) next to the unit column
    assert not looks_like_units("2所")
    assert looks_like_units("教育局")


def test_a_data_row_naming_leaders_is_no_second_header() -> None:
    # 88: the first data row (领导信息 | 局领导班子成员相片、姓名…) names 领导 twice but lists
    # things: it is data, not a sub-header
    text = (
        "信息类别 | 内容描述 | 责任主体 | 公开方式 | 公开时限 |\n"
        "领导信息 | 局领导班子成员相片、姓名、建立及工作分工 | 办公室 | 县人民政府网站 | 信息形成之日起20个工作日内 |\n"
        "机构概况 | 机关工作职责、机关内设股室名称 | 办公室 | 县人民政府网站 | 信息形成之日起20个工作日内 |\n"
        "人事信息 | 县教育局任免的机关内设股室负责人员 | 人事股 | 县人民政府网站 | 信息形成之日起20个工作日内 |\n"
    )
    tasks = _tasks(text)
    assert [(t["text"][:8], t["responsible"]) for t in tasks] == [
        ("局领导班子成员相", ["办公室"]),
        ("机关工作职责、机", ["办公室"]),
        ("县教育局任免的机", ["人事股"]),
    ]


def test_question_marks_for_lost_characters_before_numbering() -> None:
    # 89: a mirror printed lost characters as ? in front of each group's numbering
    text = (
        "三、分组情况\n"
        "???(一)第一检查督导组;\n责任领导:胡小波\n责任单位:政法(应急)办、派出所\n"
        "???(二)第二检查督导组;\n责任领导:艾进\n责任单位:工业办、城建办\n"
    )
    plan = TextReader().read(text.encode("utf-8"))
    assert [p.text[:4] for p in plan.paragraphs()][1:3] == ["(一)第", "责任领导"]
    tasks = _tasks(text)
    assert [(t["number"], t["responsible"]) for t in tasks] == [
        ("(一)", ["政法（应急）办", "派出所"]),
        ("(二)", ["工业办", "城建办"]),
    ]


def test_an_item_saying_who_does_it_with_you_fuze() -> None:
    # 90: each problem is followed by 整改要求:由X负责…; a description before the name
    # (包片单位) is not part of it
    text = (
        "1、西大桥西侧河边堤岸警示牌沿线有垃圾死角和建筑垃圾。\n"
        "整改要求:由县环卫站负责清除上述地段垃圾死角和建筑垃圾。\n"
        "2、平利花园对面迎宾大道南围墙上有牛皮癣和野广告。\n"
        "整改要求:由包片单位县气象局负责清除。\n"
        "3、沿线商户出店占道经营问题较为突出。\n"
        "整改要求:按照先劝阻、再强制的要求,由沿线包片单位县职教中心、县交通局负责开展劝阻教育。\n"
    )
    tasks = _tasks(text)
    assert [(t["number"], t["responsible"]) for t in tasks] == [
        ("1", ["县环卫站"]),
        ("2", ["县气象局"]),
        ("3", ["县职教中心", "县交通局"]),
    ]


def test_two_labels_on_one_line_with_the_space_between_lost() -> None:
    # 86: 责任部门:X 配合部门:Y, the space between read as noise between CJK characters
    units = parse_responsibility("责任部门:人社局 配合部门:各街道", "responsible")
    assert (units.responsible, units.support) == (["人社局"], ["各街道"])
    units = parse_responsibility("责任部门:城建局、农海局配合部门:各街道", "responsible")
    assert (units.responsible, units.support) == (["城建局", "农海局"], ["各街道"])


def test_titles_among_more_page_chrome() -> None:
    # 85: the year in brackets on a line of its own ends the title; a count does not (54)
    assert _title(
        "2026年1月4日\n普陀区推进建设一流营商环境行动方案\n(2026年)\n一、建设高效便捷的服务环境\n"
    ) == ("普陀区推进建设一流营商环境行动方案(2026年)")
    assert _title("区政府2024年重点工作目标任务分解落实方案\n(共118项)\n一、…\n") == (
        "区政府2024年重点工作目标任务分解落实方案"
    )
    # 91: a breadcrumb in pieces on lines of their own
    assert _title(
        "当前位置:首页\n>> 专题专栏 >> 归档专题\n市政府工作报告重点工作责任分解(2023年)\n"
    ) == ("市政府工作报告重点工作责任分解(2023年)")
    # 86: a page with no title line gives none, not its source and date fields
    assert (
        _title("来源:政府办 日期:2011-02-12\n【字体:大中小】\n1.建设公园。\n责任部门:城建局\n")
        is None
    )


def test_small_full_stop_numbering_and_labelled_lines() -> None:
    # 97: items numbered 1﹒ (U+FE52), three labelled lines each
    text = (
        "一、确保完成全年主要预期目标\n"
        "1﹒全省生产总值增长7%以上。\n牵头负责领导:刘惠。\n牵头责任单位:省发展改革委。\n"
        "协同责任单位:省政府各部门、各直属机构。\n"
        "2﹒一般公共预算收入增长7%左右。\n牵头负责领导:刘惠。\n牵头责任单位:省财政厅。\n"
        "协同责任单位:省发展改革委、省税务局等。\n"
    )
    tasks = _tasks(text)
    assert [(t["number"], t["text"][:6], t["lead"], t["leaders"]) for t in tasks] == [
        ("1", "全省生产总值", ["省发展改革委"], ["刘惠"]),
        ("2", "一般公共预算", ["省财政厅"], ["刘惠"]),
    ]


def test_a_marker_opened_with_a_doubled_bracket() -> None:
    # 98: ((牵头科室:综合法规科,配合科室:局各科室(中心)) — one bracket too many
    tasks = _tasks(
        "4.政策性文件与解读材料同步组织。((牵头科室:综合法规科,配合科室:局各科室(中心))\n"
        "5.科学确定解读范围。(牵头科室:综合法规科,配合科室:局各科室(中心))\n"
    )
    assert [(t["lead"], t["support"]) for t in tasks] == [
        (["综合法规科"], ["局各科室（中心）"]),
        (["综合法规科"], ["局各科室（中心）"]),
    ]
    units = parse_responsibility("(牵头科室:综合法规科,配合科室:局各科室(中心))", "responsible")
    assert (units.lead, units.responsible, units.support) == (
        ["综合法规科"],
        [],
        ["局各科室（中心）"],
    )


def test_a_row_of_only_a_date_and_a_unit_sits_under_the_merged_task() -> None:
    # 95: a task cell merged over two rows that differ in deadline and lead; the second
    # row's copy prints only 2021.8 | 城投集团
    text = (
        "项目名称 | 工作任务 | 计划完成时间 | 牵头单位 |\n"
        "1.城市人居环境提升项目 | 对人民中路等3条城区道路进行综合提升改造; | 11月 | 建设局 |\n"
        "2021.8 | 城投集团 | ||\n"
        "对七星路等重点区域进行绿化亮化提档升级; | 2021.12 | 城投集团 | |\n"
        "新建停车场3处,新增停车位1000个以上。 | 11月 | 建设局 | |\n"
        "2021年11月 | 经开区 | ||\n"
    )
    tasks = _tasks(text)
    assert [(t["text"][:6], t["lead"], t["deadline"]["raw"]) for t in tasks] == [
        ("对人民中路等", ["建设局"], "11月"),
        ("对人民中路等", ["城投集团"], "2021.8"),
        ("对七星路等重", ["城投集团"], "2021.12"),
        ("新建停车场3", ["建设局"], "11月"),
        ("新建停车场3", ["经开区"], "2021年11月"),
    ]
    assert {str(t["deadline"]["due"]) for t in tasks[1:3]} == {"2021-08-31", "2021-12-31"}


def test_unit_paragraphs_run_together_on_one_line() -> None:
    # 93: a document site's copy with every line break lost and page counters inside words
    text = (
        "三、组织领导及职责分工各组成单位及其职责如下:县环保局。负责对全县秸秆禁烧工作实施统一监督。"
        "县交通局、公路局。负责对国道、省道两侧燃烧秸秆情况的巡查第2页共4页,依法进行查处。"
        "县农委。负责全县农作物秸秆综合利用工作。"
    )
    plan = parse_bytes(text.encode("utf-8"), "fragment.txt")
    assert [(t.text[:6], t.responsible) for t in plan.tasks] == [
        ("负责对全县秸", ["县环保局"]),
        ("负责对国道、", ["县交通局", "公路局"]),
        ("负责全县农作", ["县农委"]),
    ]
    assert "第2页" not in plan.tasks[1].text
    assert "page-counters-removed" in {w.code for w in plan.warnings}


def test_items_whose_unit_is_the_subject_of_the_sentence() -> None:
    # 99: (一)公安部门负责…, no marker, label or 由
    tasks = _tasks(
        "二、职责分工\n(一)公安部门负责烟花爆竹公共安全管理,依法查处非法燃放案件。\n"
        "(二)应急管理部门负责烟花爆竹安全生产监督管理。\n(三)行政审批服务部门负责烟花爆竹批发、零售审批。\n"
    )
    assert [(t["responsible"], t["section"]) for t in tasks] == [
        (["公安部门"], ["二、职责分工"]),
        (["应急管理部门"], ["二、职责分工"]),
        (["行政审批服务部门"], ["二、职责分工"]),
    ]


def test_short_rows_placed_by_units_in_traditional_script() -> None:
    # 102: a traditional-script mirror; a short row's unit cells read through the shadow
    text = (
        "工作任務 | 具體要求 | 市里落實單位 | 局內負責處室 |\n"
        "(一)做好各類規劃主動公開。 | 1. 縣級以上各級政府要主動公開規劃綱要。 | 市政府各部門;各區政府 | 各處室 |\n"
        "2. 做好歷史規劃(計劃)的歸集整理和主動公開工作。 | 市政務公開辦牽頭,市有關單位落實;各區政府 | 辦公室牽頭,各處室配合 |\n"
        "(二)做好財政信息公開。 | 3. 積極推進部門所屬單位預算、決算公開。 | 市財政局牽頭,市直各單位落實 | 財審處牽頭,局屬各單位落實 |\n"
    )
    tasks = _tasks(text)
    assert [(t["number"], t["section"][-1:], t["lead"]) for t in tasks] == [
        ("1", ["(一)做好各類規劃主動公開。"], []),
        ("2", ["(一)做好各類規劃主動公開。"], ["市政務公開辦", "辦公室"]),
        ("3", ["(二)做好財政信息公開。"], ["市財政局", "財審處"]),
    ]


def test_chiefs_of_rivers_and_lakes_are_leaders_and_assistants_support() -> None:
    # 104: labels run together on one line, each title straight before the next label
    units = parse_responsibility(
        "河長:鄭柵潔 省委書記副河長:張曙光 省政府副省長協助:省水利廳", "responsible"
    )
    assert units.leaders == ["鄭柵潔省委書記", "張曙光省政府副省長"]
    assert (units.lead, units.responsible, units.support) == ([], [], ["省水利廳"])
    assert parse_responsibility("副總河長:劉惠 省委常委", "responsible").leaders == ["劉惠省委常委"]


def test_a_table_flattened_with_no_separator_at_all() -> None:
    # 45: a document site's copy of a Word table, every cell run together
    text = (
        "1、附件通化市推进健康中国行动2022年考核指标框架序号类别指 标2022年全市目标值责任部门"
        "1综合人均预期寿命(岁)77.7市卫生健康委2每千常住人口执业(助理)医师数(人)2.6市卫生健康委"
        "3个人卫生支出占卫生总费用的比重()27.5市卫生健康委4健康知识普及行动居民健康素养水平()22"
        "市卫生健康委5经常参加体育锻炼人数比例()37市文化广电和旅游局\n"
    )
    plan = parse_bytes(text.encode("utf-8"), "fragment.txt")
    assert [(t.number, t.text[:8], t.responsible) for t in plan.tasks] == [
        ("1", "综合人均预期寿命", ["市卫生健康委"]),
        ("2", "每千常住人口执业", ["市卫生健康委"]),
        ("3", "个人卫生支出占卫", ["市卫生健康委"]),
        ("4", "健康知识普及行动", ["市卫生健康委"]),
        ("5", "经常参加体育锻炼", ["市文化广电和旅游局"]),
    ]
    assert "flattened-table" in {w.code for w in plan.warnings}


def test_a_task_column_merged_in_a_copy_shows_as_rows_one_cell_short() -> None:
    # 03: 工作任务 printed on a group's first row only; the full rows carry short labels
    text = (
        "序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 | 备注 |\n"
        "1 | 做好常态化疫情防控信息发布 | 重点围绕散发疫情、隔离管控发布权威信息 | 应急处 | 长期推进 |\n"
        "2 | 扎实做好疫苗接种信息公开和舆论引导工作 | 疾控处 | 长期推进 |\n"
        "3 | 提高新冠肺炎疫情信息发布规范化水平 | 宣传处 | 2021年8月前 |\n"
        "4 | 常规政务公开事项 | 强化行政执法信息公开 | 政法处 | 长期推进 |\n"
        "5 | 积极推进部门所属单位预算、决算公开 | 财务处 | 长期推进 |\n"
        "6 | 逐步清理本部门规范性文件统一公开 | 政法处 | 长期推进 |\n"
    )
    tasks = _tasks(text)
    assert [(t["section"], t["text"][:6], t["responsible"]) for t in tasks] == [
        (["做好常态化疫情防控信息发布"], "重点围绕散发", ["应急处"]),
        (["做好常态化疫情防控信息发布"], "扎实做好疫苗", ["疾控处"]),
        (["做好常态化疫情防控信息发布"], "提高新冠肺炎", ["宣传处"]),
        (["常规政务公开事项"], "强化行政执法", ["政法处"]),
        (["常规政务公开事项"], "积极推进部门", ["财务处"]),
        (["常规政务公开事项"], "逐步清理本部", ["政法处"]),
    ]


def test_numbered_measures_under_merged_headings_are_the_tasks() -> None:
    # 92: 工作目标 and 工作内容 are headings merged over the numbered 工作措施, each of which
    # has its own units and deadline; a row short by one cell lost the outer merge
    text = (
        "| 工作目标 | 工作内容 | 工作措施 | 责任单位 | 完成时限 |\n"
        "| 一、加大食品安全突出问题治理力度 | (一)强化源头治理 | 1.加强农用地土壤重金属污染源头防控。"
        " | 县生态环境分局 | 2025年11月底前 |\n"
        "| 2.持续开展农药科学施用增效、兽药使用减量行动。 | 县农业农村局 | 2025年11月底前 ||\n"
        "| (二)严控农兽药残留超标 | 3.深入开展重点问题品种药物残留突出问题攻坚治理。"
        " | 县农业农村局 | 2025年11月底前 |\n"
        "| (三)加大校园食品安全整治力度 | 4.深化“校园餐”问题专项整治。 | 县教育体育局 | 2025年11月底前 |\n"
    )
    tasks = _tasks(text)
    outer = "一、加大食品安全突出问题治理力度"
    assert [(t["section"], t["number"], t["responsible"]) for t in tasks] == [
        ([outer, "(一)强化源头治理"], "1", ["县生态环境分局"]),
        ([outer, "(一)强化源头治理"], "2", ["县农业农村局"]),
        ([outer, "(二)严控农兽药残留超标"], "3", ["县农业农村局"]),
        ([outer, "(三)加大校园食品安全整治力度"], "4", ["县教育体育局"]),
    ]


def test_numbered_measures_beside_their_own_numbered_requirements_stay_measures() -> None:
    # 05: every row prints its own (N) 具体要求, so the 具体措施 beside it is its detail
    labels = ["全市工作任务", "具体要求", "具体措施", "牵头落实科室"]
    body = [
        ["一、围绕重点领域加大主动公开力度", "(一)在决策前向社会公布草案", "1.重大决策预公开。", "产业政策科"],
        ["", "(二)推进建议提案办理结果公开。", "1.及时公开办理复文。", "办公室"],
        ["", "(三)公开预算执行审计报告。", "1.公开审计发现问题。", "财务室"],
    ]  # fmt: skip
    assert header_to_roles(labels, body) == ["section", "task", "measures", "lead"]


def test_unnumbered_paragraphs_each_opening_with_its_unit_as_subject() -> None:
    # 110: a list of units' duties, no numbering, no labels; 要 names no role (responsible)
    text = (
        "现将区各单位在村庄环境整治工作中的任务作如下明确:\n"
        "区住建局负责全区村庄环境整治总协调工作,指导督查康居乡村的创建。\n"
        "区委农办要结合全区“三新”建设任务,负责指导督查新社区建设。\n"
        "区财政局负责村庄环境整治专项经费的落实,确保资金的安全运行。\n"
        "各地要高度重视,加强组织领导。\n"
    )
    tasks = _tasks(text)
    assert [(t["text"][:8], t["responsible"], t["lead"]) for t in tasks] == [
        ("区住建局负责全区", ["区住建局"], []),
        ("区委农办要结合全", ["区委农办"], []),
        ("区财政局负责村庄", ["区财政局"], []),
    ]


def test_a_lone_paragraph_with_a_unit_as_subject_is_not_a_task() -> None:
    text = "一、工作目标\n到年底完成整治任务。\n区住建局负责全区村庄环境整治总协调工作。\n二、保障措施\n加强领导。\n"
    assert _tasks(text) == []


def test_numbered_headings_that_name_only_units_head_their_duties() -> None:
    # 109: (一)区体育局 over numbered duties; (二)区财政局 over one paragraph
    text = (
        "四、职责分工\n"
        "(一)区体育局\n"
        "1.负责对在区内开放式公园规划建设健身苑提出可行性意见;\n"
        "2.负责组织实施区群众体育工作方案;\n"
        "(二)区财政局\n"
        "负责区群众体育工作经费的安排与调拨工作。\n"
        "(三)南庄镇、各街道办事处\n"
        "1.配合区体育局做好扶持居(村)委健身器材试点工作;\n"
    )
    tasks = _tasks(text)
    assert [(t["number"], t["section"], t["text"][:6], t["responsible"]) for t in tasks] == [
        ("1", ["四、职责分工", "(一)区体育局"], "负责对在区内", ["区体育局"]),
        ("2", ["四、职责分工", "(一)区体育局"], "负责组织实施", ["区体育局"]),
        ("(二)", ["四、职责分工"], "负责区群众体", ["区财政局"]),
        (
            "1",
            ["四、职责分工", "(三)南庄镇、各街道办事处"],
            "配合区体育局",
            ["南庄镇", "各街道办事处"],
        ),
    ]
    assert all(t["support"] == [] for t in tasks)  # 配合 inside a duty is no marker


def test_a_lone_heading_that_reads_like_a_unit_is_a_heading() -> None:
    # 35: 五、组织机构 is the plan's heading, not a unit over its items
    text = "四、活动内容\n1.开展宣传。\n五、组织机构\n1.成立领导小组,组长由市城乡建委主任担任。\n"
    assert _tasks(text) == []


def test_a_copy_starting_inside_a_list_resumes_the_outer_list() -> None:
    # 113: page 2 starts at 3、 under an unseen (四); (五) goes on the outer list
    text = (
        "3、推进生猪、牛羊等定点屠宰工作。\n牵头单位:省经贸委\n参加单位:省农业厅\n"
        "4、强化食品标识和包装管理。\n牵头单位:省新闻出版局\n"
        "(五)加强食品消费领域监管。加快推进餐饮业食品卫生监督量化分级管理。\n"
        "责任单位:省卫生厅\n参加单位:省教育厅、省建设厅\n"
    )
    tasks = _tasks(text)
    assert [(t["number"], t["text"][:6], t["lead"], t["responsible"]) for t in tasks] == [
        ("3", "推进生猪、牛", ["省经贸委"], []),
        ("4", "强化食品标识", ["省新闻出版局"], []),
        ("(五)", "加强食品消费", [], ["省卫生厅"]),
    ]


def test_numbering_that_runs_on_across_headings_nests_under_them() -> None:
    # 73: page 6 starts at (二十二); 60. and 61. are its items, numbered on from page 5
    text = (
        "(二十二)自觉接受司法监督\n"
        "60.建立司法建议回复制度。(市政府法制办牵头,各区县政府负责)\n"
        "(二十三)强化专门监督\n"
        "62.改进行政监察工作。(市监察局负责)\n"
    )
    tasks = _tasks(text)
    assert [(t["number"], t["section"]) for t in tasks] == [
        ("60", ["(二十二)自觉接受司法监督"]),
        ("62", ["(二十三)强化专门监督"]),
    ]


def test_a_flattened_table_with_unit_lists_two_unit_columns_and_section_rows() -> None:
    # 108: lists of units close each row; 第一责任单位 then 主要责任单位 with no boundary;
    # a page number and a section heading inside the run
    text = (
        "—1—主要目标任务分解落实方案工作重点序号主要工作任务第一责任单位主要责任单位"
        "一、主要发展指标1地区生产总值年均增长12%左右,人均生产总值达到6万元左右。"
        "市发展改革委各县(市、区)政府、嘉兴经济开发区、嘉兴港区2服务业增加值占生产总值比重达到40%。"
        "市发展改革委各县(市、区)政府、市三产发展领导小组各成员单位3地方财政收入年均增长13%。"
        "市财政局各县(市、区)政府、市国税局—2—二、产业优化升级4积极推进技术创新,推广应用先进生产技术"
        "市科技局市发展改革委、市经贸委\n"
    )
    plan = parse_bytes(text.encode("utf-8"), "fragment.txt")
    assert [(t.number, t.section, t.text[:6], t.lead, t.responsible) for t in plan.tasks] == [
        ("1", ["一、主要发展指标"], "地区生产总值", ["市发展改革委"],
         ["各县（市、区）政府", "嘉兴经济开发区", "嘉兴港区"]),
        ("2", ["一、主要发展指标"], "服务业增加值", ["市发展改革委"],
         ["各县（市、区）政府", "市三产发展领导小组各成员单位"]),
        ("3", ["一、主要发展指标"], "地方财政收入", ["市财政局"], ["各县（市、区）政府", "市国税局"]),
        ("4", ["二、产业优化升级"], "积极推进技术", ["市科技局"], ["市发展改革委", "市经贸委"]),
    ]  # fmt: skip
    assert "flattened-table" in {w.code for w in plan.warnings}


def test_of_two_lead_columns_the_first_leads() -> None:
    # 108: 第一责任单位 (the unit in charge) ranks above 主要责任单位
    labels = ["序号", "主要工作任务", "第一责任单位", "主要责任单位"]
    body = [["1", "地区生产总值年均增长12%左右。", "市发展改革委", "各县（市、区）政府"]] * 3
    assert header_to_roles(labels, body) == ["number", "task", "lead", "responsible"]


def test_association_and_league_names_are_units_of_their_own() -> None:
    # 40, 49: 中国科协 and 共青团中央 in a list of central bodies
    units = parse_responsibility(
        "科技部、国家疾控局、共青团中央、中国科协按职责分工负责", "responsible"
    )
    assert units.responsible == ["科技部", "国家疾控局", "共青团中央", "中国科协"]
    # a name missing the suffix it shares with the next stays with it (94, 37)
    assert parse_responsibility("公安、交通部门", "responsible").responsible == ["公安、交通部门"]


def test_a_closing_paragraph_after_an_item_closed_by_its_label_is_not_the_item() -> None:
    # 34: a 交办 notice; its closing words follow the last item's 责任单位 label
    text = (
        "现将检查发现的问题交办如下:\n"
        "1.行政南小区内无防鼠灭鼠设施。责任单位:华龙区人民办。\n"
        "2.锦绣花园小区内防鼠灭鼠设施不足。责任单位:华龙区建设办。\n"
        "今年是我市国家卫生城市复审年,上述责任单位要高度重视,对存在的问题务必于4月19日前整改完毕。\n"
    )
    tasks = _tasks(text)
    assert [(t["responsible"], t["deadline"]) for t in tasks] == [
        (["华龙区人民办"], None),
        (["华龙区建设办"], None),
    ]
    assert "复审年" not in tasks[-1]["text"]


def test_requirements_under_a_project_merged_in_a_copy_are_the_tasks() -> None:
    # 32: 项目内容 printed once over the 工作要求 of several rows, each with its own units
    text = (
        "序号\n| 项目内容\n| 工 作 要 求\n| 责任单位\n|\n"
        "7\n| 污水处理厂和\n管网工程建设\n| 完成征润洲污水处理厂技术改造,2008年处理能力达到14.5万吨/日。\n"
        "| 市建设局\n|\n"
        "8\n| 大港污水处理厂扩建工程2008年6月底前投入运行。\n| 市建设局\n镇江新区管委会\n|\n"
        "9\n| 丹阳市石城污水处理厂除磷脱氮改造工程年底前建成投入运行。\n| 丹阳市政府\n|\n"
        "10\n| 丹阳市、句容市的建制镇污水处理厂2008年6月底前开工建设。\n| 句容市政府\n市环保局\n|\n"
    )
    tasks = _tasks(text)
    assert [(t["number"], t["section"], t["text"][:4], t["responsible"]) for t in tasks] == [
        ("7", ["污水处理厂和管网工程建设"], "完成征润", ["市建设局"]),
        ("8", ["污水处理厂和管网工程建设"], "大港污水", ["市建设局", "镇江新区管委会"]),
        ("9", ["污水处理厂和管网工程建设"], "丹阳市石", ["丹阳市政府"]),
        ("10", ["污水处理厂和管网工程建设"], "丹阳市、", ["句容市政府", "市环保局"]),
    ]


def test_a_line_cell_table_with_grouping_columns_left_of_its_number_and_a_scoring_column() -> None:
    # 42: 考核项目 before 序号, printed once; 考核指标 printed once per group; units one per
    # line in 责任部门; 评分部门 scores, it does not carry the task
    text = (
        "考核项目\n\n序号\n\n考核指标\n\n考核内容\n\n单位\n\n年度目标\n\n责任部门\n\n评分部门\n\n"
        "农业高质高效\n\n1\n\n确保粮食和重要农产品有效供给\n\n农林牧渔业增加值增幅\n\n%\n\n≥2%\n\n"
        "县海洋与渔业局\n\n县农业农村局\n\n市海洋渔业局市农业农村局\n\n"
        "2\n\n农业劳动生产率及增幅\n\n万元/人\n\n全市统筹\n\n县海洋与渔业局\n\n县农业农村局\n\n"
        "市海洋渔业局市农业农村局\n\n"
        "3\n\n粮食安全责任制\n\n-\n\n良好以上\n\n县经济和信息化局\n\n市商务局\n\n"
        "4\n\n粮食播种面积\n\n万亩\n\n0.07\n\n县农业农村局\n\n市农业农村局\n\n"
        "5\n\n油菜面积\n\n万亩\n\n0\n\n县农业农村局\n\n市农业农村局\n\n"
    )
    tasks = _tasks(text)
    group = ["农业高质高效", "确保粮食和重要农产品有效供给"]
    assert [(t["number"], t["section"], t["text"], t["responsible"]) for t in tasks] == [
        ("1", group, "农林牧渔业增加值增幅", ["县海洋与渔业局", "县农业农村局"]),
        ("2", group, "农业劳动生产率及增幅", ["县海洋与渔业局", "县农业农村局"]),
        ("3", group, "粮食安全责任制", ["县经济和信息化局"]),
        ("4", group, "粮食播种面积", ["县农业农村局"]),
        ("5", group, "油菜面积", ["县农业农村局"]),
    ]
    assert all(t["lead"] == [] and t["support"] == [] for t in tasks)


def test_numberings_garbled_by_a_wrong_decoding_are_removed() -> None:
    # 10: a mirror decoded part of the page wrongly; （二） came out as 。ǘ┩ or ㄎ澹┘
    text = (
        "一、努力構建現代產業體系\n"
        "(一)加快建設三大汽車產業基地。(牽頭單位:市經貿委;配合單位:市發改委)\n"
        "?。ǘ┩七M東部石化基地建設,抓好乙烯改擴建項目。(牽頭單位:市發改委;配合單位:規劃局)\n"
        "ㄎ澹┘涌熘榻鲁墙鹑谏藤Q區建設。(牽頭單位:市金融辦;配合單位:規劃局)\n"
    )
    plan = parse_bytes(text.encode("utf-8"), "fragment.txt")
    assert [t.text[:4] for t in plan.tasks] == ["加快建設", "七M東部", "涌熘榻鲁"]
    assert [t.lead for t in plan.tasks] == [["市經貿委"], ["市發改委"], ["市金融辦"]]
    assert "garbled-numbering-removed" in {w.code for w in plan.warnings}


def test_lines_of_a_table_drawn_with_box_characters_keep_them() -> None:
    from fengong.textnorm import remove_garbled_numbering

    text = "┌──┬──┐\n│序号│任务│\n├──┼──┤\n"
    assert remove_garbled_numbering(text) == (text, 0)


def test_railway_sections_are_units() -> None:
    # 103: 由汉中车务段牵头组织实施
    assert looks_like_units("汉中车务段") and looks_like_units("西安工务段")
    assert not looks_like_units("手段")


def test_each_bears_its_share_names_responsible_units() -> None:
    # 71: (市政府法制办牵头,市政府办公厅、市信息办及相关部门各负其责)
    units = parse_responsibility(
        "市政府法制办牵头,市政府办公厅、市信息办及相关部门各负其责", "responsible"
    )
    assert (units.lead, units.responsible) == (
        ["市政府法制办"],
        ["市政府办公厅", "市信息办", "相关部门"],
    )


def test_a_copy_opening_inside_an_item_keeps_its_closing_paragraph() -> None:
    # 116: page 7 opens with the last paragraph of an item numbered on page 6
    text = (
        "加强公共卫生服务体系建设。完成海河医院三期标准化建设。(市卫生局牵头)\n"
        "(6)促进人口健康发展。\n"
        "加强人口和计划生育公共服务体系建设。(市人口计生委、市公安局牵头)\n"
    )
    tasks = _tasks(text)
    assert [(t["number"], t["text"][:6], t["lead"]) for t in tasks] == [
        (None, "加强公共卫生", ["市卫生局"]),
        ("(6)", "促进人口健康", ["市人口计生委", "市公安局"]),
    ]


def test_a_preamble_without_a_closing_marker_is_not_a_task() -> None:
    text = "为做好全年工作,现将任务分解如下(各单位要认真落实):\n一、重点任务\n1.完善水利设施。(县水利局负责)\n"
    assert [t["text"][:4] for t in _tasks(text)] == ["完善水利"]


def test_a_host_label_names_the_lead() -> None:
    # 114: 主办单位:X,协办单位:Y (SPEC: 主办 → lead)
    units = parse_responsibility("主办单位:县城投公司,协办单位:住建局、凤城镇", "responsible")
    assert (units.lead, units.support) == (["县城投公司"], ["住建局", "凤城镇"])


def test_an_item_numbered_beyond_one_in_an_outer_style_closes_the_inner_list() -> None:
    # 33: the copy starts at 1. under a (三) it cut off; (四) closes 1.–5., not opens under 5.
    text = (
        "4.区域环境噪声平均值。责任单位:市环境保护局;\n"
        "5.交通干线噪声平均值。责任单位:市环境保护局。\n"
        "(四)环境建设\n"
        "1.受保护地区面积占国土面积比例。责任单位:市环境保护局,配合单位:市林业局;\n"
    )
    tasks = _tasks(text)
    assert [(t["number"], t["section"], t["responsible"]) for t in tasks] == [
        ("4", [], ["市环境保护局"]),
        ("5", [], ["市环境保护局"]),
        ("1", ["(四)环境建设"], ["市环境保护局"]),
    ]


def test_a_short_row_with_its_units_one_per_line() -> None:
    # 50: a row printed short (完成时限 and 责任领导 merged) whose unit cell holds two lines
    from fengong.interpret.tables import _fold_unit_lines

    labels = ["序号", "指标", "工作任务", "完成时限", "责任领导", "责任股室(单位)", "备注"]
    row = ["6", "非遗保护", "完成非遗展厅布展任务。", "羌研会", "灵岩寺博物馆"]
    assert _fold_unit_lines(row, labels) == [
        "6",
        "非遗保护",
        "完成非遗展厅布展任务。",
        "羌研会\n灵岩寺博物馆",
    ]
    # a task's text that ends like a place name is no unit line (…文化下乡等…)
    row = ["2", "全年组织开展文化下乡等惠民演出不少于100场。", "文化宣传股文化馆"]
    assert _fold_unit_lines(row, labels) == row


def test_a_lone_division_cell_stands_under_the_header_naming_divisions() -> None:
    # 102: 市里落实单位 | 局内负责处室; a short row prints only 规计处
    text = (
        "工作任务 | 具体要求 | 市里落实单位 | 局内负责处室 |\n"
        "(二)做好财政信息公开。 | 3. 积极推进部门所属单位预算、决算公开。 | 市财政局牵头,各区政府落实 | 财审处 |\n"
        "4. 持续深化地方政府债务信息公开。 | 规计处 |\n"
        "5. 做好国有资产管理情况公开。 | 资产处 |\n"
    )
    tasks = _tasks(text)
    assert [(t["lead"], t["responsible"]) for t in tasks] == [
        (["市财政局"], ["各区政府", "财审处"]),
        (["市财政局"], ["各区政府", "规计处"]),
        (["市财政局"], ["各区政府", "资产处"]),
    ]


def test_a_notice_issuing_a_bare_named_plan_and_a_site_tag_give_the_plans_title() -> None:
    # 125: 关于印发X的通知 with X not printed below; 130: a site's column tag before the title
    from fengong.document import Document, Paragraph, Provenance
    from fengong.interpret.metadata import read_metadata

    def title(*lines: str) -> str | None:
        doc = Document([Paragraph(t, Provenance(line=n + 1)) for n, t in enumerate(lines)], "text")
        return read_metadata(doc).title

    assert (
        title("上海市徐汇区人民政府办公室关于印发徐汇区“十一五”规划工作分解的通知", "序号")
        == "徐汇区“十一五”规划工作分解"
    )
    assert (
        title("【重点工作落实】2021年度市政府重点工作落实情况的通报", "序号")
        == "2021年度市政府重点工作落实情况的通报"
    )


# --- round eight (132-143) ---------------------------------------------------------------


def test_sentences_each_opening_with_their_units_are_a_list_of_tasks() -> None:
    # 132: a news report runs the county's eight actions into one paragraph
    text = (
        "同时,要求县级部门牵头实施好八大行动。即县水务局牵头,组织开展县级河流打击非法采砂专项行动。"
        "县环保局牵头,督促乡镇生活污水设施建设、运营及管理。县交委牵头,组织开展打击非法码头专项行动。"
        "县移民局牵头,做好长江、大宁河消落区域库岸治理;县林业局牵头,做好沿江、沿河创面植被恢复。\n"
    )
    tasks = _tasks(text)
    assert [t["text"][:5] for t in tasks] == [
        "县水务局牵",
        "县环保局牵",
        "县交委牵头",
        "县移民局牵",
        "县林业局牵",
    ]
    assert [t["lead"] for t in tasks] == [
        ["县水务局"],
        ["县环保局"],
        ["县交委"],
        ["县移民局"],
        ["县林业局"],
    ]
    assert tasks[0]["text"].startswith("县水务局牵头,组织开展")  # the comma after it stays


def test_a_bracketed_marker_after_a_sentence_is_no_sentence_opening_with_units() -> None:
    # 115: ``…左右。(市经委牵头)万元…``: the marker closes the sentence before it
    text = (
        "1.主要指标的责任部门。\n"
        "常住人口控制在1150万人左右。(市人口计生委、市公安局牵头)万元地区生产总值能源消耗降低20%。"
        "(市经委牵头)万元工业增加值取水量降低20%。(市节水办、市经委牵头)主要污染物排放总量减少10%。"
        "(市环保局牵头)\n"
    )
    tasks = _tasks(text)
    assert [t["lead"] for t in tasks] == [
        ["市人口计生委", "市公安局"],
        ["市经委"],
        ["市节水办", "市经委"],
        ["市环保局"],
    ]
    assert all(not t["text"].startswith("(") for t in tasks)


def test_articles_naming_a_unit_and_its_duties_head_its_items() -> None:
    # 133: ``第七条 区科委工作职责:`` over (一)(二)…; 136: ``(八)县经济局主要工作任务:``
    text = (
        "第七条 区科委工作职责:\n"
        "(一)将推动安全生产科技进步纳入本区科学技术发展规划和计划并组织实施。\n"
        "(二)负责安全生产重大科技攻关、基础研究和应用研究的指导工作。\n"
        "第八条 区公安分局工作职责:\n"
        "(一)对本区消防工作实施监督管理,指导、监督消防机构履行法定消防安全职责。\n"
        "(二)负责本区道路交通安全的管理。\n"
    )
    tasks = _tasks(text)
    assert [t["responsible"] for t in tasks] == [
        ["区科委"],
        ["区科委"],
        ["区公安分局"],
        ["区公安分局"],
    ]
    assert tasks[2]["section"] == ["第八条区公安分局工作职责:"]


def test_the_units_that_support_follow_the_units_that_do_the_work() -> None:
    # 140: ``X负责,Y、Z配合,…`` opening each item
    text = (
        "四、其他相关工作\n"
        "(一)市食安办负责,市食安委有关委员单位配合,深入宣传贯彻《食品安全法》,制定宣传方案。\n"
        "(二)由市农业局负责,市海洋与渔业局、市环保局配合,做好农产品质量安全认证工作。\n"
    )
    tasks = _tasks(text)
    assert tasks[0]["responsible"] == ["市食安办"] and tasks[0]["support"] == [
        "市食安委有关委员单位"
    ]
    assert tasks[1]["responsible"] == ["市农业局"]
    assert tasks[1]["support"] == ["市海洋与渔业局", "市环保局"]


def test_units_after_a_short_heading_sentence_are_the_items_units() -> None:
    # 142: ``1.增设市区停车场和停车泊位。市规划局牵头,市城乡建设局、公安局配合,…``
    text = (
        "(四)加强配套建设\n"
        "1.增设市区停车场和停车泊位。市规划局牵头,市城乡建设局、公安局配合,围绕市区商业网点密集区规划配套停车场地。\n"
        "2.优化城市公交系统。市城乡建设局牵头,市公安局配合,广泛征询各方意见和建议。\n"
    )
    tasks = _tasks(text)
    assert [t["lead"] for t in tasks] == [["市规划局"], ["市城乡建设局"]]
    assert tasks[1]["support"] == ["市公安局"]
    assert tasks[0]["text"].startswith("增设市区停车场")


def test_a_flattened_table_continued_from_another_page_with_role_clauses() -> None:
    # 141: a newspaper's second half of a table, no separator at all, first row 21; the unit
    # cell is three role clauses apart by ;
    text = (
        "重点任务分工清单\n(上接第三版)\n"
        "序号工作任务责任单位21树立婚育新风。构建新型婚育文化。省委宣传部、省民政厅牵头;"
        "省总工会、团省委配合;各州(市)党委和政府落实22实行特别扶助制度扶助标准动态调整机制。"
        "省财政厅、省卫生健康委牵头;省优化生育政策工作部门联席会议成员单位配合;各州(市)党委和政府落实"
        "23依申请给予医疗救助。省医保局牵头;省民政厅、省卫生健康委配合;各州(市)党委和政府落实"
        "24优先安排入住公办养老机构。省民政厅牵头;省卫生健康委配合;各州(市)党委和政府落实\n"
    )
    tasks = _tasks(text)
    assert [t["number"] for t in tasks] == ["21", "22", "23", "24"]
    assert tasks[0]["text"] == "树立婚育新风。构建新型婚育文化。"
    assert tasks[2]["lead"] == ["省医保局"]
    assert tasks[2]["support"] == ["省民政厅", "省卫生健康委"]
    assert tasks[2]["responsible"] == ["各州（市）党委和政府"]


def test_a_support_line_closing_a_units_items_covers_them_all() -> None:
    # 136: ``（九）县公安局主要工作任务:`` 1、2、3、 then ``协助单位:…``; and ``2、2010年底前…``
    text = (
        "(八)县经济局主要工作任务:\n"
        "1、督促高耗能低产值重污染企业加快技术改造步伐。\n"
        "2、2010年底前全面完成两家企业机立窑生产线的淘汰。\n"
        "(九)县公安局主要工作任务:\n"
        "1、依法整治尾气排放年检不合格的机动车辆。\n"
        "2、依法整治运输车辆的扬尘污染。\n"
        "协助单位:交通局、县城管监察大队。\n"
    )
    tasks = _tasks(text)
    assert [t["responsible"] for t in tasks] == [
        ["县经济局"],
        ["县经济局"],
        ["县公安局"],
        ["县公安局"],
    ]
    assert tasks[1]["text"].startswith("2010年底前")
    assert [t["support"] for t in tasks] == [
        [],
        [],
        ["交通局", "县城管监察大队"],
        ["交通局", "县城管监察大队"],
    ]


# --- round nine (144-151) ----------------------------------------------------------------


def test_a_heading_naming_other_departments_leaves_its_items_their_own_units() -> None:
    # 144: ``（八）其他部门`` beside unit headings; its items name their units in the sentence
    text = (
        "(三)市外事办\n"
        "1.负责邀请中联办领导出席会议;\n"
        "(四)市外宣办\n"
        "1.负责张广宁市长记者见面会和市政府部门负责人专访及新闻报道;\n"
        "(八)其他部门\n"
        "1.市科技局、交委、规划局、金融办参与会议互动对话环节,回答相关问题;\n"
        "2.市建委、交委、旅游局负责协助做好客商的邀请工作;\n"
    )
    tasks = _tasks(text)
    assert tasks[1]["responsible"] == ["市外宣办"]  # 负责人 is a person, not a role word
    assert tasks[2]["support"] == ["市科技局", "交委", "规划局", "金融办"]
    assert tasks[3]["support"] == ["市建委", "交委", "旅游局"]  # 负责协助: they assist
    assert all(t["responsible"] != ["其他部门"] for t in tasks)


def test_headings_naming_a_unit_with_its_duties_in_other_words() -> None:
    # 150: ``（七）卫生部门职责、任务``; 147: ``第九条 镇人民政府(街道办事处、园区管委会)履行以下职责:``
    text = (
        "(七)卫生部门职责、任务\n"
        "1.加强对学校幼儿园食堂的监督管理。\n"
        "(八)工商部门职责、任务\n"
        "1.加强学校及周边文化和娱乐服务业市场的监督管理。\n"
        "第六条 财政部门履行以下职责:\n"
        "(一)配合市民政部门制定低保标准;\n"
        "第九条 镇人民政府(街道办事处、园区管委会)履行以下职责:\n"
        "(一)受理、审核、审批辖区内最低生活保障申请;\n"
    )
    assert [t["responsible"] for t in _tasks(text)] == [
        ["卫生部门"],
        ["工商部门"],
        ["财政部门"],
        ["镇人民政府（街道办事处、园区管委会）"],
    ]


# --- round ten (152-158) -----------------------------------------------------------------


def test_a_caption_between_a_sites_metadata_rows_and_the_header_ends_them() -> None:
    # 156: the 索引号 block printed as pipe rows, the table's caption, then its header
    text = (
        "索引号 | 000330185/2022-86781 | 公开方式 | 主动公开 |\n"
        "发布单位 | 区府办 | 发文日期 | 2022-11-03 |\n"
        "2022年区政府民生实事项目进展情况表(截至9月底)\n"
        "序号 | 项目内容 | 进展情况 | 责任单位 |\n"
        "1 | 新建成公办中小学、幼儿园7所。 | 新建成临安区职教中心等7所。 | 教育局 |\n"
        "2 | 新建成婴幼儿照护服务成长驿站7家。 | 新建13家婴幼儿成长驿站。 | 卫生健康局 |\n"
        "3 | 实施农村公路大中修100公里。 | 完成农村公路大中修50公里。 | 交通运输局 |\n"
    )
    tasks = _tasks(text)
    assert [t["responsible"] for t in tasks] == [["教育局"], ["卫生健康局"], ["交通运输局"]]
    assert tasks[0]["text"] == "新建成公办中小学、幼儿园7所。"


def test_numbered_rows_under_no_header_are_read_by_their_content() -> None:
    # 152: the copy starts at row 1, its header left out; a line with a lone | after each row
    text = "".join(
        f"{n} | {task} | {unit} | {progress} | 按时序推进 |\n|\n"
        for n, task, unit, progress in [
            (1, "完成27所学校教育基础设施改造提升。", "县教育局", "已经安装公办中小学970台空调。"),
            (2, "完成30所智慧校园安保一体化管理系统建设。", "县教育局", "招投标文件已发布。"),
            (3, "完成10家示范型居家养老服务照料中心建设。", "县民政局", "5家施工中,5家完成建设。"),
            (4, "对350户生活困难老年人家庭进行适老化改造。", "县民政局", "252户已完成改造。"),
            (5, "为全县200名以上残疾儿童实施基本康复服务。", "县残联", "已完成半年度报销工作。"),
        ]
    )
    plan = parse_bytes(text.encode("utf-8"), "fragment.txt")
    assert [t.responsible for t in plan.tasks] == [
        ["县教育局"],
        ["县教育局"],
        ["县民政局"],
        ["县民政局"],
        ["县残联"],
    ]
    assert plan.tasks[0].text == "完成27所学校教育基础设施改造提升。"
    assert any(w.code == "column-role-from-content" for w in plan.warnings)


def test_one_cell_per_line_without_row_numbers_rows_as_wide_as_the_running_text_recurs() -> None:
    # 158: a ledger printed one cell per line, no 序号; each row's first cells are short
    text = (
        "名 称 |\n责任单位 |\n工作任务与目标 |\n"
        "门前六包 |\n市容大队 |\n保持门店门前清洁有序,杜绝随意堆放生活垃圾、污水横流。 |\n"
        "商贩疏导工程 |\n市容大队 |\n结合市民需求,在控制区和疏导区内合理规划临时市场。 |\n"
        "夜市市场整治活 动 |\n市容大队 |\n合理设置夜市专业市场,明确出摊收摊时间,严禁污水乱倒。 |\n"
        "经营乱象整治活 动 |\n市容大队 |\n坚决打击店外经营、占道经营、马路市场、流动经营等行为。 |\n"
    )
    rows = _rows(text)
    assert rows[0] == ["名 称", "责任单位", "工作任务与目标"]
    assert [r[:2] for r in rows[1:]] == [
        ["门前六包", "市容大队"],
        ["商贩疏导工程", "市容大队"],
        ["夜市市场整治活 动", "市容大队"],
        ["经营乱象整治活 动", "市容大队"],
    ]


# --- round eleven (160-166) --------------------------------------------------------------


def test_articles_and_duty_words_in_traditional_script() -> None:
    # 161: ``第十二條 監察機關職責`` over (一)(二)…, in traditional script
    text = (
        "第十二條 監察機關職責\n"
        "(一)對道路交通安全工作責任制落實情況進行監督檢查。\n"
        "(二)依法查處道路交通安全工作中的違紀行為。\n"
        "第十三条 交通部門職責\n"
        "(一)負責公路運輸企業的安全監督管理。\n"
    )
    assert [t["responsible"] for t in _tasks(text)] == [["監察機關"], ["監察機關"], ["交通部門"]]


def test_a_unit_heading_beside_labelled_siblings_heads_its_items() -> None:
    # 166: ``1.农业部门。`` over (1)(2)…, then ``2.财政部门:负责…``
    text = (
        "(二)部门职责\n"
        "1.农业部门。\n"
        "(1)做好疫情的监测、报告,开展流行病学调查。\n"
        "(2)组织对疫区、受威胁区易感畜禽实施紧急免疫接种。\n"
        "2.财政部门:负责筹集、划拨紧急防疫储备金。\n"
        "3.计划部门:负责紧急防疫物资储备、调运等基础设施建设。\n"
    )
    tasks = _tasks(text)
    assert [t["responsible"] for t in tasks] == [
        ["农业部门"],
        ["农业部门"],
        ["财政部门"],
        ["计划部门"],
    ]


def test_a_sentence_closed_by_a_full_stop_is_no_unit_heading() -> None:
    # 86: ``2.建立区高校毕业生创业中心暨创业孵化基地。`` is a task, its units on labelled lines
    text = (
        "2.建立区高校毕业生创业中心暨创业孵化基地。\n"
        "责任部门:人社局\n配合部门:各街道\n"
        "3.新建甘井子区警察训练教育基地。\n"
        "责任部门:公安分局\n配合部门:发改局、财政局\n"
    )
    tasks = _tasks(text)
    assert [t["responsible"] for t in tasks] == [["人社局"], ["公安分局"]]
    assert tasks[1]["support"] == ["发改局", "财政局"]


# --- round twelve (167-182, and plans read wrong before) ----------------------------------


def test_a_monthly_work_plan_column_holds_the_steps_not_the_task() -> None:
    # 153: 项目内容 is the task, 月度工作计划 its steps this month; rows 2 and 3 print no
    # 牵头单位 (merged with row 1) so their 落实情况 slid left into its place
    text = (
        "序号 | 项目内容 | 月度工作计划 | 牵头单位 | 落实情况 |\n"
        "1 | 为全县60岁以上老年人免费接种流感疫苗24723人。 | 4月:制定并下发老年名免费接种"
        "流感疫苗工作方案。 | 县卫生健康局 | 已完成。 已制定并下发老年名免费接种流感疫苗工作方案。 |\n"
        "2 | 为全县重点人群免费开展结直肠癌筛查,2024年重点筛查60岁以上人群7400人。 | "
        "4月:完成筛查人数1480人(20%)。 | 已完成。 完成筛查人数3495人,完成率47.23%。 | |\n"
        "3 | 在公共场所新增配置自动体外除颤仪47台。 | 4月:公布采购意向公告。申请资产配置。"
        "制定AED点位安排表。 | 已完成。 3月11日公开意向采购公告;完成全县47个点位设置。 | |\n"
        "4 | 培训应急救护人员235人。 | 4月:明确点位培训人员对象,完成应急救护人员培训65人。 | "
        "县红十字会 | 已完成。 已确定点位,培训188人,完成进度80%。 |\n"
    )
    tasks = _tasks(text)
    assert [t["text"][:6] for t in tasks] == [
        "为全县60岁",
        "为全县重点人",
        "在公共场所新",
        "培训应急救护",
    ]
    assert [t["lead"] for t in tasks] == [["县卫生健康局"]] * 3 + [["县红十字会"]]
    assert tasks[0]["measures"] == ["4月:制定并下发老年名免费接种流感疫苗工作方案。"]
    assert all(t["deadline"] is None for t in tasks)


def test_a_unit_named_as_the_holder_of_a_role_and_the_units_it_works_with() -> None:
    # 145: unnumbered duty paragraphs after an introduction closed by a colon; the first
    # names its unit ``作为牵头责任单位``, the second the units it works with (``负责会同Y,``)
    text = (
        "(一)加强领导、明确职责\n"
        "市直各有关部门要各司其职,各负其责,密切配合,共同搞好农村饮水安全工程建设。具体要求是:\n"
        "市水务部门作为牵头责任单位,负责商有关部门对县、区编制的工程规划进行审查,加强技术指导。\n"
        "市发展改革部门负责会同有关部门,落实规划的编制和报批、项目审批。\n"
        "市财政部门负责制定农村饮水安全工程地方配套资金使用管理办法和资金拨付。\n"
    )
    tasks = _tasks(text)
    assert [t["text"][:5] for t in tasks] == ["市水务部门", "市发展改革", "市财政部门"]
    assert [(t["lead"], t["responsible"], t["support"]) for t in tasks] == [
        (["市水务部门"], [], []),
        ([], ["市发展改革部门"], ["有关部门"]),
        ([], ["市财政部门"], []),
    ]
    assert parse_responsibility("市水务局作为牵头单位，市财政局为配合单位").support == ["市财政局"]


def test_items_opening_with_their_units_as_a_subject_without_a_role_word() -> None:
    # 119: each item opens with its units and a verb naming no role (加强, 继续推进); 汇同 is
    # a misprint of 会同. A list item opening so among siblings that name their units.
    text = (
        "一、工作任务\n"
        "(一)环境建设\n"
        "1、各乡镇政府继续推进2个生态文明村建设工作(1分,按照创建标准要求)。\n"
        "2、水务局加强新城自然保护区的建设管理,组织开展自然保护区执法检查1次。\n"
        "3、各乡镇汇同环保局完善生态功能保护区划界立标工作,全面开展生态恢复治理工作。\n"
        "4、农委、畜牧局要加强循环经济试点建设。\n"
    )
    tasks = _tasks(text)
    assert [(t["responsible"], t["support"]) for t in tasks] == [
        (["各乡镇政府"], []),
        (["水务局"], []),
        (["各乡镇"], ["环保局"]),
        (["农委", "畜牧局"], []),
    ]
    assert tasks[1]["text"].startswith("水务局加强")


def test_items_opening_with_a_phrase_that_ends_like_a_name_name_no_unit() -> None:
    # 62: the items of the page's first list name no unit; their openings end like a name
    # only by chance (``继续深化农村初中办`` | ``学模式``, ``推进特殊教育学校`` | ``的``) and are
    # no subject: they are no tasks, and the items under 市卫生局 are its tasks
    text = (
        "四、继续深化农村初中办学模式改革,农村初中实行“绿色证书”教育覆盖面达到100%。\n"
        "五、继续开展创建特色学校活动,命名100所素质教育特色学校。\n"
        "七、进一步对民族教育资源进行整合,使我市民族教育的整体水平达到或高于同类同级学校的水平。\n"
        "八、推进特殊教育学校的整体发展水平,使省级特殊教育示范校的比例达到62.5%,创全省第一。\n"
        "市卫生局\n"
        "一、开展助产机构清理整顿工作,坚决打击、取缔非法接生;\n"
        "二、继续加强妇女孕产期保健工作。\n"
    )
    tasks = _tasks(text)
    assert [t["text"][:4] for t in tasks] == ["开展助产", "继续加强"]
    assert [t["responsible"] for t in tasks] == [["市卫生局"], ["市卫生局"]]


def test_items_opening_with_units_that_support() -> None:
    # 170: ``(六)民政部门配合做好…``; 146: ``(十三)市发改、经贸等局依职责协助有关治超工作``
    text = (
        "(五)财政部门负责调查经费的落实和协调工作;\n"
        "(六)民政部门配合做好调查区域的划分工作;\n"
        "(七)规划建设部门配合做好住房项目登记以及物业管理小区调查的组织协调工作;\n"
        "(八)市发改、经贸等局依职责协助有关治超工作。\n"
    )
    tasks = _tasks(text)
    assert [(t["responsible"], t["support"]) for t in tasks] == [
        (["财政部门"], []),
        ([], ["民政部门"]),
        ([], ["规划建设部门"]),
        ([], ["市发改、经贸等局"]),
    ]
    assert tasks[1]["text"].startswith("民政部门配合做好")


def test_item_numbers_before_a_year_and_a_label_naming_units_and_their_people() -> None:
    # 179: ``1.2009年底前,…`` is item 1 (not a decimal); ``责任单位及责任人:X、Y主要领导`` names
    # the units responsible and, closing the last name, the title of their people in charge
    text = (
        "一、消防站点建设\n"
        "1.2009年底前,完成特勤消防三中队、呈贡消防二中队建设,并配套完成消防车辆装备建设。\n"
        "责任单位及责任人:呈贡县政府、市发改委、市财政局、市公安消防支队主要领导。\n"
        "2.2009年底前,完成盘龙消防三中队建设,并配套完成消防车辆装备建设。\n"
        "责任单位及责任人:盘龙区政府主要领导。\n"
    )
    tasks = _tasks(text)
    assert [t["number"] for t in tasks] == ["1", "2"]
    assert tasks[0]["text"].startswith("2009年底前,完成特勤")
    assert tasks[0]["responsible"] == ["呈贡县政府", "市发改委", "市财政局", "市公安消防支队"]
    assert [(t["responsible"], t["leaders"]) for t in tasks[1:]] == [(["盘龙区政府"], ["主要领导"])]


def test_an_article_whose_paragraphs_each_open_with_a_unit_that_shall() -> None:
    # 167: ``第十八条 教育部门应当…`` then paragraphs ``民政部门应当…``: each paragraph is its
    # unit's duty, the article's own sentence the first of them (not a heading)
    text = (
        "第十八条 教育部门应当将学校消防安全教育培训工作纳入教育计划。\n"
        "民政部门应当将消防安全教育培训工作纳入减灾规划并组织实施。\n"
        "人力资源和社会保障部门应当指导和监督有关单位将消防安全知识纳入岗位培训考核内容。\n"
        "第二十二条 物业服务企业、公共交通运营单位、公众聚集场所和建设工程施工现场管理单位应当"
        "利用户外广告、电子显示屏等开展消防宣传教育。\n"
    )
    tasks = _tasks(text)
    assert [(t["section"], t["responsible"]) for t in tasks] == [
        ([], ["教育部门"]),
        ([], ["民政部门"]),
        ([], ["人力资源和社会保障部门"]),
        ([], ["物业服务企业", "公共交通运营单位", "公众聚集场所和建设工程施工现场管理单位"]),
    ]


def test_a_unit_line_then_a_general_duty_sentence_then_its_items() -> None:
    # 171: ``市劳动和社会保障局`` / ``负责农民工工资的清欠和防欠工作。`` / ``(一)…``: the sentence of
    # what the unit does in general stands between its name and its items
    text = (
        "(三)对于在建的政府投资项目,凡投资计划已下达的,建设资金必须按工程进度及时到位。\n"
        "市劳动和社会保障局\n"
        "负责农民工工资的清欠和防欠工作。\n"
        "(一)制定实施企业欠薪报告预警机制,建立健全企业工资支付监控制度。\n"
        "(二)充分发挥协调劳动关系三方机制作用,建立农民工工资保障金制度。\n"
        "市建设局\n"
        "(一)在工地设立农民工维权公告牌制度。\n"
    )
    tasks = _tasks(text)
    assert [(t["text"][:4], t["responsible"]) for t in tasks] == [
        ("制定实施", ["市劳动和社会保障局"]),
        ("充分发挥", ["市劳动和社会保障局"]),
        ("在工地设", ["市建设局"]),
    ]


def test_a_notice_that_xiafa_a_plan_and_units_responsible_for_the_population() -> None:
    # 172: ``…关于下发《X》的通知`` names the plan X; ``省统计局负责人口普查…`` is 负责 + 人口, not
    # a 负责人 (a person)
    text = (
        "湖北省统计局关于下发《湖北省人民政府第六次人口普查领导小组成员单位职责分工和工作方式》的通知\n"
        "(鄂人普组字[2010]5号)\n"
        "一、职责分工\n"
        "省统计局负责人口普查的日常工作,并全面负责专业技术工作。\n"
        "省公安厅负责户口整顿工作,以及协助配合人口普查登记阶段相关工作。\n"
        "省财政厅负责人口普查经费的协调保障工作。\n"
    )
    plan = parse_bytes(text.encode(), "172.txt")
    assert plan.title == "湖北省人民政府第六次人口普查领导小组成员单位职责分工和工作方式"
    assert [t.responsible for t in plan.tasks] == [["省统计局"], ["省公安厅"], ["省财政厅"]]


def test_a_federation_is_one_unit_in_either_script() -> None:
    # 168: ``四、市婦女聯合會`` heads its paragraph: 联合会 is a federation's name, not 联合 (with)
    text = (
        "三、市廣播電視局\n"
        "以廣播電視為載體,加大對無償獻血宣傳支持力度。\n"
        "四、市婦女聯合會\n"
        "通過各級婦聯組織,在廣大婦女中開展無償獻血知識的宣傳。\n"
    )
    tasks = _tasks(text)
    assert [t["responsible"] for t in tasks] == [["市廣播電視局"], ["市婦女聯合會"]]
    assert parse_responsibility("市妇女联合会、市工商业联合会").responsible == [
        "市妇女联合会",
        "市工商业联合会",
    ]


def test_a_page_starting_with_sentences_has_no_title() -> None:
    # 169: a copy starting mid-list: ``人民银行长沙中心支行:参与…工作。`` is a unit's duty (a
    # sentence closed by 。), not the plan's title
    text = (
        "省公安厅:配合和协助联席会议办公室组织日常工作,负责依法对非法集资活动进行侦查。\n"
        "人民银行长沙中心支行:参与非法集资活动的调查及相关查处工作。\n"
        "省财政厅:负责财政系统非法集资活动的查处。\n"
    )
    plan = parse_bytes(text.encode(), "169.txt")
    assert plan.title is None
    assert len(plan.tasks) == 3


def test_a_heading_naming_several_units_and_their_duties_over_one_paragraph_each() -> None:
    # 165: a lone heading ``(四)X、Y和Z工作职责`` (duty words make it a unit heading alone) over
    # paragraphs each opening with one of its units; ``10、其他各有关部门按照…`` among siblings
    # that open with unit labels names its units
    text = (
        "8、交通部门:监管运输单位和个人按照有关法律、法规规定承运动物及其产品。\n"
        "9、监察部门:监督检查各级人民政府及有关部门在预防、控制重大动物疫情工作中履行职责的情况。\n"
        "10、其他各有关部门按照有关规定履行防控工作职责。\n"
        "(四)动物卫生监督机构、动物疫病预防控制机构和乡(镇)畜牧兽医中心站工作职责\n"
        "动物卫生监督机构组织实施本行政区域的动物防疫监督、检疫工作。\n"
        "动物疫病预防控制机构承担本行政区域内动物疫情的监测、检测工作。\n"
    )
    tasks = _tasks(text)
    heading = "(四)动物卫生监督机构、动物疫病预防控制机构和乡(镇)畜牧兽医中心站工作职责"
    assert [(t["section"], t["responsible"]) for t in tasks] == [
        ([], ["交通部门"]),
        ([], ["监察部门"]),
        ([], ["其他各有关部门"]),
        ([heading], ["动物卫生监督机构"]),
        ([heading], ["动物疫病预防控制机构"]),
    ]


def test_units_that_mainly_do_and_work_with_others_and_places_as_subjects() -> None:
    # 162: ``X负责并会同有关部门做好…`` (有关部门 support); ``…市旅游局主要做好…`` (主要 is no 要:
    # eight units are the subject); ``各县市区按市团统一部署,…`` (places as the subject)
    text = (
        "(三)市国资办负责市属国有企业的招商、与中央、省属企业的项目对接工作。\n"
        "(四)市委外宣办负责省、市所有洽谈会的宣传报道、联合采访等宣传活动的组织实施工作。\n"
        "(五)市外侨办、市台办、市贸促会、市工商联负责并会同有关部门做好客户邀请、招商洽谈等工作。\n"
        "(六)市农办、市建设局、市规划局、市环保局、市国土资源局、市交通局、市房产局、市旅游局主要做好"
        "市内招商合作项目的产业政策前期审查等工作。\n"
        "(七)各县市区按市团统一部署,主要做好本地区招商合作项目的策划、包装、前期洽谈等工作。\n"
    )
    tasks = _tasks(text)
    assert tasks[2]["support"] == ["有关部门"]
    assert tasks[3]["responsible"][-1] == "市旅游局" and len(tasks[3]["responsible"]) == 8
    assert tasks[4]["responsible"] == ["各县市区"]


# --- round thirteen (183-197) --------------------------------------------------------------


def test_a_lone_main_unit_column_is_responsible_and_a_section_row_is_no_merge() -> None:
    # 183: ``序号 | 名称 | 工作任务 | 主要责任单位``, one cell per paragraph: 主要责任单位 as the only
    # unit column names responsible units; the section row leaves 名称 empty, which does not
    # make 名称 (a label per row) a grouping column
    cells = [
        "序号", "名称", "工作任务", "主要责任单位",
        "经济社会发展主要预期目标分解(15项)",
        "1", "地区生产总值", "地区生产总值增长12%", "市发改委、统计局",
        "2", "财政收入", "地方财政一般预算收入增长12%以上", "市财政局、国税局、地税局",
        "3", "服务业", "服务业增加值占地区生产总值的比重提高1.5个百分点", "市发改委、统计局",
    ]  # fmt: skip
    tasks = _tasks("\n\n".join(cells) + "\n")
    assert [t["responsible"] for t in tasks] == [
        ["市发改委", "统计局"],
        ["市财政局", "国税局", "地税局"],
        ["市发改委", "统计局"],
    ]
    assert all(t["lead"] == [] for t in tasks)
    assert {tuple(t["section"]) for t in tasks} == {("经济社会发展主要预期目标分解(15项)",)}


def test_labelled_field_lines_between_an_items_time_and_its_units() -> None:
    # 185: each item a heading over ``时间:`` / ``地点:`` / ``内容:`` / ``组织单位:`` lines; the
    # units come from the last line past two fields that name no role, which stay the task's;
    # an orphan ``组织单位:…`` line from the page before is no unit named 组织单位
    text = (
        "组织单位:区委宣传部、区文新广体局、各乡(镇)人民政府。\n"
        "(四)义务写春联\n"
        "时间:2016年1月30日—2016年2月7日。\n"
        "地点:xx金山广场、乡(镇)圩场。\n"
        "内容:义务写春联。\n"
        "组织单位:区文联、区社科联、区市容局。\n"
    )
    tasks = _tasks(text)
    assert len(tasks) == 1
    assert tasks[0]["responsible"] == ["区文联", "区社科联", "区市容局"]
    assert tasks[0]["text"] == "义务写春联\n地点:xx金山广场、乡(镇)圩场。\n内容:义务写春联。"
    assert tasks[0]["deadline"]["raw"] == "2016年1月30日—2016年2月7日"


def test_duties_run_into_an_item_after_its_short_heading() -> None:
    # 187: ``(二)明确分工,责任到人。市发改委负责…;市经贸委负责…;…`` — the item's short heading
    # opens its first duty (not a section over them); ``分别负责`` after the units
    text = (
        "四、主要任务\n"
        "(二)明确分工,责任到人。市发改委负责提出全市节能规划;市经贸委负责全市工业节能;"
        "市规划局、市建设局负责建筑节能;市教育局、市卫生局分别负责教育、卫生系统的节能工作。\n"
    )
    tasks = _tasks(text)
    assert [t["text"][:6] for t in tasks] == [
        "明确分工,责",
        "市经贸委负责",
        "市规划局、市",
        "市教育局、市",
    ]
    assert [t["section"] for t in tasks] == [["四、主要任务"]] * 4
    assert tasks[0]["responsible"] == ["市发改委"]
    assert tasks[3]["responsible"] == ["市教育局", "市卫生局"]


def test_under_a_units_heading_an_item_on_others_that_should_is_the_units_duty() -> None:
    # 189: ``(四)建设(房管)部门:`` over ``2、建设开发单位和物业管理企业要积极协助…``: what the
    # firms should do is the department's duty to see to; a role word still names units
    text = (
        "(三)工商部门:\n"
        "1、在为流动人口育龄妇女办理个体营业执照时查验婚育证明。\n"
        "(四)建设(房管)部门:\n"
        "1、各级建设部门加强对建筑施工人员的计划生育管理。\n"
        "2、建设开发单位和物业管理企业要积极协助人口计生部门做好新建住宅小区的计划生育管理服务工作。\n"
        "3、物业管理企业要依法落实国家、省有关人口和计划生育的法律法规。\n"
    )
    tasks = _tasks(text)
    assert [t["responsible"] for t in tasks] == [["工商部门"]] + [["建设（房管）部门"]] * 3


def test_a_placeholder_in_a_unit_cell_names_no_unit() -> None:
    # 192: the last row's 涉及部门 cell is ``其他``; 无 and - say the same
    for placeholder in ("其他", "无", "-"):
        assert parse_responsibility(placeholder).units() == []
    assert parse_responsibility("市应急管理局").responsible == ["市应急管理局"]


def test_a_pages_publisher_field_is_no_unit_label() -> None:
    # 195: the site's metadata block ``发布机构: 宣城市人民政府(办公室)`` is a field, not a unit
    # opening its duties
    text = (
        "发布机构: 宣城市人民政府(办公室)\n"
        "主题分类: 民政、乡村振兴、救灾\n"
        "一、就业\n"
        "1.新增城镇就业2.4万人(牵头单位:市人社局)。\n"
    )
    tasks = _tasks(text)
    assert [t["lead"] for t in tasks] == [["市人社局"]]


# --- round fourteen (199-214) --------------------------------------------------------------


def test_a_main_unit_label_alone_names_the_responsible_unit() -> None:
    # 209: each item's own paragraph ``主責單位:市公安局`` (traditional script, blank lines
    # between): a role label, not a unit's name; the main unit named alone is responsible
    text = (
        "1、市城區部分路段隔離設施缺失,機動車、非機動車違法佔道通行問題。\n\n"
        "主責單位:市公安局\n\n"
        "2、部分老舊小區小廣告亂張亂貼,缺少監控設施,治安管理不到位問題。\n\n"
        "主責單位:市住房城鄉建設局\n"
    )
    tasks = _tasks(text)
    assert [(t["lead"], t["responsible"]) for t in tasks] == [
        ([], ["市公安局"]),
        ([], ["市住房城鄉建設局"]),
    ]
    both = parse_responsibility("主要责任单位:市发改委;配合单位:市财政局")
    assert (both.lead, both.support) == (["市发改委"], ["市财政局"])


def test_a_space_separated_table_run_into_one_line() -> None:
    # 199: notice, caption, header and rows on one line, single spaces between cells
    text = (
        "扬州市人民政府办公室关于印发《2010年依法行政工作任务分解表》的通知 二〇一〇年三月三十日 "
        "2010年依法行政工作任务分解表 序号 工 作 内 容 责任部门 完成时限 一、全面推动依法行政工作规划的落实 "
        "1 出台2010年度推进依法行政工作的意见 各县市区政府,政府各部门 四月份 "
        "2 清理公布市县两级政府行政执法主体资格名单 各县市区政府,各地政府法制办 二季度 "
        "3 明晰各部门职权,汇编各执法部门的法定权力 政府各部门 二季度 "
        "二、全力打造依法行政工作的两大体系 4 探索建立依法行政考核指标体系 各级依法行政领导小组办公室 全年\n"
    )
    tasks = _tasks(text)
    assert [t["number"] for t in tasks] == ["1", "2", "3", "4"]
    assert tasks[1]["responsible"] == ["各县市区政府", "各地政府法制办"]
    assert [t["deadline"]["raw"] for t in tasks] == ["四月份", "二季度", "二季度", "全年"]
    assert tasks[3]["section"] == ["二、全力打造依法行政工作的两大体系"]


def test_a_lone_heading_naming_a_unit_over_duties_of_its_own() -> None:
    # 214: ``第九条 县(区)应急指挥机构``, an introduction, then (一)…(四) that name no unit of
    # their own, opening with 负责: the unit's duties though no sibling heading names a unit
    text = (
        "第九条 县(区)应急指挥机构\n"
        "各县(区)政府设立相应的应急指挥机构。主要职责包括:\n"
        "(一)负责本辖区内粮食市场信息监测,及时向市粮食应急指挥部上报信息。\n"
        "(二)负责本辖区内粮食零售网点的应急工作安排,形成供应保障网络。\n"
        "(三)完成市粮食应急指挥部下达的各项任务。\n"
    )
    tasks = _tasks(text)
    assert [t["responsible"] for t in tasks] == [["县（区）应急指挥机构"]] * 3
    # a lone heading naming a place over items that name their own units stays a heading
    text = "一、城区\n(一)完善路网。(市住建局牵头)\n(二)改造管网。(市水务局负责)\n"
    assert [t["section"] for t in _tasks(text)] == [["一、城区"]] * 2


def test_a_time_clause_between_a_unit_and_its_duty() -> None:
    # 213: ``市城管局在风暴潮来临时,负责…``: the time of the work stands between the unit and
    # 负责; the paragraphs around it are duties of their units too
    text = (
        "交通局负责协调组织公路设施的防洪安全工作。\n"
        "市城管局在风暴潮来临时,负责市区内户外广告牌及其他高空物品的检查、加固工作。\n"
        "市旅游局负责全市各景区、海滨浴场防风暴潮期间的管理工作。\n"
    )
    tasks = _tasks(text)
    assert [t["responsible"] for t in tasks] == [["交通局"], ["市城管局"], ["市旅游局"]]
    assert tasks[1]["text"].startswith("市城管局在风暴潮来临时,负责")


def test_a_paragraph_naming_its_unit_without_a_role_word_beside_duties() -> None:
    # 205: ``市电业局在保证…`` after paragraphs ``市X负责…``: its unit opens it as the subject
    # (在 opens the predicate); an introduction closed by a colon is still none (145)
    text = (
        "市直各有关部门要各司其职,各负其责,密切配合。具体要求是:\n"
        "市统计局负责提供国家“十一五”减排所需的基础数据。\n"
        "市人事局负责市本级总量减排机构、编制、人员的落实。\n"
        "市电业局在保证人民生活生产正常供电前提下,优先安排低二氧化硫排放机组发电。\n"
    )
    tasks = _tasks(text)
    assert [t["responsible"] for t in tasks] == [["市统计局"], ["市人事局"], ["市电业局"]]


def test_an_inspection_groups_table_whose_task_is_the_group() -> None:
    # 191: ``分 组 | 督查组牵头单位 | 督查单位 | 备 注``: each group (第一组) is a task led by its
    # unit; 督查单位 (the districts inspected) names no unit that does the work
    text = (
        "分 组\n| 督查组牵头单位\n| 督查单位\n| 备 注\n|\n"
        "第一组\n| 市安监局\n| 雁塔区\n|\n|\n第二组\n| 市规划局\n| 灞桥区\n|\n|\n"
        "第三组\n| 市公安局\n| 长安区\n|\n|\n"
    )
    tasks = _tasks(text)
    assert [(t["text"], t["lead"], t["responsible"]) for t in tasks] == [
        ("第一组", ["市安监局"], []),
        ("第二组", ["市规划局"], []),
        ("第三组", ["市公安局"], []),
    ]


def test_a_space_table_with_unnumbered_rows_and_units_in_its_remarks() -> None:
    # 196: a project's further indicator rows print no 序号 (merged over them); 占年任务之比
    # holds only figures (no task); 备注 holds only unit names (responsible), continued into
    # the rows that continue a numbered one
    text = (
        "序号 考核指标 单 位 工作目标 已完成数 占年任务之比 备  注\n"
        "1 城镇新增就业 万人 5.2 7.23  139.1% 人力资源社会保障局\n"
        "2 自然村通水泥(沥青)路 公里  1360 1361.92  100.1% 交通局\n"
        "提质改造农村公路 公里  168 171.70  102.2%\n"
        "3 新增农村通自来水人口 万人  4.52 5.52  122.0% 水利局\n"
        "4 减少义务教育大班额1.4万个以上 869 1022 117.6% 教体局\n"
    )
    tasks = _tasks(text)
    assert [t["text"] for t in tasks][:3] == [
        "城镇新增就业",
        "自然村通水泥(沥青)路",
        "提质改造农村公路",
    ]
    assert [t["responsible"] for t in tasks] == [
        ["人力资源社会保障局"],
        ["交通局"],
        ["交通局"],
        ["水利局"],
        ["教体局"],
    ]


def test_the_title_of_a_notice_run_into_one_line_with_its_body() -> None:
    # 199: notice title, document number, addressees and body on one line
    text = (
        "扬州市人民政府办公室关于印发《2010年依法行政工作任务分解表》的通知 扬府办发〔2010〕58号 "
        "各县(市、区)人民政府: 现将今年依法行政工作任务分解表印发给你们。\n"
        "一、总体要求\n1.推进依法行政(责任单位:市法制办)。\n"
    )
    assert parse_bytes(text.encode(), "199.txt").title == "2010年依法行政工作任务分解表"


def test_a_header_whose_leaders_label_the_copy_broke_after_its_role_word() -> None:
    # 224: ``牵头`` / ``市领导`` one cell per line: one label 牵头市领导 (leaders), so the
    # rows' cells fit the header and the unit column is read (the last row cut short)
    text = (
        "序号\n\n目标任务\n\n牵头\n\n市领导\n\n责任单位\n\n进展情况\n\n形象进度(%)\n\n"
        "1\n\n新建充电桩350个\n\n吕  乐\n\n市发改局\n\n新建99个。\n\n28%\n\n"
        "2\n\n建设充电驿站1440个\n\n吕  乐\n\n市消防大队\n\n已完成方案制定。\n\n30%\n\n"
        "3\n\n新建青少年宫13家\n\n吕  乐\n\n团市委\n\n已确定13家。\n\n45%\n\n"
        "4\n\n建成宁静小区5个\n\n毛丕显\n\n市生态环境局\n\n已开展"  # the copy stops here
    )
    tasks = _tasks(text)
    assert [t["responsible"] for t in tasks] == [
        ["市发改局"],
        ["市消防大队"],
        ["团市委"],
        ["市生态环境局"],
    ]
    assert [t["leaders"] for t in tasks] == [["吕乐"]] * 3 + [["毛丕显"]]


def test_a_unit_that_supplies_the_figures_supports() -> None:
    # 215: ``数据提供单位:市统计局`` beside 牵头单位 and 责任单位
    units = parse_responsibility(
        "牵头领导:谢瑞武,牵头单位:市发改委,责任单位:市农业农村局、市经信局,数据提供单位:市统计局",
        "responsible",
    )
    assert (units.lead, units.responsible, units.support) == (
        ["市发改委"],
        ["市农业农村局", "市经信局"],
        ["市统计局"],
    )
    assert label_kind("数据提供单位") == "support"  # as a column's header


def test_a_bracket_of_bare_units_closing_a_sentence_inside_an_item() -> None:
    # 218: two sentences of one item each closed by its units: two tasks
    text = (
        "26、深入贯彻实施监督法,促进依法行政和公正司法。加强人大常委会制度建设"
        "(省人大常委会办公厅、省委组织部)。深入开展民主党派换届后的学习教育活动"
        "(省委统战部、组织部)。\n"
        "27、做好省人大、省政府、省政协换届工作(省委组织部)。\n"
    )
    tasks = _tasks(text)
    assert [t["responsible"] for t in tasks] == [
        ["省人大常委会办公厅", "省委组织部"],
        ["省委统战部", "组织部"],
        ["省委组织部"],
    ]
    assert tasks[1]["text"].startswith("深入开展民主党派")


def test_a_body_that_takes_part_supports_and_people_who_take_part_are_no_unit() -> None:
    # 223: ``市红十字会参加灾区救灾…`` between two paragraphs whose units' verbs name no role
    text = (
        "市外办协助做好抗灾救灾的涉外相关工作。\n"
        "市科协协调有关学会的抗灾救灾研究工作。\n"
        "市红十字会参加灾区救灾和伤员现场救护工作。争取省和国家红十字会救灾物资的支持。\n"
        "邯郸车务段邢台办事处组织协调抗灾救灾人员、物资的铁路运输工作。\n"
    )
    tasks = _tasks(text)
    assert [(t["responsible"], t["support"]) for t in tasks][-3:] == [
        (["市科协"], []),
        ([], ["市红十字会"]),
        (["邯郸车务段邢台办事处"], []),
    ]
    # 109: people who take part are no unit
    text = (
        "1.区体育局负责组织全区群众体育活动。\n"
        "2.区教育局负责学校体育工作。\n"
        "3.配合做好选派人员参加各级社会体育比赛工作(南庄镇、各街道办事处)。\n"
    )
    assert _tasks(text)[2]["support"] == []


def test_society_is_no_unit() -> None:
    # 225: ``建立政府领导、归口管理、部门协作、社会参与的…体制`` names no unit that supports
    assert not looks_like_units("建立政府领导、归口管理、部门协作、社会")
    assert not looks_like_units("全社会")


def test_a_notices_signature_above_the_plans_title_is_no_part_of_it() -> None:
    # 221: the notice's body, its signature, then the plan's title
    text = (
        "各乡(镇)人民政府,县直有关单位:\n"
        "《将乐县2022年度党政领导生态环境保护目标责任书分解方案》经县政府研究同意,现印发给你们。\n"
        "将乐县人民政府办公室\n"
        "将乐县2022年度党政领导生态环境保护目标责任书分解方案\n"
        "一、坚持绿色发展\n1.加强生态环境分区管控。\n责任单位:生态环境局,自然资源局\n"
    )
    assert _title(text) == "将乐县2022年度党政领导生态环境保护目标责任书分解方案"


def test_a_task_force_is_a_unit_and_a_grade_of_progress_no_deadline() -> None:
    # 236: 主办单位 县农村人居环境整治工作专班 (a task force), 进度评价 已完成 (a grade)
    text = (
        "序号 | 项目名称 | 项目内容 | 当前进展情况 | 进度评价 | 主办单位 |\n"
        "1 | 农村人居环境整治提升工程 | 推广人居环境治理新模式,试点村达到100个。 | 试点村达到100个; "
        "| 已完成 | 县农村人居环境整治工作专班 |\n"
        "2 | 农村道路提升工程 | 建设“四好农村路”50公里。 | 完工建设50.52公里。 | 已完成 "
        "| 县交通运输局 |\n"
        "3 | 绿化提升工程 | 新增绿化面积387亩。 | 已完成新增造林387亩。 | 正常推进 | 县自然资源局 |\n"
    )
    tasks = _tasks(text)
    assert [t["lead"] for t in tasks] == [
        ["县农村人居环境整治工作专班"],
        ["县交通运输局"],
        ["县自然资源局"],
    ]
    assert [t["deadline"] for t in tasks] == [None, None, None]
    assert label_kind("进度评价") == "extra"
    assert looks_like_units("县农村人居环境整治工作专班")


def test_items_numbered_in_brackets_run_on_one_line_apart_by_spaces() -> None:
    # 231: ``(9)市农委:负责… (10)市国资委:负责…`` on one line
    text = (
        "[接上页] (9)市农委:负责评估农业因灾损失情况,组织好蔬菜上市。 (10)市国资委:负责会同"
        "行业主管部门组织市属国有大型企业做好应急物资的生产、调度工作。 (11)市公安局:负责维护"
        "灾区社会治安。\n"
    )
    tasks = _tasks(text)
    assert [t["number"] for t in tasks] == ["(9)", "(10)", "(11)"]
    assert [t["responsible"] for t in tasks] == [["市农委"], ["市国资委"], ["市公安局"]]


def test_a_marker_line_closing_an_item_of_the_page_before_is_no_title() -> None:
    # 234: the copy of page 3 opens with the marker of page 2's last item
    text = (
        "(责任部门:省农委、人力资源社会保障厅、经济和信息化委)\n"
        "(2)加快发展农村服务业。\n(责任部门:省商务厅)\n"
        "(3)推进农村劳动力转移就业。\n(责任部门:人力资源社会保障厅)\n"
    )
    assert _title(text) is None


def test_a_space_table_whose_row_prints_its_last_cells_on_lines_of_their_own() -> None:
    # 246: row 2's responsible cell over two lines, then its support cell on a third
    text = (
        "序号 重点工作任务 主要责任单位 协同配合单位\n"
        "一、2025年经济社会发展的主要预期目标\n"
        "1 地区生产总值增长6.5%左右。 区发改委 区政府各部门,各乡镇人民政府、街道办事处。\n"
        "2 一般公共预算收入增长5%左右。 区财政局\n区税务局\n"
        "区政府有关部门,各乡镇人民政府、街道办事处。\n"
        "3 固定资产投资增长7.5%左右。 区发改委 区工信局、区住建局。\n"
        "4 社会消费品零售总额增长8.2%左右。 区商务局 区发改委、区市场监管局。\n"
    )
    assert _rows(text)[3] == [
        "2",
        "一般公共预算收入增长5%左右。",
        "区财政局\n区税务局",
        "区政府有关部门,各乡镇人民政府、街道办事处。",
    ]
    tasks = _tasks(text)
    assert [sorted(t["lead"]) for t in tasks] == [
        ["区发改委"],
        ["区税务局", "区财政局"],
        ["区发改委"],
        ["区商务局"],
    ]
    assert tasks[1]["support"][0] == "区政府有关部门"


def test_a_space_tables_number_label_in_traditional_script() -> None:
    # 247: ``序號 重點工作任務 牽頭責任單位 一季度完成情況`` (pinyin removed before)
    text = (
        "序號 重點工作任務 牽頭責任單位 一季度完成情況\n"
        "1 地區生產總值增長6%以上。 縣發改委 一季度地區生產總值增長6.8%\n"
        "2 規模工業增加值增長4.5%。 縣工信局 規模工業增加值增長 11.9%\n"
        "3 財政一般公共預算收入增長3.7%以上。 縣財政局、縣稅務局 增長4.8%\n"
    )
    assert [t["lead"] for t in _tasks(text)] == [
        ["縣發改委"],
        ["縣工信局"],
        ["縣財政局", "縣稅務局"],
    ]


def test_decimal_headings_of_an_emergency_plan_are_sections() -> None:
    # 251 (and 135): ``6.3 医疗救护与卫生防疫`` over paragraphs each naming its unit; a figure
    # and its measure (``6.2万元``) or a date (``12.30前``) opening a line is no heading
    text = (
        "6.3 医疗救护与卫生防疫\n"
        "省卫生厅负责组织协调事发地卫生部门开展医疗救治工作。\n"
        "省农业厅负责组织人员在灾区加强动物疫病的预防工作。\n"
        "6.4 交通运输保障\n"
        "省交通厅负责组织运力。\n"
        "省公安厅负责交通管制。\n"
    )
    # (the space after the number goes, as spaces between characters do in sections)
    assert [t["section"] for t in _tasks(text)] == [["6.3医疗救护与卫生防疫"]] * 2 + [
        ["6.4交通运输保障"]
    ] * 2
    assert split_numbering("2.3.1 预警发布").style == "decimal-3"  # type: ignore[union-attr]
    assert split_numbering("6.2万元用于补助") is None
    assert split_numbering("12.30前完成验收") is None


def test_the_first_of_several_unit_headings_right_under_the_title() -> None:
    # 249: the notice's title, then bare unit lines each over its own 一、二、
    text = (
        "大同市人民政府办公厅关于印发《大同市艾滋病防治工作委员会成员单位职责》的通知\n\n"
        "  住房和城乡建设委员会\n\n"
        "  一、联合宣传、农业、工商、卫生等部门做好农民工预防艾滋病宣传教育工程。\n"
        "  二、做好建筑工地农民工的防治艾滋病工作。\n\n"
        "  总工会\n\n"
        "  一、在大型厂矿和工人文化宫设立艾滋病防治知识宣传栏。\n"
        "  二、每年组织开展1次以上“职工红丝带健康行动”活动。\n"
    )
    assert [t["responsible"] for t in _tasks(text)] == [["住房和城乡建设委员会"]] * 2 + [
        ["总工会"]
    ] * 2


def test_a_collective_of_levels_with_a_bracketed_level_is_one_unit() -> None:
    # 263: ``第六条 各区、县(市)政府的主要职责:`` — 各 covers the whole list, 县(市) a level
    assert split_units("各区、县(市)政府") == ["各区、县（市）政府"]
    assert split_units("市财政局、各区、县(市)政府") == ["市财政局", "各区、县（市）政府"]
    assert split_units("区财政局、县（市）政府") == ["区财政局", "县（市）政府"]  # no 各


def test_a_unit_set_off_from_its_duty_by_a_space() -> None:
    # 262: one line per unit, the name and its duty apart by a space, the duty opening with
    # a verb of its own (综合协调, 组织、协调), beside lines naming a role (负责, 参与)
    text = (
        "市质监局 综合协调和督查全市特种设备安全事故应急救援工作;组织专家组。\n"
        "市安监局 参与特种设备安全事故应急救援工作。\n"
        "市工业经委 负责特种设备企业事故应急救援中的有关协调工作。\n"
        "市卫生局 组织事故医疗救护工作。\n"
        "市环保局 负责事故引发的环境污染监测及处置工作。\n"
    )
    tasks = _tasks(text)
    assert [(t["responsible"], t["support"]) for t in tasks] == [
        (["市质监局"], []),
        ([], ["市安监局"]),
        (["市工业经委"], []),
        (["市卫生局"], []),
        (["市环保局"], []),
    ]


def test_headings_naming_the_unit_that_leads_the_work_under_them() -> None:
    # 265: ``(一)省监察厅牵头的工作`` over one paragraph; ``协同单位:`` after a heading's one
    # paragraph, or after each of its items (whose own marker names only supporters)
    text = (
        "一、孟学农省长负责的工作\n全面负责省人民政府工作任务的落实。\n"
        "(一)省监察厅牵头的工作\n加强行政监察工作,全面落实政府系统党风廉政建设责任制。\n"
        "(二)省审计厅牵头的工作\n全面加强审计工作。\n协同单位:省直各部门和各市人民政府。\n"
        "二、薛延忠常务副省长负责的工作\n协助省长抓好省人民政府工作任务的落实。\n"
        "(一)省人民政府办公厅牵头的工作\n1.加强政府自身建设,切实优化政务环境。\n"
        "协同单位:省直有关部门和各市人民政府。\n"
        "2.认真执行省人大及其常委会的各项决议、决定。\n协同单位:省直有关部门和各市人民政府。\n"
    )
    tasks = _tasks(text)
    assert [(t["lead"], sorted(t["support"])) for t in tasks] == [
        (["省监察厅"], []),
        (["省审计厅"], ["各市人民政府", "省直各部门"]),
        (["省人民政府办公厅"], ["各市人民政府", "省直有关部门"]),
        (["省人民政府办公厅"], ["各市人民政府", "省直有关部门"]),
    ]
    assert tasks[1]["text"] == "全面加强审计工作。"


def test_a_unit_named_after_the_category_of_an_etc_tail() -> None:
    # 265: ``省农业厅等省直有关部门和各市人民政府``: the tail's category goes, the unit after it stays
    assert split_units("省财政厅、省人事厅、省农业厅等省直有关部门和各市人民政府") == [
        "省财政厅",
        "省人事厅",
        "省农业厅",
        "各市人民政府",
    ]
    assert split_units("市公安局等部门和单位") == ["市公安局"]  # 单位 alone names no body


def test_a_run_of_paragraphs_each_opening_with_its_unit() -> None:
    # 262: ``市财政局 综合协调…`` between two lines whose units' verbs name no role either, in a
    # run of such lines with lines naming a role (负责)
    text = (
        "市民政局 负责事故中受害人员生活救助等工作。\n"
        "市劳动保障局 依法做好因工伤亡人员工伤认定及补偿等工作。\n"
        "市财政局 综合协调事故应急救援资金的保障工作。\n"
        "市总工会 组织、协调做好遇难、受伤人员家属的安抚工作。\n"
        "市交警支队 负责事故现场的交通管制工作。\n"
    )
    assert [t["responsible"] for t in _tasks(text)] == [
        ["市民政局"],
        ["市劳动保障局"],
        ["市财政局"],
        ["市总工会"],
        ["市交警支队"],
    ]


def test_a_label_or_heading_naming_other_bodies_heads_a_task_with_no_unit() -> None:
    # 235: ``其他部门:按照…``; 250: ``13、其他有关部门`` over its paragraph, among unit headings:
    # a duty whose performers are not named (a ``missing-units`` warning), not a unit
    text = (
        "11、公安部门\n负责事故现场的警戒和治安维护工作。\n"
        "12、监察部门\n负责对事故处置中失职、渎职行为的查处。\n"
        "13、其他有关部门\n根据突发环境事件应急处理的需要,做好相关工作。\n"
    )
    plan = parse_bytes(text.encode("utf-8"), "250.txt")
    assert [(t.text[:6], t.responsible) for t in plan.tasks] == [
        ("负责事故现场", ["公安部门"]),
        ("负责对事故处", ["监察部门"]),
        ("根据突发环境", []),
    ]
    assert any(w.code == "missing-units" for w in plan.warnings)
    tasks = _tasks(
        "市公安局:负责交通管制。\n市卫生局:负责医疗救护。\n其他部门:按照指挥部的指示,做好相关工作。\n"
    )
    assert [t["responsible"] for t in tasks] == [["市公安局"], ["市卫生局"], []]
