"""A second explainer, on another topic, built by the same engine and theme.

``tests/fixtures/generator/`` has its own ``mkdocs.yml`` and ``content/`` (notes about this
generator). It must build cleanly, and nothing of the first site's topic may appear in
anything it publishes: pages, data files, feed, calendar, ``llms.txt``, search index,
social-card text. The topic words are read from the first site's content and config.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from .conftest import ROOT, SITE_NAME, copy_project, real_index, run_build, site_config
from .sitecrawl import read_page

FIXTURE = Path(__file__).parent / "fixtures" / "generator"
# Material's own bundles are the theme's code, not the site's output.
THEME_ASSETS = ("assets/javascripts/", "assets/stylesheets/", "assets/images/")
TEXT_SUFFIXES = {".html", ".json", ".xml", ".txt", ".ics", ".bib", ".js", ".css"}


def topic_words() -> set[str]:
    """The first site's name, and every glossary term and alias of its content."""
    words = {SITE_NAME}
    for term in real_index().terms.values():
        words |= {term.term, *term.aliases}
    return words


def _pattern(word: str) -> re.Pattern[str]:
    # Short forms ("R2", "US") only as written; longer ones in any case. A word followed by
    # ".txt" is a file name ("llms.txt"), not the word.
    flags = 0 if len(word) < 4 else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-]|\.\w)", flags)


def leaks(text: str, words: set[str]) -> list[str]:
    """The topic words found in ``text``, outside HTML comments (the icons' licence notes)."""
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    return sorted(w for w in words if _pattern(w).search(text))


@pytest.fixture(scope="module")
def second(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture explainer, built with ``--strict`` by this project's engine and theme."""
    work = tmp_path_factory.mktemp("second")
    project = copy_project(work / "project")
    shutil.rmtree(project / "content")
    shutil.copytree(FIXTURE / "content", project / "content")
    shutil.copy2(FIXTURE / "mkdocs.yml", project / "mkdocs.yml")
    out = work / "site"
    result = run_build(project, out, SOURCE_DATE_EPOCH="1795881196")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


def outputs(site: Path) -> dict[str, str]:
    """Every text file the build wrote, except the theme's own bundles."""
    found = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and path.suffix in TEXT_SUFFIXES and not rel.startswith(THEME_ASSETS):
            found[rel] = path.read_text("utf-8")
    return found


def test_the_matcher_finds_a_planted_topic_word() -> None:
    words = topic_words()
    word = max(words, key=len)
    assert leaks(f"Some text about {word.upper()}.", words) == [word]
    assert leaks("Nothing to see here.", {"see"}) == ["see"]
    assert leaks("foreseen, see.txt, <!-- see -->", {"see"}) == []


def test_second_site_builds_every_kind_of_output(second: Path) -> None:
    files = outputs(second)
    for expected in ("index.html", "glossary/index.html", "timeline/index.html",
                     "sources/index.html", "whos-who/index.html", "reuse/index.html",
                     "feed.xml", "llms.txt", "data/glossary.json", "data/timeline.ics",
                     "data/sources.bib", "search/search_index.json"):
        assert expected in files, expected
    for section in (FIXTURE / "content" / "sections").glob("*.yml"):
        assert f"sections/{section.stem}/index.html" in files
    assert list((second / "assets" / "cards").glob("*.png"))


def test_nothing_of_the_first_topic_reaches_the_second_site(second: Path) -> None:
    words = topic_words()
    found = {path: hits for path, text in outputs(second).items() if (hits := leaks(text, words))}
    assert found == {}


def test_social_card_text_and_identifiers_come_from_the_second_config(second: Path) -> None:
    name = site_config(FIXTURE)["site_name"]
    assert name != site_config(ROOT)["site_name"]
    meta = {str(a.get("property") or a.get("name")): str(a.get("content"))
            for tag, a in read_page(second / "index.html").tags if tag == "meta"}
    assert meta["og:site_name"] == name
    assert meta["og:image:alt"].startswith(name)
    ics = (second / "data" / "timeline.ics").read_text("utf-8")
    assert re.search(r"^X-WR-CALNAME:Explainer engine notes: timeline\r?$", ics, re.M)
    uids = re.findall(r"^UID:(\S+)", ics, re.M)
    assert uids and all(uid.endswith("@explainer-engine-notes") for uid in uids)
    feed = (second / "feed.xml").read_text("utf-8")
    assert f"<title>{name}</title>" in feed
