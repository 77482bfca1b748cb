"""Ways to show a check Report: plain text, GitHub workflow commands, a step summary, JSON.

Staff read problems on the changed line of a pull request (GitHub annotations) and in
the job's step summary, so those two speak Indonesian by default; codes stay stable
for tools.
"""

from __future__ import annotations

import json
from typing import TypedDict

from ..errors import Problem, Report

SEVERITY_LABELS = {
    "id": {"error": "kesalahan", "warning": "peringatan"},
    "en": {"error": "error", "warning": "warning"},
}


def counts_line(report: Report, lang: str = "id") -> str:
    """`2 kesalahan, 1 peringatan` / `2 errors, 1 warning`."""
    errors, warnings = len(report.errors), len(report.warnings)
    if lang == "id":
        return f"{errors} kesalahan, {warnings} peringatan"
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


def format_text(report: Report, lang: str = "id") -> str:
    """One `file:line:col: severity[CODE]: ...` line per problem (counts: `counts_line`)."""
    return "".join(p.format(lang) + "\n" for p in report.sorted())


# --- GitHub workflow commands ------------------------------------------------------
# Grammar and escaping follow actions/toolkit (packages/core/src/command.ts):
# `::name key=value,key=value::message`; data escapes %, CR, LF; property values
# additionally escape `:` and `,`.


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(p: Problem, lang: str = "id") -> str:
    """`::error file=…,line=…,col=…,title=<code>::<message>` for one problem."""
    props = []
    if p.file:
        props.append(("file", p.file))
        if p.line > 0:
            props.append(("line", str(p.line)))
            if p.col > 0:
                props.append(("col", str(p.col)))
    props.append(("title", p.code))
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{p.severity} {joined}::{escape_data(p.body(lang))}"


def format_github(report: Report, lang: str = "id") -> str:
    """Every problem as a workflow command, one per line."""
    return "".join(annotation(p, lang) + "\n" for p in report.sorted())


# --- step summary (Markdown) -------------------------------------------------------


class SummaryText(TypedDict):
    title: str
    ok: str
    head: tuple[str, str, str, str]  # the table's columns
    note: str


SUMMARY_TEXT: dict[str, SummaryText] = {
    "id": {
        "title": "Hasil pemeriksaan direktori",
        "ok": "Tidak ada masalah. Terima kasih!",
        "head": ("", "Kode", "Letak", "Pesan"),
        "note": (
            "GitHub hanya menandai 10 masalah pertama di baris file; "
            "daftar lengkapnya ada di tabel ini. Arti tiap kode: "
            "lihat CONTRIBUTING.md, bagian *Arti pesan pemeriksaan*."
        ),
    },
    "en": {
        "title": "Directory check",
        "ok": "No problems found.",
        "head": ("", "Code", "Where", "Message"),
        "note": (
            "GitHub annotates only the first 10 problems on the file lines; "
            "this table lists all of them. Codes are explained in CONTRIBUTING.md."
        ),
    },
}
SEVERITY_ICONS = {"error": "❌", "warning": "⚠️"}


def md_cell(text: str) -> str:
    """Make text safe inside one Markdown table cell (GitHub-flavoured)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def step_summary(report: Report, lang: str = "id") -> str:
    """A Markdown section listing every problem (GitHub annotates only 10 per step)."""
    lang_key = "id" if lang == "id" else "en"
    text = SUMMARY_TEXT[lang_key]
    lines = [f"## {text['title']}", "", f"**{counts_line(report, lang)}**", ""]
    problems = report.errors + report.warnings  # errors first: they block the merge
    if not problems:
        return "\n".join([*lines, text["ok"], ""])
    lines.append("| " + " | ".join(text["head"]) + " |")
    lines.append("|" + "---|" * len(text["head"]))
    for p in problems:
        where = f"{p.file}:{p.line}:{p.col}" if p.line > 0 else p.file
        label = f"{SEVERITY_ICONS[p.severity]} {SEVERITY_LABELS[lang_key][p.severity]}"
        row = (label, f"`{p.code}`", md_cell(where), md_cell(p.body(lang)))
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join([*lines, "", text["note"], ""])


# --- JSON ----------------------------------------------------------------------------


def problem_dict(p: Problem) -> dict:
    return {
        "code": p.code,
        "severity": p.severity,
        "file": p.file,
        "line": p.line,
        "col": p.col,
        "subject": p.subject,
        "field": p.field,
        "params": dict(p.params),
        "message": {"id": p.body("id"), "en": p.body("en")},
    }


def format_json(report: Report) -> str:
    """Stable JSON for tools: sorted problems, sorted keys, both languages."""
    data = {
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "problems": [problem_dict(p) for p in report.sorted()],
    }
    return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=2) + "\n"


FORMATTERS = {
    "text": format_text,
    "github": format_github,
    "json": lambda report, lang="id": format_json(report),
}
