"""Prose plans → draft tasks (SPEC.md, Reading prose).

Numbered paragraphs form an outline (``OutlineStack`` order); unnumbered paragraphs
belong to the item above them. An item is a task when it carries a responsibility
marker: a bracket that starts with a label (``（责任单位：…）``), a bracket that lists units
and ends in a role word (``（国务院审改办、人力资源社会保障部负责）``), a paragraph of its
own that starts with a label, or a closing sentence that names the units (``由市发改委会同
市财政局负责``). Items without markers are headings, or hold no task.

Where an item names its units is ``markers``' job; who does the work, named as the
sentence's subject, is ``performers``'. This module builds the outline and reads its tasks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from fengong.document import Paragraph, Provenance
from fengong.interpret.markers import INLINE_LABEL, Marker, find_markers, is_marker_label
from fengong.interpret.numbering import (
    Numbering,
    first_closed,
    item_numbering,
    number_value,
    outranks,
    split_numbering,
)
from fengong.interpret.performers import (
    COLLECTIVE,
    HEADING_SENTENCE,
    NAMING_ROLES,
    performer_clause,
    unit_subject,
)
from fengong.interpret.units import (
    AS_ROLE,
    is_unit,
    looks_like_units,
    parse_responsibility,
    role_of_label,
    split_units,
)
from fengong.item_numbers import CLOSE, CN_DIGITS, DOT, ITEM_DOT, OPEN
from fengong.textnorm import join_lines, simplify, squash_spaces

# ``卫生部：负责…`` / ``（二十一）市公安局。负责…``: a unit's name opening its paragraph
_UNIT_LABEL = re.compile(r"^[ \u3000]*(?P<unit>[\u4e00-\u9fff（）()、]{2,24}?)[ \u3000]*[:：。,，]")
# field names of a document's header block that end like a unit (发文机关：…)
_FIELD_LABEL = re.compile(
    r"(?:发文|主送|抄送|印发|发布|制发|成文|来文|联系|报送)(?:机关|单位|部门|机构)$"
)
_UNIT_HEADING = "unit-heading"
_UNIT_PARAGRAPH = "unit-paragraph"
# an unnumbered paragraph opening the copy and closed by its marker: the end of an item whose
# number is on the page before (116, a web page's seventh page)
_ORPHAN = "orphan"
_LEAVES = (_UNIT_PARAGRAPH, _ORPHAN)


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
    kind: str | None = None  # _UNIT_HEADING / _UNIT_PARAGRAPH for unnumbered unit labels
    # a numbered heading that names only units (109); with 牵头 after them when it says they
    # lead the work under it (265: ``(一)省监察厅牵头的工作`` → ``省监察厅牵头``), which the
    # markers made from it carry on
    unit_name: str | None = None
    unit_subject: bool = False  # opens with its units as a verb's subject, as its siblings do

    @property
    def style(self) -> str:
        """The outline level this node sits at: its numbering style or its kind."""
        return self.kind or (self.numbering.style if self.numbering else "")

    def full_text(self) -> str:
        """The item's paragraphs, one line each, joined by ``\n``."""
        return "\n".join(join_lines(p) for p in [self.text, *(b.text for b in self.body)])


def _performer_paragraphs(paragraphs: list[Paragraph], i: int) -> bool:
    """An unnumbered paragraph opening with a unit as its subject (``区住建局负责…``) that
    stands beside another such paragraph: a list of units' duties (110), each paragraph
    one task of its unit; beside it, a paragraph whose unit's verb names no role
    (``市科协协调…``) counts too when it names one (223: ``市红十字会参加…`` between
    two), and so does every paragraph of a run of three or more that each open with their
    unit, one at least naming its role (262: ``市财政局 综合协调…`` between ``市劳动保障局
    依法做好…`` and ``市总工会 组织、协调…``). A lone one is a sentence of the text around it."""

    def opens(k: int) -> bool:
        return 0 <= k < len(paragraphs) and _opens_with_performer(paragraphs[k].text)

    def opens_with_subject(k: int) -> bool:
        return 0 <= k < len(paragraphs) and _opens_with_subject(paragraphs[k].text)

    if opens(i - 1) or opens(i + 1):
        return opens(i) or opens_with_subject(i)
    if opens(i) and (opens_with_subject(i - 1) or opens_with_subject(i + 1)):
        return True
    if not opens_with_subject(i):
        return False
    run = [i]
    for step in (-1, 1):
        k = i + step
        while len(run) < _RUN_MAX and (opens(k) or opens_with_subject(k)):
            run.append(k)
            k += step
    return len(run) >= _MIN_PERFORMER_SENTENCES and any(opens(k) for k in run)


