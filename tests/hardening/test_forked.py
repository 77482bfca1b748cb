"""Stages in a forked child (generator/forked.py): answers, errors and deaths reach the parent."""

from __future__ import annotations

import os
import signal

import pytest

from generator import forked
from generator.errors import GeneratorError


class StageBroke(GeneratorError):
    pass


def test_the_answer_comes_back():
    assert forked.Child("sum", sum, [1, 2, 3]).result() == 6


def test_an_error_is_raised_in_the_parent_with_its_message():
    def broken():
        raise StageBroke("search: lunr.js tidak ada")

    with pytest.raises(StageBroke, match="lunr.js tidak ada"):
        forked.Child("search", broken).result()


def test_a_killed_child_is_a_clear_error():
    child = forked.Child("search", lambda: os.kill(os.getpid(), signal.SIGKILL))
    with pytest.raises(forked.ChildFailed, match="stage search stopped without finishing"):
        child.result()


def test_stop_kills_and_reaps_a_child_still_running():
    child = forked.Child("slow", lambda: signal.pause())
    child.stop()
    with pytest.raises(ChildProcessError):
        os.waitpid(child.pid, os.WNOHANG)
