#!/usr/bin/env python3
"""Writes the committed files of the malformed-input corpus (cases.json lists them with the error
each must give; cycles/ holds plans that read but cannot be scheduled). Most are a small good input of each reader with one defect put in; rerun after
changing one, and check cases.json still holds. The large cases are not here: the tests make them."""

from __future__ import annotations

import codecs
import json
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

DOCUMENT = """ỦY BAN NHÂN DÂN
XÃ HÒA BÌNH

Số: 12/KH-UBND

Hòa Bình, ngày 05 tháng 3 năm 2024

KẾ HOẠCH
Triển khai số hóa sổ hộ tịch năm 2024

I. NHIỆM VỤ
1. Nhập dữ liệu khai sinh vào hệ thống.
Đơn vị thực hiện: Công an xã.
Thời gian hoàn thành: Trong tháng 4/2024.
2. Đối chiếu sổ hộ tịch lưu trữ.
Đơn vị thực hiện: Văn phòng - Thống kê xã.
Thời gian hoàn thành: Trước ngày 28/6/2024.
"""

TABLE = """STT,Nội dung,Đơn vị chủ trì,Thời gian
1,Nhập dữ liệu khai sinh,Công an xã,Trong tháng 4/2024
2,Đối chiếu sổ hộ tịch,Văn phòng - Thống kê xã,Trước ngày 28/6/2024
"""


def plan(items: list | None = None, **top) -> dict:
    doc = {
        "schema": "kehoach/plan@1",
        "plan": {"issuer": "Ủy ban nhân dân xã Hòa Bình", "number": "12/KH-UBND", "date": "2024-03-05"},
        "units": [{"id": "ca", "name": "Công an xã"}, {"id": "vp", "name": "Văn phòng - Thống kê xã"}],
        "items": items if items is not None else [
            {"id": "1", "number": "1", "kind": "task", "title": "Nhập dữ liệu khai sinh", "roles": {"lead": ["Công an xã"]}},
            {"id": "2", "number": "2", "kind": "task", "title": "Đối chiếu sổ hộ tịch",
             "roles": {"lead": ["Văn phòng - Thống kê xã"]}, "depends_on": ["1"]},
        ],
    }
    for item in doc["items"]:
        item.setdefault("number", item["id"])
    doc.update(top)
    return doc


def dumps(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


PLAN = dumps(plan())
UNITS = dumps({"schema": "kehoach/units@1", "units": [{"id": "ca", "name": "Công an xã", "aliases": ["CA xã"]},
                                                      {"id": "vp", "name": "Văn phòng - Thống kê xã"}]})
STATUS = """item,date,state,percent,note
1,2024-04-10,started,10,
1,2024-04-25,done,100,Đã nhập xong
"""
STATUS_JSON = dumps({"schema": "kehoach/status@1", "updates": [
    {"item": "1", "date": "2024-04-10", "state": "started", "percent": 10},
    {"item": "1", "date": "2024-04-25", "state": "done", "percent": 100},
]})

# Byte sequences that are not UTF-8.
OVERLONG = b"\xc0\xaf"          # '/' in two bytes
SURROGATE = b"\xed\xa0\x80"     # U+D800 encoded
STRAY = b"\x80"                 # a continuation byte with no lead
TRUNCATED = b"\xe1\xbb"         # the first two bytes of "ệ"
LATIN1 = "Hòa Bình".encode("latin-1")
CP1258 = unicodedata.normalize("NFD", "Hòa Bình xã").encode("cp1258")  # Vietnamese Windows: marks apart
BOM = b"\xef\xbb\xbf"


def put(name: str, data: bytes | str) -> None:
    path = HERE / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)


def inject(text: str, after: str, data: bytes) -> bytes:
    """`text` as UTF-8 with `data` just after the first `after`."""
    at = text.index(after) + len(after)
    return text[:at].encode() + data + text[at:].encode()


