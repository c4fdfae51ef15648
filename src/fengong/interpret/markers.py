"""Responsibility markers in a prose item (SPEC.md, Reading prose): where the text that
names an item's units stands and what it says.

A marker is a bracket that starts with a label (``（责任单位：…）``), a bracket that lists units
and ends in a role word (``（国务院审改办、人力资源社会保障部负责）``), labelled lines of their own
after the item's first line (``牵头单位：…``), an inline label closing the item, or the closing
clauses that name the units (``由市发改委会同市财政局负责``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from fengong.interpret.deadlines import looks_like_deadline
from fengong.interpret.units import (
    CHIEF_LABEL,
    PLACE_SUFFIXES,
    UNIT_SUFFIXES,
    looks_like_units,
    role_of_label,
    split_outside_brackets,
    without_people,
)
from fengong.textnorm import join_lines, simplify

_OPEN, _CLOSE = "（([【", "）)]】"
_LABEL_START = re.compile(r"^\s*(?P<label>[\u4e00-\u9fff]{1,8}?)\s*[:：]")
# a role word closing a clause, with what the units do after it (负责起草, 牵头组织实施)
_ROLE_END = re.compile(
    r"(?:牵头|负责|配合|参与|落实|承办|主办|协办)(?:落实|实施|起草|组织实施|督促落实)?$"
)
# a label inside the item's last sentence run: ``…的比例。责任单位：市环境保护局；``
INLINE_LABEL = re.compile(
    r"[。；;，,]\s*(?P<label>(?:牵头|责任|主办|承办|协办|配合|参与|参加|协同|协助|完成|主要协作)"
    r"[\u4e00-\u9fff]{0,6}?(?:单位|部门|处室|科室|股室|领导|人))\s*[:：]"
)
# a clause that names units and their role: ``由市政府办牵头``, ``市财政局配合``,
# ``市发改委会同市财政局负责``, ``各区按职责分工负责``
_UNITS_CLAUSE = re.compile(
    r"(?:分别)?由?(?P<units>[^。；;，,]{2,60}?)(?:按照?职责分工|按职责|依职责)?(?:分别|共同|具体)?"
    r"(?:牵头负责|牵头|负责(?:督促|组织)?(?:落实|实施)|负责|各负其责|配合|参与|参加|协助|协办|落实|带队)"
)
CLAUSE_END = re.compile(r"[，,；;。]")


@dataclass
class Marker:
    """A responsibility marker: its span in the item's text and the text it names."""

    start: int
    end: int
    raw: str
    keep: bool = False  # a sentence naming its units stays part of the task's text
    lines: bool = False  # labelled lines of their own: each line is a clause
    # labelled lines apart by the item's other fields (时间:… 地点:… 组织单位:…): the spans of
    # the marker's lines; what lies between them stays the task's
    parts: list[tuple[int, int]] = field(default_factory=list)

    def between(self, text: str) -> str:
        """The text of ``text`` between the marker's parts (the item's other fields)."""
        return "\n".join(text[a[1] : b[0]] for a, b in pairwise(self.parts))


def is_marker_label(label: str) -> bool:
    role = role_of_label(label)
    label = simplify(label)
    return role is not None and bool(
        re.search(rf"单位|部门|处室|科室|领导|责任人|时限|时间|协助|^{CHIEF_LABEL}$", label)
    )


def find_markers(text: str) -> list[Marker]:
    """Return the responsibility markers in an item's text, in order. Markers are found
    on a simplified-character shadow of the text (traditional 牽頭 reads as 牵头); their
    ``raw`` text is the text as printed."""
    shadow = simplify(text)
    markers = _find_markers(shadow)
    for m in markers:
        if m.parts:  # simplify keeps the offsets
            m.raw = "\n".join(text[a:b] for a, b in m.parts)
            continue
        at = shadow.find(m.raw, m.start)
        if at >= 0:
            m.raw = text[at : at + len(m.raw)]
    return markers


def _find_markers(text: str) -> list[Marker]:
    markers: list[Marker] = []
    depth, start = 0, -1
    # a doubled opening bracket that leaves the text unbalanced is a typo for one (98)
    unclosed = sum(text.count(c) for c in _OPEN) - sum(text.count(c) for c in _CLOSE)
    for i, ch in enumerate(text):
        if ch in _OPEN and depth == 0 and unclosed > 0 and text[i + 1 : i + 2] == ch:
            unclosed -= 1
            continue
        if ch in _OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
            if depth == 0:
                inner = text[start + 1 : i]
                if _bracket_is_marker(inner) or _closing_unit_list(text, start, i, inner):
                    markers.append(Marker(start, i + 1, inner))
    if markers:
        return markers
    labelled = _label_lines(text)
    if labelled is not None:
        return [labelled]
    inline = INLINE_LABEL.search(text)
    if inline is not None and is_marker_label(inline.group("label")):
        end = _label_value_end(text, inline.end())
        raw = text[inline.start("label") : end]
        return [Marker(inline.start("label"), end, raw)]
    named = _closing_unit_clauses(text)
    if named is None:
        named = _closing_unit_clauses(text.split("。", 1)[0], opening=True)
    return [named] if named is not None else []


