"""Plans by their address: ``fengong parse https://…/plan.html``.

The standard library's ``urllib`` fetches; no other client is needed for one GET. Only
http and https are followed, with at most five redirects (never to another scheme); a
connection and every read wait at most ``timeout`` seconds and the whole download no
longer either; the input-size limit (``--max-input-mb``) is checked against the declared
length and again while the bytes arrive, so an endless answer never fills memory. A
compressed answer (gzip, deflate) is inflated under the same limit. What comes back is
read by its content, like a file: a URL that returns a PDF is read as a PDF.

A failed fetch raises ``FetchError`` (code ``fetch-failed``, with the HTTP status where
there is one); a download over the limit ``TooLargeError``.
"""

from __future__ import annotations

import re
import time
import urllib.parse
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from fengong import __version__
from fengong.errors import FetchError, TooLargeError
from fengong.parsers.limits import DEFAULT_LIMITS, Limits, MiB

MAX_REDIRECTS = 5
DEFAULT_TIMEOUT = 60.0
_CHUNK = 64 * 1024
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_USER_AGENT = f"Mozilla/5.0 (compatible; fengong/{__version__})"


def is_url(text: str) -> bool:
    """Whether an input names an address (``scheme://…``) rather than a file."""
    return bool(_SCHEME.match(text))


def url_file_name(url: str) -> str:
    """A file name for what ``url`` returns: its last path segment (unquoted, made safe),
    else its host."""
    parts = urllib.parse.urlsplit(url)
    segment = PurePosixPath(urllib.parse.unquote(parts.path)).name
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", segment or parts.hostname or "page").strip(". ")
    return name[:120] or "page"


@dataclass(frozen=True)
class Fetched:
    """What an address returned: the final address (after redirects) and the bytes."""

    url: str
    data: bytes


def _opener() -> Any:
    """An opener for http and https only (no file:, ftp: or data: handlers) that follows
    at most ``MAX_REDIRECTS`` redirects, never to another scheme."""
    import urllib.request

    class Redirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(
            self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str
        ) -> Any:
            count = getattr(req, "fengong_redirects", 0) + 1
            if count > MAX_REDIRECTS:
                raise FetchError(
                    f"more than {MAX_REDIRECTS} redirects (the last one HTTP {code})", status=code
                )
            if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
                raise FetchError(f"redirected to {newurl}: only http and https are followed")
            new = super().redirect_request(req, fp, code, msg, headers, newurl)
            if new is not None:
                new.fengong_redirects = count  # type: ignore[attr-defined]
            return new

    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(), urllib.request.UnknownHandler(),
        urllib.request.HTTPHandler(), urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(), Redirects(),
        urllib.request.HTTPErrorProcessor(),
    ):  # fmt: skip
        opener.add_handler(handler)
    return opener


def _too_large(size: int, limits: Limits, when: str) -> TooLargeError:
    return TooLargeError(
        f"the answer {when} {size / MiB:.3g} MiB, over the limit of "
        f"{limits.max_input_bytes / MiB:.3g} MiB (--max-input-mb)"
    )


def _read_body(response: Any, limits: Limits, deadline: float, timeout: float) -> bytes:
    """The body of ``response``, inflated if compressed, refused past the size limit or
    the deadline."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limits.max_input_bytes:
        raise _too_large(int(declared), limits, "declares")
    encoding = response.headers.get("Content-Encoding", "").strip().lower()
    inflate = (
        zlib.decompressobj(16 + zlib.MAX_WBITS)
        if encoding in ("gzip", "x-gzip")
        else zlib.decompressobj()
        if encoding == "deflate"
        else None
    )
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(f"no complete answer within {timeout:g} s (timed out)")
        chunk = response.read(_CHUNK)
        if not chunk:
            break
        if inflate is not None:
            chunk = inflate.decompress(chunk, limits.max_input_bytes + 1 - size)
        size += len(chunk)
        if size > limits.max_input_bytes:
            raise _too_large(size, limits, "grew past")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch(url: str, limits: Limits = DEFAULT_LIMITS, timeout: float = DEFAULT_TIMEOUT) -> Fetched:
    """GET ``url`` (http or https) and return what it answers; raise ``FetchError`` when
    it fails (HTTP status, no answer within ``timeout`` seconds, more than five
    redirects) and ``TooLargeError`` past ``limits.max_input_bytes``."""
    import http.client
    import urllib.error
    import urllib.request

    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"only http and https addresses are read, not {scheme}:", path=url)
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": _USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,application/pdf,*/*;q=0.8",
            "Accept-Encoding": "gzip, deflate",
            "Accept-Language": "zh-CN,zh;q=0.9",
        },
    )
    deadline = time.monotonic() + timeout
    try:
        with _opener().open(request, timeout=timeout) as response:
            data = _read_body(response, limits, deadline, timeout)
            return Fetched(url=response.geturl(), data=data)
    except urllib.error.HTTPError as err:
        raise FetchError(f"HTTP {err.code} {err.reason}", path=url, status=err.code) from err
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, TimeoutError):
            raise FetchError(f"no answer within {timeout:g} s (timed out)", path=url) from err
        raise FetchError(f"cannot reach the address: {reason}", path=url) from err
    except TimeoutError as err:
        raise FetchError(f"no answer within {timeout:g} s (timed out)", path=url) from err
    except zlib.error as err:
        raise FetchError(f"the compressed answer is damaged ({err})", path=url) from err
    except FetchError as err:
        err.path = err.path or url
        raise
    except (OSError, ValueError, http.client.HTTPException) as err:
        raise FetchError(f"the download failed ({type(err).__name__}: {err})", path=url) from err
