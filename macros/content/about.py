"""``content/about.yml``: the "About and method" page, an optional file.

The page's parts are the editor's Markdown; two things on it come from the engine, so
they can never disagree with the site: the verdict scale (``adds: verdicts``) and the
ways to propose a correction (``adds: proposals``, links only when a repository is set).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .fields import Prose, Strict, Title
from .messages import schema_problems
from .validate import Checked, checker_for
from .yamlload import Document

ABOUT = "about.yml"


class AboutPart(Strict):
    """One part of the page: a heading and its Markdown, cited like any other text."""

    heading: Title = Field(description="The part's heading, plain text.",
                           examples=["How facts are checked"])
    text: Prose = Field(description="Markdown: what the part says, with citations.")
    adds: Literal["verdicts", "proposals"] | None = Field(
        None, description="`verdicts`: the verdict scale follows the text; `proposals`: links "
        "to open an issue or a pull request follow it (when the site has a repository).")


class About(Strict):
    """`content/about.yml`: what the site is and how it works."""

    title: Title = Field(description="The page title, plain text.",
                         examples=["About this site and its method"])
    parts: tuple[AboutPart, ...] = Field(min_length=1, description="The parts, in order.")


def check_about(doc: Document, checked: Checked) -> About | None:
    """Validate ``about.yml``: its shape and the references in every part's text."""
    about, problems = schema_problems(doc, About)
    checked.problems.extend(problems)
    if about is None:
        return None
    checker = checker_for(checked)
    for i, part in enumerate(about.parts):
        checker.text(doc, ("parts", i, "text"), part.text)
    return about
