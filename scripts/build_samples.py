"""Build the DOCX and PDF samples from the text samples and their hand-checked goldens.

    python scripts/build_samples.py docx   # samples/docx/*.docx (python-docx)
    python scripts/build_samples.py pdf    # samples/pdf/**/*.pdf (LibreOffice from the DOCX)

The DOCX files are made the way offices make them: the prose around the table as
paragraphs, headings numbered by Word's automatic numbering (一、 （一） 1. （1）) where
the printed numbers follow the list, the task table with its header row marked to repeat
on every page, grouping columns and equal unit cells as vertical merges, section rows as
one merged cell across the table, landscape pages for tables, CJK fonts. The table's
content comes from the golden Plan (checked by hand against the document), so the text
copy's damage (rows cut by page breaks, shifted cells) is not carried over.

Generated files are committed; run this script again after changing a golden.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from docx import Document as new_document  # noqa: E402
from docx.enum.section import WD_ORIENT  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Pt  # noqa: E402

from fengong.document import Table  # noqa: E402
from fengong.interpret.numbering import number_value  # noqa: E402
from fengong.parsers.text import TextReader  # noqa: E402

TEXT = ROOT / "samples" / "text"
GOLDEN = ROOT / "tests" / "golden"
UNIT_ROLES = ("lead", "responsible", "support", "leaders")
MERGED_ROLES = {"lead", "responsible", "support", "leaders", "deadline", "criteria", "measures"}
BODY_FONT, TITLE_FONT = "仿宋_GB2312", "方正小标宋简体"


@dataclass
class Options:
    """How one sample's office would have made it."""

    items_as_word_lists: bool = False  # numbered criteria/measures as automatic numbering
    header_repeated_by_hand_every: int = 0  # rows; 0: only w:tblHeader repeats it


OPTIONS = {
    "seed002_tab-cells_section-rows": Options(items_as_word_lists=True),
    "seed004_tsv_page-breaks_shifted-cell": Options(header_repeated_by_hand_every=12),
}

# --- Word numbering ------------------------------------------------------------------------

HEADING_PATTERNS = [  # level, regex for the printed number, numFmt, lvlText template
    (0, re.compile(r"^([一二三四五六七八九十]+)、"), "chineseCounting", "%1、"),
    (1, re.compile(r"^([（(])([一二三四五六七八九十]+)([）)])"), "chineseCounting", None),
    (2, re.compile(r"^(\d+)([.．、])(?!\d)"), "decimal", None),
    (3, re.compile(r"^([（(])(\d+)([）)])"), "decimal", None),
]
CN = "一二三四五六七八九十"


def _el(tag: str, **attrs: str) -> Any:
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


class WordLists:
    """Adds list definitions to a document and numbers paragraphs with them."""

    def __init__(self, doc: Any) -> None:
        self.root = doc.part.numbering_part.element
        self.next_abstract = 900
        self.next_num = 900

    def abstract(self, levels: dict[int, tuple[str, str]]) -> str:
        """Define a list; ``levels`` maps ilvl to (numFmt, lvlText). Returns its id."""
        abstract_id = str(self.next_abstract)
        self.next_abstract += 1
        el = _el("w:abstractNum", abstractNumId=abstract_id)
        el.append(_el("w:multiLevelType", val="multilevel"))
        for ilvl in range(9):
            fmt, text = levels.get(ilvl, ("decimal", f"%{ilvl + 1}."))
            lvl = _el("w:lvl", ilvl=str(ilvl))
            lvl.append(_el("w:start", val="1"))
            lvl.append(_el("w:numFmt", val=fmt))
            lvl.append(_el("w:lvlText", val=text))
            lvl.append(_el("w:suff", val="nothing"))
            lvl.append(_el("w:lvlJc", val="left"))
            el.append(lvl)
        first_num = self.root.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(el)
        else:
            self.root.append(el)
        return abstract_id

    def instance(self, abstract_id: str, restart: bool = False) -> str:
        """Add a ``w:num`` for the list; ``restart`` starts level 0 again at 1."""
        num_id = str(self.next_num)
        self.next_num += 1
        num = _el("w:num", numId=num_id)
        num.append(_el("w:abstractNumId", val=abstract_id))
        if restart:
            override = _el("w:lvlOverride", ilvl="0")
            override.append(_el("w:startOverride", val="1"))
            num.append(override)
        self.root.append(num)
        return num_id


def number_paragraph(paragraph: Any, num_id: str, ilvl: int) -> None:
    """Give ``paragraph`` automatic numbering from list ``num_id`` at level ``ilvl``."""
    ppr = paragraph._p.get_or_add_pPr()
    numpr = _el("w:numPr")
    numpr.append(_el("w:ilvl", val=str(ilvl)))
    numpr.append(_el("w:numId", val=num_id))
    ppr.insert(0, numpr)


