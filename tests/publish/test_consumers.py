"""Each export read by the tools people use with it: pandoc's citeproc (CSL-JSON and
BibTeX), biber's data-model check, vobject (a second reader of the calendar, after icalendar),
feedparser and a JSON-LD processor (pyld).

pandoc and biber come from Debian (``make test`` installs them with apt-get when missing,
like Chromium and Java). Expected values come from the content, never from today's files.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest
import vobject
from pyld import jsonld

from macros.content.index import event_when
from macros.content.load import load_content
from macros.publish.citations import credited, link, organisations
from macros.publish.stamps import content_day
from macros.render.downloads import FEED_PATH

from ..conftest import ROOT, sitemap_paths

CONTENT = load_content(ROOT / "content", ROOT)
INDEX = CONTENT.index
ARTIFACTS = ROOT / "test-artifacts"
# Words that Chicago's title case writes in lowercase. citeproc leaves such a word as the
# CSL title writes it ("With"); pandoc's BibTeX reader lowercases it first ("with"). Both
# are the same title, so only these words may differ in case between the two renderings.
MINOR = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of",
         "on", "or", "the", "to", "via", "vs", "with"}


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: run `make test` as root, or "
                    f"`sudo apt-get install -y {name}`")
    return path


def pandoc(site: Path, bibliography: str, keys: list[str], tmp: Path, *extra: str) -> str:
    """pandoc --citeproc over a document that cites ``keys`` once each, as HTML (unwrapped,
    so that a long id never splits a tag across lines)."""
    doc = tmp / "cites.md"
    doc.write_text("".join(f"Source {k}: [@{k}].\n\n" for k in keys) + "# References\n", "utf-8")
    run = subprocess.run([tool("pandoc"), "--citeproc", "--bibliography",
                          str(site / "data" / bibliography), "-t", "html",
                          "--wrap=none", *extra, str(doc)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and not run.stderr, run.stderr
    return run.stdout


def visible(rendered: str) -> list[str]:
    """Each citation and bibliography entry as the text a reader sees, links kept."""
    blocks = re.findall(r'<p>Source [^:]+: (.*?)</p>|<div id="ref-[^"]+"[^>]*>(.*?)</div>',
                        rendered, re.S)
    out = []
    for cite, entry in blocks:
        text = re.sub(r"<(?!a |/a>)[^>]+>", "", cite or entry)
        out.append(" ".join(html.unescape(text).split()))
    return out


def same_title_words(one: str, two: str) -> bool:
    """Equal, but for the case of minor words (see MINOR)."""
    a, b = one.split(" "), two.split(" ")
    return len(a) == len(b) and all(
        x == y or (x.lower() == y.lower() and x.strip("“‘(").lower() in MINOR)
        for x, y in zip(a, b, strict=True))


@pytest.fixture(scope="module")
def renderings(site: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    tmp = tmp_path_factory.mktemp("pandoc")
    keys = list(INDEX.sources)
    return (pandoc(site, "sources.csl.json", keys, tmp), pandoc(site, "sources.bib", keys, tmp))


def test_pandoc_cites_the_same_from_csl_json_and_bibtex(renderings: tuple[str, str]) -> None:
    csl, bib = (visible(r) for r in renderings)
    assert len(csl) == len(bib) == 2 * len(INDEX.sources)
    differ = [(a, b) for a, b in zip(csl, bib, strict=True) if not same_title_words(a, b)]
    assert differ == []


def test_author_date_citations_name_families_and_organisations_whole(
        renderings: tuple[str, str]) -> None:
    orgs = organisations(INDEX)
    for rendered in renderings:
        cites = dict(re.findall(r'data-cites="([^"]+)">(.*?)</span>\.</p>', rendered, re.S))
        for source in INDEX.sources.values():
            text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", cites[source.id])).split())
            text = text.replace("’", "'")  # citeproc writes the typographic apostrophe
            names = credited(source, orgs)
            if not names:
                continue
            first, organisation = names[0]
            shown = first if organisation else first.split()[-1]
            assert text.startswith(f"({shown}"), (source.id, text)
            if not organisation and len(first.split()) > 1:
                assert first.split()[0] not in text, (source.id, text)
            year = source.published[:4] if source.published else "n.d."
            assert year in text, (source.id, text)


def test_every_entry_links_its_source_verbatim(renderings: tuple[str, str]) -> None:
    for rendered in renderings:
        entries = dict(re.findall(r'<div id="ref-([^"]+)"[^>]*>(.*?)</div>', rendered, re.S))
        for source in INDEX.sources.values():
            hrefs = [html.unescape(h) for h in re.findall(r'href="([^"]+)"', entries[source.id])]
            url = link(source)
            assert hrefs == ([url] if url else []), source.id
            assert not any("\\" in h for h in hrefs)


def test_case_protected_title_words_survive_title_case(renderings: tuple[str, str]) -> None:
    # Any title word with an inner capital or a lowercase start before a capital or digit
    # ("deepseek-ai/DeepSeek-R1", "o1") must come out exactly as the title writes it.
    for source in INDEX.sources.values():
        words = [w.strip("\"'“”‘’(),.:;?!") for w in source.title.split()]
        special = [w for w in words if re.search(r"[a-z][A-Z]|^[a-z][\w-]*[A-Z0-9]", w)]
        for rendered in renderings:
            entry = re.search(rf'<div id="ref-{re.escape(source.id)}"[^>]*>(.*?)</div>',
                              rendered, re.S).group(1)
            text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", entry)).split())
            text = text.replace("’", "'")  # citeproc writes the typographic apostrophe
            for word in special:
                assert word in text, (source.id, word, text)


def test_a_rendering_of_three_sources_is_kept_for_a_reader(site: Path, tmp_path: Path) -> None:
    orgs = organisations(INDEX)
    people = next(s for s in INDEX.sources.values()
                  if s.published and len(credited(s, orgs)) > 1 and not credited(s, orgs)[0][1])
    organisation = next(s for s in sorted(INDEX.sources.values(), key=lambda s: not s.authors)
                        if any(org for _, org in credited(s, orgs)) and s.published)
    undated = next(s for s in INDEX.sources.values() if not s.published and link(s))
    keys = [people.id, organisation.id, undated.id]
    rendered = pandoc(site, "sources.csl.json", keys, tmp_path, "-s", "--metadata",
                      "title=Three sources, cited by pandoc from sources.csl.json")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "pandoc-citations.html").write_text(rendered, "utf-8")
    assert len(re.findall(r'<div id="ref-', rendered)) == 3


def test_biber_validates_the_bibtex_against_biblatex_s_data_model(site: Path,
                                                                   tmp_path: Path) -> None:
    bib = tmp_path / "sources.bib"
    shutil.copy(site / "data" / "sources.bib", bib)
    run = subprocess.run([tool("biber"), "--tool", "--validate-datamodel", bib.name],
                         cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    warnings = re.findall(r"WARN - (.*)", run.stdout + run.stderr)
    # biblatex wants a date on every entry; a source whose date no one has seen has none,
    # and we never invent one (the README explains these warnings).
    undated = [f"Datamodel: Entry '{s.id}' (sources.bib): Missing mandatory field - one of "
               "'date, year' must be defined" for s in INDEX.sources.values() if not s.published]
    assert warnings == undated


def test_vobject_reads_the_calendar(site: Path) -> None:
    calendar = vobject.readOne((site / "data" / "timeline.ics").read_text("utf-8"))
    events = {e.uid.value.split("@")[0]: e for e in calendar.vevent_list}
    assert list(events) == [e.id for e in INDEX.events]
    floor = datetime.combine(content_day(INDEX), datetime.min.time(), UTC)
    for event in INDEX.events:
        vevent = events[event.id]
        assert vevent.summary.value == event.title
        assert vevent.categories.value == [INDEX.category_label(event.category)]
        assert vevent.dtstart.value == event_when(event).start.first_day()
        assert vevent.dtstamp.value >= floor


def test_feedparser_reads_the_feed_dated_by_the_content(site: Path) -> None:
    feed = feedparser.parse((site / FEED_PATH).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    changes = [c.date for s in INDEX.sections for c in s.changes]
    assert feed.feed.updated[:10] == max(changes)
    assert len(feed.entries) == len(changes)


def _offline_loader(url: str, options: dict | None = None) -> dict:
    # No network in the tests: schema.org's context maps every term into its vocabulary,
    # which is all that expansion needs to tell nodes apart.
    assert url.rstrip("/") == "https://schema.org", url
    return {"contextUrl": None, "documentUrl": url,
            "document": {"@context": {"@vocab": "https://schema.org/"}}}


def _definitions(node: object, found: dict[str, list[dict]]) -> None:
    if isinstance(node, list):
        for item in node:
            _definitions(item, found)
    elif isinstance(node, dict):
        if "@id" in node and len(node) > 1:
            found.setdefault(node["@id"], []).append(node)
        for value in node.values():
            _definitions(value, found)


def test_pyld_expands_every_page_and_no_two_nodes_share_an_id(site: Path) -> None:
    from .test_structured import head

    problems = []
    for path in sitemap_paths(site):
        (block,) = head(site, path).ld
        expanded = jsonld.expand(json.loads(block), {"documentLoader": _offline_loader})
        assert expanded, path
        found: dict[str, list[dict]] = {}
        _definitions(expanded, found)
        for node_id, nodes in found.items():
            if any(n != nodes[0] for n in nodes):
                problems.append(f"/{path}: {node_id} names {len(nodes)} different nodes")
    assert problems == []
