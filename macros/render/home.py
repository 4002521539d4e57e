"""The home page: a first phone screen with the headline, what happened and why it
mattered, the period covered and a way into each part; then the story in brief, key
dates and the verdicts."""

from __future__ import annotations

from ..content.home_model import Home
from ..content.index import TIMELINE_URL, Index, event_when, section_url
from ..content.yamlload import Document
from .common import PageBuilder, attr, number_word, reading_minutes
from .section import event_time, verdict_summary
from .story import curly
from .xref.state import Origin, PageState, relative_url


def _period(index: Index, home: Home) -> str:
    """The period sentence: the editor's words, then the timeline's first and last dates."""
    if not home.period or not index.events:
        return ""
    first, last = event_when(index.events[0]), event_when(index.events[-1])
    end = (last.end or last.start).human()
    return (f'<p class="xref-period">{attr(home.period)}. The <a href="{TIMELINE_URL}">'
            f"timeline</a> runs from {attr(first.start.human())} to {attr(end)}.</p>")


def _parts(page: PageBuilder, index: Index) -> None:
    """A compact list of the parts: number, title and reading time, each a link."""
    page.heading(2, f"The story in {number_word(len(index.sections))} parts", "sections")
    items = []
    for number, section in enumerate(index.sections, start=1):
        minutes = reading_minutes(section.summary, section.body,
                                  *(c.evidence for c in section.claims))
        items.append(f'<li><a href="{section_url(section.id)}"><span class="xref-parts__number">'
                     f'Part {number}</span> <span class="xref-parts__title">'
                     f'{attr(curly(section.title))}</span></a> <span class="xref-parts__time">'
                     f"{minutes} min</span></li>")
    page.html('<ol class="xref-parts">' + "".join(items) + "</ol>")


def home_page(index: Index, home: Home, doc: Document) -> tuple[str, PageState]:
    """Headline, lede, period and parts; then the hook, key dates and verdict summary."""
    state = PageState(index, "", "Home")
    page = PageBuilder(state)
    page.heading(1, home.headline or home.title, "top")
    if home.lede:
        lede = page.md(home.lede, Origin(doc, ("lede",)), autolink=False)
        page.html(f'<div class="xref-lede">{lede}</div>')
    page.html(_period(index, home))
    _parts(page, index)
    page.heading(2, "The story in brief", "in-brief")
    page.html(f'<div class="xref-hook">{page.md(home.hook, Origin(doc, ("hook",)), autolink=False)}</div>')
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
    page.references()
    return page.markdown(), state
