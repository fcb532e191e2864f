"""Personal names out of text: what ``redact=True`` does to every export and report.

``docs/hardening.md`` (section Privacy) says which names are found and which are not.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from . import _core

__all__ = ["redact_names"]

def redact_names(text: str, known_names: Iterable[str] = (), *, lang: Literal["vi", "en"] = "vi") -> str:
    """``text`` with the names of people replaced by ``"[đã ẩn]"`` (``"[redacted]"`` in English).

    The names after an honorific ("Đ/c", "đồng chí", "ông", "bà", "anh", "chị") or a title
    ("Chủ tịch", "Trưởng", "Giám đốc", ...) in the same clause, those with "Văn" or "Thị" in the
    middle, and every ``known_names`` (whole words, any case). Units and places stay.

    Examples
    --------
    >>> redact_names("Đ/c Nguyễn Văn A, Phó Chủ tịch UBND xã")
    'Đ/c [đã ẩn], Phó Chủ tịch UBND xã'
    """
    return _core._redact_names(text, list(known_names), lang)
