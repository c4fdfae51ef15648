"""The command line as a user meets it: parse, validate, schema, errors, start-up."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fengong.cli import app
from tests.conftest import SAMPLES

runner = CliRunner()
SEED2 = SAMPLES / "text" / "seed002_tab-cells_section-rows.txt"


def test_parse_to_stdout_is_valid_json_with_chinese_unescaped() -> None:
    result = runner.invoke(app, ["parse", str(SEED2)])
    assert result.exit_code == 0
    assert "各单位" in result.stdout
    assert json.loads(result.stdout)["year"] == 2019


def test_parse_yaml_and_output_file_then_validate(tmp_path: Path) -> None:
    out = tmp_path / "plan.yaml"
    result = runner.invoke(app, ["parse", str(SEED2), "--format", "yaml", "-o", str(out)])
    assert result.exit_code == 0
    assert "从化区" in out.read_text("utf-8")
    assert not list(tmp_path.glob(".*.tmp"))
    checked = runner.invoke(app, ["validate", str(out)])
    assert checked.exit_code == 0 and "valid (54 tasks)" in checked.stdout


def test_parse_reads_stdin() -> None:
    result = runner.invoke(app, ["parse", "-"], input=SEED2.read_bytes())
    assert result.exit_code == 0
    assert json.loads(result.stdout)["source"]["path"] is None


def test_validate_rejects_a_hand_broken_file_and_says_where(tmp_path: Path) -> None:
    good = json.loads(runner.invoke(app, ["parse", str(SEED2)]).stdout)
    good["tasks"][2]["deadline"] = {"raw": "6月底前", "due": "2019-02-30", "kind": "month"}
    good["tasks"][3]["seq"] = "4"
    good["tasks"][4]["owner"] = "x"
    good["tasks"][5]["deadline"] = {"raw": "x", "due": None, "kind": "soon"}
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(good, ensure_ascii=False), "utf-8")
    result = runner.invoke(app, ["validate", str(broken)])
    assert result.exit_code == 1
    for where in ("tasks.2.deadline.due", "tasks.3.seq", "tasks.4.owner", "tasks.5.deadline.kind"):
        assert where in result.stderr


def test_unreadable_input_is_one_line_and_exit_1(tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 10)
    result = runner.invoke(app, ["parse", str(junk)])
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    assert "[unsupported-format]" in result.stderr
    missing = runner.invoke(app, ["parse", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1 and "no such file" in missing.stderr


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda docx: docx[: len(docx) // 3], "[unreadable]"),  # truncated download
        (lambda docx: b"PK\x03\x04" + b"\0" * 200, "[unreadable]"),  # not really a zip
        (lambda docx: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512
         + "EncryptedPackage".encode("utf-16-le"), "[encrypted]"),
    ],
    ids=["truncated", "broken-zip", "password"],
)  # fmt: skip
def test_bad_docx_is_one_line_and_exit_1(tmp_path: Path, make, code: str) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "plan.docx"
    bad.write_bytes(make((SAMPLES / "docx" / "seed002_tab-cells_section-rows.docx").read_bytes()))
    result = runner.invoke(app, ["parse", str(bad)])
    assert result.exit_code == 1
    assert code in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_empty_file_is_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["parse", str(empty)])
    assert result.exit_code == 1 and "[empty]" in result.stderr


def test_schema_is_json_schema() -> None:
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    assert schema["title"] == "Plan" and "tasks" in schema["properties"]


def test_usage_error_exits_2() -> None:
    assert runner.invoke(app, ["parse", str(SEED2), "--format", "xml"]).exit_code == 2


@pytest.mark.parametrize("argv", [["--help"], ["parse", "--help"]])
def test_help_imports_no_heavy_library(argv: list[str]) -> None:
    code = (
        "import sys\n"
        "from fengong.cli import app\n"
        f"try:\n    app({argv!r})\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('jieba', 'pdfplumber', 'docx', 'yaml', 'lxml', 'openpyxl',\n"
        "                      'httpx', 'urllib.request') if m in sys.modules]\n"
        "print('HEAVY:' + ','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "HEAVY:"


def test_python_m_fengong_runs() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "fengong", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("fengong ")


def test_the_command_ends_with_its_status_and_all_of_its_output(tmp_path: Path) -> None:
    # main() ends the process without the interpreter's teardown: every byte written must
    # still arrive, and the status must be the command's
    def fengong(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([sys.executable, "-m", "fengong", *args], capture_output=True)

    sample = SAMPLES / "text" / "seed004_tsv_page-breaks_shifted-cell.txt"
    done = fengong("parse", str(sample))
    assert done.returncode == 0 and len(done.stdout) > 50000
    assert len(json.loads(done.stdout)["tasks"]) == 41  # the gold's count (tests/golden)
    missing = fengong("parse", str(tmp_path / "none.txt"))
    assert missing.returncode == 1 and missing.stderr.decode().count("\n") == 1
    assert fengong().returncode == 2  # no command: usage