class HeadingNumbering:
    """Turns printed heading numbers into automatic numbering when they follow the list
    Word would count; any heading that does not is left as printed."""

    def __init__(self, lists: WordLists) -> None:
        self.lists = lists
        self.templates: dict[int, str] = {}
        self.counters: dict[int, int] = {}
        self.num_id: str | None = None
        self.pending: list[tuple[Any, int]] = []

    def match(self, text: str) -> tuple[int, str, str] | None:
        """Return (level, lvlText, text without its number) when ``text`` continues the list."""
        for level, pattern, _fmt, template in HEADING_PATTERNS:
            m = pattern.match(text)
            if m is None:
                continue
            groups = m.groups()
            if len(groups) == 3:
                value_text, lvl_text = groups[1], f"{groups[0]}%{level + 1}{groups[2]}"
            else:
                value_text = groups[0]
                lvl_text = template or f"%{level + 1}{groups[1]}"
            value = number_value(value_text)
            if self.templates.setdefault(level, lvl_text) != lvl_text:
                return None
            if value != self.counters.get(level, 0) + 1:
                return None
            self.counters[level] = value
            for deeper in [k for k in self.counters if k > level]:
                del self.counters[deeper]
            return level, lvl_text, text[m.end() :]
        return None

    def finish(self) -> None:
        """Define the list from the templates seen and number the collected paragraphs."""
        if not self.pending:
            return
        levels = {lvl: (HEADING_PATTERNS[lvl][2], text) for lvl, text in self.templates.items()}
        num_id = self.lists.instance(self.lists.abstract(levels))
        for paragraph, level in self.pending:
            number_paragraph(paragraph, num_id, level)


# --- document ----------------------------------------------------------------------------


