"""The page of one section: summary, key figures and dates, body, claims, references."""

from __future__ import annotations

from collections import Counter

from ..content.dates import parse_when
from ..content.fields import VERDICTS
from ..content.index import TIMELINE_URL, WHO_URL, Index, section_url
from ..content.inline import cited_keys, split_body
from ..content.model import Claim, Diagram, Event, Section
from ..content.yamlload import Document
from .common import SITE_NAME, PageBuilder, attr, bibtex_text, cite_box, reading_minutes, site_link
from .diagram import StepCites, diagram_figure
from .xref.state import Origin, PageState, relative_url

VERDICT_ICONS = {"supported": "✓", "overstated": "▲", "misleading": "≠",
                 "unverified": "?", "false": "✗"}


def event_time(event: Event) -> str:
    """``<time>`` element(s) for an event's date; a range gets two."""
    when = parse_when(event.date)
    first = f'<time datetime="{when.start.iso()}">'
    if not when.end:
        return f"{first}{attr(when.human())}</time>"
    return (f"{first}{attr(when.start_label())}</time>–"
            f'<time datetime="{when.end.iso()}">{attr(when.end.human())}</time>')


def verdict_badge(verdict: str) -> str:
    """Icon, word and colour together, so the verdict never rests on colour alone."""
    return (f'<span class="xref-verdict xref-verdict--{verdict}">'
            f'<span class="xref-verdict__icon" aria-hidden="true">{VERDICT_ICONS[verdict]}</span>'
            f' {verdict.capitalize()}</span>')


def verdict_summary(claims: tuple[Claim, ...]) -> str:
    """A strip that counts the verdicts, in the vocabulary's order."""
    counts = Counter(c.verdict for c in claims)
    items = "".join(f"<li>{verdict_badge(v)} <span class=\"xref-count\">× {counts[v]}</span></li>"
                    for v in VERDICTS if counts[v])
    return f'<ul class="xref-verdict-strip" aria-label="Verdicts on {len(claims)} claims">{items}</ul>'


def _legend() -> str:
    rows = "".join(f"<dt>{verdict_badge(v)}</dt><dd>{attr(text)}</dd>" for v, text in VERDICTS.items())
    return (f'<details class="xref-legend"><summary>What the verdicts mean</summary>'
            f'<dl>{rows}</dl></details>')


