"""Build the web-page (HTML) and spreadsheet (XLSX) copies of the plans from their hand
transcriptions, as government sites publish them.

    python scripts/build_web_samples.py html         # samples/html/*.html (the seed plans)
    python scripts/build_web_samples.py xlsx         # samples/xlsx/*.xlsx (the table plans)
    python scripts/build_web_samples.py corpus-html  # tests/corpus/html/*.html
    python scripts/build_web_samples.py corpus-xlsx  # tests/corpus/xlsx/*.xlsx

The source of every copy is ``tests/corpus/tables/<stem>.table.json`` (format:
tests/corpus/tables/README.md), a transcription made by hand from the document, never
fengong's output, so the same gold (``tests/golden/``, ``tests/corpus/*.gold.json``) checks
every copy.

A page is what a site's content system prints around the article: a header with the site's
name and a search box, a menu, a breadcrumb, the 政府信息公开 metadata block (索引号, 发布机构,
发布日期, 文号 …), the title, a line with the date, the font-size switch and print links, the
article, the attachments, share links, and a footer with 版权所有, 网站标识码 and the ICP
number, with scripts, styles and comments between. Pages differ the way sites do (``PAGES``):
a modern page of ``div`` blocks or an old one laid out in tables nested in tables; UTF-8
declared by ``<meta charset>``, by ``http-equiv`` or by a BOM, or GB18030 bytes declared as
gb2312; the task table's header as ``<th>`` or as a bold first row; line breaks in cells as
``<br>``, as ``<p>`` or as Word's pasted ``<p class=MsoNormal>``; paragraphs indented with CSS,
ideographic spaces or ``&nbsp;``, or one block of ``<br>``-separated lines; numbered headings
as an ``<ol>``. Merged cells are ``rowspan`` and ``colspan``, section rows one cell across.

A spreadsheet is the table as offices fill it in Excel: a title row merged across (and the
heading printed right above the table, when there is one), bold header rows, merged cells,
wrapped text, the 序号 column as numbers; one copy hides a working column and a withdrawn
row, one has an empty second sheet, one a hidden sheet.

Generated files are committed; run this script again after changing a transcription or this
script.
"""

from __future__ import annotations

import html
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
TABLES = CORPUS / "tables"

# --- pages -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """How one site prints an article."""

    layout: str = "divs"  # "divs": a modern page; "frames": tables nested in tables
    charset: str = "meta"  # "meta", "http-equiv", "bom" (UTF-8), "gb2312" (GB18030 bytes)
    header: str = "th"  # "th", "thead" (<th> in <thead>), "bold" (a bold first row)
    cell_lines: str = "br"  # "br", "p", "word" (Word's pasted paragraphs)
    paragraphs: str = "css"  # "css", "ideographic", "nbsp", "br" (one block of lines)
    title: str = "h1"  # "h1"; "metadata": only in the metadata block and <title>
    numbered_list: bool = False  # decimal headings (1. 2. 3.) as an <ol>


PAGES = {
    "seed000_tsv_merged-cells_no-units": Page(),
    "seed001_prose_then_pipe-table": Page(
        layout="frames", charset="gb2312", header="bold", cell_lines="word", paragraphs="nbsp"
    ),
    "seed002_tab-cells_section-rows": Page(
        charset="http-equiv", header="bold", cell_lines="p", title="metadata"
    ),
    "seed003_prose_bracket-markers": Page(
        charset="gb2312", paragraphs="br", numbered_list=True, title="none"
    ),
    "seed004_tsv_page-breaks_shifted-cell": Page(
        layout="frames", charset="bom", header="thead", paragraphs="ideographic"
    ),
}
DEFAULT_PAGE = Page()


@dataclass(frozen=True)
class Site:
    """The site around the article: its name and owner, the column and the page's dates."""

    name: str
    owner: str
    column: str
    date: str
    index: str  # 索引号
    icp: str


