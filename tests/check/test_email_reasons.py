"""E-EMAIL in Indonesian gives the gist in Indonesian; `--lang en` keeps email-validator's text."""

from __future__ import annotations

import pytest
from email_validator import EmailNotValidError, validate_email

from generator.check.rules.emails import EMAIL_REASONS_ID, email_reason_id
from generator.errors import problem

# One address per kind of mistake a person makes when typing an office's e-mail.
WRONG = [
    "pengaduan",
    "pengaduan@",
    "@dinas.go.id",
    "pengaduan@dinas",
    "pengaduan..uptd@dinas.go.id",
    ".pengaduan@dinas.go.id",
    "pengaduan.@dinas.go.id",
    "pengaduan@-dinas.go.id",
    "pengaduan uptd@dinas.go.id",
    "pengaduan@dinas.go.id.",
    "Dinas <pengaduan@dinas.go.id>",
    "pengaduan＠dinas.go.id",
    "pengaduan@dinas..go.id",
    "pengaduan@" + "d" * 70 + ".go.id",
    "pengaduan@localhost",
    '"pengaduan"@dinas.go.id',
    "pengaduan@[127.0.0.1]",
    "pengaduan@dinas.go.id, lain@dinas.go.id",
]


def reason(value: str) -> str:
    with pytest.raises(EmailNotValidError) as exc:
        validate_email(value, check_deliverability=False)
    return str(exc.value)


@pytest.mark.parametrize("value", WRONG)
def test_every_common_mistake_gets_an_indonesian_reason(value):
    english = reason(value)
    said = email_reason_id(english)
    assert said in {text for _cue, text in EMAIL_REASONS_ID}, (value, english)
    p = problem("x.yaml", 1, 1, "E-EMAIL", value=value, reason=said, reason_en=english)
    assert english not in p.message("id")
    assert english in p.message("en")


def test_an_unknown_reason_still_reads_as_indonesian():
    assert email_reason_id("Something new from a later version.") == "bentuknya tidak sah"
