"""Plans by their address, against a local HTTP server (http.server in a thread, never the
internet): the same Plan as the saved page, redirects, errors, time and size limits, the
reader chosen by what comes back, the fetched bytes kept on request."""

from __future__ import annotations

import gzip
import http.server
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fengong.cli import app
from tests.conftest import SAMPLES

runner = CliRunner()
PAGE = SAMPLES / "html" / "seed000_tsv_merged-cells_no-units.html"
PDF = SAMPLES / "pdf" / "seed001_prose_then_pipe-table.pdf"
BIG = 2 * 1024 * 1024


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def _send(self, body: bytes, kind: str = "text/html", **headers: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, to: str) -> None:
        self.send_response(302)
        self.send_header("Location", to)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        path = self.path
        if path in ("/plan.html", "/zwgk/"):
            self._send(PAGE.read_bytes())
        elif path == "/download?id=7":
            self._send(PDF.read_bytes(), "application/octet-stream")
        elif path.startswith("/hop/"):  # /hop/N redirects N more times, then to the page
            left = int(path.rsplit("/", 1)[1])
            self._redirect(f"/hop/{left - 1}" if left > 1 else "/plan.html")
        elif path == "/to-file":
            self._redirect("file:///etc/passwd")
        elif path == "/gzip":
            self._send(gzip.compress(PAGE.read_bytes()), Content_Encoding="gzip")
        elif path == "/slow":
            time.sleep(4)
            self._send(PAGE.read_bytes())
        elif path == "/big":
            self._send(b"<html><body><p>" + b"x" * BIG + b"</p></body></html>")
        elif path == "/endless":  # no length: the body runs until the connection closes
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(BIG // 65536):
                self.wfile.write(b"y" * 65536)
            self.close_connection = True
        else:
            self.send_error(404, "Not Found")


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hung up on purpose (the size and time limits)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _plan(result_stdout: str) -> dict[str, object]:
    plan = json.loads(result_stdout)
    assert isinstance(plan, dict)
    return plan


def test_a_url_gives_the_same_plan_as_the_saved_page(server: str, tmp_path: Path) -> None:
    fetched = runner.invoke(app, ["parse", f"{server}/plan.html"])
    saved = runner.invoke(app, ["parse", str(PAGE)])
    assert fetched.exit_code == 0, fetched.stderr
    got, want = _plan(fetched.stdout), _plan(saved.stdout)
    assert got["source"].pop("path") == f"{server}/plan.html"  # type: ignore[attr-defined]
    want["source"].pop("path")  # type: ignore[attr-defined]
    # a page's attachments are resolved against its address
    attachments = got["source"].pop("attachments")  # type: ignore[attr-defined]
    want["source"].pop("attachments")  # type: ignore[attr-defined]
    assert attachments[0]["url"] == f"{server}/attachment/0/任务分工表.docx"
    assert got == want


def test_the_api_reads_a_url(server: str) -> None:
    import fengong

    plan = fengong.parse(f"{server}/plan.html")
    assert plan.source.format == "html" and len(plan.tasks) == 27


def test_five_redirects_are_followed_and_a_sixth_is_refused(server: str) -> None:
    assert runner.invoke(app, ["parse", f"{server}/hop/5"]).exit_code == 0
    result = runner.invoke(app, ["parse", f"{server}/hop/6"])
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("more than 5 redirects (the last one HTTP 302) "
                                          "[fetch-failed]")  # fmt: skip


def test_a_404_is_a_clear_error_with_its_status(server: str) -> None:
    from fengong.errors import FetchError
    from fengong.fetch import fetch

    result = runner.invoke(app, ["parse", f"{server}/nothing.html"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"fengong: error: {server}/nothing.html: HTTP 404 Not Found [fetch-failed]\n"
    )
    assert json.loads(result.stdout)["error"]["code"] == "fetch-failed"
    with pytest.raises(FetchError) as raised:
        fetch(f"{server}/nothing.html")
    assert raised.value.status == 404 and raised.value.code == "fetch-failed"


def test_no_answer_in_time_is_a_fetch_error(server: str) -> None:
    from fengong.errors import FetchError
    from fengong.fetch import fetch

    start = time.monotonic()
    result = runner.invoke(app, ["parse", f"{server}/slow", "--timeout", "1"])
    assert result.exit_code == 1 and time.monotonic() - start < 3.5
    assert result.stderr.strip().endswith(
        "no complete answer within 1 s (--timeout) [fetch-failed]"
    )
    with pytest.raises(FetchError, match="timed out"):
        fetch(f"{server}/slow", timeout=0.5)


@pytest.mark.parametrize("path", ["/big", "/endless"])
def test_the_size_limit_holds_while_downloading(server: str, path: str) -> None:
    result = runner.invoke(app, ["parse", f"{server}{path}", "--max-input-mb", "1"])
    assert result.exit_code == 1
    assert "over the limit of 1 MiB (--max-input-mb) [too-large]" in result.stderr
    assert ("declares" in result.stderr) == (path == "/big")  # /endless: counted as it came


def test_what_comes_back_decides_the_reader(server: str) -> None:
    pdf = runner.invoke(app, ["parse", f"{server}/download?id=7"])
    assert pdf.exit_code == 0 and _plan(pdf.stdout)["source"]["format"] == "pdf"  # type: ignore[index]
    packed = runner.invoke(app, ["parse", f"{server}/gzip"])
    assert packed.exit_code == 0 and len(_plan(packed.stdout)["tasks"]) == 27  # type: ignore[arg-type]


def test_only_http_and_https_are_fetched(server: str) -> None:
    for address in (f"{server}/to-file", "ftp://127.0.0.1/plan.html", "file:///etc/passwd"):
        result = runner.invoke(app, ["parse", address])
        assert result.exit_code == 1 and "[fetch-failed]" in result.stderr, address
        assert "root:" not in result.stdout + result.stderr


def test_save_source_keeps_what_was_fetched(server: str, tmp_path: Path) -> None:
    kept = tmp_path / "kept"
    result = runner.invoke(app, ["parse", f"{server}/plan.html", f"{server}/zwgk/",
                                 f"{server}/download?id=7", "-o", str(tmp_path / "out"),
                                 "--save-source", str(kept)])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in kept.iterdir()) == ["download.pdf", "plan.html", "zwgk.html"]
    assert (kept / "plan.html").read_bytes() == PAGE.read_bytes()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "download.json",
        "plan.json",
        "zwgk.json",
    ]


