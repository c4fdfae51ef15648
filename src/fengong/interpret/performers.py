"""The clause of a prose item that says who does the work (SPEC.md, Reading prose): units
as the subject opening the item (``公安部门负责…``, ``区委农办要…``), ``由X负责…``, the units
that support right after them (``,Y配合``) and the units a performer works with (``会同Y``).
It stays part of the task's text.
"""

from __future__ import annotations

import re

from fengong.interpret.markers import CLAUSE_END, Marker
from fengong.interpret.units import (
    AS_ROLE,
    NAME_END,
    PLACE_SUFFIXES,
    UNIT_SUFFIXES,
    looks_like_units,
    without_people,
)
from fengong.textnorm import simplify

# ``由X负责…`` anywhere in an item: 由 names who does what follows
# or a unit as the subject opening the item (99: ``公安部门负责烟花爆竹公共安全管理``,
# 110: ``区委农办要结合…``)
# 负责人 is a person (144); 负责人口普查 is 负责 + 人口 (172)
_LEADS_OR_DOES = r"牵头负责|负责(?!人(?![民员口力才事]))|牵头"
_SUPPORT_VERBS = ("配合", "协助", "参与", "参加", "协办", "协同")
# what ends a clause that names units with their role
NAMING_ROLES = ("牵头", "负责", *_SUPPORT_VERBS)
HEADING_SENTENCE = 20  # characters of an item's opening sentence that heads it
# 参加 names a supporter only after a body's name (223: ``市红十字会参加灾区救灾…``), not after
# people (``配合做好选派人员参加…``)
_JOINS = rf"(?<=[{NAME_END}])参加"
_PERFORMER = re.compile(
    rf"由(?P<units>[^。；;，,：:]{{2,80}}?)(?:{_LEADS_OR_DOES})"
    r"|^(?!负责|牵头)(?P<subject>[^。；;，,：:由\n]{2,90}?)(?:按照?职责分工|按职责|依职责)?"
    r"(?P<when>在[^。；;，,：:]{2,20}?(?:时|期间|之际)[,，])?"  # 213: 市城管局在风暴潮来临时,负责…
    r"(?:分别|共同|具体)?"
    rf"(?P<verb>负责(?:协助|配合)|{_LEADS_OR_DOES}|参与|{_JOINS}|配合|协助|(?<![主重需只])要|应当|{AS_ROLE})"
)
# verbs after a unit that name no role: the unit is responsible (``区委农办要…``; in rules and
# regulations ``教育部门应当…``, 167)
_NO_ROLE_VERBS = ("要", "应当")
# collectives that open exhortations (``各地要…``, ``有关部门要…``), not one unit's duty
COLLECTIVE = ("各", "有关", "相关", "全")


def performer_clause(text: str) -> Marker | None:
    """A clause of an item without sub-items, not only its last, that says who does the
    work with 由 … 负责, what they do following (90: ``整改要求:由县环卫站负责清除上述地段
    垃圾死角``), or a unit as the subject opening it (``X负责…``, ``X要…`` when X is a
    unit of its own, not ``各地``): the first such clause whose units read as units; it
    stays part of the task's text."""
    for m in _PERFORMER.finditer(text):
        units = m.group("units") or m.group("subject")
        says_no_role = m.group("verb") in _NO_ROLE_VERBS
        if says_no_role and units.startswith(COLLECTIVE):
            continue
        if looks_like_units(without_people(units)):
            if says_no_role:
                return Marker(m.start(), m.end(), units, keep=True)
            end = _supporters_end(text, m.end())
            raw = text[m.start() : end]
            if m.group("when"):  # the time of the work names no unit
                raw = raw.replace(m.group("when"), "", 1)
            return Marker(m.start(), end, raw, keep=True)
    head, stop, rest = text.partition("。")
    if stop and len(head) <= HEADING_SENTENCE and rest.strip():
        # a short heading sentence first, then its units (142: ``增设市区停车场和停车泊位。
        # 市规划局牵头,市城乡建设局、公安局配合,…``)
        found = performer_clause(rest)
        if found is not None and found.start == 0 and found.raw.endswith(NAMING_ROLES):
            shift = len(head) + 1
            return Marker(found.start + shift, found.end + shift, found.raw, keep=True)
    return None


