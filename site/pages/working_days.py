"""Working days (Monday to Friday), for "overdue" and "waiting too long" marks."""

from datetime import datetime, timedelta


def working_days_before(moment: datetime, days: int) -> datetime:
    """The same time of day, `days` working days before `moment`.

    Saturdays and Sundays do not count, so something that arrived on a Friday
    afternoon is two working days old on Tuesday afternoon.
    """
    result = moment
    counted = 0
    while counted < days:
        result -= timedelta(days=1)
        if result.weekday() < 5:
            counted += 1
    return result
