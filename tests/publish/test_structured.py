"""JSON-LD, Open Graph and Twitter tags, and social cards on every page of the built site."""

from __future__ import annotations

import json
import re
import struct
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros.content.fields import VERDICTS
from macros.content.load import load_content
from macros.publish.cards import HEIGHT, WIDTH, drawable, title_lines
from macros.publish.export import text_of
from macros.publish.structured import BEST_RATING, VERDICT_RATINGS, WORST_RATING, ld_json

from ..conftest import ROOT, sitemap_paths
from ..sitecrawl import read_page

CONTENT = load_content(ROOT / "content", ROOT)
INDEX = CONTENT.index
BASE = "http://127.0.0.1:8000/"  # the site fixture leaves SITE_URL at its default

# The properties each type must carry (schema.org and Google's structured-data guidance).
REQUIRED: dict[str, tuple[str, ...]] = {
    "WebSite": ("name", "url"),
    "BreadcrumbList": ("itemListElement",),
    "ListItem": ("position", "name", "item"),
    "Article": ("headline", "description", "datePublished", "dateModified", "author",
                "publisher", "citation", "url", "image"),
    "ClaimReview": ("claimReviewed", "itemReviewed", "reviewRating", "url", "author",
                    "datePublished"),
    "Claim": ("author",),
    "Rating": ("ratingValue", "alternateName", "bestRating", "worstRating"),
    "DefinedTermSet": ("name", "hasDefinedTerm", "url"),
    "DefinedTerm": ("name", "@id"),
    "Organization": ("name",),
    "Person": ("name",),
}
# A DefinedTerm in the set itself (not a reference to one from an article's "about").
SET_TERM = ("name", "description", "inDefinedTermSet", "url")


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.links: list[dict[str, str | None]] = []
        self.ld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and (a.get("property") or a.get("name")):
            self.meta[a.get("property") or a.get("name") or ""] = a.get("content") or ""
        if tag == "link":
            self.links.append(a)
        self._in_ld = tag == "script" and a.get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.ld.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_ld = False


def head(site: Path, path: str) -> _Head:
    parser = _Head()
    parser.feed((site / path / "index.html").read_text("utf-8"))
    return parser


def graph(site: Path, path: str) -> list[dict]:
    """The page's one JSON-LD block, parsed: its ``@graph``."""
    blocks = head(site, path).ld
    assert len(blocks) == 1, (path, len(blocks))
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org"
    return data["@graph"]


def walk(node: object) -> list[dict]:
    """Every typed object inside ``node``, ``node`` included."""
    found = []
    if isinstance(node, dict):
        if "@type" in node:
            found.append(node)
        for value in node.values():
            found += walk(value)
    elif isinstance(node, list):
        for value in node:
            found += walk(value)
    return found


def of_type(nodes: list[dict], kind: str) -> list[dict]:
    return [n for n in nodes if n["@type"] == kind]


def missing(node: dict, props: tuple[str, ...]) -> list[str]:
    return [p for p in props if node.get(p) in (None, "", [])]


def section_page(section_id: str) -> str:
    return f"sections/{section_id}"


# --- JSON-LD ---------------------------------------------------------------------------


def test_every_page_has_json_ld_with_the_required_properties_of_its_types(site: Path) -> None:
    problems = []
    for path in sitemap_paths(site):
        nodes = graph(site, path)
        types = {n["@type"] for n in nodes}
        assert {"WebSite", "BreadcrumbList"} <= types, path
        for node in walk(nodes):
            problems += [f"/{path}: {node['@type']} lacks {p}"
                         for p in missing(node, REQUIRED.get(node["@type"], ()))]
    assert problems == []


