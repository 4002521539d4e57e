"""Timeline categories belong to the content: declared in timeline.yml, checked, and used by
the timeline's filter, the calendar and the JSON export."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import icalendar
import yaml

from macros.content.load import load_content
from macros.publish.export import timeline_ics, timeline_json
from macros.render.reference import CATEGORY_TONES
from macros.render.site import render_site

from .conftest import ROOT, content_errors, edit


def declared(content: Path) -> list[dict[str, str]]:
    return yaml.safe_load((content / "timeline.yml").read_text("utf-8"))["categories"]


def test_an_unknown_category_is_an_error_at_its_line(mini: Path) -> None:
    edit(mini / "timeline.yml", "category: policy", "category: polcy")
    assert content_errors(mini) == [
        "content/timeline.yml:12:15: events[1].category: unknown category 'polcy' "
        "(did you mean 'policy'?)"]


def test_an_unknown_category_far_from_any_says_where_categories_are(mini: Path) -> None:
    edit(mini / "timeline.yml", "category: policy", "category: weather")
    assert content_errors(mini) == [
        "content/timeline.yml:12:15: events[1].category: unknown category 'weather' (use a "
        "category declared under `categories:` in this file)"]


def test_a_category_declared_twice_is_an_error(mini: Path) -> None:
    edit(mini / "timeline.yml", "  - id: policy\n", "  - id: model-release\n")
    assert ("content/timeline.yml:18:9: categories[1].id: duplicate category id 'model-release' "
            "(already used at content/timeline.yml:16; ids must be unique)") in content_errors(mini)


def test_a_timeline_without_categories_is_an_error(mini: Path) -> None:
    text = (mini / "timeline.yml").read_text("utf-8")
    (mini / "timeline.yml").write_text(text.split("categories:")[0], "utf-8")
    assert "content/timeline.yml:1:1: categories: required field 'categories' is missing " \
        "(add it)" in content_errors(mini)


def test_an_unused_category_is_allowed_and_left_out_of_the_filter(mini: Path) -> None:
    edit(mini / "timeline.yml", "categories:\n", "categories:\n  - id: spare\n    label: Spare\n")
    site = render_site(load_content(mini, mini.parent))
    assert site.warnings == []
    assert 'data-category="spare"' not in site.pages["timeline"]


def test_filter_calendar_and_json_follow_the_declared_categories(mini: Path) -> None:
    # Relabel and reorder what the fixture declares: every output must follow.
    edit(mini / "timeline.yml", "label: Model release", "label: Releases of models")
    text = (mini / "timeline.yml").read_text("utf-8")
    head, block = text.split("categories:\n")
    items = block.split("  - ")[1:]
    (mini / "timeline.yml").write_text(head + "categories:\n" + "".join(
        "  - " + i for i in reversed(items)), "utf-8")
    categories = declared(mini)
    site = render_site(load_content(mini, mini.parent))
    page = site.pages["timeline"]
    buttons = re.findall(r'data-category="([^"]+)" aria-pressed="true">([^<]+)</button>', page)
    assert buttons == [(c["id"], c["label"]) for c in categories]
    # Colours come with the declared order (the stylesheet's tones), never with an id.
    tones = set(re.findall(r'data-category="([^"]+)" data-tone="(\d+)"', page))
    assert tones == {(c["id"], str(i % CATEGORY_TONES + 1)) for i, c in enumerate(categories)}
    index = site.content.index
    data = timeline_json(index, "")
    assert data["categories"] == categories
    labels = {c["id"]: c["label"] for c in categories}
    cal = icalendar.Calendar.from_ical(timeline_ics(index, "", datetime(2025, 2, 1, tzinfo=UTC)))
    for vevent in cal.walk("VEVENT"):
        event = next(e for e in index.events if str(vevent["UID"]).startswith(e.id + "@"))
        assert [str(c) for c in vevent["CATEGORIES"].cats] == [labels[event.category]]


def test_the_real_timeline_uses_only_what_it_declares() -> None:
    content = load_content(ROOT / "content", ROOT)
    ids = [c["id"] for c in declared(ROOT / "content")]
    assert list(content.index.categories) == ids
    assert {e.category for e in content.index.events} <= set(ids)


def test_the_stylesheet_has_a_tone_for_each_slot_and_names_no_category() -> None:
    css = (ROOT / "docs" / "assets" / "xref.css").read_text("utf-8")
    for tone in range(1, CATEGORY_TONES + 1):
        assert f'.xref-event[data-tone="{tone}"]' in css and f"--xref-cat-{tone}-fg" in css
    assert f'data-tone="{CATEGORY_TONES + 1}"' not in css
    assert not [c for c in declared(ROOT / "content") if f"xref-cat--{c['id']}" in css]
