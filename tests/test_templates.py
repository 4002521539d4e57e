"""The templates in ``overrides/`` never depend on a value a builder may leave unset.

Each one is rendered with Jinja's ``StrictUndefined`` (any use of a missing value is an
error) and only the values every builder provides; Material's ``base.html`` is replaced by
a stub that calls our blocks and partials, so only our own templates are under test.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest

from .conftest import ROOT

MATERIAL = Path(__import__("material").__file__).parent / "templates"
BASE_STUB = """<head>{% block site_meta %}{% endblock %}{% block htmltitle %}{% endblock %}
{% block extrahead %}{% endblock %}</head><body>{% include "partials/search.html" %}
{% include "partials/source.html" %}{% block content %}{% endblock %}</body>"""


class Lang:
    """Material's ``lang.t``: the key itself is text enough here."""

    def t(self, key: str) -> str:
        return key


def environment() -> jinja2.Environment:
    loader = jinja2.ChoiceLoader([jinja2.DictLoader({"base.html": BASE_STUB}),
                                  jinja2.FileSystemLoader(ROOT / "overrides"),
                                  jinja2.FileSystemLoader(MATERIAL)])
    env = jinja2.Environment(loader=loader, undefined=jinja2.StrictUndefined, autoescape=False)
    env.filters["url"] = lambda value: "/" + str(value)
    return env


def required(**extra: object) -> dict[str, object]:
    """What every builder gives a template: config, the language, features and the nav."""
    theme: dict[str, object] = {}
    config = SimpleNamespace(site_name="Site", repo_url="https://example.org/r", repo_name="r",
                             theme=theme)
    return {"config": config, "lang": Lang(), "features": [], **extra}


NAV = [SimpleNamespace(url="", title="Home"), SimpleNamespace(url="sections/a/", title="A"),
       SimpleNamespace(title="A heading without an address"),
       SimpleNamespace(url="glossary/", title="Glossary")]


@pytest.mark.parametrize("name", ["404.html", "main.html"])
def test_renders_with_every_optional_value_missing(name: str) -> None:
    html = environment().get_template(name).render(required(nav=NAV))
    assert "<title>Site</title>" in html
    assert 'rel="icon"' not in html and 'name="description"' not in html


def test_404_lists_the_pages_that_have_an_address() -> None:
    html = environment().get_template("404.html").render(required(nav=NAV))
    assert '<li><a href="/sections/a/">A</a></li>' in html
    assert '<li><a href="/">Home</a></li>' in html and '<a href="/glossary/">' in html
    assert "without an address" not in html


def test_404_renders_without_a_navigation() -> None:
    html = environment().get_template("404.html").render(required())
    assert "Page not found" in html and "<li>" not in html


def test_uses_the_optional_values_when_present() -> None:
    page = SimpleNamespace(meta={"title": "T", "description": "D"}, canonical_url="https://x/",
                           previous_page=None, next_page=SimpleNamespace(url="n/"))
    values = required(page=page, mkdocs_version="1.6.1", explainer_head={
        "meta": [("property", "og:title", "T")], "json_ld": "{}"})
    values["config"].theme["favicon"] = "icon.png"
    html = environment().get_template("main.html").render(values)
    for part in ("<title>T - Site</title>", 'content="D"', 'href="https://x/"', 'href="/n/"',
                 'href="/icon.png"', 'content="mkdocs-1.6.1', 'content="T"'):
        assert part in html, part


def test_strict_rendering_catches_an_unchecked_value() -> None:
    env = environment()
    template = env.from_string('{% for item in nav if item.url.startswith("s") %}x{% endfor %}')
    with pytest.raises(jinja2.UndefinedError):
        template.render(nav=NAV)
