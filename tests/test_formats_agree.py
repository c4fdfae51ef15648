"""The same plan in every format gives the tasks its hand-made gold says (tests/gold.py).

The DOCX samples (scripts/build_samples.py) and the web pages and workbooks
(scripts/build_web_samples.py) are built from hand transcriptions of the seed plans
(tests/corpus/tables/), never from fengong's output; LibreOffice's rewrite of the DOCX
checks that fengong does not depend on python-docx's way of writing. Compared with the
gold: the title, the task count and, per task, its text (start and end), number, section,
units by role, leaders, deadline, criteria and measures. The web pages carry a site's
chrome around the article, none of which may reach the Plan.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from fengong.pipeline import parse_bytes
from tests.conftest import SAMPLES
from tests.gold import load_gold, plan_differences

DOCX_SAMPLES = sorted((SAMPLES / "docx").glob("*.docx"))
# ruled tables; samples/pdf/unruled is checked in test_pdf_unruled.py
PDF_SAMPLES = sorted(
    p for p in (SAMPLES / "pdf").rglob("*.pdf") if p.parent.name not in ("unruled", "long")
)  # long: tests/test_long_pdf.py
HTML_SAMPLES = sorted((SAMPLES / "html").glob("*.html"))
XLSX_SAMPLES = sorted((SAMPLES / "xlsx").glob("*.xlsx"))
SOFFICE = shutil.which("soffice")
needs_soffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed; this check converts files"
)


def plan_of(path: Path) -> dict[str, Any]:
    """The Plan of a file as JSON."""
    return json.loads(parse_bytes(path.read_bytes(), path.name).model_dump_json())  # type: ignore[no-any-return]


def assert_same_plan(path: Path, stem: str) -> None:
    """Assert the Plan of ``path`` says what the seed plan ``stem``'s gold says."""
    assert plan_differences(plan_of(path), load_gold(stem)) == []


def test_every_text_sample_has_a_docx() -> None:
    assert [p.stem for p in DOCX_SAMPLES] == sorted(
        p.stem for p in (SAMPLES / "text").glob("*.txt")
    )


@pytest.mark.parametrize("sample", DOCX_SAMPLES, ids=lambda p: p.stem)
def test_docx_sample_matches_gold(sample: Path) -> None:
    assert_same_plan(sample, sample.stem)


@pytest.mark.parametrize("sample", DOCX_SAMPLES, ids=lambda p: p.stem)
def test_docx_sample_keeps_merges_and_reports_no_repair(sample: Path) -> None:
    plan = parse_bytes(sample.read_bytes(), sample.name)
    codes = {w.code for w in plan.warnings}
    # Merges are visible in Word: nothing is filled from above or rejoined.
    assert not codes & {"filled-from-above", "cell-rejoined", "row-rejoined", "cell-shifted"}
    assert plan.source.format == "docx"
    assert all(t.source.table is not None or t.source.paragraph is not None for t in plan.tasks)


def test_every_docx_sample_has_two_pdfs() -> None:
    stems = [p.stem for p in DOCX_SAMPLES]
    assert [p.stem for p in PDF_SAMPLES if p.parent.name == "pdf"] == stems
    assert [p.stem for p in PDF_SAMPLES if p.parent.name == "variants"] == stems


@pytest.mark.parametrize("sample", PDF_SAMPLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_pdf_sample_matches_gold(sample: Path) -> None:
    # samples/pdf: LibreOffice's print of the DOCX; samples/pdf/variants: the same DOCX
    # printed on portrait A4 with wide margins, so that every page break falls elsewhere.
    assert_same_plan(sample, sample.stem)


def _soffice_convert(sources: list[Path], target: str, out: Path, tmp: Path) -> None:
    assert SOFFICE is not None
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(tmp / 'profile').as_uri()}", "--headless",
         "--convert-to", target, "--outdir", str(out), *map(str, sources)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip


@needs_soffice
def test_docx_written_by_libreoffice_reads_the_same(tmp_path: Path) -> None:
    out = tmp_path / "lo"
    _soffice_convert(DOCX_SAMPLES, "docx:MS Word 2007 XML", out, tmp_path)
    for sample in DOCX_SAMPLES:
        assert_same_plan(out / sample.name, sample.stem)


