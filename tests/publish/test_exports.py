"""The data exports parse with real parsers and match their documented shape."""

from __future__ import annotations

import codecs
import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from hypothesis import given, settings
from hypothesis import strategies as st
from pybtex.database import parse_string

from macros.content.load import load_content
from macros.publish import export
from macros.render.site import render_site

from ..conftest import ROOT

CONTENT = load_content(ROOT / "content", ROOT)
INDEX = CONTENT.index
USED = render_site(CONTENT)  # which terms and sources the pages use


def load(site: Path, name: str):
    return json.loads((site / "data" / name).read_text("utf-8"))


def test_glossary_json_shape(site: Path) -> None:
    data = load(site, "glossary.json")
    assert data["version"] == 1 and len(data["entries"]) == len(INDEX.terms) > 0
    keys = {"id", "term", "kind", "aliases", "short", "definition", "see_also", "sources", "url",
            "appears_in"}
    for entry in data["entries"]:
        assert set(entry) == keys
        assert entry["url"].endswith(f"/glossary/#{entry['id']}")
        assert all({"label", "url"} == set(use) for use in entry["appears_in"])
    assert sum(bool(e["appears_in"]) for e in data["entries"]) == len(USED.term_uses)


def test_timeline_json_is_sorted_and_complete(site: Path) -> None:
    events = load(site, "timeline.json")["events"]
    assert len(events) == len(INDEX.events) > 0
    assert [e["start"] for e in events] == sorted(e["start"] for e in events)
    assert all(e["sources"] for e in events)


def test_timeline_ics_parses_with_icalendar(site: Path) -> None:
    cal = icalendar.Calendar.from_ical((site / "data" / "timeline.ics").read_bytes())
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(INDEX.events)
    by_uid = {str(e["UID"]).split("@")[0]: e for e in events}
    one_day = next(e for e in INDEX.events if len(e.date) == 10)
    day = date.fromisoformat(one_day.date)
    assert by_uid[one_day.id].decoded("DTSTART") == day
    assert by_uid[one_day.id].decoded("DTEND") == day + timedelta(days=1)
    month_only = next(e for e in INDEX.events if len(e.date) == 7)
    vevent = by_uid[month_only.id]
    assert vevent.decoded("DTSTART").day == 1
    assert "Date known only to the month" in str(vevent["DESCRIPTION"])


def test_sources_bib_parses_with_pybtex(site: Path) -> None:
    bib = parse_string((site / "data" / "sources.bib").read_text("utf-8"), "bibtex")
    assert set(bib.entries) == set(INDEX.sources)
    dated = next(s for s in INDEX.sources.values() if s.published and s.url)
    entry = bib.entries[dated.id]
    assert entry.fields["date"] == dated.published and entry.fields["url"] == dated.url


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
    assert all(any(s.title in r for r in rendered) for s in INDEX.sources.values())


def test_sources_json_lists_cited_in(site: Path) -> None:
    data = load(site, "sources.json")["sources"]
    assert len(data) == len(INDEX.sources) > 0
    assert sum(bool(s["cited_in"]) for s in data) == len(USED.cite_uses)
    for s in data:
        assert s["url"] is None or s["url"].startswith(("http://", "https://"))


def test_serve_memo_redoes_only_the_exports_whose_inputs_changed(tmp_path: Path, monkeypatch) -> None:
    made: list[str] = []
    for name in ("glossary_json", "timeline_json", "sources_json", "sources_csl",
                 "timeline_ics", "sources_bib"):
        real = getattr(export, name)
        monkeypatch.setattr(export, name, lambda *a, _f=real, _n=name, **k: made.append(_n)
                            or _f(*a, **k))
    stamp, memo = datetime(2026, 1, 1, tzinfo=UTC), {}
    export.write_exports(USED, tmp_path / "a", "/", stamp, "Site", memo=memo)
    assert len(made) == 6
    made.clear()
    export.write_exports(USED, tmp_path / "b", "/", stamp, "Site", memo=memo)
    assert made == []
    first = INDEX.events[0]
    edited = replace(USED, content=replace(CONTENT, index=replace(
        INDEX, events=[first.model_copy(update={"title": first.title + " (edited)"}),
                       *INDEX.events[1:]])))
    export.write_exports(edited, tmp_path / "c", "/", stamp, "Site", memo=memo)
    assert sorted(made) == ["timeline_ics", "timeline_json"]
    for name in ("glossary.json", "sources.json", "sources.csl.json", "sources.bib"):
        assert (tmp_path / "c/data" / name).read_bytes() == (tmp_path / "a/data" / name).read_bytes()
    assert b"(edited)" in (tmp_path / "c/data/timeline.ics").read_bytes()
    fresh = tmp_path / "d"
    export.write_exports(edited, fresh, "/", stamp, "Site")
    for name in ("timeline.json", "timeline.ics"):
        assert (fresh / "data" / name).read_bytes() == (tmp_path / "c/data" / name).read_bytes()


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="#%&_~", blacklist_categories=("Cs",)),
               max_size=40))
def test_latexcodec_leaves_text_without_its_specials_as_it_is(text: str) -> None:
    # citations._latex_marked skips the codec for such text
    assert codecs.encode(text, "ulatex+utf8") == text
