"""A cell's value as Excel shows it under its number format (a Chinese-locale Excel).

Offices type deadlines as dates (``2024/6/30``, ``2024年6月30日``), numbers as numbers
(``1`` in a 序号 column, never ``1.0``) and percentages; a reader must print them as the
sheet shows them, not as the stored serial number. The common codes are handled: General,
``0``, ``0.00``, ``#,##0``, percentages, literal text, and dates and times with ``yyyy``
``m`` ``d`` ``h`` ``mm`` ``ss``, ``aaaa`` (星期), 上午/下午 and AM/PM, including the built-in
formats of Chinese Excel (ids 27–36 and 50–58, which openpyxl does not name).
"""

from __future__ import annotations

import datetime as dt
import re

# built-in formats of a Chinese-locale Excel that openpyxl leaves unnamed (→ "General")
CJK_BUILTIN = {
    27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: "m-d-yy",
    31: 'yyyy"年"m"月"d"日"', 32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"',
    34: '上午/下午h"时"mm"分"', 35: '上午/下午h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"',
    50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"',
    54: 'm"月"d"日"', 55: '上午/下午h"时"mm"分"', 56: '上午/下午h"时"mm"分"ss"秒"',
    57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
}  # fmt: skip
# codes whose meaning follows the system's locale, as a Chinese Windows shows them
_LOCALE_CODES = {
    "mm-dd-yy": "yyyy/m/d",
    "m/d/yy h:mm": "yyyy/m/d h:mm",
    "[$-f800]": 'yyyy"年"m"月"d"日"',
    "[$-f400]": "h:mm:ss",
}
_WEEKDAYS = "一二三四五六日"
_DATE_TOKENS = re.compile(
    r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]|上午/下午|AM/PM|A/P|yyyy|yy|e|mmmm|mmm|mm|m|dddd|ddd|dd|d'
    r"|aaaa|aaa|hh|h|ss|s|\.0+|.",
    re.I,
)


def _sections(code: str) -> list[str]:
    """The ``;``-separated sections of a format code (quotes respected)."""
    out, current, quoted = [], "", False
    for ch in code:
        if ch == '"':
            quoted = not quoted
        if ch == ";" and not quoted:
            out.append(current)
            current = ""
        else:
            current += ch
    return [*out, current]


def is_date_code(code: str) -> bool:
    """Whether a format code shows a date or a time (y m d h s outside quotes and
    brackets)."""
    bare = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.', "", _sections(code)[0])
    return bool(re.search(r"[ymdhse]|aaa|上午", bare, re.I)) and "General" not in bare


def general(value: float) -> str:
    """A number in Excel's General format: integers whole, others to ten significant
    digits without trailing zeros."""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = f"{value:.10g}"
    return text if "e" not in text else f"{value:.5E}"


def _literal(token: str) -> str:
    if token.startswith('"'):
        return token[1:-1]
    if token.startswith("\\"):
        return token[1:]
    if token[:1] in ("_", "*"):
        return " " if token[0] == "_" else ""
    if token.startswith("["):
        return ""
    return token


def format_date(value: dt.datetime | dt.date | dt.time, code: str) -> str:
    """A date or time as ``code`` shows it."""
    key = code.lower()
    code = next((v for k, v in _LOCALE_CODES.items() if key.startswith(k)), code)
    if not is_date_code(code):
        code = "yyyy/m/d" if not isinstance(value, dt.time) else "h:mm:ss"
        if isinstance(value, dt.datetime) and value.time() != dt.time():
            code += " h:mm"
    stamp = (
        value
        if isinstance(value, dt.datetime)
        else dt.datetime.combine(value, dt.time())
        if isinstance(value, dt.date)
        else dt.datetime.combine(dt.date(1900, 1, 1), value)
    )
    tokens = _DATE_TOKENS.findall(_sections(code)[0])
    twelve = any(t.upper() in ("AM/PM", "A/P", "上午/下午") for t in tokens)
    out: list[str] = []
    for k, token in enumerate(tokens):
        low = token.lower()
        if low in ("yyyy", "e"):
            out.append(f"{stamp.year}")
        elif low == "yy":
            out.append(f"{stamp.year % 100:02d}")
        elif low in ("m", "mm"):
            before = [t.lower() for t in tokens[:k] if t.lower()[:1] in "hsymd"]
            after = [t.lower() for t in tokens[k + 1 :] if t.lower()[:1] in "hsymd"]
            minute = (before[-1:] and before[-1][0] == "h") or (after[:1] and after[0][0] == "s")
            number = stamp.minute if minute else stamp.month
            out.append(f"{number:02d}" if low == "mm" else f"{number}")
        elif low in ("mmm", "mmmm"):
            out.append(f"{stamp.month}月")
        elif low in ("d", "dd"):
            out.append(f"{stamp.day:02d}" if low == "dd" else f"{stamp.day}")
        elif low in ("ddd", "dddd", "aaa", "aaaa"):
            day = _WEEKDAYS[stamp.weekday()]
            out.append(day if low == "aaa" else f"星期{day}")
        elif low in ("h", "hh"):
            hour = (stamp.hour % 12 or 12) if twelve else stamp.hour
            out.append(f"{hour:02d}" if low == "hh" else f"{hour}")
        elif low in ("s", "ss"):
            out.append(f"{stamp.second:02d}" if low == "ss" else f"{stamp.second}")
        elif token.upper() in ("AM/PM", "A/P"):
            out.append(("AM" if stamp.hour < 12 else "PM")[: 1 if token == "A/P" else 2])
        elif token == "上午/下午":
            out.append("上午" if stamp.hour < 12 else "下午")
        elif token.startswith("."):
            continue
        else:
            out.append(_literal(token))
    return "".join(out)


_NUMBER_TOKENS = re.compile(r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]|[0#?][0#?,]*(?:\.[0#?]*)?|\.[0#?]+|.')


def format_number(value: float, code: str) -> str:
    """A number as ``code`` shows it (General for codes without a digit pattern)."""
    sections = _sections(code)
    section = sections[0]
    if value < 0 and len(sections) > 1:
        section, value = sections[1], -value
    elif value == 0 and len(sections) > 2:
        section = sections[2]
    tokens = _NUMBER_TOKENS.findall(section)
    patterns = [t for t in tokens if t[:1] in "0#?" or (t[:1] == "." and len(t) > 1)]
    if not patterns:
        literals = "".join(_literal(t) for t in re.split(r"(?i)(general)", section)
                           if t.lower() != "general")  # fmt: skip
        shown = general(value)
        return (
            literals.replace("@", shown)
            if "@" in literals
            else (literals + shown if re.search(r"(?i)general|^\s*$", section) else literals)
        )
    pattern = patterns[0]
    scaled = value * 100 ** tokens.count("%")
    integer, _, decimals = pattern.partition(".")
    places = len(decimals)
    text = f"{scaled:,.{places}f}" if "," in integer else f"{scaled:.{places}f}"
    if decimals and set(decimals) == {"#"}:
        text = text.rstrip("0")  # Excel shows 2 under 0.## as "2."
    sign = "-" if text.startswith("-") else ""
    head, dot, tail = text.lstrip("-").partition(".")
    zeros = integer.count("0")
    if zeros == 0 and head == "0" and tail:
        head = ""  # "#.00" shows 0.5 as .50
    elif "," not in integer:
        head = head.zfill(zeros)
    body = sign + head + dot + tail
    out = []
    for k, token in enumerate(tokens):
        if token is pattern and k == tokens.index(pattern):
            out.append(body)
        elif token not in patterns:
            out.append(_literal(token))
    return "".join(out)
