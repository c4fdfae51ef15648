"""Time and memory of OCR on the scanned samples (scripts/build_scans.py).

Usage::

    python benchmarks/ocr.py               # every scanned sample, pages in 2 processes
    python benchmarks/ocr.py --jobs 1      # one process
    python benchmarks/ocr.py --json        # the totals as JSON

One line per file (pages, seconds, seconds per page), then the total seconds per page and
the peak memory: the largest resident set of this process and of any worker process (each
worker holds its own engine). The goal (issue 16): at most 3 s per A4 page at 200 dpi on
2 cores, and at most 600 MB peak. Needs ``pip install 'fengong[ocr]'``.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCANS = sorted((ROOT / "samples" / "scanned").rglob("*.*")) + sorted(
    (ROOT / "tests" / "corpus" / "scanned").glob("*")
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jobs", type=int, default=2, help="processes reading pages (default 2)")
    ap.add_argument("--json", action="store_true", help="print the totals as JSON")
    args = ap.parse_args(argv)
    import fengong

    pages = 0
    seconds = 0.0
    for path in SCANS:
        start = time.perf_counter()
        plan = fengong.parse(path, jobs=args.jobs)
        took = time.perf_counter() - start
        count = plan.source.pages or 1
        pages += count
        seconds += took
        if not args.json:
            print(f"{path.name:<52} {count:>3} pages {took:7.1f} s {took / count:6.2f} s/page")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    totals = {
        "pages": pages,
        "seconds_per_page": round(seconds / max(pages, 1), 2),
        "peak_mb_main": round(own),
        "peak_mb_worker": round(workers),
        "jobs": args.jobs,
    }
    if args.json:
        print(json.dumps(totals))
    else:
        print(
            f"TOTAL {pages} pages, {totals['seconds_per_page']} s/page with {args.jobs} jobs; "
            f"peak {totals['peak_mb_main']} MB (main), "
            f"{totals['peak_mb_worker']} MB (largest worker)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
