"""Command line: `python -m devtools <command>` (bench, synth).

The commands follow `generator.commands`' interface, so the generator's entry point
parses them and reports their errors the same way.
"""

from __future__ import annotations

import sys

from generator.__main__ import main as generator_main

from . import commands


def main(argv: list[str] | None = None) -> int:
    return generator_main(argv, package=commands, prog="python -m devtools")


if __name__ == "__main__":
    sys.exit(main())
