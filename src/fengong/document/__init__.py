"""The format-neutral document model shared by every reader and the interpreter."""

from fengong.document.model import (
    Block,
    Cell,
    Document,
    Link,
    Paragraph,
    Provenance,
    Row,
    Stated,
    Table,
)

__all__ = [
    "Block",
    "Cell",
    "Document",
    "Link",
    "Paragraph",
    "Provenance",
    "Row",
    "Stated",
    "Table",
]
