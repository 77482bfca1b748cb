"""Command line: `python -m generator <command>`.

Each command lives in `generator/commands/<name>.py` and exposes `HELP` (one line),
`add_arguments(parser)` and `run(args) -> int`. This is the only place that prints
errors and chooses exit codes: library code raises, the command line reports.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import pkgutil
import sys
from types import ModuleType

from . import commands
from .errors import CheckFailed, GeneratorError


def command_modules(package: ModuleType = commands) -> dict[str, str]:
    """Command name (`search-size`) -> module name (`search_size`), without importing."""
    return {
        info.name.replace("_", "-"): info.name
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name)
        if not info.name.startswith("_")
    }


def build_parser(
    only: str | None = None, package: ModuleType = commands, prog: str = "python -m generator"
) -> argparse.ArgumentParser:
    """The full parser, or (`only`) one command's: importing every command's libraries
    costs ~0.15 s, a tenth of what `check` is allowed at 10,000 records."""
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Direktori layanan perlindungan perempuan dan anak.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module_name in command_modules(package).items():
        if only is not None and name != only:
            continue
        module = importlib.import_module(f"{package.__name__}.{module_name}")
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def chosen_command(argv: list[str], package: ModuleType = commands) -> str | None:
    first = next((arg for arg in argv if not arg.startswith("-")), None)
    return first if first in command_modules(package) else None


# Commands that leave nothing to clean up: after a large `check`, freeing its millions
# of small objects one by one at exit costs ~0.1 s and achieves nothing.
QUICK_EXIT = {"check"}


def main(
    argv: list[str] | None = None,
    package: ModuleType = commands,
    prog: str = "python -m generator",
) -> int:
    """Run one command of `package` (the development tools pass their own)."""
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(chosen_command(argv, package), package, prog)
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return args.run(args)
    except CheckFailed as exc:  # the one way a command says `check` stopped it
        for p in exc.report.sorted():
            print(p.format(), file=sys.stderr)
        print(exc.summary(), file=sys.stderr)
        return 1
    except GeneratorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    code = main()
    if chosen_command(sys.argv[1:]) in QUICK_EXIT:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)