def _font(run_or_style: Any, name: str, size: float) -> None:
    run_or_style.font.name = name
    run_or_style.font.size = Pt(size)
    rpr = run_or_style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = _el("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), name)


def _unit_cells(task: dict[str, Any], columns: list[dict[str, Any]]) -> dict[int, str]:
    unit_cols = [c for c in columns if c["role"] in UNIT_ROLES and c["role"] != "leaders"]
    raw = task["responsibility_raw"] or ""
    out: dict[int, str] = {}
    if len(unit_cols) == 1:
        out[unit_cols[0]["index"]] = raw
    else:
        by_header = {c["header"]: c["index"] for c in unit_cols}
        for line in raw.split("\n"):
            header, sep, text = line.partition("：")
            if sep and header in by_header:
                out[by_header[header]] = text
        if raw and not out:  # one column filled: the raw has no header prefix
            role = next(r for r in ("lead", "responsible", "support") if task[r])
            out[next(c["index"] for c in unit_cols if c["role"] == role)] = raw
    for c in columns:
        if c["role"] == "leaders":
            out[c["index"]] = "、".join(task["leaders"])
    return out


def _printed_number(number: str | None) -> str:
    if not number:
        return ""
    if number[0] in "（(":
        return number
    return number + ("、" if number[0] in CN else ".")


def _task_rows(golden: dict[str, Any]) -> list[tuple[str, Any]]:
    """Rows of the table: ("section", text) or ("task", (cells, section path))."""
    columns = golden["columns"]
    width = len(columns)
    section_cols = [c["index"] for c in columns if c["role"] == "section"]
    has_number_col = any(c["role"] == "number" for c in columns)
    rows: list[tuple[str, Any]] = []
    heads_before: list[str] = []
    for task in golden["tasks"]:
        path = task["section"]
        split = max(0, len(path) - len(section_cols))
        heads, grouping = path[:split], path[split:]
        grouping += [""] * (len(section_cols) - len(grouping))
        for level, head in enumerate(heads):
            if heads_before[: level + 1] != heads[: level + 1]:
                rows.append(("section", head))
        heads_before = heads
        cells = [""] * width
        for col, value in zip(section_cols, grouping, strict=True):
            cells[col] = value
        units = _unit_cells(task, columns)
        for c in columns:
            i, role = c["index"], c["role"]
            if role == "number":
                cells[i] = task["number"] or ""
            elif role == "task":
                prefix = "" if has_number_col else _printed_number(task["number"])
                cells[i] = prefix + task["text"]
            elif i in units:
                cells[i] = units[i]
            elif role == "deadline":
                cells[i] = (task["deadline"] or {}).get("raw", "")
            elif role in ("criteria", "measures"):
                cells[i] = task[role]
            elif role == "extra":
                cells[i] = task["extra"].get(c["header"], "")
        rows.append(("task", (cells, path)))
    return rows


def _fill_cell(cell: Any, value: Any, lists: WordLists, item_list: str | None) -> None:
    items = value if isinstance(value, list) else [value] if value else []
    paragraph = cell.paragraphs[0]
    numbered = len(items) > 1
    num_id = lists.instance(item_list, restart=True) if numbered and item_list else None
    for k, item in enumerate(items):
        p = paragraph if k == 0 else cell.add_paragraph()
        if num_id is not None:
            number_paragraph(p, num_id, 0)
            p.add_run(item)
        else:
            p.add_run(f"{k + 1}.{item}" if numbered else item)


def _mark_header(row: Any) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(_el("w:tblHeader"))


def add_task_table(doc: Any, golden: dict[str, Any], lists: WordLists, options: Options) -> None:
    """Append the golden's task table, merged the way an office would merge it."""
    columns = golden["columns"]
    rows = _task_rows(golden)
    every = options.header_repeated_by_hand_every
    item_list = lists.abstract({0: ("decimal", "%1.")}) if options.items_as_word_lists else None
    layout: list[tuple[str, Any]] = []
    body_count = 0
    for kind, value in rows:
        if every and kind == "task" and body_count and body_count % every == 0:
            layout.append(("header", None))
        body_count += kind == "task"
        layout.append((kind, value))
    table = doc.add_table(rows=len(layout) + 1, cols=len(columns))
    table.style = "Table Grid"
    header = table.rows[0]
    _mark_header(header)
    for c in columns:
        header.cells[c["index"]].paragraphs[0].add_run(c["header"]).bold = True
    for r, (kind, value) in enumerate(layout, start=1):
        row = table.rows[r]
        if kind == "header":
            for c in columns:
                row.cells[c["index"]].paragraphs[0].add_run(c["header"]).bold = True
        elif kind == "section":
            merged = row.cells[0].merge(row.cells[-1])
            merged.paragraphs[0].add_run(value).bold = True
        else:
            cells, _ = value
            for i, text in enumerate(cells):
                _fill_cell(row.cells[i], text, lists, item_list)
    _merge_runs(table, layout, columns)


def _merge_runs(table: Any, layout: list[tuple[str, Any]], columns: list[dict[str, Any]]) -> None:
    """Merge equal cells of consecutive task rows vertically: grouping columns always,
    unit, deadline and item columns within one section."""
    for c in columns:
        if c["role"] != "section" and c["role"] not in MERGED_ROLES:
            continue
        i = c["index"]
        start: int | None = None
        for r in range(len(layout) + 1):
            kind, value = layout[r] if r < len(layout) else ("end", None)
            same = (
                start is not None
                and kind == "task"
                and value[0][i]
                and value[0][i] == layout[start][1][0][i]
                and (c["role"] == "section" or value[1] == layout[start][1][1])
            )
            if same:
                continue
            if start is not None and r - 1 > start:
                top, bottom = table.cell(start + 1, i), table.cell(r, i)
                for row_index in range(start + 2, r + 1):
                    cell = table.cell(row_index, i)
                    for p in list(cell.paragraphs):
                        p._p.getparent().remove(p._p)
                    cell._tc.append(OxmlElement("w:p"))
                top.merge(bottom)
            start = r if kind == "task" and value[0][i] else None


def _page_number_footer(section: Any) -> None:
    """Centre a ``— N —`` page number in the footer, as government documents print it."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("— ")
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"),
                       ("end", None)):  # fmt: skip
        run = paragraph.add_run()
        if kind is not None:
            run._r.append(_el("w:fldChar", fldCharType=kind))
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.text = text
            run._r.append(instr)
        else:
            run.add_text(text or "")
    paragraph.add_run(" —")


def build_docx(stem: str) -> Any:
    """Return the python-docx Document for the text sample ``stem``."""
    options = OPTIONS.get(stem, Options())
    golden = json.loads((GOLDEN / f"{stem}.json").read_text("utf-8"))
    text_doc = TextReader().read((TEXT / f"{stem}.txt").read_bytes())
    doc = new_document()
    _font(doc.styles["Normal"], BODY_FONT, 12 if golden["columns"] else 16)
    section = doc.sections[0]
    if golden["columns"]:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    _page_number_footer(section)
    lists = WordLists(doc)
    headings = HeadingNumbering(lists)
    table_blocks = [i for i, b in enumerate(text_doc.blocks) if isinstance(b, Table)]
    first_table = table_blocks[0] if table_blocks and golden["columns"] else None
    last_table = table_blocks[-1] if first_table is not None else None
    for i, block in enumerate(text_doc.blocks):
        if first_table is not None and last_table is not None and first_table <= i <= last_table:
            if i == first_table:
                add_task_table(doc, golden, lists, options)
            continue
        if isinstance(block, Table):
            for row in block.rows:
                doc.add_paragraph("\t".join(row.texts()))
            continue
        for line in block.text.split("\n"):
            matched = headings.match(line)
            if matched is not None:
                paragraph = doc.add_paragraph(matched[2])
                headings.pending.append((paragraph, matched[0]))
            else:
                paragraph = doc.add_paragraph(line)
            if golden["title"] and line == golden["title"]:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                _font(paragraph.runs[0], TITLE_FONT, 22)
    headings.finish()
    return doc


def build_all_docx() -> list[Path]:
    """Write ``samples/docx/<stem>.docx`` for every text sample with a golden."""
    out_dir = ROOT / "samples" / "docx"
    out_dir.mkdir(exist_ok=True)
    written = []
    for text in sorted(TEXT.glob("*.txt")):
        if not (GOLDEN / f"{text.stem}.json").exists():
            continue
        doc = build_docx(text.stem)
        doc.core_properties.author = "fengong samples"
        target = out_dir / f"{text.stem}.docx"
        doc.save(str(target))
        _normalise_zip(target)
        written.append(target)
    return written


def _normalise_zip(path: Path) -> None:
    """Rewrite the ZIP with fixed timestamps and metadata so rebuilding is reproducible."""
    import zipfile

    entries = []
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            entries.append((info.filename, archive.read(info.filename)))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(rb"<dcterms:(created|modified)[^<]*</dcterms:\1>", b"", data)
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)


def convert_with_soffice(source: Path, target_format: str, out_dir: Path) -> Path:
    """Convert ``source`` with LibreOffice into ``out_dir``; return the new file."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            ["soffice", f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
             "--convert-to", target_format, "--outdir", str(out_dir), str(source)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
    return out_dir / f"{source.stem}.{target_format.split(':')[0]}"


def _fit_tables(doc: Any, text_width: int) -> None:
    """Scale every table's column widths so the table fits ``text_width`` (EMU)."""
    for tbl in doc.element.body.iter(qn("w:tbl")):
        cols = list(tbl.iter(qn("w:gridCol")))
        total = sum(int(c.get(qn("w:w"), "0")) for c in cols)  # twips
        target = text_width // 635  # EMU → twips
        if not total or total <= target:
            continue
        factor = target / total
        for el in [*cols, *tbl.iter(qn("w:tcW")), *tbl.iter(qn("w:tblW"))]:
            if el.get(qn("w:w")) and el.get(qn("w:type"), "dxa") == "dxa":
                el.set(qn("w:w"), str(int(int(el.get(qn("w:w"))) * factor)))


def _remove_borders(doc: Any) -> None:
    """Draw no line around or inside any table: the table is left as aligned text."""
    for tbl in doc.element.body.iter(qn("w:tbl")):
        tbl_pr = tbl.find(qn("w:tblPr"))
        for old in tbl_pr.findall(qn("w:tblBorders")):
            tbl_pr.remove(old)
        borders = _el("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            borders.append(_el(f"w:{edge}", val="nil"))
        tbl_pr.append(borders)


def _portrait_a4(doc: Any) -> None:
    """Print on portrait A4 with wide margins, the tables scaled to fit."""
    from docx.shared import Cm

    for section in doc.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(3.2)
        section.top_margin = section.bottom_margin = Cm(3.5)
    _fit_tables(doc, text_width=Cm(21 - 6.4))


def build_all_pdf() -> list[Path]:
    """Write, from each DOCX sample, ``samples/pdf/<stem>.pdf`` as LibreOffice prints it;
    ``samples/pdf/variants/<stem>.pdf`` printed on portrait A4 with wide margins, so that
    the page breaks fall elsewhere in the same plan; and, for samples with a task table,
    ``samples/pdf/unruled/<stem>.pdf`` with the table's lines removed (aligned text)."""
    out_dir = ROOT / "samples" / "pdf"
    sources = sorted((ROOT / "samples" / "docx").glob("*.docx"))
    written = [convert_with_soffice(src, "pdf", out_dir) for src in sources]
    with tempfile.TemporaryDirectory() as tmp:
        for folder, change in (("variants", _portrait_a4), ("unruled", _remove_borders)):
            target = out_dir / folder
            target.mkdir(parents=True, exist_ok=True)
            for src in sources:
                doc = new_document(str(src))
                if folder == "unruled" and not doc.tables:
                    continue
                change(doc)
                doc.save(str(Path(tmp) / src.name))
                written.append(convert_with_soffice(Path(tmp) / src.name, "pdf", target))
    return written


def main(argv: list[str]) -> int:
    """Build the formats named on the command line (``docx``, ``pdf``)."""
    targets = argv or ["docx"]
    if "docx" in targets:
        for path in build_all_docx():
            print(path.relative_to(ROOT))
    if "pdf" in targets:
        for path in build_all_pdf():
            print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
