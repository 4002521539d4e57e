"""The front page's content model: `content/home.yml`, with its reuse block."""

from __future__ import annotations

from pydantic import Field

from .fields import Id, Line, Prose, Strict, Title, Url


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
    headline: Title | None = Field(None, description="The home page's headline, if it should "
                                   "differ from `title` (which names the site everywhere else).")
    lede: Prose | None = Field(None, description="One plain-language sentence of Markdown, "
                               "cited: what happened and why it mattered. Shown first, under "
                               "the headline, with no automatic term links.")
    period: Line | None = Field(None, description="Plain text: the period the site is about, "
                                "e.g. `January 2025, with what led up to it`. The timeline's "
                                "first and last dates are added after it.")
    hook: Prose = Field(description="One paragraph of Markdown that tells the story, cited.")
    key_dates: tuple[Id, ...] = Field(min_length=1, max_length=7,
                                      description="Timeline event ids for the key-dates strip.")
    reuse: Reuse | None = Field(None, description="The licence and reuse text; with it, the "
                                "site gets a `reuse/` page (linked from llms.txt and the feed).")
