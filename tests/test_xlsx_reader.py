"""The XLSX reader on small workbooks made the way offices fill them: merged ranges, hidden
rows, columns and sheets, numbers and dates, a title row above the header."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any

import pytest

from fengong.document import Document, Paragraph, Table
from fengong.parsers import read_document, sniff_format
from fengong.parsers.xlsx.numfmt import format_date, format_number
from fengong.pipeline import parse_bytes


def workbook_bytes(fill: Any) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    fill(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def cells(table: Table) -> list[list[tuple[str, int, int] | None]]:
    return [[(c.text, c.row_span, c.col_span) if c else None for c in row.cells]
            for row in table.rows]  # fmt: skip


def only_table(doc: Document) -> Table:
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    return table


def plan_sheet(wb: Any) -> None:
    ws = wb.active
    ws["A1"] = "某区2024年重点工作任务清单"
    ws.merge_cells("A1:D1")
    ws.append(["序号", "工作任务", "责任单位", "完成时限"])
    ws.append([1, "全面公开重要政策措施。", "区发改局\n区财政局", dt.date(2024, 6, 30)])
    ws.append([2, "建立规范性文件公开台账。", None, dt.date(2024, 12, 31)])
    ws.append([3, "公开审计整改情况。", "区审计局", "长期坚持"])
    ws.merge_cells("C3:C4")
    ws["D3"].number_format = 'yyyy"年"m"月"d"日"'
    ws["D4"].number_format = "mm-dd-yy"


def test_merged_ranges_become_spans_and_a_title_row_a_paragraph() -> None:
    doc = read_document(workbook_bytes(plan_sheet))
    assert doc.format == "xlsx" and doc.merges_visible
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == [
        "某区2024年重点工作任务清单"
    ]
    assert cells(only_table(doc)) == [
        [("序号", 1, 1), ("工作任务", 1, 1), ("责任单位", 1, 1), ("完成时限", 1, 1)],
        [("1", 1, 1), ("全面公开重要政策措施。", 1, 1), ("区发改局\n区财政局", 2, 1),
         ("2024年6月30日", 1, 1)],
        [("2", 1, 1), ("建立规范性文件公开台账。", 1, 1), None, ("2024/12/31", 1, 1)],
        [("3", 1, 1), ("公开审计整改情况。", 1, 1), ("区审计局", 1, 1), ("长期坚持", 1, 1)],
    ]  # fmt: skip


def test_the_plan_of_a_workbook() -> None:
    plan = parse_bytes(workbook_bytes(plan_sheet), "任务清单.xlsx")
    assert plan.source.format == "xlsx"
    assert plan.title == "某区2024年重点工作任务清单" and plan.year == 2024
    assert [t.number for t in plan.tasks] == ["1", "2", "3"]
    assert [t.responsible for t in plan.tasks] == [["区发改局", "区财政局"]] * 2 + [["区审计局"]]
    assert plan.tasks[0].deadline is not None
    assert plan.tasks[0].deadline.due == dt.date(2024, 6, 30)


def test_hidden_rows_columns_and_sheets_and_empty_sheets_are_left_out() -> None:
    def fill(wb: Any) -> None:
        ws = wb.active
        ws.append(["内部编号", "序号", "工作任务", "责任单位"])
        ws.append(["X-1", 1, "任务一。", "甲局"])
        ws.append(["X-2", 2, "已撤销的任务。", "乙局"])
        ws.append(["X-3", 3, "任务三。", "丙局"])
        ws.merge_cells("D2:D4")  # a merge across the hidden row counts the rows shown
        ws.row_dimensions[3].hidden = True
        ws.column_dimensions["A"].hidden = True
        wb.create_sheet("Sheet2")
        old = wb.create_sheet("旧版")
        old.append(["不应读到"])
        old.sheet_state = "hidden"

    doc = read_document(workbook_bytes(fill))
    assert cells(only_table(doc)) == [
        [("序号", 1, 1), ("工作任务", 1, 1), ("责任单位", 1, 1)],
        [("1", 1, 1), ("任务一。", 1, 1), ("甲局", 2, 1)],
        [("3", 1, 1), ("任务三。", 1, 1), None],
    ]


def test_every_visible_sheet_with_content_is_a_table() -> None:
    def fill(wb: Any) -> None:
        wb.active.append(["任务", "责任单位"])
        wb.active.append(["甲任务。", "甲局"])
        second = wb.create_sheet("第二部分")
        second.append(["任务", "责任单位"])
        second.append(["乙任务。", "乙局"])

    doc = read_document(workbook_bytes(fill))
    assert [cells(b)[1][0] for b in doc.blocks if isinstance(b, Table)] == [
        ("甲任务。", 1, 1),
        ("乙任务。", 1, 1),
    ]
    assert [b.provenance.table for b in doc.blocks] == [0, 1]


def _with_builtin_format(data: bytes, number_format_id: int) -> bytes:
    """The workbook with its custom number format replaced by a built-in id (as a Chinese
    Excel writes 2024年6月30日: numFmtId 31, no format code in the file)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        for name in old.namelist():
            part = old.read(name)
            if name == "xl/styles.xml":
                part = re.sub(rb'numFmtId="16[4-9]"', b'numFmtId="%d"' % number_format_id, part)
                part = re.sub(rb"<numFmts.*?</numFmts>", b"", part)
            new.writestr(name, part)
    return out.getvalue()


