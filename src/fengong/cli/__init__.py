"""The ``fengong`` command: thin typer commands over the library, one module each.

Data goes to stdout, messages to stderr. Exit codes: 0 success, 1 a document could not
be read or a file is not valid, 2 usage error; ``diff`` answers as diff(1) does: 0 no
differences, 1 differences, 2 trouble.
"""

from fengong.cli import diff, inspect, parse, units, validate  # noqa: F401  (registers commands)
from fengong.cli.app import app, main

__all__ = ["app", "main"]