def site_of(tr: dict[str, Any], stem: str) -> Site:
    """A plausible site for the plan: the issuer's portal (the names are made up where the
    transcription does not give them; none of them is printed in the plan's text)."""
    number = sum(ord(c) for c in stem) % 9000 + 1000
    text = " ".join([tr.get("title") or "", *tr.get("before", [])])
    year = m.group(0) if (m := re.search(r"(?:19|20)\d{2}(?=\s*年)", text)) else "2018"
    return Site(
        name="某某市人民政府门户网站",
        owner="某某市人民政府办公室",
        column="通知公告",
        date=f"{year}-0{1 + number % 9}-1{number % 10}",
        index=f"11440{number}MB2C{number % 97:02d}/2018-0{number % 9 + 1}",
        icp=f"粤ICP备{number}0{number % 7}号",
    )


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def cell_html(text: str, style: str) -> str:
    """A cell's content, its lines as ``style`` prints them."""
    lines = [line for line in text.split("\n") if line.strip()]
    if style == "br":
        return "<br />".join(_e(line) for line in lines) or "&nbsp;"
    if style == "p":
        return "".join(f"<p>{_e(line)}</p>" for line in lines) or "<p><br /></p>"
    spans = [
        '<p class="MsoNormal" align="left" style="text-align:left;line-height:16.0pt">'
        f'<span style="font-family:仿宋_GB2312;font-size:12.0pt">{_e(line)}</span>'
        '<span lang="EN-US"><o:p></o:p></span></p>'
        for line in lines
    ]
    empty = '<p class="MsoNormal"><span lang="EN-US"><o:p>&nbsp;</o:p></span></p>'
    return "".join(spans) or empty


def table_grid(tr: dict[str, Any]) -> list[tuple[str, list[tuple[str, int, int] | None]]]:
    """The transcription's rows as HTML would have them: ("header"|"section"|"task", cells)
    with each cell (text, rowspan, colspan) where it starts and ``None`` where a merge covers
    it (``<`` merges into the left cell, ``^`` into the cell above)."""
    width = len(tr["header"][0])
    rows: list[tuple[str, list[Any]]] = []
    owner: dict[tuple[int, int], list[Any]] = {}
    source = [("header", row) for row in tr["header"]] + [
        ("section", row) if isinstance(row, dict) else ("task", row) for row in tr["rows"]
    ]
    for r, (kind, row) in enumerate(source):
        if kind == "section":
            cell = [row["section"], 1, width]
            rows.append(("section", [cell] + [None] * (width - 1)))
            for c in range(width):
                owner[(r, c)] = cell
            continue
        cells: list[Any] = []
        for c, text in enumerate(row):
            if text == "<":
                start = owner[(r, c - 1)]
                if owner.get((r - 1, c)) is not start:  # not a column it already spans
                    start[2] += 1
                owner[(r, c)] = start
                cells.append(None)
            elif text == "^" and (r - 1, c) in owner and source[r - 1][0] != "section":
                start = owner[(r - 1, c)]
                if c == 0 or owner.get((r, c - 1)) is not start:
                    start[1] += 1
                owner[(r, c)] = start
                cells.append(None)
            else:
                cell = ["" if text == "^" else text, 1, 1]
                owner[(r, c)] = cell
                cells.append(cell)
        rows.append((kind, cells))
    return [(kind, [tuple(c) if c else None for c in cells]) for kind, cells in rows]


def table_html(tr: dict[str, Any], page: Page) -> str:
    """The task table as a site's editor saves it (Word pasted into the CMS editor)."""
    out = [
        '<table border="1" cellspacing="0" cellpadding="0" width="100%" '
        'style="border-collapse:collapse;border:none">'
    ]
    grid = table_grid(tr)
    headers = sum(1 for kind, _ in grid if kind == "header")
    if page.header == "thead":
        out.append("<thead>")
    for r, (kind, cells) in enumerate(grid):
        if page.header == "thead" and r == headers:
            out.append("</thead><tbody>")
        out.append('<tr style="height:20.0pt">')
        for cell in cells:
            if cell is None:
                continue
            text, rowspan, colspan = cell
            spans = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
                f' colspan="{colspan}"' if colspan > 1 else ""
            )
            if kind == "header" and page.header in ("th", "thead"):
                out.append(f'<th{spans} style="background:#f2f2f2">{cell_html(text, "br")}</th>')
            elif kind == "header":
                inner = "".join(f"<strong>{_e(line)}</strong><br />" for line in text.split("\n"))
                out.append(f'<td{spans} valign="middle" align="center">{inner[:-6]}</td>')
            elif kind == "section":
                out.append(f'<td{spans} style="padding:4px"><b>{_e(text)}</b></td>')
            else:
                out.append(f'<td{spans} valign="top">{cell_html(text, page.cell_lines)}</td>')
        out.append("</tr>")
    out.append("</tbody></table>" if page.header == "thead" else "</table>")
    return "\n".join(out)


