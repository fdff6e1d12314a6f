"""Which services run on a service day: calendar.txt and calendar_dates.txt.

A service runs on day D when calendar.txt gives D's weekday between its start_date and end_date
(both included), unless calendar_dates.txt removes D (exception_type 2); calendar_dates.txt adds D to
a service (exception_type 1) whether or not calendar.txt knows the service, which is how feeds given
by calendar_dates.txt only (many French ones) list their days.

The default service day is the next weekday (Monday to Friday, today included) within the feed's
validity on which some service runs: feed_info's feed_start_date..feed_end_date when given, else the
span of the calendars. A feed whose validity has ended gets its last such weekday, with a warning.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from ...toolbelt.i18n import tr
from .archive import GtfsArchive, column_getter

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def parse_date(text: str):
    """A date from GTFS's YYYYMMDD (ISO YYYY-MM-DD accepted too); None when unreadable."""
    text = (text or "").strip().replace("-", "")
    if len(text) != 8 or not text.isdigit():
        return None
    try:
        return datetime.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None


@dataclass
class ServiceCalendar:
    weekly: dict = field(default_factory=dict)  # service_id -> (7 booleans, start, end)
    added: dict = field(default_factory=dict)  # date -> {service_id}
    removed: dict = field(default_factory=dict)  # date -> {service_id}
    feed_start: datetime.date = None
    feed_end: datetime.date = None
    bad_rows: int = 0

    def services_on(self, day: datetime.date) -> set:
        weekday = day.weekday()
        running = {
            service for service, (days, start, end) in self.weekly.items() if days[weekday] and start <= day <= end
        }
        running -= self.removed.get(day, set())
        running |= self.added.get(day, set())
        return running

    def span(self) -> tuple:
        """(first, last) day the calendars mention, or (None, None)."""
        days = [start for _d, start, _e in self.weekly.values()] + [end for _d, _s, end in self.weekly.values()]
        days += list(self.added)
        if not days:
            return None, None
        return min(days), max(days)

    def validity(self) -> tuple:
        first, last = self.span()
        return self.feed_start or first, self.feed_end or last

    def default_day(self, today: datetime.date, runs) -> tuple:
        """(day, warning or None): the next weekday from `today` within the validity on which `runs(day)`
        is true; when the validity has ended, the last such weekday before its end."""
        first, last = self.validity()
        if first is None or last is None:
            return None, tr("the calendars list no day of service")
        day = max(today, first)
        while day <= last:
            if day.weekday() < 5 and runs(day):
                return day, None
            day += datetime.timedelta(days=1)
        day = last
        while day >= first:
            if day.weekday() < 5 and runs(day):
                if last < today:
                    return day, tr("the feed's validity ended on") + f" {last.isoformat()}"
                return day, None
            day -= datetime.timedelta(days=1)
        return None, tr("no weekday of the feed's validity has any service")


def read_calendar(archive: GtfsArchive) -> ServiceCalendar:
    calendar = ServiceCalendar()
    columns, rows = archive.table("calendar.txt")
    service = column_getter(columns, "service_id")
    day_getters = [column_getter(columns, name, "0") for name in WEEKDAYS]
    start_of, end_of = column_getter(columns, "start_date"), column_getter(columns, "end_date")

    with archive.reading("calendar.txt"):
        for row in rows:
            service_id, start, end = service(row), parse_date(start_of(row)), parse_date(end_of(row))
            if not service_id or start is None or end is None:
                calendar.bad_rows += 1
                continue
            calendar.weekly[service_id] = (tuple(get(row) == "1" for get in day_getters), start, end)

    columns, rows = archive.table("calendar_dates.txt")
    service, date_of, kind_of = (column_getter(columns, n) for n in ("service_id", "date", "exception_type"))

    with archive.reading("calendar_dates.txt"):
        for row in rows:
            service_id, day, kind = service(row), parse_date(date_of(row)), kind_of(row)
            if not service_id or day is None or kind not in ("1", "2"):
                calendar.bad_rows += 1
                continue
            (calendar.added if kind == "1" else calendar.removed).setdefault(day, set()).add(service_id)

    return calendar
