"""The calendar writer: what icalendar reads back is what went in, every line is folded
within 75 octets without splitting a character or an escape, and the timeline's calendar
says what icalendar's own writer says of the same events."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.content.load import load_content
from macros.publish import export
from macros.publish.ical import LIMIT, AllDay, calendar, fold, text

from ..conftest import ROOT, SITE_NAME

STAMP = datetime(2026, 11, 30, tzinfo=UTC)
# Characters TEXT escapes, characters of one to four octets, and plain text.
_TEXT = st.text(alphabet=st.sampled_from([*'ab ,;\\:\n"é€😀', "\u2028"]), max_size=200)


def _read(ics: bytes) -> list[icalendar.cal.Component]:
    return list(icalendar.Calendar.from_ical(ics).walk("VEVENT"))


def _physical_lines(ics: bytes) -> list[bytes]:
    assert ics.endswith(b"\r\n") and ics.count(b"\n") == ics.count(b"\r\n")
    return ics.split(b"\r\n")[:-1]


@settings(max_examples=300, deadline=None)
@given(_TEXT, _TEXT, st.lists(_TEXT.filter(bool), min_size=1, max_size=3), st.dates())
def test_what_goes_in_comes_back(summary: str, description: str, categories: list[str],
                                 day: date) -> None:
    event = AllDay("an-id@site", day, day + timedelta(days=1) if day < date.max else day,
                   summary, description, tuple(categories), "https://example.org/t/#an-id")
    ics = calendar("-//Site, a test//timeline//EN", "Site: timeline", [event], STAMP)
    for line in _physical_lines(ics):
        assert len(line) <= LIMIT
        line.decode("utf-8")  # never a character cut in two
    (vevent,) = _read(ics)
    assert str(vevent["SUMMARY"]) == summary
    assert str(vevent["DESCRIPTION"]) == description
    assert [str(c) for c in vevent["CATEGORIES"].cats] == categories
    assert vevent.decoded("DTSTART") == day and vevent.decoded("DTSTAMP") == STAMP
    assert str(vevent["URL"]) == event.url and str(vevent["UID"]) == event.uid


def test_folding_keeps_escapes_and_characters_whole() -> None:
    assert fold("A" * LIMIT) == "A" * LIMIT
    assert fold("A" * (LIMIT + 1)) == "A" * LIMIT + "\r\n A"
    # An escape that would end the line goes whole to the next one; so does a character.
    assert fold("A" * (LIMIT - 1) + "\\,B") == "A" * (LIMIT - 1) + "\r\n \\,B"
    assert fold("A" * (LIMIT - 1) + "€B") == "A" * (LIMIT - 1) + "\r\n €B"
    assert text("a,b;c\\d\r\ne\nf") == "a\\,b\\;c\\\\d\\ne\\nf"


def test_a_stamp_without_a_time_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        calendar("-//x//EN", "x", [], datetime(2026, 1, 1))


def _icalendars_own(events: list[AllDay], prodid: str, name: str) -> bytes:
    """The calendar as the icalendar package writes the same events."""
    cal = icalendar.Calendar()
    cal.add("prodid", prodid)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    for e in events:
        vevent = icalendar.Event()
        for key, value in (("uid", e.uid), ("dtstamp", STAMP), ("dtstart", e.start),
                           ("dtend", e.end), ("summary", e.summary),
                           ("description", e.description), ("categories", list(e.categories)),
                           ("url", e.url)):
            vevent.add(key, value)
        cal.add_component(vevent)
    return cal.to_ical()


def _properties(ics: bytes) -> list[tuple[str, list[tuple[str, str]]]]:
    out = []
    for component in icalendar.Calendar.from_ical(ics).walk():
        values = [(k, str([str(c) for c in component[k].cats]) if k == "CATEGORIES"
                   else str(component.decoded(k))) for k in component]
        out.append((component.name, sorted(values)))
    return out


def test_the_timeline_says_what_icalendar_would_write() -> None:
    index = load_content(ROOT / "content", ROOT).index
    written: list[list[AllDay]] = []
    real_calendar = export.calendar

    def keep(prodid: str, name: str, events: list[AllDay], stamp: datetime) -> bytes:
        written.append(list(events))
        return real_calendar(prodid, name, events, stamp)

    export.calendar = keep  # type: ignore[assignment]
    try:
        ours = export.timeline_ics(index, "https://example.org/", STAMP, SITE_NAME)
    finally:
        export.calendar = real_calendar  # type: ignore[assignment]
    (events,) = written
    assert len(events) == len(index.events) > 0
    theirs = _icalendars_own(events, f"-//{SITE_NAME}//timeline//EN", f"{SITE_NAME}: timeline")
    assert _properties(ours) == _properties(theirs)