_DECIMAL_HEADING = re.compile(r"^(\d+)[.．]\s*(?=\S)")
_OUTER_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")


def _paragraph(text: str, page: Page) -> str:
    bold = _OUTER_HEADING.match(text) is not None and len(text) < 40
    inner = f"<strong>{_e(text)}</strong>" if bold else _e(text)
    if page.paragraphs == "ideographic":
        return f"<p>\u3000\u3000{inner}</p>"
    if page.paragraphs == "nbsp":
        return f'<p class="MsoNormal">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; {inner}</p>'
    if page.paragraphs == "br":
        return f"\u3000\u3000{inner}<br />"
    return f'<p style="text-indent:2em;line-height:1.8">{inner}</p>'


def paragraphs_html(lines: list[str], page: Page) -> str:
    """Paragraphs as ``page`` prints them; with ``numbered_list``, each run of headings
    numbered 1. 2. 3. … becomes an ``<ol>`` whose items hold the paragraphs under them."""
    out: list[str] = []
    expected = 0  # the number the open <ol> counts to next; 0: no list open
    for line in lines:
        m = _DECIMAL_HEADING.match(line) if page.numbered_list else None
        if m and int(m.group(1)) == (expected or 1):
            out.append("</li>" if expected > 1 else "<ol>")
            out.append(f"<li>{_e(line[m.end() :])}" + ("<br />" if page.paragraphs == "br" else ""))
            expected = int(m.group(1)) + 1
            continue
        if expected and _OUTER_HEADING.match(line):
            out.append("</li></ol>")
            expected = 0
        out.append(_paragraph(line, page))
    if expected:
        out.append("</li></ol>")
    body = "\n".join(out)
    return f"<div>\n{body}\n</div>" if page.paragraphs == "br" else body


def article_html(tr: dict[str, Any], page: Page) -> str:
    """The article as the editor saved it: the paragraphs, the table, the paragraphs after."""
    parts = [paragraphs_html(tr.get("before", []), page)]
    if tr["header"]:
        parts.append(table_html(tr, page))
    parts.append(paragraphs_html(tr.get("after", []), page))
    return "\n".join(p for p in parts if p)


def metadata_block(tr: dict[str, Any], site: Site, page: Page) -> str:
    """The 政府信息公开 block above the article; 名称 only where the page prints a title."""
    rows = [
        ("索引号：", site.index, "主题分类：", "政务公开"),
        ("发布机构：", site.owner, "发布日期：", site.date),
    ]
    if page.title != "none" and tr.get("title"):
        rows.append(("名称：", tr["title"], "", ""))
    rows.append(("文号：", "", "主题词：", ""))
    cells = []
    for a, b, c, d in rows:
        tail = f'<td class="l">{_e(c)}</td><td>{_e(d)}</td>' if c else ""
        span = "" if c else ' colspan="3"'
        cells.append(f'<tr><td class="l">{_e(a)}</td><td{span}>{_e(b)}</td>{tail}</tr>')
    return '<table class="xxgk_table" width="100%">\n' + "\n".join(cells) + "\n</table>"


NAV = ("首页", "机构概况", "政务公开", "政务服务", "互动交流", "走进本市")


