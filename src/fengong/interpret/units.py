"""Responsibility text → units by role (SPEC.md, Reading responsibility text).

The pipeline, each step a small function: find labels (``牵头单位：``) → split into clauses
at ，；。 outside brackets → find role words in each clause → split the clause's text into
units → normalise names → keep each unit once, in its strongest role.

Role words are found with a jieba tokenizer over fengong's own small dictionary
(``data/role_words.txt``): segmentation keeps a role word that is part of a name
(``牵头部门``, ``负责人``) from counting as a role, which a plain substring search cannot.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from fengong.interpret.deadlines import looks_like_deadline, parse_deadline
from fengong.schema import UNIT_ROLES
from fengong.textnorm import full_width_brackets, join_lines, normalise_name, simplify

_STRENGTH: dict[str, int] = {role: i for i, role in enumerate(UNIT_ROLES)}

UNIT_SUFFIXES = (
    "局", "委", "办", "部", "厅", "处", "科", "室", "所", "站", "中心", "政府", "管委会",
    "单位", "部门", "会", "院", "校", "社", "台", "队", "组", "馆", "署", "司", "团", "联",
    "公司", "机构", "企业", "机关", "银行", "行", "党委", "工委", "街道", "办事处", "分局",
    "海关", "所属", "集团", "基地", "园区", "系统", "人员", "股", "股室", "科协", "团中央",
    "务段", "公路段", "供电段",  # railway and road sections (车务段, 工务段)
    "专班", "專班",  # a task force (236: 县农村人居环境整治工作专班)
    "辦", "廳", "處", "會", "單位", "部門", "機構", "機關", "政府", "中心",
)  # fmt: skip
PLACE_SUFFIXES = (
    "区", "县", "市", "镇", "乡", "村", "省", "州", "旗", "盟", "街", "居", "區", "縣", "鎮", "鄉",
)  # fmt: skip

_BRACKETED = re.compile(r"^\s*[（(【\[〔](?P<inner>.*)[）)】\]〕]\s*$", re.S)
GENERIC_WORDS = frozenset({"政府", "部门", "单位", "党委", "机构", "机关", "企业", "人员"})
# Bodies that only exist as part of a place's or party body's name: joined by 和 / 及 to the
# name before them they complete it (``开发区党工委和管委会``), never a unit of their own.
BARE_BODIES = frozenset({
    "政府", "人民政府", "管委会", "管理委员会", "党委", "党工委", "工委", "委员会", "办事处",
    "人大", "政协", "纪委", "监委", "纪委监委",
})  # fmt: skip
# the last characters of an office's name, and the first of a name opening with its level:
# where names printed with no separator are cut apart
NAME_END = "局委办厅处科室所站队院校馆会司心府道"
LEVEL_START = "省市县区镇乡各"
_LEVEL_PART = re.compile(
    r"^(?:省|市|县|区|县级市|镇|乡|乡镇|街|街道|村|居|开发区|园区)+"
    r"(?:[（(](?:市|区|县|镇|乡|街道)(?:[、，,](?:市|区|县|镇|乡|街道))*[）)])?"  # 县（市）: 263
    r"(?:人民政府|政府|党委|党委和政府|委员会)?$"
)
# a chief of the 河长制 kind (河长, 副河长, 湖长, 林长 …): an official in charge, a leader
CHIEF_LABEL = r"(?:总|總|副总|副總|副)?(?:河|湖|林|路|田)(?:长|長)"
_LABEL = re.compile(
    r"(?P<label>[\u4e00-\u9fff]{0,8}?(?:单位|部门|处室|科室|领导|责任人|时限|时间|期限"
    rf"|單位|部門|處室|領導|責任人|時限|時間|{CHIEF_LABEL}|协助|協助))\s*[:：]"
)
_CHIEF = re.compile(CHIEF_LABEL)
_DEADLINE_LABEL = re.compile(r"时限|时间|期限")
_TAIL = re.compile(r"等[^、，,；;。]*?(?:部门|单位|机构|处室|科室|镇街|单位部门)?$")
_TAIL_THEN_UNIT = re.compile(
    r"等[^、，,；;。和及与]*?(?:部门|单位|机构)(?:和|及|与)(?P<unit>[^、，,；;。]{2,30})$"
)
_FIRST_LEADS = re.compile(r"(?:列|排|放)(?:在)?(?:第一位|首位|第一)(?:的|者)?(?:为|是)牵头")
# the statement printed as a note inside a responsibility text: ``（列第一位者为牵头单位，下同）``
_FIRST_LEADS_NOTE = re.compile(r"[（(][^（）()]*?" + _FIRST_LEADS.pattern + r"[^（）()]*[）)]")


# what a unit cell holds when it names no unit
_PLACEHOLDERS = frozenset({"无", "暂无", "其他", "其它", "-", "－", "—", "——", "/", "／", "…"})


@dataclass
class Responsibility:
    """Units by role read from one responsibility text, plus what else the text named."""

    lead: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    leaders: list[str] = field(default_factory=list)
    deadline_raw: str | None = None
    # what was guessed while reading (run-together names split), for warnings
    guesses: list[str] = field(default_factory=list)

    def add(self, unit: str, role: str) -> None:
        """Add ``unit`` in ``role``, keeping each unit once, in its strongest role; a
        placeholder (无, 其他, -: 192's unit cell ``其他``) names none."""
        if not unit or unit in _PLACEHOLDERS:
            return
        for other in UNIT_ROLES:
            names = getattr(self, other)
            if unit in names:
                if _STRENGTH[role] < _STRENGTH[other]:
                    names.remove(unit)
                    break
                return
        getattr(self, role).append(unit)

    def merge(self, other: Responsibility) -> None:
        """Add every unit of ``other`` (strongest role wins) and its leaders/deadline."""
        for role in UNIT_ROLES:
            for unit in getattr(other, role):
                self.add(unit, role)
        self.leaders += [n for n in other.leaders if n not in self.leaders]
        self.deadline_raw = self.deadline_raw or other.deadline_raw
        self.guesses += other.guesses

    def units(self) -> list[str]:
        """Return every unit, lead first."""
        return self.lead + self.responsible + self.support


# --- role words ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _role_lexicon() -> dict[str, str]:
    text = resources.files("fengong").joinpath("data/role_words.txt").read_text("utf-8")
    lexicon = {}
    for line in text.splitlines():
        word, _freq, tag = line.split()
        lexicon[word] = tag
    return lexicon


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    from fengong.interpret.segmenter import tokenizer

    path = resources.files("fengong").joinpath("data/role_words.txt")
    with resources.as_file(path) as dict_path:
        return tokenizer(dict_path)


def tokens(text: str) -> list[str]:
    """Segment ``text`` with fengong's role-word dictionary (unknown text comes out as
    single characters, which ``_segments`` glues back together)."""
    return list(_tokenizer().cut(text, HMM=False))


@lru_cache(maxsize=1)
def _role_word_pattern() -> re.Pattern[str]:
    words = sorted(_role_lexicon(), key=len)  # names too: 联合会 is no 联合 (168)
    return re.compile("|".join(map(re.escape, reversed(words))))


def _simplify_role_words(text: str) -> str:
    """``text`` with the role words of fengong's dictionary in simplified characters
    (牽頭 → 牵头), everything else as printed, so that unit names keep their characters."""
    shadow = simplify(text)
    if shadow == text:
        return text
    out = list(text)
    lexicon = _role_lexicon()
    for m in _role_word_pattern().finditer(shadow):
        if lexicon[m.group()] != "name":  # a word of a name (聯合會) stays as printed
            out[m.start() : m.end()] = m.group()
    return "".join(out)


# words of a label or header naming the unit that leads (SPEC: 主办 → lead; 114's
# ``主办单位:X,协办单位:Y``; 108's 第一责任单位)
LEAD_LABEL = re.compile(r"牵头|第一责任|主要责任|主责|主办")
# the main unit: it leads the units named beside it; named alone, its units are the ones
# responsible (183's only column 主要责任单位, 209's only label 主責單位)
MAIN_UNIT_LABEL = re.compile(r"主要责任|主责")
# words of a label or header naming units that support; a unit that supplies something
# for the task (215's 数据提供单位: the bureau whose figures measure the target) supports it
SUPPORT_LABEL = re.compile(r"配合|参与|参加|协办|协同|协助|协作|支持|提供")


# a label naming units and the people in charge of them (179: ``责任单位及责任人:X、Y主要领导``)
_UNITS_AND_PEOPLE = re.compile(r"(?<=单位|部门|处室|科室)[及和与、/]?(?:责任人|责任领导|负责人)$")
# the title of the people a unit names after its name there (``市公安消防支队主要领导``)
_TITLE_TAIL = re.compile(r"(?:主要|分管)?(?:领导|负责人|负责同志)$")


def role_of_label(label: str) -> str | None:
    """Return the role a label names (``牵头责任单位`` → lead, ``配合单位`` → support); a label
    naming units and their people in charge (``责任单位及责任人``) names the units' role."""
    label = _UNITS_AND_PEOPLE.sub("", simplify(label))
    if re.search(r"领导(?!小组)|责任人", label) or _CHIEF.fullmatch(label):
        return "leaders"  # a 领导小组 is a body, not a person
    if _DEADLINE_LABEL.search(label):
        return "deadline"
    if LEAD_LABEL.search(label):
        return "lead"
    if SUPPORT_LABEL.search(label):
        return "support"
    if re.search(r"责任|负责|承办|实施|落实|主体|单位|部门|处室|科室", label):
        return "responsible"
    return None


# --- clauses ---------------------------------------------------------------------------


def split_outside_brackets(text: str, seps: str) -> list[str]:
    """Split ``text`` at any character of ``seps`` that is not inside brackets."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        if ch in "（(【[〔《":
            depth += 1
        elif ch in "）)】]〕》" and depth:
            depth -= 1
        if ch in seps and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p for p in parts if p.strip()]


_ROLE_LABEL_START = re.compile(r"牵头|责任|负责|主办|承办|协办|配合|参与|参加|协同|协助|协作|主要")


def _unit_before_label(label: str) -> int:
    """Where a label really starts when the text before it ran into it, its space lost:
    a title before a chief's label or 协助 (104: ``省委书记副河长`` → ``副河长``), or a unit
    before a label naming a role (86: ``人社局配合部门`` → ``配合部门``, after the longest
    unit name). 0 when the label is whole."""
    for k in range(1, len(label) - 1):
        chief = _CHIEF.fullmatch(label[k:]) and label[k - 1] not in "副总總"
        if chief or label[k:] in ("协助", "協助"):
            return k  # a title before a chief's label (省委书记副河长: … 省委书记 | 副河长)
    for k in range(len(label) - 2, 1, -1):
        if _ROLE_LABEL_START.match(label[k:]) and is_unit(label[:k]):
            return k
    return 0


def labelled_spans(text: str) -> list[tuple[str | None, str]]:
    """Split a responsibility text at its labels: ``[(label or None, text after it)]``.

    A label covers everything up to the next label.
    """
    spans: list[tuple[str | None, str]] = []
    last_end, last_label = 0, None
    for m in _LABEL.finditer(text):
        start = m.start() + _unit_before_label(m.group("label"))
        before = text[last_end:start]
        if before.strip(" ，,；;。（(") or last_label is not None:  # a stray bracket is none
            spans.append((last_label, before))
        last_label, last_end = text[start : m.end("label")], m.end()
    spans.append((last_label, text[last_end:]))
    return [(label, body) for label, body in spans if body.strip(" ，,；;。") or label]


# --- units -----------------------------------------------------------------------------


def _core(name: str) -> str:
    """A unit name without trailing bracketed notes (``各镇街（园区）`` → ``各镇街``)."""
    return re.sub(r"[（(][^（）()]*[）)]$", "", name)


@lru_cache(maxsize=8192)  # pure, and asked again and again per cell
def is_unit(name: str) -> bool:
    """Return True when ``name`` names a body on its own: a collective (各…), a name that
    ends like an office (局, 委, 办, 中心 …) or a place that acts as a unit (…区, …镇)."""
    core = simplify(_core(name))
    if len(core) < 2 or core in GENERIC_WORDS or core in BARE_BODIES:
        return False
    if core[0].isdigit():
        return False  # a count (``2所``, ``3个中心``), not a name
    if core.endswith("场所"):
        return False  # a place where people gather (公众聚集场所), not a body (167)
    if core.endswith("社会"):
        return False  # society (225: ``…部门协作、社会参与的…``), though it ends as 学会 does
    if core.startswith("各"):
        return True
    return core.endswith(UNIT_SUFFIXES) or core.endswith(PLACE_SUFFIXES)


# a description in front of a name (90: ``包片单位县气象局``, ``沿线包片单位县供销社``): a
# generic 单位 / 部门 is the head of the description, the name after it starts at its level
_DESCRIBED = re.compile(
    r"^[\u4e00-\u9fff]{0,10}?(?:单位|部门)(?=[省市县区镇乡][\u4e00-\u9fff]{2,})"
)


def clean_unit(name: str) -> str:
    """Normalise a unit name: no white space, full-width brackets, no trailing
    punctuation, no 等… tail, no leading 由 / connector."""
    name = normalise_name(name)
    name = re.sub(r"^(?:分别由|由|及|和|与|并|、)+", "", name)
    name = _DESCRIBED.sub("", name)
    if "等" in name:
        head = _TAIL.sub("", name)
        after = _TAIL_THEN_UNIT.search(name)
        if after and is_unit(head) and is_unit(after.group("unit")):
            # a unit named after the 等 tail's category is one of its own (265: ``省农业厅等
            # 省直有关部门和各市人民政府``): the tail goes, the unit after it stays
            name = f"{head}和{after.group('unit')}"
        elif head and head != name and (is_unit(head) or head.endswith("）")):
            name = head
    name = normalise_name(name)
    while name.endswith("）") and name.count("）") > name.count("（"):
        name = name[:-1]  # a closing bracket of the marker around it (98: ``((…(中心))``)
    return name


def _group_list(parts: list[str]) -> list[str]:
    """Rejoin 、-separated parts that are not units on their own: a qualifier joins the
    name after it (``具有行政权力、公共服务事项的市直单位``); a bare level word joins a
    leading 各 (``各县、市、区政府``)."""
    groups: list[str] = []
    pending = ""
    for part in parts:
        piece = pending + ("、" if pending else "") + part
        if groups and groups[-1].startswith("各") and _LEVEL_PART.match(part) and not pending:
            groups[-1] += "、" + part
            continue
        if is_unit(part):
            groups.append(piece)
            pending = ""
        else:
            pending = piece
    if pending:
        if groups:
            groups[-1] += "、" + pending
        else:
            groups.append(pending)
    return groups


def split_run_together(name: str) -> list[str]:
    """Split names printed with no separator (``县发改局县财政局各乡镇人民政府``, a cell whose
    line breaks a copy lost) where a name ends like an office and the next starts with a level
    word (省, 市, 县, 区, 镇, 乡) or with 各; every piece must be a unit of at least four
    characters. Returns ``[name]`` when there is no such split."""
    if len(name) < 8 or re.search(r"[、，,；;（(的]", name):
        return [name]
    pieces, begin = [], 0
    for i in range(4, len(name) - 3):
        if name[i] in LEVEL_START and name[i - 1] in NAME_END and i - begin >= 4:
            pieces.append(name[begin:i])
            begin = i
    pieces.append(name[begin:])
    for k in range(len(pieces) - 1, 0, -1):
        if _MEMBERS.fullmatch(pieces[k]):  # 市旅游发展委员会各成员单位: its members, one unit
            pieces[k - 1 : k + 1] = [pieces[k - 1] + pieces[k]]
    if len(pieces) < 2 or not all(len(p) >= 4 and is_unit(p) for p in pieces):
        return [name]
    return pieces


# the members or parts of the body named before (``…委员会各成员单位``, ``…政府各部门``, 180)
_MEMBERS = re.compile(r"各(?:有关|相关)?(?:成员单位|成员|部门|单位|处室|科室|直属单位|所属单位)")


def split_units(text: str) -> list[str]:
    """Split a run of unit names into units (SPEC rule 3).

    Splits at 、 and / between units, and at 及 / 和 / 与 only where each side is a unit
    on its own; keeps qualified names (``被督查、审计的相关单位``) and 各-lists whole.
    """
    names = [clean_unit(chunk) for chunk in split_outside_brackets(text, "、/／")]
    grouped = _group_list([n for n in names if n])
    result: list[str] = []
    for unit in grouped:
        result.extend(_split_conjunctions(unit))
    return [u for u in (clean_unit(u) for u in result) if u]


def _split_conjunctions(unit: str) -> list[str]:
    """Split at 及 / 和 / 与 / 以及 where the parts on both sides are units of their own;
    a 和 inside a name (``市劳动和社会保障局``, ``天河区建设和水务局``) stays, as does one
    before a bare body (``开发区党工委和管委会``)."""
    if "的" in unit:
        return [unit]
    for conj in ("以及", "及", "和", "与"):
        at = unit.find(conj)
        while at > 0:
            left, right = clean_unit(unit[:at]), clean_unit(unit[at + len(conj) :])
            if (
                is_unit(left)
                and is_unit(right)
                and _core(right) not in BARE_BODIES
                and _whole_name(left)
            ):
                return [left, *_split_conjunctions(right)]
            at = unit.find(conj, at + 1)
    return [unit]


# --- roles within a clause -------------------------------------------------------------


def _segments(clause: str) -> list[tuple[str, str | None, bool]]:
    """Cut a clause at its role words: ``[(text, role word after it or None, after 会同)]``.

    A role word before a 的 in the same clause belongs to a qualified name
    (``负责重点领域信息公开的市直牵头单位``) and is kept as text.
    """
    lexicon = _role_lexicon()
    toks = tokens(clause)
    segments: list[tuple[str, str | None, bool]] = []
    buf, with_mode = "", False
    de_after = [False] * len(toks)  # a 的 somewhere after token i (one pass, not quadratic)
    for i in range(len(toks) - 2, -1, -1):
        de_after[i] = de_after[i + 1] or "的" in toks[i + 1]
    for i, tok in enumerate(toks):
        tag = lexicon.get(tok)
        inside_qualified_name = tag != "strip" and de_after[i]
        if tag in (None, "name") or inside_qualified_name:
            buf += tok
            continue
        if tag == "with":
            segments.append((buf, None, with_mode))
            buf, with_mode = "", True
            continue
        if tag == "strip":
            continue
        segments.append((buf, tag, with_mode))
        buf = ""
    segments.append((buf, None, with_mode))
    return [(t, r, w) for t, r, w in segments if t.strip() or r]


# units named as a role's holder (145: 市水务部门作为牵头责任单位; 市发改委为配合单位)
AS_ROLE = (
    r"(?:作为|为)(?:牵头|主要|主责|责任|配合|协办|参与|协助)[\u4e00-\u9fff]{0,4}?(?:单位|部门)"
)
_AS_ROLE = re.compile(rf"^(?P<units>.+?)(?P<label>{AS_ROLE})$")


def roles_in_clause(clause: str, default: str) -> list[tuple[str, str]]:
    """Return ``[(unit, role)]`` for one clause under a ``default`` role (label or column).

    One role word anywhere gives every unit in the clause its role; with several, each
    names the units before it. ``X会同Y``: X keeps the role, Y supports. 负责 under a lead
    default stays lead. ``X作为牵头单位``: X holds the role the label names.
    """
    if (named := _AS_ROLE.match(clause.strip())) and (
        role := role_of_label(named.group("label"))
    ) in UNIT_ROLES:
        units = split_units(named.group("units"))
        if units and all(is_unit(u) for u in units):
            return [(unit, role) for unit in units]
    segments = _segments(clause)
    role_words = [r for _, r, _ in segments if r]

    def resolve(word: str | None) -> str:
        if word is None:
            return default
        if word == "responsible" and default == "lead":
            return "lead"
        return word

    out: list[tuple[str, str]] = []
    for idx, (text, word, with_mode) in enumerate(segments):
        trailing = word is None and idx == len(segments) - 1 and role_words and not with_mode
        if trailing and not any(is_unit(u) for u in split_units(text)):
            continue  # what the units do, after the role word (负责起草): no unit
        if len(role_words) == 1:
            role = resolve(role_words[0])
        elif word is not None:
            role = resolve(word)
        else:
            later = [r for _, r, _ in segments[idx + 1 :] if r]
            earlier = [r for _, r, _ in segments[:idx] if r]
            role = resolve(later[0] if later else (earlier[-1] if earlier else None))
        if with_mode:
            role = "support"
        out.extend((unit, role) for unit in split_units(text))
    return out


# people counted by rank, not named (``1名县级领导``, ``2名专业人员``): no unit, no leader
_PEOPLE = re.compile(r"\d+名[\u4e00-\u9fff]{0,8}?(?:领导|人员|同志|干部|专家)")


def without_people(text: str) -> str:
    """``text`` without the people it counts by rank (``市安监局1名县级领导`` → 市安监局)."""
    return _PEOPLE.sub("", text)


def parse_responsibility(
    raw: str, default: str = "responsible", *, first_leads: bool = False
) -> Responsibility:
    """Read the units of one responsibility text (a cell or a prose marker).

    ``default`` is the column's role (lead / responsible / support); labels inside the
    text override it up to the next label. With ``first_leads`` (the plan said 列第一位的为
    牵头单位) the first unit leads and the others are responsible, unless the text marks
    roles itself.
    """
    text = full_width_brackets(lines_to_clauses(without_people(_FIRST_LEADS_NOTE.sub("", raw))))
    text = _simplify_role_words(text)
    if (m := _BRACKETED.match(text)) and not re.search(r"[（(【\[〔）)】\]〕]", m.group("inner")):
        text = m.group("inner")
    result = Responsibility()
    explicit = False
    spans = labelled_spans(text)
    unit_labels = [lbl for lbl, _ in spans if lbl and role_of_label(lbl) in UNIT_ROLES]
    for label, body in spans:
        role = role_of_label(label) if label else default
        if unit_labels == [label] and MAIN_UNIT_LABEL.search(simplify(label)):
            role = "responsible"  # the main unit named alone (209: 主責單位:市公安局)
        if role == "leaders":
            result.leaders += [n for n in split_names(body) if n not in result.leaders]
            continue
        if role == "deadline":
            result.deadline_raw = body.strip(" ，,；;。")
            continue
        # 责任单位： names no leader, so the plan's 列第一位的为牵头单位 still applies under it
        explicit = explicit or role in ("lead", "support")
        for clause in split_outside_brackets(body, "，,；;。"):
            if _is_deadline_clause(clause):
                result.deadline_raw = result.deadline_raw or clause.strip()
                continue
            if label and _UNITS_AND_PEOPLE.search(simplify(label)):
                clause = _titles_to_leaders(clause, result)
            pairs = roles_in_clause(clause, role or default)
            explicit = explicit or any(r != (role or default) for _, r in pairs)
            for unit, unit_role in pairs:
                parts = split_run_together(unit)
                if len(parts) > 1:
                    result.guesses.append(f"names printed together split: {'、'.join(parts)}")
                for part in parts:
                    result.add(part, unit_role)
    if first_leads and not explicit and result.units():
        ordered = result.units()
        result = Responsibility(
            lead=ordered[:1], responsible=ordered[1:], leaders=result.leaders,
            deadline_raw=result.deadline_raw,
        )  # fmt: skip
    return result


def _titles_to_leaders(clause: str, result: Responsibility) -> str:
    """Under a label naming units and their people in charge, the title closing a unit's
    name (``市公安消防支队主要领导``) goes to the leaders, once; return the clause without it."""
    names = []
    for name in clause.split("、"):
        title = _TITLE_TAIL.search(name)
        if title and is_unit(name[: title.start()].strip()):
            if title.group() not in result.leaders:
                result.leaders.append(title.group())
            name = name[: title.start()]
        names.append(name)
    return "、".join(names)


def lines_to_clauses(raw: str) -> str:
    """One line of a responsibility text: lines that each name units (one unit per line
    or per paragraph) are separate clauses, joined by ，; otherwise the lines are a name or
    a sentence wrapped over lines and are joined as such."""
    lines = [_spaced_units(line.strip()) for line in raw.split("\n") if line.strip()]
    raw = "\n".join(lines)
    if len(lines) > 1 and not _wrapped(lines):
        if all(_names_units(line) for line in lines):
            return "，".join(line.rstrip("，,、；;") for line in lines)
        names = [] if any(_LIST_SEPARATOR.search(line) for line in lines) else _unit_lines(lines)
        if len(names) > 1 and _names_units(names[-1]):
            return "，".join(names)  # one name a line, some clipped (a wrapped list has 、)
    return join_lines(raw)


_LIST_SEPARATOR = re.compile("[、，,；;]")


def _unit_lines(lines: list[str]) -> list[str]:
    """Lines of differing lengths, one name each: a line break falls between two names
    after a whole name, or before a line that opens with a level (``省``, ``市`` …) and
    names units; a name the copy clipped (``省人口计生``) is still one. Other breaks are
    inside a name."""
    names = [lines[0]]
    for line in lines[1:]:
        opens_name = line[:1] in LEVEL_START and _names_units(line)
        if _names_units(names[-1]) or opens_name:
            names.append(line)
        else:
            names[-1] = join_lines(names[-1] + "\n" + line)
    return names


def _spaced_units(line: str) -> str:
    """White space between whole unit names separates them (``安监站 安监所`` → 、); inside a
    name (``区 发改局``, letter spacing) it is noise, removed later."""
    pieces = line.split()
    if len(pieces) > 1 and all(_whole_name(clean_unit(p)) for p in pieces):
        return "、".join(pieces)
    return line


def _wrapped(lines: list[str]) -> bool:
    """Lines that fill a column (every line before the last as long as the longest, of six
    characters or more) are one text wrapped by a narrow cell, as PDFs print them; lines
    of differing lengths are one name each."""
    widest = max(len(line) for line in lines)
    return widest >= 6 and all(len(line) >= widest - 1 for line in lines[:-1])


def _names_units(line: str) -> bool:
    flat = join_lines(line)
    if _LABEL.match(flat):
        return True
    if re.match(r"(?:主办|承办|协办|牵头|责任|配合|参与|参加)(?:单位|部门)", flat):
        return False  # a wrapped label (``各议题`` / ``主办单位``)
    names = [_core(u) for u, _ in _flat_pairs(flat)]
    return bool(names) and all(_whole_name(n) for n in names)


def _whole_name(name: str) -> bool:
    """A unit that cannot be the first half of a name wrapped onto the next line: it ends
    like an office, or is a short place name (``越秀区``; ``区住房和城乡`` is half of one)."""
    if not is_unit(name) or ("、" in name and not name.startswith("各")):
        return False
    if name.endswith(UNIT_SUFFIXES):
        return True
    return name.endswith(PLACE_SUFFIXES) and len(name) <= 6 and not re.search("[和及与的]", name)


def _is_deadline_clause(clause: str) -> bool:
    """A clause inside a marker that gives a time (``6月底前完成``) rather than units."""
    if not looks_like_deadline(clause) or parse_deadline(clause, 2000)[0] is None:
        return False
    return not any(is_unit(u) for u in split_units(re.sub(r"完成|前|底", "", clause)))


def split_names(text: str) -> list[str]:
    """Split a list of people or titles at 、，,；; and white space."""
    return [n.strip(" 。") for n in re.split(r"[、，,；;\s]+", text) if n.strip(" 。")]


def states_first_unit_leads(text: str) -> bool:
    """Return True when ``text`` says that the first unit listed leads
    (列第一位的为牵头单位, 排在首位的为牵头单位)."""
    return bool(_FIRST_LEADS.search(text))


@lru_cache(maxsize=8192)  # pure, and asked again and again per cell
def looks_like_units(text: str) -> bool:
    """Return True when a short text reads as a list of units (for placing cells); in
    traditional script too (``辦公室牽頭,各處室配合``), read through the simplified shadow."""
    flat = simplify(join_lines(text))
    if not flat or len(flat) > 150 or (flat.endswith("。") and len(flat) > 40):
        return False
    names = [u for u, _ in _flat_pairs(flat)]
    return bool(names) and sum(is_unit(n) for n in names) >= max(1, len(names) * 0.6)


def _flat_pairs(text: str) -> Iterable[tuple[str, str]]:
    for clause in split_outside_brackets(full_width_brackets(text), "，,；;。"):
        yield from roles_in_clause(clause, "responsible")
