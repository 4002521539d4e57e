"""The content cache of ``make serve``: an edit re-parses only the edited file, and the
result is always what a fresh load gives, cross-file errors included."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.content.cache import ContentCache
from macros.content.errors import ContentError
from macros.content.load import load_content
from macros.render.site import render_site

from ..conftest import edit


def _pages(content: Path, cache: ContentCache | None) -> dict[str, str]:
    return render_site(load_content(content, content.parent, cache)).pages


def _errors(content: Path, cache: ContentCache) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_content(content, content.parent, cache)
    return [str(p) for p in info.value.problems if p.severity == "error"]


def _files(content: Path) -> list[str]:
    return sorted(p.relative_to(content.parent).as_posix() for p in content.rglob("*.yml"))


def test_an_edit_reparses_only_the_edited_file(mini: Path) -> None:
    cache = ContentCache()
    _pages(mini, cache)
    files = _files(mini)
    assert cache.parses == dict.fromkeys(files, 1)
    assert set(cache.schema_checks) == set(files) - {"content/home.yml"}  # home: cross-file
    _pages(mini, cache)
    assert cache.parses == dict.fromkeys(files, 1)  # nothing changed, nothing parsed
    edit(mini / "sections/beta.yml", "title: Beta", "title: Beta, edited")
    pages = _pages(mini, cache)
    assert cache.parses == dict.fromkeys(files, 1) | {"content/sections/beta.yml": 2}
    assert cache.schema_checks["content/sections/beta.yml"] == 2
    assert cache.schema_checks["content/glossary.yml"] == 1
    assert pages == _pages(mini, None)  # the same pages as a load without a cache


def test_a_cross_file_error_follows_the_file_that_fixes_it(mini: Path) -> None:
    cache = ContentCache()
    _pages(mini, cache)
    # Renaming a term breaks a section that did not change: the error must appear.
    original = (mini / "glossary.yml").read_text("utf-8")
    edit(mini / "glossary.yml", "  - id: gpu\n    term: GPU\n    kind: concept\n    aliases: [GPUs, "
         "graphics processor]", "  - id: chip\n    term: Accelerator\n    kind: concept\n    "
         "aliases: [accelerators]")
    errors = _errors(mini, cache)
    assert [e.split(" (")[0] for e in errors] == [
        "content/sections/alpha.yml:6:7: body: unknown term 'gpu'"]
    assert cache.parses["content/sections/alpha.yml"] == 1  # found without parsing it again
    # Putting the term back fixes it, again without touching the section.
    (mini / "glossary.yml").write_text(original, "utf-8")
    assert _pages(mini, cache) == _pages(mini, None)


def test_a_broken_file_is_reported_then_forgotten_when_fixed(mini: Path) -> None:
    cache = ContentCache()
    good = _pages(mini, cache)
    text = (mini / "sections/beta.yml").read_text("utf-8")
    edit(mini / "sections/beta.yml", "order: 2", "order: two")
    assert _errors(mini, cache) == [
        "content/sections/beta.yml:2:8: order: expected a whole number, got text"]
    (mini / "sections/beta.yml").write_text(text, "utf-8")
    assert _pages(mini, cache) == good


def test_a_deleted_file_leaves_the_cache(mini: Path) -> None:
    cache = ContentCache()
    _pages(mini, cache)
    edit(mini / "sections/alpha.yml", "related: [beta]", "related: []")
    (mini / "sections/beta.yml").unlink()
    with pytest.raises(ContentError):  # events still point at the deleted section
        load_content(mini, mini.parent, cache)
    assert not any(display == "content/sections/beta.yml" for _, display in cache.entries)
