"""Data figures: validation messages, geometry that follows the data, golden SVGs per kind,
and, on the built site, tables and CSV files that hold exactly the rows of the YAML."""

from __future__ import annotations

import csv
import io
import math
import os
import re
import shutil
import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from macros.content.dates import parse_when
from macros.content.figure_model import Figure, Figures
from macros.content.load import load_content
from macros.publish.figure_csv import figure_csv
from macros.render.chart_time import middle
from macros.render.figure_html import chart_svg, figure_html
from macros.render.figure_table import figure_table, number_raw
from macros.render.site import render_site
from macros.tools.scaffold import add

from ..conftest import MINI, ROOT, content_errors, edit

SVG = "{http://www.w3.org/2000/svg}"
FIXTURES = ROOT / "tests" / "fixtures" / "figures"
GOLDEN = FIXTURES / "golden"


def fixture_figures() -> tuple[dict[str, Figure], dict]:
    data = Figures.model_validate(yaml.safe_load((FIXTURES / "figures.yml").read_text()),
                                  strict=False)
    return {f.id: f for f in data.figures}, {u.id: u for u in data.units}


FIGS, UNITS = fixture_figures()


@pytest.fixture
def mini_figures(tmp_path: Path) -> Path:
    """The mini content with the fixture figures added."""
    content = Path(shutil.copytree(MINI, tmp_path / "content"))
    shutil.copy(FIXTURES / "figures.yml", content / "figures.yml")
    return content


# --- validation: every problem at its value, with what is allowed ----------------------

CASES = {
    "no sources": ("    sources: [src-one]\n\n  - id: prices", "    sources: []\n\n  - id: prices",
                   "content/figures.yml:33:14: figures[0].sources: no sources: every figure, row, "
                   "span and mark needs at least one source id (write sources: [source-id])"),
    "non-number": ("values: [79.8, 96.3, 12.5]", 'values: [79.8, "96.3", 12.5]',
                   "content/figures.yml:29:24: figures[0].series[0].values[1]: expected a number, "
                   "got text"),
    "length": ("values: [79.8, 96.3, 12.5]", "values: [79.8, 96.3]",
               "content/figures.yml:29:17: figures[0].series[0].values: series 'Model one' has 2 "
               "value(s) but there are 3 categories (give one value per category, null where the "
               "source has none)"),
    "bad date": ('date: "2025-07-09"', 'date: "2025-13-09"',
                 "content/figures.yml:61:20: figures[2].lines[0].points[1].date: '2025-13-09' has "
                 "month 13 (months run 01 to 12)"),
    "bad cell date": ('"2022-10-07"', '"2022-10-32"',
                      "content/figures.yml:93:31: figures[4].rows[0].cells[1]: '2022-10-32' has day "
                      "32, but that month has 31 days"),
    "unknown unit": ("    unit: percent\n", "    unit: percnt\n",
                     "content/figures.yml:24:11: figures[0].unit: unknown unit 'percnt' (declared "
                     "units: percent, usd, usd-trillion; declare it under units: at the top of "
                     "figures.yml)"),
    "unknown section": ("    section: beta\n    unit: usd-trillion",
                        "    section: gamma\n    unit: usd-trillion",
                        "content/figures.yml:55:14: figures[2].section: unknown section 'gamma' "
                        "(use a section id)"),
    "unknown source": ("sources: [src-two]}", "sources: [src-too]}",
                       "content/figures.yml:62:71: figures[2].lines[0].points[2].sources[0]: "
                       "unknown source 'src-too' (did you mean 'src-two' or 'src-one'?)"),
    "unknown subheading": ("    section: alpha\n    unit: percent",
                           "    section: alpha\n    under: Nowhere\n    unit: percent",
                           "content/figures.yml:24:12: figures[0].under: no subheading "
                           "'### Nowhere' in section 'alpha' (copy a ### subheading of that body)"),
    "zero on a log scale": ("values: [0.028, 0.42]", "values: [0, 0.42]",
                            "content/figures.yml:45:18: figures[1].series[0].values[0]: 0 cannot be "
                            "drawn on a log scale (values must be above zero; use scale: linear)"),
    "field of another kind": ("    category_label: Model\n",
                              "    category_label: Model\n    categories: [A]\n",
                              "content/figures.yml:73:17: figures[3].categories: 'categories' is "
                              "not used by a range figure (a range uses: spans)"),
    "cell count": ('cells: ["First rule", "2022-10-07", 1500]', 'cells: ["First rule", "2022-10-07"]',
                   "content/figures.yml:93:16: figures[4].rows[0].cells: row 1 has 2 cell(s) but "
                   "there are 3 columns (one cell per column, null if empty)"),
}


