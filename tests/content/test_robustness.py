"""The robustness matrix: every kind of bad input, planted in every kind of content file.

Each case must end in our own ContentError (never another exception), within a bounded
time, with a message that names the file, a line and, where there is one, the field.
Cases that a kind of file cannot have (the glossary has no dates; the bibliography refers
to nothing) are left out of that kind's row, not faked.
"""

from __future__ import annotations

import re
import resource
import time
from pathlib import Path

import pytest

from macros.content import yamlload
from macros.content.errors import ContentError
from macros.content.load import load_content
from macros.render.site import render_site

from ..conftest import edit

DEEP = "[" * 40 + "]" * 40
LAUGHS = ('a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
          'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n'
          'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n'
          'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n')

# kind -> (file, {case: (old, new, expected fragment of the message)})
# "old" is replaced once; None means "replace the whole file with new".
Edit = tuple[str | None, str, str]
MATRIX: dict[str, tuple[str, dict[str, Edit]]] = {
    "section": ("sections/alpha.yml", {
        "invalid syntax": ("title: Alpha", "title: [Alpha", "unclosed [ starting here"),
        "tab indentation": ("order: 1\n", "order: 1\n\tcolour: red\n", "tab"),
        "duplicate key deep": ("    verdict: misleading\n",
                               "    verdict: misleading\n    verdict: false\n",
                               "claims[0].verdict: duplicate key 'verdict'"),
        "list for mapping": ("claims:\n", "claims:\n  - [a, b]\n", "claims[0]: expected a mapping"),
        "wrong scalar type": ("order: 1", "order: first", "order: expected a whole number"),
        "unknown field": ("order: 1", "order: 1\ncolour: red", "colour: unknown field"),
        "missing field": ("title: Alpha\n", "", "title: required field 'title' is missing"),
        "overlong string": ("title: Alpha", "title: " + "x" * 400, "title:"),
        "invalid date": ("order: 1", 'order: 1\nreviewed: "2025-02-30"', "reviewed:"),
        "malformed id": ("id: alpha", "id: Alpha_1", "id: 'Alpha_1' is not a valid id"),
        "dangling reference": ("related: [beta]", "related: [gamma]",
                               "related[0]: unknown section 'gamma'"),
        "dangling citation": ("[@src-one].\n\n", "[@src-nine].\n\n", "unknown source 'src-nine'"),
        "duplicate id across files": ("id: alpha", "id: beta", "'beta'"),
        "deep nesting": ("related: [beta]", f"related: {DEEP}", "nest"),
        "billion laughs": (None, LAUGHS, "alias"),
        "python tag": ("title: Alpha", "title: !!python/object/apply:os.system ['true']", "tag"),
    }),
    "glossary": ("glossary.yml", {
        "invalid syntax": ("term: GPU", "term: {GPU", "unclosed { starting here"),
        "tab indentation": ("entries:\n", "entries:\n\t- id: x\n", "tab"),
        "duplicate key deep": ("    kind: concept\n", "    kind: concept\n    kind: person\n",
                               "entries[0].kind: duplicate key 'kind'"),
        "list for mapping": ("entries:\n", "entries:\n  - [a, b]\n", "entries[0]: expected a mapping"),
        "wrong scalar type": ("aliases: [GPUs, graphics processor]", "aliases: 5",
                              "entries[0].aliases: expected a list"),
        "unknown field": ("    term: GPU\n", "    term: GPU\n    colour: red\n",
                          "entries[0].colour: unknown field"),
        "missing field": ("    short: A chip for parallel arithmetic.\n", "",
                          "entries[0].short: required field 'short' is missing"),
        "overlong string": ("short: A chip for parallel arithmetic.", "short: " + "x" * 400,
                            "entries[0].short:"),
        "malformed id": ("id: gpu", "id: GPU!", "entries[0].id: 'GPU!' is not a valid id"),
        "dangling reference": ("see_also: [export-controls]", "see_also: [export-control]",
                               "entries[0].see_also[0]: unknown term 'export-control'"),
        "duplicate id": ("id: export-controls", "id: gpu", "'gpu'"),
        "deep nesting": ("see_also: [export-controls]", f"see_also: {DEEP}", "nest"),
        "billion laughs": (None, LAUGHS, "alias"),
        "python tag": ("term: GPU", "term: !!python/name:os.system", "tag"),
    }),
    "timeline": ("timeline.yml", {
        "invalid syntax": ("title: Later event", "title: Later: event: [", "YAML syntax"),
        "tab indentation": ("events:\n", "events:\n\t- id: x\n", "tab"),
        "duplicate key deep": ("    category: policy\n", "    category: policy\n    category: markets\n",
                               "events[1].category: duplicate key 'category'"),
        "list for mapping": ("events:\n", "events:\n  - [a, b]\n", "events[0]: expected a mapping"),
        "wrong scalar type": ("sections: [alpha]", "sections: 7", "events[0].sections: expected a list"),
        "unknown field": ("    title: Later event\n", "    title: Later event\n    colour: red\n",
                          "events[0].colour: unknown field"),
        "missing field": ("    title: Later event\n", "", "events[0].title: required field"),
        "overlong string": ("title: Later event", "title: " + "x" * 400, "events[0].title:"),
        "invalid date": ('"2025-01-20"', '"2025-02-30"', "events[0].date:"),
        "malformed id": ("id: later", "id: -later", "events[0].id: '-later' is not a valid id"),
        "dangling reference": ("sections: [alpha]", "sections: [gamma]",
                               "events[0].sections[0]: unknown section 'gamma'"),
        "duplicate id": ("id: earlier", "id: later", "'later'"),
        "deep nesting": ("sections: [alpha]", f"sections: {DEEP}", "nest"),
        "billion laughs": (None, LAUGHS, "alias"),
        "python tag": ("title: Later event", "title: !!python/object:os.system {}", "tag"),
    }),
    "sources": ("sources.yml", {
        "invalid syntax": ("title: First source", "title: 'First source",
                           "unclosed quoted text starting here"),
        "tab indentation": ("sources:\n", "sources:\n\t- id: x\n", "tab"),
        "duplicate key deep": ("      outlet: A copy\n", "      outlet: A copy\n      outlet: B\n",
                               "sources[1].via.outlet: duplicate key 'outlet'"),
        "list for mapping": ("sources:\n", "sources:\n  - [a, b]\n", "sources[0]: expected a mapping"),
        "wrong scalar type": ("title: First source", "title: [a, b]", "sources[0].title: expected text"),
        "unknown field": ("    title: First source\n", "    title: First source\n    colour: red\n",
                          "sources[0].colour: unknown field"),
        "missing field": ("    note: The cost figures.\n", "",
                          "sources[0].note: required field 'note' is missing"),
        "overlong string": ("title: First source", "title: " + "x" * 400, "sources[0].title:"),
        "invalid date": ('"2024-12-27"', '"2024-12-32"', "sources[0].published:"),
        "malformed id": ("id: src-one", "id: src one", "sources[0].id: 'src one' is not a valid id"),
        "unsafe url": ("url: https://arxiv.org/abs/2412.19437", "url: javascript:alert(1)",
                       "sources[0].url:"),
        "duplicate id": ("id: src-two", "id: src-one", "'src-one'"),
        "deep nesting": ("title: First source", f"title: {DEEP}", "nest"),
        "billion laughs": (None, LAUGHS, "alias"),
        "python tag": ("title: First source", "title: !!python/object/new:os.system ['true']", "tag"),
    }),
}
CASES = [(kind, case) for kind, (_, cases) in MATRIX.items() for case in cases]


