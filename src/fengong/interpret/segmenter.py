"""A jieba tokenizer over one small dictionary of fengong's own, loaded cheaply.

jieba's import costs more than the segmentation fengong asks of it: it imports
``pkg_resources`` (about 150 ms) only to find its data files, and its HMM model for unknown
words (``jieba.finalseg``, about 30 ms), which fengong never uses (it cuts with
``HMM=False``). The first is hidden for that one import (jieba falls back to plain paths);
the second is loaded the first time one of its names is asked for, so that any other user
of jieba in the same process still gets it whole. The tokenizer's prefix dictionary is
cached in the user's cache directory (``fengong.user_cache``), not in the system's
temporary folder.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import logging
import sys
import types
from pathlib import Path
from typing import Any

from fengong.user_cache import cache_dir


class _LoadedOnFirstUse(types.ModuleType):
    """A module whose code runs the first time a name it defines is looked up."""

    def __getattr__(self, name: str) -> Any:
        spec = self.__spec__
        if spec is None or spec.loader is None:
            raise AttributeError(name)
        self.__class__ = types.ModuleType  # type: ignore[assignment]
        spec.loader.exec_module(self)
        return getattr(self, name)


def _defer_hmm_model() -> None:
    top = importlib.util.find_spec("jieba")
    if top is None or top.submodule_search_locations is None:
        return
    spec = importlib.machinery.PathFinder.find_spec(
        "jieba.finalseg", list(top.submodule_search_locations)
    )
    if spec is None or spec.loader is None:
        return
    module = importlib.util.module_from_spec(spec)
    module.__class__ = _LoadedOnFirstUse
    sys.modules["jieba.finalseg"] = module


def import_jieba() -> Any:
    """Return the ``jieba`` module, importing it without ``pkg_resources`` and with its
    HMM model deferred when it is not imported yet."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    hide = "pkg_resources" not in sys.modules
    if hide:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        _defer_hmm_model()
        import jieba
    except BaseException:
        sys.modules.pop("jieba.finalseg", None)
        raise
    finally:
        if hide:
            del sys.modules["pkg_resources"]
    jieba.setLogLevel(logging.WARNING)
    return jieba


def tokenizer(dictionary: Path) -> Any:
    """Return an initialised ``jieba.Tokenizer`` over ``dictionary`` (a file of
    ``word freq tag`` lines), its prefix dictionary cached across runs."""
    jieba = import_jieba()
    segmenter = jieba.Tokenizer(dictionary=str(dictionary))
    segmenter.tmp_dir = str(_writable_cache_dir())
    segmenter.initialize()
    return segmenter


def _writable_cache_dir() -> Path:
    try:
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # no home folder, or one we cannot write
        import tempfile

        return Path(tempfile.gettempdir())  # jieba's own place
    return folder
