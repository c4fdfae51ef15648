"""Criteria and measures cells → items, split where the cell numbers them."""

from __future__ import annotations

import re

from fengong.interpret.numbering import number_value
from fengong.item_numbers import CLOSE, DOT_CHARS, ITEM_DOT, OPEN
from fengong.textnorm import join_lines

# An item number starts the text, a line, or follows a sentence end: "…整改。2、严格…".
_MARK = re.compile(
    r"(?:^|(?<=[\n。；;！？!?：:]))\s*"
    rf"(?P<num>\d{{1,2}}{ITEM_DOT}|{OPEN}\d{{1,2}}{CLOSE}|[\u2460-\u2473])\s*"
)


def _counted_marks(text: str) -> list[re.Match[str]]:
    """The item numbers of ``text`` that count 1, 2, 3 … from the first."""
    marks = []
    expected = 1
    for m in _MARK.finditer(text):
        if number_value(m.group("num").rstrip(DOT_CHARS)) == expected:
            marks.append(m)
            expected += 1
    return marks


def last_item_number(text: str) -> int:
    """Return the number of the last item ``text`` counts to (``1.甲 2.乙`` → 2), 0 if none."""
    return len(_counted_marks(text))


def split_items(text: str) -> list[str]:
    """Return the items of a criteria or measures cell, numbering removed.

    Splits only at a run of numbers that counts 1, 2, 3 … from the first, so a stray
    ``3、`` inside a sentence does not cut it; text before ``1`` is an item of its own.
    A cell without numbering is one item. Items are single lines (wrapped lines joined).
    """
    if not text.strip():
        return []
    marks = _counted_marks(text)
    if len(marks) < 2:
        return [join_lines(text)]
    items = []
    head = join_lines(text[: marks[0].start()])
    if head:
        items.append(head)
    for m, nxt in zip(marks, [*marks[1:], None], strict=True):
        body = join_lines(text[m.end() : nxt.start() if nxt else len(text)])
        if body:
            items.append(body)
    return items
