"""The ``fengong`` command: thin typer commands over the library, one module each.

Data goes to stdout, messages to stderr. Exit codes: 0 success, 1 a document could not
be read or a file is not valid, 2 usage error.
"""

from fengong.cli import inspect, parse, units, validate  # noqa: F401  (registers commands)
from fengong.cli.app import app, main

__all__ = ["app", "main"]
