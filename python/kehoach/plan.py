"""Plans: the document's fields, its units, items and events."""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal, Union

from . import _core, _display, _optional
from ._core import Diagnostic, Event, Item, KehoachError, Unit
from .calendar import Calendar
from .lint import Findings

if TYPE_CHECKING:
    from .track import Table

__all__ = ["Diagnostic", "Event", "Item", "Plan", "Unit", "read_plan", "read_table", "unit_key"]

PathOrText = Union[str, bytes, "os.PathLike[str]"]


class Plan:
    """A plan: its document fields, units, items and events.

    Items, units and events refer to each other by id; a ``Plan`` never holds a dangling
    reference. Read one with :meth:`from_json`.

    Examples
    --------
    >>> plan = Plan.from_json("examples/plans/chu-rang-2023.plan.json")
    >>> plan.number, len(plan)
    ('24/KH-UBND', 61)
    >>> plan.item("3.3").deadline.kind
    'after_event'
    """

    __slots__ = ("_impl",)

    def __init__(self, impl: _core.Plan) -> None:
        self._impl = impl

    @classmethod
    def from_json(cls, source: PathOrText, **limits: int) -> Plan:
        """Read a plan@1 document (see ``docs/plan-format.md``).

        Parameters
        ----------
        source : str, bytes or path-like
            A path to a plan@1 file (``"-"`` reads standard input), or the JSON text itself
            (a string whose first non-blank character is ``{``).
        **limits : int
            Bounds on the input, each a :class:`ParseError` when crossed (``docs/hardening.md#limits``):
            ``max_input_bytes`` (1 GiB), ``max_line_length`` (65536 bytes), ``max_items`` (50 million),
            ``max_depth`` (64 levels).

        Raises
        ------
        ParseError
            For malformed JSON, a wrong schema, a value of the wrong type, an impossible date, a
            duplicate id, a reference to nothing or input over a limit; ``.source``, ``.line``,
            ``.column`` and ``.path`` say where.

        Examples
        --------
        >>> Plan.from_json('{"schema": "kehoach/plan@1", "plan": {}, "items": []}').items
        []
        """
        bounds = _core.ReadLimits(**limits)
        if isinstance(source, bytes) or (isinstance(source, str) and source.lstrip().startswith("{")):
            return cls(_core.Plan.parse_json(source, limits=bounds))
        return cls(_core.Plan.load_json(os.fspath(source), limits=bounds))

    def to_json(self, *, redact: bool = False, lang: Literal["vi", "en"] = "vi") -> str:
        """The canonical plan@1 text: reading it back gives the same plan and the same text.

        Parameters
        ----------
        redact : bool
            Write :meth:`redacted` instead: no personal name, marked in ``lang``.

        Examples
        --------
        >>> Plan.from_json(plan.to_json()).number == plan.number
        True
        """
        return (self.redacted(lang) if redact else self)._impl.to_json()

    def redacted(self, lang: Literal["vi", "en"] = "vi") -> Plan:
        """The plan with no personal name left, for what leaves the office.

        The signer's name is dropped (title and authority stay); the names of officials the text
        names after an honorific ("Đ/c", "đồng chí", "ông", "bà") or a title ("Phó Chủ tịch ...")
        become ``"[đã ẩn]"`` (``"[redacted]"`` with ``lang="en"``) wherever they stand: titles,
        text, notes, units, events, diagnostics. Ids, roles, deadlines and dependencies stay, so
        schedules, lint and snapshots of it are the same but for the names. Every export and
        report also takes ``redact=True``. See ``docs/hardening.md``, section Privacy.

        Examples
        --------
        >>> plan.redacted().signer["name"]
        ''
        """
        return Plan(self._impl.redacted(lang))

    def item(self, key: str) -> Item:
        """The item with this id, or the only item with this number.

        Raises
        ------
        KeyError
            When no item has it, or several items share the number (the message lists them).

        Examples
        --------
        >>> plan.item("4.13").id
        'II.4.13'
        """
        try:
            return self._impl.item(key)
        except KehoachError as error:
            raise KeyError(str(error)) from None

    @property
    def items(self) -> list[Item]:
        """Every item, groups and tasks, in document order.

        Examples
        --------
        >>> [item.id for item in plan.items][:3]  # doctest: +SKIP
        """
        return self._impl.items

    @property
    def units(self) -> list[Unit]:
        """Every unit the plan names.

        Examples
        --------
        >>> [unit.name for unit in plan.units][:3]  # doctest: +SKIP
        """
        return self._impl.units

    @property
    def events(self) -> list[Event]:
        """External events items wait for.

        Examples
        --------
        >>> [event.id for event in plan.events]  # doctest: +SKIP
        """
        return self._impl.events

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """What the reader of the plan document dropped, guessed or could not read.

        Examples
        --------
        >>> [d.code for d in plan.diagnostics if d.severity == "error"]
        []
        """
        return self._impl.diagnostics

    @property
    def issuer(self) -> str:
        """The issuing authority, as the document names it.

        Examples
        --------
        >>> plan.issuer  # doctest: +SKIP
        """
        return self._impl.issuer

    @property
    def number(self) -> str:
        """The plan's own number, ``"24/KH-UBND"``; empty when the document leaves it blank.

        Examples
        --------
        >>> plan.number
        '24/KH-UBND'
        """
        return self._impl.number

    @property
    def date(self) -> datetime.date | None:
        """The issue date.

        Examples
        --------
        >>> plan.date  # doctest: +SKIP
        datetime.date(2023, 2, 20)
        """
        return self._impl.date

    @property
    def title(self) -> str:
        """The plan's title, without its number.

        Examples
        --------
        >>> plan.title[:8]  # doctest: +SKIP
        """
        return self._impl.title

    @property
    def level(self) -> str | None:
        """``"national"``, ``"province"``, ``"district"`` or ``"commune"``.

        Examples
        --------
        >>> plan.level
        'commune'
        """
        return self._impl.level

    @property
    def place(self) -> str:
        """Where the plan was issued, as its header says.

        Examples
        --------
        >>> plan.place  # doctest: +SKIP
        """
        return self._impl.place

    @property
    def parents(self) -> list[dict[str, Any]]:
        """The plans this one implements: ``number``, ``date``, ``issuer``.

        Examples
        --------
        >>> [parent["number"] for parent in plan.parents]  # doctest: +SKIP
        """
        return self._impl.parents

    @property
    def signer(self) -> dict[str, str] | None:
        """The signature block: ``name``, ``title``, ``authority``.

        Examples
        --------
        >>> plan.signer["title"]  # doctest: +SKIP
        """
        return self._impl.signer

    @property
    def roles(self) -> dict[str, list[str]]:
        """Plan-level roles: the standing ``monitor`` and the ``report_compiler``.

        Examples
        --------
        >>> plan.roles["monitor"]  # doctest: +SKIP
        """
        return self._impl.roles

    def summary(self) -> dict[str, Any]:
        """Tasks per lead unit, deadlines by month, and the ongoing, recurring, event-bound and
        undated tasks (item ids).

        Examples
        --------
        >>> plan.summary()["tasks"]
        50
        """
        return _core._summary(self._impl)

    def lint(self, calendar: Calendar | None = None, lang: str = "vi") -> Findings:
        """What keeps the plan's tasks from a clear lead, deadline and responsibility, and what
        keeps it from being scheduled: the reader's diagnostics with lint's severities, and lint's
        own findings (``docs/lint.md``). Returns :class:`kehoach.Findings`, in document order.

        Parameters
        ----------
        calendar : Calendar, optional
            Working days that decide ``deadline_on_rest_day``; Vietnam's civil-service calendar by
            default.
        lang : {"vi", "en"}
            The language of lint's messages.

        Examples
        --------
        >>> findings = plan.lint()
        >>> [f.item for f in findings if f.code == "no_deadline"]
        ['III.3']
        """
        return Findings._of(_core._lint(self._impl, _calendar(calendar), lang), self)

    def schedule(self, start: datetime.date | str | None = None, calendar: Any = None) -> Any:
        """The critical-path method on working days, from the plan's issue date (or ``start``).

        Groups roll up (they finish when their items finish); an item without a deadline works in
        its group's window; items after an event with no date wait. Items without a ``duration``
        take one working day. Returns a :class:`kehoach.Schedule`; see ``docs/scheduling.md``.

        Examples
        --------
        >>> late = plan.schedule().infeasible()
        >>> late[0].item, late[0].slack, late[0].deadline
        ('II.1.1', -5, datetime.date(2023, 3, 31))
        """
        from .graph import PlanGraph

        return PlanGraph.from_plan(self).schedule(start, calendar)

    def snapshot(self, log: Any, as_of: datetime.date | str | None = None, *, stale_after_days: int = 30,
                 calendar: Any = None) -> Any:
        """Where every item stands on ``as_of`` (today by default), from a status log.

        Parameters
        ----------
        log : StatusLog, path or status@1 text
        as_of : date or "YYYY-MM-DD", optional
        stale_after_days : int
            Items not done and not reported on for longer are flagged ``stale``.
        calendar : Calendar, optional
            Working days for the rest-day roll and for days late and left; Vietnam's by default.

        Returns
        -------
        Snapshot
            ``.to_pandas()`` has one row per item with its ``category``, ``days_late``,
            ``days_left``, ``stale`` ...; ``.scorecard()``, ``.raci()``, ``.workload()``,
            ``.escalation()``, ``.compliance()``, ``.occurrences()`` give the accountability
            tables. Rows of the log that name nothing are left out and listed in
            ``.diagnostics``. See ``docs/tracking.md``.

        Examples
        --------
        >>> now = plan.snapshot("tests/data/tracking/ia-mo-2023.status.csv", as_of="2023-06-15")
        >>> now.counts()["overdue"]
        1
        """
        from .track import take_snapshot

        return take_snapshot(self, [self], log, as_of, stale_after_days, calendar)

    def to_ics(self, path: str | os.PathLike[str] | None = None, *, redact: bool = False,
               lang: Literal["vi", "en"] = "vi", calendar: Calendar | None = None) -> str | None:
        """The plan's deadlines as iCalendar (RFC 5545), for Outlook, Google or Apple calendars.

        One all-day event per item on its due day (a window's last day, rolled past rest days);
        one event with an ``RRULE`` per rule of a recurring obligation ("trước ngày 12 hàng
        tháng" repeats on the 11th); work after a dated event on the event's day. Event ids are
        made of the plan's number and date and the item's id, so importing a newer file updates
        the events. See ``docs/exports.md``.

        Parameters
        ----------
        path : str or path-like, optional
            Write the file there (replaced whole, never half-written) and return None; without
            it, return the text.
        redact : bool
            Export :meth:`redacted`: no personal name, neither the signer's (the title stays) nor
            those in titles, text and units.
        lang : {"vi", "en"}
            The language of the descriptions' labels and of the redaction mark; titles stay as the
            plan writes them.
        calendar : Calendar, optional
            Working days for the rest-day roll; Vietnam's civil-service calendar by default.

        Warns
        -----
        ExportWarning
            Naming the items left out, with no day to put on a calendar: ongoing work, work after
            an event not yet dated, deadlines that could not be read.

        Examples
        --------
        >>> plan = read_plan("tests/data/tracking/ia-mo-2023.txt")
        >>> plan.to_ics("ke-hoach.ics", redact=True)  # doctest: +SKIP
        """
        from . import export

        return export.to_ics(self, path, redact, lang, calendar)

    def to_dot(self, schedule: Any = None, *, lang: Literal["vi", "en"] = "vi", redact: bool = False) -> str:
        """The plan as a Graphviz graph: a box per task, a cluster per section, an edge from each
        prerequisite to what waits for it (start-to-start and finish-to-finish dashed, after an
        event dotted). With the plan's :class:`Schedule`, critical items and edges are red.

        Render it with ``dot -Tsvg plan.dot -o plan.svg``; see ``docs/exports.md``. With
        ``redact=True``, it draws :meth:`redacted`.

        Examples
        --------
        >>> text = plan.to_dot(plan.schedule())
        >>> text.startswith("digraph kehoach {")
        True
        """
        from . import export

        return export.to_dot(self, schedule, lang, redact)

    def to_frame(self, calendar: Calendar | None = None, *, redact: bool = False,
                 lang: Literal["vi", "en"] = "vi") -> Any:
        """The items as a pandas DataFrame, one row per item in document order: the columns that
        ``kehoach export --to csv`` writes.

        ``kind`` and ``deadline_kind`` are ``Categorical``; ``lead``, ``support``, ``monitor`` and
        ``report_to`` hold the units' names joined by ``"; "`` (``.str.split("; ")`` gives lists;
        ``snapshot(...).raci()`` has one row per unit and role); ``start``, ``end`` and ``due``
        are ``datetime64`` (``due``: the deadline's last day rolled past rest days, NaT for
        recurring work); ``depends_on`` lists the ids an item waits for. With ``redact=True``, the
        rows of :meth:`redacted` (names marked in ``lang``).

        Examples
        --------
        >>> frame = plan.to_frame()
        >>> frame[frame.deadline_kind == "after_event"][["id", "lead", "event"]]  # doctest: +SKIP
        """
        from . import export

        return export.to_frame(self.redacted(lang) if redact else self, calendar)

    def unit_roles(self) -> Table:
        """Every unit's role on every item, in long form: one row per item, unit and role, with
        ``item``, ``unit``, ``plan`` and ``role`` (``lead``, ``support``, ``monitor``,
        ``report_to``, ``approver``). A snapshot's :meth:`~kehoach.Snapshot.raci` is the same
        table; this one needs no status log. (:attr:`roles` are the plan's own roles.)

        Returns
        -------
        Table
            Iterate its rows, or take ``.to_pandas()``: every column ``Categorical``, built
            from codes.

        Examples
        --------
        >>> roles = plan.unit_roles().to_pandas()
        >>> roles[roles.role == "lead"].groupby("unit", observed=True).size().sort_values().tail(3)  # doctest: +SKIP
        """
        from .track import unit_table

        units = _core.Assignments.of(self._impl)
        return unit_table("RACI", units, [self], _core._raci(units), item=[item.id for item in self._impl.items])

    def to_networkx(self, calendar: Calendar | None = None) -> Any:
        """The plan as a ``networkx.DiGraph``: a node per item (keyed by id, with ``number``,
        ``title``, ``kind``, ``lead`` and ``support`` unit lists, ``deadline`` as written, ``due``
        date) and per event (``kind="event"``); an edge from each prerequisite to what waits for
        it, with its ``type`` and ``lag``.

        Examples
        --------
        >>> import networkx as nx
        >>> order = list(nx.topological_sort(plan.to_networkx()))
        """
        from . import export

        return export.to_networkx(self, calendar)

    def __len__(self) -> int:
        return len(self._impl)

    def __iter__(self) -> Iterator[Item]:
        return iter(self._impl.items)

    def _repr_html_(self) -> str:
        return _display.plan_html(self)

    def __repr__(self) -> str:
        name = self.number or self.title[:40] or "untitled"
        tasks = sum(1 for item in self._impl.items if item.kind == "task")
        return f"Plan({name!r}, items={len(self)}, tasks={tasks}, units={len(self._impl.units)})"


