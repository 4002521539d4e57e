"""Small text helpers for the story's own headings: anchors and typographic quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown.extensions.toc import slugify

# Anchors the page builders give their own parts; a story heading never takes one.
RESERVED = frozenset({"top", "in-30-seconds", "key-dates", "key-figures", "claims",
                      "key-takeaways", "related", "references", "cite-this-page"})
_DOUBLE_OPEN = re.compile(r'(^|[\s(\[{\u2013\u2014/-])"')
_SINGLE_OPEN = re.compile(r"(^|[\s(\[{\u2013\u2014/-])'")


def curly(text: str) -> str:
    """``text`` with straight quotes made typographic: “double”, ‘single’ and it’s."""
    text = _DOUBLE_OPEN.sub("\\1\u201c", text).replace('"', "\u201d")
    return _SINGLE_OPEN.sub("\\1\u2018", text).replace("'", "\u2019")


@dataclass
class StoryAnchors:
    """Unique anchors for the headings of one page, from their text."""

    taken: set[str] = field(default_factory=lambda: set(RESERVED))

    def anchor(self, heading: str) -> str:
        """``Where "$5.6 million" comes from`` -> ``where-56-million-comes-from``."""
        base = slugify(curly(heading), "-") or "part"
        if not base[0].isalpha():
            base = "part-" + base
        ident, number = base, 1
        while ident in self.taken:
            number += 1
            ident = f"{base}-{number}"
        self.taken.add(ident)
        return ident
