"""Arguments several commands share, declared once (same names, defaults and help)."""

from __future__ import annotations

from pathlib import Path

from ..errors import MissingRoot
from ..paths import REAL_ROOT


def add_root(parser, default: Path | None = REAL_ROOT) -> None:
    shown = "directory/" if default is not None else "$DIREKTORI_ROOT atau directory/"
    parser.add_argument(
        "--root", type=Path, default=default, help=f"folder direktori (bawaan: {shown})"
    )


def existing_root(root: Path) -> Path:
    """`root` when it is a folder; else the command stops (`errors.MissingRoot`)."""
    if not root.is_dir():
        raise MissingRoot(root)
    return root


def add_today(parser) -> None:
    parser.add_argument(
        "--today",
        default=None,
        help="tanggal acuan YYYY-MM-DD (bawaan: SOURCE_DATE_EPOCH atau hari ini)",
    )
