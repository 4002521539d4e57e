"""Inline markup that survived rendering: a ``[@`` or ``[[`` left in a page's text is an error.

A citation or term reference the patterns do not recognise (an unclosed bracket, a blank
line inside it) would otherwise reach the reader as raw syntax while the build passes.
Each fragment is checked after it is rendered, and each whole page once more, so that
text from a plain field is caught too.  Code spans and blocks may show the syntax.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from ...content.errors import Problem
from ...content.inline import CITE_RE, TERM_RE

_CODE = re.compile(r"<(code|pre)\b[^>]*>.*?</\1>", re.S)
_TAG = re.compile(r"<[^>]*>")
_OPEN = re.compile(r"\[[@\[]")
_NEEDLE = re.compile(r"\[[@\[][^\s\];|,\[]*")
SNIPPET = 40


def visible_text(markup: str) -> str:
    """The text of ``markup`` without code, each tag a line break (so snippets stop there)."""
    return html.unescape(_TAG.sub("\n", _CODE.sub(" ", markup)))


# Character references that html.unescape may read as "[" or "@" (a few more, never fewer).
_REFERENCE = re.compile(r"&(?:#0*(?:91|64)|#[xX]0*(?:5[bB]|40)|lsqb|lbrack|commat)")


def may_show_open(markup: str) -> bool:
    """Whether ``markup``'s visible text can hold ``[@`` or ``[[``: only if the markup holds
    one as written or a character reference that reads as ``[`` or ``@`` (tags and code
    become a line break or a space, which never join two characters). A page without any
    needs no parse (the parse took 9 to 16 ms over the real site's pages at every build)."""
    return "[@" in markup or "[[" in markup or _REFERENCE.search(markup) is not None


def message(snippet: str) -> str:
    """The error for one piece of unrendered markup, beginning ``snippet``."""
    if snippet.startswith("[@"):
        return (f"unrendered citation '{snippet}' (write [@source-id] or [@one; @two], "
                "closed by ] in the same paragraph)")
    return (f"unrendered term reference '{snippet}' (write [[term]] or [[term|shown text]], "
            "closed by ]] in the same paragraph)")


def _snippet(text: str, start: int) -> str:
    line = text[start:].split("\n", 1)[0].rstrip()
    return line if len(line) <= SNIPPET else line[:SNIPPET - 1] + "…"


def _unmatched(source: str, needle: str) -> list[int]:
    """For each occurrence of ``needle`` in ``source``: its number, if no pattern reads it."""
    out, pos, number = [], source.find(needle), 0
    while pos >= 0:
        if not (CITE_RE.match(source, pos) or TERM_RE.match(source, pos)):
            out.append(number)
        pos, number = source.find(needle, pos + 1), number + 1
    return out


def unrendered(source: str, markup: str) -> list[tuple[str, int, str]]:
    """``(needle, occurrence, message)`` for each ``[@`` or ``[[`` left in ``markup``.

    ``source`` is the text ``markup`` was rendered from: the needle's ``occurrence`` there
    is the first one no pattern reads.  Markup that a pattern does read but that failed
    to parse (an unknown form inside the brackets) is reported where it is parsed, so it
    is skipped here.
    """
    if not may_show_open(markup):
        return []
    text = visible_text(markup)
    found: list[tuple[str, int, str]] = []
    used: dict[str, int] = {}
    for match in _OPEN.finditer(text):
        needle = _NEEDLE.match(text, match.start()).group(0)  # type: ignore[union-attr]
        free = _unmatched(source, needle)
        nth = used[needle] = used.get(needle, -1) + 1
        if free:  # otherwise a pattern read it and the parser reported it
            found.append((needle, free[min(nth, len(free) - 1)],
                          message(_snippet(text, match.start()))))
    return found


def first_unrendered(markup: str, sources: Iterable[tuple[str, str]]) -> tuple[str, int, str] | None:
    """The first leftover of a whole page, as ``(path, offset, message)``.

    ``sources`` are ``(path, raw file text)`` pairs.  A leftover that got this far came
    from a plain-text field, which reaches the page as written; so it is looked for with
    the words before it on its line, and the offset is -1 when no file holds it so.
    """
    if not may_show_open(markup):
        return None
    text = visible_text(markup)
    match = _OPEN.search(text)
    if match is None:
        return None
    start = match.start()
    snippet = _snippet(text, start)
    line_start = text.rfind("\n", 0, start) + 1
    for before in (40, 20, 8):
        probe = text[max(line_start, start - before):start].lstrip() + snippet.rstrip("…")
        for path, raw in sources:
            pos = raw.find(probe)
            if pos >= 0:
                return path, pos + len(probe) - len(snippet.rstrip("…")), message(snippet)
    return "", -1, message(snippet)


def page_problems(pages: Iterable[tuple[str, str]], files: list[tuple[str, str]]) -> list[Problem]:
    """One error per page ``(edit path, markup)`` that still shows ``[@`` or ``[[``.

    ``files`` are ``(path, raw text)`` of every content file; the error points at the
    first place in them that holds the leftover, or at the page's own file.
    """
    problems: list[Problem] = []
    for edit_path, markup in pages:
        found = first_unrendered(markup, files)
        if found is None:
            continue
        path, offset, text = found
        if offset < 0:
            problems.append(Problem(edit_path, 1, 1, "(page)", text))
            continue
        raw = dict(files)[path]
        line = raw.count("\n", 0, offset) + 1
        col = offset - (raw.rfind("\n", 0, offset) + 1) + 1
        problems.append(Problem(path, line, col, "(text)", text))
    return sorted(set(problems))