def plant(content: Path, kind: str, case: str) -> tuple[str, str]:
    """Plant one matrix case into ``content``; return its file and the expected message part."""
    name, cases = MATRIX[kind]
    old, new, expected = cases[case]
    if old is None:
        (content / name).write_text(new, "utf-8")
    else:
        edit(content / name, old, new)
    return name, expected


@pytest.mark.parametrize(("kind", "case"), CASES, ids=[f"{k}-{c}" for k, c in CASES])
def test_bad_input_is_a_located_content_error(mini: Path, kind: str, case: str) -> None:
    content = mini
    name, expected = plant(content, kind, case)
    started = time.perf_counter()
    with pytest.raises(ContentError) as info:
        render_site(load_content(content, content.parent))
    assert time.perf_counter() - started < 5
    messages = [str(p) for p in info.value.problems if p.severity == "error"]
    ours = [m for m in messages if m.startswith(f"content/{name}:")]
    assert ours, messages
    assert all(re.match(rf"content/{re.escape(name)}:\d+:\d+: ", m) for m in ours)
    assert any(expected.lower() in m.lower() for m in ours), ours


@pytest.mark.parametrize("name", ["sections/alpha.yml", "glossary.yml", "timeline.yml",
                                  "sources.yml"])
def test_empty_and_non_utf8_files(mini: Path, name: str) -> None:
    content = mini
    path = content / name
    original = path.read_bytes()
    for bad, fragment in ((b"", "empty"), (original.replace(b"e", b"\xe9", 1), "UTF-8")):
        path.write_bytes(bad)
        with pytest.raises(ContentError) as info:
            render_site(load_content(content, content.parent))
        ours = [str(p) for p in info.value.problems if p.path == f"content/{name}"]
        assert len(ours) == 1 and re.match(rf"content/{re.escape(name)}:\d+:\d+: ", ours[0])
        assert fragment.lower() in ours[0].lower(), ours


@pytest.mark.parametrize("name", ["sections/alpha.yml", "glossary.yml", "timeline.yml",
                                  "sources.yml"])
def test_bom_and_crlf_are_accepted(mini: Path, name: str) -> None:
    content = mini
    path = content / name
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    site = render_site(load_content(content, content.parent))
    assert site.pages


def test_the_bomb_is_refused_without_expanding_it(mini: Path) -> None:
    content = mini
    (content / "glossary.yml").write_text(LAUGHS + "g: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n" * 3)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(ContentError):
        load_content(content, content.parent)
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 50_000


def test_a_file_over_the_size_bound_is_refused_unread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlload, "MAX_BYTES", 100)
    doc, problems = yamlload.load_bytes("content/glossary.yml", b"entries: []\n" + b"#" * 100)
    assert doc is None
    assert [str(p) for p in problems] == [
        "content/glossary.yml:1:1: (file): file is 112 bytes (at most 100)"]
