"""A check of a PDF's compressed streams before pdfminer inflates them.

pdfminer inflates a stream whole, in memory: a few hundred KB of Flate data that
inflates to gigabytes (a decompression bomb) would exhaust memory before any page is
read. ``check_streams`` inflates every Flate stream once, in bounded pieces, without
keeping the output, and refuses the file when one stream inflates more than
``max_zip_ratio`` times (beyond 1 MiB) or all of them together beyond
``max_unzipped_bytes`` — the same limits as for a DOCX's ZIP. Image streams are skipped:
pdfplumber never decodes them, and a blank scanned page compresses very well.
"""

from __future__ import annotations

import re
import zlib

from fengong.errors import TooLargeError
from fengong.parsers.limits import Limits, MiB

_STREAM_TOKENS = re.compile(rb"\bendstream\b|\bstream\r?\n")
_HEAD = 512  # bytes before ``stream`` searched for the stream's dictionary
_PIECE = 64 * 1024


def _inflated_size(packed: bytes, stop_after: int) -> int:
    """Return how many bytes ``packed`` inflates to, counting no further than just past
    ``stop_after``; a damaged stream counts what came out before the damage. Each input
    byte is fed at most once: input left after the stream's end (a stray byte before
    ``endstream``), or input the inflater does not take, ends the count."""
    inflater = zlib.decompressobj()
    size = 0
    try:
        for start in range(0, len(packed), _PIECE):
            chunk = packed[start : start + _PIECE]
            while chunk and not inflater.eof:
                out = inflater.decompress(chunk, _PIECE)
                size += len(out)
                if size > stop_after:
                    return size
                tail = inflater.unconsumed_tail
                if not out and len(tail) >= len(chunk):
                    return size  # no progress: nothing more will come of this input
                chunk = tail
            if inflater.eof:
                break
    except zlib.error:
        pass
    return size


def check_streams(data: bytes, limits: Limits) -> None:
    """Raise ``TooLargeError`` when the Flate streams of the PDF ``data`` would inflate
    past ``limits`` (see the module's docstring)."""
    total = 0
    start = head = None
    for token in _STREAM_TOKENS.finditer(data):
        if not token.group().startswith(b"endstream"):
            start, head = token.end(), data[max(0, token.start() - _HEAD) : token.start()]
            continue
        if start is None or head is None:
            continue
        head = head[head.rfind(b"obj") + 1 :]
        if b"FlateDecode" in head and b"/Image" not in head:
            packed = data[start : token.start()]
            per_stream = max(MiB, limits.max_zip_ratio * len(packed))
            budget = min(per_stream, limits.max_unzipped_bytes - total)
            size = _inflated_size(packed, budget)
            if size > per_stream:
                raise TooLargeError(
                    f"a stream of the PDF inflates more than {limits.max_zip_ratio} times "
                    "(--max-zip-ratio): refusing a likely decompression bomb"
                )
            total += size
            if total > limits.max_unzipped_bytes:
                raise TooLargeError(
                    f"the PDF's streams would inflate past {limits.max_unzipped_bytes // MiB}"
                    " MiB (--max-unzipped-mb)"
                )
        start = head = None
