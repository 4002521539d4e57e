"""JSON-LD for every page: schema.org objects built from the content model.

Every page carries the ``WebSite`` and its ``BreadcrumbList``; a section is an ``Article``
whose ``citation`` list is the page's bibliography; the hype-vs-reality page adds one
``ClaimReview`` per checked claim; the glossary is a ``DefinedTermSet``. The functions are
pure: they take the rendered site and return plain dicts, and :func:`ld_json` turns a
graph into text that is safe inside ``<script type="application/ld+json">``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..content.dates import parse_when
from ..content.index import GLOSSARY_URL, Index, section_url
from ..content.model import Claim, Section, Source
from ..render.plain import plain_text
from ..render.site import PageSpec, Site
from .ld_entities import claim_item, held_terms, image_object, who_list
from .publication import Publication, page_description

SCHEMA_ORG = "https://schema.org"

# Our verdicts on a 1-4 scale of how true the claim is as stated, by the evidence (see
# CONTRIBUTING.md): contradicted, a false impression, true at its core but going further,
# backed as stated. "unverified" has no place on that scale (the evidence neither confirms
# nor refutes the claim), so its rating carries the verdict's name and no value.
VERDICT_RATINGS: dict[str, int] = {"false": 1, "misleading": 2, "overstated": 3, "supported": 4}
WORST_RATING, BEST_RATING = 1, 4

SOURCE_TYPES: dict[str, str] = {
    "news": "NewsArticle", "paper": "ScholarlyArticle", "blog": "BlogPosting",
    "repository": "SoftwareSourceCode", "podcast": "PodcastEpisode",
    "government": "CreativeWork", "company": "CreativeWork", "reference": "CreativeWork",
}
# Replaced one by one: ``str.translate`` with a table looks up every character of the text,
# ten times slower on a page's JSON-LD than five ``str.replace`` scans.
_SCRIPT_UNSAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                  ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def ld_json(data: Any) -> str:
    """Compact JSON whose ``<``, ``>``, ``&`` and line separators are ``\\u`` escapes.

    Those characters only ever occur inside JSON strings, where the escapes mean the
    same, so the text cannot close the ``<script>`` element that holds it.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    for unsafe, escape in _SCRIPT_UNSAFE:
        text = text.replace(unsafe, escape)
    return text


def publisher(pub: Publication) -> dict[str, Any]:
    """The site as the ``Organization`` that publishes and writes every page."""
    return {"@type": "Organization", "@id": pub.base + "#publisher", "name": pub.name,
            "url": pub.base}


def website(pub: Publication, licence_url: str | None) -> dict[str, Any]:
    """The ``WebSite``, with the search that Material opens from a ``?q=`` address."""
    data: dict[str, Any] = {
        "@type": "WebSite", "@id": pub.base + "#website", "name": pub.name, "url": pub.base,
        "description": pub.description, "inLanguage": "en",
        "publisher": publisher(pub),
        "potentialAction": {"@type": "SearchAction", "target": pub.base + "?q={search_term_string}",
                            "query-input": "required name=search_term_string"},
    }
    if licence_url:
        data["license"] = licence_url
    return data


def breadcrumbs(spec: PageSpec, pub: Publication) -> dict[str, Any]:
    """Home, then the page itself (the home page's trail is Home alone)."""
    trail = [(pub.name, pub.base)]
    if spec.url:
        trail.append((spec.title, pub.url(spec.url)))
    return {"@type": "BreadcrumbList", "@id": pub.url(spec.url) + "#breadcrumbs",
            "itemListElement": [{"@type": "ListItem", "position": i, "name": name, "item": url}
                                for i, (name, url) in enumerate(trail, start=1)]}


@dataclass(frozen=True)
class Agent:
    """A person or organization the content names: a glossary entry or a source's author."""

    form: str
    type: str
    url: str | None = None


