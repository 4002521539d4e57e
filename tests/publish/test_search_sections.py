"""The fast search parser divides pages exactly as Material's search plugin does.

Each case runs both parsers on the same HTML and compares every section (heading, depth,
id, title and text, exclusion); HTML the fast parser must not read is declined. The built
``search_index.json`` is compared with one built by the plugin's own parser.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search.plugin import Parser

from macros.publish.search_index import SearchMemory, attach, give_back
from macros.publish.search_sections import ChunkMemo, chunk_key, sections

from ..conftest import ROOT, TEST_REPO_URL

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.S)


def _material(html: str) -> list[tuple[object, ...]]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return _shape(parser.data)


def _shape(found: list) -> list[tuple[object, ...]]:
    return [(s.el.tag, s.depth, s.id, list(s.title), list(s.text), s.is_excluded())
            for s in found]


def _fast(html: str) -> list[tuple[object, ...]]:
    found = sections(html)
    assert found is not None, "the fast parser declined HTML it should read"
    return _shape(found)


QUIRKS = {
    "preface and headings": '<p>Before</p><h1 id="t">Title</h1><p>One</p>'
                            '<h2 id="a">A <a class="headerlink" href="#a">¶</a></h2><p>Two</p>',
    "first heading not h1": '<h2 id="a">A</h2><p>x</p><h3>no id</h3><p>y</p>',
    "heading nested in a div": '<h2 id="a">A</h2><div><h3 id="b">B</h3><p>in</p></div><p>out</p>',
    "excluded block": '<h2 id="a">A</h2><div data-search-exclude><div><p>hidden</p></div>'
                      '<p>still hidden?</p></div><p>shown</p>',
    "excluded heading": '<h2 id="a" data-search-exclude>A</h2><p>x</p><h2 id="b">B</h2>',
    "line numbers": '<div class="linenodiv"><pre>1\n2</pre></div><pre><code>a\n  b\n</code></pre>',
    "entities": '<h2 id="a&amp;b">A &amp; B</h2><p>1 &lt; 2 &gt; 0 &quot;q&quot; &#x27;s&#39; &amp</p>',
    "case and self-closing tags": '<H2 ID="a">A</H2><P>x<br/>y<BR>z<span/>w</P><img src=a.png>',
    "empty and nested elements": '<p> </p><ul>\n<li><p>a</p></li><li> </li>\n</ul><p><sub></sub></p>',
    "whitespace runs": '<p>a\nb</p>\n\n<p>  </p>\n<pre>  x\n\n</pre>\n',
    "whitespace kept in pre": '<p>a<b> </b><i>  </i></p><pre>a<b> </b><i>  </i>\n</pre>',
    "unquoted attributes": "<h2 id=a class=x>A</h2><p data-x='1>2'>q</p>",
    "stray end tags": '<p>a</div></p></span><h2 id="a">A</h2>text',
    "svg": '<svg role="img"><title id="t">Chart</title><path d="M0 0"/><text>label</text></svg>',
}


@pytest.mark.parametrize("html", QUIRKS.values(), ids=QUIRKS.keys())
def test_sections_match_material(html: str) -> None:
    assert _fast(html) == _material(html)


@pytest.mark.parametrize("html", ["<p>a</p><!-- note -->", "<script>if (a<b) {}</script>",
                                  "<p>a < b</p>", "<p>a</ p>", "<!DOCTYPE html><p>a</p>",
                                  "<p>a</p><?php ?>", '<p class="a>b</p>'])
def test_html_it_cannot_be_sure_of_is_declined(html: str) -> None:
    assert sections(html) is None


def test_every_page_of_the_site_matches_material(site: Path) -> None:
    pages = sorted(site.rglob("index.html"))
    assert pages
    for page in pages:
        match = ARTICLE.search(page.read_text("utf-8"))
        if match:
            assert _fast(match.group(1)) == _material(match.group(1)), page


def _remembered(html: str, memo: ChunkMemo) -> list[tuple[object, ...]]:
    found = sections(html, memo)
    assert found is not None
    return _shape(found)


def test_chunks_read_before_give_the_same_sections_on_every_page(site: Path) -> None:
    """Each page read with a memo, then again (every chunk remembered), then edited in one
    word per chunk in turn, each time with the memo of the pages before."""
    memo = ChunkMemo()
    for page in sorted(site.rglob("index.html")):
        match = ARTICLE.search(page.read_text("utf-8"))
        if not match:
            continue
        html = match.group(1)
        expected = _fast(html)
        assert _remembered(html, memo) == expected, page
        reused = memo.reused
        assert _remembered(html, memo) == expected, page
        headings = [m.start() for m in re.finditer(r"<h[1-6]", html)]
        assert memo.reused > reused or len(headings) < 2, page
        for at in headings[:40]:
            word = re.compile(r">([A-Za-z]{3,})").search(html, at)
            if word:
                edited = f"{html[:word.start(1)]}Edited{html[word.end(1):]}"
                assert _remembered(edited, memo) == _fast(edited), (page, at)


PIECES = [*QUIRKS.values(), '<h2 id="x">X</h2>', '<h3 id="y">Y</h3>', "<h2>no id</h2>",
          '<div><h2 id="d">D</h2>', "</div>", '<div data-search-exclude>', "<p>text</p>",
          '<h2 id="z" data-search-exclude>Z</h2>', "<pre>a\n b</pre>", "tail &amp; text",
          '<section><h4 id="n">N</h4><p>in</p></section>', "<li>item"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12),
       st.lists(st.tuples(st.integers(0, 11), st.sampled_from(PIECES)), max_size=3))
def test_chunks_give_what_a_full_read_gives(pieces: list[str],
                                           edits: list[tuple[int, str]]) -> None:
    memo = ChunkMemo()
    first = "".join(pieces)
    assert sections(first, memo) is None or _remembered(first, memo) == _fast(first)
    for at, piece in edits:
        pieces = [*pieces[:at], piece, *pieces[at + 1:]]
    second = "".join(pieces)
    plain = sections(second)
    remembered = sections(second, memo)
    assert (remembered is None) == (plain is None)
    if plain is not None and remembered is not None:
        assert _shape(remembered) == _shape(plain)


def test_the_memo_forgets_what_a_build_did_not_meet() -> None:
    memo = ChunkMemo()
    sections('<h1 id="t">T</h1><h2 id="a">A</h2><p>a</p><h2 id="b">B</h2><p>b</p>', memo)
    # The first section has nothing before it to be clean after: it is always read.
    a, b = '<h2 id="a">A</h2><p>a</p>', '<h2 id="b">B</h2><p>b</p>'
    assert set(memo.kept) == {chunk_key(a), chunk_key(b)}
    memo.sweep()
    changed = '<h2 id="b">B</h2><p>changed</p>'
    sections(f'<h1 id="t">T</h1>{a}{changed}', memo)
    assert memo.reused == 1
    memo.sweep()
    assert set(memo.kept) == {chunk_key(a), chunk_key(changed)}


class _Index:
    """Material's SearchIndex, as far as :func:`attach` uses it."""

    def __init__(self) -> None:
        self.config: dict[str, object] = {}
        self.entries: list[dict[str, object]] = []
        self.parsed: list[str] = []

    def add_entry_from_context(self, page: SimpleNamespace) -> None:
        self.parsed.append(page.url)
        self.entries.append({"location": page.url, "title": "parsed", "text": ""})

    def create_entry_for_section(self, section, toc, url, page) -> None:
        self.entries.append({"location": f"{url}#{section.id}", "title": "".join(section.title),
                             "text": "".join(section.text)})