_RUN_MAX = 40  # paragraphs of a run of unit paragraphs looked at around one


@lru_cache(maxsize=4096)
def _opens_with_performer(text: str) -> bool:
    """An unnumbered paragraph that opens with its units and their role (``X负责…``)."""
    flat = join_lines(text)
    if flat.rstrip().endswith(("：", ":")):
        return False  # it introduces the duties after it (145: …具体要求是:)
    found = performer_clause(flat)
    return item_numbering(flat) is None and found is not None and found.start == 0


@lru_cache(maxsize=4096)
def _opens_with_subject(text: str) -> bool:
    """An unnumbered paragraph that opens with its units as the subject of a verb naming no
    role (``市科协协调…``), not a collective's exhortation."""
    flat = join_lines(text)
    if item_numbering(flat) is not None or flat.rstrip().endswith(("：", ":")):
        return False
    subject = _unit_subject_as_printed(text, flat)
    return subject is not None and not subject.raw.startswith(COLLECTIVE)


def _unit_subject_as_printed(printed: str, flat: str) -> Marker | None:
    """``unit_subject`` of a paragraph's text joined into one line (``flat``), or of its
    text as printed, where a space may set the unit off from its duty (262: ``市财政局
    综合协调…``, a space the joined text no longer has)."""
    return unit_subject(flat) or unit_subject(printed.strip())


_ROLE_LABEL_WORDS = re.compile(
    r"责任人|负责人|牵头|责任|负责|主办|承办|协办|配合|参与|参加|协同|协助|支持|主体|实施|落实|完成|主要|协作|成员|组织|主责"
    r"|单位|部门|处室|科室|股室|领导|时限|时间"
)


def _is_role_label(name: str) -> bool:
    """A label that names a role, not a body (``牵头责任单位``, ``配合部门``): nothing of
    two characters is left when its role and label words are taken out."""
    return len(_ROLE_LABEL_WORDS.sub("", simplify(name))) < 2


def unit_label(text: str) -> tuple[str, int] | None:
    """The unit that opens a paragraph as its label (``卫生部：负责…``, ``市公安局。负责…``):
    ``(name as printed, offset after the label)``, or None. Field names of a document's
    header block (``发文机关：``) and role labels (``责任单位：``) are not unit labels."""
    shadow = simplify(text)
    m = _UNIT_LABEL.match(shadow)
    if m is None:
        return None
    name = m.group("unit")
    duty = shadow[m.end() :].lstrip().startswith(("负责", "牵头"))
    if (shadow[m.end() - 1] in "。,，" or "、" in name) and not duty:
        return None  # a name closing a sentence or a clause (123: ``交通部门,负责…``), or
        # a list (各县、市、区人民政府：, the addressees), is a label only before its duty
    if _is_role_label(name) or _FIELD_LABEL.search(name) or not is_unit(name):
        return None
    if re.search(f"{AS_ROLE}$", name):
        return None  # a clause naming the unit's role (市水务部门作为牵头责任单位,负责…)
    start = m.start("unit")
    return text[start : start + len(name)], m.end()


def _opens_unit_list(paragraphs: list[Paragraph], i: int, *, first: bool = True) -> bool:
    """A paragraph that is nothing but a unit's name (``市卫生局``), inside the body of the
    plan (after a sentence, a list's introduction or an item), followed by the first item
    of a list: the items under it are that unit's tasks. The first of several such right
    under the title is one too (249: the notice's title, then ``住房和城乡建设委员会`` over
    一、二、三、, then ``总工会`` over its own)."""
    if i == 0 or i + 1 >= len(paragraphs):
        return False
    name = join_lines(paragraphs[i].text).strip(" \u3000：:")
    if not (2 <= len(name) <= 24 and re.fullmatch(r"[\u4e00-\u9fff（）()]+", name)):
        return False
    if _is_role_label(name) or not is_unit(name):
        return False
    nxt = _first_item_after(paragraphs, i)
    if nxt is None or number_value(nxt.token) != 1:
        return False
    before = join_lines(paragraphs[i - 1].text).rstrip()
    if before.endswith(("。", "；", ";", "：", ":")) or split_numbering(before):
        return True
    return first and any(
        _opens_unit_list(paragraphs, k, first=False) for k in range(i + 2, len(paragraphs))
    )


