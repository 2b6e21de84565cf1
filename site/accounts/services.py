"""Account writes that touch several models."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from accounts import roles, sign_in_locks
from accounts.models import SignInCode
from accounts.sign_in_codes import hash_code, new_code

User = get_user_model()


@transaction.atomic
def create_supported_account(*, case_worker, username: str) -> tuple[User, str]:
    """A case worker makes an account for a young person and gets a one-time code."""
    young_person = User(username=username, case_worker=case_worker)
    young_person.set_unusable_password()
    young_person.full_clean(exclude=["password"])
    young_person.save()
    young_person.groups.add(Group.objects.get(name=roles.YOUNG_PERSON))
    code = issue_sign_in_code(user=young_person, created_by=case_worker)
    return young_person, code


@transaction.atomic
def issue_sign_in_code(*, user, created_by) -> str:
    """Replace any unused code with a new one; only its hash is stored."""
    SignInCode.objects.filter(user=user, used_at__isnull=True).update(
        used_at=timezone.now()
    )
    code = new_code()
    SignInCode.objects.create(
        user=user,
        code_hash=hash_code(code),
        created_by=created_by,
        expires_at=timezone.now()
        + timedelta(hours=settings.SIGN_IN_CODE_LIFETIME_HOURS),
    )
    return code


def find_usable_code(code: str) -> SignInCode | None:
    found = (
        SignInCode.objects.select_related("user")
        .filter(code_hash=hash_code(code))
        .first()
    )
    return found if found and found.is_usable() and found.user.is_active else None


@transaction.atomic
def redeem_sign_in_code(*, sign_in_code: SignInCode, password: str) -> User:
    """Spend the code and set the password the young person chose."""
    locked = SignInCode.objects.select_for_update().get(pk=sign_in_code.pk)
    if not locked.is_usable():
        raise ValueError("This code has already been used or has run out.")
    locked.used_at = timezone.now()
    locked.save(update_fields=["used_at"])
    user = locked.user
    user.set_password(password)
    user.save(update_fields=["password"])
    return user


@transaction.atomic
def lift_sign_in_lock(*, young_person, case_worker) -> None:
    """Let a young person try their password again now, wherever they are."""
    sign_in_locks.lift_lock(young_person.username)
    log(young_person, "accounts.sign_in_lock_lifted", user=case_worker)
