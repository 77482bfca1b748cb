"""Staff-facing text (terminal, GitHub annotations) and the logo path: shown, not obeyed."""

from __future__ import annotations

import os

from generator import logo
from generator.check.output import annotation, format_text
from generator.errors import Report, problem

FORGED = "nomor\n::error file=lain.yaml::palsu\r\x1b[2J\x1b]8;;https://contoh.example\x07\u202e"


def test_a_value_cannot_forge_a_line_or_run_an_escape():
    p = problem(
        "directory/services/x\n.yaml", 3, 1, "E-PHONE", subject="layanan 'x'", value=FORGED,
        reason="x",
    )  # fmt: skip
    report = Report([p])
    for out in (format_text(report), annotation(p) + "\n"):
        assert out.count("\n") == 1 and "\r" not in out
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "nomor\\n::error file=lain.yaml::palsu\\r\\x1b[2J" in format_text(report)
    assert "\\u202e" in format_text(report)


def test_logo_only_a_plain_file_inside_assets(tmp_path):
    assets = tmp_path / "assets"
    assets.mkdir()
    (assets / "logo.png").write_bytes(b"png")
    (tmp_path / "rahasia.txt").write_text("x")
    os.symlink(tmp_path / "rahasia.txt", assets / "tautan.png")
    assert logo.refused(tmp_path, "logo.png") is None
    assert logo.path_of(tmp_path, "logo.png") == (assets / "logo.png").resolve()
    assert logo.refused(tmp_path, "tidak-ada.png") == "missing"
    assert logo.refused(tmp_path, "../rahasia.txt") == "hanya nama file, tanpa folder"
    assert logo.refused(tmp_path, "/etc/passwd") == "hanya nama file, tanpa folder"
    assert logo.refused(tmp_path, "tautan.png") == "symlink tidak dipakai"
    assert logo.path_of(tmp_path, "tautan.png") is None


def test_assets_folder_may_not_be_a_symlink(tmp_path):
    (tmp_path / "lain").mkdir()
    (tmp_path / "lain" / "logo.png").write_bytes(b"png")
    os.symlink(tmp_path / "lain", tmp_path / "assets")
    assert logo.refused(tmp_path, "logo.png") == "symlink tidak dipakai"


def test_one_markdown_sanitiser_for_site_and_print():
    from generator import markup
    from generator.print.content import markdown as print_markdown
    from generator.site.text import render_markdown

    text = '![peta](https://pelacak.example/p.png) [a](javascript:x) <b onclick="x">t</b> [b](https://ok.example "judul")'
    html = str(markup.render(text))
    assert print_markdown(text) == html == str(render_markdown(text))
    assert "<img" not in html and "javascript" not in html and "onclick" not in html
    assert "title=" not in html and "pelacak.example" not in html.split("href")[0]
    assert '<a href="https://ok.example" rel="noopener noreferrer">b</a>' in html


def test_a_leaflet_fetches_nothing_even_if_markup_got_through(tmp_path):
    """Second lock behind E-IMAGE and the sanitiser: the PDF renderer loads no http(s)."""
    import http.server
    import threading

    from generator.check import check_directory
    from generator.print import content, render
    from tests.reference import FICTIONAL, TODAY

    requests: list[str] = []

    class Count(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Count)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        directory, _ = check_directory(FICTIONAL, TODAY)
        page = content.leaflet_content(
            directory, "flyer-contoh-nomor-penting", "33.71", None, print_shop=False
        )
        url = f"http://127.0.0.1:{server.server_port}"
        page["sections"][0]["html"] += (
            f'<img src="{url}/a.png"><link rel="stylesheet" href="{url}/b.css">'
        )
        render.render_pdf(page, "uji")
    finally:
        server.shutdown()
    assert requests == []


def test_the_address_scan_is_linear_on_hostile_input():
    """Four times the text may take about four times as long, not sixteen (best of 5).

    CPU time of this process, not wall time: other processes on a busy machine must not
    make a linear scan look quadratic."""
    import time

    from generator import addresses

    def cost(text: str) -> float:
        data = {"locations": [{"confidential": True}], "notes": text}
        runs = []
        for _ in range(5):
            start = time.process_time()
            addresses.scan(data, None)
            runs.append(time.process_time() - start)
        return min(runs)

    shapes = [
        lambda n: "1.23" + " " * n + "x",
        lambda n: "lat" + " " * n + "x",
        lambda n: "rt" + " " * n + "/" + " " * n + "x",
        lambda n: "dekat " + "a" * n + " x",
        lambda n: "1" * n + ".5 " + "9" * n,
        lambda n: "J\u200b" * n,
        lambda n: "\u202e" + "gang " * (n // 5),
    ]
    for shape in shapes:
        small, large = cost(shape(10_000)), cost(shape(40_000))
        assert large < 8 * small + 0.05, (shape(12), small, large)
