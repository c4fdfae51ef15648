"""Responsibility text → units by role (SPEC.md, Reading responsibility text)."""

from __future__ import annotations

import pytest

from fengong.interpret.units import parse_responsibility, split_units, states_first_unit_leads

# (text, column role, lead, responsible, support): SPEC.md's table first, then real cells
# from the seeds and from other plans' shapes.
CASES = [
    ("政策法规处牵头,各处室配合", "responsible", ["政策法规处"], [], ["各处室"]),
    ("区司法局牵头，会同各单位", "responsible", ["区司法局"], [], ["各单位"]),
    ("区财政局，各镇政府", "responsible", [], ["区财政局", "各镇政府"], []),
    ("责任单位：党政办牵头，各部门单位负责落实", "responsible", ["党政办"], ["各部门单位"], []),
    ("市政府办、市审计局分别负责", "lead", ["市政府办", "市审计局"], [], []),
    # SPEC: 主办 → lead, 承办 → responsible, 协办 → support, as verbs; 124's cell puts one
    # after each unit of a 、-list; in a name (局主办科室) they are no role
    ("局防控办主办、各工作组协办", "responsible", ["局防控办"], [], ["各工作组"]),
    ("由市文广新局承办，市财政局协办", "responsible", [], ["市文广新局"], ["市财政局"]),
    ("局主办科室", "responsible", [], ["局主办科室"], []),
    (
        "区农业农村局牵头会同区科工商信局等相关单位，各镇（街）",
        "responsible",
        ["区农业农村局"],
        ["各镇（街）"],
        ["区科工商信局"],
    ),
    (
        "办公室牵头，各处室配合及生产力促进中心",
        "responsible",
        ["办公室"],
        [],
        ["各处室", "生产力促进中心"],
    ),
    (
        "牵头单位：市发改委，配合单位：市财政局，各区、县级市",
        "responsible",
        ["市发改委"],
        [],
        ["市财政局", "各区、县级市"],
    ),
    ("配合单位：各项目牵头单位", "responsible", [], [], ["各项目牵头单位"]),
    ("起草文件的牵头部门", "support", [], [], ["起草文件的牵头部门"]),
    (
        "具有行政权力、公共服务事项的市直单位",
        "support",
        [],
        [],
        ["具有行政权力、公共服务事项的市直单位"],
    ),
    ("被督查、审计的相关单位", "support", [], [], ["被督查、审计的相关单位"]),
    (
        "负责重点领域信息公开的市直牵头单位按职责分工分别负责",
        "lead",
        ["负责重点领域信息公开的市直牵头单位"],
        [],
        [],
    ),
    (
        "市财政局、市水利局等具有行政监管职责的部门按职责分工分别负责",
        "lead",
        ["市财政局", "市水利局"],
        [],
        [],
    ),
    (
        "市委宣传部、市委统战部、市人大常委会办公室、市政协办公室",
        "lead",
        ["市委宣传部", "市委统战部", "市人大常委会办公室", "市政协办公室"],
        [],
        [],
    ),
    ("市政府办、市发改委(物价局)", "lead", ["市政府办", "市发改委（物价局）"], [], []),
    ("区市场监管局牵头，区发改局等单位参与", "responsible", ["区市场监管局"], [], ["区发改局"]),
    (
        "国务院审改办、人力资源社会保障部负责",
        "responsible",
        [],
        ["国务院审改办", "人力资源社会保障部"],
        [],
    ),
    (
        "牵头责任单位：市住建局；协同责任单位：市城管局",
        "responsible",
        ["市住建局"],
        [],
        ["市城管局"],
    ),
    ("【牵头单位：县水利局】", "responsible", ["县水利局"], [], []),
    ("各议题\n主办单位", "responsible", [], ["各议题主办单位"], []),
    ("市政府办、市信息办、市信息办", "lead", ["市政府办", "市信息办"], [], []),
    ("牽頭單位：市發改委", "responsible", ["市發改委"], [], []),
]


@pytest.mark.parametrize(("text", "column", "lead", "responsible", "support"), CASES)
def test_roles(
    text: str, column: str, lead: list[str], responsible: list[str], support: list[str]
) -> None:
    result = parse_responsibility(text, column)
    assert (result.lead, result.responsible, result.support) == (lead, responsible, support)


def test_unit_listed_once_in_strongest_role() -> None:
    result = parse_responsibility("市政府办牵头，市政府办、市财政局配合")
    assert result.lead == ["市政府办"]
    assert result.support == ["市财政局"]


def test_leading_ge_distributes_over_its_list() -> None:
    assert split_units("各县、市、区政府") == ["各县、市、区政府"]
    assert split_units("市直有关部门、单位") == ["市直有关部门、单位"]
    assert split_units("各镇政府、区生态环境分局") == ["各镇政府", "区生态环境分局"]


def test_split_at_conjunction_only_between_units() -> None:
    assert split_units("各处室及有关直属单位") == ["各处室", "有关直属单位"]
    assert split_units("具有公共服务和行政审批事项的市直单位") == [
        "具有公共服务和行政审批事项的市直单位"
    ]


def test_deadline_and_leaders_inside_a_marker() -> None:
    result = parse_responsibility("牵头单位：市发改委；责任领导：张三、李四；完成时限：6月底前")
    assert result.lead == ["市发改委"]
    assert result.leaders == ["张三", "李四"]
    assert result.deadline_raw == "6月底前"


def test_first_listed_unit_leads_when_the_plan_says_so() -> None:
    assert states_first_unit_leads("（注：列第一位的为牵头单位，下同）")
    assert states_first_unit_leads("排在首位的为牵头单位")
    result = parse_responsibility("市发改委、市财政局、市统计局", first_leads=True)
    assert result.lead == ["市发改委"]
    assert result.responsible == ["市财政局", "市统计局"]
    marked = parse_responsibility("市财政局牵头，市发改委配合", first_leads=True)
    assert marked.lead == ["市财政局"] and marked.support == ["市发改委"]
