"""A web page → its article: what a site prints around a plan taken away.

Government sites wrap the article in chrome: a header and menus, a breadcrumb, the
政府信息公开 metadata block (索引号, 发布机构, 发布日期, 文号 …), a line with the date, the
font-size switch and print links, share links, a footer with 版权所有, 网站标识码 and the ICP
number. None of it is found by a site's class names (every site names them differently);
it is found by what it is:

- never shown: scripts, styles, forms' controls, frames, hidden elements (removed first);
- the metadata block: the smallest element holding two or more of its field labels, read
  for the plan's title, issuer and date (``Stated``) and removed;
- attachments: links to .doc .docx .pdf .wps .xls .xlsx files, listed with their text;
- chrome blocks: a short block whose own text is a breadcrumb, a footer line, a share or
  print line; a block whose text is nearly all links (menus, related articles);
- the article: from the body down, the child holding most of the text (links not
  counted) is followed while it holds most of its parent's; layout tables (tables that
  frame other tables, or a single cell) are looked through; a data table ends the descent.
  The title printed above the article (an ``<h1>`` or the line matching the page's
  ``<title>`` or the metadata block's 名称) is kept with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from fengong.document import Link, Stated

# tags whose content a browser never shows as text
INVISIBLE = (
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object",
    "embed", "applet", "svg", "math", "canvas", "audio", "video", "map", "select",
    "button", "input", "textarea", "head", "title", "meta", "link", "base",
)  # fmt: skip
BLOCK_TAGS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
     "blockquote", "pre", "section", "article", "main", "center", "address", "figure",
     "figcaption", "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "hr",
     "br", "header", "footer", "nav", "aside", "form", "fieldset", "legend", "details",
     "summary", "body", "html", "dir", "menu"}
)  # fmt: skip
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

# --- the metadata block ----------------------------------------------------------------

_TITLE_LABELS = ("名称", "标题", "文件名称", "信息名称", "公文名称", "文件标题")
_ISSUER_LABELS = (
    "发布机构", "发文机关", "发布单位", "发文单位", "制发机关", "成文机关", "发布部门",
)  # fmt: skip
_DATE_LABELS = ("成文日期", "发文日期", "印发日期", "发布日期", "发布时间", "生成日期")
_OTHER_LABELS = (
    "索引号", "文号", "发文字号", "主题分类", "主题词", "体裁分类", "组配分类", "服务对象",
    "有效性", "是否有效", "生效日期", "废止日期", "公开方式", "公开范围", "公开时限", "信息分类",
    "所属机构", "内容概述", "关键词", "来源", "信息来源", "分类", "统一编号", "登记号",
)  # fmt: skip
_LABELS = _TITLE_LABELS + _ISSUER_LABELS + _DATE_LABELS + _OTHER_LABELS
_LABEL_AT = re.compile(
    r"(?<![\u4e00-\u9fff])(" + "|".join(sorted(_LABELS, key=len, reverse=True)) + r")\s*[:：]"
)
_LABEL_CELL = re.compile(
    r"^\s*(" + "|".join(sorted(_LABELS, key=len, reverse=True)) + r")\s*[:：]?\s*(.*)$", re.S
)
_METADATA_MAX_CHARS = 800
_LABEL_SHARE = 0.3  # labels per piece of text: a block of fields, not an article naming two
_DATE = re.compile(r"(?:19|20)\d{2}\s*(?:[-/.年]\s*\d{1,2}\s*(?:[-/.月]\s*\d{1,2}\s*日?)?)?")

# --- chrome ------------------------------------------------------------------------------

CHROME = re.compile(
    r"^\s*(?:当前位置|您(?:现在)?(?:所在)?的位置|所在位置|当前页面|位置)\s*[:：]"
    r"|^\s*(?:首页|主页|网站首页)\s*(?:[>＞»›→]|&gt;)"
    r"|版权所有\s*[:：©]?|Copyright|©|网站标识码|[A-Za-z\u4e00-\u9fff]ICP备|ICP证|公网安备"
    r"|(?:主办|承办|协办)单位\s*[:：]|技术支持\s*[:：]|网站地图|联系我们|隐私(?:声明|政策)"
    r"|^\s*分享到|分享至|打印本页|打印本文|【\s*打印\s*】|\[\s*打印\s*\]|关闭窗口|【\s*关闭\s*】"
    r"|【\s*字体|字号\s*[:：]\s*大|扫一扫|浏览次数|阅读次数|访问次数|点击数\s*[:：]|收藏本页"
    r"|加入收藏|设为首页|^\s*上一篇|^\s*下一篇|返回顶部|我要纠错|无障碍浏览|长者模式"
    r"|建议使用.{0,20}浏览器|分辨率|^\s*【?\s*责任编辑\s*[:：]",
    re.I,
)
_CHROME_MAX_CHARS = 300  # a longer block is content that mentions such words
_LINK_SHARE = 0.7  # a block whose text is this much link text is a menu or a link list

# --- attachments -------------------------------------------------------------------------

_ATTACHMENT = re.compile(r"\.(?:docx?|pdf|wps|xlsx?|et)(?:$|[?#])", re.I)


def text_of(el: Any) -> str:
    """Every text inside ``el`` as a browser strings it together, white space collapsed."""
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip()


def _chars(text: str | None) -> int:
    return len(text) - text.count(" ") - text.count("\n") - text.count("\t") if text else 0


def remove(el: Any) -> None:
    """Remove ``el`` from its tree, keeping the text that follows it (its tail)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def remove_invisible(root: Any) -> None:
    """Remove what a browser never shows: scripts, styles, frames, controls, hidden
    elements (``hidden``, ``display:none``, ``visibility:hidden``)."""
    from lxml import etree

    etree.strip_elements(root, *INVISIBLE, with_tail=False)
    for el in [e for e in root.iter() if isinstance(e.tag, str)]:
        if el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style", "")):
            remove(el)


