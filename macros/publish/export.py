"""Machine-readable exports under ``site/data/``, all generated from the same model.

* ``glossary.json``: every entry with its URL and back-links.
* ``timeline.json`` (sorted) and ``timeline.ics`` (one all-day VEVENT per event).
* ``sources.json``, ``sources.bib`` (BibTeX, written by pybtex) and ``sources.csl.json``.

``EXPORTS`` lists them with a label and a description, for the reuse page and ``llms.txt``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from ..content.dates import parse_when
from ..content.fields import CATEGORIES
from ..content.index import GLOSSARY_URL, SOURCES_URL, TIMELINE_URL, Index, event_when, section_url
from ..content.inline import CITE_RE, TERM_RE, cited_keys
from ..content.model import Event, Source
from ..render.common import bibtex_text, site_link
from ..render.xref.state import Use

SCHEMA_VERSION = 1
# Dates written when SOURCE_DATE_EPOCH is unset (make build always sets it from git).
DEFAULT_STAMP = datetime(2025, 1, 1, tzinfo=UTC)


def plain(text: str) -> str:
    """Content Markdown reduced to plain text: citations dropped, term labels kept."""
    text = CITE_RE.sub("", text)
    text = TERM_RE.sub(lambda m: m.group(2) or m.group(1), text)
    return " ".join(text.replace("**", "").split()).replace(" .", ".").replace(" ,", ",")


def text_of(markdown: str) -> str:
    """:func:`plain` without emphasis markers: for descriptions, feeds and metadata."""
    return plain(markdown.replace("*", ""))


def _uses(base: str, uses: list[Use]) -> list[dict[str, str]]:
    seen: dict[tuple[str, str], dict[str, str]] = {}
    for use in uses:
        seen.setdefault((use.page, use.label),
                        {"label": use.label, "url": site_link(base, f"{use.page}#{use.anchor}")})
    return list(seen.values())


def glossary_json(index: Index, uses: dict[str, list[Use]], base: str) -> dict[str, Any]:
    """The glossary as data."""
    return {"version": SCHEMA_VERSION, "entries": [
        {"id": t.id, "term": t.term, "kind": t.kind, "aliases": list(t.aliases),
         "short": t.short, "definition": plain(t.body), "see_also": list(t.see_also),
         "sources": list(t.sources), "url": site_link(base, f"{GLOSSARY_URL}#{t.id}"),
         "appears_in": _uses(base, uses.get(t.id, []))}
        for t in sorted(index.terms.values(), key=lambda t: t.term.lower())]}


def _event_sources(event: Event) -> list[str]:
    return list(dict.fromkeys([*event.sources, *cited_keys(event.description)]))


def timeline_json(index: Index, base: str) -> dict[str, Any]:
    """The timeline as data, sorted by date."""
    events = []
    for e in index.events:
        when = event_when(e)
        events.append({
            "id": e.id, "date": e.date, "precision": when.precision,
            "start": when.start.first_day().isoformat(),
            "end": (when.end or when.start).last_day().isoformat(),
            "title": e.title, "description": plain(e.description), "category": e.category,
            "sections": [site_link(base, section_url(s)) for s in e.sections],
            "sources": _event_sources(e), "url": site_link(base, f"{TIMELINE_URL}#{e.id}")})
    return {"version": SCHEMA_VERSION, "events": events}


def timeline_ics(index: Index, base: str, stamp: datetime) -> bytes:
    """An iCalendar file: each event all-day on its date, or its first day if less precise."""
    from icalendar import Calendar
    from icalendar import Event as VEvent

    cal = Calendar()
    cal.add("prodid", "-//DeepSeek R1 explainer//timeline//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "DeepSeek R1 timeline")
    for e in index.events:
        when = event_when(e)
        start = when.start.first_day()
        end = (when.end.last_day() if when.end else start) + timedelta(days=1)
        note = plain(e.description)
        if when.precision in ("month", "year"):
            note = f"Date known only to the {when.precision} ({when.human()}). {note}"
        vevent = VEvent()
        vevent.add("uid", f"{e.id}@deepseek-r1-explainer")
        vevent.add("dtstamp", stamp)
        vevent.add("dtstart", start)
        vevent.add("dtend", end)
        vevent.add("summary", e.title)
        vevent.add("description", note)
        vevent.add("categories", [CATEGORIES[e.category]])
        vevent.add("url", site_link(base, f"{TIMELINE_URL}#{e.id}"))
        cal.add_component(vevent)
    return cal.to_ical()


def _source_dict(s: Source, base: str, uses: list[Use]) -> dict[str, Any]:
    return {"id": s.id, "kind": s.kind, "title": s.title, "outlet": s.outlet,
            "authors": list(s.authors), "published": s.published, "url": s.url,
            "via": s.via.model_dump() if s.via else None, "accessed": s.accessed,
            "archive_url": s.archive_url, "language": s.language, "note": s.note,
            "page": site_link(base, f"{SOURCES_URL}#{s.id}"), "cited_in": _uses(base, uses)}


def sources_json(index: Index, uses: dict[str, list[Use]], base: str) -> dict[str, Any]:
    """The bibliography as data."""
    return {"version": SCHEMA_VERSION, "sources": [
        _source_dict(s, base, uses.get(s.id, [])) for s in index.sources.values()]}


_BIB_TYPES = {"paper": "article", "news": "article"}
_CSL_TYPES = {"news": "article-newspaper", "paper": "article", "government": "report",
              "company": "webpage", "blog": "post-weblog", "repository": "software",
              "podcast": "broadcast", "reference": "entry-encyclopedia"}


def sources_bib(index: Index) -> str:
    """BibTeX for every source, written by pybtex (it escapes and formats fields)."""
    from pybtex.database import BibliographyData, Entry, Person

    entries = {}
    for s in index.sources.values():
        fields = {"title": s.title, "note": s.note}
        fields["journal" if s.kind in _BIB_TYPES else "howpublished"] = s.outlet
        if s.published:
            when = parse_when(s.published).start
            fields["year"] = str(when.year)
            if when.month:
                fields["month"] = str(when.month)
        if s.url or s.via:
            fields["url"] = s.url or s.via.url  # type: ignore[union-attr]
        if s.accessed:
            fields["urldate"] = s.accessed
        persons = {"author": [Person(a) for a in s.authors]} if s.authors else {}
        entries[s.id] = Entry(_BIB_TYPES.get(s.kind, "misc"), fields=fields, persons=persons)
    return bibtex_text(BibliographyData(entries=entries))


def _csl_date(text: str) -> dict[str, Any]:
    when = parse_when(text).start
    return {"date-parts": [[p for p in (when.year, when.month, when.day) if p]]}


def sources_csl(index: Index) -> list[dict[str, Any]]:
    """CSL-JSON items, the format citation managers import."""
    items = []
    for s in index.sources.values():
        item: dict[str, Any] = {"id": s.id, "type": _CSL_TYPES[s.kind], "title": s.title,
                                "container-title": s.outlet, "language": s.language,
                                "note": s.note}
        if s.authors:
            item["author"] = [{"literal": a} for a in s.authors]
        if s.published:
            item["issued"] = _csl_date(s.published)
        if s.accessed:
            item["accessed"] = _csl_date(s.accessed)
        if s.url or s.via:
            item["URL"] = s.url or s.via.url  # type: ignore[union-attr]
        items.append(item)
    return items


def write_exports(site: Any, site_dir: Path, base: str, stamp: datetime | None = None) -> None:
    """Write every export into ``site_dir/data``."""
    index: Index = site.content.index
    stamp = stamp or DEFAULT_STAMP
    out = site_dir / "data"
    out.mkdir(parents=True, exist_ok=True)

    def dump(name: str, data: Any) -> None:
        (out / name).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")

    dump("glossary.json", glossary_json(index, site.term_uses, base))
    dump("timeline.json", timeline_json(index, base))
    dump("sources.json", sources_json(index, site.cite_uses, base))
    dump("sources.csl.json", sources_csl(index))
    (out / "timeline.ics").write_bytes(timeline_ics(index, base, stamp))
    (out / "sources.bib").write_text(sources_bib(index), "utf-8")
