"""The built site reads like an explainer: the story's own headings are anchors in the
contents and in search, and nothing of the inline syntax reaches a page."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

from macros.content.inline import subheadings
from macros.content.load import load_content
from macros.render.story import curly

from .conftest import ROOT

SECTIONS = load_content(ROOT / "content", ROOT).index.sections


def html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text("utf-8")


def text_of(markup: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def toc_top_level(page: str) -> list[tuple[str, str]]:
    """``(href, text)`` of the first level of the page's table of contents."""
    toc = re.search(r'<ul class="md-nav__list" data-md-component="toc"[^>]*>(.*)</ul>\s*</nav>',
                    page, re.S).group(1)
    items, depth = [], 0
    for tag in re.finditer(r'<(/?)ul\b|<a href="(#[^"]+)"[^>]*>(.*?)</a>', toc, re.S):
        if tag.group(2) is None:
            depth += -1 if tag.group(1) else 1
        elif depth == 0:
            items.append((tag.group(2), text_of(tag.group(3))))
    return items


def test_story_headings_are_anchors_at_the_top_level_of_the_contents(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    locations = {doc["location"]: doc["title"] for doc in index["docs"]}
    for section in SECTIONS:
        page = html(site, f"sections/{section.id}")
        headings = [curly(h) for h in subheadings(section.body)]
        assert headings, section.id
        found = [(m.group(1), text_of(m.group(2))) for m in
                 re.finditer(r'<h2 id="([^"]+)">(.*?)<a class="headerlink"', page, re.S)]
        story = [f for f in found if f[1] in headings]
        assert [text for _, text in story] == headings, section.id
        toc = toc_top_level(page)
        assert [(f"#{ident}", text) for ident, text in story] == toc[:len(story)], section.id
        for ident, text in story:
            assert unescape(locations[f"sections/{section.id}/#{ident}"]) == text


def test_story_starts_before_key_dates_and_figures_follow_its_first_part(site: Path) -> None:
    for section in SECTIONS:
        page = html(site, f"sections/{section.id}")
        first_heading = page.index('<h2 id="', page.index('class="xref-summary"'))
        assert first_heading < page.index('id="key-dates"'), section.id
        if section.figures:
            assert page.index('class="xref-body"') < page.index('class="xref-figures"')


def test_no_page_shows_inline_syntax(site: Path) -> None:
    for path in sorted(site.rglob("*.html")):
        text = text_of(re.sub(r"<(code|pre)\b.*?</\1>", " ", path.read_text("utf-8"), flags=re.S))
        assert "[@" not in text and "[[" not in text, path


def test_terms_are_linked_in_the_story_not_in_summaries_or_takeaways(site: Path) -> None:
    for section in SECTIONS:
        page = html(site, f"sections/{section.id}")
        summary = re.search(r'<section class="xref-summary".*?</section>', page, re.S).group(0)
        takeaways = re.search(r'<ul class="xref-takeaways">.*?</ul>', page, re.S).group(0)
        assert ("xref-term" in summary) == ("[[" in section.summary), section.id
        assert ("xref-term" in takeaways) == any("[[" in t for t in section.takeaways)
        assert 'class="xref-term"' in "".join(re.findall(r'<div class="xref-body">.*?</div>',
                                                        page, re.S)), section.id


def test_no_marker_floats_after_a_space_or_before_punctuation(site: Path) -> None:
    for section in SECTIONS:
        page = html(site, f"sections/{section.id}")
        body = "".join(re.findall(r'<div class="xref-body">.*?</div>', page, re.S))
        assert not re.search(r'\s<sup class="xref-cite">', body), section.id
        assert not re.search(r'</sup>[.,;:]', body), section.id
        assert "</sup><sup" not in body


def test_about_page_names_the_article_the_verdicts_and_how_to_propose_a_fix(site: Path) -> None:
    from macros.content.fields import VERDICTS
    from macros.render.about import proposals

    from .conftest import TEST_REPO_URL

    content = load_content(ROOT / "content", ROOT)
    about = content.about
    assert about is not None
    page = html(site, "about")
    assert 'href="about/"' in html(site, ".") or 'href="./about/"' in html(site, ".")
    cited = {key for part in about.parts for key in re.findall(r"@([a-z0-9.-]+)", part.text)}
    for key in cited:
        source = content.index.sources[key]
        assert source.title in text_of(page) and source.outlet in text_of(page)
    scale = re.search(r'<dl class="xref-scale">.*?</dl>', page, re.S).group(0)
    assert [text_of(d) for d in re.findall(r"<dd>(.*?)</dd>", scale)] == list(VERDICTS.values())
    assert f'href="{TEST_REPO_URL}/issues/new"' in page
    assert f'href="{TEST_REPO_URL}/pulls"' in page
    assert "href" not in proposals("")


def test_every_date_a_reader_sees_has_one_style(site: Path) -> None:
    from macros.content.dates import parse_when

    seen = 0
    for path in sorted(site.rglob("*.html")):
        for iso, shown in re.findall(r'<time datetime="([^"/]+)">([^<]*)</time>',
                                     path.read_text("utf-8")):
            human = parse_when(iso).human()
            # The first date of a range within one month shows only its day ("26–27 ...").
            assert shown in (human, str(parse_when(iso).start.day)), (path, iso, shown)
            seen += 1
    assert seen > 50


def test_story_text_has_typographic_quotes(site: Path) -> None:
    for section in SECTIONS:
        page = html(site, f"sections/{section.id}")
        body = re.sub(r"<(code|pre)\b.*?</\1>", " ", "".join(
            re.findall(r'<div class="xref-body">.*?</div>', page, re.S)), flags=re.S)
        assert '"' not in text_of(body) and "'" not in text_of(body), section.id
        assert curly(section.title) in text_of(re.search(r"<h1.*?</h1>", page, re.S).group(0))


# Who's who: a name that is the subject of a reporting verb ("X said", "X estimates") is a
# person or organization quoted or named as an actor, and needs a glossary entry. Outlets
# of the bibliography are sources, not actors; pronouns and sentence openers are skipped.
REPORTING = (r"(?:said|says|told|argued|argues|wrote|writes|estimated|estimates|noted|notes|"
             r"thinks|judged|judge|called|calls|warned|found|finds|valued|values)")
NAME = r"((?:[A-Z][\w’'.-]+ )*?[A-Z][\w’'.-]+)"
OPENERS = {"As", "Yet", "What", "But", "And", "So", "Then", "He", "She", "It", "They", "We",
           "The", "This", "That", "Other"}


def speakers(text: str) -> set[tuple[str, ...]]:
    """Names in ``text`` that say, write or estimate something (with their owner, if any)."""
    text = re.sub(r"\[@[^\]]*\]", "", text)
    found = set()
    for match in re.finditer(NAME + r"\s+" + REPORTING + r"\b", text):
        # "CSIS's Gregory Allen says": either the owner or the one it owns may be the entry.
        names = []
        for part in re.split(r"[’']s ", match.group(1)):
            words = part.split()
            while words and words[0] in OPENERS:
                words = words[1:]
            names.append(" ".join(words))
        if any(names):
            found.add(tuple(n for n in names if n))
    return found


def test_everyone_quoted_or_acting_in_the_story_has_a_whos_who_entry() -> None:
    from macros.content.matcher import normalize

    content = load_content(ROOT / "content", ROOT)
    index = content.index
    known = {normalize(f) for t in index.terms.values() for f in (t.term, *t.aliases)}
    # An outlet as the story names it: "CNA" for "CNA (Channel NewsAsia)", "Register" (after
    # its opener "The") for "The Register".
    outlets = {normalize(re.sub(r"^The |\s*\(.*\)$", "", s.outlet))
               for s in index.sources.values()} | {normalize(s.outlet) for s in index.sources.values()}
    missing = {}
    for section in SECTIONS:
        texts = (section.summary, section.body, *(c.evidence for c in section.claims))
        for names in speakers("\n".join(texts)):
            if not any(normalize(name) in known | outlets for name in names):
                missing.setdefault(" ’s ".join(names), section.id)
    assert missing == {}
    people = {t.id for t in index.terms.values() if t.kind in ("person", "organization")}
    assert all(index.terms[p].sources for p in people)
