"""Deleting an account: every app erases or anonymises its part, in one transaction."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from privacy.models import AccessLog
from privacy.registry import erase_everywhere


@dataclass(frozen=True)
class DeletionResult:
    username: str
    kept_words: bool
    notes: list[str]


@transaction.atomic
def delete_account(*, user, keep_words: bool, done_by=None) -> DeletionResult:
    """Erase (or keep without a name) everything about `user`, then delete the account.

    `done_by` is the member of staff carrying out a request made in person;
    it is logged. Records that must be kept for safeguarding stay, and the
    returned notes say so in plain words.
    """
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    username = user.get_username()
    notes = erase_everywhere(user, keep_anonymised=keep_words)
    if done_by is not None:
        AccessLog.objects.create(
            who=done_by,
            who_username=done_by.get_username(),
            subject=user,
            subject_number=user.pk,
            what=(
                "Deleted the account, keeping the words without a name"
                if keep_words
                else "Deleted the account and erased the words"
            ),
        )
    user.delete()
    return DeletionResult(username=username, kept_words=keep_words, notes=notes)
