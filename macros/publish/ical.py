"""An iCalendar file (RFC 5545) of all-day events, written directly.

The timeline's calendar holds all-day events with a few text properties: each value is
escaped as TEXT (section 3.3.11), each line folded at 75 octets (3.1), never inside a
character or an escape, and ended with CRLF. That takes a few lines here; the icalendar
package took about 90 ms of every build to import and write it (a twentieth of the build).
The tests read the file with icalendar and with vobject, and compare it, event by event,
with the calendar icalendar writes from the same events (``tests/publish/test_ical.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

LIMIT = 75  # octets in a line, without its CRLF (RFC 5545, 3.1)
# A TEXT escape (kept whole on one line) or any one character.
_PIECE = re.compile(r"\\.|.", re.DOTALL)


@dataclass(frozen=True)
class AllDay:
    """One all-day event: from ``start`` to the day before ``end`` (DTEND is exclusive)."""

    uid: str
    start: date
    end: date
    summary: str
    description: str
    categories: tuple[str, ...]
    url: str


def text(value: str) -> str:
    """``value`` escaped as an iCalendar TEXT value."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """``line`` folded into lines of at most :data:`LIMIT` octets, each continuation line
    starting with a space; no character and no escape is split."""
    if len(line) <= LIMIT // 4 or len(line.encode("utf-8")) <= LIMIT:
        return line
    lines: list[str] = []
    current: list[str] = []
    size = 0
    for piece in _PIECE.findall(line):
        octets = len(piece.encode("utf-8"))
        if current and size + octets > LIMIT:
            lines.append("".join(current))
            current, size = [" "], 1
        current.append(piece)
        size += octets
    lines.append("".join(current))
    return "\r\n".join(lines)


def _day(day: date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"  # strftime leaves years < 1000 short


def _event(event: AllDay, stamp: str) -> list[str]:
    return ["BEGIN:VEVENT", f"UID:{text(event.uid)}", f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{_day(event.start)}", f"DTEND;VALUE=DATE:{_day(event.end)}",
            f"SUMMARY:{text(event.summary)}", f"DESCRIPTION:{text(event.description)}",
            "CATEGORIES:" + ",".join(text(c) for c in event.categories),
            f"URL:{event.url}", "END:VEVENT"]


def calendar(prodid: str, name: str, events: Iterable[AllDay], stamp: datetime) -> bytes:
    """The calendar, UTF-8: its product id and name, and every event stamped ``stamp``
    (a time with its zone, written in UTC)."""
    if stamp.tzinfo is None:
        raise ValueError("the calendar's stamp needs a time zone")
    utc = stamp.astimezone(UTC)
    when = f"{_day(utc)}T{utc.hour:02d}{utc.minute:02d}{utc.second:02d}Z"
    # X-WR-CALNAME, a name clients show, is no standard TEXT property: written as it is (as
    # icalendar writes it, and reads it back), but on one line.
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{text(prodid)}",
             "X-WR-CALNAME:" + " ".join(name.splitlines())]
    for event in events:
        lines += _event(event, when)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")


__all__ = ["LIMIT", "AllDay", "calendar", "fold", "text"]
