"""The rules of `check` are found where their topic says: each rule module names the
problem codes it reports, and every rule is registered in `check/rules/__init__.py`."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import generator.check.rules as rules
from generator.check.context import Rule
from generator.errors import CATALOGUE

CODE_RE = re.compile(r"[\"']([EW]-[A-Z0-9]+(?:-[A-Z0-9]+)*)[\"']")


def rule_modules():
    return [
        importlib.import_module(f"{rules.__name__}.{info.name}")
        for info in pkgutil.iter_modules(rules.__path__)
    ]


def test_every_rule_class_is_registered_once():
    defined = {
        obj
        for module in rule_modules()
        for _name, obj in inspect.getmembers(module, inspect.isclass)
        if issubclass(obj, Rule) and obj is not Rule and obj.__module__ == module.__name__
    }
    registered = rules.record_rules()
    assert len(registered) == len(set(registered))
    assert set(registered) == defined


def test_every_file_rule_lives_in_a_rule_module():
    modules = {m.__name__ for m in rule_modules()}
    assert all(rule.__module__ in modules for rule in rules.FILE_RULES)


def test_each_rule_module_names_the_codes_it_reports():
    for module in rule_modules():
        source = inspect.getsource(module)
        reported = set(CODE_RE.findall(source.replace(module.__doc__ or "", "")))
        assert reported <= set(CATALOGUE), module.__name__
        named = set(re.findall(r"\b[EW]-[A-Z0-9]+(?:-[A-Z0-9]+)*\b", module.__doc__ or ""))
        assert reported <= named, f"{module.__name__}: docstring misses {reported - named}"
