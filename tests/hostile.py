"""Hostile and broken inputs, generated small: each case is a file name, its bytes and
the documented result (an error code, or ``plan`` and the warning codes it must carry).

Used by ``test_hostile.py`` one by one under a 2 GiB address-space limit and a 30 s
time limit, and all together in one batch.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

from tests.conftest import SAMPLES, make_docx, make_pdf, p, tbl, tc, tr

PLAN_TEXT = (
    "某市2024年政务公开工作要点分工方案\n\n一、加强政策解读\n"
    "1. 全面公开重要政策措施。（牵头单位：市发改委；配合单位：市财政局）\n"
    "2. 建立规范性文件公开台账。（市司法局负责，2024年6月底前完成）\n"
)
HEADER = tr(tc("序号"), tc("工作任务"), tc("牵头单位"), tc("完成时限"))


@dataclass(frozen=True)
class Case:
    """One hostile input and what fengong must answer."""

    name: str
    make: Callable[[], bytes]
    expect: str  # an error code, or "plan"
    warnings: tuple[str, ...] = field(default=())


def _zip(parts: dict[str, bytes | str], big: tuple[str, bytes, int] | None = None) -> bytes:
    """A DOCX-like ZIP of ``parts``; ``big`` is (name, chunk, times) streamed in."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
        if big is not None:
            name, chunk, times = big
            with archive.open(name, "w", force_zip64=True) as handle:
                for _ in range(times):
                    handle.write(chunk)
    return buffer.getvalue()


def zip_bomb() -> bytes:
    """document.xml inflating 1000 times over (200 MiB of spaces)."""
    with zipfile.ZipFile(io.BytesIO(make_docx(p("x")))) as archive:
        parts: dict[str, bytes | str] = {
            n: archive.read(n) for n in archive.namelist() if n != "word/document.xml"
        }
    return _zip(parts, ("word/document.xml", b" " * (1 << 20), 200))


def million_empty_paragraphs() -> bytes:
    """Two million empty paragraphs: 12 MB of XML in a few KB."""
    body = "<w:p/>" * 2_000_000
    return make_docx(body)


def entity_bomb() -> bytes:
    """Billion laughs in document.xml."""
    dtd = (
        '<!DOCTYPE w:document [<!ENTITY a0 "lol">'
        + "".join(f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
        + "]>"
    )
    return make_docx(p("&a9;"), prolog=dtd)


def external_entity() -> bytes:
    """A cell whose text is an external entity pointing at a local file."""
    dtd = '<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    table = tbl(HEADER, tr(tc("1"), tc("&secret;"), tc("市司法局"), tc("6月底前")),
                tr(tc("2"), tc("建立公开台账"), tc("市财政局"), tc("年底前")))  # fmt: skip
    return make_docx(p("某市分工方案") + table, prolog=dtd)


def deep_tables() -> bytes:
    """A table nested 5000 deep."""
    inner = p("深处")
    for _ in range(5000):
        inner = tbl(tr(tc(inner + p(""))))
    return make_docx(inner)


def contradictory_merges() -> bytes:
    """Spans past the grid's edge and a merge continued from nowhere."""
    table = tbl(
        HEADER,
        tr(tc("1"), tc("全面公开重要政策", '<w:gridSpan w:val="9"/>'), tc("市发改委")),
        tr(tc("2", "<w:vMerge/>"), tc("建立公开台账"), tc("市财政局"), tc("年底前")),
    )
    return make_docx(p("某市分工方案") + table)


def missing_numbering() -> bytes:
    """A list paragraph pointing at numbering definition 7, which does not exist."""
    num = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr>'
    body = p("某市政务公开工作要点分工方案") + p("全面公开重要政策措施。（市发改委负责）", num)
    return make_docx(body, numbering="")


def _sample(path: str) -> bytes:
    return (SAMPLES / path).read_bytes()


