"""The date a build stamps on what it writes, taken from the content, never a fixed default.

The calendar's ``DTSTAMP`` and the feed's date when no section lists a change say when the
information was last revised. That is the latest date the content itself records (a
section's review or change, the end of the last event), or the build's
``SOURCE_DATE_EPOCH`` (``make build`` sets it from the last commit) when that is later.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from ..content.dates import parse_when
from ..content.index import Index, event_when


def content_day(index: Index) -> date:
    """The latest day the content records: a review, a change, or the last event's end.

    An event known only to its month or year counts from its first day, the earliest it
    can have happened, so that the stamp never claims more than the content knows.
    """
    days = [(event_when(e).end or event_when(e).start).first_day() for e in index.events]
    for section in index.sections:
        days += [parse_when(c.date).start.first_day() for c in section.changes]
        if section.reviewed:
            days.append(parse_when(section.reviewed).start.first_day())
    return max(days)


def build_stamp(index: Index, epoch: str | None) -> datetime:
    """Midnight UTC of :func:`content_day`, or ``SOURCE_DATE_EPOCH`` if that is later."""
    stamp = datetime.combine(content_day(index), datetime.min.time(), UTC)
    if epoch:
        stamp = max(stamp, datetime.fromtimestamp(int(epoch), UTC))
    return stamp