def test_breadcrumbs_lead_from_home_to_the_page(site: Path) -> None:
    for path in sitemap_paths(site):
        (trail,) = of_type(graph(site, path), "BreadcrumbList")
        items = trail["itemListElement"]
        assert [i["position"] for i in items] == list(range(1, len(items) + 1))
        assert items[0]["item"] == BASE and items[0]["name"] == "DeepSeek R1, explained"
        assert items[-1]["item"] == BASE + path
        assert len(items) == (1 if path == "" else 2), path


def test_each_section_is_an_article_with_dates_topics_and_its_bibliography(site: Path) -> None:
    for section in INDEX.sections:
        path = section_page(section.id)
        (article,) = of_type(graph(site, path), "Article")
        assert article["headline"] == section.title
        assert article["url"] == BASE + path + "/"
        assert article["datePublished"] == section.changes[0].date
        assert article["dateModified"] == section.reviewed
        assert article["author"]["name"] == article["publisher"]["name"] == "DeepSeek R1, explained"
        html = (site / path / "index.html").read_text("utf-8")
        numbered = re.findall(r'<li id="ref-(\d+)"[^>]*>.*?<cite>', html)
        assert [c["name"] for c in article["citation"]] == [
            INDEX.sources[k].title for k in _cited_in_order(html)]
        assert len(article["citation"]) == len(numbered)
        linked = set(re.findall(r'<a class="xref-term"[^>]* id="use-([a-z0-9-]+)"', html))
        assert {t["@id"].split("#")[1] for t in article["about"]} == linked


def _cited_in_order(html: str) -> list[str]:
    """Source ids of a page's reference list, in number order (from "About this source")."""
    return re.findall(r'class="xref-source-entry" href="[^"]*#([a-z0-9.-]+)"', html)


def test_hype_page_has_one_claim_review_per_claim(site: Path) -> None:
    hype = next(s for s in INDEX.sections if s.claims)
    path = section_page(hype.id)
    reviews = of_type(graph(site, path), "ClaimReview")
    ids = read_page(site / path / "index.html").ids
    assert [r["claimReviewed"] for r in reviews] == [c.statement for c in hype.claims]
    for review, claim in zip(reviews, hype.claims, strict=True):
        assert review["url"] == f"{BASE}{path}/#claim-{claim.id}"
        assert f"claim-{claim.id}" in ids
        assert review["reviewRating"] == {
            "@type": "Rating", "ratingValue": VERDICT_RATINGS[claim.verdict],
            "bestRating": 5, "worstRating": 1, "alternateName": claim.verdict.capitalize(),
            "ratingExplanation": text_of(claim.reason)}
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["itemReviewed"].get("datePublished") == claim.date
    authors = {c.id: r["itemReviewed"]["author"] for c, r in zip(hype.claims, reviews, strict=True)}
    assert authors["as-good-as-o1"] == {"@type": "Organization", "name": "DeepSeek",
                                        "url": BASE + "glossary/#deepseek"}
    assert authors["r1-step-was-cheap"] == {"@type": "Person", "name": "Dario Amodei"}
    assert authors["trained-for-6-million"] == {
        "@type": "Organization", "name": "Widely repeated in coverage of the January 27 sell-off"}


def test_only_the_hype_page_has_claim_reviews(site: Path) -> None:
    with_reviews = [p for p in sitemap_paths(site) if of_type(graph(site, p), "ClaimReview")]
    assert with_reviews == [f"{section_page(s.id)}/" for s in INDEX.sections if s.claims]


def test_verdict_scale_covers_every_verdict_once() -> None:
    assert set(VERDICT_RATINGS) == set(VERDICTS)
    assert sorted(VERDICT_RATINGS.values()) == list(range(WORST_RATING, BEST_RATING + 1))
    assert VERDICT_RATINGS["false"] == WORST_RATING and VERDICT_RATINGS["supported"] == BEST_RATING


