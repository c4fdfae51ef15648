"""OCR (issue 16): scans, image files and PDFs whose fonts have no Unicode map, read into
the same Document as a born-digital PDF.

Tests that read pages need the OCR extra (``pip install 'fengong[ocr]'``) and skip with
that reason without it; the refusals (limits, the missing extra) run everywhere.
"""

from __future__ import annotations

import importlib.util
import io
import json
import sys
from pathlib import Path
from typing import cast

import pytest

from fengong.errors import ScannedError, TooLargeError
from fengong.parsers import read_document, sniff_format
from fengong.parsers.limits import Limits, OcrOptions
from fengong.parsers.ocr import ocr_available
from fengong.pipeline import parse_bytes
from fengong.schema.data import TaskData
from tests.conftest import ROOT
from tests.hostile import image_only_pdf, many_page_tiff, png_bomb

SCANNED = ROOT / "tests" / "corpus" / "scanned"
needs_ocr = pytest.mark.skipif(
    not ocr_available(), reason="needs the OCR extra: pip install 'fengong[ocr]'"
)


def _png(width: int = 40, height: int = 20) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (width, height), 255).save(buffer, "PNG")
    return buffer.getvalue()


def _gold(stem: str) -> dict[str, object]:
    return json.loads((ROOT / "tests" / "corpus" / f"{stem}.gold.json").read_text("utf-8"))


def _benchmark():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "benchmarks" / "accuracy.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["accuracy"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n....", "image"),
        (b"\xff\xd8\xff\xe0..JFIF", "image"),
        (b"II*\x00....", "image"),
        (b"MM\x00*....", "image"),
        (b"%PDF-1.7", "pdf"),
    ],
)
def test_images_are_sniffed_by_content(head: bytes, kind: str) -> None:
    assert sniff_format(head + b"\x00" * 64, "plan.txt") == kind


def test_ocr_mode_is_checked() -> None:
    with pytest.raises(ValueError, match="auto, always, never"):
        OcrOptions(mode="sometimes")


def test_a_png_bomb_is_refused_from_its_header() -> None:
    with pytest.raises(TooLargeError, match=r"50000 × 50000 pixels.*--max-megapixels"):
        read_document(png_bomb())


def test_a_tiff_with_thousands_of_pages_is_refused() -> None:
    with pytest.raises(TooLargeError, match="more than 2000 pages"):
        read_document(many_page_tiff())
    with pytest.raises(TooLargeError, match="more than 1 pages"):
        read_document(
            (SCANNED / "01-bzqc-town-zhengwu-gongkai.tif").read_bytes(), limits=Limits(max_pages=1)
        )


def test_the_pixel_limit_is_a_limit() -> None:
    with pytest.raises(TooLargeError, match="40 × 20 pixels"):
        read_document(_png(), limits=Limits(max_pixels=100))


def test_without_the_extra_a_scan_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("fengong.parsers.ocr.ocr_available", lambda: False)
    with pytest.raises(ScannedError, match=r"pip install 'fengong\[ocr\]'"):
        read_document(image_only_pdf())
    with pytest.raises(ScannedError, match=r"pip install 'fengong\[ocr\]'"):
        read_document(_png())


def test_never_keeps_the_scanned_error_and_says_how_to_read_it() -> None:
    with pytest.raises(ScannedError, match="--ocr auto"):
        read_document(image_only_pdf(), ocr=OcrOptions(mode="never"))
    with pytest.raises(ScannedError, match="--ocr never"):
        read_document(_png(), ocr=OcrOptions(mode="never"))


def _table_image(angle: float = 0.0) -> object:
    """A grey page (numpy) with a ruled table drawn on it, 3 rows × 3 columns; the
    first column's cell spans rows 2 and 3, the first row's last two cells are one::

        +-----+-----------+
        |     |           |
        +-----+-----+-----+
        |     |     |     |
        |     +-----+-----+
        |     |     |     |
        +-----+-----+-----+
    """
    import numpy as np
    from PIL import Image, ImageDraw

    page = Image.new("L", (1200, 900), 255)
    draw = ImageDraw.Draw(page)
    xs, ys = [100, 400, 700, 1000], [100, 250, 400, 550]
    for y in (ys[0], ys[1], ys[3]):
        draw.line([(xs[0], y), (xs[3], y)], fill=0, width=3)
    draw.line([(xs[1], ys[2]), (xs[3], ys[2])], fill=0, width=3)
    for x in (xs[0], xs[1], xs[3]):
        draw.line([(x, ys[0]), (x, ys[3])], fill=0, width=3)
    draw.line([(xs[2], ys[1]), (xs[2], ys[3])], fill=0, width=3)
    if angle:
        page = page.rotate(angle, fillcolor=255)
    return np.asarray(page)