# what, after a label's value, still names units and their role: another label, a role word
_MORE_UNITS = re.compile(r"牵头|负责|配合|参与|参加|协助|协办|主办|承办|协同|会同|[:：]")


def _label_value_end(text: str, start: int) -> int:
    """Where the value of an inline label starting at ``start`` ends: at the end of its
    sentence when what follows names no units with a role (122: ``…工程,牵头部门:市交通局。
    建设进度相对较慢的县区为舒城县。``, a remark on the progress, not a unit), else at the
    end of the text."""
    stop = text.find("。", start)
    if stop < 0 or _MORE_UNITS.search(text, stop):
        return len(text)
    return stop + 1


def _closing_unit_clauses(text: str, opening: bool = False) -> Marker | None:
    """The clauses closing an item that name its units with their roles (``…。由市政府办
    牵头，市财政局配合。``, ``…，市发改委会同市财政局负责。``): one marker that stays part
    of the task's text. Every clause of the run must name units; the run ends the item.
    With ``opening``, ``text`` is the item's first sentence, whose clauses after the first
    may name the units (``道路交通安全专项整治,由公安、交通部门负责,有关部门配合。要…``)."""
    body = text.rstrip(" 。；;\n")
    start: int | None = None
    named = False  # a clause of the run names units (others may count people: 2名专业人员参加)
    end = len(body)
    cut = end
    while cut > 0:
        previous = max((m.end() for m in CLAUSE_END.finditer(body, 0, cut)), default=0)
        clause = body[previous:cut].strip()
        m = _UNITS_CLAUSE.fullmatch(clause)
        units = re.sub(r"会同|联合", "、", without_people(m.group("units"))) if m else ""
        people_only = m is not None and not units.strip()
        if m is None or not (people_only or looks_like_units(units)):
            break
        named = named or not people_only
        start, cut = previous, previous - 1 if previous else 0
    if start is None or not named or (opening and start == 0):
        return None
    while start < end and body[start] in " \n":
        start += 1
    closing = len(text.rstrip(" \n"))  # the sentence's own full stop stays in the text
    return Marker(start, closing, body[start:end], keep=True)


def _label_lines(text: str) -> Marker | None:
    """Lines of their own after the item's first line that start with a label
    (``牵头领导：…`` / ``牵头单位：…`` / ``责任单位：…``): together one marker, from the
    first such line to the end of the last one that follows it. Lines labelled with the
    item's other fields may stand between them (185: ``时间:…`` ``地点:…`` ``内容:…``
    ``组织单位:…``): they stay the task's text."""
    parts: list[tuple[int, int]] = []
    for line_start, line in _lines_with_offsets(text):
        m = _LABEL_START.match(line)
        is_label = bool(m and is_marker_label(m.group("label")))
        if is_label and line_start > 0:
            parts.append((line_start, line_start + len(line)))
        elif parts and not m:
            break  # a line that is no field ends the labelled lines
    if not parts:
        return None
    start, end = parts[0][0], parts[-1][1]
    one_run = all(b[0] == a[1] + 1 for a, b in pairwise(parts))
    return Marker(start, end, text[start:end], lines=True, parts=[] if one_run else parts)


def _closing_unit_list(text: str, start: int, end: int, inner: str) -> bool:
    """A bracket of bare units closing an item (``完善水利设施。（县水利局、县财政局）``,
    ``增长11%（市发改委，各县市区政府）。``) or a sentence of it (218: ``…专职化程度(省人大常委会
    办公厅、省委组织部)。深入开展…``) is a marker too; a bracket right after a name
    (``市发改委（物价局）``) is part of that name."""
    before = text[:start].rstrip()
    after = text[end + 1 :].split("\n", 1)[0]
    if not before or (after.strip(" 。；;") and after[:1] not in "。；;"):
        return False
    if before[-1] not in "。；;！？" and before.endswith(UNIT_SUFFIXES + PLACE_SUFFIXES):
        return False  # a note on the name before it: 市发改委（物价局）
    clauses = split_outside_brackets(join_lines(inner), "，,；;")
    return bool(clauses) and all(looks_like_units(c) for c in clauses)


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    out, offset = [], 0
    for line in text.split("\n"):
        out.append((offset, line))
        offset += len(line) + 1
    return out


def _bracket_is_marker(inner: str) -> bool:
    """A bracket is a marker when it starts with a label, or when its clauses name units
    with a role word (``市商务局负责``), the other clauses being units or a deadline."""
    flat = join_lines(inner)
    m = _LABEL_START.match(flat)
    if m and is_marker_label(m.group("label")):
        return True
    clauses = split_outside_brackets(flat, "，,；;")
    named = [c for c in clauses if _ROLE_END.search(c) and looks_like_units(_ROLE_END.sub("", c))]
    others = [c for c in clauses if c not in named]
    return bool(named) and all(looks_like_deadline(c) or looks_like_units(c) for c in others)
