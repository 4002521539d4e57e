"""Charts over time, drawn as inline SVG: line (or step) charts and range charts.

Time runs left to right on a day scale.  A date known only to the month or the year is
placed in the middle of that month or year (the table gives it as written).  Ticks fall on
the first day of a month and read ``Jan 2025``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from ..content.dates import parse_when
from ..content.figure_model import Figure, Unit
from .chart_svg import (
    AXIS,
    TEXT,
    WIDTH,
    Scale,
    bottom_labels,
    chart_value,
    num,
    scale_for,
    svg,
    text,
    tick_label,
)
from .diagram import text_width, wrap
from .figure_table import number_raw

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
PLOT_H = 190.0  # height of a line chart's plot area
SPAN_H = 10.0  # thickness of a range bar


@dataclass(frozen=True)
class TimeScale:
    """Maps days to x offsets from the start of the plot."""

    first: date
    last: date
    length: float

    def at(self, day: date) -> float:
        """Offset of ``day`` along the axis."""
        return (day - self.first).days / max((self.last - self.first).days, 1) * self.length

    def ticks(self, most: int = 5) -> list[date]:
        """First days of months, evenly spaced, at most ``most`` of them inside the axis."""
        months = (self.last.year - self.first.year) * 12 + self.last.month - self.first.month
        for every in (1, 2, 3, 4, 6, 12, 24):
            if months / every < most:
                break
        ticks, year, month = [], self.first.year, self.first.month
        while date(year, month, 1) <= self.last:
            if date(year, month, 1) >= self.first and (year * 12 + month - 1) % every == 0:
                ticks.append(date(year, month, 1))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return ticks


def middle(when: str) -> date:
    """The day a date is drawn at: itself, or the middle of its month or year."""
    start = parse_when(when).start
    first, last = start.first_day(), start.last_day()
    return first + timedelta(days=(last - first).days // 2)


def time_scale(days: list[date], length: float) -> TimeScale:
    """A scale from a little before the first day to a little after the last."""
    first, last = min(days), max(days)
    pad = timedelta(days=max((last - first).days // 25, 3))
    return TimeScale(first - pad, last + pad, length)


def month_label(day: date) -> str:
    """``Jan 2025``."""
    return f"{_MONTHS[day.month - 1]} {day.year}"


def time_axis(scale: TimeScale, x0: float, top: float, bottom: float) -> list[str]:
    """Vertical grid lines on month starts, labelled under ``bottom`` where there is room."""
    most = max(2, int(scale.length // (text_width("May 2025", TEXT[0]) + 14)))
    shapes, labels = [], []
    for tick in scale.ticks(min(most, 5)):
        x = x0 + scale.at(tick)
        shapes.append(f'<line class="xref-chart__grid" x1="{num(x)}" y1="{num(top)}" '
                      f'x2="{num(x)}" y2="{num(bottom)}"/>')
        labels.append((x, month_label(tick)))
    return shapes + bottom_labels(labels, bottom + 14, 0)


def _y_axis(scale: Scale, x0: float, top: float, unit: Unit) -> list[str]:
    shapes = []
    for tick in scale.ticks():
        y = top + PLOT_H - scale.at(tick)
        shapes.append(f'<line class="xref-chart__grid" x1="{num(x0)}" y1="{num(y)}" '
                      f'x2="{num(WIDTH)}" y2="{num(y)}"/>')
        shapes.append(text(x0 - 5, y + 4, tick_label(tick, unit), "tick", "end"))
    return shapes


def line_svg(fig: Figure, unit: Unit) -> str:
    """Dated values joined by lines (or steps), each value written by its dot."""
    values = [p.value for line in fig.lines for p in line.points]
    probe = scale_for(values, fig.scale, PLOT_H)
    x0 = max(text_width(tick_label(t, unit), TEXT[0]) for t in probe.ticks()) + 8
    right = 12.0
    mark_lines = [wrap(m.label, 150, TEXT[0]) for m in fig.marks]
    top = 4 + max([len(lines) for lines in mark_lines] + [0]) * TEXT[1] + 6
    xs = time_scale([middle(p.date) for line in fig.lines for p in line.points]
                    + [middle(m.date) for m in fig.marks], WIDTH - x0 - right)
    ys = scale_for(values, fig.scale, PLOT_H)
    shapes = _y_axis(ys, x0, top, unit) + time_axis(xs, x0, top, top + PLOT_H)
    for mark, lines in zip(fig.marks, mark_lines, strict=True):
        x = x0 + xs.at(middle(mark.date))
        shapes.append(f'<line class="xref-chart__event" x1="{num(x)}" y1="{num(top - 4)}" '
                      f'x2="{num(x)}" y2="{num(top + PLOT_H)}"/>')
        anchor, tx = ("end", x - 4) if x > WIDTH / 2 else ("start", x + 4)
        for i, row in enumerate(lines):
            shapes.append(text(tx, 4 + TEXT[0] + i * TEXT[1], row, "note", anchor))
    for j, line in enumerate(fig.lines):
        pts = [(x0 + xs.at(middle(p.date)), top + PLOT_H - ys.at(p.value)) for p in line.points]
        path = f"M{num(pts[0][0])} {num(pts[0][1])}"
        for _, (qx, qy) in pairwise(pts):
            path += f" H{num(qx)} V{num(qy)}" if line.step else f" L{num(qx)} {num(qy)}"
        cls = f"xref-chart__s{j % 6 + 1}"
        shapes.append(f'<path class="xref-chart__line {cls}" d="{path}"/>')
        for i, ((px, py), p) in enumerate(zip(pts, line.points, strict=True)):
            label = chart_value(p.value, unit, p.approx)
            shapes.append(f'<circle class="xref-chart__mark {cls}" cx="{num(px)}" '
                          f'cy="{num(py)}" r="4" data-value="{number_raw(p.value)}"/>')
            shapes.append(point_label(label, px, py, x0, i + 1 < len(pts) and pts[i + 1][1] < py))
        if len(fig.lines) > 1:
            last = pts[-1]
            shapes.append(text(last[0] - 6, last[1] + 16, line.label, "series", "end"))
    return svg(fig, WIDTH, top + PLOT_H + AXIS, shapes)


def point_label(label: str, x: float, y: float, x0: float, rising: bool) -> str:
    """A value above its dot; up and to the left when the line rises from it, so the line
    leaving the dot does not cross the text."""
    width = text_width(label, TEXT[0])
    if rising and x - 7 - width >= x0:
        return text(x - 7, y - 5, label, "value", "end")
    return text(min(max(x, x0 + width / 2), WIDTH - width / 2), y - 8, label, "value", "middle")


def range_svg(fig: Figure) -> str:
    """One bar per span on a shared time axis; label, group and dates written above it."""
    days = [parse_when(s.start).start.first_day() for s in fig.spans]
    days += [parse_when(s.end).start.last_day() for s in fig.spans if s.end]
    xs = time_scale(days, WIDTH - 2)
    groups = list(dict.fromkeys(s.group for s in fig.spans if s.group))
    shapes: list[str] = []
    y = 2.0
    for span in fig.spans:
        head = span.label + (f" · {span.group}" if span.group else "")
        for line in wrap(head, WIDTH, TEXT[0] + 1, True):
            shapes.append(text(0, y + 13, line, "category", size=TEXT[0] + 1))
            y += TEXT[1] + 2
        when = parse_when(span.start).human() + " – " + \
            (parse_when(span.end).human() if span.end else "no end date in the sources")
        if span.note:
            when += f" · {span.note}"
        for line in wrap(when, WIDTH, TEXT[0]):
            shapes.append(text(0, y + 12, line, "note"))
            y += TEXT[1]
        start = 1 + xs.at(parse_when(span.start).start.first_day())
        end = 1 + xs.at(parse_when(span.end).start.last_day()) if span.end else WIDTH - 1
        group = groups.index(span.group) + 1 if span.group else 1
        open_end = "" if span.end else " xref-chart__span--open"
        shapes.append(f'<rect class="xref-chart__span xref-chart__s{group % 6 or 6}{open_end}" '
                      f'x="{num(start)}" y="{num(y + 2)}" width="{num(max(end - start, 2))}" '
                      f'height="{num(SPAN_H)}"/>')
        y += SPAN_H + 12
    grid = time_axis(xs, 1, 0, y)
    return svg(fig, WIDTH, y + AXIS, grid + shapes)
