"""Every public function, class, method and property of the package has a numpydoc docstring
with an Examples section (the classes _core defines keep their one-liners and the stubs)."""

from __future__ import annotations

import inspect

import kehoach


def public_callables():
    for name in kehoach.__all__:
        obj = getattr(kehoach, name)
        if inspect.ismodule(obj):
            yield from ((f"{name}.{n}", getattr(obj, n)) for n in obj.__all__ if callable(getattr(obj, n)))
        elif getattr(obj, "__module__", "").startswith("kehoach._core"):
            continue
        elif inspect.isclass(obj):
            if issubclass(obj, (BaseException, tuple)):  # errors and named tuples: their fields are the docs
                continue
            yield name, obj
            for member, value in vars(obj).items():
                if not member.startswith("_") and (inspect.isfunction(value) or isinstance(value, (property, classmethod))):
                    yield f"{name}.{member}", value
        elif callable(obj):
            yield name, obj


def test_every_public_callable_has_examples():
    lacking = [name for name, obj in public_callables() if "\nExamples\n--------\n" not in (inspect.getdoc(obj) or "")]
    assert lacking == []
