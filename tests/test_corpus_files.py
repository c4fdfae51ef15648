"""The corpus files are well formed: gold fields, prefixes found in the text, no address
reserved or used twice, table transcriptions as wide as their headers with one row per gold
task (scripts/corpus_check.py), and a DOCX and a PDF copy for every transcription."""

from __future__ import annotations

import importlib.util
import io
from contextlib import redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"


def test_corpus_check_finds_no_problem() -> None:
    spec = importlib.util.spec_from_file_location(
        "corpus_check", ROOT / "scripts" / "corpus_check.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = io.StringIO()
    with redirect_stdout(out):
        status = module.main([])
    assert status == 0, out.getvalue()


def test_every_corpus_transcription_has_its_copies() -> None:
    stems = sorted(
        p.name.removesuffix(".table.json")
        for p in (CORPUS / "tables").glob("*.table.json")
        if not p.name.startswith("seed")
    )
    assert len(stems) >= 12
    assert stems == sorted(p.stem for p in (CORPUS / "docx").glob("*.docx"))
    assert stems == sorted(p.stem for p in (CORPUS / "pdf").glob("*.pdf"))
    # printed with official documents' page furniture (scripts/build_samples.py)
    assert stems == sorted(p.stem for p in (CORPUS / "pdf" / "official").glob("*.pdf"))
