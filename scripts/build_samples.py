"""Build the DOCX and PDF copies of the plans from their hand transcriptions.

    python scripts/build_samples.py docx          # samples/docx/*.docx (the seed plans)
    python scripts/build_samples.py pdf           # samples/pdf/**/*.pdf (LibreOffice)
    python scripts/build_samples.py pdf-official  # one variant folder only (pdf-variants, …)
    python scripts/build_samples.py corpus        # tests/corpus/docx/*.docx
    python scripts/build_samples.py corpus-pdf    # tests/corpus/pdf/*.pdf (LibreOffice)
    python scripts/build_samples.py corpus-official  # tests/corpus/pdf/official/*.pdf
    python scripts/build_samples.py pdf-long      # samples/pdf/long/*.pdf (about 80 pages)

The source of every copy is a transcription made by hand from the document,
``tests/corpus/tables/<stem>.table.json`` (format: tests/corpus/tables/README.md), never
fengong's output: so the formats are compared with the document, not the code with itself.
The DOCX files are made the way offices make them: the prose around the table as
paragraphs, headings numbered by Word's automatic numbering (一、 （一） 1. （1）) where
the printed numbers follow the list, the task table with its header rows marked to repeat
on every page, merged cells where the document merges them, units one per paragraph,
section rows as one merged cell across the table, landscape pages for tables, CJK fonts,
``— N —`` page numbers.

Generated files are committed; run this script again after changing a transcription.
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

from fengong.interpret.numbering import number_value  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
TABLES = CORPUS / "tables"
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


def _fill_cell(cell: Any, text: str, lists: WordLists, item_list: str | None) -> None:
    """Write ``text`` into ``cell``, a paragraph per line; numbered lines (1. 2. …) become
    Word's automatic numbering when ``item_list`` is given, as offices type them."""
    lines = [line for line in text.split("\n") if line.strip()] if text else []
    numbered = (
        item_list is not None
        and len(lines) > 1
        and all(re.match(rf"{k}[.．、]", line) for k, line in enumerate(lines, 1))
    )
    num_id = lists.instance(item_list, restart=True) if numbered and item_list else None
    for k, line in enumerate(lines):
        p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        if num_id is not None:
            number_paragraph(p, num_id, 0)
            line = re.sub(r"^\d+[.．、]", "", line)
        p.add_run(line)


def _mark_header(row: Any) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(_el("w:tblHeader"))


def _table_layout(tr: dict[str, Any], options: Options) -> list[tuple[str, Any]]:
    """The table's rows in order: ("header", cells), ("section", text), ("task", cells);
    the header rows again every ``header_repeated_by_hand_every`` task rows, a merge the
    repeated header interrupts printed again below it (as one retypes it in Word)."""
    every = options.header_repeated_by_hand_every
    layout: list[tuple[str, Any]] = [("header", row) for row in tr["header"]]
    count = 0
    shown: dict[int, str] = {}  # the text of each column's last filled cell
    for row in tr["rows"]:
        if isinstance(row, dict):
            layout.append(("section", row["section"]))
            continue
        if every and count and count % every == 0:
            layout.extend(("header", h) for h in tr["header"])
            row = [shown.get(i, "") if c == "^" else c for i, c in enumerate(row)]
        count += 1
        shown.update((i, c) for i, c in enumerate(row) if c not in ("^", "<"))
        layout.append(("task", row))
    return layout


def add_task_table(doc: Any, tr: dict[str, Any], lists: WordLists, options: Options) -> None:
    """Append the transcription's table: header rows marked to repeat on every page, section
    rows as one cell across, ``<`` merged into the cell on its left and ``^`` into the
    cell above, lines of a cell as its paragraphs."""
    width = len(tr["header"][0])
    layout = _table_layout(tr, options)
    item_list = lists.abstract({0: ("decimal", "%1.")}) if options.items_as_word_lists else None
    table = doc.add_table(rows=len(layout), cols=width)
    table.style = "Table Grid"
    for r, (kind, value) in enumerate(layout):
        row = table.rows[r]
        if kind == "section":
            row.cells[0].merge(row.cells[-1]).paragraphs[0].add_run(value).bold = True
            continue
        if kind == "header" and r < len(tr["header"]):
            _mark_header(row)
        for i, text in enumerate(value):
            if text in ("<", "^"):
                continue
            _fill_cell(row.cells[i], text, lists, None if kind == "header" else item_list)
            if kind == "header":
                for run in row.cells[i].paragraphs[0].runs:
                    run.bold = True
    _apply_merges(table, layout, width)


