"""Score fengong on the corpus of real plans (tests/corpus/) against their hand-made gold.

Usage::

    python benchmarks/accuracy.py                 # every document, every format but scanned
    python benchmarks/accuracy.py --format text   # only the text copies
    python benchmarks/accuracy.py --show 12       # what differs, task by task, in 12-*.txt
    python benchmarks/accuracy.py --json          # the totals as JSON (for the regression test)
    python benchmarks/accuracy.py --format scanned  # the scans, read by OCR (slow)

The documents are the corpus plans (``tests/corpus/NN-slug.gold.json``) and the seed plans
(``tests/golden/seedNNN_slug.gold.json``). Each is read from its text copy (``NN-slug.txt``;
``samples/text/`` for the seeds) and, where they exist, from the DOCX and PDF copies that
``scripts/build_samples.py`` and the web pages and workbooks that
``scripts/build_web_samples.py`` make from hand transcriptions (``tests/corpus/docx/``,
``tests/corpus/pdf/``; ``samples/docx/``, ``samples/pdf/`` for the seeds). One line per
document and format, then ``TOTAL[format]`` lines, and last a ``TOTAL`` line over
everything.

How it scores:

- Tasks are matched in document order by their text: gold's ``text_prefix`` and the task's
  text, both without numbering, punctuation and white space, agree on the prefix's length.
- task-F1 over matched tasks; unit-F1 over the units each task names (all roles together;
  the units of unmatched tasks count as missed or spurious); role-acc: matched tasks whose
  lead, responsible and support sets are all exactly right, over all gold tasks.
- deadlines A/B: of the B gold tasks with a deadline, A are matched with the same raw text;
  sections C/D: of the D gold tasks, C are matched with the same section path; titles E/F:
  of the F documents, E are read with the gold's title (null when the page shows none).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
GOLDEN = ROOT / "tests" / "golden"
SAMPLES = ROOT / "samples"
ROLES = ("lead", "responsible", "support")
FORMATS = {"text": ".txt", "docx": ".docx", "pdf": ".pdf", "official": ".pdf", "html": ".html",
           "xlsx": ".xlsx", "scanned": ".pdf", "scanned-unruled": ".pdf"}  # fmt: skip
# where each format's copies live, under tests/corpus/ and samples/; "official": the PDF
# printed with the page furniture of official documents (GB/T 9704 page numbers, a running
# head, an 附件 label); "html": the page a site prints around the plan; "xlsx": the table
# as a workbook (scripts/build_web_samples.py); "scanned": image-only PDFs made from the PDF
# copies by scripts/build_scans.py, read by OCR (needs pip install 'fengong[ocr]');
# "scanned-unruled": scans of the tables drawn without lines
FOLDERS = {"docx": "docx", "pdf": "pdf", "official": "pdf/official", "html": "html",
           "xlsx": "xlsx", "scanned": "scanned", "scanned-unruled": "scanned/unruled"}  # fmt: skip
READERS = {"official": "pdf", "scanned": "pdf", "scanned-unruled": "pdf"}

_NUMBERING = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百]+[章节条部分项]|[一二三四五六七八九十百]+[、.．]"
    r"|[（(][一二三四五六七八九十百\d]+[）)][、.．]?|\d+(?:[.．]\d+)*[、.．）)]?"
    r"|[①-⑳]|[一二三四五六七八九十]是)\s*"
)
_NOISE = re.compile(r"[\s\W_]+")


def squeeze(text: str) -> str:
    """Text without its leading numbering, white space and punctuation."""
    return _NOISE.sub("", _NUMBERING.sub("", text or "", count=1))


def unit_key(name: str) -> str:
    """A unit as compared: no white space, full-width round brackets."""
    return re.sub(r"\s+", "", name).replace("(", "（").replace(")", "）").strip("，,；;。、")


@dataclass
class Score:
    """Counts for one document in one format, or a sum of them."""

    gold: int = 0
    found: int = 0
    matched: int = 0
    unit_tp: int = 0
    unit_fp: int = 0
    unit_fn: int = 0
    roles_right: int = 0
    deadlines: int = 0
    deadlines_right: int = 0
    sections_right: int = 0
    titles_right: int = 0
    documents: int = 0
    diffs: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        """Add another score's counts to this one."""
        for name in self.__dataclass_fields__:
            if name != "diffs":
                setattr(self, name, getattr(self, name) + getattr(other, name))

    @staticmethod
    def _f1(tp: int, fp: int, fn: int) -> float:
        return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0

    @property
    def task_f1(self) -> float:
        return self._f1(self.matched, self.found - self.matched, self.gold - self.matched)

    @property
    def unit_f1(self) -> float:
        return self._f1(self.unit_tp, self.unit_fp, self.unit_fn)

    @property
    def role_acc(self) -> float:
        return self.roles_right / self.gold if self.gold else 1.0

    def line(self) -> str:
        """The figures as one line."""
        return (
            f"task-F1 {self.task_f1:.3f} unit-F1 {self.unit_f1:.3f} role-acc {self.role_acc:.3f} "
            f"deadlines {self.deadlines_right}/{self.deadlines} "
            f"sections {self.sections_right}/{self.gold} "
            f"titles {self.titles_right}/{self.documents}"
        )

    def figures(self) -> dict[str, Any]:
        """The figures as plain data."""
        return {
            "task_f1": round(self.task_f1, 4),
            "unit_f1": round(self.unit_f1, 4),
            "role_acc": round(self.role_acc, 4),
            "deadlines": [self.deadlines_right, self.deadlines],
            "sections": [self.sections_right, self.gold],
            "titles": [self.titles_right, self.documents],
            "gold_tasks": self.gold,
            "documents": self.documents,
        }