@pytest.mark.parametrize("case", CASES)
def test_each_mistake_is_reported_at_its_value(mini_figures: Path, case: str) -> None:
    old, new, message = CASES[case]
    edit(mini_figures / "figures.yml", old, new)
    assert content_errors(mini_figures) == [message]


def test_every_mistake_is_reported_at_once(mini_figures: Path) -> None:
    for old, new, _ in (CASES["length"], CASES["bad date"], CASES["unknown unit"],
                        CASES["cell count"]):
        edit(mini_figures / "figures.yml", old, new)
    assert len(content_errors(mini_figures)) == 4


def test_fixture_figures_render_cite_and_count_as_uses(mini_figures: Path) -> None:
    site = render_site(load_content(mini_figures, mini_figures.parent))
    assert site.warnings == []
    page = site.pages["section:beta"]
    for ident in ("value", "releases", "rules"):
        assert f'data-chart="{FIGS[ident].kind}" id="figure-{ident}"' in page
    assert "Figure: A value over 2025" in [u.label for u in site.cite_uses["src-one"]]


# --- geometry follows the data and the scale --------------------------------------------

def shapes(fig: Figure, tag: str) -> list[ET.Element]:
    svg = ET.fromstring(chart_svg(fig, UNITS))
    return [e for e in svg.iter(f"{SVG}{tag}") if "xref-chart__mark" in e.get("class", "")]


def test_bar_lengths_are_proportional_to_values_from_a_zero_baseline() -> None:
    fig = FIGS["scores"]
    bars = shapes(fig, "rect")
    values = [v for s in fig.series for v in s.values if v is not None]
    assert [float(b.get("data-value")) for b in bars] == [v for k in range(3) for s in fig.series
                                                          if (v := s.values[k]) is not None]
    assert len({b.get("x") for b in bars}) == 1  # one baseline
    ratios = {round(float(b.get("width")) / float(b.get("data-value")), 3) for b in bars}
    assert len(ratios) == 1
    # The axis ends at the last tick, a round number above the largest value.
    svg = ET.fromstring(chart_svg(fig, UNITS))
    ticks = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "xref-chart__tick"]
    assert ticks[-1] == "100%" and max(values) < 100


def test_log_scale_dots_sit_at_the_logarithm_of_their_value() -> None:
    dots = shapes(FIGS["prices"], "circle")
    points = [(math.log10(float(d.get("data-value"))), float(d.get("cx"))) for d in dots]
    (l0, x0), (l1, x1) = points[0], points[-1]
    slope = (x1 - x0) / (l1 - l0)
    for lv, x in points:
        assert x == pytest.approx(x0 + (lv - l0) * slope, abs=0.02)
    assert not shapes(FIGS["prices"], "rect")  # no bars on a log axis


def test_line_points_follow_dates_and_values() -> None:
    fig = FIGS["value"]
    dots = shapes(fig, "circle")
    points = fig.lines[0].points
    days = [(middle(p.date) - date(2025, 1, 1)).days for p in points]
    xs, ys = [float(d.get("cx")) for d in dots], [float(d.get("cy")) for d in dots]
    for i in range(1, len(points) - 1):
        assert (xs[i] - xs[0]) / (xs[-1] - xs[0]) == pytest.approx(
            (days[i] - days[0]) / (days[-1] - days[0]), abs=0.001)
        assert (ys[i] - ys[0]) / (ys[-1] - ys[0]) == pytest.approx(
            (points[i].value - points[0].value) / (points[-1].value - points[0].value), abs=0.001)
    assert ys[-1] < ys[0]  # a higher value is drawn higher up


def test_a_step_line_moves_across_then_up() -> None:
    fig = FIGS["value"]
    step = fig.model_copy(update={"lines": (fig.lines[0].model_copy(update={"step": True}),)})
    svg = ET.fromstring(chart_svg(step, UNITS))
    path = next(e for e in svg.iter(f"{SVG}path") if "xref-chart__line" in e.get("class", ""))
    assert re.fullmatch(r"M[\d.]+ [\d.]+( H[\d.]+ V[\d.]+){2}", path.get("d"))


