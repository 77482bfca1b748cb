"""Every contact value of the real directory is a row of the project's sourced facts.

`../shared/reference/facts.md` lists what the first directory may say, each with its
public source; a row marked "must not be published" names a value that must never
appear (a number once listed without a source).
"""

from __future__ import annotations

import re
import subprocess

import pytest

from generator.check import check_directory
from generator.paths import REAL_ROOT
from tests.conftest import skip_or_fail
from tests.reference import REAL_TODAY, REPO

FACTS = REPO.parent / "shared" / "reference" / "facts.md"
NUMBER = re.compile(r"\(?\+?\d[\d\s\-()]*\d")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@pytest.fixture(scope="module")
def facts() -> dict[str, set[str]]:
    """{"allowed": numbers and emails of sourced rows, "forbidden": of refused rows}."""
    if not FACTS.is_file():
        skip_or_fail(f"{FACTS} is missing (the shared reference beside the clone)")
    found: dict[str, set[str]] = {"allowed": set(), "forbidden": set()}
    for row in FACTS.read_text(encoding="utf-8").splitlines():
        if not row.startswith("|"):
            continue
        kind = "forbidden" if "must not be published" in row else "allowed"
        found[kind] |= {_digits(m) for m in NUMBER.findall(row)}
        found[kind] |= {m.lower() for m in EMAIL.findall(row)}
    return found


def _contact_values():
    directory, report = check_directory(REAL_ROOT, REAL_TODAY)
    assert directory is not None, [p.format() for p in report.errors]
    for kind in ("hotlines", "services", "organisations"):
        for entry in getattr(directory, kind).values():
            channels = entry.record.channels
            for channel in channels if isinstance(channels, list) else []:
                if channel.value and channel.type in ("phone", "whatsapp", "sms", "email"):
                    yield entry.path, channel


def test_every_number_and_email_is_a_sourced_fact(facts):
    unknown, refused = [], []
    for path, channel in _contact_values():
        key = channel.value.lower() if channel.type == "email" else _digits(channel.value)
        if key in facts["forbidden"]:
            refused.append((str(path), channel.value))
        elif key not in facts["allowed"]:
            unknown.append((str(path), channel.value))
    assert refused == []
    assert unknown == []


def test_the_unsourced_kpai_number_is_nowhere_in_the_repository(facts):
    forbidden = {d for d in facts["forbidden"] if len(d) >= 10}
    assert forbidden, "facts.md names the refused number"
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True
    ).stdout.decode()
    hits = []
    for path in (REPO / name for name in listed.split("\0") if name):
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        digits = {_digits(m) for m in NUMBER.findall(text)}
        digits |= {"0" + d[2:] for d in digits if d.startswith("62")}  # +62 / wa.me spelling
        if digits & forbidden:
            hits.append(str(path.relative_to(REPO)))
    assert hits == []
