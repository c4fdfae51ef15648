"""The same plan in every format gives the tasks its hand-made gold says (tests/gold.py).

The DOCX samples (scripts/build_samples.py) are built from hand transcriptions of the seed
plans (tests/corpus/tables/), never from fengong's output; LibreOffice's rewrite of them
checks that fengong does not depend on python-docx's way of writing. Compared with the
gold: the title, the task count and, per task, its text (start and end), number, section,
units by role, leaders, deadline, criteria and measures.
"""

from __future__ import annotations

import json
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