def match_tasks(gold: list[dict[str, Any]], found: list[dict[str, Any]]) -> list[int | None]:
    """For each gold task, the index of the found task it matches (in order), or None."""
    keys = [squeeze(t.get("text", "")) for t in found]
    used: set[int] = set()
    out: list[int | None] = []
    cursor = 0
    for task in gold:
        prefix = squeeze(task["text_prefix"])
        hit = None
        order = list(range(cursor, len(keys))) + list(range(0, cursor))
        for j in order:
            if j in used or not keys[j]:
                continue
            n = min(len(prefix), len(keys[j]))
            if n >= min(6, len(prefix)) and keys[j][:n] == prefix[:n]:
                hit = j
                break
        if hit is not None:
            used.add(hit)
            cursor = hit + 1
        out.append(hit)
    return out


def _units(task: dict[str, Any], role: str) -> set[str]:
    return {unit_key(u) for u in task.get(role) or []}


def _all_units(task: dict[str, Any]) -> set[str]:
    return set().union(*(_units(task, r) for r in ROLES))


def score_plan(
    gold: dict[str, Any], tasks: list[dict[str, Any]], title: str | None = None
) -> Score:
    """Score one parsed plan's tasks (as plain dicts) and title against one gold file."""
    s = Score(gold=len(gold["tasks"]), found=len(tasks), documents=1)
    if squeeze(title or "") == squeeze(gold.get("title") or ""):
        s.titles_right = 1
    else:
        s.diffs.append(f"  title: gold {gold.get('title')!r} got {title!r}")
    matches = match_tasks(gold["tasks"], tasks)
    for g, j in zip(gold["tasks"], matches, strict=True):
        gold_units = _all_units(g)
        if g.get("deadline_raw"):
            s.deadlines += 1
        if j is None:
            s.unit_fn += len(gold_units)
            s.diffs.append(f"  missing: {g['text_prefix']}  {_roles_text(g)}")
            continue
        t = tasks[j]
        s.matched += 1
        got = _all_units(t)
        s.unit_tp += len(gold_units & got)
        s.unit_fn += len(gold_units - got)
        s.unit_fp += len(got - gold_units)
        if all(_units(g, r) == _units(t, r) for r in ROLES):
            s.roles_right += 1
        else:
            s.diffs.append(
                f"  roles:   {g['text_prefix']}\n    gold {_roles_text(g)}\n"
                f"    got  {_roles_text(t)}"
            )
        deadline = (t.get("deadline") or {}).get("raw")
        if g.get("deadline_raw") and squeeze(deadline or "") == squeeze(g["deadline_raw"]):
            s.deadlines_right += 1
        elif g.get("deadline_raw") or deadline:
            s.diffs.append(
                f"  deadline: {g['text_prefix']}: gold {g.get('deadline_raw')!r} got {deadline!r}"
            )
        if [squeeze(x) for x in g["section"]] == [squeeze(x) for x in t.get("section", [])]:
            s.sections_right += 1
        else:
            s.diffs.append(
                f"  section: {g['text_prefix']}: gold {g['section']} got {t.get('section')}"
            )
    matched = {j for j in matches if j is not None}
    for j, t in enumerate(tasks):
        if j not in matched:
            s.unit_fp += len(_all_units(t))
            s.diffs.append(f"  extra:   {t.get('text', '')[:30]}  {_roles_text(t)}")
    return s