def _first_item_after(paragraphs: list[Paragraph], i: int) -> Numbering | None:
    """The numbering of the paragraph after paragraph ``i``, or of the one after that when
    the first is an unnumbered sentence of what the unit does in general (171: ``市劳动和社会
    保障局`` / ``负责农民工工资的清欠和防欠工作。`` / ``(一)…``); None when unnumbered."""
    following = [join_lines(p.text) for p in paragraphs[i + 1 : i + 3]]
    if not following:
        return None
    first = split_numbering(following[0])
    if first is None and len(following) == 2 and simplify(following[0]).startswith("负责"):
        return split_numbering(following[1])
    return first


def _is_unit_paragraph(text: str) -> bool:
    """A paragraph that opens with a unit label and goes on with that unit's duties; a
    label with nothing after it (the addressees ``国务院有关部门：``) is not one."""
    label = unit_label(text)
    return label is not None and bool(text[label[1] :].strip(" \u3000。；;，,"))


def _closed_by_marker(paragraph: str) -> bool:
    """A paragraph whose last words are a bracketed marker (``…。(市卫生局牵头)``)."""
    body = paragraph.rstrip(" 。；;")
    markers = find_markers(paragraph)
    return bool(markers) and body.endswith(("）", ")")) and markers[-1].end >= len(body) - 1


def _closed_by_label(node: _Node, paragraph: str) -> bool:
    """An item whose last line ends in a labelled marker (34: ``…设施。责任单位:华龙区长庆办。``)
    is complete: an unnumbered paragraph after it that names no units of its own (the
    notice's closing words) is not part of it."""
    last = join_lines(node.body[-1].text if node.body else node.text)
    label = INLINE_LABEL.search(last)
    if label is None or not is_marker_label(label.group("label")) or "\n" in last:
        return False
    closes = _ends_sentence(node) and looks_like_units(last[label.end() :].strip(" 。；;"))
    return closes and not find_markers(paragraph) and unit_label(paragraph) is None


def _ends_sentence(node: _Node) -> bool:
    last = node.body[-1].text if node.body else node.text
    return join_lines(last).rstrip().endswith(("。", "；", ";", "！"))


def _dash_heading(node: _Node) -> bool:
    """A dash line heading the numbered items under it (``——推进教育高质量发展``, as work
    reports print their sub-headings): short, no sentence's end, no body. Bullets (•) and
    dashed sentences are list items, leaves of the outline."""
    flat = join_lines(node.text).strip()
    return (
        flat.startswith(("—", "-", "－"))
        and not node.body
        and len(flat) <= 32
        and not flat.endswith(("。", "；", ";", "！", "）", ")"))
    )


def _first_closed(stack: list[_Node], style: str) -> int:
    """The first open node a numbered item of ``style`` closes. A unit heading is a
    barrier: the items under it do not close it unless their style is open above it."""
    while stack and (
        stack[-1].kind in _LEAVES
        or (stack[-1].style == "bullet" and style != "bullet" and not _dash_heading(stack[-1]))
    ):
        stack = stack[:-1]  # unit paragraphs and bullets are leaves: items after are not theirs
    styles = [n.style for n in stack]
    barrier = max((k + 1 for k, n in enumerate(stack) if n.kind == _UNIT_HEADING), default=0)
    if style in styles[:barrier]:
        return styles.index(style)
    return barrier + first_closed(styles[barrier:], style)


