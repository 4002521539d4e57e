"""A flow diagram laid out left to right, for wide screens.

The figure carries both layouts of a flow: the column of :mod:`.diagram` (phones, and
print) and this one, rows of up to three steps read left to right, a row's last step
turning down into the next row's first, and each branch hanging under its step.  CSS
shows one of them by screen width (``display: none`` also hides the other from screen
readers), so each reads in the direction the screen has room for.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..content.model import Diagram
from .diagram import GAP, Box, _arrow, _box, _box_lines, _height, _num

WIDE = 720  # viewBox width of the wide layout
PER_ROW = 3  # main steps per row
GAP_H = 34  # horizontal room between boxes, for an arrow
GUTTER = 18  # right margin, where the turn into the next row runs
ROW_GAP = 36  # vertical room between rows, for the turn


def layout_wide(diagram: Diagram, numbers: Sequence[tuple[int, ...]]) -> list[Box]:
    """Main steps in rows, left to right; each branch under the main step before it."""
    steps = diagram.steps
    mains = [i for i, s in enumerate(steps) if not s.branch]
    per_row = min(PER_ROW, len(mains))
    width = (WIDE - 1 - GUTTER - (per_row - 1) * GAP_H) / per_row
    lines = [_box_lines(s, n, width, True) for s, n in zip(steps, numbers, strict=True)]
    boxes: list[Box | None] = [None] * len(steps)
    y = 1.0
    for start in range(0, len(mains), per_row):
        row = mains[start:start + per_row]
        high = max(_height(lines[i]) for i in row)
        hanging = [i + 1 for i in row if i + 1 < len(steps) and steps[i + 1].branch]
        low = max((_height(lines[b]) for b in hanging), default=0.0)
        for col, i in enumerate(row):
            x = 1 + col * (width + GAP_H)
            boxes[i] = Box(x, y, width, high, lines[i])
            if i + 1 in hanging:
                boxes[i + 1] = Box(x, y + high + GAP, width, _height(lines[i + 1]),
                                   lines[i + 1], True)
        y += high + (GAP + low if low else 0) + ROW_GAP
    return [b for b in boxes if b is not None]


def _turn(prev: Box, nxt: Box) -> str:
    """From the end of one row, down the right gutter and back to the next row's start."""
    x = prev.x + prev.w + GUTTER / 2
    mid = nxt.y - ROW_GAP / 2
    into = nxt.x + nxt.w / 2
    head = f"M{_num(into)} {_num(nxt.y)} l-5 -8 h10 z"
    return (f'<path class="xref-diagram__arrow" d="M{_num(prev.x + prev.w)} '
            f'{_num(prev.y + prev.h / 2)} H{_num(x)} V{_num(mid)} H{_num(into)} '
            f'V{_num(nxt.y - 7)}"/><path class="xref-diagram__head" d="{head}"/>')


def wide_shapes(diagram: Diagram, boxes: list[Box]) -> list[str]:
    """Arrows between the boxes, then the boxes."""
    shapes: list[str] = []
    previous: Box | None = None
    for step, box in zip(diagram.steps, boxes, strict=True):
        if step.branch and previous:
            mid = previous.x + previous.w / 2
            shapes.append(_arrow(mid, previous.y + previous.h, mid, box.y))
        elif previous and previous.y == box.y:
            shapes.append(_arrow(previous.x + previous.w, box.y + box.h / 2, box.x,
                                 box.y + box.h / 2))
        elif previous:
            shapes.append(_turn(previous, box))
        if not step.branch:
            previous = box
    return shapes + [_box(b) for b in boxes]


def wide_svg(diagram: Diagram, numbers: Sequence[tuple[int, ...]]) -> str:
    """The wide ``<svg>`` of a flow, with its own title and description ids."""
    boxes = layout_wide(diagram, numbers)
    height = max(b.y + b.h for b in boxes) + 1
    ident = f"diagram-{diagram.id}-wide"
    return (f'<svg class="xref-diagram__svg xref-diagram__svg--wide" '
            f'xmlns="http://www.w3.org/2000/svg" role="img" '
            f'viewBox="0 0 {WIDE} {_num(height)}" width="100%" '
            f'aria-labelledby="{ident}-title {ident}-desc">'
            f'<title id="{ident}-title">{escape(diagram.title)}</title>'
            f'<desc id="{ident}-desc">{escape(diagram.description)}</desc>'
            + "".join(wide_shapes(diagram, boxes)) + "</svg>")