def _head(tr: dict[str, Any], site: Site, page: Page) -> str:
    title = tr.get("title") if page.title != "none" else None
    charset = {
        "meta": '<meta charset="utf-8">',
        "http-equiv": '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">',
        "bom": '<meta http-equiv="X-UA-Compatible" content="IE=edge">',
        "gb2312": '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        if page.layout == "frames"
        else '<meta charset="gb2312">',
    }[page.charset]
    return (
        f"<head>\n{charset}\n<title>{_e(title or site.column)}_{_e(site.name)}</title>\n"
        f'<meta name="SiteName" content="{site.name}">\n'
        f'<meta name="ColumnName" content="{site.column}">\n'
        '<link rel="stylesheet" href="/css/style.css">\n'
        "<style>.xxgk_table td.l{font-weight:bold;width:90px}body{font-size:14px}</style>\n"
        '<script src="/js/jquery.min.js"></script>\n'
        "<script>var _hmt = _hmt || []; document.write('<span>索引号 版权所有</span>');</script>\n"
        "</head>"
    )


def _chrome(site: Site) -> dict[str, str]:
    nav = "".join(f'<li><a href="/{i}/">{n}</a></li>' for i, n in enumerate(NAV))
    return {
        "header": (
            f'<div class="logo"><a href="/"><img src="/images/logo.png" alt="{site.name}">'
            f"</a>{site.name}</div>"
            '<form class="search" action="/search"><input name="q" value="请输入关键字">'
            "<button>搜索</button></form>"
        ),
        "nav": f'<ul class="nav">{nav}</ul>',
        "crumb": (
            '当前位置：<a href="/">首页</a> &gt; <a href="/2/">政务公开</a> &gt; '
            f'<a href="/2/tzgg/">{site.column}</a>'
        ),
        "info": (
            f"发布日期：{site.date}　来源：{site.owner}　浏览次数：<span>1268</span>　"
            '【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】　'
            '<a href="javascript:window.print()">打印本页</a>　'
            '<a href="javascript:window.close()">关闭窗口</a>'
        ),
        "attachments": (
            '<p>相关附件：</p><ul class="fj">'
            '<li><a href="/attachment/0/任务分工表.docx">任务分工表.docx</a></li>'
            '<li><a href="/attachment/0/plan.pdf">政务公开工作要点（PDF版）</a></li></ul>'
        ),
        "share": (
            '<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> '
            '<a href="#">QQ空间</a>　<img src="/images/qr.png" alt="扫一扫在手机打开当前页"></div>'
        ),
        "footer": (
            '<p><a href="/sitemap/">网站地图</a> | <a href="/contact/">联系我们</a> | '
            '<a href="/privacy/">隐私声明</a></p>'
            f"<p>主办单位：{site.owner}　版权所有：{site.owner}</p>"
            f'<p>网站标识码：4401000001　<a href="https://beian.miit.gov.cn/">{site.icp}</a>　'
            "公网安备 44010402000189号</p><p>技术支持：某某信息技术有限公司</p>"
        ),
    }