def attachments_of(root: Any, base: str = "") -> list[Link]:
    """The links to attached documents (.doc .docx .pdf .wps .xls .xlsx), each once, with
    its text (the file name in the address when the link has no text); addresses resolved
    against ``base`` (the page's ``<base href>``) when it is given."""
    from urllib.parse import urljoin

    found: dict[str, Link] = {}
    for a in root.iter("a"):
        url = (a.get("href") or "").strip()
        url = urljoin(base, url) if base and url else url
        if not _ATTACHMENT.search(url) or url in found:
            continue
        text = text_of(a) or (a.get("title") or "").strip() or url.rsplit("/", 1)[-1]
        found[url] = Link(text=text, url=url)
    return list(found.values())


def _labels_in(text: str) -> set[str]:
    return {m.group(1) for m in _LABEL_AT.finditer(text)}


def _metadata_elements(root: Any) -> list[Any]:
    """The metadata blocks: the largest elements, short enough (at most 800 characters,
    no piece over 300), that hold two or more field labels and little else (a label for
    every three pieces of text at least), in document order."""
    weights = weigh(root)
    found: list[Any] = []
    stack = [root]
    while stack:
        el = stack.pop()
        size = weights.text.get(el, 0)
        if 0 < size <= _METADATA_MAX_CHARS and el.tag not in ("html", "body"):
            pieces = _pieces(el)
            labels = len(_LABEL_AT.findall(_cells_joined(pieces)))
            if (
                len(_labels_in(_cells_joined(pieces))) >= 2
                and labels >= _LABEL_SHARE * len(pieces)
                and max(map(len, pieces)) <= 300
            ):
                found.append(el)
                continue
        if size > 0:
            stack.extend(reversed([c for c in el if isinstance(c.tag, str)]))
    return found


def _pieces(el: Any) -> list[str]:
    """The texts of the leaf blocks (cells, items, spans) of ``el``, in order."""
    out: list[str] = []

    def walk(node: Any) -> None:
        if node.text and node.text.strip():
            out.append(node.text.strip())
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            if child.tail and child.tail.strip():
                out.append(child.tail.strip())

    walk(el)
    return out


def _cells_joined(pieces: list[str]) -> str:
    """The pieces joined, each followed by a colon when it is a bare label (a label cell
    without its colon: ``<td>索引号</td><td>…</td>``)."""
    out = []
    for piece in pieces:
        m = _LABEL_CELL.match(piece)
        out.append(piece + "：" if m and not m.group(2) else piece)
    return " ".join(out)


