"""Check the real-plan corpus in tests/corpus/ before it is used or committed.

Usage: ``python scripts/corpus_check.py [FILE.gold.json ...]`` (default: every gold file).
``python scripts/corpus_check.py --url URL`` says whether an address is reserved.

Each ``NN-slug.gold.json`` must sit beside its ``NN-slug.txt``, hold the fields the benchmark
reads, name an address whose SHA-256 is not in ``../shared/corpus/RESERVED.sha256`` (those pages
are kept for independent evaluation), and every task's ``text_prefix`` must occur in the text
(compared without spaces and punctuation). Each table transcription in tables/ must have rows as
wide as its header and one task row per gold task. Prints one line per problem; exit 1 if any.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

from fengong.textnorm import remove_pinyin

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
RESERVED = ROOT.parent / "shared" / "corpus" / "RESERVED.sha256"
TASK_FIELDS = {
    "text_prefix",
    "section",
    "lead",
    "responsible",
    "support",
    "leaders",
    "deadline_raw",
}
PLAN_FIELDS = {"url", "layout", "title", "notes", "tasks"}
_NOISE = re.compile(r"[\s\W_]+")


def reserved_hashes() -> set[str]:
    """The SHA-256 hex digests of reserved addresses (empty when shared/ is not beside us)."""
    if not RESERVED.exists():
        return set()
    return {line.strip() for line in RESERVED.read_text().splitlines() if line.strip()}


def is_reserved(url: str) -> bool:
    """True when the address, exactly as found, is kept for independent evaluation."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest() in reserved_hashes()


def squeeze(text: str) -> str:
    """Text without white space and punctuation, for prefix comparison."""
    return _NOISE.sub("", text)


def check(gold_path: Path) -> list[str]:
    """Problems found in one gold file, as readable lines."""
    problems: list[str] = []
    name = gold_path.name
    text_path = gold_path.with_name(name.replace(".gold.json", ".txt"))
    if not text_path.exists():
        return [f"{name}: no {text_path.name} beside it"]
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        return [f"{name}: not JSON: {exc}"]
    missing = PLAN_FIELDS - gold.keys()
    if missing:
        problems.append(f"{name}: missing fields {sorted(missing)}")
    if is_reserved(gold.get("url", "")):
        problems.append(f"{name}: the address is RESERVED: remove this document")
    # pinyin readings after characters (區(qū)) are not text: docs/reading-rules.md
    body = squeeze(remove_pinyin(text_path.read_text(encoding="utf-8"))[0])
    for i, task in enumerate(gold.get("tasks", []), 1):
        if set(task) != TASK_FIELDS:
            problems.append(f"{name}: task {i}: fields {sorted(set(task) ^ TASK_FIELDS)} wrong")
            continue
        for role in ("section", "lead", "responsible", "support", "leaders"):
            if not isinstance(task[role], list):
                problems.append(f"{name}: task {i}: {role} must be a list")
        if not squeeze(task["text_prefix"]) or squeeze(task["text_prefix"]) not in body:
            problems.append(
                f"{name}: task {i}: text_prefix {task['text_prefix']!r} not in the text"
            )
    if not gold.get("tasks"):
        problems.append(f"{name}: no tasks")
    return problems


def check_transcription(path: Path) -> list[str]:
    """Problems in one table transcription (tests/corpus/tables/README.md): rows as wide
    as the header, one task row per gold task, each starting with the gold's prefix."""
    name = path.name
    stem = name.removesuffix(".table.json")
    gold_path = CORPUS / f"{stem}.gold.json"
    if not gold_path.exists():
        gold_path = ROOT / "tests" / "golden" / f"{stem}.gold.json"
    if not gold_path.exists():
        return [f"{name}: no gold for {stem}"]
    tr = json.loads(path.read_text(encoding="utf-8"))
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    problems = []
    width = len(tr["header"][0]) if tr["header"] else 0
    rows = [r for r in tr["rows"] if not isinstance(r, dict)]
    for k, row in enumerate([*tr["header"], *rows]):
        if len(row) != width:
            problems.append(f"{name}: row {k} has {len(row)} cells, the header {width}")
    if tr["header"] and len(rows) != len(gold["tasks"]):
        problems.append(f"{name}: {len(rows)} task rows, gold {len(gold['tasks'])} tasks")
    for k, (row, task) in enumerate(zip(rows, gold["tasks"], strict=False), 1):
        prefix = squeeze(task["text_prefix"])
        if not any(prefix[:6] in squeeze(cell) for cell in row):
            problems.append(f"{name}: row {k} holds no cell starting like {task['text_prefix']!r}")
    return problems


def main(argv: list[str]) -> int:
    if argv[:1] == ["--url"]:
        for url in argv[1:]:
            print(("RESERVED (skip it, do not open it): " if is_reserved(url) else "ok: ") + url)
        return 0
    paths = [Path(a) for a in argv] or sorted(CORPUS.glob("*.gold.json"))
    problems = [p for path in paths for p in check(path)]
    urls: dict[str, str] = {}
    for path in sorted(CORPUS.glob("*.gold.json")):
        url = json.loads(path.read_text(encoding="utf-8")).get("url", "")
        if url in urls:
            problems.append(f"{path.name}: same address as {urls[url]}")
        urls[url] = path.name
    if not argv:
        problems += [
            p
            for t in sorted((CORPUS / "tables").glob("*.table.json"))
            for p in check_transcription(t)
        ]
    print("\n".join(problems) or f"{len(paths)} gold files fine")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
