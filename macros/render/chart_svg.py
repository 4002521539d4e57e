"""Charts drawn at build time as inline SVG: scales, the SVG shell, and the bar chart.

Like the diagrams (``render_diagram.py``), the layout is computed here in Python, the SVG
carries no colour (classes ``xref-chart__*`` are coloured from the theme's CSS variables,
so both palettes and print work), and every SVG is ``role="img"`` with a ``<title>`` and
``<desc>``.  The viewBox is 360 units wide, the narrowest phone, so text stays legible when
the SVG scales to its column; every series is labelled where it is drawn, not in a legend.

Scales.  A linear scale starts at zero and ends at a round number above the largest value,
so a bar's length is proportional to its value.  A log scale runs between the powers of ten
around the values; on it a value is drawn as a dot, because the length of a bar on a log
axis has no meaning.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from ..content.figure_model import Figure, Unit
from .diagram import text_width, wrap
from .figure_table import number_raw, number_text

WIDTH = 360
HEAD = (13.0, 18.0)  # font size and line height of a category heading
TEXT = (12.0, 15.0)  # ... of series labels, values and ticks
BAR = 12.0  # bar thickness
ROW = 17.0  # height of one bar's row
GAP = 10.0  # space after a category's group of bars
AXIS = 22.0  # room for tick labels under the plot


def num(value: float) -> str:
    """A coordinate with at most two decimals, no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".") or "0"


def text(x: float, y: float, content: str, cls: str, anchor: str = "start",
         size: float = TEXT[0]) -> str:
    """One line of text whose baseline is at ``y``."""
    return (f'<text class="xref-chart__{cls}" x="{num(x)}" y="{num(y)}" font-size="{num(size)}"'
            f' text-anchor="{anchor}">{escape(content)}</text>')


def compact(value: float) -> str:
    """A tick label: ``2M``, ``500K``, ``0.01``, ``100``."""
    for size, letter in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(value) >= size:
            return number_text(round(value / size, 6)) + letter
    return number_text(round(value, 10))


def chart_value(value: float, unit: Unit, approx: bool = False) -> str:
    """A value as written inside a chart: ``$2.19``, ``≈$2.3T``."""
    return f"{'≈' if approx else ''}{unit.prefix}{number_text(value)}{unit.chart_suffix}"


@dataclass(frozen=True)
class Scale:
    """Maps values to x (or y) offsets from the start of the plot, ``0`` to ``length``."""

    kind: str  # "linear" or "log"
    low: float
    high: float
    length: float

    def at(self, value: float) -> float:
        """Offset of ``value`` along the axis."""
        if self.kind == "log":
            span = math.log10(self.high) - math.log10(self.low)
            return (math.log10(value) - math.log10(self.low)) / span * self.length
        return (value - self.low) / (self.high - self.low) * self.length

    def ticks(self) -> list[float]:
        """Round values to mark on the axis, ends included."""
        if self.kind == "log":
            first, last = round(math.log10(self.low)), round(math.log10(self.high))
            return [10.0 ** e for e in range(first, last + 1)]
        step = nice_step(self.high)
        return [i * step for i in range(round(self.high / step) + 1)]


def nice_step(high: float, count: int = 4) -> float:
    """A round step (1, 2 or 5 times a power of ten) giving about ``count`` intervals."""
    raw = high / count
    power = 10.0 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def scale_for(values: Sequence[float], kind: str, length: float) -> Scale:
    """Linear from zero to a round number above the maximum; log between powers of ten."""
    top = max(values) if values else 1.0
    if kind == "log":
        low = 10 ** math.floor(math.log10(min(values)))
        high = 10 ** math.ceil(math.log10(top))
        return Scale("log", low, high if high > low else low * 10, length)
    step = nice_step(top if top > 0 else 1.0)
    return Scale("linear", 0.0, step * math.ceil(top / step) if top > 0 else step, length)


def svg(fig: Figure, width: float, height: float, shapes: Sequence[str]) -> str:
    """The ``<svg>`` shell: role, title, desc and a viewBox that scales to its column."""
    ident = f"figure-{fig.id}"
    return (f'<svg class="xref-chart__svg" xmlns="http://www.w3.org/2000/svg" role="img" '
            f'viewBox="0 0 {num(width)} {num(height)}" width="100%" '
            f'aria-labelledby="{ident}-title {ident}-desc">'
            f'<title id="{ident}-title">{escape(fig.title)}</title>'
            f'<desc id="{ident}-desc">{escape(fig.description)}</desc>'
            + "".join(shapes) + "</svg>")


