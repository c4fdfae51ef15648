"""The one grammar of item numbers (fengong.item_numbers) on numbers as real plans print
them, and the guard that no stage writes its own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fengong.interpret.numbering import split_numbering
from fengong.item_numbers import (
    HEADING_NUMBER,
    ITEM_NUMBER,
    ROW_NUMBER,
    cn_to_int,
    to_chinese,
)

SRC = Path(__file__).resolve().parent.parent / "src" / "fengong"


@pytest.mark.parametrize(
    "line",
    [
        "一、总体要求",
        "十二、强化督查考核",
        "（三）推进政务公开",
        "(12)加强统筹",
        "3.深化“放管服”改革",
        "3、全面推行清单管理",
        "3．优化营商环境",
        "3﹒建立健全工作机制",  # the small full stop of some copies
        "2、2010年底前全面完成",  # 、 ends a number whatever follows (136)
        "1.2009年底前,完成特勤消防三中队",  # a year after the dot, not a decimal (179)
    ],
)
def test_an_item_number_opens_the_line(line: str) -> None:
    assert re.match(ITEM_NUMBER, line)


@pytest.mark.parametrize("line", ["1.5亿元用于", "2.2021亿元", "2021年底前完成", "（一）"[1:]])
def test_an_amount_a_year_or_half_a_bracket_is_no_item_number(line: str) -> None:
    assert not re.match(ITEM_NUMBER, line)


def test_a_heading_number_is_chinese_only() -> None:
    assert re.match(HEADING_NUMBER, "（十二）全面推行主动公开基本目录制度")
    assert re.match(HEADING_NUMBER, "三、保障措施")
    assert not re.match(HEADING_NUMBER, "（3）按季度报送")
    assert not re.match(HEADING_NUMBER, "3.按季度报送")


@pytest.mark.parametrize("cell", ["12", "12.", "12、", "（12）", "(7)", "12﹒"])
def test_a_row_number_cell(cell: str) -> None:
    assert re.fullmatch(ROW_NUMBER, cell)


@pytest.mark.parametrize("cell", ["12项", "2021", "一", "1.5"])
def test_no_row_number_cell(cell: str) -> None:
    assert not re.fullmatch(ROW_NUMBER, cell)


def test_numbers_are_written_and_read_back_in_chinese() -> None:
    for n, printed in ((1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (105, "一百〇五")):
        assert to_chinese(n) == printed
        assert cn_to_int(printed) == n
    assert cn_to_int("两") == 2 and cn_to_int("一百零五") == 105
    assert cn_to_int("第一") is None


def test_the_interpreter_reads_every_style_from_the_same_grammar() -> None:
    styles = {
        "一、总体要求": ("cn", "一"),
        "（十二）全面推行": ("cn-paren", "（十二）"),
        "3﹒建立健全": ("arabic", "3"),
        "（4）按季度报送": ("arabic-paren", "（4）"),
        "②完善机制": ("circled", "②"),
        "第三章 保障措施": ("chapter", "第三章"),
        "第七条 区科委工作职责：": ("article", "第七条"),  # 133
    }
    for line, (style, token) in styles.items():
        found = split_numbering(line)
        assert found is not None and (found.style, found.token) == (style, token), line


def test_no_stage_writes_its_own_numbering_pattern() -> None:
    # Chinese digits, in a pattern or a conversion, belong to fengong.item_numbers
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if "一二三四五六七八九" in path.read_text("utf-8") and path.name != "item_numbers.py"
    ]
    assert offenders == []
