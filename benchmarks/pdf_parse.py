"""PDF benchmark: fengong's parse of a PDF against bare pdfplumber table extraction.

    python benchmarks/pdf_parse.py [PDF] [--repeat N]

Both are measured in the same run, on the same file, two ways:

- *warm*: in this process, libraries imported and the unit dictionary loaded, per-cell
  caches emptied before each run, N pairs (each pair's order alternating), the median of the
  pairs' ratios with its quartiles, and each side's best time;
- *cold*: whole processes, as a shell loop runs them: ``fengong parse PDF -o OUT`` against a
  bare Python script that opens the PDF with pdfplumber and calls ``extract_tables()`` on
  every page, N pairs (each pair's order alternating), the median of the pairs' ratios
  with its quartiles (on a shared machine whose speed drifts, the spread is the honest
  part); with each process's peak memory as the kernel counted it. One unmeasured
  run of each comes first, with ``PYTHONDONTWRITEBYTECODE`` unset, so that both start from
  compiled bytecode as an installed package does (``pip install`` compiles it; an editable
  checkout under that variable would otherwise recompile fengong's source on every run).

The ratios are what matter. Targets (issue 13): cold <= 1.3x, warm <= 1.15x, peak memory
<= 100 MB on a long table PDF.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "samples" / "pdf" / "seed001_prose_then_pipe-table.pdf"


def bare_pdfplumber(data: bytes) -> int:
    """Extract the tables of every page with pdfplumber alone; return the page count."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            page.close()
        return len(pdf.pages)


def fengong_parse(data: bytes) -> int:
    """Parse the PDF into a Plan with fengong, its per-cell caches emptied first (a run
    must not reuse what the last run of the same file worked out); return the number of
    tasks."""
    from fengong.pipeline import parse_bytes

    for module in [m for name, m in sys.modules.items() if name.startswith("fengong.")]:
        for value in vars(module).values():
            info = getattr(value, "cache_info", None)
            if info is not None and info().maxsize not in (None, 1):  # not the loaders
                value.cache_clear()
    return len(parse_bytes(data, "benchmark.pdf").tasks)


def warm(repeat: int, data: bytes) -> tuple[list[float], list[float]]:
    """Time ``repeat`` pairs of in-process runs, the bare extraction and fengong's parse,
    each pair's order alternating (a machine whose speed drifts over seconds moves both
    runs of a pair alike); return both lists of times in seconds."""
    bare: list[float] = []
    ours: list[float] = []
    for i in range(repeat):
        pair = [(bare_pdfplumber, bare), (fengong_parse, ours)]
        for func, times in pair if i % 2 == 0 else pair[::-1]:
            start = time.perf_counter()
            func(data)
            times.append(time.perf_counter() - start)
    return bare, ours


def _spread(ratios: list[float]) -> str:
    """The median of paired ratios with its quartiles, as the report prints it."""
    low, _, high = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else ratios * 3
    return f"{statistics.median(ratios):.2f}x, median of the pairs' (quartiles {low:.2f}-{high:.2f}"


# A process that reports its own peak memory (KiB, Linux) on stderr as it exits.
_BARE = (
    "import sys,pdfplumber\n"
    "with pdfplumber.open(sys.argv[1]) as pdf:\n"
    "    for page in pdf.pages:\n"
    "        page.extract_tables()\n"
    "        page.close()\n"
)
_FENGONG = "import sys;from fengong.cli import main;sys.argv=['fengong',*sys.argv[1:]];main()"


def run_process(code: str, args: list[str]) -> tuple[float, int]:
    """Run ``python -c code args`` to its end; return its wall time (s) and peak KiB, the
    process's own, as the kernel counted it (``wait4``: whatever way the process ends)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        child = subprocess.Popen(
            [sys.executable, "-c", code, *args],
            stdout=subprocess.DEVNULL,
            stderr=errors,
            env=env,
        )
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"exit {child.returncode}: {errors.read().decode(errors='replace')}")
    return elapsed, usage.ru_maxrss


@dataclass
class Cold:
    """Whole-process wall times (s) and peak memory (KiB) of both, run in pairs."""

    bare: list[float] = field(default_factory=list)
    ours: list[float] = field(default_factory=list)
    bare_kib: int = 0
    our_kib: int = 0

    def paired_ratios(self) -> list[float]:
        """fengong's time over the bare script's, pair by pair: a machine whose speed
        drifts over seconds moves both runs of a pair alike."""
        return [o / b for o, b in zip(self.ours, self.bare, strict=True)]


def cold(pdf: Path, repeat: int) -> Cold:
    """Run the bare script and fengong as whole processes ``repeat`` times each, in
    pairs, each pair's order alternating."""
    out = Path(tempfile.mkdtemp()) / "plan.json"
    found = Cold()
    run_process(_BARE, [str(pdf)])  # bytecode written, file in the page cache
    run_process(_FENGONG, ["parse", str(pdf), "-o", str(out)])
    for i in range(repeat):
        for which in ("bare", "ours") if i % 2 == 0 else ("ours", "bare"):
            if which == "bare":
                t, kib = run_process(_BARE, [str(pdf)])
                found.bare.append(t)
                found.bare_kib = max(found.bare_kib, kib)
            else:
                t, kib = run_process(_FENGONG, ["parse", str(pdf), "-o", str(out)])
                found.ours.append(t)
                found.our_kib = max(found.our_kib, kib)
    return found


def main() -> int:
    """Run both ways, print the times, the ratios, pages per second and peak memory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    data = args.pdf.read_bytes()
    processes = cold(args.pdf, args.repeat)
    pages = bare_pdfplumber(data)
    tasks = fengong_parse(data)  # warm-up: imports, unit dictionary
    bare_times, our_times = warm(args.repeat, data)
    bare, ours = min(bare_times), min(our_times)
    print(f"file: {args.pdf.name} ({pages} pages, {tasks} tasks)")
    print(f"warm, {args.repeat} runs each in one process, in pairs (best of each shown):")
    print(f"  pdfplumber extract_tables: {bare:.3f} s  ({pages / bare:.1f} pages/s)")
    print(f"  fengong parse:             {ours:.3f} s  ({pages / ours:.1f} pages/s)")
    warm_ratios = [o / b for o, b in zip(our_times, bare_times, strict=True)]
    print(f"  ratio: {_spread(warm_ratios)}; target <= 1.15x)")
    bare_cold, our_cold = statistics.median(processes.bare), statistics.median(processes.ours)
    print(f"cold, median of {args.repeat} whole processes each, in pairs:")
    print(f"  bare pdfplumber script: {bare_cold:.3f} s, peak {processes.bare_kib / 1024:.0f} MiB")
    print(f"  fengong parse -o:       {our_cold:.3f} s, peak {processes.our_kib / 1024:.0f} MiB")
    print(f"  ratio: {_spread(processes.paired_ratios())}; target <= 1.30x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
