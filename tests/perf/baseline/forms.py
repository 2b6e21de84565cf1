from django import forms

from tests.perf.baseline.models import FEELINGS, SPEAKERS, BaselineSubmission


class BaselineForm(forms.ModelForm):
    speaker = forms.ChoiceField(choices=SPEAKERS, widget=forms.RadioSelect)
    feeling = forms.TypedChoiceField(
        choices=FEELINGS, coerce=int, widget=forms.RadioSelect
    )

    class Meta:
        model = BaselineSubmission
        fields = ["speaker", "topic", "feeling", "text"]
