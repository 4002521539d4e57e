"""One compiled regular expression that finds every glossary term and alias in a text.

The pattern is a trie of all surface forms, so matching costs time in proportion to the
text and not to the number of terms; greedy branches make the longest form win
(``R1-Zero`` beats ``R1``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


def normalize(form: str) -> str:
    """The lookup key of a surface form: lower case, single spaces."""
    return " ".join(form.lower().split())


def _trie(forms: Iterable[str]) -> dict:
    root: dict = {}
    for form in forms:
        node = root
        for char in form:
            node = node.setdefault(char, {})
        node[""] = True
    return root


def _pattern(node: dict) -> str:
    ends = "" in node
    branches = []
    for char in sorted(k for k in node if k):
        head = r"\s+" if char == " " else re.escape(char)
        branches.append(head + _pattern(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


class TermMatcher:
    """Finds surface forms (terms and aliases) as whole words, longest first."""

    def __init__(self, forms: dict[str, str]) -> None:
        """``forms`` maps each normalized surface form to its entry id."""
        self.forms = forms
        body = _pattern(_trie(forms))
        self.regex = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE) if body else None

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Yield ``(start, end, entry id)`` for each match in ``text``."""
        if self.regex is None:
            return
        for match in self.regex.finditer(text):
            entry = self.forms.get(normalize(match.group(0)))
            if entry is not None:
                yield match.start(), match.end(), entry
