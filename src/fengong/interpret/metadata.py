"""The plan's title, issuer and year, read from the top of the document.

- Title: the first line near the top (before a table) that reads as a title, ending with a
  word that names a plan (方案, 通知, 清单, 分解表 …), not numbered and no field (``名称：``),
  with the lines before it that it continues (an open bracket, ``关于印发…``) and an issuer
  line right above it (``XX管理委员会`` / ``2018年…措施``); page chrome above it is passed
  over and a site name after a dash dropped. Without such a line, the first short lines
  before the body. A 通知 that 印发 a plan gives the plan's name: as printed below the
  notice when it is, else the name in 《》.
- Issuer: the signature above the date line; else the sender of a 印发 notice; else the
  body that begins the title (``广州市科技创新委员会2018年…``), never a bare place name.
- Year: from the title; else from the date line; else the year the text names most
  often, with a ``year-guessed`` warning.
- What the input states outside the text (``Document.stated``: a web page's metadata
  block) gives the title, the issuer and the year (from its date) where the text gives
  none, before any guess.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from fengong.document import Document, Paragraph, Table
from fengong.interpret.notes import Note
from fengong.interpret.numbering import split_numbering
from fengong.textnorm import join_lines, nfkc_digits, simplify

# words that end a plan's title
_PLAN_WORDS = "方案|意见|要点|措施|通知|计划|分工|清单|台账|安排|任务表|办法|细则|规划|任务"
_TITLE_WORDS = re.compile(rf"({_PLAN_WORDS})$")
_ATTACHMENT = re.compile(r"^附\s*件\s*\d*\s*[:：]?\s*$|^附件\s*\d*\s*[:：]")
_DATE_LINE = re.compile(r"^\s*(?P<year>(?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
_DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,8}[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号$")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年(?!\d)")
# what a notice does to the plan it issues (印发, and 下发 in 172)
_ISSUES = "印发|印發|转发|轉發|下发|下發"
_NOTICE = re.compile(
    rf"^(?P<issuer>.*?)(?:关于)?(?:{_ISSUES})(?:《(?P<plan>[^》]+)》|(?P<bare>.+))的通知$"
)
_ORG_END = re.compile(
    r"(委员会|人民政府|政府|办公室|办公厅|管委会|管理委员会|局|委|厅|办|中心|部|院|署)$"
)
# A preamble sentence opens the body: 根据… / 为(了)贯彻… — but not a title like 为民办实事….
_PREAMBLE = re.compile(
    r"^(?:根据|按照|依据|为了?(?:贯彻|进一步|深入|切实|全面|加快|推动|推进|落实|做好|确保|加强|认真))"
)
_ORG_PREFIX = re.compile(r"^(?P<org>.+?)(?=(?:19|20)\d{2}\s*年)")
_STATED_YEAR = re.compile(r"^\s*((?:19|20)\d{2})")


@dataclass
class Metadata:
    """Title, issuer, year, and the notes saying what was guessed."""

    title: str | None = None
    issuer: str | None = None
    year: int | None = None
    notes: list[Note] = field(default_factory=list)


def _body_starts(text: str) -> bool:
    flat = join_lines(text)
    return (
        len(flat) > 60
        or flat.endswith(("：", ":", "。"))  # a sentence, not a title (169)
        or split_numbering(flat) is not None
        or bool(_PREAMBLE.match(flat))
    )


# a web page's breadcrumb: 首页 > 纲要规划, 当前位置：首页 » 政务公开 » …, or its pieces on
# lines of their own (当前位置:首页 / >> 专题专栏 >> …)
_BREADCRUMB = re.compile(
    r"^(?:首页|主页)\s*[>＞»›]|^(?:当前位置|您(?:现在)?的位置|所在位置)|^\s*[>＞»›]"
    r"|[>＞»›]\s*[^>＞»›]+[>＞»›]"
)


# a labelled marker on a line of its own, closing an item a page before (234:
# ``(责任部门:省农委、人力资源社会保障厅…)``)
_MARKER_LINE = re.compile(r"^[（(][^（）()]{1,12}[:：][^（）()]*[）)]$")


def _skip(text: str) -> bool:
    flat = join_lines(text)
    return bool(
        _ATTACHMENT.match(flat)
        or _DATE_LINE.match(flat)
        or _DOC_NUMBER.match(flat)
        or _BREADCRUMB.search(flat)
        or _MARKER_LINE.match(flat)
    ) or not flat.strip("—-_ ")


# a title line: ends with a word that names a plan, maybe followed by a site's name
# after a dash (``…的通知-某某网``)
_TITLE_LINE = re.compile(
    rf"^(?P<title>[^。；;！!？?]{{4,80}}?(?:{_PLAN_WORDS}|分解书|任务书|责任书|分解表|分工表|框架))"
    r"(?:\s*[-—_|｜]\s*\S{0,20})?$"
)
_MAX_TITLE_SEARCH = 20
_BRACKET_LINE = re.compile(
    r"^[（(](?:\d{4}(?:\s*[—–-]+\s*\d{4})?\s*年度?|试行|暂行|修订稿?|征求意见稿|草案)[）)]$"
)
# a page's field line (来源:政府办 日期:…, 【字体:大中小】): no title
_FIELD_LINE = re.compile(r"^[【\[]?[\u4e00-\u9fff]{1,6}\s*[:：]")


def _title_lines(doc: Document) -> list[Paragraph]:
    """The title's lines: the first line near the top that reads as a title (it ends with
    a word naming a plan), with an issuer line right above it; page chrome above it (site
    names, menus, breadcrumbs, document fields) is passed over. Without such a line, the
    first short lines before the body, as printed."""
    head: list[Paragraph] = []
    for block in doc.blocks:
        if isinstance(block, Table) or len(head) >= _MAX_TITLE_SEARCH:
            break
        head.append(block)
    for k, para in enumerate(head):
        flat = join_lines(para.text)
        if _skip(para.text) or split_numbering(flat) or re.search("[:：]", flat):
            continue  # a numbered heading or a field (名称：…) is no title
        if not _TITLE_LINE.match(simplify(flat)):
            continue
        first = k
        while first > 0 and _continued_by(join_lines(head[first - 1].text), head[first : k + 1]):
            first -= 1  # a title printed over several lines
        above = join_lines(head[first - 1].text) if first else ""
        # a notice's signature under its body (221: ``…现印发给你们。`` / ``将乐县人民政府办公室``)
        # is no part of the plan's title below it
        signs = first >= 2 and join_lines(head[first - 2].text).endswith(("。", "！"))
        issuer = above and len(above) <= 30 and not re.search("[:：]", above) and not signs
        if issuer and _ORG_END.search(simplify(above)) and not _skip(above):
            first -= 1
        last = k + 1
        if last < len(head) and _BRACKET_LINE.match(join_lines(head[last].text)):
            last += 1  # the title's bracketed tail on a line of its own: （2026年）, （试行）;
            # a count (（共118项）) is no part of it
        return head[first:last]
    return _first_short_lines(doc)


def _continued_by(line: str, rest: list[Paragraph]) -> bool:
    """Whether ``line`` is the first part of a title printed over several lines: the
    lines after it close a bracket it opens, or it opens a notice's title (``关于印发…``)."""
    if _skip(line) or len(line) > 60 or line.endswith(("。", "；", ";", "：", ":")):
        return False
    tail = "".join(join_lines(p.text) for p in rest)
    unclosed = sum(tail.count(c) for c in "》）)〉") > sum(tail.count(c) for c in "《（(〈")
    notice_start = re.search(rf"关于|(?:{_ISSUES})$", simplify(line)) is not None
    return (unclosed and any(c in line for c in "《（(〈")) or notice_start


