"""`python -m generator serve` as a person runs it: save a file, the served page changes."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import FICTIONAL, REPO, TODAY

EDITED = "pengaduan-uptd-ppa-contoh-bone"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def wait_for(url: str, test, seconds: float) -> str:
    """Poll `url` until `test(status, text)` holds; its text."""
    end = time.monotonic() + seconds
    status, text = 0, ""
    while time.monotonic() < end:
        status, text = fetch(url)
        if test(status, text):
            return text
        time.sleep(0.1)
    raise AssertionError(f"{url}: still {status} after {seconds} s:\n{text[:2000]}")


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    tmp = tmp_path_factory.mktemp("serve")
    root = tmp / "fictional"
    shutil.copytree(FICTIONAL, root)
    base = f"http://127.0.0.1:{free_port()}/"
    command = [
        sys.executable, "-m", "generator", "serve", "--root", str(root), "--work",
        str(tmp / "work"), "--dev-addr", base[7:-1], "--today", TODAY.isoformat(),
    ]  # fmt: skip
    log = (tmp / "serve.log").open("w")
    process = subprocess.Popen(command, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for(base, lambda status, _text: status == 200, 240)
        yield base, root
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
        output = (tmp / "serve.log").read_text()
        assert "Traceback" not in output, output


def test_a_saved_edit_shows_and_a_broken_file_shows_its_error(served):
    base, root = served
    path = root / "services" / f"{EDITED}.yaml"
    good = path.read_text(encoding="utf-8")
    url = f"{base}layanan/{EDITED}/"
    path.write_text(good.replace("name: ", "name: Tersimpan Baru ", 1), encoding="utf-8")
    wait_for(url, lambda status, text: "Tersimpan Baru" in text, 30)

    path.write_text(good.replace("status: active", "status: [aktif", 1), encoding="utf-8")
    text = wait_for(url, lambda status, text: "pratinjau-masalah" in text, 30)
    assert f"fictional/services/{EDITED}.yaml:" in text
    assert "error[E-YAML]" in text
    assert "Tersimpan Baru" in text  # the last good page stays under the banner

    path.write_text(good, encoding="utf-8")
    text = wait_for(url, lambda status, text: "pratinjau-masalah" not in text, 30)
    assert "Tersimpan Baru" not in text


def test_a_new_file_appears_and_a_deleted_one_is_gone(served):
    base, root = served
    text = (root / "services" / "puspaga-contoh-bone.yaml").read_text(encoding="utf-8")
    new = root / "services" / "puspaga-lain-contoh-bone.yaml"
    new.write_text(text.replace("name: ", "name: Puspaga Lain ", 1), encoding="utf-8")
    url = f"{base}layanan/puspaga-lain-contoh-bone/"
    wait_for(url, lambda status, text: status == 200 and "Puspaga Lain" in text, 30)
    city = f"{base}kota/73-08-kabupaten-bone/"
    wait_for(city, lambda status, text: "puspaga-lain-contoh-bone" in text, 30)
    new.unlink()
    wait_for(url, lambda status, _text: status == 404, 30)
    wait_for(city, lambda status, text: "puspaga-lain-contoh-bone" not in text, 30)


def test_the_preview_serves_this_machine_only(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "generator", "serve", "--root", str(FICTIONAL), "--work",
         str(tmp_path), "--dev-addr", "0.0.0.0:8000"],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 1
    assert "bukan alamat lokal" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_open_page_reloads_itself_after_a_save(served, browser):
    """Live reload under the site's Content-Security-Policy (no inline script)."""
    base, root = served
    path = root / "services" / "visum-puskesmas-contoh-bone.yaml"
    good = path.read_text(encoding="utf-8")
    page = browser.new_page()
    try:
        page.goto(f"{base}layanan/visum-puskesmas-contoh-bone/")
        page.wait_for_load_state("load")
        with page.expect_navigation(timeout=30_000):  # the page reloads itself
            path.write_text(good.replace("name: ", "name: Muat Ulang Sendiri ", 1), "utf-8")
        page.wait_for_load_state("load")
        assert "Muat Ulang Sendiri" in page.content()
    finally:
        page.close()
        path.write_text(good, encoding="utf-8")
