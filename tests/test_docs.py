"""The README documents every command and option the CLI has."""

from __future__ import annotations

import typer.main

from fengong.cli import app
from tests.conftest import ROOT


def test_every_command_and_option_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    group = typer.main.get_command(app)
    commands = group.commands  # type: ignore[attr-defined]
    assert set(commands) == {"parse", "units", "inspect", "diff", "validate", "schema"}
    for name, command in commands.items():
        assert f"fengong {name}" in readme, f"command {name} missing from README"
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("-") and opt not in ("--help", "-h"):
                    assert f"`{opt}" in readme, f"option {opt} of {name} missing from README"
    assert "--version" in readme
