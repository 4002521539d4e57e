"""Parsed and schema-checked content files, kept across the rebuilds of one serve process.

A rebuild reads every content file again (reading is cheap), but parses and schema-checks
only those whose bytes changed: each file is keyed by its path, the path shown in messages
and a hash of its bytes, so an edit is never missed, whatever the clock of the file system
says.  What the cache returns is exactly what a fresh parse would return; cross-file checks
are never cached (``validate.py`` runs them over the whole model on every build).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem
from .filecheck import FileCheck, schema_check
from .yamlload import Document, load_bytes


@dataclass
class _Entry:
    digest: bytes
    doc: Document | None
    problems: tuple[Problem, ...]
    checks: dict[str, FileCheck] = field(default_factory=dict)


@dataclass
class ContentCache:
    """Per-file results by path; ``parses`` and ``schema_checks`` count the real work done."""

    entries: dict[tuple[Path, str], _Entry] = field(default_factory=dict)
    parses: Counter[str] = field(default_factory=Counter)
    schema_checks: Counter[str] = field(default_factory=Counter)
    _seen: set[tuple[Path, str]] = field(default_factory=set)

    def load(self, path: Path, display: str) -> tuple[Document | None, list[Problem]]:
        """Like :func:`yamlload.load_file`, parsing again only when the bytes changed."""
        try:
            raw = path.read_bytes()
        except OSError as err:
            return None, [Problem(display, 1, 1, "(file)", f"cannot read file: {err.strerror}")]
        key = (path.resolve(), display)
        self._seen.add(key)
        digest = hashlib.blake2b(raw, digest_size=20).digest()
        entry = self.entries.get(key)
        if entry is None or entry.digest != digest:
            self.parses[display] += 1
            doc, problems = load_bytes(display, raw)
            entry = self.entries[key] = _Entry(digest, doc, tuple(problems))
        return entry.doc, list(entry.problems)

    def schema(self, doc: Document, kind: str) -> FileCheck:
        """Like :func:`filecheck.schema_check`, reusing the result for an unchanged file."""
        entry = next((e for e in self.entries.values() if e.doc is doc), None)
        if entry is None:  # a document this cache did not load
            return schema_check(doc, kind)
        if kind not in entry.checks:
            self.schema_checks[doc.path] += 1
            entry.checks[kind] = schema_check(doc, kind)
        return entry.checks[kind]

    def sweep(self) -> None:
        """Forget files not read since the last sweep (deleted or renamed ones)."""
        for key in set(self.entries) - self._seen:
            del self.entries[key]
        self._seen.clear()
