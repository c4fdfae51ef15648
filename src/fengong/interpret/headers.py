"""Table headers → column roles (SPEC.md, Reading tables).

A label is first read on its own (``label_kind``); the whole header then decides which
content column is the task and which are section levels (``header_to_roles``), and
unlabelled columns are placed by what their cells hold.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import combinations, pairwise

from fengong.interpret.cells import cell_fits
from fengong.interpret.numbering import split_numbering
from fengong.interpret.units import LEAD_LABEL, MAIN_UNIT_LABEL, SUPPORT_LABEL, looks_like_units
from fengong.schema import UNIT_ROLES
from fengong.textnorm import FIGURE, join_lines, simplify

EXACT: dict[str, tuple[str, ...]] = {
    "task": (
        "工作任务", "具体任务", "重点任务", "任务内容", "主要内容", "工作内容", "具体要求",
        "主要任务", "任务", "工作任务及要求", "具体工作", "重点工作", "任务事项",
    ),
    "lead": ("牵头单位", "牵头部门", "牵头处室", "牵头科室", "主办单位", "牵头"),
    "responsible": (
        "责任单位", "责任部门", "责任科室", "责任处室", "负责科室", "负责处室", "负责单位",
        "牵头及责任单位", "牵头及责任处室", "承办单位", "实施主体", "责任主体", "完成单位",
    ),
    "support": ("参加单位", "配合单位", "协办单位", "参与单位", "协同单位", "配合部门", "协助单位"),
    "leaders": ("责任领导", "牵头领导", "分管领导", "牵头负责领导", "责任人", "联系领导"),
    "deadline": (
        "完成时限", "完成时间", "时限要求", "时间节点", "完成时间节点", "时限", "时间安排",
        "进度安排", "完成期限", "推进时限",
    ),
    "criteria": (
        "评价标准", "工作要求", "工作标准", "完成标准", "成果形式", "考核标准", "目标要求",
    ),
    "measures": (
        "具体措施", "实施步骤", "工作措施", "推进措施", "主要措施", "工作举措", "具体举措",
    ),
    "number": ("序号", "编号", "序"),
}  # fmt: skip
_LABEL_OF = {label: kind for kind, labels in EXACT.items() for label in labels}

_CONTENT = ("task", "content")
# units that score or oversee the work, not carry it (评分部门, 督办单位)
OVERSIGHT_LABEL = re.compile(r"(?:评分|考核|督查|督办|督导|监督|评价|审核)(?:单位|部门|处室|科室)")


def normalise_label(label: str) -> str:
    """A header as compared: one line, no spaces or bracketed notes, simplified."""
    text = simplify(join_lines(label))
    text = re.sub(r"[（(【\[][^）)】\]]*[）)】\]]", "", text)
    return re.sub(r"[\s:：*＊]", "", text)


@lru_cache(maxsize=8192)  # pure, and asked again and again per cell
def label_kind(label: str) -> str:
    """Return what a header label names on its own.

    One of the schema's column roles, ``content`` (a content column whose job the whole
    header decides: 工作要点, 工作事项), ``unlabelled`` (empty) or ``extra``.
    """
    text = normalise_label(label)
    if not text:
        return "unlabelled"
    if text in _LABEL_OF:
        return _LABEL_OF[text]
    rules = (
        ("extra", r"^是否"),  # a yes/no column (是否达到序时进度) names no role
        ("leaders", r"领导|责任人|负责人"),
        # units that score or oversee the work do not carry it (评分部门, 督办单位)
        ("extra", OVERSIGHT_LABEL.pattern),
        # how far the work has got, as a report or a grade (236: 进度评价 已完成), is no deadline
        ("extra", r"进[度展](?:评价|情况)"),
        ("deadline", r"时限|时间|期限|节点|进度"),
        ("responsible", r"牵头[及和与/、](?:责任|负责)|(?:责任|负责)[及和与/、]?牵头"),
        ("lead", LEAD_LABEL.pattern),
        ("support", SUPPORT_LABEL.pattern),
        ("responsible", r"单位|部门|处室|科室|主体|责任|负责"),
        ("content", r"任务|事项|项目名称|项目内容|工作内容"),
        # a plan of the work by month or stage (月度工作计划: 4月:…) gives the task's steps
        ("measures", r"措施|步骤|举措|计划$"),
        ("criteria", r"标准|成果|考核|评价|工作要求|目标"),
        ("number", r"^序|编号"),
        ("content", r"任务|内容|事项|要点|工作|项目|领域|要求|类别|分组|组别"),
    )
    for kind, pattern in rules:
        if re.search(pattern, text):
            return kind
    return "extra"


def is_header_row(texts: Sequence[str]) -> bool:
    """Return True when a row reads as a header: at least two labels fengong knows,
    one of them naming units, a deadline, criteria, measures or the task itself."""
    kinds = [label_kind(t) for t in texts if t.strip()]
    flat = [join_lines(t) for t in texts if t.strip()]
    if any(len(t) > 20 or t.endswith(("。", "；", ";")) or split_numbering(t) for t in flat):
        return False
    known = [k for k in kinds if k not in ("extra", "unlabelled")]
    specific = [k for k in known if k != "content"]
    return len(known) >= 2 and bool(specific)


def header_to_roles(
    labels: Sequence[str],
    body: Sequence[Sequence[str]],
    printed: Sequence[Sequence[str]] | None = None,
) -> list[str]:
    """Return one role per column for a header and a sample of its body rows (the rows
    whose cells stand in their columns); ``printed`` are all the rows as the copy printed
    them, short ones too, when they differ (a copy that lost the merges).

    The task is the most specific content column next to the units (the rightmost content
    column left of the first unit column); content columns to its left that group rows
    are section levels; unlabelled columns are placed by their cells.
    """
    width = max([len(labels), *(len(r) for r in body)])
    kinds = [label_kind(lbl) for lbl in labels] + ["unlabelled"] * (width - len(labels))
    columns = [[row[i] if i < len(row) else "" for row in body] for i in range(width)]
    kinds = [_place_unlabelled(k, col) for k, col in zip(kinds, columns, strict=True)]
    kinds = [_units_by_content(k, col) for k, col in zip(kinds, columns, strict=True)]
    kinds = [_figures_no_content(k, col) for k, col in zip(kinds, columns, strict=True)]
    padded = [*labels, *[""] * (width - len(labels))]
    kinds = [
        _remarks_of_units(k, lbl, col) for k, lbl, col in zip(kinds, padded, columns, strict=True)
    ]

    units = [i for i, k in enumerate(kinds) if k in UNIT_ROLES]
    # the columns in the rows with two texts or more: a section row leaves every other column
    # empty, which is no sign of a merge (183)
    in_task_rows = [[r[i] if i < len(r) else "" for r in task_rows(body)] for i in range(width)]
    if not any(k in _CONTENT for k in kinds):
        kinds = _task_from_content(kinds, columns, units, labels)
    task = _task_column(kinds, units)
    if task is not None and _mostly_empty(task, body):
        # the column a header names as the task holds nothing (a merged 领域 the copy lost):
        # the task is the text column that does hold it
        fallback = _task_from_content(
            [*kinds[:task], "extra", *kinds[task + 1 :]], in_task_rows, units, labels
        )
        if "content" in fallback:
            kinds, task = fallback, fallback.index("content")
    finer = _finer_text_column(
        kinds, columns, task, units, body if printed is None else printed, labels
    )
    if finer is not None:
        kinds[finer] = "content"
        task = finer
    content = [i for i, k in enumerate(kinds) if k in _CONTENT]
    roles = list(kinds)
    for i in content:
        if i == task:
            roles[i] = "task"
        elif task is not None and i < task and groups_rows(in_task_rows[i]):
            roles[i] = "section"
        else:
            roles[i] = "extra"
    for i in range(task or 0):
        grouping = groups_rows(in_task_rows[i]) and short_cells(columns[i])
        if kinds[i] in GROUPING_KINDS and grouping:
            roles[i] = "section"  # 指标 / 考核项目 merged over the tasks to their right
    roles = _one_lead_column(["extra" if r in ("unlabelled", "content") else r for r in roles])
    return _main_unit_alone(roles, labels)


def _main_unit_alone(roles: list[str], labels: Sequence[str]) -> list[str]:
    """``主要责任单位`` leads when another unit column ranks below it (81: ``主要责任单位 |
    责任单位``); as a table's only unit column its units are the responsible ones (183)."""
    units = [i for i, r in enumerate(roles) if r in UNIT_ROLES]
    if len(units) != 1 or roles[units[0]] != "lead" or units[0] >= len(labels):
        return roles
    if MAIN_UNIT_LABEL.search(normalise_label(labels[units[0]])):
        return [("responsible" if i == units[0] else r) for i, r in enumerate(roles)]
    return roles


