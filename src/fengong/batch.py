"""Many inputs → many Plans: which files to read, where each output goes, parallel parsing.

The CLI is a thin layer over this module. Parsing runs in worker processes (``jobs``);
results come back in input order, so a parallel run writes exactly what a serial run
writes. A worker never raises: every input ends as an ``Outcome`` that either holds its
Plan (as plain data, ``schema.data``) or the reason it failed, with the error's stable code.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from fengong.parsers.limits import DEFAULT_LIMITS, DEFAULT_OCR, Limits, OcrOptions
from fengong.schema import PlanData

if TYPE_CHECKING:
    from fengong.schema import Plan

PLAN_SUFFIXES = frozenset({
    ".txt", ".text", ".pdf", ".docx", ".docm", ".doc", ".wps", ".rtf", ".html", ".htm",
    ".shtml", ".xhtml", ".xlsx", ".xlsm", ".png", ".jpg", ".jpeg", ".tif", ".tiff",
})  # fmt: skip
_BINARY_MAGIC = (
    b"%PDF-", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"{\\rtf",
    b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*",
)  # fmt: skip
STDIN = "-"


@dataclass(frozen=True)
class Input:
    """One document to parse: its path (or ``-``) and where its output goes relative to
    the output folder."""

    path: str
    relative: Path


@dataclass
class Outcome:
    """What became of one input."""

    input: Input
    plan_data: PlanData | None = None
    tasks: int = 0
    warnings: int = 0
    code: str | None = None
    message: str | None = None
    traceback: str | None = None

    @property
    def ok(self) -> bool:
        """True when the input gave a Plan."""
        return self.plan_data is not None

    def data(self) -> PlanData:
        """Return the plan of an input that gave one (``ok``) as plain data."""
        if self.plan_data is None:
            raise ValueError(f"{self.input.path} gave no plan: {self.message}")
        return self.plan_data

    def plan(self) -> Plan:
        """Return the validated ``Plan`` of an input that gave one (``ok``)."""
        from fengong.schema import as_plan

        return as_plan(self.data())

    def error_record(self) -> dict[str, dict[str, str | None]]:
        """Return the failure as ``{"error": {"path", "code", "message"}}``, the object
        that machine-readable output holds in place of a Plan."""
        path = None if self.input.path == STDIN else self.input.path
        return {"error": {"path": path, "code": self.code, "message": self.message}}


def _looks_like_plan(path: Path) -> bool:
    if path.suffix.lower() in PLAN_SUFFIXES:
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError:
        return False
    return head.startswith(_BINARY_MAGIC)


def collect_inputs(arguments: list[str]) -> list[Input]:
    """Return the inputs named by ``arguments``: files as given (whatever their name),
    addresses (``https://…``, named after their last path segment, made unique), ``-``
    for stdin, and the plan files inside folders, recursively and sorted. In a folder, a
    file is a plan by its suffix (.txt .pdf .docx .doc .wps .rtf .html .htm .xlsx) or,
    for any name, by the magic bytes of a PDF, DOCX, XLSX or old Word file; hidden files
    are skipped. A missing path is kept, so that it is reported as a failure."""
    from fengong.fetch import is_url, url_file_name

    inputs: list[Input] = []
    named: set[Path] = set()
    for argument in arguments:
        if argument == STDIN:
            inputs.append(Input(STDIN, Path("stdin")))
            continue
        if is_url(argument):
            name = relative = Path(url_file_name(argument))
            counter = 2
            while relative in named:  # two addresses ending alike: plan.html, plan-2.html
                relative = name.with_name(f"{name.stem}-{counter}{name.suffix}")
                counter += 1
            named.add(relative)
            inputs.append(Input(argument, relative))
            continue
        path = Path(argument)
        if not path.is_dir():
            inputs.append(Input(argument, Path(path.name)))
            continue
        for found in sorted(path.rglob("*")):
            relative = found.relative_to(path)
            if any(part.startswith(".") for part in relative.parts) or not found.is_file():
                continue
            if _looks_like_plan(found):
                inputs.append(Input(str(found), relative))
    return inputs


def output_paths(inputs: list[Input], out_dir: Path, suffix: str) -> list[Path]:
    """Return one output path per input inside ``out_dir``: the input's folder structure
    mirrored, its stem with ``suffix``. Two inputs that would share a path (``plan.pdf``
    and ``plan.docx``, or the same name given twice) keep their own suffix, then a
    counter, so that no output overwrites another."""
    taken: set[Path] = set()
    paths = []
    for item in inputs:
        base = out_dir / item.relative.parent / item.relative.stem
        candidate = base.with_name(base.name + suffix)
        if candidate in taken:
            candidate = base.with_name(base.name + item.relative.suffix + suffix)
        counter = 2
        while candidate in taken:
            candidate = base.with_name(f"{base.name}-{counter}{suffix}")
            counter += 1
        taken.add(candidate)
        paths.append(candidate)
    return paths


class _Expired(BaseException):
    """Raised by the alarm when a file overruns its time limit. A BaseException, so that
    no ``except Exception`` inside a library swallows it."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``_Expired`` in the block when it runs longer than ``seconds`` (None or 0:
    no limit). Uses SIGALRM, so it works in the main thread on Unix, which is where
    ``parse_one`` runs (in this process or in a worker); elsewhere there is no limit."""
    import signal
    import threading

    usable = (
        seconds
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, float(seconds or 0))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True)
class Settings:
    """How each input of a batch is read: limits, the time limit per file in seconds
    (None: none), whether a Plan with warnings counts as failed, the folder that keeps
    what addresses returned (None: not kept), and when pages are read by OCR."""

    limits: Limits = DEFAULT_LIMITS
    timeout: float | None = None
    strict: bool = False
    save_source: Path | None = None
    ocr: OcrOptions = DEFAULT_OCR


def _fetch(item: Input, settings: Settings) -> bytes:
    """The bytes an address returns, kept in ``settings.save_source`` when asked."""
    from fengong.fetch import DEFAULT_TIMEOUT, fetch

    fetched = fetch(item.path, settings.limits, timeout=settings.timeout or DEFAULT_TIMEOUT)
    if settings.save_source is not None:
        write_atomically(settings.save_source / saved_name(item.relative, fetched.data),
                         fetched.data)  # fmt: skip
    return fetched.data


_SUFFIXES = {"html": ".html", "pdf": ".pdf", "docx": ".docx", "xlsx": ".xlsx", "text": ".txt",
             "doc": ".doc", "rtf": ".rtf"}  # fmt: skip


def saved_name(relative: Path, data: bytes) -> Path:
    """The name a fetched input is saved under: its own, with the suffix of what it holds
    added when its name does not end with it (``index.jsp`` holding a page →
    ``index.jsp.html``)."""
    from fengong.errors import FengongError
    from fengong.parsers.detect import sniff_format

    try:
        suffix = _SUFFIXES.get(sniff_format(data), "")
    except FengongError:
        suffix = ""
    own = relative.suffix.lower()
    if not suffix or own == suffix or (suffix == ".html" and own in (".htm", ".shtml", ".xhtml")):
        return relative
    return relative.with_name(relative.name + suffix)


def parse_one(item: Input, stdin: bytes | None = None, settings: Settings = Settings()) -> Outcome:
    """Parse one input into an ``Outcome``; never raises for bad input.

    ``stdin`` holds the bytes of ``-``. A file that takes longer than
    ``settings.timeout`` fails with code ``timeout``; with ``settings.strict``, a Plan
    with warnings is a failure (code ``warnings``).
    """
    import traceback

    from fengong.errors import FengongError
    from fengong.fetch import is_url
    from fengong.pipeline import parse_bytes_to_data, read_file

    fetching = False
    try:
        with time_limit(settings.timeout):
            if item.path == STDIN:
                data = stdin or b""
                name = None
            elif is_url(item.path):
                fetching = True
                data = _fetch(item, settings)
                fetching = False
                name = item.path
            else:
                path = Path(item.path)
                if not path.is_file():
                    return Outcome(item, code="missing", message="no such file")
                data = read_file(path, settings.limits)
                name = item.path
            plan = parse_bytes_to_data(data, name, limits=settings.limits, ocr=settings.ocr)
    except _Expired:
        if fetching:
            return Outcome(
                item,
                code="fetch-failed",
                message=f"no complete answer within {settings.timeout:g} s (--timeout)",
            )
        return Outcome(
            item,
            code="timeout",
            message=f"reading took longer than the limit of {settings.timeout:g} s (--timeout)",
        )
    except FengongError as err:
        return Outcome(item, code=err.code, message=err.message)
    except RecursionError:
        return Outcome(item, code="too-large", message="the document is nested too deeply")
    except MemoryError:
        return Outcome(item, code="too-large", message="the document needs too much memory")
    except Exception as err:  # a defect in fengong, not bad input
        return Outcome(
            item,
            code="internal",
            message=f"internal error ({type(err).__name__}: {err}); please report it",
            traceback=traceback.format_exc(),
        )
    warnings = plan["warnings"]
    outcome = Outcome(item, plan, tasks=len(plan["tasks"]), warnings=len(warnings))
    if settings.strict and warnings:
        outcome.plan_data = None
        outcome.code = "warnings"
        outcome.message = f"{len(warnings)} warnings (--strict): " + ", ".join(
            sorted({w["code"] for w in warnings})
        )
    return outcome


def _parse_task(args: tuple[Input, bytes | None, Settings]) -> Outcome:
    return parse_one(*args)


def parse_many(
    inputs: list[Input],
    jobs: int = 1,
    stdin: bytes | None = None,
    settings: Settings = Settings(),
) -> Iterator[Outcome]:
    """Yield the ``Outcome`` of every input, in input order, parsing in ``jobs``
    processes (one: in this process)."""
    if len(inputs) == 1 and jobs > 1:  # one file: its pages are OCR'd in parallel instead
        settings = replace(settings, ocr=replace(settings.ocr, jobs=jobs))
    work = [(item, stdin if item.path == STDIN else None, settings) for item in inputs]
    if jobs <= 1 or len(inputs) <= 1:
        yield from map(_parse_task, work)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(jobs, len(inputs))) as pool:
        yield from pool.map(_parse_task, work, chunksize=1)


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename, so that a
    failed run never leaves a half-written file and an existing file is only replaced
    by a complete one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
