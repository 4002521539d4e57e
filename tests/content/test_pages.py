"""``content/pages.yml``: optional, validated like every content file, and shown where it
belongs (the reference pages' opening sentence and description)."""

from __future__ import annotations

from pathlib import Path

from macros.content.load import load_content
from macros.content.pages import GENERIC_DESCRIPTIONS, NO_PAGES
from macros.publish.publication import page_description
from macros.render.site import render_site

from ..conftest import content_errors


def test_without_pages_yml_the_engine_writes_generic_descriptions(mini: Path) -> None:
    content = load_content(mini, mini.parent)
    assert content.pages is NO_PAGES
    site = render_site(content)
    timeline = next(s for s in site.specs if s.key == "timeline")
    assert page_description(site, timeline) == GENERIC_DESCRIPTIONS["timeline"]


def test_pages_yml_gives_the_description_and_opens_the_page(mini: Path) -> None:
    (mini / "pages.yml").write_text(
        "whos_who:\n  description: The cast of the mini story.\n"
        "  intro: Everyone in the mini story.\n", "utf-8")
    site = render_site(load_content(mini, mini.parent))
    who = next(s for s in site.specs if s.key == "whos-who")
    assert page_description(site, who) == "The cast of the mini story."
    assert '<p class="xref-intro">Everyone in the mini story. Each name leads' in \
        site.pages["whos-who"]


def test_pages_yml_problems_name_file_line_and_field(mini: Path) -> None:
    (mini / "pages.yml").write_text(
        "timeline:\n  description: Dated events [@src-one].\nabout:\n  description: x\n", "utf-8")
    assert content_errors(mini) == [
        "content/pages.yml:2:16: timeline.description: this field is plain text: no "
        "[@citations] or [[terms]] (write it in words; the pages themselves carry the "
        "citations)",
        "content/pages.yml:3:1: about: unknown field 'about' (allowed: glossary, whos_who, "
        "timeline, sources)"]