@needs_soffice
@pytest.mark.parametrize("old_format", ["doc", "rtf"])
def test_old_word_formats_are_converted_by_libreoffice(tmp_path: Path, old_format: str) -> None:
    # Not seed002: LibreOffice's DOC export splits each restarted list in a cell into two
    # lists, and prints (and fengong reads) "1. 1." there, as its own PDF of that DOC shows.
    sample = SAMPLES / "docx" / "seed001_prose_then_pipe-table.docx"
    # Through ODT: LibreOffice 7.4 drops the tables of a direct DOCX → DOC export.
    _soffice_convert([sample], "odt", tmp_path, tmp_path)
    _soffice_convert([tmp_path / f"{sample.stem}.odt"], old_format, tmp_path, tmp_path)
    old = tmp_path / f"{sample.stem}.{old_format}"
    assert_same_plan(old, sample.stem)
    plan = parse_bytes(old.read_bytes(), old.name)
    assert plan.warnings[0].code == "converted"


def test_doc_without_libreoffice_says_how_to_convert(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fengong.errors import UnsupportedFormatError

    monkeypatch.setenv("FENGONG_SOFFICE", str(tmp_path / "no-soffice"))
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024
    with pytest.raises(UnsupportedFormatError, match="install LibreOffice"):
        parse_bytes(ole, "plan.doc")


def test_every_text_sample_has_a_web_page_and_every_table_plan_a_workbook() -> None:
    text_stems = sorted(p.stem for p in (SAMPLES / "text").glob("*.txt"))
    assert [p.stem for p in HTML_SAMPLES] == text_stems
    with_table = [s for s in text_stems if load_table(s)["header"]]
    assert [p.stem for p in XLSX_SAMPLES] == with_table


def load_table(stem: str) -> dict[str, Any]:
    """The hand transcription the samples are built from."""
    path = SAMPLES.parent / "tests" / "corpus" / "tables" / f"{stem}.table.json"
    return json.loads(path.read_text("utf-8"))  # type: ignore[no-any-return]


@pytest.mark.parametrize("sample", HTML_SAMPLES, ids=lambda p: p.stem)
def test_web_page_sample_matches_gold(sample: Path) -> None:
    assert_same_plan(sample, sample.stem)
    assert plan_of(sample)["source"]["format"] == "html"


@pytest.mark.parametrize("sample", XLSX_SAMPLES, ids=lambda p: p.stem)
def test_workbook_sample_matches_gold(sample: Path) -> None:
    assert_same_plan(sample, sample.stem)
    assert plan_of(sample)["source"]["format"] == "xlsx"


# What the sample pages print around the article (scripts/build_web_samples.py): the
# site's name, menu, breadcrumb, metadata block, date and print line, share links, footer
# (words the plans themselves use, such as 政务服务 or 微博, are left out of the list).
SITE_CHROME = (
    "某某市人民政府门户网站", "机构概况", "走进本市", "当前位置", "您现在的位置", "索引号",
    "主题分类", "发布机构", "发布日期", "文号", "主题词", "浏览次数", "字体", "打印本页", "关闭窗口",
    "相关附件", "分享到", "QQ空间", "扫一扫", "网站地图", "联系我们", "隐私声明", "版权所有",
    "网站标识码", "ICP备", "公网安备", "技术支持", "信息技术有限公司", "栏目导航", "规划计划",
    "通知公告", "请输入关键字", "正文开始", "_hmt", "stat(",
)  # fmt: skip


def test_the_sample_pages_print_the_chrome_listed() -> None:
    from fengong.parsers.html.charset import decode_page

    pages = "".join(decode_page(p.read_bytes())[0] for p in HTML_SAMPLES)
    assert [c for c in SITE_CHROME if c not in pages] == []


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.mark.parametrize("sample", HTML_SAMPLES, ids=lambda p: p.stem)
def test_no_site_chrome_reaches_any_field(sample: Path) -> None:
    plan = plan_of(sample)
    plan["source"]["attachments"] = []  # listed on purpose (test_html_reader.py)
    fields = "\n".join(_strings(plan))
    assert [c for c in SITE_CHROME if c in fields] == []


def test_gb2312_pages_read_as_gb18030_without_mojibake() -> None:
    # seed001 and seed003 are GB18030 bytes declaring gb2312; GBK's — (A1AA) is U+2014
    # there, which gb2312 decoders read as U+2015 or refuse
    for stem in ("seed001_prose_then_pipe-table", "seed003_prose_bracket-markers"):
        data = (SAMPLES / "html" / f"{stem}.html").read_bytes()
        assert re.search(rb"charset=\"?gb2312", data)
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
        fields = "\n".join(_strings(plan_of(SAMPLES / "html" / f"{stem}.html")))
        assert "\ufffd" not in fields and "\u2015" not in fields
    seed003 = plan_of(SAMPLES / "html" / "seed003_prose_bracket-markers.html")
    assert any("政务微博（中国侨都—新会大泽）" in t["text"] for t in seed003["tasks"])
