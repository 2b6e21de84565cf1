"""Medians worked out in the database, on PostgreSQL and SQLite alike."""

from django.db import connection
from django.db.models import Aggregate, DurationField, Expression, QuerySet


class PercentileCont(Aggregate):
    """PostgreSQL's continuous percentile (works on numbers and intervals)."""

    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


def median_duration(
    queryset: QuerySet, expression: Expression, count: int | None = None
):
    """The median of `expression` (a duration) over the rows, or None when there are none.

    PostgreSQL computes it in one aggregate. Elsewhere the database sorts and
    returns only the middle one or two values; pass `count` when it is
    already known to save a query.
    """
    rows = queryset.annotate(_median_value=expression).filter(
        _median_value__isnull=False
    )
    if connection.vendor == "postgresql":
        return rows.aggregate(median=PercentileCont("_median_value"))["median"]
    if count is None:
        count = rows.count()
    if not count:
        return None
    middle = list(
        rows.order_by("_median_value").values_list("_median_value", flat=True)[
            (count - 1) // 2 : count // 2 + 1
        ]
    )
    return sum(middle[1:], middle[0]) / len(middle)