def _first_short_lines(doc: Document) -> list[Paragraph]:
    lines: list[Paragraph] = []
    for block in doc.blocks:
        if isinstance(block, Table):
            break
        if _skip(block.text) or _FIELD_LINE.match(join_lines(block.text)):
            if lines:
                break
            continue
        if _body_starts(block.text):
            break
        lines.append(block)
        if _TITLE_WORDS.search(join_lines(block.text)):
            break
    if lines and not _TITLE_WORDS.search(join_lines(lines[-1].text)) and len(lines) > 1:
        return lines[:1]
    return lines


# a site's column tag printed before a title (``【进展情况】2023年…``, ``【重点工作落实】…``)
_SITE_TAG = re.compile(r"^[【\[][\u4e00-\u9fff]{2,10}[】\]]\s*")


def _bare_plan(notice: re.Match[str], title: str) -> str | None:
    """The plan a notice issues by a bare name (``关于印发徐汇区“十一五”规划工作分解的通知``),
    as printed in the title, when it reads as a plan's name: not the notice's own words."""
    bare = notice.group("bare")
    if not bare or len(bare) < 6:
        return None
    return title[notice.start("bare") : notice.end("bare")]  # simplify keeps the offsets


# a notice's title opening a paragraph the copy ran its whole text into (199)
_NOTICE_OPENING = re.compile(rf"^\S{{2,60}}?关于(?:{_ISSUES})《[^》]{{4,80}}》的通知(?=\s|$)")


