"""Plain text for descriptions, JSON-LD, llms.txt, the exports and the calendar: made by
the Markdown renderer, so no Markdown reaches a reader raw."""

from __future__ import annotations

import pytest

from macros.render.plain import plain_text


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
