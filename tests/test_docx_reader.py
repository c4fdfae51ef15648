"""The DOCX reader on small Word fragments written by hand (tests/conftest.make_docx)."""

from __future__ import annotations

import pytest

from fengong.document import Paragraph, Table
from fengong.errors import EncryptedError, FengongError, UnreadableError
from fengong.item_numbers import to_chinese
from fengong.parsers import read_document
from fengong.parsers.word.numbering import format_number
from fengong.pipeline import parse_bytes
from tests.conftest import make_docx, p, tbl, tc, tr


def _read(body: str, **parts: str):  # type: ignore[no-untyped-def]
    return read_document(make_docx(body, **parts), "fragment.docx")


def _texts(body: str, **parts: str) -> list[str]:
    return [b.text for b in _read(body, **parts).blocks if isinstance(b, Paragraph)]


# --- numbering -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "printed"),
    [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"), (100, "一百"),
     (105, "一百〇五"), (110, "一百一十")],
)  # fmt: skip
def test_chinese_counting(n: int, printed: str) -> None:
    assert to_chinese(n) == printed


@pytest.mark.parametrize(
    ("fmt", "n", "printed"),
    [
        ("decimal", 3, "3"),
        ("ideographTraditional", 2, "乙"),
        ("decimalEnclosedParen", 3, "⑶"),
        ("decimalEnclosedCircle", 3, "③"),
        ("decimalEnclosedCircleChinese", 10, "⑩"),
        ("chineseCountingThousand", 12, "十二"),
        ("lowerLetter", 2, "b"),
        ("upperRoman", 4, "IV"),
        ("decimalFullWidth", 12, "１２"),
    ],
)
def test_number_formats(fmt: str, n: int, printed: str) -> None:
    assert format_number(n, fmt) == printed