def _one_lead_column(roles: list[str]) -> list[str]:
    """A table leads from one column: of two columns naming a lead (108: ``第一责任单位 |
    主要责任单位``), the first leads and the later ranks below it, responsible."""
    leads = [i for i, r in enumerate(roles) if r == "lead"]
    return ["responsible" if i in leads[1:] else r for i, r in enumerate(roles)]


GROUPING_KINDS = ("extra", "criteria", "measures")


def short_cells(cells: list[str]) -> bool:
    """Short phrases, as grouping labels are (not sentences); a value repeated over the
    rows of its merge counts once."""
    filled = list(dict.fromkeys(join_lines(c) for c in cells if c.strip()))
    return bool(filled) and sum(map(len, filled)) / len(filled) <= 20


def task_rows(body: Sequence[Sequence[str]]) -> list[Sequence[str]]:
    """The rows with two different texts or more: not section rows (one text, in one cell or
    repeated across a merge)."""
    return [r for r in body if len({c.strip() for c in r if c.strip()}) > 1]


def _mostly_empty(col: int, body: Sequence[Sequence[str]]) -> bool:
    """Column ``col`` is empty in most task rows (section rows do not count)."""
    rows = task_rows(body)
    filled = sum(1 for r in rows if col < len(r) and r[col].strip())
    return filled < 0.3 * max(1, len(rows))


