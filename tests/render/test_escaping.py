"""Renderers escape by default: ``html()`` escapes every argument that is not Markup."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup, escape

from macros.render.common import attr, cite_box, html


def test_arguments_are_escaped_unless_they_are_markup() -> None:
    out = html('<a href="{}">{}</a> {}', 'x" onclick="alert(1)', "<b>", Markup("<i>ok</i>"))
    assert out == ('<a href="x&#34; onclick=&#34;alert(1)">&lt;b&gt;</a> <i>ok</i>')


def test_cite_box_escapes_its_text_and_keeps_line_breaks() -> None:
    box = cite_box("A & B <c>", "@misc{k,\n  title = {<x>}\n}")
    assert "A &amp; B &lt;c&gt;" in box and "&lt;x&gt;" in box
    assert "\n" not in box and box.count("&#10;") == 2


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(alphabet=st.sampled_from(list("a &<>'\"é\x00;#")), max_size=20),
                 st.integers(), st.builds(Markup, st.text(max_size=10))))
def test_html_escapes_each_argument_as_markupsafe_does(value: object) -> None:
    assert html("[{}]", value) == Markup("[{}]").format(value)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("a &<>'\"é;#")), max_size=20))
def test_attr_escapes_as_markupsafe_does(text: str) -> None:
    assert attr(text) == str(escape(text))
