"""Small pure functions that normalise Chinese text the same way for every format."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

_CJK_RANGES = (
    ("\u2e80", "\u2fdf"),  # radicals
    ("\u3000", "\u303f"),  # CJK punctuation
    ("\u3040", "\u30ff"),  # kana (rare, harmless)
    ("\u3400", "\u4dbf"),  # extension A
    ("\u4e00", "\u9fff"),  # unified ideographs
    ("\uf900", "\ufaff"),  # compatibility ideographs
    ("\ufe30", "\ufe4f"),  # compatibility forms
    ("\uff00", "\uffef"),  # full-width forms
    ("\u2014", "\u2026"),  # — ‘ ’ “ ” … as used in Chinese text
    ("\u2460", "\u24ff"),  # ① … enclosed numbers
)

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000\ufeff]+")
# a cell that is a figure: an amount, a count, a rate (5900, 171.70, 1,022, 139.1%)
FIGURE = re.compile(r"[\d.,]+%?")
_TERMINAL = set("。；;！!？?")


def is_cjk(ch: str) -> bool:
    """Return True when ``ch`` is a CJK ideograph, CJK punctuation or full-width form."""
    return any(lo <= ch <= hi for lo, hi in _CJK_RANGES)


def _glue(left: str, right: str) -> str:
    """Join two pieces: no space when either side touching the join is CJK."""
    if not left:
        return right
    if not right:
        return left
    if is_cjk(left[-1]) or is_cjk(right[0]):
        return left + right
    return left + " " + right


def squash_spaces(text: str) -> str:
    """Collapse white space in one line; drop it wherever it touches a CJK character.

    ``"2018 年政务公开 工作要点"`` becomes ``"2018年政务公开工作要点"``; ``"IPv6 and
    DNS"`` keeps its spaces.
    """
    parts = _SPACES.split(text.strip())
    out = ""
    for part in parts:
        out = _glue(out, part)
    return out


_NO_SPACE_AFTER = set("-/(（[【“‘_")
_NO_SPACE_BEFORE = set(")）]】”’,.;:!?%、，。；：！？")


def glue_lines(left: str, right: str) -> str:
    """Join a line to the line it wraps onto: no space next to a CJK character, after a
    hyphen or slash (``2016-`` + ``2020``) or an opening bracket, or before closing
    punctuation; one space between two words."""
    if left and right and (left[-1] in _NO_SPACE_AFTER or right[0] in _NO_SPACE_BEFORE):
        return left + right
    return _glue(left, right)


@lru_cache(maxsize=8192)  # pure, and asked again and again per cell
def join_lines(text: str) -> str:
    """Join wrapped lines into one: no space between CJK characters, one between words.

    Takes text with ``\\n`` line breaks; returns a single normalised line.
    """
    out = ""
    for line in text.split("\n"):
        out = glue_lines(out, squash_spaces(line))
    return out


def ends_sentence(text: str) -> bool:
    """Return True when ``text`` ends with sentence-closing punctuation (。；！？ or a
    closing bracket/quote after one)."""
    t = text.rstrip(" ）)”’」】>")
    return bool(t) and t[-1] in _TERMINAL


_HALF_TO_FULL_BRACKETS = str.maketrans({"(": "（", ")": "）"})


def full_width_brackets(text: str) -> str:
    """Turn half-width round brackets into full-width ones (``市发改委(物价局)``)."""
    return text.translate(_HALF_TO_FULL_BRACKETS)


def nfkc_digits(text: str) -> str:
    """Turn full-width digits and letters into ASCII ones (``２０１８`` → ``2018``)."""
    return "".join(
        unicodedata.normalize("NFKC", ch) if "\uff10" <= ch <= "\uff5a" else ch for ch in text
    )


_TRADITIONAL = str.maketrans(
    "牽頭責單負預協參與辦門處項務內標準則時間進執實認領導級們這為應當總計劃編號兩會聯廳區縣鎮鄉機關構",
    "牵头责单负预协参与办门处项务内标准则时间进执实认领导级们这为应当总计划编号两会联厅区县镇乡机关构",
)


@lru_cache(maxsize=1)
def _t2s() -> Any:
    try:
        import opencc
    except ImportError:  # the small table below still covers the role words
        return None
    return opencc.OpenCC("t2s")


# Frequent characters that only traditional script writes: a text with none of them is
# not traditional, and OpenCC (about 90 ms to load) is not needed for it.
_TRADITIONAL_HINT = re.compile(
    "[們個國這來時會對說過還後發學經見現當區縣鎮鄉機關構務實點進開動員從標導條題係歷處辦單"
    "門頭負責協參與衛計劃編號兩聯廳設規財稅監節組織綜報總體認識資護濟農產運輸優質險證據應無"
    "論義戰價擴張屬態類別級層練習議選舉職權範圍調檢測確執營銷積極項網絡電話視頻數雙創審備貿"
    "貸幣費統籌獻歲廣陽臺灣淨減滿齊樂療醫藥藝術傳廠礦災難]"
)


@lru_cache(maxsize=4096)
def simplify(text: str) -> str:
    """A simplified-character shadow of ``text`` of the same length, character for
    character (``牽頭責任單位`` → ``牵头责任单位``), through OpenCC's t2s tables. For
    matching only: the output keeps the text as printed."""
    shadow = text.translate(_TRADITIONAL)
    converter = _t2s() if _TRADITIONAL_HINT.search(text) else None
    if converter is None:
        return shadow
    converted = converter.convert(shadow)
    if len(converted) == len(shadow):
        return str(converted)
    return "".join(c if len(c := str(converter.convert(ch))) == 1 else ch for ch in shadow)


# A pinyin reading a mirror site printed after a character: 負(fù)責, 區（qū）
PINYIN_READING = re.compile(
    r"(?<=[\u3400-\u9fff])[（(][a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ][a-zü]{0,5}[）)]"
)


def remove_pinyin(text: str) -> tuple[str, int]:
    """``text`` without pinyin readings after characters, and how many were removed."""
    return PINYIN_READING.subn("", text)


# Characters a copy could not encode, printed as ``?`` (or U+FFFD) at a line's start, in
# front of its numbering (89: ``???(一)第一检查督导组``): no line of a plan starts with one.
_LOST_AT_LINE_START = re.compile(r"^[ \t\u3000]*[?？\ufffd]+(?=\S)", re.M)


def remove_lost_characters(text: str) -> tuple[str, int]:
    """``text`` without the runs of ``?`` that open lines, and how many lines had one."""
    return _LOST_AT_LINE_START.subn("", text)


# A numbering's full-width brackets garbled by a wrong decoding (10: ``（二）`` printed as
# ``。ǘ┩``, ``ㄎ澹┘``): a box-drawing character among a line's first four characters, after
# one to three others and before the text; no plan's line so starts (a table drawn with box
# characters starts with one).
_GARBLED_NUMBERING = re.compile(
    r"^[ \t\u3000]*[^\s\u2500-\u257f]{1,3}[\u2500-\u257f](?=[^\s\u2500-\u257f])", re.M
)


def remove_garbled_numbering(text: str) -> tuple[str, int]:
    """``text`` without the garbled numberings that open lines, and how many lines had one."""
    return _GARBLED_NUMBERING.subn("", text)


# a page number as official documents and copies print it: ``— 3 —``, ``—3—``, ``第3页``,
# ``3/12``, ``第 3 页 共 12 页``
_PAGE_NUMBER = re.compile(
    r"^[\s\-—–－_·•]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?"
    r"[\s\-—–－_·•]*$"
)


def is_page_number(text: str) -> bool:
    """A line that is only a page number, or only the rule around one (``———``)."""
    return not text.strip(" \t-—–－_·•") or bool(_PAGE_NUMBER.match(text))


# a page counter a document-sharing site prints inside the text (93: ``县农作第2页共4页物秸秆``)
_PAGE_COUNTER = re.compile(r"第\s*\d{1,4}\s*页\s*[/／,，]?\s*共\s*\d{1,4}\s*页")


def remove_page_counters(text: str) -> tuple[str, int]:
    """``text`` without ``第N页共M页`` counters, and how many were removed."""
    return _PAGE_COUNTER.subn("", text)


def normalise_name(name: str) -> str:
    """A name as SPEC rule 5 keeps it: no white space, full-width brackets, no trailing
    punctuation (``市发改委 (物价局)，`` → ``市发改委（物价局）``)."""
    return full_width_brackets(re.sub(r"\s+", "", name)).strip("，,；;。、:：/ ")


def bare_name(name: str) -> str:
    """A unit name normalised by ``normalise_name`` and without a trailing bracketed note
    (``市发改委 (物价局)`` → ``市发改委``)."""
    name = normalise_name(name)
    if name.endswith("）") and "（" in name:
        return name[: name.rindex("（")]
    return name


def names_matching(names: Iterable[str], query: str) -> list[str]:
    """Return the ``names`` that ``query`` names, in their order: the same name once both
    are normalised as SPEC.md says (white space, bracket width, trailing punctuation); when
    none is, those equal once a trailing bracketed note is left out on either side
    (``市发改委`` finds ``市发改委（物价局）``). How ``fengong units --unit`` and
    ``fengong diff --unit`` find a unit."""
    names = list(names)
    wanted = normalise_name(query)
    exact = [name for name in names if normalise_name(name) == wanted]
    if exact:
        return exact
    return [name for name in names if bare_name(name) == bare_name(wanted)]


def names_like(names: Iterable[str], query: str, limit: int = 5) -> list[str]:
    """Return up to ``limit`` of ``names`` that contain ``query`` or that it contains
    (brackets notes left out): suggestions when ``names_matching`` found nothing."""
    wanted = bare_name(query)
    return [name for name in names if wanted in name or bare_name(name) in wanted][:limit]