def _task_column(kinds: list[str], units: list[int]) -> int | None:
    """The most specific content column: the rightmost one left of the first unit column."""
    content = [i for i, k in enumerate(kinds) if k in _CONTENT]
    left_of_units = [i for i in content if not units or i < units[0]]
    return max(left_of_units or content, default=None)


def _finer_text_column(
    kinds: list[str],
    columns: list[list[str]],
    task: int | None,
    units: list[int],
    body: Sequence[Sequence[str]],
    labels: Sequence[str] = (),
) -> int | None:
    """A column of sentences under a header outside the synonyms (``细化分工``) or of
    measures (``工作措施``), between the task column and the units, when the task column
    groups its rows (merged over several of them): that column is the finer one, the task
    (SPEC: of two sentence columns, the one merged over several rows of the other is a
    section level). A column reporting on the task (``进展情况``, ``备注``) never is (120)."""
    if task is None:
        return None
    # a measures column is the task's own detail unless the task cell really spans rows
    finer_kinds = ["extra", "unlabelled"]
    if merged_over_rows(columns[task]):
        finer_kinds += ["measures", "criteria"]
    elif (fullest := _merged_in_copy(body, task, _grouping_room(kinds, task))) is not None:
        columns = [[r[i] if i < len(r) else "" for r in fullest] for i in range(len(kinds))]
        finer_kinds += ["measures", "criteria"]
    elif not groups_rows(columns[task]):
        return None
    for i in range(task + 1, units[0] if units else len(kinds)):
        filled = [join_lines(c) for c in columns[i] if c.strip()]
        sentences = (
            len(filled) >= 0.8 * len(columns[i])
            and bool(filled)
            and sum(map(len, filled)) / len(filled) >= 6
        )
        report = i < len(labels) and RUNNING_TEXT_LABEL.search(normalise_label(labels[i]))
        finer_kind = kinds[i] in finer_kinds and not report
        finer = not groups_rows(columns[i]) or _numbered_below(columns[task], columns[i])
        if finer_kind and sentences and finer:
            return i
    return None


def _numbered_below(outer: list[str], inner: list[str]) -> bool:
    """Cells numbered in one style to the right of cells numbered in another (``（一）…`` |
    ``1.…``) are the next level of the outline the row prints left to right."""
    pairs = [(join_lines(a), join_lines(b)) for a, b in zip(outer, inner, strict=True)]
    pairs = [(a, b) for a, b in pairs if a and b]
    styles = [(split_numbering(a), split_numbering(b)) for a, b in pairs]
    return bool(styles) and all(o and i and o.style != i.style for o, i in styles)


