"""The typed, frozen model of ``content/figures.yml``: data figures (charts and tables).

A figure is cited data: its numbers, the unit they are in, the sources behind them and the
section (and ``###`` subheading) it belongs to.  The shape is checked here; cross-file rules
(known sources, sections, headings and units, lengths that must agree) live in
``figure_check.py``, which can point at the exact value that is wrong.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator

from .fields import Id, Line, SourceId, Strict, When, plain_only
from .fields import dated as _dated
from .yamlload import kind_of

# Figure text is drawn in SVG and written to CSV: citations go in the sources lists.
_plain = plain_only("list the figure's sources under sources:, or a value's under its sources:")

FigureKind = Literal["bar", "line", "range", "table"]
Scale = Literal["linear", "log"]
ColumnKind = Literal["text", "number", "date"]
Label = Annotated[str, StringConstraints(min_length=1, max_length=80)]
Plain = Annotated[str, StringConstraints(min_length=1, max_length=400)]
Affix = Annotated[str, StringConstraints(max_length=20)]


class Unit(Strict):
    """How the numbers of one unit are written: ``$2.19``, ``79.8%``, ``2,664,000 GPU hours``."""

    id: Id = Field(description="Unit id that figures name in `unit:`.", examples=["percent"])
    label: Label = Field(description="The unit in words, for table headers and the CSV.",
                         examples=["per cent"])
    prefix: Affix = Field("", description="Written before each number, e.g. `$`.")
    suffix: Affix = Field("", description="Written after each number, e.g. `%` or ` GPU hours`.")
    short: Affix | None = Field(None, description="A shorter suffix for labels inside charts, "
                                "e.g. `T` for ` trillion` (default: `suffix`).")

    _check_plain = field_validator("label", "prefix", "suffix", "short")(_plain)

    @property
    def chart_suffix(self) -> str:
        """The suffix written inside charts."""
        return self.suffix if self.short is None else self.short


class Series(Strict):
    """One named series of a bar chart: one value per category, in the categories' order."""

    label: Label = Field(description="Plain-text name, written next to its bars (no legend).",
                         examples=["Version 2"])
    values: tuple[float | None, ...] = Field(min_length=1, description="One number per "
                                              "category; `null` where the source gives none.")
    sources: tuple[SourceId, ...] = Field(default=(), description="Sources of every value in "
                                          "this series, when they differ from the figure's.")
    value_sources: tuple[tuple[SourceId, ...], ...] = Field(
        default=(), description="Optional: one list of source ids per value, in the same "
        "order, where single values come from different sources.")

    _check_plain = field_validator("label")(_plain)


class Point(Strict):
    """One dated value of a line chart."""

    date: When = Field(description="Date at honest precision: `2025-07-09` or `2025-04`.",
                       examples=["2025-07-09"])
    value: float = Field(description="The number, in the figure's unit.")
    approx: bool = Field(False, description="True when the source says `about`.")
    label: Plain | None = Field(None, description="Plain text: what this point is, shown "
                                "beside it and in the table.")
    sources: tuple[SourceId, ...] = Field(default=(), description="Sources of this value.")

    _check_date = field_validator("date")(_dated)
    _check_plain = field_validator("label")(_plain)


class LineSeries(Strict):
    """One line of a line chart: dated points, oldest first."""

    label: Label = Field(description="Plain-text name, written at the end of its line.")
    points: tuple[Point, ...] = Field(min_length=2, description="The dated values, oldest first.")
    step: bool = Field(False, description="Draw as steps (the value holds until the next "
                       "point) instead of straight lines.")

    _check_plain = field_validator("label")(_plain)


class Mark(Strict):
    """A dated event drawn as a vertical rule across a line chart."""

    date: When = Field(description="The day of the event.", examples=["2025-01-27"])
    label: Plain = Field(description="Plain text written beside the rule.")
    sources: tuple[SourceId, ...] = Field(min_length=1, description="Sources of the event.")

    _check_date = field_validator("date")(_dated)
    _check_plain = field_validator("label")(_plain)


