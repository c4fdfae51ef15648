"""The OCR engine: RapidOCR (PP-OCRv4 detection and recognition on onnxruntime), whose
models ship inside its wheel, so nothing is downloaded at run time.

One engine per process, made on first use. The engine is told to run on one thread:
fengong reads pages in parallel processes instead (``--jobs``), which uses the cores
better than onnxruntime's threads fighting over them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fengong.errors import ScannedError
from fengong.parsers.ocr import INSTALL_HINT

_ENGINE: Any = None


@dataclass(frozen=True)
class TextBox:
    """One line of text found on a page image: its box in pixels (axis-aligned), its text
    and the recogniser's confidence (0 to 1)."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    confidence: float


def missing_extra_error(what: str) -> ScannedError:
    """The ``scanned`` error for a page that needs OCR when the extra is not installed;
    ``what`` says what needed it (``this PDF is a scan``)."""
    return ScannedError(
        f"{what}: its pages are images without a usable text layer; install the OCR "
        f"extra to read it ({INSTALL_HINT}), or run OCR first (for example ocrmypdf)"
    )


def _engine() -> Any:
    global _ENGINE
    if _ENGINE is None:
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as err:
            raise missing_extra_error("the document needs OCR") from err
        _ENGINE = RapidOCR(
            intra_op_num_threads=1,
            inter_op_num_threads=1,
            use_cls=False,  # pages are upright after deskewing; no 180° lines
            max_side_len=4000,  # we choose the resolution; do not shrink the page
        )
    return _ENGINE


def recognise(image: Any) -> list[TextBox]:
    """Return the text lines of a page image (a grey or RGB ``numpy`` array), top to
    bottom, each with its box in the image's pixels and its confidence."""
    import numpy as np

    if image.ndim == 2:
        image = np.stack([image] * 3, axis=-1)
    result, _ = _engine()(image, use_cls=False)
    boxes: list[TextBox] = []
    for points, text, score in result or []:
        xs = [float(p[0]) for p in points]
        ys = [float(p[1]) for p in points]
        if text.strip():
            boxes.append(TextBox(min(xs), min(ys), max(xs), max(ys), text.strip(), float(score)))
    boxes.sort(key=lambda b: (b.top, b.x0))
    return boxes
