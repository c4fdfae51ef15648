"""Word automatic numbering: ``w:numPr`` + numbering.xml → the label Word prints.

Headings such as ``一、`` and ``（一）`` are often not in the text at all: Word draws them
from a list definition. The interpreter must see them exactly as printed, so the reader
renders them here. Counters follow Word: instances (``w:num``) of one abstract list share
its counters unless they restart a level with ``w:startOverride``; a level's counter
starts over when a shallower level of the same list advances.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fengong.item_numbers import to_chinese

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]  # fmt: skip


def _letters(n: int) -> str:
    # Word repeats the letter: 27 → AA, 28 → BB.
    n = max(n, 1)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in _ROMAN:
        while n >= value:
            out += numeral
            n -= value
    return out


def _enclosed(n: int, first: int, count: int) -> str:
    return chr(first + n - 1) if 1 <= n <= count else f"({n})"


def format_number(n: int, fmt: str) -> str:
    """Return counter ``n`` rendered in Word number format ``fmt`` (``w:numFmt``)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
               "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand",
               "ideographDigital"):  # fmt: skip
        return to_chinese(n)
    if fmt == "ideographTraditional":
        return _HEAVENLY_STEMS[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _EARTHLY_BRANCHES[(n - 1) % 12]
    if fmt == "decimalEnclosedParen":
        return _enclosed(n, 0x2474, 20)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _enclosed(n, 0x2460, 20)
    if fmt in ("decimalEnclosedFullstop",):
        return _enclosed(n, 0x2488, 20)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "none":
        return ""
    return str(n)  # decimal and every format fengong has no table for


@dataclass
class Level:
    """One level of a list definition (``w:lvl``)."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level
    legal: bool = False  # w:isLgl: show every level's counter in decimal


@dataclass
class _ListState:
    counters: dict[int, int] = field(default_factory=dict)


def w_val(el: Any, name: str) -> str | None:
    """Return the ``w:val`` of child ``w:<name>`` of ``el`` (None when either is absent)."""
    child = el.find(W + name) if el is not None else None
    return child.get(W + "val") if child is not None else None


def to_int(value: str | None, default: int | None = None) -> int | None:
    """Return ``value`` as an int, ``default`` when it is missing or not a number."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _read_level(el: Any) -> Level:
    level = Level()
    level.start = to_int(w_val(el, "start"), 1) or 0
    level.fmt = w_val(el, "numFmt") or "decimal"
    text = w_val(el, "lvlText")
    level.text = text if text is not None else ""
    level.restart = to_int(w_val(el, "lvlRestart"))
    legal = el.find(W + "isLgl")
    level.legal = legal is not None and legal.get(W + "val", "1") not in ("0", "false")
    return level


class Numbering:
    """The list definitions of one document and the counters while reading it.

    ``label(num_id, ilvl)`` must be called once per numbered paragraph, in document order.
    """

    def __init__(self, root: Any | None) -> None:
        self._abstract: dict[str, dict[int, Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, Level], dict[int, int]]] = {}
        self._states: dict[str, _ListState] = {}
        self._started: set[str] = set()
        if root is None:
            return
        for el in root.iter(W + "abstractNum"):
            levels = {
                to_int(lvl.get(W + "ilvl"), 0) or 0: _read_level(lvl) for lvl in el.iter(W + "lvl")
            }
            self._abstract[el.get(W + "abstractNumId", "")] = levels
        for el in root.iter(W + "num"):
            abstract_id = w_val(el, "abstractNumId") or ""
            overrides: dict[int, Level] = {}
            starts: dict[int, int] = {}
            for override in el.iter(W + "lvlOverride"):
                ilvl = to_int(override.get(W + "ilvl"), 0) or 0
                start = to_int(w_val(override, "startOverride"))
                if start is not None:
                    starts[ilvl] = start
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    overrides[ilvl] = _read_level(lvl)
            self._nums[el.get(W + "numId", "")] = (abstract_id, overrides, starts)

    def has(self, num_id: str) -> bool:
        """Return True when ``num_id`` names a list with a definition."""
        entry = self._nums.get(num_id)
        return entry is not None and entry[0] in self._abstract

    def _level(self, num_id: str, ilvl: int) -> Level | None:
        abstract_id, overrides, _ = self._nums[num_id]
        return overrides.get(ilvl) or self._abstract[abstract_id].get(ilvl)

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the list ``num_id`` at level ``ilvl`` and return the printed label
        (with its separator, without the tab or space Word puts after it), or None when
        the list has no definition."""
        if not self.has(num_id):
            return None
        abstract_id, _, starts = self._nums[num_id]
        state = self._states.setdefault(abstract_id, _ListState())
        if num_id not in self._started:
            self._started.add(num_id)
            for lvl, start in starts.items():
                state.counters[lvl] = start - 1
                for deeper in [k for k in state.counters if k > lvl]:
                    del state.counters[deeper]
        level = self._level(num_id, ilvl)
        if level is None:
            return None
        if level.fmt == "bullet":
            return ""  # a bullet is decoration, and its glyph is often a private-use symbol
        state.counters[ilvl] = state.counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in state.counters if k > ilvl]:
            deeper_level = self._level(num_id, deeper)
            restart = deeper_level.restart if deeper_level else None
            if restart is None or (restart > 0 and ilvl <= restart - 1):
                del state.counters[deeper]
        text = level.text
        for k in range(9):
            marker = f"%{k + 1}"
            if marker not in text:
                continue
            k_level = self._level(num_id, k) or Level()
            value = state.counters.get(k, k_level.start)
            fmt = "decimal" if level.legal and k_level.fmt != "none" else k_level.fmt
            text = text.replace(marker, format_number(value, fmt))
        return text