def _apply_merges(table: Any, layout: list[tuple[str, Any]], width: int) -> None:
    """Merge ``<`` cells into their left neighbour, then runs of ``^`` into the cell above."""
    for r, (kind, value) in enumerate(layout):
        if kind == "section":
            continue
        for i in range(1, width):
            if value[i] == "<":
                start = i - 1
                while start > 0 and value[start] == "<":
                    start -= 1
                table.cell(r, start).merge(table.cell(r, i))
    for i in range(width):
        r = 0
        while r < len(layout):
            below = r + 1
            while (
                below < len(layout) and layout[below][0] != "section" and layout[below][1][i] == "^"
            ):
                below += 1
            if below - 1 > r and layout[r][0] != "section":
                table.cell(r, i).merge(table.cell(below - 1, i))
            r = below


def _page_number_footer(section: Any) -> None:
    """Centre a ``— N —`` page number in the footer, as government documents print it."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number(paragraph, spaced=True)


def _page_number(paragraph: Any, spaced: bool) -> None:
    """Append ``— N —`` (``—N—`` unless ``spaced``) with N Word's PAGE field."""
    paragraph.add_run("— " if spaced else "—")
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
    paragraph.add_run(" —" if spaced else "—")


def _add_paragraphs(doc: Any, lines: list[str], headings: HeadingNumbering) -> None:
    for line in lines:
        matched = headings.match(line)
        if matched is not None:
            headings.pending.append((doc.add_paragraph(matched[2]), matched[0]))
        else:
            doc.add_paragraph(line)


def build_docx(tr: dict[str, Any], options: Options) -> Any:
    """Return the python-docx Document for a transcription (tests/corpus/tables/README.md):
    the title centred, the paragraphs before and after the table with headings numbered by
    Word's automatic numbering, the table on landscape pages, CJK fonts, page numbers."""
    doc = new_document()
    has_table = bool(tr["header"])
    _font(doc.styles["Normal"], BODY_FONT, 12 if has_table else 16)
    section = doc.sections[0]
    if has_table:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    _page_number_footer(section)
    lists = WordLists(doc)
    headings = HeadingNumbering(lists)
    if tr.get("title"):
        title = doc.add_paragraph(tr["title"])
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(title.runs[0], TITLE_FONT, 22)
    _add_paragraphs(doc, tr.get("before", []), headings)
    if has_table:
        add_task_table(doc, tr, lists, options)
    _add_paragraphs(doc, tr.get("after", []), headings)
    headings.finish()
    return doc


def build_all_docx(which: str) -> list[Path]:
    """Write a DOCX for every transcription: the seeds' to ``samples/docx/<stem>.docx``
    (``which`` = "samples"), the corpus plans' to ``tests/corpus/docx/`` ("corpus")."""
    out_dir = ROOT / "samples" / "docx" if which == "samples" else CORPUS / "docx"
    out_dir.mkdir(exist_ok=True)
    written = []
    for path in sorted(TABLES.glob("*.table.json")):
        stem = path.name.removesuffix(".table.json")
        if stem.startswith("seed") != (which == "samples"):
            continue
        doc = build_docx(json.loads(path.read_text("utf-8")), OPTIONS.get(stem, Options()))
        doc.core_properties.author = "fengong samples"
        target = out_dir / f"{stem}.docx"
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


RUNNING_HEAD = "政务公开工作文件汇编"


def _official_furniture(doc: Any) -> None:
    """Print as GB/T 9704 has official documents printed: an ``附件1`` label above the
    title, the page number ``— N —`` right on odd pages and ``—N—`` left on even ones, a
    running head with the plan's title (or, for a plan without one, a collection's name)
    on every page."""
    first = next((p.text for p in doc.paragraphs if p.text.strip()), "")
    title = first if len(first) <= 40 else RUNNING_HEAD  # a plan without a title line
    label = doc.add_paragraph("附件1")._p  # moved to the top, before any table
    doc.element.body.remove(label)
    doc.element.body.insert(0, label)
    doc.settings.odd_and_even_pages_header_footer = True
    for section in doc.sections:
        for footer, align, spaced in (
            (section.footer, WD_ALIGN_PARAGRAPH.RIGHT, True),
            (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, False),
        ):
            footer.is_linked_to_previous = False
            paragraph = footer.paragraphs[0]
            for run in list(paragraph.runs):
                run._r.getparent().remove(run._r)
            _page_number(paragraph, spaced)
            paragraph.alignment = align
        for header in (section.header, section.even_page_header):
            header.is_linked_to_previous = False
            header.paragraphs[0].text = title
            header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER


def _official_portrait(doc: Any) -> None:
    """The official furniture on portrait A4 pages (the table cut at other places)."""
    _official_furniture(doc)
    _portrait_a4(doc)


# the printed variants of each seed plan, beside LibreOffice's plain print of its DOCX
VARIANTS: dict[str, Any] = {
    "variants": _portrait_a4,
    "unruled": _remove_borders,
    "official": _official_furniture,
    "official-portrait": _official_portrait,
}


def build_all_pdf(which: str) -> list[Path]:
    """Write, from each DOCX, a PDF as LibreOffice prints it. For the seeds (``which`` =
    "samples"): ``samples/pdf/<stem>.pdf``; ``samples/pdf/variants/<stem>.pdf`` printed on
    portrait A4 with wide margins, so that the page breaks fall elsewhere in the same plan;
    for plans with a table, ``samples/pdf/unruled/<stem>.pdf`` with the table's lines
    removed (aligned text); ``samples/pdf/official/<stem>.pdf`` with the page furniture of
    official documents, landscape tables, and ``official-portrait`` the same on portrait
    pages. For the corpus ("corpus"): ``tests/corpus/pdf/<stem>.pdf``. ``which`` may also
    name one variant folder, to build that one only."""
    if which in ("corpus", "corpus-official"):
        out_dir = CORPUS / "pdf" / ("official" if which == "corpus-official" else "")
        out_dir.mkdir(exist_ok=True)
        sources = sorted((CORPUS / "docx").glob("*.docx"))
        if which == "corpus":
            return [convert_with_soffice(src, "pdf", out_dir) for src in sources]
        return _print_changed(sources, _official_furniture, out_dir)
    out_dir = ROOT / "samples" / "pdf"
    sources = sorted((ROOT / "samples" / "docx").glob("*.docx"))
    written = []
    if which == "samples":
        written = [convert_with_soffice(src, "pdf", out_dir) for src in sources]
    folders = VARIANTS if which == "samples" else {which: VARIANTS[which]}
    for folder, change in folders.items():
        target = out_dir / folder
        target.mkdir(parents=True, exist_ok=True)
        with_table = [s for s in sources if folder != "unruled" or new_document(str(s)).tables]
        written += _print_changed(with_table, change, target)
    return written


def _print_changed(sources: list[Path], change: Any, out_dir: Path) -> list[Path]:
    """Print each DOCX to a PDF in ``out_dir`` after ``change`` (a function of the
    python-docx Document) has altered a copy of it."""
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for src in sources:
            doc = new_document(str(src))
            change(doc)
            doc.save(str(Path(tmp) / src.name))
            written.append(convert_with_soffice(Path(tmp) / src.name, "pdf", out_dir))
    return written


# long plans: a seed's table printed several times over, as an annual compilation would
# print it, for page breaks by the dozen and the memory of an 80-page parse
LONG = {"seed004_tsv_page-breaks_shifted-cell": 6}


def build_long_pdf() -> list[Path]:
    """Write ``samples/pdf/long/<stem>.pdf`` for each plan of ``LONG``: its transcription
    with the table's rows repeated, printed as an official document (about 80 pages)."""
    out_dir = ROOT / "samples" / "pdf" / "long"
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for stem, times in LONG.items():
            tr = json.loads((TABLES / f"{stem}.table.json").read_text("utf-8"))
            tr = {**tr, "rows": tr["rows"] * times}
            doc = build_docx(tr, OPTIONS.get(stem, Options()))
            _official_furniture(doc)
            source = Path(tmp) / f"{stem}.docx"
            doc.save(str(source))
            written.append(convert_with_soffice(source, "pdf", out_dir))
    return written


def main(argv: list[str]) -> int:
    """Build the copies named on the command line (``docx``, ``pdf``, ``corpus``,
    ``corpus-pdf``)."""
    targets = argv or ["docx"]
    written: list[Path] = []
    if "docx" in targets:
        written += build_all_docx("samples")
    if "pdf" in targets:
        written += build_all_pdf("samples")
    for folder in VARIANTS:
        if f"pdf-{folder}" in targets:
            written += build_all_pdf(folder)
    if "corpus" in targets:
        written += build_all_docx("corpus")
    if "corpus-pdf" in targets:
        written += build_all_pdf("corpus")
    if "corpus-official" in targets:
        written += build_all_pdf("corpus-official")
    if "pdf-long" in targets:
        written += build_long_pdf()
    for path in written:
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
