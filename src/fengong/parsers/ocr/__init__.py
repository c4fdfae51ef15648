"""OCR: page images (scans, image files, PDF pages without a usable text layer) read into
the same ``Document`` as a born-digital PDF.

Nothing here imports the engine (``rapidocr_onnxruntime``) or OpenCV at import time: they
are imported when the first page needs them, so ``fengong --help`` and text-layer PDFs
never pay for them.
"""

from __future__ import annotations

import importlib.util

INSTALL_HINT = "pip install 'fengong[ocr]'"


def ocr_available() -> bool:
    """Return True when the OCR extra (``rapidocr_onnxruntime`` and OpenCV) is installed,
    without importing it."""
    return all(
        importlib.util.find_spec(name) is not None for name in ("rapidocr_onnxruntime", "cv2")
    )


__all__ = ["INSTALL_HINT", "ocr_available"]
