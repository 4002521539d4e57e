"""JSON-LD nodes that say who and what: page images, people and organisations, claims.

Kept apart from :mod:`.structured` (the page graph) so that each node type has one place:

* the page image is an ``ImageObject`` with its size, not a bare URL;
* the who's who page (each page of a split one) lists its entries as ``Person`` and
  ``Organization`` nodes, each with its own ``@id`` (the entry's anchor on the single
  page, which still lands), never the glossary term's;
* a ``Claim`` names an ``author`` only when its ``claimant`` opens with a known person or
  organisation; the sources where it appeared (``appeared_in``) become ``firstAppearance``
  and ``appearance``, each a ``CreativeWork`` of the bibliography.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..content.index import GLOSSARY_URL, WHO_URL, Index
from ..content.model import Claim, Source, Term
from .cards import HEIGHT, WIDTH

WHO_KINDS = {"person": "Person", "organization": "Organization"}


def image_object(url: str) -> dict[str, Any]:
    """A page's social card as an ``ImageObject``."""
    return {"@type": "ImageObject", "@id": url, "url": url, "contentUrl": url,
            "width": WIDTH, "height": HEIGHT}


def held_terms(index: Index, holds: tuple[str, ...] | None) -> list[Term]:
    """The glossary terms a page shows, sorted by term: all of them, or on a page of a split
    page only those it ``holds``."""
    chosen = index.terms.values() if holds is None else [index.terms[i] for i in holds]
    return sorted(chosen, key=lambda t: t.term.lower())


def who_list(index: Index, url: Callable[[str], str], page: str = WHO_URL,
             name: str = "Who’s who", holds: tuple[str, ...] | None = None) -> dict[str, Any]:
    """The who's who page as an ``ItemList`` of ``Person`` and ``Organization`` nodes; on the
    pages of a split who's who (``page``, ``name``), only the entries each ``holds``."""
    items = []
    terms = held_terms(index, holds)
    for kind, schema_type in WHO_KINDS.items():
        for term in (t for t in terms if t.kind == kind):
            node: dict[str, Any] = {"@type": schema_type, "@id": url(f"{WHO_URL}#{term.id}"),
                                    "name": term.term, "description": term.short,
                                    "url": url(f"{GLOSSARY_URL}#{term.id}")}
            if term.aliases:
                node["alternateName"] = list(term.aliases)
            items.append(node)
    return {"@type": "ItemList", "@id": url(page) + "#people-and-organizations",
            "name": name, "numberOfItems": len(items),
            "itemListElement": [{"@type": "ListItem", "position": i, "name": node["name"],
                                 "item": node}
                                for i, node in enumerate(items, start=1)]}


def claim_item(claim: Claim, author: dict[str, Any] | None, sources: dict[str, Source],
               work: Callable[[Source], dict[str, Any]]) -> dict[str, Any]:
    """The ``Claim`` a ``ClaimReview`` reviews: its author if it has one, where it appeared."""
    item: dict[str, Any] = {"@type": "Claim", "text": claim.statement}
    if author:
        item["author"] = author
    appeared = [work(sources[key]) for key in claim.appeared_in]
    if appeared:
        item["firstAppearance"] = appeared[0]
        item["appearance"] = appeared
    return item
