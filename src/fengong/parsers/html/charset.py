"""A page's bytes → text: the encoding from a BOM, else from the page's own declaration
(``<meta charset>``, ``<meta http-equiv="Content-Type" content="…; charset=…">``, an XML
declaration), else guessed as for plain text.

Sites declare ``gb2312`` (or ``gbk``) and write characters outside it (traditional and rare
characters in names, ``—`` as GBK encodes it): every name of that family is read as
GB18030, which contains both. A declaration the bytes contradict (a page declaring UTF-8
that is GBK) is overruled by the bytes.
"""

from __future__ import annotations

import codecs
import re

from fengong.errors import EncodingError
from fengong.parsers.encoding import decode_text

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARATION = re.compile(
    rb"""<meta\b[^>]{0,300}?\bcharset\s*=\s*["']?\s*([a-z0-9_.:-]{2,40})"""
    rb"""|<\?xml\b[^>]{0,200}?\bencoding\s*=\s*["']([a-z0-9_.:-]{2,40})""",
    re.IGNORECASE,
)
_GB_FAMILY = frozenset(
    {"gb2312", "gb_2312", "gb_2312-80", "csgb2312", "gbk", "x-gbk", "cp936", "ms936",
     "windows-936", "euc-cn", "x-euc-cn", "chinese", "iso-ir-58", "gb18030", "hz-gb-2312"}
)  # fmt: skip
_DECLARATION_WINDOW = 8192  # sites put dozens of <meta> before the charset


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares near its top, as Python names it (gb2312 and its
    family as ``gb18030``), or None when it declares none Python knows."""
    m = _DECLARATION.search(data[:_DECLARATION_WINDOW])
    if m is None:
        return None
    label = (m.group(1) or m.group(2)).decode("ascii").lower()
    if label in _GB_FAMILY:
        return "gb18030"
    if label in ("big5", "big5-hkscs", "x-x-big5", "cn-big5"):
        return "big5hkscs"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_page(data: bytes) -> tuple[str, str, bool]:
    """Return ``(text, encoding, guessed)`` for a page's bytes: ``guessed`` is true when
    neither a BOM nor the page's declaration gave the encoding. Raises ``EncodingError``
    (or ``UnsupportedFormatError`` for binary data) when nothing fits."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding, False
    declared = declared_charset(data)
    if declared is not None:
        try:
            return data.decode(declared), declared, False
        except (UnicodeDecodeError, LookupError):
            pass  # the declaration is wrong: the bytes decide
    try:
        text, encoding = decode_text(data)
    except EncodingError:
        if declared is None:
            raise
        # a few broken bytes in a page that says what it is: keep the rest
        return data.decode(declared, errors="replace"), declared, True
    return text, encoding, True
