"""The plan's title, issuer and year, read from the top of the document.

- Title: the first short lines before the body (a preamble sentence, an addressee line,
  a heading or a table starts the body), skipping 附件 labels, dates and document
  numbers; an issuer line followed by the title's line (``XX管理委员会`` / ``2018年…措施``)
  is one title. A 通知 that 印发《X》 a plan printed below it gives the plan's title X.
- Issuer: the signature above the date line; else the sender of a 印发 notice; else the
  body that begins the title (``广州市科技创新委员会2018年…``), never a bare place name.
- Year: from the title; else from the date line; else the year the text names most
  often, with a ``year-guessed`` warning.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from fengong.document import Document, Paragraph, Table
from fengong.interpret.notes import Note
from fengong.interpret.numbering import split_numbering
from fengong.textnorm import join_lines, nfkc_digits

_TITLE_WORDS = re.compile(
    r"(方案|意见|要点|措施|通知|计划|分工|清单|台账|安排|任务表|办法|细则|规划|任务)$"
)
_ATTACHMENT = re.compile(r"^附\s*件\s*\d*\s*[:：]?\s*$|^附件\s*\d*\s*[:：]")
_DATE_LINE = re.compile(r"^\s*(?P<year>(?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
_DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,8}[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号$")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年(?!\d)")
_NOTICE = re.compile(r"^(?P<issuer>.*?)(?:关于)?(?:印发|转发)《(?P<plan>[^》]+)》的通知$")
_ORG_END = re.compile(
    r"(委员会|人民政府|政府|办公室|办公厅|管委会|管理委员会|局|委|厅|办|中心|部|院|署)$"
)
# A preamble sentence opens the body: 根据… / 为(了)贯彻… — but not a title like 为民办实事….
_PREAMBLE = re.compile(
    r"^(?:根据|按照|依据|为了?(?:贯彻|进一步|深入|切实|全面|加快|推动|推进|落实|做好|确保|加强|认真))"
)
_ORG_PREFIX = re.compile(r"^(?P<org>.+?)(?=(?:19|20)\d{2}\s*年)")


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
        or flat.endswith(("：", ":"))
        or split_numbering(flat) is not None
        or bool(_PREAMBLE.match(flat))
    )


def _skip(text: str) -> bool:
    flat = join_lines(text)
    return bool(
        _ATTACHMENT.match(flat) or _DATE_LINE.match(flat) or _DOC_NUMBER.match(flat)
    ) or not flat.strip("—-_ ")


def _title_lines(doc: Document) -> list[Paragraph]:
    lines: list[Paragraph] = []
    for block in doc.blocks:
        if isinstance(block, Table):
            break
        if _skip(block.text):
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
    title = "".join(join_lines(p.text) for p in lines) or None
    notice = _NOTICE.match(title) if title else None
    if notice and any(join_lines(p.text) == notice.group("plan") for p in doc.paragraphs()):
        title = notice.group("plan")
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

    if title and (m := _YEAR.search(nfkc_digits(title))):
        meta.year = int(m.group(1))
    elif signed_year is not None:
        meta.year = signed_year
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