def tick_label(tick: float, unit: Unit) -> str:
    """A tick's label: compact number, with the unit's prefix and a short suffix."""
    suffix = unit.chart_suffix if len(unit.chart_suffix) <= 2 else ""
    return f"{unit.prefix}{compact(tick)}{suffix}"


def spaced(positions: Sequence[tuple[float, str]], gap: float = 8) -> list[tuple[float, str]]:
    """Keep the labels (centred at their x) that do not touch the one kept before them."""
    kept: list[tuple[float, str]] = []
    for x, label in positions:
        half = text_width(label, TEXT[0]) / 2
        if not kept or x - half >= kept[-1][0] + text_width(kept[-1][1], TEXT[0]) / 2 + gap:
            kept.append((x, label))
    return kept


def bottom_labels(positions: Sequence[tuple[float, str]], y: float, left: float) -> list[str]:
    """Tick labels centred under their x, kept inside the viewBox, never overlapping."""
    shapes = []
    for x, label in spaced(positions):
        half = text_width(label, TEXT[0]) / 2
        shapes.append(text(min(max(x, left + half), WIDTH - half), y, label, "tick", "middle"))
    return shapes


def x_axis(scale: Scale, x0: float, top: float, bottom: float, unit: Unit) -> list[str]:
    """Vertical grid lines at each tick, with labels under the plot."""
    shapes, labels = [], []
    for tick in scale.ticks():
        x = x0 + scale.at(tick)
        shapes.append(f'<line class="xref-chart__grid" x1="{num(x)}" y1="{num(top)}" '
                      f'x2="{num(x)}" y2="{num(bottom)}"/>')
        labels.append((x, tick_label(tick, unit)))
    shapes += bottom_labels(labels, bottom + 14, 0)
    if scale.kind == "linear":  # the zero baseline, drawn over the grid
        shapes.append(f'<line class="xref-chart__baseline" x1="{num(x0)}" y1="{num(top)}" '
                      f'x2="{num(x0)}" y2="{num(bottom)}"/>')
    return shapes


def bar_svg(fig: Figure, unit: Unit) -> str:
    """Horizontal bars, grouped by category, each series named beside (or above) its bar."""
    many = len(fig.series) > 1
    widest = max(text_width(s.label, TEXT[0]) for s in fig.series) + 8
    stacked = many and widest > WIDTH * 0.36  # long names go on their own line
    gutter = widest if many and not stacked else 0.0
    values = [v for s in fig.series for v in s.values if v is not None]
    labels = [chart_value(v, unit) for v in values]
    room = max([text_width(t, TEXT[0]) for t in labels] + [text_width("not reported", TEXT[0])])
    scale = scale_for(values, fig.scale, WIDTH - gutter - room - 14)
    shapes: list[str] = []
    y = 2.0
    for k, category in enumerate(fig.categories):
        for line in wrap(category, WIDTH, HEAD[0], True):
            shapes.append(text(0, y + HEAD[0], line, "category", size=HEAD[0]))
            y += HEAD[1]
        for j, series in enumerate(fig.series):
            if stacked:
                shapes.append(text(0, y + TEXT[0], series.label, "series"))
                y += TEXT[1]
            shapes.append(bar_row(series.label if gutter else "", series.values[k], j, gutter,
                                  y, scale, unit))
            y += ROW
        y += GAP
    top, bottom = 2.0, y - GAP + 2
    grid = x_axis(scale, gutter, top, bottom, unit)
    return svg(fig, WIDTH, bottom + AXIS, grid + shapes)


def bar_row(label: str, value: float | None, j: int, x0: float, y: float, scale: Scale,
            unit: Unit) -> str:
    """One series' bar (or dot, on a log scale) with its name and value beside it."""
    mid = y + ROW / 2
    parts = [text(x0 - 6, mid + 4, label, "series", "end")] if label else []
    cls = f"xref-chart__mark xref-chart__s{j % 6 + 1}"
    if value is None:
        parts.append(text(x0 + 4, mid + 4, "not reported", "missing"))
    elif scale.kind == "log":
        x = x0 + scale.at(value)
        parts.append(f'<circle class="{cls}" cx="{num(x)}" cy="{num(mid)}" r="5" '
                     f'data-value="{number_raw(value)}"/>')
        parts.append(text(x + 9, mid + 4, chart_value(value, unit), "value"))
    else:
        length = scale.at(value)
        parts.append(f'<rect class="{cls}" x="{num(x0)}" y="{num(mid - BAR / 2)}" '
                     f'width="{num(length)}" height="{num(BAR)}" '
                     f'data-value="{number_raw(value)}"/>')
        parts.append(text(x0 + length + 4, mid + 4, chart_value(value, unit), "value"))
    return f'<g class="xref-chart__row">{"".join(parts)}</g>'
