"""The PDF stream guard (parsers/pdf/guard.py) counts what each Flate stream inflates to,
feeding every input byte at most once, whatever the stream holds after its end."""

from __future__ import annotations

import os
import zlib
from typing import Any

import pytest

from fengong.parsers.pdf import guard as pdf_guard
from fengong.parsers.pdf.guard import _inflated_size

_NEW_INFLATER = zlib.decompressobj
DATA = os.urandom(20_000) + b"a" * 300_000


@pytest.mark.parametrize("after_end", [b"\n", b"\r\n", b"xyz", b"\x00" * 70_000])
def test_input_left_after_the_streams_end_is_not_fed_again(after_end: bytes) -> None:
    # a stray byte before ``endstream`` (common after an embedded font) used to loop forever
    assert _inflated_size(zlib.compress(DATA) + after_end, 10**9) == len(DATA)


def test_a_stream_ending_exactly_at_the_output_piece() -> None:
    data = b"b" * (64 * 1024)
    assert _inflated_size(zlib.compress(data) + b"\n", 10**9) == len(data)


class _CountingInflater:
    """Wraps a zlib inflater and counts the input bytes given to it."""

    fed = 0

    def __init__(self) -> None:
        self._inner = _NEW_INFLATER()

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        _CountingInflater.fed += len(data)
        return self._inner.decompress(data, max_length)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


STREAMS = {
    "whole": zlib.compress(DATA),
    "stray bytes after the end": zlib.compress(DATA) + b"\r\n\n",
    "truncated": zlib.compress(DATA)[:5_000],
    "garbage": os.urandom(100_000),
    "a bomb": zlib.compress(b"\0" * 20_000_000),
    "two streams back to back": zlib.compress(DATA) + zlib.compress(DATA),
}


@pytest.mark.parametrize("name", STREAMS)
def test_no_stream_is_fed_to_the_inflater_more_than_once(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # bounded work: no input, however it ends, keeps the guard busier than inflating it once
    # (the output pieces of one input piece may hand its unconsumed tail back, at most 64 KiB
    # of input for each 64 KiB of output)
    packed = STREAMS[name]
    monkeypatch.setattr(pdf_guard.zlib, "decompressobj", _CountingInflater)
    _CountingInflater.fed = 0
    size = _inflated_size(packed, 10**9)
    pieces_out = size // (64 * 1024) + 2
    assert _CountingInflater.fed <= len(packed) + pieces_out * 64 * 1024
