"""Check a JSON or YAML file against the ``Plan`` schema; say where each error is."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from fengong.schema import Plan


class _StringDatesLoader(yaml.SafeLoader):
    """YAML loader that keeps dates as strings, so they are checked like JSON's."""


_StringDatesLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Problem:
    """One reason a file is not a valid Plan: where (``tasks.3.deadline.due``) and why."""

    where: str
    message: str


def load_data(text: str, suffix: str) -> object:
    """Parse JSON (or YAML when the suffix says so or JSON fails) into plain data."""
    if suffix.lower() in (".yaml", ".yml"):
        return yaml.load(text, Loader=_StringDatesLoader)
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return yaml.load(text, Loader=_StringDatesLoader)


def validate_file(path: Path) -> tuple[Plan | None, list[Problem]]:
    """Return the validated Plan, or None and the problems found in the file."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        return None, [Problem("file", f"cannot read: {err}")]
    try:
        data = load_data(text, path.suffix)
    except (yaml.YAMLError, ValueError) as err:
        return None, [Problem("file", f"not JSON or YAML: {str(err).splitlines()[0]}")]
    return validate_data(data)


def validate_data(data: object) -> tuple[Plan | None, list[Problem]]:
    """Return ``data`` (JSON or YAML loaded by ``load_data``) as a validated Plan, or None
    and the problems found in it."""
    try:
        return Plan.model_validate_json(json.dumps(data, ensure_ascii=False)), []
    except ValidationError as err:
        return None, [
            Problem(".".join(str(p) for p in e["loc"]) or "plan", e["msg"]) for e in err.errors()
        ]
    except (TypeError, ValueError) as err:
        return None, [Problem("file", str(err))]
