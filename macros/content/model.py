"""The typed, frozen content model, one pydantic class per YAML shape.

Field descriptions and examples feed the JSON Schemas editors get in VS Code, so every
field says what it is for.  Cross-file rules (ids that must exist, sourcing) live in
``validate.py``; this module (with ``fields.py``) only states the shape of each file.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .dates import parse_when
from .fields import (
    Category,
    DiagramKind,
    Id,
    Line,
    Prose,
    Short,
    SourceId,
    SourceKind,
    Strict,
    TermKind,
    Title,
    Url,
    Verdict,
    When,
    dated,
    one_day,
    plain_only,
)


class Figure(Strict):
    """A key number shown big, with what it does and does not include."""

    value: Line = Field(description="The number as shown, e.g. `$5.576M`.", examples=["$5.576M"])
    caption: Prose = Field(description="One line: what the number counts and what it leaves out.")
    sources: tuple[SourceId, ...] = Field(min_length=1, description="Source ids behind the number.")


class Quote(Strict):
    """A short, verbatim, attributed phrase."""

    text: Line = Field(description="The exact words, as the source gives them.")
    speaker: Id = Field(description="Glossary id of the person quoted.", examples=["stacy-rasgon"])
    role: Line = Field(description="Who the speaker is, e.g. `Analyst, Bernstein`.")
    sources: tuple[SourceId, ...] = Field(min_length=1, description="Where the quote was seen.")


class Claim(Strict):
    """One claim from the coverage, with a verdict that follows from cited evidence."""

    id: Id = Field(description="Anchor id of the claim, unique on the page.")
    statement: Line = Field(description="The claim, as it was made or widely repeated.")
    claimant: Line = Field(description="Who made or spread the claim.")
    date: When | None = Field(None, description="When the claim was made (ISO date).")
    verdict: Verdict = Field(description="supported, overstated, misleading, unverified or false.")
    reason: Line = Field(description="One line: why this verdict.")
    evidence: Prose = Field(description="Markdown with citations: what the sources show.")

    _check_date = field_validator("date")(dated)


class DiagramStep(Strict):
    """One box of a diagram: a short label, a sentence of detail, and its sources."""

    label: Annotated[str, StringConstraints(min_length=1, max_length=60)] = Field(
        description="Plain text shown in bold in the box: a few words.",
        examples=["R1-Zero", "A800 and H800 for China"])
    detail: Annotated[str, StringConstraints(min_length=1, max_length=160)] = Field(
        description="Plain text: one short sentence shown under the label and in the text "
        "version. No Markdown; cite through `sources`.",
        examples=["Reinforcement learning with GRPO straight on the base model, with no "
                  "supervised fine-tuning first."])
    when: When | None = Field(None, description="Date of the step at honest precision "
                              "(`2023`, `2023-10`, `2023-10-17`); a ladder shows it on its "
                              "time axis, a flow inside the box.", examples=["2023-10-17"])
    branch: bool = Field(False, description="Flow only: draw this step beside the step before "
                         "it, as an offshoot; the chain continues from the step before, not "
                         "from this one.")
    sources: tuple[SourceId, ...] = Field(min_length=1, description="Source ids behind every "
                                          "fact in this step.",
                                          examples=[["deepseek-r1-github-repo"]])

    _check_date = field_validator("when")(dated)
    _check_plain = field_validator("label", "detail")(plain_only)


class Diagram(Strict):
    """A diagram drawn at build time as inline SVG, with a text version and citations."""

    id: Id = Field(description="Diagram id, unique on the page; its anchor is "
                   "`#diagram-<id>`.", examples=["r1-training"])
    kind: DiagramKind = Field(description="`flow`: boxes joined by arrows, top to bottom, "
                              "with optional side branches. `ladder`: steps on a time axis, "
                              "each dated with `when`.", examples=["flow"])
    title: Line = Field(description="Plain-text title: the caption and the SVG's <title>.",
                        examples=["How R1 was trained"])
    description: Annotated[str, StringConstraints(min_length=1, max_length=1000)] = Field(
        description="Plain-text description of the whole diagram for screen readers (the "
        "SVG's <desc>), and the opening of its text version. Say what it shows, in order.")
    under: Line | None = Field(None, description="Text of the body's `###` subheading at the "
                               "end of whose subsection the diagram is shown; without it, the "
                               "diagram follows the body.", examples=["How R1 was trained"])
    steps: tuple[DiagramStep, ...] = Field(min_length=2, max_length=12,
                                           description="The boxes, in reading order.")

    _check_plain = field_validator("title", "description")(plain_only)

    @model_validator(mode="after")
    def _branches(self) -> Diagram:
        for i, step in enumerate(self.steps):
            if not step.branch:
                continue
            if self.kind != "flow":
                raise ValueError(f"step {i + 1} ('{step.label}') is a branch, but only a flow "
                                 "has branches (remove branch: true)")
            if i == 0 or self.steps[i - 1].branch:
                raise ValueError(f"step {i + 1} ('{step.label}') is a branch, so it needs a "
                                 "main step just before it (one branch per step)")
        return self


class Change(Strict):
    """One dated change to a section, shown in the site's Atom feed."""

    date: When = Field(description="The day the change was made, `YYYY-MM-DD` (take it from "
                       "the commit that made it: `git log -- content/sections/<id>.yml`).",
                       examples=["2026-11-28"])
    summary: Line = Field(description="Plain text, one line: what changed on the page.",
                          examples=["Added a diagram of how R1 was trained, every step cited."])

    _check_date = field_validator("date")(one_day)
    _check_plain = field_validator("summary")(plain_only)