@needs_ocr
def test_ruling_lines_give_the_grid_with_its_merged_cells() -> None:
    from fengong.parsers.ocr.grid import masks_to_grids, ruling_masks

    (grid,) = masks_to_grids(*ruling_masks(_table_image()))
    assert len(grid.xs) == 4 and len(grid.ys) == 4
    assert [(c.row, c.col, c.row_span, c.col_span) for c in grid.cells] == [
        (0, 0, 1, 1), (0, 1, 1, 2), (1, 0, 2, 1), (1, 1, 1, 1), (1, 2, 1, 1), (2, 1, 1, 1),
        (2, 2, 1, 1),
    ]  # fmt: skip


@needs_ocr
def test_a_page_turned_a_little_is_turned_back() -> None:
    from fengong.parsers.ocr.grid import skew_angle

    assert skew_angle(_table_image(0.8)) == pytest.approx(-0.8, abs=0.15)
    assert skew_angle(_table_image()) == 0.0


@needs_ocr
def test_a_scanned_png_reads_like_its_gold() -> None:
    stem = "13-wuhu-zhongdian-gongzuo-zeren-2025"
    plan = parse_bytes((SCANNED / f"{stem}.png").read_bytes(), f"{stem}.png")
    assert plan.source.format == "image" and plan.source.pages == 1
    (ocr,) = [w for w in plan.warnings if w.code == "ocr"]
    assert ocr.location.page == 1 and "mean confidence 0." in ocr.message
    score = _benchmark().score_plan(_gold(stem), [t.model_dump(mode="json") for t in plan.tasks])
    assert score.task_f1 >= 0.95 and score.unit_f1 >= 0.9, score.diffs


@needs_ocr
def test_the_recogniser_runs_with_the_memory_arena() -> None:
    """RapidOCR turns onnxruntime's memory arena off; fengong gives the recogniser a session
    with it (about 15% of the time). Fails when a RapidOCR release moves what it replaces."""
    from fengong.parsers.ocr import engine

    session = engine._engine().text_rec.session.session
    assert session.get_session_options().enable_cpu_mem_arena


@needs_ocr
def test_units_parted_by_spaces_in_a_scanned_cell_are_read_apart() -> None:
    """80: '安监站 安监所', '超限站 公路站 交警六中队' in one cell; the recogniser reads no
    space, the gap between the runs of ink gives it."""
    stem = "80-dengfeng-xuzhuang-anquan-zhengzhi-2017"
    plan = parse_bytes((SCANNED / f"{stem}.pdf").read_bytes(), f"{stem}.pdf")
    units = {t.text: sorted(t.responsible) for t in plan.tasks}
    assert units["烟花爆竹"] == ["安监所", "安监站"]
    assert units["交通运输"] == ["交警六中队", "公路站", "超限站"]


