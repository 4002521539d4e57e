"""The files the site offers besides its pages: data exports, the feed and ``llms.txt``.

One table, read by the reuse page (which lists them) and by ``publish/`` (which writes
them), so a page never imports an exporter.
"""

from __future__ import annotations

from dataclasses import dataclass

DATA_DIR = "data/"
FEED_PATH = "feed.xml"
LLMS_PATH = "llms.txt"

@dataclass(frozen=True)
class Export:
    """One downloadable file under ``data/``: its name, a label and what it holds."""

    name: str
    label: str
    about: str

    @property
    def path(self) -> str:
        """The file's site path, e.g. ``data/glossary.json``."""
        return DATA_DIR + self.name


EXPORTS: tuple[Export, ...] = (
    Export("glossary.json", "Glossary (JSON)",
           "Every term, person and organization with its definition, aliases, sources and "
           "the pages it appears on."),
    Export("timeline.json", "Timeline (JSON)",
           "Every event with its date at the precision the sources support, its sections "
           "and its sources, sorted by date."),
    Export("timeline.ics", "Timeline (iCalendar)",
           "The events as all-day calendar entries, for a calendar app."),
    Export("sources.json", "Sources (JSON)",
           "Every source with its outlet, authors, date, address and the pages that cite it."),
    Export("sources.bib", "Sources (BibTeX)", "The bibliography for LaTeX and reference managers."),
    Export("sources.csl.json", "Sources (CSL-JSON)",
           "The bibliography in the format citation processors and Zotero import."),
)
