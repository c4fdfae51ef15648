"""Page images from image files (PNG, JPEG, multi-page TIFF) and from PDF pages, bounded
by the limits before anything is decoded.

An image's size is read from its header and checked against ``max_pixels`` before its
pixels are decoded (a 50 000 × 50 000 PNG of a few KB would need gigabytes); a TIFF's
pages are counted one by one, and counting stops past ``max_pages``.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from fengong.errors import TooLargeError, UnreadableError
from fengong.parsers.limits import Limits, check_pixels

OCR_DPI = 200.0  # PDF pages are rendered at this resolution for OCR
_DEFAULT_DPI = 200.0  # an image file that does not say its resolution
_MAX_SIDE = 3600  # pixels: larger images are reduced first (300 dpi A4 is 3508)


def _open(data: bytes) -> Any:
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = None  # our own limit is checked before any decoding
    try:
        return Image.open(io.BytesIO(data))
    except Exception as err:  # Pillow raises many kinds on damaged files
        raise UnreadableError(f"not a readable image ({type(err).__name__}: {err})") from err


def count_frames(image: Any, limits: Limits) -> int:
    """Return the number of pages of an opened image (a TIFF may hold many); raise
    ``TooLargeError`` past ``limits.max_pages``, without counting further."""
    count = 0
    while True:
        try:
            image.seek(count)
        except EOFError:
            break
        except Exception as err:
            raise UnreadableError(f"page {count + 1} of the image is damaged ({err})") from err
        count += 1
        if count > limits.max_pages:
            raise TooLargeError(f"the image has more than {limits.max_pages} pages (--max-pages)")
    return count


def _dpi(image: Any) -> float:
    dpi = image.info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    return value if 70 <= value <= 1200 else _DEFAULT_DPI


def _grey(image: Any, dpi: float) -> tuple[Any, float]:
    """The frame as a grey ``numpy`` array, reduced when larger than the OCR needs, and
    its resolution after that."""
    import numpy as np

    grey = image.convert("L")
    side = max(grey.size)
    if side > _MAX_SIDE:
        factor = _MAX_SIDE / side
        grey = grey.resize(
            (max(1, round(grey.size[0] * factor)), max(1, round(grey.size[1] * factor)))
        )
        dpi *= factor
    return np.asarray(grey), dpi


def image_pages(data: bytes, limits: Limits) -> tuple[int, Iterator[tuple[Any, float]]]:
    """Return the number of pages of an image file and an iterator over them, each as a
    grey ``numpy`` array with its resolution in dpi. Raises ``TooLargeError`` before
    decoding anything when a page is over the pixel limit or there are too many pages."""
    image = _open(data)
    count = count_frames(image, limits)
    for index in range(count):
        image.seek(index)
        width, height = image.size
        check_pixels(width, height, limits, f"page {index + 1} of the image")

    def pages() -> Iterator[tuple[Any, float]]:
        for index in range(count):
            image.seek(index)
            try:
                yield _grey(image, _dpi(image))
            except (OSError, ValueError, SyntaxError) as err:
                raise UnreadableError(
                    f"page {index + 1} of the image cannot be decoded ({err})"
                ) from err

    return count, pages()


def pdf_pages(data: bytes, numbers: list[int], limits: Limits) -> Iterator[tuple[Any, float]]:
    """Yield the PDF pages ``numbers`` (1-based) rendered grey for OCR, each with its
    resolution: ``OCR_DPI``, or less for a page so large that it would pass the pixel
    limit."""
    import numpy as np
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as err:
        raise UnreadableError(f"the PDF cannot be rendered for OCR ({err})") from err
    try:
        for number in numbers:
            page = pdf[number - 1]
            width, height = page.get_size()
            dpi = OCR_DPI
            pixels = width * height * (dpi / 72) ** 2
            if pixels > limits.max_pixels:
                dpi *= (limits.max_pixels / pixels) ** 0.5
            longest = max(width, height) * dpi / 72
            if longest > _MAX_SIDE:
                dpi *= _MAX_SIDE / longest
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            grey = np.asarray(bitmap.to_pil().convert("L"))
            page.close()
            yield grey, dpi
    finally:
        pdf.close()