def _build_outline(paragraphs: list[Paragraph]) -> list[_Node]:
    roots: list[_Node] = []
    stack: list[_Node] = []
    for i, para in enumerate(paragraphs):
        flat = join_lines(para.text)
        numbering = item_numbering(flat)
        kind = None
        if numbering is None:
            if _opens_unit_list(paragraphs, i):
                kind = _UNIT_HEADING
            elif _is_unit_paragraph(flat) or _performer_paragraphs(paragraphs, i):
                kind = _UNIT_PARAGRAPH
            elif not roots and not stack and _closed_by_marker(flat):
                kind = _ORPHAN
            elif stack and not (
                (stack[-1].kind in _LEAVES and _ends_sentence(stack[-1]))
                or _closed_by_label(stack[-1], flat)
            ):
                stack[-1].body.append(para)
                continue
            else:
                continue  # before the outline, or a closing paragraph after the items
        node = _Node(numbering, para.text, para.provenance, kind=kind)
        if kind == _UNIT_HEADING:
            first_item = _first_item_after(paragraphs, i)
            closes = {_UNIT_HEADING, _UNIT_PARAGRAPH, first_item.style if first_item else ""}
            cut = next((k for k, n in enumerate(stack) if n.style in closes), len(stack))
        else:
            resumed = _outer_list_resumed(stack, node)
            cut = _first_closed(stack, node.style) if resumed is None else resumed
        del stack[cut:]
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


def _outer_list_resumed(stack: list[_Node], node: _Node) -> int | None:
    """An item numbered beyond one in a style not open goes on a list whose start is not in
    the open chain (a new list one level deeper would start at one): when its style ranks
    above open items in the usual order (``（五）…`` after ``4、…``: 113, a web page's second
    page; ``（四）…`` after ``5.…``: 33, whose ``（三）`` the copy cut off), it closes them and
    stands beside their parent. Returns the index of the first open item it closes, or None.
    Where the usual order says deeper, it is deeper (73: ``60.`` under ``（二十二）``)."""
    if node.numbering is None or any(n.style == node.style for n in stack):
        return None
    value = number_value(node.numbering.token)
    if value is None or value <= 1:
        return None
    cut = next((k for k, n in enumerate(stack) if outranks(node.style, n.style)), None)
    if cut is None or not all(outranks(node.style, n.style) for n in stack[cut:]):
        return None
    return cut


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
    head = item_numbering(text)
    return head.rest if head else text


def _clean(text: str, after_removed: bool = True) -> str:
    """Paragraphs kept apart by ``\n``, white space normalised, without the punctuation
    a removed marker leaves at its start (``after_removed``; a marker kept in the text
    keeps the comma after it: ``县水务局牵头,组织…``)."""
    lines = [squash_spaces(line) for line in text.split("\n")]
    flat = "\n".join(line for line in lines if line)
    if after_removed:
        flat = flat.lstrip(" ，,；;。、\n")
    return flat if flat.strip(" ，,；;。、\n") else ""


def _tasks_from_text(
    node: _Node, text: str, section: list[str], markers: list[Marker] | None = None
) -> list[ProseDraft]:
    markers = find_markers(text) if markers is None else markers
    drafts: list[ProseDraft] = []
    previous = 0
    number = node.numbering.token or None if node.numbering else None
    for marker in markers:
        piece = _clean(text[previous : marker.end if marker.keep else marker.start])
        if marker.parts:
            piece = _clean(piece + "\n" + marker.between(text))
        previous = marker.end
        if not piece:
            if drafts:
                drafts[-1].responsibility_raw += "；" + _marker_text(marker)
            continue
        drafts.append(ProseDraft(number, section, piece, _marker_text(marker), node.where))
    kept = bool(markers) and markers[-1].keep
    tail = _clean(text[previous:], after_removed=not kept)
    if drafts and tail:
        drafts[-1].text = drafts[-1].text + tail
    return drafts


def _with_heading_unit(raw: str, unit: str) -> str:
    """The units of an item under a unit's heading whose own marker names only units that
    support (265: ``(一)省人民政府办公厅牵头的工作`` / ``1.…`` / ``协同单位:省直有关部门…``): the
    heading's unit does the work, they support it."""
    own = parse_responsibility(raw, "responsible")
    if own.lead or own.responsible or not own.support:
        return raw
    return f"{unit if unit.endswith('牵头') else unit + '负责'}；{raw}"


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


