"""Output formats of `check`: GitHub workflow commands, step summary, JSON."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import markdown

from generator.check.output import (
    annotation,
    counts_line,
    escape_data,
    escape_property,
    format_github,
    format_json,
    format_text,
    step_summary,
)
from generator.errors import Report, problem

# actions/toolkit command grammar: `::command key=value,key=value::message`, where
# property values contain neither `,` nor `:` nor newlines (escaped) and the message
# contains no CR or LF (escaped).
PROPERTY = r"[^,:\r\n]*"
COMMAND_RE = re.compile(
    rf"^::(?P<command>error|warning) "
    rf"(?:file=(?P<file>{PROPERTY}),(?:line=(?P<line>\d+),(?:col=(?P<col>\d+),)?)?)?"
    rf"title=(?P<title>{PROPERTY})"
    r"::(?P<message>[^\r\n]*)$"
)


def unescape(text: str) -> str:
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


def tricky_report() -> Report:
    report = Report()
    report.add(
        problem(
            "directory/services/a,b:c%.yaml",
            12,
            5,
            "E-LENGTH",
            subject="layanan 'a'",
            field="channels[0].value",
            detail="100% salah: baris satu\nbaris dua\r\nbaris, tiga",
        )
    )
    report.add(problem("directory/hotlines/x.yaml", 3, 1, "W-NO-SOURCE", subject="hotline 'x'"))
    report.add(problem("directory/settings.yaml", 0, 0, "E-MISSING-FILE", name="settings.yaml"))
    report.add(
        problem(
            "directory/services/b.yaml",
            7,
            9,
            "E-PHONE",
            subject="layanan 'b'",
            field="channels[1].value",
            value="0285 | 12",
            reason="terlalu pendek",
        )
    )
    return report


def test_escaping_matches_actions_toolkit():
    assert escape_data("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad:e,f"
    assert escape_property("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad%3Ae%2Cf"


def test_github_lines_match_grammar_and_round_trip():
    report = tricky_report()
    lines = format_github(report).splitlines()
    problems = report.sorted()
    assert len(lines) == len(problems)
    for line, p in zip(lines, problems, strict=False):
        m = COMMAND_RE.match(line)
        assert m, line
        assert m["command"] == p.severity
        assert m["title"] == p.code
        assert unescape(m["file"]) == p.file
        assert unescape(m["message"]) == p.body("id")
        if p.line:
            assert (int(m["line"]), int(m["col"])) == (p.line, p.col)
        else:
            assert m["line"] is None
    assert counts_line(report) == "3 kesalahan, 1 peringatan"


def test_github_exact_line_for_escaped_problem():
    p = tricky_report().sorted()[1]
    assert p.code == "E-LENGTH"
    assert annotation(p) == (
        "::error file=directory/services/a%2Cb%3Ac%25.yaml,line=12,col=5,title=E-LENGTH"
        "::layanan 'a': channels[0].value: 100%25 salah: baris satu\\nbaris dua\\r\\nbaris, tiga"
    )  # a line break in a value is written out, so it cannot start a line of its own


def test_github_indonesian_hint_reaches_staff():
    p = problem(
        "directory/services/b.yaml", 7, 9, "E-PHONE", subject="layanan 'b'", value="12", reason="x"
    )
    line = annotation(p)
    assert line.startswith("::error file=directory/services/b.yaml,line=7,col=9,title=E-PHONE::")
    assert "(Saran: Tulis nomor lengkap dengan kode area" in line


class TableParser(HTMLParser):
    """Rows of cell texts of the HTML tables in a page."""

    def __init__(self):
        super().__init__()
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.rows[-1].append("".join(self.cell))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def parse_markdown_table(text: str) -> list[list[str]]:
    parser = TableParser()
    parser.feed(markdown.markdown(text, extensions=["tables"]))
    assert parser.rows, text
    return parser.rows


def test_step_summary_is_a_table_with_every_problem():
    report = tricky_report()
    summary = step_summary(report)
    rows = parse_markdown_table(summary)
    header, body = rows[0], rows[1:]
    assert header == ["", "Kode", "Letak", "Pesan"]
    assert len(body) == len(report.sorted())
    for row, p in zip(body, report.errors + report.warnings, strict=True):
        assert len(row) == 4
        assert row[1] == p.code
        # Newlines become <br> and `code` becomes <code>: compare the visible text.
        visible = p.body("id").replace("\r\n", "").replace("\n", "").replace("`", "")
        assert row[3] == visible
    assert "'0285 \\| 12'" in summary  # a pipe inside a message does not split the cell
    assert "**3 kesalahan, 1 peringatan**" in summary


def test_step_summary_more_than_ten_errors():
    report = Report()
    for i in range(25):
        report.add(problem(f"directory/services/s{i:02}.yaml", 2, 1, "E-REQUIRED", field="name"))
    rows = parse_markdown_table(step_summary(report))
    assert len(rows) == 26


def test_step_summary_without_problems():
    assert "Tidak ada masalah" in step_summary(Report())


def test_json_is_stable_and_complete():
    report = tricky_report()
    text = format_json(report)
    assert text == format_json(tricky_report())
    data = json.loads(text)
    assert (data["errors"], data["warnings"]) == (3, 1)
    assert [d["code"] for d in data["problems"]] == [p.code for p in report.sorted()]
    assert data["problems"][1]["message"]["en"].startswith("service 'a': channels[0].value: 100%")
    assert text == json.dumps(data, sort_keys=True, ensure_ascii=False, indent=2) + "\n"


def test_text_format_lines():
    text = format_text(tricky_report(), "en")
    assert (
        "directory/hotlines/x.yaml:3:1: warning[W-NO-SOURCE]: hotline 'x': no source given" in text
    )
    assert (text.count(": error["), text.count(": warning[")) == (3, 1)
    assert counts_line(tricky_report(), "en") == "3 errors, 1 warning"