def known_agents(index: Index, pub: Publication) -> tuple[Agent, ...]:
    """Every glossary person and organization (with each alias), then every source author
    not among them (authors are people), longest name first so "Acme Labs" wins over
    "Acme"."""
    agents: dict[str, Agent] = {}
    for term in sorted(index.terms.values(), key=lambda t: t.id):
        if term.kind in ("person", "organization"):
            for form in (term.term, *term.aliases):
                agents.setdefault(form, Agent(form, term.kind.capitalize(),
                                              pub.url(f"{GLOSSARY_URL}#{term.id}")))
    for source in index.sources.values():
        for author in source.authors:
            agents.setdefault(author, Agent(author, "Person"))
    return tuple(sorted(agents.values(), key=lambda a: (-len(a.form), a.form)))


def agent_ref(agent: Agent) -> dict[str, Any]:
    """An agent as a schema.org ``Person`` or ``Organization``."""
    data: dict[str, Any] = {"@type": agent.type, "name": agent.form}
    if agent.url:
        data["url"] = agent.url
    return data


def author(agents: tuple[Agent, ...], name: str) -> dict[str, Any]:
    """A source's author: typed from the glossary when it is there, else a ``Person``."""
    return agent_ref(next((a for a in agents if a.form == name), Agent(name, "Person")))


def claim_author(agents: tuple[Agent, ...], claimant: str) -> dict[str, Any] | None:
    """Who made a claim: the known person or organization its ``claimant`` opens with.

    A claimant that names no one first (a kind of coverage, "Widely repeated in ...") has
    no author: schema.org's ``author`` is a ``Person`` or an ``Organization``, and a
    description is neither.
    """
    for agent in agents:
        rest = claimant[len(agent.form):len(agent.form) + 1]
        if claimant.startswith(agent.form) and not rest.isalnum():
            return agent_ref(agent)
    return None


def creative_work(source: Source, agents: tuple[Agent, ...]) -> dict[str, Any]:
    """One bibliography entry as a schema.org ``CreativeWork`` (or a subtype)."""
    data: dict[str, Any] = {"@type": SOURCE_TYPES[source.kind], "name": source.title,
                            "publisher": {"@type": "Organization", "name": source.outlet},
                            "inLanguage": source.language}
    if source.authors:
        data["author"] = [author(agents, a) for a in source.authors]
    if source.published:
        data["datePublished"] = parse_when(source.published).iso()
    if source.url:
        data["url"] = source.url
    if source.via:
        data["sameAs"] = source.via.url
    return data


def section_dates(section: Section) -> tuple[str | None, str | None]:
    """``(published, modified)``: the first change and the review date (or last change)."""
    changes = [c.date for c in section.changes]
    published = changes[0] if changes else section.reviewed
    modified = section.reviewed or (changes[-1] if changes else None)
    return (parse_when(published).iso() if published else None,
            parse_when(modified).iso() if modified else None)


def term_ref(index: Index, term_id: str, pub: Publication) -> dict[str, Any]:
    """A reference to a glossary entry's ``DefinedTerm``."""
    return {"@type": "DefinedTerm", "@id": pub.url(f"{GLOSSARY_URL}#{term_id}"),
            "name": index.terms[term_id].term}


def article(site: Site, spec: PageSpec, section: Section, pub: Publication, image: str,
            agents: tuple[Agent, ...]) -> dict[str, Any]:
    """A section as an ``Article``: dates, topics, and the sources it cites."""
    index = site.content.index
    url = pub.url(spec.url)
    published, modified = section_dates(section)
    data: dict[str, Any] = {
        "@type": "Article", "@id": url + "#article", "headline": section.title,
        "description": page_description(site, spec), "url": url, "mainEntityOfPage": url,
        "image": image_object(image), "inLanguage": "en",
        "isPartOf": {"@id": pub.base + "#website"},
        "author": publisher(pub), "publisher": publisher(pub),
        "about": [term_ref(index, t, pub) for t in site.page_terms.get(spec.key, ())],
        "citation": [creative_work(index.sources[k], agents)
                     for k in site.page_cites.get(spec.key, ())],
    }
    if published:
        data["datePublished"] = published
    if modified:
        data["dateModified"] = modified
    if site.content.home.reuse:
        data["license"] = site.content.home.reuse.licence_url
    return data


