"""The plan-document reader against plans whose plan@1 was written by hand: the founding plan, and
documents in the other layouts real plans come in (tests/data/documents/README.md)."""

from __future__ import annotations

import json
import subprocess

import pytest

import kehoach
from conftest import FOUNDING_PLAN, ROOT, SEEDS

DOCUMENTS = ROOT / "tests" / "data" / "documents"
LAYOUTS = sorted(path.stem for path in DOCUMENTS.glob("*.txt"))


def fold(text: str) -> str:
    """Apostrophes as extraction may leave them, the way the reader reads them."""
    return text.replace("\u2019", "'").replace("\u2018", "'")


def key(name: str, level: str | None) -> str:
    return kehoach.unit_key(fold(name), level)


def differences(expected: dict, actual: kehoach.Plan) -> list[str]:
    """What the reader got wrong, in words; titles, texts and notes are not compared."""
    found: list[str] = []
    plan, level = expected["plan"], expected["plan"].get("level")
    for field in ("number", "level", "place"):
        if plan.get(field, "") != (getattr(actual, field) or ""):
            found.append(f"plan.{field}: expected {plan.get(field)!r}, read {getattr(actual, field)!r}")
    if plan.get("date") != (actual.date.isoformat() if actual.date else None):
        found.append(f"plan.date: expected {plan.get('date')}, read {actual.date}")
    if kehoach.unit_key(fold(plan.get("issuer", ""))) != kehoach.unit_key(actual.issuer):
        found.append(f"plan.issuer: expected {plan.get('issuer')!r}, read {actual.issuer!r}")
    parents = [(p["number"], p.get("date"), key(p.get("issuer", ""), None)) for p in plan.get("parents", [])]
    read_parents = [(p["number"], p["date"].isoformat() if p["date"] else None, key(p["issuer"], None)) for p in actual.parents]
    if parents != read_parents:
        found.append(f"plan.parents: expected {parents}, read {read_parents}")
    signer = plan.get("signer", {})
    read_signer = actual.signer or {}
    for field in ("name", "title", "authority"):
        if signer.get(field, "").lower() != read_signer.get(field, "").lower():
            found.append(f"plan.signer.{field}: expected {signer.get(field)!r}, read {read_signer.get(field)!r}")
    for role in ("monitor", "report_compiler"):
        want = [key(n, level) for n in plan.get("roles", {}).get(role, [])]
        got = [key(n, level) for n in actual.roles[role]]
        if want != got:
            found.append(f"plan.roles.{role}: expected {plan.get('roles', {}).get(role)}, read {actual.roles[role]}")

    read_items = {item.id: item for item in actual.items}
    expected_ids = [item["id"] for item in expected["items"]]
    for extra in sorted(set(read_items) - set(expected_ids)):
        found.append(f"{extra}: read, but not an item of the plan ({read_items[extra].title!r})")
    for item in expected["items"]:
        got = read_items.get(item["id"])
        if got is None:
            found.append(f"{item['id']}: not read")
            continue
        where = item["id"]
        if item["kind"] != got.kind:
            found.append(f"{where}.kind: expected {item['kind']}, read {got.kind}")
        if item.get("parent") != got.parent:
            found.append(f"{where}.parent: expected {item.get('parent')}, read {got.parent}")
        if item["number"] != got.number:
            found.append(f"{where}.number: expected {item['number']!r}, read {got.number!r}")
        for role, names in got.roles.items():
            want = [key(n, level) for n in item.get("roles", {}).get(role, [])]
            if want != [key(n, level) for n in names]:
                found.append(f"{where}.roles.{role}: expected {item.get('roles', {}).get(role, [])}, read {names}")
        deadline = item.get("deadline")
        read_deadline = got.deadline
        if (deadline is None) != (read_deadline is None):
            found.append(f"{where}.deadline: expected {deadline}, read {read_deadline!r}")
        elif deadline is not None:
            normalized = json.loads(kehoach.Plan.from_json(json.dumps(
                {"schema": "kehoach/plan@1", "plan": {}, "items": [{"id": "x", "number": "x", "kind": "task", "title": "x", "deadline": deadline}]},
                ensure_ascii=False)).to_json())["items"][0]["deadline"]
            actual_deadline = json.loads(_deadline_json(read_deadline))
            if normalized != actual_deadline:
                found.append(f"{where}.deadline: expected {normalized}, read {actual_deadline}")
        want_items = [d for d in item.get("depends_on", []) if isinstance(d, str) or "item" in d]
        want_items = [d if isinstance(d, str) else d["item"] for d in want_items]
        if want_items != got.depends_on:
            found.append(f"{where}.depends_on: expected {want_items}, read {got.depends_on}")
        want_events = sum(1 for d in item.get("depends_on", []) if isinstance(d, dict) and "event" in d)
        read_events = sum(1 for d in got.dependencies if "event" in d)
        if want_events != read_events:
            found.append(f"{where}: expected {want_events} event(s) to wait for, read {read_events}")
    return found


def _deadline_json(deadline: kehoach.Deadline) -> str:
    fields: dict = {"text": deadline.text, "kind": deadline.kind}
    if deadline.start:
        fields["start"] = deadline.start.isoformat()
    if deadline.end:
        fields["end"] = deadline.end.isoformat()
    if deadline.soft:
        fields["soft"] = True
    if deadline.also_ongoing:
        fields["also_ongoing"] = True
    rules = []
    for rule in deadline.recurrence:
        r = {"freq": rule.freq}
        for name in ("day", "weekday", "before", "month", "next_period", "time"):
            value = getattr(rule, name)
            if value not in (None, False):
                r[name] = value
        rules.append(r)
    if rules:
        fields["recurrence"] = rules
    if deadline.event:
        fields["event"] = deadline.event
    return json.dumps(fields, ensure_ascii=False)


