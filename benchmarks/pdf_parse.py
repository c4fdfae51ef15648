"""PDF benchmark: fengong's parse of a long PDF against bare pdfplumber table extraction.

    python benchmarks/pdf_parse.py [PDF] [--repeat N]

Both are timed in the same run, on the same file, warm (libraries imported, the unit
dictionary loaded), best of N. The ratio is what matters; the target is fengong within
1.3× of pdfplumber's ``extract_tables`` over every page.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
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
    """Parse the PDF into a Plan with fengong; return the number of tasks."""
    from fengong.pipeline import parse_bytes

    return len(parse_bytes(data, "benchmark.pdf").tasks)


def best_of(repeat: int, func, data: bytes) -> float:  # type: ignore[no-untyped-def]
    """Return the fastest of ``repeat`` timed calls of ``func(data)``, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func(data)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    """Run both, print the times, the ratio and pages per second."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    data = args.pdf.read_bytes()
    pages = bare_pdfplumber(data)
    tasks = fengong_parse(data)  # warm-up: imports, unit dictionary
    bare = best_of(args.repeat, bare_pdfplumber, data)
    ours = best_of(args.repeat, fengong_parse, data)
    print(f"file: {args.pdf.name} ({pages} pages, {tasks} tasks)")
    print(f"pdfplumber extract_tables: {bare:.3f} s  ({pages / bare:.1f} pages/s)")
    print(f"fengong parse:             {ours:.3f} s  ({pages / ours:.1f} pages/s)")
    print(f"ratio: {ours / bare:.2f}x (target <= 1.30x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
