"""The wide layout of a flow diagram: rows read left to right, branches hang under their
step, a row turns down into the next, and its ids never clash with the column layout's."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from macros.content.model import Diagram
from macros.render.diagram import diagram_svg
from macros.render.flow_wide import PER_ROW, WIDE, layout_wide, wide_svg

SVG = "{http://www.w3.org/2000/svg}"


def flow(mains: int, branch_after: int) -> Diagram:
    steps = []
    for i in range(mains):
        steps.append({"label": f"Step {i + 1}", "detail": "Something happens here.",
                      "sources": ("src-one",)})
        if i == branch_after:
            steps.append({"label": "Offshoot", "detail": "A side result.", "branch": True,
                          "sources": ("src-one",)})
    return Diagram.model_validate({"id": "demo", "kind": "flow", "title": "A demo",
                                   "description": "Steps in order.", "steps": tuple(steps)})


def test_rows_read_left_to_right_and_branches_hang_under_their_step() -> None:
    diagram = flow(PER_ROW + 1, branch_after=0)
    boxes = layout_wide(diagram, [(1,)] * len(diagram.steps))
    mains = [b for b in boxes if not b.branch]
    first_row = mains[:PER_ROW]
    assert len({b.y for b in first_row}) == 1
    assert [b.x for b in first_row] == sorted(b.x for b in first_row)
    assert mains[PER_ROW].y > first_row[0].y and mains[PER_ROW].x == first_row[0].x
    branch = next(b for b in boxes if b.branch)
    assert branch.x == mains[0].x and branch.y > mains[0].y + mains[0].h
    assert mains[PER_ROW].y > branch.y + branch.h
    assert max(b.x + b.w for b in boxes) <= WIDE


def test_wide_svg_has_its_own_ids_and_arrows_for_every_link() -> None:
    diagram = flow(PER_ROW + 1, branch_after=0)
    numbers = [(1,)] * len(diagram.steps)
    wide = ET.fromstring(wide_svg(diagram, numbers))
    assert wide.get("aria-labelledby") == "diagram-demo-wide-title diagram-demo-wide-desc"
    assert wide.get("viewBox", "").startswith(f"0 0 {WIDE} ")
    assert len(wide.findall(f"{SVG}path[@class='xref-diagram__head']")) == len(diagram.steps) - 1
    narrow_ids = set(re.findall(r'id="([^"]+)"', diagram_svg(diagram, numbers)))
    assert narrow_ids.isdisjoint(re.findall(r'id="([^"]+)"', wide_svg(diagram, numbers)))
