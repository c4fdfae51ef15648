"""The OCR engine: RapidOCR (PP-OCRv4 detection and recognition on onnxruntime), whose
models ship inside its wheel, so nothing is downloaded at run time.

One engine per process, made on first use. The engine runs on one thread when there
are as many pages to read at once as cores granted (``--jobs``): parallel processes use
the cores better than onnxruntime's threads fighting over them. With fewer pages (a
one-page scan), each page's engine gets the cores left over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from fengong.errors import ScannedError
from fengong.parsers.ocr import INSTALL_HINT

_ENGINE: Any = None
_REC_MODEL = "ch_PP-OCRv4_rec_infer.onnx"  # the recognition model in RapidOCR's wheel
_THREADS = 1  # threads of the engine made next in this process


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


def use_threads(threads: int) -> None:
    """Make this process's engine run on ``threads`` threads (the cores a page may use
    when there are fewer pages at once than cores granted)."""
    global _ENGINE, _THREADS
    threads = max(1, threads)
    if threads != _THREADS:
        _THREADS, _ENGINE = threads, None


def _engine() -> Any:
    global _ENGINE
    if _ENGINE is None:
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as err:
            raise ScannedError(
                f"the document needs OCR and the OCR extra is not installed ({INSTALL_HINT})"
            ) from err
        _ENGINE = RapidOCR(
            intra_op_num_threads=_THREADS,
            inter_op_num_threads=1,
            use_cls=False,  # pages are upright after deskewing; no 180° lines
            max_side_len=4000,  # we choose the resolution; do not shrink the page
            det_limit_type="max",  # nor enlarge a small cell for detection
            det_limit_side_len=4000,
        )
        _recognise_with_arena(_ENGINE)
    return _ENGINE


def _recognise_with_arena(engine: Any) -> None:
    """Give the recogniser a session with onnxruntime's memory arena, which RapidOCR
    turns off: its inputs change width with every batch of lines, and allocating each
    anew costs about 15% of the time (benchmarks/ocr.py: 3.1 → 2.7 s a page, peak memory
    no higher). Left as RapidOCR made it when its internals are not as expected."""
    from pathlib import Path

    import onnxruntime as ort
    import rapidocr_onnxruntime

    holder = getattr(getattr(engine, "text_rec", None), "session", None)
    model = Path(rapidocr_onnxruntime.__file__).parent / "models" / _REC_MODEL
    if holder is None or not hasattr(holder, "session") or not model.is_file():
        return
    options = ort.SessionOptions()
    options.intra_op_num_threads = _THREADS
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 4
    holder.session = ort.InferenceSession(
        str(model), sess_options=options, providers=["CPUExecutionProvider"]
    )


# what the recogniser reads for a character that plans never print, and the character
# meant: 丶 (a stroke) is the enumeration comma 、 scanned
_FIXES = str.maketrans({"丶": "、"})


_DEGREE_FOR_STOP = re.compile(r"(?<=[\u4e00-\u9fff）》”])°")
_PAGE_NUMBER = re.compile(r"^[一-]\s*(\d{1,4})\s*[一-]$")


def _fix(text: str) -> str:
    """The recognised text with the misreadings of Chinese punctuation undone: 丶 for 、,
    a closing single quote ’ in a line that opens none for 、 (small in a line crop), a
    degree sign after a Chinese character (never a temperature) for 。, and 一 for the
    dashes around an official page number (``一1一`` for ``—1—``)."""
    text = text.strip().translate(_FIXES)
    if "’" in text and "‘" not in text:
        text = text.replace("’", "、")
    return _PAGE_NUMBER.sub(r"—\1—", _DEGREE_FOR_STOP.sub("。", text))


_PAD = 12  # pixels of white around an image, so text at its edge is detected


def recognise(image: Any) -> list[TextBox]:
    """Return the text lines of a page image, or of a part of one (a grey ``numpy``
    array), top to bottom, each with its box in the image's pixels and its confidence."""
    import cv2
    import numpy as np

    padded = cv2.copyMakeBorder(image, _PAD, _PAD, _PAD, _PAD, cv2.BORDER_CONSTANT, value=255)
    result, _ = _engine()(np.stack([padded] * 3, axis=-1), use_cls=False)
    boxes: list[TextBox] = []
    for points, text, score in result or []:
        xs = [float(p[0]) - _PAD for p in points]
        ys = [float(p[1]) - _PAD for p in points]
        text = _fix(text)
        if text:
            boxes.append(TextBox(min(xs), min(ys), max(xs), max(ys), text, float(score)))
    boxes.sort(key=lambda b: (b.top, b.x0))
    return boxes


@dataclass(frozen=True)
class LineText:
    """What the recogniser read in the image of one line: the text, the confidence, and
    where each character was read, as a share of the image's width (0 to 1; empty when
    the recogniser did not say)."""

    text: str
    confidence: float
    centres: tuple[float, ...]


def recognise_lines(images: list[Any]) -> list[LineText]:
    """Return what the recogniser reads in each image of one line of text (grey
    ``numpy`` arrays, such as the lines of a table cell), recognised in batches without
    detection."""
    import numpy as np

    if not images:
        return []
    rgb = [np.stack([image] * 3, axis=-1) for image in images]
    results, _ = _engine().text_rec(rgb, True)
    out = []
    for text, score, (steps, _words, columns, *_rest) in results:
        raw = str(text)
        fixed = _fix(raw)  # the same length as the stripped text
        at = [c for word in columns for c in word]
        lead = len(raw) - len(raw.lstrip())
        centres = at[lead : lead + len(fixed)] if len(at) == len(raw) else []
        width = max(float(steps), 1.0)  # the steps of the model's output the image fills
        out.append(LineText(fixed, float(score), tuple((c + 0.5) / width for c in centres)))
    return out