KnownUnits = Union[str, "os.PathLike[str]", "Plan", Iterable[Union[Unit, Mapping[str, Any]]], None]


def read_plan(source: PathOrText, *, strict: bool = False, units: KnownUnits = None, **limits: int) -> Plan:
    """Read a plan document — the text of a *Kế hoạch* from PDF, DOCX or a web page — or a plan@1 file.

    Parameters
    ----------
    source : str or path-like
        A path to a document (``.txt``, ``.md``) or a plan@1 JSON file, or the document's text
        itself (a string with line breaks).
    strict : bool
        Raise :class:`ParseError` at the first warning instead of recording it in
        ``plan.diagnostics``.
    units : path-like, Plan, or iterable of Unit or dict, optional
        Units known beforehand, the registry an office keeps: a units@1 file (or a plan@1 file,
        whose units are taken), a plan already read, or units (``{"id", "name", "kind",
        "aliases"}`` dicts will do). A name the document spells like one of them is that unit,
        with its id, name and kind, and is not reported as unknown; only the units the document
        names enter the plan.
    **limits : int
        Bounds on the input, each a :class:`ParseError` when crossed (``docs/hardening.md#limits``):
        ``max_input_bytes`` (1 GiB), ``max_line_length`` (65536 bytes), ``max_items`` (50 million),
        ``max_depth`` (64 levels).

    Returns
    -------
    Plan
        Every item found, groups and tasks; what the reader dropped, guessed or could not read is
        in ``plan.diagnostics`` with its line and column (see ``docs/reading-plans.md``).

    Raises
    ------
    ParseError
        For input that is no plan: empty, binary, not UTF-8, over a limit, or without a single
        task; and for a units file that is not a registry.

    Examples
    --------
    >>> plan = read_plan("ke-hoach-24.txt", units="don-vi-xa.units.json")
    >>> plan.item("3.3").deadline.kind
    'after_event'
    """
    bounds = _core.ReadLimits(**limits)
    known = _known_units(units, bounds)
    if isinstance(source, str) and "\n" in source:
        return Plan(_core._read_plan(source, "<string>", strict, known, bounds))
    if isinstance(source, bytes):
        return Plan(_core._read_plan(source, "<bytes>", strict, known, bounds))
    return Plan(_core._load_plan(os.fspath(source), strict, known, bounds))