def test_a_failed_fetch_stops_nothing_else_in_a_batch(server: str, tmp_path: Path) -> None:
    text = SAMPLES / "text" / "seed002_tab-cells_section-rows.txt"
    out = tmp_path / "out"
    result = runner.invoke(app, ["parse", f"{server}/gone.html", str(text), f"{server}/plan.html",
                                 "-o", str(out)])  # fmt: skip
    assert result.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == ["plan.json", f"{text.stem}.json"]
    assert "3 files: 2 parsed" in result.stderr
    assert f"failed: {server}/gone.html: HTTP 404 Not Found [fetch-failed]" in result.stderr


def test_units_and_inspect_take_a_url(server: str) -> None:
    units = runner.invoke(app, ["units", f"{server}/download?id=7", "--format", "json"])
    assert units.exit_code == 0 and json.loads(units.stdout)["units"]
    inspect = runner.invoke(app, ["inspect", f"{server}/plan.html"])
    assert inspect.exit_code == 0
    assert "attachments" in inspect.stdout and "任务分工表.docx" in inspect.stdout


def test_addresses_are_named_after_their_last_segment_and_kept_apart() -> None:
    from fengong.batch import collect_inputs

    names = [i.relative.name for i in collect_inputs([
        "https://a.gov.cn/zwgk/plan.html", "https://b.gov.cn/plan.html",
        "https://c.gov.cn/", "https://d.gov.cn/art/2024/%E6%96%B9%E6%A1%88.html?id=3",
    ])]  # fmt: skip
    assert names == ["plan.html", "plan-2.html", "c.gov.cn", "方案.html"]


def test_diff_takes_an_address_for_either_side(server: str) -> None:
    # the page served and the page saved are one plan: no differences; a failed fetch is trouble
    result = runner.invoke(app, ["diff", f"{server}/plan.html", str(PAGE), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["summary"]["changed"] == 0
    gone = runner.invoke(app, ["diff", f"{server}/gone.html", str(PAGE)])
    assert gone.exit_code == 2
    assert "HTTP 404" in gone.stderr and "fetch-failed" in gone.stderr
