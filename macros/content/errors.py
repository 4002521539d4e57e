"""Content problems, collected and reported together as ``path:line:col: field: message``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or suspicious) in a content file, with its place."""

    path: str
    line: int
    col: int
    field: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        prefix = "" if self.severity == "error" else "warning: "
        return f"{self.path}:{self.line}:{self.col}: {prefix}{self.field}: {self.message}"

    def github_annotation(self) -> str:
        """Format as a GitHub Actions workflow command, so CI shows it on the diff."""
        text = (f"{self.field}: {self.message}".replace("%", "%25").replace("\r", "%0D")
                .replace("\n", "%0A"))
        return f"::{self.severity} file={self.path},line={self.line},col={self.col}::{text}"


class ContentError(Exception):
    """Raised when content has errors; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        errors = [p for p in self.problems if p.severity == "error"]
        super().__init__(
            f"{len(errors)} content error(s):\n" + "\n".join(str(p) for p in errors)
        )
