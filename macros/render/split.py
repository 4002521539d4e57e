"""Reference pages too big for one page split into pages; old links ``/glossary/#id`` still land.

Every page must stay within 150 KB gzipped, HTML, CSS and JavaScript together (see
``tests/budget.py``).  Material's stylesheet and script take about 73 KB of that, and the
navigation and page chrome grow with the number of sections, so the page's own content may
take at most ``SPLIT_AT`` gzipped bytes of Markdown.  Past it, a reference page becomes:

- one page per group: the glossary by letter (``glossary/g/``), the timeline by year
  (``timeline-2025/``), the sources by the first letter of their titles (``sources-r/``);
  a group too big for one page in numbered parts (``glossary/g-2/``); each page with its
  entries, back-links and references, as on the single page;
- who's who by kind (``whos-who-people/``), in numbered parts past the size;
- the index at the old address (``glossary/``): under each group's heading (the single
  page's anchors, ``#letter-g``, ``#year-2025``), a link to each of its pages followed by an
  empty element with the id of every entry on it, so that an old link ``/glossary/#gpu``
  lands on the link to the right page without JavaScript, and ``docs/assets/xref.js`` follows it,
  to the entry, at once.

This module finds the split and writes the index; :mod:`.split_pages` renders the pages of
each kind.  The real site's pages fit and are rendered exactly as before.
"""

from __future__ import annotations

import hashlib
import math
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

from ..content.index import Index
from .common import PageBuilder, attr, md_text
from .xref.state import PageState, relative_url

BUDGET_GZIP = 150 * 1024
THEME_ALLOWANCE = 90 * 1024  # Material's CSS and JS (73 KB) and the navigation
SPLIT_AT = BUDGET_GZIP - THEME_ALLOWANCE
TEXT_TO_PAGE = 2.5  # a page's gzipped size for each gzipped byte of its entries' text


# Sizes already measured, by digest: a serve rebuild finds most reference pages unchanged
# (a digest costs a fifteenth of the compression).
_SIZES: dict[bytes, int] = {}
_SLICE = 1 << 16  # characters encoded at a time: no thread holds a whole page's bytes

# zlib lets go of the interpreter while it compresses, so a page is measured on another core
# while the next one is rendered (compression was a fifth of rendering at 100x). Two
# threads: when the pages are finished faster than they compress, both cores compress.
_COMPRESSOR = ThreadPoolExecutor(max_workers=2, thread_name_prefix="split-size")


def _slices(markdown: str) -> Iterator[bytes]:
    for start in range(0, len(markdown), _SLICE):
        yield markdown[start:start + _SLICE].encode("utf-8")


def compressed_size(markdown: str) -> int:
    """Bytes of ``markdown`` gzip-compressed (level 6, as web servers send it), measured a
    slice at a time: the same bytes as compressing it whole."""
    packer = zlib.compressobj(6, zlib.DEFLATED, 31)  # 31: a gzip header and trailer
    return sum(len(packer.compress(piece)) for piece in _slices(markdown)) + len(packer.flush())


def gzipped(markdown: str) -> int:
    """Bytes of ``markdown`` gzip-compressed, as a server sends it (remembered)."""
    digest = hashlib.blake2b(digest_size=16)
    for piece in _slices(markdown):
        digest.update(piece)
    key = digest.digest()
    size = _SIZES.get(key)
    if size is None:
        if len(_SIZES) >= 1024:
            _SIZES.clear()
        size = _SIZES[key] = compressed_size(markdown)
    return size


def gzipped_later(markdown: str) -> Future[int]:
    """:func:`gzipped`, measured in the background; ``.result()`` waits for it."""
    return _COMPRESSOR.submit(lambda: gzipped(markdown))


@dataclass(frozen=True)
class Part:
    """One page of a split reference page: its key, address, title, group label and items."""

    key: str
    url: str
    title: str
    letter: str
    terms: tuple[Any, ...]


Rendered = tuple[str, PageState]
Body = Callable[[Part], Rendered]  # a page's own content, the same whatever the other pages
Finish = Callable[[Rendered, Part, list[Part], dict[str, str]], Rendered]
Split = list[tuple[Part, Rendered]]  # a split page: the head page first, then its parts


