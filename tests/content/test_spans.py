"""The packed span table answers every path exactly as libyaml's own marks would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.content.spans import Span
from macros.content.yamlload import load_text

ROOT = Path(__file__).resolve().parents[2]
Where = tuple[Any, ...]


def marks(node: yaml.Node, where: Where = (),
          key: yaml.Node | None = None) -> Iterator[tuple[Where, Span, Span | None]]:
    """Each path of a composed file with the span of its value and of its key, from libyaml."""
    def span(n: yaml.Node) -> Span:
        return Span(n.start_mark.line + 1, n.start_mark.column + 1, n.start_mark.index,
                    n.end_mark.index)
    yield where, span(node), span(key) if key else None
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            yield from marks(v, (*where, k.value), k)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield from marks(item, (*where, i))


def assert_spans_match(text: str) -> int:
    doc, problems = load_text("f.yml", text)
    assert doc is not None and problems == []
    count = 0
    for where, value, key in marks(yaml.compose(text, Loader=yaml.CSafeLoader)):
        assert doc.span(where) == value, where
        assert doc.key_span(where) == (key or value), where
        count += 1
    return count


SCALARS = st.one_of(st.text(max_size=12), st.integers(), st.booleans(), st.none())
DATA = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(min_size=1, max_size=6), inner,
                                                 max_size=4)), max_leaves=25)


@settings(max_examples=150, deadline=None)
@given(data=st.dictionaries(st.text(min_size=1, max_size=6), DATA, min_size=1, max_size=5),
       flow=st.booleans())
def test_every_path_of_random_yaml(data: dict[str, Any], flow: bool) -> None:
    assert_spans_match(yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow))


def test_line_breaks_are_counted_as_libyaml_counts_them() -> None:
    text = ('a: "x\u2028y"\nb: [1, "\x85", 3]\nc: z\rd: "\u2029"\ne:\n  - {f: "é"}\n'
            "  - g: |\n      two\n      lines\n    h: 1\n")
    assert assert_spans_match(text) == 14


def test_every_path_of_the_real_content() -> None:
    for path in sorted((ROOT / "content").rglob("*.yml")):
        assert assert_spans_match(path.read_text("utf-8")) > 1, path


def test_a_missing_path_falls_back_to_its_nearest_parent() -> None:
    doc, _ = load_text("f.yml", "list:\n  - a: 1\n  - b: [x, y]\n")
    assert doc is not None
    assert doc.span(("list", 1, "b", 5)) == doc.span(("list", 1, "b"))
    assert doc.span(("list", 1, "nope", 0)).line == 3
    assert doc.span(("nope",)) == doc.span(())
    assert doc.key_span(("list", 1, "b", 5)) == doc.span(("list", 1, "b"))
    assert doc.span(("list", "1")) == doc.span(("list",))  # a list is indexed by numbers


def test_dropped_values_keep_the_table_in_step() -> None:
    # A duplicate key, a key that is a list, and an alias are all left out of the data;
    # the values after them must still be found.
    text = "a: &x 1\na: 2\n? [k]\n: 3\nb: *x\nc:\n  - d: 4\n"
    doc, problems = load_text("f.yml", text)
    assert doc is not None and len(problems) == 3
    assert (doc.span(("c", 0, "d")).line, doc.span(("c", 0, "d")).col) == (7, 8)
    assert (doc.key_span(("c",)).line, doc.key_span(("b",)).line) == (6, 5)
