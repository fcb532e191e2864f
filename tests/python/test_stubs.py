"""The hand-written stubs of kehoach._core name everything the module has, and nothing it lacks."""

from __future__ import annotations

import ast
import types
from pathlib import Path

import kehoach
from kehoach import _core

STUB = Path(kehoach.__file__).resolve().parent / "_core.pyi"


def stub_names() -> dict[str, set[str]]:
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    names: dict[str, set[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            members = set()
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    members.add(item.name)
                elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    members.add(item.target.id)
            names[node.name] = members
        elif isinstance(node, ast.FunctionDef):
            names[node.name] = set()
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] = set()
    return names


def test_every_name_of_the_module_is_in_the_stub():
    stub = stub_names()
    module = {name for name in dir(_core) if not name.startswith("__")} | {"__version__"}
    assert module - set(stub) == set()
    assert set(stub) - module == set()


def test_every_member_of_the_classes_is_in_the_stub():
    stub = stub_names()
    missing = {}
    for name, members in stub.items():
        cls = getattr(_core, name)
        if not isinstance(cls, type) or issubclass(cls, BaseException):
            continue
        # Methods the Python layer adds (RecurrenceRule.occurrences) are plain functions, not _core's.
        own = {m for m, value in vars(cls).items()
               if not m.startswith("__") and not m.startswith("_pybind11") and not isinstance(value, types.FunctionType)}
        if own - members:
            missing[name] = sorted(own - members)
    assert missing == {}
