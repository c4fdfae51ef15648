"""The grammar of item numbers, in one place.

How Chinese official documents number their outline and their rows, as regular-expression
pieces that every stage builds its patterns from: the text-table readers, the PDF
readers, the interpreter (``interpret/numbering.py`` reads the styles and their order),
``diff``'s keys. A change here (a new dot, a new bracket) reaches every stage at once.

Styles: ``一、`` (cn), ``（一）`` (cn-paren), ``1.`` ``1、`` ``1．`` ``1﹒`` (arabic),
``（1）`` (arabic-paren), ``①`` (circled), ``第一章`` (chapter).
"""

from __future__ import annotations

# the digits of a Chinese item number: 一 … 十, 十一 … 九十九
CN_DIGITS = "一二三四五六七八九十"
# every Chinese numeral a counted number may use (第一百零二条, 两)
CN_NUMERALS = CN_DIGITS + "百零〇两"
# what ends an item number: 1. 1．1、 and the small full stop 1﹒ of some copies
DOT_CHARS = ".．、﹒"
DOT = f"[{DOT_CHARS}]"
OPEN = "[（(]"
CLOSE = "[）)]"
# ① … ⑳ and ❶ … ❿
CIRCLED = r"[\u2460-\u2473\u2776-\u277f]"

CN_ITEM = rf"[{CN_DIGITS}]+、"  # 一、
CN_PAREN_ITEM = rf"{OPEN}[{CN_DIGITS}]+{CLOSE}"  # （一）
# what ends an arabic item number: 、 always (``2、2010年底前…``), a full stop only when no
# digit follows (``1.5`` is a number)
# a dot before a digit is a decimal point (1.5), not before a year (179: ``1.2009年底前,完成…``)
ITEM_DOT = r"(?:、|[.．﹒](?!\d)|[.．﹒](?=(?:19|20)\d\d年))"
ARABIC_ITEM = rf"\d+{ITEM_DOT}"  # 1. 1、, never the 1 of 1.5

# an item number at the start of a paragraph: 一、 （一） （1） 1. 1、
ITEM_NUMBER = rf"{CN_ITEM}|{OPEN}[{CN_DIGITS}\d]+{CLOSE}|{ARABIC_ITEM}"
# a heading's number: 一、 （一）
HEADING_NUMBER = rf"{CN_ITEM}|{CN_PAREN_ITEM}"
# a cell holding only a row's number: 12 12. 12、 （12）
ROW_NUMBER = rf"{OPEN}?\d{{1,3}}{CLOSE}?{DOT}?"


# --- numbers in Chinese, written and read ---------------------------------------------

_COUNTING = "〇一二三四五六七八九"


def to_chinese(n: int) -> str:
    """Return ``n`` in Chinese counting digits (``11`` → ``十一``, ``20`` → ``二十``)."""
    if n <= 0:
        return _COUNTING[0]
    if n >= 10000:
        return "".join(_COUNTING[int(d)] for d in str(n))
    out = ""
    units = [(1000, "千"), (100, "百"), (10, "十")]
    zero_pending = False
    for value, name in units:
        digit = n // value
        n %= value
        if digit:
            if zero_pending:
                out += "〇"
                zero_pending = False
            out += ("" if (value == 10 and digit == 1 and not out) else _COUNTING[digit]) + name
        elif out:
            zero_pending = True
    if n:
        out += ("〇" if zero_pending else "") + _COUNTING[n]
    return out


def cn_to_int(text: str) -> int | None:
    """Return the value of a Chinese numeral up to the hundreds (``二十三`` → 23)."""
    digits = {c: i for i, c in enumerate(_COUNTING)}
    digits.update({"零": 0, "两": 2})
    if not text or any(c not in digits and c not in "十百" for c in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = digits[ch]
    return total + current
