#!/usr/bin/env python3
"""Writes fuzz/seeds/parse_deadline/: one file per deadline phrase the C++ tests read.

The phrases are the string literals passed first to a call in tests/cpp/test_deadline.cpp (check_by,
check_window, read, parse_deadline, ...) and the "Thời gian"/"Thời hạn" fields of the test documents.
Each file is named by the SHA-1 of its bytes, as libFuzzer names corpus files. Run it again when the
tests gain phrases; it replaces the folder's contents.
"""
import hashlib
import pathlib
import re

root = pathlib.Path(__file__).resolve().parent.parent
out = root / "fuzz" / "seeds" / "parse_deadline"

call = re.compile(r'\b(?!TEST_CASE|SECTION|CHECK_THROWS_WITH|StartsWith|Contains)\w+\(\s*"((?:[^"\\]|\\.)*)"')
field = re.compile(r"^\s*(?:Thời gian|Thời hạn)(?: hoàn thành)?\s*:\s*(.+?)\s*$", re.MULTILINE)

escape = re.compile(rb"\\(u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|.)")


def literal_bytes(literal):
    """The bytes of a C++ string literal: \\uXXXX as UTF-8, \\xHH as the byte itself (tests feed bad UTF-8)."""
    def one(m):
        e = m.group(1)
        if e[:1] == b"u":
            return chr(int(e[1:], 16)).encode()
        if e[:1] == b"x":
            return bytes([int(e[1:], 16)])
        return {b"n": b"\n", b"t": b"\t"}.get(e, e)
    return escape.sub(one, literal.encode())


phrases = {literal_bytes(p) for p in call.findall((root / "tests" / "cpp" / "test_deadline.cpp").read_text(encoding="utf-8"))}
for document in (root / "tests" / "data").rglob("*.txt"):
    phrases.update(p.encode() for p in field.findall(document.read_text(encoding="utf-8")))

out.mkdir(parents=True, exist_ok=True)
for old in out.iterdir():
    old.unlink()
for data in sorted(p for p in phrases if p.strip()):
    (out / hashlib.sha1(data).hexdigest()).write_bytes(data)
print(f"{len(list(out.iterdir()))} phrases in {out.relative_to(root)}")