def test_range_bars_start_and_end_on_their_days() -> None:
    fig = FIGS["releases"]
    svg = ET.fromstring(chart_svg(fig, UNITS))
    spans = [e for e in svg.iter(f"{SVG}rect") if "xref-chart__span" in e.get("class", "")]
    first = parse_when(fig.spans[0].start).start.first_day()
    x_first = float(spans[0].get("x"))
    per_day = float(spans[0].get("width")) / (parse_when(fig.spans[0].end).start.last_day()
                                               - first).days
    for span, rect in zip(fig.spans[:2], spans, strict=False):
        start = parse_when(span.start).start.first_day()
        assert float(rect.get("x")) == pytest.approx(x_first + (start - first).days * per_day,
                                                     abs=0.02)
    assert "xref-chart__span--open" in spans[2].get("class")


def test_svg_is_an_accessible_image_and_carries_no_colour() -> None:
    for fig in FIGS.values():
        if fig.kind == "table":
            assert chart_svg(fig, UNITS) == ""
            continue
        svg = ET.fromstring(chart_svg(fig, UNITS))
        assert svg.get("role") == "img" and svg.get("viewBox", "").startswith("0 0 360 ")
        assert svg[0].tag == f"{SVG}title" and svg[0].text == fig.title
        assert svg[1].tag == f"{SVG}desc" and svg[1].text == fig.description
        for el in svg.iter():
            assert not {"fill", "stroke", "style", "color"} & set(el.attrib), el.tag


# --- golden files: one per kind keeps the drawing stable --------------------------------

@pytest.mark.parametrize("ident", ["scores", "prices", "value", "releases", "rules"])
def test_golden_svg_per_kind(ident: str) -> None:
    fig = FIGS[ident]
    drawn = chart_svg(fig, UNITS) or figure_html(fig, UNITS, lambda ids: "", "x.csv")
    path = GOLDEN / f"{ident}.{'svg' if fig.kind != 'table' else 'html'}"
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(drawn + "\n", "utf-8")
    assert drawn + "\n" == path.read_text("utf-8"), f"{path.name} changed; if on purpose, " \
        "regenerate with UPDATE_GOLDEN=1 and look at the files"


# --- tables and CSV hold exactly the YAML rows ------------------------------------------

def expected_rows(raw: dict) -> list[list[str]]:
    """The CSV rows a figure's YAML calls for, computed from the YAML alone."""
    def n(v: object) -> str:
        return "" if v is None else number_raw(float(v))  # type: ignore[arg-type]

    def d(v: object) -> str:
        return "" if v is None else parse_when(v).iso()  # type: ignore[arg-type]

    kind = raw["kind"]
    if kind == "bar":
        return [[c, *(n(s["values"][k]) for s in raw["series"]),
                 "; ".join(dict.fromkeys(i for s in raw["series"]
                                         for i in (s.get("value_sources") or [[]] * 99)[k]))]
                for k, c in enumerate(raw["categories"])]
    if kind == "line":
        rows = [(parse_when(p["date"]).start.first_day(), [d(p["date"]), n(p["value"]),
                 p.get("label") or "", "; ".join(p.get("sources", []))])
                for p in raw["lines"][0]["points"]]
        rows += [(parse_when(m["date"]).start.first_day(), [d(m["date"]), "", m["label"],
                  "; ".join(m["sources"])]) for m in raw.get("marks", [])]
        return [r for _, r in sorted(rows, key=lambda r: r[0])]
    if kind == "range":
        notes = any(s.get("note") for s in raw["spans"])
        return [[s["label"], *([s.get("group") or ""] if raw.get("group_label") else []),
                 d(s["start"]), d(s.get("end")), *([s.get("note") or ""] if notes else []),
                 "; ".join(s["sources"])] for s in raw["spans"]]
    kinds = [c.get("kind", "text") for c in raw["columns"]]
    return [[n(v) if k == "number" else d(v) if k == "date" else (v or "")
             for v, k in zip(r["cells"], kinds, strict=True)] + ["; ".join(r["sources"])]
            for r in raw["rows"]]


def test_fixture_csv_rows_come_from_the_yaml() -> None:
    raw = {f["id"]: f for f in yaml.safe_load((FIXTURES / "figures.yml").read_text())["figures"]}
    for ident, fig in FIGS.items():
        rows = list(csv.reader(io.StringIO(figure_csv(fig, UNITS))))
        assert rows[1:] == expected_rows(raw[ident]), ident
        assert rows[0][-1] == "Sources" and len(rows[0]) == len(rows[1])


