"""Form fields that refuse forged ids with a message instead of a server error.

SQLite raises OverflowError for an integer beyond 64 bits, which Django's
model choice fields do not catch; these check the typed ids first.
"""

from django import forms

_LARGEST_ID = 2**63 - 1


def _is_plausible_id(value) -> bool:
    try:
        return 0 < int(str(value)) <= _LARGEST_ID
    except ValueError:
        return False


class IdChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and not _is_plausible_id(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for each in value or ():
            if not _is_plausible_id(each):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": each},
                )
        return super()._check_values(value)
