"""Batch and start-up benchmark for the command line.

    python benchmarks/batch.py [--files N] [--repeat R]

Builds a folder of N plan files (default 200: copies of every sample, text, DOCX and PDF,
round-robin in sub-folders) and measures, in one run:

- ``fengong parse DIR -o OUT --jobs 1`` and ``--jobs 2`` against the sum of N single
  ``fengong parse FILE -o OUT`` runs (what a shell loop costs);
- the cold start of ``fengong --help`` and of a one-file text parse against
  ``python -c pass`` (best of R).

Every result is printed as a ratio of times measured here. Targets: ``--help`` within
0.35 s of a bare Python start; ``--jobs 2`` at least 1.7x faster than ``--jobs 1`` on
two cores.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
TEXT_SAMPLE = SAMPLES / "text" / "seed002_tab-cells_section-rows.txt"


def fengong_command() -> list[str]:
    """The installed ``fengong`` script beside this Python, else ``python -m fengong``."""
    script = Path(sys.executable).with_name("fengong")
    return [str(script)] if script.exists() else [sys.executable, "-m", "fengong"]


def timed(command: list[str]) -> float:
    """Run ``command`` (output discarded, failure raised); return its wall time in s."""
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def best_of(repeat: int, command: list[str]) -> float:
    """The fastest of ``repeat`` runs of ``command``, in seconds."""
    return min(timed(command) for _ in range(repeat))


def build_folder(folder: Path, count: int) -> list[Path]:
    """Fill ``folder`` with ``count`` copies of the samples (all formats, round-robin,
    ten to a sub-folder); return their paths."""
    samples = sorted(p for p in SAMPLES.rglob("*") if p.suffix in {".txt", ".docx", ".pdf"})
    files = []
    for index in range(count):
        sample = samples[index % len(samples)]
        target = folder / f"part{index // 10:03d}" / f"{index:04d}_{sample.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(sample, target)
        files.append(target)
    return files


def main() -> int:
    """Run the benchmark and print the results; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=200, help="files in the batch")
    parser.add_argument("--repeat", type=int, default=10, help="runs of each start-up")
    args = parser.parse_args()
    fengong = fengong_command()

    python = best_of(args.repeat, [sys.executable, "-c", "pass"])
    help_ = best_of(args.repeat, [*fengong, "--help"])
    one_text = best_of(args.repeat, [*fengong, "parse", str(TEXT_SAMPLE)])
    print(f"python -c pass         {python:6.3f} s")
    print(
        f"fengong --help         {help_:6.3f} s  (+{help_ - python:.3f} s, {help_ / python:.1f}x;"
        f" target: within 0.35 s)"
    )
    print(
        f"fengong parse one .txt {one_text:6.3f} s  (+{one_text - python:.3f} s, "
        f"{one_text / python:.1f}x)"
    )

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "plans"
        files = build_folder(folder, args.files)
        singles = 0.0
        for index, path in enumerate(files):
            singles += timed([*fengong, "parse", str(path), "-o", f"{tmp}/single/{index}.json"])
        batch = {}
        for jobs in (1, 2):
            out = Path(tmp) / f"out{jobs}"
            batch[jobs] = timed([*fengong, "parse", str(folder), "-o", str(out), "-q",
                                 "--jobs", str(jobs)])  # fmt: skip
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"
        print(f"\n{args.files} files ({cores} cores here)")
        print(f"sum of single parses   {singles:6.1f} s  ({args.files / singles:.1f} files/s)")
        print(
            f"batch --jobs 1         {batch[1]:6.1f} s  ({singles / batch[1]:.2f}x faster "
            "than single parses)"
        )
        print(
            f"batch --jobs 2         {batch[2]:6.1f} s  ({batch[1] / batch[2]:.2f}x faster "
            "than --jobs 1; target: 1.7x)"
        )
        same = all(
            (Path(tmp) / "out1" / p.relative_to(folder)).with_suffix(".json").read_bytes()
            == (Path(tmp) / "out2" / p.relative_to(folder)).with_suffix(".json").read_bytes()
            for p in files
        )
        print(f"--jobs 2 output identical to --jobs 1: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
