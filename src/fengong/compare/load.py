"""Either side of a comparison: a document in any format fengong reads, a Plan saved by
``fengong parse`` (JSON or YAML), or a ``Plan`` already in memory.

A saved Plan is told by its content, never by its name: a JSON or YAML object holding
``schema_version`` and ``tasks``. It is validated against the schema; one that does not
validate is an error (``invalid-plan``), not a document to parse.
"""

from __future__ import annotations

from pathlib import Path

from fengong.compare.align import DEFAULT_THRESHOLD
from fengong.compare.model import PlanDiff
from fengong.errors import InvalidPlanError
from fengong.parsers.limits import DEFAULT_LIMITS, Limits
from fengong.schema import Plan

# the first bytes of the binary formats fengong reads (PDF, DOCX, .doc/.wps, RTF)
_DOCUMENT_MAGIC = (b"%PDF-", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"{\\rtf")


def saved_plan(data: bytes, path: str | None = None) -> Plan | None:
    """Return the Plan that ``data`` holds when it is a saved Plan (JSON or YAML object
    with ``schema_version`` and ``tasks``), with ``path`` (when given) as its source path;
    None when it is something else, to be parsed as a document. Raises
    ``InvalidPlanError`` for a saved Plan that does not validate, or for text that opens
    like JSON, names ``schema_version`` and is not valid JSON."""
    import yaml

    from fengong.validation import load_data, validate_data

    if data[:64].lstrip().startswith(_DOCUMENT_MAGIC):
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if "schema_version" not in text or "tasks" not in text:
        return None
    try:
        loaded = load_data(text, Path(path).suffix if path else "")
    except (yaml.YAMLError, ValueError) as err:
        if text.lstrip().startswith("{"):
            raise InvalidPlanError(
                f"not valid JSON: {str(err).splitlines()[0]}", path=path
            ) from err
        return None
    if not isinstance(loaded, dict) or not {"schema_version", "tasks"} <= loaded.keys():
        return None
    plan, problems = validate_data(loaded)
    if plan is None:
        first = problems[0]
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise InvalidPlanError(
            f"a saved Plan that is not valid: {first.where}: {first.message}{more}; "
            "`fengong validate` lists every problem",
            path=path,
        )
    if path is not None:
        plan = plan.model_copy(update={"source": plan.source.model_copy(update={"path": path})})
    return plan


def load_plan(source: Plan | str | Path | bytes, limits: Limits = DEFAULT_LIMITS) -> Plan:
    """Return ``source`` as a Plan: a Plan as it is; a path or bytes holding a saved Plan
    (``saved_plan``) validated; any other path or bytes parsed as a document
    (``fengong.parse``, within ``limits``). Raises ``FengongError`` for input that cannot
    be read, with the path."""
    from fengong.pipeline import parse_bytes, read_file

    if isinstance(source, Plan):
        return source
    if isinstance(source, bytes):
        return saved_plan(source) or parse_bytes(source, limits=limits)
    path = str(source)
    data = read_file(Path(source), limits)
    return saved_plan(data, path) or parse_bytes(data, path, limits=limits)


def diff(
    old: Plan | str | Path | bytes,
    new: Plan | str | Path | bytes,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    unit: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> PlanDiff:
    """Return what changed from ``old`` to ``new``, each a path, bytes or a Plan (a
    document in any format fengong reads, or a Plan saved as JSON or YAML): see
    ``compare.plans.diff_plans`` for ``threshold`` and ``unit``. Raises ``FengongError``
    for a side that cannot be read and ``UnknownUnitError`` for a unit neither plan
    names."""
    from fengong.compare.plans import diff_plans

    return diff_plans(
        load_plan(old, limits), load_plan(new, limits), threshold=threshold, unit=unit
    )
