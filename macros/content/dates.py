"""Dates at honest precision: a year, a month, a day, or a range of two of these."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

_PART = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
ALLOWED = "YYYY, YYYY-MM, YYYY-MM-DD, or a range START/END of these"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        """``year``, ``month`` or ``day``."""
        return "day" if self.day else "month" if self.month else "year"

    def first_day(self) -> date:
        """The earliest calendar day this date can mean."""
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        """The latest calendar day this date can mean."""
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        """ISO 8601 text at this precision (valid in ``<time datetime>``)."""
        parts = [f"{self.year:04d}"]
        parts += [f"{self.month:02d}"] if self.month else []
        parts += [f"{self.day:02d}"] if self.day else []
        return "-".join(parts)

    def human(self) -> str:
        """Readable form: ``20 January 2025``, ``March 2023`` or ``2015``."""
        if self.day and self.month:
            return f"{self.day} {_MONTHS[self.month - 1]} {self.year}"
        if self.month:
            return f"{_MONTHS[self.month - 1]} {self.year}"
        return str(self.year)


@dataclass(frozen=True, order=True)
class When:
    """A partial date, or a range between two partial dates."""

    start: PartialDate
    end: PartialDate | None = None

    def iso(self) -> str:
        """ISO 8601 text; a range uses the ``start/end`` interval form."""
        return self.start.iso() + (f"/{self.end.iso()}" if self.end else "")

    def human(self) -> str:
        """Readable form, with an en dash between the ends of a range."""
        if not self.end:
            return self.start.human()
        dash = "–" if self._in_one_month() else " – "
        return f"{self.start_label()}{dash}{self.end.human()}"

    def start_label(self) -> str:
        """The start as shown before the dash: only its day when a range stays in one month."""
        return str(self.start.day) if self._in_one_month() else self.start.human()

    def _in_one_month(self) -> bool:
        s, e = self.start, self.end
        return bool(e and s.day and e.day and (s.year, s.month) == (e.year, e.month))

    @property
    def precision(self) -> str:
        """The precision of the start, with ``range`` for intervals."""
        return "range" if self.end else self.start.precision


def _parse_part(text: str) -> PartialDate:
    match = _PART.match(text)
    if not match:
        raise ValueError(f"'{text}' is not a date ({ALLOWED})")
    year, month, day = (int(g) if g else None for g in match.groups())
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"'{text}' has month {month:02d} (months run 01 to 12)")
    if day is not None:
        last = calendar.monthrange(year, month)[1]  # type: ignore[arg-type]
        if not 1 <= day <= last:
            raise ValueError(f"'{text}' has day {day:02d}, but that month has {last} days")
    return PartialDate(year, month, day)  # type: ignore[arg-type]


def parse_when(text: str) -> When:
    """Parse ``2025``, ``2025-01``, ``2025-01-20`` or ``2025-01-26/2025-01-27``.

    Raises ``ValueError`` with a reader-facing message.
    """
    if not isinstance(text, str):
        raise ValueError(f"expected a date as text ({ALLOWED})")
    return _parse_text(text)


@lru_cache(maxsize=1 << 16)
def _parse_text(text: str) -> When:
    """:func:`parse_when`, remembered: a source's date is read again on every page that cites
    it.  A date that fails is not remembered, so its error is raised each time."""
    start, sep, end = text.strip().partition("/")
    first = _parse_part(start)
    if not sep:
        return When(first)
    last = _parse_part(end)
    if last.first_day() < first.first_day():
        raise ValueError(f"range '{text}' ends before it starts (put the earlier date first)")
    return When(first, last)
