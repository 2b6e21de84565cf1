"""Account writes that touch several models."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts import log_actions, roles, sign_in_locks
from accounts.models import SignInCode, SignInCodeRequest
from accounts.notifications import notify
from accounts.sign_in_codes import hash_code, new_code

User = get_user_model()

AGREE_PERMISSION = "agree_sign_in_codes"


@transaction.atomic
def create_supported_account(
    *, case_worker, username: str, age_band: str = ""
) -> tuple[User, str]:
    """A case worker makes an account for a young person and gets a one-time code."""
    young_person = User(username=username, case_worker=case_worker, age_band=age_band)
    young_person.set_unusable_password()
    young_person.full_clean(exclude=["password"])
    young_person.save()
    young_person.groups.add(Group.objects.get(name=roles.YOUNG_PERSON))
    code = issue_sign_in_code(user=young_person, created_by=case_worker)
    return young_person, code


def set_age_band(*, user, age_band: str) -> None:
    """A person's own age group, or none: only the band is ever kept."""
    user.age_band = age_band
    user.full_clean(exclude=["password"])
    user.save(update_fields=["age_band"])


@transaction.atomic
def issue_sign_in_code(*, user, created_by, agreed_request=None) -> str:
    """Replace any unused code with a new one; only its hash is stored.

    A code sets a new password when it is used, so for someone who already
    has a password it needs a request another member of staff agreed to
    (`agreed_request`, see `agree_to_code_request`).
    """
    if user.has_usable_password() and agreed_request is None:
        raise PermissionDenied("A second member of staff must agree to this code.")
    SignInCode.objects.filter(user=user, used_at__isnull=True).update(
        used_at=timezone.now()
    )
    code = new_code()
    sign_in_code = SignInCode.objects.create(
        user=user,
        code_hash=hash_code(code),
        created_by=created_by,
        agreed_request=agreed_request,
        expires_at=timezone.now()
        + timedelta(hours=settings.SIGN_IN_CODE_LIFETIME_HOURS),
    )
    log(instance=sign_in_code, action=log_actions.SIGN_IN_CODE_MADE, user=created_by)
    return code


def _agreement_still_fresh() -> Q:
    """An agreement lasts as long as a code does; after that, ask again."""
    since = timezone.now() - timedelta(hours=settings.SIGN_IN_CODE_LIFETIME_HOURS)
    return Q(decided_at__gte=since)


def agreed_code_request(*, user, requested_by) -> SignInCodeRequest | None:
    """An agreed, not yet printed request by this worker for this person."""
    return (
        SignInCodeRequest.objects.filter(
            _agreement_still_fresh(),
            user=user,
            requested_by=requested_by,
            status=SignInCodeRequest.Status.AGREED,
        )
        .order_by("-decided_at")
        .first()
    )


def waiting_code_request(*, user) -> SignInCodeRequest | None:
    return SignInCodeRequest.objects.filter(
        user=user, status=SignInCodeRequest.Status.WAITING
    ).first()


def people_who_can_agree(*, request: SignInCodeRequest) -> list:
    """Active staff, other than the one asking, who may agree for this person."""
    candidates = (
        User.objects.filter(
            Q(groups__permissions__codename=AGREE_PERMISSION) | Q(is_superuser=True),
            is_active=True,
        )
        .exclude(pk=request.requested_by_id)
        .distinct()
    )
    return [person for person in candidates if roles.can_act_on(person, request.user)]


@transaction.atomic
def ask_for_sign_in_code(*, user, requested_by, reason: str) -> SignInCodeRequest:
    """A worker asks for a new code for someone who has a password.

    The person is told at once in their messages, so a request they did not
    make does not go unnoticed, and the staff who can agree are asked.
    """
    existing = waiting_code_request(user=user)
    if existing is not None:
        return existing
    code_request = SignInCodeRequest(
        user=user, requested_by=requested_by, reason=reason
    )
    code_request.full_clean()
    code_request.save()
    log(
        instance=code_request,
        action=log_actions.SIGN_IN_CODE_ASKED_FOR,
        user=requested_by,
    )
    notify(
        user=user,
        message=_(
            "%(worker)s asked for a new sign-in code for your account. If another "
            "member of staff agrees, the code will set a new password and your "
            "old password will stop working. If you did not ask for this, tell "
            "a member of staff you trust."
        )
        % {"worker": requested_by.get_username()},
        subject=_("Someone asked for a new sign-in code for your account"),
    )
    link = reverse("young_people:code_requests")
    for person in people_who_can_agree(request=code_request):
        notify(
            user=person,
            message=_(
                "%(worker)s asked for a new sign-in code for %(person)s. "
                "Please check it with them."
            )
            % {"worker": requested_by.get_username(), "person": user.get_username()},
            link=link,
        )
    return code_request