def _without_unicode_maps(data: bytes) -> bytes:
    """The PDF with the ToUnicode map of every font removed: its text layer then gives
    (cid:N) codes, while its pages still draw the glyphs."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for page in writer.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.get_object().values():
            font = ref.get_object()
            if NameObject("/ToUnicode") in font:
                del font[NameObject("/ToUnicode")]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@needs_ocr
def test_a_pdf_whose_fonts_have_no_unicode_map_reads_through_ocr() -> None:
    stem = "07-taishan-zhengwu-gongkai-fengong-2021"
    data = _without_unicode_maps((ROOT / "tests" / "corpus" / "pdf" / f"{stem}.pdf").read_bytes())
    with pytest.raises(Exception, match="no usable Unicode mapping"):
        read_document(data, ocr=OcrOptions(mode="never"))
    plan = parse_bytes(data, f"{stem}.pdf")
    assert plan.source.format == "pdf"
    assert [w.location.page for w in plan.warnings if w.code == "ocr"] == [1]
    score = _benchmark().score_plan(_gold(stem), [t.model_dump(mode="json") for t in plan.tasks])
    assert score.task_f1 >= 0.95 and score.unit_f1 >= 0.9, score.diffs


@needs_ocr
def test_a_multi_page_tiff_reads_every_page(tmp_path: Path) -> None:
    from fengong.parsers.ocr.images import image_pages

    count, pages = image_pages(
        (SCANNED / "01-bzqc-town-zhengwu-gongkai.tif").read_bytes(), Limits()
    )
    assert count == 2
    dpis = [dpi for _, dpi in pages]
    assert dpis == [150.0, 150.0]


def _task(seq: int, lead: list[str], support: list[str] | None = None) -> TaskData:
    from fengong.schema import Task

    task = Task(seq=seq, text=f"任务{seq}", lead=lead, support=support or [])
    return cast("TaskData", task.model_dump())  # the plain data the interpreter checks


def test_a_unit_read_two_ways_is_reported_with_the_likely_reading_and_kept() -> None:
    from fengong.interpret.ocr_checks import unit_variants

    tasks = [
        _task(1, ["市发展改革委"], ["市财政局"]),
        _task(2, ["市发展改革委"]),
        _task(3, ["市发展改革姿"], ["市财政局"]),  # 委 misread as 姿 once
        _task(4, ["区财政局"]),  # another body, not a misreading of 市财政局
    ]
    (note,) = unit_variants(tasks)
    assert note.code == "ocr-variant"
    assert "'市发展改革姿' (in 1 task, first task 3)" in note.message
    assert "likely '市发展改革委'" in note.message and "left as read" in note.message
    assert tasks[2]["lead"] == ["市发展改革姿"]


def test_a_unit_in_a_line_read_with_low_confidence_is_named_with_its_task_and_field() -> None:
    from fengong.interpret.ocr_checks import low_confidence_units

    tasks = [_task(1, ["市发展改革委"], ["市财政局"]), _task(2, ["市司法局"])]
    notes = low_confidence_units(tasks, ["市发展改革委牵头，市财政局配合"])
    assert [n.message.split(" was")[0] for n in notes] == [
        "task 1, lead: '市发展改革委'",
        "task 1, support: '市财政局'",
    ]
    assert {n.code for n in notes} == {"ocr-low-confidence"}


def test_the_ocr_option_is_shared_by_the_commands(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from fengong.cli import app

    image = tmp_path / "page.png"
    image.write_bytes(_png())
    for command in ("parse", "units", "inspect"):
        result = CliRunner().invoke(app, [command, str(image), "--ocr", "never"])
        assert result.exit_code == 1, result.output
        assert "--ocr never" in result.output and "[scanned]" in result.output
    result = CliRunner().invoke(app, ["parse", str(image), "--ocr", "sometimes"])
    assert result.exit_code == 2


def test_a_lines_pieces_are_its_runs_of_ink_parted_by_a_space_or_more() -> None:
    np = pytest.importorskip("numpy")
    from fengong.parsers.ocr.page import line_pieces

    ink = np.zeros((60, 120), dtype=np.uint8)
    ink[5:17, 10:40] = 255  # a line of text …
    ink[5:17, 43:60] = 255  # … the next character close by (a gap of 3 ≤ 0.3 × 12)
    ink[5:17, 70:90] = 255  # … and after a space (a gap of 10)
    ink[25:37, 10:90] = 255  # a longer line
    ink[30:32, 100:102] = 255  # a speck on it
    ink[50:52, 70:72] = 255  # a speck on its own
    assert line_pieces(ink, min_height=6, least_ink=16) == [
        [(10, 5, 60, 17), (70, 5, 90, 17)],
        [(10, 25, 90, 37)],
    ]


def _read(text: str, xs: list[float]) -> object:
    from fengong.parsers.ocr.engine import LineText

    return LineText(text, 0.99, tuple(xs))


@pytest.mark.parametrize(
    ("text", "pieces", "parts"),
    [
        # 80: units in a cell parted by a space, which the recogniser does not read
        ("安监站安监所", [(0, 0, 92, 30), (105, 0, 197, 30)], ["安监站 安监所"]),
        # a gap after punctuation is the punctuation's own, not a space
        ("一、着眼稳定", [(0, 0, 48, 30), (62, 0, 180, 30)], ["一、着眼稳定"]),
        # nor the wider gap a word processor leaves between a digit and a Chinese character
        ("3个工作日", [(0, 0, 14, 30), (26, 0, 146, 30)], ["3个工作日"]),
        # a gap as wide as a column gap parts two cells of a borderless table
        ("创业评价热点", [(0, 0, 60, 30), (90, 0, 180, 30)], ["创业", "评价热点"]),
    ],
)
def test_gaps_between_the_pieces_of_a_line_are_spaces_or_column_gaps(
    text: str, pieces: list[tuple[int, int, int, int]], parts: list[str]
) -> None:
    from fengong.parsers.ocr.page import _parts

    # each character's centre, spread evenly over the pieces it was read from
    widths = [p[2] - p[0] for p in pieces]
    per_char = sum(widths) / len(text)
    xs: list[float] = []
    for p in pieces:
        count = round((p[2] - p[0]) / per_char)
        xs += [p[0] + (k + 0.5) * (p[2] - p[0]) / count for k in range(count)]
    xs = xs[: len(text)]
    got = _parts(_read(text, xs), xs, pieces)  # type: ignore[arg-type]
    assert [t for t, _ in got] == parts


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("市财政局丶市审计局", "市财政局、市审计局"),  # the enumeration comma read as a stroke
        ("市财政局’市审计局", "市财政局、市审计局"),  # … or as a closing quote
        ("‘放管服’改革", "‘放管服’改革"),  # a real pair of quotes stays
        ("建立公开内容动态扩展机制°", "建立公开内容动态扩展机制。"),  # the full stop read as °
        ("室温保持在26°以下", "室温保持在26°以下"),  # a real degree stays
        ("一12一", "—12—"),  # the dashes of an official page number read as 一
        ("一、加强", "一、加强"),
    ],
)
def test_misread_chinese_punctuation_is_undone(read: str, meant: str) -> None:
    from fengong.parsers.ocr.engine import _fix

    assert _fix(read) == meant
