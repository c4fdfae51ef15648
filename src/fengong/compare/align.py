"""Which task of the old plan is which task of the new one: an order-aware alignment on
the similarity of their texts.

1. Tasks whose texts are the same (``keys.match_key``) are matched, the k-th copy of a
   text in the old plan with the k-th in the new. The longest run of these matches that
   keeps the same order in both plans (a longest increasing subsequence) pins the two plans
   together: the *anchors*. Same-text matches outside it are tasks that moved.
2. The other tasks are scored against each other with ``rapidfuzz.fuzz.ratio`` (0–100).
   Pairs below the threshold are never matched: a task reworded that far counts as removed
   and added.
3. Pairs that lie between the same two anchors in both plans (the task stayed in its
   place) are matched first, best score first; then the remaining pairs anywhere (a task
   moved to another section), best score first. Each task is matched at most once; on
   equal scores the pair nearer the same relative position wins.

The rest of the old plan's tasks are removed, the rest of the new plan's added.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fengong.compare.keys import match_key

# chosen on real pairs of plans: see README.md, "fengong diff", and benchmarks/diff_threshold.py
DEFAULT_THRESHOLD = 50.0


@dataclass(frozen=True)
class Pair:
    """An old task (index into the old plan's tasks) matched to a new one, with the
    similarity of their texts (0–100)."""

    old: int
    new: int
    similarity: float


@dataclass(frozen=True)
class Alignment:
    """The matched pairs (in the new plan's order) and the indices of the old plan's tasks
    left unmatched (``removed``) and of the new plan's (``added``), each in order."""

    pairs: list[Pair]
    removed: list[int]
    added: list[int]


def align(
    old: Sequence[str], new: Sequence[str], threshold: float = DEFAULT_THRESHOLD
) -> Alignment:
    """Align the task texts ``old`` with ``new`` (see the module's description) and return
    which are matched, removed and added. ``threshold`` (0–100) is the lowest similarity
    at which two different texts can be the same task."""
    old_keys = [match_key(text) for text in old]
    new_keys = [match_key(text) for text in new]
    exact = same_text_pairs(old_keys, new_keys)
    anchors = increasing_run(exact)
    matched = {p.old: p for p in exact}
    taken_new = {p.new for p in exact}
    free_old = [i for i in range(len(old)) if i not in matched]
    free_new = [j for j in range(len(new)) if j not in taken_new]
    candidates = scored_pairs(old_keys, new_keys, free_old, free_new, threshold)
    old_gap = _gap_finder([p.old for p in anchors])
    new_gap = _gap_finder([p.new for p in anchors])
    in_place = [c for c in candidates if old_gap(c.old) == new_gap(c.new)]
    rank = _ranking(len(old), len(new))
    for pool in (in_place, candidates):
        for pair in sorted(pool, key=rank):
            if pair.old not in matched and pair.new not in taken_new:
                matched[pair.old] = pair
                taken_new.add(pair.new)
    return Alignment(
        pairs=sorted(matched.values(), key=lambda p: p.new),
        removed=[i for i in range(len(old)) if i not in matched],
        added=[j for j in range(len(new)) if j not in taken_new],
    )


def same_text_pairs(old_keys: Sequence[str], new_keys: Sequence[str]) -> list[Pair]:
    """Return the pairs of equal keys, the k-th occurrence of a key in ``old_keys`` with
    its k-th occurrence in ``new_keys``, in the new order (similarity 100)."""
    waiting: dict[str, deque[int]] = defaultdict(deque)
    for i, key in enumerate(old_keys):
        waiting[key].append(i)
    pairs = []
    for j, key in enumerate(new_keys):
        if waiting.get(key):
            pairs.append(Pair(waiting[key].popleft(), j, 100.0))
    return pairs


def increasing_run(pairs: Sequence[Pair]) -> list[Pair]:
    """Return the longest subsequence of ``pairs`` (given in increasing new order) whose
    old indices increase too: the matches that kept their order (patience sorting,
    O(n log n))."""
    tails: list[int] = []  # old index ending the best run of each length
    tail_at: list[int] = []  # position in pairs of that run's last pair
    before: list[int] = [-1] * len(pairs)
    for position, pair in enumerate(pairs):
        length = bisect_left(tails, pair.old)
        if length == len(tails):
            tails.append(pair.old)
            tail_at.append(position)
        else:
            tails[length] = pair.old
            tail_at[length] = position
        before[position] = tail_at[length - 1] if length else -1
    run = []
    position = tail_at[-1] if tail_at else -1
    while position >= 0:
        run.append(pairs[position])
        position = before[position]
    return run[::-1]


def scored_pairs(
    old_keys: Sequence[str], new_keys: Sequence[str], old: Sequence[int], new: Sequence[int],
    threshold: float,
) -> list[Pair]:  # fmt: skip
    """Return every pair of the tasks ``old`` × ``new`` (indices into the keys) whose
    similarity (``rapidfuzz.fuzz.ratio``: 100 × (1 − insertions and deletions needed / total
    length)) is at least ``threshold``."""
    if not old or not new:
        return []
    from rapidfuzz import fuzz, process

    choices = [new_keys[j] for j in new]
    pairs: list[Pair] = []
    for i in old:
        found = process.extract(
            old_keys[i], choices, scorer=fuzz.ratio, score_cutoff=threshold, limit=None
        )
        pairs.extend(Pair(i, new[k], round(score, 1)) for _, score, k in found)
    return pairs


def _gap_finder(anchor_positions: list[int]) -> Callable[[int], int]:
    """Return a function giving, for a task's index, how many anchors come before it: two
    tasks with the same count (one in each plan) stand between the same two anchors."""

    def gap(index: int) -> int:
        return bisect_right(anchor_positions, index)

    return gap


def _ranking(old_count: int, new_count: int) -> Callable[[Pair], tuple[float, float, int, int]]:
    """Return the sort key giving the order in which candidate pairs are taken: best
    similarity first, then the smaller difference of relative positions, then document
    order."""

    def rank(pair: Pair) -> tuple[float, float, int, int]:
        drift = abs(pair.old / max(old_count, 1) - pair.new / max(new_count, 1))
        return (-pair.similarity, drift, pair.new, pair.old)

    return rank