def rating(claim: Claim) -> dict[str, Any]:
    """The verdict as a schema.org ``Rating`` on the scale of ``VERDICT_RATINGS`` (an
    unverified claim's rating has no value)."""
    data: dict[str, Any] = {"@type": "Rating", "alternateName": claim.verdict.capitalize(),
                            "ratingExplanation": plain_text(claim.reason)}
    if claim.verdict in VERDICT_RATINGS:
        data.update({"ratingValue": VERDICT_RATINGS[claim.verdict], "bestRating": BEST_RATING,
                     "worstRating": WORST_RATING})
    return data


def claim_review(section: Section, claim: Claim, pub: Publication,
                 agents: tuple[Agent, ...], sources: dict[str, Source]) -> dict[str, Any]:
    """One ``ClaimReview``: the claim, who made it or where it appeared, and our verdict."""
    item = claim_item(claim, claim_author(agents, claim.claimant), sources,
                      lambda s: creative_work(s, agents))
    if claim.date:
        item["datePublished"] = parse_when(claim.date).iso()
    data: dict[str, Any] = {
        "@type": "ClaimReview", "url": pub.url(f"{section_url(section.id)}#claim-{claim.id}"),
        "claimReviewed": claim.statement, "itemReviewed": item,
        "author": publisher(pub), "reviewRating": rating(claim),
        "isPartOf": {"@id": pub.url(section_url(section.id)) + "#article"},
    }
    published, _ = section_dates(section)
    if published:
        data["datePublished"] = published
    return data


def defined_term_set(index: Index, pub: Publication, description: str,
                     spec: PageSpec | None = None) -> dict[str, Any]:
    """The glossary as a ``DefinedTermSet`` of ``DefinedTerm`` entries, sorted by term; on
    the pages of a split glossary, only the entries each page holds (none on the index)."""
    url = pub.url(GLOSSARY_URL)
    set_id = url + "#terms"  # the page itself (a WebPage) is the node at ``url``
    page = pub.url(spec.url) if spec else url
    terms = []
    for term in held_terms(index, spec.holds if spec else None):
        entry: dict[str, Any] = {"@type": "DefinedTerm", "@id": f"{url}#{term.id}",
                                 "name": term.term, "description": term.short,
                                 "url": f"{page}#{term.id}", "inDefinedTermSet": set_id}
        if term.aliases:
            entry["alternateName"] = list(term.aliases)
        terms.append(entry)
    return {"@type": "DefinedTermSet", "@id": set_id, "name": f"Glossary of {pub.name}",
            "url": url, "description": description,
            "hasDefinedTerm": terms}


def web_page(site: Site, spec: PageSpec, pub: Publication, image: str) -> dict[str, Any]:
    """Any page that is not a section, as a ``WebPage``."""
    url = pub.url(spec.url)
    data: dict[str, Any] = {"@type": "WebPage", "@id": url, "url": url, "name": spec.title,
                            "description": page_description(site, spec), "inLanguage": "en",
                            "isPartOf": {"@id": pub.base + "#website"},
                            "breadcrumb": {"@id": url + "#breadcrumbs"},
                            "primaryImageOfPage": image_object(image)}
    if site.content.home.reuse:
        data["license"] = site.content.home.reuse.licence_url
    return data


def page_graph(site: Site, spec: PageSpec, pub: Publication, image: str) -> dict[str, Any]:
    """Everything page ``spec`` says about itself, as one JSON-LD ``@graph``."""
    index = site.content.index
    reuse = site.content.home.reuse
    graph: list[dict[str, Any]] = [website(pub, reuse.licence_url if reuse else None),
                                   breadcrumbs(spec, pub)]
    section = spec.section
    if section is None:
        graph.append(web_page(site, spec, pub, image))
    else:
        agents = known_agents(index, pub)
        graph.append(article(site, spec, section, pub, image, agents))
        graph += [claim_review(section, c, pub, agents, index.sources) for c in section.claims]
    if spec.key.split(":")[0] == "glossary":
        graph.append(defined_term_set(index, pub, site.content.pages.description("glossary"),
                                      spec))
    if spec.key.split(":")[0] == "whos-who":
        graph.append(who_list(index, pub.url, spec.url, spec.title, spec.holds))
    return {"@context": SCHEMA_ORG, "@graph": graph}
