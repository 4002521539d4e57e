"""Content Markdown as plain text, for everything that is not a page: descriptions,
JSON-LD, ``llms.txt``, the data exports and the calendar.

The text goes through Python-Markdown, as the pages do, and only the text of the result
is kept: a link keeps its words, emphasis loses its markers, and raw HTML stays text
(``<b>`` shows as ``<b>``), exactly as a reader of the page sees it.  Citations are
dropped and ``[[term|label]]`` keeps its label (``[[term]]`` its key).
"""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser

from markdown import Markdown

from ..content.inline import CITE_RE, TERM_RE
from .xref.inline_steps import install as install_inline_steps


class _Text(HTMLParser):
    """Collects the character data of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _markdown() -> Markdown:
    md = Markdown(extensions=["sane_lists"], output_format="html")
    # As on the pages: raw HTML is text, never markup.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    install_inline_steps(md, ("inline",))
    return md


_MD = _markdown()


# One line that Python-Markdown would give back as one paragraph of the same words: no
# character it reads as markup or as an entity, and no start of a list, heading, quote or
# rule. Such text skips the conversion (tests/render/test_plain.py holds the two equal).
_UNMARKED = re.compile(r"(?![\s\d]*[.)]|\s*[-+=>])"
                       r"[^\n\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f*_`\[\]<>&\\#|~^{}]*")


@functools.lru_cache(maxsize=1 << 16)  # a pure function of its text, asked again each rebuild
def plain_text(markdown: str) -> str:
    """``markdown`` (content syntax included) as one line of plain text."""
    text = CITE_RE.sub("", markdown)
    text = TERM_RE.sub(lambda m: m.group(2) or m.group(1), text)
    if not _UNMARKED.fullmatch(text):
        parser = _Text()
        parser.feed(_MD.reset().convert(text))
        parser.close()
        text = "".join(parser.parts)
    joined = " ".join(text.split())
    return joined.replace(" .", ".").replace(" ,", ",")
