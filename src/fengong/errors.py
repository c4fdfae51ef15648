"""Why a document cannot be read: one exception type, a few subclasses, stable codes.

Warnings about a readable document are data on the ``Plan``; only input that cannot be
read at all raises. Every error carries a short ``code`` that scripts can act on and a
message that says what to do next.
"""

from __future__ import annotations


class FengongError(Exception):
    """Base class: a document fengong cannot turn into a Plan."""

    code = "error"

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.message} [{self.code}]"


class UnreadableError(FengongError):
    """The bytes are damaged or not what their format promises."""

    code = "unreadable"


class EncodingError(UnreadableError):
    """Text whose encoding could not be determined."""

    code = "encoding"


class UnsupportedFormatError(FengongError):
    """A file that is none of the formats fengong reads."""

    code = "unsupported-format"


class EncryptedError(FengongError):
    """A document that needs a password."""

    code = "encrypted"


class EmptyDocumentError(FengongError):
    """A document with no text at all."""

    code = "empty"


class TooLargeError(FengongError):
    """Input over one of the configured limits."""

    code = "too-large"


class ScannedError(FengongError):
    """A scanned document: images of pages without a text layer."""

    code = "scanned"


class TimeLimitError(FengongError):
    """A document that took longer to read than the per-file time limit."""

    code = "timeout"


class InvalidPlanError(FengongError):
    """A saved Plan (JSON or YAML with ``schema_version`` and ``tasks``) that does not
    validate against the schema."""

    code = "invalid-plan"


class FetchError(FengongError):
    """An address that could not be fetched: an HTTP error status, no answer in time,
    too many redirects, a scheme other than http and https."""

    code = "fetch-failed"

    def __init__(self, message: str, *, path: str | None = None, status: int | None = None):
        super().__init__(message, path=path)
        self.status = status
