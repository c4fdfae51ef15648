"""Where fengong keeps what it can reuse across runs: the user's cache directory.

Linux and the BSDs ``$XDG_CACHE_HOME/fengong`` (``~/.cache/fengong``), macOS
``~/Library/Caches/fengong``, Windows ``%LOCALAPPDATA%\\fengong\\Cache``, the way
platformdirs places them (written out here: platformdirs costs 30 ms to import, more than
what it saves). ``FENGONG_CACHE_DIR`` overrides the place. Each fengong version has a
folder of its own, and everything in it is rebuilt when missing: the folder is safe to
delete.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def cache_dir() -> Path:
    """Return this fengong version's cache folder (not created; whoever writes creates
    it and copes with a folder it cannot write)."""
    from fengong import __version__

    return _base() / __version__


def _base() -> Path:
    if override := os.environ.get("FENGONG_CACHE_DIR"):
        return Path(override)
    home = Path.home()
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(local) / "fengong" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "fengong"
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".cache"
    return base / "fengong"
