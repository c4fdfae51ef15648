"""How much a reader may take in: the bounds that keep hostile files from hurting us.

One ``Limits`` value travels with a read; every number is a default that a caller of
``read_document`` can override, and the CLI has an option for each. Readers check
the cheap ones before they parse anything.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from fengong.errors import TooLargeError, UnreadableError

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Upper bounds for one input file."""

    max_input_bytes: int = 200 * MiB
    max_unzipped_bytes: int = 300 * MiB  # all members of a DOCX together
    max_zip_ratio: int = 200  # uncompressed / compressed, for members over 1 MiB
    max_pages: int = 2000
    max_cells: int = 500_000
    max_depth: int = 32  # tables nested in tables
    max_pixels: int = 100_000_000  # of one page image (a scan, or a PDF page rendered for OCR)


DEFAULT_LIMITS = Limits()

OCR_MODES = ("auto", "always", "never")


@dataclass(frozen=True)
class OcrOptions:
    """When pages are read by OCR (``mode``: ``auto`` reads the pages without a usable
    text layer when the OCR extra is installed, ``always`` every page, ``never`` none)
    and in how many processes (``jobs``)."""

    mode: str = "auto"
    jobs: int = 1

    def __post_init__(self) -> None:
        if self.mode not in OCR_MODES:
            raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}, not {self.mode!r}")


DEFAULT_OCR = OcrOptions()


def check_pixels(width: int, height: int, limits: Limits, what: str = "the image") -> None:
    """Raise ``TooLargeError`` when a ``width`` × ``height`` image is over
    ``limits.max_pixels``: checked from the image's header, before it is decoded."""
    if width * height > limits.max_pixels:
        raise TooLargeError(
            f"{what} is {width} × {height} pixels, over the limit of "
            f"{limits.max_pixels / 1e6:.3g} megapixels (--max-megapixels): refusing a "
            "likely decompression bomb"
        )


def check_input_size(data: bytes | int, limits: Limits) -> None:
    """Raise ``TooLargeError`` when ``data`` (bytes, or their number) is over
    ``limits.max_input_bytes``."""
    size = data if isinstance(data, int) else len(data)
    if size > limits.max_input_bytes:
        raise TooLargeError(
            f"the file is {size / MiB:.3g} MiB, over the limit of "
            f"{limits.max_input_bytes / MiB:.3g} MiB (--max-input-mb)"
        )


def open_zip(data: bytes, limits: Limits, what: str = "DOCX") -> zipfile.ZipFile:
    """Open ``data`` as a ZIP after checking the sizes its directory declares.

    Raises ``UnreadableError`` for a damaged or truncated ZIP and ``TooLargeError`` when
    the members would inflate past the limits (a zip bomb). Reading a member never yields
    more than its declared size, so the check bounds memory.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError) as err:
        raise UnreadableError(
            f"not a valid {what}: the ZIP container is damaged or truncated ({err})"
        ) from err
    total = sum(m.file_size for m in members)
    if total > limits.max_unzipped_bytes:
        raise TooLargeError(
            f"the {what} would inflate to {total // MiB} MiB, over the limit of "
            f"{limits.max_unzipped_bytes // MiB} MiB (a zip bomb? --max-unzipped-mb)"
        )
    for member in members:
        if member.file_size > MiB and member.file_size > limits.max_zip_ratio * max(
            member.compress_size, 1
        ):
            raise TooLargeError(
                f"{member.filename} inflates {member.file_size // max(member.compress_size, 1)}"
                f" times (limit {limits.max_zip_ratio}, --max-zip-ratio): refusing a likely"
                " zip bomb"
            )
    return archive