@transaction.atomic
def decide_code_request(
    *, code_request: SignInCodeRequest, decided_by, agree: bool
) -> SignInCodeRequest:
    """A second member of staff agrees to (or refuses) a request for a new code."""
    code_request = (
        SignInCodeRequest.objects.select_for_update()
        .select_related("user")
        .get(pk=code_request.pk)
    )
    if code_request.status != SignInCodeRequest.Status.WAITING:
        raise ValidationError(_("Someone has already decided about this request."))
    if decided_by.pk == code_request.requested_by_id:
        raise ValidationError(_("Someone other than the person who asked must decide."))
    if not (
        decided_by.has_perm(f"accounts.{AGREE_PERMISSION}")
        and roles.can_act_on(decided_by, code_request.user)
    ):
        raise roles.OutOfReach
    code_request.status = (
        SignInCodeRequest.Status.AGREED if agree else SignInCodeRequest.Status.REFUSED
    )
    code_request.decided_by = decided_by
    code_request.decided_at = timezone.now()
    code_request.save(update_fields=["status", "decided_by", "decided_at"])
    log(
        instance=code_request,
        action=log_actions.SIGN_IN_CODE_AGREED
        if agree
        else log_actions.SIGN_IN_CODE_REFUSED,
        user=decided_by,
    )
    return code_request


@transaction.atomic
def print_agreed_sign_in_code(*, code_request: SignInCodeRequest, printed_by) -> str:
    """The worker who asked prints the agreed code; the person is told."""
    code_request = SignInCodeRequest.objects.select_for_update().get(pk=code_request.pk)
    if (
        code_request.status != SignInCodeRequest.Status.AGREED
        or code_request.requested_by_id != printed_by.pk
    ):
        raise PermissionDenied("This request is not agreed for this worker.")
    code = issue_sign_in_code(
        user=code_request.user, created_by=printed_by, agreed_request=code_request
    )
    code_request.status = SignInCodeRequest.Status.PRINTED
    code_request.save(update_fields=["status"])
    notify(
        user=code_request.user,
        message=_(
            "A new sign-in code was made for your account by %(worker)s, agreed by "
            "%(agreed)s. When it is used, your old password stops working. If you "
            "did not ask for this, tell a member of staff you trust."
        )
        % {
            "worker": printed_by.get_username(),
            "agreed": code_request.decided_by.get_username()
            if code_request.decided_by
            else _("another member of staff"),
        },
        subject=_("A new sign-in code was made for your account"),
    )
    return code


def find_usable_code(code: str) -> SignInCode | None:
    found = (
        SignInCode.objects.select_related("user")
        .filter(code_hash=hash_code(code))
        .first()
    )
    if not (found and found.is_usable() and found.user.is_active):
        return None
    return found if code_may_set_password(found) else None


def code_may_set_password(sign_in_code: SignInCode) -> bool:
    """A code replaces an existing password only with a second person's agreement."""
    return (
        not sign_in_code.user.has_usable_password()
        or sign_in_code.agreed_request_id is not None
    )


@transaction.atomic
def redeem_sign_in_code(*, sign_in_code: SignInCode, password: str) -> User:
    """Spend the code and set the password the young person chose."""
    locked = SignInCode.objects.select_for_update().get(pk=sign_in_code.pk)
    if not locked.is_usable() or not code_may_set_password(locked):
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
    log(young_person, log_actions.SIGN_IN_LOCK_LIFTED, user=case_worker)
