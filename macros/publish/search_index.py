"""How pages reach Material's search index: divided by :func:`.search_sections.sections`,
and under ``mkdocs serve`` not divided again when they have not changed.

:func:`attach` takes the search plugin's index (``plugins['material/search'].search_index``)
and replaces its ``add_entry_from_context`` by one that makes the same entries:

- in every build, the page's HTML is divided by the fast parser, and each section goes to
  the plugin's own ``create_entry_for_section``; HTML the fast parser declines goes to the
  plugin's parser, as before;
- with a :class:`SearchMemory` (serve), a page that the plugin, set up as before, sees
  exactly as before (address, title, front matter, headings and HTML) gets its last entries,
  and of a page that changed only the stretches between headings that changed are read.

The built ``search_index.json`` is byte for byte the plugin's own (tests/publish/
test_search_sections.py). A page whose HTML holds no ``data-search-`` attribute is lent to
the rest of the plugin empty and given back by :func:`give_back` (see ``_lend``).
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field
from typing import Any

from .search_sections import ChunkMemo, sections

Entries = list[dict[str, Any]]


@dataclass
class SearchMemory:
    """Serve only: each page's entries by what the plugin saw of it."""

    kept: dict[bytes, Entries] = field(default_factory=dict)
    used: set[bytes] = field(default_factory=set)  # keys seen by the current build
    reused: int = 0
    chunks: ChunkMemo = field(default_factory=ChunkMemo)  # for the pages that changed

    def sweep(self) -> None:
        """After a build: forget the pages it did not have, so a long session does not grow."""
        self.kept = {key: entries for key, entries in self.kept.items() if key in self.used}
        self.used = set()
        self.chunks.sweep()


def _anchors(toc: Any) -> list[Any]:
    return [a for top in toc for a in (top, *_anchors(top.children))]


def _key(settings: str, page: Any) -> bytes:
    toc = repr([(a.level, a.id, a.title, a.url, len(a.children)) for a in _anchors(page.toc)])
    # The HTML goes to the digest as it is: a repr of half a megabyte costs more than the hash.
    seen = repr((settings, page.url, page.title, page.meta, toc, len(page.content)))
    digest = hashlib.blake2b(seen.encode(), digest_size=20)
    digest.update(page.content.encode())
    return digest.digest()


def add_page(index: Any, page: Any, parse: Any, chunks: ChunkMemo | None = None) -> None:
    """The plugin's ``add_entry_from_context`` with the fast parser (``parse``, the plugin's
    own method, for HTML the fast parser declines), reading again only the ``chunks`` of the
    page it has not read before, if given."""
    search = page.meta.get("search") or {}
    if search.get("exclude"):
        return
    found = sections(page.content, chunks)
    if found is None:
        parse(page)
        return
    for section in found:
        if not section.is_excluded():
            index.create_entry_for_section(section, page.toc, page.url, page)


def attach(index: Any, memory: SearchMemory | None) -> None:
    """Feed ``index`` through :func:`add_page`, remembering entries in ``memory`` if given.
    An index this module does not recognise is left as it is."""
    if not isinstance(getattr(index, "entries", None), list) or \
            not callable(getattr(index, "create_entry_for_section", None)):
        return
    parse, settings = index.add_entry_from_context, repr(getattr(index, "config", None))

    def add_entry_from_context(page: Any) -> None:
        if memory is None:
            add_page(index, page, parse)
        else:
            key = _key(settings, page)
            memory.used.add(key)
            if key in memory.kept:
                memory.reused += 1
                index.entries.extend(copy.deepcopy(memory.kept[key]))
            else:
                before = len(index.entries)
                add_page(index, page, parse, memory.chunks)
                memory.kept[key] = copy.deepcopy(index.entries[before:])
        _lend(page)

    index.add_entry_from_context = add_entry_from_context


# Once a page is indexed, the plugin removes every ``data-search-*`` attribute from its HTML
# with a search tried at every character (19 ms over the real site's pages). A page that has
# none is lent to it empty, and :func:`give_back` returns its HTML, unchanged as the search
# would leave it, when the page's context is complete.
_ATTRIBUTE, _LENT = "data-search-", "explainer_search_lent"


def _lend(page: Any) -> None:
    if isinstance(page.content, str) and page.content and _ATTRIBUTE not in page.content:
        setattr(page, _LENT, page.content)
        page.content = ""


def give_back(page: Any) -> None:
    """Return the HTML lent to the search plugin (the glue calls it after every plugin's
    ``on_page_context``); a page the search did not see, or that someone filled again, is
    left as it is."""
    content = getattr(page, _LENT, None)
    if content is not None:
        delattr(page, _LENT)
        if page.content == "":
            page.content = content
