"""Outline numbering and item splitting."""

from __future__ import annotations

import pytest

from fengong.interpret.items import split_items
from fengong.interpret.numbering import OutlineStack, split_numbering
from fengong.item_numbers import cn_to_int


@pytest.mark.parametrize(
    ("text", "style", "token", "rest"),
    [
        ("一、着眼稳定预期", "cn", "一", "着眼稳定预期"),
        ("（十二）全面推行", "cn-paren", "（十二）", "全面推行"),
        ("(一)围绕建设法治政府", "cn-paren", "(一)", "围绕建设法治政府"),
        ("1.全面公开", "arabic", "1", "全面公开"),
        ("27. 充分发挥", "arabic", "27", "充分发挥"),
        ("1．全面公开", "arabic", "1", "全面公开"),
        ("（3）做好", "arabic-paren", "（3）", "做好"),
        ("①加强", "circled", "①", "加强"),
    ],
)
def test_split_numbering(text: str, style: str, token: str, rest: str) -> None:
    n = split_numbering(text)
    assert n is not None and (n.style, n.token, n.rest) == (style, token, rest)


@pytest.mark.parametrize("text", ["2018年政务公开", "3 个工作日内", "1.5倍", "十九大以来"])
def test_not_numbering(text: str) -> None:
    assert split_numbering(text) is None


def test_cn_numbers() -> None:
    assert [cn_to_int(t) for t in ("一", "十", "十二", "二十三", "一百零五")] == [
        1,
        10,
        12,
        23,
        105,
    ]


def test_outline_stack_reads_order_from_document() -> None:
    stack = OutlineStack()
    stack.push("cn", "一、甲")
    stack.push("cn-paren", "（一）乙")
    stack.push("cn-paren", "（二）丙")
    assert stack.path() == ["一、甲", "（二）丙"]
    stack.push("cn", "二、丁")
    assert stack.path() == ["二、丁"]


def test_items_split_on_counting_numbers_only() -> None:
    cell = "1、建章立制。制定办法。2、专人负责。安排专人。3、加强监督和考核。"
    assert split_items(cell) == ["建章立制。制定办法。", "专人负责。安排专人。", "加强监督和考核。"]
    assert split_items("评价公开的情况（内容、时间、载体）。") == [
        "评价公开的情况（内容、时间、载体）。"
    ]
    assert split_items("应在3个工作日内、5个工作日内公开") == ["应在3个工作日内、5个工作日内公开"]
    assert split_items("1.评价数量。\n2.评价质量。") == ["评价数量。", "评价质量。"]
    assert split_items("") == []
