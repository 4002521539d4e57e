"""Validation: each kind of content error, with its exact ``file:line:col`` message."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.content.load import load_content
from macros.render.site import render_site

from ..conftest import content_errors, edit


def test_fixture_is_valid(mini: Path) -> None:
    site = render_site(load_content(mini, mini.parent))
    assert [s.id for s in site.content.index.sections] == ["alpha", "beta"]
    assert [e.id for e in site.content.index.events] == ["earlier", "later"]
    assert site.warnings == []


def test_unknown_field_lists_the_allowed_ones(mini: Path) -> None:
    edit(mini / "sections/beta.yml", "order: 2", "order: 2\nsubtitle: x")
    assert content_errors(mini) == [
        "content/sections/beta.yml:3:1: subtitle: unknown field 'subtitle' (allowed: id, order, "
        "title, summary, body, takeaways, related, reviewed, changes, figures, quotes, claims, diagrams)"]


def test_missing_required_field(mini: Path) -> None:
    edit(mini / "sections/beta.yml", "title: Beta\n", "")
    assert content_errors(mini) == ["content/sections/beta.yml:1:1: title: required field 'title' is "
                            "missing (add it)"]


def test_wrong_types(mini: Path) -> None:
    edit(mini / "sections/beta.yml", "order: 2", "order: two")
    edit(mini / "glossary.yml", "aliases: [export control]", "aliases: export control")
    assert content_errors(mini) == [
        "content/glossary.yml:13:14: entries[1].aliases: expected a list, got text",
        "content/sections/beta.yml:2:8: order: expected a whole number, got text"]


def test_bad_verdict_and_id(mini: Path) -> None:
    edit(mini / "sections/alpha.yml", "verdict: misleading", "verdict: mostly true")
    edit(mini / "sections/alpha.yml", "id: cheap", "id: Cheap Claim")
    assert content_errors(mini) == [
        "content/sections/alpha.yml:13:9: claims[0].id: 'Cheap Claim' is not a valid id "
        "(lowercase letters, digits and single hyphens, e.g. 'export-controls')",
        "content/sections/alpha.yml:16:14: claims[0].verdict: 'mostly true' is not allowed "
        "(allowed: 'supported', 'overstated', 'misleading', 'unverified' or 'false')"]


@pytest.mark.parametrize(("date", "message"), [
    ("2025-02-30", "'2025-02-30' has day 30, but that month has 28 days"),
    ("2025-13", "'2025-13' has month 13 (months run 01 to 12)"),
    ("late January", "'late January' is not a date (YYYY, YYYY-MM, YYYY-MM-DD, or a range "
                     "START/END of these)"),
    ("2025-01-27/2025-01-20", "range '2025-01-27/2025-01-20' ends before it starts (put the "
                              "earlier date first)"),
])
def test_bad_dates(mini: Path, date: str, message: str) -> None:
    edit(mini / "timeline.yml", '"2025-01-20"', f'"{date}"')
    assert content_errors(mini) == [f"content/timeline.yml:3:11: events[0].date: {message}"]


def test_duplicate_section_id_across_files(mini: Path) -> None:
    (mini / "sections/gamma.yml").write_text(
        (mini / "sections/beta.yml").read_text().replace("order: 2", "order: 3"))
    assert content_errors(mini) == [
        "content/sections/gamma.yml:1:5: id: duplicate section id 'beta' (already used at "
        "content/sections/beta.yml:1; ids must be unique)"]


def test_unknown_references_get_suggestions(mini: Path) -> None:
    edit(mini / "sections/alpha.yml", "related: [beta]", "related: [betta]")
    edit(mini / "sections/alpha.yml", "[[gpu]]", "[[gpus2]]")
    edit(mini / "sections/alpha.yml", "[@src-two, p. 4]", "[@src-tow, p. 4]")
    edit(mini / "timeline.yml", "sections: [alpha, beta]", "sections: [alpha, omega]")
    assert content_errors(mini) == [
        "content/sections/alpha.yml:6:7: body: unknown term 'gpus2' (did you mean 'gpus' or 'gpu'?)",
        "content/sections/alpha.yml:8:35: body: unknown source 'src-tow' (did you mean "
        "'src-two' or 'src-one'?)",
        "content/sections/alpha.yml:11:11: related[0]: unknown section 'betta' (did you mean "
        "'beta'?)",
        "content/timeline.yml:13:23: events[1].sections[1]: unknown section 'omega' (use a "
        "section id)"]


def test_unsourced_entries_fail(mini: Path) -> None:
    edit(mini / "sections/alpha.yml", "The report says so [@src-one].", "Trust us.")
    edit(mini / "glossary.yml", "    sources: [src-two]\n", "")
    edit(mini / "timeline.yml", "It happened [@src-one].", "It happened.")
    assert content_errors(mini) == [
        "content/glossary.yml:10:5: entries[1].sources: entry 'export-controls' cites no "
        "source (add sources: [id] or [@id] in the body)",
        "content/sections/alpha.yml:18:15: claims[0].evidence: claim cites no source (add "
        "[@source-id] after the evidence)",
        "content/timeline.yml:2:5: events[0].sources: event 'later' cites no source (add "
        "sources: [id] or [@id] in the description)"]


def test_alias_claimed_twice(mini: Path) -> None:
    edit(mini / "glossary.yml", "aliases: [export control]", "aliases: [export control, gpus]")
    assert content_errors(mini) == [
        "content/glossary.yml:13:31: entries[1].aliases[1]: 'gpus' is already claimed by 'gpu' "
        "(line 2; an alias may belong to one entry only)"]


def test_unsafe_link_is_an_error(mini: Path) -> None:
    edit(mini / "sections/beta.yml", "Beta mentions", "Beta [Click](javascript:alert(1)) mentions")
    assert content_errors(mini) == [
        "content/sections/beta.yml:5:20: body: link 'javascript:alert(1)' uses javascript: "
        "(only http(s) or site-relative links)"]


def test_every_error_in_every_file_at_once(mini: Path) -> None:
    edit(mini / "sections/alpha.yml", "order: 1", "order: 1\norder: 5")
    edit(mini / "sources.yml", "kind: paper", "kind: preprint")
    edit(mini / "home.yml", "key_dates: [later]", "key_dates: [latest]")
    found = content_errors(mini)
    assert [m.split(":")[0] for m in found] == [
        "content/home.yml", "content/sections/alpha.yml", "content/sources.yml"]
    assert "duplicate key 'order'" in found[1]


def test_unused_terms_and_sources_are_warnings(mini: Path) -> None:
    edit(mini / "sections/alpha.yml", "More text about export controls [@src-two, p. 4].", "")
    edit(mini / "sections/beta.yml", "Beta mentions GPUs and export controls [@src-two].",
         "Beta.")
    edit(mini / "timeline.yml", "    sources: [src-two]\n", "")
    edit(mini / "glossary.yml", "sources: [src-two]", "sources: [src-one]")
    edit(mini / "timeline.yml", "Rules arrived.", "Rules arrived [@src-one].")
    site = render_site(load_content(mini, mini.parent))
    assert [str(w) for w in site.warnings] == [
        "content/glossary.yml:10:9: warning: entries[1].id: term 'export-controls' is not used "
        "on any story page (mention it, or remove the entry)",
        "content/sources.yml:10:9: warning: sources[1].id: source 'src-two' is cited nowhere "
        "(cite it, or remove it)"]


def test_source_without_access_date_is_a_warning(mini: Path) -> None:
    edit(mini / "sources.yml", '    accessed: "2026-11-28"\n', "")
    site = render_site(load_content(mini, mini.parent))
    assert [str(w) for w in site.warnings] == [
        "content/sources.yml:2:9: warning: sources[0].id: source 'src-one' has no access date "
        "(open its URL, check it supports the note, then add `accessed: YYYY-MM-DD`)"]


def test_missing_file(mini: Path) -> None:
    (mini / "timeline.yml").unlink()
    assert "content/timeline.yml:1:1: (file): file is missing (create it; see " \
        "CONTRIBUTING.md)" in content_errors(mini)


def test_committed_schemas_are_fresh() -> None:
    from macros.tools.schema import SCHEMAS, schema_text

    folder = Path(__file__).resolve().parents[2] / "schemas"
    for name, model in SCHEMAS.items():
        committed = (folder / f"{name}.schema.json").read_text("utf-8")
        assert committed == schema_text(model, name), f"run: python -m macros.tools.cli schemas ({name})"


def test_unreadable_section_does_not_cascade(mini: Path) -> None:
    edit(mini / "sections/beta.yml", "title: Beta", "title: Beta: [broken")
    assert content_errors(mini) == [
        "content/sections/beta.yml:3:12: (file): YAML syntax error: mapping values are not "
        "allowed in this context (fix the YAML syntax: check indentation, colons and quotes)"]
