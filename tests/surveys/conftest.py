import secrets

import pytest

from tests.surveys.factories import make_survey, question_ids


@pytest.fixture
def survey(home_page):
    return make_survey(home_page)


@pytest.fixture
def fields(survey):
    return question_ids(survey)


@pytest.fixture
def full_answers(fields):
    """A valid answer to every question of the default survey, as posted by the form."""

    def answers(**overrides):
        data = {
            # A new token for each post, as each blank form has (a token is used once).
            "submission_token": overrides.pop("token", secrets.token_urlsafe(24)),
            fields["emoji_scale"]: "4",
            fields["yes_no"]: "1",
            fields["one_choice"]: "Café",
            fields["several_choices"]: ["Sport", "Trips"],
            fields["short_text"]: "My worker listens",
            fields["long_text"]: "Shorter meetings please",
            fields["rating"]: "8",
            "speaker_type": "young_person",
            "age_band": "14_15",
        }
        data.update(overrides)
        return data

    return answers


@pytest.fixture(autouse=True)
def _mfa_stage_done(settings):
    """Staff sign-in with MFA has its own tests; here staff are taken as past it."""
    settings.STAFF_MFA_REQUIRED = False
