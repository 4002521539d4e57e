"""A page's search sections, as Material's search plugin divides them, in a quarter of the time.

Material's search plugin (``material/plugins/search/plugin.py``, ``Parser``) feeds each
page's HTML through :class:`html.parser.HTMLParser` and splits it into sections, one per
heading with an id, keeping some tags (paragraphs, lists, code) and skipping others. On the
explainer's long reference pages that parse is most of the search plugin's time, in every
build and in every ``make serve`` rebuild that changes a page.

:func:`sections` does the same work over one regular-expression pass, with the plugin's
handlers (:class:`.search_reader.Reader`). HTML it cannot be sure to read as
:class:`~html.parser.HTMLParser` does (comments, declarations, raw-text elements such as
``script``, a ``<`` that starts no tag) gives ``None``, and the caller uses the plugin's parser.

Under ``make serve`` an edit changes a few sentences of a page, and the rest reads as before.
With a :class:`ChunkMemo`, the stretch from one heading to the next is read once: a heading
with an id (so it starts a section) met with nothing open and nothing skipped starts a chunk,
which ends at the next heading; a chunk that ends the same way is remembered by (a digest of) its text, and
the same text met the same way gives its sections again without being read. The reader's
handlers never reach back past such a heading, so the sections are those of a full read
(``tests/publish/test_search_sections.py`` compares the two, and both with the plugin's
parser, on every page).
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from html import unescape

from .search_reader import HEADINGS, TAG, UNSURE, Element, Reader, Section, attributes

# A heading's start tag, wherever one may be (a stray match inside an attribute value only
# makes a chunk that is never kept).
_HEADING = re.compile(r"<[hH][1-6](?![-.a-zA-Z0-9:_])")
# A chunk's sections (tag, attributes, depth, id, title, text) and which one is current.
Snapshot = tuple[tuple[tuple[str, dict[str, str | None], float, str | None, list[str],
                             list[str]], ...], int]


def chunk_key(text: str) -> bytes:
    """A chunk's key: a digest of its text, so the memo does not hold every page twice."""
    return hashlib.blake2b(text.encode(), digest_size=20).digest()


@dataclass
class ChunkMemo:
    """Serve only: the sections of each chunk read so far, by a digest of its text."""

    kept: dict[bytes, Snapshot] = field(default_factory=dict)
    used: set[bytes] = field(default_factory=set)  # chunks met by the current build
    reused: int = 0

    def sweep(self) -> None:
        """After a build: forget the chunks it did not meet, so a long session does not grow."""
        self.kept = {key: found for key, found in self.kept.items() if key in self.used}
        self.used = set()


class _Chunks:
    """One page's chunks: where they may end, which one is being read, and the memo."""

    def __init__(self, html: str, memo: ChunkMemo) -> None:
        self.html, self.memo = html, memo
        self.cuts = [m.start() for m in _HEADING.finditer(html)] + [len(html)]
        self.open: tuple[int, int, int] | None = None  # start, first section, expected end

    def boundary(self, at: int, reader: Reader) -> int | None:
        """A heading at ``at`` met with ``reader`` clean: keep the chunk that ends here, then
        replay the one that starts here if it is known (returning where it ends)."""
        self.close(at, reader)
        end = self.cuts[bisect_right(self.cuts, at)]
        key = chunk_key(self.html[at:end])
        self.memo.used.add(key)
        kept = self.memo.kept.get(key)
        if kept is None:
            self.open = (at, len(reader.found), end)
            return None
        self.memo.reused += 1
        found, current = kept
        first = len(reader.found)
        for tag, attrs, depth, id_, title, body in found:
            section = Section(Element(tag, dict(attrs)), depth)
            section.id, section.title, section.text = id_, list(title), list(body)
            reader.found.append(section)
        reader.section = reader.found[first + current]
        self.open = None
        return end

    def close(self, at: int, reader: Reader) -> None:
        """The reader, clean, is at ``at``: keep the chunk being read if it ends here."""
        if self.open is None or self.open[2] != at or not reader.clean():
            return
        start, first, _ = self.open
        self.open = None
        found = reader.found[first:]
        current = next((i for i, s in enumerate(found) if s is reader.section), None)
        if current is not None:
            self.memo.kept[chunk_key(self.html[start:at])] = (tuple(
                (s.el.tag, dict(s.el.attrs), s.depth, s.id, list(s.title), list(s.text))
                for s in found), current)


def sections(html: str, memo: ChunkMemo | None = None) -> list[Section] | None:
    """``html`` divided into search sections, or ``None`` if it needs the plugin's parser;
    with ``memo``, chunks read before are not read again."""
    if "<!" in html or "<?" in html or UNSURE.search(html):
        return None
    reader = Reader()
    on_data, on_start, on_end = reader.data, reader.start, reader.end
    chunks = _Chunks(html, memo) if memo is not None else None
    end = 0
    while True:
        for match in TAG.finditer(html, end):
            at = match.start()
            if at > end:
                text = html[end:at]
                if "<" in text:
                    return None
                on_data(unescape(text) if "&" in text else text)
            end = match.end()
            closing, tag, attrs, slash = match.group(1, 2, 3, 4)
            tag = tag.lower()
            if closing:
                if attrs or slash:
                    return None
                on_end(tag)
                continue
            if chunks is not None and tag in HEADINGS and reader.clean() and \
                    "id" in attributes(match.group(0)):  # a heading that starts a section
                resume = chunks.boundary(at, reader)
                if resume is not None:
                    end = resume
                    break
            on_start(tag, match.group(0), attrs)
            if slash:
                on_end(tag)
        else:
            break
    rest = html[end:]
    if "<" in rest:
        return None
    if rest:
        reader.data(unescape(rest))
    if chunks is not None:
        chunks.close(len(html), reader)
    return reader.found
