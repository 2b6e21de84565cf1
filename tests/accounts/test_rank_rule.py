"""Staff act only on accounts ranked below their own: one rule, every door.

The expected answers are written out by hand, not read from accounts.roles.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts import roles
from tests.factories import UserFactory

User = get_user_model()

pytestmark = pytest.mark.django_db

YP, CW, MOD, SL, PS, SM, ADMIN = (
    roles.YOUNG_PERSON,
    roles.CASE_WORKER,
    roles.MODERATOR,
    roles.SAFEGUARDING_LEAD,
    roles.PROGRAMME_STAFF,
    roles.SERVICE_MANAGER,
    roles.ADMINISTRATOR,
)
SUPERUSER = "superuser"


def person(role: str, username: str):
    if role == SUPERUSER:
        return UserFactory(
            username=username, roles=[ADMIN], is_superuser=True, is_staff=True
        )
    return UserFactory(username=username, roles=[role])


# (who acts, whose account, may they) — written by hand.
RANK_TABLE = [
    (CW, YP, True),
    (CW, MOD, False),
    (CW, CW, False),
    (SL, YP, True),
    (SL, CW, True),
    (SL, SL, False),
    (SL, SM, False),
    (SM, YP, True),
    (SM, CW, True),
    (SM, MOD, True),
    (SM, PS, True),
    (SM, SL, False),
    (SL, MOD, True),
    (SM, SM, False),
    (SM, ADMIN, False),
    (SM, SUPERUSER, False),
    (ADMIN, SM, True),
    (ADMIN, ADMIN, False),
    (ADMIN, SUPERUSER, False),
    (SUPERUSER, ADMIN, True),
    (SUPERUSER, SUPERUSER, True),
]


@pytest.mark.parametrize(("actor_role", "target_role", "allowed"), RANK_TABLE)
def test_staff_can_act_only_on_roles_below_their_own(actor_role, target_role, allowed):
    actor = person(actor_role, "actor")
    target = person(target_role, "target")
    assert roles.can_act_on(actor, target) is allowed


def test_nobody_acts_on_their_own_account_as_staff():
    admin = person(SUPERUSER, "me")
    assert roles.can_act_on(admin, admin) is False


# Deleting an account through the data-request pages.
DELETE_TABLE = [
    (SM, YP, True),
    (SM, CW, True),
    (SM, SL, False),
    (SM, SM, False),
    (SM, ADMIN, False),
    (ADMIN, SM, True),
    (ADMIN, ADMIN, False),
    (ADMIN, SUPERUSER, False),
]


@pytest.mark.parametrize(("actor_role", "target_role", "deleted"), DELETE_TABLE)
def test_a_data_request_deletes_only_accounts_ranked_below_the_staff_member(
    client_for, actor_role, target_role, deleted
):
    actor = person(actor_role, "actor")
    target = person(target_role, "target")
    client = client_for(actor)
    page = client.get(f"/staff/privacy/people/{target.pk}/delete/")
    response = client.post(
        f"/staff/privacy/people/{target.pk}/delete/",
        {"what_happens": "erase", "checked": "on"},
    )
    assert User.objects.filter(pk=target.pk).exists() is not deleted
    if not deleted:
        assert page.status_code == 403 and response.status_code == 403
        assert "Only someone in a more senior role can" in response.content.decode()


def test_a_service_manager_cannot_open_or_download_an_administrators_data(
    client_for,
):
    manager = person(SM, "manager")
    admin = person(ADMIN, "boss")
    client = client_for(manager)
    for path in ["", "data.json", "everything/"]:
        response = client.get(f"/staff/privacy/people/{admin.pk}/{path}")
        assert response.status_code == 403, path
        assert b"boss" not in response.content


def test_a_case_worker_cannot_print_a_code_for_a_colleague_they_support(client_for):
    worker = person(CW, "worker")
    colleague = UserFactory(username="colleague", roles=[MOD], case_worker=worker)
    colleague.set_unusable_password()
    colleague.save()
    response = client_for(worker).post(f"/staff/young-people/{colleague.pk}/code/")
    assert response.status_code == 403
    assert not colleague.sign_in_codes.exists()


# The Wagtail admin's user pages (administrators hold "change user").


def refused_by_wagtail(response) -> bool:
    """Wagtail's admin answers a refusal by sending the person back to its home page."""
    return response.status_code == 302 and response["Location"] == "/admin/"


def edit_form(user, **changes) -> dict:
    data = {
        "username": user.username,
        "email": user.email or f"{user.username}@example.org",
        "first_name": user.first_name or "Alex",
        "last_name": user.last_name or "Smith",
        "is_active": "on" if user.is_active else "",
        "groups": [str(pk) for pk in user.groups.values_list("pk", flat=True)],
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


def test_an_administrator_edits_a_service_manager_in_the_wagtail_admin(client_for):
    admin = person(ADMIN, "boss")
    manager = person(SM, "manager")
    client = client_for(admin)
    assert client.get(f"/admin/users/edit/{manager.pk}/").status_code == 200
    response = client.post(
        f"/admin/users/edit/{manager.pk}/", edit_form(manager, first_name="Sam")
    )
    assert response.status_code == 302
    manager.refresh_from_db()
    assert manager.first_name == "Sam"


def test_an_administrator_cannot_deactivate_another_administrator(client_for):
    admin = person(ADMIN, "boss")
    other = person(ADMIN, "other-boss")
    client = client_for(admin)
    assert refused_by_wagtail(client.get(f"/admin/users/edit/{other.pk}/"))
    response = client.post(
        f"/admin/users/edit/{other.pk}/", edit_form(other, is_active="")
    )
    assert refused_by_wagtail(response)
    other.refresh_from_db()
    assert other.is_active


def test_an_administrator_cannot_make_someone_an_administrator(client_for):
    admin = person(ADMIN, "boss")
    manager = person(SM, "manager")
    admin_group = Group.objects.get(name=ADMIN)
    groups = [str(g.pk) for g in manager.groups.all()] + [str(admin_group.pk)]
    response = client_for(admin).post(
        f"/admin/users/edit/{manager.pk}/", edit_form(manager, groups=groups)
    )
    assert refused_by_wagtail(response)
    assert not manager.groups.filter(name=ADMIN).exists()


def test_an_administrator_cannot_create_a_superuser(client_for):
    admin = person(ADMIN, "boss")
    response = client_for(admin).post(
        "/admin/users/new/",
        {
            "username": "newboss",
            "email": "newboss@example.org",
            "first_name": "New",
            "last_name": "Boss",
            "is_superuser": "on",
            "is_active": "on",
        },
    )
    assert refused_by_wagtail(response)
    assert not User.objects.filter(username="newboss").exists()


def test_bulk_actions_in_the_wagtail_admin_follow_the_same_rule(client_for):
    admin = person(ADMIN, "boss")
    other = person(ADMIN, "other-boss")
    young = person(YP, "young")
    client = client_for(admin)
    response = client.post(
        f"/admin/bulk/accounts/user/set_active_state/?id={other.pk}",
        {"mark_as_active": "False"},
    )
    assert response.status_code == 403 or refused_by_wagtail(response)
    other.refresh_from_db()
    assert other.is_active
    admin_group = Group.objects.get(name=ADMIN)
    response = client.post(
        f"/admin/bulk/accounts/user/assign_role/?id={young.pk}",
        {"role": admin_group.pk},
    )
    assert response.status_code == 403 or refused_by_wagtail(response)
    assert not young.groups.filter(name=ADMIN).exists()
