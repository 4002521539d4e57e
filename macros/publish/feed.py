"""The Atom feed of content updates: one entry per dated change to a section.

Dates come from the ``changes:`` of each section file, never from the clock, so two
builds of one commit write the same feed. An entry's id is the section's address with
``#change-N`` (N counts the section's changes from 1, oldest first), so it stays the same
as newer changes are appended.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, datetime

from ..content.dates import parse_when
from ..content.index import section_url
from ..content.model import Change, Section
from ..render.downloads import FEED_PATH
from ..render.site import Site
from .publication import Publication

ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class FeedEntry:
    """One change to one section, numbered within the section from 1."""

    section: Section
    change: Change
    number: int

    @property
    def day(self) -> date:
        """The day of the change."""
        return parse_when(self.change.date).start.first_day()


def feed_entries(sections: tuple[Section, ...]) -> list[FeedEntry]:
    """Every change of every section, newest first; ties in reading order."""
    entries = [FeedEntry(s, c, n) for s in sections for n, c in enumerate(s.changes, start=1)]
    order = {s.id: i for i, s in enumerate(sections)}
    return sorted(entries, key=lambda e: (-e.day.toordinal(), order[e.section.id], -e.number))


def atom_time(day: date) -> str:
    """Midnight UTC of ``day`` as an RFC 3339 timestamp."""
    return f"{day.isoformat()}T00:00:00Z"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    element.text = text
    return element


def atom_feed(site: Site, pub: Publication, fallback: datetime) -> bytes:
    """The feed as UTF-8 XML; ``fallback`` dates it only when no section lists a change."""
    entries = feed_entries(site.content.index.sections)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "en"})
    _add(feed, "id", pub.base)
    _add(feed, "title", pub.name)
    _add(feed, "subtitle", f"Dated changes to the sections of {pub.name}.")
    updated = atom_time(entries[0].day) if entries else fallback.strftime("%Y-%m-%dT%H:%M:%SZ")
    _add(feed, "updated", updated)
    _add(feed, "link", rel="self", type="application/atom+xml", href=pub.url(FEED_PATH))
    _add(feed, "link", rel="alternate", type="text/html", href=pub.base)
    author = _add(feed, "author")
    _add(author, "name", pub.name)
    _add(author, "uri", pub.base)
    reuse = site.content.home.reuse
    if reuse:
        _add(feed, "rights", f"Text licensed under {reuse.licence}: {reuse.licence_url}")
    for entry in entries:
        url = pub.url(section_url(entry.section.id))
        item = _add(feed, "entry")
        _add(item, "id", f"{url}#change-{entry.number}")
        _add(item, "title", entry.section.title)
        _add(item, "updated", atom_time(entry.day))
        _add(item, "published", atom_time(entry.day))
        _add(item, "link", rel="alternate", type="text/html", href=url)
        _add(item, "summary", entry.change.summary)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
