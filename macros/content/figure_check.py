"""Check ``content/figures.yml``: its shape, and every rule a schema cannot express.

Each problem names the exact value that is wrong, as ``path:line:col: field: message``:
a series with more or fewer values than there are categories, a number where a date is
due, an unknown unit, section, subheading or source, a log scale with a value of zero.
Figures that pass are kept even when others fail, so one mistake is reported once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, field

from pydantic import ValidationError

from .dates import parse_when
from .errors import Problem
from .figure_model import Figure, Figures, Unit
from .index import suggest
from .inline import subheadings
from .messages import schema_problems
from .validate import Checked
from .yamlload import Document, Path_, dotted

FIGURES = "figures.yml"
# The data fields each kind uses; any other data field on a figure is a mistake.
KIND_FIELDS = {"bar": ("categories", "series"), "line": ("lines", "marks"),
               "range": ("spans",), "table": ("columns", "rows")}
NO_SOURCES = ("no sources: every figure, row, span and mark needs at least one source id "
              "(write sources: [source-id])")
REQUIRED = {"bar": ("categories", "series"), "line": ("lines",), "range": ("spans",),
            "table": ("columns", "rows")}


@dataclass
class CheckedFigures:
    """Valid figures with where each is in its file, the declared units, and problems."""

    figures: list[tuple[Figure, Path_]] = field(default_factory=list)
    units: dict[str, Unit] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    doc: Document | None = None


class _FigureChecker:
    def __init__(self, doc: Document, checked: Checked, out: CheckedFigures) -> None:
        self.doc, self.out = doc, out
        self.sections = {s.id: s for s, _ in checked.sections}
        self.section_ids = set(self.sections) | checked.declared.get("section", set())
        self.source_ids = {s.id for s, _, _ in checked.sources} | \
            checked.declared.get("source", set())

    def add(self, where: Path_, message: str) -> None:
        span = self.doc.span(where)
        self.out.problems.append(Problem(self.doc.path, span.line, span.col, dotted(where),
                                         message))

    def refs(self, where: Path_, ids: tuple[str, ...]) -> None:
        for i, ref in enumerate(ids):
            if ref not in self.source_ids:
                hint = suggest(ref, self.source_ids) or " (add it to content/sources.yml first)"
                self.add((*where, i), f"unknown source '{ref}'{hint}")

    def unit(self, where: Path_, unit: str | None, needed: bool) -> None:
        if unit is None:
            if needed:
                self.add(where[:-1], f"required field '{where[-1]}' is missing (add a unit id "
                         "declared under units:)")
            return
        if unit not in self.out.units:
            declared = ", ".join(self.out.units) or "none yet"
            self.add(where, f"unknown unit '{unit}' (declared units: {declared}; declare it "
                     "under units: at the top of figures.yml)")

    def figure(self, fig: Figure, where: Path_) -> None:
        if fig.section not in self.section_ids:
            hint = suggest(fig.section, self.section_ids) or " (use a section id)"
            self.add((*where, "section"), f"unknown section '{fig.section}'{hint}")
        elif fig.under is not None and fig.section in self.sections:
            heads = subheadings(self.sections[fig.section].body)
            if fig.under not in heads:
                hint = suggest(fig.under, heads) or " (copy a ### subheading of that body)"
                self.add((*where, "under"), f"no subheading '### {fig.under}' in section "
                         f"'{fig.section}'{hint}")
        for field_name in ("categories", "series", "lines", "marks", "spans", "columns", "rows"):
            if getattr(fig, field_name) and field_name not in KIND_FIELDS[fig.kind]:
                self.add((*where, field_name), f"'{field_name}' is not used by a {fig.kind} "
                         f"figure (a {fig.kind} uses: {', '.join(KIND_FIELDS[fig.kind])})")
        for field_name in REQUIRED[fig.kind]:
            if not getattr(fig, field_name):
                self.add(where, f"a {fig.kind} figure needs '{field_name}' (add at least one)")
        if fig.scale == "log" and fig.kind not in ("bar", "line"):
            self.add((*where, "scale"), "only bar and line figures have a scale (remove it)")
        self.refs((*where, "sources"), fig.sources)
        getattr(self, fig.kind)(fig, where)

    def bar(self, fig: Figure, where: Path_) -> None:
        self.unit((*where, "unit"), fig.unit, True)
        for j, series in enumerate(fig.series):
            at = (*where, "series", j)
            self.refs((*at, "sources"), series.sources)
            if len(series.values) != len(fig.categories):
                self.add((*at, "values"), f"series '{series.label}' has {len(series.values)} "
                         f"value(s) but there are {len(fig.categories)} categories (give one "
                         "value per category, null where the source has none)")
            if series.value_sources and len(series.value_sources) != len(series.values):
                self.add((*at, "value_sources"), f"{len(series.value_sources)} source "
                         f"list(s) for {len(series.values)} values (give one list per value)")
            for k, ids in enumerate(series.value_sources):
                self.refs((*at, "value_sources", k), ids)
            self.positive(fig, (*at, "values"), series.values)

    def line(self, fig: Figure, where: Path_) -> None:
        self.unit((*where, "unit"), fig.unit, True)
        for j, line in enumerate(fig.lines):
            days = [parse_when(p.date).start.first_day() for p in line.points]
            for k, point in enumerate(line.points):
                self.refs((*where, "lines", j, "points", k, "sources"), point.sources)
                if k and days[k] <= days[k - 1]:
                    self.add((*where, "lines", j, "points", k, "date"), f"{point.date} is not "
                             "after the point before it (list points oldest first, one per date)")
            self.positive(fig, (*where, "lines", j, "points"), [p.value for p in line.points])
        for k, mark in enumerate(fig.marks):
            self.refs((*where, "marks", k, "sources"), mark.sources)

    def range(self, fig: Figure, where: Path_) -> None:
        self.unit((*where, "unit"), fig.unit, False)
        for j, span in enumerate(fig.spans):
            self.refs((*where, "spans", j, "sources"), span.sources)
            if span.end and parse_when(span.end).start.last_day() < \
                    parse_when(span.start).start.first_day():
                self.add((*where, "spans", j, "end"), f"span '{span.label}' ends ({span.end}) "
                         f"before it starts ({span.start}); put the earlier date first")

    def table(self, fig: Figure, where: Path_) -> None:
        self.unit((*where, "unit"), fig.unit, False)
        for j, column in enumerate(fig.columns):
            self.unit((*where, "columns", j, "unit"), column.unit, column.kind == "number")
        for j, row in enumerate(fig.rows):
            at = (*where, "rows", j)
            self.refs((*at, "sources"), row.sources)
            if len(row.cells) != len(fig.columns):
                self.add((*at, "cells"), f"row {j + 1} has {len(row.cells)} cell(s) but there "
                         f"are {len(fig.columns)} columns (one cell per column, null if empty)")
            for k, (cell, column) in enumerate(zip(row.cells, fig.columns, strict=False)):
                message = cell_problem(cell, column.kind)
                if message:
                    self.add((*at, "cells", k), message)

    def positive(self, fig: Figure, where: Path_, values: Sequence[float | None]) -> None:
        if fig.scale != "log":
            return
        for k, value in enumerate(values):
            if value is not None and value <= 0:
                self.add((*where, k), f"{value:g} cannot be drawn on a log scale (values must be "
                         "above zero; use scale: linear)")


def cell_problem(cell: object, kind: str) -> str | None:
    """Why a table cell does not fit its column's kind, or ``None``."""
    if cell is None:
        return None
    if kind == "number" and not isinstance(cell, float):
        return f"'{cell}' is not a number (this column holds numbers: write 1234.5, no units)"
    if kind == "text" and not isinstance(cell, str):
        return f"{cell} is a number in a text column (quote it, or make the column a number)"
    if kind == "date":
        if not isinstance(cell, str):
            return f"{cell} is not a date (write it quoted: \"2025-01-27\")"
        try:
            parse_when(cell)
        except ValueError as err:
            return str(err)
    return None