def page_html(tr: dict[str, Any], stem: str, page: Page) -> str:
    """The whole page around the article."""
    site = site_of(tr, stem)
    chrome = _chrome(site)
    title = tr.get("title") if page.title == "h1" else None
    article = article_html(tr, page)
    meta = metadata_block(tr, site, page)
    comment = f"<!-- 正文开始 {_e(NAV[2])} -->"
    if page.layout == "divs":
        heading = f'<h1 class="title">{_e(title)}</h1>' if title else ""
        body = f"""<div class="header">{chrome["header"]}</div>
<div class="navbar">{chrome["nav"]}</div>
<div class="main">
<div class="crumb">{chrome["crumb"]}</div>
<div class="xxgk">{meta}</div>
<div class="article">
{heading}
<div class="info">{chrome["info"]}</div>
{comment}
<div class="content" id="zoom">
{article}
</div>
<!-- 正文结束 -->
<div class="attach">{chrome["attachments"]}</div>
{chrome["share"]}
</div>
</div>
<div class="footer">{chrome["footer"]}</div>"""
    else:
        heading = (
            f'<tr><td align="center" height="60"><font size="5" color="#c00000"><b>{_e(title)}'
            "</b></font></td></tr>"
            if title
            else ""
        )
        body = f"""<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td height="120">{chrome["header"]}</td></tr>
<tr><td><table width="100%"><tr><td class="nav">{chrome["nav"]}</td></tr></table></td></tr>
<tr><td><table width="100%" border="0" cellspacing="0"><tr>
<td width="220" valign="top"><table width="100%"><tr><td><b>栏目导航</b></td></tr>
<tr><td><a href="/2/tzgg/">通知公告</a></td></tr><tr><td><a href="/2/ghjh/">规划计划</a></td></tr>
<tr><td><a href="/2/zcjd/">政策解读</a></td></tr></table></td>
<td valign="top"><table width="100%"><tr><td>您现在的位置：{chrome["crumb"]}</td></tr></table>
{meta}
<table width="100%" border="0" cellpadding="8">
{heading}
<tr><td align="center" class="info">{chrome["info"]}</td></tr>
<tr><td class="content">{comment}
{article}
</td></tr>
<tr><td>{chrome["attachments"]}</td></tr>
<tr><td>{chrome["share"]}</td></tr>
</table></td></tr></table></td></tr>
<tr><td class="footer" align="center">{chrome["footer"]}</td></tr>
</table>"""
    script = (
        '<script type="text/javascript">var visits = "政务公开 分工方案"; stat(visits);</script>'
    )
    return (
        f'<!DOCTYPE html>\n<html lang="zh-CN">\n{_head(tr, site, page)}\n<body>\n{body}\n'
        f"{script}\n</body>\n</html>\n"
    )


def page_bytes(tr: dict[str, Any], stem: str, page: Page) -> bytes:
    """The page encoded as its site serves it."""
    text = page_html(tr, stem, page)
    if page.charset == "gb2312":
        return text.encode("gb18030")
    if page.charset == "bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    return text.encode("utf-8")


# --- spreadsheets --------------------------------------------------------------------------


@dataclass(frozen=True)
class Sheet:
    """How one office filled the spreadsheet in."""

    hidden_column: bool = False  # a working column of internal numbers, hidden
    hidden_row: bool = False  # a withdrawn task, its row hidden
    empty_sheet: bool = False  # an empty Sheet2 left in the workbook
    hidden_sheet: bool = False  # an older version of the table on a hidden sheet


SHEETS = {
    "seed000_tsv_merged-cells_no-units": Sheet(empty_sheet=True),
    "seed001_prose_then_pipe-table": Sheet(hidden_sheet=True),
    "seed004_tsv_page-breaks_shifted-cell": Sheet(hidden_column=True, hidden_row=True),
}


def _number(text: str) -> int | str:
    return int(text) if re.fullmatch(r"[1-9]\d{0,3}", text) else text


