"""Optional dependencies, imported where they are needed, with a hint when they are missing."""

from __future__ import annotations

from types import ModuleType


def pandas(what: str) -> ModuleType:
    """pandas, or an ImportError that says how to get it."""
    try:
        import pandas as pd
    except ImportError as error:  # the message is the point; tested by hiding the module
        raise ImportError(
            f"{what} needs pandas: install it (Debian: apt-get install python3-pandas; "
            "pip: pip install 'kehoach[pandas]')"
        ) from error
    return pd
