"""The raw-block preprocessor stashes the engine's finished HTML blocks, and changes nothing:
every page renders to the same HTML and table of contents as without it."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from macros.render.rawblocks import RawBlocksExtension
from macros.render.site import build_site

from ..conftest import ROOT, site_config

GENERATOR = ROOT / "tests" / "fixtures" / "generator"


def _extensions(root: Path) -> tuple[list[str], dict]:
    """The Markdown extensions and their settings from ``root``'s mkdocs.yml."""
    names, configs = [], {}
    for item in site_config(root).get("markdown_extensions", []):
        name, settings = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        names.append(name)
        configs[name] = settings or {}
    return names, configs


def _both(text: str, root: Path = ROOT) -> tuple[tuple[str, str], tuple[str, str]]:
    """(HTML, table of contents) without and with the preprocessor."""
    names, configs = _extensions(root)
    out = []
    for extra in ([], [RawBlocksExtension()]):
        md = markdown.Markdown(extensions=[*names, *extra], extension_configs=configs)
        html = md.convert(text)
        out.append((html, getattr(md, "toc", "")))
    return out[0], out[1]


@pytest.mark.parametrize("root", [ROOT, GENERATOR], ids=["real", "generator"])
def test_every_page_renders_the_same_with_it(root: Path) -> None:
    site = build_site(root, "http://127.0.0.1:8000/", "Site", "")
    differ = []
    for key, text in site.pages.items():
        plain, ours = _both(text, root)
        if ours != plain:
            differ.append(key)
    assert differ == []


def test_finished_blocks_are_stashed_and_the_rest_is_left_alone() -> None:
    text = ("# Title {#top}\n\n"
            '<div class="a"><div>nested</div>\n\n<p>after a blank line</p></div>\n\n'
            "<p>one</p>\n\n"
            "<hr>\n\n"
            "<span>inline, so a paragraph</span>\n\n"
            "<p>text after the end tag</p> *tail*\n\n"
            "<p>not followed by a blank line</p>\nmore *text*\n\n"
            "<ol><li>run</li></ol>\n<p>of two</p>\n\n"
            "<ol><li>run</li></ol>\n<p>then text</p>\ntext\n\n"
            "<ol><li>run</li></ol>\n<p>open\n\n"
            "<pre>two\n\nlines</pre>\n")
    plain, ours = _both(text)
    assert ours == plain
    names, configs = _extensions(ROOT)
    md = markdown.Markdown(extensions=[*names, RawBlocksExtension()], extension_configs=configs)
    lines = md.preprocessors["normalize_whitespace"].run(text.split("\n"))
    stashed = [line for line in md.preprocessors["explainer_raw_blocks"].run(lines)
               if "\x02" in line]
    # The div (with a blank line inside), a paragraph, the run of two elements without a
    # blank line between them, and the pre; not the rest.
    assert len(stashed) == 4
    assert md.htmlStash.rawHtmlBlocks == [
        '<div class="a"><div>nested</div>\n\n<p>after a blank line</p></div>\n',
        "<p>one</p>\n", "<ol><li>run</li></ol>\n<p>of two</p>\n", "<pre>two\n\nlines</pre>\n"]
