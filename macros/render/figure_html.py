"""A data figure as HTML: caption with citations, the chart, its data table and CSV link.

``<figure data-chart="KIND" id="figure-<id>">`` holds a caption (title, note and the page's
numbered citation markers), the inline SVG (not for tables), the same data as an HTML
``<table>`` (shown for a table figure, in a ``<details>`` otherwise) and a link to the CSV
file with exactly the rows of that table.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from ..content.figure_model import Figure, Unit
from .chart_svg import bar_svg
from .chart_time import line_svg, range_svg
from .figure_table import Cell, Table, figure_table

CSV_DIR = "data/figures/"
Cite = Callable[[tuple[str, ...]], str]  # source ids -> the page's citation markers


def csv_path(fig: Figure) -> str:
    """The site path of a figure's CSV file."""
    return f"{CSV_DIR}{fig.id}.csv"


def anchor(fig: Figure) -> str:
    """The figure's element id, its stable anchor."""
    return f"figure-{fig.id}"


def caption_sources(fig: Figure) -> tuple[str, ...]:
    """Sources cited in the caption: the figure's, then each series' own."""
    ids = [*fig.sources, *(i for s in fig.series for i in s.sources)]
    return tuple(dict.fromkeys(ids))


def chart_svg(fig: Figure, units: dict[str, Unit]) -> str:
    """The inline SVG of a bar, line or range figure (a table figure has none)."""
    if fig.kind == "bar":
        return bar_svg(fig, units[fig.unit])  # type: ignore[index]
    if fig.kind == "line":
        return line_svg(fig, units[fig.unit])  # type: ignore[index]
    if fig.kind == "range":
        return range_svg(fig)
    return ""


def _cell(cell: Cell, tag: str) -> str:
    scope = ' scope="row"' if tag == "th" else ""
    content = escape(cell.text)
    if cell.iso:
        content = f'<time datetime="{escape(cell.iso)}">{content}</time>'
    return f"<{tag}{scope}>{content}</{tag}>"


def table_html(table: Table, cite: Cite) -> str:
    """``<table>`` with a header row, a row header per row and a sources column."""
    with_sources = any(table.sources)
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in table.header)
    head += '<th scope="col">Sources</th>' if with_sources else ""
    rows = []
    for cells, ids in zip(table.rows, table.sources, strict=True):
        body = _cell(cells[0], "th") + "".join(_cell(c, "td") for c in cells[1:])
        body += f"<td>{cite(ids) if ids else ''}</td>" if with_sources else ""
        rows.append(f"<tr>{body}</tr>")
    return (f'<div class="xref-chart__scroll"><table class="xref-chart__table"><thead><tr>'
            f'{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')


def figure_html(fig: Figure, units: dict[str, Unit], cite: Cite, csv_href: str) -> str:
    """The whole figure; ``cite`` numbers citations in page order, ``csv_href`` is relative."""
    note = f' <span class="xref-chart__note">{escape(fig.note)}</span>' if fig.note else ""
    caption = (f'<figcaption class="xref-chart__caption"><span class="xref-chart__title">'
               f"{escape(fig.title)}</span>{note} {cite(caption_sources(fig))}</figcaption>")
    table = table_html(figure_table(fig, units), cite)
    if fig.kind != "table":
        table = (f'<details class="xref-chart__data"><summary>The data as a table</summary>'
                 f"{table}</details>")
    csv = (f'<p class="xref-chart__csv"><a href="{escape(csv_href)}" download>'
           f"Download the data (CSV)</a></p>")
    return (f'<figure class="xref-chart xref-chart--{fig.kind}" data-chart="{fig.kind}" '
            f'id="{anchor(fig)}">{caption}{chart_svg(fig, units)}{table}{csv}</figure>')


KIND_NAMES = {"bar": "bar chart", "line": "line chart", "range": "range chart", "table": "table"}


def figure_page(fig: Figure) -> str:
    """The site path of the figure on its section page, with its anchor."""
    return f"sections/{fig.section}/#{anchor(fig)}"


def figure_list(figures: tuple[Figure, ...], link: Callable[[str], str]) -> list[str]:
    """One HTML list item per figure: its title linked on its page, its kind and its CSV;
    ``link`` turns a site path into the href to use."""
    return [f'<li><a href="{escape(link(figure_page(f)))}">{escape(f.title)}</a> '
            f'({KIND_NAMES[f.kind]}): <a href="{escape(link(csv_path(f)))}">data as CSV</a> '
            f"<code>{escape(csv_path(f))}</code></li>" for f in figures]
