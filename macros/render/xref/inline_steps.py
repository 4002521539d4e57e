"""Python-Markdown's inline steps, minus the patterns that cannot match a piece of text.

Python-Markdown tries each of its inline patterns (links, emphasis, entities, and smarty's
fifteen quote rules) on each piece of text of a fragment, one regular-expression search
after another, even when the text lacks the one character a pattern needs: a text without
a quote cannot take a typographic quote. Content is rendered one short fragment at a time,
so these empty tries are a large part of the engine's time.

:class:`FilteredInline` is Python-Markdown's inline step with one difference: before a
pattern is tried, a text that contains none of the strings the pattern needs in every match
(``NEEDS``, keyed by the pattern's exact regular expression) skips it, just as a pattern that
finds no match is skipped. A pattern this table does not know is always tried, so a changed
or added pattern can only be slower, never wrong (tests/render/test_inline_steps.py checks
every entry against its pattern and the output against Python-Markdown's own).
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown, util
from markdown.treeprocessors import InlineProcessor

from ..text_steps import replace

# Each pattern's regular expression -> strings of which every match contains at least one.
NEEDS: dict[str, tuple[str, ...]] = {
    r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)`)": ("`",),  # code span
    r"\\(.)": ("\\",),  # backslash escape
    r"\[\[((?:[^\[\]|\n]|\n(?![ \t]*\n))+?)(?:\|((?:[^\[\]\n]|\n(?![ \t]*\n))+?))?\]\]":
        ("[[",),  # [[term]]
    r"\[(@(?:[^\[\]\n]|\n(?![ \t]*\n))+?)\](?!\()": ("[@",),  # [@citation]
    r"(?<!\!)\[": ("[",),  # links and references
    r"\!\[": ("![",),  # images
    r"<([A-Za-z][A-Za-z0-9+.-]*://[^<>]*)>": ("://",),  # <https://...>
    r"<([^<> !]+@[^@<> ]+)>": ("@",),  # <name@example.org>
    r"  \n": ("  \n",),  # hard line break
    r"(&(?:\#[0-9]+|\#x[0-9a-fA-F]+|[a-zA-Z0-9]+);)": ("&",),  # entity
    (r'''(<(\/?+[a-zA-Z][^\s"'<>@]*+(?:\s+[^\s"'=<>]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s"'=<>]++))?+)*+\s*+/?|!--(?:(?!<!--|-->).)*--|[?](?:(?!<[?]|[?]>).)*[?]|!\[CDATA\[(?:(?!<!\[CDATA\[|\]\]>).)*\]\])>)'''):
        ("<",),  # inline HTML (the pages' own Markdown; content has none)
    r"\*|_": ("*", "_"),  # emphasis
    # smarty's quotes
    "^'(?=[!\"#\\$\\%'()*+,-.\\/:;<=>?\\@\\[\\\\\\]\\^_`{|}~]\\B)": ("'",),
    "^\"(?=[!\"#\\$\\%'()*+,-.\\/:;<=>?\\@\\[\\\\\\]\\^_`{|}~]\\B)": ('"',),
    "\"'(?=\\w)": ("\"'",),
    "'\"(?=\\w)": ("'\"",),
    "(?<=[^\\ \\t\\r\\n\\[\\{\\(\\-\\u0002\\u0003])\\'\"": ("'\"",),
    "(?<=[^\\ \\t\\r\\n\\[\\{\\(\\-\\u0002\\u0003])\\\"'": ("\"'",),
    "(?<!\\w)'(?=\\d{2}s)": ("'",),
    "(\\s|&nbsp;|--|–|—|&[mn]dash;|&#8211;|&#8212;)'(?=\\w)": ("'",),
    "(?<=[^\\ \\t\\r\\n\\[\\{\\(\\-\\u0002\\u0003])'(?!\\s|s\\b|\\d)": ("'",),
    "'(\\s|s\\b)": ("'",),
    "'": ("'",),
    "(\\s|&nbsp;|--|–|—|&[mn]dash;|&#8211;|&#8212;)\"(?=\\w)": ('"',),
    "\"(?=\\s)": ('"',),
    "(?<=[^\\ \\t\\r\\n\\[\\{\\(\\-\\u0002\\u0003])\"": ('"',),
    "\"": ('"',),
}


def needs(pattern: Any) -> tuple[str, ...] | None:
    """What a text must contain for ``pattern`` to match it; ``None`` when unknown."""
    compiled = getattr(pattern, "compiled_re", None)
    if not isinstance(compiled, re.Pattern) or compiled.flags & re.IGNORECASE:
        return None
    return NEEDS.get(compiled.pattern)


class FilteredInline(InlineProcessor):
    """Python-Markdown's inline step, skipping a pattern when the text lacks what it needs.

    It takes the patterns from their registry when it first runs, once every extension is
    set up, so that extensions listed after it still add theirs, and keeps them as a list (a
    registry sorts itself at every read); a pattern registered after that is not tried."""

    def __init__(self, md: Markdown, patterns: Any) -> None:
        super().__init__(md)
        self.registry = patterns
        self.inlinePatterns: Any = []
        self.needs: list[frozenset[str] | None] = []
        self.all_needs: frozenset[str] = frozenset()

    def run(self, tree: Any, ancestors: list[str] | None = None) -> Any:
        """Python-Markdown's ``run``, with the patterns taken on the first run."""
        if self.registry is not None:
            self.inlinePatterns = list(self.registry)
            self.needs = [None if n is None else frozenset(n)
                          for n in map(needs, self.inlinePatterns)]
            self.all_needs = frozenset().union(*(n for n in self.needs if n is not None))
            self.registry = None
        return super().run(tree, ancestors)

    # Python-Markdown's private ``__handleInline``, which ``run`` calls under this name;
    # the same loop, with the skip.
    def _InlineProcessor__handleInline(self, data: str, index: int = 0) -> str:  # noqa: N802
        if isinstance(data, util.AtomicString):
            return data
        apply = self._InlineProcessor__applyPattern  # type: ignore[attr-defined]
        patterns, wanted = self.inlinePatterns, self.needs
        # A match only ever replaces text by a placeholder, which holds none of these: after
        # one, the text holds at most what it held before.
        present = {n for n in self.all_needs if n in data}
        start, count = 0, len(patterns)
        while index < count:
            need = wanted[index]
            if need is not None and present.isdisjoint(need):
                index, start = index + 1, 0
                continue
            data, matched, start = apply(patterns[index], data, index, start)
            if matched:
                present = {n for n in present if n in data}
            else:
                index += 1
        return data


def install(md: Markdown, steps: tuple[str, ...] = ("inline", "smarty")) -> None:
    """Put a :class:`FilteredInline` in place of each of ``md``'s inline ``steps``, with the
    same patterns in the same order and at the same priority."""
    registry: Any = md.treeprocessors
    for name in steps:
        if name not in registry:
            continue
        old: Any = registry[name]
        if type(old) is not InlineProcessor:
            continue
        replace(registry, name, FilteredInline(md, old.inlinePatterns))


class InlineStepsExtension(Extension):
    """Installs :class:`FilteredInline` (for a Markdown set up by others, such as MkDocs's
    for each page); list it after every extension that adds inline patterns."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
        """Replace ``md``'s inline step by a :class:`FilteredInline`."""
        install(md, ("inline",))