# the supporting units named right after the units that do the work (140: ``市工商局负责,
# 市经贸委、市农业局配合,严格实施…``)
_SUPPORTERS = re.compile(
    rf"[,，]\s*(?P<units>[^。；;，,：:]{{2,120}}?)(?:{'|'.join(_SUPPORT_VERBS)})(?=[,，。；;])"
)


def _supporters_end(text: str, end: int) -> int:
    """Where the clause naming who does the work ends, with the units it works with
    (``负责会同Y,``) and the clause after it when that names units that support (``,Y配合``)."""
    m = _WITH_UNITS.match(text, end)
    if m and looks_like_units(without_people(m.group("units"))):
        end = m.end()
    m = _SUPPORTERS.match(text, end)
    if m and looks_like_units(without_people(m.group("units"))):
        return m.end()
    return end


_SUBJECT_MAX = 60  # characters of the units opening an item as its subject
_GAPS = re.compile(r"[ \u3000]")
_NAME_MAX = 15
# how the predicate after a subject opens in a unit's duty: an adverb, a verb of office work
# or a preposition (``水务局加强…``, ``…督察队依法开展…``, ``…机构组织实施…``)
_PREDICATE_START = (
    "依法", "依照", "按照", "按", "根据", "要", "应", "主要", "负责", "牵头", "会同", "汇同",
    "联合", "配合", "协助", "参与", "加强", "继续", "做好", "组织", "开展", "承担", "积极",
    "认真", "切实", "全面", "进一步", "督促", "监督", "指导", "制定", "落实", "建立", "完善",
    "推进", "推动", "实施", "抓好", "搞好", "加快", "加大", "严格", "强化", "完成", "确保",
    "主动", "及时", "定期", "统筹", "协调", "研究", "编制", "对", "在", "将", "把",
)  # fmt: skip
# the units the performer works with: after 会同, up to the end of the clause (145:
# ``市发展改革部门负责会同有关部门,落实…``) or to where the work they do begins (162: ``负责并会同
# 有关部门做好…``)
_WITH_UNITS = re.compile(
    r"并?会同(?P<units>[^。；;，,：:]{2,60}?)"
    rf"(?=[,，。；;]|{'|'.join(w for w in _PREDICATE_START if len(w) > 1)})"
)


def unit_subject(text: str) -> Marker | None:
    """The units opening an item as the subject of a verb that names no role (146:
    ``市纠风办和查禁公路“三乱”督察队依法开展…``; 119: ``水务局加强…``): the longest opening of its
    first clause, at most 60 characters and with no 的, that ends like an office's or a
    place's name, reads as units (none longer than 15 characters) and is followed by how a predicate
    opens, or by white space that sets the name off from its duty (262: ``市财政局 综合协调事故应急
    救援资金的保障工作``); they are responsible and stay in the text. None when there is none."""
    clause = CLAUSE_END.split(text, 1)[0][:_SUBJECT_MAX]
    for end in range(len(clause), 1, -1):
        head = clause[:end]
        if "的" in head or not simplify(head).endswith((*UNIT_SUFFIXES, *PLACE_SUFFIXES)):
            continue
        duty = text[end:].strip()  # one duty after the name, not a row's cells run together (84)
        set_off = text[end : end + 1] in (" ", "\u3000") and bool(duty) and not _GAPS.search(duty)
        if not (set_off or simplify(text[end:]).startswith(_PREDICATE_START)):
            continue
        if any(len(n) > _NAME_MAX for n in re.split(r"[、和及]", head)):
            continue
        if looks_like_units(without_people(head)):
            return Marker(0, end, head, keep=True)
    return None
