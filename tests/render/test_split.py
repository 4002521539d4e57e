"""Reference pages over the page budget split by letter or year; old links still land.

The real site fits on single pages, so these tests lower the split size (``SPLIT_AT``)
to split the fixture and the real content; ``make bench`` splits at the real size on
10x and 100x synthetic content and checks every page's bytes.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from typing import NamedTuple, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.content.load import load_content
from macros.render import split
from macros.render.common import md_text
from macros.render.site import render_site

from ..conftest import ROOT, copy_project
from ..sitecrawl import broken_internal_links


def test_pages_under_the_size_stay_single(mini: Path) -> None:
    site = render_site(load_content(mini, mini.parent))
    assert [s.key for s in site.specs if not s.listed] == []
    assert split.gzipped(site.pages["glossary"]) <= split.SPLIT_AT


def test_a_big_glossary_splits_by_letter_and_keeps_its_anchors(
        mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(split, "SPLIT_AT", 1)
    site = render_site(load_content(mini, mini.parent))
    index = site.content.index
    specs = {s.key: s for s in site.specs}
    letters = sorted({t.term[0].lower() for t in index.terms.values()})
    assert [k for k in specs if k.startswith("glossary")] == \
        ["glossary", *(f"glossary:{x}" for x in letters)]
    assert specs["glossary"].listed and not any(specs[f"glossary:{x}"].listed for x in letters)
    for term in index.terms.values():
        letter = term.term[0].lower()
        # The old address /glossary/#id lands on the link to the entry's own page ...
        assert re.search(f'<li><a href="{letter}/">Glossary: {letter.upper()}</a> '
                         rf'\(\d+ entr(y|ies)\)(<span id="[^"]+"></span>)*<span id="{term.id}">',
                         site.pages["glossary"])
        # ... where the entry is, with its sources and back-links.
        assert f'<dt id="{term.id}">' in site.pages[f"glossary:{letter}"]
    gpu = site.pages["glossary:g"]
    assert '<a href="../e/#export-controls">export controls</a>' in gpu  # "See also", across pages
    assert 'href="../../sections/alpha/#use-gpu"' in gpu  # "Appears in", from one level down


def test_timeline_and_sources_split_and_move_their_back_links(
        mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(split, "SPLIT_AT", 1)
    site = render_site(load_content(mini, mini.parent))
    index = site.content.index
    years = sorted({e.date[:4] for e in index.events})
    assert [s.url for s in site.specs if s.key.startswith("timeline")] == \
        ["timeline/", *(f"timeline-{y}/" for y in years)]
    for event in index.events:
        page = site.pages[f"timeline:{event.date[:4]}"]
        assert f'<li class="xref-event" id="{event.id}"' in page
        assert re.search(f'<li><a href="../timeline-{event.date[:4]}/">[^<]*</a>[^<]*'
                         f'(<span id="[^"]+"></span>)*<span id="{event.id}">', site.pages["timeline"])
    assert site.pages["timeline:2025"].startswith("# Timeline: 2025 {#top}")
    cited_on_timeline = {u.page for uses in site.cite_uses.values() for u in uses} & \
        {s.url for s in site.specs if s.key.startswith("timeline")}
    assert cited_on_timeline and "timeline/" not in cited_on_timeline
    for source in index.sources.values():
        letter = source.title[0].lower()
        assert re.search(f'<li><a href="../sources-{letter}/">[^<]*</a>[^<]*'
                         f'(<span id="[^"]+"></span>)*<span id="{source.id}">', site.pages["sources"])


def test_a_big_whos_who_splits_by_kind_and_keeps_its_anchors(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(split, "SPLIT_AT", 3 * 1024)
    site = render_site(load_content(ROOT / "content", ROOT))
    terms = site.content.index.terms
    specs = {s.key: s for s in site.specs}
    parts = [s for s in site.specs if s.key.startswith("whos-who:")]
    assert len(parts) > 2 and specs["whos-who"].listed and not any(p.listed for p in parts)
    assert {p.url.split("-")[2].rstrip("/") for p in parts} == {"people", "organizations"}
    index = site.pages["whos-who"]
    assert "{#persons}" in index and "{#organizations}" in index  # the single page's anchors
    listed = [t for t in terms.values() if t.kind in ("person", "organization")]
    held = {i: p for p in parts for i in p.holds or ()}
    assert sorted(held) == sorted(t.id for t in listed)  # each entry on exactly one page
    for term in listed:
        part = held[term.id]
        assert part.url.startswith(f"whos-who-{'people' if term.kind == 'person' else 'org'}")
        assert re.search(f'<li><a href="../{part.url}">[^<]*</a>[^<]*'
                         f'(<span id="[^"]+"></span>)*<span id="{term.id}">', index)
        page = site.pages[part.key]
        assert page.startswith(f"# {md_text(part.title)} {{#top}}")
        glossary = next(s.url for s in site.specs
                        if s.key.startswith("glossary") and term.id in (s.holds or ()))
        assert f'<dt id="{term.id}"><a href="../{glossary}#{term.id}">' in page


class Item(NamedTuple):
    """An entry, as :func:`split.fit` sees it."""

    id: str


def test_whos_who_counts_its_structured_data_against_the_budget(
        monkeypatch: pytest.MonkeyPatch) -> None:
    content = load_content(ROOT / "content", ROOT)
    single = split.gzipped(render_site(content).pages["whos-who"])
    # Its page repeats every entry in its JSON-LD: at twice its size it no longer fits.
    monkeypatch.setattr(split, "SPLIT_AT", int(single * 2))
    assert any(s.key.startswith("whos-who:") for s in render_site(content).specs)


def test_a_page_is_measured_at_its_weight(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(split, "SPLIT_AT", 1500)
    monkeypatch.setattr(split, "compressed_size", len)
    head = split.Part("whos-who", "whos-who/", "Who’s who", "", ())
    page = cast(split.Rendered, ("x" * 1000, None))
    assert split.measure(head, lambda: page, ["ab"]) == ([(head, page)], 1000)
    assert split.measure(head, lambda: page, ["ab"], weight=2) == ([], 2000)


def test_fit_splits_a_letter_again_until_each_page_fits_rendering_each_page_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(split, "SPLIT_AT", 1000)
    monkeypatch.setattr(split, "compressed_size", len)  # sizes as written, to keep the sums simple
    head = split.Part("glossary", "glossary/", "Glossary", "", ())
    groups = {"A": [Item(f"a{i}") for i in range(10)], "B": [Item("b0")]}
    made: list[tuple[str, ...]] = []

    def body(part: split.Part) -> split.Rendered:
        made.append((part.url, *(x.id for x in part.terms)))
        # Every page also pays a fixed 300 bytes (its references), so the first guess is low.
        return cast(split.Rendered, ("x" * (len(part.terms) * 200 + 300), None))

    def finish(rendered: split.Rendered, part: split.Part, parts: list[split.Part],
               where: dict[str, str]) -> split.Rendered:
        assert where == {x.id: p.url for p in parts for x in p.terms}
        return rendered[0] + "j" * 200, rendered[1]  # the jump bar puts 3-entry pages over

    pages = split.fit(head, groups, 1000, body, finish, nested=True)
    sizes = {p.key: len(p.terms) for p, _ in pages}
    assert sizes == {"glossary:a": 2, "glossary:a-2": 2, "glossary:a-3": 2, "glossary:a-4": 2,
                     "glossary:a-5": 2, "glossary:b": 1}
    assert all(len(markdown) <= 1000 for _, (markdown, _) in pages)
    assert [p.title for p, _ in pages][:2] == ["Glossary: A (1 of 5)", "Glossary: A (2 of 5)"]
    assert len(made) == len(set(made))  # no page body rendered twice
    assert ("glossary/a/", "a0", "a1") in made[:-5]  # kept from an earlier split of A


def test_plan_spreads_a_group_over_its_pages() -> None:
    head = split.Part("sources", "sources/", "Sources", "", ())
    parts = split.plan(head, {"R": list(range(10))}, {"R": 6}, nested=False)
    assert [len(p.terms) for p in parts] == [1, 2, 2, 1, 2, 2]
    assert [p.url for p in parts][:2] == ["sources-r/", "sources-r-2/"]


def test_a_split_real_site_builds_and_every_link_lands(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setattr(split, "SPLIT_AT", 3 * 1024)
    project = copy_project(tmp_path / "project", ROOT)
    out = tmp_path / "site"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1737331200")
    build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(out)))
    assert broken_internal_links(out) == []
    index = (out / "glossary" / "index.html").read_text("utf-8")
    links = {term_id: page for page, ids in re.findall(r'<li><a href="([a-z0-9-]+/)">[^<]*</a>'
                                                      r'[^<]*((?:<span id="[^"]+"></span>)+)', index)
             for term_id in re.findall(r'id="([^"]+)"', ids)}
    glossary = load_content(project / "content", project).index.terms
    assert sorted(links) == sorted(glossary)  # every old /glossary/#id is on the index
    for term_id, page in links.items():
        assert f'<dt id="{term_id}">' in (out / "glossary" / page / "index.html").read_text("utf-8")
    assert "[data-xref-split] li" in (out / "assets" / "xref.js").read_text("utf-8")
    # Structured data: each entry's DefinedTerm once, on its own page; none on the index.
    assert '"hasDefinedTerm":[]' in index.replace(" ", "")
    for term_id, page in links.items():
        html = (out / "glossary" / page / "index.html").read_text("utf-8").replace(" ", "")
        assert f'"url":"http://127.0.0.1:8000/glossary/{page}#{term_id}"' in html
    home = (out / "index.html").read_text("utf-8")
    assert 'href="glossary/"' in home and not re.search(r'href="glossary/[a-z]+/"', home)
    assert len(list(out.glob("timeline-*/index.html"))) > 1
    assert len(list(out.glob("sources-*/index.html"))) > 1
    # Who's who: each entry's Person or Organization node once, on the page that holds it.
    who = (out / "whos-who" / "index.html").read_text("utf-8").replace(" ", "")
    assert '"numberOfItems":0' in who
    listed = {t.id for t in glossary.values() if t.kind in ("person", "organization")}
    found = []
    for page in sorted(out.glob("whos-who-*/index.html")):
        html = page.read_text("utf-8").replace(" ", "")
        ids = re.findall(r'"@id":"http://127.0.0.1:8000/whos-who/#([^"]+)"', html)
        assert all(f'<dtid="{i}">' in html for i in ids)
        found += ids
    assert sorted(found) == sorted(listed)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab é€\n<>&\U0001f600"), max_size=3 * 70_000)
       .map(lambda t: t * 2))
def test_a_page_measured_a_slice_at_a_time_measures_as_compressed_whole(text: str) -> None:
    """Slices of ``_SLICE`` characters (some cut beside a four-byte character) compress to
    the same bytes as the page whole, as the budget test measures it."""
    whole = len(gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0))
    assert split.compressed_size(text) == whole
    assert split.gzipped(text) == whole
    assert split.gzipped_later(text).result() == whole


def test_sizes_are_measured_across_slice_boundaries() -> None:
    for length in (split._SLICE - 1, split._SLICE, split._SLICE + 1, 3 * split._SLICE + 7):
        text = ("€a" * length)[:length]
        assert split.compressed_size(text) == len(gzip.compress(text.encode(), 6, mtime=0))