def _visit(node: _Node, section: list[str], out: list[ProseDraft], unit: str | None = None) -> None:
    """Collect the tasks under ``node``; ``unit`` is the unit of a unit heading above it,
    the responsible unit of the items under it that name none of their own."""
    if node.kind == _UNIT_HEADING:
        name = join_lines(node.text).strip(" \u3000：:")
        for child in node.children:
            _visit(child, section, out, name)
        return
    named = node.unit_name if unit is None else None
    if named is not None and node.children:  # (一)区体育局 over its numbered duties
        support = _pop_support_line(node)
        first = len(out)
        for child in node.children:
            _visit(child, [*section, _heading(node)], out, named)
        if support is not None:
            for draft in out[first:]:
                draft.responsibility_raw += "；" + support
        return
    if named is not None and _clean("\n".join(b.text for b in node.body)):
        by_unit = _paragraphs_by_unit(node, named)
        if by_unit:  # (四)X、Y和Z工作职责 over paragraphs opening X…, Y…: a section of theirs
            for text, one in by_unit:
                out.append(_unit_task(node, [*section, _heading(node)], text, one))
            return
        support = _pop_support_line(node) if len(node.body) > 1 else None
        text = _clean("\n".join(b.text for b in node.body))  # (二)区财政局 + one paragraph
        task = _unit_task(node, section, text, named)
        if support is not None:
            task.responsibility_raw += "；" + support
        out.append(task)
        return
    own = _strip_number(node, node.full_text())
    label = unit_label(own)
    if find_markers(own):
        subitems = "\n".join(d.text for d in _descendants(node))
        text = own if not subitems else own + "\n" + subitems
        drafts = _tasks_from_text(node, text, section)
        if unit is not None:
            for draft in drafts:
                draft.responsibility_raw = _with_heading_unit(draft.responsibility_raw, unit)
        out.extend(drafts)
        return
    performer = None if node.children or label else performer_clause(own)
    if performer is not None and unit is not None and not performer.raw.endswith(NAMING_ROLES):
        performer = None  # under a unit's heading, ``物业管理企业要…`` is its duty to see to (189)
    opens_list = node.unit_subject or node.kind == _UNIT_PARAGRAPH  # 205: 市电业局在保证…
    if performer is None and opens_list and unit is None and not node.children and not label:
        performer = _unit_subject_as_printed(node.text, own)
    if performer is not None:  # an item of its own (no sub-items) saying 由X负责…
        out.extend(_tasks_from_text(node, own, section, [performer]))
        return
    opening = _opens_like_its_unit_paragraphs(node, own, label)
    if opening is not None:
        # ``第十八条 教育部门应当…`` over ``民政部门应当…`` paragraphs: the article's own
        # sentence is the first of its units' duties, not a heading over them (167)
        out.extend(_tasks_from_text(node, own, section, [opening]))
        for child in node.children:
            _visit(child, section, out, unit)
        return
    if label is not None:
        unit = label[0]
        own = own[label[1] :]
        if node.children and not _clean(own):
            label = None  # ``（三）县政府办：`` over its items: each item is the unit's task
    if unit is not None and (label is not None or not node.children):
        text = "\n".join([own] + [d.full_text() for d in _descendants(node)])
        if _clean(text):
            out.append(_unit_task(node, section, _clean(text), unit))
            return
    descendants = _descendants(node)
    marked = [d for d in descendants if find_markers(d.full_text())]
    if len(node.children) >= 2 and marked == descendants[-1:] and _covers_parent(node, marked[0]):
        whole = "\n".join([own] + [d.full_text() for d in descendants])
        out.extend(_tasks_from_text(node, whole, section))
        return
    heading = [] if node.kind else [_heading(node)]
    for child in node.children:
        _visit(child, [*section, *heading], out, unit)


# a line of its own naming units with a label: ``协助单位:交通局、县城管监察大队。``
_LABELLED_LINE = re.compile(r"^(?P<label>[\u4e00-\u9fff]{2,8})[:：](?P<units>[^:：。]+)。?$")


