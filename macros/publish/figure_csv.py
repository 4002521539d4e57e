"""``data/figures/<id>.csv``: each figure's data, exactly the rows of its HTML table.

The rows come from ``figure_table`` like the table on the page; the CSV holds the raw
values (plain numbers, ISO dates) and a last column with the source ids of each row.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..content.figure_model import Figure, Unit
from ..render.figure_html import csv_path
from ..render.figure_table import figure_table


def figure_csv(fig: Figure, units: dict[str, Unit]) -> str:
    """The CSV text of one figure (RFC 4180: comma-separated, CRLF line ends)."""
    table = figure_table(fig, units)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*table.csv_header(), "Sources"])
    for cells, ids in zip(table.rows, table.sources, strict=True):
        writer.writerow([*(c.raw for c in cells), "; ".join(ids)])
    return out.getvalue()


def write_figure_csvs(figures: tuple[Figure, ...], units: dict[str, Unit], site_dir: Path) -> None:
    """Write every figure's CSV under ``site_dir``."""
    for fig in figures:
        path = site_dir / csv_path(fig)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(figure_csv(fig, units), "utf-8", newline="")
