"""What two tasks are compared on: their texts and headings reduced to the characters
that carry meaning.

White space, punctuation and the width of characters (``，`` and ``,``; ``２０２４`` and
``2024``) differ between copies of one plan (a PDF, its Word original, a web page) without
the plan having changed, so comparisons ignore them. A heading's numbering (``一、``
``（二）``) changes when a section is inserted before it, so headings are compared without it.
"""

from __future__ import annotations

import re
import unicodedata

from fengong.item_numbers import CN_DIGITS, DOT, ITEM_NUMBER
from fengong.textnorm import simplify

_NOT_MEANING = re.compile(r"[\W_]+")
_HEADING_NUMBER = re.compile(
    rf"^\s*(?:{ITEM_NUMBER}|[{CN_DIGITS}百]+{DOT}"
    rf"|第[{CN_DIGITS}百\d]+[部分章节条项]+、?|[①-⑳])\s*"
)


def text_key(text: str) -> str:
    """Return ``text`` as compared: NFKC-folded (full-width letters, digits and
    punctuation made half-width), without white space or punctuation."""
    return _NOT_MEANING.sub("", unicodedata.normalize("NFKC", text))


def match_key(text: str) -> str:
    """Return ``text`` as aligned: ``text_key`` in simplified characters, so that a copy in
    traditional script still finds its tasks (``textnorm.simplify``)."""
    return simplify(text_key(text))


def heading_key(heading: str) -> str:
    """Return a section heading as compared: ``text_key`` of the heading without its
    numbering (``二、健全工作机制`` and ``三、健全工作机制`` are the same heading)."""
    return text_key(_HEADING_NUMBER.sub("", heading, count=1))


def section_key(section: list[str]) -> list[str]:
    """Return a task's section path as compared: each heading's ``heading_key``, headings
    that hold only a number left out."""
    return [key for key in map(heading_key, section) if key]
