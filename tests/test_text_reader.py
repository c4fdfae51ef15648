"""Plain-text reader: encodings, line endings, HTML, and the four layouts."""

from __future__ import annotations

import codecs

import pytest

from fengong.document import Paragraph, Table
from fengong.errors import EncodingError, UnsupportedFormatError
from fengong.parsers.encoding import decode_text
from fengong.parsers.text import TextReader, read_text, strip_html

SAMPLE = "从化区2019年政务公开工作要点分工方案\n工作任务\t评价标准\t责任单位\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("gbk"), "gb18030"),
        (SAMPLE.encode("utf-16"), "utf-16"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF8 + SAMPLE.replace("\n", "\r\n").encode("utf-8"), "utf-8-sig"),
        (SAMPLE.replace("\n", "\r").encode("utf-8"), "utf-8"),
    ],
)
def test_encodings_and_line_endings(data: bytes, encoding: str) -> None:
    text, found = decode_text(data)
    assert text == SAMPLE
    assert found == encoding


def test_binary_is_not_text() -> None:
    with pytest.raises(UnsupportedFormatError):
        decode_text(bytes(range(256)) * 20)


def test_undecodable_text_says_how_to_fix() -> None:
    with pytest.raises(EncodingError) as info:
        decode_text(b"\x81\x20\xff\xfe\xfd" * 50 + b"abc")
    assert info.value.code == "encoding"
    assert "re-save it as UTF-8" in str(info.value)


def test_html_paragraphs_become_lines() -> None:
    assert strip_html("<p>甲。</p> <p>乙。</p>") == "甲。\n乙。"
    assert strip_html("<p>A&amp;B<br/>C</p>") == "A&B\nC"


def _read(text: str) -> list[Paragraph | Table]:
    return TextReader().read(text.encode("utf-8")).blocks


def test_tsv_rows_and_page_break_trace() -> None:
    blocks = _read(
        "标题\n\n序号\t工作任务\t责任单位\n1\t任务甲。\t市财政局\n\n2\t任务乙。\t市统计局\n"
    )
    table = blocks[1]
    assert isinstance(table, Table)
    assert [r.texts() for r in table.rows][2] == ["2", "任务乙。", "市统计局"]
    assert table.rows[2].after_break and not table.rows[1].after_break
    assert table.rows[1].provenance.line == 4


def test_indent_cells_rows_are_blank_line_blocks() -> None:
    text = "\t\n\t工作任务\n\t评价标准\n\t责任\n单位\n\n\t一、总体\n\n\t（一）分组\n\t1.任务甲。\n\t评价甲。\n\t各单位\n\n\t\n\t2.任务乙。\n\t评价乙。\n\t\n"
    table = _read(text)[0]
    assert isinstance(table, Table)
    rows = [r.texts() for r in table.rows]
    assert rows[0] == ["", "工作任务", "评价标准", "责任\n单位"]
    assert rows[1] == ["一、总体"]
    assert rows[3] == ["", "2.任务乙。", "评价乙。", ""]


def test_pipe_cells_width_from_row_numbers_and_broken_cell() -> None:
    text = (
        "序号 |\n工作任务 |\n牵头单位 |\n参加单位 |\n1 |\n任务甲。 |\n市政府办 |\n市法制办 |\n"
        "2 |\n任务乙第一行，\n第二行。\n|\n市财政局 |\n|\n3 |\n任务丙。 |\n市统计局 |\n各单位 |\n"
    )
    table = _read(text)[0]
    assert isinstance(table, Table)
    rows = [r.texts() for r in table.rows]
    assert rows[0] == ["序号", "工作任务", "牵头单位", "参加单位"]
    assert rows[2] == ["2", "任务乙第一行，\n第二行。", "市财政局", ""]
    assert rows[3][0] == "3"


def test_pipe_cells_opening_lines_behind_a_bare_first_cell() -> None:
    # 191: each row's first cell on a line of its own, the others each opened by a pipe
    text = (
        "附件:\n市政府安全生产督查组分组表\n分 组\n| 督查组牵头单位\n| 督查单位\n| 备 注\n|\n"
        "第一组\n| 市安监局\n| 雁塔区\n|\n|\n第二组\n| 市规划局\n| 灞桥区\n|\n|\n"
        "第三组\n| 市公安局\n| 长安区\n|\n|\n"
    )
    table = next(b for b in _read(text) if isinstance(b, Table))
    rows = [r.texts() for r in table.rows]
    assert rows[0][:4] == ["分 组", "督查组牵头单位", "督查单位", "备 注"]
    assert [r[:3] for r in rows[1:]] == [
        ["第一组", "市安监局", "雁塔区"],
        ["第二组", "市规划局", "灞桥区"],
        ["第三组", "市公安局", "长安区"],
    ]


def test_prose_is_paragraphs() -> None:
    blocks = _read("一、总体要求\n\n（一）指导思想。内容。\n")
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == [
        "一、总体要求",
        "（一）指导思想。内容。",
    ]


# --- plain tables of every kind (issue 12, item 8) ------------------------------------------


def _plan_tasks(data: bytes, name: str = "plan.txt") -> list[tuple[str, list[str]]]:
    from fengong.pipeline import parse_bytes

    return [(t.text, t.responsible) for t in parse_bytes(data, name).tasks]


def test_csv_text_is_a_table() -> None:
    data = '序号,工作任务,责任单位\n1,完善政务公开制度,市政府办\n2,推进决策公开,"市发改委,市财政局"\n3,加强政策解读,市财政局\n'
    assert read_text(data).layout == "csv"
    assert _plan_tasks(data.encode(), "plan.csv")[1] == ("推进决策公开", ["市发改委", "市财政局"])


def test_prose_with_ascii_commas_is_not_csv() -> None:
    # corpus 61: every line holds one comma, but the first is a sentence, not a header
    data = (
        "(二十一)市公安局。负责对户籍管理等方面的调研,形成专题调研报告和实施方案。\n"
        "(二十二)市教育局。负责对教育资源规划的调研,形成专题调研报告和实施方案。\n"
        "(二十三)市卫生局。负责对公共卫生服务资源的调研,形成专题调研报告和实施方案。\n"
    )
    assert read_text(data).layout == "prose"


def test_two_column_tsv_and_a_markdown_rule() -> None:
    tsv = "工作任务\t责任单位\n完善政务公开制度\t市政府办\n推进决策公开\t市发改委\n加强政策解读\t市财政局\n"
    assert _plan_tasks(tsv.encode())[2] == ("加强政策解读", ["市财政局"])
    md = "| 工作任务 | 责任单位 |\n|---|:---:|\n| 完善政务公开制度 | 市政府办 |\n| 推进决策公开 | 市发改委 |\n| 加强政策解读 | 市财政局 |\n"
    assert [t for t, _ in _plan_tasks(md.encode())] == [
        "完善政务公开制度",
        "推进决策公开",
        "加强政策解读",
    ]


def test_big5_is_detected_not_read_as_gb18030() -> None:
    text = "一、重點任務\n1.完善政務公開制度。（牽頭單位：市政府辦；配合單位：市財政局）\n2.推進決策公開。（責任單位：市發改委）\n"
    doc = TextReader().read((text * 3).encode("big5"))
    assert doc.notes[-1][:2] == ("encoding", "text decoded as big5")
    assert "完善政務公開制度" in "".join(p.text for p in doc.paragraphs())
    gb = TextReader().read((text * 3).encode("gb18030"))  # the same text in GB18030 stays GB
    assert gb.notes[-1][1] == "text decoded as gb18030"