class Section(Strict):
    """One chapter of the story: `content/sections/<id>.yml`."""

    id: Id = Field(description="Section id; also the page's URL.", examples=["hype-vs-reality"])
    order: int = Field(ge=1, le=99, description="Position in reading order (1 = first).")
    title: Title = Field(description="Plain-text page title, without `<` or `>`.",
                         examples=["Hype vs reality"])
    summary: Prose = Field(description="One or two sentences: the section in 30 seconds.")
    body: Prose = Field(description="Markdown: several paragraphs, `###` subheadings allowed.")
    takeaways: tuple[Prose, ...] = Field(min_length=1, description="Key takeaways, one line each.")
    related: tuple[Id, ...] = Field(default=(), description="Ids of related sections.")
    reviewed: When | None = Field(None, description="Date the section was last fact-checked; "
                                  "shown under the title and as the page's modified date.")
    changes: tuple[Change, ...] = Field(default=(), description="Dated changes to this page, "
                                        "oldest first; each is an entry in the Atom feed.")
    figures: tuple[Figure, ...] = Field(default=(), description="Key figures shown as callouts.")
    quotes: tuple[Quote, ...] = Field(default=(), description="Short pull quotes.")
    claims: tuple[Claim, ...] = Field(default=(), description="Claims checked on this page.")
    diagrams: tuple[Diagram, ...] = Field(default=(), description="Diagrams drawn as inline "
                                          "SVG, each with a text version and citations.")

    _check_date = field_validator("reviewed")(dated)

    @field_validator("changes")
    @classmethod
    def _changes_in_order(cls, changes: tuple[Change, ...], info: ValidationInfo) -> tuple[Change, ...]:
        days = [parse_when(c.date).start.first_day() for c in changes]
        for i in range(1, len(days)):
            if days[i] < days[i - 1]:
                raise ValueError(f"change {i + 1} ({changes[i].date}) is dated before change {i} "
                                 f"({changes[i - 1].date}): list changes oldest first")
        reviewed = info.data.get("reviewed")
        if days and reviewed and parse_when(reviewed).end is None \
                and parse_when(reviewed).start.last_day() < days[-1]:
            raise ValueError(f"the latest change ({changes[-1].date}) is after `reviewed` "
                             f"({reviewed}): a change is checked when it is made, so move "
                             "`reviewed` forward")
        return changes