def read_table(path: str | os.PathLike[str], *, sheet: str | int | None = None, number: str | None = None,
               issuer: str | None = None, date: datetime.date | str | None = None, strict: bool = False,
               units: KnownUnits = None, **limits: int) -> Plan:
    """Read an appendix table (*Phụ lục*) from a CSV or XLSX file as a plan.

    The table is read as :func:`read_plan` reads the appendix tables of a document, by the same
    code: the first row whose cells read as a header (``STT``, ``Nội dung``/``Nhiệm vụ``, ``Đơn vị
    chủ trì``, ``Đơn vị phối hợp``, ``Thời gian hoàn thành``, ``Sản phẩm``, ``Ghi chú``, in any
    order) heads it; rows above it are passed over; Roman-numbered rows are groups; units and
    deadlines are read from their cells.

    Parameters
    ----------
    path : path-like
        A ``.csv`` file (UTF-8, with or without a byte-order mark) or an ``.xlsx`` workbook.
    sheet : str or int, optional
        The workbook's sheet, by name or index; the active sheet by default. XLSX only.
    number, issuer, date : optional
        What a document's front matter would say, which a table cannot: the plan's number
        (``"21/KH-UBND"``), its issuer (which tells the plan's level, as in a document) and its
        date (deadlines without a year are read in its year).
    strict, units, **limits
        As for :func:`read_plan`.

    Returns
    -------
    Plan
        Items and groups; their lines are the CSV's lines or the sheet's row numbers.

    Raises
    ------
    ParseError
        With the line (row) and column: no header row, a cell right of the header's last column,
        invalid UTF-8, a malformed CSV quote, or no task at all.
    ImportError
        For an ``.xlsx`` file when openpyxl is not installed.

    Notes
    -----
    Spreadsheet cells become the text they show: a date cell ``dd/mm/yyyy``; a number as its
    number format writes it (``1.10`` with two decimals, ``1.1`` in the General format; type
    numbers like ``1.10`` as text to be safe); a cell merged over several rows is repeated in
    each row, one merged across columns stands in its first column.

    Examples
    --------
    >>> plan = read_table("phu-luc.xlsx", number="21/KH-UBND", issuer="Ủy ban nhân dân xã Hòa Lâm")
    >>> [item.id for item in plan.items][:3]
    ['I', 'I.1', 'I.2']
    """
    bounds = _core.ReadLimits(**limits)
    known = _known_units(units, bounds)
    path = os.fspath(path)
    suffix = os.path.splitext(path)[1].lower()
    info = {"number": number or "", "issuer": issuer or "", "date": date}
    if suffix == ".csv":
        if sheet is not None:
            raise ValueError("sheet= picks a workbook's sheet; a .csv file has none")
        return Plan(_core._load_csv_table(path, **info, strict=strict, units=known, limits=bounds))
    if suffix in (".xlsx", ".xlsm"):
        return Plan(_core._read_table(_sheet_rows(path, sheet), path, **info, strict=strict, units=known, limits=bounds))
    raise ValueError(f"{path}: read_table reads .csv and .xlsx tables")


