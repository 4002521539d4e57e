"""The building blocks of the content model: constrained field types, the fixed
vocabularies (verdicts, categories, source kinds) and the field checks they share.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

from .dates import parse_when

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SOURCE_ID_PATTERN = r"^[a-z0-9]+([.-][a-z0-9]+)*$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
SourceId = Annotated[str, StringConstraints(pattern=SOURCE_ID_PATTERN, max_length=80)]
Line = Annotated[str, StringConstraints(min_length=1, max_length=300)]
# Page titles reach the theme's templates, which print them unescaped: no angle brackets.
Title = Annotated[str, StringConstraints(min_length=1, max_length=120, pattern=r"^[^<>]+$")]
Short = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Prose = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://[^\s<>\"]+$", max_length=500)]
When = Annotated[str, StringConstraints(max_length=25)]

Verdict = Literal["supported", "overstated", "misleading", "unverified", "false"]
TermKind = Literal["concept", "person", "organization", "product", "policy"]
Category = Literal["company", "model-release", "markets", "policy", "research", "politics"]
DiagramKind = Literal["flow", "ladder"]
SourceKind = Literal["news", "paper", "government", "company", "blog", "repository",
                     "podcast", "reference"]

VERDICTS: dict[str, str] = {
    "supported": "The evidence backs the claim as stated.",
    "overstated": "The core is true, but the claim goes further than the evidence.",
    "misleading": "The figure or fact may be accurate, but the claim gives a false impression.",
    "unverified": "No source we can check confirms or refutes it.",
    "false": "The evidence contradicts it.",
}
CATEGORIES: dict[str, str] = {
    "company": "Company", "model-release": "Model release", "markets": "Markets",
    "policy": "Policy and export controls", "research": "Research", "politics": "Politics",
}
SOURCE_KIND_NAMES: dict[str, str] = {
    "news": "News", "paper": "Paper or report", "government": "Government document",
    "company": "Company announcement", "blog": "Blog post", "repository": "Code repository",
    "podcast": "Podcast", "reference": "Reference work",
}
SOURCE_KINDS: dict[str, str] = {
    "news": "News", "paper": "Papers and reports", "government": "Government",
    "company": "Company announcements", "blog": "Blogs and newsletters",
    "repository": "Code repositories", "podcast": "Podcasts", "reference": "Reference works",
}


class Strict(BaseModel):
    """Base: immutable, no unknown fields, no type coercion."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


def dated(value: str | None) -> str | None:
    if value is not None:
        parse_when(value)
    return value


def plain_only(value: str) -> str:
    """Refuse inline syntax in fields that are shown as plain text (SVG labels)."""
    if "[@" in value or "[[" in value:
        raise ValueError("this field is plain text: no [@citations] or [[terms]] (list the "
                         "step's sources under sources:)")
    return value


def one_day(value: str) -> str:
    """Refuse anything but one full calendar day (``YYYY-MM-DD``)."""
    when = parse_when(value)
    if when.end is not None or when.start.precision != "day":
        raise ValueError(f"'{value}' is not a single day (write YYYY-MM-DD)")
    return value
