"""What goes in each page's ``<head>`` for machines: Open Graph, Twitter card, JSON-LD.

:func:`page_head` gathers it for one page; ``overrides/main.html`` prints the meta tags
with every value escaped, and the JSON-LD as text already made safe by ``ld_json``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..render.site import PageSpec, Site
from .cards import HEIGHT, WIDTH, Card, card_for
from .publication import Publication, page_description
from .structured import ld_json, page_graph, section_dates

Meta = tuple[str, str, str]  # (attribute, its value, content): ("property", "og:title", "...")


@dataclass(frozen=True)
class PageHead:
    """One page's meta tags and its JSON-LD text."""

    meta: tuple[Meta, ...]
    json_ld: str


def social_meta(site: Site, spec: PageSpec, pub: Publication, card: Card) -> tuple[Meta, ...]:
    """Open Graph and Twitter card tags, with absolute URLs and the card's alt text."""
    title, description = spec.title, page_description(site, spec)
    url, image, alt = pub.url(spec.url), pub.url(card.path), card.alt(pub)
    section = spec.section
    tags: list[Meta] = [
        ("property", "og:type", "article" if section else "website"),
        ("property", "og:site_name", pub.name),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", url),
        ("property", "og:image", image),
        ("property", "og:image:type", "image/png"),
        ("property", "og:image:width", str(WIDTH)),
        ("property", "og:image:height", str(HEIGHT)),
        ("property", "og:image:alt", alt),
    ]
    if section:
        published, modified = section_dates(section)
        tags += [("property", "article:published_time", published)] if published else []
        tags += [("property", "article:modified_time", modified)] if modified else []
    tags += [
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
        ("name", "twitter:image", image),
        ("name", "twitter:image:alt", alt),
    ]
    return tuple(tags)


def page_head(site: Site, spec: PageSpec, pub: Publication) -> PageHead:
    """Everything page ``spec`` tells machines in its ``<head>``."""
    card = card_for(site, spec)
    return PageHead(social_meta(site, spec, pub, card),
                    ld_json(page_graph(site, spec, pub, pub.url(card.path))))