def fill_sheet(ws: Any, tr: dict[str, Any], sheet: Sheet) -> None:
    """Write the transcription's table into ``ws``: the title merged across the first row
    (and a numbered heading standing right above the table in the document), bold header
    rows, section rows merged across, ``<`` and ``^`` as merged ranges."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    width = len(tr["header"][0])
    offset = 1 if sheet.hidden_column else 0
    top = Alignment(vertical="top", wrap_text=True)
    row = 1
    above = [tr["title"]] if tr.get("title") else []
    before = tr.get("before", [])
    if before and _OUTER_HEADING.match(before[-1]) and len(before[-1]) < 40:
        above.append(before[-1])  # the heading printed right above the table (一、安排表)
    for k, text in enumerate(above):
        ws.cell(row, 1 + offset, text).font = Font(bold=True, size=16 if k == 0 else 12)
        ws.cell(row, 1 + offset).alignment = Alignment(horizontal="center" if k == 0 else "left")
        ws.merge_cells(
            start_row=row, start_column=1 + offset, end_row=row, end_column=width + offset
        )
        row += 1
    grid = table_grid(tr)
    # the withdrawn row stands before a section row, so no merge runs through it
    withdrawn = next(
        (k for k, (kind, _) in enumerate(grid) if kind == "section" and k > len(tr["header"]) + 2),
        None,
    )
    for k, (kind, cells) in enumerate(grid):
        if sheet.hidden_row and k == withdrawn:
            ws.row_dimensions[row].hidden = True
            ws.cell(row, 2 + offset, "（本行任务已撤销）建立健全已撤销的工作机制。")
            ws.cell(row, 3 + offset, "办公室牵头，各处室配合")
            row += 1
        if sheet.hidden_column:
            ws.cell(row, 1, f"ID-{k:03d}" if kind == "task" else "")
        for c, cell in enumerate(cells):
            if cell is None:
                continue
            text, rowspan, colspan = cell
            target = ws.cell(row, c + 1 + offset, _number(text) if kind == "task" else text)
            target.alignment = top
            if kind != "task":
                target.font = Font(bold=True)
            if rowspan > 1 or colspan > 1:
                ws.merge_cells(
                    start_row=row,
                    start_column=c + 1 + offset,
                    end_row=row + rowspan - 1,
                    end_column=c + colspan + offset,
                )
        row += 1
    for c in range(width):
        ws.column_dimensions[get_column_letter(c + 1 + offset)].width = 14 if c else 10
    if sheet.hidden_column:
        ws.column_dimensions["A"].hidden = True


def build_workbook(tr: dict[str, Any], sheet: Sheet) -> Any:
    """The openpyxl workbook of a transcription."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "任务分工"
    fill_sheet(ws, tr, sheet)
    if sheet.empty_sheet:
        wb.create_sheet("Sheet2")
    if sheet.hidden_sheet:
        old = wb.create_sheet("旧版（勿用）")
        old.append(["序号", "工作任务", "牵头单位", "参加单位"])
        old.append([1, "已被新版替代的任务。", "市政府办", "各有关部门"])
        old.sheet_state = "hidden"
    wb.properties.creator = "fengong samples"
    return wb


# --- building ------------------------------------------------------------------------------


def _transcriptions(which: str) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted(TABLES.glob("*.table.json")):
        stem = path.name.removesuffix(".table.json")
        if stem.startswith("seed") == (which == "samples"):
            out.append((stem, json.loads(path.read_text("utf-8"))))
    return out


def build_html(which: str) -> list[Path]:
    """Write a page for every transcription: the seeds' to ``samples/html/`` (``which`` =
    "samples"), the corpus plans' to ``tests/corpus/html/`` ("corpus")."""
    out_dir = ROOT / "samples" / "html" if which == "samples" else CORPUS / "html"
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for stem, tr in _transcriptions(which):
        target = out_dir / f"{stem}.html"
        target.write_bytes(page_bytes(tr, stem, PAGES.get(stem, DEFAULT_PAGE)))
        written.append(target)
    return written


def build_xlsx(which: str) -> list[Path]:
    """Write a workbook for every transcription with a table: ``samples/xlsx/`` or
    ``tests/corpus/xlsx/``."""
    import zipfile

    out_dir = ROOT / "samples" / "xlsx" if which == "samples" else CORPUS / "xlsx"
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for stem, tr in _transcriptions(which):
        if not tr["header"]:
            continue
        target = out_dir / f"{stem}.xlsx"
        build_workbook(tr, SHEETS.get(stem, Sheet())).save(str(target))
        entries = []
        with zipfile.ZipFile(target) as archive:  # fixed times: rebuilding is reproducible
            entries = [(i.filename, archive.read(i.filename)) for i in archive.infolist()]
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in entries:
                if name == "docProps/core.xml":
                    data = re.sub(rb"<dcterms:(created|modified)[^<]*</dcterms:\1>", b"", data)
                info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data)
        written.append(target)
    return written


def main(argv: list[str]) -> int:
    """Build the copies named on the command line (``html``, ``xlsx``, ``corpus-html``,
    ``corpus-xlsx``)."""
    targets = argv or ["html", "xlsx"]
    written: list[Path] = []
    if "html" in targets:
        written += build_html("samples")
    if "xlsx" in targets:
        written += build_xlsx("samples")
    if "corpus-html" in targets:
        written += build_html("corpus")
    if "corpus-xlsx" in targets:
        written += build_xlsx("corpus")
    for path in written:
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