def _pop_support_line(node: _Node) -> str | None:
    """The line closing a unit heading's items that names the units supporting them all
    (136: ``（九）县公安局主要工作任务：`` 1、2、3、 then ``协助单位:交通局、县城管监察大队。``),
    or its one paragraph (265: ``(二)省审计厅牵头的工作`` / ``全面加强审计工作。`` /
    ``协同单位:…``): taken out of the last item or paragraph it follows and returned, or
    None."""
    last = node
    while last.children:
        last = last.children[-1]
    if not last.body:
        return None
    line = join_lines(last.body[-1].text)
    m = _LABELLED_LINE.match(line)
    if m is None or role_of_label(m.group("label")) != "support":
        return None
    if not looks_like_units(m.group("units")):
        return None
    last.body.pop()
    return line


def _mark_unit_headings(nodes: list[_Node]) -> None:
    """Mark the numbered headings that name only units (109: ``（一）区体育局``, ``（五）南庄镇、
    各街道办事处``), or units and the word for their duties (``第七条 区科委工作职责：``),
    the items or the paragraph under each being its units' duties: two siblings or more so
    named, or one beside siblings opening with a unit label (166: ``1.农业部门。`` over its
    items, then ``2.财政部门:负责…``), make a list of units (a lone ``五、组织机构`` is a
    heading)."""
    names = [_numbered_unit_heading(n) for n in nodes]
    # siblings that open with a unit label (``2.财政部门:负责…``) make it a list of units too
    labelled = sum(
        1
        for n, name in zip(nodes, names, strict=True)
        if not name and n.numbering and unit_label(_strip_number(n, join_lines(n.text))) is not None
    )
    # one heading naming units and their duties (165: ``(四)X、Y和Z工作职责``) or the work
    # they lead (265: ``(一)省人民政府办公厅牵头的工作``) heads them alone
    dutied = any(
        name
        and (
            _DUTIES_OF.search(heading := simplify(join_lines(n.text)).rstrip(" \u3000：:。"))
            or _LEADS_ITS_WORK.search(heading)
        )
        for n, name in zip(nodes, names, strict=True)
    )
    if (sum(1 for name in names if name) + labelled >= 2 and any(names)) or dutied:
        for node, name in zip(nodes, names, strict=True):
            node.unit_name = name
    else:
        for node, name in zip(nodes, names, strict=True):
            if name and _items_of_its_own(node):
                node.unit_name = name
    for node in nodes:
        _mark_unit_headings(node.children)


def _opens_like_its_unit_paragraphs(
    node: _Node, own: str, label: tuple[str, int] | None
) -> Marker | None:
    """The clause naming the units that open an item whose sub-items are all paragraphs
    opening with their units, when the item itself opens so and is a sentence (not a
    heading naming a topic); else None."""
    if label is not None or not node.children:
        return None
    if any(child.kind != _UNIT_PARAGRAPH for child in node.children):
        return None
    opening = performer_clause(own)
    if opening is None or not own.rstrip().endswith(("。", "；", ";")):
        return None
    if opening.start > 0 and not own[: opening.start].endswith("。"):
        return None  # only a short heading sentence may come first (187: 明确分工,责任到人。)
    return opening


_MIN_UNIT_ITEMS = 3


def _mark_unit_subjects(nodes: list[_Node]) -> None:
    """Mark the numbered items without sub-items that open with their units as the subject
    of a verb naming no role, when three siblings or more open with units (as a subject,
    or as a performer ``X负责…``) and the others do not outnumber them: a list of units'
    duties (146, 119). A lone item so opening is a sentence about the unit, not its task."""
    leaves = [n for n in nodes if n.numbering and not n.children and n.kind is None]
    own = {id(n): _strip_number(n, n.full_text()) for n in leaves}
    performers = [n for n in leaves if (m := performer_clause(own[id(n)])) and m.start == 0]
    subjects = [
        n
        for n in leaves
        if n not in performers
        and not find_markers(own[id(n)])
        and unit_label(own[id(n)]) is None
        and unit_subject(own[id(n)]) is not None
    ]
    labelled = [n for n in leaves if unit_label(own[id(n)]) is not None]  # ``6、公安部门:…``
    opening = len(performers) + len(subjects) + len(labelled)
    if subjects and opening >= _MIN_UNIT_ITEMS and 2 * opening >= len(leaves):
        for node in subjects:
            node.unit_subject = True
    for node in nodes:
        _mark_unit_subjects(node.children)