class Span(Strict):
    """One bar of a range chart: a labelled stretch of time."""

    label: Label = Field(description="Plain-text name of the span.", examples=["Version 2"])
    start: When = Field(description="First day (or month) of the span.", examples=["2025-01-20"])
    end: When | None = Field(None, description="Last day of the span; leave out when the "
                             "sources give no end (drawn open to the right).")
    group: Label | None = Field(None, description="Plain text: the kind of span (e.g. its "
                                "licence); spans of one group share a colour and the text.")
    note: Plain | None = Field(None, description="Plain text shown under the label.")
    sources: tuple[SourceId, ...] = Field(min_length=1, description="Sources of the dates.")

    _check_dates = field_validator("start", "end")(_dated)
    _check_plain = field_validator("label", "group", "note")(_plain)


class Column(Strict):
    """One column of a table figure."""

    label: Label = Field(description="Plain-text column header.", examples=["Chip"])
    kind: ColumnKind = Field("text", description="`text`, `number` (in `unit`) or `date`.")
    unit: Id | None = Field(None, description="Unit id of a number column.")

    _check_plain = field_validator("label")(_plain)


class Row(Strict):
    """One row of a table figure: a cell per column, and the row's sources."""

    cells: tuple[str | float | None, ...] = Field(min_length=1, description="One cell per "
                                                   "column: text, a number or a date.")
    sources: tuple[SourceId, ...] = Field(min_length=1, description="Sources of this row.")

    @field_validator("cells", mode="before")
    @classmethod
    def _cell_types(cls, cells: object) -> object:
        for i, cell in enumerate(cells if isinstance(cells, (list, tuple)) else ()):
            if isinstance(cell, bool) or not isinstance(cell, (str, int, float, type(None))):
                raise ValueError(f"cell {i + 1} is {kind_of(cell)} (write text, a number, "
                                 "or null for an empty cell)")
        return cells


class Figure(Strict):
    """A chart or table drawn at build time, with its data as a table and a CSV file."""

    id: Id = Field(description="Figure id: its anchor is `#figure-<id>` and its data "
                   "`data/figures/<id>.csv`.", examples=["r1-vs-o1-benchmarks"])
    kind: FigureKind = Field(description="`bar` (categories, one bar per series), `line` "
                             "(dated points), `range` (date spans) or `table`.")
    title: Line = Field(description="Plain-text title: the caption and the SVG's <title>.")
    description: Annotated[str, StringConstraints(min_length=1, max_length=1000)] = Field(
        description="Plain text for screen readers (the SVG's <desc>): what the chart shows "
        "and what it means, in words.")
    note: Plain | None = Field(None, description="Plain text under the title: what the "
                               "numbers include, and which source is shown where sources differ.")
    section: Id = Field(description="Id of the section whose page shows the figure.")
    under: Line | None = Field(None, description="A `###` subheading of that section's body: "
                                "the figure ends that part (leave out to place it after the body).")
    unit: Id | None = Field(None, description="Unit id of the values (bar and line charts).")
    scale: Scale = Field("linear", description="`linear` from zero, or `log` where values "
                         "differ a hundredfold or more (drawn as dots, not bars).")
    category_label: Label = Field("Category", description="Header of the first table column: "
                                  "what the categories or spans are, e.g. `Benchmark`.")
    group_label: Label | None = Field(None, description="Range: header of the column of span "
                                      "groups, e.g. `Licence`.")
    categories: tuple[Label, ...] = Field(default=(), description="Bar: the category names.")
    series: tuple[Series, ...] = Field(default=(), description="Bar: one or more series.")
    lines: tuple[LineSeries, ...] = Field(default=(), description="Line: one or more lines.")
    marks: tuple[Mark, ...] = Field(default=(), description="Line: dated events to mark.")
    spans: tuple[Span, ...] = Field(default=(), description="Range: the spans, top to bottom.")
    columns: tuple[Column, ...] = Field(default=(), description="Table: the columns.")
    rows: tuple[Row, ...] = Field(default=(), description="Table: the rows.")
    sources: tuple[SourceId, ...] = Field(min_length=1, description="Sources of the figure "
                                          "as a whole (cited in its caption).")

    _check_plain = field_validator("title", "description", "note", "under", "category_label",
                                   "group_label")(_plain)


class Figures(Strict):
    """`content/figures.yml`: the units numbers are written in, and every data figure."""

    units: tuple[Unit, ...] = Field(default=(), description="Units the figures' numbers use.")
    figures: tuple[Figure, ...] = Field(min_length=1, description="Charts and tables.")