def test_glossary_is_a_defined_term_set(site: Path) -> None:
    (terms,) = of_type(graph(site, "glossary"), "DefinedTermSet")
    ids = read_page(site / "glossary" / "index.html").ids
    assert terms["url"] == BASE + "glossary/"
    assert len(terms["hasDefinedTerm"]) == len(INDEX.terms)
    for term in terms["hasDefinedTerm"]:
        assert missing(term, SET_TERM) == [], term
        assert term["inDefinedTermSet"] == terms["url"]
        term_id = term["url"].split("#", 1)[1]
        assert term_id in ids
        assert term["name"] == INDEX.terms[term_id].term
        assert term["description"] == INDEX.terms[term_id].short


def test_ld_json_cannot_close_its_script_element() -> None:
    data = {"a": "</script><script>alert(1)</script> & \u2028"}
    text = ld_json(data)
    assert not set("<>&\u2028") & set(text)
    assert json.loads(text) == data


# --- Open Graph and Twitter card ---------------------------------------------------------


def test_every_page_has_open_graph_and_twitter_tags_with_absolute_urls(site: Path) -> None:
    for path in sitemap_paths(site):
        tags = head(site, path)
        meta = tags.meta
        canonical = next(link["href"] for link in tags.links if link.get("rel") == "canonical")
        assert meta["og:url"] == canonical == BASE + path
        assert meta["og:type"] == ("article" if path.startswith("sections/") else "website")
        assert meta["og:title"] and meta["og:description"] == meta["description"]
        assert meta["og:image"].startswith(BASE) and meta["og:image"].endswith(".png")
        assert (site / meta["og:image"].removeprefix(BASE)).is_file()
        assert meta["og:image:alt"].startswith("DeepSeek R1, explained: ")
        assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
        assert meta["twitter:card"] == "summary_large_image"
        assert meta["twitter:image"] == meta["og:image"]
        assert meta["twitter:image:alt"] == meta["og:image:alt"]
        assert meta["twitter:title"] == meta["og:title"]


def test_each_section_has_its_own_card_with_its_title_in_the_alt_text(site: Path) -> None:
    images = set()
    for number, section in enumerate(INDEX.sections, start=1):
        meta = head(site, section_page(section.id)).meta
        images.add(meta["og:image"])
        assert meta["og:image:alt"] == (f"DeepSeek R1, explained: {section.title}. Part {number} "
                                        f"of {len(INDEX.sections)} · Last reviewed 28 November 2026.")
        assert meta["article:modified_time"] == section.reviewed
    assert len(images) == len(INDEX.sections)


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """``(type, payload)`` of each chunk of a PNG file."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at:at + 4])
        chunks.append((data[at + 4:at + 8], data[at + 8:at + 8 + length]))
        at += 12 + length
    return chunks


def test_social_cards_are_1200_by_630_pngs_without_metadata(site: Path) -> None:
    cards = sorted((site / "assets" / "cards").glob("*.png"))
    assert len(cards) == len(sitemap_paths(site))
    for card in cards:
        chunks = png_chunks(card.read_bytes())
        assert chunks[0][0] == b"IHDR"
        assert struct.unpack(">II", chunks[0][1][:8]) == (WIDTH, HEIGHT) == (1200, 630)
        assert {kind for kind, _ in chunks} <= {b"IHDR", b"PLTE", b"IDAT", b"IEND"}, card.name


@pytest.mark.parametrize(("text", "shown"), [
    ("Geopolitics and the US–China AI race", "Geopolitics and the US-China AI race"),
    ("café × 2", "cafe x 2"),
    ("Who’s who · 2025", "Who’s who · 2025"),
])
def test_card_text_falls_back_to_plain_letters_the_font_can_draw(text: str, shown: str) -> None:
    assert drawable(text) == shown


def test_a_title_too_long_for_the_card_is_cut_with_an_ellipsis() -> None:
    size, lines = title_lines("word " * 80)
    assert size == 54 and len(lines) == 5 and lines[-1].endswith("word...")
    assert title_lines("Hype vs reality") == (76, ["Hype vs reality"])
