"""Bytes → ``str`` for plain-text plans: BOMs, UTF-8, UTF-16 without BOM, GB18030.

Chinese plans copied out of Windows tools arrive as GBK/GB18030 as often as UTF-8; the
order below tries the strict decoders that rarely accept the wrong bytes first.
"""

from __future__ import annotations

import codecs

from fengong.errors import EncodingError, UnsupportedFormatError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess BOM-less UTF-16 from where the zero bytes fall (ASCII-heavy text)."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zeros > half * 0.3 and even_zeros < half * 0.05:
        return "utf-16-le"
    if even_zeros > half * 0.3 and odd_zeros < half * 0.05:
        return "utf-16-be"
    return None


def _readable_share(text: str) -> float:
    good = sum(
        1
        for ch in text
        if (ch.isascii() and (ch.isprintable() or ch in "\t\n\r"))
        or "\u4e00" <= ch <= "\u9fff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or "\u2010" <= ch <= "\u2027"
    )
    return good / max(1, len(text))


def _plausible_utf16(data: bytes) -> str | None:
    """Guess BOM-less UTF-16 of Chinese text: it decodes to ideographs and punctuation,
    which UTF-8 or GB18030 bytes read as UTF-16 do not."""
    if len(data) % 2:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            sample = data[:8192].decode(enc)
        except UnicodeDecodeError:
            continue
        if _readable_share(sample) >= 0.95:
            return enc
    return None


def _looks_big5(data: bytes) -> bool:
    """Big5 (the traditional-script mirrors of government sites) against GB18030: about a
    third of Big5 characters have a second byte in 0x40-0x7E, which GB2312 text never has
    and GBK text only for rare characters; the bytes must also decode as Big5 into
    readable text. (Big5 bytes decode as GB18030 too, into nonsense.)"""
    sample = data[:65536]
    pairs = trail_low = 0
    i = 0
    while i < len(sample) - 1:
        if sample[i] >= 0x81:
            pairs += 1
            trail_low += 0x40 <= sample[i + 1] <= 0x7E
            i += 2
        else:
            i += 1
    if pairs < 20 or trail_low < 0.15 * pairs:
        return False
    try:
        text = sample.decode("big5", errors="strict")
    except UnicodeDecodeError:
        try:
            text = sample[:-1].decode("big5", errors="strict")  # a character cut at the end
        except UnicodeDecodeError:
            return False
    return _readable_share(text) >= 0.95


def decode_text(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` with line endings normalised to ``\\n``.

    Raises ``EncodingError`` when no supported encoding fits and
    ``UnsupportedFormatError`` when the bytes are binary rather than text.
    """
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    candidates = [encoding] if encoding else []
    guessed = _utf16_without_bom(data)
    candidates += [guessed] if guessed else []
    candidates += ["utf-8"]
    plausible = _plausible_utf16(data)
    candidates += [plausible] if plausible else []
    candidates += ["big5", "gb18030"]
    for enc in candidates:
        if enc == "big5" and not _looks_big5(data):
            continue  # the byte scan runs only for text that is not UTF-8 or UTF-16
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_binary(text):
            continue
        name = "utf-8" if enc == "utf-8-sig" and not data.startswith(codecs.BOM_UTF8) else enc
        return text.replace("\r\n", "\n").replace("\r", "\n"), name
    if _looks_binary(data.decode("latin-1")):
        raise UnsupportedFormatError(
            "not a plan document we can read: the file holds binary data, not text, "
            "and is neither DOCX nor PDF"
        )
    raise EncodingError(
        "could not decode the text: it is not UTF-8, UTF-16, GB18030 or Big5; "
        "re-save it as UTF-8 and try again"
    )


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return "\x00" in sample or controls > len(sample) * 0.01
