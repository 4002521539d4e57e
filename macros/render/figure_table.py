"""A figure's data as rows: the one place that decides what its table and its CSV hold.

Every kind of figure becomes a header and rows of cells.  Each cell keeps the value twice:
``raw`` as the CSV writes it (plain numbers, ISO dates) and ``text`` as a reader sees it
(``$2.19``, ``2,664,000 GPU hours``, ``20 January 2025``), so the HTML table and the CSV
file can never disagree about the data.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.dates import parse_when
from ..content.figure_model import Figure, Unit

NOT_GIVEN = "not reported"
OPEN_END = "no end date in the sources"


@dataclass(frozen=True)
class Cell:
    """One cell: as the CSV holds it, as a reader reads it, and a date's ISO form."""

    raw: str
    text: str
    iso: str | None = None


@dataclass(frozen=True)
class Table:
    """A figure's data: column headers, rows of cells, and each row's source ids."""

    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    sources: tuple[tuple[str, ...], ...]
    units: tuple[str, ...] = ()  # per column: the unit's label, or "" (the CSV header adds it)

    def csv_header(self) -> list[str]:
        """Headers with their units, since the CSV's numbers carry none."""
        units = self.units or ("",) * len(self.header)
        return [f"{h} ({u})" if u else h for h, u in zip(self.header, units, strict=True)]


def number_text(value: float) -> str:
    """``2664000`` → ``2,664,000``; ``0.028`` → ``0.028``: thousands separators, no ``.0``."""
    value = float(value)
    if value.is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,}"


def number_raw(value: float) -> str:
    """The number as the CSV writes it: no separators, no trailing ``.0``."""
    value = float(value)
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def value_text(value: float | None, unit: Unit, approx: bool = False) -> str:
    """A value in its unit for a reader: ``$2.19``, ``about $2.3 trillion``."""
    if value is None:
        return NOT_GIVEN
    return f"{'about ' if approx else ''}{unit.prefix}{number_text(value)}{unit.suffix}"


def number_cell(value: float | None, unit: Unit, approx: bool = False) -> Cell:
    """A cell holding a number (empty in the CSV when the source gives none)."""
    return Cell("" if value is None else number_raw(value), value_text(value, unit, approx))


def text_cell(text: str | None) -> Cell:
    """A plain-text cell."""
    return Cell(text or "", text or "")


def date_cell(when: str | None, missing: str = "") -> Cell:
    """A date cell: ISO in the CSV, ``20 January 2025`` on the page."""
    if when is None:
        return Cell("", missing)
    parsed = parse_when(when)
    return Cell(parsed.iso(), parsed.human(), parsed.iso())


def _bar(fig: Figure, unit: Unit) -> Table:
    header = (fig.category_label, *(s.label for s in fig.series))
    rows, sources = [], []
    for k, category in enumerate(fig.categories):
        rows.append((text_cell(category), *(number_cell(s.values[k], unit) for s in fig.series)))
        ids = [i for s in fig.series if k < len(s.value_sources) for i in s.value_sources[k]]
        sources.append(tuple(dict.fromkeys(ids)))
    return Table(header, tuple(rows), tuple(sources), ("", *(unit.label for _ in fig.series)))


def _line(fig: Figure, unit: Unit) -> Table:
    many = len(fig.lines) > 1
    header = ("Date", *(("Line",) if many else ()), "Value", "Note")
    entries = []
    for line in fig.lines:
        for p in line.points:
            entries.append((p.date, (date_cell(p.date), *((text_cell(line.label),) if many else ()),
                            number_cell(p.value, unit, p.approx), text_cell(p.label)), p.sources))
    for mark in fig.marks:
        entries.append((mark.date, (date_cell(mark.date), *((text_cell(""),) if many else ()),
                        Cell("", "(event)"), text_cell(mark.label)), mark.sources))
    entries.sort(key=lambda e: parse_when(e[0]).start.first_day())
    units = ("", *(("",) if many else ()), unit.label, "")
    return Table(header, tuple(e[1] for e in entries), tuple(e[2] for e in entries), units)


def _range(fig: Figure) -> Table:
    notes = any(s.note for s in fig.spans)  # a column of notes only when there are some
    header = (fig.category_label, *((fig.group_label,) if fig.group_label else ()),
              "From", "To", *(("Note",) if notes else ()))
    rows = tuple((text_cell(s.label), *((text_cell(s.group),) if fig.group_label else ()),
                  date_cell(s.start), date_cell(s.end, OPEN_END),
                  *((text_cell(s.note),) if notes else ())) for s in fig.spans)
    return Table(header, rows, tuple(s.sources for s in fig.spans))


def _table(fig: Figure, units: dict[str, Unit]) -> Table:
    header = tuple(c.label for c in fig.columns)
    rows = []
    for row in fig.rows:
        cells = []
        for cell, column in zip(row.cells, fig.columns, strict=True):
            if column.kind == "number":
                cells.append(number_cell(cell, units[column.unit]))  # type: ignore[arg-type,index]
            elif column.kind == "date":
                cells.append(date_cell(cell))  # type: ignore[arg-type]
            else:
                cells.append(text_cell(cell))  # type: ignore[arg-type]
        rows.append(tuple(cells))
    labels = tuple(units[c.unit].label if c.unit else "" for c in fig.columns)
    return Table(header, tuple(rows), tuple(r.sources for r in fig.rows), labels)


def figure_table(fig: Figure, units: dict[str, Unit]) -> Table:
    """The rows of a checked figure (its units are known and its lengths agree)."""
    if fig.kind == "bar":
        return _bar(fig, units[fig.unit])  # type: ignore[index]
    if fig.kind == "line":
        return _line(fig, units[fig.unit])  # type: ignore[index]
    if fig.kind == "range":
        return _range(fig)
    return _table(fig, units)