def _level(ilvl: int, fmt: str, text: str, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


OUTLINE = (
    '<w:abstractNum w:abstractNumId="1">'
    + _level(0, "chineseCounting", "%1、")
    + _level(1, "chineseCounting", "（%2）")
    + _level(2, "decimal", "%3.")
    + "</w:abstractNum>"
    '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
)


def _decimal_list(abstract_id: int, nums: list[tuple[int, bool]]) -> str:
    """numbering.xml content: one decimal ``%1.`` list and its instances, each given as
    (numId, restarts at 1 with startOverride)."""
    out = (
        f'<w:abstractNum w:abstractNumId="{abstract_id}">'
        + _level(0, "decimal", "%1.")
        + "</w:abstractNum>"
    )
    for num_id, restart in nums:
        override = (
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
            if restart
            else ""
        )
        out += (
            f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'
        )
    return out


def _numbered(text: str, num: int = 5, ilvl: int = 0) -> str:
    return p(text, f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>')


def test_outline_numbering_is_printed_as_word_prints_it() -> None:
    body = (
        _numbered("总体要求")
        + _numbered("主要任务")
        + _numbered("加强解读", ilvl=1)
        + _numbered("做好A。", ilvl=2)
        + _numbered("做好B。", ilvl=2)
        + _numbered("回应关切", ilvl=1)
        + _numbered("做好C。", ilvl=2)
        + _numbered("保障措施")
    )
    assert _texts(body, numbering=OUTLINE) == [
        "一、总体要求",
        "二、主要任务",
        "（一）加强解读",
        "1.做好A。",
        "2.做好B。",
        "（二）回应关切",
        "1.做好C。",
        "三、保障措施",
    ]


def test_a_restarted_instance_counts_from_its_start_and_a_plain_one_continues() -> None:
    numbering = _decimal_list(2, [(7, False), (8, True), (9, False)])
    body = (
        _numbered("甲", 7) + _numbered("乙", 7)
        + _numbered("丙", 8) + _numbered("丁", 8)
        + _numbered("戊", 9)
    )  # fmt: skip
    assert _texts(body, numbering=numbering) == ["1.甲", "2.乙", "1.丙", "2.丁", "3.戊"]


def test_numbering_from_the_paragraph_style() -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="5"/>'
        "</w:numPr></w:pPr></w:style>"
        '<w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="H1"/></w:style>'
    )
    body = p("总体要求", '<w:pStyle w:val="H1"/>') + p("主要任务", '<w:pStyle w:val="H1b"/>')
    assert _texts(body, numbering=OUTLINE, styles=styles) == ["一、总体要求", "二、主要任务"]


def test_numbering_without_a_definition_is_a_warning_not_a_crash() -> None:
    body = _numbered("总体要求", num=42) + p("正文。")
    doc = _read(body, numbering=OUTLINE)
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == ["总体要求", "正文。"]
    assert [code for code, _, _ in doc.notes] == ["numbering-missing"]
    no_part = read_document(make_docx(_numbered("总体要求")), "x.docx")
    assert [code for code, _, _ in no_part.notes] == ["numbering-missing"]


def test_numbered_items_in_a_cell_split_into_criteria() -> None:
    numbering = _decimal_list(3, [(11, False), (12, True)])
    body = tbl(
        tr(tc("工作任务"), tc("评价标准"), tc("责任单位")),
        tr(tc("做好政策解读。"), tc(_numbered("数量达标。", 11) + _numbered("及时解读。", 11)),
           tc("市政府办")),
        tr(tc("回应社会关切。"), tc(_numbered("回应及时。", 12) + _numbered("口径统一。", 12)),
           tc("市委宣传部")),
    )  # fmt: skip
    plan = parse_bytes(make_docx(body, numbering=numbering), "x.docx")
    assert [t.criteria for t in plan.tasks] == [
        ["数量达标。", "及时解读。"],
        ["回应及时。", "口径统一。"],
    ]


# --- text ----------------------------------------------------------------------------------


def test_tracked_changes_read_as_accepted_fields_and_hyperlinks_as_shown() -> None:
    body = (
        "<w:p>"
        '<w:r><w:t>由</w:t></w:r>'
        '<w:del w:id="1" w:author="a"><w:r><w:delText>市财政局</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="a"><w:r><w:t>市发改委</w:t></w:r></w:ins>'
        '<w:r><w:t>负责，详见</w:t></w:r>'
        '<w:hyperlink r:id="rId9"><w:r><w:t>附件</w:t></w:r></w:hyperlink>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>3</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>'
        "</w:p>"
    )  # fmt: skip
    assert _texts(body) == ["由市发改委负责，详见附件3"]


def test_line_breaks_and_paragraphs_of_a_cell_are_lines() -> None:
    cell = tc(p("第一段") + "<w:p><w:r><w:t>甲</w:t><w:br/><w:t>乙</w:t></w:r></w:p>" + p(""))
    doc = _read(tbl(tr(cell)))
    table = doc.blocks[0]
    assert isinstance(table, Table)
    assert table.rows[0].cells[0] is not None
    assert table.rows[0].cells[0].text == "第一段\n甲\n乙"


def test_text_box_choice_read_once_without_its_fallback() -> None:
    box = "<w:txbxContent>" + p("框内文字") + "</w:txbxContent>"
    body = (
        "<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent>"
        f'<mc:Choice Requires="wps"><w:drawing>{box}</w:drawing></mc:Choice>'
        f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )
    assert _texts(body) == ["正文", "框内文字"]


# --- tables --------------------------------------------------------------------------------


def test_blocks_keep_document_order() -> None:
    body = p("一") + tbl(tr(tc("a"), tc("b"))) + p("二") + tbl(tr(tc("c"), tc("d"))) + p("三")
    kinds = [type(b).__name__ for b in _read(body).blocks]
    assert kinds == ["Paragraph", "Table", "Paragraph", "Table", "Paragraph"]


def test_merges_are_spans_read_once() -> None:
    body = tbl(
        tr(
            tc("一、稳增长", '<w:vMerge w:val="restart"/>'), tc("任务甲", '<w:gridSpan w:val="2"/>')
        ),
        tr(tc("", "<w:vMerge/>"), tc("任务乙"), tc("市财政局")),
        tr(tc("", '<w:vMerge w:val="continue"/>'), tc("任务丙"), tc("市税务局")),
    )
    table = _read(body).blocks[0]
    assert isinstance(table, Table)
    first, second, third = (row.cells for row in table.rows)
    assert first[0] is not None and first[0].row_span == 3 and first[0].text == "一、稳增长"
    assert first[1] is not None and first[1].col_span == 2 and first[2] is None
    assert second[0] is None and third[0] is None


def test_vertical_merge_applies_to_every_row_it_spans() -> None:
    body = tbl(
        tr(tc("工作任务"), tc("牵头单位"), tc("完成时限")),
        tr(tc("1.任务甲。"), tc("市发改委", '<w:vMerge w:val="restart"/>'),
           tc("2025年6月底前")),
        tr(tc("2.任务乙。"), tc("", "<w:vMerge/>"), tc("2025年12月底前")),
    )  # fmt: skip
    plan = parse_bytes(make_docx(body), "x.docx")
    assert [t.lead for t in plan.tasks] == [["市发改委"], ["市发改委"]]
    assert not any(w.code == "filled-from-above" for w in plan.warnings)


def test_continuation_without_a_start_is_a_cell_of_its_own() -> None:
    body = tbl(tr(tc("a", "<w:vMerge/>"), tc("b")))
    doc = _read(body)
    table = doc.blocks[0]
    assert isinstance(table, Table) and table.rows[0].texts() == ["a", "b"]
    assert [code for code, _, _ in doc.notes] == ["merge-contradiction"]


def test_marked_header_and_a_header_repeated_by_hand() -> None:
    header = tr(tc("序号"), tc("工作任务"), tc("责任单位"), props="<w:tblHeader/>")
    again = tr(tc("序号"), tc("工作任务"), tc("责任单位"))
    body = tbl(
        header,
        tr(tc("1"), tc("做好甲。"), tc("市教育局")),
        again,
        tr(tc("2"), tc("做好乙。"), tc("市民政局")),
    )
    table = _read(body).blocks[0]
    assert isinstance(table, Table) and table.rows[0].marked_header
    plan = parse_bytes(make_docx(body), "x.docx")
    assert [t.text for t in plan.tasks] == ["做好甲。", "做好乙。"]
    assert [w.code for w in plan.warnings if w.code != "no-title"] == ["repeated-header"]
    assert plan.tasks[1].source.table == 0 and plan.tasks[1].source.row == 3


def test_two_marked_header_rows_make_one_header() -> None:
    body = tbl(
        tr(tc("序号"), tc("重点工作"), tc("责任分工", '<w:gridSpan w:val="2"/>'),
           props="<w:tblHeader/>"),
        tr(tc(""), tc(""), tc("牵头单位"), tc("协办单位"), props="<w:tblHeader/>"),
        tr(tc("1"), tc("优化审批流程。"), tc("市政务服务局"), tc("市司法局")),
    )  # fmt: skip
    plan = parse_bytes(make_docx(body), "x.docx")
    assert [(t.lead, t.support) for t in plan.tasks] == [(["市政务服务局"], ["市司法局"])]


def test_table_nested_in_a_cell_becomes_lines_of_that_cell() -> None:
    inner = tbl(tr(tc("1.甲"), tc("6月")), tr(tc("2.乙"), tc("9月")))
    body = tbl(tr(tc("任务"), tc(p("措施：") + inner + p(""))))
    table = _read(body).blocks[0]
    assert isinstance(table, Table)
    assert table.rows[0].texts() == ["任务", "措施：\n1.甲 6月\n2.乙 9月"]


def test_a_one_column_frame_around_a_table_is_unwrapped() -> None:
    inner = tbl(tr(tc("工作任务"), tc("责任单位")), tr(tc("做好甲。"), tc("市教育局")))
    body = tbl(tr(tc(p("附件") + inner + p(""))))
    blocks = _read(body).blocks
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Table"]
    plan = parse_bytes(make_docx(body), "x.docx")
    assert [(t.text, t.responsible) for t in plan.tasks] == [("做好甲。", ["市教育局"])]


# --- bad files -------------------------------------------------------------------------------


def test_truncated_docx_is_unreadable() -> None:
    data = make_docx(p("正文"))
    with pytest.raises(UnreadableError, match="damaged or truncated"):
        read_document(data[: len(data) // 2], "x.docx")


def test_zip_without_a_document_part() -> None:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(FengongError, match="ZIP archive"):
        read_document(buffer.getvalue(), "x.docx")


def test_damaged_document_xml() -> None:
    data = make_docx("<w:p><w:r><w:t>未闭合</w:r></w:p>")
    with pytest.raises(UnreadableError, match="damaged"):
        read_document(data, "x.docx")


def test_password_protected_office_file() -> None:
    # An encrypted DOCX is an OLE container with EncryptionInfo and EncryptedPackage streams.
    data = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
        + "EncryptionInfo".encode("utf-16-le") + b"\0" * 50
        + "EncryptedPackage".encode("utf-16-le") + b"\0" * 100
    )  # fmt: skip
    with pytest.raises(EncryptedError, match="password"):
        read_document(data, "secret.docx")


def test_a_pdf_named_docx_is_not_read_as_word() -> None:
    from fengong.parsers import sniff_format

    assert sniff_format(b"%PDF-1.7\n...", "plan.docx") == "pdf"
    assert sniff_format(make_docx(p("x")), "plan.pdf") == "docx"


def test_main_part_that_is_not_a_document_body_is_a_clear_error() -> None:
    # found by the property tests: one byte cut from the root tag of word/document.xml
    import io
    import zipfile

    from fengong.errors import UnreadableError
    from fengong.parsers.word.reader import WordReader
    from tests.conftest import SAMPLES

    source = SAMPLES / "docx" / "seed000_tsv_merged-cells_no-units.docx"
    out = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:document ", b"<w:documen ", 1)
                data = data.replace(b"</w:document>", b"</w:documen>", 1)
            new.writestr(info, data)
    with pytest.raises(UnreadableError, match="damaged"):
        WordReader().read(out.getvalue())
