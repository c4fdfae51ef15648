"""How the default threshold of ``fengong diff`` was chosen: the alignment run on real
pairs of related plans, against an alignment made by hand, at thresholds from 25 to 80.

    python benchmarks/diff_threshold.py

The pairs are plans in ``samples/text`` and ``tests/corpus`` that share tasks: three
2018 政务公开 plans of different bodies that carry out the same provincial points (a
development zone, a township, a city commission: seed000, seed003, seed004, each pair
compared), one plan two years running (健康中国行动 2022 → 2023: 41 → 76; 鞍山 2024 →
2023: 14 → 16), a city's plan against a county-level city's (鞍山 16, 海城 15, 14), a city
plan against one bureau's share of it (台山 07 → 08), two bureaus carrying out the same
points (宣城 98 → 怀远 04), and pairs of one plan in simplified and traditional script
(20 → 23, 54 → 55, 60 → 64). Pairs with no task in common test false matches alone
(40 → 41, 40 → 76, 49 → 76, 40 → 49, 81 → 83, 02 → 98).

``MATCHES`` is the hand alignment: which task (seq) of the old plan is which of the new,
decided by reading both texts (the same commitment of the plan, however reworded), never
from fengong's output. ``EITHER`` lists pairs a reader could pair or not (one task merged
into another, the same topic with hardly a phrase in common): neither way counts as an
error. For each threshold the script counts the hand pairs found, those missed (shown as
removed and added) and the false matches (two different tasks shown as one changed task).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from fengong import parse  # noqa: E402
from fengong.compare.align import DEFAULT_THRESHOLD, align  # noqa: E402
from fengong.schema import Plan  # noqa: E402

Pairs = set[tuple[int, int]]


def _same(n: int, start: int = 1) -> Pairs:
    return {(i, i) for i in range(start, n + 1)}


# (old, new): (hand alignment as (old seq, new seq), pairs that may go either way)
MATCHES: dict[tuple[str, str], tuple[Pairs, Pairs]] = {
    ("seed000", "seed004"): (
        {(2, 3), (4, 2), (5, 5), (14, 12), (15, 22), (17, 24), (18, 25), (19, 26), (20, 27),
         (21, 28), (22, 29), (23, 34), (24, 35), (25, 36), (26, 37)},
        {(16, 22)},
    ),
    ("seed003", "seed004"): (
        {(2, 1), (3, 2), (4, 3), (5, 6), (6, 9), (8, 11), (10, 12), (12, 14), (13, 15),
         (15, 17), (19, 18), (20, 19), (21, 20), (22, 21), (23, 22), (24, 23), (26, 26),
         (27, 27), (28, 28), (29, 31), (30, 33), (31, 34), (32, 35), (34, 38), (35, 40)},
        {(14, 16), (14, 15), (25, 23)},
    ),
    ("seed000", "seed003"): (
        {(2, 4), (4, 3), (14, 10), (16, 23), (19, 26), (20, 27), (21, 28), (23, 31), (24, 32)},
        {(5, 5), (15, 23)},
    ),
    ("41", "76"): ({(1, 1), (2, 2), (3, 3), (4, 4)}, set()),
    ("14", "16"): (_same(5), set()),
    ("15", "16"): ({(1, 1), (2, 5), (3, 3), (4, 4), (5, 2)}, set()),
    ("14", "15"): ({(1, 1), (2, 5), (3, 3), (4, 4), (5, 2)}, set()),
    ("07", "08"): ({(1, 1), (2, 2), (4, 3), (5, 4), (7, 5), (8, 6)}, set()),
    ("98", "04"): ({(5, 3)}, {(4, 2), (6, 4), (6, 5)}),
    ("20", "23"): (_same(6), set()),
    ("54", "55"): (_same(6), set()),
    ("60", "64"): (_same(7), set()),
    ("40", "41"): (set(), set()),
    ("40", "76"): (set(), set()),
    ("49", "76"): (set(), set()),
    ("40", "49"): (set(), set()),
    ("81", "83"): (set(), set()),
    ("02", "98"): (set(), set()),
}  # fmt: skip


def load(stem: str) -> Plan:
    """The plan of a sample (``seed000``) or corpus document (``41``)."""
    sample = next((ROOT / "samples" / "text").glob(f"{stem}_*.txt"), None)
    return parse(sample or next((ROOT / "tests" / "corpus").glob(f"{stem}-*.txt")))


def score(plans: dict[str, Plan], threshold: float) -> tuple[int, int, int, list[str]]:
    """Return (hand pairs found, missed, false matches, descriptions of the errors)."""
    found = missed = false = 0
    errors = []
    for (a, b), (gold, either) in MATCHES.items():
        old, new = plans[a], plans[b]
        alignment = align([t.text for t in old.tasks], [t.text for t in new.tasks], threshold)
        got = {(old.tasks[p.old].seq, new.tasks[p.new].seq): p.similarity for p in alignment.pairs}
        for pair in sorted(gold):
            if pair in got:
                found += 1
            else:
                missed += 1
                errors.append(f"missed {a}#{pair[0]} -> {b}#{pair[1]}")
        for pair, similarity in sorted(got.items()):
            if pair not in gold and pair not in either:
                false += 1
                errors.append(f"FALSE  {a}#{pair[0]} -> {b}#{pair[1]} ({similarity})")
    return found, missed, false, errors


def main() -> None:
    """Print, for each threshold, the hand pairs found, missed and the false matches."""
    stems = {stem for pair in MATCHES for stem in pair}
    plans = {stem: load(stem) for stem in sorted(stems)}
    total = sum(len(gold) for gold, _ in MATCHES.values())
    print(f"{len(MATCHES)} pairs of plans, {total} tasks matched by hand")
    print("threshold  found  missed  false")
    for threshold in range(25, 85, 5):
        found, missed, false, _ = score(plans, threshold)
        mark = "  <- default" if threshold == DEFAULT_THRESHOLD else ""
        print(f"{threshold:9}  {found:5}  {missed:6}  {false:5}{mark}")
    print(f"\nerrors at the default ({DEFAULT_THRESHOLD:g}):")
    for error in score(plans, DEFAULT_THRESHOLD)[3]:
        print("  " + error)


if __name__ == "__main__":
    main()
