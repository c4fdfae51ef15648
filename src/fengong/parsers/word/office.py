"""Old Word formats (.doc, .wps, .rtf) through LibreOffice: convert to DOCX, then read.

fengong does not parse the binary Word format itself; LibreOffice does that well. When
``soffice`` is not installed the user gets an error saying how to convert the file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from fengong.errors import EncryptedError, UnreadableError, UnsupportedFormatError

CONVERT_TIMEOUT_S = 120
_ENCRYPTED_MARKERS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))


def find_soffice() -> str | None:
    """Return the path of LibreOffice's ``soffice`` (``$FENGONG_SOFFICE`` first), or None."""
    configured = os.environ.get("FENGONG_SOFFICE")
    if configured:
        return configured if Path(configured).exists() else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(data: bytes, kind: str) -> bytes:
    """Return DOCX bytes converted by LibreOffice from an old Word file of ``kind``
    (``doc`` or ``rtf``).

    Raises ``EncryptedError`` for password-protected Office files,
    ``UnsupportedFormatError`` when LibreOffice is missing and ``UnreadableError`` when it
    cannot convert the file.
    """
    if kind == "doc" and any(marker in data for marker in _ENCRYPTED_MARKERS):
        raise EncryptedError("the Office document is password-protected; save it without one")
    soffice = find_soffice()
    if soffice is None:
        raise UnsupportedFormatError(
            "this is an old Word/WPS document (.doc/.wps/.rtf); install LibreOffice so that "
            "fengong can convert it, or save it as .docx (soffice --headless --convert-to "
            "docx FILE)"
        )
    suffix = ".rtf" if kind == "rtf" else ".doc"
    with tempfile.TemporaryDirectory(prefix="fengong-") as tmp:
        source = Path(tmp) / f"input{suffix}"
        source.write_bytes(data)
        profile = Path(tmp, "profile").as_uri()
        command = [
            soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
            "--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp, str(source),
        ]  # fmt: skip
        try:
            subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired as err:
            raise UnreadableError(
                f"LibreOffice did not convert the file within {CONVERT_TIMEOUT_S} s"
            ) from err
        except OSError as err:
            raise UnsupportedFormatError(f"cannot run LibreOffice ({err})") from err
        result = Path(tmp) / "input.docx"
        if not result.exists():
            raise UnreadableError("LibreOffice could not convert this .doc/.wps file")
        return result.read_bytes()
