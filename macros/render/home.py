"""The home page: the story in one screen, then a card for each section."""

from __future__ import annotations

from ..content.index import TIMELINE_URL, Index, section_url
from ..content.model import Home
from ..content.yamlload import Document
from .common import PageBuilder, attr
from .section import event_time, verdict_summary
from .xref.state import Origin, PageState, relative_url


def home_page(index: Index, home: Home, doc: Document) -> tuple[str, PageState]:
    """Hook paragraph, key-dates strip, verdict summary and section cards."""
    state = PageState(index, "", "Home")
    page = PageBuilder(state)
    page.heading(1, home.title, "top")
    page.html(f'<div class="xref-hook">{page.md(home.hook, Origin(doc, ("hook",)))}</div>')
    events = {e.id: e for e in index.events}
    dates = "".join(
        f'<li>{event_time(events[e])} <a href="{relative_url("", TIMELINE_URL + "#" + e)}">'
        f"{attr(events[e].title)}</a></li>" for e in home.key_dates)
    page.html(f'<section class="xref-datestrip" aria-labelledby="key-dates-label">'
              f'<p class="xref-strip-label" id="key-dates-label">Key dates</p>'
              f'<ol class="xref-keydates">{dates}</ol></section>')
    claims = [(s, c) for s in index.sections for c in s.claims]
    if claims:
        host = claims[0][0]
        page.html(f'<section class="xref-verdicts" aria-labelledby="verdicts-label">'
                  f'<p class="xref-strip-label" id="verdicts-label">{len(claims)} claims checked'
                  f"</p>{verdict_summary(tuple(c for _, c in claims))}"
                  f'<p class="xref-more"><a href="{section_url(host.id)}#claims">'
                  "See every verdict and its evidence</a></p></section>")
    page.heading(2, "The story in six parts", "sections")
    cards = []
    for number, section in enumerate(index.sections, start=1):
        summary = page.md(section.summary, None, autolink=False)
        cards.append(f'<li class="xref-card"><p class="xref-card__number">Part {number}</p>'
                     f'<h3 class="xref-card__title"><a href="{section_url(section.id)}">'
                     f"{attr(section.title)}</a></h3>{summary}</li>")
    page.html('<ol class="xref-cards">' + "".join(cards) + "</ol>")
    page.references()
    return page.markdown(), state
