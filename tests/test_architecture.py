"""The pipeline's layering, checked: readers and the document model know nothing of
interpretation, the schema or the CLI."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "fengong"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize("package", ["parsers", "document"])
def test_lower_layers_do_not_import_upper_ones(package: str) -> None:
    for path in (SRC / package).rglob("*.py"):
        for name in _imports(path):
            assert not name.startswith(
                ("fengong.interpret", "fengong.schema", "fengong.cli", "fengong.exporters")
            ), f"{path.name} imports {name}"


def test_heavy_libraries_are_imported_lazily() -> None:
    for path in SRC.rglob("*.py"):
        top_level = {
            alias.name
            for node in ast.parse(path.read_text("utf-8")).body
            if isinstance(node, ast.Import)
            for alias in node.names
        } | {
            node.module or ""
            for node in ast.parse(path.read_text("utf-8")).body
            if isinstance(node, ast.ImportFrom)
        }
        for heavy in ("jieba", "pdfplumber", "docx"):
            assert heavy not in top_level, f"{path.name} imports {heavy} at module level"
