"""The mkdocs-macros module: one macro that places a pre-rendered page.

All content is rendered by the engine (``macros.render.site``) before MkDocs reads any page;
the macro only returns that output, so no text from YAML is ever seen by Jinja.
"""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    """Register the ``explainer_page(key)`` macro with mkdocs-macros."""
    from .glue import page_markdown

    env.macro(page_markdown, "explainer_page")
