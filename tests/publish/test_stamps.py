"""Honest stamps: the calendar's DTSTAMP and the feed's fallback date come from the content
or from SOURCE_DATE_EPOCH, whichever is later, never from a fixed date."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import icalendar

from macros.content.dates import parse_when
from macros.content.load import load_content
from macros.publish.stamps import build_stamp, content_day

from ..conftest import ROOT, edit

INDEX = load_content(ROOT / "content", ROOT).index


def test_content_day_is_the_latest_review_change_or_event() -> None:
    days = [parse_when(s.reviewed).start.first_day() for s in INDEX.sections if s.reviewed]
    days += [parse_when(c.date).start.first_day() for s in INDEX.sections for c in s.changes]
    days += [parse_when(e.date.split("/")[-1]).start.first_day() for e in INDEX.events]
    assert content_day(INDEX) == max(days)


def test_an_event_known_to_the_month_counts_from_its_first_day(mini: Path) -> None:
    edit(mini / "timeline.yml", '"2025-01-20"', '"2031-05"')
    assert content_day(load_content(mini, mini.parent).index) == date(2031, 5, 1)


def test_the_stamp_is_never_earlier_than_the_content() -> None:
    day = content_day(INDEX)
    midnight = datetime.combine(day, datetime.min.time(), UTC)
    assert build_stamp(INDEX, None) == midnight
    assert build_stamp(INDEX, "0") == midnight  # an epoch older than the content loses
    later = int(datetime(day.year + 1, 1, 2, 3, 4, tzinfo=UTC).timestamp())
    assert build_stamp(INDEX, str(later)) == datetime.fromtimestamp(later, UTC)


def test_the_built_calendar_is_stamped_by_the_content(site: Path) -> None:
    # The site fixture's SOURCE_DATE_EPOCH (20 January 2025) is older than the content.
    cal = icalendar.Calendar.from_ical((site / "data" / "timeline.ics").read_bytes())
    stamps = {e.decoded("DTSTAMP") for e in cal.walk("VEVENT")}
    assert stamps == {build_stamp(INDEX, "1737331200")}
    assert stamps == {datetime.combine(content_day(INDEX), datetime.min.time(), UTC)}