def _roles_text(task: dict[str, Any]) -> str:
    return " ".join(f"{r}={sorted(task.get(r) or [])}" for r in ROLES if task.get(r))


def parse_tasks(path: Path, fmt: str) -> tuple[list[dict[str, Any]], str | None, str | None]:
    """fengong's tasks for one file as plain dicts, its title, and the error if it could not
    read it."""
    import fengong
    from fengong.batch import default_jobs
    from fengong.errors import FengongError

    try:
        jobs = default_jobs() if fmt.startswith("scanned") else 1  # OCR pages in parallel
        plan = fengong.parse(path, format=READERS.get(fmt, fmt), jobs=jobs)
    except FengongError as err:
        return [], None, f"{err.code}: {err}"
    return [t.model_dump(mode="json") for t in plan.tasks], plan.title, None


def documents(only: str | None = None) -> list[tuple[Path, dict[str, Any]]]:
    """The gold files (and their gold), corpus then seeds, optionally those whose name
    starts with ``only``."""
    out = []
    for path in [*sorted(CORPUS.glob("*.gold.json")), *sorted(GOLDEN.glob("*.gold.json"))]:
        if only and not path.name.startswith(only):
            continue
        out.append((path, json.loads(path.read_text(encoding="utf-8"))))
    return out


def copy_path(gold_path: Path, fmt: str) -> Path:
    """Where the ``fmt`` copy of a gold file's document lives (it may not exist)."""
    stem = gold_path.name.removesuffix(".gold.json")
    folder = FOLDERS.get(fmt, fmt)
    if gold_path.parent == GOLDEN:
        return SAMPLES / folder / f"{stem}{FORMATS[fmt]}"
    return CORPUS / f"{stem}.txt" if fmt == "text" else CORPUS / folder / f"{stem}{FORMATS[fmt]}"


def copies(gold_path: Path, formats: list[str]) -> list[tuple[str, Path]]:
    """The copies of one document that exist, as ``(format, path)``."""
    return [
        (fmt, copy_path(gold_path, fmt)) for fmt in formats if copy_path(gold_path, fmt).exists()
    ]


def run(
    formats: list[str], only: str | None = None, show: bool = False, out: Any = sys.stdout
) -> dict[str, Score]:
    """Score every document in every format; print the lines; return the totals by format
    and under ``"all"``."""
    totals: dict[str, Score] = {fmt: Score() for fmt in formats}
    for gold_path, gold in documents(only):
        for fmt, path in copies(gold_path, formats):
            tasks, title, error = parse_tasks(path, fmt)
            s = score_plan(gold, tasks, title)
            totals[fmt].add(s)
            if fmt == "scanned":  # the targets are per kind: tables, prose
                kind = "prose" if str(gold.get("layout", "")).startswith("prose") else "tables"
                totals.setdefault(f"scanned-{kind}", Score()).add(s)
            name = gold_path.name.removesuffix(".gold.json")
            extra = f"  ERROR {error}" if error else ""
            print(
                f"{name:<44} {fmt:<5} gold {s.gold:>3} found {s.found:>3} {s.line()}{extra}",
                file=out,
            )
            if show:
                print("\n".join(s.diffs), file=out)
    overall = Score()
    for fmt, total in totals.items():
        if total.documents:
            print(
                f"TOTAL[{fmt}] {total.line()} over {total.gold} gold tasks in "
                f"{total.documents} documents",
                file=out,
            )
        if fmt in formats:
            overall.add(total)
    print(
        f"TOTAL {overall.line()} over {overall.gold} gold tasks in {overall.documents} documents",
        file=out,
    )
    totals["all"] = overall
    return totals


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--format",
        action="append",
        choices=list(FORMATS),
        help="only this format (repeatable); default every format present",
    )
    ap.add_argument("--show", metavar="NN", help="print what differs for documents NN*")
    ap.add_argument("--json", action="store_true", help="print the totals as JSON")
    args = ap.parse_args(argv)
    formats = args.format or [f for f in FORMATS if not f.startswith("scanned")]  # OCR: asked for
    if args.json:
        import io

        totals = run(formats, out=io.StringIO())
        print(json.dumps({k: v.figures() for k, v in totals.items()}, indent=1))
        return 0
    run(formats, only=args.show, show=bool(args.show))
    return 0


if __name__ == "__main__":
    sys.exit(main())