@pytest.mark.parametrize(
    ("format_id", "shown"),
    [(31, "2024年6月30日"), (57, "2024年6月"), (58, "6月30日"), (14, "2024/6/30")],
)
def test_chinese_builtin_date_formats_show_as_excel_shows_them(format_id: int, shown: str) -> None:
    def fill(wb: Any) -> None:
        wb.active.append(["任务", "完成时限"])
        wb.active.append(["某任务。", dt.date(2024, 6, 30)])
        wb.active["B2"].number_format = 'yyyy"年"m"月"d"日"'

    data = _with_builtin_format(workbook_bytes(fill), format_id)
    assert cells(only_table(read_document(data)))[1][1] == (shown, 1, 1)


@pytest.mark.parametrize(
    ("value", "code", "shown"),
    [
        (1, "General", "1"),
        (2.0, "General", "2"),
        (0.1 + 0.2, "General", "0.3"),
        (1234567.891, "#,##0.00", "1,234,567.89"),
        (0.25, "0%", "25%"),
        (3, "000", "003"),
        (-5, "0;(0)", "(5)"),
        (12, '0"项"', "12项"),
        (7, "@", "7"),
    ],
)
def test_numbers_show_in_their_format(value: float, code: str, shown: str) -> None:
    assert format_number(value, code) == shown


@pytest.mark.parametrize(
    ("code", "shown"),
    [
        ("yyyy-mm-dd", "2024-06-30"),
        ("h:mm", "14:05"),
        ('上午/下午h"时"mm"分"', "下午2时05分"),
        ("[$-F800]dddd, mmmm dd, yyyy", "2024年6月30日"),
        ("General", "2024/6/30 14:05"),
        ("aaaa", "星期日"),
    ],
)
def test_dates_show_in_their_format(code: str, shown: str) -> None:
    assert format_date(dt.datetime(2024, 6, 30, 14, 5, 9), code) == shown


def test_a_zip_with_xl_is_a_workbook_and_other_zips_are_refused() -> None:
    from fengong.errors import UnsupportedFormatError

    assert sniff_format(workbook_bytes(plan_sheet)) == "xlsx"
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("readme.txt", "x")
    with pytest.raises(UnsupportedFormatError, match="ZIP archive"):
        sniff_format(other.getvalue())


def test_an_empty_workbook_is_an_empty_document_error() -> None:
    from fengong.errors import EmptyDocumentError

    with pytest.raises(EmptyDocumentError):
        read_document(workbook_bytes(lambda wb: None))