def _sheet_rows(path: str, sheet: str | int | None) -> list[list[str]]:
    """The text of a sheet's cells, row by row from A1, so that row and column numbers are the sheet's."""
    openpyxl = _optional.openpyxl("read_table() of an .xlsx file")
    book = openpyxl.load_workbook(path, data_only=True)  # a formula's value, as the sheet shows it
    ws = book.active if sheet is None else book.worksheets[sheet] if isinstance(sheet, int) else book[sheet]
    rows = [[_cell_text(cell) for cell in row] for row in ws.iter_rows(min_row=1, min_col=1)]
    # openpyxl keeps a merged range's value in its first cell only. Merged down a column, the
    # value belongs to every row (one lead unit for several tasks); across columns, only to the
    # first (a group's title over the whole width must not become its lead unit).
    for merged in ws.merged_cells.ranges:
        value = rows[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row, merged.max_row + 1):
            rows[r - 1][merged.min_col - 1] = value
    return rows


def _cell_text(cell: Any) -> str:
    """A cell's text as the sheet shows it (see read_table)."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, datetime.date):  # a datetime too: Excel keeps days as datetimes
        return value.strftime("%d/%m/%Y")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # Excel stores "1.10" typed in a number cell as the float 1.1: only the number format
        # tells the two apart.
        decimals = re.fullmatch(r"[#,]*0(?:\.(0+))?", cell.number_format)
        if decimals:
            return f"{value:.{len(decimals.group(1) or '')}f}"
        return str(int(value)) if float(value).is_integer() else repr(value)
    return str(value)


def _known_units(units: KnownUnits, limits: _core.ReadLimits) -> list[dict[str, Any]]:
    if units is None:
        return []
    if isinstance(units, (str, os.PathLike)):
        return _core._load_units(os.fspath(units), limits)
    if isinstance(units, Plan):
        units = units.units
    return [
        dict(unit) if isinstance(unit, Mapping) else {"id": unit.id, "name": unit.name, "kind": unit.kind, "aliases": unit.aliases}
        for unit in units
    ]


def _calendar(calendar: Calendar | None) -> _core.Calendar | None:
    """The compiled calendar of a :class:`kehoach.Calendar`; None for the default."""
    return None if calendar is None else calendar._impl


def unit_key(name: str, level: str | None = None) -> str:
    """The key two spellings of one unit share: ``unit_key("CC Tư pháp xã", "commune") ==
    unit_key("Công chức Tư pháp – Hộ tịch xã", "commune")``; case, NFC/NFD, dashes, spacing and the
    vowel that carries the tone of ``oa``/``oe``/``uy`` (``Uỷ``/``Ủy``) do not matter.

    Examples
    --------
    >>> unit_key("Công an xã") == unit_key("công an  xã")  # doctest: +SKIP
    True
    """
    return _core.unit_key(name, level)


def _item_repr(self: Item) -> str:
    lead = self.roles["lead"]
    deadline = f", deadline={self.deadline.kind!r}" if self.deadline else ""
    title = self.title if len(self.title) <= 40 else self.title[:39] + "…"  # one short line, however long the title
    return f"Item({self.id!r}, {self.kind}, {title!r}, lead={lead!r}{deadline})"


def _unit_repr(self: Unit) -> str:
    return f"Unit({self.id!r}, {self.name!r}, {self.kind})"


def _event_repr(self: Event) -> str:
    when = f", date={self.date.isoformat()}" if self.date else ""
    return f"Event({self.id!r}, {self.text!r}{when})"


def _diagnostic_repr(self: Diagnostic) -> str:
    where = f" line {self.line}" if self.line else ""
    return f"Diagnostic({self.severity} {self.code}{where}: {self.message!r})"


Item.__repr__ = _item_repr  # type: ignore[method-assign]
Item._repr_html_ = _display.item_html  # type: ignore[attr-defined]
Unit.__repr__ = _unit_repr  # type: ignore[method-assign]
Event.__repr__ = _event_repr  # type: ignore[method-assign]
Diagnostic.__repr__ = _diagnostic_repr  # type: ignore[method-assign]