def read_fields(el: Any) -> dict[str, str]:
    """The metadata block's fields, label → value as printed (a value in the label's own
    piece after its colon, else in the next piece)."""
    pieces = _pieces(el)
    fields: dict[str, str] = {}
    k = 0
    while k < len(pieces):
        m = _LABEL_CELL.match(pieces[k])
        if m is None:
            k += 1
            continue
        label, rest = m.group(1), m.group(2).strip()
        if rest:
            # several fields run together in one piece: 发布日期：… 来源：…
            parts = _LABEL_AT.split(rest)
            fields.setdefault(label, parts[0].strip())
            for name, value in zip(parts[1::2], parts[2::2], strict=False):
                fields.setdefault(name, value.strip())
        elif k + 1 < len(pieces) and not _LABEL_CELL.match(pieces[k + 1]):
            fields.setdefault(label, pieces[k + 1])
            k += 1
        k += 1
    return fields


def stated_of(fields: dict[str, str]) -> Stated:
    """The title, issuer and date the metadata block states (None where it is silent)."""

    def first(labels: tuple[str, ...]) -> str | None:
        return next((fields[label] for label in labels if fields.get(label)), None)

    date = first(_DATE_LABELS)
    m = _DATE.search(date or "")
    return Stated(title=first(_TITLE_LABELS), issuer=first(_ISSUER_LABELS),
                  date=m.group(0).strip() if m else None)  # fmt: skip


def take_metadata(root: Any) -> dict[str, str]:
    """Remove every metadata block (the 索引号 table, the 发布日期 line) from the page and
    return their fields, the first block's first."""
    fields: dict[str, str] = {}
    for el in _metadata_elements(root):
        for label, value in read_fields(el).items():
            fields.setdefault(label, value)
        remove(el)
    return fields


# --- chrome and article ---------------------------------------------------------------


@dataclass
class Weights:
    """Per element: characters of text in it, and of those the ones inside links."""

    text: dict[Any, int]
    links: dict[Any, int]

    def of(self, el: Any) -> int:
        """Characters of text in ``el`` that are not link text."""
        return self.text.get(el, 0) - self.links.get(el, 0)


def weigh(root: Any) -> Weights:
    """Count, for every element, its characters of text and of link text (one pass,
    children before parents)."""
    text: dict[Any, int] = {}
    links: dict[Any, int] = {}
    elements = [e for e in root.iter() if isinstance(e.tag, str)]
    for el in reversed(elements):
        total = _chars(el.text)
        linked = 0
        for child in el:
            total += _chars(child.tail)
            if isinstance(child.tag, str):
                total += text[child]
                linked += links[child]
        text[el] = total
        links[el] = total if el.tag == "a" else linked
    return Weights(text, links)


def _own_text(el: Any) -> str:
    """The text of ``el`` and its inline descendants, not of the blocks inside it."""
    out: list[str] = [el.text or ""]

    def walk(node: Any) -> None:
        for child in node:
            if isinstance(child.tag, str) and child.tag not in BLOCK_TAGS:
                out.append(child.text or "")
                walk(child)
            out.append(child.tail or "")

    walk(el)
    return re.sub(r"\s+", " ", "".join(out)).strip()


def remove_chrome(root: Any, data_tables: set[Any]) -> None:
    """Remove breadcrumbs, footer lines, share and print lines (short blocks whose own text
    says so) and menus and link lists (blocks that are nearly all link text); cells of data
    tables are left alone."""
    weights = weigh(root)
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag not in BLOCK_TAGS or el.tag in ("html", "body"):
            continue
        if any(a in data_tables for a in el.iterancestors()) or el in data_tables:
            continue
        total = weights.text.get(el, 0)
        if total == 0:
            continue
        chrome = total <= _CHROME_MAX_CHARS and CHROME.search(_own_text(el))
        if chrome or weights.links.get(el, 0) >= _LINK_SHARE * total:
            doomed.append(el)
    for el in doomed:
        if not any(a in doomed for a in el.iterancestors()):
            remove(el)


_FRAMED_SHARE = 0.8