def _notice_run_on(doc: Document) -> str | None:
    """The title of a notice that opens the first paragraph when a copy ran the notice, its
    number, the addressees and the body into one line (199: ``扬州市人民政府办公室关于印发
    《2010年依法行政工作任务分解表》的通知 扬府办发〔2010〕58号 各县(市、区)…``), or None."""
    for para in doc.paragraphs()[:3]:
        m = _NOTICE_OPENING.match(para.text.strip())  # as printed: white space ends it
        if m:
            return m.group()
    return None


def _plan_in_brackets(title: str) -> str | None:
    """The name in 《》 of a 印发 notice's title, as printed (traditional script kept)."""
    m = re.search(rf"(?:{_ISSUES})《(.+)》的通知", title)
    return m.group(1) if m else None


def _without_site_name(line: str) -> str:
    """A title line without the site name a copy appended after a dash."""
    m = _TITLE_LINE.match(simplify(line))
    return line[: len(m.group("title"))] if m else line


def _same_text(text: str) -> str:
    """Text as compared: no white space or punctuation, 〈〉 as 《》, simplified."""
    return re.sub(r"[\s\W_]+", "", simplify(text).replace("〈", "《").replace("〉", "》"))


def _signature(doc: Document) -> tuple[str | None, int | None]:
    """Issuer lines standing right above a date line, and that date's year."""
    paragraphs = doc.paragraphs()
    for i, para in enumerate(paragraphs[:40]):
        m = _DATE_LINE.match(join_lines(para.text))
        if not m:
            continue
        names: list[str] = []
        for prev in reversed(paragraphs[max(0, i - 3) : i]):
            flat = join_lines(prev.text)
            if len(flat) > 30 or not _ORG_END.search(flat):
                break
            names.insert(0, flat)
        return ("、".join(names) or None), int(m.group("year"))
    return None, None


def read_metadata(doc: Document) -> Metadata:
    """Return the title, issuer and year of a document (see the module docstring)."""
    meta = Metadata()
    lines = _title_lines(doc)
    title = "".join(_without_site_name(join_lines(p.text)) for p in lines) or None
    title = title or doc.stated.title  # what the input states outside the text (a page's 名称)
    title = title or _notice_run_on(doc)
    notice = _NOTICE.match(simplify(title)) if title else None
    if notice and title:
        # the plan a notice issues is the title: as printed below it when it is, else as the
        # notice names it in 《》 (a bare name only when printed below)
        plan = _same_text(notice.group("plan") or notice.group("bare"))
        printed = next(
            (
                join_lines(p.text)
                for p in doc.paragraphs()
                if _same_text(join_lines(p.text)) == plan
            ),
            None,
        )
        title = printed or _plan_in_brackets(title) or _bare_plan(notice, title) or title
    if title:
        title = _SITE_TAG.sub("", title) or title
    meta.title = title
    signed_by, signed_year = _signature(doc)
    meta.issuer = signed_by
    if meta.issuer is None and notice and _ORG_END.search(notice.group("issuer") or ""):
        meta.issuer = notice.group("issuer")
    if meta.issuer is None and len(lines) > 1 and _ORG_END.search(join_lines(lines[0].text)):
        meta.issuer = join_lines(lines[0].text)
    if meta.issuer is None and title and (m := _ORG_PREFIX.match(title)):
        org = m.group("org")
        meta.issuer = org if _ORG_END.search(org) else None
    meta.issuer = meta.issuer or doc.stated.issuer

    if title and (m := _YEAR.search(nfkc_digits(title))):
        meta.year = int(m.group(1))
    elif signed_year is not None:
        meta.year = signed_year
    elif doc.stated.date and (m := _STATED_YEAR.match(doc.stated.date)):
        meta.year = int(m.group(1))
    else:
        meta.year = _most_named_year(doc)
        if meta.year is not None:
            meta.notes.append(
                Note(
                    "year-guessed",
                    f"no year in the title; {meta.year} is the year the text names most often",
                )
            )
    if meta.title is None:
        meta.notes.append(Note("no-title", "no title found at the top of the document"))
    return meta


def _most_named_year(doc: Document) -> int | None:
    counts: Counter[int] = Counter()
    for block in doc.paragraphs()[:80]:
        counts.update(int(y) for y in _YEAR.findall(nfkc_digits(block.text)))
    if not counts:
        return None
    best = max(counts.values())
    return max(y for y, c in counts.items() if c == best)
