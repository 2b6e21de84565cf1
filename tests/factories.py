"""Factories shared by every app's tests."""

from importlib import import_module
from types import SimpleNamespace

import factory
from allauth.account.internal.flows.login import record_authentication
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from accounts import roles

DEFAULT_PASSWORD = "a-good-password-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))

    @factory.post_generation
    def saved(self, create, extracted, **kwargs):
        if create:
            self.save()


def pass_mfa(client, user) -> None:
    """Record in the client's session that it passed MFA, as allauth does after a code."""
    session = client.session
    record_authentication(SimpleNamespace(session=session), user, "mfa", type="totp")
    session.save()


def session_that_passed_mfa(user):
    """A session in which `user` passed MFA, for a websocket's scope (kept in memory)."""
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    record_authentication(SimpleNamespace(session=session), user, "mfa", type="totp")
    return session


class ImageFactory(factory.django.DjangoModelFactory):
    """A small picture in Wagtail's image library, as if uploaded by staff."""

    class Meta:
        model = "wagtailimages.Image"

    title = factory.Sequence(lambda n: f"Picture {n}")
    file = factory.django.ImageField(width=64, height=48, color="green")


def body_picture(image, alt_text="", *, decorative=False, caption="") -> dict:
    """A picture in a page body, stored as the admin's picture block saves it."""
    return {
        "type": "image",
        "value": {
            "image": {
                "image": image.pk,
                "alt_text": alt_text,
                "decorative": decorative,
            },
            "caption": caption,
        },
    }


def user_with_role(role: str, **kwargs):
    return UserFactory(roles=[role], **kwargs)


ROLE_USERNAMES = {
    roles.YOUNG_PERSON: "young",
    roles.PARENT_CARER: "parent",
    roles.BOARD_MEMBER: "board",
    roles.CASE_WORKER: "caseworker",
    roles.MODERATOR: "moderator",
    roles.SAFEGUARDING_LEAD: "safeguarding",
    roles.PROGRAMME_STAFF: "programmes",
    roles.SERVICE_MANAGER: "manager",
    roles.ADMINISTRATOR: "admin",
}


def sign_in_code_for(user, *, created_by) -> str:
    """A printed code for `user`; for someone with a password, with a colleague's agreement."""
    from django.utils import timezone

    from accounts.models import SignInCodeRequest
    from accounts.services import issue_sign_in_code

    agreed = None
    if user.has_usable_password():
        agreed = SignInCodeRequest.objects.create(
            user=user,
            requested_by=created_by,
            reason="Forgot their password.",
            status=SignInCodeRequest.Status.AGREED,
            decided_at=timezone.now(),
        )
    return issue_sign_in_code(user=user, created_by=created_by, agreed_request=agreed)


def page_behind_a_password(parent, page, *, password: str):
    """`page` added under `parent`, opening only with a shared password (Wagtail's page privacy)."""
    parent.add_child(instance=page)
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=password
    )
    return page
