"""Outline numbering as printed in Chinese official documents.

Styles, outermost first in the usual order: ``chapter`` (第一章), ``article`` (第一条, the
articles of a duty list written as rules), ``cn`` (一、), ``cn-paren`` (（一）),
``arabic`` (1. / 1、 / 1．), ``arabic-paren`` (（1）), ``circled`` (①); and the decimal
headings of emergency plans (``6.2 应急调查``, ``2.3.1 …``: ``decimal-2``, ``decimal-3`` by
their parts, each followed by white space). The order in a real document is read from the
document itself (see ``OutlineStack``), not assumed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from fengong.item_numbers import CIRCLED, CLOSE, CN_NUMERALS, DOT, ITEM_DOT, OPEN, cn_to_int

# what follows a figure, not a heading's number: a measure, a counted thing, a date's
# word (``12.30前``)
_MEASURES = "万亿千百十元角个人户次年月日时分秒吨亩家所项条件份台辆座倍米公平立度岁天周前后底至起止"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chapter", re.compile(rf"^\s*(第[{CN_NUMERALS}\d]+[章节部分篇])\s*")),
    ("article", re.compile(rf"^\s*(第[{CN_NUMERALS}\d]+[条條])\s*")),
    ("cn", re.compile(rf"^\s*([{CN_NUMERALS}]+)\s*{DOT}\s*")),
    ("cn-paren", re.compile(rf"^\s*({OPEN}\s*[{CN_NUMERALS}]+\s*{CLOSE})\s*{DOT}?\s*")),
    ("arabic-paren", re.compile(rf"^\s*({OPEN}\s*\d{{1,3}}\s*{CLOSE})\s*{DOT}?\s*")),
    # 251: ``6.2 应急调查、监测与治理`` (its space may be gone: text is compared joined);
    # never a figure and its measure (``6.2万元``, ``1.5倍``, ``2.5%``)
    (
        "decimal",
        re.compile(
            r"^\s*(\d{1,2}(?:[.．]\d{1,2}){1,3})[ \u3000]*"
            rf"(?=[\u4e00-\u9fff])(?![{_MEASURES}])"
        ),
    ),
    ("arabic", re.compile(rf"^\s*(\d{{1,3}})\s*(?:{ITEM_DOT}|\s*{CLOSE})\s*")),
    ("circled", re.compile(rf"^\s*({CIRCLED})\s*")),
)


@dataclass(frozen=True)
class Numbering:
    """A numbering prefix: its style, the number as printed (``一``, ``（一）``, ``12``),
    and the text after it."""

    style: str
    token: str
    rest: str


@lru_cache(maxsize=8192)  # pure, and asked again and again per cell
def split_numbering(text: str) -> Numbering | None:
    """Return the numbering at the start of ``text``, or None when it has none.

    ``"（3）做好…"`` → ``Numbering("arabic-paren", "（3）", "做好…")``; the separator
    after the number (、 . ．) is not part of the token.
    """
    for style, pattern in _PATTERNS:
        m = pattern.match(text)
        if m and m.end() < len(text.rstrip()):
            token = re.sub(r"\s+", "", m.group(1))
            if style == "decimal":
                style = f"decimal-{len(re.split('[.．]', token))}"
            return Numbering(style, token, text[m.end() :])
    return None


def number_value(token: str) -> int | None:
    """Return the integer a number token stands for (``（十二）`` → 12, ``③`` → 3)."""
    core = token.strip("（）() 第章节部分篇")
    if core.isdigit():
        return int(core)
    if len(core) == 1 and "\u2460" <= core <= "\u2473":
        return ord(core) - 0x2460 + 1
    if len(core) == 1 and "\u2776" <= core <= "\u277f":
        return ord(core) - 0x2776 + 1
    return cn_to_int(core)


# items marked by a dash or a bullet instead of a number (``--清理…``, ``——加强…``, ``•``)
_BULLET = re.compile(r"^\s*(?:-{2}|—{1,2}|－{2}|[•·●○■□◆◇▲△►])\s*(?=\S)")


def item_numbering(text: str) -> Numbering | None:
    """The numbering of an item: a number (``split_numbering``), or a dash or bullet that
    marks a list item (style ``bullet``, no number)."""
    numbering = split_numbering(text)
    if numbering is not None:
        return numbering
    m = _BULLET.match(text)
    return Numbering("bullet", "", text[m.end() :]) if m else None


# Styles that head a plan's outline wherever they appear (GB/T 9704: 第X章, then 一、). A
# copy that starts inside a list (a web page's second page) shows deeper items first;
# these still close them instead of nesting under them.
_TOP_STYLES = ("chapter", "article", "cn")


# the order plans usually nest their numbering in (GB/T 9704: 一、 （一） 1. （1）)
_USUAL_ORDER = (
    "chapter", "article", "cn", "cn-paren", "arabic", "arabic-paren", "circled",
    "decimal-2", "decimal-3", "decimal-4",
)  # fmt: skip


def outranks(style: str, other: str) -> bool:
    """Return True when numbering ``style`` heads ``other`` in the usual order of plans
    (``cn-paren`` over ``arabic``); False when either is not in that order."""
    if style not in _USUAL_ORDER or other not in _USUAL_ORDER:
        return False
    return _USUAL_ORDER.index(style) < _USUAL_ORDER.index(other)


def first_closed(open_styles: list[str], style: str) -> int:
    """Given the styles of the open headings (outermost first) and the style of a new
    heading, return the index of the first open heading the new one closes (its sibling of
    the same style and all below it; for 一、 or 第X章, also deeper items opened before any
    heading of its rank), or ``len(open_styles)`` when it closes none."""
    if style in open_styles:
        return open_styles.index(style)
    if style in _TOP_STYLES:
        rank = _TOP_STYLES.index(style)
        for i, s in enumerate(open_styles):
            if s not in _TOP_STYLES[: rank + 1]:
                return i
    return len(open_styles)


class OutlineStack:
    """The chain of open headings, by numbering style.

    A heading whose style is already open closes it and everything below it (its
    sibling replaces it); a new style opens one level deeper. This reads the outline
    order from the document itself, so a plan that puts 1. above （一） still nests right.
    """

    def __init__(self) -> None:
        self._items: list[tuple[str, str]] = []

    def push(self, style: str, text: str) -> None:
        """Open heading ``text`` of ``style``, closing a sibling of the same style."""
        del self._items[first_closed([s for s, _ in self._items], style) :]
        self._items.append((style, text))

    def close(self, style: str) -> None:
        """Close the open heading of ``style``, if any, and everything below it: an item of
        that style is its sibling, not its child."""
        styles = [s for s, _ in self._items]
        if style in styles:
            del self._items[styles.index(style) :]

    def path(self) -> list[str]:
        """Return the open headings' texts, outermost first."""
        return [t for _, t in self._items]