def _page(url: str, content: str, **meta: object) -> SimpleNamespace:
    return SimpleNamespace(url=url, title=url, meta=meta, toc=[], content=content)


def test_attach_reads_fast_declines_to_the_plugin_and_skips_excluded_pages() -> None:
    index = _Index()
    attach(index, None)
    index.add_entry_from_context(_page("a/", '<p>x</p><h2 id="s">S</h2><p>y</p>'))
    index.add_entry_from_context(_page("b/", "<p>x</p><!-- c -->"))
    index.add_entry_from_context(_page("c/", "<p>x</p>", search={"exclude": True}))
    assert index.parsed == ["b/"]
    assert [e["location"] for e in index.entries] == ["a/#None", "a/#s", "b/"]


def test_memory_gives_an_unchanged_page_its_entries_again() -> None:
    memory = SearchMemory()
    first, second = _Index(), _Index()
    attach(first, memory)
    first.add_entry_from_context(_page("a/", '<h2 id="s">S</h2><p>y</p>'))
    memory.sweep()
    attach(second, memory)
    second.add_entry_from_context(_page("a/", '<h2 id="s">S</h2><p>y</p>'))
    second.add_entry_from_context(_page("a/", '<h2 id="s">S</h2><p>changed</p>'))
    assert memory.reused == 1
    assert second.entries[0] == first.entries[0] and second.entries[0] is not first.entries[0]
    assert second.entries[-1]["text"] == "<p>changed</p>"
    memory.sweep()
    assert len(memory.kept) == 2


PLUGIN_PARSER_BUILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
from macros import glue
glue.attach = lambda index, memory: None  # the search plugin's own parser throughout
config = load_config(config_file=sys.argv[1], site_dir=sys.argv[2])
config.plugins.on_startup(command="build", dirty=False)
build(config)
"""


def test_search_index_is_the_plugins_own(site: Path, tmp_path: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", REPO_URL=TEST_REPO_URL,
               SOURCE_DATE_EPOCH="1737331200")
    result = subprocess.run([sys.executable, "-c", PLUGIN_PARSER_BUILD, str(ROOT / "mkdocs.yml"),
                             str(tmp_path)], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    ours = (site / "search" / "search_index.json").read_bytes()
    assert ours == (tmp_path / "search" / "search_index.json").read_bytes()
    # Pages lent to the plugin empty come back as the plugin's own search leaves them.
    pages = sorted(p.relative_to(site) for p in site.rglob("*.html"))
    assert pages == sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.html"))
    for page in pages:
        assert (site / page).read_bytes() == (tmp_path / page).read_bytes(), page


def test_a_page_is_lent_to_the_plugin_empty_only_without_search_attributes() -> None:
    index = _Index()
    attach(index, None)
    plain = _page("a/", '<h2 id="s">S</h2><p>y</p>')
    marked = _page("b/", '<h2 id="s" data-search-exclude="">S</h2>')
    for page in (plain, marked):
        index.add_entry_from_context(page)
    assert (plain.content, marked.content) == ("", '<h2 id="s" data-search-exclude="">S</h2>')
    give_back(plain)
    give_back(marked)
    assert plain.content == '<h2 id="s">S</h2><p>y</p>'
    assert marked.content == '<h2 id="s" data-search-exclude="">S</h2>'
    give_back(plain)  # given back once only
    assert plain.content == '<h2 id="s">S</h2><p>y</p>'


def test_html_another_plugin_put_in_the_lent_page_is_kept() -> None:
    index = _Index()
    attach(index, SearchMemory())
    page = _page("a/", "<p>x</p>")
    index.add_entry_from_context(page)
    assert page.content == ""
    page.content = "<p>theirs</p>"
    give_back(page)
    assert page.content == "<p>theirs</p>"
