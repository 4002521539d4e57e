"""Diagrams from ``diagrams:`` data, drawn at build time as inline, accessible SVG.

Pure functions: the layout (box sizes, line wrapping, arrows) is computed here in Python,
so the page needs no JavaScript and loads nothing from elsewhere.  Colours are never
written into the SVG: every shape carries an ``xref-diagram__*`` class that
``docs/assets/xref.css`` colours with CSS custom properties, so a diagram follows the
light and the dark palette.  Each SVG has ``role="img"``, a ``<title>`` and a ``<desc>``,
and comes with a text version (an ordered list with the page's citation markers).

Two kinds:

* ``flow``: boxes top to bottom, joined by arrows; a ``branch`` step sits beside the step
  before it, and the chain continues from that step.
* ``ladder``: steps on a vertical time axis, each dated on the left with ``when``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from ..content.dates import parse_when
from ..content.model import Diagram, DiagramStep

WIDTH = 360  # viewBox width; the SVG scales to its container (360 px phones included)
PAD = 10  # inner padding of a box
GAP = 26  # vertical space between boxes (room for an arrow)
LABEL = (14.0, 18.0)  # font size and line height of a box's label
DETAIL = (12.5, 16.0)  # ... of its detail line(s)
WHEN = (12.0, 16.0)  # ... of a date
BRANCH_SHARE = 0.38  # share of the width a flow's side branches take
AXIS = 92  # ladder: width of the date column; the rail runs just right of it

# Advance widths (in em) by kind of character, measured on DejaVu Sans, the widest of the
# usual system sans-serifs, so that text fits its box in Helvetica, Arial or Roboto too.
_NARROW = set("ijlI.,:;'!|")
_HALF = set("()[]{}ft r-\"/")
_WIDE = set("mwMW%@")


@dataclass(frozen=True)
class StepCites:
    """One step's citations: the page's markers (HTML) and their numbers (for the SVG)."""

    html: str
    numbers: tuple[int, ...]


# --- text measuring and wrapping ---------------------------------------------------------

def text_width(text: str, size: float, bold: bool = False) -> float:
    """Estimated width of ``text`` at font size ``size``, in the same units."""
    em = sum(0.32 if c in _NARROW else 0.42 if c in _HALF else 0.95 if c in _WIDE else
             0.74 if c.isupper() else 0.64 if c.isdigit() else 0.61 for c in text)
    return em * size * (1.1 if bold else 1.0)


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Greedy word wrap into lines no wider than ``width`` (a too-long word is cut)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size, bold) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while text_width(word, size, bold) > width and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and text_width(word[:cut] + "-", size, bold) > width:
                cut -= 1
            lines.append(word[:cut] + "-")
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return lines or [""]


# --- layout -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Box:
    """A laid-out step: its rectangle and its wrapped lines, by kind of line."""

    x: float
    y: float
    w: float
    h: float
    lines: tuple[tuple[str, str], ...]  # (css kind, text): "when", "label" or "detail"
    branch: bool = False


_FONTS = {"when": WHEN, "label": LABEL, "detail": DETAIL}


def _marks(numbers: tuple[int, ...]) -> str:
    return "".join(f"[{n}]" for n in numbers)


def _box_lines(step: DiagramStep, numbers: tuple[int, ...], width: float,
               with_when: bool) -> tuple[tuple[str, str], ...]:
    """Date (flows only), label, and detail ending in the step's citation numbers."""
    inner = width - 2 * PAD
    lines: list[tuple[str, str]] = []
    if with_when and step.when:
        lines += [("when", t) for t in wrap(parse_when(step.when).human(), inner, WHEN[0], True)]
    lines += [("label", t) for t in wrap(step.label, inner, LABEL[0], True)]
    detail = f"{step.detail} {_marks(numbers)}".strip()
    lines += [("detail", t) for t in wrap(detail, inner, DETAIL[0])]
    return tuple(lines)


def _height(lines: tuple[tuple[str, str], ...]) -> float:
    return 2 * PAD + sum(_FONTS[kind][1] for kind, _ in lines) + 2


def layout_flow(diagram: Diagram, numbers: Sequence[tuple[int, ...]]) -> list[Box]:
    """Main steps in one column; each branch beside the main step before it."""
    has_branch = any(s.branch for s in diagram.steps)
    branch_w = round(WIDTH * BRANCH_SHARE) if has_branch else 0
    main_w = WIDTH - branch_w - (GAP if has_branch else 0) - 1
    boxes: list[Box] = []
    y = 1.0
    row: list[Box] = []
    for step, nums in zip(diagram.steps, numbers, strict=True):
        if step.branch:
            lines = _box_lines(step, nums, branch_w, True)
            box = Box(WIDTH - branch_w - 1, row[0].y, branch_w, _height(lines), lines, True)
        else:
            if row:
                y = max(b.y + b.h for b in row) + GAP
            lines = _box_lines(step, nums, main_w, True)
            box = Box(1, y, main_w, _height(lines), lines)
            row = []
        row.append(box)
        boxes.append(box)
    return boxes


def layout_ladder(diagram: Diagram, numbers: Sequence[tuple[int, ...]]) -> list[Box]:
    """One box per step right of the time axis; the dates are drawn on the axis."""
    x = AXIS + 18
    boxes: list[Box] = []
    y = 1.0
    for step, nums in zip(diagram.steps, numbers, strict=True):
        lines = _box_lines(step, nums, WIDTH - x - 1, False)
        boxes.append(Box(x, y, WIDTH - x - 1, _height(lines), lines))
        y += boxes[-1].h + GAP / 2
    return boxes


# --- drawing ----------------------------------------------------------------------------

