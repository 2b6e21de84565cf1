"""The record of staff looking at one person's identifiable records.

Every staff view that shows a named person's feedback, answers, sign-ups or
safeguarding records calls `record_access` before it answers.
"""

from __future__ import annotations

from django.http import HttpRequest

from privacy.models import AccessLog


def record_access(request: HttpRequest, subject_user, what: str) -> AccessLog:
    """Log that the signed-in member of staff saw `what` about `subject_user`.

    Only the staff member, the person, what and when are kept: never an
    address or a browser's name.
    """
    return AccessLog.objects.create(
        who=request.user,
        who_username=request.user.get_username(),
        subject=subject_user,
        subject_number=subject_user.pk if subject_user is not None else None,
        what=what[:200],
        path=request.path[:300],
    )


def record_access_to_many(request: HttpRequest, subject_users, what: str) -> int:
    """Log one look at several people's records (a list or roster), in one query."""
    subjects = {user.pk: user for user in subject_users if user is not None}
    AccessLog.objects.bulk_create(
        AccessLog(
            who=request.user,
            who_username=request.user.get_username(),
            subject=subject,
            subject_number=subject.pk,
            what=what[:200],
            path=request.path[:300],
        )
        for subject in subjects.values()
    )
    return len(subjects)
