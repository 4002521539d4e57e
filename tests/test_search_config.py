"""The search settings ``mkdocs.yml`` states are Material's own for the theme's language.

``mkdocs.yml`` gives the search plugin its language, separator and pipeline so that the
plugin does not render the theme's language file three times on every ``make serve``
rebuild. A change of ``theme.language`` must change them too; this test says so.
"""

from __future__ import annotations

import re

from mkdocs.config import load_config

from .conftest import ROOT


def _material(config: object, key: str) -> str:
    """What Material's search plugin would take for ``key`` if ``mkdocs.yml`` were silent."""
    env = config.theme.get_env()  # type: ignore[attr-defined]
    module = env.get_template("partials/language.html", globals={"config": config}).module
    return str(module.t(key))


def test_search_settings_are_the_theme_languages(tmp_path):
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path))
    search = config.plugins["material/search"].config
    expected = {
        "lang": [_material(config, "search.config.lang")],
        "separator": _material(config, "search.config.separator"),
        "pipeline": [p for p in re.split(r"\s*,\s*", _material(config, "search.config.pipeline"))
                     if p],
    }
    stated = {key: search[key] for key in expected}
    assert stated == expected, (
        f"mkdocs.yml: plugins: search: {stated} differ from Material's values for "
        f"theme.language {config.theme['language']!r}: set them to {expected}")
