"""The PDF reader: samples printed by LibreOffice, hand-written PDFs for the hard cases,
and the line-joining and running-head rules on synthetic lines."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from fengong.document import Paragraph
from fengong.errors import EncryptedError, ScannedError, UnreadableError
from fengong.parsers import read_document
from fengong.parsers.limits import OcrOptions
from fengong.parsers.pdf.reader import PageRecord, TextLine, _ParagraphBuilder
from fengong.pipeline import parse_bytes
from tests.conftest import SAMPLES, make_pdf
from tests.hostile import cid_font_pdf, image_only_pdf

SAMPLE = SAMPLES / "pdf" / "seed004_tsv_page-breaks_shifted-cell.pdf"
PROSE = SAMPLES / "pdf" / "seed003_prose_bracket-markers.pdf"

# --- samples ---------------------------------------------------------------------------------


def test_every_task_has_its_page_and_box() -> None:
    plan = parse_bytes(SAMPLE.read_bytes(), SAMPLE.name)
    assert plan.source.pages == 14
    for task in plan.tasks:
        assert task.source.page is not None and task.source.bbox is not None
        x0, top, x1, bottom = task.source.bbox
        assert x0 < x1 and top < bottom


def test_no_repeated_header_and_no_page_number_becomes_text() -> None:
    plan = parse_bytes(SAMPLE.read_bytes(), SAMPLE.name)
    labels = {c.header for c in plan.columns}
    assert not any(t.text in labels for t in plan.tasks)
    # pages 2–14 repeat the marked header; the office also repeated it by hand 3 times
    assert sum(w.code == "repeated-header" for w in plan.warnings) == 13 + 3
    doc = read_document(PROSE.read_bytes(), PROSE.name)
    assert not any(
        "—" in b.text and len(b.text) < 8 for b in doc.blocks if isinstance(b, Paragraph)
    )


def test_prose_pdf_paragraphs_are_joined_lines() -> None:
    doc = read_document(PROSE.read_bytes(), PROSE.name)
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert "一、总体要求" in texts
    assert all("\n" not in t for t in texts)
    assert any(
        t.startswith("（2）推进政策执行阳光透明。") and t.endswith("（责任单位：党政办）")
        for t in texts
    )


# --- paragraphs from lines -------------------------------------------------------------------


def _line(text: str, x0: float, x1: float, top: float, size: float = 16, page: int = 1) -> TextLine:
    return TextLine(x0, x1, top, top + size, text, size, page)


def _paragraphs(lines: list[TextLine]) -> list[str]:
    builder = _ParagraphBuilder(body_size=16)
    for line in lines:
        builder.add(line, left=90, right=505)
    builder.close()
    return [b.text for b in builder.blocks if isinstance(b, Paragraph)]


def test_wrapped_lines_join_and_an_indent_starts_a_paragraph() -> None:
    lines = [
        _line("一、总体要求", 90, 190, 100),
        _line("以习近平新时代中国特色社会主义思想为指导，全面贯", 122, 505, 130),
        _line("彻党的十九大精神。", 90, 240, 160),
        _line("坚持统筹兼顾、突出重点，大力推进决策公开。", 122, 460, 190),
    ]
    assert _paragraphs(lines) == [
        "一、总体要求",
        "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大精神。",
        "坚持统筹兼顾、突出重点，大力推进决策公开。",
    ]


def test_a_line_one_character_short_still_wraps() -> None:
    # "研" moved down with "判" so that "、" does not start a line: the line ends short.
    lines = [
        _line("做到及时预警、科学研", 122, 489, 100),
        _line("判、妥善处置、有效回应。", 90, 290, 130),
    ]
    assert _paragraphs(lines) == ["做到及时预警、科学研判、妥善处置、有效回应。"]


def test_latin_words_keep_their_space_and_a_hyphen_joins() -> None:
    lines = [
        _line("推进政府网站部署 IPv6 and", 90, 505, 100),
        _line("DNSSEC，规划（2016-", 90, 505, 130),
        _line("2020）。", 90, 150, 160),
    ]
    assert _paragraphs(lines) == ["推进政府网站部署 IPv6 and DNSSEC，规划（2016-2020）。"]


def test_a_title_set_large_wraps_into_one_paragraph() -> None:
    builder = _ParagraphBuilder(body_size=16)
    builder.add(_line("从化区2019年政务公开工作要点分工方", 100, 490, 80, size=22), 90, 505)
    builder.add(_line("案", 284, 306, 110, size=22), 90, 505)
    builder.add(_line("为做好政务公开工作，制定本方案。", 122, 400, 150), 90, 505)
    builder.close()
    texts = [b.text for b in builder.blocks if isinstance(b, Paragraph)]
    assert texts == ["从化区2019年政务公开工作要点分工方案", "为做好政务公开工作，制定本方案。"]


def test_running_heads_repeated_on_pages_are_furniture() -> None:
    from fengong.parsers.pdf.reader import _furniture_keys

    pages = []
    for n in range(1, 6):
        page = PageRecord(n, 595, 842)
        page.items.append((30, _line(f"某市人民政府办公室文件 第{n}期", 90, 300, 30, page=n)))
        page.items.append((400, _line("正文", 122, 200, 400, page=n)))
        pages.append(page)
    assert _furniture_keys(pages) == {"某市人民政府办公室文件 第#期"}


# --- hand-written PDFs -----------------------------------------------------------------------

HELVETICA = "<< /Font << /F1 5 0 R >> >>"


def _text_pdf(*texts: str) -> bytes:
    content = "BT /F1 12 Tf 72 700 Td " + " ".join(f"({t}) Tj 0 -20 Td" for t in texts) + " ET"
    return make_pdf(
        [(content, HELVETICA)], ["<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    )


def test_a_hand_written_pdf_reads() -> None:
    doc = read_document(_text_pdf("Plan for 2025", "Task one"), "x.pdf")
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == ["Plan for 2025", "Task one"]


def _encrypted(user: str, owner: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(_text_pdf("Plan for 2025"))))
    writer.encrypt(user_password=user, owner_password=owner, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_that_needs_a_password_is_a_clear_error() -> None:
    with pytest.raises(EncryptedError, match="password"):
        read_document(_encrypted("secret", "owner"), "locked.pdf")


def test_an_owner_password_alone_does_not_stop_reading() -> None:
    doc = read_document(_encrypted("", "owner"), "restricted.pdf")
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == ["Plan for 2025"]


def test_an_image_only_pdf_is_a_scan() -> None:
    # without OCR (tests/test_ocr.py reads scans with it)
    with pytest.raises(ScannedError, match="scan"):
        read_document(image_only_pdf(), "scan.pdf", ocr=OcrOptions(mode="never"))


def test_a_font_without_unicode_map_is_reported_not_emitted() -> None:
    with pytest.raises(UnreadableError, match="Unicode"):
        read_document(cid_font_pdf(), "garbled.pdf", ocr=OcrOptions(mode="never"))


def test_a_pdf_cut_before_its_pages_is_a_clear_error() -> None:
    # LibreOffice writes the page objects last: a file cut in half has no whole page
    data = SAMPLE.read_bytes()
    with pytest.raises(UnreadableError, match="damaged or truncated"):
        parse_bytes(data[: len(data) // 2], "cut.pdf")


def test_a_pdf_with_a_damaged_tail_keeps_its_whole_pages() -> None:
    data = SAMPLE.read_bytes()
    whole = parse_bytes(data, "plan.pdf")
    cut = parse_bytes(data[:-150], "cut.pdf")  # the cross-reference table is gone
    assert cut.tasks == whole.tasks
    assert [w.code for w in cut.warnings if w.code == "pdf-repaired"] == ["pdf-repaired"]


def _three_pages() -> bytes:
    resources = "<< /Font << /F1 9 0 R >> >>"
    pages = [(f"BT /F1 12 Tf 72 700 Td (Page {i} text) Tj ET", resources) for i in (1, 2, 3)]
    return make_pdf(pages, ["<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])


def test_a_garbled_tail_is_cut_off_and_the_page_tree_rebuilt() -> None:
    data = _three_pages()
    damaged = data[: data.index(b"xref")] + bytes(range(256))
    doc = read_document(damaged, "x.pdf")
    assert [b.text for b in doc.blocks] == ["Page 1 text", "Page 2 text", "Page 3 text"]
    assert doc.notes[0][0] == "pdf-repaired" and "3 pages" in doc.notes[0][1]


def test_a_truncation_that_loses_a_font_says_text_may_be_wrong() -> None:
    data = _three_pages()
    doc = read_document(data[: data.index(b"Page 3")], "x.pdf")
    assert doc.pages == 3  # the third page's dictionary is whole, its contents are not
    assert "objects they use (fonts, page contents) are lost" in doc.notes[0][1]


def test_an_empty_page_pdf_is_empty() -> None:
    from fengong.errors import EmptyDocumentError

    with pytest.raises(EmptyDocumentError):
        read_document(make_pdf([("", "<< >>")]), "blank.pdf")


def test_pdf_sample_is_sniffed_by_content_whatever_its_name(tmp_path: Path) -> None:
    renamed = tmp_path / "plan.docx"
    renamed.write_bytes(SAMPLE.read_bytes())
    plan = parse_bytes(renamed.read_bytes(), renamed.name)
    assert plan.source.format == "pdf" and len(plan.tasks) == 41


def test_text_drawn_twice_for_bold_is_read_once() -> None:
    content = (
        "BT /F1 12 Tf 72 700 Td (Plan 2025) Tj ET BT /F1 12 Tf 72.4 700.3 Td (Plan 2025) Tj ET"
    )
    data = make_pdf(
        [(content, HELVETICA)], ["<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    )
    doc = read_document(data, "bold.pdf")
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == ["Plan 2025"]


def test_page_numbers_as_official_documents_print_them() -> None:
    from fengong.textnorm import is_page_number

    for text in ("— 1 —", "—2—", "- 3 -", "第 4 页", "5/12", "第5页 共12页", "————"):
        assert is_page_number(text), text
    for text in ("1.推进政务公开", "2023年底", "— 附件 —"):
        assert not is_page_number(text), text


def test_a_running_head_on_both_pages_of_a_two_page_plan_is_furniture() -> None:
    from fengong.parsers.pdf.reader import _furniture_keys

    def page(number: int, head: str) -> PageRecord:
        p = PageRecord(number, 595.0, 842.0)
        p.items = [
            (30.0, TextLine(100, 400, 30, 45, head, 10.5, number)),
            (300.0, TextLine(90, 500, 300, 315, f"正文第{number}页的文字", 16, number)),
        ]
        return p

    keys = _furniture_keys(
        [
            page(1, "从化区2019年政务公开工作要点分工方案"),
            page(2, "从化区2019年政务公开工作要点分工方案"),
        ]
    )
    assert keys == {"从化区#年政务公开工作要点分工方案"}
