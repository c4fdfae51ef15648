"""The pipeline's stages depend only forwards: readers (parsers/) → Document (document/) →
interpreter (interpret/) → schema (schema/) → comparison (compare/) → exporters (exporters/)
→ CLI (cli/).

The interpreter never sees a file format's library, and exporters see only the schema and
the comparison's result, never the interpreter or a reader; the schema depends on nothing of
fengong's. The comparison reads documents through the pipeline only, never a reader or the
interpreter directly."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "fengong"
FORMAT_LIBRARIES = ("docx", "pdfplumber", "pdfminer", "openpyxl", "lxml", "zipfile")


def _imports(path: Path) -> set[str]:
    """The modules ``path`` imports, at any depth (lazy imports inside functions too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(stage: str) -> list[Path]:
    return sorted((SRC / stage).rglob("*.py"))


def _offending(paths: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{path.relative_to(SRC)} imports {name}"
        for path in paths
        for name in sorted(_imports(path))
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    ]


UPPER = (
    "fengong.interpret", "fengong.schema", "fengong.compare", "fengong.cli", "fengong.exporters",
)  # fmt: skip


@pytest.mark.parametrize(
    ("stage", "forbidden"),
    [
        ("parsers", UPPER),  # readers and the document model know nothing of what follows
        ("document", UPPER),
        (
            "interpret",
            (
                *FORMAT_LIBRARIES,
                "fengong.parsers",
                "fengong.compare",
                "fengong.exporters",
                "fengong.cli",
            ),
        ),
        (
            "schema",
            (
                "fengong.interpret",
                "fengong.parsers",
                "fengong.compare",
                "fengong.exporters",
                "fengong.cli",
            ),
        ),
        (
            "compare",
            (
                "fengong.interpret",
                "fengong.parsers.text",
                "fengong.parsers.word",
                "fengong.parsers.pdf",
                "fengong.exporters",
                "fengong.cli",
            ),
        ),
        ("exporters", ("fengong.interpret", "fengong.parsers", "fengong.cli")),
    ],
)
def test_a_stage_imports_nothing_downstream_or_foreign(
    stage: str, forbidden: tuple[str, ...]
) -> None:
    assert _modules(stage), f"no modules in {stage}/"
    assert _offending(_modules(stage), forbidden) == []


def test_heavy_libraries_are_imported_lazily() -> None:
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        top_level = {
            alias.name for node in tree.body if isinstance(node, ast.Import) for alias in node.names
        } | {node.module or "" for node in tree.body if isinstance(node, ast.ImportFrom)}
        for heavy in ("jieba", "pdfplumber", "docx", "rapidfuzz", "lxml", "openpyxl"):
            assert heavy not in top_level, f"{path.name} imports {heavy} at module level"
