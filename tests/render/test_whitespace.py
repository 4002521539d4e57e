"""The whitespace step gives Python-Markdown's own output on any text, and takes its place
only where Python-Markdown's own step still stands."""

from __future__ import annotations

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.preprocessors import NormalizeWhitespace

from macros.render.rawblocks import RawBlocksExtension
from macros.render.whitespace import PRIORITY, Whitespace, install

# Every character either step treats specially, and a little text.
_TEXT = st.text(alphabet=[" ", "\n", "\r", "\t", "\x02", "\x03", "a", "<", "\u00a0"],
                max_size=60)


@settings(max_examples=800, deadline=None)
@given(st.lists(_TEXT, max_size=6), st.sampled_from([2, 4, 8]))
def test_the_same_lines_as_python_markdowns_step(lines: list[str], tab: int) -> None:
    md = markdown.Markdown(tab_length=tab)
    assert Whitespace(md).run(lines) == NormalizeWhitespace(md).run(lines)


def test_known_cases() -> None:
    md = markdown.Markdown()
    cases = [["a", "   ", "  ", "b  ", "  c"], ["  ", "x"], ["a\r\nb\r", "\t<p>", " \x02 "]]
    for lines in cases:
        assert Whitespace(md).run(lines) == NormalizeWhitespace(md).run(lines)
    assert Whitespace(md).run(["a", "   ", "  ", "b"]) == ["a", "", "", "b", "", ""]


def _order(md: markdown.Markdown) -> list[tuple[str, float]]:
    """The preprocessors' names and priorities, in the order they run."""
    names = [md.preprocessors.get_index_for_name(n) for n in ("normalize_whitespace",)]
    assert names == [0]  # runs first
    return sorted(((i.name, i.priority) for i in md.preprocessors._priority),
                  key=lambda item: -item[1])


def test_it_takes_the_place_and_priority_of_the_stock_step() -> None:
    md = markdown.Markdown(extensions=[RawBlocksExtension()])
    stock = markdown.Markdown()
    assert _order(stock)[0] == _order(md)[0] == ("normalize_whitespace", PRIORITY)
    assert type(md.preprocessors["normalize_whitespace"]) is Whitespace
    assert md.convert("a  \n  \n\tb") == stock.convert("a  \n  \n\tb")


def test_a_step_another_extension_put_there_is_kept() -> None:
    class Own(NormalizeWhitespace):
        pass

    md = markdown.Markdown()
    md.preprocessors.register(Own(md), "normalize_whitespace", PRIORITY)
    install(md)
    assert type(md.preprocessors["normalize_whitespace"]) is Own
