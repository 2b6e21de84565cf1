"""Ids no database column can hold match nothing, instead of crashing a query.

Django 5.2 already does this for `exact`, `gt`, `lt` and friends on integer
columns, but not for `in`, nor for any lookup through a foreign key or a
page's parent link (`pk` of a Wagtail page type). There a forged id beyond
64 bits reaches SQLite, which raises OverflowError, a server error, from
model choice fields in our forms and Wagtail's admin alike. Such an id can
match no row, so it is dropped; a lookup left with nothing matches nothing.
"""

from copy import copy

from django.core.exceptions import EmptyResultSet, FieldError
from django.db.models import ForeignObject, IntegerField
from django.db.models.fields.related_lookups import RelatedExact, RelatedIn
from django.db.models.lookups import In


def _column_field(lookup):
    """The field whose column finally holds the value (through any foreign keys)."""
    field = lookup.lhs.output_field
    try:
        while getattr(field, "target_field", None) is not None:
            field = field.target_field
    except FieldError:  # a relation over several columns: not ours to judge
        return None
    return field


def _fits_column(lookup, connection, value) -> bool:
    if not isinstance(value, int):
        return True
    field = _column_field(lookup)
    if not isinstance(field, IntegerField):
        return True
    low, high = connection.ops.integer_field_range(field.get_internal_type())
    return (low is None or value >= low) and (high is None or value <= high)


class _ExactWithinRange:
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value() and not _fits_column(self, connection, self.rhs):
            raise EmptyResultSet
        return super().process_rhs(compiler, connection)


class _InWithinRange:
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            kept = [
                value for value in self.rhs if _fits_column(self, connection, value)
            ]
            if len(kept) != len(self.rhs):
                narrowed = copy(self)
                narrowed.rhs = kept
                return super(_InWithinRange, narrowed).process_rhs(compiler, connection)
        return super().process_rhs(compiler, connection)


@IntegerField.register_lookup
class IntegerFieldIn(_InWithinRange, In):
    pass


@ForeignObject.register_lookup
class RelatedExactWithinRange(_ExactWithinRange, RelatedExact):
    pass


@ForeignObject.register_lookup
class RelatedInWithinRange(_InWithinRange, RelatedIn):
    pass