def test_the_founding_plan_reads_as_its_hand_made_plan():
    seed = SEEDS / "000_8e3b6dd8ccf1e18f.txt"
    if not seed.exists():
        pytest.fail(f"the founding plan's text is not at {seed}: this test needs ../shared/seeds (CI has it)")
    expected = json.loads(FOUNDING_PLAN.read_text(encoding="utf-8"))
    plan = kehoach.read_plan(seed)
    assert differences(expected, plan) == []
    # The reader's lines agree with those written by hand.
    sources = {item["id"]: (item["source"]["line"], item["source"].get("end_line", item["source"]["line"])) for item in expected["items"]}
    assert {item.id: item.source for item in plan.items} == sources
    assert plan.diagnostics == []


@pytest.mark.parametrize("name", LAYOUTS)
def test_documents_in_other_layouts(name):
    expected = json.loads((DOCUMENTS / f"{name}.expected.json").read_text(encoding="utf-8"))
    plan = kehoach.read_plan(DOCUMENTS / f"{name}.txt")
    assert differences(expected, plan) == []
    planted = DOCUMENTS / f"{name}.diagnostics.json"
    if planted.exists():
        want = [(d["code"], d.get("item", ""), d["line"]) for d in json.loads(planted.read_text(encoding="utf-8"))]
        got = [(d.code, d.item, d.line) for d in plan.diagnostics]
        assert sorted(want) == sorted(got)
    else:
        assert [(d.code, d.line, d.message) for d in plan.diagnostics if d.severity != "info"] == []


def test_read_plan_takes_text_and_reports_what_it_could_not_read():
    text = (DOCUMENTS / "defects.txt").read_text(encoding="utf-8")
    plan = kehoach.read_plan(text)
    assert {d.code for d in plan.diagnostics} == {"duplicate_number", "unknown_unit", "invalid_date"}
    with pytest.raises(kehoach.ParseError) as caught:
        kehoach.read_plan(text, strict=True)
    assert (caught.value.line, caught.value.source) == (127, "<string>")
    with pytest.raises(kehoach.ParseError, match="no task found"):
        kehoach.read_plan("KẾ HOẠCH\nVề việc\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n")


def test_plan_documents_from_the_cli_and_python_agree(cli):
    document = DOCUMENTS / "tab-table.txt"
    printed = subprocess.run([cli, "parse", str(document)], capture_output=True, text=True, encoding="utf-8", check=True)
    assert printed.stdout == kehoach.read_plan(document).to_json()


def test_a_unit_is_one_unit_whichever_vowel_carries_its_tone():
    assert kehoach.unit_key("Uỷ ban nhân dân xã Hoà Bình") == kehoach.unit_key("Ủy ban nhân dân xã Hòa Bình")
    assert kehoach.unit_key("Quỹ quốc gia") != kehoach.unit_key("Qũy quốc gia")
    plan = kehoach.read_plan(
        "UỶ BAN NHÂN DÂN\nXÃ AN KHÁNH\nSố: 9/KH-UBND\nKẾ HOẠCH\nPhòng chống thiên tai\nII. NHIỆM VỤ\n"
        "1. Kiểm tra hệ thống thuỷ lợi.\nĐơn vị thực hiện: Tổ Thuỷ lợi xã.\nThời gian hoàn thành: Tháng 5/2024.\n"
        "2. Nạo vét kênh mương.\nĐơn vị thực hiện: Tổ Thủy lợi xã.\nThời gian hoàn thành: Tháng 6/2024.\n"
    )
    assert [unit.name for unit in plan.units] == ["Tổ Thuỷ lợi xã"]


def test_read_plan_resolves_names_through_known_units(tmp_path):
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP\nSố: 3/KH-UBND\nKẾ HOẠCH\nHướng dẫn thủ tục trực tuyến\nII. NHIỆM VỤ\n"
        "1. Hướng dẫn cài đặt ứng dụng.\nĐơn vị thực hiện: CA xã.\nĐơn vị phối hợp: Nhóm Zalo các thôn.\n"
        "Thời gian hoàn thành: Tháng 3/2024.\n"
    )
    registry = [
        {"id": "ca", "name": "Công an xã", "kind": "agency"},
        {"id": "zalo", "name": "Nhóm Zalo thôn", "kind": "group", "aliases": ["Nhóm Zalo các thôn"]},
        {"id": "tram-y-te", "name": "Trạm Y tế xã"},
    ]
    plan = kehoach.read_plan(text, units=registry)
    assert [(unit.id, unit.name, unit.kind) for unit in plan.units] == [
        ("ca", "Công an xã", "agency"), ("zalo", "Nhóm Zalo thôn", "group")]
    assert "unknown_unit" not in {d.code for d in plan.diagnostics}
    assert "unknown_unit" in {d.code for d in kehoach.read_plan(text).diagnostics}
    # The units of a plan already read, and a units@1 file, serve alike.
    assert [u.id for u in kehoach.read_plan(text, units=plan).units] == ["ca", "zalo"]
    path = tmp_path / "don-vi.units.json"
    path.write_text(json.dumps({"schema": "kehoach/units@1", "units": registry}, ensure_ascii=False), encoding="utf-8")
    assert [u.id for u in kehoach.read_plan(text, units=path).units] == ["ca", "zalo"]
    with pytest.raises(ValueError, match="unknown value 'team'"):
        kehoach.read_plan(text, units=[{"id": "x", "name": "Nhóm Zalo thôn", "kind": "team"}])
