"""Compare ways of finding a plan's article in a web page, on the sample pages.

Usage (the other libraries are not fengong's dependencies: install them beside it)::

    pip install readability-lxml trafilatura selectolax
    python benchmarks/html_extractors.py [--runs N]

For every page in ``samples/html/`` (and ``tests/corpus/html/`` when built) and each way:

- chrome: how many of the site-chrome strings the page prints (menu, breadcrumb, 索引号
  block, print and share lines, footer; ``tests/test_formats_agree.py``'s list) are left
  in what the way extracts;
- tasks: how many of the gold tasks' opening words are found in it (squeezed text);
- spans: how many of the page's ``rowspan``/``colspan`` cells survive as such;
- plan: for ways that give HTML, the gold differences of fengong's Plan read from it;
- ms: the median time of one extraction.

``fengong`` is fengong's own reader (lxml, its chrome rules and text density);
``readability`` is readability-lxml's ``summary()``; ``trafilatura`` its ``extract`` with
tables as XML; ``selectolax`` only parses (it finds no article), timed against lxml's
parse for the same page.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.gold import load_gold, plan_differences  # noqa: E402
from tests.test_formats_agree import SITE_CHROME  # noqa: E402

from fengong.parsers.html.charset import decode_page  # noqa: E402

_NOISE = re.compile(r"[\s\W_]+")


def squeeze(text: str) -> str:
    """Text without white space and punctuation."""
    return _NOISE.sub("", text)


def _median_ms(run: Callable[[], Any], runs: int) -> tuple[Any, float]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = run()
        times.append((time.perf_counter() - start) * 1000)
    return result, statistics.median(times)


def fengong_way(html: str) -> tuple[str, str | None]:
    """fengong's reader: the article's text (and no HTML: it builds the Document itself)."""
    from fengong.document import Paragraph
    from fengong.parsers.html.reader import HtmlReader

    doc = HtmlReader().read(html.encode("utf-8"))
    parts = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            parts.append(block.text)
        else:
            parts += [c.text for row in block.rows for c in row.cells if c is not None]
    return "\n".join(parts), None


def readability_way(html: str) -> tuple[str, str | None]:
    """readability-lxml's summary: the article as HTML."""
    from lxml import html as lxml_html
    from readability import Document

    summary = Document(html).summary(html_partial=True)
    return lxml_html.fromstring(summary).text_content(), summary


def trafilatura_way(html: str) -> tuple[str, str | None]:
    """trafilatura's extract, tables kept, as XML (no HTML to read a Plan from)."""
    import trafilatura

    xml = trafilatura.extract(
        html, output_format="xml", include_tables=True, include_comments=False,
        favor_recall=True,
    )  # fmt: skip
    return re.sub(r"<[^>]+>", "\n", xml or ""), xml


def _spans_in(markup: str | None) -> int:
    return len(re.findall(r"\b(?:rowspan|colspan|span)=\"?(?:[2-9]|[1-9]\d)", markup or ""))


def fengong_spans(html: str) -> int:
    """The cells with a span > 1 in fengong's Document."""
    from fengong.document import Table
    from fengong.parsers.html.reader import HtmlReader

    doc = HtmlReader().read(html.encode("utf-8"))
    return sum(
        1
        for b in doc.blocks
        if isinstance(b, Table)
        for row in b.rows
        for c in row.cells
        if c is not None and (c.row_span > 1 or c.col_span > 1)
    )


def plan_of_html(markup: str, name: str) -> dict[str, Any]:
    """fengong's Plan (as JSON) read from ``markup``."""
    from fengong.pipeline import parse_bytes

    page = f'<html><head><meta charset="utf-8"></head><body>{markup}</body></html>'
    return json.loads(parse_bytes(page.encode("utf-8"), name).model_dump_json())  # type: ignore[no-any-return]


