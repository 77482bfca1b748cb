"""Run a stage in a forked child, side by side with the stages of the parent.

The build's independent stages (search and data export beside the docs tree and the
leaflets) only read the checked Directory and write their own files. A forked child
(https://docs.python.org/3/library/os.html#os.fork) starts with that Directory already in
memory, shared copy-on-write: nothing is pickled or loaded twice, and the second core
does the work. Python threads would take turns under the GIL.

The child reports back through a pipe: its return value, or the exception it raised
(re-raised in the parent). It is killed with the parent (`outfolder.die_with_parent`),
and the parent kills and reaps it if the parent's own stages fail first.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import signal
import sys
from collections.abc import Callable
from typing import Any

from .errors import GeneratorError
from .outfolder import die_with_parent

log = logging.getLogger(__name__)


class ChildFailed(GeneratorError):
    """A stage run in a forked child died without an answer."""


class Child:
    """One forked stage; `result()` waits for it and returns or raises what it did."""

    def __init__(self, name: str, fn: Callable[..., Any], *args: Any) -> None:
        self.name = name
        sys.stdout.flush()
        sys.stderr.flush()
        read, write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: never returns
            os.close(read)
            _run_child(write, fn, args)
        os.close(write)
        self._read = read
        self._done = False

    def result(self) -> Any:
        with os.fdopen(self._read, "rb") as pipe:
            data = pipe.read()
        os.waitpid(self.pid, 0)
        self._done = True
        try:
            ok, value = pickle.loads(data)
        except Exception:  # nothing or half an answer: the child was killed
            raise ChildFailed(f"stage {self.name} stopped without finishing") from None
        if not ok:
            raise value
        return value

    def stop(self) -> None:
        """Kill and reap the child unless `result()` already collected it."""
        if self._done:
            return
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        with contextlib.suppress(OSError):
            os.close(self._read)
        self._done = True


def _run_child(write: int, fn: Callable[..., Any], args: tuple) -> None:
    die_with_parent()
    code = 0
    try:
        answer = (True, fn(*args))
    except BaseException as exc:  # handed to the parent, which decides
        answer, code = (False, exc), 1
    try:
        data = pickle.dumps(answer)
    except Exception:  # an exception that does not pickle: its text still does
        data = pickle.dumps((False, ChildFailed(f"{type(answer[1]).__name__}: {answer[1]}")))
    with os.fdopen(write, "wb") as pipe:
        pipe.write(data)
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
