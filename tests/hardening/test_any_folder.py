"""Why: `python -m generator` from another folder failed (the checkout was not importable)."""

from __future__ import annotations

import subprocess
import sys

from hardening_limits import load_factor

from tests.reference import FICTIONAL, TODAY


def test_check_runs_from_another_folder(tmp_path):
    # `make setup` installs the package (editable) into the venv, so no folder matters.
    done = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--root", str(FICTIONAL), "--lang", "en",
         "--today", TODAY.isoformat()],
        cwd=tmp_path, capture_output=True, text=True, timeout=4 * load_factor(), env={"PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1] == "OK: 0 error(s), 4 warning(s)"