class Term(Strict):
    """One glossary entry."""

    id: Id = Field(description="Entry id; the anchor on the glossary page.")
    term: Line = Field(description="The term as displayed.", examples=["test-time scaling"])
    kind: TermKind = Field(description="concept, person, organization, product or policy.")
    aliases: tuple[Line, ...] = Field(default=(), description="Other spellings, plurals, "
                                      "abbreviations; each matched as a whole word.")
    short: Short = Field(description="One plain-text sentence for the tooltip.")
    body: Prose = Field(description="Markdown explanation with citations.")
    see_also: tuple[Id, ...] = Field(default=(), description="Related glossary ids.")
    sources: tuple[SourceId, ...] = Field(default=(), description="Sources for the definition.")


class Glossary(Strict):
    """`content/glossary.yml`."""

    entries: tuple[Term, ...] = Field(min_length=1, description="Glossary entries.")


class Event(Strict):
    """One dated event on the timeline."""

    id: Id = Field(description="Event id; the anchor on the timeline page.")
    date: When = Field(description="ISO 8601 at honest precision: `2023`, `2023-03`, "
                       "`2023-03-21`, or a range `2025-01-26/2025-01-27`.",
                       examples=["2025-01-20", "2023-03", "2025-01-26/2025-01-27"])
    title: Line = Field(description="Plain-text title.")
    description: Prose = Field(description="Markdown, one to three sentences, with citations.")
    category: Category = Field(description="One of the fixed categories.")
    sections: tuple[Id, ...] = Field(default=(), description="Sections this event belongs to.")
    sources: tuple[SourceId, ...] = Field(default=(), description="Sources for the event.")

    _check_date = field_validator("date")(dated)


class Timeline(Strict):
    """`content/timeline.yml`."""

    events: tuple[Event, ...] = Field(min_length=1, description="Timeline events, any order.")


class Copy(Strict):
    """The copy of a source we verified it through."""

    url: Url = Field(description="http(s) address of the copy.")
    outlet: Line = Field(description="Site that hosts the copy.")


class Source(Strict):
    """One bibliography entry, after Wikipedia's CS1 fields."""

    id: SourceId = Field(description="Citation key, used as `[@id]`.")
    kind: SourceKind = Field(description="news, paper, government, company, blog, repository, "
                             "podcast or reference.")
    title: Line = Field(description="Title as published.")
    outlet: Line = Field(description="Outlet or publisher.")
    authors: tuple[Line, ...] = Field(default=(), description="Authors, `First Last`.")
    published: When | None = Field(None, description="Publication date at honest precision.")
    url: Url | None = Field(None, description="The original's address, when it was seen.")
    via: Copy | None = Field(None, description="The copy the source was verified through.")
    accessed: When | None = Field(None, description="Date the URL was last checked.")
    archive_url: Url | None = Field(None, description="An archived copy.")
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}(-[A-Z]{2})?$")] = Field(
        "en", description="Language code, e.g. `en`.")
    note: Line = Field(description="One line: what this source supports on the site.")

    _check_dates = field_validator("published", "accessed")(dated)


class Sources(Strict):
    """`content/sources.yml`."""

    sources: tuple[Source, ...] = Field(min_length=1, description="Bibliography entries.")


class Reuse(Strict):
    """The "Reuse this work" page: the licence of the site's text and how to reuse it."""

    licence: Line = Field(description="The licence's full name, plain text.",
                          examples=["Creative Commons Attribution 4.0 International (CC BY 4.0)"])
    licence_url: Url = Field(description="The licence's own page.",
                             examples=["https://creativecommons.org/licenses/by/4.0/"])
    text: Prose = Field(description="Markdown: what a reader may do with the text, and how to "
                        "credit it. The citation, the data downloads and the feed are listed "
                        "after it automatically.")


class Home(Strict):
    """`content/home.yml`: the front page's hook and its strip of key dates."""

    title: Title = Field(description="The site's headline, plain text without `<` or `>`.")
    hook: Prose = Field(description="One paragraph of Markdown that tells the story, cited.")
    key_dates: tuple[Id, ...] = Field(min_length=1, max_length=7,
                                      description="Timeline event ids for the key-dates strip.")
    reuse: Reuse | None = Field(None, description="The licence and reuse text; with it, the "
                                "site gets a `reuse/` page (linked from llms.txt and the feed).")