def encodings(folder: str, stem: str, ext: str, text: str, after: str) -> None:
    """The same input with each kind of bad byte after `after`, a BOM starting its second line (two
    files joined), cut short, empty, binary, and in UTF-16 (with a BOM, which only documents read)."""
    for kind, data in {"overlong": OVERLONG, "surrogate": SURROGATE, "stray-continuation": STRAY,
                       "truncated-sequence": TRUNCATED, "latin1": LATIN1, "cp1258": CP1258, "nul": b"\x00"}.items():
        put(f"{folder}/{stem}-{kind}{ext}", inject(text, after, data))
    put(f"{folder}/{stem}-bom-inside{ext}", inject(text, "\n", BOM))
    put(f"{folder}/{stem}-utf8-cut-at-end{ext}", text.encode() + TRUNCATED)
    if folder != "document":
        put(f"{folder}/{stem}-utf16le-bom{ext}", codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    put(f"{folder}/{stem}-utf16le-no-bom{ext}", text.encode("utf-16-le"))
    put(f"{folder}/{stem}-utf16be-no-bom{ext}", text.encode("utf-16-be"))
    put(f"{folder}/{stem}-truncated{ext}", text.encode()[: len(text.encode()) // 3])
    put(f"{folder}/{stem}-empty{ext}", b"")
    put(f"{folder}/{stem}-binary{ext}", bytes(range(256)) * 4)


def documents() -> None:
    encodings("document", "plan", ".txt", DOCUMENT, "Nhập dữ liệu ")
    put("document/plan-blank.txt", "\n  \n\t\n")
    put("document/plan-gzip.txt", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(range(200)))
    put("document/plan-utf16-odd-length.txt", codecs.BOM_UTF16_LE + DOCUMENT.encode("utf-16-le") + b"\x41")
    put("document/plan-utf16-lone-surrogate.txt",
        codecs.BOM_UTF16_LE + "KẾ HOẠCH\n1. Việc ".encode("utf-16-le") + b"\x00\xd8" + "\n".encode("utf-16-le"))
    put("document/plan-no-task.txt", DOCUMENT.split("I. NHIỆM VỤ")[0])
    deep = "".join(f"{'1.' * k} Nhiệm vụ cấp {k}.\nĐơn vị thực hiện: Công an xã.\n" for k in range(1, 101))
    put("document/plan-deep-outline.txt", DOCUMENT.replace("1. Nhập dữ liệu", deep + "9. Nhập dữ liệu"))
    put("document/plan-deep-outline.md", DOCUMENT.replace("1. Nhập dữ liệu", deep + "9. Nhập dữ liệu"))
    put("document/plan-invalid-utf8.md", inject(DOCUMENT, "KẾ HOẠCH\n", OVERLONG))
    put("document/plan-nul.md", inject(DOCUMENT, "Số: 12", b"\x00"))
    put("document/plan-huge-year.txt", DOCUMENT.replace("28/6/2024", "28/6/99999999999999999999"))
    # Read, but with a warning: --strict (strict=True) makes it the error.
    put("document/plan-february-30.txt", DOCUMENT.replace("28/6/2024", "30/02/2024"))
    put("document/plan-february-29-common-year.txt", DOCUMENT.replace("28/6/2024", "29/02/2023"))
    put("document/plan-year-0.txt", DOCUMENT.replace("28/6/2024", "28/6/0000"))
    put("document/plan-year-10000.txt", DOCUMENT.replace("28/6/2024", "28/6/10000"))
    put("document/plan-month-13.txt", DOCUMENT.replace("Trong tháng 4/2024", "Trong tháng 13/2024"))
    put("document/plan-duplicate-number.txt", DOCUMENT.replace("2. Đối chiếu", "1. Đối chiếu"))
    put("document/plan-dangling-dependency.txt",
        DOCUMENT.replace("Trước ngày 28/6/2024", "Sau khi hoàn thành nhiệm vụ 7"))


def tables() -> None:
    encodings("table", "table", ".csv", TABLE, "1,Nhập ")
    put("table/table-unclosed-quote.csv", TABLE.replace("2,Đối chiếu", '2,"Đối chiếu'))
    put("table/table-quote-inside.csv", TABLE.replace("2,Đối chiếu", '2,Đối "chiếu"'))
    put("table/table-text-after-quote.csv", TABLE.replace("2,Đối chiếu sổ hộ tịch", '2,"Đối chiếu" sổ hộ tịch'))
    put("table/table-extra-cell.csv", TABLE.replace("Trước ngày 28/6/2024", "Trước ngày 28/6/2024,thừa"))
    put("table/table-no-header.csv", TABLE.split("\n", 1)[1])
    put("table/table-header-only.csv", TABLE.split("\n", 1)[0] + "\n")
    put("table/table-february-30.csv", TABLE.replace("28/6/2024", "30/02/2024"))
    put("table/table-year-10000.csv", TABLE.replace("28/6/2024", "28/6/10000"))
    put("table/table-duplicate-number.csv", TABLE.replace("\n2,", "\n1,"))


def plan_json() -> None:
    encodings("plan_json", "plan", ".json", PLAN, '"title": "Nhập ')
    text = PLAN
    cases = {
        "trailing-garbage": text + "}\n",
        "not-an-object": "[1, 2, 3]\n",
        "schema-plan2": text.replace("kehoach/plan@1", "kehoach/plan@2"),
        "schema-missing": text.replace('"schema": "kehoach/plan@1",\n', ""),
        "schema-number": text.replace('"kehoach/plan@1"', "1"),
        "schema-units": text.replace("kehoach/plan@1", "kehoach/units@1"),
        "unknown-field": text.replace('"items": [', '"tasks": [],\n  "items": ['),
        "items-not-array": dumps({**plan(), "items": {"1": {}}}),
        "duplicate-key": text.replace('"id": "1",', '"id": "1", "id": "3",'),
        "duplicate-item-id": text.replace('"id": "2"', '"id": "1"'),
        "dangling-depends-on": text.replace('"depends_on": [\n        "1"', '"depends_on": [\n        "9"'),
        "dangling-lead": text.replace('"lead": [\n          "Công an xã"', '"lead": [\n          "Công an huyện"'),
        "dangling-parent": dumps(plan([{"id": "1", "kind": "task", "title": "A", "parent": "0"}])),
        "parent-cycle": dumps(plan([{"id": "1", "kind": "group", "title": "A", "parent": "2"},
                                    {"id": "2", "kind": "group", "title": "B", "parent": "1"}])),
        "self-parent": dumps(plan([{"id": "1", "kind": "task", "title": "A", "parent": "1"}])),
        "date-year-0": text.replace("2024-03-05", "0000-03-05"),
        "date-year-10000": text.replace("2024-03-05", "10000-03-05"),
        "date-february-30": text.replace("2024-03-05", "2024-02-30"),
        "date-february-29-common-year": text.replace("2024-03-05", "2023-02-29"),
        "date-month-13": text.replace("2024-03-05", "2024-13-05"),
        "date-dd-mm-yyyy": text.replace("2024-03-05", "05/03/2024"),
        "deadline-end-year-10000": dumps(plan([{"id": "1", "kind": "task", "title": "A",
                                                "deadline": {"text": "x", "kind": "by_date", "end": "10000-01-01"}}])),
        "duration-beyond-64-bits": dumps(plan([{"id": "1", "kind": "task", "title": "A"}])).replace(
            '"title": "A"', '"title": "A", "duration": 18446744073709551616'),
        "duration-huge-negative": dumps(plan([{"id": "1", "kind": "task", "title": "A"}])).replace(
            '"title": "A"', '"title": "A", "duration": -99999999999999999999'),
        "duration-float": dumps(plan([{"id": "1", "kind": "task", "title": "A", "duration": 2.5}])),
        "duration-exponent": dumps(plan([{"id": "1", "kind": "task", "title": "A"}])).replace(
            '"title": "A"', '"title": "A", "duration": 1e400'),
        "source-line-huge": dumps(plan([{"id": "1", "kind": "task", "title": "A"}])).replace(
            '"title": "A"', '"title": "A", "source": {"line": 99999999999999999999999}'),
        "kind-unknown": text.replace('"kind": "task"', '"kind": "weekly"', 1),
        "title-number": text.replace('"title": "Nhập dữ liệu khai sinh"', '"title": 7'),
        "deep-nesting": text.replace('"title": "Nhập dữ liệu khai sinh"', '"title": ' + "[" * 100 + "]" * 100),
        "string-unterminated": text[: text.index("Nhập dữ liệu") + 5],
        "control-character": text.replace("Nhập dữ liệu", "Nhập\tdữ liệu"),
        "escape-lone-surrogate": text.replace("Nhập dữ liệu", "Nhập \\ud800 dữ liệu"),
        "depends-on-self": text.replace('"depends_on": [\n        "1"', '"depends_on": [\n        "2"'),
    }
    for name, content in cases.items():
        put(f"plan_json/plan-{name}.json", content)


def units_json() -> None:
    encodings("units", "units", ".json", UNITS, '"name": "Công ')
    text = UNITS
    cases = {
        "schema-units9": text.replace("units@1", "units@9"),
        "schema-missing": text.replace('"schema": "kehoach/units@1",\n', ""),
        "duplicate-id": text.replace('"id": "vp"', '"id": "ca"'),
        "units-not-array": dumps({"schema": "kehoach/units@1", "units": {"ca": "Công an xã"}}),
        "aliases-not-list": text.replace('[\n        "CA xã"\n      ]', '"CA xã"'),
        "unknown-field": text.replace('"aliases"', '"alias"'),
        "deep-nesting": text.replace('"CA xã"', "[" * 80 + "]" * 80),
        "name-missing": text.replace('"name": "Văn phòng - Thống kê xã"', '"kind": "office"'),
        "kind-unknown": text.replace('"name": "Văn phòng - Thống kê xã"', '"name": "Văn phòng - Thống kê xã", "kind": "army"'),
    }
    for name, content in cases.items():
        put(f"units/units-{name}.json", content)


def status_logs() -> None:
    encodings("status", "status", ".csv", STATUS, "Đã nhập")
    text = STATUS
    cases = {
        "header-missing-state": text.replace("item,date,state,", "item,date,"),
        "header-unknown-column": text.replace("note", "ghi_chu"),
        "header-column-twice": text.replace("percent,note", "percent,item"),
        "date-february-29-common-year": text.replace("2024-04-10", "2023-02-29"),
        "date-february-30": text.replace("2024-04-10", "2024-02-30"),
        "date-year-0": text.replace("2024-04-10", "0000-04-10"),
        "date-year-10000": text.replace("2024-04-10", "10000-04-10"),
        "date-dd-mm-yyyy": text.replace("2024-04-10", "10/04/2024"),
        "state-unknown": text.replace("started", "begun"),
        "percent-float": text.replace(",10,", ",10.5,"),
        "percent-beyond-64-bits": text.replace(",10,", ",18446744073709551616,"),
        "fields-missing": text.replace("1,2024-04-10,started,10,", "1,2024-04-10,started"),
        "item-empty": text.replace("1,2024-04-10", ",2024-04-10"),
        "unclosed-quote": text.replace("Đã nhập xong", '"Đã nhập xong'),
        "quote-inside": text.replace("Đã nhập xong", 'Đã "nhập" xong'),
    }
    for name, content in cases.items():
        put(f"status/status-{name}.csv", content)
    text = STATUS_JSON
    cases = {
        "schema-status2": text.replace("status@1", "status@2"),
        "schema-missing": text.replace('"schema": "kehoach/status@1",\n', ""),
        "updates-not-array": dumps({"schema": "kehoach/status@1", "updates": {"item": "1"}}),
        "percent-float": text.replace('"percent": 10\n', '"percent": 10.5\n'),
        "percent-beyond-64-bits": text.replace('"percent": 10\n', '"percent": 18446744073709551616\n'),
        "date-february-30": text.replace("2024-04-10", "2024-02-30"),
        "date-year-10000": text.replace("2024-04-10", "10000-04-10"),
        "state-missing": text.replace('"state": "started",', ""),
        "duplicate-key": text.replace('"item": "1",', '"item": "1", "item": "2",', 1),
        "unknown-field": text.replace('"percent": 10\n', '"percent": 10, "who": "Công an xã"\n'),
        "deep-nesting": text.replace('"percent": 10\n', '"percent": ' + "[" * 70 + "]" * 70 + "\n"),
        "truncated": text[: len(text) // 2],
        "invalid-utf8": inject(text, '"item": "', OVERLONG),
    }
    for name, content in cases.items():
        put(f"status/status-json-{name}.json", content)


def cycles() -> None:
    """Plans that read, and that lint and schedule refuse: a dependency cycle is the plan's, not the file's."""
    put("cycles/plan-dependency-cycle.txt",
        DOCUMENT.replace("Trong tháng 4/2024", "Sau khi hoàn thành nhiệm vụ 2").replace(
            "Trước ngày 28/6/2024", "Sau khi hoàn thành nhiệm vụ 1"))
    items = plan()["items"]
    items[0]["depends_on"] = ["2"]
    put("cycles/plan-dependency-cycle.json", dumps(plan(items)))


if __name__ == "__main__":
    cycles()
    documents()
    tables()
    plan_json()
    units_json()
    status_logs()