def _items_of_its_own(node: _Node) -> bool:
    """A heading naming a unit whose items are all duties without units of their own, one
    at least opening with 负责 (214: ``第九条 县(区)应急指挥机构`` over ``(一)负责本辖区内…``):
    the unit's duties, even when no sibling heading names a unit."""
    own = [_strip_number(c, c.full_text()) for c in node.children]
    if not own or any(c.children for c in node.children):
        return False
    if any(find_markers(t) or performer_clause(t) or unit_label(t) for t in own):
        return False
    return any(simplify(t).startswith("负责") for t in own)


# what a heading naming a unit may add after its name: ``区科委工作职责：``,
# ``县经济局主要工作任务：``, ``卫生部门职责、任务``, ``财政部门履行以下职责：``
# (133, 136, 150, 147)
_OTHER_BODIES = ("其他", "其它")  # 其他部门: bodies the text does not name
_OTHERS = (*_OTHER_BODIES, "有关", "相关")
_SHORT_NAME = 10
_HEADING_NAME_MAX = 40  # three units' names (165: 动物卫生监督机构、动物疫病预防控制机构和…中心站)
# a heading naming the unit that leads the work under it (265: ``(一)省监察厅牵头的工作``)
_LEADS_ITS_WORK = re.compile(r"牵头的?(?:工作|任务)$")
_DUTIES_OF = re.compile(
    r"(?:的)?(?:履行|承担)?(?:以下|下列)?(?:主要)?(?:工作)?(?:职责|任务)"
    r"(?:[、和及](?:主要)?(?:工作)?(?:职责|任务))?(?:分工|如下|是)?$"
)


def _numbered_unit_heading(node: _Node) -> str | None:
    if node.numbering is None or node.kind is not None:
        return None
    name = _strip_number(node, join_lines(node.text)).strip(" \u3000：:")
    if name.endswith("。"):  # a short name closed by a full stop (166: ``1.农业部门。``),
        name = name[:-1] if len(name) <= _SHORT_NAME else name  # not a sentence (86)
    duties = _DUTIES_OF.search(simplify(name))  # 監察機關職責 as 监察机关职责
    name = name[: duties.start()] if duties else name
    leads = _LEADS_ITS_WORK.search(simplify(name))
    name = name[: leads.start()] if leads else name
    if name.startswith(_OTHERS) and node.children:
        return None  # ``（八）其他部门`` names no body: its items name their own
    if len(name) > _HEADING_NAME_MAX or re.search(r"[，,；;。]", name):
        return None
    if not looks_like_units(name):
        return None
    return name + "牵头" if leads else name  # its role word goes with it into the marker


def _paragraphs_by_unit(node: _Node, named: str) -> list[tuple[str, str]]:
    """A heading naming several units over paragraphs each opening with one of them (165:
    ``(四)动物卫生监督机构、动物疫病预防控制机构和…工作职责`` / ``动物卫生监督机构组织实施…`` /
    ``动物疫病预防控制机构承担…``): ``[(paragraph, its unit)]``, or [] when not every paragraph
    (two at least) so opens."""
    units = sorted(split_units(named), key=len, reverse=True)
    texts = [_clean(b.text) for b in node.body if _clean(b.text)]
    if len(units) < 2 or len(texts) < 2:
        return []
    out = []
    for text in texts:
        unit = next((u for u in units if simplify(text).startswith(simplify(u))), None)
        if unit is None:
            return []
        out.append((text, unit))
    return out


def _unit_task(node: _Node, section: list[str], text: str, unit: str) -> ProseDraft:
    """A task whose unit is named by a label or heading: responsible, or lead when its
    text starts by saying it leads (``市发改委：牵头制定…``)."""
    role = "牵头" if simplify(text).startswith("牵头") else "负责"
    number = node.numbering.token or None if node.numbering else None
    if unit.startswith(_OTHER_BODIES):  # ``其他部门:…`` (235, 250): a duty, but no body named
        return ProseDraft(number, section, text, "", node.where)
    return ProseDraft(number, section, text, unit + role, node.where)


