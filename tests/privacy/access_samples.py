"""URL kwargs for the privacy routes that take parameters (see tests/test_access_matrix.py)."""

from accounts import roles
from tests.privacy.factories import feedback


def _someone_else(people):
    return {"user_id": people[roles.YOUNG_PERSON].pk}


SAMPLE_KWARGS = {
    "privacy:stop_sharing": lambda people: {
        "feedback_id": feedback(
            author=people[roles.YOUNG_PERSON], share_consent=True
        ).pk
    },
    "privacy_admin:person": _someone_else,
    "privacy_admin:person_json": _someone_else,
    "privacy_admin:person_printable": _someone_else,
    "privacy_admin:delete_person": _someone_else,
}
