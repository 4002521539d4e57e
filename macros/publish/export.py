"""Machine-readable exports under ``site/data/``, all generated from the same model.

* ``glossary.json``: every entry with its URL and back-links.
* ``timeline.json`` (sorted) and ``timeline.ics`` (one all-day VEVENT per event).
* ``sources.json``, ``sources.bib`` (biblatex) and ``sources.csl.json`` (both from
  :mod:`.citations`).

``EXPORTS`` lists them with a label and a description, for the reuse page and ``llms.txt``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from ..content.index import GLOSSARY_URL, SOURCES_URL, TIMELINE_URL, Index, event_when, section_url
from ..content.inline import cited_keys
from ..content.model import Event, Source
from ..render.common import site_key, site_link
from ..render.plain import plain_text
from ..render.xref.state import Use
from .citations import sources_bib, sources_csl
from .ical import AllDay, calendar

SCHEMA_VERSION = 1


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
         "short": t.short, "definition": plain_text(t.body), "see_also": list(t.see_also),
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
            "title": e.title, "description": plain_text(e.description), "category": e.category,
            "sections": [site_link(base, section_url(s)) for s in e.sections],
            "sources": _event_sources(e), "url": site_link(base, f"{TIMELINE_URL}#{e.id}")})
    categories = [{"id": c, "label": label} for c, label in index.categories.items()]
    return {"version": SCHEMA_VERSION, "categories": categories, "events": events}


def timeline_ics(index: Index, base: str, stamp: datetime, name: str = "") -> bytes:
    """An iCalendar file: each event all-day on its date, or its first day if less precise."""
    events, key = [], site_key(name)
    for e in index.events:
        when = event_when(e)
        start = when.start.first_day()
        end = (when.end.last_day() if when.end else start) + timedelta(days=1)
        note = plain_text(e.description)
        if when.precision in ("month", "year"):
            note = f"Date known only to the {when.precision} ({when.human()}). {note}"
        events.append(AllDay(f"{e.id}@{key}", start, end, e.title, note,
                             (index.category_label(e.category),),
                             site_link(base, f"{TIMELINE_URL}#{e.id}")))
    return calendar(f"-//{name or key}//timeline//EN",
                    f"{name}: timeline" if name else "Timeline", events, stamp)


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


# Serve only: each export's inputs and bytes from the last rebuild, by file name.
ExportMemo = dict[str, tuple[Any, bytes]]


def _frozen(uses: dict[str, list[Use]]) -> tuple[tuple[str, tuple[Use, ...]], ...]:
    return tuple((key, tuple(found)) for key, found in uses.items())


def _json(data: Any) -> Iterator[str]:
    """The text of ``json.dumps(data, ensure_ascii=False, indent=2)`` and a newline, in
    pieces: written as they come, a large export never exists whole in memory (its text,
    their join and its bytes: at 100x the exports' peak fell from 505 to 476 MB)."""
    yield from json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(data)
    yield "\n"


def _save(path: Path, made: bytes | Iterator[str]) -> None:
    if isinstance(made, bytes):
        path.write_bytes(made)
    else:
        with path.open("w", encoding="utf-8", newline="") as out:
            out.writelines(made)


def write_exports(site: Any, site_dir: Path, base: str, stamp: datetime,
                  name: str = "", memo: ExportMemo | None = None) -> None:
    """Write every export into ``site_dir/data``; ``stamp`` is the calendar's DTSTAMP and
    ``name`` the site's (mkdocs.yml).

    With a ``memo`` (``mkdocs serve``), a file whose inputs equal those of the last rebuild
    is written from its kept bytes: an edit to a section redoes none of the bibliography.
    """
    index: Index = site.content.index
    terms, sources = tuple(index.terms.values()), tuple(index.sources.values())
    events = (tuple(index.events), tuple(index.categories.items()), base)
    made: dict[str, tuple[Any, Any]] = {
        "glossary.json": ((terms, _frozen(site.term_uses), base),
                          lambda: _json(glossary_json(index, site.term_uses, base))),
        "timeline.json": (events, lambda: _json(timeline_json(index, base))),
        "sources.json": ((sources, _frozen(site.cite_uses), base),
                         lambda: _json(sources_json(index, site.cite_uses, base))),
        "sources.csl.json": ((sources, terms), lambda: _json(sources_csl(index))),
        "timeline.ics": ((events, stamp, name),
                         lambda: timeline_ics(index, base, stamp, name)),
        "sources.bib": ((sources, terms), lambda: sources_bib(index).encode("utf-8")),
    }
    out = site_dir / "data"
    out.mkdir(parents=True, exist_ok=True)
    for file, (inputs, make) in made.items():
        if memo is None:
            _save(out / file, make())
            continue
        kept = memo.get(file)
        if kept is None or kept[0] != inputs:
            fresh = make()
            kept = memo[file] = (inputs, fresh if isinstance(fresh, bytes)
                                 else "".join(fresh).encode("utf-8"))
        (out / file).write_bytes(kept[1])
