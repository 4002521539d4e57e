"""The whole-text steps give Python-Markdown's own output on any text, and each takes the
place of Python-Markdown's step only where that still stands."""

from __future__ import annotations

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.postprocessors import RawHtmlPostprocessor
from markdown.preprocessors import NormalizeWhitespace

from macros.render.rawblocks import RawBlocksExtension
from macros.render.text_steps import FenceGuard, RawHtml, Whitespace, install

# Every character the whitespace step treats specially, and a little text.
_TEXT = st.text(alphabet=[" ", "\n", "\r", "\t", "\x02", "\x03", "a", "<", "\u00a0"],
                max_size=60)
# Pieces of Markdown with fences, raw HTML (block and inline) and paragraphs.
_PIECES = st.sampled_from([
    "```", "~~~", "```python", "~~~ {.x #y}", "``", "  ```", "text", "`code`", "",
    "<div>", "</div>", "<div><p>x</p></div>", "a <span>b</span> c", "<!-- c -->", "<hr>",
    "<p>para</p>", "&amp;", "* item", "    indented", "{: .k }", "# Head {#h}",
])


@settings(max_examples=800, deadline=None)
@given(st.lists(_TEXT, max_size=6), st.sampled_from([2, 4, 8]))
def test_whitespace_gives_python_markdowns_lines(lines: list[str], tab: int) -> None:
    md = markdown.Markdown(tab_length=tab)
    assert Whitespace(md).run(lines) == NormalizeWhitespace(md).run(lines)


def test_whitespace_known_cases() -> None:
    md = markdown.Markdown()
    for lines in (["a", "   ", "  ", "b  ", "  c"], ["  ", "x"], ["a\r\nb\r", "\t<p>", " \x02 "]):
        assert Whitespace(md).run(lines) == NormalizeWhitespace(md).run(lines)
    assert Whitespace(md).run(["a", "   ", "  ", "b"]) == ["a", "", "", "b", "", ""]


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=10))
def test_fence_guard_gives_the_fenced_steps_lines_and_stash(lines: list[str]) -> None:
    ours = markdown.Markdown(extensions=["fenced_code", "attr_list"])
    stock = markdown.Markdown(extensions=["fenced_code", "attr_list"])
    guard = FenceGuard(ours, ours.preprocessors["fenced_code_block"])
    assert guard.run(list(lines)) == stock.preprocessors["fenced_code_block"].run(list(lines))
    assert ours.htmlStash.rawHtmlBlocks == stock.htmlStash.rawHtmlBlocks


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12))
def test_every_step_together_converts_as_python_markdown(pieces: list[str]) -> None:
    text = "\n".join(pieces)
    names = ["fenced_code", "attr_list", "toc", "tables"]
    md = markdown.Markdown(extensions=names)
    install(md)
    assert md.convert(text) == markdown.Markdown(extensions=names).convert(text)


def test_raw_html_restores_placeholders_inside_stashed_html() -> None:
    outputs = []
    for step in (RawHtml, RawHtmlPostprocessor):
        md = markdown.Markdown()
        inner = md.htmlStash.store("<b>in</b>")
        outer = md.htmlStash.store(f"<div>{inner}</div>")
        span = md.htmlStash.store("<span>x</span>")
        text = f"<p>{outer}</p>\n<p>{span}</p> {inner} \x02wzxhzdk:99\x03"
        outputs.append(step(md).run(text))
    assert outputs[0] == outputs[1] == ("<div><b>in</b></div>\n<p><span>x</span></p> <b>in</b>"
                                        " \x02wzxhzdk:99\x03")


def test_each_step_takes_the_place_and_priority_of_python_markdowns() -> None:
    md = markdown.Markdown(extensions=["fenced_code", RawBlocksExtension()])
    stock = markdown.Markdown(extensions=["fenced_code"])
    for registry, name, kind in (("preprocessors", "normalize_whitespace", Whitespace),
                                 ("preprocessors", "fenced_code_block", FenceGuard),
                                 ("postprocessors", "raw_html", RawHtml)):
        ours, theirs = getattr(md, registry), getattr(stock, registry)
        assert type(ours[name]) is kind
        assert ours.get_index_for_name(name) == theirs.get_index_for_name(name)
        assert [i.priority for i in ours._priority if i.name == name] == \
            [i.priority for i in theirs._priority if i.name == name]
    assert isinstance(md.preprocessors["fenced_code_block"].inner, FencedBlockPreprocessor)


def test_a_step_another_extension_put_there_is_kept() -> None:
    class Own(NormalizeWhitespace):
        pass

    md = markdown.Markdown(extensions=["md_in_html"])
    md.preprocessors.register(Own(md), "normalize_whitespace", 30)
    raw_html = md.postprocessors["raw_html"]
    install(md)
    assert type(md.preprocessors["normalize_whitespace"]) is Own
    assert md.postprocessors["raw_html"] is raw_html  # md_in_html's own
    assert "fenced_code_block" not in md.preprocessors
