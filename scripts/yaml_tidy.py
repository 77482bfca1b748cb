#!/usr/bin/env python3
"""Tidy YAML files without touching their meaning or their comments (pre-commit hook).

Only whitespace changes, made on the text, so every comment stays where it was:
a UTF-8 byte-order mark is dropped, CRLF/CR become LF, trailing spaces go, and the
file ends with exactly one newline. A file is rewritten only when it still parses to
the same data afterwards. Exit 1 when a file was (or, with --check, would be) changed.

Usage: python scripts/yaml_tidy.py [--check] FILE...
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml


def tidy(text: str) -> str:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip(" \t") for line in text.split("\n")]
    return "\n".join(lines).rstrip("\n") + "\n" if text.strip() else ""


def same_data(before: str, after: str) -> bool:
    try:
        return list(yaml.safe_load_all(before)) == list(yaml.safe_load_all(after))
    except yaml.YAMLError:
        return True  # unreadable either way: `check` reports it with its position


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report, never write")
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args(argv)
    changed = 0
    for path in args.files:
        try:
            before = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"{path}: tidak bisa dibaca sebagai UTF-8 ({exc})", file=sys.stderr)
            changed += 1
            continue
        after = tidy(before)
        if after == before:
            continue
        if not same_data(before, after):
            print(
                f"{path}: tidak dirapikan (isinya akan berubah); rapikan sendiri", file=sys.stderr
            )
            changed += 1
            continue
        changed += 1
        if args.check:
            print(f"{path}: perlu dirapikan", file=sys.stderr)
        else:
            path.write_bytes(after.encode("utf-8"))
            print(f"{path}: dirapikan", file=sys.stderr)
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
