"""Shared test helpers: paths to samples and goldens."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"
FRAGMENTS = Path(__file__).resolve().parent / "fragments"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>"""
_ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
_REL = '<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{target}"/>'


def make_docx(
    body: str,
    numbering: str | None = None,
    styles: str | None = None,
    prolog: str = "",
) -> bytes:
    """Return the bytes of a minimal DOCX whose body is ``body`` (WordprocessingML with the
    ``w:`` prefix); ``numbering``/``styles`` are the inner XML of those parts. Written by
    hand, not by python-docx, so tests control every element."""
    import io
    import zipfile

    rels = []
    if numbering is not None:
        rels.append(_REL.format(id="rId10", kind="numbering", target="numbering.xml"))
    if styles is not None:
        rels.append(_REL.format(id="rId11", kind="styles", target="styles.xml"))
    doc_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rels)
        + "</Relationships>"
    )
    ns = (
        f'xmlns:w="{W_NS}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f"<w:document {ns}><w:body>{body}</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("word/_rels/document.xml.rels", doc_rels)
        archive.writestr("word/document.xml", document)
        if numbering is not None:
            archive.writestr("word/numbering.xml", f"<w:numbering {ns}>{numbering}</w:numbering>")
        if styles is not None:
            archive.writestr("word/styles.xml", f"<w:styles {ns}>{styles}</w:styles>")
    return buffer.getvalue()


def p(text: str, props: str = "") -> str:
    """A ``w:p`` with one run of ``text`` and paragraph properties ``props``."""
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def tc(content: str, props: str = "") -> str:
    """A table cell; plain text becomes one paragraph."""
    inner = content if content.startswith("<") else p(content)
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{inner}</w:tc>"


def tr(*cells: str, props: str = "") -> str:
    """A table row of ``cells`` (made with ``tc``)."""
    return f"<w:tr><w:trPr>{props}</w:trPr>{''.join(cells)}</w:tr>"


def tbl(*rows: str) -> str:
    """A table of ``rows`` (made with ``tr``)."""
    return f"<w:tbl>{''.join(rows)}</w:tbl>"


def make_pdf(pages: list[tuple[str, str]], extra_objects: list[str] | None = None) -> bytes:
    """Return a minimal PDF written by hand: one (content stream, resources dict) per
    page, on A4. ``extra_objects`` are appended as objects 3+2n… and may be referenced from
    the resources by number (the first extra object is ``{first} 0 R`` with ``first`` =
    3 + 2 × len(pages))."""
    objects: list[str] = []
    n = len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n))
    objects.append("<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>")
    for i, (content, resources) in enumerate(pages):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources {resources} /Contents {4 + 2 * i} 0 R >>"
        )
        objects.append(
            f"<< /Length {len(content.encode('latin-1'))} >>\nstream\n{content}\nendstream"
        )
    objects.extend(extra_objects or [])
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out
