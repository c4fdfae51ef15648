"""The role-word tokenizer's loading: jieba without its HMM model until someone asks for
it, the prefix dictionary cached in the user's cache directory."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from fengong.user_cache import cache_dir


def _run(code: str, env_cache: Path) -> str:
    import os

    env = {**os.environ, "FENGONG_CACHE_DIR": str(env_cache)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout.strip()


def test_role_words_are_cut_without_loading_jiebas_hmm_model(tmp_path: Path) -> None:
    out = _run(
        "import sys\n"
        "from fengong.interpret.units import tokens\n"
        "print(tokens('牵头单位：市发展改革委')[:2], 'jieba.finalseg.prob_emit' in sys.modules)",
        tmp_path,
    )
    assert out == "['牵头单位', '：'] False"


def test_another_user_of_jieba_in_the_process_still_gets_the_hmm_model(
    tmp_path: Path,
) -> None:
    # 杭研 is in no dictionary: only the HMM model joins it
    out = _run(
        "from fengong.interpret.units import tokens\n"
        "tokens('牵头单位')\n"
        "import jieba\n"
        "print('/'.join(jieba.cut('他来到了网易杭研大厦')))",
        tmp_path,
    )
    assert out == "他/来到/了/网易/杭研/大厦"


def test_the_prefix_dictionary_is_cached_in_the_versioned_user_cache(tmp_path: Path) -> None:
    _run("from fengong.interpret.units import tokens; tokens('牵头单位')", tmp_path)
    from fengong import __version__

    cached = list((tmp_path / __version__).glob("jieba*.cache"))
    assert len(cached) == 1
    # safe to delete: the next run builds it again
    cached[0].unlink()
    _run("from fengong.interpret.units import tokens; tokens('牵头单位')", tmp_path)
    assert len(list((tmp_path / __version__).glob("jieba*.cache"))) == 1


def test_an_unwritable_cache_directory_does_not_stop_a_parse(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    out = _run("from fengong.interpret.units import tokens; print(tokens('配合单位')[0])", blocker)
    assert out == "配合单位"


def test_the_cache_follows_xdg_and_the_override(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from fengong import __version__

    monkeypatch.delenv("FENGONG_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert cache_dir() == tmp_path / "xdg" / "fengong" / __version__
    monkeypatch.setenv("FENGONG_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine" / __version__


def test_no_home_folder_falls_back_to_the_temp_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    from fengong.interpret import segmenter

    def no_home(cls: type[Path]) -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("FENGONG_CACHE_DIR", raising=False)
    monkeypatch.setattr(Path, "home", classmethod(no_home))
    assert segmenter._writable_cache_dir() == Path(tempfile.gettempdir())
