"""Diagrams: the SVG renderer's structure and escaping, their validation, and the built site."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pydantic import ValidationError

from macros.content.inline import split_body
from macros.content.load import load_content
from macros.content.model import Diagram
from macros.render.diagram import (
    DETAIL,
    LABEL,
    PAD,
    StepCites,
    diagram_figure,
    diagram_svg,
    layout_flow,
    text_width,
    wrap,
)
from macros.render.site import render_site

from ..conftest import content_errors, edit

SVG = "{http://www.w3.org/2000/svg}"


def make(kind: str = "flow", label: str = "Base model", **step: object) -> Diagram:
    """A two-step diagram (YAML sequences load as tuples, so the steps are tuples)."""
    return Diagram.model_validate({
        "id": "demo", "kind": kind, "title": "A demo", "description": "Two steps, in order.",
        "steps": (
            {"label": label, "detail": "Where it starts.", "sources": ("src-one",), **step},
            {"label": "Next", "detail": "What follows, a longer sentence that has to wrap over "
             "several lines in its box.", "when": "2023-10-17", "sources": ("src-one", "src-two")},
        )})


CITES = [StepCites('<sup class="xref-cite">[1]</sup>', (1,)),
         StepCites('<sup class="xref-cite">[1][2]</sup>', (1, 2))]


@pytest.mark.parametrize("kind", ["flow", "ladder"])
def test_svg_is_an_accessible_image_with_title_and_desc(kind: str) -> None:
    svg = ET.fromstring(diagram_svg(make(kind), [c.numbers for c in CITES]))
    assert svg.tag == f"{SVG}svg"
    assert svg.get("role") == "img" and svg.get("width") == "100%"
    assert svg.get("viewBox", "").startswith("0 0 360 ")
    assert svg.get("aria-labelledby") == "diagram-demo-title diagram-demo-desc"
    title, desc = svg[0], svg[1]
    assert (title.tag, title.get("id"), title.text) == (f"{SVG}title", "diagram-demo-title", "A demo")
    assert (desc.tag, desc.get("id"), desc.text) == (f"{SVG}desc", "diagram-demo-desc",
                                                      "Two steps, in order.")
    assert len(svg.findall(f"{SVG}g/{SVG}rect")) == 2
    # No hard-coded colours: the stylesheet colours every shape from the palette.
    for el in svg.iter():
        assert not {"fill", "stroke", "style", "color"} & set(el.attrib), el.tag


def test_every_line_fits_its_box() -> None:
    boxes = layout_flow(make(), [(1,), (1, 2)])
    for box in boxes:
        for kind, line in box.lines:
            size = {"label": LABEL, "detail": DETAIL}.get(kind, (12.0,))[0]
            assert text_width(line, size, kind != "detail") <= box.w - 2 * PAD, line
    assert [line for kind, line in boxes[1].lines if kind == "when"] == ["17 October 2023"]
    assert boxes[1].lines[-1][1].endswith("[1][2]")
    assert wrap("a Supercalifragilistic word", 60, 12.5)[1].endswith("-")


def test_figure_has_caption_svg_and_text_version_with_citations() -> None:
    html = diagram_figure(make("ladder"), CITES)
    assert html.startswith('<figure class="xref-diagram xref-diagram--ladder" id="diagram-demo">'
                           '<figcaption class="xref-diagram__caption">Diagram: A demo</figcaption>'
                           '<svg ')
    text = re.search(r'<details class="xref-diagram__text">(.*)</details></figure>$', html).group(1)
    assert text == (
        "<summary>The diagram as text, with sources</summary><p>Two steps, in order.</p><ol>"
        '<li><strong>Base model</strong>: Where it starts. <sup class="xref-cite">[1]</sup></li>'
        '<li><time datetime="2023-10-17">17 October 2023</time>: <strong>Next</strong>: What '
        "follows, a longer sentence that has to wrap over several lines in its box. "
        '<sup class="xref-cite">[1][2]</sup></li></ol>')


def test_branch_is_drawn_beside_and_named_in_the_text() -> None:
    side = {"label": "Side", "detail": "An offshoot.", "branch": True, "sources": ("src-one",)}
    diagram = Diagram.model_validate({**make().model_dump(), "steps": (
        *make().model_dump()["steps"], side)})
    boxes = layout_flow(diagram, [(1,), (1,), (1,)])
    assert boxes[2].branch and boxes[2].y == boxes[1].y and boxes[2].x > boxes[1].x + boxes[1].w
    html = diagram_figure(diagram, [*CITES, CITES[0]])
    assert "<strong>Side</strong> (a branch from “Next”): An offshoot." in html
    assert 'class="xref-diagram__box xref-diagram__box--branch"' in html


def test_text_is_escaped_everywhere() -> None:
    html = diagram_figure(make(label="<script>alert(1)</script> & co"), CITES)
    assert "<script>" not in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co") == 2  # SVG and text
    ET.fromstring(re.search(r"<svg .*</svg>", html).group(0))  # still well-formed XML


@pytest.mark.parametrize(("change", "message"), [
    ({"branch": True}, "step 1 ('Base model') is a branch, so it needs a main step just before it"),
    ({"detail": "See [@src-one]."}, "this field is plain text: no [@citations] or [[terms]]"),
])
def test_model_rules(change: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(message)):
        make(**change)


def test_split_body_cuts_before_each_subheading() -> None:
    body = "Intro.\n\n### One\n\nText one.\n\n#### Deeper\n\n### Two ###\nText two.\n"
    assert split_body(body) == [(None, "Intro.\n\n"), ("One", "### One\n\nText one.\n\n"
                                                       "#### Deeper\n\n"),
                                ("Two", "### Two ###\nText two.\n")]


# --- validation, with the exact file:line:col messages ----------------------------------

DIAGRAM = """diagrams:
  - id: demo
    kind: flow
    title: Demo
    description: Two steps.
    under: {under}
    steps:
      - label: One
        detail: First.
        sources: [src-one]
      - label: Two
        detail: Second.
        sources: [{source}]