def _grouping_room(kinds: list[str], task: int) -> int:
    """How many columns left of the task could be grouping columns a copy printed once
    (text columns, not 序号)."""
    return sum(1 for k in kinds[:task] if k not in ("number", *UNIT_ROLES, "deadline"))


def _merged_in_copy(
    body: Sequence[Sequence[str]], task: int, room: int = 0
) -> list[Sequence[str]] | None:
    """The rows that fill the most cells, when they show the task column merged in a copy
    that lost the merges: most rows are printed short, by more cells than the ``room``
    grouping columns left of the task explain (31's short rows lack only their
    工程类别), and the task cells of the full rows
    are short labels, as a grouping cell's are (03, two full rows or more), or headings that
    some rows print no cell of (92: ``（一）强化源头治理`` over rows starting ``2.…``)."""
    counts = [sum(1 for c in r if c.strip()) for r in body]
    if not counts:
        return None
    most = max(counts)
    fullest = [r for r, n in zip(body, counts, strict=True) if n == most]
    short = sum(1 for n in counts if 0 < n < most)
    if len(fullest) >= short or most - min(n for n in counts if n) <= room:
        return None  # the grouping columns left of the task are what the short rows lack
    task_cells = [r[task] if task < len(r) else "" for r in fullest]
    if (len(fullest) >= 2 or short >= 3) and short_cells(task_cells):
        return fullest
    styles = {n.style for c in task_cells if (n := split_numbering(join_lines(c)))}
    if len(styles) != 1 or not groups_rows(task_cells):
        return None
    style = styles.pop()
    headed = sum(
        1
        for r in body
        if any((n := split_numbering(join_lines(c))) and n.style == style for c in r)
    )
    return fullest if headed < len(body) else None


# labels of columns that annotate a task, never hold it (职责依据, 备注)
_NOTE_LABEL = re.compile(r"依据|备注|说明|出处|来源")
# remarks columns (may close a table after its unit columns) and columns of running notes
# (a short row's progress text lands there)
REMARKS_LABEL = re.compile(r"备注|说明")
RUNNING_TEXT_LABEL = re.compile(r"进展|进度|情况|备注|说明")


def _task_from_content(
    kinds: list[str], columns: list[list[str]], units: list[int], labels: Sequence[str]
) -> list[str]:
    """No header names the task (``年度目标 | 责任单位``): the column of sentences left of
    the units, the one with the longest text, is taken as the task's content."""
    textual = [
        i
        for i, k in enumerate(kinds)
        if k in ("criteria", "measures", "extra", "unlabelled")
        and not (i < len(labels) and _NOTE_LABEL.search(normalise_label(labels[i])))
    ]
    # the task stands left of the units; a duty list (职责部门 | 职责名称) puts the unit first
    candidates = [i for i in textual if not units or i < units[0]] or textual

    def mean_length(i: int) -> float:
        filled = [join_lines(c) for c in columns[i] if c.strip()]
        return sum(map(len, filled)) / len(filled) if filled else 0.0

    finest = [i for i in candidates if not groups_rows(columns[i]) and mean_length(i) >= 6]
    best = max(finest or candidates, key=mean_length, default=None)
    if best is None or mean_length(best) < 6:
        return kinds
    return [("content" if i == best else k) for i, k in enumerate(kinds)]


def decided_by_content(label: str, role: str) -> bool:
    """Return True when a column's ``role`` follows from its cells rather than from its
    header ``label``: an unlabelled column given a role, a column under a header outside
    the task synonyms read as the task or a section, a unit header over cells that are no
    units. (Of content headers, the whole header decides: SPEC's rule, not a guess.)"""
    kind = label_kind(label)
    if kind == "unlabelled":
        return role != "extra"
    if kind in ("extra", "criteria", "measures"):
        return role in ("task", "section")
    return kind in UNIT_ROLES and role == "extra"


def _units_by_content(kind: str, cells: list[str]) -> str:
    """A column whose header names units (``单位``) but whose cells are not unit names
    (``%``, ``万元/人``: a measurement unit) holds no units."""
    filled = [c for c in cells if c.strip()]
    if kind not in UNIT_ROLES or not filled:
        return kind
    units = sum(cell_fits("responsible", c) for c in filled)
    return kind if units >= 0.2 * len(filled) else "extra"


