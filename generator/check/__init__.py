"""`check`: every problem in a directory tree, found by modules that say what they check.

- `reading`: files -> raw records with positions (`fastyaml`, the fast reader;
  `yamlsyntax`, YAML mistakes explained; `readcache`, what was read last time);
- `shape`: a raw record -> its typed model, or problems;
- `rules/`: the rules by topic, registered in `rules/__init__.py`;
- `context`: what the rules share (checked records, batch, tables);
- `engine`: schedules them (one-file rules next to the read, the rest after) and
  builds the Directory.
"""

from __future__ import annotations

from .engine import check_directory, check_part, paused_gc, start_reading
from .reading import load_tree

__all__ = ["check_directory", "check_part", "load_tree", "paused_gc", "start_reading"]
