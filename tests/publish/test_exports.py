"""The data exports parse with real parsers and match their documented shape."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import icalendar
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from pybtex.database import parse_string

from macros.content.load import load_content

from ..conftest import ROOT

INDEX = load_content(ROOT / "content", ROOT).index


def load(site: Path, name: str):
    return json.loads((site / "data" / name).read_text("utf-8"))


def test_glossary_json_shape(site: Path) -> None:
    data = load(site, "glossary.json")
    assert data["version"] == 1 and len(data["entries"]) == len(INDEX.terms) >= 35
    keys = {"id", "term", "kind", "aliases", "short", "definition", "see_also", "sources", "url",
            "appears_in"}
    for entry in data["entries"]:
        assert set(entry) == keys
        assert entry["url"].endswith(f"/glossary/#{entry['id']}")
        assert all({"label", "url"} == set(use) for use in entry["appears_in"])
    assert sum(bool(e["appears_in"]) for e in data["entries"]) >= 35


def test_timeline_json_is_sorted_and_complete(site: Path) -> None:
    events = load(site, "timeline.json")["events"]
    assert len(events) == len(INDEX.events) >= 25
    assert [e["start"] for e in events] == sorted(e["start"] for e in events)
    assert all(e["sources"] for e in events)


def test_timeline_ics_parses_with_icalendar(site: Path) -> None:
    cal = icalendar.Calendar.from_ical((site / "data" / "timeline.ics").read_bytes())
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(INDEX.events)
    by_uid = {str(e["UID"]).split("@")[0]: e for e in events}
    r1 = by_uid["r1-released"]
    assert r1.decoded("DTSTART") == date(2025, 1, 20)
    assert r1.decoded("DTEND") == date(2025, 1, 21)
    month_only = next(e for e in INDEX.events if len(e.date) == 7)
    vevent = by_uid[month_only.id]
    assert vevent.decoded("DTSTART").day == 1
    assert "Date known only to the month" in str(vevent["DESCRIPTION"])


def test_sources_bib_parses_with_pybtex(site: Path) -> None:
    bib = parse_string((site / "data" / "sources.bib").read_text("utf-8"), "bibtex")
    assert set(bib.entries) == set(INDEX.sources)
    v3 = bib.entries["deepseek-v3-techreport-2024"]
    assert v3.fields["year"] == "2024" and v3.fields["url"].startswith("https://")


def test_sources_csl_json_round_trips_through_citeproc(site: Path) -> None:
    items = load(site, "sources.csl.json")
    assert {i["id"] for i in items} == set(INDEX.sources)
    source = CiteProcJSON(items)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == len(items)
    assert any("DeepSeek-V3 Technical Report" in r for r in rendered)


def test_sources_json_lists_cited_in(site: Path) -> None:
    data = load(site, "sources.json")["sources"]
    assert len(data) == len(INDEX.sources) >= 25
    assert sum(bool(s["cited_in"]) for s in data) >= 25
    for s in data:
        assert s["url"] is None or s["url"].startswith(("http://", "https://"))
