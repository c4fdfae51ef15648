"""Deadline text → (due, kind) (SPEC.md, Deadlines)."""

from __future__ import annotations

import datetime as dt

import pytest

from fengong.interpret.deadlines import parse_deadline

D = dt.date


@pytest.mark.parametrize(
    ("raw", "due", "kind"),
    [
        ("3月31日前", D(2019, 3, 31), "date"),
        ("2020年3月31日前完成", D(2020, 3, 31), "date"),
        ("6月底前", D(2019, 6, 30), "month"),
        ("2月底前", D(2019, 2, 28), "month"),
        ("6月前", D(2019, 6, 30), "month"),
        ("12月中旬", D(2019, 12, 20), "month"),
        ("第三季度", D(2019, 9, 30), "quarter"),
        ("三季度末", D(2019, 9, 30), "quarter"),
        ("上半年", D(2019, 6, 30), "half"),
        ("下半年", D(2019, 12, 31), "half"),
        ("全年", D(2019, 12, 31), "year"),
        ("年底前", D(2019, 12, 31), "year"),
        ("2018-2020年", D(2020, 12, 31), "year"),
        ("长期坚持", None, "ongoing"),
        ("持续推进", None, "ongoing"),
        ("每季度", None, "recurring"),
        ("每月", None, "recurring"),
        ("新条例出台后", None, "conditional"),
        ("待上级部署后", None, "conditional"),
        ("按上级要求", None, "unknown"),
        ("6月底前完成方案，12月底前建成", D(2019, 12, 31), "month"),
        ("２０２０年６月底前", D(2020, 6, 30), "month"),
    ],
)
def test_kinds(raw: str, due: dt.date | None, kind: str) -> None:
    assert parse_deadline(raw, 2019) == (due, kind)


def test_no_plan_year_means_no_due_for_yearless_text() -> None:
    assert parse_deadline("6月底前", None) == (None, "month")
    assert parse_deadline("2019年6月底前", None) == (D(2019, 6, 30), "month")


def test_impossible_day_gives_no_due() -> None:
    assert parse_deadline("2月30日前", 2019) == (None, "date")