def _items(doc: Document, key: str) -> Iterator[tuple[int, object]]:
    items = doc.data.get(key) if isinstance(doc.data, dict) else None
    yield from enumerate(items if isinstance(items, (list, tuple)) else ())


def check_figures(doc: Document | None, checked: Checked) -> CheckedFigures:
    """Validate ``figures.yml`` (if there is one) against the already checked content."""
    out = CheckedFigures(doc=doc)
    if doc is None:
        return out
    _, problems = schema_problems(doc, Figures)
    out.problems = [Problem(p.path, p.line, p.col, p.field, NO_SOURCES)
                    if p.field.endswith("sources") and p.message.startswith("list has 0") else p
                    for p in problems]
    for _, item in _items(doc, "units"):
        with suppress(ValidationError):
            unit = Unit.model_validate(item)
            out.units.setdefault(unit.id, unit)
    for i, item in _items(doc, "figures"):
        with suppress(ValidationError):
            out.figures.append((Figure.model_validate(item), ("figures", i)))
    checker = _FigureChecker(doc, checked, out)
    seen: dict[str, int] = {}
    for fig, where in out.figures:
        if fig.id in seen:
            line = doc.span(("figures", seen[fig.id], "id")).line
            checker.add((*where, "id"), f"duplicate figure id '{fig.id}' (already used at "
                        f"{doc.path}:{line}; ids must be unique)")
        seen.setdefault(fig.id, int(where[1]))
        checker.figure(fig, where)
    return out
