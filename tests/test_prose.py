"""Reading prose (SPEC.md): markers, headings, sub-items, unbracketed units."""

from __future__ import annotations

from fengong.pipeline import parse_bytes


def _tasks(text: str):  # type: ignore[no-untyped-def]
    return parse_bytes(text.encode("utf-8"), "prose.txt").tasks


REPORT = """某市2021年政府工作报告重点工作分工方案
一、总体要求
坚持稳中求进工作总基调。
二、重点任务
（一）扎实做好“六稳”工作。
1.稳定和扩大就业。实施就业优先政策。（牵头单位：市人社局；配合单位：市财政局、各区政府）
2.促进消费回升。开展促消费活动（市商务局负责，6月底前完成）；完善物流体系（市交通局牵头，市商务局配合）。
3.优化营商环境
深化“放管服”改革，压减审批时限。（责任单位：市政务服务局）
（二）加强民生保障。
1.完善社会保障体系：
（1）扩大养老保险覆盖面；
（2）提高城乡低保标准。
（责任单位：市民政局、市人社局）
2.推进老旧小区改造，由市住建局会同市财政局负责。
三、保障措施
各单位要高度重视，切实抓好落实。
"""


def test_prose_tasks_from_markers() -> None:
    tasks = _tasks(REPORT)
    texts = [t.text for t in tasks]
    assert texts[0] == "稳定和扩大就业。实施就业优先政策。"
    assert tasks[0].lead == ["市人社局"] and tasks[0].support == ["市财政局", "各区政府"]
    assert tasks[0].section == ["二、重点任务", "（一）扎实做好“六稳”工作。"]
    assert tasks[0].number == "1"


def test_several_markers_close_several_tasks_with_their_deadlines() -> None:
    tasks = _tasks(REPORT)
    assert tasks[1].text == "促进消费回升。开展促消费活动"
    assert tasks[1].responsible == ["市商务局"]
    assert tasks[1].deadline is not None and tasks[1].deadline.due.isoformat() == "2021-06-30"
    assert tasks[2].text == "完善物流体系"
    assert tasks[2].lead == ["市交通局"] and tasks[2].support == ["市商务局"]


def test_heading_and_paragraph_with_marker_are_one_task() -> None:
    task = _tasks(REPORT)[3]
    assert task.number == "3"
    assert task.text == "优化营商环境\n深化“放管服”改革，压减审批时限。"
    assert task.responsible == ["市政务服务局"]


def test_marker_after_subitems_covers_the_parent() -> None:
    task = _tasks(REPORT)[4]
    assert task.text.startswith("完善社会保障体系：")
    assert "（2）提高城乡低保标准" in task.text
    assert task.responsible == ["市民政局", "市人社局"]
    assert task.section == ["二、重点任务", "（二）加强民生保障。"]


def test_sentence_naming_units_is_a_task() -> None:
    task = _tasks(REPORT)[5]
    assert task.text == "推进老旧小区改造，由市住建局会同市财政局负责。"
    assert task.responsible == ["市住建局"] and task.support == ["市财政局"]


def test_prose_without_markers_holds_no_tasks() -> None:
    assert len(_tasks(REPORT)) == 6


def test_first_listed_unit_leads_in_prose_after_the_statement() -> None:
    text = (
        "某县2022年重点工作分工方案\n"
        "一、重点任务\n"
        "1.完善水利设施。（县水利局、县财政局）\n"
        "各项任务中列第一位的为牵头单位。\n"
        "2.推进河道整治。（县水利局、县生态环境局）\n"
    )
    tasks = _tasks(text)
    assert tasks[0].lead == [] and tasks[0].responsible == ["县水利局", "县财政局"]
    assert tasks[1].lead == ["县水利局"] and tasks[1].responsible == ["县生态环境局"]


def test_bracket_after_a_name_is_not_a_marker() -> None:
    text = (
        "某市2022年工作分工方案\n一、重点任务\n"
        "1.按时报送数据至市发改委（物价局）。\n"
        "2.做好价格监测。（市发改委）\n"
    )
    tasks = _tasks(text)
    assert [t.number for t in tasks] == ["2"]
    assert tasks[0].responsible == ["市发改委"]


def test_first_unit_leads_under_a_neutral_label() -> None:
    from fengong.interpret.units import parse_responsibility

    result = parse_responsibility("责任单位：县水利局、县财政局", first_leads=True)
    assert result.lead == ["县水利局"] and result.responsible == ["县财政局"]
    support_only = parse_responsibility("配合单位：县财政局", first_leads=True)
    assert support_only.lead == [] and support_only.support == ["县财政局"]
