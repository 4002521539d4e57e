"""A strict build of the real site, with assertions on the HTML it produces."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html import unescape
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlsplit

from macros.content.load import load_content

from .conftest import ROOT, TEST_REPO_URL, copy_project, edit, run_build
from .sitecrawl import broken_internal_links, pages, read_page

SECTIONS = load_content(ROOT / "content", ROOT).index.sections


def html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text("utf-8")


def test_every_section_has_a_page_with_title_summary_and_takeaways(site: Path) -> None:
    assert len(SECTIONS) == 6
    for section in SECTIONS:
        page = html(site, f"sections/{section.id}")
        title = re.search(r"<title>(.*?)</title>", page).group(1)
        assert unescape(title).startswith(f"{section.title} - ")
        assert 'class="xref-summary"' in page and "In 30 seconds" in page
        assert 'id="key-takeaways"' in page and 'id="references"' in page


def test_hype_page_has_one_card_per_claim_with_a_verdict(site: Path) -> None:
    hype = next(s for s in SECTIONS if s.claims)
    page = html(site, f"sections/{hype.id}")
    for claim in hype.claims:
        card = re.search(rf'<li class="xref-claim xref-claim--{claim.verdict}" '
                         rf'id="claim-{claim.id}">.*?</li>', page, re.S)
        assert card, claim.id
        assert f"{claim.verdict.capitalize()}</span>" in card.group(0)
        assert 'class="xref-cite-link"' in card.group(0)
    assert page.count('class="xref-claim ') == len(hype.claims)
    assert "What the verdicts mean" in page


def test_navigation_follows_reading_order(site: Path) -> None:
    nav = html(site, ".").split("md-nav--primary", 1)[1].split("md-sidebar--secondary", 1)[0]
    order = re.findall(r'href="([^"#]+)"', nav)
    expected = ["sections/" + s.id + "/" for s in SECTIONS]
    found = list(dict.fromkeys(h for h in order if h.startswith("sections/")))
    assert found == expected
    for before, after in pairwise(SECTIONS):
        page = html(site, f"sections/{before.id}")
        assert f'href="../{after.id}/" class="md-footer__link md-footer__link--next"' in page


def test_edit_link_opens_the_yaml_file(site: Path) -> None:
    page = html(site, "sections/rising-star")
    assert f'href="{TEST_REPO_URL}/edit/main/content/sections/rising-star.yml"' in page
    assert f'href="{TEST_REPO_URL}/edit/main/content/glossary.yml"' in html(site, "glossary")


def test_every_section_links_three_terms_and_cites_three_sources(site: Path) -> None:
    for section in SECTIONS:
        page = html(site, f"sections/{section.id}")
        assert len(set(re.findall(r'class="xref-term"[^>]*href="[^"]*#([^"]+)"', page))) >= 3
        assert len(set(re.findall(r'<li id="ref-(\d+)"', page))) >= 3


def test_internal_links_and_anchors_resolve(site: Path) -> None:
    assert broken_internal_links(site) == []


def test_external_links_are_http_and_nothing_loads_from_elsewhere(site: Path) -> None:
    for page, info in pages(site).items():
        for href in info.links:
            assert urlsplit(href).scheme in ("", "http", "https"), (page, href)
        for resource in info.resources:
            assert not re.match(r"^(https?:)?//", resource), (page, resource)
        assert info.handlers == [], page


def test_glossary_timeline_and_sources_pages(site: Path) -> None:
    glossary = html(site, "glossary")
    assert len(re.findall(r'<dt id="[a-z0-9-]+">', glossary)) >= 35
    assert glossary.count('class="xref-appears"') >= 35
    timeline = html(site, "timeline")
    times = re.findall(r'<time datetime="([^"]+)">', timeline)
    assert len(re.findall(r'<li class="xref-event"', timeline)) >= 25
    assert all(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", t) for t in times)
    assert "<noscript><style>.xref-filter { display: none !important; }</style></noscript>" \
        in timeline
    assert {"year-2025", "year-2023"} <= read_page(site / "timeline" / "index.html").ids
    sources = html(site, "sources")
    assert len(re.findall(r'<li id="[a-z0-9.-]+" class="xref-source">', sources)) >= 25
    assert sources.count('class="xref-cited-in"') >= 25


def test_timeline_events_are_in_date_order(site: Path) -> None:
    data = json.loads((site / "data" / "timeline.json").read_text())
    starts = [e["start"] for e in data["events"]]
    assert starts == sorted(starts) and len(starts) >= 25


def test_content_error_fails_the_build_without_traceback(project: Path, tmp_path: Path) -> None:
    edit(project / "content/sections/rising-star.yml", "order: 2", "order: 2\norder: 3")
    result = run_build(project, tmp_path / "out")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "content/sections/rising-star.yml:4:1: order: duplicate key 'order'" in output
    assert "Traceback" not in output


def test_injections_in_yaml_stay_inert_in_the_built_page(project: Path, tmp_path: Path) -> None:
    edit(project / "content/sections/us-response.yml", "body: |\n",
         "body: |\n  Sum {{ 7*7 }} and <script>alert('x')</script> and "
         "<b onclick=\"alert(1)\">bold</b>.\n\n")
    result = run_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out/sections/us-response/index.html").read_text()
    assert "Sum {{ 7*7 }} and &lt;script&gt;alert('x')&lt;/script&gt;" in page
    info = read_page(tmp_path / "out/sections/us-response/index.html")
    assert info.handlers == [] and not any("alert" in code for _, code in info.scripts)


def test_failed_build_leaves_site_untouched(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("previous build")
    edit(project / "content/timeline.yml", '"2025-01-20"', '"2025-02-30"')
    result = subprocess.run([sys.executable, "-m", "macros.tools.cli", "build"], cwd=project,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "Build failed; site/ was left as it was." in result.stderr
    assert [p.name for p in (project / "site").iterdir()] == ["index.html"]
    assert (project / "site" / "index.html").read_text() == "previous build"
    assert not list(project.glob(".site-build-*"))


def test_cite_this_page_box_parses_as_bibtex(site: Path) -> None:
    from pybtex.database import parse_string

    for section in SECTIONS:
        page = html(site, f"sections/{section.id}")
        box = re.search(r'<div class="xref-cite-this">.*?<pre><code>(.*?)</code></pre>', page, re.S)
        assert box, section.id
        entry = parse_string(unescape(box.group(1)), "bibtex").entries
        (key,) = entry
        assert key == f"deepseek-r1-explainer-{section.id}"
        assert entry[key].fields["title"] == section.title


def test_two_builds_of_the_same_commit_are_byte_identical(site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    result = run_build(ROOT, again, SOURCE_DATE_EPOCH="1737331200")
    assert result.returncode == 0, result.stderr
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    assert [str(name) for name in first if first[name] != second[name]] == []


def test_key_figures_cite_each_source_once(site: Path) -> None:
    for section in SECTIONS:
        page = html(site, f"sections/{section.id}")
        for caption in re.findall(r"<figcaption>(.*?)</figcaption>", page, re.S):
            numbers = re.findall(r'href="#ref-(\d+)"', caption)
            assert len(numbers) == len(set(numbers)), (section.id, caption[:80])
