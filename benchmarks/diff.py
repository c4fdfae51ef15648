"""How long ``fengong diff`` takes on two plans of 400 tasks.

    python benchmarks/diff.py [--repeat R]

The old plan is 400 real tasks (texts, sections, units and deadlines as fengong read them
from the samples and the corpus of real plans). Two new plans are made from it:

- *revised*: what a year's revision looks like: 20 tasks removed, 20 added (real tasks of
  other plans), 40 reworded (a clause added), 40 with a unit added, a section of 25 tasks
  moved to the end, every task renumbered;
- *all reworded*: every task's text changed (a clause added to each), so no task keeps its
  text and every one must be scored against every other: the slowest case for the
  alignment.

It prints, for each, the time of ``fengong.compare.diff_plans`` on the two Plans in this
process (best and median of R runs; the target is under one second), and the time of a
whole ``fengong diff OLD.json NEW.json -f json`` command on the Plans saved as JSON (a new
process: Python start-up, imports, reading and validating both files).
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from fengong import parse  # noqa: E402
from fengong.compare import diff_plans  # noqa: E402
from fengong.schema import Plan, Task  # noqa: E402

CLAUSE = "，并于每季度末向领导小组报送工作进展情况"


def real_tasks() -> list[Task]:
    """Every task fengong reads from the text samples and the corpus, in file order."""
    files = sorted((ROOT / "samples" / "text").glob("*.txt"))
    files += sorted((ROOT / "tests" / "corpus").glob("*.txt"))
    return [task for path in files for task in parse(path).tasks]


def plan_of(tasks: list[Task], template: Plan) -> Plan:
    """A Plan like ``template`` holding ``tasks``, numbered 1… in order."""
    numbered = [t.model_copy(update={"seq": i, "number": str(i)}) for i, t in enumerate(tasks, 1)]
    return template.model_copy(update={"tasks": numbered})


def revised(old: list[Task], spare: list[Task], rng: random.Random) -> list[Task]:
    """``old`` revised as the module's description says."""
    tasks = list(old)
    for index in sorted(rng.sample(range(len(tasks)), 20), reverse=True):
        del tasks[index]
    for task in spare[:20]:
        tasks.insert(rng.randrange(len(tasks) + 1), task)
    for index in rng.sample(range(len(tasks)), 40):
        tasks[index] = tasks[index].model_copy(update={"text": tasks[index].text + CLAUSE})
    for index in rng.sample(range(len(tasks)), 40):
        task = tasks[index]
        tasks[index] = task.model_copy(update={"support": [*task.support, "市统计局"]})
    start = rng.randrange(len(tasks) - 25)
    return tasks[:start] + tasks[start + 25 :] + tasks[start : start + 25]


def timed(old: Plan, new: Plan, repeat: int) -> tuple[float, float, str]:
    """Best and median seconds of ``diff_plans(old, new)``, and its summary."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = diff_plans(old, new)
        times.append(time.perf_counter() - start)
    s = result.summary
    summary = f"{s.matched} matched ({s.changed} changed), {s.added} added, {s.removed} removed"
    return min(times), statistics.median(times), summary


def command_seconds(old: Plan, new: Plan, repeat: int = 3) -> float:
    """Median seconds of a whole ``fengong diff OLD.json NEW.json -f json`` run."""
    script = Path(sys.executable).with_name("fengong")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "fengong"]
    with tempfile.TemporaryDirectory() as folder:
        old_path, new_path = Path(folder, "old.json"), Path(folder, "new.json")
        old_path.write_text(old.model_dump_json(), "utf-8")
        new_path.write_text(new.model_dump_json(), "utf-8")
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run([*command, "diff", str(old_path), str(new_path), "-f", "json"],
                           capture_output=True, check=False)  # fmt: skip
            times.append(time.perf_counter() - start)
        return statistics.median(times)


def main() -> None:
    """Build the plans, time the comparisons and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(15)
    pool = real_tasks()
    rng.shuffle(pool)
    old_tasks, spare = pool[:400], pool[400:]
    template = parse(next((ROOT / "samples" / "text").glob("seed004_*.txt")))
    old = plan_of(old_tasks, template)
    cases = {
        "revised": plan_of(revised(old_tasks, spare, rng), template),
        "all reworded": plan_of(
            [t.model_copy(update={"text": t.text + CLAUSE}) for t in old_tasks], template
        ),
    }
    print(f"{len(pool)} real tasks; old plan {len(old.tasks)} tasks")
    for name, new in cases.items():
        best, median, summary = timed(old, new, args.repeat)
        whole = command_seconds(old, new)
        print(
            f"{name:>13}: {len(new.tasks)} tasks, {summary}\n"
            f"{'':>15}diff_plans best {best:.3f} s, median {median:.3f} s "
            f"(of {args.repeat}); whole command on saved JSON {whole:.2f} s (median of 3)"
        )


if __name__ == "__main__":
    main()