"""


@pytest.fixture
def mini(mini: Path) -> Path:
    """The shared mini content, with a subsection for diagrams to sit under."""
    edit(mini / "sections/alpha.yml", "body: |\n", "body: |\n  ### Start\n\n")
    return mini


def add_diagram(content: Path, under: str = "Start", source: str = "src-two") -> None:
    path = content / "sections/alpha.yml"
    path.write_text(path.read_text() + DIAGRAM.format(under=under, source=source))


def test_unknown_source_in_a_diagram_step(mini: Path) -> None:
    add_diagram(mini, source="src-tow")
    assert content_errors(mini) == [
        "content/sections/alpha.yml:33:19: diagrams[0].steps[1].sources[0]: unknown source "
        "'src-tow' (did you mean 'src-two' or 'src-one'?)"]


def test_unknown_subheading(mini: Path) -> None:
    add_diagram(mini, under="Stat")
    assert content_errors(mini) == [
        "content/sections/alpha.yml:26:12: diagrams[0].under: no subheading '### Stat' in the "
        "body (did you mean 'Start'?)"]


def test_diagram_sources_count_as_cited_and_render_in_place(mini: Path) -> None:
    add_diagram(mini)
    edit(mini / "sections/alpha.yml", "More text about export controls [@src-two, p. 4].", "")
    edit(mini / "sections/beta.yml", "[@src-two]", "[@src-one]")
    edit(mini / "timeline.yml", "sources: [src-two]", "sources: [src-one]")
    edit(mini / "glossary.yml", "sources: [src-two]", "sources: [src-one]")
    site = render_site(load_content(mini, mini.parent))
    assert site.warnings == []
    assert [u.label for u in site.cite_uses["src-two"]] == ["Diagram: Demo"]
    page = site.pages["section:alpha"]
    assert page.index("<h3>Start</h3>") < page.index('id="diagram-demo"') < page.index("Key takeaways")


# --- the real site ----------------------------------------------------------------------

@pytest.mark.parametrize(("section", "ident", "title"), [
    ("r1-sputnik-moment", "r1-training", "How R1 was trained"),
    ("geopolitics", "chip-ladder", "The chip ladder under US export controls"),
])
def test_built_site_has_both_diagrams_as_inline_svg(site: Path, section: str, ident: str,
                                                    title: str) -> None:
    page = (site / "sections" / section / "index.html").read_text("utf-8")
    figure = re.search(rf'<figure class="xref-diagram [^"]*" id="diagram-{ident}">.*?</figure>',
                       page, re.S)
    assert figure, ident
    svg = ET.fromstring(re.search(r"<svg .*?</svg>", figure.group(0), re.S).group(0))
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text == title
    assert len(svg.find(f"{SVG}desc").text) > 100
    assert figure.group(0).count('class="xref-cite-link"') >= len(svg.findall(f"{SVG}g"))
    sources = (site / "sources" / "index.html").read_text("utf-8")
    assert f"Diagram: {title}" in sources
