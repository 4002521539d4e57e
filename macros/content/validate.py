"""Turn loaded documents into the typed model, and check every cross-reference.

Every problem in every file is collected before anything fails, so an editor sees the
whole list at once, each as ``path:line:col: field.path: what is wrong (what is allowed)``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from .errors import Problem
from .index import Index, suggest, surface_forms
from .inline import CitationSyntaxError, Cite, cites, subheadings, term_refs
from .matcher import normalize
from .messages import problem_at, schema_problems
from .model import Claim, Event, Glossary, Home, Section, Source, Sources, Term, Timeline
from .yamlload import Document, Path_, dotted


@dataclass
class Checked:
    """Valid content plus the documents it came from, for locating later problems."""

    sections: list[tuple[Section, Document]] = field(default_factory=list)
    terms: list[tuple[Term, Document, Path_]] = field(default_factory=list)
    events: list[tuple[Event, Document, Path_]] = field(default_factory=list)
    sources: list[tuple[Source, Document, Path_]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Ids declared in the raw data, valid or not: a reference to an entry that has its own
    # error is not reported a second time as "unknown".
    declared: dict[str, set[str]] = field(default_factory=dict)

    def declare(self, kind: str, data: Any) -> None:
        """Note the ``id`` of a raw mapping, if it has one."""
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            self.declared.setdefault(kind, set()).add(data["id"])


# --- Markdown text fields -----------------------------------------------------------------

def section_texts(section: Section) -> Iterator[tuple[Path_, str]]:
    """Every Markdown field of a section, with its path, in page order."""
    yield ("summary",), section.summary
    for i, figure in enumerate(section.figures):
        yield ("figures", i, "caption"), figure.caption
    yield ("body",), section.body
    for i, claim in enumerate(section.claims):
        yield from claim_texts(claim, ("claims", i))
    for i, text in enumerate(section.takeaways):
        yield ("takeaways", i), text


def claim_texts(claim: Claim, where: Path_) -> Iterator[tuple[Path_, str]]:
    """The Markdown fields of one claim."""
    yield (*where, "reason"), claim.reason
    yield (*where, "evidence"), claim.evidence


class _Checker:
    """Cross-file checks over schema-valid content."""

    def __init__(self, checked: Checked) -> None:
        self.c = checked
        self.section_ids = {s.id for s, _ in checked.sections} | checked.declared.get("section", set())
        self.term_keys: dict[str, str] = {}
        for term, _, _ in checked.terms:
            for form in surface_forms(term):
                self.term_keys.setdefault(form, term.id)
        self.term_ids = {t.id for t, _, _ in checked.terms} | checked.declared.get("term", set())
        self.source_ids = {s.id for s, _, _ in checked.sources} | \
            checked.declared.get("source", set())

    def add(self, doc: Document, where: Path_, message: str, **kw: Any) -> None:
        self.c.problems.append(problem_at(doc, where, message, **kw))

    def refs(self, doc: Document, where: Path_, ids: tuple[str, ...], known: set[str],
             what: str, fix: str) -> None:
        for i, ref in enumerate(ids):
            if ref not in known:
                hint = suggest(ref, known) or f" ({fix})"
                self.add(doc, (*where, i), f"unknown {what} '{ref}'{hint}")

    def text(self, doc: Document, where: Path_, text: str) -> int:
        """Check inline references in one Markdown field; return how many citations it has."""
        count = 0
        seen: dict[str, int] = {}
        for ref in term_refs(text):
            occurrence = seen[ref.raw] = seen.get(ref.raw, -1) + 1
            if ref.key not in self.term_ids and normalize(ref.key) not in self.term_keys:
                span = doc.locate(where, ref.raw, occurrence)
                hint = suggest(ref.key, [*self.term_ids, *self.term_keys]) or \
                    " (use a glossary id or alias)"
                self.c.problems.append(Problem(doc.path, span.line, span.col, dotted(where),
                                               f"unknown term '{ref.key}'{hint}"))
        for cite in cites(text):
            raw: str = cite.raw  # type: ignore[union-attr]
            occurrence = seen[raw] = seen.get(raw, -1) + 1
            messages = [str(cite)] if isinstance(cite, CitationSyntaxError) else []
            for item in () if messages else cite.items:  # type: ignore[union-attr]
                count += 1
                if item.key not in self.source_ids:
                    hint = suggest(item.key, self.source_ids) or \
                        " (add it to content/sources.yml first)"
                    messages.append(f"unknown source '{item.key}'{hint}")
            if messages:  # locate only what is wrong: locating every citation is costly
                span = doc.locate(where, raw, occurrence)
                self.c.problems += [Problem(doc.path, span.line, span.col, dotted(where), m)
                                    for m in messages]
        return count

    def unique(self, items: list[tuple[str, Document, Path_]], what: str) -> None:
        first: dict[str, tuple[Document, Path_]] = {}
        for ident, doc, where in items:
            if ident in first:
                other_doc, other_where = first[ident]
                span = other_doc.span((*other_where, "id"))
                self.add(doc, (*where, "id"), f"duplicate {what} id '{ident}' (already used at "
                         f"{other_doc.path}:{span.line}; ids must be unique)")
            else:
                first[ident] = (doc, where)

    def run(self) -> None:
        self.sections()
        self.glossary()
        self.timeline()
        self.unique([(s.id, d, w) for s, d, w in self.c.sources], "source")
        self.access_dates()

    def access_dates(self) -> None:
        """Warn about sources whose URL nobody has recorded checking."""
        for source, doc, where in self.c.sources:
            if source.accessed is None and (source.url or source.via):
                self.add(doc, (*where, "id"), f"source '{source.id}' has no access date (open "
                         "its URL, check it supports the note, then add `accessed: YYYY-MM-DD`)",
                         severity="warning")

    def sections(self) -> None:
        self.unique([(s.id, d, ()) for s, d in self.c.sections], "section")
        orders: dict[int, str] = {}
        for section, doc in self.c.sections:
            if section.order in orders and orders[section.order] != section.id:
                self.add(doc, ("order",), f"order {section.order} is also used by section "
                         f"'{orders[section.order]}' (give each section its own position)")
            orders.setdefault(section.order, section.id)
            self.refs(doc, ("related",), section.related, self.section_ids - {section.id},
                      "section", "use another section's id")
            for i, fig in enumerate(section.figures):
                self.refs(doc, ("figures", i, "sources"), fig.sources, self.source_ids,
                          "source", "add it to content/sources.yml first")
            for i, quote in enumerate(section.quotes):
                self.refs(doc, ("quotes", i, "sources"), quote.sources, self.source_ids,
                          "source", "add it to content/sources.yml first")
                if quote.speaker not in self.term_ids:
                    self.add(doc, ("quotes", i, "speaker"), f"unknown person '{quote.speaker}'"
                             f"{suggest(quote.speaker, self.term_ids) or ' (add them to the glossary)'}")
            self.diagrams(section, doc)
            for where, text in section_texts(section):
                self.text(doc, where, text)
            self.unique([(c.id, doc, ("claims", i)) for i, c in enumerate(section.claims)],
                        "claim")
            for i, claim in enumerate(section.claims):
                if not cite_count(claim.evidence):
                    self.add(doc, ("claims", i, "evidence"), "claim cites no source "
                             "(add [@source-id] after the evidence)")

    def diagrams(self, section: Section, doc: Document) -> None:
        """Diagram steps cite known sources; ids are unique; ``under`` names a subheading."""
        self.unique([(d.id, doc, ("diagrams", i)) for i, d in enumerate(section.diagrams)],
                    "diagram")
        headings = subheadings(section.body)
        for i, diagram in enumerate(section.diagrams):
            for j, step in enumerate(diagram.steps):
                self.refs(doc, ("diagrams", i, "steps", j, "sources"), step.sources,
                          self.source_ids, "source", "add it to content/sources.yml first")
            if diagram.under is not None and diagram.under not in headings:
                hint = suggest(diagram.under, headings) or " (copy a ### subheading of the body)"
                self.add(doc, ("diagrams", i, "under"),
                         f"no subheading '### {diagram.under}' in the body{hint}")

    def glossary(self) -> None:
        self.unique([(t.id, d, w) for t, d, w in self.c.terms], "glossary")
        owner: dict[str, tuple[str, Document, Path_]] = {}
        for term, doc, where in self.c.terms:
            # A term may not list itself; copy the id set only in that rare case.
            known = self.term_ids - {term.id} if term.id in term.see_also else self.term_ids
            self.refs(doc, (*where, "see_also"), term.see_also, known, "term",
                      "use another glossary id")
            self.refs(doc, (*where, "sources"), term.sources, self.source_ids, "source",
                      "add it to content/sources.yml first")
            cited = self.text(doc, (*where, "body"), term.body)
            if not cited and not term.sources:
                self.add(doc, (*where, "sources"), f"entry '{term.id}' cites no source "
                         "(add sources: [id] or [@id] in the body)")
            for i, form in enumerate(surface_forms(term)):
                claimed = owner.get(form)
                if claimed and claimed[0] != term.id:
                    field_path = (*where, "aliases", i - 1) if i else (*where, "term")
                    span = claimed[1].span(claimed[2])
                    self.add(doc, field_path, f"'{form}' is already claimed by '{claimed[0]}' "
                             f"(line {span.line}; an alias may belong to one entry only)")
                owner.setdefault(form, (term.id, doc, where))

    def timeline(self) -> None:
        self.unique([(e.id, d, w) for e, d, w in self.c.events], "event")
        for event, doc, where in self.c.events:
            self.refs(doc, (*where, "sections"), event.sections, self.section_ids, "section",
                      "use a section id")
            self.refs(doc, (*where, "sources"), event.sources, self.source_ids, "source",
                      "add it to content/sources.yml first")
            cited = self.text(doc, (*where, "description"), event.description)
            if not cited and not event.sources:
                self.add(doc, (*where, "sources"), f"event '{event.id}' cites no source "
                         "(add sources: [id] or [@id] in the description)")


def cite_count(text: str) -> int:
    """How many well-formed citation items a text has."""
    return sum(len(c.items) for c in cites(text) if isinstance(c, Cite))


def check(section_docs: list[Document], glossary: Document | None, timeline: Document | None,
          sources: Document | None, unreadable_sections: set[str] = frozenset()) -> Checked:
    """Validate every document, then cross-check the valid ones."""
    checked = Checked()
    checked.declared["section"] = set(unreadable_sections)
    for doc in section_docs:
        checked.declare("section", doc.data)
        obj, problems = schema_problems(doc, Section)
        checked.problems += problems
        if obj is not None:
            checked.sections.append((obj, doc))
    for doc, model, attr, target, kind in (
        (glossary, Glossary, "entries", checked.terms, "term"),
        (timeline, Timeline, "events", checked.events, "event"),
        (sources, Sources, "sources", checked.sources, "source"),
    ):
        if doc is None:
            continue
        _, problems = schema_problems(doc, model)
        checked.problems += problems
        # Keep every entry that is valid on its own, so one bad entry does not turn
        # each reference to the others into a second, misleading error.
        items = doc.data.get(attr) if isinstance(doc.data, dict) else None
        item_model = model.model_fields[attr].annotation.__args__[0]  # type: ignore[union-attr]
        for i, item in enumerate(items if isinstance(items, (list, tuple)) else ()):
            checked.declare(kind, item)
            with suppress(ValidationError):
                target.append((item_model.model_validate(item), doc, (attr, i)))
    _Checker(checked).run()
    return checked


def to_index(checked: Checked) -> Index:
    """Build the lookup index from checked content."""
    return Index.build((s for s, _ in checked.sections), (t for t, _, _ in checked.terms),
                       (e for e, _, _ in checked.events), (s for s, _, _ in checked.sources))


def check_home(doc: Document, checked: Checked) -> Home | None:
    """Validate ``home.yml``: its shape, its event ids and its hook's references."""
    home, problems = schema_problems(doc, Home)
    checked.problems.extend(problems)
    if home is None:
        return None
    checker = _Checker(checked)
    events = {e.id for e, _, _ in checked.events} | checked.declared.get("event", set())
    checker.refs(doc, ("key_dates",), home.key_dates, events, "event", "use a timeline event id")
    checker.text(doc, ("hook",), home.hook)
    return home