class SectionPage:
    """Renders one section in reading order, so citations number as a reader meets them."""

    def __init__(self, index: Index, section: Section, doc: Document, site_url: str = "") -> None:
        self.index, self.section, self.doc, self.site_url = index, section, doc, site_url
        self.url = section_url(section.id)
        self.page = PageBuilder(PageState(index, self.url, section.title))

    def origin(self, *where: str | int) -> Origin:
        return Origin(self.doc, tuple(where))

    def render(self) -> tuple[str, PageState]:
        s, page = self.section, self.page
        page.heading(1, s.title, "top")
        self.lede()
        self.figures()
        self.key_dates()
        self.body()
        self.claims()
        self.quotes()
        page.heading(2, "Key takeaways", "key-takeaways")
        items = "".join(f"<li>{page.md(t, self.origin('takeaways', i), inline=True)}</li>"
                        for i, t in enumerate(s.takeaways))
        page.html(f'<ul class="xref-takeaways">{items}</ul>')
        self.related()
        page.references()
        self.cite_this_page()
        return page.markdown(), page.state

    def body(self) -> None:
        """The body, with each diagram at the end of the subsection it names (or after it)."""
        s, page = self.section, self.page
        if not s.diagrams:
            page.html(f'<div class="xref-body">{page.md(s.body, self.origin("body"))}</div>')
            return
        parts, placed = [], set()
        for heading, text in split_body(s.body):
            parts.append(page.md(text, self.origin("body")))
            if heading is not None and heading not in placed:
                placed.add(heading)
                parts += [self.diagram(d) for d in s.diagrams if d.under == heading]
        parts += [self.diagram(d) for d in s.diagrams if d.under is None]
        page.html('<div class="xref-body">' + "\n".join(parts) + "</div>")

    def diagram(self, diagram: Diagram) -> str:
        """One diagram; its citations number in page order and back-link to it."""
        state = self.page.state
        state.context = f"Diagram: {diagram.title}"
        cites = []
        for step in diagram.steps:
            markers = self.page.cite_list(step.sources)
            numbers = tuple(state.numbers[k] for k in step.sources if k in state.numbers)
            cites.append(StepCites(markers, numbers))
        state.context = self.section.title
        return diagram_figure(diagram, cites)

    def cite_this_page(self) -> None:
        """Plain-text and BibTeX citations of this page (BibTeX written by pybtex)."""
        from pybtex.database import BibliographyData, Entry

        url = site_link(self.site_url, self.url)
        fields = {"title": self.section.title, "howpublished": SITE_NAME, "url": url}
        if self.section.reviewed:
            fields["year"] = str(parse_when(self.section.reviewed).start.year)
        bibtex = bibtex_text(BibliographyData(entries={
            f"deepseek-r1-explainer-{self.section.id}": Entry("misc", fields=fields)})).strip()
        plain = f"“{self.section.title}”. {SITE_NAME}. {url}"
        self.page.heading(2, "Cite this page", "cite-this-page")
        self.page.html(cite_box(plain, bibtex))

    def lede(self) -> None:
        s = self.section
        minutes = reading_minutes(s.summary, s.body, *(c.evidence for c in s.claims))
        total = len(self.index.sections)
        meta = [f"Part {self.position()} of {total}", f"{minutes} min read"]
        if s.reviewed:
            meta.append(f'Last reviewed <time datetime="{parse_when(s.reviewed).iso()}">'
                        f"{attr(parse_when(s.reviewed).human())}</time>")
        summary = self.page.md(s.summary, self.origin("summary"), autolink=False)
        self.page.html(
            f'<p class="xref-meta">{" · ".join(meta)}</p>\n'
            f'<section class="xref-summary" aria-labelledby="in-30-seconds">'
            f'<p class="xref-summary__label" id="in-30-seconds">In 30 seconds</p>{summary}</section>')

    def position(self) -> int:
        return [x.id for x in self.index.sections].index(self.section.id) + 1

    def figures(self) -> None:
        if not self.section.figures:
            return
        cards = []
        for i, fig in enumerate(self.section.figures):
            caption = self.page.md(fig.caption, self.origin("figures", i, "caption"),
                                   inline=True, autolink=False)
            # Sources the caption already cites inline are not cited a second time.
            inline = set(cited_keys(fig.caption))
            rest = tuple(key for key in fig.sources if key not in inline)
            markers = f" {self.page.cite_list(rest)}" if rest else ""
            cards.append(f'<figure class="xref-figure"><p class="xref-figure__value">'
                         f'{attr(fig.value)}</p><figcaption>{caption}{markers}'
                         f'</figcaption></figure>')
        self.page.html('<div class="xref-figures" role="list">'
                       + "".join(f'<div role="listitem">{c}</div>' for c in cards) + "</div>")

    def key_dates(self) -> None:
        events = self.index.section_events(self.section.id)
        if not events:
            return
        self.page.heading(2, "Key dates", "key-dates")
        items = "".join(
            f'<li>{event_time(e)} <a href="{relative_url(self.url, TIMELINE_URL + "#" + e.id)}">'
            f"{attr(e.title)}</a></li>" for e in events)
        self.page.html(f'<ol class="xref-keydates">{items}</ol>\n<p class="xref-more">'
                       f'<a href="{relative_url(self.url, TIMELINE_URL)}">See the full timeline'
                       "</a></p>")

    def claims(self) -> None:
        claims = self.section.claims
        if not claims:
            return
        self.page.heading(2, "Claims checked", "claims")
        self.page.html(verdict_summary(claims) + "\n" + _legend())
        cards = [self.claim_card(i, c) for i, c in enumerate(claims)]
        self.page.html('<ol class="xref-claims">' + "".join(cards) + "</ol>")

    def claim_card(self, i: int, claim: Claim) -> str:
        self.page.state.context = f"Claim: {claim.statement}"
        when = f' · <time datetime="{parse_when(claim.date).iso()}">' \
            f"{attr(parse_when(claim.date).human())}</time>" if claim.date else ""
        reason = self.page.md(claim.reason, self.origin("claims", i, "reason"), inline=True)
        evidence = self.page.md(claim.evidence, self.origin("claims", i, "evidence"))
        self.page.state.context = self.section.title
        return (f'<li class="xref-claim xref-claim--{claim.verdict}" id="claim-{claim.id}">'
                f'<p class="xref-claim__statement">“{attr(claim.statement)}”</p>'
                f'<p class="xref-claim__by">{attr(claim.claimant)}{when}</p>'
                f'<p class="xref-claim__verdict">Verdict: {verdict_badge(claim.verdict)}</p>'
                f'<p class="xref-claim__reason">{reason}</p>'
                f'<details class="xref-claim__evidence"><summary>Evidence</summary>{evidence}'
                "</details></li>")

    def quotes(self) -> None:
        for quote in self.section.quotes:
            who = self.index.terms[quote.speaker]
            href = relative_url(self.url, f"{WHO_URL}#{who.id}")
            self.page.html(
                f'<figure class="xref-quote"><blockquote><p>“{attr(quote.text)}”</p></blockquote>'
                f'<figcaption><a href="{href}">{attr(who.term)}</a>, {attr(quote.role)} '
                f"{self.page.cite_list(quote.sources)}</figcaption></figure>")

    def related(self) -> None:
        if not self.section.related:
            return
        by_id = {s.id: s for s in self.index.sections}
        self.page.heading(2, "Related sections", "related")
        items = "".join(
            f'<li><a href="{relative_url(self.url, section_url(r))}">{attr(by_id[r].title)}</a>'
            f"</li>" for r in self.section.related)
        self.page.html(f'<ul class="xref-related">{items}</ul>')
