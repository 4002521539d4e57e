"""Rendered fragments kept between the rebuilds of one ``mkdocs serve``.

A fragment's HTML, and what rendering it adds to its page's state (terms linked, sources
numbered, uses recorded), follow from its text, how it is rendered, the page's state before
it, and the index's terms and source ids. The key holds all of these, so a fragment is taken
from the cache only where rendering it again would give the same result; fragments with a
problem are never kept, so their problems are found again. ``mkdocs build`` never turns the
cache on (see ``macros/glue.py``).

A page's state only grows while its fragments render (a glossary entry takes back the one
term it holds for itself), so the key does not write the whole state out again for every
fragment, which made a page's keys cost the square of its length: a :class:`Trail` keeps a
digest of each prefix of the terms linked and of the citations made so far, and hashes only
what was added since the last key. The citations stand for the numbers and back-links,
which follow from them; their counts are in the key as well.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ...content.index import Index

PageState = Any  # .state's PageState, which imports this module


@dataclass(frozen=True)
class Mark:
    """The sizes of a page's state before a fragment, to find what the fragment added."""

    linked: int
    numbers: int
    backrefs: tuple[tuple[str, int], ...]
    term_uses: int
    cite_uses: int
    problems: int


@dataclass(frozen=True)
class Rendered:
    """A fragment's HTML and what it added to its page's state."""

    html: str
    linked: tuple[tuple[str, str], ...]
    numbers: tuple[tuple[str, int], ...]
    backrefs: tuple[tuple[str, tuple[Any, ...]], ...]
    term_uses: tuple[Any, ...]
    cite_uses: tuple[Any, ...]


def mark(state: PageState) -> Mark:
    """Where ``state`` stands now."""
    return Mark(len(state.linked), len(state.numbers),
                tuple((k, len(v)) for k, v in state.backrefs.items()),
                len(state.term_uses), len(state.cite_uses), len(state.problems))


def added(state: PageState, before: Mark, html: str) -> Rendered | None:
    """What rendering ``html`` added to ``state`` since ``before``; ``None`` after a problem."""
    if len(state.problems) > before.problems:
        return None
    had = dict(before.backrefs)
    return Rendered(html, tuple(state.linked.items())[before.linked:],
                    tuple(state.numbers.items())[before.numbers:],
                    tuple((k, tuple(v[had.get(k, 0):])) for k, v in state.backrefs.items()
                          if len(v) > had.get(k, 0)),
                    tuple(state.term_uses[before.term_uses:]),
                    tuple(state.cite_uses[before.cite_uses:]))


def replay(state: PageState, kept: Rendered) -> str:
    """Add a kept fragment's changes to ``state``; its HTML."""
    state.linked.update(kept.linked)
    state.numbers.update(kept.numbers)
    for key, uses in kept.backrefs:
        state.backrefs.setdefault(key, []).extend(uses)
    state.term_uses.extend(kept.term_uses)
    state.cite_uses.extend(kept.cite_uses)
    return kept.html


class Trail:
    """Digests of every prefix of a sequence that grows, so that the digest of a longer one
    that starts the same way costs only the items added (the prefix is compared, not trusted)."""

    def __init__(self) -> None:
        self.items: tuple[Any, ...] = ()
        self.digests: list[bytes] = [b""]

    def digest(self, items: tuple[Any, ...], part: Callable[[Any], object] = repr) -> bytes:
        """The digest of ``items``, each written out as ``repr(part(item))``."""
        held = len(self.items)
        if items[:held] == self.items:
            keep = held
        elif self.items[:len(items)] == items:
            keep = len(items)
        else:
            keep = 0
        del self.digests[keep + 1:]
        for item in items[keep:]:
            self.digests.append(hashlib.blake2b(self.digests[-1] + repr(part(item)).encode(),
                                                digest_size=20).digest())
        self.items = items
        return self.digests[-1]


def _cited_key(use: tuple[str, Any]) -> str:
    return use[0]


class FragmentCache:
    """Fragments rendered by earlier rebuilds, by key; only those used by the last rebuild
    are kept after :meth:`sweep`."""

    def __init__(self) -> None:
        self.kept: dict[bytes, Rendered] = {}
        self.used: set[bytes] = set()
        self.hits = 0
        self._index: Index | None = None
        self._token = ""
        self._trails: dict[int, tuple[PageState, Trail, Trail]] = {}

    def _index_token(self, index: Index) -> str:
        if index is not self._index:
            terms = [(k, t.term, t.short, t.aliases) for k, t in index.terms.items()]
            # Hashed once per index, not written out again into every fragment's key.
            self._token = hashlib.blake2b(repr((terms, sorted(index.matcher.forms.items()),
                                                index.glossary_url, tuple(index.sources)))
                                          .encode(), digest_size=20).hexdigest()
            self._index = index
        return self._token

    def _state_digests(self, state: PageState) -> tuple[bytes, bytes]:
        held = self._trails.get(id(state))
        if held is None or held[0] is not state:
            held = self._trails[id(state)] = (state, Trail(), Trail())
        return (held[1].digest(tuple(state.linked)),
                held[2].digest(tuple(state.cite_uses), _cited_key))

    def key(self, state: PageState, text: str, inline: bool, autolink: bool) -> bytes:
        """The key of ``text`` rendered now on ``state``'s page."""
        linked, cited = self._state_digests(state)
        parts = (self._index_token(state.index), text, inline, autolink, state.url,
                 state.context, linked, cited, len(state.numbers), len(state.backrefs))
        digest = hashlib.blake2b(repr(parts).encode(), digest_size=20).digest()
        self.used.add(digest)
        return digest

    def sweep(self) -> None:
        """Forget the fragments the last rebuild did not use."""
        self.kept = {k: v for k, v in self.kept.items() if k in self.used}
        self.used = set()
        self._trails = {}


_active: list[FragmentCache] = []


def remember_fragments(cache: FragmentCache | None) -> None:
    """Turn the cache on (``mkdocs serve``) or off (``None``)."""
    _active.clear()
    if cache is not None:
        _active.append(cache)


def active() -> FragmentCache | None:
    """The cache in use, if any."""
    return _active[0] if _active else None


__all__ = ["FragmentCache", "Mark", "Rendered", "Trail", "active", "added", "mark", "remember_fragments",
           "replay"]