def truncated_docx() -> bytes:
    data = _sample("docx/seed002_tab-cells_section-rows.docx")
    return data[: len(data) // 2]


def truncated_pdf() -> bytes:
    data = _sample("pdf/seed004_tsv_page-breaks_shifted-cell.pdf")
    return data[: len(data) // 2]


def pdf_damaged_tail() -> bytes:
    return _sample("pdf/seed004_tsv_page-breaks_shifted-cell.pdf")[:-150]


def inflating_pdf_stream() -> bytes:
    """A page whose content stream inflates to 400 MB."""
    import zlib

    squeezer = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    packed = b"".join(squeezer.compress(chunk) for _ in range(400)) + squeezer.flush()
    head = (
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    )
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(head, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    offsets.append(len(out))
    out += b"4 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed)
    out += packed + b"\nendstream\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return out


def self_referencing_page_tree() -> bytes:
    pdf = make_pdf([("BT /F1 12 Tf 72 700 Td (Plan) Tj ET", "<< >>")])
    return pdf.replace(b"/Kids [3 0 R]", b"/Kids [2 0 R]")


def _encrypted(user: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(_sample("pdf/seed000_tsv_merged-cells_no-units.pdf"))))
    writer.encrypt(user_password=user, owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def image_only_pdf() -> bytes:
    image = (
        "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
        "/BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream"
    )
    return make_pdf(
        [("q 500 0 0 700 50 50 cm /Im1 Do Q", "<< /XObject << /Im1 5 0 R >> >>")], [image]
    )


def cid_font_pdf() -> bytes:
    font = (
        "<< /Type /Font /Subtype /Type0 /BaseFont /NoMap /Encoding /Identity-H "
        "/DescendantFonts [6 0 R] >>"
    )
    cid_font = (
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NoMap "
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>"
    )
    content = "BT /F1 12 Tf 72 700 Td <0011002200330044005500660077> Tj ET"
    return make_pdf([(content, "<< /Font << /F1 5 0 R >> >>")], [font, cid_font])


def png_bomb() -> bytes:
    """A PNG whose header declares 50 000 × 50 000 grey pixels (2.5 GB decoded), with a
    few rows of data: refused from its header, before any decoding."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", 50_000, 50_000, 8, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" * 50_001 * 16, 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    )


def many_page_tiff() -> bytes:
    """A TIFF of 3 000 one-pixel pages, over the default page limit (2 000)."""
    from PIL import Image

    pages = [Image.new("L", (1, 1), 255) for _ in range(3000)]
    buffer = io.BytesIO()
    pages[0].save(buffer, "TIFF", save_all=True, append_images=pages[1:])
    return buffer.getvalue()


def _with_ocr(with_extra: str, without: str) -> str:
    """The expected result of a case that the OCR extra changes."""
    from fengong.parsers.ocr import ocr_available

    return with_extra if ocr_available() else without


def random_bytes() -> bytes:
    return random.Random(6).randbytes(64 * 1024)


# --- web pages -------------------------------------------------------------------------------

PLAN_PAGE = (
    '<!DOCTYPE html><html><head><meta charset="gb2312"><title>分工方案</title></head><body>'
    "<div>首页 &gt; 政务公开</div><div><p>某市2024年政务公开工作要点分工方案</p><p>一、加强政策解读</p>"
    "<p>1. 全面公开重要政策措施。（牵头单位：市发改委；配合单位：市财政局）</p>"
    "<p>2. 建立规范性文件公开台账。（市司法局负责，2024年6月底前完成）</p></div></body></html>"
)


def deep_page() -> bytes:
    """Elements nested 100 000 deep."""
    return ("<html><body>" + "<div>" * 100_000 + "深处" + "</div>" * 100_000).encode()


def deep_page_tables() -> bytes:
    """Tables nested 40 deep (over --max-depth, under libxml2's bound on elements)."""
    return ("<html><body>" + "<table><tr><td>x</td><td>" * 40 + "深处").encode()


def huge_page_table() -> bytes:
    """600 000 cells in 6 MB."""
    row = "<tr>" + "<td>x</td>" * 600 + "</tr>"
    return ("<html><body><table>" + row * 1000 + "</table></body></html>").encode()


def span_bomb_page() -> bytes:
    """A thousand rows of one cell each claiming 65 534 rows and 1000 columns."""
    row = '<tr><td rowspan="65534" colspan="1000">x</td></tr>'
    return ("<html><body><table>" + row * 1000 + "</table></body></html>").encode()


def entity_tricks_page() -> bytes:
    """Billion laughs and an external entity in a DOCTYPE (HTML expands neither), numeric
    references out of range, escaped markup."""
    dtd = (
        '<!DOCTYPE html [<!ENTITY a0 "lol">'
        + "".join(f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
        + '<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    )
    body = (
        "<p>&a9; &secret; &#0; &#xD800; &#x110000; &#99999999999; &amp;lt;script&amp;gt;"
        " &nbsp &unknown; &#x3000;</p>"
    )
    return (dtd + "<html><body>" + body * 1000 + "</body></html>").encode()


# --- workbooks -----------------------------------------------------------------------------


def _workbook_parts() -> dict[str, bytes | str]:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["序号", "工作任务", "牵头单位"])
    buffer = io.BytesIO()
    wb.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {n: archive.read(n) for n in archive.namelist()}


def xlsx_zip_bomb() -> bytes:
    """A sheet inflating 1000 times over (200 MiB of spaces)."""
    parts = _workbook_parts()
    del parts["xl/worksheets/sheet1.xml"]
    return _zip(parts, ("xl/worksheets/sheet1.xml", b" " * (1 << 20), 200))


def xlsx_many_cells() -> bytes:
    """600 000 cells, each a different number, so that the ZIP's ratio stays plausible."""
    rows = "".join(
        f'<row r="{r}">' + "".join(f"<c><v>{r * 1000 + c}</v></c>" for c in range(600)) + "</row>"
        for r in range(1, 1001)
    )
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{rows}</sheetData></worksheet>"
    )
    return _zip({**_workbook_parts(), "xl/worksheets/sheet1.xml": sheet})


def xlsx_entity_bomb() -> bytes:
    """Billion laughs in the sheet."""
    dtd = (
        '<!DOCTYPE worksheet [<!ENTITY a0 "lol">'
        + "".join(f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
        + "]>"
    )
    sheet = (
        f'<?xml version="1.0"?>{dtd}<worksheet xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&a9;'
        "</t></is></c></row></sheetData></worksheet>"
    )
    return _zip({**_workbook_parts(), "xl/worksheets/sheet1.xml": sheet})


def xlsx_wide_dimension() -> bytes:
    """A sheet claiming A1:XFD1048576 with cells at its far corners only."""
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is>'
        '<t>某市分工方案</t></is></c><c r="XFD1"><v>1</v></c></row><row r="1048576">'
        '<c r="XFD1048576"><v>2</v></c></row></sheetData>'
        '<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>'
    )
    return _zip({**_workbook_parts(), "xl/worksheets/sheet1.xml": sheet})


def truncated_xlsx() -> bytes:
    data = _sample("xlsx/seed004_tsv_page-breaks_shifted-cell.xlsx")
    return data[: len(data) // 2]


def wide_table_short_rows() -> bytes:
    """A table of 24 columns whose rows are printed short (12 cells, the rest padding):
    every placement of a short row's cells is C(24, 12) = 2.7 million tries."""
    labels = ["序号", "工作任务", "牵头单位", "完成时限"] + [f"指标{i}" for i in range(1, 21)]
    lines = ["\t".join(labels)]
    lines.append(
        "\t".join(["1", "加强政务公开平台建设。", "市政府办公室", "2024年底"] + ["1"] * 20)
    )
    for n in range(2, 8):
        short = [str(n), f"完善第{n}项工作机制。", "市财政局"] + [str(k) for k in range(9)]
        lines.append("\t".join(short + [""] * 12))
    return ("\n".join(lines) + "\n").encode()


CASES = (
    Case("zip-bomb.docx", zip_bomb, "too-large"),
    Case("empty-paragraphs.docx", million_empty_paragraphs, "too-large"),
    Case("entity-bomb.docx", entity_bomb, "too-large"),
    Case("external-entity.docx", external_entity, "plan", ("dtd-ignored",)),
    Case("deep-tables.docx", deep_tables, "too-large"),
    Case("contradictory-merges.docx", contradictory_merges, "plan", ("merge-contradiction",)),
    Case("missing-numbering.docx", missing_numbering, "plan", ("numbering-missing",)),
    Case("truncated.docx", truncated_docx, "unreadable"),
    Case("truncated.pdf", truncated_pdf, "unreadable"),
    Case("damaged-tail.pdf", pdf_damaged_tail, "plan", ("pdf-repaired",)),
    Case("inflating-stream.pdf", inflating_pdf_stream, "too-large"),
    Case("page-tree-loop.pdf", self_referencing_page_tree, "plan", ("no-tasks",)),
    Case("password.pdf", lambda: _encrypted("secret"), "encrypted"),
    Case("owner-password-only.pdf", lambda: _encrypted(""), "plan"),
    # with the OCR extra the page goes to OCR, which finds no text in a blank image; the
    # glyphs of a font without a Unicode map are read as they are drawn
    Case("image-only.pdf", image_only_pdf, _with_ocr("empty", "scanned")),
    Case("cid-font.pdf", cid_font_pdf, _with_ocr("plan", "unreadable")),
    Case("png-bomb.png", png_bomb, "too-large"),
    Case("many-pages.tif", many_page_tiff, "too-large"),
    Case("pdf-named.docx", lambda: _sample("pdf/seed000_tsv_merged-cells_no-units.pdf"), "plan"),
    Case("docx-named.pdf", lambda: _sample("docx/seed000_tsv_merged-cells_no-units.docx"), "plan"),
    Case("gb18030.txt", lambda: PLAN_TEXT.encode("gb18030"), "plan"),
    Case("utf16.txt", lambda: PLAN_TEXT.encode("utf-16"), "plan"),
    Case("bom-crlf.txt", lambda: ("\ufeff" + PLAN_TEXT.replace("\n", "\r\n")).encode(), "plan"),
    Case(
        "long-line.txt",
        lambda: ("全面公开重要政策措施，" * 1_000_000).encode(),
        "plan",
        ("no-tasks",),
    ),
    Case("random-bytes.txt", random_bytes, "unsupported-format"),
    Case("wide-short-rows.txt", wide_table_short_rows, "plan"),
    Case("deep-nesting.html", deep_page, "too-large"),
    Case("deep-tables.html", deep_page_tables, "too-large"),
    Case("huge-table.html", huge_page_table, "too-large"),
    Case("span-bomb.html", span_bomb_page, "too-large"),
    Case("entity-tricks.html", entity_tricks_page, "plan", ("no-tasks",)),
    Case("gb18030-declared-gb2312.html", lambda: PLAN_PAGE.encode("gb18030"), "plan"),
    Case("truncated-page.html", lambda: PLAN_PAGE.encode()[: len(PLAN_PAGE) // 2], "plan"),
    Case("html-named.pdf", lambda: _sample("html/seed000_tsv_merged-cells_no-units.html"), "plan"),
    Case("zip-bomb.xlsx", xlsx_zip_bomb, "too-large"),
    Case("many-cells.xlsx", xlsx_many_cells, "too-large"),
    Case("entity-bomb.xlsx", xlsx_entity_bomb, "unreadable"),
    Case("wide-dimension.xlsx", xlsx_wide_dimension, "plan", ("no-tasks",)),
    Case("truncated-workbook.xlsx", truncated_xlsx, "unreadable"),
    Case("xlsx-named.docx", lambda: _sample("xlsx/seed001_prose_then_pipe-table.xlsx"), "plan"),
)
