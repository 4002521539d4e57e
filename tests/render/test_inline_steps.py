"""The inline step that skips patterns a text cannot match changes nothing: each pattern
needs what the table says, every pattern in use is in the table, and the pages, plain
text and random Markdown come out exactly as Python-Markdown's own step makes them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown import Extension, Markdown
from markdown.extensions.smarty import SmartyExtension
from markdown.inlinepatterns import SimpleTagInlineProcessor
from markdown.treeprocessors import InlineProcessor

from macros.render import plain as plain_mod
from macros.render.rawblocks import RawBlocksExtension
from macros.render.site import build_site
from macros.render.xref import inline_steps
from macros.render.xref.inline_steps import (
    NEEDS,
    FilteredInline,
    InlineStepsExtension,
    install,
    needs,
)
from macros.render.xref.state import PageState, markdown_for

from ..conftest import ROOT, real_index
from .test_rawblocks import _extensions

GENERATOR = ROOT / "tests" / "fixtures" / "generator"

# Every character some pattern needs, the characters around them in its expression, and
# ordinary text, so that random strings often match and often only nearly match.
ALPHABET = st.sampled_from([
    *"ab Zé19.,;:!?()'\"-@/#*_`[]<>&\\|~^{}%$\n\t\xa0\u2014\u2013",
    "  \n", "[[", "]]", "[@", "![", "://", "http", "mailto:", "&amp;", "&#8212;", "&nbsp;",
    "--", "'s", "'90s", "\"'", "'\"", "\n\n", "a@b.c", "<a>", "\x02klzzwxh:0001\x03",
])
TEXT = st.lists(ALPHABET, max_size=40).map("".join)


def _smarty() -> SmartyExtension:
    return SmartyExtension(smart_quotes=True, smart_dashes=False, smart_ellipses=False,
                           smart_angled_quotes=False)


def _pages_patterns() -> list[Any]:
    """The inline patterns a page's Markdown tries, in order (inline step, then smarty's)."""
    md = markdown_for(PageState(real_index(), ""))
    md.reset().convert("x")
    return [p for step in ("inline", "smarty") for p in md.treeprocessors[step].inlinePatterns]


def _page_markdown(root: Path) -> Markdown:
    """Python-Markdown as MkDocs sets it up for a page of ``root`` (our two extensions last)."""
    names, configs = _extensions(root)
    return Markdown(extensions=[*names, RawBlocksExtension(), InlineStepsExtension()],
                    extension_configs=configs)


def test_every_pattern_in_use_is_in_the_table() -> None:
    """A Python-Markdown upgrade that changes a pattern makes this fail: the changed pattern
    is then tried on every text (correct, slower) until its entry is checked and updated."""
    plain_mod._MD.reset().convert("x")
    page = _page_markdown(ROOT)
    page.convert("x")
    used = [*_pages_patterns(), *plain_mod._MD.treeprocessors["inline"].inlinePatterns,
            *page.treeprocessors["inline"].inlinePatterns]
    assert len(used) > 40
    assert [p.compiled_re.pattern for p in used if needs(p) is None] == []


@pytest.mark.parametrize("root", [ROOT, GENERATOR], ids=["real", "generator"])
def test_mkdocs_renders_every_page_the_same_with_it(root: Path) -> None:
    names, configs = _extensions(root)
    site = build_site(root, "http://127.0.0.1:8000/", "Site", "")
    differ = []
    for key, text in site.pages.items():
        stock = Markdown(extensions=[*names, RawBlocksExtension()], extension_configs=configs)
        filtered = _page_markdown(root)
        assert type(filtered.treeprocessors["inline"]) is FilteredInline
        if filtered.convert(text) != stock.convert(text) or filtered.toc != stock.toc:
            differ.append(key)
    assert differ == []


def test_patterns_added_after_it_are_tried() -> None:
    """It takes its patterns when it first runs, so an extension listed after it counts,
    and a pattern it does not know is always tried."""

    class Strike(Extension):
        def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
            md.inlinePatterns.register(SimpleTagInlineProcessor(r"(~~)(.+?)~~", "del"),
                                       "strike", 40)

    md = Markdown(extensions=[InlineStepsExtension(), Strike()])
    assert md.convert("a ~~b~~ *c*") == "<p>a <del>b</del> <em>c</em></p>"
    step = md.treeprocessors["inline"]
    assert type(step) is FilteredInline
    strike = [p for p in step.inlinePatterns if isinstance(p, SimpleTagInlineProcessor)
              and p.tag == "del"]
    assert len(strike) == 1 and needs(strike[0]) is None


def test_both_inline_steps_of_a_page_are_filtered() -> None:
    md = markdown_for(PageState(real_index(), ""))
    md.reset().convert("x")
    steps = [md.treeprocessors[name] for name in ("inline", "smarty")]
    assert [type(step) for step in steps] == [FilteredInline, FilteredInline]
    names = [item.name for item in md.treeprocessors._priority]
    assert names.index("inline") < names.index("smarty")


@pytest.mark.parametrize("expression", sorted(NEEDS))
@settings(max_examples=400, deadline=None)
@given(text=TEXT)
def test_a_match_contains_what_the_table_says(expression: str, text: str) -> None:
    compiled = re.compile(expression, re.UNICODE | re.DOTALL)
    if compiled.search(text):
        assert any(need in text for need in NEEDS[expression]), (expression, text)


def test_the_table_is_not_empty_handed() -> None:
    """Each entry's needs are met by some text its pattern matches (a typo in an expression
    key would otherwise leave an entry that nothing uses)."""
    samples = {"`": "a `b` c", "\\": "a \\* b", "[[": "[[gpu]]", "[@": "[@src]", "[": "[a](b)",
               "![": "![a](b)", "://": "<https://x.org>", "@": "<a@b.org>", "  \n": "a  \nb",
               "&": "&amp;", "*": "*a*", "<": "<b>a</b>", "\"'": "\"'a", "'\"": "'\"a",
               "'": "a'b", '"': 'a"b'}
    for expression, wanted in NEEDS.items():
        compiled = re.compile(expression, re.UNICODE | re.DOTALL)
        texts = [samples.get(w, "") for w in wanted]
        texts += [f"{before}{w}{after}" for w in wanted for before in ("", "a", " ")
                  for after in ("", "a", " ", "90s", "!")]
        assert any(compiled.search(t) for t in texts), expression


def _pair() -> tuple[Markdown, Markdown]:
    """Python-Markdown as the pages use it (smarty's quotes), stock and filtered."""
    stock = Markdown(extensions=["sane_lists", _smarty()], output_format="html")
    filtered = Markdown(extensions=["sane_lists", _smarty()], output_format="html")
    install(filtered)
    return stock, filtered


STOCK, FILTERED = _pair()


def _shape(pattern: Any) -> tuple[str, str]:
    return type(pattern).__name__, pattern.compiled_re.pattern


def test_install_replaces_both_steps_in_place() -> None:
    stock_order = [item.name for item in STOCK.treeprocessors._priority]
    assert [item.name for item in FILTERED.treeprocessors._priority] == stock_order
    FILTERED.reset().convert("x")
    for name in ("inline", "smarty"):
        assert type(STOCK.treeprocessors[name]) is InlineProcessor
        assert type(FILTERED.treeprocessors[name]) is FilteredInline
        assert [_shape(p) for p in FILTERED.treeprocessors[name].inlinePatterns] == \
            [_shape(p) for p in STOCK.treeprocessors[name].inlinePatterns]


@settings(max_examples=2000, deadline=None)
@given(TEXT)
def test_random_markdown_comes_out_as_python_markdown_makes_it(text: str) -> None:
    assert FILTERED.reset().convert(text) == STOCK.reset().convert(text)


@pytest.mark.parametrize("root", [ROOT, GENERATOR], ids=["real", "generator"])
def test_every_page_renders_the_same_as_with_every_pattern_tried(
        root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    filtered = build_site(root, "http://127.0.0.1:8000/", "Site", "")
    monkeypatch.setattr(inline_steps, "NEEDS", {})
    tried = build_site(root, "http://127.0.0.1:8000/", "Site", "")
    assert list(filtered.pages) == list(tried.pages)
    differ = [key for key in filtered.pages if filtered.pages[key] != tried.pages[key]]
    assert differ == []


@settings(max_examples=1000, deadline=None)
@given(TEXT)
def test_plain_text_markdown_comes_out_as_python_markdown_makes_it(text: str) -> None:
    stock = Markdown(extensions=["sane_lists"], output_format="html")
    stock.preprocessors.deregister("html_block")
    stock.inlinePatterns.deregister("html")
    assert plain_mod._MD.reset().convert(text) == stock.convert(text)
