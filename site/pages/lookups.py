"""`__in` on integer columns ignores ids no database column can hold.

Django 5.2 already does this for `exact`, `gt`, `lt` and friends, but not
for `in`: a forged id beyond 64 bits reaches SQLite, which raises
OverflowError (a server error) from every ModelMultipleChoiceField, in our
forms and in Wagtail's admin alike. Such an id can match no row, so it is
dropped; an `in` left with nothing to look for matches nothing.
"""

from copy import copy

from django.db.models import IntegerField
from django.db.models.lookups import In


@IntegerField.register_lookup
class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if not self.rhs_is_direct_value():
            return super().process_rhs(compiler, connection)
        low, high = connection.ops.integer_field_range(
            self.lhs.output_field.get_internal_type()
        )
        storable = [value for value in self.rhs if _fits(value, low, high)]
        if len(storable) == len(self.rhs):
            return super().process_rhs(compiler, connection)
        narrowed = copy(self)
        narrowed.rhs = storable
        return In.process_rhs(narrowed, compiler, connection)


def _fits(value, low, high) -> bool:
    if not isinstance(value, int):
        return True
    return (low is None or value >= low) and (high is None or value <= high)
