"""JSON-LD, Open Graph and Twitter tags, and social cards on every page of the built site."""

from __future__ import annotations

import json
import re
import struct
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros.content.dates import parse_when
from macros.content.fields import VERDICTS
from macros.content.load import load_content
from macros.publish.cards import HEIGHT, WIDTH, drawable, title_lines
from macros.publish.structured import BEST_RATING, VERDICT_RATINGS, WORST_RATING, ld_json
from macros.render.plain import plain_text

from ..conftest import ROOT, SITE_NAME, content_errors, edit, sitemap_paths
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
    "Claim": ("text",),
    "Rating": ("alternateName", "ratingExplanation"),
    "ImageObject": ("url", "width", "height"),
    "ItemList": ("itemListElement",),
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
        assert items[0]["item"] == BASE and items[0]["name"] == SITE_NAME
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
        assert article["author"]["name"] == article["publisher"]["name"] == SITE_NAME
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
        expected = {"@type": "Rating", "alternateName": claim.verdict.capitalize(),
                    "ratingExplanation": plain_text(claim.reason)}
        if claim.verdict != "unverified":
            expected |= {"ratingValue": VERDICT_RATINGS[claim.verdict],
                         "bestRating": BEST_RATING, "worstRating": WORST_RATING}
        assert review["reviewRating"] == expected
        item = review["itemReviewed"]
        assert item["@type"] == "Claim" and item["text"] == claim.statement
        assert item.get("datePublished") == claim.date
        titles = [INDEX.sources[k].title for k in claim.appeared_in]
        assert [w["name"] for w in item.get("appearance", [])] == titles
        assert item.get("firstAppearance", {}).get("name") == (titles[0] if titles else None)
    # A claimant that starts with a glossary person or organisation, or a source's author,
    # is the claim's author; a claimant that names no one ("Widely repeated in ...") is none.
    agents = {form: t for t in INDEX.terms.values() if t.kind in ("person", "organization")
              for form in (t.term, *t.aliases)}
    authors = {a for s in INDEX.sources.values() for a in s.authors}
    for claim, review in zip(hype.claims, reviews, strict=True):
        author = review["itemReviewed"].get("author")
        named = [f for f in (*agents, *authors) if claim.claimant.startswith(f)]
        if not named:
            assert author is None, claim.id
            continue
        assert author["name"] == max(named, key=len), claim.id
        term = agents.get(author["name"])
        if term:
            assert author == {"@type": term.kind.capitalize(), "name": author["name"],
                              "url": f"{BASE}glossary/#{term.id}"}
        else:
            assert author == {"@type": "Person", "name": author["name"]}


def test_only_the_hype_page_has_claim_reviews(site: Path) -> None:
    with_reviews = [p for p in sitemap_paths(site) if of_type(graph(site, p), "ClaimReview")]
    assert with_reviews == [f"{section_page(s.id)}/" for s in INDEX.sections if s.claims]


def test_verdict_scale_orders_the_verdicts_by_how_true_the_claim_is() -> None:
    # Unverified has no place on a scale of truth: the evidence neither confirms nor refutes.
    assert set(VERDICT_RATINGS) == set(VERDICTS) - {"unverified"}
    order = sorted(VERDICT_RATINGS, key=VERDICT_RATINGS.__getitem__)
    assert order == ["false", "misleading", "overstated", "supported"]
    assert [VERDICT_RATINGS[v] for v in order] == list(range(WORST_RATING, BEST_RATING + 1))


def test_glossary_is_a_defined_term_set(site: Path) -> None:
    nodes = graph(site, "glossary")
    (terms,) = of_type(nodes, "DefinedTermSet")
    (page,) = of_type(nodes, "WebPage")
    ids = read_page(site / "glossary" / "index.html").ids
    assert terms["url"] == page["@id"] == BASE + "glossary/" != terms["@id"]
    assert len(terms["hasDefinedTerm"]) == len(INDEX.terms)
    for term in terms["hasDefinedTerm"]:
        assert missing(term, SET_TERM) == [], term
        assert term["inDefinedTermSet"] == terms["@id"]
        term_id = term["url"].split("#", 1)[1]
        assert term_id in ids
        assert term["name"] == INDEX.terms[term_id].term
        assert term["description"] == INDEX.terms[term_id].short


def test_a_claim_appears_only_in_known_sources(mini: Path) -> None:
    edit(mini / "sections" / "alpha.yml", "    claimant: Everyone\n",
         "    claimant: Everyone\n    appeared_in: [src-one, no-such-source]\n")
    assert content_errors(mini) == [
        "content/sections/alpha.yml:16:28: claims[0].appeared_in[1]: unknown source "
        "'no-such-source' (add it to content/sources.yml first)"]


def test_whos_who_lists_people_and_organizations(site: Path) -> None:
    (people,) = of_type(graph(site, "whos-who"), "ItemList")
    ids = read_page(site / "whos-who" / "index.html").ids
    items = [i["item"] for i in people["itemListElement"]]
    kinds = {"person": "Person", "organization": "Organization"}
    expected = sorted((kinds[t.kind], t.term) for t in INDEX.terms.values() if t.kind in kinds)
    assert sorted((i["@type"], i["name"]) for i in items) == expected
    for item in items:
        assert item["@id"] == BASE + "whos-who/#" + item["@id"].split("#")[1]
        assert item["@id"].split("#")[1] in ids


def test_page_images_are_image_objects(site: Path) -> None:
    for path in sitemap_paths(site):
        nodes = graph(site, path)
        page = next(n for n in nodes if n["@type"] in ("Article", "WebPage"))
        image = page.get("image") or page.get("primaryImageOfPage")
        assert image["@type"] == "ImageObject", path
        assert (image["width"], image["height"]) == (WIDTH, HEIGHT)
        assert image["url"] == head(site, path).meta["og:image"]


def test_ld_json_cannot_close_its_script_element() -> None:
    data = {"a": "</script><script>alert(1)</script> & \u2028\u2029 é"}
    text = ld_json(data)
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == data
    assert text == ('{"a":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e'
                    ' \\u0026 \\u2028\\u2029 é"}')


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
        assert meta["og:image:alt"].startswith(f"{SITE_NAME}: ")
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
        line = f"Part {number} of {len(INDEX.sections)}"
        if section.reviewed:
            line += f" · Last reviewed {parse_when(section.reviewed).human()}"
        assert meta["og:image:alt"] == f"{SITE_NAME}: {section.title}. {line}."
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
