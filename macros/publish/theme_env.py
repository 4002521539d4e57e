"""The theme's Jinja environment, made cheaper to set up: two things MkDocs leaves to Jinja.

- :class:`TemplateBytecode` keeps compiled templates in memory between ``mkdocs serve``
  rebuilds; Jinja checks each against its source before using it.
- :func:`without_hidden_listing` wraps the theme's ``get_env`` so that the environment lists
  theme files without walking hidden directories. MkDocs lists every theme file at each
  build to copy the static ones, and then drops every name with a part that starts with a
  dot; Material keeps its 14,000 icons under ``.icons``, so the walk and the filter cost
  about 80 ms per build and per rebuild for names that are all dropped. The files MkDocs
  copies are the same (tests/publish/test_theme_env.py); templates load as before.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import jinja2
import jinja2.bccache


class TemplateBytecode(jinja2.BytecodeCache):
    """Compiled theme templates kept in memory; Jinja checks each against its source."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Fill ``bucket`` from memory, if this template was compiled before."""
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Remember ``bucket``'s compiled code."""
        self.store[bucket.key] = bucket.bytecode_to_string()


class VisibleFileSystemLoader(jinja2.FileSystemLoader):
    """A ``FileSystemLoader`` whose listing skips hidden directories (loading is unchanged)."""

    def list_templates(self) -> list[str]:
        """Every template name under the search paths, as Jinja lists them, except names
        inside a directory whose name starts with a dot."""
        found = set()
        for searchpath in self.searchpath:
            for dirpath, dirnames, filenames in os.walk(searchpath, followlinks=self.followlinks):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                for filename in filenames:
                    name = os.path.join(dirpath, filename)[len(searchpath):]
                    name = name.strip(os.path.sep).replace(os.path.sep, "/")
                    found.add(name[2:] if name[:2] == "./" else name)
        return sorted(found)


def without_hidden_listing(
        get_env: Callable[[], jinja2.Environment]) -> Callable[[], jinja2.Environment]:
    """``get_env`` whose environment's file-system loader lists no hidden directory; any
    other loader is left as it is."""
    def visible_env() -> jinja2.Environment:
        env = get_env()
        loader = env.loader
        if type(loader) is jinja2.FileSystemLoader:
            env.loader = VisibleFileSystemLoader(loader.searchpath, loader.encoding,
                                                 loader.followlinks)
        return env
    return visible_env
