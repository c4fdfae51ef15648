"""Make scanned copies of sample plans: page images of their PDFs, degraded as a scanner
and a photocopier would, wrapped as image-only PDFs (plus one PNG and one TIFF).

    python scripts/build_scans.py          # samples/scanned/ and tests/corpus/scanned/
    python scripts/build_scans.py --only samples/scanned/unruled   # the files under one folder

Each page of a sample PDF (built from a hand transcription by build_samples.py) is
rasterised with pypdfium2 at 150, 200 or 300 dpi (the sample's turn in that list), then
turned by up to ±1°, speckled, blurred a little and JPEG-compressed (Pillow), and the
pages are saved as a PDF holding only the images. A scanned copy shares the gold of the
PDF it was made from (``tests/golden/``, ``tests/corpus/*.gold.json``): the gold comes
from the document, never from fengong's reading of the scan.

Everything is seeded, so a run makes the same files. Generated files are committed.
"""

from __future__ import annotations

import io
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT / "tests" / "corpus"

# (source PDF, where its scan goes, dpi): ruled table plans and one prose plan
TABLES = [
    (CORPUS / "pdf" / "01-bzqc-town-zhengwu-gongkai.pdf", 150),
    (CORPUS / "pdf" / "07-taishan-zhengwu-gongkai-fengong-2021.pdf", 200),
    (CORPUS / "pdf" / "08-taishan-wenguanglvti-gongkai-2021.pdf", 300),
    (CORPUS / "pdf" / "13-wuhu-zhongdian-gongzuo-zeren-2025.pdf", 200),
    (CORPUS / "pdf" / "80-dengfeng-xuzhuang-anquan-zhengzhi-2017.pdf", 150),
    (SAMPLES / "pdf" / "seed000_tsv_merged-cells_no-units.pdf", 200),
    (SAMPLES / "pdf" / "seed002_tab-cells_section-rows.pdf", 300),
]
PROSE = [(SAMPLES / "pdf" / "seed003_prose_bracket-markers.pdf", 200)]
# tables drawn without lines (build_samples.py unruled): read from where the words stand
UNRULED = [
    (SAMPLES / "pdf" / "unruled" / "seed002_tab-cells_section-rows.pdf", 200),
    (SAMPLES / "pdf" / "unruled" / "seed004_tsv_page-breaks_shifted-cell.pdf", 150),
]
JPEG_QUALITY = 60


def target(source: Path) -> Path:
    """Where the scanned copy of a sample PDF goes: ``scanned/`` beside its ``pdf/``
    (``scanned/unruled/`` for ``pdf/unruled/``)."""
    base = SAMPLES if source.is_relative_to(SAMPLES) else CORPUS
    folder = base / "scanned" / source.parent.relative_to(base / "pdf")
    folder.mkdir(parents=True, exist_ok=True)
    return folder / source.name


def rasterise(source: Path, dpi: int) -> list[Any]:
    """The pages of a PDF as grey Pillow images at ``dpi``."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(source)
    try:
        return [page.render(scale=dpi / 72).to_pil().convert("L") for page in pdf]
    finally:
        pdf.close()


def degrade(page: Any, rng: random.Random, dpi: int) -> Any:
    """A page as a scan of it: turned by up to ±1°, speckled, blurred a little, and
    through JPEG compression."""
    from PIL import Image, ImageFilter

    turned = page.rotate(rng.uniform(-1.0, 1.0), resample=Image.BICUBIC, fillcolor=255)
    pixels = turned.load()
    width, height = turned.size
    for _ in range(width * height // 4000):  # dust: small dark and light specks
        x, y = rng.randrange(width), rng.randrange(height)
        pixels[x, y] = rng.choice((0, 60, 255))
    blurred = turned.filter(ImageFilter.GaussianBlur(radius=0.5 * dpi / 200))
    buffer = io.BytesIO()
    blurred.save(buffer, "JPEG", quality=JPEG_QUALITY)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("L")


def scan(source: Path, dpi: int, seed: int) -> list[Any]:
    """The degraded page images of a sample PDF."""
    rng = random.Random(seed)
    return [degrade(page, rng, dpi) for page in rasterise(source, dpi)]


def save_pdf(pages: list[Any], path: Path, dpi: int) -> None:
    """Save page images as a PDF that holds only them (no text layer)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pages[0].save(
        path, "PDF", resolution=float(dpi), save_all=True, append_images=pages[1:],
        quality=JPEG_QUALITY,
    )  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    only = ROOT / args[1] if args[:1] == ["--only"] and len(args) > 1 else ROOT
    sources = [(seed, src, dpi) for seed, (src, dpi) in enumerate(TABLES + PROSE)]
    sources += [(200 + seed, src, dpi) for seed, (src, dpi) in enumerate(UNRULED)]
    for seed, source, dpi in sources:
        if not target(source).is_relative_to(only):
            continue
        pages = scan(source, dpi, seed)
        save_pdf(pages, target(source), dpi)
        print(f"{target(source).relative_to(ROOT)}: {len(pages)} pages at {dpi} dpi")
    if only != ROOT:
        return 0
    # one plan as a PNG (its first page) and one as a multi-page TIFF
    png_source, png_dpi = TABLES[3]
    png = target(png_source).with_suffix(".png")
    scan(png_source, png_dpi, 100)[0].save(png, dpi=(png_dpi, png_dpi), optimize=True)
    print(f"{png.relative_to(ROOT)}")
    tiff_source, tiff_dpi = TABLES[0]
    pages = scan(tiff_source, tiff_dpi, 101)
    tiff = target(tiff_source).with_suffix(".tif")
    pages[0].save(
        tiff, dpi=(tiff_dpi, tiff_dpi), save_all=True, append_images=pages[1:],
        compression="tiff_deflate",
    )  # fmt: skip
    print(f"{tiff.relative_to(ROOT)}: {len(pages)} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
