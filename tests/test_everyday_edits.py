"""The edits CONTRIBUTING.md describes, made on a copy of the project, keep the build green.

Bump a section's review date and add a change note; add a section; add a term, an event
and a source; rename the site.  Whatever today's content is, the copy must build with
``--strict`` and show each edit where a reader would look for it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from html import unescape
from pathlib import Path

from macros.content.dates import parse_when
from macros.content.load import load_content
from macros.render.common import number_word

from .conftest import edit, real_index, run_build, site_config

NEW_NAME = "A renamed explainer"
TERM, EVENT, SOURCE, SECTION = "everyday-term", "everyday-event", "everyday-source", "everyday-part"


def _latest_day() -> date:
    index = real_index()
    days = [parse_when(s.reviewed).start.last_day() for s in index.sections if s.reviewed]
    days += [parse_when(c.date).start.first_day() for s in index.sections for c in s.changes]
    return max(days)


def _append_to_list(text: str, key: str, entry: str) -> str:
    """Add ``entry`` (YAML lines at the list's indent) as the last item of ``key:``."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    end = start + 1
    while end < len(lines) and (lines[end].startswith((" ", "\n")) or not lines[end].strip()):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return "".join(lines[:end]) + entry + "".join(lines[end:])


def review_and_note(project: Path, day: str) -> str:
    """Bump the first section's ``reviewed`` and add a change note, as CONTRIBUTING says."""
    section = real_index().sections[0]
    path = project / "content" / "sections" / f"{section.id}.yml"
    text = path.read_text("utf-8")
    if section.reviewed:
        text = re.sub(r'^reviewed: .*$', f'reviewed: "{day}"', text, count=1, flags=re.M)
    else:
        text += f'reviewed: "{day}"\n'
    note = f'  - date: "{day}"\n    summary: Checked every figure again.\n'
    text = _append_to_list(text, "changes", note) if section.changes else \
        text + "changes:\n" + note
    path.write_text(text, "utf-8")
    return section.id


def add_entries(project: Path, day: str) -> None:
    """A source, a term and an event at the end of their files; a new last section."""
    index = real_index()
    content = project / "content"
    with (content / "sources.yml").open("a", encoding="utf-8") as f:
        f.write(f"\n  - id: {SOURCE}\n    kind: reference\n    title: An everyday source\n"
                "    outlet: A library\n    note: Supports the new section.\n")
    with (content / "glossary.yml").open("a", encoding="utf-8") as f:
        f.write(f"\n  - id: {TERM}\n    term: everyday widget\n    kind: concept\n"
                "    short: A made-up thing for this test.\n"
                f"    body: A widget that exists only in this test [@{SOURCE}].\n")
    with (content / "timeline.yml").open("a", encoding="utf-8") as f:
        f.write(f'\n  - id: {EVENT}\n    date: "{day}"\n    title: The everyday event\n'
                f"    description: Something happened [@{SOURCE}].\n    category: research\n"
                f"    sections: [{SECTION}]\n    sources: [{SOURCE}]\n")
    order = max(s.order for s in index.sections) + 1
    (content / "sections" / f"{SECTION}.yml").write_text(
        f"id: {SECTION}\norder: {order}\ntitle: The everyday part\n"
        f"summary: A new part of the story [@{SOURCE}].\n"
        f"body: |\n  The [[{TERM}]] appears here [@{SOURCE}].\n"
        f"takeaways:\n  - One new point [@{SOURCE}].\n"
        f'reviewed: "{day}"\nchanges:\n  - date: "{day}"\n    summary: First version.\n',
        "utf-8")


def test_everyday_edits_keep_the_build_green(project: Path, tmp_path: Path) -> None:
    day = (_latest_day() + timedelta(days=1)).isoformat()
    bumped = review_and_note(project, day)
    add_entries(project, day)
    old_name = site_config(project)["site_name"]
    edit(project / "mkdocs.yml", f"site_name: {old_name}", f"site_name: {NEW_NAME}")

    content = load_content(project / "content", project)  # raises on any error
    assert [p for p in content.warnings if SECTION in str(p) or TERM in str(p)] == []
    out = tmp_path / "out"
    result = run_build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr

    page = lambda path: (out / path / "index.html").read_text("utf-8")  # noqa: E731
    count = len(content.index.sections)
    assert count == len(real_index().sections) + 1
    assert f"The story in {number_word(count)} parts" in page(".")
    new = page(f"sections/{SECTION}")
    assert f"Part {count} of {count}" in new and "xref-term" in new
    assert f"<title>The everyday part - {NEW_NAME}</title>" in new
    human = parse_when(day).human()
    assert f'Last reviewed <time datetime="{day}">{human}</time>' in page(f"sections/{bumped}")
    assert f'id="{TERM}"' in page("glossary") and f'id="{EVENT}"' in page("timeline")
    assert f'id="{SOURCE}"' in page("sources")
    feed = (out / "feed.xml").read_text("utf-8")
    assert f"<title>{NEW_NAME}</title>" in feed and f"<updated>{day}T00:00:00Z</updated>" in feed
    assert "Checked every figure again." in feed
    cite = unescape(page("reuse"))
    assert f"{NEW_NAME}. Last reviewed {human}." in cite
