"""The HTML reader on small pages shaped like real ones: merged cells, lines in cells,
header rows, layout tables, the site's chrome, encodings, prose and list numbering."""

from __future__ import annotations

import pytest

from fengong.document import Document, Paragraph, Table
from fengong.parsers import read_document, sniff_format
from fengong.pipeline import parse_bytes
from tests.conftest import SAMPLES


def read(html: str, encoding: str = "utf-8") -> Document:
    doc = read_document(html.encode(encoding))
    assert doc.format == "html"
    return doc


def page(body: str, head: str = '<meta charset="utf-8"><title>某区分工方案</title>') -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def paragraphs(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def tables(doc: Document) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


def spans(table: Table) -> list[list[tuple[str, int, int] | None]]:
    return [[(c.text, c.row_span, c.col_span) if c else None for c in row.cells]
            for row in table.rows]  # fmt: skip


TASK_TABLE = """
<table border="1">
<tr><td><b>序号</b></td><td><b>工作任务</b></td><td colspan="2"><b>责任单位</b></td></tr>
<tr><td rowspan="2">一、加强解读</td><td>1.全面公开政策。</td><td rowspan="2">区政府办<br>区司法局</td>
<td>6月底前</td></tr>
<tr><td>2.建立台账。</td><td>年底前</td></tr>
<tr><td colspan="4">二、强化监督</td></tr>
<tr><td></td><td><p>3.公开审计</p><p>整改情况。</p></td><td><p>区审计局</p></td><td>&nbsp;</td></tr>
</table>"""


def test_rowspan_and_colspan_become_spans_on_the_grid() -> None:
    (table,) = tables(read(page(TASK_TABLE)))
    # <td rowspan=2> covers the position below it; <td colspan=2> the one to its right
    assert spans(table) == [
        [("序号", 1, 1), ("工作任务", 1, 1), ("责任单位", 1, 2), None],
        [("一、加强解读", 2, 1), ("1.全面公开政策。", 1, 1), ("区政府办\n区司法局", 2, 1),
         ("6月底前", 1, 1)],
        [None, ("2.建立台账。", 1, 1), None, ("年底前", 1, 1)],
        [("二、强化监督", 1, 4), None, None, None],
        [("", 1, 1), ("3.公开审计\n整改情况。", 1, 1), ("区审计局", 1, 1), ("", 1, 1)],
    ]  # fmt: skip
    assert table.rows[0].marked_header  # a bold first row is a header candidate
    assert not any(row.marked_header for row in table.rows[1:])


def test_units_one_per_line_in_a_cell_stay_separate_units() -> None:
    html = page(
        "<h1>某区2024年政务公开工作要点分工方案</h1>" + TASK_TABLE.replace('colspan="2"', "")
    )
    html = html.replace("<td>6月底前</td>", "").replace("<td>年底前</td>", "")
    html = html.replace("<td>&nbsp;</td>", "").replace('colspan="4"', 'colspan="3"')
    plan = parse_bytes(html.encode())
    first, second = plan.tasks[0], plan.tasks[1]
    assert first.responsible == ["区政府办", "区司法局"]  # <br> between them
    assert second.responsible == ["区政府办", "区司法局"]  # the merged cell applies to both
    assert plan.tasks[2].text == "公开审计整改情况。"  # <p>s of a task cell joined
    assert plan.tasks[2].section == ["二、强化监督"]


def test_th_and_thead_rows_are_marked_headers_and_a_title_row_above_is_a_paragraph() -> None:
    html = page("""<table><thead>
        <tr><td colspan="3">附件：某区重点任务分工表</td></tr>
        <tr><th>序号</th><th>任务</th><th>牵头单位</th></tr></thead>
        <tbody><tr><td>1</td><td>做好某事。</td><td>区发改局</td></tr></tbody></table>""")
    doc = read(html)
    assert paragraphs(doc) == ["附件：某区重点任务分工表"]
    (table,) = tables(doc)
    assert [row.marked_header for row in table.rows] == [True, False]


def test_a_layout_table_is_read_through_and_the_table_inside_it_is_a_table() -> None:
    html = page("""<table width="1000"><tr><td>
        <table width="100%"><tr><td><p>第一段正文说明。</p>
        <table border="1"><tr><th>任务</th><th>责任单位</th></tr>
        <tr><td>落实某项工作。<table><tr><td>子项一</td><td>甲</td></tr>
        <tr><td>子项二</td><td>乙</td></tr></table></td><td>区财政局</td></tr></table>
        <p>第二段正文说明。</p></td></tr></table></td></tr></table>""")
    doc = read(html)
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Table", "Paragraph"]
    (table,) = tables(doc)
    # a table nested in a data cell becomes lines of that cell, as in Word files
    assert table.rows[1].cells[0] is not None
    assert table.rows[1].cells[0].text == "落实某项工作。\n子项一 甲\n子项二 乙"


CHROME_PAGE = page(
    """
<div class="top"><a href="/"><img src="logo.png" alt="某区人民政府"></a>某区人民政府门户网站</div>
<ul class="menu"><li><a href="/">首页</a></li><li><a href="/a">机构概况</a></li>
<li><a href="/b">信息公开</a></li><li><a href="/c">办事服务</a></li></ul>
<div class="wrap">
<div class="pos">您现在的位置：<a href="/">首页</a> &gt; <a href="/b">信息公开</a></div>
<table class="info"><tr><td>索引号</td><td>000014349/2024-00012</td><td>发文机关</td>
<td>某区人民政府办公室</td></tr><tr><td>标题</td><td colspan="3">某区2024年政务公开工作要点分工方案</td>
</tr><tr><td>发文字号</td><td>某府办〔2024〕3号</td><td>成文日期</td><td>2024年03月05日</td></tr>
</table>
<div class="detail">
<div class="meta">来源：区政府办 时间：2024-03-06 【字体：<a>大</a><a>中</a><a>小</a>】 <a>打印</a></div>
<div class="txt">
<p style="text-indent:2em">为做好今年政务公开工作，现将任务分工如下：</p>
<p>一、加强政策解读</p>
<p>1.全面公开重要政策措施。（牵头单位：区发改局；配合单位：区财政局）</p>
<p>2.建立规范性文件公开台账。（区司法局负责，6月底前完成）</p>
<p>附件：<a href="/files/2024/fj1.xlsx">任务清单.xlsx</a>　<a href="fj2.doc">政策解读.doc</a></p>
</div>
<div class="share">分享到：<a>微信</a> <a>微博</a></div>
</div></div>
<div class="foot"><p>主办：某区人民政府办公室　版权所有 © 2024</p>
<p>网站标识码：4401000003　<a>粤ICP备12345678号-1</a></p></div>
<script>document.write("某区人民政府门户网站");</script><!-- 注释：分工方案 -->
"""
)


def test_only_the_article_is_read_and_its_metadata_block_is_kept_apart() -> None:
    doc = read(CHROME_PAGE)
    assert paragraphs(doc) == [
        "为做好今年政务公开工作，现将任务分工如下：",
        "一、加强政策解读",
        "1.全面公开重要政策措施。（牵头单位：区发改局；配合单位：区财政局）",
        "2.建立规范性文件公开台账。（区司法局负责，6月底前完成）",
    ]
    assert doc.stated.title == "某区2024年政务公开工作要点分工方案"
    assert doc.stated.issuer == "某区人民政府办公室"
    assert doc.stated.date == "2024年03月05日"
    assert [(a.text, a.url) for a in doc.attachments] == [
        ("任务清单.xlsx", "/files/2024/fj1.xlsx"),
        ("政策解读.doc", "fj2.doc"),
    ]


def test_the_metadata_block_gives_the_plan_title_issuer_and_year_the_article_lacks() -> None:
    plan = parse_bytes(CHROME_PAGE.encode(), "page.html")
    assert plan.title == "某区2024年政务公开工作要点分工方案"
    assert plan.issuer == "某区人民政府办公室"
    assert plan.year == 2024
    assert [t.lead for t in plan.tasks] == [["区发改局"], []]
    assert plan.tasks[1].responsible == ["区司法局"]
    assert [a.url for a in plan.source.attachments] == ["/files/2024/fj1.xlsx", "fj2.doc"]


def test_the_title_printed_above_the_article_is_read_with_it() -> None:
    html = CHROME_PAGE.replace('<div class="meta">', "<h2>某区2024年政务公开工作要点分工方案</h2>\n"
                               '<div class="meta">')  # fmt: skip
    html = html.replace("<tr><td>标题</td>", "<tr><td>有效性</td>").replace(
        "某区2024年政务公开工作要点分工方案</td>", "有效</td>", 1
    )
    doc = read(html)
    assert doc.stated.title is None
    assert paragraphs(doc)[0] == "某区2024年政务公开工作要点分工方案"
    assert parse_bytes(html.encode()).title == "某区2024年政务公开工作要点分工方案"


def test_hidden_elements_scripts_styles_and_comments_are_never_text() -> None:
    html = page(
        "<style>p{color:red}</style><div><p>第一段。</p><p style='display: none'>隐藏的段落</p>"
        "<p hidden>也隐藏</p><script>var x = '脚本文字';</script><!-- 注释文字 -->"
        "<noscript>请启用脚本</noscript><p>第二段。</p></div>"
    )
    assert paragraphs(read(html)) == ["第一段。", "第二段。"]


@pytest.mark.parametrize(
    ("head", "encoding"),
    [
        ('<meta charset="gb2312">', "gb18030"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=GBK">', "gb18030"),
        ('<META HTTP-EQUIV="content-type" CONTENT="text/html;charset=gb2312">', "gb18030"),
        ('<meta charset="utf-8">', "utf-8"),
        ('<meta charset="big5">', "big5hkscs"),
    ],
)
def test_the_declared_encoding_is_used_and_gb2312_means_gb18030(head: str, encoding: str) -> None:
    # 镕 and 堃 are GBK, not GB2312; 𠀀 is only in GB18030 (four bytes); — is A1AA
    text = "朱镕基、王堃与𠀀—" if encoding != "big5hkscs" else "臺北市政府"
    data = page(f"<p>{text}</p>", head=head).encode(encoding)
    doc = read_document(data)
    assert paragraphs(doc) == [text]
    assert not [n for n in doc.notes if n[0] == "encoding"]  # declared: nothing guessed


def test_a_bom_decides_and_a_wrong_declaration_is_overruled_by_the_bytes() -> None:
    assert paragraphs(read_document(b"\xef\xbb\xbf" + page("<p>分工方案</p>").encode())) == [
        "分工方案"
    ]
    utf16 = "\ufeff" + page("<p>分工方案</p>", head="")
    assert paragraphs(read_document(utf16.encode("utf-16-le"))) == ["分工方案"]
    lying = page("<p>某区分工方案</p>", head='<meta charset="utf-8">').encode("gb18030")
    doc = read_document(lying)
    assert paragraphs(doc) == ["某区分工方案"]
    assert [n[0] for n in doc.notes] == ["encoding"]  # a guess, said so


def test_prose_lines_indents_and_breaks_as_a_browser_shows_them() -> None:
    html = page(
        "<div>\u3000\u3000一、总体要求<br />\n&nbsp;&nbsp;&nbsp;&nbsp;全面  推进\n政务公开。<br><br>"
        "<span>　　二、</span><span>主要任务</span></div><p>&nbsp;</p><div><div>（一）深层段落</div></div>"
    )
    assert paragraphs(read(html)) == ["一、总体要求", "全面 推进 政务公开。", "二、主要任务",
                                      "（一）深层段落"]  # fmt: skip


@pytest.mark.parametrize(
    ("list_html", "expected"),
    [
        ("<ol><li>甲</li><li>乙</li></ol>", ["1.甲", "2.乙"]),
        (
            '<ol start="3"><li>甲</li><li value="7">乙</li><li>丙</li></ol>',
            ["3.甲", "7.乙", "8.丙"],
        ),
        ('<ol type="a"><li>甲</li><li>乙</li></ol>', ["a.甲", "b.乙"]),
        ('<ol type="I"><li>甲</li><li>乙</li></ol>', ["I.甲", "II.乙"]),
        (
            '<ol style="list-style-type: cjk-ideographic"><li>甲</li><li>乙</li></ol>',
            ["一、甲", "二、乙"],
        ),
        ("<ol reversed><li>甲</li><li>乙</li></ol>", ["2.甲", "1.乙"]),
        ("<ul><li>甲</li><li>乙</li></ul>", ["甲", "乙"]),  # bullets are decoration
        (
            "<ol><li><p>标题</p><p>正文</p></li><li>Plan B</li></ol>",
            ["1.标题", "正文", "2. Plan B"],
        ),
    ],
)
def test_list_items_are_numbered_as_the_browser_prints_them(
    list_html: str, expected: list[str]
) -> None:
    assert paragraphs(read(page(list_html))) == expected


def test_a_page_is_told_from_a_text_copy_with_tags_left_in() -> None:
    assert sniff_format(page("<p>x</p>").encode()) == "html"
    assert sniff_format(b"  <html><body>x</body></html>") == "html"
    assert sniff_format(b'<?xml version="1.0"?>\n<!DOCTYPE html><html></html>') == "html"
    assert sniff_format(b"<table><tr><td>1</td></tr></table>") == "html"
    seed000 = (SAMPLES / "text" / "seed000_tsv_merged-cells_no-units.txt").read_bytes()
    assert b"<p>" in seed000 and sniff_format(seed000) == "text"


def test_a_page_without_a_metadata_block_or_chrome_is_read_whole() -> None:
    html = "<html><body><p>某区分工方案</p><p>1.做好某事。（区发改局负责）</p></body></html>"
    assert paragraphs(read(html)) == ["某区分工方案", "1.做好某事。（区发改局负责）"]


def test_an_empty_page_is_an_empty_document_error() -> None:
    from fengong.errors import EmptyDocumentError

    with pytest.raises(EmptyDocumentError):
        read_document(b"<html><head><title>x</title></head><body><script>1</script></body></html>")
