"""Golden files: expected output kept in tests/golden/, rewritten only on purpose.

`UPDATE_GOLDEN=1 pytest tests -k golden` (`make golden`) writes what the code gives
now; review the diff before committing it.
"""

from __future__ import annotations

import json
import os
from typing import Any

from tests.reference import GOLDEN

__all__ = ["GOLDEN", "as_json", "assert_golden", "normalise"]


def normalise(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def as_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def assert_golden(name: str, actual: str) -> None:
    """`actual` equals tests/golden/<name> (written first when UPDATE_GOLDEN is set)."""
    golden = GOLDEN / name
    actual = normalise(actual)
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), f"missing {golden}; run `make golden`"
    assert actual == golden.read_text(encoding="utf-8"), (
        f"{name} differs; `make golden` if intended"
    )
