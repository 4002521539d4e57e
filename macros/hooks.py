"""MkDocs hooks file (see ``hooks:`` in mkdocs.yml): the glue's event handlers.

MkDocs imports this file by path, so the project folder is put on ``sys.path`` first to
import the ``macros`` package under its own name (shared with mkdocs-macros).
"""

from __future__ import annotations

import sys
from pathlib import Path

_PROJECT = str(Path(__file__).resolve().parent.parent)
if _PROJECT not in sys.path:
    sys.path.insert(0, _PROJECT)

from mkdocs.plugins import event_priority  # noqa: E402

from macros import glue  # noqa: E402

on_startup = glue.on_startup
on_config = event_priority(100)(glue.on_config)
on_files = glue.on_files
on_env = glue.on_env
on_serve = glue.on_serve
# Last to see the Markdown (after mkdocs-macros), first to see the HTML.
on_page_markdown = event_priority(-100)(glue.on_page_markdown)
on_page_content = event_priority(100)(glue.on_page_content)
# Last, as it gives the page its HTML back from the search plugin.
on_page_context = event_priority(-100)(glue.on_page_context)
# Last to see the finished page, as it lets go of the page's HTML.
on_post_page = event_priority(-100)(glue.on_post_page)
on_post_build = glue.on_post_build
