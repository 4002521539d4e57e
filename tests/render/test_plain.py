"""Plain text for descriptions, JSON-LD, llms.txt, the exports and the calendar: made by
the Markdown renderer, so no Markdown reaches a reader raw."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.render import plain as plain_mod
from macros.render.plain import plain_text

from ..conftest import real_index


@pytest.mark.parametrize(("markdown", "text"), [
    ("A [link](https://example.org/) and *emphasis* and **strong** and `code`.",
     "A link and emphasis and strong and code."),
    ("Cited once [@src-one], twice [@a; @b, p. 4].", "Cited once, twice."),
    ("The [[gpu|chips]] and the [[gpu]].", "The chips and the gpu."),
    ("Raw <b>markup</b> & AT&T stay text.", "Raw <b>markup</b> & AT&T stay text."),
    ("Two\n\nparagraphs,\nwrapped.", "Two paragraphs, wrapped."),
    ("snake_case_name and 2 * 3 * 4", "snake_case_name and 2 * 3 * 4"),
])
def test_plain_text(markdown: str, text: str) -> None:
    assert plain_text(markdown) == text


def _converted(markdown: str) -> str:
    """plain_text always through Python-Markdown (no shortcut for unmarked text)."""
    original = plain_mod._UNMARKED
    plain_mod._UNMARKED = re.compile(r"(?!)")
    try:
        return plain_mod.plain_text.__wrapped__(markdown)
    finally:
        plain_mod._UNMARKED = original


def test_every_text_of_the_content_reads_the_same_without_the_shortcut() -> None:
    index = real_index()
    texts = [t.body for t in index.terms.values()] + [t.short for t in index.terms.values()]
    texts += [e.description for e in index.events] + [e.title for e in index.events]
    texts += [s.title for s in index.sources.values()]
    assert texts
    taken = [t for t in texts if plain_mod._UNMARKED.fullmatch(t)]
    assert taken, "no text took the shortcut"
    assert [plain_text(t) for t in texts] == [_converted(t) for t in texts]


ALPHABET = st.sampled_from([*"ab Zé1290.,;:!?()'\"-+=>#*_`[]<>&\\|~^{}%$/\n\t\r\xa0\x02\x0c",
                            "  ", "    ", "1. ", "- ", "&amp;", "\n\n", "***", "---"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(ALPHABET, max_size=30).map("".join))
def test_the_shortcut_gives_what_python_markdown_gives(text: str) -> None:
    assert plain_mod.plain_text.__wrapped__(text) == _converted(text)


UNMARKED = st.sampled_from([*"ab Zé1290.,;:!?()'\"-+=%$/\t\xa0", "  ", "    ", "1. ", "- ", "+ ",
                            "2) ", "= ", "> "])


@settings(max_examples=3000, deadline=None)
@given(st.lists(UNMARKED, max_size=30).map("".join))
def test_the_shortcut_on_text_that_mostly_takes_it(text: str) -> None:
    assert plain_mod.plain_text.__wrapped__(text) == _converted(text)
