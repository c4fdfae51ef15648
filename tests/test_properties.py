"""Property-based tests: random and mutated input never crashes a reader or a parser
with anything but the documented errors, and every plan produced validates."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fengong.errors import FengongError
from fengong.interpret.deadlines import parse_deadline
from fengong.interpret.units import parse_responsibility
from fengong.pipeline import parse_bytes
from fengong.schema import UNIT_ROLES, Plan
from tests.conftest import SAMPLES, make_pdf

# the vocabulary of responsibility and deadline text, so that random strings hit the rules
_WORDS = [
    "市发改委", "市财政局", "各区政府", "市司法局（法制办）", "牵头", "配合", "负责", "参与",
    "牵头单位：", "配合单位：", "责任单位：", "等部门", "按职责分工", "、", "，", "；", "。",
    "及", "和", "与", "（", "）", "(", ")", "/", "由", "会同", "年底前", "6月底前", "2024年",
    "第三季度", "上半年", "长期坚持", "每月", "持续推进", "12月31日前", "前", "\n", " ",
]  # fmt: skip
phrases = st.lists(st.sampled_from(_WORDS) | st.text(max_size=3), max_size=20).map("".join)
_FAST = settings(max_examples=200, deadline=None)
_SLOW = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FAST
@given(phrases, st.sampled_from(UNIT_ROLES), st.booleans())
def test_responsibility_text_never_crashes_and_units_are_clean(
    text: str, default: str, first_leads: bool
) -> None:
    found = parse_responsibility(text, default, first_leads=first_leads)
    named = found.lead + found.responsible + found.support
    assert len(named) == len(set(named)), "a unit is listed once, in its strongest role"
    for unit in named:
        assert unit and unit == unit.strip() and not any(c.isspace() for c in unit)


@_FAST
@given(phrases, st.none() | st.integers(1949, 2100))
def test_deadline_text_never_crashes(text: str, year: int | None) -> None:
    due, kind = parse_deadline(text, year)
    assert due is None or isinstance(due, dt.date)
    assert kind in {"date", "month", "quarter", "half", "year", "ongoing", "recurring",
                    "conditional", "unknown"}  # fmt: skip


def _parses_or_refuses(data: bytes) -> None:
    try:
        plan = parse_bytes(data, "fuzz")
    except FengongError:
        return
    assert Plan.model_validate_json(plan.model_dump_json()) == plan


@_FAST
@given(st.binary(max_size=2048))
def test_random_bytes(data: bytes) -> None:
    _parses_or_refuses(data)


TEXT = (SAMPLES / "text" / "seed002_tab-cells_section-rows.txt").read_bytes()


@_SLOW
@given(st.integers(0, len(TEXT)), st.integers(0, 400), st.binary(max_size=16))
def test_mutated_text_plan(at: int, cut: int, insert: bytes) -> None:
    _parses_or_refuses(TEXT[:at] + insert + TEXT[at + cut :])


def _docx_with(document: bytes) -> bytes:
    source = (SAMPLES / "docx" / "seed000_tsv_merged-cells_no-units.docx").read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as old, zipfile.ZipFile(out, "w") as new:
        for name in old.namelist():
            new.writestr(name, document if name == "word/document.xml" else old.read(name))
    return out.getvalue()


DOCX_XML = zipfile.ZipFile(
    io.BytesIO((SAMPLES / "docx" / "seed000_tsv_merged-cells_no-units.docx").read_bytes())
).read("word/document.xml")


@_SLOW
@given(st.integers(0, len(DOCX_XML)), st.integers(0, 200), st.binary(max_size=8))
def test_mutated_docx_xml(at: int, cut: int, insert: bytes) -> None:
    _parses_or_refuses(_docx_with(DOCX_XML[:at] + insert + DOCX_XML[at + cut :]))


@_SLOW
@given(st.data())
def test_mutated_docx_bytes(data: st.DataObject) -> None:
    source = bytearray(_docx_with(DOCX_XML))
    for _ in range(data.draw(st.integers(1, 8))):
        source[data.draw(st.integers(0, len(source) - 1))] = data.draw(st.integers(0, 255))
    _parses_or_refuses(bytes(source))


PDF = make_pdf(
    [("BT /F1 12 Tf 72 700 Td (Plan 2025) Tj 0 -20 Td (1. Task one) Tj ET",
      "<< /Font << /F1 5 0 R >> >>")],
    ["<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"],
)  # fmt: skip


@_SLOW
@given(st.integers(0, len(PDF)), st.integers(0, 40), st.binary(max_size=8))
def test_mutated_pdf(at: int, cut: int, insert: bytes) -> None:
    _parses_or_refuses(PDF[:at] + insert + PDF[at + cut :])


PAGE = (SAMPLES / "html" / "seed002_tab-cells_section-rows.html").read_bytes()


@_SLOW
@given(st.integers(0, len(PAGE)), st.integers(0, 400), st.binary(max_size=16))
@example(at=1506, cut=336, insert=b"\x01")  # a control character lxml's text nodes refuse
def test_mutated_web_page(at: int, cut: int, insert: bytes) -> None:
    _parses_or_refuses(PAGE[:at] + insert + PAGE[at + cut :])


SHEET_BOOK = (SAMPLES / "xlsx" / "seed000_tsv_merged-cells_no-units.xlsx").read_bytes()
SHEET_XML = zipfile.ZipFile(io.BytesIO(SHEET_BOOK)).read("xl/worksheets/sheet1.xml")


def _xlsx_with(sheet: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(SHEET_BOOK)) as old, zipfile.ZipFile(out, "w") as new:
        for name in old.namelist():
            new.writestr(name, sheet if name == "xl/worksheets/sheet1.xml" else old.read(name))
    return out.getvalue()


@_SLOW
@given(st.integers(0, len(SHEET_XML)), st.integers(0, 200), st.binary(max_size=8))
def test_mutated_xlsx_sheet(at: int, cut: int, insert: bytes) -> None:
    _parses_or_refuses(_xlsx_with(SHEET_XML[:at] + insert + SHEET_XML[at + cut :]))
