"""Ids from outside (a path, a query string, a form) checked where they come in.

Every id here is a positive 64-bit integer. A number beyond that can name no
row, and SQLite raises OverflowError (a server error) if one reaches a query
through a foreign key, a page's parent link or an `in` lookup. So an id that
can't exist is refused before any query: a path answers 404, a form field
says "Select a valid choice" beside itself, a query parameter reads as absent.
"""

from django import forms

LARGEST_ID = 2**63 - 1


def parse_id(value) -> int | None:
    """The id `value` names (a string of digits or an int), or None if no row could have it."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        text = str(value if value is not None else "").strip()
        if not (
            text.isascii() and text.isdigit() and len(text) <= len(str(LARGEST_ID))
        ):
            return None
        number = int(text)
    return number if 0 < number <= LARGEST_ID else None


class IdConverter:
    """`<id:pk>` in a URL: digits a row's id could be; anything else is a 404."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = parse_id(value)
        if number is None:
            raise ValueError(f"{value} is not an id a row could have")
        return number

    def to_url(self, value) -> str:
        return str(value)


def _invalid_choice(field, value) -> forms.ValidationError:
    return forms.ValidationError(
        field.error_messages["invalid_choice"],
        code="invalid_choice",
        params={"value": value},
    )


class IdChoiceField(forms.ModelChoiceField):
    """A choice of one row by its id; an id that can't exist is not a valid choice."""

    def to_python(self, value):
        if (
            value not in self.empty_values
            and not isinstance(value, self.queryset.model)
            and parse_id(value) is None
        ):
            raise _invalid_choice(self, value)
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A choice of rows by their ids; an id that can't exist is not a valid choice."""

    def _check_values(self, value):
        for each in value or ():
            if parse_id(each) is None:
                raise _invalid_choice(self, each)
        return super()._check_values(value)
