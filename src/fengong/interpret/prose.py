"""Prose plans → draft tasks (SPEC.md, Reading prose).

Numbered paragraphs form an outline (``OutlineStack`` order); unnumbered paragraphs
belong to the item above them. An item is a task when it carries a responsibility
marker: a bracket that starts with a label (``（责任单位：…）``), a bracket that lists units
and ends in a role word (``（国务院审改办、人力资源社会保障部负责）``), a paragraph of its
own that starts with a label, or a closing sentence that names the units (``由市发改委会同
市财政局负责``). Items without markers are headings, or hold no task.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from fengong.document import Paragraph, Provenance
from fengong.interpret.deadlines import looks_like_deadline
from fengong.interpret.numbering import Numbering, split_numbering
from fengong.interpret.units import (
    PLACE_SUFFIXES,
    UNIT_SUFFIXES,
    looks_like_units,
    role_of_label,
    split_outside_brackets,
)
from fengong.textnorm import join_lines, simplify, squash_spaces

_OPEN, _CLOSE = "（([【", "）)]】"
_LABEL_START = re.compile(r"^\s*(?P<label>[\u4e00-\u9fff]{1,8}?)\s*[:：]")
_ROLE_END = re.compile(r"(?:牵头|负责|配合|参与|落实|承办|主办|协办)(?:落实|实施)?$")
# a label inside the item's last sentence run: ``…的比例。责任单位：市环境保护局；``
_INLINE_LABEL = re.compile(
    r"[。；;，,]\s*(?P<label>(?:牵头|责任|主办|承办|协办|配合|参与|参加|协同|协助|完成|主要协作)"
    r"[\u4e00-\u9fff]{0,6}?(?:单位|部门|处室|科室|股室|领导|人))\s*[:：]"
)
_BY_UNITS = re.compile(
    r"(?:由(?P<by>[^。；;，,]{2,60}?负责(?:落实|实施)?)|(?P<lead>[^。；;，,]{2,60}?牵头(?:负责)?))"
    r"[。；;]?\s*$"
)


@dataclass
class Marker:
    """A responsibility marker: its span in the item's text and the text it names."""

    start: int
    end: int
    raw: str
    keep: bool = False  # a sentence naming its units stays part of the task's text
    lines: bool = False  # labelled lines of their own: each line is a clause


@dataclass
class ProseDraft:
    """A prose task before its units and deadline are read."""

    number: str | None
    section: list[str]
    text: str
    responsibility_raw: str
    where: Provenance


@dataclass
class _Node:
    numbering: Numbering | None
    text: str
    where: Provenance
    body: list[Paragraph] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)

    def full_text(self) -> str:
        """The item's paragraphs, one line each, joined by ``\n``."""
        return "\n".join(join_lines(p) for p in [self.text, *(b.text for b in self.body)])


def _is_marker_label(label: str) -> bool:
    role = role_of_label(label)
    return role is not None and bool(re.search(r"单位|部门|处室|科室|领导|责任人|时限|时间", label))


def find_markers(text: str) -> list[Marker]:
    """Return the responsibility markers in an item's text, in order. Markers are found
    on a simplified-character shadow of the text (traditional 牽頭 reads as 牵头); their
    ``raw`` text is the text as printed."""
    shadow = simplify(text)
    markers = _find_markers(shadow)
    for m in markers:
        at = shadow.find(m.raw, m.start)
        if at >= 0:
            m.raw = text[at : at + len(m.raw)]
    return markers


def _find_markers(text: str) -> list[Marker]:
    markers: list[Marker] = []
    depth, start = 0, -1
    for i, ch in enumerate(text):
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
    inline = _INLINE_LABEL.search(text)
    if inline is not None and _is_marker_label(inline.group("label")):
        raw = text[inline.start("label") :]
        return [Marker(inline.start("label"), len(text), raw)]
    m = _BY_UNITS.search(text)
    if m:
        named = m.group("by") or m.group("lead")
        if looks_like_units(re.sub(r"(?:会同|牵头|负责|落实|实施)", "、", named)):
            return [Marker(m.start(), m.end(), named, keep=True)]
    return []


def _label_lines(text: str) -> Marker | None:
    """Lines of their own after the item's first line that start with a label
    (``牵头领导：…`` / ``牵头单位：…`` / ``责任单位：…``): together one marker, from the
    first such line to the end of the last one that follows it."""
    start = end = None
    for line_start, line in _lines_with_offsets(text):
        m = _LABEL_START.match(line)
        is_label = bool(m and _is_marker_label(m.group("label")))
        if is_label and line_start > 0 and start is None:
            start = line_start
        if start is not None:
            if not is_label:
                break
            end = line_start + len(line)
    if start is None or end is None:
        return None
    return Marker(start, end, text[start:end], lines=True)


def _closing_unit_list(text: str, start: int, end: int, inner: str) -> bool:
    """A bracket of bare units closing an item (``完善水利设施。（县水利局、县财政局）``,
    ``增长11%（市发改委，各县市区政府）。``) is a marker too; a bracket right after a name
    (``市发改委（物价局）``) is part of that name."""
    before = text[:start].rstrip()
    after = text[end + 1 :].split("\n", 1)[0].strip(" 。；;")
    if not before or after:
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
    if m and _is_marker_label(m.group("label")):
        return True
    clauses = split_outside_brackets(flat, "，,；;")
    named = [c for c in clauses if _ROLE_END.search(c) and looks_like_units(_ROLE_END.sub("", c))]
    others = [c for c in clauses if c not in named]
    return bool(named) and all(looks_like_deadline(c) or looks_like_units(c) for c in others)


