"""YAML syntax errors explained to staff: in Indonesian (and English for `--lang en`),
at the line where the mistake most likely is.

libyaml reports where it *noticed* a problem: a missing closing quote is noticed at the
end of the file, an unclosed `[` at the next key. Its "context" mark points where the
unfinished thing began, which is where a person must look. The messages are libyaml's
own (https://github.com/yaml/libyaml/blob/master/src/scanner.c and parser.c).
"""

from __future__ import annotations

import yaml

# (libyaml problem starts with, context starts with or "") ->
# (Indonesian, English, look at the context mark rather than the problem mark)
EXPLAINED: list[tuple[str, str, str, str, bool]] = [
    ("found unexpected end of stream", "while scanning a quoted",
     "tanda kutip dibuka di sini tetapi tidak ditutup", "a quote opened here is never closed", True),
    ("found unexpected end of stream", "",
     "file berakhir di tengah nilai", "the file ends in the middle of a value", True),
    ("found character '\\t'", "",
     "ada karakter tab; indentasi harus memakai spasi", "a tab character; indent with spaces", False),
    ("found a tab character", "",
     "ada karakter tab; indentasi harus memakai spasi", "a tab character; indent with spaces", False),
    ("mapping values are not allowed", "",
     "titik dua (`:`) di tempat yang tidak boleh; jika teksnya memuat `: `, apit dengan tanda kutip",
     "a colon (`:`) where none is allowed; if the text holds `: `, put it in quotes", False),
    ("could not find expected ':'", "",
     "baris ini tidak punya `:` setelah kunci", "this line has no `:` after its key", True),
    ("did not find expected ',' or ']'", "",
     "daftar `[` dibuka di sini tetapi tidak ditutup dengan `]` (atau kurang koma)",
     "a `[` list opened here is not closed with `]` (or a comma is missing)", True),
    ("did not find expected ',' or '}'", "",
     "`{` dibuka di sini tetapi tidak ditutup dengan `}` (atau kurang koma)",
     "a `{` opened here is not closed with `}` (or a comma is missing)", True),
    ("did not find expected '-' indicator", "",
     "butir daftar harus diawali `- ` dengan indentasi yang sama",
     "list items must start with `- ` at the same indentation", False),
    ("did not find expected key", "",
     "indentasi baris ini tidak sejajar dengan kunci di atasnya",
     "this line is not indented in line with the keys above it", False),
    ("expected <block end>", "",
     "indentasi baris ini tidak sejajar dengan kunci di atasnya",
     "this line is not indented in line with the keys above it", False),
    ("block sequence entries are not allowed", "",
     "`- ` di tempat yang tidak boleh; periksa indentasi", "`- ` where none is allowed; check indentation", False),
    ("found unknown escape character", "",
     "garis miring terbalik `\\` di dalam tanda kutip ganda; pakai tanda kutip tunggal `'…'`",
     "a backslash `\\` inside double quotes; use single quotes `'…'`", False),
    ("found undefined tag handle", "",
     "tanda `!` di awal nilai; apit nilainya dengan tanda kutip", "a `!` starts the value; put it in quotes", False),
    ("found character that cannot start any token", "",
     "nilai diawali karakter khusus (`@`, `` ` ``, `%`…); apit dengan tanda kutip",
     "the value starts with a reserved character (`@`, `` ` ``, `%`…); put it in quotes", False),
    ("found unexpected ':'", "",
     "titik dua (`:`) di tempat yang tidak boleh; apit teksnya dengan tanda kutip",
     "a colon (`:`) where none is allowed; put the text in quotes", False),
]  # fmt: skip


TAB = ("ada karakter tab; indentasi harus memakai spasi", "a tab character; indent with spaces")


def explain(exc: yaml.MarkedYAMLError, text: str = "") -> tuple[int, int, str, str]:
    """(line, column, Indonesian, English) for a libyaml syntax error in `text`."""
    problem = exc.problem or ""
    context = exc.context or ""
    if _char_at(text, exc.problem_mark) == "\t":  # libyaml does not name the character
        line, col = _position(exc.problem_mark)
        return line, col, *TAB
    for start, ctx, id_, en, at_context in EXPLAINED:
        if problem.startswith(start) and context.startswith(ctx):
            mark = (exc.context_mark if at_context else None) or exc.problem_mark
            line, col = _position(mark)
            noticed = exc.problem_mark
            if at_context and noticed and mark and noticed.line != mark.line:
                id_ += f" (terlihat di baris {noticed.line + 1})"
                en += f" (noticed at line {noticed.line + 1})"
            return line, col, id_, en
    line, col = _position(exc.problem_mark or exc.context_mark)
    raw = problem or "?"
    return line, col, f"sintaks salah ({raw})", f"syntax error ({raw})"


def _char_at(text: str, mark) -> str:
    if mark is None:
        return ""
    lines = text.split("\n", mark.line + 1)
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[mark.column : mark.column + 1]


def _position(mark) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)
