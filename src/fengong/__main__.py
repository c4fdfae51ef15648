"""``python -m fengong``: the same as the ``fengong`` command."""

from fengong.cli import main

main()