def _build_outline(paragraphs: list[Paragraph]) -> list[_Node]:
    roots: list[_Node] = []
    stack: list[_Node] = []
    for para in paragraphs:
        numbering = split_numbering(join_lines(para.text))
        if numbering is None:
            if stack:
                stack[-1].body.append(para)
            continue
        node = _Node(numbering, para.text, para.provenance)
        styles = [n.numbering.style for n in stack if n.numbering]
        if numbering.style in styles:
            del stack[styles.index(numbering.style) :]
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


def _descendants(node: _Node) -> list[_Node]:
    out = []
    for child in node.children:
        out.append(child)
        out.extend(_descendants(child))
    return out


def _heading(node: _Node) -> str:
    return join_lines(node.text)


def _strip_number(node: _Node, text: str) -> str:
    if node.numbering is None:
        return text
    head = split_numbering(text)
    return head.rest if head else text


def _clean(text: str) -> str:
    """Paragraphs kept apart by ``\n``, white space normalised, without the punctuation
    a removed marker leaves at its start."""
    lines = [squash_spaces(line) for line in text.split("\n")]
    flat = "\n".join(line for line in lines if line).lstrip(" ，,；;。、\n")
    return flat if flat.strip(" ，,；;。、\n") else ""


def _tasks_from_text(node: _Node, text: str, section: list[str]) -> list[ProseDraft]:
    markers = find_markers(text)
    drafts: list[ProseDraft] = []
    previous = 0
    number = node.numbering.token if node.numbering else None
    for marker in markers:
        piece = _clean(text[previous : marker.end if marker.keep else marker.start])
        previous = marker.end
        if not piece:
            if drafts:
                drafts[-1].responsibility_raw += "；" + _marker_text(marker)
            continue
        drafts.append(ProseDraft(number, section, piece, _marker_text(marker), node.where))
    tail = _clean(text[previous:])
    if drafts and tail:
        drafts[-1].text = drafts[-1].text + tail
    return drafts


def _marker_text(marker: Marker) -> str:
    """A marker's text on one line; labelled lines are kept apart by ；."""
    if marker.lines:
        return "；".join(join_lines(line) for line in marker.raw.split("\n") if line.strip())
    return join_lines(marker.raw)


def _is_marker_alone(paragraph: str) -> bool:
    """A paragraph that is nothing but a marker (``（责任单位：市民政局）``)."""
    flat = join_lines(paragraph).strip(" 。；;")
    markers = find_markers(flat)
    return len(markers) == 1 and markers[0].start == 0 and markers[0].end >= len(flat)


def _covers_parent(node: _Node, last: _Node) -> bool:
    """SPEC: a marker after sub-items （1）…（4） covers their parent. It does when the
    parent introduces its sub-items (ends in ：) or the marker stands as its own paragraph
    after them; a heading whose last item alone has a marker is still a heading."""
    introduces = join_lines(node.text).endswith(("：", ":"))
    alone = bool(last.body) and _is_marker_alone(last.body[-1].text)
    return introduces or alone


def _visit(node: _Node, section: list[str], out: list[ProseDraft]) -> None:
    own = _strip_number(node, node.full_text())
    if find_markers(own):
        subitems = "\n".join(d.text for d in _descendants(node))
        text = own if not subitems else own + "\n" + subitems
        out.extend(_tasks_from_text(node, text, section))
        return
    descendants = _descendants(node)
    marked = [d for d in descendants if find_markers(d.full_text())]
    if len(node.children) >= 2 and marked == descendants[-1:] and _covers_parent(node, marked[0]):
        whole = "\n".join([own] + [d.full_text() for d in descendants])
        out.extend(_tasks_from_text(node, whole, section))
        return
    for child in node.children:
        _visit(child, [*section, _heading(node)], out)


# An item number after white space, or after a sentence's end when it is not ``1`` (an
# inline list ``…：1、…；2、…`` stays in its paragraph).
_RUN_ON = re.compile(
    r"(?:(?<=\S)[ \u3000]+(?=_N)|(?<=[。）)])(?![1一][、.．])(?=_N))".replace(
        "_N", r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})[、.．](?!\d)"
    )
)


def split_run_on_items(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Split paragraphs that hold several numbered items (a copy that lost its line
    breaks: ``…负责）。 2、固定资产…``) before each item number that follows a sentence's
    end or white space; each part keeps the paragraph's provenance."""
    out: list[Paragraph] = []
    for para in paragraphs:
        cuts = [m.start() for m in _RUN_ON.finditer(para.text) if m.start() > 0]
        if not cuts:
            out.append(para)
            continue
        bounds = [0, *cuts, len(para.text)]
        for a, b in pairwise(bounds):
            piece = para.text[a:b].strip()
            if piece:
                out.append(Paragraph(piece, para.provenance))
    return out


def prose_to_drafts(paragraphs: list[Paragraph]) -> list[ProseDraft]:
    """Return the tasks of a prose plan: numbered items with responsibility markers,
    with the numbered headings above them as their section."""
    out: list[ProseDraft] = []
    for root in _build_outline(split_run_on_items(paragraphs)):
        _visit(root, [], out)
    return out