class _Tables(HTMLParser):
    """The text of each figure's table rows, by figure id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.figure: str | None = None
        self.rows: dict[str, list[list[str]]] = {}
        self.cell: list[str] | None = None
        self.in_tbody = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "figure" and a.get("data-chart"):
            self.figure = a["id"].removeprefix("figure-")
            self.rows[self.figure] = []
        elif tag == "tbody" and self.figure:
            self.in_tbody = True
        elif tag == "tr" and self.in_tbody:
            self.rows[self.figure].append([])  # type: ignore[index]
        elif tag in ("td", "th") and self.in_tbody:
            self.cell = []

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            self.rows[self.figure][-1].append("".join(self.cell).strip())  # type: ignore[index]
            self.cell = None
        elif tag == "tbody":
            self.in_tbody = False
        elif tag == "figure":
            self.figure = None


def test_site_tables_and_csv_files_hold_the_yaml_rows(site: Path) -> None:
    raw = yaml.safe_load((ROOT / "content" / "figures.yml").read_text("utf-8"))
    content = load_content(ROOT / "content", ROOT)
    figures = {f.id: f for f in content.index.figures}
    assert [f["id"] for f in raw["figures"]] == list(figures)
    for entry in raw["figures"]:
        fig = figures[entry["id"]]
        page = site / "sections" / fig.section / "index.html"
        parser = _Tables()
        parser.feed(page.read_text("utf-8"))
        shown = parser.rows[fig.id]
        table = figure_table(fig, content.index.units)
        assert [row[:-1] if any(table.sources) else row for row in shown] == \
            [[c.text for c in r] for r in table.rows], fig.id
        rows = list(csv.reader(io.StringIO((site / "data" / "figures" / f"{fig.id}.csv")
                                           .read_text("utf-8"))))
        assert rows[1:] == expected_rows(entry), fig.id
        assert len(shown) == len(rows) - 1


def test_site_figures_are_complete_and_listed_for_reuse(site: Path) -> None:
    raw = yaml.safe_load((ROOT / "content" / "figures.yml").read_text("utf-8"))["figures"]
    reuse = (site / "reuse" / "index.html").read_text("utf-8")
    llms = (site / "llms.txt").read_text("utf-8")
    for entry in raw:
        page = (site / "sections" / entry["section"] / "index.html").read_text("utf-8")
        figure = re.search(rf'<figure class="xref-chart[^"]*" data-chart="{entry["kind"]}" '
                           rf'id="figure-{entry["id"]}">.*?</figure>', page, re.S)
        assert figure, entry["id"]
        html = figure.group(0)
        assert 'class="xref-cite-link"' in html.split("</figcaption>")[0]
        assert ('<svg class="xref-chart__svg"' in html) == (entry["kind"] != "table")
        assert ("<details" in html) == (entry["kind"] != "table")
        assert f'href="../../data/figures/{entry["id"]}.csv"' in html
        bars = re.findall(r'<rect class="xref-chart__mark[^"]*" x="([\d.]+)" y="[\d.]+" '
                          r'width="([\d.]+)" height="[\d.]+" data-value="([\d.]+)"', html)
        if bars:  # linear bars on the site: one baseline, length proportional to value
            assert len({x for x, _, _ in bars}) == 1
            _, w_max, v_max = max(bars, key=lambda b: float(b[2]))
            per_unit = float(w_max) / float(v_max)
            for _, w, v in bars:  # widths are written to 0.01 units
                assert abs(float(w) - float(v) * per_unit) <= 0.011, (entry["id"], v)
        assert f'../sections/{entry["section"]}/#figure-{entry["id"]}' in reuse
        assert f'../data/figures/{entry["id"]}.csv' in reuse
        assert f'/sections/{entry["section"]}/#figure-{entry["id"]})' in llms
    assert len({e["section"] for e in raw}) >= 4 and len({e["kind"] for e in raw}) >= 3


def test_make_new_figure_appends_a_skeleton_that_check_points_into(mini_figures: Path) -> None:
    path, line = add(mini_figures, "figure", "my-chart")
    assert path == mini_figures / "figures.yml"
    assert path.read_text("utf-8").splitlines()[line - 1].startswith("  - id: my-chart  # ")
    errors = content_errors(mini_figures)
    assert errors and all(e.startswith("content/figures.yml:") for e in errors)
    assert {int(e.split(":")[1]) for e in errors} <= set(range(line, line + 12))