def _rows(table: Any) -> list[Any]:
    """``table``'s own rows (not those of tables nested in them)."""
    groups = [g for name in ("thead", "tbody", "tfoot") for g in table.findall(name)]
    return [*table.findall("tr"), *(r for g in groups for r in g.findall("tr"))]


def _row_cells(row: Any) -> list[Any]:
    return [c for c in row if c.tag in ("td", "th")]


def _cells(table: Any) -> list[Any]:
    """The cells of ``table``'s own rows."""
    return [c for row in _rows(table) for c in _row_cells(row)]


def is_layout_table(table: Any, weights: Weights) -> bool:
    """A table that lays out a page rather than holding data: one cell only; or cells that
    frame other tables, in a table that is no grid (fewer than two rows of two cells) or
    whose framed tables hold nearly all its text. (A data table with a small table in one
    cell stays a data table.)"""
    rows = _rows(table)
    cells = [c for row in rows for c in _row_cells(row)]
    if len(cells) <= 1:
        return True
    framed = {t for c in cells for t in c.iter("table") if t is not table}
    if not framed:
        return False
    grid = sum(1 for row in rows if len(_row_cells(row)) >= 2) >= 2
    outermost = [t for t in framed if not any(a in framed for a in t.iterancestors())]
    inside = sum(weights.text.get(t, 0) for t in outermost)
    return not grid or inside >= _FRAMED_SHARE * weights.text.get(table, 0)


def data_tables(root: Any) -> set[Any]:
    """Every table that holds data (not layout), outermost ones only."""
    weights = weigh(root)
    found: set[Any] = set()
    for table in root.iter("table"):
        if is_layout_table(table, weights):
            continue
        if not any(a in found for a in table.iterancestors()):
            found.add(table)
    return found


def _children(el: Any, weights: Weights) -> list[Any]:
    """The children of a container, looking through layout tables to their cells."""
    out: list[Any] = []
    for child in el:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "table" and is_layout_table(child, weights):
            out.extend(_cells(child))
        elif child.tag in ("tbody", "thead", "tfoot", "tr"):
            out.extend(_children(child, weights))
        else:
            out.append(child)
    return out


_LEAVES = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "table", "ul", "ol"})
_DOMINANT = 0.85  # lower, and the article's other parts are lost with the chrome


def find_article(body: Any) -> Any:
    """The element that holds the article: from ``body`` down, follow the child that holds
    most of the text while it holds most of its parent's."""
    weights = weigh(body)
    node = body
    while True:
        kids = [k for k in _children(node, weights) if weights.of(k) > 0]
        if not kids:
            return node
        best = max(kids, key=weights.of)
        if best.tag in _LEAVES or weights.of(best) < _DOMINANT * weights.of(node):
            return node
        node = best


def _squeezed(text: str) -> str:
    return re.sub(r"[\s\W_]+", "", text)


def title_above(body: Any, article: Any, page_title: str, named: str | None) -> Any:
    """The element printing the article's title above it: the nearest element before the
    article, inside its grandparent, that is a heading (``h1``–``h3``) or whose text is the
    page's ``<title>`` (or a part of it between ``_ - |``) or the metadata block's 名称.
    None when there is none."""
    wanted = {_squeezed(p) for p in re.split(r"\s*[_|｜]\s*|\s+[-—–]\s+", page_title) if p}
    wanted |= {_squeezed(page_title), _squeezed(named or "")}
    wanted = {w for w in wanted if len(w) >= 6}
    ancestors = list(article.iterancestors())
    near = ancestors[1] if len(ancestors) > 1 else body  # the title stands close by
    before = []
    for el in body.iter():
        if el is article:
            break
        if isinstance(el.tag, str) and (el.tag in BLOCK_TAGS or el.tag in ("font", "b", "strong")):
            before.append(el)
    for el in reversed(before[-40:]):
        if any(el is a for a in ancestors):
            continue
        text = text_of(el)
        if not text or len(text) > 150:
            continue
        if not any(a is near for a in el.iterancestors()):
            continue  # the site's name in its header, far from the article
        if el.tag in ("h1", "h2", "h3") or _squeezed(text) in wanted:
            return el
    return None