def main(argv: list[str]) -> int:
    """Print one line per page and way, then the totals per way."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    pages = sorted((ROOT / "samples" / "html").glob("*.html"))
    pages += sorted((ROOT / "tests" / "corpus" / "html").glob("*.html"))
    ways = {"fengong": fengong_way, "readability": readability_way, "trafilatura": trafilatura_way}
    totals: dict[str, list[float]] = {w: [0, 0, 0, 0, 0, 0] for w in ways}
    print(f"{'page':44} {'way':12} {'chrome':>6} {'tasks':>9} {'spans':>7} {'plan':>5} {'ms':>7}")
    for path in pages:
        stem = path.stem
        html = decode_page(path.read_bytes())[0]
        gold = load_gold(stem) if stem.startswith("seed") else None
        if gold is None:
            gold_path = ROOT / "tests" / "corpus" / f"{stem}.gold.json"
            gold = json.loads(gold_path.read_text("utf-8"))
        prefixes = [squeeze(t["text_prefix"])[:12] for t in gold["tasks"]]
        chrome_here = [c for c in SITE_CHROME if c in html]
        page_spans = _spans_in(html)
        for name, way in ways.items():
            try:
                (text, markup), ms = _median_ms(lambda w=way, h=html: w(h), args.runs)
            except Exception as err:  # a library that fails on a page is reported, not fatal
                print(f"{stem[:44]:44} {name:12} failed: {type(err).__name__}: {err}")
                continue
            flat = squeeze(text)
            chrome = sum(1 for c in chrome_here if c in text)
            found = sum(1 for p in prefixes if p and p in flat)
            spans = fengong_spans(html) if name == "fengong" else _spans_in(markup)
            if name == "fengong":
                from fengong.pipeline import parse_bytes

                plan = json.loads(parse_bytes(path.read_bytes(), stem).model_dump_json())
                diffs = len(plan_differences(plan, gold))
            elif name == "readability" and markup:
                diffs = len(plan_differences(plan_of_html(markup, stem), gold))
            else:
                diffs = -1
            shown = "-" if diffs < 0 else str(diffs)
            print(f"{stem[:44]:44} {name:12} {chrome:>3}/{len(chrome_here):<2} "
                  f"{found:>4}/{len(prefixes):<4} {spans:>3}/{page_spans:<3} {shown:>5} "
                  f"{ms:7.1f}")  # fmt: skip
            total = totals[name]
            for k, value in enumerate((chrome, len(chrome_here), found, len(prefixes), ms)):
                total[k] += value
            total[5] += max(diffs, 0)
    print()
    for name, (chrome, chrome_all, found, wanted, ms, diffs) in totals.items():
        print(
            f"TOTAL {name:12} chrome left {int(chrome)}/{int(chrome_all)}  tasks found "
            f"{int(found)}/{int(wanted)}  plan differences {int(diffs)}  time {ms:.0f} ms"
        )
    lxml_ms, lexbor_ms = _parse_times(pages, args.runs)
    print(f"parse only, every page: lxml {lxml_ms:.1f} ms, selectolax {lexbor_ms:.1f} ms")
    return 0


def _parse_times(pages: list[Path], runs: int) -> tuple[float, float]:
    """Milliseconds to parse every page (and walk its elements) with lxml and selectolax."""
    from lxml import etree

    texts = [decode_page(p.read_bytes())[0] for p in pages]

    def with_lxml() -> int:
        parser = etree.HTMLParser(encoding="utf-8")
        return sum(sum(1 for _ in etree.fromstring(t.encode(), parser).iter()) for t in texts)

    def with_selectolax() -> int:
        try:
            from selectolax.lexbor import LexborHTMLParser as Parser
        except ImportError:
            from selectolax.parser import HTMLParser as Parser
        return sum(sum(1 for _ in Parser(t).root.traverse()) for t in texts)  # type: ignore[union-attr]

    return _median_ms(with_lxml, runs)[1], _median_ms(with_selectolax, runs)[1]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