# An item number (``2、``, ``（七）``, ``(10)``: 231) after white space, or after a sentence's
# end when it is not ``1`` (an inline list ``…：1、…；2、…`` stays in its paragraph).
_ITEM_AT = rf"(?:\d{{1,3}}{ITEM_DOT}|[{CN_DIGITS}]{{1,3}}{DOT}(?!\d))"
_BRACKETED_ITEM_AT = rf"{OPEN}(?:[{CN_DIGITS}]{{1,3}}|\d{{1,2}}){CLOSE}"
_RUN_ON = re.compile(
    rf"(?:(?<=\S)[ \u3000]+(?={_ITEM_AT}|{_BRACKETED_ITEM_AT})"
    rf"|(?<=[。）)])(?![1一]{DOT})(?={_ITEM_AT}))"
)


# A unit label after a sentence's end and white space: where a copy that lost its line
# breaks put the next ``卫生部：负责…`` paragraph.
_RUN_ON_LABEL = re.compile(
    r"(?<=[。；;])[ \u3000]+(?=[\u4e00-\u9fff（）()]{2,24}[ \u3000]*(?:[:：]|[,，](?:负责|牵头)))"
)
# ``…县环保局。负责…`` run on after a sentence's end with no space (93): a unit named as
# the label of the paragraph that says what it does
_RUN_ON_UNIT = re.compile(r"(?<=[。；;：:])(?=[\u4e00-\u9fff、（）()]{2,24}。负责)")


# where a sentence of a paragraph starts, after a connective that opens a list (``即``)
_SENTENCE_START = re.compile(r"(?<=[。；;])[ \u3000]*(?:即|其中)?")
_MIN_PERFORMER_SENTENCES = 3


def _performer_sentence_cuts(text: str) -> list[int]:
    """Where sentences start that each open with units and their role (``X牵头，…``,
    ``X负责…``), when three or more do: a list of units' tasks run into one paragraph (132:
    ``…实施好八大行动。即县水务局牵头,组织…。县环保局牵头,督促…``), each sentence a
    paragraph of its own for the rule of unit paragraphs (110)."""
    cuts = []
    for m in _SENTENCE_START.finditer(text):
        if text[m.end() : m.end() + 1] in ("（", "(", ""):
            continue  # a bracketed marker closing the sentence before: ``。(市经委牵头)``
        found = performer_clause(text[m.end() : m.end() + 120])
        if found is not None and found.start == 0 and found.raw.endswith(("牵头", "负责")):
            cuts.append(m.end())
    if len(cuts) < _MIN_PERFORMER_SENTENCES:
        return []
    numbered = split_numbering(text)
    heading = text[len(text) - len(numbered.rest) : cuts[0]] if numbered else None
    if heading is not None and len(heading) <= HEADING_SENTENCE:
        return cuts[1:]  # ``(二)明确分工,责任到人。市发改委负责…;``: it opens the first task
    return cuts


def _run_on_cuts(text: str) -> list[int]:
    cuts = [m.start() for m in _RUN_ON.finditer(text) if m.start() > 0]
    cuts += [m.end() for m in _RUN_ON_LABEL.finditer(text) if unit_label(text[m.end() :])]
    cuts += [m.end() for m in _RUN_ON_UNIT.finditer(text) if unit_label(text[m.end() :])]
    cuts += [c for c in _performer_sentence_cuts(text) if c < len(text)]
    return sorted(set(cuts))


def split_run_on_items(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Split paragraphs that hold several numbered items or unit paragraphs (a copy that
    lost its line breaks: ``…负责）。 2、固定资产…``, ``…执行。  卫生部：负责…``) before each
    item number or unit label that follows a sentence's end or white space, and before each
    of three or more sentences opening with their units (``_performer_sentence_cuts``); each
    part keeps the paragraph's provenance."""
    out: list[Paragraph] = []
    for para in paragraphs:
        cuts = _run_on_cuts(para.text)
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
    roots = _build_outline(split_run_on_items(paragraphs))
    _mark_unit_headings(roots)
    _mark_unit_subjects(roots)
    for root in roots:
        _visit(root, [], out)
    return out