def plan(head: Part, groups: dict[str, list[Any]], counts: dict[str, int],
         nested: bool = True) -> list[Part]:
    """A page per group, a group in ``counts[label]`` numbered parts; items keep their order.

    Pages sit under the head page (``glossary/g/``) or, when not ``nested``, beside it
    (``timeline-2025/``: the same depth, so relative links stay the same).
    """
    parts = []
    for label, group in groups.items():
        count = max(1, min(counts[label], len(group)))
        bounds = [len(group) * n // count for n in range(count + 1)]  # sizes differ by one at most
        slug = "other" if label == "#" else label.lower()
        for n in range(count):
            suffix = f"-{n + 1}" if n else ""
            url = f"{head.url}{slug}{suffix}/" if nested else f"{head.url.rstrip('/')}-{slug}{suffix}/"
            title = f"{head.title}: {label}" + (f" ({n + 1} of {count})" if count > 1 else "")
            parts.append(Part(f"{head.key}:{slug}{suffix}", url, title, label,
                              tuple(group[bounds[n]:bounds[n + 1]])))
    return parts


class _Bodies:
    """Each page's body rendered once while the split is looked for: a group that is split
    again renders its new pages, the others keep theirs.  A body is known by its address and
    entries; its title ("A (1 of 3)") reaches only its heading, which :func:`moved` writes."""

    def __init__(self, body: Body, weight: float) -> None:
        self.body = body
        self.weight = weight
        self.made: dict[tuple[str, ...], tuple[Rendered, Future[int]]] = {}

    @staticmethod
    def _key(part: Part) -> tuple[str, ...]:
        return (part.url, *(x.id for x in part.terms))

    def _made(self, part: Part) -> tuple[Rendered, Future[int]]:
        key = self._key(part)
        if key not in self.made:
            rendered = self.body(part)
            self.made[key] = rendered, gzipped_later(rendered[0])
        return self.made[key]

    def get(self, part: Part) -> Rendered:
        """The body of ``part`` (its size is measured meanwhile)."""
        return self._made(part)[0]

    def size(self, part: Part) -> int:
        """The gzipped size of the body of ``part``, weighted."""
        return int(self._made(part)[1].result() * self.weight)

    def keep(self, parts: list[Part]) -> None:
        """Forget the bodies of pages no longer in the plan."""
        wanted = {self._key(p) for p in parts}
        self.made = {k: v for k, v in self.made.items() if k in wanted}


def _fit_group(head: Part, label: str, group: list[Any], counts: dict[str, int],
               bodies: _Bodies, nested: bool) -> int:
    """Split ``group`` into more pages while one is over ``SPLIT_AT``; its pages' total size."""
    for _ in range(4):
        parts = plan(head, {label: group}, counts, nested)
        for part in parts:  # every page rendered before the first size is waited for
            bodies.get(part)
        sizes = [bodies.size(p) for p in parts]
        worst = max((s for s, p in zip(sizes, parts, strict=True) if len(p.terms) > 1), default=0)
        if worst <= SPLIT_AT:
            break
        counts[label] = max(counts[label] + 1, math.ceil(counts[label] * worst / SPLIT_AT * 1.1))
    return sum(sizes)


def fit(head: Part, groups: dict[str, list[Any]], total_gzip: int, body: Body, finish: Finish,
        nested: bool = True, weight: float = 1.0) -> Split:
    """The pages of ``groups``, each within ``SPLIT_AT`` (each page lists its own references,
    so pages are measured, not guessed); a page counts ``weight`` times its size when its
    head repeats its entries (who's who, as structured data).

    Each group is rendered and split again until its pages fit; what the groups so far
    measured against the estimate scales the first guess for the next.  Then ``finish``
    adds what depends on all the pages (the jump bar, links across them), and a page that
    this put over splits its group once more.
    """
    per_item = total_gzip / max(1, sum(map(len, groups.values())))
    bodies = _Bodies(body, weight)
    counts: dict[str, int] = {}
    measured = estimated = 0.0
    for label, group in groups.items():
        scale = measured / estimated if estimated else 1.0
        counts[label] = math.ceil(len(group) * per_item * scale / SPLIT_AT)
        measured += _fit_group(head, label, group, counts, bodies, nested)
        estimated += len(group) * per_item
    for _ in range(4):
        parts = plan(head, groups, counts, nested)
        bodies.keep(parts)
        where = {x.id: p.url for p in parts for x in p.terms}
        pages: Split = []
        sizes: list[Future[int]] = []
        for part in parts:  # each page measured while the next is finished
            page = finish(bodies.get(part), part, parts, where)
            pages.append((part, page))
            sizes.append(gzipped_later(page[0]))
        over = {p.letter for (p, _), size in zip(pages, sizes, strict=True)
                if len(p.terms) > 1 and size.result() * weight > SPLIT_AT}
        if not over:
            break
        for label in over:
            counts[label] += 1
    return pages


def _jumpbar(page_url: str, parts: list[Part], name: str) -> str:
    links = "".join(f'<li><a href="{relative_url(page_url, p.url)}"'
                    + (' aria-current="page"' if p.url == page_url else "")
                    + f">{attr(p.title.split(': ', 1)[1])}</a></li>" for p in parts)
    return f'<nav class="xref-jumpbar" aria-label="{attr(name)} pages"><ul>{links}</ul></nav>'


def index_page(index: Index, head: Part, parts: list[Part], intro: str,
               anchor: Callable[[str], str], nouns: tuple[str, str]) -> tuple[str, PageState]:
    """The head page of a split page: under each group's heading (``anchor(label)``, the
    single page's own anchors), a link to each of its pages, followed by an empty element
    with the id of every item on that page: an old ``#id`` lands on the right link."""
    state = PageState(index, head.url, head.title)
    page = PageBuilder(state)
    page.heading(1, head.title, "top")
    page.html(f'<p class="xref-intro">{attr(intro)}</p>')
    by_label: dict[str, list[Part]] = defaultdict(list)
    for part in parts:
        by_label[part.letter].append(part)
    for label, group in by_label.items():
        page.heading(2, label, anchor(label))
        items = "".join(
            f'<li><a href="{relative_url(head.url, p.url)}">{attr(p.title)}</a> '
            f"({len(p.terms)} {nouns[len(p.terms) > 1]})"
            + "".join(f'<span id="{x.id}"></span>' for x in p.terms) + "</li>" for p in group)
        page.html(f'<ul class="xref-split-index" data-xref-split>{items}</ul>')
    return page.markdown(), state


def measure(head: Part, single: Callable[[], Rendered], texts: Iterable[str],
            weight: float = 1.0) -> tuple[Split, int]:
    """``[(head, single page)]`` and its size if it fits; else ``[]`` and its (estimated) size.

    A page has been 1.7 to 3.7 times the compressed text of its entries (markup, back-links,
    references), so past ``SPLIT_AT / TEXT_TO_PAGE`` of text it is taken to be over without
    rendering it just to measure it; below that, it is rendered and measured.
    """
    estimate = int(gzipped("\n".join(texts)) * TEXT_TO_PAGE * weight)
    if estimate > SPLIT_AT:
        return [], estimate
    rendered = single()
    total = int(gzipped(rendered[0]) * weight)
    return ([(head, rendered)] if total <= SPLIT_AT else []), total


def moved(rendered: tuple[str, PageState], part: Part, parts: list[Part],
           name: str) -> tuple[str, PageState]:
    """A page rendered as the single page, retitled, given the jump bar and moved to
    ``part.url`` (a sibling at the same depth, so its relative links hold; a glossary page is
    rendered at its own address); its uses now point at the part."""
    markdown, state = rendered
    first, rest = markdown.split("\n", 1)
    assert first.startswith("# ") and first.endswith(" {#top}"), first
    markdown = f"# {md_text(part.title)} {{#top}}\n\n{_jumpbar(part.url, parts, name)}\n{rest}"
    state.url = part.url
    state.term_uses = [(k, replace(u, page=part.url)) for k, u in state.term_uses]
    state.cite_uses = [(k, replace(u, page=part.url)) for k, u in state.cite_uses]
    return markdown, state
