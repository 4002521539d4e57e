"""A hand-written SVG chart of the benchmark: time and peak memory against scale.

Two log-log panels side by side (time in seconds, peak memory in MB), one line per series,
a dotted "linear" guide from the 1x engine time, and a legend.  No plotting library: the
file is plain SVG text, so it renders on GitHub and diffs as text.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

WIDTH, HEIGHT = 880, 380
PANEL_W, PANEL_H = 340, 230
MARGIN_LEFT, MARGIN_TOP = 70, 50
GAP = 110
COLOURS = ("#3949ab", "#e65100", "#2e7d32", "#6d4c41")

Series = tuple[str, Sequence[float | None]]


def _ticks(low: float, high: float) -> list[float]:
    ticks = []
    for exp in range(math.floor(math.log10(low)) - 1, math.ceil(math.log10(high)) + 1):
        for mult in (1, 2, 5):
            value = mult * 10.0 ** exp
            if low <= value <= high:
                ticks.append(value)
    return ticks


def _fmt(value: float) -> str:
    if value >= 1:
        return f"{value:g}"
    return f"{value:.2g}"


def _panel(x0: float, title: str, unit: str, xs: Sequence[float], xlabels: Sequence[str],
           series: Sequence[Series], guide: Series | None = None,
           limit: tuple[str, float] | None = None) -> list[str]:
    values = [v for _, ys in series for v in ys if v] + ([v for v in guide[1] if v] if guide else [])
    values += [limit[1]] if limit else []
    low = 10 ** math.floor(math.log10(min(values)))
    high = 10 ** math.ceil(math.log10(max(values)))
    lx0, lx1 = math.log10(min(xs)), math.log10(max(xs))
    pad = 0.08 * (lx1 - lx0 or 1)

    def px(x: float) -> float:
        return x0 + (math.log10(x) - lx0 + pad) / (lx1 - lx0 + 2 * pad) * PANEL_W

    def py(y: float) -> float:
        return MARGIN_TOP + PANEL_H - (math.log10(y) - math.log10(low)) / \
            (math.log10(high) - math.log10(low)) * PANEL_H

    out = [f'<text x="{x0 + PANEL_W / 2}" y="{MARGIN_TOP - 18}" class="title">{escape(title)}</text>',
           f'<rect x="{x0}" y="{MARGIN_TOP}" width="{PANEL_W}" height="{PANEL_H}" class="frame"/>']
    for tick in _ticks(low, high):
        y = py(tick)
        out.append(f'<line x1="{x0}" x2="{x0 + PANEL_W}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>')
        out.append(f'<text x="{x0 - 6}" y="{y + 4:.1f}" class="ytick">{_fmt(tick)}</text>')
    for x, label in zip(xs, xlabels, strict=True):
        out.append(f'<line x1="{px(x):.1f}" x2="{px(x):.1f}" y1="{MARGIN_TOP}" '
                   f'y2="{MARGIN_TOP + PANEL_H}" class="grid"/>')
        head, _, tail = label.partition(" ")
        out.append(f'<text x="{px(x):.1f}" y="{MARGIN_TOP + PANEL_H + 18}" class="xtick">'
                   f'{escape(head)}<tspan x="{px(x):.1f}" dy="14">{escape(tail)}</tspan></text>')
    out.append(f'<text x="{x0 + PANEL_W / 2}" y="{MARGIN_TOP + PANEL_H + 54}" class="axis">'
               "content scale (log)</text>")
    out.append(f'<text transform="translate({x0 - 48},{MARGIN_TOP + PANEL_H / 2}) rotate(-90)" '
               f'class="axis">{escape(unit)} (log)</text>')
    if limit:
        y = py(limit[1])
        out.append(f'<line x1="{x0}" x2="{x0 + PANEL_W}" y1="{y:.1f}" y2="{y:.1f}" class="limit"/>')
        out.append(f'<text x="{x0 + 6}" y="{y - 5:.1f}" class="limit-label">{escape(limit[0])}</text>')
    if guide:
        pts = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in zip(xs, guide[1], strict=True) if y)
        out.append(f'<polyline points="{pts}" class="guide"><title>{escape(guide[0])}</title>'
                   "</polyline>")
    for (name, ys), colour in zip(series, COLOURS, strict=False):
        pts = [(px(x), py(y), y) for x, y in zip(xs, ys, strict=True) if y]
        out.append(f'<polyline points="{" ".join(f"{a:.1f},{b:.1f}" for a, b, _ in pts)}" '
                   f'fill="none" stroke="{colour}" stroke-width="2"/>')
        out += [f'<circle cx="{a:.1f}" cy="{b:.1f}" r="3.5" fill="{colour}"><title>{escape(name)}: '
                f"{_fmt(v)} {escape(unit)}</title></circle>" for a, b, v in pts]
    return out


def render_chart(xs: Sequence[float], xlabels: Sequence[str], times: Sequence[Series],
                 memory: Sequence[Series], guide: Series | None = None,
                 caption: str = "", memory_limit: tuple[str, float] | None = None) -> str:
    """The SVG text: time series on the left, memory series on the right."""
    body = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="chart-title">',
        f'<title id="chart-title">{escape(caption or "Build time and memory against scale")}</title>',
        "<style>text{font:12px sans-serif;fill:#222}.title{font-weight:bold;text-anchor:middle}"
        ".ytick{text-anchor:end}.xtick,.axis{text-anchor:middle}.frame{fill:#fff;stroke:#999}"
        ".grid{stroke:#e0e0e0}.guide{fill:none;stroke:#888;stroke-dasharray:4 4}"
        ".legend{font-size:12px}.limit{stroke:#c62828;stroke-dasharray:6 3}"
        ".limit-label{fill:#c62828;font-size:11px}</style>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#fff"/>',
    ]
    body += _panel(MARGIN_LEFT, "Time", "seconds", xs, xlabels, times, guide)
    body += _panel(MARGIN_LEFT + PANEL_W + GAP, "Peak memory", "MB", xs, xlabels, memory,
                   limit=memory_limit)
    legend_y = HEIGHT - 30
    x = MARGIN_LEFT
    names = [name for name, _ in times]
    for name, colour in zip(names, COLOURS, strict=False):
        body.append(f'<line x1="{x}" x2="{x + 22}" y1="{legend_y}" y2="{legend_y}" '
                    f'stroke="{colour}" stroke-width="2"/>')
        body.append(f'<text x="{x + 28}" y="{legend_y + 4}" class="legend">{escape(name)}</text>')
        x += 34 + 7 * len(name)
    if guide:
        body.append(f'<line x1="{x}" x2="{x + 22}" y1="{legend_y}" y2="{legend_y}" class="guide"/>')
        body.append(f'<text x="{x + 28}" y="{legend_y + 4}" class="legend">{escape(guide[0])}</text>')
    body.append("</svg>")
    return "\n".join(body) + "\n"


__all__ = ["render_chart"]
