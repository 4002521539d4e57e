"""Lookup tables over the validated content: ids, aliases, URLs and reverse links."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from .dates import When, parse_when
from .fields import SOURCE_KIND_NAMES
from .matcher import TermMatcher, normalize
from .model import Event, Section, Source, Term

GLOSSARY_URL = "glossary/"
TIMELINE_URL = "timeline/"
SOURCES_URL = "sources/"
WHO_URL = "whos-who/"


def section_url(section_id: str) -> str:
    """Site path of a section page."""
    return f"sections/{section_id}/"


def suggest(key: str, known: Iterable[str]) -> str:
    """`` (did you mean 'a' or 'b'?)`` for the closest known ids, or an empty string."""
    close = difflib.get_close_matches(key.lower(), sorted(set(known)), n=3, cutoff=0.6)
    if not close:
        return ""
    return " (did you mean " + " or ".join(f"'{c}'" for c in close) + "?)"


def surface_forms(term: Term) -> list[str]:
    """The term and its aliases, normalized, in the order given."""
    return [normalize(f) for f in (term.term, *term.aliases)]


@dataclass(frozen=True)
class Index:
    """Everything a renderer needs to resolve an id, built once per build."""

    sections: tuple[Section, ...]
    terms: dict[str, Term]
    events: tuple[Event, ...]
    sources: dict[str, Source]
    forms: dict[str, str] = field(default_factory=dict)
    matcher: TermMatcher = field(default_factory=lambda: TermMatcher({}))
    empty_matcher: TermMatcher = field(default_factory=lambda: TermMatcher({}))
    glossary_url: str = GLOSSARY_URL

    @classmethod
    def build(cls, sections: Iterable[Section], terms: Iterable[Term], events: Iterable[Event],
              sources: Iterable[Source]) -> Index:
        """Sort sections by order and events by date, and compile the term matcher."""
        term_map = {t.id: t for t in terms}
        forms: dict[str, str] = {}
        for term in term_map.values():
            for form in surface_forms(term):
                forms.setdefault(form, term.id)
        return cls(
            sections=tuple(sorted(sections, key=lambda s: (s.order, s.id))),
            terms=term_map,
            events=tuple(sorted(events, key=lambda e: (event_when(e).start.first_day(), e.id))),
            sources={s.id: s for s in sources},
            forms=forms,
            matcher=TermMatcher(forms),
        )

    def resolve_term(self, key: str) -> str | None:
        """The entry id for an id or any surface form, or ``None``."""
        if key in self.terms:
            return key
        return self.forms.get(normalize(key))

    def unknown_term_message(self, key: str) -> str:
        """Reader-facing message for an unknown ``[[key]]``."""
        hint = suggest(key, [*self.terms, *self.forms])
        return f"unknown term '{key}'{hint or ' (use a glossary id or alias)'}"

    def unknown_source_message(self, key: str) -> str:
        """Reader-facing message for an unknown source id."""
        hint = suggest(key, self.sources)
        return f"unknown source '{key}'{hint or ' (add it to content/sources.yml first)'}"

    def source_meta(self, source: Source) -> str:
        """One line under a source's title: outlet, date and kind."""
        parts = [source.outlet]
        if source.published:
            parts.append(parse_when(source.published).human())
        parts.append(SOURCE_KIND_NAMES[source.kind])
        return " · ".join(parts)

    def section_events(self, section_id: str) -> list[Event]:
        """Events linked to a section, in date order."""
        return list(self._events_by_section.get(section_id, ()))

    @cached_property
    def _events_by_section(self) -> dict[str, list[Event]]:
        table: dict[str, list[Event]] = {}
        for event in self.events:
            for section_id in dict.fromkeys(event.sections):  # a repeated id counts once
                table.setdefault(section_id, []).append(event)
        return table


def event_when(event: Event) -> When:
    """The parsed date of an event (validated earlier, so it always parses)."""
    return parse_when(event.date)