def _num(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _text(x: float, y: float, lines: Sequence[tuple[str, str]], anchor: str = "start") -> str:
    """A ``<text>`` of stacked lines; ``y`` is the top of the first line."""
    spans = []
    for kind, content in lines:
        size, height = _FONTS[kind]
        baseline = y + (height - size) / 2 + size * 0.8
        spans.append(f'<tspan class="xref-diagram__{kind}" x="{_num(x)}" y="{_num(baseline)}" '
                     f'font-size="{_num(size)}">{escape(content)}</tspan>')
        y += height
    return f'<text text-anchor="{anchor}">{"".join(spans)}</text>'


def _box(box: Box) -> str:
    kind = " xref-diagram__box--branch" if box.branch else ""
    return (f'<g class="xref-diagram__step"><rect class="xref-diagram__box{kind}" '
            f'x="{_num(box.x)}" y="{_num(box.y)}" width="{_num(box.w)}" height="{_num(box.h)}" '
            f'rx="4"/>{_text(box.x + PAD, box.y + PAD, box.lines)}</g>')


def _arrow(x1: float, y1: float, x2: float, y2: float) -> str:
    """A line from (x1, y1) to (x2, y2) with a filled head at the end (no markers)."""
    if x1 == x2:  # down
        head = f"M{_num(x2)} {_num(y2)} l-5 -8 h10 z"
        y2 -= 7
    else:  # right
        head = f"M{_num(x2)} {_num(y2)} l-8 -5 v10 z"
        x2 -= 7
    return (f'<path class="xref-diagram__arrow" d="M{_num(x1)} {_num(y1)} L{_num(x2)} '
            f'{_num(y2)}"/><path class="xref-diagram__head" d="{head}"/>')


def _flow_shapes(diagram: Diagram, boxes: list[Box]) -> list[str]:
    shapes: list[str] = []
    previous: Box | None = None
    for step, box in zip(diagram.steps, boxes, strict=True):
        if step.branch and previous:
            shapes.append(_arrow(previous.x + previous.w, previous.y + min(previous.h, box.h) / 2,
                                 box.x, previous.y + min(previous.h, box.h) / 2))
        elif previous:
            mid = previous.x + previous.w / 2
            shapes.append(_arrow(mid, previous.y + previous.h, mid, box.y))
        if not step.branch:
            previous = box
    return shapes + [_box(b) for b in boxes]


def _ladder_shapes(diagram: Diagram, boxes: list[Box]) -> list[str]:
    rail = AXIS + 4
    first, last = boxes[0], boxes[-1]
    shapes = [_arrow(rail, first.y + PAD + 8, rail, last.y + last.h)]
    for step, box in zip(diagram.steps, boxes, strict=True):
        dot_y = box.y + PAD + 8
        shapes.append(f'<circle class="xref-diagram__dot" cx="{rail}" cy="{_num(dot_y)}" r="5"/>')
        if step.when:
            when = [("when", t) for t in wrap(parse_when(step.when).human(), AXIS - 8,
                                              WHEN[0], True)]
            shapes.append(_text(AXIS - 8, box.y + PAD + 8 - WHEN[1] / 2 - 1, when, "end"))
        shapes.append(_box(box))
    return shapes


def diagram_svg(diagram: Diagram, numbers: Sequence[tuple[int, ...]]) -> str:
    """The inline ``<svg>`` of a diagram; ``numbers`` are each step's citation numbers."""
    if diagram.kind == "flow":
        boxes = layout_flow(diagram, numbers)
        shapes = _flow_shapes(diagram, boxes)
    else:
        boxes = layout_ladder(diagram, numbers)
        shapes = _ladder_shapes(diagram, boxes)
    height = max(b.y + b.h for b in boxes) + 1
    ident = f"diagram-{diagram.id}"
    return (f'<svg class="xref-diagram__svg" xmlns="http://www.w3.org/2000/svg" role="img" '
            f'viewBox="0 0 {WIDTH} {_num(height)}" width="100%" '
            f'aria-labelledby="{ident}-title {ident}-desc">'
            f'<title id="{ident}-title">{escape(diagram.title)}</title>'
            f'<desc id="{ident}-desc">{escape(diagram.description)}</desc>'
            + "".join(shapes) + "</svg>")


def _time(step: DiagramStep) -> str:
    when = parse_when(step.when)  # type: ignore[arg-type]
    return f'<time datetime="{escape(when.iso())}">{escape(when.human())}</time>: '


def diagram_text(diagram: Diagram, cites: Sequence[str]) -> str:
    """The text version: the description, then one list item per step with its citations."""
    items = []
    last_main = ""
    for step, cite in zip(diagram.steps, cites, strict=True):
        when = _time(step) if step.when else ""
        side = f" (a branch from “{escape(last_main)}”)" if step.branch else ""
        items.append(f"<li>{when}<strong>{escape(step.label)}</strong>{side}: "
                     f"{escape(step.detail)} {cite}</li>")
        if not step.branch:
            last_main = step.label
    return (f'<details class="xref-diagram__text"><summary>The diagram as text, with sources'
            f'</summary><p>{escape(diagram.description)}</p><ol>{"".join(items)}</ol></details>')


def diagram_figure(diagram: Diagram, cites: Sequence[StepCites]) -> str:
    """The whole ``<figure>``: visible caption, SVG, and the text version with citations."""
    ident = f"diagram-{diagram.id}"
    return (f'<figure class="xref-diagram xref-diagram--{diagram.kind}" id="{ident}">'
            f'<figcaption class="xref-diagram__caption">Diagram: {escape(diagram.title)}'
            f"</figcaption>{diagram_svg(diagram, [c.numbers for c in cites])}"
            f"{diagram_text(diagram, [c.html for c in cites])}</figure>")
