"""Ids from outside (a path, a query string, a form) checked where they come in.

Every id here is a positive 64-bit integer. A number beyond that can name no
row, and SQLite raises OverflowError (a server error) if one reaches a query
through a foreign key, a page's parent link or an `in` lookup. So an id that
can't exist is refused before any query: a path answers 404, a form field
says "Select a valid choice" beside itself, a query parameter reads as absent.
Wagtail's admin reads ids from its query strings and forms in its own views,
where none of these reach: there a request carrying such a number is refused
whole (AdminIdsMiddleware).
"""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import BadRequest

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


_WHOLE_NUMBER = re.compile(r"\s*[-+]?([0-9]+)\s*")


def is_beyond_any_id(value: str) -> bool:
    """True for a whole number, either sign, too big for any id: no row has it."""
    found = _WHOLE_NUMBER.fullmatch(value)
    if found is None:
        return False
    digits = found.group(1).lstrip("0")
    return len(digits) > len(str(LARGEST_ID)) or int(digits or 0) > LARGEST_ID


class AdminIdsMiddleware:
    """Wagtail's admin answers 400 to a query string or form with a number no id could be.

    Its choosers, listing filters, bulk actions and user, group and page forms
    look ids up with `in` and through foreign keys, which on SQLite raise
    OverflowError for such a number. Refused here, it never reaches them.
    A number that long typed as text (a title, a search) is refused too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(settings.WAGTAILADMIN_PATH_PREFIX):
            sent = [*request.GET.lists(), *request.POST.lists()]
            if any(is_beyond_any_id(value) for _, values in sent for value in values):
                raise BadRequest("a number no id could be")
        return self.get_response(request)
