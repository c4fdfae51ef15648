"""Deadline text → ``{raw, due, kind}`` (SPEC.md, Deadlines).

``due`` is the last day the text allows, using the plan's year where the text names
none; when a text names several days (``6月底前完成方案，12月底前建成``) the latest
wins, because that is when the whole task is due. ``6月前`` is read like ``6月底前``:
plans use both for "by June".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from fengong.item_numbers import CN_DIGITS, cn_to_int
from fengong.schema.data import DeadlineKind
from fengong.textnorm import join_lines, nfkc_digits

_YEAR = r"(?:(?P<year>\d{4})\s*年(?:度)?|(?P<rel>次年|明年|当年|今年|本年))?\s*"


_DATE = re.compile(_YEAR + r"(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*[日号]")
_MONTH = re.compile(_YEAR + r"(?P<month>\d{1,2})\s*月\s*(?:份)?(?P<part>底|末|上旬|中旬|下旬|初)?")
_QUARTER = re.compile(_YEAR + rf"第?(?P<q>[1-4{CN_DIGITS[:4]}])\s*季度")
_HALF = re.compile(_YEAR + r"(?P<half>上半年|下半年|年中)")
_YEAR_END = re.compile(_YEAR + r"(?P<end>年底|年末|年内|全年|年度内|年前)")
_BARE_YEAR = re.compile(
    r"(?P<y1>\d{4})\s*(?:年)?\s*[-—–~至到]\s*(?P<year>\d{4})\s*年|(?P<only>\d{4})\s*年"
)

# dates written with figures only: 2021.8, 2021.12.31, 2021/8/31, 2021-08 (not 2021.8万元)
_NUMERIC_DATE = re.compile(
    r"(?<![\d.])(?P<year>(?:19|20)\d{2})\s*[.．/\-]\s*(?P<month>\d{1,2})"
    r"(?:\s*[.．/\-]\s*(?P<day>\d{1,2}))?(?![\d%％万亿元个项.])"
)

_RECURRING = re.compile(r"每(?:年|季度|季|个?月|周|半年|天|日|学期)|定期|按月|按季|逐月|逐季")
_CONDITIONAL = re.compile(
    r"(?:出台|发布|印发|实施|批准|下达|部署|确定|完成|公布|生效|颁布|到位)(?:之)?后|待.+后|之日起|根据.*(?:安排|进度|部署)|视情"
)
_ONGOING = re.compile(r"长期|持续|常态|长效|经常性|日常|不间断|动态|随时|适时")


@dataclass(frozen=True)
class _Hit:
    due: dt.date | None
    kind: DeadlineKind
    start: int


def _year_of(m: re.Match[str], plan_year: int | None) -> int | None:
    if m.groupdict().get("year"):
        return int(m.group("year"))
    rel = m.groupdict().get("rel")
    if rel and plan_year is not None:
        return plan_year + 1 if rel in ("次年", "明年") else plan_year
    return plan_year


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _hits(text: str, plan_year: int | None) -> list[_Hit]:
    hits: list[_Hit] = []
    taken: list[tuple[int, int]] = []

    def free(m: re.Match[str]) -> bool:
        return all(m.end() <= a or m.start() >= b for a, b in taken)

    def add(m: re.Match[str], due: dt.date | None, kind: DeadlineKind) -> None:
        taken.append((m.start(), m.end()))
        hits.append(_Hit(due, kind, m.start()))

    for m in _NUMERIC_DATE.finditer(text):
        in_month, in_year = int(m.group("month")), int(m.group("year"))
        if not 1 <= in_month <= 12:
            continue
        if m.group("day"):
            add(m, _safe_date(in_year, in_month, int(m.group("day"))), "date")
        else:
            add(m, _last_day(in_year, in_month), "month")
    for m in _DATE.finditer(text):
        if not free(m):
            continue
        add(
            m,
            _safe_date(_year_of(m, plan_year), int(m.group("month")), int(m.group("day"))),
            "date",
        )
    for m in _MONTH.finditer(text):
        if not free(m):
            continue
        month, year = int(m.group("month")), _year_of(m, plan_year)
        if not 1 <= month <= 12:
            continue
        day = {"上旬": 10, "中旬": 20, "初": 10}.get(m.group("part") or "")
        due = None
        if year is not None:
            due = dt.date(year, month, day) if day else _last_day(year, month)
        add(m, due, "month")
    for m in _QUARTER.finditer(text):
        if not free(m):
            continue
        q = m.group("q")
        quarter = int(q) if q.isdigit() else (cn_to_int(q) or 4)
        year = _year_of(m, plan_year)
        add(m, _last_day(year, quarter * 3) if year else None, "quarter")
    for m in _HALF.finditer(text):
        if not free(m):
            continue
        year = _year_of(m, plan_year)
        month = 6 if m.group("half") in ("上半年", "年中") else 12
        add(m, _last_day(year, month) if year else None, "half")
    for m in _YEAR_END.finditer(text):
        if not free(m):
            continue
        year = _year_of(m, plan_year)
        add(m, dt.date(year, 12, 31) if year else None, "year")
    for m in _BARE_YEAR.finditer(text):
        if not free(m):
            continue
        year = int(m.group("year") or m.group("only"))
        add(m, dt.date(year, 12, 31), "year")
    return hits


def parse_deadline(raw: str, plan_year: int | None) -> tuple[dt.date | None, DeadlineKind]:
    """Return ``(due, kind)`` for a deadline text; ``plan_year`` fills in a missing year.

    ``"6月底前"`` with 2019 → ``(2019-06-30, "month")``; ``"长期坚持"`` → ``(None,
    "ongoing")``; text that names no time at all → ``(None, "unknown")``.
    """
    text = nfkc_digits(join_lines(raw))
    hits = _hits(text, plan_year)
    dated = [h for h in hits if h.due is not None]
    if _RECURRING.search(text):
        best = max(dated, key=lambda h: h.due or dt.date.min, default=None)
        return (best.due if best else None), "recurring"
    if dated:
        best = max(dated, key=lambda h: (h.due or dt.date.min, -h.start))
        return best.due, best.kind
    if hits:
        return None, hits[0].kind
    if _CONDITIONAL.search(text):
        return None, "conditional"
    if _ONGOING.search(text):
        return None, "ongoing"
    return None, "unknown"


@lru_cache(maxsize=8192)  # pure, and asked again and again per cell
def looks_like_deadline(text: str) -> bool:
    """Return True when ``text`` reads as a deadline (any kind but ``unknown``)."""
    return bool(text.strip()) and parse_deadline(text, 2000)[1] != "unknown"
