"""Site.pages keeps each page's Markdown as UTF-8 and gives back exactly the text it got."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from macros.render.site import PageTexts

# Any text a page may hold: Python-Markdown's markers, typographic quotes, emoji; no lone
# surrogates, which no UTF-8 content file can produce.
TEXT = st.text(st.characters(exclude_categories=("Cs",)))


@given(pages=st.dictionaries(st.text(min_size=1, max_size=8), TEXT, max_size=6))
def test_pages_read_back_as_written_in_order(pages: dict[str, str]) -> None:
    texts = PageTexts()
    for key, markdown in pages.items():
        texts[key] = markdown
    assert list(texts) == list(pages) and len(texts) == len(pages)
    assert texts == pages and {k: texts[k] for k in texts} == pages


def test_a_page_handed_over_is_gone() -> None:
    texts = PageTexts()
    texts["glossary"] = "# Glossary \ue000x\ue000 “quoted” — 🙂"
    assert texts.pop("glossary") == "# Glossary \ue000x\ue000 “quoted” — 🙂"
    assert "glossary" not in texts and len(texts) == 0
