"""Optional dependencies, imported where they are needed, with a hint when they are missing."""

from __future__ import annotations

import importlib
from types import ModuleType


def pandas(what: str) -> ModuleType:
    """pandas, or an ImportError that says how to get it."""
    return _module("pandas", what, "python3-pandas", "kehoach[pandas]")


def networkx(what: str) -> ModuleType:
    """networkx, or an ImportError that says how to get it."""
    return _module("networkx", what, "python3-networkx", "kehoach[networkx]")


def openpyxl(what: str) -> ModuleType:
    """openpyxl, or an ImportError that says how to get it."""
    return _module("openpyxl", what, "python3-openpyxl", "kehoach[xlsx]")


def _module(name: str, what: str, debian: str, extra: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ImportError as error:  # the message is the point; tested by hiding the module
        raise ImportError(
            f"{what} needs {name}: install it (Debian: apt-get install {debian}; pip: pip install '{extra}')"
        ) from error