def _figures_no_content(kind: str, cells: list[str]) -> str:
    """A content column whose cells are only figures (196's ``占年任务之比``: ``139.1%``) holds
    no task: it is a measure of one."""
    filled = [c.strip() for c in cells if c.strip()]
    if kind not in _CONTENT or not filled:
        return kind
    figures = sum(1 for c in filled if c == "-" or FIGURE.fullmatch(c))  # -: none
    return "extra" if figures >= 0.8 * len(filled) else kind


def _remarks_of_units(kind: str, label: str, cells: list[str]) -> str:
    """A remarks column (备注) whose cells are all unit names (196: ``人力资源社会保障局``,
    ``交通局``) names the units responsible, as 152's unlabelled column does."""
    filled = [c for c in cells if c.strip()]
    if kind != "extra" or not REMARKS_LABEL.search(normalise_label(label)) or len(filled) < 3:
        return kind
    units = sum(1 for c in filled if looks_like_units(c))
    return "responsible" if units >= 0.8 * len(filled) else kind


def _place_unlabelled(kind: str, cells: list[str]) -> str:
    if kind != "unlabelled":
        return kind
    filled = [c for c in cells if c.strip()]
    if not filled:
        return "unlabelled"
    for candidate in ("number", "section", "responsible", "deadline"):
        if sum(cell_fits(candidate, c) for c in filled) >= 0.6 * len(filled):
            return candidate
    return "content"


def groups_rows(cells: list[str]) -> bool:
    """A grouping column: cells left empty below their first row, a value repeated row
    after row, or headings."""
    filled = [v for v in map(join_lines, cells) if v]
    headings = sum(1 for v in filled if split_numbering(v) is not None and len(v) <= 60)
    return merged_over_rows(cells) or (bool(filled) and headings >= len(filled) * 0.5)


def merged_over_rows(cells: list[str]) -> bool:
    """Cells left empty below their first row, or a value repeated row after row: a cell
    merged over several rows, as the copy shows it."""
    values = [join_lines(c) for c in cells]
    if not any(values):
        return False
    return any(not v for v in values) or any(a and a == b for a, b in pairwise(values))


_WIDEST_ALIGNED = 40  # columns: every placement of a wider table's labels costs too much


def _fit(labels: Sequence[str], body: Sequence[Sequence[str]]) -> int:
    """How many cells of ``body`` read as their column's label says."""
    return sum(
        cell_fits(label_kind(lbl), row[i])
        for i, lbl in enumerate(labels)
        for row in body
        if i < len(row) and lbl
    )


def align_header(labels: Sequence[str], width: int, body: Sequence[Sequence[str]]) -> list[str]:
    """Return ``labels`` widened to ``width`` columns with empty labels where the rows'
    cells say an unlabelled column stands (``序号`` left out of the header, say)."""
    missing = width - len(labels)
    if missing <= 0 or missing > 2 or width > _WIDEST_ALIGNED:
        return list(labels) + [""] * max(0, missing)
    best, best_score = list(labels) + [""] * missing, -1
    for positions in combinations(range(width), missing):
        candidate, it = [], iter(labels)
        for i in range(width):
            candidate.append("" if i in positions else next(it))
        score = _fit(candidate, body)
        if score > best_score:
            best, best_score = candidate, score
    return best


def narrow_header(labels: Sequence[str], width: int, body: Sequence[Sequence[str]]) -> list[str]:
    """Return ``labels`` without the one or two whose columns no row prints (a copy that
    drops empty cells leaves out a column empty in every row: 125's 项目类别), chosen by
    where the rows' cells fit; the labels as they are when the rows' cells fit them as
    well without dropping any but the last."""
    extra = len(labels) - width
    if extra <= 0 or extra > 2 or len(labels) > _WIDEST_ALIGNED:
        return list(labels)
    best, best_score = list(labels), _fit(labels[:width], body)
    for positions in combinations(range(len(labels)), extra):
        candidate = [lbl for i, lbl in enumerate(labels) if i not in positions]
        score = _fit(candidate, body)
        if score > best_score:
            best, best_score = candidate, score
    return best
