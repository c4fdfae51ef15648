"""What a cell's content looks like: small predicates used to place cells in columns."""

from __future__ import annotations

import re
from functools import lru_cache

from fengong.interpret.deadlines import looks_like_deadline
from fengong.interpret.numbering import split_numbering
from fengong.interpret.units import looks_like_units
from fengong.item_numbers import ROW_NUMBER
from fengong.schema import UNIT_ROLES
from fengong.textnorm import ends_sentence, join_lines

_ROW_NUMBER = re.compile(rf"^\s*{ROW_NUMBER}\s*$")


def is_row_number(text: str) -> bool:
    """Return True for a bare row number (``12``, ``12.``, ``（12）``)."""
    return bool(_ROW_NUMBER.match(text))


@lru_cache(maxsize=8192)  # pure, and asked again and again per cell
def is_heading(text: str) -> bool:
    """Return True for a section heading: numbered 一、 / （一） / 第一章 and short
    (``一、着眼稳定预期，加强政策解读和回应关切`` is one). Arabic-numbered lines are
    usually the tasks themselves, so they are not headings here."""
    flat = join_lines(text)
    numbering = split_numbering(flat)
    if numbering is None or not numbering.rest.strip():
        return False
    return numbering.style in ("cn", "cn-paren", "chapter") and len(flat) <= 60


def is_label_like(text: str) -> bool:
    """Return True for a short line that names something rather than says it: a
    heading of any numbering, or a short phrase with no sentence punctuation."""
    flat = join_lines(text)
    if is_heading(flat):
        return True
    if split_numbering(flat) is not None:
        return len(flat) <= 30 and flat.count("。") <= 1 and "，" not in flat
    return len(flat) <= 30 and not ends_sentence(flat) and "，" not in flat


def is_sentence(text: str) -> bool:
    """Return True for running text rather than a heading or a label."""
    flat = join_lines(text)
    return len(flat) > 12 and (ends_sentence(flat) or "，" in flat or "," in flat)


_PERSON = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


def is_person(text: str) -> bool:
    """Return True for people's names or titles (``钱 宇``, ``王明、李强``)."""
    names = [n for n in re.split(r"[、，,；;\n]+", text) if n.strip()]
    return (
        bool(names)
        and all(_PERSON.match(re.sub(r"\s+", "", n)) for n in names)
        and not looks_like_units(text)
    )


@lru_cache(maxsize=8192)  # pure, and asked again and again per cell
def cell_fits(role: str, text: str) -> bool:
    """Return True when ``text`` reads like a cell of a column with ``role``."""
    if not text.strip():
        return False
    if role == "number":
        return is_row_number(text)
    if role == "section":
        return is_heading(text)
    if role in ("task", "content"):
        flat = join_lines(text)
        if len(flat) <= 12 and looks_like_deadline(flat):
            return False  # a date alone (2021年11月) is no task
        return not is_heading(text) and not is_row_number(text) and len(flat) > 6
    if role in UNIT_ROLES:
        return looks_like_units(text)
    if role == "leaders":
        return is_person(text)
    if role == "deadline":
        return looks_like_deadline(text) and len(join_lines(text)) <= 40
    if role in ("criteria", "measures"):
        return len(join_lines(text)) > 6 and not looks_like_units(text)
    if role == "note":  # a progress or remarks column (进展情况, 备注): running text
        return is_sentence(text) and not looks_like_units(text)
    return False
